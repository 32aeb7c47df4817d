#include "DocumentUpdater.hxx"

#include "DocumentGuard.hxx"
#include "DocumentWriter.hxx"
#include "Errors.hpp"
#include "FaultInjection.hxx"
#include "OdtFragment.hpp"
#include "ParagraphWriter.hxx"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
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

uno::Reference<text::XTextContent> handle(const DocumentBlocks& blocks, std::size_t index)
{
    if (index >= blocks.handles.size())
        throw uno::RuntimeException("DocumentUpdater: block index out of range");
    return blocks.handles[index];
}

bool isTable(const DocumentBlocks& blocks, std::size_t index)
{
    return uno::Reference<text::XTextTable>(handle(blocks, index), uno::UNO_QUERY).is();
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

/// Writes one cell of a new plan row: the issue links, the action (with its must and the point
/// bookmark that ties the row to its item), or a text of one paragraph per line.
void writePlanCell(ParagraphWriter& writer, const aa::Composer& compose, const uno::Reference<text::XText>& xText,
                   aa::PlanColumn column, const aa::PlanRow& content)
{
    xText->setString(OUString());
    auto xCursor = xText->createTextCursor();
    std::vector<aa::NewParagraph> paragraphs;
    if (column == aa::PlanColumn::Issue)
        paragraphs.push_back(aa::NewParagraph{ aa::Role::PlanCell, 0, compose.issueLinks(content.issues) });
    else
    {
        for (const std::string& line : aa::splitParagraphs(content.cell(column)))
            paragraphs.push_back(
                aa::NewParagraph{ aa::Role::PlanCell, 0, { aa::Run{ aa::Run::Kind::Text, line, {} } } });
        if (column == aa::PlanColumn::Action && content.must)
            paragraphs.front().runs.insert(paragraphs.front().runs.begin(),
                                           aa::Run{ aa::Run::Kind::Strong, compose.mustPrefix(), {} });
    }
    if (paragraphs.empty())
        paragraphs.push_back(aa::NewParagraph{ aa::Role::PlanCell, 0, {} });
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
    {
        if (i)
            xText->insertControlCharacter(ParagraphWriter::at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
        writer.write(xCursor, paragraphs[i]);
    }
    if (column == aa::PlanColumn::Action && !content.help.empty())
        writer.insertBookmark(xText->getStart(), aa::bookmarkName(aa::MarkKind::Plan, content.help), false);
}

/// The paragraphs of a cell.
std::vector<uno::Reference<text::XTextContent>> cellParagraphs(const uno::Reference<text::XText>& xCell)
{
    std::vector<uno::Reference<text::XTextContent>> out;
    auto xParas = uno::Reference<container::XEnumerationAccess>(xCell, uno::UNO_QUERY_THROW)->createEnumeration();
    while (xParas->hasMoreElements())
    {
        uno::Reference<text::XTextContent> xPara(xParas->nextElement(), uno::UNO_QUERY);
        if (xPara.is())
            out.push_back(xPara);
    }
    return out;
}

bool isFlagParagraph(const uno::Reference<text::XTextContent>& xPara)
{
    OUString aStyle;
    uno::Reference<beans::XPropertySet>(xPara, uno::UNO_QUERY_THROW)->getPropertyValue("ParaStyleName") >>= aStyle;
    return aStyle == fromUtf8(aa::styleName(aa::Role::PlanFlag));
}

/// Rewrites the links of an issue cell (which holds nothing else but our flag, if flagged).
void setIssueLinks(ParagraphWriter& writer, const aa::Composer& compose, const uno::Reference<text::XText>& xCell,
                   const std::vector<std::string>& issues)
{
    const auto paragraphs = cellParagraphs(xCell);
    std::size_t first = 0;
    while (first < paragraphs.size() && isFlagParagraph(paragraphs[first]))
        ++first;
    if (first == paragraphs.size())
        return;
    auto xRange = xCell->createTextCursorByRange(paragraphs[first]->getAnchor()->getStart());
    xRange->gotoEnd(true);
    xRange->setString(OUString());
    auto xCursor = xCell->createTextCursorByRange(xRange->getStart());
    writer.write(xCursor, aa::NewParagraph{ aa::Role::PlanCell, 0, compose.issueLinks(issues) });
}

void flagRow(ParagraphWriter& writer, const uno::Reference<text::XTextTable>& xTable, sal_Int32 column, sal_Int32 row)
{
    auto xText = cellText(xTable, column, row);
    auto xCursor = xText->createTextCursor();
    xText->insertString(ParagraphWriter::at(xCursor), fromUtf8(strings().get("plan.flag")), false);
    xText->insertControlCharacter(ParagraphWriter::at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK, false);
    auto xFlag = xText->createTextCursor();
    uno::Reference<beans::XPropertySet>(xFlag, uno::UNO_QUERY_THROW)
        ->setPropertyValue("ParaStyleName", uno::Any(fromUtf8(aa::styleName(aa::Role::PlanFlag))));
    uno::Reference<text::XParagraphCursor>(xFlag, uno::UNO_QUERY_THROW)->gotoEndOfParagraph(false);
    writer.insertComment(xFlag->getEnd(), strings().get("plan.flagAuthor"), strings().get("plan.flagComment"));
}

void unflagRow(const uno::Reference<text::XTextTable>& xTable, sal_Int32 column, sal_Int32 row,
               std::size_t flagParagraph)
{
    const auto paragraphs = cellParagraphs(cellText(xTable, column, row));
    if (flagParagraph < paragraphs.size() && isFlagParagraph(paragraphs[flagParagraph]))
        deleteParagraph(paragraphs[flagParagraph]);
}

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
        switch (edit.kind)
        {
            case aa::Edit::Kind::Replace:
                writer.replace(handle(blocks, edit.block), edit.paragraphs.front());
                break;
            case aa::Edit::Kind::InsertAfter:
                writer.insertAfter(handle(blocks, edit.block), edit.paragraphs);
                break;
            case aa::Edit::Kind::InsertBefore:
                // After the paragraph before, where there is one: splitting the paragraph itself
                // at its start could take its bookmarks along.
                if (edit.block > 0 && !isTable(blocks, edit.block - 1))
                    writer.insertAfter(handle(blocks, edit.block - 1), edit.paragraphs);
                else
                    writer.insertBefore(handle(blocks, edit.block), edit.paragraphs);
                break;
            case aa::Edit::Kind::Delete:
                break;
        }
    }
    for (const aa::Edit& edit : edits)
        if (edit.kind == aa::Edit::Kind::Delete)
            deleteParagraph(handle(blocks, edit.block));
}

/// The column of the table a plan column is in (std::nullopt: the table has no such column).
std::optional<sal_Int32> tableColumn(const aa::Layout& layout, aa::PlanColumn column)
{
    for (std::size_t c = 0; c < layout.planColumns.size(); ++c)
        if (layout.planColumns[c] == column)
            return static_cast<sal_Int32>(c);
    return std::nullopt;
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
    // Writer's refresh of the fields also counts every word of the document at once (its
    // statistics): only where a link was written or what links show changed.
    if (aa::editsChangeWhatFieldsShow(plan, blocks.blocks))
        refreshFields(xDoc);
}

void applyPlanUpdate(const uno::Reference<uno::XComponentContext>& xContext,
                     const uno::Reference<text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                     const aa::ReadResult& current, const aa::PlanUpdatePlan& plan)
{
    checkWritable(xDoc);
    checkEdits(blocks, plan.repairs);
    const aa::Layout& layout = current.layout;
    const aa::Composer compose(current.analysis);
    if (plan.needsTable)
    {
        // The table was deleted by hand. The rest of the plan still there: the table alone goes
        // back before the plan's answers (or after its heading). Otherwise the whole plan goes at
        // the template's place for the plan, or after the analysis.
        aa::Analysis withRows = current.analysis;
        withRows.plan = plan.rows;
        uno::Reference<text::XTextRange> xAnchor;
        bool atPlace = false, before = false;
        aa::FragmentParts parts = aa::FragmentParts::only(aa::Section::Plan, false);
        if (plan.tableAt)
        {
            xAnchor = handle(blocks, *plan.tableAt)->getAnchor();
            before = plan.tableBefore;
            parts.planTopics = false;
        }
        else
        {
            xAnchor = templatePlace(xDoc, aa::TemplatePlace::Plan);
            atPlace = xAnchor.is();
            if (!atPlace)
                xAnchor = handle(blocks, layout.last.value_or(0))->getAnchor();
            parts = aa::FragmentParts::only(aa::Section::Plan, !atPlace);
        }
        checkNotProtected(xAnchor);
        const std::string package = aa::buildOdtFragment(withRows, strings(), parts);
        asOneUndoStep(xDoc, "undo.updatePlan", [&] {
            ensureStyles(xDoc);
            ParagraphWriter writer(xDoc);
            applyEdits(writer, blocks, plan.repairs);
            auto xText = xAnchor->getText();
            auto xCursor = xText->createTextCursorByRange(before ? xAnchor->getStart() : xAnchor->getEnd());
            if (atPlace)
                xCursor = clearPrompt(xCursor);
            else if (!before)
                xText->insertControlCharacter(ParagraphWriter::at(xCursor), text::ControlCharacter::PARAGRAPH_BREAK,
                                              false);
            insertPackage(xContext, xCursor, package, plan.tableAt.has_value());
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
    const sal_Int32 issueColumn = tableColumn(layout, aa::PlanColumn::Issue).value_or(0);
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
                    flagRow(writer, xTable, issueColumn, row);
                    break;
                case aa::PlanEdit::Kind::Unflag:
                    unflagRow(xTable, issueColumn, row, edit.flagParagraph);
                    break;
                case aa::PlanEdit::Kind::SetIssues:
                    setIssueLinks(writer, compose, cellText(xTable, issueColumn, row), edit.content.issues);
                    break;
                case aa::PlanEdit::Kind::InsertRow:
                {
                    xTable->getRows()->insertByIndex(row, 1);
                    uno::Reference<beans::XPropertySet> xRow(xTable->getRows()->getByIndex(row), uno::UNO_QUERY);
                    if (xRow.is())
                        xRow->setPropertyValue("IsSplitAllowed", uno::Any(false));
                    for (std::size_t c = 0; c < layout.planColumns.size(); ++c)
                        if (const auto column = layout.planColumns[c])
                            writePlanCell(writer, compose, cellText(xTable, static_cast<sal_Int32>(c), row), *column,
                                          edit.content);
                    break;
                }
            }
        }
    });
    refreshFields(xDoc);
}
} // namespace aa::writer
