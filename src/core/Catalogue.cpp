#include "Catalogue.hpp"

namespace aa
{
namespace
{
template <typename Enum, std::size_t N>
const char* lookup(const char* const (&names)[N], Enum value)
{
    return names[static_cast<std::size_t>(value)];
}

constexpr const char* voiceNames[voiceCount]
    = { "practitioner", "child", "parents", "otherWorkers", "significantAdults" };
constexpr const char* issuePartNames[issuePartCount]
    = { "origins", "maintainingFactors", "impactOnChild" };
constexpr const char* listNames[listKindCount] = { "strengths", "whatWouldHelp", "successSigns" };
constexpr const char* considerationNames[considerationCount]
    = { "riskAndProtectiveBalance", "parentsMotivation",    "notKnown",
        "absentFigures",            "childUnderstanding",   "parentsUnderstanding",
        "culturalAndLanguage",      "patterns" };
constexpr const char* planColumnNames[planColumnCount]
    = { "issue", "outcome", "action", "who", "priority", "byWhen", "review", "contingency" };

Question makeQuestion(const Strings& strings, const std::string& key, QuestionScope scope)
{
    const std::string base = "part." + key + ".";
    return Question{ key,
                     scope,
                     strings.get(base + "label"),
                     strings.get(base + "question"),
                     strings.get(base + "guidance"),
                     strings.get(base + "standard") };
}
} // namespace

const char* jsonName(Voice v) { return lookup(voiceNames, v); }
const char* jsonName(IssuePart p) { return lookup(issuePartNames, p); }
const char* jsonName(ListKind k) { return lookup(listNames, k); }
const char* jsonName(Consideration c) { return lookup(considerationNames, c); }
const char* jsonName(PlanColumn c) { return lookup(planColumnNames, c); }

std::vector<Question> catalogue(const Strings& strings)
{
    std::vector<Question> questions;
    questions.push_back(makeQuestion(strings, "title", QuestionScope::Issue));
    for (const char* name : issuePartNames)
        questions.push_back(makeQuestion(strings, name, QuestionScope::Issue));
    for (const char* name : listNames)
        questions.push_back(makeQuestion(strings, name, QuestionScope::Analysis));
    for (const char* name : considerationNames)
        questions.push_back(makeQuestion(strings, name, QuestionScope::Consideration));
    return questions;
}

} // namespace aa
