#include "Commands.hxx"

#include "DocumentUpdater.hxx"
#include "DocumentWriter.hxx"
#include "Errors.hpp"
#include "Log.hxx"
#include "Options.hxx"
#include "Plan.hpp"
#include "Strings.hpp"
#include "Update.hpp"
#include "Utf8.hpp"

using namespace css;

namespace aa::writer
{
namespace
{
const aa::Strings& strings() { return aa::Strings::builtIn(); }

std::size_t issueIndex(const aa::ReadResult& current, const std::string& id)
{
    for (std::size_t i = 0; i < current.analysis.issues.size(); ++i)
        if (current.analysis.issues[i].id == id)
            return i;
    throw aa::InputError(strings().format("error.unknownIssueId", { aa::truncateUtf8(id, 40) }));
}

aa::Analysis readBack(const uno::Reference<text::XTextDocument>& xDoc) { return readDocument(xDoc).current.analysis; }
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

Commands::Commands(const uno::Reference<uno::XComponentContext>& xContext) : m_xContext(xContext) {}

aa::Analysis Commands::insert(const uno::Reference<text::XTextDocument>& xDoc, aa::Analysis analysis) const
{
    analysis = aa::withPlan(std::move(analysis));
    insertAnalysis(m_xContext, xDoc, analysis);
    log().info("insert: {} issues, {} plan rows", analysis.issues.size(), analysis.plan.size());
    return analysis;
}

aa::ReadResult Commands::read(const uno::Reference<text::XTextDocument>& xDoc) const
{
    return readDocument(xDoc).current;
}

aa::Analysis Commands::update(const uno::Reference<text::XTextDocument>& xDoc, const DesiredFrom& desired) const
{
    const DocumentState state = readExisting(xDoc);
    const aa::UpdatePlan plan = aa::planUpdate(state.current, desired(state.current.analysis));
    applyUpdate(xDoc, state.blocks, plan);
    log().info("update: {} edits, {} issues added, {} kept", plan.edits.size(), plan.addedIssues.size(),
               plan.keptIssues.size());
    return readBack(xDoc);
}

aa::Analysis Commands::update(const uno::Reference<text::XTextDocument>& xDoc, const aa::Analysis& desired) const
{
    return update(xDoc, [&](const aa::Analysis&) { return desired; });
}

aa::Analysis Commands::updatePlan(const uno::Reference<text::XTextDocument>& xDoc) const
{
    const DocumentState state = readExisting(xDoc);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(state.current);
    applyPlanUpdate(m_xContext, xDoc, state.blocks, state.current, plan);
    log().info("updatePlan: {} edits{}", plan.edits.size(), plan.needsTable ? ", new table" : "");
    return readBack(xDoc);
}

aa::Analysis Commands::removeIssue(const uno::Reference<text::XTextDocument>& xDoc, const std::string& id) const
{
    const DocumentState state = readExisting(xDoc);
    const aa::UpdatePlan plan = aa::planRemoveIssue(state.current, issueIndex(state.current, id));
    applyUpdate(xDoc, state.blocks, plan, "undo.removeIssue");
    log().info("removeIssue: {} edits", plan.edits.size());
    return readBack(xDoc);
}

aa::Analysis Commands::moveIssue(const uno::Reference<text::XTextDocument>& xDoc, const std::string& id,
                                 bool up) const
{
    const DocumentState state = readExisting(xDoc);
    const aa::UpdatePlan plan
        = aa::planMoveIssue(state.current, state.blocks.blocks, issueIndex(state.current, id), up);
    applyUpdate(xDoc, state.blocks, plan, "undo.moveIssue");
    log().info("moveIssue: {} edits", plan.edits.size());
    return readBack(xDoc);
}

aa::ReviewOptions Commands::reviewOptions(const std::string& today) const
{
    aa::ReviewOptions options;
    options.today = today.empty() ? aa::todayIso() : today;
    options.extraJargon = readOptions(m_xContext).jargonWords;
    return options;
}

std::vector<aa::Finding> Commands::review(const uno::Reference<text::XTextDocument>& xDoc,
                                          const std::string& today) const
{
    const DocumentState state = readExisting(xDoc);
    std::vector<aa::Finding> findings = aa::review(state.current.analysis, reviewOptions(today));
    log().info("review: {} findings", findings.size());
    return findings;
}

CommentResult Commands::reviewComments(const uno::Reference<text::XTextDocument>& xDoc, const std::string& reviewer,
                                       const std::string& today) const
{
    const DocumentState state = readExisting(xDoc);
    const std::vector<aa::Finding> findings = aa::review(state.current.analysis, reviewOptions(today));
    std::string name = reviewer.empty() ? reviewerName(m_xContext) : reviewer;
    if (name.empty())
        name = strings().get("plan.flagAuthor");
    const CommentResult result = addReviewComments(xDoc, state.blocks, state.current, findings, name);
    log().info("reviewComments: {} added, {} kept, {} removed", result.added, result.kept, result.removed);
    return result;
}

void Commands::addSupervision(const uno::Reference<text::XTextDocument>& xDoc, aa::SupervisionEntry entry) const
{
    aa::validateSupervisionEntry(entry);
    if (entry.date.empty())
        entry.date = aa::todayIso();
    if (entry.reviewer.empty())
        entry.reviewer = reviewerName(m_xContext);
    const DocumentState state = readDocument(xDoc);
    appendSupervision(xDoc, state.blocks, state.current, entry);
    log().info("supervision entry added");
}
} // namespace aa::writer
