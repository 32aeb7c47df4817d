#include "Panel.hpp"

#include "Compose.hpp"
#include "Plan.hpp"
#include "Utf8.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace aa
{
namespace
{
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

/// One line typed in a field (a title, a name, an item): trimmed, line breaks as spaces.
std::string oneLine(const std::string& text)
{
    std::string out = trimmed(normalisedLines(text));
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

/// The text a question's answer is, for the selection; nullptr when it has none here.
const std::string* answerText(const Analysis& a, const PanelSelection& sel, QuestionKey key)
{
    switch (key.kind)
    {
        case QuestionKey::Kind::IssuePart:
            return sel.issue && *sel.issue < a.issues.size() ? &a.issues[*sel.issue].parts[key.index] : nullptr;
        case QuestionKey::Kind::AdultPart:
            return sel.adult && *sel.adult < a.adults.size() ? &a.adults[*sel.adult].parts[key.index] : nullptr;
        case QuestionKey::Kind::Topic:
            return &a.topics[key.index];
        case QuestionKey::Kind::Title:
            return sel.issue && *sel.issue < a.issues.size() ? &a.issues[*sel.issue].title : nullptr;
        case QuestionKey::Kind::List:
            break;
    }
    return nullptr;
}

template <typename T> void keepKnown(std::vector<std::string>& ids, const std::vector<T>& known)
{
    ids.erase(std::remove_if(
                  ids.begin(), ids.end(),
                  [&](const std::string& id) {
        return std::none_of(known.begin(), known.end(), [&](const T& k) { return k.id == id; });
                  }),
              ids.end());
}

/// ids in the order of the list they come from.
template <typename T> std::vector<std::string> inOrder(const std::vector<std::string>& ids, const std::vector<T>& list)
{
    std::vector<std::string> out;
    for (const T& entry : list)
        if (std::find(ids.begin(), ids.end(), entry.id) != ids.end())
            out.push_back(entry.id);
    return out;
}
} // namespace

std::vector<Question> panelQuestions(const Strings& strings)
{
    std::vector<Question> questions = catalogue(strings);
    questions.erase(std::remove_if(questions.begin(), questions.end(),
                                   [](const Question& q) { return q.key == QuestionKey::title(); }),
                    questions.end());
    return questions;
}

bool isAnswered(const Analysis& analysis, const PanelSelection& selection, QuestionKey key)
{
    if (key.kind == QuestionKey::Kind::List)
        return !analysis.lists[key.index].empty();
    const std::string* text = answerText(analysis, selection, key);
    return text && !isBlank(*text);
}

std::string panelAnswer(const Analysis& analysis, const PanelSelection& selection, QuestionKey key)
{
    const std::string* text = key.kind == QuestionKey::Kind::Title ? nullptr : answerText(analysis, selection, key);
    return text ? *text : std::string();
}

bool setPanelAnswer(Analysis& analysis, const PanelSelection& selection, QuestionKey key, const std::string& typed)
{
    if (key.kind == QuestionKey::Kind::List || key.kind == QuestionKey::Kind::Title)
        return false;
    auto* target = const_cast<std::string*>(answerText(analysis, selection, key));
    if (!target)
        return false;
    const std::string text = normalisedLines(typed);
    if (*target == text)
        return false;
    *target = text;
    return true;
}

std::string itemLine(const Analysis& analysis, ListKind kind, std::size_t index, const Strings& strings)
{
    const Item& item = analysis.list(kind).at(index);
    std::string line = (item.must ? strings.get("item.mustPrefix") : std::string()) + item.text;
    std::vector<std::string> ties;
    for (const std::string& id : item.issues)
        if (const Issue* issue = analysis.findIssue(id))
            ties.push_back(issue->title);
    for (const std::string& id : item.adults)
        if (const Adult* adult = analysis.findAdult(id))
            ties.push_back(adult->name);
    for (const std::string& id : item.items)
        if (const Item* need = analysis.findItem(id))
            ties.push_back(truncateUtf8(need->text, 40) + (need->text.size() > 40 ? "..." : ""));
    line += ties.empty() ? strings.get("panel.item.untied") : strings.format("panel.item.tied", { join(ties, "; ") });
    return line;
}

std::size_t addItem(Analysis& analysis, ListKind kind, const std::string& text)
{
    Item item;
    item.text = oneLine(text);
    std::vector<Item>& list = analysis.list(kind);
    list.push_back(std::move(item));
    if (kind == ListKind::WhatNeedsToHappen)
        assignItemIds(analysis);
    return list.size() - 1;
}

bool setItemText(Analysis& analysis, ListKind kind, std::size_t index, const std::string& text)
{
    std::vector<Item>& list = analysis.list(kind);
    if (index >= list.size())
        return false;
    const std::string line = oneLine(text);
    if (list[index].text == line)
        return false;
    list[index].text = line;
    return true;
}

void removeItem(Analysis& analysis, ListKind kind, std::size_t index)
{
    std::vector<Item>& list = analysis.list(kind);
    if (index >= list.size())
        return;
    const std::string id = list[index].id;
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
    if (kind == ListKind::WhatNeedsToHappen && !id.empty())
        for (Item& sign : analysis.list(ListKind::SuccessSigns))
            sign.items.erase(std::remove(sign.items.begin(), sign.items.end(), id), sign.items.end());
}

bool moveItem(Analysis& analysis, ListKind kind, std::size_t index, bool up)
{
    std::vector<Item>& list = analysis.list(kind);
    if (index >= list.size() || (up && index == 0) || (!up && index + 1 >= list.size()))
        return false;
    std::swap(list[index], list[up ? index - 1 : index + 1]);
    return true;
}

void setItemTies(Analysis& analysis, ListKind kind, std::size_t index, const std::vector<std::string>& issues,
                 const std::vector<std::string>& adults, const std::vector<std::string>& items)
{
    std::vector<Item>& list = analysis.list(kind);
    if (index >= list.size())
        return;
    Item& item = list[index];
    item.issues = inOrder(issues, analysis.issues);
    item.adults = kind == ListKind::Strengths ? inOrder(adults, analysis.adults) : std::vector<std::string>();
    item.items = kind == ListKind::SuccessSigns ? inOrder(items, analysis.list(ListKind::WhatNeedsToHappen))
                                                : std::vector<std::string>();
}

void setItemMust(Analysis& analysis, std::size_t index, bool must, const std::string& ifNot)
{
    std::vector<Item>& list = analysis.list(ListKind::WhatNeedsToHappen);
    if (index >= list.size())
        return;
    list[index].must = must;
    list[index].ifNot = oneLine(ifNot);
}

std::vector<std::string> emptyParts(const Issue& issue, const Strings& strings)
{
    std::vector<std::string> labels;
    for (std::size_t p = 0; p < requiredIssueParts; ++p)
        if (isBlank(issue.parts[p]))
            labels.push_back(questionLabel(QuestionKey::of(static_cast<IssuePart>(p)), strings));
    return labels;
}

std::string issueListEntry(const Analysis& analysis, std::size_t index, const Strings& strings)
{
    const Issue& issue = analysis.issues.at(index);
    const std::size_t answered = requiredIssueParts - emptyParts(issue, strings).size();
    std::string entry = strings.format("panel.issueEntry",
                                       { std::to_string(index + 1),
                                         isBlank(issue.title) ? strings.get("panel.untitled") : issue.title,
                                         std::to_string(answered), std::to_string(requiredIssueParts) });
    if (!hasPlanAction(analysis, issue.id))
        entry += strings.get("panel.issueNoAction");
    return entry;
}

std::vector<std::string> missingVoices(const Analysis& analysis, const Strings& strings)
{
    std::vector<std::string> missing;
    for (std::size_t v = 0; v < voiceCount; ++v)
    {
        const Voice voice = static_cast<Voice>(v);
        const bool heard = std::any_of(analysis.issues.begin(), analysis.issues.end(), [&](const Issue& issue) {
            return std::find(issue.raisedBy.begin(), issue.raisedBy.end(), voice) != issue.raisedBy.end();
        });
        if (!heard)
            missing.push_back(strings.get(std::string("voice.") + jsonName(voice)));
    }
    for (const Adult& adult : analysis.adults)
    {
        const bool heard = std::any_of(analysis.issues.begin(), analysis.issues.end(), [&](const Issue& issue) {
            return std::find(issue.raisedByAdults.begin(), issue.raisedByAdults.end(), adult.id)
                   != issue.raisedByAdults.end();
        });
        if (!heard)
            missing.push_back(adultHeading(adult, strings));
    }
    return missing;
}

std::string voicesLine(const Analysis& analysis, const Strings& strings)
{
    if (analysis.issues.empty())
        return strings.get("panel.voices.noIssues");
    const std::vector<std::string> missing = missingVoices(analysis, strings);
    if (missing.empty())
        return strings.get("panel.voices.all");
    return strings.format("panel.voices.missing", { join(missing, strings.get("raisedBy.separator")) });
}

std::string completenessLine(const Analysis& analysis, const Strings& strings)
{
    std::vector<std::string> empty;
    auto topic = [&](Topic t) {
        if (isBlank(analysis.topic(t)))
            empty.push_back(strings.get(std::string("panel.empty.") + jsonName(t)));
    };
    topic(Topic::Safety);
    topic(Topic::ChildExperience);
    std::size_t incomplete = 0, noAction = 0;
    for (const Issue& issue : analysis.issues)
    {
        incomplete += !emptyParts(issue, strings).empty();
        noAction += !hasPlanAction(analysis, issue.id);
    }
    if (analysis.issues.empty())
        empty.push_back(strings.get("panel.empty.noIssues"));
    else if (incomplete == 1)
        empty.push_back(strings.get("panel.empty.issues.one"));
    else if (incomplete)
        empty.push_back(strings.format("panel.empty.issues", { std::to_string(incomplete) }));
    std::size_t weighing = 0;
    for (Topic t : topicsOf(Section::WeighingUp))
        weighing += isBlank(analysis.topic(t));
    if (weighing)
        empty.push_back(strings.format("panel.empty.weighingUp", { std::to_string(weighing) }));
    if (analysis.adults.empty())
        empty.push_back(strings.get("panel.empty.noAdults"));
    for (const Adult& adult : analysis.adults)
        if (isBlank(adult.part(AdultPart::Understanding)) || isBlank(adult.part(AdultPart::Motivation)))
            empty.push_back(strings.format("panel.empty.adult", { adult.name }));
    for (std::size_t k = 0; k < listKindCount; ++k)
        if (analysis.lists[k].empty())
            empty.push_back(strings.get(std::string("panel.empty.") + jsonName(static_cast<ListKind>(k))));
    topic(Topic::Recommendation);
    topic(Topic::PlanReview);
    topic(Topic::Contingency);
    topic(Topic::PlanAgreed);
    std::string line = empty.empty() ? strings.get("panel.empty.none")
                                     : strings.format("panel.empty.list", { join(empty, "; ") });
    if (!analysis.issues.empty() && noAction)
        line += " "
                + strings.format("panel.noAction",
                                 { std::to_string(noAction), std::to_string(analysis.issues.size()) });
    return line;
}

std::string newIssueId(const Analysis& analysis)
{
    // Not an id a link in the document may still point to (a plan row of a removed issue keeps
    // its link until Update action plan flags it): a new issue taking it would inherit the row.
    std::set<std::string> taken;
    for (const Issue& issue : analysis.issues)
        taken.insert(issue.id);
    for (const PlanRow& row : analysis.plan)
        taken.insert(row.issues.begin(), row.issues.end());
    for (const std::vector<Item>& list : analysis.lists)
        for (const Item& item : list)
            taken.insert(item.issues.begin(), item.issues.end());
    return freeId("issue", taken);
}

std::string newAdultId(const Analysis& analysis)
{
    std::set<std::string> taken;
    for (const Adult& adult : analysis.adults)
        taken.insert(adult.id);
    for (const Issue& issue : analysis.issues)
        taken.insert(issue.raisedByAdults.begin(), issue.raisedByAdults.end());
    for (const std::vector<Item>& list : analysis.lists)
        for (const Item& item : list)
            taken.insert(item.adults.begin(), item.adults.end());
    return freeId("adult", taken);
}

std::size_t addIssue(Analysis& analysis, const std::string& title)
{
    Issue issue;
    issue.id = newIssueId(analysis);
    issue.title = oneLine(title);
    analysis.issues.push_back(std::move(issue));
    return analysis.issues.size() - 1;
}

std::size_t addAdult(Analysis& analysis, const std::string& name, const std::string& relationship)
{
    Adult adult;
    adult.id = newAdultId(analysis);
    adult.name = oneLine(name);
    adult.relationship = oneLine(relationship);
    analysis.adults.push_back(std::move(adult));
    return analysis.adults.size() - 1;
}

void removeAdult(Analysis& analysis, std::size_t index)
{
    if (index >= analysis.adults.size())
        return;
    const std::string id = analysis.adults[index].id;
    analysis.adults.erase(analysis.adults.begin() + static_cast<std::ptrdiff_t>(index));
    for (Issue& issue : analysis.issues)
        issue.raisedByAdults.erase(std::remove(issue.raisedByAdults.begin(), issue.raisedByAdults.end(), id),
                                   issue.raisedByAdults.end());
    for (auto& items : analysis.lists)
        for (Item& item : items)
            item.adults.erase(std::remove(item.adults.begin(), item.adults.end(), id), item.adults.end());
}

std::optional<QuestionKey> questionKeyAt(StyleRole role, const std::string& paragraphText, const Strings& strings)
{
    switch (role.role)
    {
        case Role::IssueTitle:
        case Role::RaisedBy:
            return QuestionKey::title();
        case Role::IssuePartAnswer:
            if (role.index < issuePartCount)
                return QuestionKey::of(static_cast<IssuePart>(role.index));
            return std::nullopt;
        case Role::AdultAnswer:
            if (role.index < adultPartCount)
                return QuestionKey::of(static_cast<AdultPart>(role.index));
            return std::nullopt;
        case Role::AdultName:
            return QuestionKey::of(AdultPart::Understanding);
        case Role::ListItem:
            if (role.index < listKindCount)
                return QuestionKey::of(static_cast<ListKind>(role.index));
            return std::nullopt;
        case Role::IfNot:
            return QuestionKey::of(ListKind::WhatNeedsToHappen);
        case Role::TopicAnswer:
            if (role.index < topicCount)
                return QuestionKey::of(static_cast<Topic>(role.index));
            return std::nullopt;
        case Role::Question:
        case Role::Subheading:
        {
            const std::string text = foldQuotes(trimmed(paragraphText));
            for (const Question& q : catalogue(strings))
                if (text == foldQuotes(q.label)
                    || (role.role == Role::Subheading
                        && text == foldQuotes(strings.get(std::string("section.") + jsonName(q.key.section())))
                        && !q.key.perIssue() && !q.key.perAdult()))
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
    // Within each kind, group 0: the analysis as a whole; 1..n: the issues; n+1: the plan.
    const std::size_t planGroup = analysis.issues.size() + 1;
    auto groupOf = [&](const Finding& f) -> std::size_t {
        switch (f.place.kind)
        {
            case Place::Kind::IssueTitle:
            case Place::Kind::IssuePart:
                if (const auto i = analysis.indexOfIssue(f.place.issue))
                    return *i + 1;
                return 0;
            case Place::Kind::PlanRow:
            case Place::Kind::PlanArrangement:
                return planGroup;
            default:
                return 0;
        }
    };
    std::vector<std::size_t> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto key = [&](std::size_t i) {
            return std::make_tuple(findings[i].kind == FindingKind::Judgement, groupOf(findings[i]),
                                   findings[i].severity);
        };
        return key(a) < key(b);
    });
    std::vector<FindingRow> rows;
    std::optional<std::pair<bool, std::size_t>> current;
    std::optional<bool> currentKind;
    for (std::size_t i : order)
    {
        const bool judgement = findings[i].kind == FindingKind::Judgement;
        if (currentKind != judgement)
        {
            currentKind = judgement;
            rows.push_back(
                { strings.get(judgement ? "panel.review.judgements" : "panel.review.certain"), std::nullopt });
        }
        const std::size_t group = groupOf(findings[i]);
        if (current != std::make_pair(judgement, group))
        {
            current = std::make_pair(judgement, group);
            std::string heading;
            if (group == 0)
                heading = strings.get("panel.review.group.analysis");
            else if (group == planGroup)
                heading = strings.get("panel.review.group.plan");
            else
                heading = strings.format("panel.review.group.issue", { analysis.issues[group - 1].title });
            rows.push_back({ "  " + heading, std::nullopt });
        }
        const std::string label = judgement ? strings.get("panel.severity.question")
                                            : strings.get(std::string("panel.severity.")
                                                          + severityName(findings[i].severity));
        rows.push_back({ "    " + label + ": " + findings[i].message, i });
    }
    return rows;
}

std::string findingCounts(const std::vector<Finding>& findings, const Strings& strings)
{
    std::size_t counts[3] = { 0, 0, 0 };
    std::size_t questions = 0;
    for (const Finding& f : findings)
    {
        if (f.kind == FindingKind::Judgement)
            ++questions;
        else
            ++counts[static_cast<std::size_t>(f.severity)];
    }
    return strings.format("panel.review.counts",
                          { std::to_string(counts[0] + counts[1] + counts[2]), std::to_string(counts[0]),
                            std::to_string(counts[1]), std::to_string(counts[2]), std::to_string(questions) });
}

bool analysisHasParagraph(const Analysis& analysis, QuestionKey key, const std::string& paragraph,
                          const Strings& strings)
{
    if (isBlank(paragraph))
        return true;
    auto hasLine = [&](const std::string& text) {
        const std::vector<std::string> lines = splitParagraphs(text);
        return std::find(lines.begin(), lines.end(), paragraph) != lines.end();
    };
    switch (key.kind)
    {
        case QuestionKey::Kind::Title:
            return std::any_of(analysis.issues.begin(), analysis.issues.end(),
                               [&](const Issue& issue) { return issue.title == paragraph; })
                   || paragraph.rfind(strings.get("raisedBy.prefix"), 0) == 0; // the "Identified by:" line
        case QuestionKey::Kind::IssuePart:
            return std::any_of(analysis.issues.begin(), analysis.issues.end(),
                               [&](const Issue& issue) { return hasLine(issue.parts[key.index]); });
        case QuestionKey::Kind::AdultPart:
            return std::any_of(analysis.adults.begin(), analysis.adults.end(), [&](const Adult& adult) {
                return hasLine(adult.parts[key.index]) || adultHeading(adult, strings) == paragraph;
            });
        case QuestionKey::Kind::Topic:
            return hasLine(analysis.topics[key.index]);
        case QuestionKey::Kind::List:
        {
            const std::string must = strings.get("item.mustPrefix");
            const std::string ifNot = strings.get("item.ifNotPrefix");
            const std::string about = strings.get("item.linkPrefix");
            const std::string shows = strings.get("item.showsPrefix");
            auto startsWith = [](const std::string& text, std::size_t at, const std::string& prefix) {
                return text.compare(at, prefix.size(), prefix) == 0;
            };
            return std::any_of(analysis.lists[key.index].begin(), analysis.lists[key.index].end(),
                               [&](const Item& item) {
                if (item.text.empty())
                    return false;
                // The item's text, then nothing or its ties: words typed after the text make another item.
                const std::string shown = (item.must ? must : std::string()) + item.text;
                return (startsWith(paragraph, 0, shown)
                        && (paragraph.size() == shown.size() || startsWith(paragraph, shown.size(), about)
                            || startsWith(paragraph, shown.size(), shows)))
                       || paragraph == ifNot + item.ifNot;
            });
        }
    }
    return true;
}

namespace
{
class Merger
{
public:
    explicit Merger(std::vector<QuestionKey>* conflicts) : conflicts_(conflicts) {}

    std::string text(const std::string& base, const std::string& draft, const std::string& current, QuestionKey key,
                     bool singleParagraph = false)
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
                            const std::vector<Item>& current, QuestionKey key)
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

    void conflict(QuestionKey key)
    {
        if (conflicts_ && std::find(conflicts_->begin(), conflicts_->end(), key) == conflicts_->end())
            conflicts_->push_back(key);
    }

private:
    std::vector<QuestionKey>* conflicts_;
};

/// Entries added in the panel (not in base) appended to merged; one whose id the document has
/// taken meanwhile gets a free id, recorded in renamed.
template <typename T, typename NewId>
void appendAdded(std::vector<T>& merged, const std::vector<T>& base, const std::vector<T>& draft,
                 std::map<std::string, std::string>& renamed, NewId newId)
{
    auto find = [](const std::vector<T>& list, const std::string& id) {
        return std::find_if(list.begin(), list.end(), [&](const T& t) { return t.id == id; });
    };
    for (const T& want : draft)
    {
        if (find(base, want.id) != base.end())
            continue;
        T added = want;
        auto there = find(merged, added.id);
        if (there != merged.end())
        {
            if (*there == want)
                continue; // the same added on both sides
            std::vector<T> taken = merged;
            taken.insert(taken.end(), draft.begin(), draft.end());
            added.id = newId(taken);
            renamed[want.id] = added.id;
        }
        merged.push_back(std::move(added));
    }
}
} // namespace

Analysis mergePanelEdits(const Analysis& base, const Analysis& draft, const Analysis& current,
                         std::vector<QuestionKey>* conflicts)
{
    Merger m(conflicts);
    Analysis merged = current;
    // Adults added in the panel first: one whose id the document took meanwhile gets a free id,
    // and the panel's ties to it (from any issue, new or not) follow it. Issue and adult ids are
    // renamed apart, as they are separate kinds of id.
    std::map<std::string, std::string> renamedAdults, renamedIssues;
    appendAdded(merged.adults, base.adults, draft.adults, renamedAdults, [](const std::vector<Adult>& taken) {
        Analysis a;
        a.adults = taken;
        return newAdultId(a);
    });
    auto rename = [](std::vector<std::string>& ids, const std::map<std::string, std::string>& renamed) {
        for (std::string& id : ids)
            if (const auto it = renamed.find(id); it != renamed.end())
                id = it->second;
    };
    Analysis panel = draft;
    for (Issue& issue : panel.issues)
        rename(issue.raisedByAdults, renamedAdults);
    for (Issue& issue : merged.issues)
    {
        const Issue* was = base.findIssue(issue.id);
        const Issue* want = panel.findIssue(issue.id);
        if (!was || !want)
            continue;
        issue.title = m.text(was->title, want->title, issue.title, QuestionKey::title(), true);
        const bool voicesChanged = want->raisedBy != was->raisedBy || want->raisedByAdults != was->raisedByAdults;
        const bool voicesDiffer = issue.raisedBy != want->raisedBy || issue.raisedByAdults != want->raisedByAdults;
        if (voicesChanged && voicesDiffer)
        {
            if (issue.raisedBy != was->raisedBy || issue.raisedByAdults != was->raisedByAdults)
                m.conflict(QuestionKey::title());
            else
            {
                issue.raisedBy = want->raisedBy;
                issue.raisedByAdults = want->raisedByAdults;
            }
        }
        for (std::size_t p = 0; p < issuePartCount; ++p)
            issue.parts[p] = m.text(was->parts[p], want->parts[p], issue.parts[p],
                                    QuestionKey::of(static_cast<IssuePart>(p)));
    }
    for (Adult& adult : merged.adults)
    {
        const Adult* was = base.findAdult(adult.id);
        const Adult* want = draft.findAdult(adult.id);
        if (!was || !want)
            continue;
        adult.name = m.text(was->name, want->name, adult.name, QuestionKey::of(AdultPart::Understanding), true);
        adult.relationship = m.text(was->relationship, want->relationship, adult.relationship,
                                    QuestionKey::of(AdultPart::Understanding), true);
        for (std::size_t p = 0; p < adultPartCount; ++p)
            adult.parts[p] = m.text(was->parts[p], want->parts[p], adult.parts[p],
                                    QuestionKey::of(static_cast<AdultPart>(p)));
    }
    // Panel edits to what was deleted from the document meanwhile cannot be written: say so.
    for (const Issue& want : draft.issues)
        if (const Issue* was = base.findIssue(want.id); was && !current.findIssue(want.id) && !(*was == want))
            m.conflict(QuestionKey::title());
    for (const Adult& want : draft.adults)
        if (const Adult* was = base.findAdult(want.id); was && !current.findAdult(want.id) && !(*was == want))
            m.conflict(QuestionKey::of(AdultPart::Understanding));
    // Adults the panel removed go (with the ties to them), unless the document changed them.
    for (const Adult& was : base.adults)
        if (!draft.findAdult(was.id))
            if (const Adult* is = merged.findAdult(was.id); is && *is == was)
                removeAdult(merged, static_cast<std::size_t>(is - merged.adults.data()));
    appendAdded(merged.issues, base.issues, panel.issues, renamedIssues, [](const std::vector<Issue>& taken) {
        Analysis a;
        a.issues = taken;
        return newIssueId(a);
    });
    for (std::vector<Item>& items : panel.lists)
        for (Item& item : items)
        {
            rename(item.issues, renamedIssues);
            rename(item.adults, renamedAdults);
        }
    for (std::size_t k = 0; k < listKindCount; ++k)
    {
        // Compare with the panel's own links, renamed only where the panel added them.
        const bool panelChanged = !(draft.lists[k] == base.lists[k]);
        merged.lists[k] = m.items(base.lists[k], panelChanged ? panel.lists[k] : draft.lists[k], current.lists[k],
                                  QuestionKey::of(static_cast<ListKind>(k)));
    }
    for (std::size_t t = 0; t < topicCount; ++t)
        merged.topics[t] = m.text(base.topics[t], draft.topics[t], current.topics[t],
                                  QuestionKey::of(static_cast<Topic>(t)));
    // Ties to what the result does not have go, as the reader drops them (the update command
    // rejects a tie to an unknown issue or adult).
    for (Issue& issue : merged.issues)
        keepKnown(issue.raisedByAdults, merged.adults);
    for (std::vector<Item>& items : merged.lists)
        for (Item& item : items)
        {
            keepKnown(item.issues, merged.issues);
            keepKnown(item.adults, merged.adults);
            keepKnown(item.items, merged.list(ListKind::WhatNeedsToHappen));
        }
    return merged;
}

} // namespace aa
