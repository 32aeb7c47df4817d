// Applies the core's results to a Writer document (model -> writer -> document).
#pragma once

#include "Analysis.hpp"

#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace aa::writer
{
/// Inserts the analysis section and plan table (the analysis must hold its plan) at the view
/// cursor, or at the end of the text when the document has no view. The whole insertion is one
/// undo action and is never the last thing in the document.
/// Throws aa::InputError, changing nothing, when the document is read-only, already holds an
/// analysis, or the cursor is in a protected section or outside the main text. Should Writer
/// fail half-way, the partial insertion is undone before the exception leaves.
void insertAnalysis(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                    const css::uno::Reference<css::text::XTextDocument>& xDoc,
                    const aa::Analysis& analysis);
} // namespace aa::writer
