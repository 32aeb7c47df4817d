// review(): the supervisor's review of an analysis (Standards 5 to 8) on the schema-2 model. Two
// kinds of finding: certain findings (facts about the structure) and judgements (questions about
// the writing, from the judges of Judgement.hpp, which have their own tests). Here: each rule
// with a case that fires and a near miss that must not; what the review does with a judge's
// answer (a question with the judge's reason and a key that dismissing it remembers); the
// exemplar; the sentences of issue 12; parseDate, progressDone, parseSupervisionEntry,
// findingsToJson.
//
// Every review test starts from complete(), an analysis that raises no finding at all, and
// breaks exactly one thing, so that the multiset of rule ids says exactly what fired.
#include "Errors.hpp"
#include "Json.hpp"
#include "Judgement.hpp"
#include "Plan.hpp"
#include "Review.hpp"
#include "TestSupport.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace
{
using aa::Adult;
using aa::AdultPart;
using aa::Analysis;
using aa::Finding;
using aa::FindingKind;
using aa::Issue;
using aa::IssuePart;
using aa::ListKind;
using aa::Place;
using aa::PlanColumn;
using aa::PlanRow;
using aa::ReportFacts;
using aa::ReviewOptions;
using aa::Severity;
using aa::Topic;
using aa::Voice;
using aa::test::makeItem;
using Kind = aa::Place::Kind;
using Rules = std::multiset<std::string>;
namespace json = boost::json;

const char* const today = "2027-01-15";

Issue makeIssue(const std::string& id, const std::string& title, std::vector<Voice> raisedBy,
                std::vector<std::string> adults, const std::string& origins, const std::string& maintaining,
                const std::string& impact)
{
    Issue issue;
    issue.id = id;
    issue.title = title;
    issue.raisedBy = std::move(raisedBy);
    issue.raisedByAdults = std::move(adults);
    issue.part(IssuePart::Origins) = origins;
    issue.part(IssuePart::MaintainingFactors) = maintaining;
    issue.part(IssuePart::ImpactOnChild) = impact;
    return issue;
}

/// An analysis that raises no finding at all (with or without today, with or without the
/// report around it): the child's safety and experience, two issues explained and identified,
/// everything weighed up, a mother in her own right, a strength, a must with its consequence and
/// a routine, an observable success sign tied to each, a recommendation, and a plan whose rows
/// say who, priority and by when, reviewed and with a contingency, agreed.
Analysis complete()
{
    Analysis a;
    a.topic(Topic::Safety) = "Maya is safe at home now: her mother keeps her fed and warm, and her grandmother visits "
                             "every day. I am fairly sure of this because the school, the GP and Maya herself tell "
                             "the same story.";
    a.topic(Topic::ChildExperience) = "I saw Maya alone at school twice. She told me she is tired because her little "
                                      "brothers wake her at night, and that she would like a bed of her own.";
    a.issues.push_back(makeIssue(
        "sleep", "Maya's sleep", { Voice::Child }, { "mum" },
        "Maya's sleep got worse after the move last spring: sharing a bedroom with two brothers who wake in the "
        "night means she is woken most nights, and nobody has yet found her a quieter space.",
        "What keeps it going is the lack of a routine: Ms Smith comes home late and tired, the screens stay on, and "
        "without anyone setting a bedtime Maya falls asleep later each week.",
        "For Maya, the tiredness shows at school: she falls asleep in afternoon lessons, her reading has slipped "
        "below the expected level, and she gets upset with friends she used to play with."));
    a.issues.push_back(makeIssue(
        "school", "Missed school days", { Voice::Practitioner, Voice::OtherWorkers }, {},
        "The missed days began when Maya's grandmother fell ill in the autumn. Because she had been the one who took "
        "Maya on early-shift mornings, her illness left Maya with no way to get to school, and Maya filled the gap by "
        "staying home.",
        "Mornings depend on Ms Smith's shifts and on the bus fare being available; when either fails, Maya stays at "
        "home to look after her brothers.",
        "Missing school takes away the one place where Maya has friends and a break from looking after her brothers; "
        "she is falling behind, says she feels left out, and does not want to go back."));
    a.topic(Topic::RiskAndProtectiveBalance)
        = "Maya is safe at home because her grandmother visits daily and Ms Smith responds when she is upset; the risk "
          "is that tiredness builds up if the routine slips.";
    a.topic(Topic::NotKnown) = "We have not spoken to Maya's father, so we do not know how he sees the bedtime "
                               "problems or whether he could help.";
    a.topic(Topic::AbsentFigures) = "Maya's father lives nearby but has not been seen; his visits affect how Maya "
                                    "sleeps, so his part matters to the plan.";
    a.topic(Topic::CulturalAndLanguage) = "The family speak English at home and did not want an interpreter; Ms Smith "
                                          "says her church is an important support.";
    a.topic(Topic::Patterns) = "Help was offered once before, in 2024, and taken up; the difficulties came back when "
                               "that help ended.";
    Adult mum;
    mum.id = "mum";
    mum.name = "Kelly Smith";
    mum.relationship = "Maya's mother";
    mum.part(AdultPart::Understanding) = "Ms Smith links the bedtime problem to the move; she did not at first see "
                                         "how tired Maya is at school, and was upset when the teacher told her.";
    mum.part(AdultPart::Motivation) = "Ms Smith wants Maya to be rested and has already moved the television out of "
                                      "the bedroom on her own initiative.";
    a.adults.push_back(mum);
    aa::Item strength = makeItem("Maya's grandmother collects her from school every Friday", { "school" });
    strength.adults = {};
    a.list(ListKind::Strengths) = { strength };
    aa::Item walk = makeItem("Maya always has an adult to take her to school: on early shifts Ms Smith calls Maya's "
                             "grandmother by 7.30.",
                             { "school" }, "walk");
    walk.must = true;
    walk.ifNot = "we will meet Ms Smith and the school within a week to agree who takes Maya.";
    a.list(ListKind::WhatNeedsToHappen)
        = { walk, makeItem("A bedtime routine agreed with Maya and her mother", { "sleep" }, "routine") };
    aa::Item asleep = makeItem("Maya is asleep by 9pm on five nights a week, as her sleep diary shows.");
    asleep.items = { "routine" };
    aa::Item inClass = makeItem("Maya is in class by 8.50 every morning, as the school register shows.");
    inClass.items = { "walk" };
    a.list(ListKind::SuccessSigns) = { asleep, inClass };
    a.topic(Topic::Recommendation) = "I recommend three months of help from a family support worker, because the "
                                     "difficulties come from the move and the early shifts, and Ms Smith is already "
                                     "making changes herself.";
    a = aa::withPlan(a);
    a.plan[0].cell(PlanColumn::Who) = "Ms Smith, with Maya's grandmother Rose Smith";
    a.plan[0].cell(PlanColumn::Priority) = "High";
    a.plan[0].cell(PlanColumn::ByWhen) = "1 March 2027";
    a.plan[1].cell(PlanColumn::Who) = "Ms Smith, with Jo Patel (family support worker)";
    a.plan[1].cell(PlanColumn::Priority) = "Medium";
    a.plan[1].cell(PlanColumn::ByWhen) = "28/02/2027";
    a.topic(Topic::PlanReview) = "A review meeting every six weeks at Maya's school, first on 15 February 2027, with "
                                 "Ms Smith, Maya's teacher and Jo Patel.";
    a.topic(Topic::Contingency)
        = "If Maya misses two mornings in a week, the school tells Jo Patel the same day and we "
          "meet Ms Smith within a week.";
    a.topic(Topic::PlanAgreed) = "Agreed on 10 January 2027 by Ms Smith, by Maya and by the school.";
    return a;
}

ReviewOptions withToday(const std::string& date = today)
{
    ReviewOptions options;
    options.today = date;
    return options;
}

/// Report facts that raise nothing: no prompt left, one supervision entry saying how it
/// influenced the assessment.
ReportFacts goodReport()
{
    ReportFacts facts;
    aa::SupervisionEntry entry;
    entry.date = "2027-01-10";
    entry.influence = "Supervision shifted the focus to the mornings.";
    facts.supervision = { entry };
    return facts;
}

std::vector<Finding> findingsOf(const Analysis& a, const ReviewOptions& options = withToday())
{
    return aa::review(a, options);
}

Rules rulesOf(const std::vector<Finding>& findings)
{
    Rules out;
    for (const Finding& f : findings)
        out.insert(f.rule);
    return out;
}

Rules rulesOf(const Analysis& a, const ReviewOptions& options = withToday()) { return rulesOf(findingsOf(a, options)); }

std::string describe(const std::vector<Finding>& findings)
{
    std::string out;
    for (const Finding& f : findings)
        out += "\n  " + f.rule + ": " + f.message + (f.reason.empty() ? "" : " [" + f.reason + "]");
    return out;
}

struct Expected
{
    const char* severity;
    const char* standard;
    std::string message;
    Kind kind;
    std::string issue;
    std::size_t index;
    std::size_t item;
};

void expectFinding(const Finding& f, const Expected& e)
{
    SCOPED_TRACE(f.rule);
    EXPECT_EQ(std::string(aa::severityName(f.severity)), e.severity);
    EXPECT_EQ(f.standard, e.standard);
    EXPECT_EQ(f.message, e.message);
    EXPECT_EQ(static_cast<int>(f.place.kind), static_cast<int>(e.kind));
    EXPECT_EQ(f.place.issue, e.issue);
    EXPECT_EQ(f.place.index, e.index);
    EXPECT_EQ(f.place.item, e.item);
}

/// The one finding of a review that must raise exactly `rule` and nothing else.
Finding onlyFinding(const Analysis& a, const std::string& rule, const ReviewOptions& options = withToday())
{
    const std::vector<Finding> findings = findingsOf(a, options);
    EXPECT_EQ(rulesOf(findings), Rules{ rule }) << describe(findings);
    return findings.empty() ? Finding{} : findings.front();
}

/// A certain finding: a fact, with no reason and nothing to dismiss.
Finding onlyCertain(const Analysis& a, const std::string& rule, const ReviewOptions& options = withToday())
{
    const Finding f = onlyFinding(a, rule, options);
    EXPECT_EQ(f.kind, FindingKind::Certain) << rule;
    EXPECT_EQ(f.reason, "") << rule;
    EXPECT_EQ(f.key, "") << rule;
    return f;
}

/// A judgement: worded as a question, with the judge's reason and a key to dismiss it by.
Finding onlyJudgement(const Analysis& a, const std::string& rule, const std::string& judgeReason,
                      const ReviewOptions& options = withToday())
{
    const Finding f = onlyFinding(a, rule, options);
    EXPECT_EQ(f.kind, FindingKind::Judgement) << rule;
    EXPECT_EQ(aa::severityName(f.severity), std::string("warning")) << rule;
    EXPECT_NE(f.message.find('?'), std::string::npos) << "a question, not a verdict: " << f.message;
    EXPECT_FALSE(f.reason.empty()) << rule;
    EXPECT_EQ(f.reason, judgeReason) << "the judge's own reason";
    EXPECT_EQ(f.key.rfind(f.rule + "|", 0), 0u) << f.key;
    return f;
}

std::string& part(Analysis& a, std::size_t issue, IssuePart p) { return a.issues.at(issue).part(p); }

std::size_t positionOf(const std::vector<Finding>& findings, const std::string& rule)
{
    const auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
    return static_cast<std::size_t>(it - findings.begin());
}

std::vector<std::string> jargonTerms(const std::vector<Finding>& findings)
{
    std::vector<std::string> terms;
    for (const Finding& f : findings)
        if (f.rule == "jargon")
        {
            const std::string marker = "understand \u201c";
            const std::size_t open = f.message.find(marker) + marker.size();
            terms.push_back(f.message.substr(open, f.message.find("\u201d", open) - open));
        }
    return terms;
}

// ---------------------------------------------------------------------------------------------
// The starting point, and the exemplar

TEST(Review, CompleteAnalysisRaisesNothing)
{
    EXPECT_EQ(rulesOf(complete()), Rules{}) << describe(findingsOf(complete()));
    EXPECT_EQ(rulesOf(complete(), ReviewOptions{}), Rules{}) << "without today";
    ReviewOptions options = withToday();
    options.report = goodReport();
    EXPECT_EQ(rulesOf(complete(), options), Rules{}) << "with the report around it";
}

Analysis exemplar() { return aa::parseAnalysis(aa::test::readFile(AA_SAMPLES_DIR "/sample-analysis.json")); }

TEST(Review, TheExemplarRaisesNoJudgementAndNoCertainFinding)
{
    const Analysis sample = exemplar();
    ASSERT_FALSE(sample.issues.empty());
    ASSERT_FALSE(sample.adults.empty());
    const std::vector<Finding> findings = findingsOf(sample, withToday("2026-11-30"));
    EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(Review, TheExemplarWithoutASupervisionEntryRaisesExactlyTheStandard8Finding)
{
    ReviewOptions options = withToday("2026-11-30");
    options.report = ReportFacts{};
    const Finding f = onlyCertain(exemplar(), "supervision.none", options);
    expectFinding(
        f, { "warning", "Standard 8", "No supervision is recorded for this assessment.", Kind::Supervision, "", 0, 0 });
}

TEST(Review, NamesOfSeveritiesAndKinds)
{
    EXPECT_STREQ(aa::severityName(Severity::Error), "error");
    EXPECT_STREQ(aa::severityName(Severity::Warning), "warning");
    EXPECT_STREQ(aa::severityName(Severity::Info), "info");
    EXPECT_STREQ(aa::findingKindName(FindingKind::Certain), "certain");
    EXPECT_STREQ(aa::findingKindName(FindingKind::Judgement), "judgement");
}

TEST(Review, EveryFindingOfAPoorAnalysisSaysItsKindAndJudgementsAreQuestions)
{
    // Everything at once: each certain finding is a fact without a reason or a key, each
    // judgement a question with its reason and a key, and the two are never counted as one.
    Analysis a = complete();
    a.topic(Topic::Safety) = "";
    part(a, 0, IssuePart::Origins) = "Mum has been drinking since January. She says she is so tired all the time.";
    a.adults[0].part(AdultPart::Motivation) = "Dad says he wants social care out of his life, so he has agreed to "
                                              "everything we asked";
    a.list(ListKind::SuccessSigns)[0].text = "Things will be better.";
    a.plan[0].cell(PlanColumn::Who) = "All";
    a.plan[1].cell(PlanColumn::Priority) = "";
    a.topic(Topic::PlanReview) = "";
    const std::vector<Finding> findings = findingsOf(a);
    std::size_t certain = 0, judgements = 0;
    for (const Finding& f : findings)
    {
        SCOPED_TRACE(f.rule + ": " + f.message);
        EXPECT_FALSE(f.message.empty());
        EXPECT_FALSE(f.standard.empty());
        if (f.kind == FindingKind::Certain)
        {
            ++certain;
            EXPECT_TRUE(f.reason.empty());
            EXPECT_TRUE(f.key.empty());
        }
        else
        {
            ++judgements;
            EXPECT_NE(f.message.find('?'), std::string::npos);
            EXPECT_FALSE(f.reason.empty());
            EXPECT_FALSE(f.key.empty());
        }
    }
    EXPECT_EQ(certain, 3u) << describe(findings);
    EXPECT_EQ(judgements, 4u) << describe(findings);
}

// ---------------------------------------------------------------------------------------------
// How safe the child is now; the child's experience instead of the old "child" tick

TEST(Review, NoSafety)
{
    Analysis a = complete();
    a.topic(Topic::Safety) = " \n";
    const Finding f = onlyCertain(a, "analysis.noSafety");
    expectFinding(f, { "error", "Standard 7", "The analysis does not say how safe the child is now.", Kind::Topic, "",
                       static_cast<std::size_t>(Topic::Safety), 0 });
}

TEST(Review, NoChildsExperience)
{
    Analysis a = complete();
    a.topic(Topic::ChildExperience) = "";
    const Finding f = onlyCertain(a, "analysis.noChildView");
    expectFinding(
        f, { "error", "Standard 5",
             "The analysis does not give the child\u2019s experience and understanding (in the child\u2019s own words, "
             "or what was observed of a child who does not speak).",
             Kind::Topic, "", static_cast<std::size_t>(Topic::ChildExperience), 0 });
}

TEST(Review, TheChildsViewIsTheirExperienceNotATick)
{
    // No issue records the child as having identified it: no finding, the child's experience is there.
    Analysis a = complete();
    a.issues[0].raisedBy = { Voice::Practitioner };
    EXPECT_EQ(rulesOf(a), Rules{});
    // A baby who does not speak: what was observed is the child's view.
    a.topic(Topic::ChildExperience) = "Leo is ten months old. I watched him at home twice: he reaches for his mother "
                                      "when he is upset and settles quickly in her arms; the health visitor, who "
                                      "knows him best, sees the same.";
    EXPECT_EQ(rulesOf(a), Rules{});
    // The child ticked on every issue but their experience left blank: still the finding.
    a.topic(Topic::ChildExperience) = "";
    for (Issue& issue : a.issues)
        issue.raisedBy = { Voice::Child };
    EXPECT_EQ(rulesOf(a), Rules{ "analysis.noChildView" });
}

// ---------------------------------------------------------------------------------------------
// Key issues: blank parts, who identified it, an action in the plan

TEST(Review, EachBlankRequiredPartIsAnErrorNamingTheIssue)
{
    const char* const rules[] = { "issue.noOrigins", "issue.noMaintainingFactors", "issue.noImpact" };
    const char* const messages[] = {
        "The issue \u201cMissed school days\u201d does not say why it started.",
        "The issue \u201cMissed school days\u201d does not say what keeps it going.",
        "The issue \u201cMissed school days\u201d does not say what its impact on the child is.",
    };
    for (std::size_t p = 0; p < aa::requiredIssueParts; ++p)
    {
        Analysis a = complete();
        a.issues[1].parts[p] = " \n\t ";
        const Finding f = onlyCertain(a, rules[p]);
        expectFinding(f, { "error", "Standard 5", messages[p], Kind::IssuePart, "school", p, 0 });
    }
}

TEST(Review, TheExplanationIsOptionalButReadForJargon)
{
    Analysis a = complete();
    ASSERT_EQ(part(a, 0, IssuePart::Explanation), "");
    EXPECT_EQ(rulesOf(a), Rules{});
    part(a, 0, IssuePart::Explanation) = "The chronology shows signs of disguised compliance since 2024.";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), Rules{ "jargon" }) << describe(findings);
    EXPECT_EQ(findings[0].place.kind, Kind::IssuePart);
    EXPECT_EQ(findings[0].place.index, static_cast<std::size_t>(IssuePart::Explanation));
    EXPECT_EQ(findings[0].message.rfind("What helps explain \u201cMaya's sleep\u201d: ", 0), 0u) << findings[0].message;
}

TEST(Review, LongIssueTitleIsShortenedInTheMessage)
{
    Analysis a = complete();
    const std::string title = aa::test::repeat("abcdefghij", 10); // 100 characters
    a.issues[0].title = title;
    part(a, 0, IssuePart::Origins) = "";
    const Finding f = onlyCertain(a, "issue.noOrigins");
    EXPECT_EQ(f.message, "The issue \u201c" + title.substr(0, 80) + "...\u201d does not say why it started.");
}

TEST(Review, AnIssueNobodyIdentified)
{
    Analysis a = complete();
    a.issues[1].raisedBy.clear();
    const Finding f = onlyCertain(a, "issue.noneIdentified");
    expectFinding(f, { "info", "Standard 5", "The issue \u201cMissed school days\u201d does not say who identified it.",
                       Kind::IssueTitle, "school", 0, 0 });
    // An adult in their own right is enough.
    a.issues[1].raisedByAdults = { "mum" };
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, IssueWithoutAPlanRowHasNoAction)
{
    Analysis a = complete();
    a.plan.erase(a.plan.begin()); // the must's row, the only one for "school"
    const Finding f = onlyCertain(a, "issue.noAction");
    expectFinding(f, { "error", "Standard 6", "The issue \u201cMissed school days\u201d has no action in the plan.",
                       Kind::IssueTitle, "school", 0, 0 });
}

TEST(Review, PlanRowWithABlankActionIsNoAction)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::Action) = " \n ";
    EXPECT_EQ(rulesOf(a), (Rules{ "issue.noAction", "plan.rowIncomplete" }));
}

TEST(Review, AnActionServingSeveralIssuesCountsForEach)
{
    Analysis a = complete();
    a.plan.pop_back(); // the routine's row, the only one for "sleep"
    ASSERT_EQ(rulesOf(a), Rules{ "issue.noAction" });
    a.plan[0].issues = { "sleep", "school" };
    EXPECT_EQ(rulesOf(a), Rules{});
}

// ---------------------------------------------------------------------------------------------
// Description without explanation (a judgement): the sentences of issue 12

TEST(Review, DescriptionIsAskedAboutAsAQuestionWithTheJudgesReason)
{
    const std::string text = "Mum has been drinking since January. She says she is so tired all the time.";
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = text;
    const Finding f = onlyJudgement(a, "part.descriptionOnly.origins", aa::judgeAnalysisPart("origins", text).reason);
    expectFinding(
        f, { "warning", "Standard 5",
             "Why \u201cMaya's sleep\u201d started: could you say why it began, and what you make of it, not only "
             "what happened?",
             Kind::IssuePart, "sleep", 0, 0 });
}

TEST(Review, EachPartIsAskedItsOwnQuestion)
{
    const std::string text = "The impact is that the children are at risk.";
    const std::pair<const char*, const char*> cases[] = {
        { "part.descriptionOnly.origins",
          "Why \u201cMissed school days\u201d started: could you say why it began, and what you make of it, not only what happened?" },
        { "part.descriptionOnly.maintainingFactors",
          "What keeps \u201cMissed school days\u201d going: could you say how this keeps it going, not only what is happening?" },
        { "part.descriptionOnly.impactOnChild",
          "The impact of \u201cMissed school days\u201d on the child: could you say what this means for the child, and how you know?" },
    };
    for (std::size_t p = 0; p < aa::requiredIssueParts; ++p)
    {
        SCOPED_TRACE(cases[p].first);
        Analysis a = complete();
        a.issues[1].parts[p] = text;
        const Finding f = onlyJudgement(a, cases[p].first,
                                        aa::judgeAnalysisPart(aa::jsonName(static_cast<IssuePart>(p)), text).reason);
        expectFinding(f, { "warning", "Standard 5", cases[p].second, Kind::IssuePart, "school", p, 0 });
    }
}

TEST(Review, AMechanismWithoutBecauseIsNotAskedAbout)
{
    Analysis a = complete();
    part(a, 1, IssuePart::MaintainingFactors) = "Mornings depend on Ms Green's mood and on the bus fare being "
                                                "available; when either fails, Maya stays at home to look after her "
                                                "brother";
    EXPECT_EQ(rulesOf(a), Rules{}) << describe(findingsOf(a));
}

TEST(Review, TheExplanationIsNotJudgedAsDescription)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Explanation) = "Mum has been drinking since January. She says she is so tired all the time.";
    EXPECT_EQ(rulesOf(a), Rules{}) << "the optional part is not asked to explain";
}

// ---------------------------------------------------------------------------------------------
// Weighing it up

TEST(Review, EachWeighingUpQuestionLeftBlank)
{
    const std::tuple<Topic, const char*, const char*> cases[] = {
        { Topic::RiskAndProtectiveBalance, "The balance of risk and protective factors", "warning" },
        { Topic::NotKnown, "What is not known", "warning" },
        { Topic::AbsentFigures, "Absent figures", "warning" },
        { Topic::CulturalAndLanguage, "Cultural and language dimensions", "info" },
        { Topic::Patterns, "Patterns in the family and in the agency system", "info" },
    };
    for (const auto& [topic, label, severity] : cases)
    {
        SCOPED_TRACE(label);
        Analysis a = complete();
        a.topic(topic) = " \n";
        const Finding f = onlyCertain(a, "weighingUp.unanswered");
        expectFinding(f, { severity, "Standard 5 (social care)",
                           std::string("The analysis does not answer: ") + label + ".", Kind::Topic, "",
                           static_cast<std::size_t>(topic), 0 });
    }
}

// ---------------------------------------------------------------------------------------------
// The adults, each in their own right

TEST(Review, NoAdults)
{
    Analysis a = complete();
    a.adults.clear();
    a.issues[0].raisedByAdults.clear();
    const Finding f = onlyCertain(a, "analysis.noAdults");
    expectFinding(f, { "warning", "Standard 5", "The analysis does not name the adults in the child\u2019s life.",
                       Kind::Analysis, "", 0, 0 });
}

TEST(Review, AnAdultsUnderstandingOrMotivationLeftBlank)
{
    Analysis a = complete();
    a.adults[0].part(AdultPart::Understanding) = "";
    Finding f = onlyCertain(a, "adult.noUnderstanding");
    expectFinding(f, { "warning", "Standard 5",
                       "The analysis does not say how \u201cKelly Smith\u201d understands the situation.", Kind::Adult,
                       "mum", static_cast<std::size_t>(AdultPart::Understanding), 0 });
    a = complete();
    a.adults[0].part(AdultPart::Motivation) = "\xC2\xA0";
    f = onlyCertain(a, "adult.noMotivation");
    expectFinding(
        f, { "warning", "Standard 5 (social care)",
             "The analysis does not say where the motivation to change of \u201cKelly Smith\u201d comes from, or how "
             "strong it is.",
             Kind::Adult, "mum", static_cast<std::size_t>(AdultPart::Motivation), 0 });
    // Without a name, the adult's id names them.
    a.adults[0].name = "";
    EXPECT_NE(onlyCertain(a, "adult.noMotivation").message.find("\u201cmum\u201d"), std::string::npos);
}

TEST(Review, ComplianceReportedAsMotivationIsAskedAbout)
{
    const std::string text = "Dad says he wants social care out of his life, so he has agreed to everything we asked";
    Analysis a = complete();
    Adult dad;
    dad.id = "dad";
    dad.name = "Dan Smith";
    dad.relationship = "Maya's father";
    dad.part(AdultPart::Understanding) = "Mr Smith thinks Maya sleeps badly because of her brothers and says he can "
                                         "help on Saturdays.";
    dad.part(AdultPart::Motivation) = text;
    a.adults.push_back(dad);
    a.issues[1].raisedByAdults = { "dad" };
    const Finding f = onlyJudgement(a, "motivation.compliance", aa::judgeMotivation(text).reason);
    expectFinding(
        f, { "warning", "Standard 5 (social care)",
             "What does \u201cDan Smith\u201d want to change, for their own reasons? Attending and agreeing is not "
             "the same as being motivated.",
             Kind::Adult, "dad", static_cast<std::size_t>(AdultPart::Motivation), 0 });
}

TEST(Review, MotivationOfTheirOwnIsNotAskedAbout)
{
    Analysis a = complete();
    a.adults[0].part(AdultPart::Motivation) = "Mr Price engaged with the domestic abuse programme after his daughter "
                                              "refused to see him, and says he now sees how frightened she was";
    EXPECT_EQ(rulesOf(a), Rules{}) << describe(findingsOf(a));
}

// ---------------------------------------------------------------------------------------------
// Strengths, what needs to happen, success signs, the recommendation

TEST(Review, NoStrengths)
{
    Analysis a = complete();
    a.list(ListKind::Strengths).clear();
    const Finding f = onlyCertain(a, "analysis.noStrengths");
    expectFinding(f, { "warning", "Standard 5", "The analysis names no strengths.", Kind::Analysis, "", 0, 0 });
}

TEST(Review, OneStrengthTiedToNothingIsEnough)
{
    Analysis a = complete();
    a.list(ListKind::Strengths) = { makeItem("Ms Smith and Maya laugh together at bedtime") };
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, AMustWithoutItsConsequence)
{
    Analysis a = complete();
    a.list(ListKind::WhatNeedsToHappen)[0].ifNot = " ";
    const Finding f = onlyCertain(a, "must.noConsequence");
    const std::string& text = a.list(ListKind::WhatNeedsToHappen)[0].text;
    ASSERT_GT(text.size(), 80u);
    expectFinding(
        f, { "warning", "Standard 6",
             "The must \u201c" + text.substr(0, 80) + "...\u201d does not say what will happen if it does not happen.",
             Kind::ListItem, "", static_cast<std::size_t>(ListKind::WhatNeedsToHappen), 0 });
    // Not a must: nothing to say.
    a.list(ListKind::WhatNeedsToHappen)[0].must = false;
    a.plan[0].must = false;
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, NoSuccessSigns)
{
    Analysis a = complete();
    a.list(ListKind::SuccessSigns).clear();
    const Finding f = onlyCertain(a, "analysis.noSuccessSigns");
    expectFinding(f, { "error", "Standard 6",
                       "The analysis has no success signs: nothing says how everyone will know things are better.",
                       Kind::Analysis, "", 0, 0 });
}

TEST(Review, ASuccessSignTiedToNothing)
{
    Analysis a = complete();
    a.list(ListKind::SuccessSigns)[1].items.clear();
    const Finding f = onlyCertain(a, "successSign.untied");
    expectFinding(
        f, { "info", "Standard 6",
             "The success sign \u201cMaya is in class by 8.50 every morning, as the school register shows.\u201d is "
             "not tied to anything that needs to happen, so no plan row has it as its outcome.",
             Kind::ListItem, "", static_cast<std::size_t>(ListKind::SuccessSigns), 1 });
    // Tied to an issue only is still tied to nothing that needs to happen.
    a.list(ListKind::SuccessSigns)[1].issues = { "school" };
    EXPECT_EQ(rulesOf(a), Rules{ "successSign.untied" });
}

TEST(Review, SuccessSignsNobodyCouldObserveAreAskedAbout)
{
    for (const char* text : { "Things will be better.", "Maya is happier." })
    {
        SCOPED_TRACE(text);
        Analysis a = complete();
        a.list(ListKind::SuccessSigns)[1].text = text;
        const Finding f = onlyJudgement(a, "successSign.vague", aa::judgeSuccessSign(text).reason);
        expectFinding(f, { "warning", "Standard 6",
                           std::string("Could someone see or count \u201c") + text
                               + "\u201d? Who would see what, how often, and by when?",
                           Kind::ListItem, "", static_cast<std::size_t>(ListKind::SuccessSigns), 1 });
    }
}

TEST(Review, AnObservableSuccessSignIsNotAskedAbout)
{
    Analysis a = complete();
    a.list(ListKind::SuccessSigns)[0].text = "Leo is gaining weight on his centile line at health visitor checks.";
    EXPECT_EQ(rulesOf(a), Rules{}) << describe(findingsOf(a));
}

TEST(Review, NoRecommendation)
{
    Analysis a = complete();
    a.topic(Topic::Recommendation) = "";
    const Finding f = onlyCertain(a, "analysis.noRecommendation");
    expectFinding(f, { "error", "Standard 7", "The analysis has no recommendation.", Kind::Topic, "",
                       static_cast<std::size_t>(Topic::Recommendation), 0 });
}

// ---------------------------------------------------------------------------------------------
// Jargon (a judgement): in every text a family reads, titles, items and plan cells included

TEST(Review, JargonInAnAnswerIsAskedAboutOncePerTerm)
{
    const std::string text = complete().issues[0].part(IssuePart::Origins)
                             + " There are signs of disguised compliance, and "
                               "her parenting capacity has not been assessed.";
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = text;
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), (Rules{ "jargon", "jargon" })) << describe(findings);
    const aa::Judgement j = aa::judgeJargon(text);
    EXPECT_EQ(jargonTerms(findings), j.terms) << "one question per term the judge found, in its order";
    for (const Finding& f : findings)
    {
        EXPECT_EQ(f.kind, FindingKind::Judgement);
        EXPECT_EQ(f.standard, "Standard 7");
        EXPECT_EQ(f.reason, j.reason);
        EXPECT_EQ(static_cast<int>(f.place.kind), static_cast<int>(Kind::IssuePart));
        EXPECT_EQ(f.place.issue, "sleep");
        EXPECT_EQ(f.place.index, 0u);
    }
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].message,
              "Why \u201cMaya's sleep\u201d started: would the family understand \u201cdisguised compliance\u201d? "
              "Could you say it in plain words, or explain it where it is used?");
    EXPECT_NE(findings[0].key, findings[1].key) << "each term is dismissed on its own";
}

TEST(Review, EverydayWordsAndTheFamilysOwnWordsAreNotJargon)
{
    Analysis a = complete();
    part(a, 1, IssuePart::MaintainingFactors) = "Mia looked after her brother while Mum was at work, so she was late "
                                                "every Monday.";
    part(a, 1, IssuePart::ImpactOnChild) = "He was waiting on the threshold of the flat when the police came, which "
                                           "frightened him for weeks.";
    a.adults[0].part(AdultPart::Understanding)
        = "Ms Smith says: your son's ADHD means he finds it hard to sit still in "
          "class, and she wants the school to understand that.";
    EXPECT_EQ(jargonTerms(findingsOf(a)), std::vector<std::string>{}) << describe(findingsOf(a));
}

TEST(Review, AStatutoryTermExplainedWhereItIsUsedIsFine)
{
    Analysis a = complete();
    a.topic(Topic::Recommendation) = "I recommend a child in need plan (a plan of support agreed with the family) for "
                                     "six months, because the difficulties come from the move and the shifts.";
    EXPECT_EQ(rulesOf(a), Rules{}) << describe(findingsOf(a));
}

TEST(Review, JargonInTitlesListItemsAndPlanCells)
{
    const std::string acronyms = "Referral to CAMHS, TAF meeting, and ICPC if s47 threshold met";
    const std::vector<std::string> terms = aa::judgeJargon(acronyms).terms;
    ASSERT_FALSE(terms.empty());
    {
        SCOPED_TRACE("a title");
        Analysis a = complete();
        a.issues[1].title = acronyms;
        a.plan[0].cell(PlanColumn::Issue) = "";
        const std::vector<Finding> findings = findingsOf(a);
        EXPECT_EQ(jargonTerms(findings), terms);
        EXPECT_EQ(rulesOf(findings).count("jargon"), findings.size()) << describe(findings);
        for (const Finding& f : findings)
        {
            EXPECT_EQ(f.place.kind, Kind::IssueTitle);
            EXPECT_EQ(f.place.issue, "school");
            EXPECT_EQ(f.message.rfind("The title of \u201c" + acronyms + "\u201d: would the family understand", 0), 0u)
                << f.message;
        }
    }
    const std::pair<ListKind, const char*> lists[] = { { ListKind::Strengths, "The strength \u201c" },
                                                       { ListKind::WhatNeedsToHappen, "What needs to happen: \u201c" },
                                                       { ListKind::SuccessSigns, "The success sign \u201c" } };
    for (const auto& [kind, where] : lists)
    {
        SCOPED_TRACE(aa::jsonName(kind));
        Analysis a = complete();
        a.list(kind)[0].text += " " + acronyms;
        const std::vector<Finding> findings = findingsOf(a);
        std::vector<Finding> jargon;
        std::copy_if(findings.begin(), findings.end(), std::back_inserter(jargon),
                     [](const Finding& f) { return f.rule == "jargon"; });
        EXPECT_EQ(jargonTerms(jargon), terms) << describe(findings);
        for (const Finding& f : jargon)
        {
            EXPECT_EQ(f.place.kind, Kind::ListItem);
            EXPECT_EQ(f.place.index, static_cast<std::size_t>(kind));
            EXPECT_EQ(f.place.item, 0u);
            EXPECT_EQ(f.message.rfind(where, 0), 0u) << f.message;
        }
    }
    {
        SCOPED_TRACE("what happens if a must does not");
        Analysis a = complete();
        a.list(ListKind::WhatNeedsToHappen)[0].ifNot = "we will hold an ICPC";
        const std::vector<Finding> findings = findingsOf(a);
        ASSERT_EQ(rulesOf(findings), Rules{ "jargon" }) << describe(findings);
        EXPECT_EQ(findings[0].place.kind, Kind::ListItem);
    }
    for (PlanColumn column : { PlanColumn::Outcome, PlanColumn::Action, PlanColumn::Who, PlanColumn::Progress })
    {
        SCOPED_TRACE(aa::jsonName(column));
        Analysis a = complete();
        a.plan[1].cell(column) += " " + acronyms;
        const std::vector<Finding> findings = findingsOf(a);
        std::vector<Finding> jargon;
        std::copy_if(findings.begin(), findings.end(), std::back_inserter(jargon),
                     [](const Finding& f) { return f.rule == "jargon"; });
        EXPECT_EQ(jargonTerms(jargon), terms) << describe(findings);
        for (const Finding& f : jargon)
        {
            EXPECT_EQ(f.place.kind, Kind::PlanRow);
            EXPECT_EQ(f.place.index, 1u);
            EXPECT_EQ(f.message.rfind("Plan row 2: would the family understand", 0), 0u) << f.message;
        }
    }
    for (Topic topic : { Topic::Safety, Topic::ChildExperience, Topic::NotKnown, Topic::Recommendation,
                         Topic::PlanReview, Topic::Contingency })
    {
        SCOPED_TRACE(aa::jsonName(topic));
        Analysis a = complete();
        a.topic(topic) += " The TAF met on Monday.";
        const std::vector<Finding> findings = findingsOf(a);
        EXPECT_EQ(jargonTerms(findings), std::vector<std::string>{ "TAF" }) << describe(findings);
    }
}

TEST(Review, JargonFromTheOptionsPageToo)
{
    Analysis a = complete();
    part(a, 0, IssuePart::ImpactOnChild) += " We talked about the genogram together.";
    EXPECT_EQ(rulesOf(a), Rules{});
    ReviewOptions options = withToday();
    options.extraJargon = { "genogram" };
    const std::vector<Finding> findings = findingsOf(a, options);
    EXPECT_EQ(jargonTerms(findings), std::vector<std::string>{ "genogram" }) << describe(findings);
}

// ---------------------------------------------------------------------------------------------
// Dismissed judgements

TEST(Review, ADismissedJudgementIsLeftOutUntilItsTextChanges)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = "Mum has been drinking since January. She says she is so tired all the time.";
    a.list(ListKind::SuccessSigns)[1].text = "Maya is happier.";
    a.plan[0].cell(PlanColumn::Who) = "";
    const std::vector<Finding> first = findingsOf(a);
    ASSERT_EQ(rulesOf(first), (Rules{ "part.descriptionOnly.origins", "successSign.vague", "plan.rowIncomplete" }))
        << describe(first);
    const Finding& description = first[positionOf(first, "part.descriptionOnly.origins")];

    ReviewOptions options = withToday();
    options.dismissed = { description.key };
    EXPECT_EQ(rulesOf(a, options), (Rules{ "successSign.vague", "plan.rowIncomplete" }));
    // Kept dismissed on the next run, however often.
    EXPECT_EQ(findingsOf(a, options).size(), 2u);
    // The same text elsewhere is another judgement.
    part(a, 1, IssuePart::Origins) = part(a, 0, IssuePart::Origins);
    EXPECT_EQ(rulesOf(a, options),
              (Rules{ "part.descriptionOnly.origins", "successSign.vague", "plan.rowIncomplete" }));
    part(a, 1, IssuePart::Origins) = complete().issues[1].part(IssuePart::Origins);
    // Changed text that is still description: asked again.
    part(a, 0, IssuePart::Origins) = "Dad was arrested on 4 June and released on bail the next day.";
    ASSERT_TRUE(aa::judgeAnalysisPart("origins", part(a, 0, IssuePart::Origins)).flagged);
    const std::vector<Finding> changed = findingsOf(a, options);
    ASSERT_EQ(rulesOf(changed), (Rules{ "part.descriptionOnly.origins", "successSign.vague", "plan.rowIncomplete" }));
    EXPECT_NE(changed[positionOf(changed, "part.descriptionOnly.origins")].key, description.key);
    // A certain finding has no key: nothing dismisses it.
    options.dismissed.insert("");
    options.dismissed.insert("plan.rowIncomplete");
    EXPECT_EQ(rulesOf(findingsOf(a, options)).count("plan.rowIncomplete"), 1u);
}

TEST(Review, ADismissedJudgementStaysDismissedWhenItemsOrRowsMove)
{
    // A success sign and a plan cell judged, then dismissed; an item added above the sign and a
    // row added above the plan's row do not bring the questions back.
    Analysis a = complete();
    a.list(ListKind::SuccessSigns)[1].text = "Maya is happier.";
    a.plan[1].cell(PlanColumn::Review) = "as required";
    const std::vector<Finding> first = findingsOf(a);
    ASSERT_EQ(rulesOf(first), (Rules{ "successSign.vague", "plan.placeholder.review" })) << describe(first);
    ReviewOptions options = withToday();
    for (const Finding& f : first)
        options.dismissed.insert(f.key);
    ASSERT_TRUE(findingsOf(a, options).empty());
    aa::Item sign = a.list(ListKind::SuccessSigns)[0];
    sign.text = "Maya is at school by 8.50 every day, as the register shows.";
    a.list(ListKind::SuccessSigns).insert(a.list(ListKind::SuccessSigns).begin(), sign);
    a.plan.insert(a.plan.begin(), a.plan[0]);
    EXPECT_TRUE(findingsOf(a, options).empty()) << describe(findingsOf(a, options));
}

TEST(Review, DismissingOneJargonTermLeavesTheOthers)
{
    Analysis a = complete();
    a.topic(Topic::NotKnown) += " Her parenting capacity and any disguised compliance are not known.";
    const std::vector<Finding> both = findingsOf(a);
    ASSERT_EQ(both.size(), 2u) << describe(both);
    ReviewOptions options = withToday();
    options.dismissed = { both[0].key };
    const std::vector<Finding> left = findingsOf(a, options);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].key, both[1].key);
}

// ---------------------------------------------------------------------------------------------
// The plan: one finding per row listing what it lacks; rows whose issue or item is gone

TEST(Review, FlaggedRowIsAnOrphan)
{
    Analysis a = complete();
    a.plan[1].flagged = true;
    const Finding f = onlyCertain(a, "plan.orphan");
    expectFinding(
        f, { "error", "Standard 6",
             "Plan row 2 (\u201cA bedtime routine agreed with Maya and her mother\u201d) refers to an issue or an "
             "item that is no longer in the analysis.",
             Kind::PlanRow, "sleep", 1, 0 });
}

TEST(Review, RowForAnIssueThatIsGoneIsAnOrphan)
{
    Analysis a = complete();
    PlanRow row = a.plan[1];
    row.issues = { "sleep", "gone" };
    row.help = "";
    a.plan.push_back(row);
    const Finding f = onlyCertain(a, "plan.orphan");
    EXPECT_EQ(f.place.index, 2u);
}

TEST(Review, RowForAnItemThatIsGoneIsAnOrphan)
{
    // The item was deleted from the document and Update action plan has not flagged the row yet.
    Analysis a = complete();
    a.list(ListKind::WhatNeedsToHappen).pop_back(); // the routine
    a.list(ListKind::SuccessSigns)[0].items.clear();
    a.list(ListKind::SuccessSigns)[0].items = { "walk" };
    const Finding f = onlyCertain(a, "plan.orphan");
    expectFinding(
        f, { "error", "Standard 6",
             "Plan row 2 (\u201cA bedtime routine agreed with Maya and her mother\u201d) refers to an issue or an "
             "item that is no longer in the analysis.",
             Kind::PlanRow, "sleep", 1, 0 });
}

TEST(Review, RowAddedByHandForNoIssueIsNoOrphan)
{
    Analysis a = complete();
    PlanRow row = a.plan[1];
    row.issues.clear();
    row.help = "";
    row.cell(PlanColumn::Action) = "Something added by hand";
    a.plan.push_back(row);
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, ARowLackingSomethingIsOneFindingListingWhatItLacks)
{
    const std::tuple<PlanColumn, const char*, const char*> cases[] = {
        { PlanColumn::Outcome, "what will be different for the child", "warning" },
        { PlanColumn::Who, "who is responsible", "error" },
        { PlanColumn::ByWhen, "by when", "error" },
        { PlanColumn::Priority, "its priority", "warning" },
    };
    for (const auto& [column, lacks, severity] : cases)
    {
        SCOPED_TRACE(lacks);
        Analysis a = complete();
        a.plan[1].cell(column) = " \n ";
        const Finding f = onlyCertain(a, "plan.rowIncomplete");
        expectFinding(
            f, { severity, "Standard 6",
                 std::string("Plan row 2 (\u201cA bedtime routine agreed with Maya and her mother\u201d) does not say ")
                     + lacks + ".",
                 Kind::PlanRow, "sleep", 1, 0 });
    }
    // A row with only its action: one finding, everything it lacks in the columns' order.
    Analysis a = complete();
    PlanRow row;
    row.issues = { "school" };
    row.cell(PlanColumn::Action) = "Talk to the school";
    a.plan.push_back(row);
    const Finding f = onlyCertain(a, "plan.rowIncomplete");
    expectFinding(
        f, { "error", "Standard 6",
             "Plan row 3 (\u201cTalk to the school\u201d) does not say what will be different for the child, who is "
             "responsible, by when and its priority.",
             Kind::PlanRow, "school", 2, 0 });
    // And one with nothing at all says so too.
    a.plan.back().cell(PlanColumn::Action) = "";
    EXPECT_EQ(onlyCertain(a, "plan.rowIncomplete").message,
              "Plan row 3 (\u201c\u201d) does not say what will happen, what will be different for the child, who is "
              "responsible, by when and its priority.");
}

TEST(Review, ARowMarkedDoneIsNotAskedForWhatItLacksNorPassed)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::Priority) = "";
    a.plan[1].cell(PlanColumn::ByWhen) = "14 January 2027";
    EXPECT_EQ(rulesOf(a), (Rules{ "plan.rowIncomplete", "plan.datePassed" }));
    a.plan[1].cell(PlanColumn::Progress) = "Done: Ms Smith and Maya agreed the routine on 10 January.";
    EXPECT_EQ(rulesOf(a), Rules{}) << describe(findingsOf(a));
}

TEST(Review, PlaceholdersInPlanCellsAreAskedAboutNotCountedAsFilled)
{
    const std::tuple<PlanColumn, const char*, const char*> cases[] = {
        { PlanColumn::Who, "TBC", "plan.placeholder.who" },
        { PlanColumn::Who, "All", "plan.placeholder.who" },
        { PlanColumn::Who, "as above", "plan.placeholder.who" },
        { PlanColumn::ByWhen, "n/a", "plan.placeholder.byWhen" },
        { PlanColumn::ByWhen, "ASAP", "plan.placeholder.byWhen" },
        { PlanColumn::Review, "as above", "plan.placeholder.review" },
        { PlanColumn::Review, "TBC", "plan.placeholder.review" },
        { PlanColumn::Contingency, "n/a", "plan.placeholder.contingency" },
        { PlanColumn::Contingency, "as above", "plan.placeholder.contingency" },
    };
    for (const auto& [column, cell, rule] : cases)
    {
        SCOPED_TRACE(std::string(aa::jsonName(column)) + ": " + cell);
        Analysis a = complete();
        a.plan[1].cell(column) = cell;
        const aa::Judgement j = aa::judgePlanCell(aa::jsonName(column), cell);
        // One question per placeholder: a cell asked about as a placeholder is not asked about
        // as jargon too ("TBC" once, not twice).
        const std::vector<Finding> all = findingsOf(a);
        ASSERT_EQ(rulesOf(all), Rules{ rule }) << describe(all);
        EXPECT_TRUE(jargonTerms(all).empty());
        const Finding f = all[positionOf(all, rule)];
        EXPECT_EQ(f.kind, FindingKind::Judgement);
        EXPECT_EQ(f.reason, j.reason);
        EXPECT_FALSE(f.key.empty());
        EXPECT_EQ(f.standard, "Standard 6");
        EXPECT_EQ(static_cast<int>(f.place.kind), static_cast<int>(Kind::PlanRow));
        EXPECT_EQ(f.place.index, 1u);
        EXPECT_EQ(f.message.rfind("Plan row 2: ", 0), 0u) << f.message;
        EXPECT_NE(f.message.find("\u201c" + (j.terms.empty() ? std::string(cell) : j.terms.front()) + "\u201d"),
                  std::string::npos)
            << f.message;
    }
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::Who) = "All";
    EXPECT_EQ(
        onlyJudgement(a, "plan.placeholder.who", aa::judgePlanCell("who", "All").reason).message,
        "Plan row 2: who exactly will do this? \u201cAll\u201d does not tell the family and the other workers who to go "
        "to.");
}

TEST(Review, PlaceholdersInThePlansReviewAndContingency)
{
    for (const auto& [topic, rule, question] :
         { std::tuple<Topic, const char*, const char*>{
               Topic::PlanReview, "plan.placeholder.reviewPlan",
               "How the plan will be reviewed: which meeting, how often, with whom? \u201c" },
           std::tuple<Topic, const char*, const char*>{
               Topic::Contingency, "plan.placeholder.contingencyPlan",
               "If the plan is not working: what is the trigger, and who will do what? \u201c" } })
    {
        SCOPED_TRACE(rule);
        Analysis a = complete();
        a.topic(topic) = "As required";
        const aa::Judgement j = aa::judgePlanCell(topic == Topic::PlanReview ? "review" : "contingency", "As required");
        ASSERT_TRUE(j.flagged) << "the judge's answer this test is about";
        const Finding f = onlyJudgement(a, rule, j.reason);
        EXPECT_EQ(f.message.rfind(question, 0), 0u) << f.message;
        EXPECT_EQ(static_cast<int>(f.place.kind), static_cast<int>(Kind::PlanArrangement));
        EXPECT_EQ(f.place.index, static_cast<std::size_t>(topic));
    }
}

TEST(Review, DatesInTheUsualUkFormsAndRelativeTimescalesAreNotAskedAbout)
{
    for (const char* byWhen : { "2027-03-01", "1/3/2027", "01/03/27", "1/3/27", "01.03.2027", "by 1st March 2027",
                                "Monday 1 March 2027", "March 2027", "Sept 2027", "end of March 2027",
                                "within 10 working days of the ICPC", "at each 6-weekly core group" })
    {
        SCOPED_TRACE(byWhen);
        Analysis a = complete();
        a.plan[0].cell(PlanColumn::ByWhen) = byWhen;
        EXPECT_EQ(rulesOf(a), Rules{}) << describe(findingsOf(a));
    }
}

TEST(Review, DateBeforeTodayHasPassed)
{
    for (const char* byWhen : { "14 January 2027", "14.01.2027", "14/1/27", "Dec 2026", "end of December 2026" })
    {
        SCOPED_TRACE(byWhen);
        Analysis a = complete();
        a.plan[1].cell(PlanColumn::ByWhen) = byWhen;
        const Finding f = onlyCertain(a, "plan.datePassed");
        expectFinding(f, { "warning", "Standard 6",
                           std::string("Plan row 2: the date \u201c") + byWhen
                               + "\u201d has passed and the row does not say it is done.",
                           Kind::PlanRow, "sleep", 1, 0 });
    }
}

TEST(Review, TodayItselfHasNotPassedNorHasTheEndOfThisMonth)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::ByWhen) = "15/01/2027";
    EXPECT_EQ(rulesOf(a), Rules{});
    a.plan[1].cell(PlanColumn::ByWhen) = "end of January 2027";
    EXPECT_EQ(rulesOf(a), Rules{});
    a.plan[0].cell(PlanColumn::ByWhen) = "30 April 2027";
    a.plan[1].cell(PlanColumn::ByWhen) = "end of March 2027";
    EXPECT_EQ(rulesOf(a, withToday("2027-03-15")), Rules{}) << "an end-of-month deadline has not passed mid-month";
}

TEST(Review, WithoutTodayNoDateHasPassed)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::ByWhen) = "1 January 2001";
    EXPECT_EQ(rulesOf(a, ReviewOptions{}), Rules{});
    EXPECT_EQ(rulesOf(a, withToday()), Rules{ "plan.datePassed" });
}

TEST(Review, ThePlansReviewAndContingencyStandInForEmptyRowCells)
{
    Analysis a = complete();
    for (const PlanRow& row : a.plan)
    {
        ASSERT_EQ(row.cell(PlanColumn::Review), "") << "new tables have no such column";
        ASSERT_EQ(row.cell(PlanColumn::Contingency), "");
    }
    ASSERT_EQ(rulesOf(a), Rules{});
    a.topic(Topic::PlanReview) = "";
    Finding f = onlyCertain(a, "plan.no.planReview");
    expectFinding(f, { "error", "Standard 6", "The plan does not say how it will be reviewed (when, how, with whom).",
                       Kind::PlanArrangement, "", static_cast<std::size_t>(Topic::PlanReview), 0 });
    a = complete();
    a.topic(Topic::Contingency) = "";
    f = onlyCertain(a, "plan.no.contingency");
    expectFinding(f, { "warning", "Standard 6", "The plan has no contingency: what will happen if it is not working.",
                       Kind::PlanArrangement, "", static_cast<std::size_t>(Topic::Contingency), 0 });
    a = complete();
    a.topic(Topic::PlanAgreed) = "";
    f = onlyCertain(a, "plan.no.planAgreed");
    expectFinding(f, { "info", "Standard 6", "The plan does not say who agreed it.", Kind::PlanArrangement, "",
                       static_cast<std::size_t>(Topic::PlanAgreed), 0 });
}

TEST(Review, ASchema1TableWithAReviewAndContingencyOnEveryRowNeedsNoneForThePlan)
{
    Analysis a = complete();
    a.topic(Topic::PlanReview) = "";
    a.topic(Topic::Contingency) = "";
    for (PlanRow& row : a.plan)
    {
        row.cell(PlanColumn::Review) = "Family meeting on 15 March 2027 with Ms Smith, Maya and the school";
        row.cell(PlanColumn::Contingency) = "If nothing changes by March, Jo Patel asks the GP about a sleep clinic";
    }
    EXPECT_EQ(rulesOf(a), Rules{}) << describe(findingsOf(a));
    a.plan[1].cell(PlanColumn::Review) = "";
    EXPECT_EQ(rulesOf(a), Rules{ "plan.no.planReview" }) << "one row without: the plan's review must stand in";
    a.plan[1].cell(PlanColumn::Contingency) = " ";
    EXPECT_EQ(rulesOf(a), (Rules{ "plan.no.planReview", "plan.no.contingency" }));
    a.topic(Topic::PlanReview) = complete().topic(Topic::PlanReview);
    a.topic(Topic::Contingency) = complete().topic(Topic::Contingency);
    EXPECT_EQ(rulesOf(a), Rules{});
}

// ---------------------------------------------------------------------------------------------
// The report around the analysis: Standard 7 (prompts left) and Standard 8 (supervision)

TEST(Review, WithoutReportFactsNoReportRule)
{
    // The scripting API on JSON alone, or a caller that does not know the report.
    EXPECT_EQ(rulesOf(complete(), withToday()), Rules{});
}

TEST(Review, EachPromptLeftInTheReport)
{
    ReviewOptions options = withToday();
    options.report = goodReport();
    options.report->promptsLeft = { "Describe the purpose of the assessment.", "Say who agreed the timescales." };
    const std::vector<Finding> findings = findingsOf(complete(), options);
    ASSERT_EQ(rulesOf(findings), (Rules{ "report.promptLeft", "report.promptLeft" }));
    expectFinding(
        findings[0],
        { "warning", "Standard 7",
          "A section of the report still holds its prompt: \u201cDescribe the purpose of the assessment.\u201d.",
          Kind::ReportPrompt, "", 0, 0 });
    expectFinding(findings[1],
                  { "warning", "Standard 7",
                    "A section of the report still holds its prompt: \u201cSay who agreed the timescales.\u201d.",
                    Kind::ReportPrompt, "", 1, 0 });
    for (const Finding& f : findings)
        EXPECT_EQ(f.kind, FindingKind::Certain);
}

TEST(Review, SupervisionThatDoesNotSayHowItInfluencedTheAssessment)
{
    ReviewOptions options = withToday();
    options.report = ReportFacts{};
    aa::SupervisionEntry entry;
    entry.date = "2027-01-10";
    entry.discussed = "The mornings";
    entry.decisions = "Visit the school";
    options.report->supervision = { entry, entry };
    const Finding f = onlyCertain(complete(), "supervision.noInfluence", options);
    expectFinding(f, { "warning", "Standard 8", "No supervision entry says how supervision influenced the assessment.",
                       Kind::Supervision, "", 0, 0 });
    options.report->supervision[1].influence = "Supervision moved the focus to the mornings.";
    EXPECT_EQ(rulesOf(complete(), options), Rules{}) << "one entry that says is enough";
}

// ---------------------------------------------------------------------------------------------
// Texts come from the strings given

TEST(Review, MessagesAndTheWordsForDoneComeFromTheStrings)
{
    const aa::Strings strings = aa::Strings::builtIn().overlaidWith(
        aa::Strings::parse("review.plan.rowIncomplete=Ligne {1} ({2}) : il manque {3}.\n"
                           "review.plan.lacks.priority=la priorité\n"
                           "review.plan.lacks.who=le responsable\n"
                           "review.list.and=\\u0020et\\u0020\n"
                           "review.words.done=fait\n"
                           "review.words.doneJoining=le\n"));
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::Priority) = "";
    a.plan[1].cell(PlanColumn::Who) = "";
    std::vector<Finding> findings = aa::review(a, withToday(), strings);
    ASSERT_EQ(rulesOf(findings), Rules{ "plan.rowIncomplete" });
    EXPECT_EQ(findings[0].message,
              "Ligne 2 (A bedtime routine agreed with Maya and her mother) : il manque le responsable et la priorité.");
    a.plan[1].cell(PlanColumn::Progress) = "Done";
    EXPECT_EQ(rulesOf(aa::review(a, withToday(), strings)), Rules{ "plan.rowIncomplete" })
        << "not a word for done here";
    a.plan[1].cell(PlanColumn::Progress) = "Fait le 10 janvier";
    EXPECT_EQ(rulesOf(aa::review(a, withToday(), strings)), Rules{});
}

// ---------------------------------------------------------------------------------------------
// Document order, as Review.hpp promises

TEST(Review, FindingsInDocumentOrder)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::Who) = "";
    a.adults[0].part(AdultPart::Understanding) = "";
    a.topic(Topic::AbsentFigures) = "";
    a.list(ListKind::SuccessSigns)[0].items.clear();
    part(a, 1, IssuePart::ImpactOnChild) = "";
    part(a, 0, IssuePart::ImpactOnChild) = "";
    a.topic(Topic::Recommendation) = "";
    a.topic(Topic::ChildExperience) = "";
    ReviewOptions options = withToday();
    options.report = ReportFacts{};
    const std::vector<Finding> findings = findingsOf(a, options);
    std::vector<std::string> order;
    for (const Finding& f : findings)
        order.push_back(f.rule + (f.place.issue.empty() ? "" : ":" + f.place.issue));
    EXPECT_EQ(order, (std::vector<std::string>{ "analysis.noChildView", "issue.noImpact:sleep", "issue.noImpact:school",
                                                "weighingUp.unanswered", "adult.noUnderstanding:mum",
                                                "successSign.untied", "analysis.noRecommendation",
                                                "plan.rowIncomplete:school", "supervision.none" }));
}

TEST(Review, AnIssuesTitleComesBeforeItsParts)
{
    Analysis a = complete();
    a.plan.erase(a.plan.begin());
    part(a, 1, IssuePart::Origins) = "";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), (Rules{ "issue.noAction", "issue.noOrigins" }));
    EXPECT_LT(positionOf(findings, "issue.noAction"), positionOf(findings, "issue.noOrigins"));
}

TEST(Review, JargonAboutTheChildsSafetyComesBeforeTheChildsExperience)
{
    // Regression: both blank-answer rules ran before the jargon in either answer.
    Analysis a = complete();
    a.topic(Topic::Safety) += " A TAF is in place.";
    a.topic(Topic::ChildExperience) = "";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), (Rules{ "jargon", "analysis.noChildView" })) << describe(findings);
    EXPECT_LT(positionOf(findings, "jargon"), positionOf(findings, "analysis.noChildView"));
}

TEST(Review, AnEmptyListIsReportedWhereItsSectionIs)
{
    // Regression: "no success signs" came before every finding on the strengths and on what needs
    // to happen, which come first in the analysis.
    Analysis a = complete();
    a.list(ListKind::SuccessSigns).clear();
    a.list(ListKind::WhatNeedsToHappen)[0].ifNot = "";
    a.list(ListKind::Strengths)[0].text += " at the TAF";
    const std::vector<Finding> findings = findingsOf(a);
    std::vector<std::string> order;
    for (const Finding& f : findings)
        order.push_back(f.rule);
    EXPECT_EQ(order, (std::vector<std::string>{ "jargon", "must.noConsequence", "analysis.noSuccessSigns" }))
        << describe(findings);
}

// ---------------------------------------------------------------------------------------------
// parseDate

TEST(ParseDate, Iso)
{
    EXPECT_EQ(aa::parseDate("2027-03-01"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("  2027-12-31 "), "2027-12-31");
    EXPECT_EQ(aa::parseDate("2027-13-01"), "");
    EXPECT_EQ(aa::parseDate("2027-04-31"), "");
}

TEST(ParseDate, DayFirstWithSlashesOrDots)
{
    EXPECT_EQ(aa::parseDate("1/3/2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("01/03/2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("13/1/2027"), "2027-01-13");
    EXPECT_EQ(aa::parseDate("01.03.2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1.3.2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1/13/2027"), "") << "month first is not read";
    EXPECT_EQ(aa::parseDate("13.01.2027"), "2027-01-13");
}

TEST(ParseDate, TwoDigitYearIsThisCentury)
{
    EXPECT_EQ(aa::parseDate("01/03/27"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1/3/27"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1.3.27"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("31/12/99"), "2099-12-31");
}

TEST(ParseDate, DayMonthYearInWords)
{
    EXPECT_EQ(aa::parseDate("1 March 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1 MARCH 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1 Mar 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1 March, 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("by 30 September 2027"), "2027-09-30");
    EXPECT_EQ(aa::parseDate("1 Sept 2027"), "2027-09-01");
    EXPECT_EQ(aa::parseDate("1st Sept 2027"), "2027-09-01");
}

TEST(ParseDate, Ordinals)
{
    EXPECT_EQ(aa::parseDate("1st March 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("2nd March 2027"), "2027-03-02");
    EXPECT_EQ(aa::parseDate("3rd March 2027"), "2027-03-03");
    EXPECT_EQ(aa::parseDate("31st March 2027"), "2027-03-31");
    EXPECT_EQ(aa::parseDate("22ND May 2027"), "2027-05-22");
}

TEST(ParseDate, WithAWeekday)
{
    EXPECT_EQ(aa::parseDate("Monday 1 March 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("Monday 1st March 2027"), "2027-03-01");
}

TEST(ParseDate, MonthAndYearIsTheFirst)
{
    EXPECT_EQ(aa::parseDate("March 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("by December 2027"), "2027-12-01");
    EXPECT_EQ(aa::parseDate("Sept 2027"), "2027-09-01");
    EXPECT_EQ(aa::parseDate("Sep 2027"), "2027-09-01");
}

TEST(ParseDate, EndOfMonthIsTheLastDay)
{
    EXPECT_EQ(aa::parseDate("end of March 2027"), "2027-03-31");
    EXPECT_EQ(aa::parseDate("by the end of March 2027"), "2027-03-31");
    EXPECT_EQ(aa::parseDate("End of April 2027"), "2027-04-30");
    EXPECT_EQ(aa::parseDate("end of February 2028"), "2028-02-29");
    EXPECT_EQ(aa::parseDate("end of February 2027"), "2027-02-28");
    EXPECT_EQ(aa::parseDate("end of Sept 2027"), "2027-09-30");
}

TEST(ParseDate, DayThatDoesNotExist)
{
    EXPECT_EQ(aa::parseDate("31 February 2027"), "");
    EXPECT_EQ(aa::parseDate("30 February 2028"), "");
    EXPECT_EQ(aa::parseDate("31 April 2027"), "");
    EXPECT_EQ(aa::parseDate("0 March 2027"), "");
    EXPECT_EQ(aa::parseDate("32/1/2027"), "");
    EXPECT_EQ(aa::parseDate("31.04.2027"), "");
}

TEST(ParseDate, TwentyNinthOfFebruary)
{
    EXPECT_EQ(aa::parseDate("29 February 2028"), "2028-02-29");
    EXPECT_EQ(aa::parseDate("29 February 2027"), "");
    EXPECT_EQ(aa::parseDate("29/02/2000"), "2000-02-29") << "divisible by 400";
    EXPECT_EQ(aa::parseDate("29/02/2100"), "") << "divisible by 100";
    EXPECT_EQ(aa::parseDate("2024-02-29"), "2024-02-29");
    EXPECT_EQ(aa::parseDate("2026-02-29"), "");
}

TEST(ParseDate, RelativeTimescalesAndOtherTextAreNoDate)
{
    for (const char* text : { "soon", "", "   ", "next week", "March", "2027", "Easter 2027", "1 Marchy 2027", "ASAP",
                              "within 10 working days of the ICPC", "at each 6-weekly core group", "8.50 every day",
                              "From 3 November 2026, every school day", "TBC" })
    {
        SCOPED_TRACE(text);
        EXPECT_EQ(aa::parseDate(text), "");
    }
}

TEST(ParseDate, TheFirstDateWhereverItStands)
{
    EXPECT_EQ(aa::parseDate("by 01/03/2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("Monday 1 March 2027 at the core group"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("Review on 2027-03-01, then monthly"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("GP appointment booked for 12th April 2027 (Ms Green to confirm)"), "2027-04-12");
    EXPECT_EQ(aa::parseDate("1/3/2027 and again 1/6/2027"), "2027-03-01") << "the first of two";
    EXPECT_EQ(aa::parseDate("By the end of March 2027 at the latest"), "2027-03-31");
}

TEST(ParseDate, ADateSomethingStartsFromIsNoDeadline)
{
    EXPECT_EQ(aa::parseDate("From 3 November 2026, every school day"), "");
    EXPECT_EQ(aa::parseDate("Starting 01/12/2026, weekly"), "");
    EXPECT_EQ(aa::parseDate("From 3 November 2026 until 1 March 2027"), "2027-03-01") << "the end is the deadline";
    EXPECT_EQ(aa::parseDate("since March 2026"), "");
}

// ---------------------------------------------------------------------------------------------
// progressDone

TEST(ProgressDone, TheWordsThatSayItIsDone)
{
    for (const char* text :
         { "Done", "done", "DONE", "Done.", "Done: agreed at the review", "Completed on 3 March", "Complete",
           "Achieved", "Finished in February", "Met", "Done 03/03/2027", "Met - attendance 97% this term",
           "Completed by Ms Green and the school", "Achieved, and kept up" })
        EXPECT_TRUE(aa::progressDone(text)) << text;
}

TEST(ProgressDone, AWordThatStartsASentenceAboutSomethingElse)
{
    // "Met with Mum" is a meeting, not the row done; "Complete the form" is still to do: the
    // row's gaps and passed date are still reported.
    for (const char* text : { "Met with Mum, she'll call the GP", "Complete the referral form with Dad",
                              "Done some of it, the rest next week" })
        EXPECT_FALSE(aa::progressDone(text)) << text;
}

TEST(ProgressDone, InProgressNotStartedAndWordsThatOnlyBeginAlike)
{
    for (const char* text : { "", "In progress", "Not started", "Not done yet", "Partly done", "Completely stalled",
                              "Doneness", "Metabolic tests booked", "Ongoing" })
        EXPECT_FALSE(aa::progressDone(text)) << text;
}

TEST(ProgressDone, SpacesBeforeTheWordDoNotHideIt)
{
    EXPECT_TRUE(aa::progressDone(" Done"));
    EXPECT_TRUE(aa::progressDone("\tCompleted"));
    EXPECT_TRUE(aa::progressDone("\xC2\xA0"
                                 "Done"));
}

TEST(ProgressDone, TheWordsComeFromTheStrings)
{
    const aa::Strings strings = aa::Strings::parse("review.words.done=fait,terminé\nreview.words.doneJoining=le\n");
    EXPECT_TRUE(aa::progressDone("Fait le 3 mars", strings));
    EXPECT_TRUE(aa::progressDone("terminé", strings));
    EXPECT_FALSE(aa::progressDone("Done", strings));
}

// ---------------------------------------------------------------------------------------------
// parseSupervisionEntry

std::string refusal(const std::string& text)
{
    try
    {
        aa::parseSupervisionEntry(text);
    }
    catch (const aa::InputError& e)
    {
        return e.what();
    }
    return "(accepted)";
}

TEST(SupervisionEntry, FullEntry)
{
    const aa::SupervisionEntry e = aa::parseSupervisionEntry(
        R"({"date":"2027-01-15","reviewer":"Sam Okafor","discussed":"Maya's sleep","influence":"Focus on Dad",)"
        R"("decisions":"Visit Dad","actions":"Sam to call Dad by Friday"})");
    EXPECT_EQ(e.date, "2027-01-15");
    EXPECT_EQ(e.reviewer, "Sam Okafor");
    EXPECT_EQ(e.discussed, "Maya's sleep");
    EXPECT_EQ(e.influence, "Focus on Dad");
    EXPECT_EQ(e.decisions, "Visit Dad");
    EXPECT_EQ(e.actions, "Sam to call Dad by Friday");
}

TEST(SupervisionEntry, AnyOneOfTheFourIsEnough)
{
    for (const char* field : { "discussed", "influence", "decisions", "actions" })
    {
        SCOPED_TRACE(field);
        const aa::SupervisionEntry e = aa::parseSupervisionEntry(std::string("{\"") + field + "\":\"Something said\"}");
        const std::string all = e.discussed + "|" + e.influence + "|" + e.decisions + "|" + e.actions;
        EXPECT_NE(all.find("Something said"), std::string::npos);
        EXPECT_EQ(e.date, "");
        EXPECT_EQ(e.reviewer, "");
    }
}

TEST(SupervisionEntry, UnknownFieldRefused)
{
    const std::string message = refusal(R"({"discussed":"x","mood":"good"})");
    EXPECT_NE(message.find("mood"), std::string::npos) << message;
    EXPECT_NE(message.find("not a field"), std::string::npos) << message;
}

TEST(SupervisionEntry, NonStringRefused)
{
    for (const char* value : { "5", "true", "null", "[\"x\"]", "{\"a\":\"b\"}" })
    {
        SCOPED_TRACE(value);
        const std::string message = refusal(std::string(R"({"actions":"x","discussed":)") + value + "}");
        EXPECT_NE(message.find("discussed must be text"), std::string::npos) << message;
    }
}

TEST(SupervisionEntry, NothingSaidRefused)
{
    const std::string expected = aa::Strings::builtIn().get("error.emptySupervision");
    EXPECT_EQ(refusal("{}"), expected);
    EXPECT_EQ(refusal(R"({"date":"2027-01-15","reviewer":"Sam"})"), expected);
    EXPECT_EQ(refusal(R"({"discussed":" ","influence":"","decisions":"\n","actions":"\t"})"), expected);
}

TEST(SupervisionEntry, MalformedJsonRefusedNamingTheSupervisionEntry)
{
    for (const char* text : { "", "{", "{\"discussed\":\"x\"", "not json", "{\"discussed\":'x'}", "{} {}" })
    {
        SCOPED_TRACE(text);
        const std::string message = refusal(text);
        EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
        EXPECT_EQ(message.find("analysis"), std::string::npos) << message;
    }
}

TEST(SupervisionEntry, NotAnObjectRefused)
{
    for (const char* text : { "[]", "\"discussed\"", "42", "null" })
    {
        SCOPED_TRACE(text);
        EXPECT_NE(refusal(text).find("must be a JSON object"), std::string::npos) << refusal(text);
    }
}

TEST(SupervisionEntry, ControlCharacterRefused)
{
    for (const char* escaped : { "\\u0001", "\\u001b", "\\r", "\\u007f", "\\u0085" })
    {
        SCOPED_TRACE(escaped);
        const std::string message = refusal(std::string(R"({"decisions":"a)") + escaped + "b\"}");
        EXPECT_NE(message.find("decisions contains a control character"), std::string::npos) << message;
    }
}

TEST(SupervisionEntry, NewlineAndTabAllowed)
{
    const aa::SupervisionEntry e = aa::parseSupervisionEntry(R"({"discussed":"line one\nline two","actions":"a\tb"})");
    EXPECT_EQ(e.discussed, "line one\nline two");
    EXPECT_EQ(e.actions, "a\tb");
}

TEST(SupervisionEntry, LengthLimit)
{
    const std::string most = aa::test::repeat("é", 20000); // code points, not bytes
    EXPECT_EQ(aa::parseSupervisionEntry("{\"discussed\":\"" + most + "\"}").discussed, most);
    const std::string message = refusal("{\"discussed\":\"" + most + "x\"}");
    EXPECT_NE(message.find("20001"), std::string::npos) << message;
}

TEST(SupervisionEntry, ValidateRefusesWhatParseRefuses)
{
    aa::SupervisionEntry e;
    EXPECT_THROW(aa::validateSupervisionEntry(e), aa::InputError);
    e.influence = "Focus on Dad";
    EXPECT_NO_THROW(aa::validateSupervisionEntry(e));
    e.reviewer = "Sam\x01";
    EXPECT_THROW(aa::validateSupervisionEntry(e), aa::InputError);
}

// ---------------------------------------------------------------------------------------------
// findingsToJson

json::object parseObject(const std::string& text) { return json::parse(text).as_object(); }

Finding makeFinding(const std::string& rule, FindingKind kind, Severity severity, Place place,
                    const std::string& key = {})
{
    Finding f;
    f.rule = rule;
    f.kind = kind;
    f.severity = severity;
    f.standard = "Standard 6";
    f.message = "A \"quoted\" message\nwith a line break and é";
    f.reason = kind == FindingKind::Judgement ? "Some reason" : "";
    f.place = std::move(place);
    f.key = key;
    return f;
}

TEST(ReviewFindingsJson, NoFindings)
{
    const json::object root = parseObject(aa::findingsToJson({}));
    ASSERT_EQ(root.size(), 1u);
    EXPECT_TRUE(root.at("findings").as_array().empty());
}

TEST(ReviewFindingsJson, KindKeyAndPlaceFieldsPerKind)
{
    const std::vector<Finding> findings = {
        makeFinding("analysis.noStrengths", FindingKind::Certain, Severity::Warning, Place{ Kind::Analysis, "", 0, 0 }),
        makeFinding("issue.noAction", FindingKind::Certain, Severity::Error, Place{ Kind::IssueTitle, "sleep", 0, 0 }),
        makeFinding("part.descriptionOnly.impactOnChild", FindingKind::Judgement, Severity::Warning,
                    Place{ Kind::IssuePart, "school", 2, 0 },
                    "part.descriptionOnly.impactOnChild|2:school:2:0|1a2b3c4d"),
        makeFinding("successSign.vague", FindingKind::Judgement, Severity::Warning,
                    Place{ Kind::ListItem, "", static_cast<std::size_t>(ListKind::SuccessSigns), 3 }, "k1"),
        makeFinding("weighingUp.unanswered", FindingKind::Certain, Severity::Info,
                    Place{ Kind::Topic, "", static_cast<std::size_t>(Topic::AbsentFigures), 0 }),
        makeFinding("motivation.compliance", FindingKind::Judgement, Severity::Warning,
                    Place{ Kind::Adult, "dad", static_cast<std::size_t>(AdultPart::Motivation), 0 }, "k2"),
        makeFinding("plan.rowIncomplete", FindingKind::Certain, Severity::Error, Place{ Kind::PlanRow, "sleep", 4, 0 }),
        makeFinding("plan.no.contingency", FindingKind::Certain, Severity::Warning,
                    Place{ Kind::PlanArrangement, "", static_cast<std::size_t>(Topic::Contingency), 0 }),
        makeFinding("report.promptLeft", FindingKind::Certain, Severity::Warning,
                    Place{ Kind::ReportPrompt, "", 1, 0 }),
        makeFinding("supervision.none", FindingKind::Certain, Severity::Warning, Place{ Kind::Supervision, "", 0, 0 }),
    };
    const json::object root = parseObject(aa::findingsToJson(findings));
    ASSERT_EQ(root.size(), 1u);
    const json::array& out = root.at("findings").as_array();
    ASSERT_EQ(out.size(), findings.size());
    const json::object expectedPlaces[] = {
        { { "kind", "analysis" } },
        { { "kind", "issueTitle" }, { "issue", "sleep" } },
        { { "kind", "issuePart" }, { "issue", "school" }, { "part", "impactOnChild" } },
        { { "kind", "listItem" }, { "list", "successSigns" }, { "item", 3 } },
        { { "kind", "topic" }, { "topic", "absentFigures" } },
        { { "kind", "adult" }, { "adult", "dad" }, { "part", "adultMotivation" } },
        { { "kind", "planRow" }, { "row", 4 } },
        { { "kind", "plan" }, { "topic", "contingency" } },
        { { "kind", "reportPrompt" }, { "prompt", 1 } },
        { { "kind", "supervision" } },
    };
    for (std::size_t i = 0; i < out.size(); ++i)
    {
        SCOPED_TRACE(findings[i].rule);
        const json::object& o = out[i].as_object();
        const bool judgement = findings[i].kind == FindingKind::Judgement;
        EXPECT_EQ(o.size(), judgement ? 8u : 7u) << json::serialize(o);
        EXPECT_EQ(o.at("rule").as_string(), findings[i].rule);
        EXPECT_EQ(o.at("kind").as_string(), judgement ? "judgement" : "certain");
        EXPECT_EQ(o.at("severity").as_string(), aa::severityName(findings[i].severity));
        EXPECT_EQ(o.at("standard").as_string(), "Standard 6");
        EXPECT_EQ(o.at("message").as_string(), findings[i].message);
        EXPECT_EQ(o.at("reason").as_string(), findings[i].reason);
        if (judgement)
            EXPECT_EQ(o.at("key").as_string(), findings[i].key);
        else
            EXPECT_FALSE(o.contains("key")) << "a certain finding has nothing to dismiss";
        // Numbers may come back as int64 or uint64: compare through serialisation of both sides.
        EXPECT_EQ(json::serialize(o.at("place")), json::serialize(expectedPlaces[i]));
    }
}

TEST(ReviewFindingsJson, ReviewOutputRoundTrips)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::Who) = "All";
    part(a, 0, IssuePart::Origins) = "";
    a.list(ListKind::SuccessSigns)[1].text = "Maya is happier.";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(findings.size(), 3u) << describe(findings);
    const json::array out = parseObject(aa::findingsToJson(findings)).at("findings").as_array();
    ASSERT_EQ(out.size(), 3u);
    for (std::size_t i = 0; i < out.size(); ++i)
    {
        const json::object& o = out[i].as_object();
        EXPECT_EQ(o.at("rule").as_string(), findings[i].rule);
        EXPECT_EQ(o.at("kind").as_string(), aa::findingKindName(findings[i].kind));
        EXPECT_EQ(o.at("message").as_string(), findings[i].message);
        EXPECT_EQ(o.at("reason").as_string(), findings[i].reason);
        if (!findings[i].key.empty())
        {
            EXPECT_EQ(o.at("key").as_string(), findings[i].key);
        }
    }
}

} // namespace
