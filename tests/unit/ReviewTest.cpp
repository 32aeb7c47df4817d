// review(): the supervisor's review of an analysis (Standards 5 to 8), rule by rule, each with a
// case that fires and a near miss that must not; parseDate, parseSupervisionEntry,
// findingsToJson and severityName.
//
// Every review test starts from complete(), an analysis that raises no findings at all, and
// breaks exactly one thing, so that the multiset of rule ids says exactly what fired.
#include "Errors.hpp"
#include "Review.hpp"
#include "TestSupport.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace
{
using aa::Analysis;
using aa::Consideration;
using aa::Finding;
using aa::Issue;
using aa::IssuePart;
using aa::ListKind;
using aa::Place;
using aa::PlanColumn;
using aa::PlanRow;
using aa::ReviewOptions;
using aa::Voice;
using aa::test::makeItem;
using Kind = aa::Place::Kind;
using Rules = std::multiset<std::string>;
namespace json = boost::json;

const char* const today = "2027-01-15";

Issue makeIssue(const std::string& id, const std::string& title, std::vector<Voice> raisedBy,
                const std::string& origins, const std::string& maintaining, const std::string& impact)
{
    Issue issue;
    issue.id = id;
    issue.title = title;
    issue.raisedBy = std::move(raisedBy);
    issue.part(IssuePart::Origins) = origins;
    issue.part(IssuePart::MaintainingFactors) = maintaining;
    issue.part(IssuePart::ImpactOnChild) = impact;
    return issue;
}

PlanRow makeRow(const std::string& issue, const std::string& action, const std::string& byWhen)
{
    PlanRow row;
    row.cell(PlanColumn::Issue) = issue;
    row.cell(PlanColumn::Outcome) = "Things the family can see are different";
    row.cell(PlanColumn::Action) = action;
    row.cell(PlanColumn::Who) = "Mum, with the health visitor";
    row.cell(PlanColumn::Priority) = "High";
    row.cell(PlanColumn::ByWhen) = byWhen;
    row.cell(PlanColumn::Review) = "Family meeting on 15 March 2027 with Mum, Maya and the school";
    row.cell(PlanColumn::Contingency) = "If nothing changes, ask the GP about a sleep clinic";
    return row;
}

/// An analysis that raises no findings at all (with or without today): every part explained,
/// the child among those who raised an issue, strengths, observable success signs, the four
/// further questions the review asks about answered (the other four left blank on purpose),
/// motivation in the parents' own words, and a complete plan row per issue after today.
Analysis complete()
{
    Analysis a;
    a.issues.push_back(makeIssue(
        "sleep", "Maya's sleep", { Voice::Child, Voice::Parents },
        "The problems began after the move last spring because Maya now shares a bedroom.",
        "Screens stay on late because there is no agreed bedtime routine at home.",
        "Maya is tired at school, which means she falls behind with her reading."));
    a.issues.push_back(makeIssue(
        "school", "Missed school days", { Voice::Practitioner, Voice::OtherWorkers },
        "Maya started missing school after Gran fell ill, because no one could take her.",
        "Mornings are rushed because Mum starts work early and Maya is tired.",
        "Maya has missed friends and lessons, so she feels left out in class."));
    a.list(ListKind::Strengths) = { makeItem("Gran collects Maya from school every Friday", { "school" }) };
    a.list(ListKind::WhatWouldHelp) = { makeItem("A bedtime routine agreed with Maya", { "sleep" }, "help1") };
    a.list(ListKind::SuccessSigns) = { makeItem("Maya is asleep by 9pm on five nights a week", { "sleep" }),
                                       makeItem("Maya is in class every morning by March", { "school" }) };
    a.consideration(Consideration::RiskAndProtectiveBalance)
        = "Maya is safe at home because Gran visits daily and Mum responds when she is upset.";
    a.consideration(Consideration::ParentsMotivation)
        = "Mum wants Maya to be rested and has already moved the television out of the bedroom.";
    a.consideration(Consideration::NotKnown)
        = "We have not spoken to Dad, so we do not know how he sees the bedtime problems.";
    a.consideration(Consideration::AbsentFigures)
        = "Dad lives nearby but has not been seen; his visits affect how Maya sleeps.";
    a.plan = { makeRow("sleep", "Agree a bedtime routine with Mum and Maya", "1 March 2027"),
               makeRow("school", "Arrange a walking bus with two neighbours", "28/02/2027") };
    a.plan[0].help = "help1";
    a.hasPlan = true;
    return a;
}

ReviewOptions withToday(const std::string& date = today)
{
    ReviewOptions options;
    options.today = date;
    return options;
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

Rules rulesOf(const Analysis& a, const ReviewOptions& options = withToday())
{
    return rulesOf(findingsOf(a, options));
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
    EXPECT_EQ(rulesOf(findings), Rules{ rule });
    return findings.empty() ? Finding{} : findings.front();
}

std::string& part(Analysis& a, std::size_t issue, IssuePart p) { return a.issues.at(issue).part(p); }

std::size_t positionOf(const std::vector<Finding>& findings, const std::string& rule)
{
    const auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
    return static_cast<std::size_t>(it - findings.begin());
}

// ---------------------------------------------------------------------------------------------
// The starting point

TEST(Review, CompleteAnalysisRaisesNothing)
{
    EXPECT_EQ(rulesOf(complete()), Rules{});
    EXPECT_EQ(rulesOf(complete(), ReviewOptions{}), Rules{}) << "without today";
}

TEST(Review, OtherFourFurtherQuestionsMayStayBlank)
{
    // complete() leaves them blank already; filling them in changes nothing either way.
    Analysis a = complete();
    for (Consideration c : { Consideration::ChildUnderstanding, Consideration::ParentsUnderstanding,
                             Consideration::CulturalAndLanguage, Consideration::Patterns })
        EXPECT_EQ(a.consideration(c), "");
    a.consideration(Consideration::Patterns) = "Help has been offered before and taken up each time.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, SeverityNames)
{
    EXPECT_STREQ(aa::severityName(aa::Severity::Error), "error");
    EXPECT_STREQ(aa::severityName(aa::Severity::Warning), "warning");
    EXPECT_STREQ(aa::severityName(aa::Severity::Info), "info");
}

// ---------------------------------------------------------------------------------------------
// issue.noOrigins / issue.noMaintainingFactors / issue.noImpact

TEST(Review, EachBlankPartIsAnErrorNamingTheIssue)
{
    const char* const rules[] = { "issue.noOrigins", "issue.noMaintainingFactors", "issue.noImpact" };
    const char* const messages[] = {
        "The issue \"Missed school days\" does not say why it started (origins).",
        "The issue \"Missed school days\" does not say what keeps it going.",
        "The issue \"Missed school days\" does not say what its impact on the child is.",
    };
    for (std::size_t p = 0; p < aa::issuePartCount; ++p)
    {
        SCOPED_TRACE(rules[p]);
        Analysis a = complete();
        a.issues[1].parts[p] = "";
        const Finding f = onlyFinding(a, rules[p]);
        expectFinding(f, { "error", "Standard 5", messages[p], Kind::IssuePart, "school", p, 0 });
        EXPECT_EQ(f.reason, "");
    }
}

TEST(Review, WhitespaceOnlyPartIsBlank)
{
    Analysis a = complete();
    part(a, 0, IssuePart::ImpactOnChild) = " \n\t ";
    EXPECT_EQ(rulesOf(a), Rules{ "issue.noImpact" });
}

TEST(Review, ShortPartIsNeitherBlankNorDescriptionOnly)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = "Not known yet.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, LongIssueTitleIsShortenedInTheMessage)
{
    Analysis a = complete();
    const std::string title = aa::test::repeat("abcdefghij", 10); // 100 characters
    a.issues[0].title = title;
    part(a, 0, IssuePart::Origins) = "";
    const Finding f = onlyFinding(a, "issue.noOrigins");
    EXPECT_EQ(f.message, "The issue \"" + title.substr(0, 80) + "...\" does not say why it started (origins).");
}

// ---------------------------------------------------------------------------------------------
// part.descriptionOnly

TEST(Review, EightWordsWithoutExplanationIsDescriptionOnly)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = "Maya shares a bedroom with her two brothers."; // 8 words
    const Finding f = onlyFinding(a, "part.descriptionOnly");
    expectFinding(f, { "warning", "Standard 5",
                       "Why \"Maya's sleep\" started describes what happened but does not explain it.",
                       Kind::IssuePart, "sleep", 0, 0 });
    EXPECT_EQ(f.reason, aa::Strings::builtIn().get("review.part.descriptionOnly.reason"));
    EXPECT_FALSE(f.reason.empty());
}

TEST(Review, DescriptionOnlyNamesEachPartItsOwnWay)
{
    const char* const messages[] = {
        "Why \"Missed school days\" started describes what happened but does not explain it.",
        "What keeps \"Missed school days\" going describes what happened but does not explain it.",
        "The impact of \"Missed school days\" on the child describes what happened but does not explain it.",
    };
    for (std::size_t p = 0; p < aa::issuePartCount; ++p)
    {
        Analysis a = complete();
        a.issues[1].parts[p] = "Maya was late on nine of the last twelve school days.";
        const Finding f = onlyFinding(a, "part.descriptionOnly");
        expectFinding(f, { "warning", "Standard 5", messages[p], Kind::IssuePart, "school", p, 0 });
    }
}

TEST(Review, SevenWordsAreTooFewToJudge)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = "Maya shares a bedroom with two brothers."; // 7 words
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, BecauseExplains)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = "Maya shares a bedroom with her two brothers because the flat is small.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, EveryExplanationWordOrPhraseExplainsInAnyCase)
{
    const std::string words = aa::Strings::builtIn().get("review.words.explanation");
    std::vector<std::string> phrases;
    std::size_t start = 0;
    while (start <= words.size())
    {
        const std::size_t end = std::min(words.find(',', start), words.size());
        phrases.push_back(words.substr(start, end - start));
        start = end + 1;
    }
    ASSERT_GT(phrases.size(), 10u);
    for (const std::string& phrase : phrases)
    {
        SCOPED_TRACE(phrase);
        // Capitalised rather than in capitals: "SO" would be an acronym, and so jargon.
        std::string capitalised = phrase;
        capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
        for (const std::string& written : { phrase, capitalised })
        {
            Analysis a = complete();
            part(a, 0, IssuePart::MaintainingFactors)
                = "Maya shares a small bedroom with her brothers, " + written + ", she wakes at night.";
            EXPECT_EQ(rulesOf(a), Rules{});
        }
    }
}

TEST(Review, ExplanationWordInsideAnotherWordDoesNotExplain)
{
    Analysis a = complete();
    // "so" only inside "also" and "isolated"; "since" only inside "sincere".
    part(a, 0, IssuePart::Origins) = "The family also feel isolated and sincere about the new flat.";
    EXPECT_EQ(rulesOf(a), Rules{ "part.descriptionOnly" });
}

TEST(Review, HyphenatedSoCalledIsNotTheWordSo)
{
    // Regression: containsPhrase treats '-' as a word break, so "so" matches inside "so-called".
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = "The so-called bedroom is a box room with no window.";
    EXPECT_EQ(rulesOf(a), Rules{ "part.descriptionOnly" });
}

TEST(Review, AccentedLettersAreWordCharacters)
{
    Analysis a = complete();
    // "cin" inside "cinéma" and "écin" is no jargon; "so" inside "soupçon" does not explain.
    part(a, 0, IssuePart::Origins) = "Maya went to the cinéma with a soupçon of fear and écin.";
    EXPECT_EQ(rulesOf(a), Rules{ "part.descriptionOnly" });
}

TEST(Review, CurlyQuotesAndApostrophesSeparateWords)
{
    // Regression: isWordChar counts every byte >= 0x80 as a letter, so U+201C/U+2019 glue onto the next word.
    Analysis a = complete();
    // Writer's AutoCorrect types these: the words inside are still whole words.
    a.consideration(Consideration::ParentsMotivation) = "Mum attended; she said she \u201cwants Maya home\u201d.";
    part(a, 0, IssuePart::Origins) = "Mum says \u201cbecause the flat is small\u201d Maya shares a room.";
    EXPECT_EQ(rulesOf(a), Rules{});
    part(a, 0, IssuePart::MaintainingFactors) += " The CAMHS\u2019 list is long.";
    EXPECT_EQ(rulesOf(a), Rules{ "jargon" });
}

TEST(Review, SoAsAWordExplains)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) = "The bedroom is a box room with no window, so Maya cannot settle.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

// ---------------------------------------------------------------------------------------------
// issue.noAction

TEST(Review, IssueWithoutAPlanRowHasNoAction)
{
    Analysis a = complete();
    a.plan.pop_back(); // the row for "school"
    const Finding f = onlyFinding(a, "issue.noAction");
    expectFinding(f, { "error", "Standard 6", "The issue \"Missed school days\" has no action in the plan.",
                       Kind::IssueTitle, "school", 0, 0 });
}

TEST(Review, PlanRowWithABlankActionIsNoAction)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::Action) = " \n ";
    EXPECT_EQ(rulesOf(a), Rules{ "issue.noAction" });
}

TEST(Review, OneRowWithAnActionIsEnoughEvenBesideABlankOne)
{
    Analysis a = complete();
    PlanRow blankAction = makeRow("school", "", "1 March 2027");
    a.plan.insert(a.plan.begin(), blankAction);
    EXPECT_EQ(rulesOf(a), Rules{});
}

// ---------------------------------------------------------------------------------------------
// analysis.noChildView / analysis.noStrengths / analysis.noSuccessSigns

TEST(Review, NoIssueRaisedByTheChild)
{
    Analysis a = complete();
    a.issues[0].raisedBy = { Voice::Practitioner, Voice::Parents, Voice::OtherWorkers, Voice::SignificantAdults };
    const Finding f = onlyFinding(a, "analysis.noChildView");
    expectFinding(f, { "error", "Standard 5",
                       "No issue records the child's view: who identified each issue does not include the child.",
                       Kind::Analysis, "", 0, 0 });
}

TEST(Review, TheChildOnAnyOneIssueIsEnough)
{
    Analysis a = complete();
    a.issues[0].raisedBy = { Voice::Parents };
    a.issues[1].raisedBy = { Voice::Child };
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, NoStrengths)
{
    Analysis a = complete();
    a.list(ListKind::Strengths).clear();
    const Finding f = onlyFinding(a, "analysis.noStrengths");
    expectFinding(f, { "warning", "Standard 5", "The analysis names no strengths.", Kind::Analysis, "", 0, 0 });
}

TEST(Review, OneStrengthWithoutALinkIsEnough)
{
    Analysis a = complete();
    a.list(ListKind::Strengths) = { makeItem("Mum and Maya laugh together") };
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, NoSuccessSigns)
{
    Analysis a = complete();
    a.list(ListKind::SuccessSigns).clear();
    const Finding f = onlyFinding(a, "analysis.noSuccessSigns");
    expectFinding(f, { "error", "Standard 6",
                       "The analysis has no success signs: nothing says how everyone will know things are better.",
                       Kind::Analysis, "", 0, 0 });
}

// ---------------------------------------------------------------------------------------------
// successSign.notObservable

TEST(Review, SuccessSignNobodyCouldSeeHappen)
{
    Analysis a = complete();
    a.list(ListKind::SuccessSigns)[1].text = "Things are better";
    const Finding f = onlyFinding(a, "successSign.notObservable");
    expectFinding(f, { "warning", "Standard 6",
                       "The success sign \"Things are better\" names no person, behaviour, number or date that "
                       "could be observed.",
                       Kind::ListItem, "", static_cast<std::size_t>(ListKind::SuccessSigns), 1 });
}

TEST(Review, SuccessSignWithADateNumberNameOrObservableWordPasses)
{
    for (const char* text : {
             "Things are better by 1 March",        // a number (a date)
             "Things are better by March",          // a month
             "Things are better in three weeks",    // an observable word
             "Things are better at school",         // an observable word
             "Things are better for Leon",          // a name: a capital not starting the sentence
             "Things are better; Mum says so",      // a person
         })
    {
        SCOPED_TRACE(text);
        Analysis a = complete();
        a.list(ListKind::SuccessSigns)[0].text = text;
        EXPECT_EQ(rulesOf(a), Rules{});
    }
}

TEST(Review, SuccessSignNearMissesAreNotObservable)
{
    for (const char* text : {
             "Things are calmer with homework",     // "home" only inside "homework"
             "Things are better. Everyone agrees",  // a capital that starts a sentence is no name
             "things are happier and calmer",
         })
    {
        SCOPED_TRACE(text);
        Analysis a = complete();
        a.list(ListKind::SuccessSigns)[0].text = text;
        const std::vector<Finding> findings = findingsOf(a);
        EXPECT_EQ(rulesOf(findings), Rules{ "successSign.notObservable" });
        if (!findings.empty())
        {
            EXPECT_EQ(findings[0].place.item, 0u);
        }
    }
}

TEST(Review, EachUnobservableSignIsItsOwnFinding)
{
    Analysis a = complete();
    a.list(ListKind::SuccessSigns) = { makeItem("Things are better"), makeItem("Maya sleeps well"),
                                       makeItem("Life is calmer") };
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), (Rules{ "successSign.notObservable", "successSign.notObservable" }));
    EXPECT_EQ(findings[0].place.item, 0u);
    EXPECT_EQ(findings[1].place.item, 2u);
}

// ---------------------------------------------------------------------------------------------
// consideration.unanswered / motivation.compliance

TEST(Review, EachOfTheFourFurtherQuestionsMustBeAnswered)
{
    const std::pair<Consideration, const char*> cases[] = {
        { Consideration::NotKnown, "What is not known" },
        { Consideration::ParentsMotivation, "The parents' motivation to change" },
        { Consideration::RiskAndProtectiveBalance, "The balance of risk and protective factors" },
        { Consideration::AbsentFigures, "Absent figures" },
    };
    for (const auto& [consideration, label] : cases)
    {
        SCOPED_TRACE(label);
        Analysis a = complete();
        a.consideration(consideration) = " \n";
        const Finding f = onlyFinding(a, "consideration.unanswered");
        expectFinding(f, { "warning", "Standard 5 (social care)",
                           std::string("The analysis does not answer: ") + label + ".", Kind::Consideration, "",
                           static_cast<std::size_t>(consideration), 0 });
    }
}

TEST(Review, MotivationDescribedOnlyAsCompliance)
{
    Analysis a = complete();
    a.consideration(Consideration::ParentsMotivation) = "Mum attended every meeting and agreed to the plan.";
    const Finding f = onlyFinding(a, "motivation.compliance");
    expectFinding(f, { "warning", "Standard 5 (social care)",
                       "The parents' motivation is described only as attending or agreeing: compliance is not "
                       "motivation.",
                       Kind::Consideration, "", static_cast<std::size_t>(Consideration::ParentsMotivation), 0 });
    EXPECT_EQ(f.reason, aa::Strings::builtIn().get("review.motivation.compliance.reason"));
}

TEST(Review, ComplianceInAnyCaseAndAsAPhrase)
{
    for (const char* text : { "Mum ATTENDED every meeting.", "Dad turned up to the first visit." })
    {
        SCOPED_TRACE(text);
        Analysis a = complete();
        a.consideration(Consideration::ParentsMotivation) = text;
        EXPECT_EQ(rulesOf(a), Rules{ "motivation.compliance" });
    }
}

TEST(Review, WantsIsMotivationEvenBesideAttended)
{
    Analysis a = complete();
    a.consideration(Consideration::ParentsMotivation) = "Mum attended every meeting; she wants Maya back at school.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, ComplianceAndMotivationWordsAreWholeWords)
{
    Analysis a = complete();
    // "engaged" only inside "disengaged": no compliance, nothing to flag.
    a.consideration(Consideration::ParentsMotivation) = "Mum has disengaged from the service since the summer.";
    EXPECT_EQ(rulesOf(a), Rules{});
    // "wanted" only inside "unwanted": compliance without motivation.
    a.consideration(Consideration::ParentsMotivation) = "Mum attended although she felt unwanted there.";
    EXPECT_EQ(rulesOf(a), Rules{ "motivation.compliance" });
}

// ---------------------------------------------------------------------------------------------
// plan.*

TEST(Review, FlaggedRowIsAnOrphan)
{
    Analysis a = complete();
    a.plan[1].flagged = true;
    const Finding f = onlyFinding(a, "plan.orphan");
    expectFinding(f, { "error", "Standard 6",
                       "Plan row 2 refers to an issue or an item that is no longer in the analysis.", Kind::PlanRow,
                       "school", 1, 0 });
}

TEST(Review, RowForAnIssueThatIsGoneIsAnOrphan)
{
    Analysis a = complete();
    a.plan.push_back(makeRow("gone", "Something for an issue deleted since", "1 April 2027"));
    const Finding f = onlyFinding(a, "plan.orphan");
    expectFinding(f, { "error", "Standard 6",
                       "Plan row 3 refers to an issue or an item that is no longer in the analysis.", Kind::PlanRow,
                       "gone", 2, 0 });
}

TEST(Review, RowWithNoIssueIsNoOrphan)
{
    Analysis a = complete();
    a.plan.push_back(makeRow("", "Something added by hand", "1 April 2027"));
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, PlanRowWithNoOneResponsible)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::Who) = "  ";
    const Finding f = onlyFinding(a, "plan.noOwner");
    expectFinding(f, { "error", "Standard 6", "Plan row 2 has no one responsible for it.", Kind::PlanRow, "school",
                       1, 0 });
}

TEST(Review, PlanRowWithNoDate)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::ByWhen) = "";
    const Finding f = onlyFinding(a, "plan.noDate");
    expectFinding(f, { "error", "Standard 6", "Plan row 1 has no date by when it will be done.", Kind::PlanRow,
                       "sleep", 0, 0 });
}

TEST(Review, PlanRowWhoseDateIsNotADate)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::ByWhen) = "soon";
    const Finding f = onlyFinding(a, "plan.notADate");
    expectFinding(f, { "warning", "Standard 6",
                       "Plan row 1: \"soon\" is not a date a family and other workers could plan by.", Kind::PlanRow,
                       "sleep", 0, 0 });
}

TEST(Review, DatesInTheUsualFormsAreDates)
{
    for (const char* byWhen : { "2027-03-01", "1/3/2027", "01/03/27", "by 1st March 2027", "Monday 1 March 2027",
                                "March 2027" })
    {
        SCOPED_TRACE(byWhen);
        Analysis a = complete();
        a.plan[0].cell(PlanColumn::ByWhen) = byWhen;
        EXPECT_EQ(rulesOf(a), Rules{});
    }
}

TEST(Review, DateBeforeTodayHasPassed)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::ByWhen) = "14 January 2027";
    const Finding f = onlyFinding(a, "plan.datePassed");
    expectFinding(f, { "warning", "Standard 6", "Plan row 2: the date \"14 January 2027\" has passed.",
                       Kind::PlanRow, "school", 1, 0 });
}

TEST(Review, TodayItselfHasNotPassed)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::ByWhen) = "15/01/2027";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, WithoutTodayNoDateHasPassed)
{
    Analysis a = complete();
    a.plan[1].cell(PlanColumn::ByWhen) = "1 January 2001";
    EXPECT_EQ(rulesOf(a, ReviewOptions{}), Rules{});
    EXPECT_EQ(rulesOf(a, withToday()), Rules{ "plan.datePassed" });
}

TEST(Review, EndOfMonthDeadlineHasNotPassedMidMonth)
{
    // Regression: parseDate reads "end of March 2027" as 2027-03-01, so from 2 March the date has "passed".
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::ByWhen) = "end of March 2027";
    a.plan[1].cell(PlanColumn::ByWhen) = "30 April 2027";
    EXPECT_EQ(rulesOf(a, withToday("2027-03-15")), Rules{});
}

TEST(Review, PlanRowWithNoReview)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::Review) = "";
    const Finding f = onlyFinding(a, "plan.noReview");
    expectFinding(f, { "error", "Standard 6", "Plan row 1 does not say when, how and with whom it will be reviewed.",
                       Kind::PlanRow, "sleep", 0, 0 });
}

TEST(Review, PlanRowWithNoContingency)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::Contingency) = "\t";
    const Finding f = onlyFinding(a, "plan.noContingency");
    expectFinding(f, { "warning", "Standard 6",
                       "Plan row 1 has no contingency: what happens if it does not work.", Kind::PlanRow, "sleep", 0,
                       0 });
}

TEST(Review, RowWithOnlyAnIssueAndAnActionRaisesEachGap)
{
    Analysis a = complete();
    PlanRow row;
    row.cell(PlanColumn::Issue) = "school";
    row.cell(PlanColumn::Action) = "Talk to the school";
    a.plan.push_back(row);
    const std::vector<Finding> findings = findingsOf(a);
    EXPECT_EQ(rulesOf(findings), (Rules{ "plan.noOwner", "plan.noDate", "plan.noReview", "plan.noContingency" }));
    for (const Finding& f : findings)
        EXPECT_EQ(f.place.index, 2u) << f.rule;
}

// ---------------------------------------------------------------------------------------------
// jargon

TEST(Review, JargonWordFromTheList)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) += " Maya is a child in need.";
    const Finding f = onlyFinding(a, "jargon");
    expectFinding(f, { "info", "Standard 7",
                       "Why \"Maya's sleep\" started uses \"child in need\", which a family may not understand.",
                       Kind::IssuePart, "sleep", 0, 0 });
}

TEST(Review, JargonInAFurtherQuestion)
{
    Analysis a = complete();
    a.consideration(Consideration::NotKnown) += " The lado has not replied.";
    const Finding f = onlyFinding(a, "jargon");
    expectFinding(f, { "info", "Standard 7", "What is not known uses \"lado\", which a family may not understand.",
                       Kind::Consideration, "", static_cast<std::size_t>(Consideration::NotKnown), 0 });
}

TEST(Review, JargonWordInsideAnotherWordIsNotJargon)
{
    Analysis a = complete();
    // "cin" inside "scin" and "cinema", "sen" inside "sense", "pep" inside "peppers".
    part(a, 0, IssuePart::Origins) += " Her scin rash, the cinema, the sense of peppers.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, AllowedAcronymsAreNotJargon)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) += " The GP says the NHS waiting list for ADHD is long.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, AcronymNotAllowedIsJargonOncePerPlace)
{
    Analysis a = complete();
    part(a, 1, IssuePart::MaintainingFactors) += " The XYZ team and the XYZ panel.";
    const Finding f = onlyFinding(a, "jargon");
    expectFinding(f, { "info", "Standard 7",
                       "What keeps \"Missed school days\" going uses \"XYZ\", which a family may not understand.",
                       Kind::IssuePart, "school", 1, 0 });
}

TEST(Review, ListedAcronymWrittenInCapitalsIsFlaggedOnceOnly)
{
    Analysis a = complete();
    // In the word list and an acronym too, and repeated: one finding (it quotes the list's word).
    part(a, 0, IssuePart::Origins) += " CAMHS saw her; CAMHS will call, and camhs wrote.";
    const Finding f = onlyFinding(a, "jargon");
    EXPECT_EQ(f.message, "Why \"Maya's sleep\" started uses \"camhs\", which a family may not understand.");
}

TEST(Review, SameJargonInTwoPlacesIsTwoFindings)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) += " CAMHS saw her.";
    part(a, 0, IssuePart::ImpactOnChild) += " CAMHS saw her.";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), (Rules{ "jargon", "jargon" }));
    EXPECT_EQ(findings[0].place.index, 0u);
    EXPECT_EQ(findings[1].place.index, 2u);
}

TEST(Review, NotAcronyms)
{
    Analysis a = complete();
    // One capital, seven capitals, digits alone, a capitalised word: none is an acronym.
    part(a, 0, IssuePart::Origins) += " A ABCDEFG in 2027 for Maya.";
    EXPECT_EQ(rulesOf(a), Rules{});
}

TEST(Review, TwoDifferentJargonWordsInOnePlace)
{
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) += " The TAF meeting set a threshold.";
    EXPECT_EQ(rulesOf(a), (Rules{ "jargon", "jargon" }));
}

// ---------------------------------------------------------------------------------------------
// Custom texts: the word lists come from the strings

TEST(Review, WordListsComeFromTheStrings)
{
    const aa::Strings strings = aa::Strings::parse(aa::test::readFile(AA_RESOURCES_DIR "/strings_en_GB.properties")
                                                   + "\nreview.words.jargon=family time\n");
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) += " Family time is on Fridays; cin.";
    const std::vector<Finding> findings = aa::review(a, withToday(), strings);
    ASSERT_EQ(rulesOf(findings), Rules{ "jargon" });
    EXPECT_EQ(findings[0].message, "Why \"Maya's sleep\" started uses \"family time\", which a family may not understand.");
}

// ---------------------------------------------------------------------------------------------
// Document order (issues, lists, further questions, plan), as Review.hpp promises

TEST(Review, JargonInAnIssueComesBeforeThePlan)
{
    // Regression: reviewJargon runs last, so issue-part and further-question jargon follows the plan findings.
    Analysis a = complete();
    part(a, 0, IssuePart::Origins) += " The TAF met.";
    a.plan[0].cell(PlanColumn::Who) = "";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), (Rules{ "jargon", "plan.noOwner" }));
    EXPECT_LT(positionOf(findings, "jargon"), positionOf(findings, "plan.noOwner"));
}

TEST(Review, FurtherQuestionsInDocumentOrder)
{
    // Regression: reviewConsiderations walks NotKnown, ParentsMotivation, RiskAndProtectiveBalance, not enum order.
    Analysis a = complete();
    a.consideration(Consideration::NotKnown) = "";
    a.consideration(Consideration::RiskAndProtectiveBalance) = "";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].place.index, static_cast<std::size_t>(Consideration::RiskAndProtectiveBalance));
    EXPECT_EQ(findings[1].place.index, static_cast<std::size_t>(Consideration::NotKnown));
}

TEST(Review, IssueTitleComesBeforeItsParts)
{
    // Regression: issue.noAction (placed at the issue title) is added after the findings on the issue's parts.
    Analysis a = complete();
    a.plan.pop_back();
    part(a, 1, IssuePart::Origins) = "";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(rulesOf(findings), (Rules{ "issue.noAction", "issue.noOrigins" }));
    EXPECT_LT(positionOf(findings, "issue.noAction"), positionOf(findings, "issue.noOrigins"));
}

TEST(Review, IssuesListsAndPlanInOrder)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::Who) = "";
    a.consideration(Consideration::AbsentFigures) = "";
    a.list(ListKind::SuccessSigns)[0].text = "Things are better";
    part(a, 1, IssuePart::ImpactOnChild) = "";
    part(a, 0, IssuePart::ImpactOnChild) = "";
    const std::vector<Finding> findings = findingsOf(a);
    std::vector<std::string> order;
    for (const Finding& f : findings)
        order.push_back(f.rule + (f.place.issue.empty() ? "" : ":" + f.place.issue));
    EXPECT_EQ(order, (std::vector<std::string>{ "issue.noImpact:sleep", "issue.noImpact:school",
                                                "successSign.notObservable", "consideration.unanswered",
                                                "plan.noOwner:sleep" }));
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

TEST(ParseDate, DayFirst)
{
    EXPECT_EQ(aa::parseDate("1/3/2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("01/03/2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("13/1/2027"), "2027-01-13");
    EXPECT_EQ(aa::parseDate("1/13/2027"), "") << "month first is not read";
}

TEST(ParseDate, TwoDigitYearIsThisCentury)
{
    EXPECT_EQ(aa::parseDate("01/03/27"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1/3/27"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("31/12/99"), "2099-12-31");
}

TEST(ParseDate, DayMonthYearInWords)
{
    EXPECT_EQ(aa::parseDate("1 March 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1 MARCH 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1 Mar 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("1 March, 2027"), "2027-03-01");
    EXPECT_EQ(aa::parseDate("by 30 September 2027"), "2027-09-30");
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
}

TEST(ParseDate, DayThatDoesNotExist)
{
    EXPECT_EQ(aa::parseDate("31 February 2027"), "");
    EXPECT_EQ(aa::parseDate("30 February 2028"), "");
    EXPECT_EQ(aa::parseDate("31 April 2027"), "");
    EXPECT_EQ(aa::parseDate("0 March 2027"), "");
    EXPECT_EQ(aa::parseDate("32/1/2027"), "");
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

TEST(ParseDate, NotDates)
{
    for (const char* text : { "soon", "", "   ", "next week", "March", "2027", "Easter 2027", "1 Marchy 2027",
                              "ASAP", "1.3.2027" })
    {
        SCOPED_TRACE(text);
        EXPECT_EQ(aa::parseDate(text), "");
    }
}

TEST(ParseDate, EndOfMonthIsRecognisedAsThatMonth)
{
    // What it returns today: "end", "of" and "by" are skipped, so this reads as "March 2027",
    // the first of the month: "2027-03-01" (see EndOfMonthIsTheLastDay).
    EXPECT_EQ(aa::parseDate("end of March 2027").substr(0, 7), "2027-03");
    EXPECT_EQ(aa::parseDate("end of March 2027").size(), 10u);
    EXPECT_EQ(aa::parseDate("by the end of March 2027").substr(0, 7), "2027-03");
}

TEST(ParseDate, EndOfMonthIsTheLastDay)
{
    // Regression: "end of March 2027" parses as "2027-03-01" (the first), not the last day of the month.
    EXPECT_EQ(aa::parseDate("end of March 2027"), "2027-03-31");
    EXPECT_EQ(aa::parseDate("end of February 2028"), "2028-02-29");
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
        const aa::SupervisionEntry e
            = aa::parseSupervisionEntry(std::string("{\"") + field + "\":\"Something said\"}");
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

TEST(SupervisionEntry, MalformedJsonRefused)
{
    for (const char* text : { "", "{", "{\"discussed\":\"x\"", "not json", "{\"discussed\":'x'}", "{} {}" })
    {
        SCOPED_TRACE(text);
        EXPECT_NE(refusal(text).find("not valid JSON"), std::string::npos) << refusal(text);
    }
}

TEST(SupervisionEntry, MalformedJsonMessageNamesTheSupervisionEntry)
{
    // Regression: parseSupervisionEntry reuses error.json, which says "The analysis is not valid JSON".
    const std::string message = refusal("{");
    EXPECT_EQ(message.find("analysis"), std::string::npos) << message;
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

// ---------------------------------------------------------------------------------------------
// findingsToJson

json::object parseObject(const std::string& text)
{
    return json::parse(text).as_object();
}

Finding makeFinding(const std::string& rule, aa::Severity severity, Place place)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.standard = "Standard 6";
    f.message = "A \"quoted\" message\nwith a line break and é";
    f.reason = rule == "plan.noOwner" ? "" : "Some reason";
    f.place = std::move(place);
    return f;
}

TEST(ReviewFindingsJson, NoFindings)
{
    const json::object root = parseObject(aa::findingsToJson({}));
    ASSERT_EQ(root.size(), 1u);
    EXPECT_TRUE(root.at("findings").as_array().empty());
}

TEST(ReviewFindingsJson, KeysAndPlaceFieldsPerKind)
{
    const std::vector<Finding> findings = {
        makeFinding("analysis.noStrengths", aa::Severity::Warning, Place{ Kind::Analysis, "", 0, 0 }),
        makeFinding("issue.noAction", aa::Severity::Error, Place{ Kind::IssueTitle, "sleep", 0, 0 }),
        makeFinding("issue.noImpact", aa::Severity::Error, Place{ Kind::IssuePart, "school", 2, 0 }),
        makeFinding("successSign.notObservable", aa::Severity::Warning,
                    Place{ Kind::ListItem, "", static_cast<std::size_t>(ListKind::SuccessSigns), 3 }),
        makeFinding("consideration.unanswered", aa::Severity::Warning,
                    Place{ Kind::Consideration, "", static_cast<std::size_t>(Consideration::AbsentFigures), 0 }),
        makeFinding("plan.noOwner", aa::Severity::Info, Place{ Kind::PlanRow, "sleep", 4, 0 }),
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
        { { "kind", "consideration" }, { "consideration", "absentFigures" } },
        { { "kind", "planRow" }, { "issue", "sleep" }, { "row", 4 } },
    };
    const char* const severities[] = { "warning", "error", "error", "warning", "warning", "info" };
    for (std::size_t i = 0; i < out.size(); ++i)
    {
        SCOPED_TRACE(findings[i].rule);
        const json::object& o = out[i].as_object();
        EXPECT_EQ(o.size(), 6u);
        EXPECT_EQ(o.at("rule").as_string(), findings[i].rule);
        EXPECT_EQ(o.at("severity").as_string(), severities[i]);
        EXPECT_EQ(o.at("standard").as_string(), "Standard 6");
        EXPECT_EQ(o.at("message").as_string(), findings[i].message);
        EXPECT_EQ(o.at("reason").as_string(), findings[i].reason);
        // Numbers may come back as int64 or uint64: compare through serialisation of both sides.
        EXPECT_EQ(json::serialize(o.at("place")), json::serialize(expectedPlaces[i]));
    }
}

TEST(ReviewFindingsJson, ReviewOutputRoundTrips)
{
    Analysis a = complete();
    a.plan[0].cell(PlanColumn::ByWhen) = "soon";
    part(a, 0, IssuePart::Origins) = "";
    a.consideration(Consideration::ParentsMotivation) = "Mum attended.";
    const std::vector<Finding> findings = findingsOf(a);
    ASSERT_EQ(findings.size(), 3u);
    const json::array out = parseObject(aa::findingsToJson(findings)).at("findings").as_array();
    ASSERT_EQ(out.size(), 3u);
    for (std::size_t i = 0; i < out.size(); ++i)
    {
        EXPECT_EQ(out[i].as_object().at("rule").as_string(), findings[i].rule);
        EXPECT_EQ(out[i].as_object().at("message").as_string(), findings[i].message);
    }
}

} // namespace
