#include "Commands.hxx"

#include "DocumentUpdater.hxx"
#include "DocumentWriter.hxx"
#include "Errors.hpp"
#include "Json.hpp"
#include "Log.hxx"
#include "Options.hxx"
#include "Plan.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Update.hpp"
#include "Utf8.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/text/XText.hpp>

#include <algorithm>

using namespace css;
using aa::glue::toUtf8;

namespace aa::writer
{
namespace
{
const aa::Strings& strings() { return aa::Strings::builtIn(); }

std::size_t issueIndex(const aa::ReadResult& current, const std::string& id)
{
    if (const auto index = current.analysis.indexOfIssue(id))
        return *index;
    throw aa::InputError(strings().format("error.unknownIssueId", { aa::truncateUtf8(id, 40) }));
}

aa::Analysis readBackFrom(const uno::Reference<text::XTextDocument>& xDoc)
{
    return readDocument(xDoc).current.analysis;
}

/// The analysis once an issue has gone: links to it from items go, as the reader drops them;
/// plan rows keep naming it (update action plan flags them).
aa::Analysis withoutIssue(aa::Analysis analysis, std::size_t index)
{
    const std::string id = analysis.issues[index].id;
    analysis.issues.erase(analysis.issues.begin() + static_cast<std::ptrdiff_t>(index));
    for (auto& items : analysis.lists)
        for (aa::Item& item : items)
            item.issues.erase(std::remove(item.issues.begin(), item.issues.end(), id), item.issues.end());
    return analysis;
}
} // namespace

DocumentState readDocument(const uno::Reference<text::XTextDocument>& xDoc)
{
    DocumentState state;
    state.blocks = readBlocks(xDoc);
    state.current = aa::readAnalysis(state.blocks.blocks);
    return state;
}

DocumentState readExisting(const uno::Reference<text::XTextDocument>& xDoc)
{
    DocumentState state = readDocument(xDoc);
    if (!state.current.found)
        throw aa::InputError(strings().get("error.noAnalysis"));
    return state;
}

std::string documentLanguage(const uno::Reference<text::XTextDocument>& xDoc)
{
    try
    {
        lang::Locale aLocale;
        uno::Reference<beans::XPropertySet>(xDoc->getText()->getStart(), uno::UNO_QUERY_THROW)
            ->getPropertyValue("CharLocale")
            >>= aLocale;
        std::string tag = toUtf8(aLocale.Language);
        if (!aLocale.Country.isEmpty())
            tag += "-" + toUtf8(aLocale.Country);
        return tag;
    }
    catch (const uno::Exception&)
    {
        return {};
    }
}

Commands::Commands(const uno::Reference<uno::XComponentContext>& xContext) : m_xContext(xContext) {}

aa::Analysis Commands::insert(const uno::Reference<text::XTextDocument>& xDoc, aa::Analysis analysis) const
{
    aa::validateAnalysis(analysis);
    analysis = aa::withPlan(std::move(analysis));
    const bool atPlaces = insertAnalysis(m_xContext, xDoc, analysis);
    log().info("insert: {} issues, {} plan rows{}", analysis.issues.size(), analysis.plan.size(),
               atPlaces ? ", at the template's places" : "");
    return analysis;
}

aa::ReadResult Commands::read(const uno::Reference<text::XTextDocument>& xDoc) const
{
    return readDocument(xDoc).current;
}

aa::Analysis Commands::update(const uno::Reference<text::XTextDocument>& xDoc, const DesiredFrom& desiredFrom,
                              bool readBack) const
{
    const DocumentState state = readExisting(xDoc);
    aa::Analysis desired = desiredFrom(state.current.analysis);
    aa::validateAnalysis(desired, strings(), aa::ParseMode::Update);
    // Every "what needs to happen" item is written with its bookmark, so its plan row stays tied
    // to it whatever its text becomes.
    aa::assignItemIds(desired);
    const aa::UpdatePlan plan = aa::planUpdate(state.current, desired);
    applyUpdate(xDoc, state.blocks, plan);
    log().info("update: {} edits, {} issues added, {} kept{}", plan.edits.size(), plan.addedIssues.size(),
               plan.keptIssues.size(), state.current.legacy ? ", brought to schema 2" : "");
    return readBack ? readBackFrom(xDoc) : aa::analysisAfterUpdate(state.current, desired);
}

aa::Analysis Commands::update(const uno::Reference<text::XTextDocument>& xDoc, const aa::Analysis& desired,
                              bool readBack) const
{
    return update(
        xDoc, [&](const aa::Analysis&) { return desired; }, readBack);
}

aa::Analysis Commands::updatePlan(const uno::Reference<text::XTextDocument>& xDoc, bool readBack) const
{
    const DocumentState state = readExisting(xDoc);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(state.current);
    applyPlanUpdate(m_xContext, xDoc, state.blocks, state.current, plan);
    log().info("updatePlan: {} edits{}", plan.edits.size(), plan.needsTable ? ", new table" : "");
    return readBack ? readBackFrom(xDoc) : aa::analysisAfterPlanUpdate(state.current, plan);
}

aa::Analysis Commands::removeIssue(const uno::Reference<text::XTextDocument>& xDoc, const std::string& id,
                                   bool readBack) const
{
    const DocumentState state = readExisting(xDoc);
    const std::size_t index = issueIndex(state.current, id);
    const aa::UpdatePlan plan = aa::planRemoveIssue(state.current, index);
    applyUpdate(xDoc, state.blocks, plan, "undo.removeIssue");
    log().info("removeIssue: {} edits", plan.edits.size());
    return readBack ? readBackFrom(xDoc) : withoutIssue(state.current.analysis, index);
}

aa::Analysis Commands::moveIssue(const uno::Reference<text::XTextDocument>& xDoc, const std::string& id, bool up,
                                 bool readBack) const
{
    const DocumentState state = readExisting(xDoc);
    const std::size_t index = issueIndex(state.current, id);
    const aa::UpdatePlan plan = aa::planMoveIssue(state.current, state.blocks.blocks, index, up);
    applyUpdate(xDoc, state.blocks, plan, "undo.moveIssue");
    log().info("moveIssue: {} edits", plan.edits.size());
    if (readBack)
        return readBackFrom(xDoc);
    aa::Analysis after = state.current.analysis;
    std::swap(after.issues[index], after.issues[up ? index - 1 : index + 1]);
    return after;
}

aa::ReviewOptions Commands::reviewOptions(const uno::Reference<text::XTextDocument>& xDoc, const DocumentState& state,
                                          const std::string& today) const
{
    aa::ReviewOptions options;
    options.today = today.empty() ? aa::todayIso() : today;
    options.extraJargon = readOptions(m_xContext).jargonWords;
    options.dismissed = dismissedJudgements(xDoc);
    options.report = reportFacts(xDoc, state.blocks);
    return options;
}

std::vector<aa::Finding> Commands::review(const uno::Reference<text::XTextDocument>& xDoc,
                                          const std::string& today) const
{
    const DocumentState state = readExisting(xDoc);
    std::vector<aa::Finding> findings = aa::review(state.current.analysis, reviewOptions(xDoc, state, today));
    log().info("review: {} findings", findings.size());
    return findings;
}

CommentResult Commands::reviewComments(const uno::Reference<text::XTextDocument>& xDoc, const std::string& reviewer,
                                       const std::string& today, CommentKinds kinds) const
{
    const DocumentState state = readExisting(xDoc);
    const std::vector<aa::Finding> findings = aa::review(state.current.analysis, reviewOptions(xDoc, state, today));
    std::string name = reviewer.empty() ? reviewerName(m_xContext) : reviewer;
    if (name.empty())
        name = strings().get("plan.flagAuthor");
    // Judgements are written only when asked for; a comment on one already written stays while
    // the judgement stands.
    const CommentResult result = addReviewComments(xDoc, state.blocks, state.current, findings, name,
                                                   kinds == CommentKinds::All);
    log().info("reviewComments: {} added, {} kept, {} removed", result.added, result.kept, result.removed);
    return result;
}

void Commands::dismiss(const uno::Reference<text::XTextDocument>& xDoc, const std::string& key) const
{
    std::set<std::string> keys = dismissedJudgements(xDoc);
    if (keys.insert(key).second)
        storeDismissedJudgements(xDoc, keys);
}

void Commands::undismissAll(const uno::Reference<text::XTextDocument>& xDoc) const
{
    if (!dismissedJudgements(xDoc).empty())
        storeDismissedJudgements(xDoc, {});
}

void Commands::addSupervision(const uno::Reference<text::XTextDocument>& xDoc, aa::SupervisionEntry entry) const
{
    aa::validateSupervisionEntry(entry);
    // A date given as YYYY-MM-DD (or today's, when none is given) is written as the document's
    // language writes dates; any other date as typed.
    entry.date = aa::displayDate(entry.date.empty() ? aa::todayIso() : entry.date, documentLanguage(xDoc));
    if (entry.reviewer.empty())
        entry.reviewer = reviewerName(m_xContext);
    const DocumentState state = readDocument(xDoc);
    appendSupervision(xDoc, state.blocks, state.current, entry);
    log().info("supervision entry added");
}
} // namespace aa::writer
