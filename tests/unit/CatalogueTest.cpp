// The guidance catalogue (the questions in the order of the reasoning, with typed keys), the JSON
// names of the model's parts, and the paragraph styles those parts are written in.
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Strings.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace
{
using aa::Question;
using aa::QuestionKey;
using aa::Role;
using aa::Section;
using aa::Strings;
using aa::StyleRole;
using aa::Topic;

const std::vector<std::string> voiceNames = { "practitioner", "child", "otherWorkers" };
const std::vector<std::string> partNames = { "origins", "maintainingFactors", "impactOnChild", "explanation" };
const std::vector<std::string> listNames = { "strengths", "whatNeedsToHappen", "successSigns" };
const std::vector<std::string> topicNames = { "safety",      "childExperience", "riskAndProtectiveBalance",
                                              "notKnown",    "absentFigures",   "culturalAndLanguage",
                                              "patterns",    "recommendation",  "planReview",
                                              "contingency", "planAgreed" };
const std::vector<std::string> adultPartNames = { "adultUnderstanding", "adultMotivation" };
const std::vector<std::string> planColumnNames = { "issue",  "outcome",  "action", "who",        "priority",
                                                   "byWhen", "progress", "review", "contingency" };
const std::vector<std::string> sectionNames
    = { "safety",    "childExperience",   "issues",       "weighingUp",     "adults",
        "strengths", "whatNeedsToHappen", "successSigns", "recommendation", "plan" };

/// The questions in the order of the reasoning (issue 11): the child's safety first, the
/// recommendation before the plan.
const std::vector<std::string> questionOrder = { "safety",
                                                 "childExperience",
                                                 "title",
                                                 "origins",
                                                 "maintainingFactors",
                                                 "impactOnChild",
                                                 "explanation",
                                                 "riskAndProtectiveBalance",
                                                 "notKnown",
                                                 "absentFigures",
                                                 "culturalAndLanguage",
                                                 "patterns",
                                                 "adultUnderstanding",
                                                 "adultMotivation",
                                                 "strengths",
                                                 "whatNeedsToHappen",
                                                 "successSigns",
                                                 "recommendation",
                                                 "planReview",
                                                 "contingency",
                                                 "planAgreed" };

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

/// Every key a question can have, one per value of each enum.
std::vector<QuestionKey> everyKey()
{
    std::vector<QuestionKey> keys{ QuestionKey::title() };
    for (std::size_t i = 0; i < aa::issuePartCount; ++i)
        keys.push_back(QuestionKey::of(static_cast<aa::IssuePart>(i)));
    for (std::size_t i = 0; i < aa::adultPartCount; ++i)
        keys.push_back(QuestionKey::of(static_cast<aa::AdultPart>(i)));
    for (std::size_t i = 0; i < aa::topicCount; ++i)
        keys.push_back(QuestionKey::of(static_cast<Topic>(i)));
    for (std::size_t i = 0; i < aa::listKindCount; ++i)
        keys.push_back(QuestionKey::of(static_cast<aa::ListKind>(i)));
    return keys;
}

// ---------------------------------------------------------------------------------------------
// Catalogue

TEST(Catalogue, TheQuestionsInTheOrderOfTheReasoning)
{
    const std::vector<Question> questions = aa::catalogue();
    std::vector<std::string> names;
    for (const Question& q : questions)
        names.push_back(q.key.name());
    EXPECT_EQ(names, questionOrder);
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size()) << "keys are unique";
    // Every answer of the model is asked for, once.
    EXPECT_EQ(questions.size(), everyKey().size());
    for (const QuestionKey& key : everyKey())
        EXPECT_EQ(std::count_if(questions.begin(), questions.end(), [&](const Question& q) { return q.key == key; }), 1)
            << key.name();
    // The sections follow each other in document order: no question goes back to an earlier one.
    for (std::size_t i = 1; i < questions.size(); ++i)
        EXPECT_LE(questions[i - 1].key.section(), questions[i].key.section()) << questions[i].key.name();
    EXPECT_EQ(questions.front().key, QuestionKey::of(Topic::Safety)) << "the child's safety first";
}

TEST(Catalogue, KeysAreTypedAndSayWhomTheyAsk)
{
    for (const Question& q : aa::catalogue())
    {
        SCOPED_TRACE(q.key.name());
        switch (q.key.kind)
        {
            case QuestionKey::Kind::Title:
            case QuestionKey::Kind::IssuePart:
                EXPECT_TRUE(q.key.perIssue());
                EXPECT_FALSE(q.key.perAdult());
                EXPECT_EQ(q.key.section(), Section::Issues);
                break;
            case QuestionKey::Kind::AdultPart:
                EXPECT_TRUE(q.key.perAdult());
                EXPECT_FALSE(q.key.perIssue());
                EXPECT_EQ(q.key.section(), Section::Adults);
                break;
            case QuestionKey::Kind::Topic:
                EXPECT_FALSE(q.key.perIssue() || q.key.perAdult());
                EXPECT_EQ(q.key.section(), aa::sectionOf(static_cast<Topic>(q.key.index)));
                break;
            case QuestionKey::Kind::List:
                EXPECT_FALSE(q.key.perIssue() || q.key.perAdult());
                EXPECT_EQ(q.key.section(), aa::sectionOf(static_cast<aa::ListKind>(q.key.index)));
                break;
        }
    }
    EXPECT_EQ(QuestionKey::of(aa::IssuePart::Explanation), (QuestionKey{ QuestionKey::Kind::IssuePart, 3 }));
    EXPECT_NE(QuestionKey::of(aa::IssuePart::Origins), QuestionKey::of(Topic::Safety)) << "same index, other kind";
    EXPECT_NE(QuestionKey::title(), QuestionKey::of(aa::IssuePart::Origins));
}

TEST(Catalogue, OnlyTheExplanationIsOptional)
{
    for (const Question& q : aa::catalogue())
        EXPECT_EQ(q.required, q.key != QuestionKey::of(aa::IssuePart::Explanation)) << q.key.name();
}

TEST(Catalogue, SectionsOfTopicsAndLists)
{
    EXPECT_EQ(aa::sectionOf(Topic::Safety), Section::Safety);
    EXPECT_EQ(aa::sectionOf(Topic::ChildExperience), Section::ChildExperience);
    EXPECT_EQ(aa::sectionOf(Topic::Recommendation), Section::Recommendation);
    for (Topic t : { Topic::RiskAndProtectiveBalance, Topic::NotKnown, Topic::AbsentFigures, Topic::CulturalAndLanguage,
                     Topic::Patterns })
    {
        EXPECT_EQ(aa::sectionOf(t), Section::WeighingUp) << aa::jsonName(t);
        EXPECT_TRUE(aa::topicHasLabel(t)) << aa::jsonName(t) << ": several answers share the section";
    }
    for (Topic t : { Topic::PlanReview, Topic::Contingency, Topic::PlanAgreed })
    {
        EXPECT_EQ(aa::sectionOf(t), Section::Plan) << aa::jsonName(t);
        EXPECT_TRUE(aa::topicHasLabel(t)) << aa::jsonName(t);
    }
    for (Topic t : { Topic::Safety, Topic::ChildExperience, Topic::Recommendation })
        EXPECT_FALSE(aa::topicHasLabel(t)) << aa::jsonName(t) << ": the section's heading is its label";
    EXPECT_EQ(aa::sectionOf(aa::ListKind::Strengths), Section::Strengths);
    EXPECT_EQ(aa::sectionOf(aa::ListKind::WhatNeedsToHappen), Section::WhatNeedsToHappen);
    EXPECT_EQ(aa::sectionOf(aa::ListKind::SuccessSigns), Section::SuccessSigns);
    EXPECT_LT(Section::Recommendation, Section::Plan) << "the recommendation comes before the plan";
}

TEST(Catalogue, QuestionKeyNamesRoundTrip)
{
    std::set<std::string> names;
    for (const QuestionKey& key : everyKey())
    {
        SCOPED_TRACE(key.name());
        EXPECT_FALSE(key.name().empty());
        EXPECT_TRUE(names.insert(key.name()).second) << "two keys share a name: fromName could not tell them apart";
        const std::optional<QuestionKey> back = QuestionKey::fromName(key.name());
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, key);
    }
    EXPECT_EQ(QuestionKey::title().name(), "title");
    EXPECT_EQ(QuestionKey::of(aa::AdultPart::Motivation).name(), "adultMotivation");
    EXPECT_EQ(QuestionKey::of(Topic::PlanAgreed).name(), "planAgreed");
    EXPECT_EQ(QuestionKey::of(aa::ListKind::WhatNeedsToHappen).name(), "whatNeedsToHappen");
    // Names that are not questions, schema 1's among them.
    for (const char* name :
         { "", "Title", "safety ", "issue", "whatWouldHelp", "parentsMotivation", "parentsUnderstanding",
           "childUnderstanding", "considerations", "motivation", "who", "issues", "adults", "weighingUp", "plan" })
        EXPECT_EQ(QuestionKey::fromName(name), std::nullopt) << "[" << name << "]";
}

TEST(Catalogue, EveryQuestionHasItsTexts)
{
    std::set<std::string> labels;
    std::set<std::string> texts;
    for (const Question& q : aa::catalogue())
    {
        SCOPED_TRACE(q.key.name());
        for (const std::string* text : { &q.label, &q.question, &q.guidance, &q.standard })
        {
            EXPECT_FALSE(text->empty());
            EXPECT_FALSE(startsWith(*text, "[")) << "missing key placeholder: " << *text;
            EXPECT_EQ(text->find("[part."), std::string::npos) << *text;
        }
        EXPECT_EQ(q.label, aa::questionLabel(q.key));
        EXPECT_GT(q.guidance.size(), q.label.size()) << "guidance says more than the label";
        EXPECT_TRUE(labels.insert(q.label).second) << "label repeated: " << q.label;
        EXPECT_TRUE(texts.insert(q.question).second) << "question repeated: " << q.question;
        EXPECT_TRUE(texts.insert(q.guidance).second) << "guidance repeated: " << q.guidance;
        EXPECT_EQ(q.question.back(), '?') << q.question;
    }
}

TEST(Catalogue, EveryQuestionWithAnAnswerHasAPrompt)
{
    // The prompt stands in the document where the answer is still empty. An issue's title is
    // never empty (it is the issue's heading), so it has none; its "who identified it" line has
    // its own.
    std::set<std::string> prompts;
    for (const Question& q : aa::catalogue())
    {
        SCOPED_TRACE(q.key.name());
        const std::string prompt = aa::questionPrompt(q.key);
        if (q.key == QuestionKey::title())
        {
            EXPECT_FALSE(Strings::builtIn().has("part.title.prompt"));
            continue;
        }
        EXPECT_FALSE(prompt.empty());
        EXPECT_FALSE(startsWith(prompt, "[")) << prompt;
        EXPECT_TRUE(prompts.insert(prompt).second) << "prompt repeated: " << prompt;
        EXPECT_LT(prompt.size(), 200u) << "a prompt is short: the guidance says the rest";
    }
    for (const char* key : { "raisedBy.prompt", "adult.prompt", "item.ifNotPrompt" })
        EXPECT_TRUE(Strings::builtIn().has(key)) << key;
}

TEST(Catalogue, EveryQuestionNamesTheStandardItServes)
{
    // The guidance's standard is held in its own text (Question::standard), which must name a
    // numbered Standard.
    const std::regex standard("Standard [0-9]");
    for (const Question& q : aa::catalogue())
    {
        SCOPED_TRACE(q.key.name());
        EXPECT_TRUE(std::regex_search(q.standard, standard)) << q.standard;
        EXPECT_TRUE(startsWith(q.standard, "Standard ")) << q.standard;
    }
}

TEST(Catalogue, TextsComeFromTheGivenStrings)
{
    const Strings custom = Strings::parse("part.origins.label=Origins label\npart.safety.guidance=G\n"
                                          "part.planAgreed.prompt=P\n");
    const std::vector<Question> questions = aa::catalogue(custom);
    ASSERT_EQ(questions.size(), questionOrder.size());
    EXPECT_EQ(questions[0].guidance, "G");
    EXPECT_EQ(questions[3].label, "Origins label");
    EXPECT_EQ(questions[4].label, "[part.maintainingFactors.label]") << "a gap shows";
    EXPECT_EQ(aa::questionLabel(QuestionKey::of(aa::IssuePart::Origins), custom), "Origins label");
    EXPECT_EQ(aa::questionPrompt(QuestionKey::of(Topic::PlanAgreed), custom), "P");
    EXPECT_EQ(aa::questionPrompt(QuestionKey::of(Topic::Safety), custom), "[part.safety.prompt]");
}

TEST(Catalogue, JsonNamesMatchTheSchema)
{
    for (std::size_t i = 0; i < aa::voiceCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::Voice>(i)), voiceNames.at(i));
    for (std::size_t i = 0; i < aa::issuePartCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::IssuePart>(i)), partNames.at(i));
    for (std::size_t i = 0; i < aa::listKindCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::ListKind>(i)), listNames.at(i));
    for (std::size_t i = 0; i < aa::topicCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<Topic>(i)), topicNames.at(i));
    for (std::size_t i = 0; i < aa::adultPartCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::AdultPart>(i)), adultPartNames.at(i));
    for (std::size_t i = 0; i < aa::planColumnCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::PlanColumn>(i)), planColumnNames.at(i));
    for (std::size_t i = 0; i < aa::sectionCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<Section>(i)), sectionNames.at(i));
    EXPECT_EQ(voiceNames.size(), aa::voiceCount);
    EXPECT_EQ(partNames.size(), aa::issuePartCount);
    EXPECT_EQ(topicNames.size(), aa::topicCount);
    EXPECT_EQ(planColumnNames.size(), aa::planColumnCount);
    EXPECT_EQ(sectionNames.size(), aa::sectionCount);
    EXPECT_EQ(aa::requiredIssueParts, 3u) << "the explanation, last, is optional";
    EXPECT_EQ(aa::newTableColumns, 7u) << "new tables: issue to progress; review and contingency are schema 1's";
    // A value out of range names nothing rather than reading past the table.
    EXPECT_STREQ(aa::jsonName(static_cast<Topic>(aa::topicCount)), "");
}

// ---------------------------------------------------------------------------------------------
// Paragraph styles

TEST(Styles, EveryRoleHasADistinctNameThatMapsBack)
{
    const std::vector<StyleRole> roles = aa::allStyleRoles();
    EXPECT_EQ(roles.size(),
              5u + aa::issuePartCount + aa::topicCount + 1u + aa::adultPartCount + aa::listKindCount + 1u + 5u);
    std::set<std::string> names;
    for (const StyleRole& r : roles)
    {
        const std::string name = aa::styleName(r.role, r.index);
        SCOPED_TRACE(name);
        EXPECT_NE(r.role, Role::None);
        EXPECT_FALSE(r.legacy) << "only the current structure's styles are written";
        EXPECT_FALSE(name.empty());
        EXPECT_TRUE(startsWith(name, "Analysis ")) << "one family in the style list";
        EXPECT_TRUE(names.insert(name).second) << "name repeated";
        const StyleRole back = aa::roleOfStyle(name);
        EXPECT_EQ(back.role, r.role);
        EXPECT_EQ(back.index, r.index);
        EXPECT_FALSE(back.legacy);
    }
    // Every role but None and schema 1's appears.
    std::set<Role> seen;
    for (const StyleRole& r : roles)
        seen.insert(r.role);
    EXPECT_EQ(seen, (std::set<Role>{ Role::Heading, Role::Subheading, Role::IssueTitle, Role::RaisedBy, Role::Question,
                                     Role::IssuePartAnswer, Role::ListItem, Role::IfNot, Role::TopicAnswer,
                                     Role::AdultName, Role::AdultAnswer, Role::PlanHeader, Role::PlanCell,
                                     Role::PlanFlag, Role::SupervisionHeader, Role::SupervisionCell }));
    EXPECT_EQ(aa::styleName(Role::None), "");
    EXPECT_EQ(aa::styleName(Role::IssuePartAnswer, 1), "Analysis Maintaining Factors");
    EXPECT_EQ(aa::styleName(Role::IssuePartAnswer, 3), "Analysis Explanation");
    EXPECT_EQ(aa::styleName(Role::ListItem, 1), "Analysis What Needs To Happen");
    EXPECT_EQ(aa::styleName(Role::TopicAnswer, 0), "Analysis Safety");
    EXPECT_EQ(aa::styleName(Role::TopicAnswer, 1), "Analysis Child Experience");
    EXPECT_EQ(aa::styleName(Role::AdultAnswer, 1), "Analysis Adult Motivation");
}

TEST(Styles, SchemaOnesStylesAreStillRecognised)
{
    // Reports written with version 0.1 use these; they are read, never written.
    const StyleRole help = aa::roleOfStyle("Analysis What Would Help");
    EXPECT_EQ(help.role, Role::ListItem);
    EXPECT_EQ(help.index, static_cast<std::size_t>(aa::ListKind::WhatNeedsToHappen));
    const StyleRole child = aa::roleOfStyle("Analysis Child Understanding");
    EXPECT_EQ(child.role, Role::TopicAnswer);
    EXPECT_EQ(child.index, static_cast<std::size_t>(Topic::ChildExperience));
    EXPECT_TRUE(child.legacy);
    const StyleRole understanding = aa::roleOfStyle("Analysis Parents Understanding");
    EXPECT_EQ(understanding.role, Role::LegacyParents);
    EXPECT_EQ(understanding.index, 0u);
    EXPECT_TRUE(understanding.legacy);
    const StyleRole motivation = aa::roleOfStyle("Analysis Parents Motivation");
    EXPECT_EQ(motivation.role, Role::LegacyParents);
    EXPECT_EQ(motivation.index, 1u);
    EXPECT_TRUE(motivation.legacy);
    // Schema 1's weighing-up answers had the names the topics have now.
    EXPECT_EQ(aa::roleOfStyle("Analysis Not Known").role, Role::TopicAnswer);
    EXPECT_EQ(aa::roleOfStyle("Analysis Risk And Protective Balance").role, Role::TopicAnswer);
    for (const StyleRole& r : aa::allStyleRoles())
        EXPECT_NE(aa::styleName(r.role, r.index), "Analysis What Would Help");
}

TEST(Styles, OtherNamesAreNotOurs)
{
    for (const std::string& name : std::vector<std::string>{
             "", "Text body", "Standard", "Heading 2", "Analysis", "Analysis ", "analysis heading", "Analysis Heading ",
             " Analysis Heading", "Analysis Plan", "Analysis Origins 2", "Analysis Consideration" })
    {
        SCOPED_TRACE(name);
        EXPECT_EQ(aa::roleOfStyle(name).role, Role::None);
    }
}

TEST(Styles, SpecsFollowTheRolesAndHaveParents)
{
    const std::vector<StyleRole> roles = aa::allStyleRoles();
    const std::vector<aa::StyleSpec> specs = aa::styleSpecs();
    ASSERT_EQ(specs.size(), roles.size());
    std::set<std::string> ours;
    for (const aa::StyleSpec& spec : specs)
        ours.insert(spec.name);
    for (std::size_t i = 0; i < specs.size(); ++i)
    {
        const aa::StyleSpec& spec = specs[i];
        SCOPED_TRACE(spec.name);
        EXPECT_EQ(spec.name, aa::styleName(roles[i].role, roles[i].index));
        EXPECT_FALSE(spec.parent.empty());
        EXPECT_EQ(ours.count(spec.parent), 0u) << "parents are Writer's built-in styles";
        EXPECT_TRUE(spec.next.empty() || spec.next == "Text body" || ours.count(spec.next)) << spec.next;
        EXPECT_GE(spec.outlineLevel, 0);
        EXPECT_LE(spec.outlineLevel, 10);
        const Role role = roles[i].role;
        if (role == Role::IssueTitle || role == Role::AdultName)
        {
            EXPECT_EQ(spec.outlineLevel, 4) << "an issue and an adult are headings of the same level";
        }
    }
    EXPECT_EQ(specs[0].outlineLevel, 2) << "Analysis Heading";
    EXPECT_EQ(specs[1].outlineLevel, 3) << "Analysis Subheading";
    EXPECT_EQ(specs[2].outlineLevel, 4) << "Analysis Issue Title";
}

} // namespace
