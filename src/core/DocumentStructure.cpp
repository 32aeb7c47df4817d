#include "DocumentStructure.hpp"

#include "Catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <map>

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

std::string joinCell(const Cell& cell)
{
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i)
    {
        if (i)
            out += '\n';
        out += cell[i].text;
    }
    return out;
}

/// Appends a paragraph to a multi-paragraph answer; the first paragraph replaces.
void appendParagraph(std::string& target, bool& started, const std::string& text)
{
    if (started)
        target += '\n' + text;
    else
        target = text;
    started = true;
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
    return item;
}

std::string freshId(const Analysis& analysis, std::size_t& counter)
{
    std::string id;
    do
        id = "issue" + std::to_string(++counter);
    while (analysis.findIssue(id));
    return id;
}
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
    ReadResult result;
    Analysis& analysis = result.analysis;
    std::array<bool, issuePartCount> partStarted{};
    std::array<bool, considerationCount> considerationStarted{};
    std::size_t idCounter = 0;
    std::vector<std::size_t> issuesWithoutId;

    for (const Block& block : blocks)
    {
        if (const Table* table = std::get_if<Table>(&block))
        {
            if (table->rows.empty() || table->rows[0].empty() || table->rows[0][0].empty()
                || roleOfStyle(table->rows[0][0][0].style).role != Role::PlanHeader)
                continue;
            result.found = true;
            for (std::size_t r = 1; r < table->rows.size(); ++r)
            {
                const Row& cells = table->rows[r];
                PlanRow row;
                bool any = false;
                for (std::size_t c = 0; c < cells.size() && c < planColumnCount; ++c)
                {
                    if (c == static_cast<std::size_t>(PlanColumn::Issue))
                    {
                        for (const Paragraph& p : cells[c])
                            for (const Span& span : p.spans)
                                if (auto id = linkedIssue(span); id && row.cells[c].empty())
                                    row.cells[c] = *id;
                    }
                    else
                        row.cells[c] = joinCell(cells[c]);
                    any = any || !row.cells[c].empty();
                }
                if (any)
                    analysis.plan.push_back(std::move(row));
            }
            analysis.hasPlan = true;
            continue;
        }

        const Paragraph& p = std::get<Paragraph>(block);
        const StyleRole role = roleOfStyle(p.style);
        switch (role.role)
        {
            case Role::None:
            case Role::Question:
            case Role::PlanHeader:
            case Role::PlanCell:
                break;
            case Role::Heading:
            case Role::Subheading:
                result.found = true;
                break;
            case Role::IssueTitle:
            {
                result.found = true;
                Issue issue;
                issue.title = p.text;
                for (const std::string& name : p.bookmarks)
                    if (auto id = issueIdFromBookmark(name); id && !analysis.findIssue(*id))
                    {
                        issue.id = *id;
                        break;
                    }
                if (issue.id.empty())
                    issuesWithoutId.push_back(analysis.issues.size());
                analysis.issues.push_back(std::move(issue));
                partStarted = {};
                break;
            }
            case Role::RaisedBy:
                if (!analysis.issues.empty())
                    analysis.issues.back().raisedBy = parseVoices(p.text, strings);
                break;
            case Role::IssuePartAnswer:
                if (!analysis.issues.empty())
                    appendParagraph(analysis.issues.back().parts[role.index],
                                    partStarted[role.index], p.text);
                break;
            case Role::ListItem:
            {
                result.found = true;
                Item item = parseItem(p, strings);
                if (!item.text.empty() || !item.issues.empty())
                    analysis.lists[role.index].push_back(std::move(item));
                break;
            }
            case Role::ConsiderationAnswer:
                result.found = true;
                appendParagraph(analysis.considerations[role.index],
                                considerationStarted[role.index], p.text);
                break;
        }
    }
    // Ids are given out after all bookmarked issues are known, so a fresh id never takes one
    // that a later heading holds.
    for (std::size_t index : issuesWithoutId)
        analysis.issues[index].id = freshId(analysis, idCounter);
    return result;
}

} // namespace aa
