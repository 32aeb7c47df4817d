#include "Analysis.hpp"

#include "Zip.hpp"

#include <algorithm>

namespace aa
{
namespace
{
constexpr std::size_t maxIdLength = 31;

/// Built once: readers ask for every bookmark in the document.
const std::string& prefix(MarkKind kind)
{
    static const std::string prefixes[]
        = { std::string(bookmarkPrefix) + "issue_", std::string(bookmarkPrefix) + "adult_",
            std::string(bookmarkPrefix) + "help_", std::string(bookmarkPrefix) + "plan_" };
    return prefixes[static_cast<std::size_t>(kind)];
}

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

template <typename T> const T* findById(const std::vector<T>& list, const std::string& id)
{
    for (const T& entry : list)
        if (entry.id == id)
            return &entry;
    return nullptr;
}
} // namespace

const Issue* Analysis::findIssue(const std::string& id) const { return findById(issues, id); }
const Adult* Analysis::findAdult(const std::string& id) const { return findById(adults, id); }
const Item* Analysis::findItem(const std::string& id) const
{
    return id.empty() ? nullptr : findById(list(ListKind::WhatNeedsToHappen), id);
}
std::optional<std::size_t> Analysis::indexOfIssue(const std::string& id) const
{
    for (std::size_t i = 0; i < issues.size(); ++i)
        if (issues[i].id == id)
            return i;
    return std::nullopt;
}

bool isValidId(const std::string& id)
{
    if (id.empty() || id.size() > maxIdLength || !isAsciiLetter(id[0]))
        return false;
    for (char c : id)
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '_')
            return false;
    return true;
}

std::string bookmarkName(MarkKind kind, const std::string& id) { return prefix(kind) + id; }

std::optional<std::string> idFromBookmark(MarkKind kind, const std::string& name)
{
    if (!isOurBookmark(kind, name))
        return std::nullopt;
    std::string id = name.substr(prefix(kind).size());
    if (!isValidId(id))
        return std::nullopt;
    return id;
}

bool isOurBookmark(MarkKind kind, const std::string& name) { return name.rfind(prefix(kind), 0) == 0; }

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

std::string freeId(const std::string& base, const std::set<std::string>& taken)
{
    for (std::size_t n = 1;; ++n)
        if (std::string id = base + std::to_string(n); !taken.count(id))
            return id;
}

bool operator==(const Issue& a, const Issue& b)
{
    return a.id == b.id && a.title == b.title && a.raisedBy == b.raisedBy && a.raisedByAdults == b.raisedByAdults
           && a.parts == b.parts;
}
bool operator==(const Adult& a, const Adult& b)
{
    return a.id == b.id && a.name == b.name && a.relationship == b.relationship && a.parts == b.parts;
}
bool operator==(const Item& a, const Item& b)
{
    return a.text == b.text && a.issues == b.issues && a.adults == b.adults && a.items == b.items && a.id == b.id
           && a.must == b.must && a.ifNot == b.ifNot;
}
bool operator==(const PlanRow& a, const PlanRow& b)
{
    return a.issues == b.issues && a.cells == b.cells && a.help == b.help && a.must == b.must && a.flagged == b.flagged;
}
bool operator==(const Analysis& a, const Analysis& b)
{
    return a.issues == b.issues && a.adults == b.adults && a.lists == b.lists && a.topics == b.topics
           && a.plan == b.plan && a.unplaced == b.unplaced;
}

} // namespace aa
