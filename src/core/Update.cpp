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
/// Collects edits, keeping one InsertAfter and one InsertBefore per anchor (in call order).
class EditList
{
public:
    void replace(std::size_t block, NewParagraph p)
    {
        edits_.push_back({ Edit::Kind::Replace, block, { std::move(p) } });
    }
    void remove(std::size_t block) { edits_.push_back({ Edit::Kind::Delete, block, {} }); }
    void insertAfter(std::size_t block, const std::vector<NewParagraph>& paragraphs)
    {
        append(after_, block, paragraphs);
    }
    void insertBefore(std::size_t block, const std::vector<NewParagraph>& paragraphs)
    {
        append(before_, block, paragraphs);
    }
    std::vector<Edit> take()
    {
        for (auto& [block, paragraphs] : before_)
            edits_.push_back({ Edit::Kind::InsertBefore, block, std::move(paragraphs) });
        for (auto& [block, paragraphs] : after_)
            edits_.push_back({ Edit::Kind::InsertAfter, block, std::move(paragraphs) });
        return std::move(edits_);
    }

private:
    static void append(std::map<std::size_t, std::vector<NewParagraph>>& to, std::size_t block,
                       const std::vector<NewParagraph>& paragraphs)
    {
        if (paragraphs.empty())
            return;
        auto& list = to[block];
        list.insert(list.end(), paragraphs.begin(), paragraphs.end());
    }

    std::vector<Edit> edits_;
    std::map<std::size_t, std::vector<NewParagraph>> after_, before_;
};

/// Where new paragraphs go: after a paragraph, or (after a table, which paragraphs cannot be
/// inserted after) before the paragraph that follows it.
struct Anchor
{
    std::size_t block = 0;
    bool before = false;
};

/// The blocks a section takes up in the document.
struct Span
{
    std::optional<std::size_t> first, last;
    void add(std::size_t b)
    {
        first = first ? std::min(*first, b) : b;
        last = last ? std::max(*last, b) : b;
    }
    void add(const std::optional<std::size_t>& b)
    {
        if (b)
            add(*b);
    }
    void add(const TextLayout& t)
    {
        add(t.label);
        for (std::size_t b : t.paragraphs)
            add(b);
    }
    bool present() const { return first.has_value(); }
};

std::size_t lastOf(const TextLayout& t, std::size_t fallback)
{
    std::size_t last = t.label.value_or(fallback);
    for (std::size_t b : t.paragraphs)
        last = std::max(last, b);
    return std::max(last, fallback);
}

class Planner
{
public:
    Planner(const ReadResult& current, const Analysis& desired, const Strings& strings)
        : current_(current), have_(current.analysis), layout_(current.layout), desired_(desired),
          compose_(desired, strings), strings_(strings)
    {
    }

    UpdatePlan plan()
    {
        for (std::size_t s = 0; s < sectionCount; ++s)
            spans_[s] = span(static_cast<Section>(s));
        for (std::size_t b : layout_.legacyBlocks)
            edits_.remove(b);
        for (const auto& [block, section] : layout_.legacyHeadings)
            edits_.replace(block, compose_.sectionHeading(section));
        for (std::size_t s = 0; s < sectionCount; ++s)
        {
            const auto section = static_cast<Section>(s);
            if (spans_[s].present())
                updateSection(section);
            else if (section != Section::Plan || layout_.planTable)
            {
                insertAt(anchorFor(section), compose_.section(section, true));
                if (section == Section::Issues)
                    for (const Issue& issue : desired_.issues)
                        result_.addedIssues.push_back(issue.id);
            }
        }
        result_.edits = edits_.take();
        return std::move(result_);
    }

    /// Inserts at an anchor.
    void insertAt(const Anchor& anchor, const std::vector<NewParagraph>& paragraphs)
    {
        if (anchor.before)
            edits_.insertBefore(anchor.block, paragraphs);
        else
            edits_.insertAfter(anchor.block, paragraphs);
    }

    /// After block: a table's anchor is the paragraph after it.
    Anchor after(std::size_t block) const
    {
        if (layout_.planTable && block == *layout_.planTable)
            return Anchor{ block + 1, true };
        return Anchor{ block, false };
    }

private:
    Span span(Section section) const
    {
        Span sp;
        sp.add(layout_.sections[static_cast<std::size_t>(section)]);
        for (Topic t : topicsOf(section))
            sp.add(layout_.topics[static_cast<std::size_t>(t)]);
        switch (section)
        {
            case Section::Issues:
                for (const IssueLayout& issue : layout_.issues)
                {
                    sp.add(issue.title);
                    sp.add(issue.last);
                }
                break;
            case Section::Adults:
                for (const AdultLayout& adult : layout_.adults)
                {
                    sp.add(adult.name);
                    sp.add(adult.last);
                }
                sp.add(layout_.adultsPrompt);
                break;
            case Section::Strengths:
            case Section::WhatNeedsToHappen:
            case Section::SuccessSigns:
            {
                const std::size_t k = listIndex(section);
                for (std::size_t b : layout_.items[k])
                    sp.add(b);
                sp.add(layout_.listPrompts[k]);
                if (section == Section::WhatNeedsToHappen)
                    for (const auto& b : layout_.ifNot)
                        sp.add(b);
                break;
            }
            case Section::Plan:
                sp.add(layout_.planTable);
                break;
            default:
                break;
        }
        return sp;
    }

    static std::size_t listIndex(Section section)
    {
        return static_cast<std::size_t>(section) - static_cast<std::size_t>(Section::Strengths);
    }

    /// Where a section the document lacks goes: after the sections before it (in the order of
    /// the analysis), or before the ones after it.
    Anchor anchorFor(Section section) const
    {
        std::optional<std::size_t> lastBefore, firstAfter;
        for (std::size_t s = 0; s < sectionCount; ++s)
        {
            const Span& sp = spans_[s];
            if (!sp.present())
                continue;
            if (s < static_cast<std::size_t>(section))
                lastBefore = lastBefore ? std::max(*lastBefore, *sp.last) : *sp.last;
            else if (s > static_cast<std::size_t>(section))
                firstAfter = firstAfter ? std::min(*firstAfter, *sp.first) : *sp.first;
        }
        if (lastBefore)
            return after(*lastBefore);
        if (firstAfter && layout_.heading && *layout_.heading < *firstAfter)
            return after(*layout_.heading);
        if (firstAfter)
            return Anchor{ *firstAfter, true };
        return after(layout_.heading.value_or(layout_.first.value_or(0)));
    }

    /// Brings an answer in line: its paragraphs rewritten where lines differ, its prompt when it
    /// is empty, its label where it is answered (and labelled). at: where it goes when it has no
    /// paragraph and no label.
    void answer(QuestionKey key, const std::string& have, const std::string& want, const TextLayout& where,
                bool labelled, const Anchor& at)
    {
        const std::vector<std::size_t>& paras = where.paragraphs;
        if (isBlank(want))
        {
            if (paras.empty())
            {
                if (where.label)
                    edits_.replace(*where.label, compose_.prompt(key));
                else
                    insertAt(at, { compose_.prompt(key) });
                return;
            }
            if (!(isBlank(have) && where.prompt))
                edits_.replace(paras[0], compose_.prompt(key));
            for (std::size_t i = 1; i < paras.size(); ++i)
                edits_.remove(paras[i]);
            if (where.label)
                edits_.remove(*where.label);
            return;
        }
        std::vector<NewParagraph> lines = compose_.answer(key, want, false);
        if (paras.empty())
        {
            if (labelled && !where.label)
                lines.insert(lines.begin(), compose_.label(key));
            insertAt(where.label ? Anchor{ *where.label, false } : at, lines);
            return;
        }
        if (labelled && !where.label)
            edits_.insertBefore(paras[0], { compose_.label(key) });
        if (have == want && !where.prompt)
            return;
        std::vector<std::string> was = splitParagraphs(have);
        was.resize(paras.size());
        const std::size_t common = std::min(lines.size(), paras.size());
        for (std::size_t i = 0; i < common; ++i)
            if (lines[i].text() != was[i] || (i == 0 && where.prompt))
                edits_.replace(paras[i], lines[i]);
        edits_.insertAfter(paras.back(),
                           std::vector<NewParagraph>(lines.begin() + static_cast<std::ptrdiff_t>(common), lines.end()));
        for (std::size_t i = common; i < paras.size(); ++i)
            edits_.remove(paras[i]);
    }

    void updateSection(Section section)
    {
        const std::size_t s = static_cast<std::size_t>(section);
        switch (section)
        {
            case Section::Issues:
                updateIssues();
                return;
            case Section::Adults:
                updateAdults();
                return;
            case Section::Strengths:
            case Section::WhatNeedsToHappen:
            case Section::SuccessSigns:
                updateList(static_cast<ListKind>(listIndex(section)));
                return;
            default:
                break;
        }
        // The topics, each after the one before it (or after the heading, or the plan table).
        std::optional<std::size_t> previous = layout_.sections[s];
        if (section == Section::Plan && layout_.planTable)
            previous = *layout_.planTable;
        for (Topic t : topicsOf(section))
        {
            const TextLayout& where = layout_.topics[static_cast<std::size_t>(t)];
            const Anchor at = previous ? after(*previous) : anchorFor(section);
            answer(QuestionKey::of(t), have_.topic(t), desired_.topic(t), where, topicHasLabel(t), at);
            if (where.label || !where.paragraphs.empty())
                previous = lastOf(where, previous.value_or(0));
        }
    }

    void updateIssues()
    {
        std::set<std::string> desiredIds;
        std::vector<NewParagraph> added;
        for (const Issue& want : desired_.issues)
        {
            desiredIds.insert(want.id);
            const auto index = have_.indexOfIssue(want.id);
            if (!index)
            {
                const auto paragraphs = compose_.issue(want);
                added.insert(added.end(), paragraphs.begin(), paragraphs.end());
                result_.addedIssues.push_back(want.id);
                continue;
            }
            const Issue& is = have_.issues[*index];
            const IssueLayout& where = layout_.issues[*index];
            if (is.title != want.title || !where.bookmarkIntact)
                edits_.replace(where.title, compose_.issueTitle(want));
            if (is.raisedBy != want.raisedBy || is.raisedByAdults != want.raisedByAdults || where.raisedByLegacy
                || !where.raisedBy)
            {
                if (where.raisedBy)
                    edits_.replace(*where.raisedBy, compose_.raisedBy(want));
                else
                    edits_.insertAfter(where.title, { compose_.raisedBy(want) });
            }
            std::size_t previous = where.raisedBy.value_or(where.title);
            for (std::size_t p = 0; p < issuePartCount; ++p)
            {
                answer(QuestionKey::of(static_cast<IssuePart>(p)), is.parts[p], want.parts[p], where.parts[p], true,
                       Anchor{ previous, false });
                previous = lastOf(where.parts[p], previous);
            }
        }
        for (const Issue& is : have_.issues)
            if (!desiredIds.count(is.id))
                result_.keptIssues.push_back(is.id);
        if (added.empty())
            return;
        const std::optional<std::size_t> heading = layout_.sections[static_cast<std::size_t>(Section::Issues)];
        if (!layout_.issues.empty())
            insertAt(after(layout_.issues.back().last), added);
        else if (heading)
            insertAt(after(*heading), added);
        else
            insertAt(anchorFor(Section::Issues), added);
    }

    void updateAdults()
    {
        const std::size_t inDocument = layout_.adults.size(); // the legacy adults are not, yet
        std::vector<NewParagraph> added;
        for (const Adult& want : desired_.adults)
        {
            std::optional<std::size_t> index;
            for (std::size_t i = 0; i < inDocument; ++i)
                if (have_.adults[i].id == want.id)
                    index = i;
            if (!index)
            {
                const auto paragraphs = compose_.adult(want);
                added.insert(added.end(), paragraphs.begin(), paragraphs.end());
                continue;
            }
            const Adult& is = have_.adults[*index];
            const AdultLayout& where = layout_.adults[*index];
            if (is.name != want.name || is.relationship != want.relationship || !where.bookmarkIntact)
                edits_.replace(where.name, compose_.adultName(want));
            std::size_t previous = where.name;
            for (std::size_t p = 0; p < adultPartCount; ++p)
            {
                answer(QuestionKey::of(static_cast<AdultPart>(p)), is.parts[p], want.parts[p], where.parts[p], true,
                       Anchor{ previous, false });
                previous = lastOf(where.parts[p], previous);
            }
        }
        const std::optional<std::size_t> heading = layout_.sections[static_cast<std::size_t>(Section::Adults)];
        if (added.empty())
        {
            if (inDocument == 0 && desired_.adults.empty() && !layout_.adultsPrompt && heading)
                edits_.insertAfter(*heading, { compose_.adultsPrompt() });
            return;
        }
        if (inDocument > 0)
            insertAt(after(layout_.adults.back().last), added);
        else if (layout_.adultsPrompt)
        {
            edits_.replace(*layout_.adultsPrompt, added.front());
            edits_.insertAfter(*layout_.adultsPrompt, std::vector<NewParagraph>(added.begin() + 1, added.end()));
        }
        else if (heading)
            insertAt(after(*heading), added);
        else
            insertAt(anchorFor(Section::Adults), added);
    }

    static bool sameItem(const Item& a, const Item& b)
    {
        return a.text == b.text && a.issues == b.issues && a.adults == b.adults && a.items == b.items && a.id == b.id
               && a.must == b.must;
    }

    void updateList(ListKind kind)
    {
        const std::size_t k = static_cast<std::size_t>(kind);
        const bool needs = kind == ListKind::WhatNeedsToHappen;
        const std::vector<Item>& want = desired_.lists[k];
        const std::vector<Item>& is = have_.lists[k];
        const std::vector<std::size_t>& blocks = layout_.items[k];
        const std::size_t common = std::min(want.size(), is.size());
        auto ifNotBlock = [&](std::size_t i) -> std::optional<std::size_t> {
            return needs && i < layout_.ifNot.size() ? layout_.ifNot[i] : std::nullopt;
        };
        for (std::size_t i = 0; i < common; ++i)
        {
            if (!sameItem(want[i], is[i]))
                edits_.replace(blocks[i], compose_.item(kind, want[i]));
            if (!needs)
                continue;
            const std::vector<NewParagraph> wanted = compose_.ifNot(want[i]);
            const std::optional<std::size_t> there = ifNotBlock(i);
            if (!wanted.empty() && there)
            {
                if (want[i].ifNot != is[i].ifNot || (isBlank(want[i].ifNot) && !isBlank(is[i].ifNot)))
                    edits_.replace(*there, wanted.front());
            }
            else if (!wanted.empty())
                edits_.insertAfter(blocks[i], wanted);
            else if (there)
                edits_.remove(*there);
        }
        std::vector<NewParagraph> extra;
        for (std::size_t i = common; i < want.size(); ++i)
        {
            extra.push_back(compose_.item(kind, want[i]));
            if (needs)
            {
                const auto more = compose_.ifNot(want[i]);
                extra.insert(extra.end(), more.begin(), more.end());
            }
        }
        for (std::size_t i = common; i < is.size(); ++i)
        {
            edits_.remove(blocks[i]);
            if (const auto there = ifNotBlock(i))
                edits_.remove(*there);
        }
        const std::optional<std::size_t> prompt = layout_.listPrompts[k];
        const std::optional<std::size_t> heading = layout_.sections[static_cast<std::size_t>(sectionOf(kind))];
        if (!extra.empty())
        {
            if (!blocks.empty())
            {
                std::size_t last = blocks.back();
                if (const auto there = ifNotBlock(blocks.size() - 1))
                    last = std::max(last, *there);
                edits_.insertAfter(last, extra);
            }
            else if (prompt)
            {
                edits_.replace(*prompt, extra.front());
                edits_.insertAfter(*prompt, std::vector<NewParagraph>(extra.begin() + 1, extra.end()));
            }
            else
                insertAt(heading ? after(*heading) : anchorFor(sectionOf(kind)), extra);
        }
        else if (want.empty() && !prompt)
        {
            if (!blocks.empty())
                edits_.insertBefore(blocks.front(), { compose_.listPrompt(kind) });
            else
                insertAt(heading ? after(*heading) : anchorFor(sectionOf(kind)), { compose_.listPrompt(kind) });
        }
    }

    const ReadResult& current_;
    const Analysis& have_;
    const Layout& layout_;
    const Analysis& desired_;
    const Composer compose_;
    const Strings& strings_;
    std::array<Span, sectionCount> spans_;
    EditList edits_;
    UpdatePlan result_;
};

/// desired as the document reads once updated: who identified each issue with the voices in
/// their order and the adults in the order the document will name them (its own adults first,
/// then the new ones), each once, as the reader lists them. So an analysis that lists them
/// otherwise (JSON from a script, a new adult put first) gives no edit for the order alone.
Analysis asTheDocumentWillRead(const ReadResult& current, const Analysis& desired)
{
    Analysis a = desired;
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < current.layout.adults.size() && i < current.analysis.adults.size(); ++i)
        order.emplace(current.analysis.adults[i].id, order.size());
    for (const Adult& adult : desired.adults)
        order.emplace(adult.id, order.size());
    auto rank = [&](const std::string& id) {
        const auto it = order.find(id);
        return it == order.end() ? order.size() : it->second;
    };
    for (Issue& issue : a.issues)
    {
        std::sort(issue.raisedBy.begin(), issue.raisedBy.end());
        issue.raisedBy.erase(std::unique(issue.raisedBy.begin(), issue.raisedBy.end()), issue.raisedBy.end());
        std::vector<std::string>& adults = issue.raisedByAdults;
        std::stable_sort(adults.begin(), adults.end(),
                         [&](const std::string& x, const std::string& y) { return rank(x) < rank(y); });
        std::vector<std::string> once;
        for (const std::string& id : adults)
            if (std::find(once.begin(), once.end(), id) == once.end())
                once.push_back(id);
        adults = std::move(once);
    }
    return a;
}

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

UpdatePlan planUpdate(const ReadResult& current, const Analysis& desired, const Strings& strings)
{
    return Planner(current, asTheDocumentWillRead(current, desired), strings).plan();
}

std::vector<Edit> headingRepairs(const ReadResult& current, const Strings& strings)
{
    const Composer compose(current.analysis, strings);
    std::vector<Edit> edits;
    for (std::size_t i = 0; i < current.layout.issues.size(); ++i)
        if (!current.layout.issues[i].bookmarkIntact)
            edits.push_back({ Edit::Kind::Replace,
                              current.layout.issues[i].title,
                              { compose.issueTitle(current.analysis.issues[i]) } });
    for (std::size_t i = 0; i < current.layout.adults.size(); ++i)
        if (!current.layout.adults[i].bookmarkIntact)
            edits.push_back({ Edit::Kind::Replace,
                              current.layout.adults[i].name,
                              { compose.adultName(current.analysis.adults[i]) } });
    return edits;
}

PlanUpdatePlan planPlanUpdate(const ReadResult& current)
{
    PlanUpdatePlan result;
    result.repairs = headingRepairs(current);
    const Analysis& analysis = current.analysis;
    if (!current.layout.planTable)
    {
        result.needsTable = true;
        result.rows = derivePlan(analysis);
        // The table deleted by hand, the rest of the plan kept: the table alone goes back in
        // its place, so the plan's answers are not written a second time.
        std::optional<std::size_t> firstAnswer;
        for (Topic t : topicsOf(Section::Plan))
        {
            const TextLayout& where = current.layout.topics[static_cast<std::size_t>(t)];
            for (std::optional<std::size_t> block :
                 { where.label, where.paragraphs.empty() ? std::optional<std::size_t>()
                                                         : std::optional<std::size_t>(where.paragraphs.front()) })
                if (block && (!firstAnswer || *block < *firstAnswer))
                    firstAnswer = block;
        }
        if (firstAnswer)
        {
            result.tableAt = firstAnswer;
            result.tableBefore = true;
        }
        else if (const auto heading = current.layout.sections[static_cast<std::size_t>(Section::Plan)])
            result.tableAt = heading;
        return result;
    }
    std::set<std::string> rowsFor;
    std::size_t lastMustRow = 0; // table row index; 0: none
    std::size_t rowCount = 1;    // the header
    for (const PlanRowLayout& where : current.layout.planRows)
        rowCount = std::max(rowCount, where.row + 1);
    for (std::size_t i = 0; i < analysis.plan.size(); ++i)
    {
        const PlanRow& row = analysis.plan[i];
        const PlanRowLayout& where = current.layout.planRows[i];
        if (!row.help.empty())
            rowsFor.insert(row.help);
        if (row.must)
            lastMustRow = std::max(lastMustRow, where.row);
        const Item* item = analysis.findItem(row.help);
        // The row serves the issues its item serves (tied to one more issue later, say), when
        // its issue cell holds nothing but our links.
        const bool retie = item && !item->issues.empty() && row.issues != item->issues && !where.issueCellTyped;
        const std::vector<std::string>& issues = retie ? item->issues : row.issues;
        const bool issuesThere = std::all_of(issues.begin(), issues.end(),
                                             [&](const std::string& id) { return analysis.findIssue(id) != nullptr; });
        const bool valid = (row.help.empty() || item) && issuesThere;
        if (retie)
        {
            PlanEdit edit{ PlanEdit::Kind::SetIssues, where.row, 0, {} };
            edit.content.issues = item->issues;
            result.edits.push_back(std::move(edit));
        }
        if (!valid && !row.flagged)
            result.edits.push_back({ PlanEdit::Kind::Flag, where.row, 0, {} });
        else if (valid && row.flagged)
            result.edits.push_back({ PlanEdit::Kind::Unflag, where.row, where.flagParagraph, {} });
    }
    // New rows: a must after the last must row (the musts come first), the others at the end.
    // Inserting moves the rows below: the edits so far name rows as they are now, so new rows
    // come last, the ones lower in the table first.
    std::vector<PlanRow> musts, others;
    for (const PlanRow& row : derivePlan(analysis))
        if (!rowsFor.count(row.help))
            (row.must ? musts : others).push_back(row);
    for (const PlanRow& row : others)
        result.edits.push_back({ PlanEdit::Kind::InsertRow, rowCount++, 0, row });
    std::size_t at = lastMustRow + 1;
    for (const PlanRow& row : musts)
        result.edits.push_back({ PlanEdit::Kind::InsertRow, at++, 0, row });
    return result;
}

Analysis analysisAfterUpdate(const ReadResult& current, const Analysis& given)
{
    const Analysis desired = asTheDocumentWillRead(current, given);
    Analysis after = current.analysis;
    const std::size_t realAdults = current.layout.adults.size();
    after.issues.clear();
    for (const Issue& is : current.analysis.issues)
    {
        const Issue* want = desired.findIssue(is.id);
        after.issues.push_back(want ? *want : is);
    }
    for (const Issue& want : desired.issues)
        if (!current.analysis.findIssue(want.id))
            after.issues.push_back(want);
    after.adults.clear();
    for (std::size_t i = 0; i < realAdults; ++i)
    {
        const Adult* want = desired.findAdult(current.analysis.adults[i].id);
        after.adults.push_back(want ? *want : current.analysis.adults[i]);
    }
    for (const Adult& want : desired.adults)
        if (!after.findAdult(want.id))
            after.adults.push_back(want);
    after.lists = desired.lists;
    after.topics = desired.topics;
    // Where the document has no plan at all, planUpdate writes none of it: the plan's topics come
    // with its table (planPlanUpdate).
    const Layout& layout = current.layout;
    bool planThere = layout.sections[static_cast<std::size_t>(Section::Plan)] || layout.planTable;
    for (Topic t : topicsOf(Section::Plan))
        planThere = planThere || layout.topics[static_cast<std::size_t>(t)].label
                    || !layout.topics[static_cast<std::size_t>(t)].paragraphs.empty();
    if (!planThere)
        for (Topic t : topicsOf(Section::Plan))
            after.topic(t) = current.analysis.topic(t);
    // Links to what the document does not hold go, as the reader drops them.
    for (Issue& issue : after.issues)
        issue.raisedByAdults.erase(std::remove_if(issue.raisedByAdults.begin(), issue.raisedByAdults.end(),
                                                  [&](const std::string& id) { return !after.findAdult(id); }),
                                   issue.raisedByAdults.end());
    for (auto& items : after.lists)
        for (Item& item : items)
        {
            item.issues.erase(std::remove_if(item.issues.begin(), item.issues.end(),
                                             [&](const std::string& id) { return !after.findIssue(id); }),
                              item.issues.end());
            item.adults.erase(std::remove_if(item.adults.begin(), item.adults.end(),
                                             [&](const std::string& id) { return !after.findAdult(id); }),
                              item.adults.end());
        }
    return after;
}

Analysis analysisAfterPlanUpdate(const ReadResult& current, const PlanUpdatePlan& plan)
{
    Analysis after = current.analysis;
    if (plan.needsTable)
    {
        after.plan = plan.rows;
        after.hasPlan = true;
        return after;
    }
    // Rows by their table row index, as the edits name them.
    std::vector<std::pair<std::size_t, PlanRow>> rows;
    for (std::size_t i = 0; i < after.plan.size(); ++i)
        rows.emplace_back(current.layout.planRows[i].row, after.plan[i]);
    for (const PlanEdit& edit : plan.edits)
    {
        auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.first == edit.row; });
        switch (edit.kind)
        {
            case PlanEdit::Kind::Flag:
            case PlanEdit::Kind::Unflag:
                if (row != rows.end())
                    row->second.flagged = edit.kind == PlanEdit::Kind::Flag;
                break;
            case PlanEdit::Kind::SetIssues:
                if (row != rows.end())
                    row->second.issues = edit.content.issues;
                break;
            case PlanEdit::Kind::InsertRow:
                for (auto& r : rows)
                    if (r.first >= edit.row)
                        ++r.first;
                rows.emplace_back(edit.row, edit.content);
                break;
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    after.plan.clear();
    for (auto& r : rows)
        after.plan.push_back(std::move(r.second));
    return after;
}

UpdatePlan planRemoveIssue(const ReadResult& current, std::size_t index, const Strings& strings)
{
    checkIssueIndex(current, index, strings);
    UpdatePlan plan;
    deleteIssueBlocks(plan, current.layout.issues[index]);
    return plan;
}

UpdatePlan planMoveIssue(const ReadResult& current, const std::vector<Block>& blocks, std::size_t index, bool up,
                         const Strings& strings)
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
    const std::vector<NewParagraph> rewrite
        = Composer(current.analysis, strings).issue(current.analysis.issues[moving]);
    std::set<std::string> carried;
    for (const NewParagraph& np : rewrite)
        carried.insert(np.text());
    for (std::size_t b = where.title; b <= where.last && b < blocks.size(); ++b)
    {
        const Paragraph* para = std::get_if<Paragraph>(&blocks[b]);
        if (!para || (!isBlank(para->text) && !carried.count(para->text)))
            throw InputError(strings.get("error.issueMoveUnsafe"));
    }
    UpdatePlan plan;
    // The neighbour's heading: the rewrite goes before it.
    plan.edits.push_back(Edit{ Edit::Kind::InsertBefore, before.title, rewrite });
    deleteIssueBlocks(plan, where);
    return plan;
}

bool editsChangeWhatFieldsShow(const UpdatePlan& plan, const std::vector<Block>& blocks)
{
    for (const Edit& edit : plan.edits)
    {
        for (const NewParagraph& np : edit.paragraphs)
            for (const Run& run : np.runs)
                if (run.kind == Run::Kind::Link || run.kind == Run::Kind::Marked)
                    return true;
        if (edit.kind == Edit::Kind::Replace || edit.kind == Edit::Kind::Delete)
        {
            if (edit.block >= blocks.size())
                return true;
            const Paragraph* old = std::get_if<Paragraph>(&blocks[edit.block]);
            if (!old || !old->bookmarks.empty())
                return true;
        }
    }
    return false;
}

} // namespace aa
