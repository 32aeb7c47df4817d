// The sidebar's logic (Panel.hpp), hasPlanAction, isBlank, and the issue commands behind the
// panel's Remove and Move buttons (planRemoveIssue, planMoveIssue) on blocks laid out as
// OdtFragment writes a document (aa::test::documentBlocks).
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "Json.hpp"
#include "Panel.hpp"
#include "Plan.hpp"
#include "EditSupport.hpp"
#include "TestSupport.hpp"
#include "Update.hpp"
#include "Utf8.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <ostream>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace aa
{
/// Items print readably in failures.
void PrintTo(const Item& item, std::ostream* os)
{
    *os << "{" << ::testing::PrintToString(item.text) << ", issues " << ::testing::PrintToString(item.issues)
        << ", id " << ::testing::PrintToString(item.id) << "}";
}
} // namespace aa

namespace
{
using aa::Analysis;
using aa::Block;
using aa::Consideration;
using aa::Edit;
using aa::IssuePart;
using aa::Item;
using aa::ListKind;
using aa::NewParagraph;
using aa::Paragraph;
using aa::PlanColumn;
using aa::PlanRow;
using aa::ReadResult;
using aa::Role;
using aa::StyleRole;
using aa::Voice;
using aa::test::describe;
using aa::test::documentBlocks;
using aa::test::makeItem;

const std::string nbsp = "\xC2\xA0";

/// Three issues: a fully answered with an action in the plan, b half answered, c with nothing
/// but a title; linked items in every list; one further question answered.
Analysis base()
{
    return aa::withPlan(aa::parseAnalysis(R"({"schema":1,"issues":[
        {"id":"a","title":"Issue A","raisedBy":["practitioner","child"],"origins":"o1\no2","maintainingFactors":"m1","impactOnChild":"i1\ni2"},
        {"id":"b","title":"Issue B","raisedBy":["parents"],"origins":"bo","maintainingFactors":"","impactOnChild":"bi1\n\nbi3"},
        {"id":"c","title":"Issue C"}],
      "strengths":[{"text":"s1","issues":["a"]},{"text":"s2"}],
      "whatWouldHelp":[{"id":"h_one","text":"h1","issues":["a"]},{"id":"h_two","text":"h2","issues":["b","a"]},{"id":"h_own","text":"h3"}],
      "successSigns":[{"text":"sign a","issues":["a"]}],
      "considerations":{"notKnown":"n1\nn2"}})"));
}

std::vector<std::string> keysOf(const std::vector<aa::Question>& questions)
{
    std::vector<std::string> keys;
    for (const aa::Question& q : questions)
        keys.push_back(q.key);
    return keys;
}

std::vector<std::string> idsOf(const Analysis& a)
{
    std::vector<std::string> ids;
    for (const aa::Issue& issue : a.issues)
        ids.push_back(issue.id);
    return ids;
}

PlanRow planRow(const std::string& issue, const std::string& action)
{
    PlanRow row;
    row.cell(PlanColumn::Issue) = issue;
    row.cell(PlanColumn::Action) = action;
    return row;
}

// ---------------------------------------------------------------------------------------------
// isBlank

TEST(Utf8, IsBlankForSpacesTabsLineBreaksAndNoBreakSpaces)
{
    for (const std::string& text :
         { std::string(), std::string(" "), std::string("\t"), std::string("\r\n"), std::string("\n\n"), nbsp,
           nbsp + nbsp, " \t" + nbsp + "\r\n" + nbsp + " " })
        EXPECT_TRUE(aa::isBlank(text)) << aa::test::jsonQuote(text);
}

TEST(Utf8, IsBlankIsFalseForTextAndForBytesThatAreNotANoBreakSpace)
{
    for (const std::string& text :
         { std::string("x"), std::string(" x "), std::string("0"), std::string("\xC2"), std::string("\xC2 "),
           std::string(" \xC2"), std::string("\xA0"), std::string("\xC2\xA1"), std::string("\xA0\xC2"),
           std::string("\xE2\x80\x83") /* em space */, std::string("\v"), std::string("\f"), nbsp + "x",
           "\t" + nbsp + "." })
        EXPECT_FALSE(aa::isBlank(text)) << aa::test::jsonQuote(text);
}

// ---------------------------------------------------------------------------------------------
// hasPlanAction

TEST(HasPlanAction, ARowNamingTheIssueWithAnActionCounts)
{
    Analysis a = base();
    a.plan = { planRow("b", "Family support worker visits weekly") };
    EXPECT_TRUE(aa::hasPlanAction(a, "b"));
    EXPECT_FALSE(aa::hasPlanAction(a, "a")) << "another issue's row does not count";
    EXPECT_FALSE(aa::hasPlanAction(a, "c"));
    EXPECT_FALSE(aa::hasPlanAction(a, "")) << "no issue id matches the empty id of another row";
    a.plan.push_back(planRow("", "An action for no issue"));
    EXPECT_FALSE(aa::hasPlanAction(a, "a"));
}

TEST(HasPlanAction, BlankActionsDoNotCount)
{
    Analysis a = base();
    for (const std::string& action : { std::string(), std::string("  \t"), std::string("\n"), nbsp,
                                       " " + nbsp + "\n" + nbsp })
    {
        a.plan = { planRow("a", action) };
        EXPECT_FALSE(aa::hasPlanAction(a, "a")) << aa::test::jsonQuote(action);
    }
    // A row with an outcome but no action does not count either; a second row with one does.
    a.plan = { planRow("a", nbsp) };
    a.plan[0].cell(PlanColumn::Outcome) = "Things are better";
    EXPECT_FALSE(aa::hasPlanAction(a, "a"));
    a.plan.push_back(planRow("a", "x"));
    EXPECT_TRUE(aa::hasPlanAction(a, "a"));
    a.plan.clear();
    EXPECT_FALSE(aa::hasPlanAction(a, "a")) << "no plan, no action";
}

// ---------------------------------------------------------------------------------------------
// panelQuestions, isIssueQuestion

TEST(PanelQuestions, IssuePartsThenListsThenFurtherQuestionsWithoutTheTitle)
{
    const std::vector<aa::Question> questions = aa::panelQuestions();
    const std::vector<std::string> want = { "origins",
                                            "maintainingFactors",
                                            "impactOnChild",
                                            "strengths",
                                            "whatWouldHelp",
                                            "successSigns",
                                            "riskAndProtectiveBalance",
                                            "parentsMotivation",
                                            "notKnown",
                                            "absentFigures",
                                            "childUnderstanding",
                                            "parentsUnderstanding",
                                            "culturalAndLanguage",
                                            "patterns" };
    EXPECT_EQ(keysOf(questions), want);
    // The same questions as the catalogue, texts and all.
    std::map<std::string, aa::Question> catalogue;
    for (const aa::Question& q : aa::catalogue())
        catalogue.emplace(q.key, q);
    for (const aa::Question& q : questions)
    {
        SCOPED_TRACE(q.key);
        const aa::Question& c = catalogue.at(q.key);
        EXPECT_EQ(q.label, c.label);
        EXPECT_EQ(q.question, c.question);
        EXPECT_EQ(q.guidance, c.guidance);
        EXPECT_EQ(q.standard, c.standard);
        EXPECT_EQ(q.scope, c.scope);
        EXPECT_FALSE(q.label.empty());
    }
    EXPECT_EQ(questions.size() + 1, catalogue.size()) << "only the title is left out";
}

TEST(PanelQuestions, TextsComeFromTheStringsGiven)
{
    const aa::Strings strings = aa::Strings::parse("part.origins.label=Origines\npart.notKnown.question=Inconnu ?\n");
    const std::vector<aa::Question> questions = aa::panelQuestions(strings);
    ASSERT_EQ(questions.size(), 14u);
    EXPECT_EQ(questions[0].label, "Origines");
    EXPECT_EQ(questions[8].key, "notKnown");
    EXPECT_EQ(questions[8].question, "Inconnu ?");
}

TEST(IsIssueQuestion, OnlyTheThreeIssueParts)
{
    for (const char* key : { "origins", "maintainingFactors", "impactOnChild" })
        EXPECT_TRUE(aa::isIssueQuestion(key)) << key;
    for (const char* key : { "title", "strengths", "whatWouldHelp", "successSigns", "notKnown", "patterns", "",
                             "Origins", "origins ", "issue" })
        EXPECT_FALSE(aa::isIssueQuestion(key)) << key;
    // Every panel question that is asked of each issue, and no other.
    for (const aa::Question& q : aa::panelQuestions())
        EXPECT_EQ(aa::isIssueQuestion(q.key), q.scope == aa::QuestionScope::Issue) << q.key;
}

// ---------------------------------------------------------------------------------------------
// panelAnswer

TEST(PanelAnswer, IssuePartsNeedAnIssue)
{
    const Analysis a = base();
    EXPECT_EQ(aa::panelAnswer(a, 0, "origins"), "o1\no2");
    EXPECT_EQ(aa::panelAnswer(a, 1, "impactOnChild"), "bi1\n\nbi3");
    EXPECT_EQ(aa::panelAnswer(a, 1, "maintainingFactors"), "");
    EXPECT_EQ(aa::panelAnswer(a, std::nullopt, "origins"), "");
    EXPECT_EQ(aa::panelAnswer(a, 3, "origins"), "") << "out of range";
}

TEST(PanelAnswer, ListsOneItemPerLineAndFurtherQuestionsWithOrWithoutAnIssue)
{
    const Analysis a = base();
    for (const std::optional<std::size_t> issue : { std::optional<std::size_t>(), std::optional<std::size_t>(2) })
    {
        EXPECT_EQ(aa::panelAnswer(a, issue, "strengths"), "s1\ns2");
        EXPECT_EQ(aa::panelAnswer(a, issue, "whatWouldHelp"), "h1\nh2\nh3") << "the links are not shown";
        EXPECT_EQ(aa::panelAnswer(a, issue, "successSigns"), "sign a");
        EXPECT_EQ(aa::panelAnswer(a, issue, "notKnown"), "n1\nn2");
        EXPECT_EQ(aa::panelAnswer(a, issue, "patterns"), "");
        EXPECT_EQ(aa::panelAnswer(a, issue, "title"), "") << "the title is not a panel question";
        EXPECT_EQ(aa::panelAnswer(a, issue, "nonsense"), "");
    }
    Analysis empty = a;
    empty.list(ListKind::Strengths).clear();
    EXPECT_EQ(aa::panelAnswer(empty, std::nullopt, "strengths"), "");
}

// ---------------------------------------------------------------------------------------------
// setPanelAnswer

TEST(SetPanelAnswer, IssuePartIsWrittenWithLineBreaksNormalised)
{
    Analysis a = base();
    EXPECT_TRUE(aa::setPanelAnswer(a, 1, "maintainingFactors", "x1\r\ny2\rz3\r\n\r\n"));
    EXPECT_EQ(a.issues[1].part(IssuePart::MaintainingFactors), "x1\ny2\nz3") << "trailing line breaks go";
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "m1") << "only the selected issue";
    EXPECT_EQ(a.issues[2].part(IssuePart::MaintainingFactors), "");
    // A blank line in the middle stays: it is a paragraph.
    EXPECT_TRUE(aa::setPanelAnswer(a, 0, "origins", "p1\r\n\r\np3"));
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "p1\n\np3");
    EXPECT_EQ(aa::panelAnswer(a, 0, "origins"), "p1\n\np3");
}

TEST(SetPanelAnswer, FalseWhenNothingChanged)
{
    Analysis a = base();
    const Analysis before = a;
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "origins", "o1\no2"));
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "origins", "o1\r\no2\r\n")) << "only line breaks differ";
    EXPECT_FALSE(aa::setPanelAnswer(a, 1, "impactOnChild", aa::panelAnswer(a, 1, "impactOnChild")));
    EXPECT_FALSE(aa::setPanelAnswer(a, std::nullopt, "notKnown", "n1\rn2"));
    for (const aa::Question& q : aa::panelQuestions())
        for (std::size_t i = 0; i < a.issues.size(); ++i)
            EXPECT_FALSE(aa::setPanelAnswer(a, i, q.key, aa::panelAnswer(a, i, q.key)))
                << q.key << " of issue " << i << " shown and put back unchanged";
    EXPECT_TRUE(a == before) << aa::toJson(a);
}

TEST(SetPanelAnswer, IssuePartWithoutAnIssueOrWithAnUnknownKeyChangesNothing)
{
    Analysis a = base();
    const Analysis before = a;
    EXPECT_FALSE(aa::setPanelAnswer(a, std::nullopt, "origins", "new"));
    EXPECT_FALSE(aa::setPanelAnswer(a, 3, "origins", "new"));
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "title", "A new title"));
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "nonsense", "text"));
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "", "text"));
    EXPECT_TRUE(a == before) << aa::toJson(a);
}

TEST(SetPanelAnswer, FurtherQuestionNeedsNoIssue)
{
    Analysis a = base();
    EXPECT_TRUE(aa::setPanelAnswer(a, std::nullopt, "patterns", "Three referrals in two years\r\nNo follow-up\r\n"));
    EXPECT_EQ(a.consideration(Consideration::Patterns), "Three referrals in two years\nNo follow-up");
    EXPECT_TRUE(aa::setPanelAnswer(a, 1, "notKnown", ""));
    EXPECT_EQ(a.consideration(Consideration::NotKnown), "");
    for (const aa::Issue& issue : a.issues)
        for (const std::string& part : issue.parts)
            EXPECT_EQ(part.find("referrals"), std::string::npos) << "not written into an issue";
}

TEST(SetPanelAnswer, ListLineKeepsTheLinksAndIdOfItsItem)
{
    Analysis a = base();
    EXPECT_TRUE(aa::setPanelAnswer(a, 2, "whatWouldHelp", "h1 reworded\nh2\nh3 too"));
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp),
              (std::vector<Item>{ makeItem("h1 reworded", { "a" }, "h_one"), makeItem("h2", { "b", "a" }, "h_two"),
                                  makeItem("h3 too", {}, "h_own") }))
        << "the selected issue is not added to items that were there";
    EXPECT_EQ(a.list(ListKind::Strengths), base().list(ListKind::Strengths)) << "other lists untouched";
}

TEST(SetPanelAnswer, NewLinesBecomeItemsAboutTheSelectedIssue)
{
    Analysis a = base();
    EXPECT_TRUE(aa::setPanelAnswer(a, 1, "strengths", "s1\ns2\nGrandmother helps daily\nSchool is supportive"));
    EXPECT_EQ(a.list(ListKind::Strengths),
              (std::vector<Item>{ makeItem("s1", { "a" }), makeItem("s2"), makeItem("Grandmother helps daily", { "b" }),
                                  makeItem("School is supportive", { "b" }) }));
    // Without a selected issue (or with one out of range) a new item is about no issue.
    EXPECT_TRUE(aa::setPanelAnswer(a, std::nullopt, "successSigns", "sign a\nsign 2"));
    EXPECT_EQ(a.list(ListKind::SuccessSigns), (std::vector<Item>{ makeItem("sign a", { "a" }), makeItem("sign 2") }));
    EXPECT_TRUE(aa::setPanelAnswer(a, 7, "successSigns", "sign a\nsign 2\nsign 3"));
    EXPECT_EQ(a.list(ListKind::SuccessSigns).back(), makeItem("sign 3"));
}

TEST(SetPanelAnswer, ListDropsBlankLinesTrimsLinesAndNormalisesLineBreaks)
{
    Analysis a = base();
    const std::string typed = "\r\n  h1  \r\n\r\n \t\r" + nbsp + "\r\n\th2\rh3\r\n\r\nh4 \r\n \r\n";
    EXPECT_TRUE(aa::setPanelAnswer(a, 0, "whatWouldHelp", typed));
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp),
              (std::vector<Item>{ makeItem("h1", { "a" }, "h_one"), makeItem("h2", { "b", "a" }, "h_two"),
                                  makeItem("h3", {}, "h_own"), makeItem("h4", { "a" }) }))
        << "blank lines do not take an item's place";
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "whatWouldHelp", "h1\r\nh2\r\nh3\r\nh4\r\n")) << "nothing changed";
}

TEST(SetPanelAnswer, FewerLinesDropTheLastItems)
{
    Analysis a = base();
    EXPECT_TRUE(aa::setPanelAnswer(a, 0, "whatWouldHelp", "h1"));
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp), (std::vector<Item>{ makeItem("h1", { "a" }, "h_one") }));
    EXPECT_TRUE(aa::setPanelAnswer(a, 0, "whatWouldHelp", "\n \n"));
    EXPECT_TRUE(a.list(ListKind::WhatWouldHelp).empty());
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "whatWouldHelp", ""));
}

TEST(SetPanelAnswer, AnItemWithoutTextKeepsItsPlace)
{
    // Regression: panelAnswer shows an item that has links but no text as a blank line, and
    // setPanelAnswer dropped it, so every later item took the links and id (and so the plan
    // row) of the one before it, even when nothing was typed.
    Analysis a = base();
    std::vector<Item>& help = a.list(ListKind::WhatWouldHelp);
    help.insert(help.begin(), makeItem("", { "c" }, "h_blank"));
    help.push_back(makeItem("", { "b" }, "h_blank_last"));
    const std::vector<Item> before = help;
    const std::string shown = aa::panelAnswer(a, 0, "whatWouldHelp");
    EXPECT_EQ(shown, "\nh1\nh2\nh3\n");
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "whatWouldHelp", shown));
    EXPECT_FALSE(aa::setPanelAnswer(a, 0, "whatWouldHelp", "\r\nh1\r\nh2\r\nh3\r\n"));
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp), before);

    // Editing another line leaves the links of every item where they were.
    EXPECT_TRUE(aa::setPanelAnswer(a, 0, "whatWouldHelp", "\nh1\nh2 edited\nh3\n"));
    std::vector<Item> want = before;
    want[2].text = "h2 edited";
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp), want);

    // Typing on its line gives the item text; deleting its line removes it.
    EXPECT_TRUE(aa::setPanelAnswer(a, 0, "whatWouldHelp", "Now with words\nh1\nh2 edited\nh3"));
    want[0].text = "Now with words";
    want.pop_back();
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp), want);
}

// ---------------------------------------------------------------------------------------------
// emptyParts, issueListEntry, missingVoices, voicesLine, completenessLine

TEST(EmptyParts, TheLabelsOfBlankPartsInOrder)
{
    const Analysis a = base();
    EXPECT_TRUE(aa::emptyParts(a.issues[0]).empty());
    EXPECT_EQ(aa::emptyParts(a.issues[1]), (std::vector<std::string>{ "What keeps it going?" }));
    EXPECT_EQ(aa::emptyParts(a.issues[2]),
              (std::vector<std::string>{ "Why did it start?", "What keeps it going?",
                                         "What is the impact on the child?" }));
    aa::Issue blank = a.issues[0];
    blank.part(IssuePart::Origins) = " \n\t";
    blank.part(IssuePart::ImpactOnChild) = nbsp + "\n" + nbsp;
    EXPECT_EQ(aa::emptyParts(blank),
              (std::vector<std::string>{ "Why did it start?", "What is the impact on the child?" }))
        << "blank counts as empty";
    const aa::Strings strings = aa::Strings::parse("part.maintainingFactors.label=Maintien\n");
    EXPECT_EQ(aa::emptyParts(a.issues[1], strings), (std::vector<std::string>{ "Maintien" }));
}

TEST(IssueListEntry, NumberTitleAnsweredAndWhetherThePlanHasAnAction)
{
    Analysis a = base();
    ASSERT_TRUE(aa::hasPlanAction(a, "a"));
    ASSERT_TRUE(aa::hasPlanAction(a, "b")) << "the derived plan has a row for h2, about b first";
    EXPECT_EQ(aa::issueListEntry(a, 0), "1. Issue A (3 of 3 answered)");
    EXPECT_EQ(aa::issueListEntry(a, 1), "2. Issue B (2 of 3 answered)");
    EXPECT_EQ(aa::issueListEntry(a, 2), "3. Issue C (0 of 3 answered), no action yet");
    a.plan[1].cell(PlanColumn::Action) = nbsp;
    EXPECT_EQ(aa::issueListEntry(a, 1), "2. Issue B (2 of 3 answered), no action yet");
    a.issues[2].title = " " + nbsp;
    EXPECT_EQ(aa::issueListEntry(a, 2), "3. (untitled) (0 of 3 answered), no action yet");
    EXPECT_THROW(aa::issueListEntry(a, 3), std::out_of_range);
}

TEST(MissingVoices, TheVoicesNoIssueRecordsInOrder)
{
    Analysis a = base();
    EXPECT_EQ(aa::missingVoices(a), (std::vector<Voice>{ Voice::OtherWorkers, Voice::SignificantAdults }));
    a.issues[2].raisedBy = { Voice::Practitioner, Voice::SignificantAdults };
    EXPECT_EQ(aa::missingVoices(a), (std::vector<Voice>{ Voice::OtherWorkers }));
    a.issues[1].raisedBy.push_back(Voice::OtherWorkers);
    EXPECT_TRUE(aa::missingVoices(a).empty());
    a.issues.clear();
    EXPECT_EQ(aa::missingVoices(a).size(), aa::voiceCount);
}

TEST(VoicesLine, NoIssuesMissingVoicesOrAllHeard)
{
    Analysis a = base();
    EXPECT_EQ(aa::voicesLine(a), "No issue records the view of: other workers, other significant adults.");
    a.issues[0].raisedBy = { Voice::Practitioner, Voice::OtherWorkers, Voice::SignificantAdults };
    EXPECT_EQ(aa::voicesLine(a), "No issue records the view of: the child.");
    a.issues[2].raisedBy = { Voice::Child };
    EXPECT_EQ(aa::voicesLine(a), "Every voice is recorded in at least one issue.");
    a.issues.clear();
    EXPECT_EQ(aa::voicesLine(a), "No key issues yet: add the first one below.");
}

TEST(CompletenessLine, CountsIssuesWithEmptyPartsAndWithoutAnAction)
{
    Analysis a = base();
    EXPECT_EQ(aa::completenessLine(a), "Key issues: 3. With questions still empty: 2. With no action in the plan yet: 1.");
    a.plan.clear();
    a.issues[1].part(IssuePart::MaintainingFactors) = "bm";
    EXPECT_EQ(aa::completenessLine(a), "Key issues: 3. With questions still empty: 1. With no action in the plan yet: 3.");
    a.issues.clear();
    EXPECT_EQ(aa::completenessLine(a), "Key issues: 0. With questions still empty: 0. With no action in the plan yet: 0.");
}

// ---------------------------------------------------------------------------------------------
// newIssueId, addIssue

TEST(NewIssueId, NextNumberNotTaken)
{
    Analysis a;
    EXPECT_EQ(aa::newIssueId(a), "issue1");
    a = base();
    EXPECT_EQ(aa::newIssueId(a), "issue4");
    a.issues[0].id = "issue4";
    a.issues[1].id = "issue5";
    EXPECT_EQ(aa::newIssueId(a), "issue6") << "taken ids are skipped";
    a.issues.resize(1);
    a.issues[0].id = "issue2";
    EXPECT_EQ(aa::newIssueId(a), "issue3");
    EXPECT_TRUE(aa::isValidIssueId(aa::newIssueId(a)));
}

TEST(AddIssue, AppendsATrimmedOneLineTitleWithAFreeId)
{
    Analysis a = base();
    a.issues[0].id = "issue4"; // the id a naive count would give
    const std::size_t index = aa::addIssue(a, "  Housing is\r\nunsafe \r\n");
    ASSERT_EQ(index, 3u);
    ASSERT_EQ(a.issues.size(), 4u);
    const aa::Issue& added = a.issues[3];
    EXPECT_EQ(added.title, "Housing is unsafe");
    EXPECT_EQ(added.id, "issue5");
    EXPECT_TRUE(added.raisedBy.empty());
    for (const std::string& part : added.parts)
        EXPECT_EQ(part, "");
    EXPECT_EQ(idsOf(a), (std::vector<std::string>{ "issue4", "b", "c", "issue5" })) << "the others stay";

    EXPECT_EQ(aa::addIssue(a, "\tNo\rschool\nplace\t"), 4u);
    EXPECT_EQ(a.issues[4].title, "No school place") << "line breaks become spaces";
    EXPECT_EQ(a.issues[4].id, "issue6");
}

// ---------------------------------------------------------------------------------------------
// questionKeyAt

TEST(QuestionKeyAt, TitleAndAnswersByTheirStyle)
{
    for (const std::string& text : { std::string(), std::string("anything") })
    {
        EXPECT_EQ(aa::questionKeyAt({ Role::IssueTitle, 0 }, text), "title");
        EXPECT_EQ(aa::questionKeyAt({ Role::RaisedBy, 0 }, text), "title");
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
            EXPECT_EQ(aa::questionKeyAt({ Role::IssuePartAnswer, p }, text),
                      std::string(aa::jsonName(static_cast<IssuePart>(p))));
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
            EXPECT_EQ(aa::questionKeyAt({ Role::ListItem, k }, text),
                      std::string(aa::jsonName(static_cast<ListKind>(k))));
        for (std::size_t c = 0; c < aa::considerationCount; ++c)
            EXPECT_EQ(aa::questionKeyAt({ Role::ConsiderationAnswer, c }, text),
                      std::string(aa::jsonName(static_cast<Consideration>(c))));
    }
    EXPECT_EQ(aa::questionKeyAt({ Role::IssuePartAnswer, aa::issuePartCount }, "x"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::ListItem, aa::listKindCount }, "x"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::ConsiderationAnswer, aa::considerationCount }, "x"), std::nullopt);
}

TEST(QuestionKeyAt, QuestionLabelsByTheirText)
{
    for (const aa::Question& q : aa::catalogue())
    {
        EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, q.label), q.key) << q.label;
        EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "  " + q.label + "\t"), q.key) << "trimmed";
    }
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Why did it start? Because"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "why did it start?"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, ""), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Strengths found in the assessment"), std::nullopt)
        << "a section's heading text is not a question label";
    const aa::Strings strings = aa::Strings::parse("part.origins.label=Origines\n");
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Origines", strings), "origins");
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Why did it start?", strings), std::nullopt);
}

TEST(QuestionKeyAt, ListSectionsByTheirSubheading)
{
    const aa::Strings& strings = aa::Strings::builtIn();
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
    {
        const std::string key = aa::jsonName(static_cast<ListKind>(k));
        EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, strings.get("section." + key)), key);
    }
    EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, "How everyone will know things are better"), "successSigns");
    for (const char* section : { "section.issues", "section.considerations", "section.plan", "section.analysis",
                                 "section.supervision" })
        EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, strings.get(section)), std::nullopt) << section;
    EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, "My own heading"), std::nullopt);
}

TEST(QuestionKeyAt, NothingOutsideTheQuestionsAndAnswers)
{
    const std::string label = aa::test::label("origins");
    const std::string section = aa::Strings::builtIn().get("section.strengths");
    for (Role role : { Role::None, Role::Heading, Role::PlanHeader, Role::PlanCell, Role::PlanFlag,
                       Role::SupervisionHeader, Role::SupervisionCell })
        for (const std::string& text : { std::string(), std::string("text"), label, section })
            EXPECT_EQ(aa::questionKeyAt({ role, 0 }, text), std::nullopt)
                << aa::styleName(role) << " | " << text;
}

TEST(QuestionKeyAt, EveryRoleOfTheAnalysisStylesIsAnswered)
{
    // Which roles lead to a question; a new role added to allStyleRoles() without a decision
    // here fails.
    const std::set<Role> questionRoles = { Role::IssueTitle, Role::RaisedBy,           Role::Question,
                                           Role::Subheading, Role::IssuePartAnswer,    Role::ListItem,
                                           Role::ConsiderationAnswer };
    const std::set<Role> otherRoles = { Role::Heading, Role::PlanHeader, Role::PlanCell, Role::PlanFlag,
                                        Role::SupervisionHeader, Role::SupervisionCell };
    for (const StyleRole& r : aa::allStyleRoles())
    {
        SCOPED_TRACE(aa::styleName(r.role, r.index));
        ASSERT_TRUE(questionRoles.count(r.role) + otherRoles.count(r.role) == 1);
        const std::string text = r.role == Role::Subheading ? aa::Strings::builtIn().get("section.whatWouldHelp")
                                                            : aa::test::label("notKnown");
        EXPECT_EQ(aa::questionKeyAt(r, text).has_value(), questionRoles.count(r.role) == 1);
    }
}

// ---------------------------------------------------------------------------------------------
// findingRows, findingCounts

aa::Finding finding(aa::Severity severity, aa::Place::Kind kind, const std::string& message,
                    const std::string& issue = {}, std::size_t index = 0)
{
    aa::Finding f;
    f.rule = "test.rule";
    f.severity = severity;
    f.message = message;
    f.place.kind = kind;
    f.place.issue = issue;
    f.place.index = index;
    return f;
}

using RowView = std::pair<std::string, std::optional<std::size_t>>;

std::vector<RowView> viewOf(const std::vector<aa::FindingRow>& rows)
{
    std::vector<RowView> out;
    for (const aa::FindingRow& row : rows)
        out.emplace_back(row.text, row.finding);
    return out;
}

RowView heading(const std::string& text) { return { text, std::nullopt }; }

TEST(FindingRows, WholeAnalysisThenIssuesInDocumentOrderThenThePlan)
{
    using aa::Severity;
    using K = aa::Place::Kind;
    const std::vector<aa::Finding> findings = {
        finding(Severity::Warning, K::IssueTitle, "b title warning", "b"),          // 0
        finding(Severity::Info, K::PlanRow, "plan note", "", 0),                    // 1
        finding(Severity::Info, K::ListItem, "list note", "a", 1),                  // 2
        finding(Severity::Error, K::IssuePart, "b part error", "b", 2),             // 3
        finding(Severity::Warning, K::Consideration, "consideration warning", "", 3), // 4
        finding(Severity::Error, K::PlanRow, "plan error", "a", 1),                 // 5
        finding(Severity::Warning, K::IssuePart, "a warning", "a"),                 // 6
        finding(Severity::Error, K::Analysis, "analysis error"),                    // 7
        finding(Severity::Warning, K::IssuePart, "unknown issue warning", "gone"),  // 8
        finding(Severity::Warning, K::IssuePart, "b second warning", "b", 1),       // 9
        finding(Severity::Info, K::Analysis, "analysis note"),                      // 10
        finding(Severity::Error, K::IssueTitle, "unknown title error", "zz"),       // 11
    };
    const std::vector<RowView> want = {
        heading("The analysis as a whole"),
        { "    Error: analysis error", 7 },
        { "    Error: unknown title error", 11 },
        { "    Warning: consideration warning", 4 },
        { "    Warning: unknown issue warning", 8 },
        { "    Note: list note", 2 },
        { "    Note: analysis note", 10 },
        heading("Key issue: Issue A"),
        { "    Warning: a warning", 6 },
        heading("Key issue: Issue B"),
        { "    Error: b part error", 3 },
        { "    Warning: b title warning", 0 },
        { "    Warning: b second warning", 9 },
        heading("The action plan"),
        { "    Error: plan error", 5 },
        { "    Note: plan note", 1 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, base())), want)
        << "a list item or plan row about an issue stays in its own group; issue c has no findings, so no heading";
}

TEST(FindingRows, IssueGroupsFollowTheDocumentNotTheFindings)
{
    using aa::Severity;
    using K = aa::Place::Kind;
    Analysis a = base();
    std::swap(a.issues[0], a.issues[2]); // c, b, a
    const std::vector<aa::Finding> findings = {
        finding(Severity::Info, K::IssuePart, "a note", "a"),
        finding(Severity::Error, K::IssueTitle, "c error", "c"),
        finding(Severity::Warning, K::IssuePart, "b warning", "b"),
        finding(Severity::Warning, K::PlanRow, "plan warning"),
        finding(Severity::Error, K::IssuePart, "a error", "a"),
    };
    const std::vector<RowView> want = {
        heading("Key issue: Issue C"), { "    Error: c error", 1 },
        heading("Key issue: Issue B"), { "    Warning: b warning", 2 },
        heading("Key issue: Issue A"), { "    Error: a error", 4 },   { "    Note: a note", 0 },
        heading("The action plan"),    { "    Warning: plan warning", 3 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, a)), want) << "no whole-analysis findings, no such heading";
}

TEST(FindingRows, NoFindingsNoRowsAndWithoutIssuesEverythingButThePlanIsTheWholeAnalysis)
{
    EXPECT_TRUE(aa::findingRows({}, base()).empty());
    EXPECT_TRUE(aa::findingRows({}, Analysis()).empty());
    using aa::Severity;
    using K = aa::Place::Kind;
    const std::vector<aa::Finding> findings = {
        finding(Severity::Info, K::PlanRow, "plan note"),
        finding(Severity::Warning, K::IssuePart, "part warning", "a"),
        finding(Severity::Error, K::IssueTitle, "title error", ""),
    };
    const std::vector<RowView> want = {
        heading("The analysis as a whole"), { "    Error: title error", 2 }, { "    Warning: part warning", 1 },
        heading("The action plan"),         { "    Note: plan note", 0 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, Analysis())), want);
    EXPECT_EQ(viewOf(aa::findingRows({ findings[0] }, base())),
              (std::vector<RowView>{ heading("The action plan"), { "    Note: plan note", 0 } }));
}

TEST(FindingRows, EveryFindingOnceUnderOneHeadingSortedBySeverityAndStable)
{
    // Many findings in a fixed pseudo-random order: the structure holds whatever the order.
    const Analysis a = base();
    const std::vector<aa::Place::Kind> kinds = { aa::Place::Kind::Analysis,  aa::Place::Kind::IssueTitle,
                                                 aa::Place::Kind::IssuePart, aa::Place::Kind::ListItem,
                                                 aa::Place::Kind::Consideration, aa::Place::Kind::PlanRow };
    const std::vector<std::string> issueIds = { "a", "b", "c", "gone", "" };
    std::mt19937 rng(20240607u);
    std::vector<aa::Finding> findings;
    for (int i = 0; i < 300; ++i)
        findings.push_back(finding(static_cast<aa::Severity>(rng() % 3), kinds[rng() % kinds.size()],
                                   "finding " + std::to_string(i), issueIds[rng() % issueIds.size()]));
    auto groupOf = [&](const aa::Finding& f) -> std::string {
        if (f.place.kind == aa::Place::Kind::PlanRow)
            return "The action plan";
        if (f.place.kind == aa::Place::Kind::IssueTitle || f.place.kind == aa::Place::Kind::IssuePart)
            if (const aa::Issue* issue = a.findIssue(f.place.issue))
                return "Key issue: " + issue->title;
        return "The analysis as a whole";
    };
    const char* words[] = { "Error", "Warning", "Note" };

    const std::vector<aa::FindingRow> rows = aa::findingRows(findings, a);
    std::vector<std::string> headings;
    std::vector<int> seen(findings.size(), 0);
    std::optional<std::size_t> previous; // the finding on the row before, in the same group
    for (const aa::FindingRow& row : rows)
    {
        if (!row.finding)
        {
            headings.push_back(row.text);
            previous.reset();
            EXPECT_TRUE(&row != &rows.back() && (&row + 1)->finding) << "a heading without findings: " << row.text;
            continue;
        }
        ASSERT_LT(*row.finding, findings.size());
        ASSERT_FALSE(headings.empty()) << "a finding before any heading: " << row.text;
        const aa::Finding& f = findings[*row.finding];
        ++seen[*row.finding];
        EXPECT_EQ(row.text, std::string("    ") + words[static_cast<int>(f.severity)] + ": " + f.message);
        EXPECT_EQ(headings.back(), groupOf(f)) << row.text;
        if (previous)
        {
            const aa::Finding& p = findings[*previous];
            EXPECT_TRUE(p.severity < f.severity || (p.severity == f.severity && *previous < *row.finding))
                << "errors, then warnings, then notes, each in the order found: " << p.message << " before "
                << f.message;
        }
        previous = row.finding;
    }
    EXPECT_EQ(seen, std::vector<int>(findings.size(), 1)) << "every finding exactly once";
    EXPECT_EQ(headings, (std::vector<std::string>{ "The analysis as a whole", "Key issue: Issue A", "Key issue: Issue B",
                                                   "Key issue: Issue C", "The action plan" }));
    EXPECT_EQ(rows.size(), findings.size() + headings.size());
}

TEST(FindingRows, TextsComeFromTheStringsGiven)
{
    const aa::Strings strings = aa::Strings::parse("panel.review.group.analysis=Ensemble\n"
                                                   "panel.review.group.issue=Question « {1} »\n"
                                                   "panel.review.group.plan=Plan\n"
                                                   "panel.severity.error=Erreur\n"
                                                   "panel.severity.warning=Avertissement\n"
                                                   "panel.severity.info=Remarque\n");
    using aa::Severity;
    using K = aa::Place::Kind;
    const std::vector<aa::Finding> findings = { finding(Severity::Info, K::Analysis, "m0"),
                                                finding(Severity::Warning, K::IssuePart, "m1", "b"),
                                                finding(Severity::Error, K::PlanRow, "m2") };
    const std::vector<RowView> want = {
        heading("Ensemble"), { "    Remarque: m0", 0 }, heading("Question « Issue B »"), { "    Avertissement: m1", 1 },
        heading("Plan"),     { "    Erreur: m2", 2 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, base(), strings)), want);
}

TEST(FindingCounts, ErrorsWarningsAndNotes)
{
    using aa::Severity;
    using K = aa::Place::Kind;
    EXPECT_EQ(aa::findingCounts({}), "0 errors, 0 warnings, 0 notes.");
    const aa::Finding error = finding(Severity::Error, K::Analysis, "e");
    const aa::Finding warning = finding(Severity::Warning, K::PlanRow, "w");
    const aa::Finding note = finding(Severity::Info, K::IssuePart, "n", "a");
    EXPECT_EQ(aa::findingCounts({ error, warning, error }), "2 errors, 1 warnings, 0 notes.");
    EXPECT_EQ(aa::findingCounts({ note, warning, note, error, note, warning }), "1 errors, 2 warnings, 3 notes.");
    const aa::Strings strings = aa::Strings::parse("panel.review.counts={3} remarques, {2} avertissements, {1} erreurs");
    EXPECT_EQ(aa::findingCounts({ note, warning, note, error, note, warning }, strings),
              "3 remarques, 2 avertissements, 1 erreurs");
}

// ---------------------------------------------------------------------------------------------
// analysisHasParagraph

TEST(AnalysisHasParagraph, BlankParagraphsAlwaysAre)
{
    for (const Analysis& a : { base(), Analysis() })
        for (const char* key : { "title", "origins", "impactOnChild", "strengths", "whatWouldHelp", "notKnown",
                                 "patterns", "nonsense", "" })
            for (const std::string& paragraph : { std::string(), std::string(" "), std::string("\t"), nbsp,
                                                  " " + nbsp + "\t" })
                EXPECT_TRUE(aa::analysisHasParagraph(a, key, paragraph)) << key << " " << aa::test::jsonQuote(paragraph);
}

TEST(AnalysisHasParagraph, AnyLineOfTheIssuePartInAnyIssue)
{
    const Analysis a = base();
    for (const char* paragraph : { "o1", "o2", "bo" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, "origins", paragraph)) << paragraph;
    EXPECT_TRUE(aa::analysisHasParagraph(a, "maintainingFactors", "m1"));
    for (const char* paragraph : { "i1", "i2", "bi1", "bi3" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, "impactOnChild", paragraph)) << paragraph;
    // Not a line of that part: another part's, a piece of a line, a line with more, the whole text.
    for (const char* paragraph : { "m1", "i1", "o", "o1 ", "o1 typed by hand", "o1\no2", "bi2", "Issue A", "n1", "s1" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, "origins", paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, "maintainingFactors", "o1"));
    EXPECT_FALSE(aa::analysisHasParagraph(Analysis(), "origins", "o1")) << "no issues";
}

TEST(AnalysisHasParagraph, TitlesAndTheIdentifiedByLine)
{
    const Analysis a = base();
    for (const std::string& paragraph :
         { std::string("Issue A"), std::string("Issue C"), aa::test::raisedByText({ Voice::Practitioner, Voice::Child }),
           aa::test::raisedByText({}), aa::test::raisedByText({ Voice::OtherWorkers }) })
        EXPECT_TRUE(aa::analysisHasParagraph(a, "title", paragraph)) << paragraph;
    for (const char* paragraph : { "Issue D", "Issue", "issue a", "Issue A ", "Issue A renamed", "o1", "s1",
                                   "Issue A: renamed by hand with a colon" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, "title", paragraph)) << paragraph;
    Analysis untitled = a;
    for (aa::Issue& issue : untitled.issues)
        issue.title.clear();
    EXPECT_FALSE(aa::analysisHasParagraph(untitled, "title", "Issue A"));
}

TEST(AnalysisHasParagraph, ListItemsByTheirTextFollowedByTheirLinks)
{
    Analysis a = base();
    for (const char* paragraph : { "s1", "s1 (about: Issue A)", "s2" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, "strengths", paragraph)) << paragraph;
    for (const char* paragraph : { "h1 (about: Issue A)", "h2 (about: Issue B, Issue A)", "h3" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, "whatWouldHelp", paragraph)) << paragraph;
    EXPECT_TRUE(aa::analysisHasParagraph(a, "successSigns", "sign a (about: Issue A)"));
    for (const char* paragraph : { "s3", "x s1", "s", "S1", "h1", "sign a", "(about: Issue A)" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, "strengths", paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, "successSigns", "sign b"));
    // An item without text (links only) is not the start of every paragraph.
    a.list(ListKind::Strengths).push_back(makeItem("", { "b" }));
    EXPECT_FALSE(aa::analysisHasParagraph(a, "strengths", "Typed in the document"));
    a.list(ListKind::Strengths).clear();
    EXPECT_FALSE(aa::analysisHasParagraph(a, "strengths", "s1"));
}

TEST(AnalysisHasParagraph, FurtherQuestionsByLine)
{
    Analysis a = base();
    EXPECT_TRUE(aa::analysisHasParagraph(a, "notKnown", "n1"));
    EXPECT_TRUE(aa::analysisHasParagraph(a, "notKnown", "n2"));
    for (const char* paragraph : { "n", "n3", "n1\nn2", "n1 and more", "o1" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, "notKnown", paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, "patterns", "n1")) << "another question's line";
    a.consideration(Consideration::Patterns) = "p1\n\np3";
    EXPECT_TRUE(aa::analysisHasParagraph(a, "patterns", "p3"));
}

TEST(AnalysisHasParagraph, UnknownKeysAlwaysAre)
{
    for (const Analysis& a : { base(), Analysis() })
        for (const char* key : { "nonsense", "", "Origins", "section.strengths" })
            EXPECT_TRUE(aa::analysisHasParagraph(a, key, "Anything typed here")) << key;
}

TEST(AnalysisHasParagraph, EveryParagraphTheWriterMakesIsAndAChangedOneIsNot)
{
    // The cursor follower asks about the paragraphs of the document as the writer lays them out.
    const Analysis a = base();
    std::size_t checked = 0;
    for (const Block& block : documentBlocks(a))
    {
        const Paragraph* p = std::get_if<Paragraph>(&block);
        if (!p)
            continue;
        const StyleRole role = aa::roleOfStyle(p->style);
        if (role.role == Role::Question || role.role == Role::Subheading)
            continue; // question labels and section headings are not answers
        const std::optional<std::string> key = aa::questionKeyAt(role, p->text);
        if (!key)
            continue;
        ++checked;
        EXPECT_TRUE(aa::analysisHasParagraph(a, *key, p->text)) << *key << ": " << p->text;
        if (aa::isBlank(p->text) || role.role == Role::RaisedBy)
            continue;
        EXPECT_FALSE(aa::analysisHasParagraph(a, *key, "Typed " + p->text)) << *key << ": " << p->text;
    }
    // 3 titles, 3 "Identified by" lines, 13 answer lines, 6 list items, 9 further-question lines.
    EXPECT_EQ(checked, 34u);
}

// ---------------------------------------------------------------------------------------------
// mergePanelEdits

/// The update command parses what the panel sends it, so the merged analysis must pass.
::testing::AssertionResult updatable(const Analysis& a)
{
    try
    {
        aa::parseAnalysis(aa::toJson(a), aa::Strings::builtIn(), aa::ParseMode::Update);
        return ::testing::AssertionSuccess();
    }
    catch (const std::exception& e)
    {
        return ::testing::AssertionFailure() << e.what() << "\n" << aa::toJson(a);
    }
}

std::multiset<std::string> asMultiset(const std::vector<std::string>& keys) { return { keys.begin(), keys.end() }; }

TEST(MergePanelEdits, NoChangesAnywhereGivesTheDocumentsAnalysis)
{
    const Analysis a = base();
    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(a, a, a, &conflicts);
    EXPECT_TRUE(merged == a) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(aa::mergePanelEdits(a, a, a) == a) << "conflicts need not be asked for";
}

/// base() with a change of every kind made in the document by hand.
Analysis changedInTheDocument()
{
    Analysis current = base();
    current.issues[0].title = "Issue A renamed in the document";
    current.issues[0].raisedBy = { Voice::Parents };
    current.issues[1].part(IssuePart::Origins) = "bo\ntyped in the document";
    current.issues[2].part(IssuePart::ImpactOnChild) = "typed under c";
    current.issues[0].part(IssuePart::ImpactOnChild) = "";
    current.list(ListKind::Strengths).push_back(makeItem("s3 typed", { "c" }));
    current.list(ListKind::WhatWouldHelp)[1].text = "h2 reworded in the document";
    current.list(ListKind::SuccessSigns).clear();
    current.consideration(Consideration::Patterns) = "patterns typed";
    current.consideration(Consideration::NotKnown) = "";
    current.plan.at(0).cell(PlanColumn::Outcome) = "outcome typed";
    current.plan.push_back(planRow("c", "an action typed"));
    aa::Issue d;
    d.id = "d";
    d.title = "Issue D typed in the document";
    d.part(IssuePart::Origins) = "do";
    current.issues.insert(current.issues.begin() + 1, d);
    current.unplaced.push_back("stray text");
    return current;
}

TEST(MergePanelEdits, OnlyTheDocumentChangedGivesTheDocumentsAnalysis)
{
    const Analysis current = changedInTheDocument();
    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), base(), current, &conflicts);
    EXPECT_TRUE(merged == current) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEdits, TheSameChangeOnBothSidesIsNoConflict)
{
    // As when the document was read back after the panel's own write.
    const Analysis current = changedInTheDocument();
    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), current, current, &conflicts);
    EXPECT_TRUE(merged == current) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty()) << ::testing::PrintToString(conflicts);
}

TEST(MergePanelEdits, OnlyThePanelChangedGivesThePanelsValues)
{
    Analysis draft = base();
    draft.issues[1].title = "Issue B renamed in the panel";
    draft.issues[2].raisedBy = { Voice::Child, Voice::SignificantAdults };
    draft.issues[0].raisedBy.clear();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "origins", "o1\npanel line"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 1, "impactOnChild", ""));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 2, "whatWouldHelp", "h1 reworded\nh2\nh3\nh4 from the panel"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 2, "successSigns", ""));
    ASSERT_TRUE(aa::setPanelAnswer(draft, std::nullopt, "notKnown", "n1"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, std::nullopt, "absentFigures", "Father abroad"));
    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, base(), &conflicts);
    EXPECT_TRUE(merged == draft) << aa::toJson(merged);
    EXPECT_EQ(merged.list(ListKind::WhatWouldHelp),
              (std::vector<Item>{ makeItem("h1 reworded", { "a" }, "h_one"), makeItem("h2", { "b", "a" }, "h_two"),
                                  makeItem("h3", {}, "h_own"), makeItem("h4 from the panel", { "c" }) }))
        << "links and ids as the panel left them";
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, BothChangedDifferentThingsGetsBoth)
{
    Analysis draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "origins", "o1\no2\npanel origins"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 2, "strengths", "s1\ns2\npanel strength"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, std::nullopt, "notKnown", "n1\nn2\npanel unknown"));
    draft.issues[1].title = "B from the panel";
    draft.issues[2].raisedBy = { Voice::Child };

    Analysis current = base();
    current.issues[0].part(IssuePart::MaintainingFactors) = "m1\ndocument factor";
    current.issues[1].part(IssuePart::Origins) = "document origins of b";
    current.issues[2].title = "C from the document";
    current.issues[0].raisedBy = { Voice::Practitioner };
    current.list(ListKind::WhatWouldHelp)[0].text = "h1 in the document";
    current.consideration(Consideration::Patterns) = "document patterns";

    Analysis want = current;
    want.issues[0].part(IssuePart::Origins) = "o1\no2\npanel origins";
    want.list(ListKind::Strengths).push_back(makeItem("panel strength", { "c" }));
    want.consideration(Consideration::NotKnown) = "n1\nn2\npanel unknown";
    want.issues[1].title = "B from the panel";
    want.issues[2].raisedBy = { Voice::Child };

    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    EXPECT_TRUE(merged == want) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty()) << ::testing::PrintToString(conflicts);
}

TEST(MergePanelEdits, BothChangedTheSameAnswerKeepsBothTextsTheDocumentsFirst)
{
    Analysis draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "origins", "o1\no2\npanel line"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 1, "origins", "bo\npanel b"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "impactOnChild", "i1 from the panel"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, std::nullopt, "notKnown", "panel n"));
    Analysis current = base();
    current.issues[0].part(IssuePart::Origins) = "o1\ndocument line\no2";
    current.issues[1].part(IssuePart::Origins) = "document b";
    current.consideration(Consideration::NotKnown) = "n1\nn2\ndocument n";
    current.consideration(Consideration::Patterns) = "document patterns";

    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1\ndocument line\no2\no1\no2\npanel line");
    EXPECT_EQ(merged.issues[1].part(IssuePart::Origins), "document b\nbo\npanel b");
    EXPECT_EQ(merged.consideration(Consideration::NotKnown), "n1\nn2\ndocument n\npanel n");
    EXPECT_EQ(merged.issues[0].part(IssuePart::ImpactOnChild), "i1 from the panel") << "changed in the panel only";
    EXPECT_EQ(merged.consideration(Consideration::Patterns), "document patterns") << "changed in the document only";
    EXPECT_EQ(merged.issues[2].part(IssuePart::Origins), "");
    EXPECT_EQ(asMultiset(conflicts), (std::multiset<std::string>{ "origins", "notKnown" }))
        << "each key once, though two issues' origins clash";
}

TEST(MergePanelEdits, TitleOrIdentifiedByChangedOnBothSidesKeepsTheDocuments)
{
    Analysis draft = base();
    draft.issues[0].title = "A from the panel";
    draft.issues[1].raisedBy = { Voice::Child };
    draft.issues[2].title = "C from the panel";
    draft.issues[2].raisedBy = { Voice::Parents };
    Analysis current = base();
    current.issues[0].title = "A from the document";
    current.issues[1].raisedBy = { Voice::OtherWorkers };
    current.issues[2].title = "C from the document";
    current.issues[2].raisedBy = { Voice::Parents, Voice::SignificantAdults };

    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    EXPECT_TRUE(merged == current) << aa::toJson(merged);
    EXPECT_EQ(conflicts, std::vector<std::string>{ "title" }) << "once, for four clashes";

    // The identified-by line alone clashing is reported as the title too.
    conflicts.clear();
    draft = base();
    draft.issues[1].raisedBy = { Voice::Child };
    current = base();
    current.issues[1].raisedBy = {};
    EXPECT_TRUE(aa::mergePanelEdits(base(), draft, current, &conflicts) == current);
    EXPECT_EQ(conflicts, std::vector<std::string>{ "title" });

    // A blank title from the panel against one typed in the document: still the document's.
    conflicts.clear();
    draft = base();
    draft.issues[0].title = "";
    current = base();
    current.issues[0].title = "A typed";
    EXPECT_EQ(aa::mergePanelEdits(base(), draft, current, &conflicts).issues[0].title, "A typed");
    EXPECT_EQ(conflicts, std::vector<std::string>{ "title" });
}

TEST(MergePanelEdits, BlankDraftOrBlankDocumentOnConflict)
{
    // The panel cleared what the document changed: the document's text stays, and it is a clash.
    Analysis draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "origins", ""));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 1, "impactOnChild", " \n" + nbsp));
    Analysis current = base();
    current.issues[0].part(IssuePart::Origins) = "o1\no2\ntyped";
    current.issues[1].part(IssuePart::ImpactOnChild) = "bi1 typed";
    std::vector<std::string> conflicts;
    Analysis merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1\no2\ntyped");
    EXPECT_EQ(merged.issues[1].part(IssuePart::ImpactOnChild), "bi1 typed");
    EXPECT_EQ(asMultiset(conflicts), (std::multiset<std::string>{ "origins", "impactOnChild" }));

    // The document's text was deleted (or left blank) while the panel changed it: the panel's.
    draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "origins", "o1\npanel"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "impactOnChild", "i1\ni2\npanel"));
    current = base();
    current.issues[0].part(IssuePart::Origins) = "";
    current.issues[0].part(IssuePart::ImpactOnChild) = nbsp + "\n ";
    conflicts.clear();
    merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1\npanel");
    EXPECT_EQ(merged.issues[0].part(IssuePart::ImpactOnChild), "i1\ni2\npanel");
    EXPECT_EQ(asMultiset(conflicts), (std::multiset<std::string>{ "origins", "impactOnChild" }));

    // Both cleared it: nothing to keep, no clash.
    draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "origins", ""));
    current = base();
    current.issues[0].part(IssuePart::Origins) = "";
    conflicts.clear();
    EXPECT_EQ(aa::mergePanelEdits(base(), draft, current, &conflicts).issues[0].part(IssuePart::Origins), "");
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEdits, FurtherQuestionsAndAnswersThreeWay)
{
    struct Case
    {
        std::string base, draft, current, want;
        bool conflict;
    };
    const std::vector<Case> cases = {
        { "n", "n", "n", "n", false },
        { "n", "n", "doc", "doc", false },
        { "n", "n", "", "", false },
        { "n", "pan", "n", "pan", false },
        { "n", "", "n", "", false },
        { "n", "same", "same", "same", false },
        { "n", "", "", "", false },
        { "n", "pan", "doc", "doc\npan", true },
        { "", "pan", "doc", "doc\npan", true },
        { "n1\nn2", "n1\nn2\npan", "n1\ndoc\nn2", "n1\ndoc\nn2\nn1\nn2\npan", true },
        { "n", "", "doc", "doc", true },
        { "n", " \n" + nbsp, "doc", "doc", true },
        { "n", "pan", "", "pan", true },
        { "n", "pan", nbsp, "pan", true },
    };
    for (const Case& c : cases)
    {
        SCOPED_TRACE(aa::test::jsonQuote(c.base) + " " + aa::test::jsonQuote(c.draft) + " " + aa::test::jsonQuote(c.current));
        for (std::size_t k = 0; k < aa::considerationCount; ++k)
        {
            Analysis b = base(), d = base(), now = base();
            b.considerations[k] = c.base;
            d.considerations[k] = c.draft;
            now.considerations[k] = c.current;
            std::vector<std::string> conflicts;
            const Analysis merged = aa::mergePanelEdits(b, d, now, &conflicts);
            EXPECT_EQ(merged.considerations[k], c.want) << jsonName(static_cast<Consideration>(k));
            EXPECT_EQ(conflicts, c.conflict ? std::vector<std::string>{ jsonName(static_cast<Consideration>(k)) }
                                            : std::vector<std::string>{});
            for (std::size_t other = 0; other < aa::considerationCount; ++other)
                EXPECT_EQ(merged.considerations[other], other == k ? c.want : base().considerations[other]);
        }
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
        {
            Analysis b = base(), d = base(), now = base();
            b.issues[2].parts[p] = c.base;
            d.issues[2].parts[p] = c.draft;
            now.issues[2].parts[p] = c.current;
            std::vector<std::string> conflicts;
            const Analysis merged = aa::mergePanelEdits(b, d, now, &conflicts);
            EXPECT_EQ(merged.issues[2].parts[p], c.want) << jsonName(static_cast<IssuePart>(p));
            EXPECT_EQ(conflicts, c.conflict ? std::vector<std::string>{ jsonName(static_cast<IssuePart>(p)) }
                                            : std::vector<std::string>{});
        }
    }
}

TEST(MergePanelEdits, IssueAddedInThePanelIsAppended)
{
    Analysis draft = base();
    const std::size_t added = aa::addIssue(draft, "Added in the panel");
    ASSERT_EQ(draft.issues[added].id, "issue4");
    ASSERT_TRUE(aa::setPanelAnswer(draft, added, "origins", "np1\nnp2"));
    draft.issues[added].raisedBy = { Voice::Child };
    ASSERT_TRUE(aa::setPanelAnswer(draft, added, "strengths", "s1\ns2\nabout the new issue"));
    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, base(), &conflicts);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "a", "b", "c", "issue4" }));
    ASSERT_EQ(merged.issues.size(), 4u);
    EXPECT_TRUE(merged.issues[3] == draft.issues[added]);
    EXPECT_EQ(merged.list(ListKind::Strengths).back(), makeItem("about the new issue", { "issue4" }));
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, IssueAddedInTheDocumentByHandIsKept)
{
    Analysis current = base();
    aa::Issue d;
    d.id = "d";
    d.title = "Typed in the document";
    d.raisedBy = { Voice::Parents };
    d.part(IssuePart::Origins) = "typed origins";
    current.issues.insert(current.issues.begin() + 1, d);
    Analysis draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "origins", "o1 from the panel"));
    aa::addIssue(draft, "Added in the panel");
    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "a", "d", "b", "c", "issue4" }));
    ASSERT_EQ(merged.issues.size(), 5u);
    EXPECT_TRUE(merged.issues[1] == d);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1 from the panel");
    EXPECT_EQ(merged.issues[4].title, "Added in the panel");
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEdits, IssueRemovedFromTheDocumentStaysRemoved)
{
    Analysis current = base();
    current.issues.erase(current.issues.begin() + 1);
    current.list(ListKind::WhatWouldHelp)[1].issues = { "a" }; // the reader drops links to a missing heading
    Analysis draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 1, "origins", "bo\nchanged in the panel"));
    draft.issues[1].title = "B renamed in the panel";
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "maintainingFactors", "m1\nm2"));
    const Analysis merged = aa::mergePanelEdits(base(), draft, current);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "a", "c" }));
    EXPECT_EQ(merged.issues[0].part(IssuePart::MaintainingFactors), "m1\nm2") << "other panel edits still apply";
    EXPECT_EQ(merged.list(ListKind::WhatWouldHelp), current.list(ListKind::WhatWouldHelp));
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, TheDocumentsIssueOrderAndPlanAreKept)
{
    Analysis draft = base();
    std::swap(draft.issues[0], draft.issues[2]);
    draft.plan.at(0).cell(PlanColumn::Action) = "panel action";
    draft.plan.push_back(planRow("c", "another panel action"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, 2, "origins", "o1 from the panel")); // issue a, now third
    Analysis current = base();
    std::swap(current.issues[0], current.issues[1]);
    current.plan.at(0).cell(PlanColumn::Outcome) = "document outcome";
    current.plan.at(1).flagged = true;
    const Analysis merged = aa::mergePanelEdits(base(), draft, current);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "b", "a", "c" }));
    EXPECT_EQ(merged.plan, current.plan);
    EXPECT_EQ(merged.issues[1].part(IssuePart::Origins), "o1 from the panel");
}

TEST(MergePanelEdits, ListChangedOnBothSidesKeepsTheDocumentsItemsAndAddsThePanelsNewOnes)
{
    Analysis current = base();
    std::vector<Item>& now = current.list(ListKind::WhatWouldHelp);
    now[1].text = "h2 reworded in the document";
    now.erase(now.begin() + 2); // h3 deleted in the document
    now.push_back(makeItem("typed in the document", { "c" }, "help_typed"));
    Analysis draft = base();
    std::vector<Item>& want = draft.list(ListKind::WhatWouldHelp);
    want[0].issues = { "a", "c" };                             // text still in base and current
    want.push_back(makeItem("added in the panel", { "b" }));   // new
    want.push_back(makeItem("typed in the document", { "a" })); // typed on both sides
    // Strengths changed identically on both sides: no clash.
    current.list(ListKind::Strengths).push_back(makeItem("s3", { "b" }));
    draft.list(ListKind::Strengths).push_back(makeItem("s3", { "b" }));

    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    EXPECT_EQ(merged.list(ListKind::WhatWouldHelp),
              (std::vector<Item>{ makeItem("h1", { "a" }, "h_one"),
                                  makeItem("h2 reworded in the document", { "b", "a" }, "h_two"),
                                  makeItem("typed in the document", { "c" }, "help_typed"),
                                  makeItem("added in the panel", { "b" }) }))
        << "the document's items as they are, then the panel's items new to both";
    EXPECT_EQ(merged.list(ListKind::Strengths), current.list(ListKind::Strengths));
    EXPECT_EQ(merged.list(ListKind::SuccessSigns), base().list(ListKind::SuccessSigns));
    EXPECT_EQ(conflicts, std::vector<std::string>{ "whatWouldHelp" });
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, AnItemRewordedInThePanelWhileTheDocumentsListChangedGivesAnAnalysisTheUpdateTakes)
{
    // Regression: the panel's reworded line keeps its item's id (setPanelAnswer), and the
    // document still holds that item; the merge kept both with one id, which the update command
    // rejects as a duplicate, so the panel's Update failed as long as the clash lasted.
    Analysis draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 0, "whatWouldHelp", "h1\nh2 reworded in the panel\nh3"));
    Analysis current = base();
    current.list(ListKind::WhatWouldHelp).push_back(makeItem("typed in the document", {}, "help_typed"));
    std::vector<std::string> conflicts;
    const Analysis merged = aa::mergePanelEdits(base(), draft, current, &conflicts);
    const std::vector<Item>& items = merged.list(ListKind::WhatWouldHelp);
    ASSERT_EQ(items.size(), 5u);
    EXPECT_EQ(std::vector<Item>(items.begin(), items.begin() + 4), current.list(ListKind::WhatWouldHelp))
        << "the document's items keep their ids, so their plan rows stay theirs";
    EXPECT_EQ(items[4].text, "h2 reworded in the panel");
    EXPECT_EQ(items[4].issues, (std::vector<std::string>{ "b", "a" }));
    EXPECT_EQ(conflicts, std::vector<std::string>{ "whatWouldHelp" });
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, LinksToAnIssueRemovedFromTheDocumentAreDropped)
{
    // Regression: items the panel linked to an issue that the document no longer has went to the
    // update command, which rejects a link to an unknown issue.
    Analysis current = base();
    current.issues.erase(current.issues.begin() + 1); // b deleted by hand
    current.list(ListKind::WhatWouldHelp)[1].issues = { "a" };
    Analysis draft = base();
    ASSERT_TRUE(aa::setPanelAnswer(draft, 1, "strengths", "s1\ns2\nabout b")); // document's list unchanged
    ASSERT_TRUE(aa::setPanelAnswer(draft, 1, "whatWouldHelp", "h1\nh2\nh3\nhelp about b")); // document's changed
    const Analysis merged = aa::mergePanelEdits(base(), draft, current);
    EXPECT_EQ(merged.list(ListKind::Strengths),
              (std::vector<Item>{ makeItem("s1", { "a" }), makeItem("s2"), makeItem("about b") }));
    EXPECT_EQ(merged.list(ListKind::WhatWouldHelp).back(), makeItem("help about b"));
    EXPECT_EQ(merged.list(ListKind::WhatWouldHelp)[1], makeItem("h2", { "a" }, "h_two"));
    EXPECT_TRUE(updatable(merged));
}

/// Small random analyses for the merge's property test, from few distinct texts so that the
/// three sides often agree, and changed the ways the panel or the document change them.
class RandomAnalyses
{
public:
    explicit RandomAnalyses(std::uint32_t seed) : rng_(seed) {}

    std::size_t pick(std::size_t n) { return rng_() % n; }
    bool chance(unsigned percent) { return rng_() % 100 < percent; }

    std::string line()
    {
        static const std::vector<std::string> lines = { "x", "y", "z", "w", "", " ", nbsp };
        return lines[pick(lines.size())];
    }
    std::string text()
    {
        std::string out;
        for (std::size_t i = 0, n = pick(4); i < n; ++i)
            out += (i ? "\n" : "") + line();
        return out;
    }
    std::string changedText(const std::string& was) { return chance(50) ? was + "\n" + line() : text(); }
    std::string title()
    {
        static const std::vector<std::string> titles = { "T1", "T2", "T3", "", " " };
        return titles[pick(titles.size())];
    }
    std::string itemText()
    {
        static const std::vector<std::string> texts = { "i1", "i2", "i3", "i4", "" };
        return texts[pick(texts.size())];
    }
    std::vector<Voice> voices()
    {
        std::vector<Voice> out;
        for (std::size_t v = 0; v < aa::voiceCount; ++v)
            if (chance(30))
                out.push_back(static_cast<Voice>(v));
        return out;
    }
    std::vector<std::string> links(const Analysis& a)
    {
        std::vector<std::string> out;
        for (const aa::Issue& issue : a.issues)
            if (chance(30))
                out.push_back(issue.id);
        return out;
    }
    aa::Issue issue(const std::string& id)
    {
        aa::Issue issue;
        issue.id = id;
        issue.title = title();
        issue.raisedBy = voices();
        for (std::string& part : issue.parts)
            part = text();
        return issue;
    }
    Item item(const Analysis& a, std::size_t kind, const std::string& id)
    {
        return makeItem(itemText(), links(a), kind == static_cast<std::size_t>(ListKind::WhatWouldHelp) ? id : "");
    }

    Analysis base()
    {
        Analysis a;
        for (std::size_t i = 0, n = 1 + pick(3); i < n; ++i)
            a.issues.push_back(issue(std::string(1, static_cast<char>('a' + i))));
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
            for (std::size_t i = 0, n = pick(4); i < n; ++i)
                a.lists[k].push_back(item(a, k, freshId("w")));
        for (std::string& c : a.considerations)
            if (chance(40))
                c = text();
        a.plan = { planRow(a.issues[0].id, "act") };
        return a;
    }

    /// base as the panel (panel true) or the document changed it.
    Analysis changed(const Analysis& base, bool panel)
    {
        Analysis a = base;
        for (aa::Issue& issue : a.issues)
        {
            if (chance(15))
                issue.title = title();
            if (chance(15))
                issue.raisedBy = voices();
            for (std::string& part : issue.parts)
                if (chance(25))
                    part = changedText(part);
        }
        if (panel && chance(20))
            a.issues.push_back(issue(freshId("panel")));
        if (!panel && chance(20))
            a.issues.insert(a.issues.begin() + static_cast<std::ptrdiff_t>(pick(a.issues.size() + 1)),
                            issue(freshId("doc")));
        if (!panel && a.issues.size() > 1 && chance(20))
        {
            // Deleted by hand: the reader drops the links to it.
            const auto gone = a.issues.begin() + static_cast<std::ptrdiff_t>(pick(a.issues.size()));
            const std::string id = gone->id;
            a.issues.erase(gone);
            for (std::vector<Item>& items : a.lists)
                for (Item& item : items)
                    item.issues.erase(std::remove(item.issues.begin(), item.issues.end(), id), item.issues.end());
        }
        if (!panel && a.issues.size() > 1 && chance(15))
            std::swap(a.issues[0], a.issues[a.issues.size() - 1]);
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
        {
            std::vector<Item>& items = a.lists[k];
            if (!items.empty() && chance(25))
                items[pick(items.size())].text = itemText(); // reworded: links and id stay
            if (!items.empty() && chance(15))
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(pick(items.size())));
            if (chance(25))
                items.push_back(item(a, k, panel ? std::string() : freshId("doc")));
        }
        for (std::string& c : a.considerations)
            if (chance(15))
                c = changedText(c);
        if (!panel && chance(15))
            a.plan.push_back(planRow(a.issues[0].id, "typed"));
        if (!panel && chance(10))
            a.unplaced.push_back("stray");
        return a;
    }

private:
    std::string freshId(const std::string& prefix) { return prefix + std::to_string(++next_); }

    std::mt19937 rng_;
    std::size_t next_ = 0;
};

bool hasLine(const std::string& text, const std::string& line)
{
    const std::vector<std::string> lines = aa::splitParagraphs(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

bool hasItemText(const std::vector<Item>& items, const std::string& text)
{
    return std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.text == text; });
}

/// One answer's promises: what only one side changed is that side's; where both changed it,
/// every non-blank line of both is still there and nothing else is, and the clash is reported.
void expectMergedText(const std::string* was, const std::string* want, const std::string& now,
                      const std::string& got, const std::string& key, std::set<std::string>& clashes)
{
    SCOPED_TRACE(key);
    if (!was || !want || *want == *was)
    {
        EXPECT_EQ(got, now) << "not changed in the panel: the document's";
        return;
    }
    if (now == *was)
    {
        EXPECT_EQ(got, *want) << "changed in the panel only: the panel's";
        return;
    }
    for (const std::string& line : aa::splitParagraphs(now))
        EXPECT_TRUE(aa::isBlank(line) || hasLine(got, line))
            << "the document's line " << aa::test::jsonQuote(line) << " lost";
    for (const std::string& line : aa::splitParagraphs(*want))
        EXPECT_TRUE(aa::isBlank(line) || hasLine(got, line)) << "the panel's line " << aa::test::jsonQuote(line) << " lost";
    for (const std::string& line : aa::splitParagraphs(got))
        EXPECT_TRUE(hasLine(now, line) || hasLine(*want, line)) << aa::test::jsonQuote(line) << " from nowhere";
    if (*want != now)
        clashes.insert(key);
}

void expectMergedList(const std::vector<Item>& was, const std::vector<Item>& want, const std::vector<Item>& now,
                      const std::vector<Item>& got, const std::string& key, std::set<std::string>& clashes)
{
    SCOPED_TRACE(key);
    auto textsOf = [](const std::vector<Item>& items) {
        std::vector<std::string> texts;
        for (const Item& item : items)
            texts.push_back(item.text);
        return texts;
    };
    if (want == was)
    {
        EXPECT_EQ(got, now) << "not changed in the panel: the document's";
        return;
    }
    if (now == was)
    {
        EXPECT_EQ(textsOf(got), textsOf(want)) << "changed in the panel only: the panel's";
        return;
    }
    ASSERT_GE(got.size(), now.size());
    EXPECT_EQ(std::vector<Item>(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(now.size())), now)
        << "the document's items first, as they are";
    for (const Item& item : want)
        EXPECT_TRUE(hasItemText(was, item.text) || hasItemText(got, item.text))
            << "the panel's new item " << aa::test::jsonQuote(item.text) << " lost";
    if (want != now)
        clashes.insert(key);
}

TEST(MergePanelEdits, NeverLosesTextTypedInTheDocumentOrThePanel)
{
    RandomAnalyses random(20240607u);
    std::size_t withClashes = 0, withRemovedIssues = 0, withPanelIssues = 0;
    for (int n = 0; n < 400 && !::testing::Test::HasFailure(); ++n)
    {
        const Analysis b = random.base();
        const Analysis d = random.changed(b, true);
        const Analysis c = random.changed(b, false);
        SCOPED_TRACE(::testing::Message() << "case " << n << "\nbase    " << aa::toJson(b) << "\ndraft   "
                                          << aa::toJson(d) << "\ncurrent " << aa::toJson(c));
        std::vector<std::string> conflicts;
        const Analysis m = aa::mergePanelEdits(b, d, c, &conflicts);

        // The document's issues, in its order, each with what the panel may change.
        std::set<std::string> clashes;
        ASSERT_GE(m.issues.size(), c.issues.size());
        for (std::size_t i = 0; i < c.issues.size(); ++i)
        {
            const aa::Issue& now = c.issues[i];
            const aa::Issue& got = m.issues[i];
            ASSERT_EQ(got.id, now.id);
            const aa::Issue* was = b.findIssue(now.id);
            const aa::Issue* want = d.findIssue(now.id);
            // The title is the document's, unless only the panel changed it.
            if (was && want && now.title == was->title)
                EXPECT_EQ(got.title, want->title);
            else
                EXPECT_EQ(got.title, now.title);
            if (was && want && now.raisedBy == was->raisedBy)
                EXPECT_EQ(got.raisedBy, want->raisedBy);
            else
                EXPECT_EQ(got.raisedBy, now.raisedBy);
            if (was && want
                && ((now.title != was->title && want->title != was->title && want->title != now.title)
                    || (now.raisedBy != was->raisedBy && want->raisedBy != was->raisedBy && want->raisedBy != now.raisedBy)))
                clashes.insert("title");
            for (std::size_t p = 0; p < aa::issuePartCount; ++p)
                expectMergedText(was ? &was->parts[p] : nullptr, want ? &want->parts[p] : nullptr, now.parts[p],
                                 got.parts[p], jsonName(static_cast<IssuePart>(p)), clashes);
        }
        for (const aa::Issue& issue : b.issues)
        {
            withRemovedIssues += !c.findIssue(issue.id);
            // Panel edits to an issue deleted from the document cannot be written: reported.
            const aa::Issue* want = d.findIssue(issue.id);
            if (!c.findIssue(issue.id) && want && !(*want == issue))
                clashes.insert("title");
        }
        // Then the issues added in the panel, as the panel has them.
        std::vector<aa::Issue> added;
        for (const aa::Issue& issue : d.issues)
            if (!b.findIssue(issue.id) && !c.findIssue(issue.id))
                added.push_back(issue);
        withPanelIssues += !added.empty();
        EXPECT_EQ(std::vector<aa::Issue>(m.issues.begin() + static_cast<std::ptrdiff_t>(c.issues.size()), m.issues.end()),
                  added);
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
            expectMergedList(b.lists[k], d.lists[k], c.lists[k], m.lists[k], jsonName(static_cast<ListKind>(k)),
                             clashes);
        for (std::size_t k = 0; k < aa::considerationCount; ++k)
            expectMergedText(&b.considerations[k], &d.considerations[k], c.considerations[k], m.considerations[k],
                             jsonName(static_cast<Consideration>(k)), clashes);
        EXPECT_EQ(m.plan, c.plan);
        EXPECT_EQ(m.unplaced, c.unplaced);
        EXPECT_EQ(asMultiset(conflicts), std::multiset<std::string>(clashes.begin(), clashes.end()))
            << "each clash once, and nothing else";
        EXPECT_TRUE(updatable(m));
        withClashes += !clashes.empty();
    }
    // The cases were worth running.
    EXPECT_GT(withClashes, 100u);
    EXPECT_GT(withPanelIssues, 40u);
    EXPECT_GT(withRemovedIssues, 20u);
}

// ---------------------------------------------------------------------------------------------
// planRemoveIssue, planMoveIssue

/// The document's blocks and what readAnalysis makes of them.
struct Doc
{
    std::vector<Block> blocks;
    ReadResult read;
};

Doc readDoc(std::vector<Block> blocks)
{
    Doc doc{ std::move(blocks), {} };
    doc.read = aa::readAnalysis(doc.blocks);
    return doc;
}

/// a's document, with block inserted before the block at index.
Doc withBlockBefore(const Analysis& a, std::size_t index, Block block)
{
    std::vector<Block> blocks = documentBlocks(a);
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(index), std::move(block));
    return readDoc(std::move(blocks));
}

std::multiset<std::string> describe(const std::vector<Edit>& edits)
{
    std::multiset<std::string> out;
    for (const Edit& e : edits)
        out.insert(describe(e));
    return out;
}

/// Delete edits for the blocks first..last.
std::multiset<std::string> deletes(std::size_t first, std::size_t last)
{
    std::multiset<std::string> out;
    for (std::size_t b = first; b <= last; ++b)
        out.insert(describe(Edit{ Edit::Kind::Delete, b, {} }));
    return out;
}

/// The blocks after the glue applied plan (DocumentUpdater); moves and removals never replace.
std::vector<Block> applied(const std::vector<Block>& blocks, const aa::UpdatePlan& plan, const Analysis& titles)
{
    for (const Edit& e : plan.edits)
        EXPECT_NE(e.kind, Edit::Kind::Replace) << "unexpected " << describe(e);
    return aa::test::applyEdits(blocks, plan.edits, titles);
}

/// The document after the plan is applied holds a's issues in this order, each as it was, and
/// the rest of the analysis unchanged.
void expectIssuesInOrder(const Doc& doc, const aa::UpdatePlan& plan, const std::vector<std::string>& order)
{
    const ReadResult after = aa::readAnalysis(applied(doc.blocks, plan, doc.read.analysis));
    ASSERT_TRUE(after.found);
    const Analysis& was = doc.read.analysis;
    const Analysis& now = after.analysis;
    EXPECT_EQ(idsOf(now), order);
    for (const aa::Issue& issue : now.issues)
    {
        SCOPED_TRACE("issue " + issue.id);
        const aa::Issue* before = was.findIssue(issue.id);
        ASSERT_TRUE(before);
        EXPECT_TRUE(issue == *before) << aa::toJson(now);
    }
    for (std::size_t i = 0; i < now.issues.size(); ++i)
        EXPECT_TRUE(after.layout.issues[i].bookmarkIntact) << "issue " << i;
    EXPECT_EQ(now.lists, was.lists);
    EXPECT_EQ(now.considerations, was.considerations);
    EXPECT_EQ(now.plan, was.plan);
    EXPECT_EQ(now.unplaced, was.unplaced);
}

TEST(PlanRemoveIssue, DeletesExactlyTheIssuesBlocks)
{
    const Analysis a = base();
    const Doc doc = readDoc(documentBlocks(a));
    ASSERT_TRUE(doc.read.analysis == a) << aa::toJson(doc.read.analysis);
    const std::vector<std::vector<std::string>> left = { { "b", "c" }, { "a", "c" }, { "a", "b" } };
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        SCOPED_TRACE("issue " + std::to_string(i));
        const aa::IssueLayout& where = doc.read.layout.issues[i];
        const aa::UpdatePlan plan = aa::planRemoveIssue(doc.read, i);
        EXPECT_EQ(describe(plan.edits), deletes(where.title, where.last));
        EXPECT_GE(where.last, where.title + 7) << "title, identified by, three labels, a paragraph under each";
        EXPECT_TRUE(plan.addedIssues.empty());
        EXPECT_TRUE(plan.keptIssues.empty());

        const ReadResult after = aa::readAnalysis(applied(doc.blocks, plan, doc.read.analysis));
        ASSERT_TRUE(after.found);
        EXPECT_EQ(idsOf(after.analysis), left[i]);
        for (const aa::Issue& issue : after.analysis.issues)
            EXPECT_TRUE(issue == *a.findIssue(issue.id)) << issue.id;
        EXPECT_EQ(after.analysis.considerations, a.considerations);
        EXPECT_EQ(after.analysis.plan, a.plan) << "the plan is not touched";
        EXPECT_TRUE(after.analysis.unplaced.empty());
        // The items keep their text; links to the removed issue are gone with its heading.
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
        {
            ASSERT_EQ(after.analysis.lists[k].size(), a.lists[k].size());
            for (std::size_t n = 0; n < a.lists[k].size(); ++n)
            {
                EXPECT_EQ(after.analysis.lists[k][n].text, a.lists[k][n].text);
                for (const std::string& id : after.analysis.lists[k][n].issues)
                    EXPECT_NE(id, a.issues[i].id);
            }
        }
    }
}

TEST(PlanRemoveIssue, IndexOutOfRangeOrNoAnalysisThrows)
{
    const Doc doc = readDoc(documentBlocks(base()));
    EXPECT_THROW(aa::planRemoveIssue(doc.read, 3), aa::InputError);
    EXPECT_THROW(aa::planRemoveIssue(doc.read, static_cast<std::size_t>(-1)), aa::InputError);
    EXPECT_THROW(aa::planRemoveIssue(ReadResult{}, 0), aa::InputError);
    try
    {
        aa::planRemoveIssue(doc.read, 3);
        ADD_FAILURE() << "no exception";
    }
    catch (const aa::InputError& e)
    {
        EXPECT_EQ(std::string(e.what()), "There is no key issue number 4.");
    }
}

TEST(PlanMoveIssue, NoNeighbourThatWayThrows)
{
    const Doc doc = readDoc(documentBlocks(base()));
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, true), aa::InputError) << "first up";
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 2, false), aa::InputError) << "last down";
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 3, true), aa::InputError) << "out of range";
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 3, false), aa::InputError) << "out of range";
    EXPECT_THROW(aa::planMoveIssue(ReadResult{}, {}, 0, false), aa::InputError) << "no analysis";
    Analysis one = base();
    one.issues.resize(1);
    one.lists = {};
    one.plan.clear();
    const Doc single = readDoc(documentBlocks(one));
    EXPECT_THROW(aa::planMoveIssue(single.read, single.blocks, 0, true), aa::InputError);
    EXPECT_THROW(aa::planMoveIssue(single.read, single.blocks, 0, false), aa::InputError);
}

TEST(PlanMoveIssue, UpRewritesTheIssueBeforeItsNeighbourAndDeletesItsBlocks)
{
    const Analysis a = base();
    const Doc doc = readDoc(documentBlocks(a));
    const aa::IssueLayout& first = doc.read.layout.issues[0];
    const aa::IssueLayout& second = doc.read.layout.issues[1];
    ASSERT_EQ(aa::test::paragraphAt(doc.blocks, first.title - 1).text, "Key issues");

    const aa::UpdatePlan plan = aa::planMoveIssue(doc.read, doc.blocks, 1, true);
    const std::vector<NewParagraph> rewrite = aa::issueParagraphs(a.issues[1]);
    std::multiset<std::string> want = deletes(second.title, second.last);
    want.insert(describe(Edit{ Edit::Kind::InsertAfter, first.title - 1, rewrite }));
    EXPECT_EQ(describe(plan.edits), want);
    EXPECT_TRUE(plan.addedIssues.empty());
    EXPECT_TRUE(plan.keptIssues.empty());

    // The rewrite is the whole issue, its heading with the bookmark the links point to.
    ASSERT_FALSE(rewrite.empty());
    EXPECT_EQ(rewrite.front().role, Role::IssueTitle);
    EXPECT_EQ(rewrite.front().text, "Issue B");
    EXPECT_EQ(rewrite.front().bookmark, "AA_issue_b");
    EXPECT_EQ(rewrite.size(), second.last - second.title + 1) << "one paragraph for every block it replaces";

    expectIssuesInOrder(doc, plan, { "b", "a", "c" });
}

TEST(PlanMoveIssue, DownIsTheNeighbourMovingUp)
{
    const Doc doc = readDoc(documentBlocks(base()));
    for (std::size_t i = 0; i + 1 < doc.read.analysis.issues.size(); ++i)
    {
        SCOPED_TRACE("issue " + std::to_string(i));
        const aa::UpdatePlan down = aa::planMoveIssue(doc.read, doc.blocks, i, false);
        const aa::UpdatePlan up = aa::planMoveIssue(doc.read, doc.blocks, i + 1, true);
        EXPECT_EQ(describe(down.edits), describe(up.edits));
        EXPECT_FALSE(down.edits.empty());
    }
    expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 0, false), { "b", "a", "c" });
    expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, false), { "a", "c", "b" });
}

TEST(PlanMoveIssue, TheLastIssueUpGoesAfterTheFirst)
{
    const Analysis a = base();
    const Doc doc = readDoc(documentBlocks(a));
    const aa::IssueLayout& second = doc.read.layout.issues[1];
    const aa::IssueLayout& third = doc.read.layout.issues[2];
    const aa::UpdatePlan plan = aa::planMoveIssue(doc.read, doc.blocks, 2, true);
    std::multiset<std::string> want = deletes(third.title, third.last);
    want.insert(describe(Edit{ Edit::Kind::InsertAfter, second.title - 1, aa::issueParagraphs(a.issues[2]) }));
    EXPECT_EQ(describe(plan.edits), want);
    EXPECT_EQ(second.title - 1, doc.read.layout.issues[0].last);
    expectIssuesInOrder(doc, plan, { "a", "c", "b" });
}

TEST(PlanMoveIssue, WorksOnADocumentWhoseStylesWereLost)
{
    const Doc doc = readDoc(documentBlocks(base(), { false, true }));
    ASSERT_EQ(idsOf(doc.read.analysis), (std::vector<std::string>{ "a", "b", "c" }));
    ASSERT_EQ(doc.read.analysis.issues[1].title, "Issue B");
    ASSERT_EQ(doc.read.analysis.issues[1].part(IssuePart::Origins), "bo");
    expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, true), { "b", "a", "c" });
}

TEST(PlanMoveIssue, ATableInTheIssueThrows)
{
    const Analysis a = base();
    const aa::Layout layout = readDoc(documentBlocks(a)).read.layout;
    aa::Table table;
    table.rows.push_back({ aa::Cell{ aa::test::plain("Genogram", "Table Contents") } });
    // Between b's last two answers: inside the issue.
    const Doc doc = withBlockBefore(a, layout.issues[1].parts[2].back(), table);
    ASSERT_TRUE(doc.read.analysis.issues[1] == a.issues[1]) << aa::toJson(doc.read.analysis);
    ASSERT_TRUE(std::holds_alternative<aa::Table>(doc.blocks[doc.read.layout.issues[1].last - 1]));
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, false), aa::InputError) << "b moving up";
    // The issue written again is the one moving up: b moving down is c moving up, and b, not
    // written again, may hold anything; its table stays in it.
    const aa::UpdatePlan plan = aa::planMoveIssue(doc.read, doc.blocks, 1, false);
    expectIssuesInOrder(doc, plan, { "a", "c", "b" });
    const std::vector<Block> after = applied(doc.blocks, plan, doc.read.analysis);
    const ReadResult moved = aa::readAnalysis(after);
    ASSERT_EQ(moved.layout.issues.size(), 3u);
    EXPECT_TRUE(std::holds_alternative<aa::Table>(after.at(moved.layout.issues[2].last - 1)));
}

TEST(PlanMoveIssue, TextTheRewriteWouldNotCarryThrows)
{
    const Analysis a = base();
    const aa::Layout layout = readDoc(documentBlocks(a)).read.layout;
    {
        SCOPED_TRACE("words added to the \"Identified by\" line");
        std::vector<Block> blocks = documentBlocks(a);
        std::get<Paragraph>(blocks[*layout.issues[1].raisedBy]).text += " and the health visitor";
        const Doc doc = readDoc(std::move(blocks));
        ASSERT_EQ(doc.read.analysis.issues[1].raisedBy, a.issues[1].raisedBy) << "the reader still sees the voices";
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, false), aa::InputError);
    }
    {
        SCOPED_TRACE("a paragraph the reader could not place");
        const Doc doc = withBlockBefore(a, layout.issues[1].title + 1, aa::test::plain("A note to self"));
        ASSERT_EQ(doc.read.analysis.unplaced, (std::vector<std::string>{ "A note to self" }));
        ASSERT_TRUE(doc.read.analysis.issues[1] == a.issues[1]) << aa::toJson(doc.read.analysis);
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, false), aa::InputError);
        SCOPED_TRACE("c moving up does not touch b");
        expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, false), { "a", "c", "b" });
    }
    {
        SCOPED_TRACE("a question label reworded");
        std::vector<Block> blocks = documentBlocks(a);
        std::get<Paragraph>(blocks[*layout.issues[2].questions[1]]).text = "What keeps it going, and who?";
        const Doc doc = readDoc(std::move(blocks));
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 2, true), aa::InputError);
    }
    {
        SCOPED_TRACE("blank paragraphs are nothing to lose");
        const Doc doc = withBlockBefore(a, layout.issues[1].title + 1, aa::test::plain(" \t "));
        ASSERT_TRUE(doc.read.analysis.issues[1] == a.issues[1]) << aa::toJson(doc.read.analysis);
        ASSERT_TRUE(doc.read.analysis.unplaced.empty());
        expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, true), { "b", "a", "c" });
    }
    {
        SCOPED_TRACE("text without our style that joined an answer is carried");
        const Doc doc = withBlockBefore(a, layout.issues[1].parts[0].back() + 1, aa::test::plain("bo2"));
        ASSERT_EQ(doc.read.analysis.issues[1].part(IssuePart::Origins), "bo\nbo2");
        expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, true), { "b", "a", "c" });
    }
}

TEST(PlanMoveIssue, ATableJustBeforeTheNeighbourThrowsInsteadOfAnchoringThere)
{
    // Regression: the rewrite went after the block before the neighbour's heading even when
    // that block was a table (one after the issue before, which the reader does not count as
    // part of it), and an insert can only follow a paragraph.
    const Analysis a = base();
    const aa::Layout layout = readDoc(documentBlocks(a)).read.layout;
    aa::Table table;
    table.rows.push_back({ aa::Cell{ aa::test::plain("Chronology", "Table Contents") } });
    const Doc doc = withBlockBefore(a, layout.issues[1].title, table);
    ASSERT_TRUE(std::holds_alternative<aa::Table>(doc.blocks[doc.read.layout.issues[1].title - 1]));
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 2, true), aa::InputError);
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, false), aa::InputError);
    // Moving b itself anchors before a, and the table stays where it is.
    expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, true), { "b", "a", "c" });
}

} // namespace

// ---------------------------------------------------------------------------------------------
// mergePanelEdits: ids taken meanwhile, edits to issues deleted meanwhile

TEST(MergePanelEditsIds, AnIssueAddedInThePanelWhoseIdTheDocumentTookGetsAFreeIdAndItsLinks)
{
    aa::Analysis base;
    base.issues.push_back({ "issue1", "One", {}, { "a", "b", "c" } });
    aa::Analysis draft = base;
    const std::size_t added = aa::addIssue(draft, "Typed in the panel");
    ASSERT_EQ(draft.issues[added].id, "issue2");
    draft.list(aa::ListKind::WhatWouldHelp).push_back({ "Help for the panel's issue", { "issue2" }, {} });
    aa::Analysis current = base;
    current.issues.push_back({ "issue2", "Typed in the document", {}, { "x", "", "" } });
    std::vector<std::string> conflicts;
    const aa::Analysis merged = aa::mergePanelEdits(base, draft, current, &conflicts);
    ASSERT_EQ(merged.issues.size(), 3u);
    EXPECT_EQ(merged.issues[1].title, "Typed in the document");
    EXPECT_EQ(merged.issues[1].id, "issue2");
    EXPECT_EQ(merged.issues[2].title, "Typed in the panel");
    EXPECT_NE(merged.issues[2].id, "issue2");
    EXPECT_NE(merged.issues[2].id, "issue1");
    ASSERT_EQ(merged.list(aa::ListKind::WhatWouldHelp).size(), 1u);
    EXPECT_EQ(merged.list(aa::ListKind::WhatWouldHelp)[0].issues, std::vector<std::string>{ merged.issues[2].id });
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEditsIds, EditsToAnIssueDeletedInTheDocumentAreReported)
{
    aa::Analysis base;
    base.issues.push_back({ "issue1", "One", {}, { "a", "b", "c" } });
    base.issues.push_back({ "issue2", "Two", {}, { "d", "e", "f" } });
    aa::Analysis draft = base;
    draft.issues[1].part(aa::IssuePart::Origins) = "changed in the panel";
    aa::Analysis current = base;
    current.issues.pop_back();
    std::vector<std::string> conflicts;
    const aa::Analysis merged = aa::mergePanelEdits(base, draft, current, &conflicts);
    EXPECT_EQ(merged.issues.size(), 1u);
    EXPECT_EQ(conflicts, std::vector<std::string>{ "title" });
    // Unchanged in the panel: no report.
    conflicts.clear();
    aa::mergePanelEdits(base, base, current, &conflicts);
    EXPECT_TRUE(conflicts.empty());
}
