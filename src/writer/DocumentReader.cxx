#include "DocumentReader.hxx"

#include "ParagraphWriter.hxx"
#include "UnoString.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IndexOutOfBoundsException.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>

using namespace css;
using aa::glue::toUtf8;

namespace aa::writer
{
namespace
{
OUString stringProperty(const uno::Reference<beans::XPropertySet>& xProps, const OUString& rName)
{
    OUString aValue;
    xProps->getPropertyValue(rName) >>= aValue;
    return aValue;
}

/// Portions of a paragraph: text runs with their hyperlink, fields with the bookmark they show,
/// the names of bookmarks that start here, and prompts (placeholder fields, whose text is not
/// the practitioner's). The paragraph's text is built from the portions; false when a portion
/// of a kind we do not read the text of (a footnote, a frame) is there, so the caller asks the
/// paragraph for its text instead.
bool readPortions(const uno::Reference<container::XEnumerationAccess>& xPara, aa::Paragraph& rOut)
{
    bool complete = true;
    std::string text;
    auto xPortions = xPara->createEnumeration();
    while (xPortions->hasMoreElements())
    {
        uno::Reference<beans::XPropertySet> xPortion(xPortions->nextElement(), uno::UNO_QUERY);
        if (!xPortion.is())
            continue;
        const OUString aType = stringProperty(xPortion, "TextPortionType");
        if (aType == "Bookmark")
        {
            bool bStart = false, bCollapsed = false;
            xPortion->getPropertyValue("IsStart") >>= bStart;
            xPortion->getPropertyValue("IsCollapsed") >>= bCollapsed;
            uno::Reference<container::XNamed> xNamed(xPortion->getPropertyValue("Bookmark"),
                                                     uno::UNO_QUERY);
            if ((bStart || bCollapsed) && xNamed.is())
            {
                rOut.bookmarks.push_back(toUtf8(xNamed->getName()));
                if (bCollapsed)
                    rOut.emptyBookmarks.push_back(rOut.bookmarks.back());
            }
            continue;
        }
        if (aType == "SoftPageBreak" || aType == "Annotation" || aType == "AnnotationEnd" || aType == "ReferenceMark"
            || aType == "InContentMetadata" || aType == "Redline")
            continue;
        if (aType != "Text" && aType != "TextField")
        {
            complete = false;
            continue;
        }
        aa::Span span;
        span.text = toUtf8(uno::Reference<text::XTextRange>(xPortion, uno::UNO_QUERY_THROW)->getString());
        span.link = toUtf8(stringProperty(xPortion, "HyperLinkURL"));
        if (aType == "TextField")
        {
            uno::Reference<beans::XPropertySet> xField(xPortion->getPropertyValue("TextField"),
                                                       uno::UNO_QUERY);
            uno::Reference<lang::XServiceInfo> xInfo(xField, uno::UNO_QUERY);
            if (isAnalysisPrompt(xField))
            {
                rOut.prompt = true;
                continue;
            }
            if (xInfo.is() && xInfo->supportsService("com.sun.star.text.TextField.GetReference"))
                span.fieldBookmark = toUtf8(stringProperty(xField, "SourceName"));
        }
        text += span.text;
        rOut.spans.push_back(std::move(span));
    }
    rOut.text = std::move(text);
    return complete;
}

aa::Paragraph readParagraph(const uno::Reference<uno::XInterface>& xElement)
{
    aa::Paragraph para;
    uno::Reference<beans::XPropertySet> xProps(xElement, uno::UNO_QUERY_THROW);
    para.style = toUtf8(stringProperty(xProps, "ParaStyleName"));
    return para;
}

/// Adds the text and the marks (bookmarks, links, fields, prompts) to a paragraph read by style
/// only, from its portions (a paragraph's getString() would run Writer's text export a second
/// time).
void readDetail(const uno::Reference<uno::XInterface>& xElement, aa::Paragraph& para)
{
    if (!readPortions(uno::Reference<container::XEnumerationAccess>(xElement, uno::UNO_QUERY_THROW), para))
        para.text = toUtf8(uno::Reference<text::XTextRange>(xElement, uno::UNO_QUERY_THROW)->getString());
}

aa::Cell readCell(const uno::Reference<text::XText>& xCellText)
{
    aa::Cell cell;
    uno::Reference<container::XEnumerationAccess> xAccess(xCellText, uno::UNO_QUERY_THROW);
    auto xParas = xAccess->createEnumeration();
    while (xParas->hasMoreElements())
    {
        uno::Reference<uno::XInterface> xPara(xParas->nextElement(), uno::UNO_QUERY);
        uno::Reference<lang::XServiceInfo> xInfo(xPara, uno::UNO_QUERY);
        if (xInfo.is() && xInfo->supportsService("com.sun.star.text.Paragraph"))
        {
            cell.push_back(readParagraph(xPara));
            readDetail(xPara, cell.back());
        }
    }
    return cell;
}

/// A table's cells; only its first row unless full (enough to tell a plan table).
aa::Table readTable(const uno::Reference<text::XTextTable>& xTable, bool full)
{
    aa::Table table;
    uno::Reference<table::XCellRange> xRange(xTable, uno::UNO_QUERY_THROW);
    const sal_Int32 nRows = xTable->getRows()->getCount();
    const sal_Int32 nCols = xTable->getColumns()->getCount();
    if (nRows == 0 || nCols == 0)
        return table;
    for (sal_Int32 r = 0; r < (full ? nRows : 1); ++r)
    {
        aa::Row row;
        for (sal_Int32 c = 0; c < nCols; ++c)
        {
            try
            {
                row.push_back(readCell(uno::Reference<text::XText>(
                    xRange->getCellByPosition(c, r), uno::UNO_QUERY_THROW)));
            }
            catch (const lang::IndexOutOfBoundsException&)
            {
                row.emplace_back(); // merged or split cells: the position does not exist
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

bool isOurs(const aa::Block& block)
{
    if (const aa::Table* table = std::get_if<aa::Table>(&block))
    {
        if (table->rows.empty() || table->rows[0].empty() || table->rows[0][0].empty())
            return false;
        const aa::Role role = aa::roleOfStyle(table->rows[0][0][0].style).role;
        return role == aa::Role::PlanHeader || role == aa::Role::SupervisionHeader;
    }
    return aa::roleOfStyle(std::get<aa::Paragraph>(block).style).role != aa::Role::None;
}

bool isHeadingBookmark(const std::string& name)
{
    return aa::isOurBookmark(aa::MarkKind::Issue, name) || aa::isOurBookmark(aa::MarkKind::Adult, name);
}

/// How many issue and adult heading bookmarks the document holds.
std::size_t headingBookmarkCount(const uno::Reference<text::XTextDocument>& xDoc)
{
    uno::Reference<text::XBookmarksSupplier> xSupplier(xDoc, uno::UNO_QUERY);
    std::size_t n = 0;
    if (xSupplier.is())
        for (const OUString& rName : xSupplier->getBookmarks()->getElementNames())
            n += isHeadingBookmark(toUtf8(rName)) ? 1 : 0;
    return n;
}

std::size_t headingBookmarksRead(const std::vector<aa::Block>& blocks)
{
    std::size_t n = 0;
    for (const aa::Block& block : blocks)
        if (const aa::Paragraph* para = std::get_if<aa::Paragraph>(&block))
            for (const std::string& name : para->bookmarks)
                n += isHeadingBookmark(name) ? 1 : 0;
    return n;
}

/// Reads the blocks first..last in full, each once (done marks those read).
void readDetails(DocumentBlocks& result, std::size_t first, std::size_t last, std::vector<bool>& done)
{
    for (std::size_t i = first; i <= last && i < result.blocks.size(); ++i)
    {
        if (done[i])
            continue;
        done[i] = true;
        if (aa::Paragraph* para = std::get_if<aa::Paragraph>(&result.blocks[i]))
            readDetail(uno::Reference<uno::XInterface>(result.handles[i], uno::UNO_QUERY), *para);
        else
            result.blocks[i] = readTable(uno::Reference<text::XTextTable>(result.handles[i], uno::UNO_QUERY_THROW), true);
    }
}
} // namespace

DocumentBlocks readBlocks(const uno::Reference<text::XTextDocument>& xDoc)
{
    // Pass 1: every block's style only (cheap), and the first row of tables.
    DocumentBlocks result;
    uno::Reference<container::XEnumerationAccess> xAccess(xDoc->getText(), uno::UNO_QUERY_THROW);
    auto xElements = xAccess->createEnumeration();
    while (xElements->hasMoreElements())
    {
        uno::Reference<text::XTextContent> xElement(xElements->nextElement(), uno::UNO_QUERY);
        if (!xElement.is())
            continue;
        uno::Reference<text::XTextTable> xTable(xElement, uno::UNO_QUERY);
        if (xTable.is())
            result.blocks.emplace_back(readTable(xTable, false));
        else
            result.blocks.emplace_back(readParagraph(uno::Reference<uno::XInterface>(xElement, uno::UNO_QUERY)));
        result.handles.push_back(xElement);
    }

    // Pass 2: text and marks where the analysis is: between the first and the last block with
    // one of our styles. When that misses headings of ours (styles lost in Word, or only partly
    // restored), everywhere.
    std::size_t first = result.blocks.size(), last = 0;
    for (std::size_t i = 0; i < result.blocks.size(); ++i)
        if (isOurs(result.blocks[i]))
        {
            first = std::min(first, i);
            last = i;
        }
    const std::size_t headings = headingBookmarkCount(xDoc);
    std::vector<bool> done(result.blocks.size(), false);
    if (first < result.blocks.size())
        readDetails(result, first, last, done);
    if (headingBookmarksRead(result.blocks) < headings && !result.blocks.empty())
        readDetails(result, 0, result.blocks.size() - 1, done);
    return result;
}

} // namespace aa::writer
