#include "DocumentReview.hxx"

#include "DocumentGuard.hxx"
#include "DocumentWriter.hxx"
#include "ParagraphWriter.hxx"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>

#include <map>
#include <set>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::writer
{
namespace
{
const aa::Strings& strings() { return aa::Strings::builtIn(); }

/// The range a finding's comment is anchored at.
struct ExistingComment
{
    uno::Reference<text::XTextContent> field;
    std::string content;
};
} // namespace

namespace
{
/// The template's prompts (placeholder fields) that stand in paragraphs not of our styles, in
/// document order: those are the report's own sections, not yet written.
std::vector<uno::Reference<text::XTextContent>> reportPrompts(const uno::Reference<text::XTextDocument>& xDoc)
{
    std::vector<uno::Reference<text::XTextContent>> prompts;
    uno::Reference<text::XTextFieldsSupplier> xFields(xDoc, uno::UNO_QUERY);
    if (!xFields.is())
        return prompts;
    auto xEnum = xFields->getTextFields()->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<lang::XServiceInfo> xInfo(xEnum->nextElement(), uno::UNO_QUERY);
        if (promptField(xInfo) == PromptField::None)
            continue;
        uno::Reference<text::XTextContent> xField(xInfo, uno::UNO_QUERY);
        if (!xField.is() || xField->getAnchor()->getText() != xDoc->getText())
            continue;
        OUString aStyle;
        uno::Reference<beans::XPropertySet>(xDoc->getText()->createTextCursorByRange(xField->getAnchor()),
                                            uno::UNO_QUERY_THROW)
            ->getPropertyValue("ParaStyleName")
            >>= aStyle;
        if (aa::roleOfStyle(toUtf8(aStyle)).role == aa::Role::None)
            prompts.push_back(xField);
    }
    // Writer lists fields in no promised order: sort by position.
    uno::Reference<text::XTextRangeCompare> xCompare(xDoc->getText(), uno::UNO_QUERY);
    if (xCompare.is())
        std::stable_sort(prompts.begin(), prompts.end(), [&](const auto& a, const auto& b) {
            return xCompare->compareRegionStarts(a->getAnchor(), b->getAnchor()) > 0;
        });
    return prompts;
}

const OUString dismissedProperty("AssessmentAnalysisDismissed");
} // namespace

uno::Reference<text::XTextRange> anchorFor(const uno::Reference<text::XTextDocument>& xDoc,
                                           const DocumentBlocks& blocks, const aa::ReadResult& current,
                                           const aa::Place& place)
{
    const aa::Layout& layout = current.layout;
    auto paragraph = [&](std::size_t block) -> uno::Reference<text::XTextRange> {
        return block < blocks.handles.size() ? blocks.handles[block]->getAnchor() : nullptr;
    };
    auto text = [&](const aa::TextLayout& where) -> uno::Reference<text::XTextRange> {
        if (!where.paragraphs.empty())
            return paragraph(where.paragraphs.front());
        if (where.label)
            return paragraph(*where.label);
        return nullptr;
    };
    auto cell = [&](std::size_t row) -> uno::Reference<text::XTextRange> {
        uno::Reference<table::XCellRange> xRange(blocks.handles[*layout.planTable], uno::UNO_QUERY);
        sal_Int32 column = 0;
        for (std::size_t c = 0; c < layout.planColumns.size(); ++c)
            if (layout.planColumns[c] == aa::PlanColumn::Action)
                column = static_cast<sal_Int32>(c);
        if (!xRange.is())
            return nullptr;
        return uno::Reference<text::XText>(xRange->getCellByPosition(column, static_cast<sal_Int32>(row)),
                                           uno::UNO_QUERY_THROW)
            ->getStart();
    };
    uno::Reference<text::XTextRange> found;
    switch (place.kind)
    {
        case aa::Place::Kind::IssueTitle:
        case aa::Place::Kind::IssuePart:
            if (auto i = current.analysis.indexOfIssue(place.issue))
            {
                const aa::IssueLayout& issue = layout.issues[*i];
                if (place.kind == aa::Place::Kind::IssuePart && place.index < aa::issuePartCount)
                    found = text(issue.parts[place.index]);
                if (!found.is())
                    found = paragraph(issue.title);
            }
            break;
        case aa::Place::Kind::Adult:
            for (std::size_t i = 0; i < layout.adults.size(); ++i)
                if (current.analysis.adults[i].id == place.issue)
                {
                    if (place.index < aa::adultPartCount)
                        found = text(layout.adults[i].parts[place.index]);
                    if (!found.is())
                        found = paragraph(layout.adults[i].name);
                }
            break;
        case aa::Place::Kind::ListItem:
            if (place.index < aa::listKindCount)
            {
                if (place.item < layout.items[place.index].size())
                    found = paragraph(layout.items[place.index][place.item]);
                else if (layout.listPrompts[place.index])
                    found = paragraph(*layout.listPrompts[place.index]);
            }
            break;
        case aa::Place::Kind::Topic:
        case aa::Place::Kind::PlanArrangement:
            if (place.index < aa::topicCount)
                found = text(layout.topics[place.index]);
            break;
        case aa::Place::Kind::PlanRow:
            if (layout.planTable && place.index < layout.planRows.size())
                found = cell(layout.planRows[place.index].row);
            break;
        case aa::Place::Kind::ReportPrompt:
        {
            const auto prompts = reportPrompts(xDoc);
            if (place.index < prompts.size())
                found = prompts[place.index]->getAnchor();
            break;
        }
        case aa::Place::Kind::Supervision:
            found = templatePlace(xDoc, aa::TemplatePlace::Supervision);
            break;
        case aa::Place::Kind::Analysis:
            break;
    }
    if (found.is())
        return found;
    if (layout.heading)
        return paragraph(*layout.heading);
    return layout.first ? paragraph(*layout.first) : nullptr;
}

aa::ReportFacts reportFacts(const uno::Reference<text::XTextDocument>& xDoc, const DocumentBlocks& blocks)
{
    aa::ReportFacts facts;
    for (const auto& xField : reportPrompts(xDoc))
    {
        OUString aHint;
        uno::Reference<beans::XPropertySet>(xField, uno::UNO_QUERY_THROW)
            ->getPropertyValue(promptField(xField) == PromptField::Input ? OUString("Content")
                                                                         : OUString("PlaceHolder"))
            >>= aHint;
        facts.promptsLeft.push_back(toUtf8(aHint));
    }
    facts.supervision = aa::readSupervision(blocks.blocks);
    return facts;
}

std::set<std::string> dismissedJudgements(const uno::Reference<text::XTextDocument>& xDoc)
{
    std::set<std::string> keys;
    uno::Reference<document::XDocumentPropertiesSupplier> xSupplier(xDoc, uno::UNO_QUERY);
    if (!xSupplier.is())
        return keys;
    uno::Reference<beans::XPropertySet> xProps(xSupplier->getDocumentProperties()->getUserDefinedProperties(),
                                               uno::UNO_QUERY);
    if (!xProps.is() || !xProps->getPropertySetInfo()->hasPropertyByName(dismissedProperty))
        return keys;
    OUString aValue;
    xProps->getPropertyValue(dismissedProperty) >>= aValue;
    for (const std::string& line : aa::splitParagraphs(toUtf8(aValue)))
        if (!line.empty())
            keys.insert(line);
    return keys;
}

void storeDismissedJudgements(const uno::Reference<text::XTextDocument>& xDoc, const std::set<std::string>& keys)
{
    checkWritable(xDoc);
    std::string value;
    for (const std::string& key : keys)
        value += (value.empty() ? "" : "\n") + key;
    uno::Reference<document::XDocumentPropertiesSupplier> xSupplier(xDoc, uno::UNO_QUERY_THROW);
    auto xUser = xSupplier->getDocumentProperties()->getUserDefinedProperties();
    uno::Reference<beans::XPropertySet> xProps(xUser, uno::UNO_QUERY_THROW);
    if (xProps->getPropertySetInfo()->hasPropertyByName(dismissedProperty))
        xProps->setPropertyValue(dismissedProperty, uno::Any(fromUtf8(value)));
    else
        uno::Reference<beans::XPropertyContainer>(xUser, uno::UNO_QUERY_THROW)
            ->addProperty(dismissedProperty, beans::PropertyAttribute::REMOVABLE, uno::Any(fromUtf8(value)));
}

CommentResult addReviewComments(const uno::Reference<text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                                const aa::ReadResult& current, const std::vector<aa::Finding>& findings,
                                const std::string& reviewer, bool includeJudgements)
{
    checkWritable(xDoc);
    const std::string prefix = strings().get("review.commentPrefix");
    // This reviewer's earlier review comments.
    std::vector<ExistingComment> existing;
    uno::Reference<text::XTextFieldsSupplier> xFields(xDoc, uno::UNO_QUERY_THROW);
    auto xEnum = xFields->getTextFields()->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<lang::XServiceInfo> xInfo(xEnum->nextElement(), uno::UNO_QUERY);
        if (!xInfo.is() || !xInfo->supportsService("com.sun.star.text.TextField.Annotation"))
            continue;
        uno::Reference<beans::XPropertySet> xProps(xInfo, uno::UNO_QUERY_THROW);
        OUString aAuthor, aContent;
        xProps->getPropertyValue("Author") >>= aAuthor;
        xProps->getPropertyValue("Content") >>= aContent;
        const std::string content = toUtf8(aContent);
        if (toUtf8(aAuthor) == reviewer && content.rfind(prefix, 0) == 0)
            existing.push_back({ uno::Reference<text::XTextContent>(xInfo, uno::UNO_QUERY_THROW), content });
    }
    std::vector<std::pair<uno::Reference<text::XTextRange>, std::string>> toAdd;
    std::set<std::string> standing; // every finding's text: a comment on one still standing stays
    // Texts compared with their quotes folded: a comment written before the messages had
    // typographic quotes is the same comment.
    for (const aa::Finding& finding : findings)
        standing.insert(aa::foldQuotes(aa::reviewCommentText(finding, strings())));
    std::set<std::string> wanted;
    CommentResult result;
    for (const aa::Finding& finding : findings)
    {
        if (finding.kind == aa::FindingKind::Judgement && !includeJudgements)
            continue;
        const std::string content = aa::reviewCommentText(finding, strings());
        if (!wanted.insert(content).second)
            continue;
        const bool present = std::any_of(existing.begin(), existing.end(), [&](const ExistingComment& c) {
            return aa::foldQuotes(c.content) == aa::foldQuotes(content);
        });
        if (present)
        {
            ++result.kept;
            continue;
        }
        auto xAnchor = anchorFor(xDoc, blocks, current, finding.place);
        if (xAnchor.is())
        {
            checkNotProtected(xAnchor);
            toAdd.emplace_back(xAnchor, content);
        }
    }
    std::vector<uno::Reference<text::XTextContent>> toRemove;
    for (const ExistingComment& c : existing)
        if (!standing.count(aa::foldQuotes(c.content)))
            toRemove.push_back(c.field);
    if (toAdd.empty() && toRemove.empty())
        return result;
    asOneUndoStep(xDoc, "undo.reviewComments", [&] {
        ParagraphWriter writer(xDoc);
        for (const auto& [xAnchor, content] : toAdd)
        {
            writer.insertComment(xAnchor, reviewer, content);
            ++result.added;
        }
        for (const auto& xField : toRemove)
        {
            xField->getAnchor()->getText()->removeTextContent(xField);
            ++result.removed;
        }
    });
    return result;
}

void appendSupervision(const uno::Reference<text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                       const aa::ReadResult& current, const aa::SupervisionEntry& entry)
{
    checkWritable(xDoc);
    static const char* const columns[] = { "supervision.date",      "supervision.reviewer",  "supervision.discussed",
                                           "supervision.influence", "supervision.decisions", "supervision.actions" };
    const std::string values[] = { entry.date,      entry.reviewer,  entry.discussed,
                                   entry.influence, entry.decisions, entry.actions };
    const OUString aHeaderStyle = fromUtf8(aa::styleName(aa::Role::SupervisionHeader));
    const OUString aCellStyle = fromUtf8(aa::styleName(aa::Role::SupervisionCell));

    uno::Reference<text::XTextTable> xTable;
    uno::Reference<text::XTextTablesSupplier> xTables(xDoc, uno::UNO_QUERY_THROW);
    auto xNames = xTables->getTextTables();
    for (const OUString& rName : xNames->getElementNames())
    {
        uno::Reference<text::XTextTable> xCandidate(xNames->getByName(rName), uno::UNO_QUERY_THROW);
        uno::Reference<container::XEnumerationAccess> xFirst(xCandidate->getCellByName("A1"), uno::UNO_QUERY);
        if (!xFirst.is())
            continue;
        uno::Reference<beans::XPropertySet> xPara(xFirst->createEnumeration()->nextElement(), uno::UNO_QUERY);
        OUString aStyle;
        if (xPara.is())
            xPara->getPropertyValue("ParaStyleName") >>= aStyle;
        if (aStyle == aHeaderStyle)
            xTable = xCandidate;
    }
    uno::Reference<text::XTextRange> xAfter;
    // The template has a place for the record: the table goes there, under its heading.
    uno::Reference<text::XTextRange> xPlace = xTable.is() ? nullptr
                                                          : templatePlace(xDoc, aa::TemplatePlace::Supervision);
    if (xPlace.is())
        checkNotProtected(xPlace);
    else if (!xTable.is())
    {
        const std::size_t last = current.layout.last.value_or(blocks.handles.empty() ? 0 : blocks.handles.size() - 1);
        if (last >= blocks.handles.size())
            throw uno::RuntimeException("appendSupervision: empty document");
        uno::Reference<text::XTextTable> xLastTable(blocks.handles[last], uno::UNO_QUERY);
        // After a table, its anchor is empty: go through the paragraph that follows it.
        xAfter = xLastTable.is() ? nullptr : blocks.handles[last]->getAnchor();
        if (!xAfter.is() && last + 1 < blocks.handles.size())
            xAfter = blocks.handles[last + 1]->getAnchor()->getStart();
        if (!xAfter.is())
            xAfter = xDoc->getText()->getEnd();
        checkNotProtected(xAfter);
    }
    else
        checkNotProtected(uno::Reference<text::XText>(xTable->getCellByName("A1"), uno::UNO_QUERY_THROW)->getStart());

    asOneUndoStep(xDoc, "undo.supervision", [&] {
        ensureStyles(xDoc);
        auto setCell = [](const uno::Reference<text::XTextTable>& xT, sal_Int32 col, sal_Int32 row,
                          const std::string& text, const OUString& aStyle) {
            uno::Reference<text::XText> xCell(
                uno::Reference<table::XCellRange>(xT, uno::UNO_QUERY_THROW)->getCellByPosition(col, row),
                uno::UNO_QUERY_THROW);
            xCell->setString(fromUtf8(text));
            auto xCursor = xCell->createTextCursor();
            xCursor->gotoEnd(true);
            uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
                ->setPropertyValue("ParaStyleName", uno::Any(aStyle));
        };
        // A new record: its header row repeats on every page, and while it fits on one page it
        // is not split (a header row alone at the foot of a page says nothing).
        auto newTable = [&](const uno::Reference<text::XTextRange>& xAt) {
            uno::Reference<lang::XMultiServiceFactory> xFactory(xDoc, uno::UNO_QUERY_THROW);
            xTable.set(xFactory->createInstance("com.sun.star.text.TextTable"), uno::UNO_QUERY_THROW);
            xTable->initialize(1, 6);
            xAt->getText()->insertTextContent(xAt, uno::Reference<text::XTextContent>(xTable, uno::UNO_QUERY_THROW),
                                              false);
            uno::Reference<beans::XPropertySet> xProps(xTable, uno::UNO_QUERY_THROW);
            xProps->setPropertyValue("RepeatHeadline", uno::Any(true));
            xProps->setPropertyValue("Split", uno::Any(false));
            for (sal_Int32 c = 0; c < 6; ++c)
                setCell(xTable, c, 0, strings().get(columns[c]), aHeaderStyle);
        };
        if (xPlace.is())
            newTable(uno::Reference<text::XTextRange>(
                clearPrompt(xPlace->getText()->createTextCursorByRange(xPlace->getStart())), uno::UNO_QUERY_THROW));
        else if (!xTable.is())
        {
            // A heading and a new table in an empty paragraph of their own after the analysis.
            auto xText = xAfter->getText();
            auto xCursor = xText->createTextCursorByRange(xAfter->getEnd());
            uno::Reference<text::XTextRange> xAt(xCursor, uno::UNO_QUERY_THROW);
            xText->insertControlCharacter(xAt, text::ControlCharacter::PARAGRAPH_BREAK, false);
            uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
                ->setPropertyValue("ParaStyleName", uno::Any(fromUtf8(aa::styleName(aa::Role::Subheading))));
            xText->insertString(xAt, fromUtf8(strings().get("section.supervision")), false);
            xText->insertControlCharacter(xAt, text::ControlCharacter::PARAGRAPH_BREAK, false);
            uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
                ->setPropertyValue("ParaStyleName", uno::Any(OUString("Text body")));
            newTable(xAt);
        }
        auto xRows = xTable->getRows();
        const sal_Int32 row = xRows->getCount();
        xRows->insertByIndex(row, 1);
        for (sal_Int32 c = 0; c < 6; ++c)
            setCell(xTable, c, row, values[c], aCellStyle);
    });
}
} // namespace aa::writer
