#include "DocumentReader.hxx"

#include "Compose.hpp"

#include "ParagraphWriter.hxx"
#include "UnoString.hxx"

#include <com/sun/star/beans/XMultiPropertySet.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IndexOutOfBoundsException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include <algorithm>
#include <optional>

using namespace css;
using aa::glue::toUtf8;

namespace aa::writer
{
namespace
{
// Property names made once: a name made from a literal at each call is an allocation, and the
// reader asks thousands of portions and paragraphs for their properties.
const OUString& portionTypeName()
{
    static const OUString aName("TextPortionType");
    return aName;
}
const OUString& textFieldName()
{
    static const OUString aName("TextField");
    return aName;
}
const OUString& hyperLinkName()
{
    static const OUString aName("HyperLinkURL");
    return aName;
}
const OUString& paraStyleName()
{
    static const OUString aName("ParaStyleName");
    return aName;
}

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
/// paragraph for its text instead. Without links (aa::readsLinks: the reader does not look at
/// them for this paragraph's role), the text alone: no spans, no hyperlinks.
///
/// A portion's HyperLinkURL is the most costly thing read here: Writer works the value out from
/// every attribute of the portion. Whether the portion has one at all (its property state) is
/// worked out from the hyperlink attribute alone, so the value is asked for only where there is one.
bool readPortions(const uno::Reference<container::XEnumerationAccess>& xPara, aa::Paragraph& rOut, bool links)
{
    bool complete = true;
    std::string text;
    auto xPortions = xPara->createEnumeration();
    while (xPortions->hasMoreElements())
    {
        // Writer hands out each portion as its XTextRange: taken as it is (no query), its
        // properties asked for once.
        uno::Reference<text::XTextRange> xRange;
        xPortions->nextElement() >>= xRange;
        uno::Reference<beans::XPropertySet> xPortion(xRange, uno::UNO_QUERY);
        if (!xPortion.is())
            continue;
        const OUString aType = stringProperty(xPortion, portionTypeName());
        if (aType == "Bookmark")
        {
            static const uno::Sequence<OUString> aNames = [] {
                uno::Sequence<OUString> names(3);
                names[0] = "IsStart";
                names[1] = "IsCollapsed";
                names[2] = "Bookmark";
                return names;
            }();
            const uno::Sequence<uno::Any> aValues
                = uno::Reference<beans::XMultiPropertySet>(xPortion, uno::UNO_QUERY_THROW)->getPropertyValues(aNames);
            bool bStart = false, bCollapsed = false;
            aValues[0] >>= bStart;
            aValues[1] >>= bCollapsed;
            uno::Reference<container::XNamed> xNamed(aValues[2], uno::UNO_QUERY);
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
        if (aType == "ContentControl")
        {
            // LibreOffice 7.5 and later write a prompt to .docx as a content control showing its
            // placeholder (w:sdt with w:showingPlcHdr) and read it back as one: a prompt when its
            // text is one of ours, the practitioner's words otherwise.
            if (aa::isComposedPrompt(toUtf8(xRange->getString())))
            {
                rOut.prompt = true;
                continue;
            }
        }
        else if (aType != "Text" && aType != "TextField")
        {
            complete = false;
            continue;
        }
        if (aType == "TextField")
        {
            uno::Reference<beans::XPropertySet> xField(xPortion->getPropertyValue(textFieldName()), uno::UNO_QUERY);
            if (isAnalysisPrompt(xField))
            {
                rOut.prompt = true;
                continue;
            }
        }
        const OUString aText = xRange->getString();
        if (!links)
        {
            text += toUtf8(aText);
            continue;
        }
        aa::Span span;
        span.text = toUtf8(aText);
        if (uno::Reference<beans::XPropertyState>(xPortion, uno::UNO_QUERY_THROW)->getPropertyState(hyperLinkName())
            != beans::PropertyState_DEFAULT_VALUE)
            span.link = toUtf8(stringProperty(xPortion, hyperLinkName()));
        if (aType == "TextField")
        {
            uno::Reference<lang::XServiceInfo> xInfo(xPortion->getPropertyValue(textFieldName()), uno::UNO_QUERY);
            if (xInfo.is() && xInfo->supportsService("com.sun.star.text.TextField.GetReference"))
                span.fieldBookmark = toUtf8(
                    stringProperty(uno::Reference<beans::XPropertySet>(xInfo, uno::UNO_QUERY_THROW), "SourceName"));
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
    para.style = toUtf8(stringProperty(xProps, paraStyleName()));
    return para;
}

/// Adds the text and the marks (bookmarks, links, fields, prompts) to a paragraph read by style
/// only, from its portions (a paragraph's getString() would run Writer's text export a second
/// time). Links only where asked for.
void readDetail(const uno::Reference<uno::XInterface>& xElement, aa::Paragraph& para, bool links)
{
    if (!readPortions(uno::Reference<container::XEnumerationAccess>(xElement, uno::UNO_QUERY_THROW), para, links))
        para.text = toUtf8(uno::Reference<text::XTextRange>(xElement, uno::UNO_QUERY_THROW)->getString());
}

/// A cell's paragraphs (links only with links: the reader looks at them in a plan table's issue
/// column alone).
aa::Cell readCell(const uno::Reference<text::XText>& xCellText, bool links)
{
    aa::Cell cell;
    uno::Reference<container::XEnumerationAccess> xAccess(xCellText, uno::UNO_QUERY_THROW);
    auto xParas = xAccess->createEnumeration();
    while (xParas->hasMoreElements())
    {
        uno::Reference<text::XTextContent> xPara;
        xParas->nextElement() >>= xPara; // as Writer hands it out: no query
        // A cell holds paragraphs and tables; a table's cells are not the cell's own text.
        if (xPara.is() && !uno::Reference<text::XTextTable>(xPara, uno::UNO_QUERY).is())
        {
            cell.push_back(readParagraph(xPara));
            readDetail(xPara, cell.back(), links);
        }
    }
    return cell;
}

/// How much of a table to read.
enum class TableRead
{
    Header,    ///< the first row only (enough to tell a plan table)
    Full,      ///< every cell
    SkipEmpty, ///< every cell, but a cell Writer knows to hold one empty paragraph outside the
               ///< issue column is taken as that, unread (no style, no bookmark)
};

/// A table's cells by row; rows already read (the header, from the first pass) are kept.
aa::Table readTable(const uno::Reference<text::XTextTable>& xTable, TableRead how, aa::Table table = {})
{
    uno::Reference<table::XCellRange> xRange(xTable, uno::UNO_QUERY_THROW);
    const sal_Int32 nRows = xTable->getRows()->getCount();
    const sal_Int32 nCols = xTable->getColumns()->getCount();
    if (nRows == 0 || nCols == 0)
        return aa::Table{};
    std::vector<std::optional<aa::PlanColumn>> columns;
    for (sal_Int32 r = static_cast<sal_Int32>(table.rows.size()); r < (how == TableRead::Header ? 1 : nRows); ++r)
    {
        if (r == 1)
            columns = aa::planTableColumns(table.rows[0]);
        aa::Row row;
        for (sal_Int32 c = 0; c < nCols; ++c)
        {
            const auto column = static_cast<std::size_t>(c);
            const bool issueColumn = r == 0 || (column < columns.size() && columns[column] == aa::PlanColumn::Issue);
            try
            {
                const uno::Reference<table::XCell> xCell = xRange->getCellByPosition(c, r);
                if (how == TableRead::SkipEmpty && !issueColumn && xCell->getType() == table::CellContentType_EMPTY)
                {
                    row.push_back(aa::Cell{ aa::Paragraph{} });
                    continue;
                }
                row.push_back(readCell(uno::Reference<text::XText>(xCell, uno::UNO_QUERY_THROW), issueColumn));
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

/// How many of our bookmarks of the kinds that say what the reader must not miss the document
/// holds: issue and adult headings (in paragraphs), plan rows' ties to their items (in cells).
struct MarkCounts
{
    std::size_t headings = 0;
    std::size_t planRows = 0;
};

MarkCounts markCounts(const uno::Reference<text::XTextDocument>& xDoc)
{
    MarkCounts counts;
    uno::Reference<text::XBookmarksSupplier> xSupplier(xDoc, uno::UNO_QUERY);
    if (xSupplier.is())
        for (const OUString& rName : xSupplier->getBookmarks()->getElementNames())
        {
            const std::string name = toUtf8(rName);
            counts.headings += isHeadingBookmark(name) ? 1u : 0u;
            counts.planRows += aa::isOurBookmark(aa::MarkKind::Plan, name) ? 1u : 0u;
        }
    return counts;
}

MarkCounts marksRead(const std::vector<aa::Block>& blocks)
{
    MarkCounts counts;
    for (const aa::Block& block : blocks)
        if (const aa::Paragraph* para = std::get_if<aa::Paragraph>(&block))
        {
            for (const std::string& name : para->bookmarks)
                counts.headings += isHeadingBookmark(name) ? 1u : 0u;
        }
        else
            for (const aa::Row& row : std::get<aa::Table>(block).rows)
                for (const aa::Cell& cell : row)
                    for (const aa::Paragraph& cellPara : cell)
                        for (const std::string& name : cellPara.bookmarks)
                            counts.planRows += aa::isOurBookmark(aa::MarkKind::Plan, name) ? 1u : 0u;
    return counts;
}

/// Reads the blocks first..last in full, each once (done marks those read). Paragraphs with
/// their links only where the reader looks at them (aa::readsLinks); tables as `tables` says.
void readDetails(DocumentBlocks& result, std::size_t first, std::size_t last, std::vector<bool>& done, TableRead tables)
{
    for (std::size_t i = first; i <= last && i < result.blocks.size(); ++i)
    {
        if (done[i])
            continue;
        done[i] = true;
        if (aa::Paragraph* para = std::get_if<aa::Paragraph>(&result.blocks[i]))
            readDetail(uno::Reference<uno::XInterface>(result.handles[i]), *para,
                       aa::readsLinks(aa::roleOfStyle(para->style).role));
        else
        {
            // The header row from the first pass stays; the rest is read now.
            aa::Table& table = std::get<aa::Table>(result.blocks[i]);
            table.rows.resize(std::min<std::size_t>(table.rows.size(), 1));
            table = readTable(uno::Reference<text::XTextTable>(result.handles[i], uno::UNO_QUERY_THROW), tables,
                              std::move(table));
        }
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
        uno::Reference<text::XTextContent> xElement;
        xElements->nextElement() >>= xElement; // as Writer hands it out: no query
        if (!xElement.is())
            continue;
        uno::Reference<text::XTextTable> xTable(xElement, uno::UNO_QUERY);
        if (xTable.is())
            result.blocks.emplace_back(readTable(xTable, TableRead::Header));
        else
            result.blocks.emplace_back(readParagraph(uno::Reference<uno::XInterface>(xElement)));
        result.handles.push_back(xElement);
    }

    // Pass 2: text and marks where the analysis is: between the first and the last block with
    // one of our styles. When that misses headings of ours (styles lost in Word, or only partly
    // restored), everywhere. Empty cells are taken as empty unless that misses a plan row's
    // bookmark (one left in a cell whose text was deleted): then every cell is read.
    std::size_t first = result.blocks.size(), last = 0;
    for (std::size_t i = 0; i < result.blocks.size(); ++i)
        if (isOurs(result.blocks[i]))
        {
            first = std::min(first, i);
            last = i;
        }
    const MarkCounts marks = markCounts(xDoc);
    std::vector<bool> done(result.blocks.size(), false);
    if (first < result.blocks.size())
        readDetails(result, first, last, done, TableRead::SkipEmpty);
    MarkCounts found = marksRead(result.blocks);
    if (found.headings < marks.headings && !result.blocks.empty())
        readDetails(result, 0, result.blocks.size() - 1, done, TableRead::SkipEmpty);
    found = marksRead(result.blocks);
    if (found.planRows < marks.planRows)
    {
        // Again, every cell of the tables read.
        for (std::size_t i = 0; i < result.blocks.size(); ++i)
            if (done[i] && std::holds_alternative<aa::Table>(result.blocks[i]))
                done[i] = false;
            else
                done[i] = true;
        readDetails(result, 0, result.blocks.size() - 1, done, TableRead::Full);
    }
    return result;
}

} // namespace aa::writer
