#include "DocumentUpdater.hxx"

#include "DocumentGuard.hxx"
#include "Errors.hpp"
#include "FaultInjection.hxx"
#include "OdtFragment.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/ReferenceFieldPart.hpp>
#include <com/sun/star/text/ReferenceFieldSource.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextTable.hpp>

using namespace css;
using aa::glue::fromUtf8;

namespace aa::writer
{
namespace
{
const aa::Strings& strings() { return aa::Strings::builtIn(); }

/// The cursor itself as the range to insert at: text inserted there leaves the cursor after it.
uno::Reference<text::XTextRange> at(const uno::Reference<text::XTextCursor>& xCursor)
{
    return uno::Reference<text::XTextRange>(xCursor, uno::UNO_QUERY_THROW);
}

/// Writes paragraphs the way the ODF fragment lays them out, through the text API.
class ParagraphWriter
{
public:
    explicit ParagraphWriter(const uno::Reference<text::XTextDocument>& xDoc)
        : m_xDoc(xDoc), m_xFactory(xDoc, uno::UNO_QUERY_THROW)
    {
    }

    /// Writes np into the empty paragraph at the (collapsed) cursor.
    void write(const uno::Reference<text::XTextCursor>& xCursor, const aa::NewParagraph& np)
    {
        const uno::Reference<text::XText> xText = xCursor->getText();
        uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
            ->setPropertyValue("ParaStyleName", uno::Any(fromUtf8(aa::styleName(np.role, np.index))));
        xText->insertString(at(xCursor), fromUtf8(np.text), false);
        if (!np.bookmark.empty())
        {
            // The paragraph was empty: its text runs from its start to the cursor.
            removeBookmark(np.bookmark);
            auto xSpan = xText->createTextCursorByRange(xCursor->getEnd());
            uno::Reference<text::XParagraphCursor>(xSpan, uno::UNO_QUERY_THROW)->gotoStartOfParagraph(true);
            insertBookmark(uno::Reference<text::XTextRange>(xSpan, uno::UNO_QUERY_THROW), np.bookmark, true);
        }
        if (np.links.empty())
            return;
        const bool linksOnly = np.text.empty();
        if (!linksOnly)
            insertText(xCursor, strings().get("item.linkPrefix"));
        for (std::size_t i = 0; i < np.links.size(); ++i)
        {
            if (i)
                insertText(xCursor, strings().get("item.linkSeparator"));
            insertIssueLink(xCursor, np.links[i]);
        }
        if (!linksOnly)
            insertText(xCursor, strings().get("item.linkSuffix"));
    }

    void replace(const uno::Reference<text::XTextContent>& xPara, const aa::NewParagraph& np)
    {
        // Only a heading is rewritten inside its own bookmark: list items are replaced by
        // position, so an item's bookmark may sit in another paragraph.
        if (np.role == aa::Role::IssueTitle && !np.bookmark.empty() && replaceInsideBookmark(xPara, np))
            return;
        auto xAnchor = xPara->getAnchor();
        auto xCursor = xAnchor->getText()->createTextCursorByRange(xAnchor);
        xCursor->setString(OUString());
        xCursor->collapseToStart();
        write(xCursor, np);
    }

    /// Rewrites a bookmarked paragraph (an issue title) keeping the bookmark object itself, so
    /// cross-references never point at a missing bookmark, not even after an undo: the new text
    /// goes inside the bookmark, then the old text around it goes. False when the paragraph
    /// has no such non-empty bookmark (then the caller rewrites it whole).
    bool replaceInsideBookmark(const uno::Reference<text::XTextContent>& xPara, const aa::NewParagraph& np)
    {
        auto xMarks = uno::Reference<text::XBookmarksSupplier>(m_xDoc, uno::UNO_QUERY_THROW)->getBookmarks();
        const OUString aName = fromUtf8(np.bookmark);
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
        xText->insertString(at(xCursor), fromUtf8(np.text), false);
        xCursor->gotoRange(xMark->getAnchor()->getEnd(), true);
        xCursor->setString(OUString());
        auto xFirst = xText->createTextCursorByRange(xMark->getAnchor()->getStart());
        xFirst->goRight(1, true);
        xFirst->setString(OUString());
        // The title paragraph holds the title only: what stands outside the bookmark goes.
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

    void insertAfter(const uno::Reference<text::XTextContent>& xPara,
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

    void insertText(const uno::Reference<text::XTextCursor>& xCursor, const std::string& s)
    {
        xCursor->getText()->insertString(at(xCursor), fromUtf8(s), false);
    }

    /// A cross-reference field showing the issue heading's text, inside a hyperlink to it.
    void insertIssueLink(const uno::Reference<text::XTextCursor>& xCursor, const std::string& id)
    {
        const OUString aBookmark = fromUtf8(aa::issueBookmarkName(id));
        uno::Reference<beans::XPropertySet> xField(
            m_xFactory->createInstance("com.sun.star.text.TextField.GetReference"), uno::UNO_QUERY_THROW);
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

    void insertBookmark(const uno::Reference<text::XTextRange>& xRange, const std::string& name, bool absorb)
    {
        uno::Reference<text::XTextContent> xMark(m_xFactory->createInstance("com.sun.star.text.Bookmark"),
                                                 uno::UNO_QUERY_THROW);
        uno::Reference<container::XNamed>(xMark, uno::UNO_QUERY_THROW)->setName(fromUtf8(name));
        xRange->getText()->insertTextContent(xRange, xMark, absorb);
    }

    void removeBookmark(const std::string& name)
    {
        auto xMarks = uno::Reference<text::XBookmarksSupplier>(m_xDoc, uno::UNO_QUERY_THROW)->getBookmarks();
        if (!xMarks->hasByName(fromUtf8(name)))
            return;
        uno::Reference<text::XTextContent> xMark(xMarks->getByName(fromUtf8(name)), uno::UNO_QUERY_THROW);
        xMark->getAnchor()->getText()->removeTextContent(xMark);
    }

    uno::Reference<lang::XMultiServiceFactory> factory() const { return m_xFactory; }

private:
    uno::Reference<text::XTextDocument> m_xDoc;
    uno::Reference<lang::XMultiServiceFactory> m_xFactory;
};

uno::Reference<text::XTextContent> handle(const DocumentBlocks& blocks, std::size_t index)
{
    if (index >= blocks.handles.size())
        throw uno::RuntimeException("DocumentUpdater: block index out of range");
    return blocks.handles[index];
}

void deleteParagraph(const uno::Reference<text::XTextContent>& xPara)
{
    uno::Reference<lang::XComponent>(xPara, uno::UNO_QUERY_THROW)->dispose();
}

uno::Reference<text::XText> cellText(const uno::Reference<text::XTextTable>& xTable, sal_Int32 col, sal_Int32 row)
{
    return uno::Reference<text::XText>(
        uno::Reference<table::XCellRange>(xTable, uno::UNO_QUERY_THROW)->getCellByPosition(col, row),
        uno::UNO_QUERY_THROW);
}

/// Fills a freshly added plan row: the issue link, the derived cells, and the point bookmark
/// that ties the row to its "what would help" item.
void writePlanRow(ParagraphWriter& writer, const uno::Reference<text::XTextTable>& xTable, sal_Int32 row,
                  const aa::PlanRow& content)
{
    for (std::size_t c = 0; c < aa::planColumnCount; ++c)
    {
        auto xText = cellText(xTable, static_cast<sal_Int32>(c), row);
        xText->setString(OUString());
        auto xCursor = xText->createTextCursor();
        aa::NewParagraph np{ aa::Role::PlanCell, 0, {}, {}, {} };
        if (c == static_cast<std::size_t>(aa::PlanColumn::Issue))
        {
            if (!content.cells[c].empty())
                np.links.push_back(content.cells[c]);
            writer.write(xCursor, np);
            continue;
        }
        const std::vector<std::string> lines = aa::splitParagraphs(content.cells[c]);
        for (std::size_t i = 0; i < lines.size(); ++i)
        {
            if (i)
                xText->insertControlCharacter(at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
            np.text = lines[i];
            writer.write(xCursor, np);
        }
        if (c == static_cast<std::size_t>(aa::PlanColumn::Action) && !content.help.empty())
            writer.insertBookmark(xText->getStart(), aa::planRowBookmarkName(content.help), false);
    }
}

void flagRow(ParagraphWriter& writer, const uno::Reference<text::XTextTable>& xTable, sal_Int32 row)
{
    auto xText = cellText(xTable, 0, row);
    auto xCursor = xText->createTextCursor();
    xText->insertString(at(xCursor), fromUtf8(strings().get("plan.flag")), false);
    xText->insertControlCharacter(at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
    auto xFlag = xText->createTextCursor();
    uno::Reference<beans::XPropertySet>(xFlag, uno::UNO_QUERY_THROW)
        ->setPropertyValue("ParaStyleName", uno::Any(fromUtf8(aa::styleName(aa::Role::PlanFlag))));
    uno::Reference<text::XParagraphCursor>(xFlag, uno::UNO_QUERY_THROW)->gotoEndOfParagraph(false);
    uno::Reference<beans::XPropertySet> xNote(
        writer.factory()->createInstance("com.sun.star.text.TextField.Annotation"), uno::UNO_QUERY_THROW);
    xNote->setPropertyValue("Author", uno::Any(fromUtf8(strings().get("plan.flagAuthor"))));
    xNote->setPropertyValue("Content", uno::Any(fromUtf8(strings().get("plan.flagComment"))));
    xText->insertTextContent(xFlag->getEnd(), uno::Reference<text::XTextContent>(xNote, uno::UNO_QUERY_THROW), false);
}

void unflagRow(const uno::Reference<text::XTextTable>& xTable, sal_Int32 row, std::size_t flagParagraph)
{
    uno::Reference<container::XEnumerationAccess> xCell(cellText(xTable, 0, row), uno::UNO_QUERY_THROW);
    auto xParas = xCell->createEnumeration();
    for (std::size_t k = 0; xParas->hasMoreElements(); ++k)
    {
        uno::Reference<text::XTextContent> xPara(xParas->nextElement(), uno::UNO_QUERY);
        if (k != flagParagraph || !xPara.is())
            continue;
        OUString aStyle;
        uno::Reference<beans::XPropertySet>(xPara, uno::UNO_QUERY_THROW)->getPropertyValue("ParaStyleName") >>= aStyle;
        if (aStyle == fromUtf8(aa::styleName(aa::Role::PlanFlag)))
            deleteParagraph(xPara);
        return;
    }
}
} // namespace

namespace
{
void checkEdits(const DocumentBlocks& blocks, const std::vector<aa::Edit>& edits)
{
    for (const aa::Edit& edit : edits)
    {
        // A table (removing an issue that holds one) has no anchor range: check a cell.
        uno::Reference<text::XTextTable> xTable(handle(blocks, edit.block), uno::UNO_QUERY);
        if (xTable.is())
            checkNotProtected(cellText(xTable, 0, 0)->getStart());
        else
            checkNotProtected(handle(blocks, edit.block)->getAnchor());
    }
}

void applyEdits(ParagraphWriter& writer, const DocumentBlocks& blocks, const std::vector<aa::Edit>& edits)
{
    // Inserts and replacements first, deletions last, so that every anchor still exists.
    for (const aa::Edit& edit : edits)
    {
        if (edit.kind == aa::Edit::Kind::Replace)
            writer.replace(handle(blocks, edit.block), edit.paragraphs.front());
        else if (edit.kind == aa::Edit::Kind::InsertAfter)
            writer.insertAfter(handle(blocks, edit.block), edit.paragraphs);
    }
    for (const aa::Edit& edit : edits)
        if (edit.kind == aa::Edit::Kind::Delete)
            deleteParagraph(handle(blocks, edit.block));
}
} // namespace

void applyUpdate(const uno::Reference<text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                 const aa::UpdatePlan& plan, const char* undoKey)
{
    checkWritable(xDoc);
    checkEdits(blocks, plan.edits);
    if (plan.edits.empty())
        return;
    asOneUndoStep(xDoc, undoKey, [&] {
        ensureStyles(xDoc);
        ParagraphWriter writer(xDoc);
        applyEdits(writer, blocks, plan.edits);
        faultPoint("writer");
    });
    refreshFields(xDoc);
}

void applyPlanUpdate(const uno::Reference<uno::XComponentContext>& xContext,
                     const uno::Reference<text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                     const aa::ReadResult& current, const aa::PlanUpdatePlan& plan)
{
    checkWritable(xDoc);
    checkEdits(blocks, plan.repairs);
    const aa::Layout& layout = current.layout;
    if (plan.needsTable)
    {
        // The table was deleted by hand: a new one goes after the analysis.
        auto xAnchor = handle(blocks, layout.last.value_or(0))->getAnchor();
        checkNotProtected(xAnchor);
        aa::Analysis withRows = current.analysis;
        withRows.plan = plan.rows;
        const std::string package = aa::buildOdtFragment(withRows, strings(), { false, true });
        asOneUndoStep(xDoc, "undo.updatePlan", [&] {
            ensureStyles(xDoc);
            ParagraphWriter writer(xDoc);
            applyEdits(writer, blocks, plan.repairs);
            auto xText = xAnchor->getText();
            auto xCursor = xText->createTextCursorByRange(xAnchor->getEnd());
            xText->insertControlCharacter(at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
            insertPackage(xContext, xCursor, package);
        });
        refreshFields(xDoc);
        return;
    }
    uno::Reference<text::XTextTable> xTable(handle(blocks, *layout.planTable), uno::UNO_QUERY_THROW);
    // A table has no anchor range of its own (getAnchor() is empty): check through a cell,
    // which also sees the sections around the table.
    checkNotProtected(cellText(xTable, 0, 0)->getStart());
    if (plan.edits.empty() && plan.repairs.empty())
    {
        refreshFields(xDoc);
        return;
    }
    asOneUndoStep(xDoc, "undo.updatePlan", [&] {
        ensureStyles(xDoc);
        ParagraphWriter writer(xDoc);
        applyEdits(writer, blocks, plan.repairs);
        for (const aa::PlanEdit& edit : plan.edits)
        {
            const auto row = static_cast<sal_Int32>(edit.row);
            switch (edit.kind)
            {
                case aa::PlanEdit::Kind::Flag:
                    flagRow(writer, xTable, row);
                    break;
                case aa::PlanEdit::Kind::Unflag:
                    unflagRow(xTable, row, edit.flagParagraph);
                    break;
                case aa::PlanEdit::Kind::AppendRow:
                {
                    auto xRows = xTable->getRows();
                    const sal_Int32 newRow = xRows->getCount();
                    xRows->insertByIndex(newRow, 1);
                    writePlanRow(writer, xTable, newRow, edit.content);
                    break;
                }
            }
        }
    });
    refreshFields(xDoc);
}
} // namespace aa::writer
