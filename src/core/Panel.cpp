#include "Panel.hpp"

#include "Plan.hpp"
#include "Utf8.hpp"

#include <algorithm>
#include <map>

namespace aa
{
namespace
{
template <typename Enum, std::size_t N>
std::optional<Enum> indexOfName(const std::string& key)
{
    for (std::size_t i = 0; i < N; ++i)
        if (key == jsonName(static_cast<Enum>(i)))
            return static_cast<Enum>(i);
    return std::nullopt;
}

std::optional<IssuePart> partOf(const std::string& key)
{
    return indexOfName<IssuePart, issuePartCount>(key);
}
std::optional<ListKind> listOf(const std::string& key) { return indexOfName<ListKind, listKindCount>(key); }
std::optional<Consideration> considerationOf(const std::string& key)
{
    return indexOfName<Consideration, considerationCount>(key);
}

std::string join(const std::vector<std::string>& parts, const std::string& separator)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? separator : std::string()) + parts[i];
    return out;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

/// Text typed in a multi-line field: "\r\n" and "\r" become '\n', trailing line breaks go.
std::string normalisedLines(const std::string& text)
{
    std::string out = unixLineBreaks(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}
} // namespace

std::vector<Question> panelQuestions(const Strings& strings)
{
    std::vector<Question> questions = catalogue(strings);
    questions.erase(std::remove_if(questions.begin(), questions.end(),
                                   [](const Question& q) { return q.key == "title"; }),
                    questions.end());
    return questions;
}

bool isIssueQuestion(const std::string& key) { return partOf(key).has_value(); }

std::string panelAnswer(const Analysis& analysis, std::optional<std::size_t> issue, const std::string& key)
{
    if (const auto part = partOf(key))
        return issue && *issue < analysis.issues.size() ? analysis.issues[*issue].part(*part) : std::string();
    if (const auto kind = listOf(key))
    {
        std::vector<std::string> lines;
        for (const Item& item : analysis.list(*kind))
            lines.push_back(item.text);
        return join(lines, "\n");
    }
    if (const auto c = considerationOf(key))
        return analysis.consideration(*c);
    return {};
}

bool setPanelAnswer(Analysis& analysis, std::optional<std::size_t> issue, const std::string& key,
                    const std::string& typed)
{
    const std::string text = normalisedLines(typed);
    if (const auto part = partOf(key))
    {
        if (!issue || *issue >= analysis.issues.size())
            return false;
        std::string& target = analysis.issues[*issue].part(*part);
        if (target == text)
            return false;
        target = text;
        return true;
    }
    if (const auto c = considerationOf(key))
    {
        std::string& target = analysis.consideration(*c);
        if (target == text)
            return false;
        target = text;
        return true;
    }
    const auto kind = listOf(key);
    if (!kind)
        return false;
    // Trailing line breaks are kept here: a blank last line may stand for an item.
    const std::vector<Item>& old = analysis.list(*kind);
    std::vector<Item> items;
    std::size_t next = 0; // the item the next line stands for
    for (const std::string& line : splitParagraphs(unixLineBreaks(typed)))
    {
        // panelAnswer shows an item without text (links only) as a blank line: that line
        // keeps it, so the items after it keep their own links and ids. Other blank lines go.
        if (isBlank(line))
        {
            if (next < old.size() && isBlank(old[next].text))
                items.push_back(old[next++]);
            continue;
        }
        Item item;
        if (next < old.size())
            item = old[next++];
        else if (issue && *issue < analysis.issues.size())
            item.issues.push_back(analysis.issues[*issue].id);
        item.text = trimmed(line);
        items.push_back(std::move(item));
    }
    if (items == old)
        return false;
    analysis.list(*kind) = std::move(items);
    return true;
}

std::vector<std::string> emptyParts(const Issue& issue, const Strings& strings)
{
    std::vector<std::string> labels;
    for (std::size_t p = 0; p < issuePartCount; ++p)
        if (isBlank(issue.parts[p]))
            labels.push_back(strings.get(std::string("part.") + jsonName(static_cast<IssuePart>(p)) + ".label"));
    return labels;
}

std::string issueListEntry(const Analysis& analysis, std::size_t index, const Strings& strings)
{
    const Issue& issue = analysis.issues.at(index);
    const std::size_t answered = issuePartCount - emptyParts(issue, strings).size();
    std::string entry = strings.format(
        "panel.issueEntry", { std::to_string(index + 1), isBlank(issue.title) ? strings.get("panel.untitled") : issue.title,
                              std::to_string(answered), std::to_string(issuePartCount) });
    if (!hasPlanAction(analysis, issue.id))
        entry += strings.get("panel.issueNoAction");
    return entry;
}

std::vector<Voice> missingVoices(const Analysis& analysis)
{
    std::vector<Voice> missing;
    for (std::size_t v = 0; v < voiceCount; ++v)
    {
        const Voice voice = static_cast<Voice>(v);
        const bool heard = std::any_of(analysis.issues.begin(), analysis.issues.end(), [&](const Issue& issue) {
            return std::find(issue.raisedBy.begin(), issue.raisedBy.end(), voice) != issue.raisedBy.end();
        });
        if (!heard)
            missing.push_back(voice);
    }
    return missing;
}

std::string voicesLine(const Analysis& analysis, const Strings& strings)
{
    if (analysis.issues.empty())
        return strings.get("panel.voices.noIssues");
    const std::vector<Voice> missing = missingVoices(analysis);
    if (missing.empty())
        return strings.get("panel.voices.all");
    std::vector<std::string> names;
    for (Voice v : missing)
        names.push_back(strings.get(std::string("voice.") + jsonName(v)));
    return strings.format("panel.voices.missing", { join(names, strings.get("raisedBy.separator")) });
}

std::string completenessLine(const Analysis& analysis, const Strings& strings)
{
    const std::size_t total = analysis.issues.size();
    std::size_t incomplete = 0;
    std::size_t noAction = 0;
    for (const Issue& issue : analysis.issues)
    {
        if (!emptyParts(issue, strings).empty())
            ++incomplete;
        if (!hasPlanAction(analysis, issue.id))
            ++noAction;
    }
    return strings.format("panel.completeness",
                          { std::to_string(total), std::to_string(incomplete), std::to_string(noAction) });
}

std::string newIssueId(const Analysis& analysis)
{
    for (std::size_t n = analysis.issues.size() + 1;; ++n)
    {
        const std::string id = "issue" + std::to_string(n);
        if (!analysis.findIssue(id))
            return id;
    }
}

std::size_t addIssue(Analysis& analysis, const std::string& title)
{
    Issue issue;
    issue.id = newIssueId(analysis);
    issue.title = trimmed(normalisedLines(title));
    std::replace(issue.title.begin(), issue.title.end(), '\n', ' ');
    analysis.issues.push_back(std::move(issue));
    return analysis.issues.size() - 1;
}

std::optional<std::string> questionKeyAt(StyleRole role, const std::string& paragraphText, const Strings& strings)
{
    switch (role.role)
    {
        case Role::IssueTitle:
        case Role::RaisedBy:
            return std::string("title");
        case Role::IssuePartAnswer:
            if (role.index < issuePartCount)
                return std::string(jsonName(static_cast<IssuePart>(role.index)));
            return std::nullopt;
        case Role::ListItem:
            if (role.index < listKindCount)
                return std::string(jsonName(static_cast<ListKind>(role.index)));
            return std::nullopt;
        case Role::ConsiderationAnswer:
            if (role.index < considerationCount)
                return std::string(jsonName(static_cast<Consideration>(role.index)));
            return std::nullopt;
        case Role::Question:
        case Role::Subheading:
        {
            const std::string text = trimmed(paragraphText);
            for (const Question& q : catalogue(strings))
                if (text == q.label || (role.role == Role::Subheading && text == strings.get("section." + q.key)))
                    return q.key;
            return std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

std::vector<FindingRow> findingRows(const std::vector<Finding>& findings, const Analysis& analysis,
                                    const Strings& strings)
{
    // Group 0: the analysis as a whole; 1..n: the issues; n+1: the plan.
    const std::size_t planGroup = analysis.issues.size() + 1;
    auto groupOf = [&](const Finding& f) -> std::size_t {
        switch (f.place.kind)
        {
            case Place::Kind::IssueTitle:
            case Place::Kind::IssuePart:
                for (std::size_t i = 0; i < analysis.issues.size(); ++i)
                    if (analysis.issues[i].id == f.place.issue)
                        return i + 1;
                return 0;
            case Place::Kind::PlanRow:
                return planGroup;
            default:
                return 0;
        }
    };
    std::vector<std::size_t> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::size_t ga = groupOf(findings[a]);
        const std::size_t gb = groupOf(findings[b]);
        if (ga != gb)
            return ga < gb;
        return findings[a].severity < findings[b].severity;
    });
    std::vector<FindingRow> rows;
    std::optional<std::size_t> current;
    for (std::size_t i : order)
    {
        const std::size_t group = groupOf(findings[i]);
        if (current != group)
        {
            current = group;
            std::string heading;
            if (group == 0)
                heading = strings.get("panel.review.group.analysis");
            else if (group == planGroup)
                heading = strings.get("panel.review.group.plan");
            else
                heading = strings.format("panel.review.group.issue", { analysis.issues[group - 1].title });
            rows.push_back({ heading, std::nullopt });
        }
        rows.push_back({ "    " + strings.get(std::string("panel.severity.") + severityName(findings[i].severity))
                             + ": " + findings[i].message,
                         i });
    }
    return rows;
}

std::string findingCounts(const std::vector<Finding>& findings, const Strings& strings)
{
    std::size_t counts[3] = { 0, 0, 0 };
    for (const Finding& f : findings)
        ++counts[static_cast<std::size_t>(f.severity)];
    return strings.format("panel.review.counts",
                          { std::to_string(counts[0]), std::to_string(counts[1]), std::to_string(counts[2]) });
}

bool analysisHasParagraph(const Analysis& analysis, const std::string& key, const std::string& paragraph,
                          const Strings& strings)
{
    if (isBlank(paragraph))
        return true;
    auto hasLine = [&](const std::string& text) {
        const std::vector<std::string> lines = splitParagraphs(text);
        return std::find(lines.begin(), lines.end(), paragraph) != lines.end();
    };
    if (key == "title")
        return std::any_of(analysis.issues.begin(), analysis.issues.end(),
                           [&](const Issue& issue) { return issue.title == paragraph; })
               || paragraph.rfind(strings.get("raisedBy.prefix"), 0) == 0; // the "Identified by:" line
    if (const auto part = partOf(key))
        return std::any_of(analysis.issues.begin(), analysis.issues.end(),
                           [&](const Issue& issue) { return hasLine(issue.part(*part)); });
    if (const auto c = considerationOf(key))
        return hasLine(analysis.consideration(*c));
    if (const auto kind = listOf(key))
        return std::any_of(analysis.list(*kind).begin(), analysis.list(*kind).end(), [&](const Item& item) {
            return !item.text.empty() && paragraph.compare(0, item.text.size(), item.text) == 0;
        });
    return true;
}

namespace
{
class Merger
{
public:
    explicit Merger(std::vector<std::string>* conflicts) : conflicts_(conflicts) {}

    std::string text(const std::string& base, const std::string& draft, const std::string& current,
                     const std::string& key, bool singleParagraph = false)
    {
        if (draft == base || current == draft)
            return current;
        if (current == base)
            return draft;
        conflict(key);
        if (singleParagraph || isBlank(draft))
            return current;
        return isBlank(current) ? draft : current + "\n" + draft;
    }

    std::vector<Item> items(const std::vector<Item>& base, const std::vector<Item>& draft,
                            const std::vector<Item>& current, const std::string& key)
    {
        if (draft == base || current == draft)
            return current;
        if (current == base)
            return draft;
        conflict(key);
        std::vector<Item> merged = current;
        auto has = [](const std::vector<Item>& list, const std::string& text) {
            return std::any_of(list.begin(), list.end(), [&](const Item& i) { return i.text == text; });
        };
        for (const Item& item : draft)
            if (!has(base, item.text) && !has(current, item.text))
            {
                // A line reworded in the panel keeps its item's id, and the document may still
                // hold that item: the id (and its plan row) stays with the document's item.
                const bool taken = !item.id.empty() && std::any_of(merged.begin(), merged.end(), [&](const Item& i) {
                    return i.id == item.id;
                });
                merged.push_back(item);
                if (taken)
                    merged.back().id.clear();
            }
        return merged;
    }

    void conflict(const std::string& key)
    {
        if (conflicts_ && std::find(conflicts_->begin(), conflicts_->end(), key) == conflicts_->end())
            conflicts_->push_back(key);
    }

private:
    std::vector<std::string>* conflicts_;
};
} // namespace

Analysis mergePanelEdits(const Analysis& base, const Analysis& draft, const Analysis& current,
                         std::vector<std::string>* conflicts)
{
    Merger m(conflicts);
    Analysis merged = current;
    for (Issue& issue : merged.issues)
    {
        const Issue* was = base.findIssue(issue.id);
        const Issue* want = draft.findIssue(issue.id);
        if (!was || !want)
            continue;
        issue.title = m.text(was->title, want->title, issue.title, "title", true);
        if (want->raisedBy != was->raisedBy && issue.raisedBy != want->raisedBy)
        {
            if (issue.raisedBy != was->raisedBy)
                m.conflict("title");
            else
                issue.raisedBy = want->raisedBy;
        }
        for (std::size_t p = 0; p < issuePartCount; ++p)
            issue.parts[p] = m.text(was->parts[p], want->parts[p], issue.parts[p], jsonName(static_cast<IssuePart>(p)));
    }
    // Panel edits to an issue deleted from the document meanwhile cannot be written: say so.
    for (const Issue& want : draft.issues)
    {
        const Issue* was = base.findIssue(want.id);
        if (was && !current.findIssue(want.id) && !(*was == want))
            m.conflict("title");
    }
    // Issues added in the panel. One whose id the document has taken meanwhile (a heading typed
    // by hand gets "issueN" too) gets a free id, and the panel's links follow it.
    std::map<std::string, std::string> renamed;
    for (const Issue& want : draft.issues)
    {
        if (base.findIssue(want.id))
            continue;
        Issue added = want;
        if (const Issue* there = merged.findIssue(added.id))
        {
            if (*there == want)
                continue; // the same issue added on both sides
            Analysis taken = merged;
            taken.issues.insert(taken.issues.end(), draft.issues.begin(), draft.issues.end());
            added.id = newIssueId(taken);
            renamed[want.id] = added.id;
        }
        merged.issues.push_back(std::move(added));
    }
    Analysis panel = draft;
    for (std::vector<Item>& items : panel.lists)
        for (Item& item : items)
            for (std::string& id : item.issues)
                if (renamed.count(id))
                    id = renamed[id];
    for (std::size_t k = 0; k < listKindCount; ++k)
    {
        // Compare with the panel's own links, renamed only where the panel added them.
        const bool panelChanged = !(draft.lists[k] == base.lists[k]);
        merged.lists[k] = m.items(base.lists[k], panelChanged ? panel.lists[k] : draft.lists[k], current.lists[k],
                                  jsonName(static_cast<ListKind>(k)));
    }
    // The panel's items may link to an issue the document no longer has: such links go, as the
    // reader drops them (the update command rejects a link to an unknown issue).
    for (std::vector<Item>& items : merged.lists)
        for (Item& item : items)
            item.issues.erase(std::remove_if(item.issues.begin(), item.issues.end(),
                                             [&](const std::string& id) { return !merged.findIssue(id); }),
                              item.issues.end());
    for (std::size_t c = 0; c < considerationCount; ++c)
        merged.considerations[c] = m.text(base.considerations[c], draft.considerations[c], current.considerations[c],
                                          jsonName(static_cast<Consideration>(c)));
    return merged;
}

} // namespace aa
