// The scripting API's JSON: parse and validate into the model, and write back.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace aa
{

/// The schema version this build writes. It reads schema 1 (the released version's) as well,
/// upgraded as the document reader upgrades a report written with it.
inline constexpr int schemaVersion = 2;

/// Documented limits (docs/scripting.md); input beyond them is refused, not truncated.
struct Limits
{
    static constexpr std::size_t maxJsonBytes = 32 * 1024 * 1024;
    static constexpr std::size_t maxIssues = 1000;
    static constexpr std::size_t maxAdults = 100;
    static constexpr std::size_t maxItems = 2000;       ///< per list, and plan rows
    static constexpr std::size_t maxTextChars = 200000; ///< per text, in code points
};

/// How strict parsing is. Insert: everything must be complete and consistent. Update: the
/// analysis read back from a hand-edited document must be accepted as it is, so titles, names
/// and item texts may be empty and the plan's references are not checked (update leaves the
/// plan alone).
enum class ParseMode
{
    Insert,
    Update,
};

/// Parses and validates an analysis of schema 2, or of schema 1 (upgraded: "parents" and
/// "significantAdults" voices and the parents' answers become adults, whatWouldHelp is
/// whatNeedsToHappen, the child's understanding the child's experience, plan rows keep their
/// review and contingency cells). Line ends "\r\n" and "\r" become "\n"; raisedBy is put in
/// canonical order and raisedByAdults in the adults' order; repeated references are dropped.
/// Throws InputError with a message naming the offending field on malformed JSON, wrong types,
/// unknown fields, bad ids, dangling references, forbidden control characters or anything past
/// Limits. Never throws anything else for any input.
Analysis parseAnalysis(std::string_view json, const Strings& strings = Strings::builtIn(),
                       ParseMode mode = ParseMode::Insert);

/// The checks parseAnalysis makes of what it parsed, for an analysis built in C++ (the deck's
/// draft): ids, references, texts (one paragraph where one is expected, no control characters,
/// within Limits), required texts in Insert mode. Names the field as the JSON would
/// ("issues[2].title"). Throws InputError.
void validateAnalysis(const Analysis& analysis, const Strings& strings = Strings::builtIn(),
                      ParseMode mode = ParseMode::Insert);

/// Writes the analysis in schema 2 (keys in documented order). The plan's rows are written when
/// the analysis has its plan (hasPlan); a "what needs to happen" item without an id is written
/// without one, so that it gets its id when the JSON is parsed.
std::string toJson(const Analysis& analysis);

/// An empty analysis with count issues ("issue1" ... titled "Issue 1" ...), for the skeleton
/// command. Throws InputError unless 1 <= count <= Limits::maxIssues.
Analysis makeSkeleton(long long count, const Strings& strings = Strings::builtIn());

} // namespace aa
