// The scripting API's JSON: parse and validate into the model, and write back.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace aa
{

/// The schema version this build reads and writes.
inline constexpr int schemaVersion = 1;

/// Documented limits (docs/scripting.md); input beyond them is refused, not truncated.
struct Limits
{
    static constexpr std::size_t maxJsonBytes = 32 * 1024 * 1024;
    static constexpr std::size_t maxIssues = 1000;
    static constexpr std::size_t maxItems = 2000;    ///< per list, and plan rows
    static constexpr std::size_t maxTextChars = 200000; ///< per text, in code points
};

/// How strict parsing is. Insert: everything must be complete and consistent. Update: the
/// analysis read back from a hand-edited document must be accepted as it is, so titles and item
/// texts may be empty and the plan's references are not checked (update leaves the plan alone).
enum class ParseMode
{
    Insert,
    Update,
};

/// Parses and validates an analysis. Line ends "\r\n" and "\r" become "\n"; raisedBy is put in
/// canonical order. Throws InputError with a message naming the offending field on malformed
/// JSON, wrong types, unknown fields, bad ids, dangling issue references, forbidden control
/// characters or anything past Limits. Never throws anything else for any input.
Analysis parseAnalysis(std::string_view json, const Strings& strings = Strings::builtIn(),
                       ParseMode mode = ParseMode::Insert);

/// Writes the analysis in the schema (keys in documented order). The plan is always written.
std::string toJson(const Analysis& analysis);

/// An empty analysis with count issues ("issue1" ... titled "Issue 1" ...), for the skeleton
/// command. Throws InputError unless 1 <= count <= Limits::maxIssues.
Analysis makeSkeleton(long long count, const Strings& strings = Strings::builtIn());

} // namespace aa
