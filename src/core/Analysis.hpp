// The analysis model (schema 2): plain values, no behaviour beyond lookup helpers.
//
// In the order of the reasoning a manager, a conference chair or a court reads for: how safe the
// child is now; the child's experience and understanding; the key issues; weighing it up; the
// adults in the child's life; strengths; what needs to happen; success signs; the recommendation;
// then the action plan that follows from it.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aa
{

/// Who identified an issue, besides the adults named in the analysis (each in their own right).
enum class Voice
{
    Practitioner,
    Child,
    OtherWorkers,
};
inline constexpr std::size_t voiceCount = 3;

/// The questions asked of every issue. The first three are required; the explanation (what helps
/// explain it: research, theory, tools such as a chronology) is optional.
enum class IssuePart
{
    Origins,
    MaintainingFactors,
    ImpactOnChild,
    Explanation,
};
inline constexpr std::size_t issuePartCount = 4;
inline constexpr std::size_t requiredIssueParts = 3;

/// The lists whose items can be tied to issues (and adults, and items).
enum class ListKind
{
    Strengths,
    WhatNeedsToHappen,
    SuccessSigns,
};
inline constexpr std::size_t listKindCount = 3;

/// The answers asked once for the whole analysis, each a text of one or more paragraphs.
enum class Topic
{
    Safety,                   ///< how safe the child is now, what was done, how sure we are
    ChildExperience,          ///< the child's experience and understanding
    RiskAndProtectiveBalance, ///< weighing it up ...
    NotKnown,
    AbsentFigures,
    CulturalAndLanguage,
    Patterns,       ///< ... in the family and in the agency system
    Recommendation, ///< the recommendation or decision, and how it follows
    PlanReview,     ///< how the plan will be reviewed: when, how, with whom
    Contingency,    ///< what happens if the plan is not working
    PlanAgreed,     ///< who agreed the plan
};
inline constexpr std::size_t topicCount = 11;

/// The two questions asked of every adult.
enum class AdultPart
{
    Understanding,
    Motivation,
};
inline constexpr std::size_t adultPartCount = 2;

/// The columns a plan table may have. New tables have the first seven; Review and Contingency
/// are per-row columns of tables made by schema 1, still read and kept.
enum class PlanColumn
{
    Issue,
    Outcome,
    Action,
    Who,
    Priority,
    ByWhen,
    Progress,
    Review,
    Contingency,
};
inline constexpr std::size_t planColumnCount = 9;
inline constexpr std::size_t newTableColumns = 7;

struct Issue
{
    std::string id;                                ///< names the heading's bookmark; see isValidId()
    std::string title;                             ///< one paragraph
    std::vector<Voice> raisedBy;                   ///< in enum order, no repeats
    std::vector<std::string> raisedByAdults;       ///< ids of the adults who identified it, in the adults' order
    std::array<std::string, issuePartCount> parts; ///< indexed by IssuePart; '\n' separates paragraphs

    const std::string& part(IssuePart p) const { return parts[static_cast<std::size_t>(p)]; }
    std::string& part(IssuePart p) { return parts[static_cast<std::size_t>(p)]; }
};

/// A significant adult in the child's life, in their own right (a parent, a partner, a
/// grandparent): their own understanding of the situation and motivation to change.
struct Adult
{
    std::string id;                                ///< names the adult's bookmark
    std::string name;                              ///< "Sarah Green"; one paragraph
    std::string relationship;                      ///< "Maya's mother"; may be empty
    std::array<std::string, adultPartCount> parts; ///< indexed by AdultPart

    const std::string& part(AdultPart p) const { return parts[static_cast<std::size_t>(p)]; }
    std::string& part(AdultPart p) { return parts[static_cast<std::size_t>(p)]; }
};

struct Item
{
    std::string text;                ///< one paragraph
    std::vector<std::string> issues; ///< ids of the issues it relates to
    std::vector<std::string> adults; ///< strengths: ids of the adults it is about
    std::vector<std::string> items;  ///< success signs: ids of the "what needs to happen" items they show working
    std::string id;                  ///< "what needs to happen" items: ties the item to its plan row
    bool must = false;               ///< "what needs to happen": a bottom line for the child's safety
    std::string ifNot;               ///< must items: what will happen if it does not (one paragraph)
};

struct PlanRow
{
    std::vector<std::string> issues;                ///< ids of the issues the row serves
    std::array<std::string, planColumnCount> cells; ///< indexed by PlanColumn; Issue unused ("")
    std::string help;     ///< id of the "what needs to happen" item the row came from; empty: added by hand
    bool must = false;    ///< the row is a bottom line (shown first, marked)
    bool flagged = false; ///< marked in the document as no longer matching the analysis

    const std::string& cell(PlanColumn c) const { return cells[static_cast<std::size_t>(c)]; }
    std::string& cell(PlanColumn c) { return cells[static_cast<std::size_t>(c)]; }
};

struct Analysis
{
    std::vector<Issue> issues;
    std::vector<Adult> adults;
    std::array<std::vector<Item>, listKindCount> lists; ///< indexed by ListKind
    std::array<std::string, topicCount> topics;         ///< indexed by Topic
    std::vector<PlanRow> plan;
    bool hasPlan = false; ///< false when the caller left the plan out (it is then derived)
    /// Text found inside the analysis that the reader could not place (read only).
    std::vector<std::string> unplaced;

    const std::vector<Item>& list(ListKind k) const { return lists[static_cast<std::size_t>(k)]; }
    std::vector<Item>& list(ListKind k) { return lists[static_cast<std::size_t>(k)]; }
    const std::string& topic(Topic t) const { return topics[static_cast<std::size_t>(t)]; }
    std::string& topic(Topic t) { return topics[static_cast<std::size_t>(t)]; }

    /// The issue, adult or "what needs to happen" item with this id, or nullptr.
    const Issue* findIssue(const std::string& id) const;
    const Adult* findAdult(const std::string& id) const;
    const Item* findItem(const std::string& id) const;
    /// The index of the issue with this id, or std::nullopt.
    std::optional<std::size_t> indexOfIssue(const std::string& id) const;
};

/// One entry of the supervision record (Standard 8), a row of its table after the analysis.
struct SupervisionEntry
{
    std::string date, reviewer, discussed, influence, decisions, actions;
};

/// An id is 1 to 31 ASCII letters, digits or underscores starting with a letter, so that
/// "AA_issue_" + id (and the other bookmark names) is a name Word keeps (at most 40 characters).
bool isValidId(const std::string& id);

/// Every bookmark of ours starts with this ("AA_issue_a1", "AA_place_plan").
inline constexpr const char* bookmarkPrefix = "AA_";

/// What a bookmark of ours marks. Every name is the kind's prefix and an id.
enum class MarkKind
{
    Issue, ///< "AA_issue_<id>": an issue's heading
    Adult, ///< "AA_adult_<id>": an adult's heading
    Help,  ///< "AA_help_<id>": a "what needs to happen" item's text
    Plan,  ///< "AA_plan_<id>": the plan row made from that item (a point at its action cell)
};
/// The bookmark name for an id.
std::string bookmarkName(MarkKind kind, const std::string& id);
/// The id in a bookmark name of this kind; std::nullopt when it is not one.
std::optional<std::string> idFromBookmark(MarkKind kind, const std::string& name);
/// True when the name starts with one of our prefixes (a valid id or not: "AA_issue_x Copy 1").
bool isOurBookmark(MarkKind kind, const std::string& name);

inline std::string issueBookmarkName(const std::string& id) { return bookmarkName(MarkKind::Issue, id); }
inline std::optional<std::string> issueIdFromBookmark(const std::string& name)
{
    return idFromBookmark(MarkKind::Issue, name);
}

/// An id for a "what needs to happen" item that has none: "help_" and a hash of its text, so
/// the same text gets the same id wherever it is read or parsed, and a new item does not take
/// the id (and so the plan row) of one that was removed. "_2", "_3" ... are added while taken.
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

/// "base1", "base2" ... : the first that taken does not hold.
std::string freeId(const std::string& base, const std::set<std::string>& taken);

bool operator==(const Issue& a, const Issue& b);
bool operator==(const Adult& a, const Adult& b);
bool operator==(const Item& a, const Item& b);
bool operator==(const PlanRow& a, const PlanRow& b);
/// Equal content; hasPlan is not compared.
bool operator==(const Analysis& a, const Analysis& b);

} // namespace aa
