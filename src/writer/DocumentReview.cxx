#include "DocumentReview.hxx"

#include "DocumentGuard.hxx"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
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

uno::Reference<text::XTextRange> anchorFor(const DocumentBlocks& blocks, const aa::ReadResult& current,
                                           const aa::Place& place)
{
    const aa::Layout& layout = current.layout;
    auto paragraph = [&](std::size_t block) -> uno::Reference<text::XTextRange> {
        return block < blocks.handles.size() ? blocks.handles[block]->getAnchor() : nullptr;
    };
    auto issueIndex = [&](const std::string& id) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < current.analysis.issues.size(); ++i)
            if (current.analysis.issues[i].id == id)
                return i;
        return std::nullopt;
    };
    switch (place.kind)
    {
        case aa::Place::Kind::IssueTitle:
        case aa::Place::Kind::IssuePart:
            if (auto i = issueIndex(place.issue))
            {
                const aa::IssueLayout& issue = layout.issues[*i];
                if (place.kind == aa::Place::Kind::IssuePart && place.index < aa::issuePartCount)
                {
                    if (!issue.parts[place.index].empty())
                        return paragraph(issue.parts[place.index].front());
                    if (issue.questions[place.index])
                        return paragraph(*issue.questions[place.index]);
                }
                return paragraph(issue.title);
            }
            break;
        case aa::Place::Kind::ListItem:
            if (place.index < aa::listKindCount && place.item < layout.items[place.index].size())
                return paragraph(layout.items[place.index][place.item]);
            if (place.index < aa::listKindCount && layout.listHeadings[place.index])
                return paragraph(*layout.listHeadings[place.index]);
            break;
        case aa::Place::Kind::Consideration:
            if (place.index < aa::considerationCount)
            {
                if (!layout.considerations[place.index].empty())
                    return paragraph(layout.considerations[place.index].front());
                if (layout.considerationQuestions[place.index])
                    return paragraph(*layout.considerationQuestions[place.index]);
            }
            break;
        case aa::Place::Kind::PlanRow:
            if (layout.planTable && place.index < layout.planRows.size())
            {
                uno::Reference<table::XCellRange> xRange(blocks.handles[*layout.planTable], uno::UNO_QUERY);
                if (xRange.is())
                    return uno::Reference<text::XText>(
                               xRange->getCellByPosition(2, static_cast<sal_Int32>(layout.planRows[place.index].row)),
                               uno::UNO_QUERY_THROW)
                        ->getStart();
            }
            break;
        case aa::Place::Kind::Analysis:
            break;
    }
    return layout.first ? paragraph(*layout.first) : nullptr;
}

std::string userName(const uno::Reference<uno::XComponentContext>& xContext)
{
    try
    {
        auto xProvider = configuration::theDefaultProvider::get(xContext);
        beans::PropertyValue aPath;
        aPath.Name = "nodepath";
        aPath.Value <<= OUString("/org.openoffice.UserProfile/Data");
        uno::Sequence<uno::Any> aArgs(1);
        aArgs[0] <<= aPath;
        uno::Reference<container::XNameAccess> xData(
            xProvider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", aArgs),
            uno::UNO_QUERY_THROW);
        OUString aGiven, aFamily;
        xData->getByName("givenname") >>= aGiven;
        xData->getByName("sn") >>= aFamily;
        return toUtf8((aGiven + " " + aFamily).trim());
    }
    catch (const uno::Exception&)
    {
        return {};
    }
}

CommentResult addReviewComments(const uno::Reference<text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                                const aa::ReadResult& current, const std::vector<aa::Finding>& findings,
                                const std::string& reviewer)
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
    std::set<std::string> wanted;
    CommentResult result;
    for (const aa::Finding& finding : findings)
    {
        const std::string content
            = prefix + finding.message + (finding.reason.empty() ? "" : " " + finding.reason) + " (" + finding.standard + ")";
        if (!wanted.insert(content).second)
            continue;
        const bool present = std::any_of(existing.begin(), existing.end(),
                                         [&](const ExistingComment& c) { return c.content == content; });
        if (present)
        {
            ++result.kept;
            continue;
        }
        auto xAnchor = anchorFor(blocks, current, finding.place);
        if (xAnchor.is())
        {
            checkNotProtected(xAnchor);
            toAdd.emplace_back(xAnchor, content);
        }
    }
    std::vector<uno::Reference<text::XTextContent>> toRemove;
    for (const ExistingComment& c : existing)
        if (!wanted.count(c.content))
            toRemove.push_back(c.field);
    if (toAdd.empty() && toRemove.empty())
        return result;
    asOneUndoStep(xDoc, "undo.reviewComments", [&] {
        uno::Reference<lang::XMultiServiceFactory> xFactory(xDoc, uno::UNO_QUERY_THROW);
        for (const auto& [xAnchor, content] : toAdd)
        {
            uno::Reference<beans::XPropertySet> xNote(
                xFactory->createInstance("com.sun.star.text.TextField.Annotation"), uno::UNO_QUERY_THROW);
            xNote->setPropertyValue("Author", uno::Any(fromUtf8(reviewer)));
            xNote->setPropertyValue("Content", uno::Any(fromUtf8(content)));
            xAnchor->getText()->insertTextContent(xAnchor->getStart(),
                                                  uno::Reference<text::XTextContent>(xNote, uno::UNO_QUERY_THROW), false);
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
    static const char* const columns[]
        = { "supervision.date", "supervision.reviewer", "supervision.discussed", "supervision.influence",
            "supervision.decisions", "supervision.actions" };
    const std::string values[] = { entry.date, entry.reviewer, entry.discussed,
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
    if (!xTable.is())
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
                uno::Reference<table::XCellRange>(xT, uno::UNO_QUERY_THROW)->getCellByPosition(col, row), uno::UNO_QUERY_THROW);
            xCell->setString(fromUtf8(text));
            auto xCursor = xCell->createTextCursor();
            xCursor->gotoEnd(true);
            uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)->setPropertyValue("ParaStyleName", uno::Any(aStyle));
        };
        if (!xTable.is())
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
            uno::Reference<lang::XMultiServiceFactory> xFactory(xDoc, uno::UNO_QUERY_THROW);
            xTable.set(xFactory->createInstance("com.sun.star.text.TextTable"), uno::UNO_QUERY_THROW);
            xTable->initialize(1, 6);
            xText->insertTextContent(xAt, uno::Reference<text::XTextContent>(xTable, uno::UNO_QUERY_THROW), false);
            for (sal_Int32 c = 0; c < 6; ++c)
                setCell(xTable, c, 0, strings().get(columns[c]), aHeaderStyle);
        }
        auto xRows = xTable->getRows();
        const sal_Int32 row = xRows->getCount();
        xRows->insertByIndex(row, 1);
        for (sal_Int32 c = 0; c < 6; ++c)
            setCell(xTable, c, row, values[c], aCellStyle);
    });
}
} // namespace aa::writer
