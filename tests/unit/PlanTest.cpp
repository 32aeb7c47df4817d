// derivePlan / planRowFor / hasPlanAction / assignItemIds / withPlan: the action plan follows
// from the analysis (Standard 6).
#include "AnalysisShapes.hpp"
#include "Json.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace
{
using aa::Analysis;
using aa::Item;
using aa::ListKind;
using aa::PlanColumn;
using aa::PlanRow;
using aa::test::makeItem;
using aa::test::nbsp;
using aa::test::partlyAnswered;
using aa::test::planRow;

Analysis threeIssues()
{
    Analysis a;
    for (const char* id : { "a", "b", "c" })
    {
        aa::Issue issue;
        issue.id = id;
        issue.title = std::string("Title ") + id;
        a.issues.push_back(issue);
    }
    return a;
}

Item must(const std::string& text, const std::vector<std::string>& issues, const std::string& id)
{
    Item item = makeItem(text, issues, id);
    item.must = true;
    item.ifNot = "a conference";
    return item;
}

Item sign(const std::string& text, const std::vector<std::string>& items, const std::vector<std::string>& issues = {})
{
    Item item = makeItem(text, issues);
    item.items = items;
    return item;
}

/// The cells derivePlan leaves for the practitioner are empty, and the row is not flagged.
void expectOnlyOutcomeAndAction(const PlanRow& row)
{
    for (PlanColumn c : { PlanColumn::Issue, PlanColumn::Who, PlanColumn::Priority, PlanColumn::ByWhen,
                          PlanColumn::Progress, PlanColumn::Review, PlanColumn::Contingency })
        EXPECT_EQ(row.cell(c), "") << aa::jsonName(c);
    EXPECT_FALSE(row.flagged);
}

std::vector<std::string> actions(const std::vector<PlanRow>& plan)
{
    std::vector<std::string> out;
    for (const PlanRow& row : plan)
        out.push_back(row.cell(PlanColumn::Action));
    return out;
}

TEST(Plan, OneRowPerItemTheMustsFirstEachGroupInOrder)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("first help", { "b" }, "help1"), must("first must", { "a" }, "m1"),
                                            makeItem("second help", { "a" }, "h_two"),
                                            must("second must", { "c" }, "m2"),
                                            makeItem("third help", { "c", "a" }, "h3") };
    a.list(ListKind::Strengths) = { makeItem("a strength is not a plan row", { "a" }) };
    a.list(ListKind::SuccessSigns) = { makeItem("nor is a success sign", { "a" }) };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    EXPECT_EQ(actions(plan),
              (std::vector<std::string>{ "first must", "second must", "first help", "second help", "third help" }));
    ASSERT_EQ(plan.size(), 5u);
    EXPECT_TRUE(plan[0].must);
    EXPECT_TRUE(plan[1].must);
    for (std::size_t i = 2; i < plan.size(); ++i)
        EXPECT_FALSE(plan[i].must) << i;
    // Each row remembers the item it came from.
    EXPECT_EQ(plan[0].help, "m1");
    EXPECT_EQ(plan[1].help, "m2");
    EXPECT_EQ(plan[2].help, "help1");
    EXPECT_EQ(plan[3].help, "h_two");
    EXPECT_EQ(plan[4].help, "h3");
    for (const PlanRow& row : plan)
        expectOnlyOutcomeAndAction(row);
}

TEST(Plan, OnlyMustsOrNoMustsKeepTheirOrder)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { must("m1", {}, "m1"), must("m2", {}, "m2") };
    EXPECT_EQ(actions(aa::derivePlan(a)), (std::vector<std::string>{ "m1", "m2" }));
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("n1", {}, "n1"), makeItem("n2", {}, "n2") };
    EXPECT_EQ(actions(aa::derivePlan(a)), (std::vector<std::string>{ "n1", "n2" }));
}

TEST(Plan, ARowLinksEveryIssueItsItemServesInTheItemsOrder)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("two issues", { "c", "a" }, "x"),
                                            makeItem("all three", { "a", "b", "c" }, "y"),
                                            makeItem("one", { "b" }, "z") };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(plan[0].issues, (std::vector<std::string>{ "c", "a" }));
    EXPECT_EQ(plan[1].issues, (std::vector<std::string>{ "a", "b", "c" }));
    EXPECT_EQ(plan[2].issues, (std::vector<std::string>{ "b" }));
    for (const PlanRow& row : plan)
        EXPECT_EQ(row.cell(PlanColumn::Issue), "") << "the issues are links, not the issue cell's text";
}

TEST(Plan, TheOutcomeComesOnlyFromTheSignsTiedToThatItem)
{
    // Regression (issue 11): a row's outcome was every success sign of its item's first issue,
    // so the young carers' row read "Ms Green has seen her GP", and an item serving two issues
    // got the signs of the first alone.
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("X serves a and b", { "a", "b" }, "x"),
                                            makeItem("Y serves b", { "b" }, "y"),
                                            makeItem("Z serves c", { "c" }, "z") };
    a.list(ListKind::SuccessSigns) = {
        sign("s1 (x)", { "x" }),
        sign("s2 (y)", { "y" }, { "a" }),
        sign("s3 (y, x)", { "y", "x" }),
        sign("s4 (issue a only)", {}, { "a" }),
        sign("s5 (issue b only)", {}, { "b" }),
        sign("s6 (nothing)", {}),
        sign("s7 (x)", { "x" }, { "c" }),
    };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(plan[0].cell(PlanColumn::Outcome), "s1 (x)\ns3 (y, x)\ns7 (x)")
        << "the signs tied to the item, in the list's order, whatever issues they name";
    EXPECT_EQ(plan[1].cell(PlanColumn::Outcome), "s2 (y)\ns3 (y, x)") << "a sign tied to two items shows in both";
    EXPECT_EQ(plan[2].cell(PlanColumn::Outcome), "") << "no sign is tied to Z, though s7 names its issue";
    EXPECT_EQ(plan[0].issues, (std::vector<std::string>{ "a", "b" }));
    for (const PlanRow& row : plan)
        expectOnlyOutcomeAndAction(row);
}

TEST(Plan, AnItemServingTwoIssuesIsAnActionForBoth)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("serves a and c", { "a", "c" }, "x") };
    a.plan = aa::derivePlan(a);
    EXPECT_TRUE(aa::hasPlanAction(a, "a"));
    EXPECT_TRUE(aa::hasPlanAction(a, "c")) << "not only the first issue";
    EXPECT_FALSE(aa::hasPlanAction(a, "b"));
    EXPECT_FALSE(aa::hasPlanAction(a, "nope"));
}

TEST(Plan, HasPlanActionNeedsAnActionThatIsNotBlank)
{
    Analysis a = threeIssues();
    PlanRow blank;
    blank.issues = { "a" };
    blank.cell(PlanColumn::Action) = " \t\n";
    blank.cell(PlanColumn::Who) = "someone";
    PlanRow typed;
    typed.issues = { "c", "b" };
    typed.cell(PlanColumn::Action) = "typed by hand";
    typed.flagged = true;
    a.plan = { blank, typed };
    EXPECT_FALSE(aa::hasPlanAction(a, "a")) << "a row without an action is not one";
    EXPECT_TRUE(aa::hasPlanAction(a, "b"));
    EXPECT_TRUE(aa::hasPlanAction(a, "c"));
    a.plan.clear();
    EXPECT_FALSE(aa::hasPlanAction(a, "b"));
}

TEST(Plan, AnItemWithoutIdGivesARowTiedToNothingAndWithoutOutcome)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("no id yet", { "a" }) };
    a.list(ListKind::SuccessSigns) = { sign("tied to no id", { "" }) };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0].help, "");
    EXPECT_EQ(plan[0].cell(PlanColumn::Outcome), "") << "signs are tied to ids, and the item has none";
    // withPlan gives the item its id first, so the row is tied to it.
    const Analysis planned = aa::withPlan(a);
    ASSERT_EQ(planned.plan.size(), 1u);
    EXPECT_EQ(planned.plan[0].help, aa::test::hashHelpId("no id yet"));
}

TEST(Plan, ItemWithoutIssueGivesUnlinkedRow)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("general help", {}, "g") };
    a.list(ListKind::SuccessSigns) = { sign("unlinked sign", {}), sign("sign a", {}, { "a" }) };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_TRUE(plan[0].issues.empty());
    EXPECT_EQ(plan[0].cell(PlanColumn::Outcome), "");
    EXPECT_EQ(plan[0].cell(PlanColumn::Action), "general help");
    expectOnlyOutcomeAndAction(plan[0]);
}

TEST(Plan, NoItemsGiveNoRows)
{
    Analysis a = threeIssues();
    a.list(ListKind::SuccessSigns) = { sign("sign a", {}, { "a" }) };
    EXPECT_TRUE(aa::derivePlan(a).empty());
}

TEST(Plan, PlanRowForIsTheRowDerivePlanMakes)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("n", { "a" }, "n"), must("m", { "b", "c" }, "m") };
    a.list(ListKind::SuccessSigns) = { sign("for n", { "n" }), sign("for m", { "m" }) };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 2u);
    EXPECT_EQ(aa::planRowFor(a, a.list(ListKind::WhatNeedsToHappen)[1]), plan[0]);
    EXPECT_EQ(aa::planRowFor(a, a.list(ListKind::WhatNeedsToHappen)[0]), plan[1]);
    EXPECT_EQ(plan[0].cell(PlanColumn::Outcome), "for m");
    EXPECT_TRUE(plan[0].must);
}

TEST(Plan, SamplePlanFollowsTheAnalysis)
{
    const Analysis a = aa::parseAnalysis(aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json"));
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    const auto& needs = a.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(plan.size(), needs.size());
    // The sample's own plan is the one derived, filled in: the same rows in the same order.
    ASSERT_EQ(a.plan.size(), plan.size());
    for (std::size_t i = 0; i < plan.size(); ++i)
    {
        SCOPED_TRACE(plan[i].help);
        EXPECT_EQ(plan[i].cell(PlanColumn::Action), a.plan[i].cell(PlanColumn::Action));
        EXPECT_EQ(plan[i].issues, a.plan[i].issues);
        EXPECT_EQ(plan[i].help, a.plan[i].help);
        EXPECT_EQ(plan[i].must, a.plan[i].must);
        const Item* item = a.findItem(plan[i].help);
        ASSERT_NE(item, nullptr);
        EXPECT_EQ(plan[i].issues, item->issues);
        // Every sign in the outcome is tied to the row's item.
        for (const std::string& line : aa::splitParagraphs(plan[i].cell(PlanColumn::Outcome)))
        {
            bool tied = false;
            for (const Item& s : a.list(ListKind::SuccessSigns))
                tied = tied || (s.text == line && std::find(s.items.begin(), s.items.end(), item->id) != s.items.end());
            EXPECT_TRUE(tied) << line;
        }
    }
    EXPECT_TRUE(plan[0].must) << "the must comes first";
    EXPECT_EQ(plan[2].cell(PlanColumn::Outcome),
              "The family is on the housing register in the right band by 31 January 2027.");
    // The young carers' row no longer reads the GP sign (issue 11), and has both of its own.
    const PlanRow& youngCarers = plan[3];
    EXPECT_EQ(youngCarers.help, "youngCarers");
    EXPECT_EQ(youngCarers.cell(PlanColumn::Outcome).find("GP"), std::string::npos);
    EXPECT_EQ(aa::splitParagraphs(youngCarers.cell(PlanColumn::Outcome)).size(), 2u);
    EXPECT_EQ(youngCarers.issues, (std::vector<std::string>{ "mentalHealth", "schoolAttendance" }));
    // Every issue has an action.
    Analysis planned = a;
    planned.plan = plan;
    for (const aa::Issue& issue : a.issues)
        EXPECT_TRUE(aa::hasPlanAction(planned, issue.id)) << issue.id;
}

TEST(Plan, SchemaOneAnalysisDerivesRowsWithoutOutcomes)
{
    // Schema 1 tied success signs to issues, not to items; upgraded, they are tied to no item,
    // so the rows derived for it have no outcome to show (the practitioner ties them in the deck).
    const Analysis a = aa::parseAnalysis(
        aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/../tests/fixtures/schema1/sample-analysis-schema1.json"));
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), a.list(ListKind::WhatNeedsToHappen).size());
    for (std::size_t i = 0; i < plan.size(); ++i)
    {
        EXPECT_EQ(plan[i].cell(PlanColumn::Outcome), "");
        EXPECT_EQ(plan[i].issues, a.list(ListKind::WhatNeedsToHappen)[i].issues) << "every issue, not the first";
        EXPECT_FALSE(plan[i].must);
    }
}

TEST(Plan, AssignItemIdsFillsTheMissingAndClearsRepeatsFirst)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("text"), makeItem("kept", {}, "mine"),
                                            makeItem("repeat", {}, "mine"), makeItem("text"),
                                            makeItem("takes the auto id", {}, aa::test::hashHelpId("repeat")) };
    a.list(ListKind::Strengths) = { makeItem("a strength") };
    aa::assignItemIds(a);
    const auto& items = a.list(ListKind::WhatNeedsToHappen);
    EXPECT_EQ(items[0].id, aa::test::hashHelpId("text"));
    EXPECT_EQ(items[1].id, "mine") << "the first keeps a repeated id";
    EXPECT_EQ(items[2].id, aa::test::hashHelpId("repeat") + "_2") << "the repeat gets its own, around a given one";
    EXPECT_EQ(items[3].id, aa::test::hashHelpId("text") + "_2");
    EXPECT_EQ(items[4].id, aa::test::hashHelpId("repeat"));
    EXPECT_EQ(a.list(ListKind::Strengths)[0].id, "") << "only what needs to happen has ids";
    // Items without ids get the ids parseAnalysis would give them.
    Analysis built = threeIssues();
    built.list(ListKind::WhatNeedsToHappen) = { makeItem("one", { "a" }), makeItem("two", { "b" }),
                                                makeItem("one", { "c" }) };
    aa::assignItemIds(built);
    const Analysis parsed = aa::parseAnalysis(
        R"({"schema":2,"issues":[{"id":"a","title":"Title a"},{"id":"b","title":"Title b"},{"id":"c","title":"Title c"}],)"
        R"("whatNeedsToHappen":[{"text":"one","issues":["a"]},{"text":"two","issues":["b"]},{"text":"one","issues":["c"]}]})");
    EXPECT_EQ(built.list(ListKind::WhatNeedsToHappen), parsed.list(ListKind::WhatNeedsToHappen));
    // Assigning again changes nothing.
    Analysis again = built;
    aa::assignItemIds(again);
    EXPECT_EQ(again.list(ListKind::WhatNeedsToHappen), built.list(ListKind::WhatNeedsToHappen));
}

TEST(Plan, WithPlanDerivesWhenNoneWasSupplied)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("help", { "a", "b" }), must("must", { "c" }, "m") };
    a.list(ListKind::SuccessSigns) = { sign("sign of the must", { "m" }) };
    a.topic(aa::Topic::PlanReview) = "every six weeks";
    ASSERT_FALSE(a.hasPlan);
    const Analysis planned = aa::withPlan(a);
    EXPECT_TRUE(planned.hasPlan);
    Analysis withIds = a;
    aa::assignItemIds(withIds);
    EXPECT_EQ(planned.plan, aa::derivePlan(withIds));
    ASSERT_EQ(planned.plan.size(), 2u);
    // The item got its id, and the row is tied to it (a row without would be added again by
    // updatePlan: the deck's duplicated rows).
    const auto& needs = planned.list(ListKind::WhatNeedsToHappen);
    ASSERT_FALSE(needs[0].id.empty());
    EXPECT_EQ(planned.plan[0].help, "m");
    EXPECT_EQ(planned.plan[0].cell(PlanColumn::Outcome), "sign of the must");
    EXPECT_EQ(planned.plan[1].help, needs[0].id);
    EXPECT_EQ(planned.plan[1].issues, (std::vector<std::string>{ "a", "b" }));
    // The rest is untouched.
    EXPECT_EQ(planned.issues, a.issues);
    EXPECT_EQ(planned.adults, a.adults);
    EXPECT_EQ(planned.lists, withIds.lists);
    EXPECT_EQ(planned.topics, a.topics);
}

TEST(Plan, WithPlanKeepsASuppliedPlan)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("help", { "a" }) };
    PlanRow row;
    row.issues = { "c", "b" };
    row.cell(PlanColumn::Who) = "Ms Smith";
    row.cell(PlanColumn::Progress) = "in progress";
    row.cell(PlanColumn::Review) = "in six weeks\nwith the family";
    row.help = "help9";
    row.must = true;
    row.flagged = true;
    a.plan = { row, PlanRow{} };
    a.hasPlan = true;
    const Analysis planned = aa::withPlan(a);
    EXPECT_TRUE(planned.hasPlan);
    ASSERT_EQ(planned.plan.size(), 2u);
    EXPECT_EQ(planned.plan[0], row);
    EXPECT_EQ(planned.plan[1], PlanRow{});
    EXPECT_FALSE(planned.list(ListKind::WhatNeedsToHappen)[0].id.empty()) << "the items get their ids all the same";
}

TEST(Plan, WithPlanKeepsAnEmptySuppliedPlan)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatNeedsToHappen) = { makeItem("help", { "a" }) };
    a.hasPlan = true; // the caller said: no plan rows
    const Analysis planned = aa::withPlan(a);
    EXPECT_TRUE(planned.hasPlan);
    EXPECT_TRUE(planned.plan.empty());

    // The same through the JSON of both schemas: a supplied, empty plan.
    for (
        const char* json :
        { R"({"schema":2,"issues":[{"id":"a","title":"T"}],"whatNeedsToHappen":[{"text":"h","issues":["a"]}],"plan":{"rows":[]}})",
          R"({"schema":1,"issues":[{"id":"a","title":"T"}],"whatWouldHelp":[{"text":"h","issues":["a"]}],"plan":[]})" })
        EXPECT_TRUE(aa::withPlan(aa::parseAnalysis(json)).plan.empty()) << json;
    for (
        const char* json :
        { R"({"schema":2,"issues":[{"id":"a","title":"T"}],"whatNeedsToHappen":[{"text":"h","issues":["a"]}]})",
          R"({"schema":2,"issues":[{"id":"a","title":"T"}],"whatNeedsToHappen":[{"text":"h","issues":["a"]}],"plan":{"review":"r"}})",
          R"({"schema":1,"issues":[{"id":"a","title":"T"}],"whatWouldHelp":[{"text":"h","issues":["a"]}]})" })
        EXPECT_EQ(aa::withPlan(aa::parseAnalysis(json)).plan.size(), 1u) << json << ": no rows given, so derived";
}

TEST(HasPlanAction, ARowServingTheIssueWithAnActionCounts)
{
    Analysis a = partlyAnswered();
    a.plan = { planRow({ "b" }, "Family support worker visits weekly") };
    EXPECT_TRUE(aa::hasPlanAction(a, "b"));
    EXPECT_FALSE(aa::hasPlanAction(a, "a")) << "another issue's row does not count";
    EXPECT_FALSE(aa::hasPlanAction(a, "c"));
    EXPECT_FALSE(aa::hasPlanAction(a, "")) << "no issue id matches a row serving no issue";
    a.plan.push_back(planRow({}, "An action for no issue"));
    EXPECT_FALSE(aa::hasPlanAction(a, "a"));
    EXPECT_FALSE(aa::hasPlanAction(a, ""));
}

TEST(HasPlanAction, AnActionServingSeveralIssuesCountsForEach)
{
    Analysis a = partlyAnswered();
    a.plan = { planRow({ "c", "a" }, "Weekly visits by the family support worker") };
    EXPECT_TRUE(aa::hasPlanAction(a, "a"));
    EXPECT_TRUE(aa::hasPlanAction(a, "c"));
    EXPECT_FALSE(aa::hasPlanAction(a, "b"));
}

TEST(HasPlanAction, BlankActionsDoNotCount)
{
    Analysis a = partlyAnswered();
    for (const std::string& action :
         { std::string(), std::string("  \t"), std::string("\n"), nbsp, " " + nbsp + "\n" + nbsp })
    {
        a.plan = { planRow({ "a" }, action) };
        EXPECT_FALSE(aa::hasPlanAction(a, "a")) << aa::test::jsonQuote(action);
    }
    // A row with an outcome but no action does not count either; a second row with one does.
    a.plan = { planRow({ "a" }, nbsp) };
    a.plan[0].cell(PlanColumn::Outcome) = "Things are better";
    EXPECT_FALSE(aa::hasPlanAction(a, "a"));
    a.plan.push_back(planRow({ "a" }, "x"));
    EXPECT_TRUE(aa::hasPlanAction(a, "a"));
    a.plan.clear();
    EXPECT_FALSE(aa::hasPlanAction(a, "a")) << "no plan, no action";
}

} // namespace
