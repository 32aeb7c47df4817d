// The supervisor's review of an analysis (Standards 5 to 8): rules as data plus small checks.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

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

/// Where a finding points in the analysis, in the model's terms (the glue finds the paragraph).
struct Place
{
    enum class Kind
    {
        Analysis,      ///< the analysis as a whole
        IssueTitle,    ///< issue
        IssuePart,     ///< issue + part
        ListItem,      ///< list + index
        Consideration, ///< consideration
        PlanRow,       ///< index (0-based plan row)
    };
    Kind kind = Kind::Analysis;
    std::string issue;
    std::size_t index = 0; ///< IssuePart, ListKind, Consideration, or the plan row / item index
    std::size_t item = 0;  ///< ListItem: the item's index in its list
};

struct Finding
{
    std::string rule; ///< stable id, e.g. "issue.noOrigins"
    Severity severity = Severity::Warning;
    std::string standard; ///< e.g. "Standard 5"
    std::string message;  ///< a sentence for the supervisor; quotes titles, never long text
    std::string reason;   ///< for heuristics: why it was flagged
    Place place;
};

struct ReviewOptions
{
    std::string today; ///< YYYY-MM-DD; empty: dates are not compared with today
    /// More words a family would not understand (lower case), from the options page, checked
    /// as well as the built-in list.
    std::vector<std::string> extraJargon;
};

/// Every finding for the analysis, in document order (issues, lists, further questions, plan).
std::vector<Finding> review(const Analysis& analysis, const ReviewOptions& options,
                            const Strings& strings = Strings::builtIn());

const char* severityName(Severity severity); ///< "error", "warning", "info"

/// The date a plan cell states, as YYYY-MM-DD: "2027-03-01", "1/3/2027", "01/03/2027" (day
/// first, as in the UK), "1 March 2027", "March 2027" (the first), "end of March 2027" (the
/// last day). Empty when it is not a date.
std::string parseDate(const std::string& text);

/// One entry of the supervision record (Standard 8).
struct SupervisionEntry
{
    std::string date, reviewer, discussed, influence, decisions, actions;
};

/// Throws InputError when a field is too long or holds a control character, or when discussed,
/// influence, decisions and actions are all blank.
void validateSupervisionEntry(const SupervisionEntry& entry, const Strings& strings = Strings::builtIn());

/// Parses {"date","reviewer","discussed","influence","decisions","actions"} (all optional text;
/// at least one of discussed, influence, decisions, actions must be given). Throws InputError.
SupervisionEntry parseSupervisionEntry(std::string_view json, const Strings& strings = Strings::builtIn());

/// The findings as JSON: {"findings":[{"rule","severity","standard","message","reason","place":{...}}]}.
std::string findingsToJson(const std::vector<Finding>& findings);

} // namespace aa
