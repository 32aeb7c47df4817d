#include "DocumentStructure.hpp"

#include "Catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace aa
{
namespace
{
/// "maintainingFactors" -> "Maintaining Factors"
std::string words(const char* camel)
{
    std::string out;
    for (const char* p = camel; *p; ++p)
    {
        const char c = *p;
        if (p == camel)
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        else if (std::isupper(static_cast<unsigned char>(c)))
        {
            out += ' ';
            out += c;
        }
        else
            out += c;
    }
    return out;
}

const std::map<std::string, StyleRole>& styleIndex()
{
    static const std::map<std::string, StyleRole> index = [] {
        std::map<std::string, StyleRole> m;
        for (const StyleRole& r : allStyleRoles())
            m[styleName(r.role, r.index)] = r;
        return m;
    }();
    return index;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string joinCell(const Cell& cell, bool* flagged = nullptr)
{
    std::string out;
    bool first = true;
    for (const Paragraph& p : cell)
    {
        if (roleOfStyle(p.style).role == Role::PlanFlag)
        {
            if (flagged)
                *flagged = true;
            continue;
        }
        if (!first)
            out += '\n';
        out += p.text;
        first = false;
    }
    return out;
}

std::vector<Voice> parseVoices(const std::string& text, const Strings& strings)
{
    std::vector<Voice> voices;
    for (std::size_t k = 0; k < voiceCount; ++k)
    {
        const auto v = static_cast<Voice>(k);
        if (text.find(strings.get(std::string("voice.") + jsonName(v))) != std::string::npos)
            voices.push_back(v);
    }
    return voices;
}

Item parseItem(const Paragraph& p, const Strings& strings)
{
    Item item;
    bool beforeLinks = true;
    for (const Span& span : p.spans)
    {
        if (auto id = linkedIssue(span))
        {
            beforeLinks = false;
            if (std::find(item.issues.begin(), item.issues.end(), *id) == item.issues.end())
                item.issues.push_back(*id);
        }
        else if (beforeLinks)
            item.text += span.text;
    }
    if (p.spans.empty())
        item.text = p.text;
    const std::string prefix = strings.get("item.linkPrefix");
    if (!item.issues.empty() && endsWith(item.text, prefix))
        item.text.erase(item.text.size() - prefix.size());
    for (const std::string& name : p.bookmarks)
        if (auto id = helpIdFromBookmark(name))
            item.id = *id;
    return item;
}

/// Indices used for Question and Subheading roles: which question or section a label names.
constexpr std::size_t considerationLabelBase = 10;
constexpr std::size_t unknownLabel = static_cast<std::size_t>(-1);
enum SectionIndex : std::size_t
{
    SectionIssues = 0,
    SectionListBase = 1, // + ListKind
    SectionConsiderations = 10,
    SectionPlan = 20,
    SectionAnalysis = 30,
};

std::string trimmed(const std::string& s)
{
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return std::string();
    const std::size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

/// The labels the writer puts in the document, to recognise paragraphs whose style was lost.
class Labels
{
public:
    explicit Labels(const Strings& strings) : strings_(strings)
    {
        for (std::size_t p = 0; p < issuePartCount; ++p)
            questions_[label(jsonName(static_cast<IssuePart>(p)))] = p;
        for (std::size_t c = 0; c < considerationCount; ++c)
            questions_[label(jsonName(static_cast<Consideration>(c)))] = considerationLabelBase + c;
        sections_[strings.get("section.issues")] = SectionIssues;
        for (std::size_t k = 0; k < listKindCount; ++k)
            sections_[strings.get(std::string("section.") + jsonName(static_cast<ListKind>(k)))]
                = SectionListBase + k;
        sections_[strings.get("section.considerations")] = SectionConsiderations;
        sections_[strings.get("section.plan")] = SectionPlan;
        sections_[strings.get("section.analysis")] = SectionAnalysis;
        raisedByPrefix_ = strings.get("raisedBy.prefix");
    }

    std::size_t question(const std::string& text) const { return find(questions_, text); }
    std::size_t section(const std::string& text) const { return find(sections_, text); }
    bool isRaisedBy(const std::string& text) const
    {
        return !raisedByPrefix_.empty() && text.compare(0, raisedByPrefix_.size(), raisedByPrefix_) == 0;
    }
    bool isPlanHeader(const Row& row) const
    {
        return row.size() >= 2 && !row[0].empty() && !row[1].empty()
               && trimmed(row[0][0].text) == strings_.get("plan.issue")
               && trimmed(row[1][0].text) == strings_.get("plan.outcome");
    }

private:
    std::string label(const std::string& key) const { return strings_.get("part." + key + ".label"); }
    static std::size_t find(const std::map<std::string, std::size_t>& m, const std::string& text)
    {
        auto it = m.find(trimmed(text));
        return it == m.end() ? unknownLabel : it->second;
    }

    const Strings& strings_;
    std::map<std::string, std::size_t> questions_;
    std::map<std::string, std::size_t> sections_;
    std::string raisedByPrefix_;
};

bool hasIssueBookmark(const Paragraph& p)
{
    for (const std::string& name : p.bookmarks)
        if (issueIdFromBookmark(name) || name.rfind("AA_issue_", 0) == 0)
            return true;
    return false;
}

bool hasIssueLink(const Paragraph& p)
{
    for (const Span& span : p.spans)
        if (linkedIssue(span))
            return true;
    return false;
}

bool isPlanTable(const Table& table, const Labels& labels)
{
    if (table.rows.empty() || table.rows[0].empty())
        return false;
    const Cell& first = table.rows[0][0];
    if (!first.empty() && roleOfStyle(first[0].style).role == Role::PlanHeader)
        return true;
    return labels.isPlanHeader(table.rows[0]);
}

/// A paragraph's role: by its style, or by our marks and labels when the style was lost.
StyleRole classify(const Paragraph& p, const Labels& labels, bool inAnalysis)
{
    StyleRole role = roleOfStyle(p.style);
    if (role.role == Role::Question)
        role.index = labels.question(p.text);
    else if (role.role == Role::Subheading || role.role == Role::Heading)
        role.index = labels.section(p.text);
    if (role.role != Role::None)
        return role;
    if (hasIssueBookmark(p))
        return { Role::IssueTitle, 0 };
    if (!inAnalysis)
        return role;
    if (const std::size_t q = labels.question(p.text); q != unknownLabel)
        return { Role::Question, q };
    if (const std::size_t s = labels.section(p.text); s != unknownLabel)
        return { Role::Subheading, s };
    if (labels.isRaisedBy(p.text))
        return { Role::RaisedBy, 0 };
    return role;
}

/// The reader's state machine over the blocks.
class Reader
{
public:
    Reader(const std::vector<Block>& blocks, const Strings& strings)
        : blocks_(blocks), strings_(strings), labels_(strings)
    {
    }

    ReadResult read()
    {
        findExtent();
        if (!result_.layout.first)
            return std::move(result_);
        result_.found = true;
        for (std::size_t i = *result_.layout.first; i <= *result_.layout.last; ++i)
        {
            if (const Table* table = std::get_if<Table>(&blocks_[i]))
                onTable(i, *table);
            else
                onParagraph(i, std::get<Paragraph>(blocks_[i]));
        }
        giveFreshIds();
        dropDanglingLinks();
        return std::move(result_);
    }

private:
    enum class Context
    {
        None,
        Part,
        List,
        Consideration,
    };

    /// The analysis runs from the first to the last block that carries one of our marks.
    void findExtent()
    {
        Layout& layout = result_.layout;
        for (std::size_t i = 0; i < blocks_.size(); ++i)
        {
            bool ours = false;
            if (const Table* table = std::get_if<Table>(&blocks_[i]))
                ours = isPlanTable(*table, labels_);
            else
            {
                const Paragraph& p = std::get<Paragraph>(blocks_[i]);
                ours = roleOfStyle(p.style).role != Role::None || hasIssueBookmark(p) || hasIssueLink(p);
            }
            if (!ours)
                continue;
            if (!layout.first)
                layout.first = i;
            layout.last = i;
        }
    }

    Issue* currentIssue() { return analysis().issues.empty() ? nullptr : &analysis().issues.back(); }
    Analysis& analysis() { return result_.analysis; }
    Layout& layout() { return result_.layout; }

    void extendIssue(std::size_t block)
    {
        if (!layout().issues.empty() && context_ != Context::List && context_ != Context::Consideration)
            layout().issues.back().last = block;
    }

    void appendTo(std::string& target, std::vector<std::size_t>& blocks, std::size_t block,
                  const std::string& text)
    {
        if (!blocks.empty())
            target += '\n';
        target += text;
        blocks.push_back(block);
    }

    void onParagraph(std::size_t i, const Paragraph& p)
    {
        const StyleRole role = classify(p, labels_, true);
        switch (role.role)
        {
            case Role::Heading:
            case Role::Subheading:
                onSection(i, role.index);
                break;
            case Role::IssueTitle:
                onIssueTitle(i, p);
                break;
            case Role::RaisedBy:
                if (Issue* issue = currentIssue())
                {
                    issue->raisedBy = parseVoices(p.text, strings_);
                    layout().issues.back().raisedBy = i;
                    layout().issues.back().last = i;
                }
                else
                    unplaced(p.text);
                break;
            case Role::Question:
                onQuestion(i, role.index);
                break;
            case Role::IssuePartAnswer:
                onPartText(i, role.index, p.text);
                break;
            case Role::ListItem:
                onItem(i, role.index, p);
                break;
            case Role::ConsiderationAnswer:
                onConsiderationText(i, role.index, p.text);
                break;
            case Role::PlanHeader:
            case Role::PlanCell:
            case Role::PlanFlag:
            case Role::SupervisionHeader:
            case Role::SupervisionCell:
                break;
            case Role::None:
                onOtherParagraph(i, p);
                break;
        }
    }

    void onSection(std::size_t i, std::size_t section)
    {
        context_ = Context::None;
        if (section >= SectionListBase && section < SectionListBase + listKindCount)
        {
            context_ = Context::List;
            index_ = section - SectionListBase;
            layout().listHeadings[index_] = i;
        }
        else if (section == SectionIssues)
            layout().issuesHeading = i;
        else if (section == SectionConsiderations)
            layout().considerationsHeading = i;
        else if (section == SectionPlan)
            layout().planHeading = i;
    }

    void onIssueTitle(std::size_t i, const Paragraph& p)
    {
        Issue issue;
        issue.title = p.text;
        bool intact = false;
        for (const std::string& name : p.bookmarks)
            if (auto id = issueIdFromBookmark(name); id && !analysis().findIssue(*id))
            {
                issue.id = *id;
                intact = std::find(p.emptyBookmarks.begin(), p.emptyBookmarks.end(), name)
                         == p.emptyBookmarks.end();
                break;
            }
        analysis().issues.push_back(std::move(issue));
        IssueLayout issueLayout;
        issueLayout.title = i;
        issueLayout.last = i;
        issueLayout.bookmarkIntact = intact;
        layout().issues.push_back(issueLayout);
        context_ = Context::None;
    }

    void onQuestion(std::size_t i, std::size_t question)
    {
        if (question < issuePartCount && currentIssue())
        {
            layout().issues.back().questions[question] = i;
            layout().issues.back().last = i;
            context_ = Context::Part;
            index_ = question;
        }
        else if (question >= considerationLabelBase && question < considerationLabelBase + considerationCount)
        {
            index_ = question - considerationLabelBase;
            layout().considerationQuestions[index_] = i;
            context_ = Context::Consideration;
        }
        else
            context_ = Context::None;
    }

    void onPartText(std::size_t i, std::size_t part, const std::string& text)
    {
        Issue* issue = currentIssue();
        if (!issue)
        {
            unplaced(text);
            return;
        }
        IssueLayout& issueLayout = layout().issues.back();
        appendTo(issue->parts[part], issueLayout.parts[part], i, text);
        issueLayout.last = i;
        context_ = Context::Part;
        index_ = part;
    }

    void onConsiderationText(std::size_t i, std::size_t c, const std::string& text)
    {
        appendTo(analysis().considerations[c], layout().considerations[c], i, text);
        context_ = Context::Consideration;
        index_ = c;
    }

    void onItem(std::size_t i, std::size_t kind, const Paragraph& p)
    {
        context_ = Context::List;
        index_ = kind;
        Item item = parseItem(p, strings_);
        if (kind != static_cast<std::size_t>(ListKind::WhatWouldHelp))
            item.id.clear();
        if (item.text.empty() && item.issues.empty())
            return;
        analysis().lists[kind].push_back(std::move(item));
        layout().items[kind].push_back(i);
    }

    /// A paragraph without our style inside the analysis: part of what it follows.
    void onOtherParagraph(std::size_t i, const Paragraph& p)
    {
        if (p.text.find_first_not_of(" \t") == std::string::npos)
            return;
        switch (context_)
        {
            case Context::Part:
                onPartText(i, index_, p.text);
                break;
            case Context::Consideration:
                onConsiderationText(i, index_, p.text);
                break;
            case Context::List:
                onItem(i, index_, p);
                break;
            case Context::None:
                unplaced(p.text);
                break;
        }
    }

    void onTable(std::size_t i, const Table& table)
    {
        if (!isPlanTable(table, labels_))
        {
            std::string text;
            for (const Row& row : table.rows)
                for (const Cell& cell : row)
                {
                    const std::string cellText = joinCell(cell);
                    if (cellText.empty())
                        continue;
                    if (!text.empty())
                        text += " | ";
                    text += cellText;
                }
            if (!text.empty())
                unplaced(text);
            return;
        }
        context_ = Context::None;
        layout().planTable = i;
        analysis().hasPlan = true;
        for (std::size_t r = 1; r < table.rows.size(); ++r)
        {
            const Row& cells = table.rows[r];
            PlanRow row;
            PlanRowLayout rowLayout;
            rowLayout.row = r;
            bool any = false;
            for (std::size_t c = 0; c < cells.size() && c < planColumnCount; ++c)
            {
                for (std::size_t k = 0; k < cells[c].size(); ++k)
                {
                    const Paragraph& para = cells[c][k];
                    if (roleOfStyle(para.style).role == Role::PlanFlag)
                        rowLayout.flagParagraph = k;
                    for (const std::string& name : para.bookmarks)
                        if (auto help = helpIdFromPlanRowBookmark(name))
                            row.help = *help;
                }
                if (c == static_cast<std::size_t>(PlanColumn::Issue))
                {
                    for (const Paragraph& para : cells[c])
                        for (const Span& span : para.spans)
                            if (auto id = linkedIssue(span); id && row.cells[c].empty())
                                row.cells[c] = *id;
                    joinCell(cells[c], &row.flagged);
                }
                else
                    row.cells[c] = joinCell(cells[c], &row.flagged);
                any = any || !row.cells[c].empty();
            }
            if (any || !row.help.empty())
            {
                analysis().plan.push_back(std::move(row));
                layout().planRows.push_back(rowLayout);
            }
        }
    }

    void unplaced(const std::string& text) { analysis().unplaced.push_back(text); }

    /// Ids are given out after the whole document is read, so a fresh id never takes one
    /// that a later heading holds.
    void giveFreshIds()
    {
        // A heading that lost its bookmark (retyped, or an undo Writer could not replay) takes
        // back the id that links still point to, when that pairing is unambiguous.
        std::vector<std::size_t> unnamed;
        for (std::size_t i = 0; i < analysis().issues.size(); ++i)
            if (analysis().issues[i].id.empty())
                unnamed.push_back(i);
        const std::vector<std::string> dangling = danglingIssueIds();
        if (unnamed.size() == 1 && dangling.size() == 1)
            analysis().issues[unnamed[0]].id = dangling[0];
        std::size_t counter = 0;
        for (Issue& issue : analysis().issues)
            if (issue.id.empty())
                do
                    issue.id = "issue" + std::to_string(++counter);
                while (countIssues(issue.id) > 1);
        std::vector<Item>& help = analysis().list(ListKind::WhatWouldHelp);
        HelpIdAllocator ids;
        for (Item& item : help)
            if (!item.id.empty() && !ids.take(item.id))
                item.id.clear(); // a pasted copy: the first keeps the id
        for (Item& item : help)
            if (item.id.empty())
                item.id = ids.allocate(item.text);
    }

    /// Issue ids that links point to but no heading holds, in order of first appearance.
    std::vector<std::string> danglingIssueIds()
    {
        std::vector<std::string> ids;
        auto note = [&](const std::string& id) {
            if (!id.empty() && !analysis().findIssue(id) && std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        };
        for (const auto& items : analysis().lists)
            for (const Item& item : items)
                for (const std::string& id : item.issues)
                    note(id);
        for (const PlanRow& row : analysis().plan)
            note(row.cell(PlanColumn::Issue));
        return ids;
    }

    /// Links to issues that are gone (a heading deleted by hand) point nowhere: they are not
    /// part of the analysis any more. An item left with neither text nor links is nothing.
    void dropDanglingLinks()
    {
        for (std::size_t k = 0; k < listKindCount; ++k)
        {
            std::vector<Item>& items = analysis().lists[k];
            std::vector<std::size_t>& blocks = layout().items[k];
            for (std::size_t i = items.size(); i-- > 0;)
            {
                auto& refs = items[i].issues;
                refs.erase(std::remove_if(refs.begin(), refs.end(),
                                          [this](const std::string& id) { return !analysis().findIssue(id); }),
                           refs.end());
                if (items[i].text.empty() && refs.empty())
                {
                    items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
                    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
                }
            }
        }
    }

    std::size_t countIssues(const std::string& id) const
    {
        std::size_t n = 0;
        for (const Issue& issue : result_.analysis.issues)
            n += issue.id == id;
        return n;
    }

    const std::vector<Block>& blocks_;
    const Strings& strings_;
    Labels labels_;
    ReadResult result_;
    Context context_ = Context::None;
    std::size_t index_ = 0;
};
} // namespace

std::string styleName(Role role, std::size_t index)
{
    switch (role)
    {
        case Role::Heading:
            return "Analysis Heading";
        case Role::Subheading:
            return "Analysis Subheading";
        case Role::IssueTitle:
            return "Analysis Issue Title";
        case Role::RaisedBy:
            return "Analysis Raised By";
        case Role::Question:
            return "Analysis Question";
        case Role::IssuePartAnswer:
            return "Analysis " + words(jsonName(static_cast<IssuePart>(index)));
        case Role::ListItem:
            return "Analysis " + words(jsonName(static_cast<ListKind>(index)));
        case Role::ConsiderationAnswer:
            return "Analysis " + words(jsonName(static_cast<Consideration>(index)));
        case Role::PlanHeader:
            return "Analysis Plan Header";
        case Role::PlanCell:
            return "Analysis Plan Cell";
        case Role::PlanFlag:
            return "Analysis Plan Flag";
        case Role::SupervisionHeader:
            return "Analysis Supervision Header";
        case Role::SupervisionCell:
            return "Analysis Supervision Cell";
        case Role::None:
            break;
    }
    return std::string();
}

std::vector<StyleRole> allStyleRoles()
{
    std::vector<StyleRole> roles{ { Role::Heading, 0 },  { Role::Subheading, 0 },
                                  { Role::IssueTitle, 0 }, { Role::RaisedBy, 0 },
                                  { Role::Question, 0 } };
    for (std::size_t i = 0; i < issuePartCount; ++i)
        roles.push_back({ Role::IssuePartAnswer, i });
    for (std::size_t i = 0; i < listKindCount; ++i)
        roles.push_back({ Role::ListItem, i });
    for (std::size_t i = 0; i < considerationCount; ++i)
        roles.push_back({ Role::ConsiderationAnswer, i });
    roles.push_back({ Role::PlanHeader, 0 });
    roles.push_back({ Role::PlanCell, 0 });
    roles.push_back({ Role::PlanFlag, 0 });
    roles.push_back({ Role::SupervisionHeader, 0 });
    roles.push_back({ Role::SupervisionCell, 0 });
    return roles;
}

std::vector<StyleSpec> styleSpecs()
{
    std::vector<StyleSpec> specs;
    for (const StyleRole& r : allStyleRoles())
    {
        StyleSpec spec;
        spec.name = styleName(r.role, r.index);
        spec.parent = "Text body";
        switch (r.role)
        {
            case Role::Heading:
                spec = { spec.name, "Heading 2", "Text body", 2 };
                break;
            case Role::Subheading:
                spec = { spec.name, "Heading 3", "Text body", 3 };
                break;
            case Role::IssueTitle:
                spec = { spec.name, "Heading 4", "Text body", 4 };
                break;
            case Role::RaisedBy:
                spec.next = "Text body";
                spec.italic = true;
                break;
            case Role::Question:
                spec.next = "Text body";
                spec.bold = true;
                spec.keepWithNext = true;
                spec.spaceAboveMm100 = 200;
                break;
            case Role::PlanHeader:
                spec.parent = "Table Heading";
                spec.bold = true;
                spec.fontSizePt = 8;
                break;
            case Role::PlanCell:
                spec.parent = "Table Contents";
                spec.fontSizePt = 9;
                break;
            case Role::SupervisionHeader:
                spec.parent = "Table Heading";
                spec.bold = true;
                spec.fontSizePt = 8;
                break;
            case Role::SupervisionCell:
                spec.parent = "Table Contents";
                spec.fontSizePt = 9;
                break;
            case Role::PlanFlag:
                spec.parent = "Table Contents";
                spec.next = "Analysis Plan Cell";
                spec.bold = true;
                spec.fontSizePt = 8;
                break;
            default: // answers and list items continue in their own style
                break;
        }
        specs.push_back(std::move(spec));
    }
    return specs;
}

StyleRole roleOfStyle(const std::string& name)
{
    const auto& index = styleIndex();
    auto it = index.find(name);
    return it == index.end() ? StyleRole{} : it->second;
}

std::optional<std::string> linkedIssue(const Span& span)
{
    if (span.link.size() > 1 && span.link[0] == '#')
        if (auto id = issueIdFromBookmark(span.link.substr(1)))
            return id;
    if (!span.fieldBookmark.empty())
        return issueIdFromBookmark(span.fieldBookmark);
    return std::nullopt;
}

ReadResult readAnalysis(const std::vector<Block>& blocks, const Strings& strings)
{
    return Reader(blocks, strings).read();
}

} // namespace aa
