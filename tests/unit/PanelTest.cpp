// The sidebar's logic (Panel.hpp), hasPlanAction, isBlank, and the issue commands behind the
// panel's Remove and Move buttons (planRemoveIssue, planMoveIssue) on blocks laid out as
// OdtFragment writes a document (aa::test::documentBlocks).
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "Json.hpp"
#include "Panel.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"
#include "Update.hpp"
#include "Utf8.hpp"

#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <optional>
#include <set>
#include <string>
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

std::string describe(const NewParagraph& p)
{
    std::string out = "<" + aa::styleName(p.role, p.index) + "|" + p.text + "|" + p.bookmark + "|";
    for (const std::string& link : p.links)
        out += link + ",";
    return out + ">";
}

std::string describe(const Edit& e)
{
    std::string out = e.kind == Edit::Kind::Replace       ? "Replace@"
                      : e.kind == Edit::Kind::InsertAfter ? "InsertAfter@"
                                                          : "Delete@";
    out += std::to_string(e.block);
    for (const NewParagraph& p : e.paragraphs)
        out += " " + describe(p);
    return out;
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

/// A paragraph as the glue writes it (issue paragraphs carry no links).
Paragraph written(const NewParagraph& p)
{
    EXPECT_TRUE(p.links.empty()) << describe(p);
    Paragraph out = aa::test::para(p.role, p.index, p.text);
    if (!p.text.empty())
        out.spans.push_back(aa::Span{ p.text, "", "" });
    if (!p.bookmark.empty())
    {
        out.bookmarks.push_back(p.bookmark);
        if (p.text.empty())
            out.emptyBookmarks.push_back(p.bookmark);
    }
    return out;
}

/// The blocks after the glue applied plan (DocumentUpdater): inserts at the blocks as they
/// were read, deletions last. Every edit must name a paragraph.
std::vector<Block> applied(const std::vector<Block>& blocks, const aa::UpdatePlan& plan)
{
    std::map<std::size_t, std::vector<Paragraph>> inserted;
    std::set<std::size_t> deleted;
    for (const Edit& e : plan.edits)
    {
        if (e.block >= blocks.size() || !std::holds_alternative<Paragraph>(blocks[e.block]))
        {
            ADD_FAILURE() << "edit on a block that is no paragraph: " << describe(e);
            continue;
        }
        switch (e.kind)
        {
            case Edit::Kind::Replace:
                ADD_FAILURE() << "unexpected " << describe(e);
                break;
            case Edit::Kind::InsertAfter:
            {
                std::vector<Paragraph> ps;
                for (const NewParagraph& p : e.paragraphs)
                    ps.push_back(written(p));
                EXPECT_TRUE(inserted.emplace(e.block, ps).second) << "two inserts after one block: " << describe(e);
                break;
            }
            case Edit::Kind::Delete:
                EXPECT_TRUE(e.paragraphs.empty()) << describe(e);
                EXPECT_TRUE(deleted.insert(e.block).second) << "deleted twice: " << describe(e);
                break;
        }
    }
    std::vector<Block> out;
    for (std::size_t i = 0; i < blocks.size(); ++i)
    {
        if (!deleted.count(i))
            out.push_back(blocks[i]);
        if (auto ins = inserted.find(i); ins != inserted.end())
            out.insert(out.end(), ins->second.begin(), ins->second.end());
    }
    return out;
}

/// The document after the plan is applied holds a's issues in this order, each as it was, and
/// the rest of the analysis unchanged.
void expectIssuesInOrder(const Doc& doc, const aa::UpdatePlan& plan, const std::vector<std::string>& order)
{
    const ReadResult after = aa::readAnalysis(applied(doc.blocks, plan));
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

        const ReadResult after = aa::readAnalysis(applied(doc.blocks, plan));
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
    const std::vector<Block> after = applied(doc.blocks, plan);
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
