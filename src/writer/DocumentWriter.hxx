// Applies the core's results to a Writer document (model -> writer -> document): the insertion.
#pragma once

#include "Analysis.hpp"
#include "DocumentStructure.hpp"

#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace aa::writer
{
/// Inserts the analysis (which must hold its plan). In a report made from the template, each part
/// goes to its place (how safe the child is now, the analysis, the recommendation, the plan),
/// under the template's own headings, wherever the cursor is; in any other document everything
/// goes at the view cursor (at the end of the text when the document has no view). The whole
/// insertion is one undo action and is never the last thing in the document.
/// Throws aa::InputError, changing nothing, when the document is read-only, already holds an
/// analysis, or a place (or the cursor) is in a protected section or outside the main text.
/// Should Writer fail half-way, the partial insertion is undone before the exception leaves.
/// Returns true when the parts went to the template's places.
bool insertAnalysis(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                    const css::uno::Reference<css::text::XTextDocument>& xDoc, const aa::Analysis& analysis);

/// The template's place (its point bookmark), or an empty reference when the report has none.
css::uno::Reference<css::text::XTextRange> templatePlace(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                                                         aa::TemplatePlace place);

/// When the cursor's paragraph holds nothing but prompts (placeholder fields, as the template's
/// places do), the prompts go: what is inserted takes the prompt's place. Returns the cursor to
/// insert at.
css::uno::Reference<css::text::XTextCursor> clearPrompt(const css::uno::Reference<css::text::XTextCursor>& xCursor);
} // namespace aa::writer
