// The analysis model: plain values, no behaviour beyond lookup helpers.
#pragma once

#include <array>
#include <map>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aa
{

/// Who identified an issue (Standard 5, multi-agency version).
enum class Voice
{
    Practitioner,
    Child,
    Parents,
    OtherWorkers,
    SignificantAdults,
};
inline constexpr std::size_t voiceCount = 5;

/// The three questions asked of every issue.
enum class IssuePart
{
    Origins,
    MaintainingFactors,
    ImpactOnChild,
};
inline constexpr std::size_t issuePartCount = 3;

/// The whole-analysis lists whose items can be linked to issues.
enum class ListKind
{
    Strengths,
    WhatWouldHelp,
    SuccessSigns,
};
inline constexpr std::size_t listKindCount = 3;

/// The further questions of the social-care version of Standard 5.
enum class Consideration
{
    RiskAndProtectiveBalance,
    ParentsMotivation,
    NotKnown,
    AbsentFigures,
    ChildUnderstanding,
    ParentsUnderstanding,
    CulturalAndLanguage,
    Patterns,
};
inline constexpr std::size_t considerationCount = 8;

/// The columns of the action plan table, in table order.
enum class PlanColumn
{
    Issue,
    Outcome,
    Action,
    Who,
    Priority,
    ByWhen,
    Review,
    Contingency,
};
inline constexpr std::size_t planColumnCount = 8;

struct Issue
{
    std::string id;    ///< names the heading's bookmark; see isValidIssueId()
    std::string title; ///< one paragraph
    std::vector<Voice> raisedBy; ///< in enum order, no repeats
    std::array<std::string, issuePartCount> parts; ///< indexed by IssuePart; '\n' separates paragraphs

    const std::string& part(IssuePart p) const { return parts[static_cast<std::size_t>(p)]; }
    std::string& part(IssuePart p) { return parts[static_cast<std::size_t>(p)]; }
};

struct Item
{
    std::string text;                ///< one paragraph
    std::vector<std::string> issues; ///< ids of the issues it relates to
    std::string id; ///< "what would help" items only: links the item to its plan row
};

struct PlanRow
{
    std::array<std::string, planColumnCount> cells; ///< indexed by PlanColumn; Issue holds an issue id
    std::string help;     ///< id of the "what would help" item the row came from; empty: added by hand
    bool flagged = false; ///< marked in the document as no longer matching the analysis

    const std::string& cell(PlanColumn c) const { return cells[static_cast<std::size_t>(c)]; }
    std::string& cell(PlanColumn c) { return cells[static_cast<std::size_t>(c)]; }
};

struct Analysis
{
    std::vector<Issue> issues;
    std::array<std::vector<Item>, listKindCount> lists; ///< indexed by ListKind
    std::array<std::string, considerationCount> considerations; ///< indexed by Consideration
    std::vector<PlanRow> plan;
    bool hasPlan = false; ///< false when the caller left the plan out (it is then derived)
    /// Text found inside the analysis that the reader could not place (read only).
    std::vector<std::string> unplaced;

    const std::vector<Item>& list(ListKind k) const { return lists[static_cast<std::size_t>(k)]; }
    std::vector<Item>& list(ListKind k) { return lists[static_cast<std::size_t>(k)]; }
    const std::string& consideration(Consideration c) const
    {
        return considerations[static_cast<std::size_t>(c)];
    }
    std::string& consideration(Consideration c)
    {
        return considerations[static_cast<std::size_t>(c)];
    }

    /// The issue with this id, or nullptr.
    const Issue* findIssue(const std::string& id) const;
};

/// An id is 1 to 31 ASCII letters, digits or underscores starting with a letter, so that
/// "AA_issue_" + id is a bookmark name Word keeps (at most 40 characters).
bool isValidIssueId(const std::string& id);

/// The bookmark that marks an issue's heading, and the id back from such a name
/// (std::nullopt when the name is not one of ours).
std::string issueBookmarkName(const std::string& id);
std::optional<std::string> issueIdFromBookmark(const std::string& name);

/// The bookmarks that tie a "what would help" item to its plan row: one around the item's
/// text, one at the start of the row's action cell.
std::string helpBookmarkName(const std::string& id);
std::optional<std::string> helpIdFromBookmark(const std::string& name);
std::string planRowBookmarkName(const std::string& helpId);

/// An id for a "what would help" item that has none: "help_" and a hash of its text, so the
/// same text gets the same id wherever it is read or parsed, and a new item does not take the
/// id (and so the plan row) of one that was removed. "_2", "_3" ... are added while taken.
std::string autoHelpId(const std::string& text, const std::set<std::string>& taken);

/// Gives out autoHelpId()s for many items at once in linear time, however many share a text.
class HelpIdAllocator
{
public:
    /// Marks an id as used; false when it already was.
    bool take(const std::string& id) { return taken_.insert(id).second; }
    /// The next free autoHelpId() for text, now marked as used.
    std::string allocate(const std::string& text);
    const std::set<std::string>& taken() const { return taken_; }

private:
    std::set<std::string> taken_;
    std::map<std::string, int> next_; ///< per hash: the next suffix worth trying
};
std::optional<std::string> helpIdFromPlanRowBookmark(const std::string& name);

bool operator==(const Issue& a, const Issue& b);
bool operator==(const Item& a, const Item& b);
bool operator==(const PlanRow& a, const PlanRow& b);
/// Equal content; hasPlan is not compared.
bool operator==(const Analysis& a, const Analysis& b);

} // namespace aa
