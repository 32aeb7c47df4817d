#include "Catalogue.hpp"

namespace aa
{
namespace
{
template <typename Enum, std::size_t N> const char* lookup(const char* const (&names)[N], Enum value)
{
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : "";
}

constexpr const char* voiceNames[voiceCount] = { "practitioner", "child", "otherWorkers" };
constexpr const char* issuePartNames[issuePartCount] = { "origins", "maintainingFactors", "impactOnChild",
                                                         "explanation" };
constexpr const char* listNames[listKindCount] = { "strengths", "whatNeedsToHappen", "successSigns" };
constexpr const char* topicNames[topicCount] = { "safety",      "childExperience", "riskAndProtectiveBalance",
                                                 "notKnown",    "absentFigures",   "culturalAndLanguage",
                                                 "patterns",    "recommendation",  "planReview",
                                                 "contingency", "planAgreed" };
constexpr const char* adultPartNames[adultPartCount] = { "adultUnderstanding", "adultMotivation" };
constexpr const char* planColumnNames[planColumnCount] = { "issue",  "outcome",  "action", "who",        "priority",
                                                           "byWhen", "progress", "review", "contingency" };
constexpr const char* sectionNames[sectionCount]
    = { "safety",    "childExperience",   "issues",       "weighingUp",     "adults",
        "strengths", "whatNeedsToHappen", "successSigns", "recommendation", "plan" };

template <typename Enum, std::size_t N>
std::optional<std::size_t> indexOf(const char* const (&names)[N], const std::string& name)
{
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i])
            return i;
    return std::nullopt;
}
} // namespace

const char* jsonName(Voice v) { return lookup(voiceNames, v); }
const char* jsonName(IssuePart p) { return lookup(issuePartNames, p); }
const char* jsonName(ListKind k) { return lookup(listNames, k); }
const char* jsonName(Topic t) { return lookup(topicNames, t); }
const char* jsonName(AdultPart p) { return lookup(adultPartNames, p); }
const char* jsonName(PlanColumn c) { return lookup(planColumnNames, c); }
const char* jsonName(Section s) { return lookup(sectionNames, s); }

Section sectionOf(Topic t)
{
    switch (t)
    {
        case Topic::Safety:
            return Section::Safety;
        case Topic::ChildExperience:
            return Section::ChildExperience;
        case Topic::Recommendation:
            return Section::Recommendation;
        case Topic::PlanReview:
        case Topic::Contingency:
        case Topic::PlanAgreed:
            return Section::Plan;
        default:
            return Section::WeighingUp;
    }
}

bool topicHasLabel(Topic t) { return t != Topic::Safety && t != Topic::ChildExperience && t != Topic::Recommendation; }

Section sectionOf(ListKind k)
{
    switch (k)
    {
        case ListKind::Strengths:
            return Section::Strengths;
        case ListKind::WhatNeedsToHappen:
            return Section::WhatNeedsToHappen;
        case ListKind::SuccessSigns:
            break;
    }
    return Section::SuccessSigns;
}

std::string QuestionKey::name() const
{
    switch (kind)
    {
        case Kind::Title:
            return "title";
        case Kind::IssuePart:
            return jsonName(static_cast<IssuePart>(index));
        case Kind::AdultPart:
            return jsonName(static_cast<AdultPart>(index));
        case Kind::Topic:
            return jsonName(static_cast<Topic>(index));
        case Kind::List:
            return jsonName(static_cast<ListKind>(index));
    }
    return {};
}

std::optional<QuestionKey> QuestionKey::fromName(const std::string& name)
{
    if (name == "title")
        return title();
    if (auto i = indexOf<IssuePart>(issuePartNames, name))
        return QuestionKey{ Kind::IssuePart, *i };
    if (auto i = indexOf<AdultPart>(adultPartNames, name))
        return QuestionKey{ Kind::AdultPart, *i };
    if (auto i = indexOf<Topic>(topicNames, name))
        return QuestionKey{ Kind::Topic, *i };
    if (auto i = indexOf<ListKind>(listNames, name))
        return QuestionKey{ Kind::List, *i };
    return std::nullopt;
}

Section QuestionKey::section() const
{
    switch (kind)
    {
        case Kind::Title:
        case Kind::IssuePart:
            return Section::Issues;
        case Kind::AdultPart:
            return Section::Adults;
        case Kind::Topic:
            return sectionOf(static_cast<Topic>(index));
        case Kind::List:
            return sectionOf(static_cast<ListKind>(index));
    }
    return Section::Issues;
}

std::vector<Question> catalogue(const Strings& strings)
{
    std::vector<QuestionKey> keys{ QuestionKey::of(Topic::Safety), QuestionKey::of(Topic::ChildExperience),
                                   QuestionKey::title() };
    for (std::size_t p = 0; p < issuePartCount; ++p)
        keys.push_back(QuestionKey::of(static_cast<IssuePart>(p)));
    for (Topic t : { Topic::RiskAndProtectiveBalance, Topic::NotKnown, Topic::AbsentFigures, Topic::CulturalAndLanguage,
                     Topic::Patterns })
        keys.push_back(QuestionKey::of(t));
    for (std::size_t p = 0; p < adultPartCount; ++p)
        keys.push_back(QuestionKey::of(static_cast<AdultPart>(p)));
    for (std::size_t k = 0; k < listKindCount; ++k)
        keys.push_back(QuestionKey::of(static_cast<ListKind>(k)));
    for (Topic t : { Topic::Recommendation, Topic::PlanReview, Topic::Contingency, Topic::PlanAgreed })
        keys.push_back(QuestionKey::of(t));

    std::vector<Question> questions;
    for (const QuestionKey& key : keys)
    {
        const std::string base = "part." + key.name() + ".";
        Question q;
        q.key = key;
        q.label = strings.get(base + "label");
        q.question = strings.get(base + "question");
        q.guidance = strings.get(base + "guidance");
        q.standard = strings.get(base + "standard");
        q.required = !(key == QuestionKey::of(IssuePart::Explanation));
        questions.push_back(std::move(q));
    }
    return questions;
}

std::string questionLabel(QuestionKey key, const Strings& strings)
{
    return strings.get("part." + key.name() + ".label");
}

std::string questionPrompt(QuestionKey key, const Strings& strings)
{
    return strings.get("part." + key.name() + ".prompt");
}

} // namespace aa
