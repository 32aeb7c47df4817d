// The supervisor's review of an analysis (Standards 5 to 8).
//
// Two kinds of finding. Certain findings are facts about the structure: an empty answer or cell,
// a row whose issue is gone, a prompt left in a report section, no supervision entry. Judgements
// come from heuristics about the writing (Judgement.hpp, measured in docs/review-quality.md) and
// are worded as the questions a supervisor would ask, never as verdicts.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace aa
{

enum class Severity
{
    Error,
    Warning,
    Info,
};

enum class FindingKind
{
    Certain,   ///< a fact about the structure
    Judgement, ///< a question about the writing, from a heuristic
};

/// A rule of the review: its id (a finding's `rule`), its kind and the standard it serves. The
/// help lists every rule from here, described by the help resource's "help.rule.<id>".
struct ReviewRule
{
    const char* id;
    FindingKind kind;
    const char* standard;
};

/// Every rule, in the order the review checks them.
const std::vector<ReviewRule>& reviewRules();
/// The rule with that id; throws std::logic_error for an id that is not a rule (a bug).
const ReviewRule& reviewRule(const std::string& id);

/// Where a finding points in the analysis, in the model's terms (the glue finds the paragraph).
struct Place
{
    enum class Kind
    {
        Analysis,        ///< the analysis as a whole
        IssueTitle,      ///< issue
        IssuePart,       ///< issue + part
        ListItem,        ///< index: ListKind, item: the item's index in its list
        Topic,           ///< index: Topic
        Adult,           ///< issue: the adult's id; index: AdultPart
        PlanRow,         ///< index: 0-based plan row
        PlanArrangement, ///< index: Topic (the plan's review, contingency, who agreed)
        ReportPrompt,    ///< index: the n-th prompt left in the report's own sections
        Supervision,     ///< the supervision record
    };
    Kind kind = Kind::Analysis;
    std::string issue; ///< IssueTitle, IssuePart: the issue's id; Adult: the adult's id
    std::size_t index = 0;
    std::size_t item = 0;
};

struct Finding
{
    std::string rule; ///< stable id, e.g. "issue.noOrigins"
    FindingKind kind = FindingKind::Certain;
    Severity severity = Severity::Warning;
    std::string standard; ///< e.g. "Standard 5"
    std::string message;  ///< certain: a sentence; judgement: the question to ask; quotes titles, never long text
    std::string reason;   ///< judgements: what in the text led to it
    Place place;
    /// Judgements: what dismissing it remembers (the rule, the place and the text judged), so a
    /// dismissed judgement stays dismissed until the text changes.
    std::string key;
};

/// What the glue knows of the report around the analysis.
struct ReportFacts
{
    std::vector<std::string> promptsLeft;      ///< template prompts still in the report's sections
    std::vector<SupervisionEntry> supervision; ///< the supervision record's entries
};

struct ReviewOptions
{
    std::string today; ///< YYYY-MM-DD; empty: dates are not compared with today
    /// More words a family would not understand (lower case), from the options page, checked
    /// as well as the built-in list.
    std::vector<std::string> extraJargon;
    /// Judgements dismissed for this document (their keys): left out.
    std::set<std::string> dismissed;
    /// The report around the analysis; without it the rules about the report's sections
    /// (Standard 7) and the supervision record (Standard 8) are not applied.
    std::optional<ReportFacts> report;
};

/// Every finding for the analysis, in document order (the analysis as a whole, the issues, the
/// adults, the lists, the plan, the report, the supervision record).
std::vector<Finding> review(const Analysis& analysis, const ReviewOptions& options,
                            const Strings& strings = Strings::builtIn());

const char* severityName(Severity severity);   ///< "error", "warning", "info"
const char* findingKindName(FindingKind kind); ///< "certain", "judgement"

/// The date a plan cell states, as YYYY-MM-DD: "2027-03-01", "1/3/2027", "01/03/2027",
/// "01.03.2027", "1/3/27" (day first, as in the UK), "1 March 2027", "1st Sept 2027",
/// "March 2027" (the first), "end of March 2027" (the last day). Empty when it is not a date
/// (which may still be a plannable point, such as "within 10 working days of the ICPC").
std::string parseDate(const std::string& text);

/// True when a progress cell says the action is done ("Done", "Completed on 3 March").
bool progressDone(const std::string& text, const Strings& strings = Strings::builtIn());

/// Throws InputError when a field is too long or holds a control character, or when discussed,
/// influence, decisions and actions are all blank.
void validateSupervisionEntry(const SupervisionEntry& entry, const Strings& strings = Strings::builtIn());

/// Parses {"date","reviewer","discussed","influence","decisions","actions"} (all optional text;
/// at least one of discussed, influence, decisions, actions must be given). Throws InputError.
SupervisionEntry parseSupervisionEntry(std::string_view json, const Strings& strings = Strings::builtIn());

/// The findings as JSON: {"findings":[{"rule","kind","severity","standard","message","reason",
/// "place":{...},"key"}]}.
std::string findingsToJson(const std::vector<Finding>& findings);

/// The text of the comment a finding is written as in the document: the prefix that marks the
/// review's comments, the message, a judgement's reason, and the standard. A comment whose text
/// no current finding has is one whose finding was resolved.
std::string reviewCommentText(const Finding& finding, const Strings& strings = Strings::builtIn());

} // namespace aa
