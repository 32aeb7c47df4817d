#include "DocumentReader.hxx"

#include "UnoString.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IndexOutOfBoundsException.hpp>
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
/// and the names of bookmarks that start here.
void readPortions(const uno::Reference<container::XEnumerationAccess>& xPara, aa::Paragraph& rOut)
{
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
        if (aType != "Text" && aType != "TextField")
            continue;
        aa::Span span;
        span.text = toUtf8(uno::Reference<text::XTextRange>(xPortion, uno::UNO_QUERY_THROW)->getString());
        span.link = toUtf8(stringProperty(xPortion, "HyperLinkURL"));
        if (aType == "TextField")
        {
            uno::Reference<beans::XPropertySet> xField(xPortion->getPropertyValue("TextField"),
                                                       uno::UNO_QUERY);
            uno::Reference<lang::XServiceInfo> xInfo(xField, uno::UNO_QUERY);
            if (xInfo.is() && xInfo->supportsService("com.sun.star.text.TextField.GetReference"))
                span.fieldBookmark = toUtf8(stringProperty(xField, "SourceName"));
        }
        rOut.spans.push_back(std::move(span));
    }
}

aa::Paragraph readParagraph(const uno::Reference<uno::XInterface>& xElement)
{
    aa::Paragraph para;
    uno::Reference<beans::XPropertySet> xProps(xElement, uno::UNO_QUERY_THROW);
    para.style = toUtf8(stringProperty(xProps, "ParaStyleName"));
    const OUString aText = uno::Reference<text::XTextRange>(xElement, uno::UNO_QUERY_THROW)->getString();
    para.text = toUtf8(aText);
    // Marks (bookmarks, links) matter only where there is text or one of our styles; an empty
    // paragraph may still hold a bookmark of ours, which an empty part keeps.
    if (!aText.isEmpty() || aa::roleOfStyle(para.style).role != aa::Role::None)
        readPortions(uno::Reference<container::XEnumerationAccess>(xElement, uno::UNO_QUERY_THROW),
                     para);
    return para;
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
            cell.push_back(readParagraph(xPara));
    }
    return cell;
}

aa::Table readTable(const uno::Reference<text::XTextTable>& xTable)
{
    aa::Table table;
    uno::Reference<table::XCellRange> xRange(xTable, uno::UNO_QUERY_THROW);
    const sal_Int32 nRows = xTable->getRows()->getCount();
    const sal_Int32 nCols = xTable->getColumns()->getCount();
    if (nRows == 0 || nCols == 0)
        return table;
    for (sal_Int32 r = 0; r < nRows; ++r)
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
} // namespace

DocumentBlocks readBlocks(const uno::Reference<text::XTextDocument>& xDoc)
{
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
            result.blocks.emplace_back(readTable(xTable));
        else
            result.blocks.emplace_back(readParagraph(uno::Reference<uno::XInterface>(xElement, uno::UNO_QUERY)));
        result.handles.push_back(xElement);
    }
    return result;
}

} // namespace aa::writer
