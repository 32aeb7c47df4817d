// Applies the core's update plans to a document in place (model -> writer -> document).
#pragma once

#include "DocumentReader.hxx"
#include "Update.hpp"

#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace aa::writer
{
/// Applies aa::planUpdate's edits to the document the blocks were read from, as one undo step.
/// Throws aa::InputError, changing nothing, when the document is read-only or an edit falls in
/// a protected section.
/// undoKey names the undo step's title in the strings.
void applyUpdate(const css::uno::Reference<css::text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                 const aa::UpdatePlan& plan, const char* undoKey = "undo.update");

/// Applies aa::planPlanUpdate's result, as one undo step; titles come from current.
void applyPlanUpdate(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                     const css::uno::Reference<css::text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                     const aa::ReadResult& current, const aa::PlanUpdatePlan& plan);
} // namespace aa::writer
