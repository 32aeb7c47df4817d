// The five judgements a supervisor makes about practice writing: is this analysis or only
// description, is this success sign observable, is this motivation or compliance, would a family
// understand this sentence, could anyone act on this plan cell. Each is a question to put to the
// worker, never a verdict; how well each agrees with an experienced manager is measured in
// docs/review-quality.md (aa-review-quality).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace aa
{

/// The five judgements a supervisor makes about practice writing.
enum class JudgementKind
{
    DescriptionOnly,
    VagueSuccessSign,
    Compliance,
    Jargon,
    Placeholder
};
inline constexpr std::size_t judgementKindCount = 5;

/// One judgement about one text: flagged when the poor-practice label applies.
struct Judgement
{
    bool flagged = false;
    std::string reason; ///< one plain sentence saying what in the text led to it (for the supervisor)
    std::vector<std::string>
        terms;        ///< Jargon: the exact substrings found (as in the corpus "terms"); Placeholder: the token
    double score = 0; ///< the model's confidence, for the quality tool
};

// Every judge function: empty or blank text is never flagged (emptiness is a separate, certain
// finding); UTF-8 with typographic quotes, dashes and no-break spaces is read as its plain
// equivalent; any input, valid UTF-8 or not, gives an answer and nothing is thrown; the word
// lists and the model are parsed once per process. reason is empty when flagged is false.

/// Analysis or description. field: "origins", "maintainingFactors" (also "maintaining"),
/// "impactOnChild" (also "impact"), "explanation"; the field does not change the judgement today
/// (the same tests apply to all three parts) and an unknown field is judged the same way.
/// Flagged: the text only reports (events, what was said, service history, a bare conclusion).
Judgement judgeAnalysisPart(const std::string& field, const std::string& text);
/// Observable or vague. Flagged: an inner state, an evaluative word or a process milestone with
/// nothing anyone could see, hear or count.
Judgement judgeSuccessSign(const std::string& text);
/// Motivation or compliance (the parents' motivation to change). Flagged: attendance, agreement,
/// engagement, a wish to be rid of professionals, or motivation asserted with nothing behind it.
Judgement judgeMotivation(const std::string& text);
/// Plain or jargon. Flagged when any term is found; terms holds each found term once, as written.
/// extraTerms: more lower-case words/phrases a family would not understand (from the options page);
/// blank entries are ignored.
Judgement judgeJargon(const std::string& text, const std::vector<std::string>& extraTerms = {});
/// Specific or placeholder (a plan cell). column: "who", "byWhen", "review", "contingency"; an
/// unknown column gets only the checks every column shares (TBC, "as above", a bare dash).
/// Flagged: terms holds the placeholder as written ("TBC", "as above", "All").
Judgement judgePlanCell(const std::string& column, const std::string& text);

/// The judgement's name for files and output: "descriptionOnly", "vagueSuccessSign",
/// "compliance", "jargon", "placeholder".
const char* judgementKindName(JudgementKind kind);

} // namespace aa
