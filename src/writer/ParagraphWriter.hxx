// Writes the core's paragraphs (aa::NewParagraph: runs of text, bookmarked text, marked prefixes,
// links, prompts) through Writer's text API, as the ODF fragment lays them out.
#pragma once

#include "Compose.hpp"

#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <string>
#include <vector>

namespace aa::writer
{
class ParagraphWriter
{
public:
    explicit ParagraphWriter(const css::uno::Reference<css::text::XTextDocument>& xDoc);

    /// The cursor itself as the range to insert at: text inserted there leaves the cursor after it.
    static css::uno::Reference<css::text::XTextRange> at(const css::uno::Reference<css::text::XTextCursor>& xCursor);

    /// Writes np into the empty paragraph at the (collapsed) cursor, which ends after it.
    void write(const css::uno::Reference<css::text::XTextCursor>& xCursor, const aa::NewParagraph& np);
    /// Rewrites a paragraph with np. A heading (issue, adult) is rewritten inside its own
    /// bookmark, keeping the bookmark object, so cross-references never point at a missing one.
    void replace(const css::uno::Reference<css::text::XTextContent>& xPara, const aa::NewParagraph& np);
    /// New paragraphs after, or before, a paragraph.
    void insertAfter(const css::uno::Reference<css::text::XTextContent>& xPara, const std::vector<aa::NewParagraph>& paragraphs);
    void insertBefore(const css::uno::Reference<css::text::XTextContent>& xPara, const std::vector<aa::NewParagraph>& paragraphs);

    /// A bookmark over range (absorb) or at its start.
    void insertBookmark(const css::uno::Reference<css::text::XTextRange>& xRange, const std::string& name, bool absorb);
    /// A comment at range under author, dated now (as Writer's own comments are).
    void insertComment(const css::uno::Reference<css::text::XTextRange>& xRange, const std::string& author,
                       const std::string& content);

private:
    bool replaceInsideBookmark(const css::uno::Reference<css::text::XTextContent>& xPara, const aa::NewParagraph& np);
    void removeBookmark(const std::string& name);
    void insertLink(const css::uno::Reference<css::text::XTextCursor>& xCursor, const aa::Run& run);
    void insertPrompt(const css::uno::Reference<css::text::XTextCursor>& xCursor, const std::string& text);
    void insertText(const css::uno::Reference<css::text::XTextCursor>& xCursor, const std::string& text, bool strong);

    css::uno::Reference<css::text::XTextDocument> m_xDoc;
    css::uno::Reference<css::lang::XMultiServiceFactory> m_xFactory;
};
} // namespace aa::writer
