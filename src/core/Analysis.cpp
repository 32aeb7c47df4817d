#include "Analysis.hpp"

namespace aa
{
namespace
{
constexpr const char* bookmarkPrefix = "AA_issue_";
constexpr std::size_t bookmarkPrefixLength = 9;
constexpr std::size_t maxIdLength = 31;

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
} // namespace

const Issue* Analysis::findIssue(const std::string& id) const
{
    for (const Issue& issue : issues)
        if (issue.id == id)
            return &issue;
    return nullptr;
}

bool isValidIssueId(const std::string& id)
{
    if (id.empty() || id.size() > maxIdLength || !isAsciiLetter(id[0]))
        return false;
    for (char c : id)
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '_')
            return false;
    return true;
}

std::string issueBookmarkName(const std::string& id) { return bookmarkPrefix + id; }

std::optional<std::string> issueIdFromBookmark(const std::string& name)
{
    if (name.compare(0, bookmarkPrefixLength, bookmarkPrefix) != 0)
        return std::nullopt;
    std::string id = name.substr(bookmarkPrefixLength);
    if (!isValidIssueId(id))
        return std::nullopt;
    return id;
}

bool operator==(const Issue& a, const Issue& b)
{
    return a.id == b.id && a.title == b.title && a.raisedBy == b.raisedBy && a.parts == b.parts;
}
bool operator==(const Item& a, const Item& b) { return a.text == b.text && a.issues == b.issues; }
bool operator==(const PlanRow& a, const PlanRow& b) { return a.cells == b.cells; }
bool operator==(const Analysis& a, const Analysis& b)
{
    return a.issues == b.issues && a.lists == b.lists && a.considerations == b.considerations
           && a.plan == b.plan;
}

} // namespace aa
