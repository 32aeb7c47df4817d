#include "Update.hpp"

#include "Catalogue.hpp"
#include "Errors.hpp"
#include "Plan.hpp"
#include "Utf8.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace aa
{
namespace
{
std::string voicesText(const std::vector<Voice>& voices, const Strings& strings)
{
    std::string text;
    for (Voice v : voices)
    {
        if (!text.empty())
            text += strings.get("raisedBy.separator");
        text += strings.get(std::string("voice.") + jsonName(v));
    }
    return strings.get("raisedBy.prefix") + (text.empty() ? strings.get("raisedBy.none") : text);
}

std::string questionLabel(const std::string& key, const Strings& strings)
{
    return strings.get("part." + key + ".label");
}

NewParagraph itemParagraph(ListKind kind, const Item& item)
{
    NewParagraph p{ Role::ListItem, static_cast<std::size_t>(kind), item.text, {}, item.issues };
    if (kind == ListKind::WhatWouldHelp && !item.id.empty())
        p.bookmark = helpBookmarkName(item.id);
    return p;
}

/// Collects edits, keeping one InsertAfter per anchor.
class EditList
{
public:
    void replace(std::size_t block, NewParagraph p)
    {
        edits_.push_back({ Edit::Kind::Replace, block, { std::move(p) } });
    }
    void remove(std::size_t block) { edits_.push_back({ Edit::Kind::Delete, block, {} }); }
    void insertAfter(std::size_t block, std::vector<NewParagraph> paragraphs)
    {
        if (paragraphs.empty())
            return;
        auto it = inserts_.find(block);
        if (it == inserts_.end())
            inserts_[block] = std::move(paragraphs);
        else
            it->second.insert(it->second.end(), paragraphs.begin(), paragraphs.end());
    }
    std::vector<Edit> take()
    {
        for (auto& [block, paragraphs] : inserts_)
            edits_.push_back({ Edit::Kind::InsertAfter, block, std::move(paragraphs) });
        return std::move(edits_);
    }

private:
    std::vector<Edit> edits_;
    std::map<std::size_t, std::vector<NewParagraph>> inserts_;
};

/// Rewrites a multi-paragraph text in place: paragraph by paragraph where lines differ, new
/// paragraphs after the last one (or after anchor when there are none), surplus deleted.
void updateText(EditList& edits, const std::string& current, const std::string& desired,
                const std::vector<std::size_t>& blocks, std::size_t anchor, Role role, std::size_t index)
{
    if (current == desired && !(blocks.empty() && !desired.empty()))
        return;
    const std::vector<std::string> want = splitParagraphs(desired);
    std::vector<std::string> have = blocks.empty() ? std::vector<std::string>{} : splitParagraphs(current);
    have.resize(blocks.size());
    const std::size_t common = std::min(want.size(), blocks.size());
    for (std::size_t i = 0; i < common; ++i)
        if (want[i] != have[i])
            edits.replace(blocks[i], { role, index, want[i], {}, {} });
    std::vector<NewParagraph> extra;
    for (std::size_t i = common; i < want.size(); ++i)
        extra.push_back({ role, index, want[i], {}, {} });
    edits.insertAfter(blocks.empty() ? anchor : blocks.back(), std::move(extra));
    for (std::size_t i = common; i < blocks.size(); ++i)
        edits.remove(blocks[i]);
}

/// The last block of the analysis before the plan: where things go when their own place is
/// gone.
std::size_t fallbackAnchor(const Layout& layout)
{
    std::size_t anchor = layout.first.value_or(0);
    auto consider = [&](std::size_t b) {
        if (layout.planHeading && b >= *layout.planHeading)
            return;
        if (layout.planTable && b >= *layout.planTable)
            return;
        anchor = std::max(anchor, b);
    };
    for (const IssueLayout& issue : layout.issues)
        consider(issue.last);
    for (const auto& items : layout.items)
        for (std::size_t b : items)
            consider(b);
    for (const auto& heading : layout.listHeadings)
        if (heading)
            consider(*heading);
    if (layout.considerationsHeading)
        consider(*layout.considerationsHeading);
    for (const auto& q : layout.considerationQuestions)
        if (q)
            consider(*q);
    for (const auto& c : layout.considerations)
        for (std::size_t b : c)
            consider(b);
    return anchor;
}

/// Where a part's first paragraph goes when it has none: after its question label, or after
/// whatever of the issue comes before it (an earlier part's answers or label, "Identified by",
/// the title).
std::size_t partAnchor(const IssueLayout& issue, std::size_t part)
{
    if (issue.questions[part])
        return *issue.questions[part];
    for (std::size_t p = part; p-- > 0;)
    {
        if (!issue.parts[p].empty())
            return issue.parts[p].back();
        if (issue.questions[p])
            return *issue.questions[p];
    }
    return issue.raisedBy.value_or(issue.title);
}
} // namespace

std::vector<NewParagraph> issueParagraphs(const Issue& issue, const Strings& strings)
{
    std::vector<NewParagraph> paragraphs;
    paragraphs.push_back({ Role::IssueTitle, 0, issue.title, issueBookmarkName(issue.id), {} });
    paragraphs.push_back({ Role::RaisedBy, 0, voicesText(issue.raisedBy, strings), {}, {} });
    for (std::size_t p = 0; p < issuePartCount; ++p)
    {
        paragraphs.push_back(
            { Role::Question, 0, questionLabel(jsonName(static_cast<IssuePart>(p)), strings), {}, {} });
        for (const std::string& line : splitParagraphs(issue.parts[p]))
            paragraphs.push_back({ Role::IssuePartAnswer, p, line, {}, {} });
    }
    return paragraphs;
}

UpdatePlan planUpdate(const ReadResult& current, const Analysis& desired, const Strings& strings)
{
    UpdatePlan plan;
    EditList edits;
    const Analysis& have = current.analysis;
    const Layout& layout = current.layout;
    const std::size_t fallback = fallbackAnchor(layout);

    std::set<std::string> desiredIds;
    std::vector<NewParagraph> newIssues;
    for (const Issue& want : desired.issues)
    {
        desiredIds.insert(want.id);
        std::size_t index = have.issues.size();
        for (std::size_t i = 0; i < have.issues.size(); ++i)
            if (have.issues[i].id == want.id)
                index = i;
        if (index == have.issues.size())
        {
            const auto paragraphs = issueParagraphs(want, strings);
            newIssues.insert(newIssues.end(), paragraphs.begin(), paragraphs.end());
            plan.addedIssues.push_back(want.id);
            continue;
        }
        const Issue& is = have.issues[index];
        const IssueLayout& where = layout.issues[index];
        if (is.title != want.title || !where.bookmarkIntact)
            edits.replace(where.title, { Role::IssueTitle, 0, want.title, issueBookmarkName(want.id), {} });
        if (is.raisedBy != want.raisedBy)
        {
            NewParagraph voices{ Role::RaisedBy, 0, voicesText(want.raisedBy, strings), {}, {} };
            if (where.raisedBy)
                edits.replace(*where.raisedBy, std::move(voices));
            else
                edits.insertAfter(where.title, { std::move(voices) });
        }
        for (std::size_t p = 0; p < issuePartCount; ++p)
            updateText(edits, is.parts[p], want.parts[p], where.parts[p], partAnchor(where, p),
                       Role::IssuePartAnswer, p);
    }
    for (const Issue& is : have.issues)
        if (!desiredIds.count(is.id))
            plan.keptIssues.push_back(is.id);
    if (!newIssues.empty())
    {
        std::size_t anchor = fallback;
        if (!layout.issues.empty())
            anchor = layout.issues.back().last;
        else if (layout.issuesHeading)
            anchor = *layout.issuesHeading;
        else if (layout.first)
            anchor = *layout.first;
        edits.insertAfter(anchor, std::move(newIssues));
    }

    for (std::size_t k = 0; k < listKindCount; ++k)
    {
        const auto kind = static_cast<ListKind>(k);
        const std::vector<Item>& want = desired.lists[k];
        const std::vector<Item>& is = have.lists[k];
        const std::vector<std::size_t>& blocks = layout.items[k];
        const std::size_t common = std::min(want.size(), is.size());
        for (std::size_t i = 0; i < common; ++i)
            if (!(want[i] == is[i]))
                edits.replace(blocks[i], itemParagraph(kind, want[i]));
        std::vector<NewParagraph> extra;
        for (std::size_t i = common; i < want.size(); ++i)
            extra.push_back(itemParagraph(kind, want[i]));
        const std::size_t anchor
            = !blocks.empty() ? blocks.back() : layout.listHeadings[k].value_or(fallback);
        edits.insertAfter(anchor, std::move(extra));
        for (std::size_t i = common; i < is.size(); ++i)
            edits.remove(blocks[i]);
    }

    for (std::size_t c = 0; c < considerationCount; ++c)
        updateText(edits, have.considerations[c], desired.considerations[c], layout.considerations[c],
                   layout.considerationQuestions[c].value_or(fallback), Role::ConsiderationAnswer, c);

    plan.edits = edits.take();
    return plan;
}

std::vector<Edit> titleRepairs(const ReadResult& current)
{
    std::vector<Edit> edits;
    for (std::size_t i = 0; i < current.analysis.issues.size(); ++i)
    {
        const Issue& issue = current.analysis.issues[i];
        const IssueLayout& where = current.layout.issues[i];
        if (!where.bookmarkIntact)
            edits.push_back({ Edit::Kind::Replace, where.title,
                              { { Role::IssueTitle, 0, issue.title, issueBookmarkName(issue.id), {} } } });
    }
    return edits;
}

PlanUpdatePlan planPlanUpdate(const ReadResult& current)
{
    PlanUpdatePlan result;
    result.repairs = titleRepairs(current);
    const Analysis& analysis = current.analysis;
    const std::vector<PlanRow> derived = derivePlan(analysis);
    if (!current.layout.planTable)
    {
        result.needsTable = true;
        result.rows = derived;
        return result;
    }
    std::set<std::string> helpIds;
    for (const Item& item : analysis.list(ListKind::WhatWouldHelp))
        helpIds.insert(item.id);
    std::set<std::string> rowsFor;
    for (std::size_t i = 0; i < analysis.plan.size(); ++i)
    {
        const PlanRow& row = analysis.plan[i];
        const PlanRowLayout& where = current.layout.planRows[i];
        if (!row.help.empty())
            rowsFor.insert(row.help);
        const std::string& issue = row.cell(PlanColumn::Issue);
        const bool valid = (row.help.empty() || helpIds.count(row.help))
                           && (issue.empty() || analysis.findIssue(issue));
        if (!valid && !row.flagged)
            result.edits.push_back({ PlanEdit::Kind::Flag, where.row, 0, {} });
        else if (valid && row.flagged)
            result.edits.push_back({ PlanEdit::Kind::Unflag, where.row, where.flagParagraph, {} });
    }
    for (const PlanRow& row : derived)
        if (!rowsFor.count(row.help))
            result.edits.push_back({ PlanEdit::Kind::AppendRow, 0, 0, row });
    return result;
}

namespace
{
void checkIssueIndex(const ReadResult& current, std::size_t index, const Strings& strings)
{
    if (!current.found || index >= current.analysis.issues.size())
        throw InputError(strings.format("error.noSuchIssue", { std::to_string(index + 1) }));
}

/// Delete edits for every block of the issue, from its heading to its last block.
void deleteIssueBlocks(UpdatePlan& plan, const IssueLayout& where)
{
    for (std::size_t b = where.title; b <= where.last; ++b)
        plan.edits.push_back(Edit{ Edit::Kind::Delete, b, {} });
}
} // namespace

UpdatePlan planRemoveIssue(const ReadResult& current, std::size_t index, const Strings& strings)
{
    checkIssueIndex(current, index, strings);
    UpdatePlan plan;
    deleteIssueBlocks(plan, current.layout.issues[index]);
    return plan;
}

UpdatePlan planMoveIssue(const ReadResult& current, const std::vector<Block>& blocks, std::size_t index,
                         bool up, const Strings& strings)
{
    checkIssueIndex(current, index, strings);
    const std::size_t count = current.analysis.issues.size();
    if ((up && index == 0) || (!up && index + 1 >= count))
        throw InputError(strings.get(up ? "error.issueFirst" : "error.issueLast"));
    // Moving an issue down is moving its neighbour up.
    const std::size_t moving = up ? index : index + 1;
    const IssueLayout& where = current.layout.issues[moving];
    const IssueLayout& before = current.layout.issues[moving - 1];
    // Everything the rewrite writes again; any other text in the issue would be lost.
    const std::vector<NewParagraph> rewrite = issueParagraphs(current.analysis.issues[moving], strings);
    std::set<std::string> carried;
    for (const NewParagraph& np : rewrite)
        carried.insert(np.text);
    for (std::size_t b = where.title; b <= where.last && b < blocks.size(); ++b)
    {
        const Paragraph* para = std::get_if<Paragraph>(&blocks[b]);
        if (!para || (!isBlank(para->text) && !carried.count(para->text)))
            throw InputError(strings.get("error.issueMoveUnsafe"));
    }
    UpdatePlan plan;
    // The paragraph before the neighbour's heading: the "Key issues" heading or whatever
    // precedes it. The heading is always there: the issue before has a title block >= 1.
    if (before.title == 0)
        throw InputError(strings.get("error.issueFirst"));
    // Paragraphs can only be inserted after a paragraph: not after a table there (one below
    // the issue before, which the reader does not count as part of that issue).
    const std::size_t anchor = before.title - 1;
    if (anchor >= blocks.size() || !std::holds_alternative<Paragraph>(blocks[anchor]))
        throw InputError(strings.get("error.issueMoveUnsafe"));
    plan.edits.push_back(Edit{ Edit::Kind::InsertAfter, anchor, rewrite });
    deleteIssueBlocks(plan, where);
    return plan;
}

} // namespace aa
