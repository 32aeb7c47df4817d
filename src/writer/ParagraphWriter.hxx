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
/// What kind of prompt a text field is. Writer's placeholder (JumpEdit) is what we write; Word
/// keeps it as a MACROBUTTON placeholder, which LibreOffice reads back from .docx as an input
/// field showing the prompt's text.
enum class PromptField
{
    None,
    Placeholder, ///< a JumpEdit field
    Input,       ///< an input field (a placeholder that went through Word)
};
PromptField promptField(const css::uno::Reference<css::uno::XInterface>& xField);
/// Whether a text field is one of the analysis's own prompts: a placeholder, or an input field
/// holding one of the prompts the analysis writes (see aa::isComposedPrompt).
bool isAnalysisPrompt(const css::uno::Reference<css::uno::XInterface>& xField);

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
    void insertAfter(const css::uno::Reference<css::text::XTextContent>& xPara,
                     const std::vector<aa::NewParagraph>& paragraphs);
    void insertBefore(const css::uno::Reference<css::text::XTextContent>& xPara,
                      const std::vector<aa::NewParagraph>& paragraphs);

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
    /// Inserts text at the cursor, which ends after it; returns a cursor over the text (none for
    /// empty text).
    css::uno::Reference<css::text::XTextCursor> insertText(const css::uno::Reference<css::text::XTextCursor>& xCursor,
                                                           const std::string& text, bool strong);

    css::uno::Reference<css::text::XTextDocument> m_xDoc;
    css::uno::Reference<css::lang::XMultiServiceFactory> m_xFactory;
};
} // namespace aa::writer
