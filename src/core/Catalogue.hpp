// The guidance catalogue: every question the analysis asks, in the order of the reasoning, with
// its guidance and the standard it serves; and the names the model's parts have in JSON.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aa
{

/// JSON names, which are also the catalogue's and the resources' keys.
const char* jsonName(Voice v);
const char* jsonName(IssuePart p);
const char* jsonName(ListKind k);
const char* jsonName(Topic t);
const char* jsonName(AdultPart p);
const char* jsonName(PlanColumn c);

/// The sections of the analysis, in document order. Each has a heading; where the report
/// template has a place for a section (safety, recommendation, plan), the template's heading
/// stands for ours.
enum class Section
{
    Safety,
    ChildExperience,
    Issues,
    WeighingUp,
    Adults,
    Strengths,
    WhatNeedsToHappen,
    SuccessSigns,
    Recommendation,
    Plan,
};
inline constexpr std::size_t sectionCount = 10;
const char* jsonName(Section s);

/// The section a topic belongs to, and whether it has a question label of its own (the
/// weighing-up and plan topics do; safety, the child and the recommendation are their section).
Section sectionOf(Topic t);
bool topicHasLabel(Topic t);
/// The section a list belongs to.
Section sectionOf(ListKind k);

/// Which answer of the model a question asks for: typed, so code never compares key strings.
struct QuestionKey
{
    enum class Kind
    {
        Title,     ///< an issue's title and who identified it
        IssuePart, ///< index: IssuePart
        AdultPart, ///< index: AdultPart
        Topic,     ///< index: Topic
        List,      ///< index: ListKind
    };
    Kind kind = Kind::Topic;
    std::size_t index = 0;

    static QuestionKey title() { return { Kind::Title, 0 }; }
    static QuestionKey of(IssuePart p) { return { Kind::IssuePart, static_cast<std::size_t>(p) }; }
    static QuestionKey of(AdultPart p) { return { Kind::AdultPart, static_cast<std::size_t>(p) }; }
    static QuestionKey of(Topic t) { return { Kind::Topic, static_cast<std::size_t>(t) }; }
    static QuestionKey of(ListKind k) { return { Kind::List, static_cast<std::size_t>(k) }; }
    /// Asked of each issue (title and parts) or of each adult.
    bool perIssue() const { return kind == Kind::Title || kind == Kind::IssuePart; }
    bool perAdult() const { return kind == Kind::AdultPart; }
    /// The resource key's middle part: "origins", "adultMotivation", "safety", "strengths" ...
    std::string name() const;
    /// The key with this name, std::nullopt for an unknown name.
    static std::optional<QuestionKey> fromName(const std::string& name);
    /// The section of the analysis the answer sits in.
    Section section() const;

    friend bool operator==(const QuestionKey& a, const QuestionKey& b)
    {
        return a.kind == b.kind && a.index == b.index;
    }
    friend bool operator!=(const QuestionKey& a, const QuestionKey& b) { return !(a == b); }
};

struct Question
{
    QuestionKey key;
    std::string label;    ///< short heading shown in the document
    std::string question; ///< the question put to the practitioner
    std::string guidance; ///< plain-English guidance, our own words
    std::string standard; ///< the standard it serves
    bool required = true; ///< an empty answer is a gap the review reports
};

/// All questions in the order the analysis asks them (the order of the reasoning), texts taken
/// from strings.
std::vector<Question> catalogue(const Strings& strings = Strings::builtIn());

/// The question label shown in the document for an answer ("Why did it start?").
std::string questionLabel(QuestionKey key, const Strings& strings = Strings::builtIn());
/// The prompt an empty answer shows in the document (a placeholder that does not print):
/// the question and a short hint.
std::string questionPrompt(QuestionKey key, const Strings& strings = Strings::builtIn());

} // namespace aa
