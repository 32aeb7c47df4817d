// What every command that changes a document shares: the refusals that leave it untouched,
// one undo step, the analysis styles, field refresh.
#pragma once

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <string>

namespace aa::writer
{
/// Throws aa::InputError (error.readOnly) when the document cannot be changed.
void checkWritable(const css::uno::Reference<css::text::XTextDocument>& xDoc);

/// Throws aa::InputError (error.protected) when range lies in a protected section (or one of its
/// parents) or in a protected table cell.
void checkNotProtected(const css::uno::Reference<css::text::XTextRange>& xRange);

/// Runs change as one undo action titled by the resource key. Should change throw, what it did
/// is undone before the exception leaves, so the document is as it was. Controllers are locked
/// meanwhile, so Writer does not lay out the document after every step.
void asOneUndoStep(const css::uno::Reference<css::text::XTextDocument>& xDoc, const char* titleKey,
                   const std::function<void()>& change);

/// Creates the analysis paragraph styles the document lacks; existing ones are left alone.
void ensureStyles(const css::uno::Reference<css::text::XTextDocument>& xDoc);

/// Brings every cross-reference field up to date with the text it shows.
void refreshFields(const css::uno::Reference<css::text::XTextDocument>& xDoc);

/// Splits the paragraph at the cursor so that Writer can insert an ODF package into an empty
/// paragraph of its own, then inserts it there. The empty paragraph left after the package keeps
/// the style it had; with dropEmptyAfter it is removed (inside the analysis).
void insertPackage(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                   const css::uno::Reference<css::text::XTextCursor>& xCursor, const std::string& package,
                   bool dropEmptyAfter = false);
} // namespace aa::writer
