#include "Analysis.hpp"

#include "Zip.hpp"

#include <algorithm>

namespace aa
{
namespace
{
constexpr const char* bookmarkPrefix = "AA_issue_";
constexpr std::size_t maxIdLength = 31;

std::optional<std::string> idAfterPrefix(const std::string& name, const std::string& prefix)
{
    if (name.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    std::string id = name.substr(prefix.size());
    if (!isValidIssueId(id))
        return std::nullopt;
    return id;
}

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
    return idAfterPrefix(name, bookmarkPrefix);
}

std::string helpBookmarkName(const std::string& id) { return "AA_help_" + id; }
std::optional<std::string> helpIdFromBookmark(const std::string& name)
{
    return idAfterPrefix(name, "AA_help_");
}
std::string planRowBookmarkName(const std::string& helpId) { return "AA_plan_" + helpId; }
std::optional<std::string> helpIdFromPlanRowBookmark(const std::string& name)
{
    return idAfterPrefix(name, "AA_plan_");
}

namespace
{
std::string helpIdBase(const std::string& text)
{
    static const char digits[] = "0123456789abcdef";
    const std::uint32_t hash = crc32(text);
    std::string base = "help_";
    for (int shift = 28; shift >= 0; shift -= 4)
        base += digits[(hash >> shift) & 0xF];
    return base;
}

std::string withSuffix(const std::string& base, int n) { return n < 2 ? base : base + "_" + std::to_string(n); }
} // namespace

std::string autoHelpId(const std::string& text, const std::set<std::string>& taken)
{
    const std::string base = helpIdBase(text);
    int n = 1;
    while (taken.count(withSuffix(base, n)))
        ++n;
    return withSuffix(base, n);
}

std::string HelpIdAllocator::allocate(const std::string& text)
{
    const std::string base = helpIdBase(text);
    int& n = next_[base];
    if (n < 1)
        n = 1;
    while (taken_.count(withSuffix(base, n)))
        ++n;
    std::string id = withSuffix(base, n++);
    taken_.insert(id);
    return id;
}



bool operator==(const Issue& a, const Issue& b)
{
    return a.id == b.id && a.title == b.title && a.raisedBy == b.raisedBy && a.parts == b.parts;
}
bool operator==(const Item& a, const Item& b)
{
    return a.text == b.text && a.issues == b.issues && a.id == b.id;
}
bool operator==(const PlanRow& a, const PlanRow& b)
{
    return a.cells == b.cells && a.help == b.help && a.flagged == b.flagged;
}
bool operator==(const Analysis& a, const Analysis& b)
{
    return a.issues == b.issues && a.lists == b.lists && a.considerations == b.considerations
           && a.plan == b.plan && a.unplaced == b.unplaced;
}

} // namespace aa
