#include "ParagraphWriter.hxx"

#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/PlaceholderType.hpp>
#include <com/sun/star/text/ReferenceFieldPart.hpp>
#include <com/sun/star/text/ReferenceFieldSource.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/DateTime.hpp>

#include <algorithm>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::writer
{
namespace
{
util::DateTime now()
{
    const std::tm local = aa::localNow();
    util::DateTime dt;
    dt.Year = static_cast<sal_Int16>(local.tm_year + 1900);
    dt.Month = static_cast<sal_uInt16>(local.tm_mon + 1);
    dt.Day = static_cast<sal_uInt16>(local.tm_mday);
    dt.Hours = static_cast<sal_uInt16>(local.tm_hour);
    dt.Minutes = static_cast<sal_uInt16>(local.tm_min);
    dt.Seconds = static_cast<sal_uInt16>(local.tm_sec);
    return dt;
}

bool isHeading(aa::Role role) { return role == aa::Role::IssueTitle || role == aa::Role::AdultName; }
} // namespace

ParagraphWriter::ParagraphWriter(const uno::Reference<text::XTextDocument>& xDoc)
    : m_xDoc(xDoc), m_xFactory(xDoc, uno::UNO_QUERY_THROW)
{
}

uno::Reference<text::XTextRange> ParagraphWriter::at(const uno::Reference<text::XTextCursor>& xCursor)
{
    return uno::Reference<text::XTextRange>(xCursor, uno::UNO_QUERY_THROW);
}

void ParagraphWriter::write(const uno::Reference<text::XTextCursor>& xCursor, const aa::NewParagraph& np)
{
    const uno::Reference<text::XText> xText = xCursor->getText();
    uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
        ->setPropertyValue("ParaStyleName", uno::Any(fromUtf8(aa::styleName(np.role, np.index))));
    for (const aa::Run& run : np.runs)
        switch (run.kind)
        {
            case aa::Run::Kind::Text:
                insertText(xCursor, run.text, false);
                break;
            case aa::Run::Kind::Strong:
                insertText(xCursor, run.text, true);
                break;
            case aa::Run::Kind::Marked:
            {
                removeBookmark(run.mark);
                const auto xInserted = insertText(xCursor, run.text, false);
                if (xInserted.is())
                {
                    insertBookmark(uno::Reference<text::XTextRange>(xInserted, uno::UNO_QUERY_THROW), run.mark, true);
                    xCursor->gotoRange(xInserted->getEnd(), false);
                }
                else
                    insertBookmark(ParagraphWriter::at(xCursor), run.mark, false);
                break;
            }
            case aa::Run::Kind::Link:
                insertLink(xCursor, run);
                break;
            case aa::Run::Kind::Prompt:
                insertPrompt(xCursor, run.text);
                break;
        }
}

uno::Reference<text::XTextCursor> ParagraphWriter::insertText(const uno::Reference<text::XTextCursor>& xCursor,
                                                              const std::string& text, bool strong)
{
    if (text.empty())
        return nullptr;
    const uno::Reference<text::XText> xText = xCursor->getText();
    const OUString aText = fromUtf8(text);
    xText->insertString(at(xCursor), aText, false);
    // A cursor made before the insertion would have moved with the text (Writer shifts every
    // position at the insertion point): select the text back from its end instead.
    auto xInserted = xText->createTextCursorByRange(xCursor->getEnd());
    for (sal_Int32 left = aText.getLength(); left > 0; left -= SAL_MAX_INT16)
        xInserted->goLeft(static_cast<sal_Int16>(std::min<sal_Int32>(left, SAL_MAX_INT16)), true);
    if (strong)
    {
        uno::Reference<beans::XPropertySet>(xInserted, uno::UNO_QUERY_THROW)
            ->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
        // Text typed after it is not bold.
        uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
            ->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::NORMAL));
    }
    return xInserted;
}

void ParagraphWriter::replace(const uno::Reference<text::XTextContent>& xPara, const aa::NewParagraph& np)
{
    if (isHeading(np.role) && replaceInsideBookmark(xPara, np))
        return;
    auto xAnchor = xPara->getAnchor();
    auto xCursor = xAnchor->getText()->createTextCursorByRange(xAnchor);
    xCursor->setString(OUString());
    xCursor->collapseToStart();
    write(xCursor, np);
}

bool ParagraphWriter::replaceInsideBookmark(const uno::Reference<text::XTextContent>& xPara, const aa::NewParagraph& np)
{
    if (np.runs.size() != 1 || np.runs[0].kind != aa::Run::Kind::Marked)
        return false;
    auto xMarks = uno::Reference<text::XBookmarksSupplier>(m_xDoc, uno::UNO_QUERY_THROW)->getBookmarks();
    const OUString aName = fromUtf8(np.runs[0].mark);
    if (!xMarks->hasByName(aName))
        return false;
    uno::Reference<text::XTextContent> xMark(xMarks->getByName(aName), uno::UNO_QUERY_THROW);
    const auto xText = xPara->getAnchor()->getText();
    // The reader found the bookmark in this very paragraph; only its being empty matters.
    if (xMark->getAnchor()->getString().isEmpty())
        return false;
    uno::Reference<beans::XPropertySet>(xText->createTextCursorByRange(xPara->getAnchor()), uno::UNO_QUERY_THROW)
        ->setPropertyValue("ParaStyleName", uno::Any(fromUtf8(aa::styleName(np.role, np.index))));
    auto xCursor = xText->createTextCursorByRange(xMark->getAnchor()->getStart());
    xCursor->goRight(1, false);
    xText->insertString(at(xCursor), fromUtf8(np.runs[0].text), false);
    xCursor->gotoRange(xMark->getAnchor()->getEnd(), true);
    xCursor->setString(OUString());
    auto xFirst = xText->createTextCursorByRange(xMark->getAnchor()->getStart());
    xFirst->goRight(1, true);
    xFirst->setString(OUString());
    // The heading holds the title only: what stands outside the bookmark goes.
    auto xBefore = xText->createTextCursorByRange(xMark->getAnchor()->getStart());
    uno::Reference<text::XParagraphCursor>(xBefore, uno::UNO_QUERY_THROW)->gotoStartOfParagraph(true);
    if (!xBefore->getString().isEmpty())
        xBefore->setString(OUString());
    auto xAfter = xText->createTextCursorByRange(xMark->getAnchor()->getEnd());
    uno::Reference<text::XParagraphCursor>(xAfter, uno::UNO_QUERY_THROW)->gotoEndOfParagraph(true);
    if (!xAfter->getString().isEmpty())
        xAfter->setString(OUString());
    return true;
}

void ParagraphWriter::insertAfter(const uno::Reference<text::XTextContent>& xPara,
                                  const std::vector<aa::NewParagraph>& paragraphs)
{
    auto xEnd = xPara->getAnchor()->getEnd();
    auto xText = xEnd->getText();
    auto xCursor = xText->createTextCursorByRange(xEnd);
    for (const aa::NewParagraph& np : paragraphs)
    {
        xText->insertControlCharacter(at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
        write(xCursor, np);
    }
}

void ParagraphWriter::insertBefore(const uno::Reference<text::XTextContent>& xPara,
                                   const std::vector<aa::NewParagraph>& paragraphs)
{
    if (paragraphs.empty())
        return;
    // A new empty paragraph before this one, written, then the rest after it.
    auto xStart = xPara->getAnchor()->getStart();
    auto xText = xStart->getText();
    auto xCursor = xText->createTextCursorByRange(xStart);
    xText->insertControlCharacter(at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
    uno::Reference<text::XParagraphCursor> xParaCursor(xCursor, uno::UNO_QUERY_THROW);
    xParaCursor->gotoPreviousParagraph(false);
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
    {
        if (i)
            xText->insertControlCharacter(at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
        write(xCursor, paragraphs[i]);
    }
}

void ParagraphWriter::insertLink(const uno::Reference<text::XTextCursor>& xCursor, const aa::Run& run)
{
    const OUString aBookmark = fromUtf8(run.mark);
    uno::Reference<beans::XPropertySet> xField(m_xFactory->createInstance("com.sun.star.text.TextField.GetReference"),
                                               uno::UNO_QUERY_THROW);
    xField->setPropertyValue("ReferenceFieldSource", uno::Any(text::ReferenceFieldSource::BOOKMARK));
    xField->setPropertyValue("SourceName", uno::Any(aBookmark));
    xField->setPropertyValue("ReferenceFieldPart", uno::Any(text::ReferenceFieldPart::TEXT));
    auto xText = xCursor->getText();
    uno::Reference<text::XTextContent> xContent(xField, uno::UNO_QUERY_THROW);
    xText->insertTextContent(at(xCursor), xContent, false);
    auto xLink = xText->createTextCursorByRange(xContent->getAnchor());
    uno::Reference<beans::XPropertySet>(xLink, uno::UNO_QUERY_THROW)
        ->setPropertyValue("HyperLinkURL", uno::Any("#" + aBookmark));
    xCursor->gotoRange(xContent->getAnchor()->getEnd(), false);
    // Text typed after the link must not become part of it.
    uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
        ->setPropertyValue("HyperLinkURL", uno::Any(OUString()));
}

PromptField promptField(const uno::Reference<uno::XInterface>& xField)
{
    uno::Reference<lang::XServiceInfo> xInfo(xField, uno::UNO_QUERY);
    if (!xInfo.is())
        return PromptField::None;
    if (xInfo->supportsService("com.sun.star.text.TextField.JumpEdit"))
        return PromptField::Placeholder;
    if (xInfo->supportsService("com.sun.star.text.TextField.Input"))
        return PromptField::Input;
    return PromptField::None;
}

bool isAnalysisPrompt(const uno::Reference<uno::XInterface>& xField)
{
    switch (promptField(xField))
    {
        case PromptField::Placeholder:
            return true;
        case PromptField::Input:
        {
            OUString aContent;
            uno::Reference<beans::XPropertySet>(xField, uno::UNO_QUERY_THROW)->getPropertyValue("Content") >>= aContent;
            return aa::isComposedPrompt(toUtf8(aContent));
        }
        case PromptField::None:
            break;
    }
    return false;
}

void ParagraphWriter::insertPrompt(const uno::Reference<text::XTextCursor>& xCursor, const std::string& text)
{
    uno::Reference<beans::XPropertySet> xField(m_xFactory->createInstance("com.sun.star.text.TextField.JumpEdit"),
                                               uno::UNO_QUERY_THROW);
    xField->setPropertyValue("PlaceHolderType", uno::Any(text::PlaceholderType::TEXT));
    xField->setPropertyValue("PlaceHolder", uno::Any(fromUtf8(text)));
    xField->setPropertyValue("Hint", uno::Any(fromUtf8(text)));
    uno::Reference<text::XTextContent> xContent(xField, uno::UNO_QUERY_THROW);
    xCursor->getText()->insertTextContent(at(xCursor), xContent, false);
    xCursor->gotoRange(xContent->getAnchor()->getEnd(), false);
}

void ParagraphWriter::insertBookmark(const uno::Reference<text::XTextRange>& xRange, const std::string& name,
                                     bool absorb)
{
    uno::Reference<text::XTextContent> xMark(m_xFactory->createInstance("com.sun.star.text.Bookmark"),
                                             uno::UNO_QUERY_THROW);
    uno::Reference<container::XNamed>(xMark, uno::UNO_QUERY_THROW)->setName(fromUtf8(name));
    xRange->getText()->insertTextContent(xRange, xMark, absorb);
}

void ParagraphWriter::removeBookmark(const std::string& name)
{
    auto xMarks = uno::Reference<text::XBookmarksSupplier>(m_xDoc, uno::UNO_QUERY_THROW)->getBookmarks();
    if (!xMarks->hasByName(fromUtf8(name)))
        return;
    uno::Reference<text::XTextContent> xMark(xMarks->getByName(fromUtf8(name)), uno::UNO_QUERY_THROW);
    xMark->getAnchor()->getText()->removeTextContent(xMark);
}

void ParagraphWriter::insertComment(const uno::Reference<text::XTextRange>& xRange, const std::string& author,
                                    const std::string& content)
{
    uno::Reference<beans::XPropertySet> xNote(m_xFactory->createInstance("com.sun.star.text.TextField.Annotation"),
                                              uno::UNO_QUERY_THROW);
    xNote->setPropertyValue("Author", uno::Any(fromUtf8(author)));
    xNote->setPropertyValue("Content", uno::Any(fromUtf8(content)));
    xNote->setPropertyValue("DateTimeValue", uno::Any(now()));
    xRange->getText()->insertTextContent(xRange->getStart(),
                                         uno::Reference<text::XTextContent>(xNote, uno::UNO_QUERY_THROW), false);
}
} // namespace aa::writer
