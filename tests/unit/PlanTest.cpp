// derivePlan / withPlan: the action plan follows from the analysis (Standard 6).
#include "Json.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

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

void expectOnlyIssueOutcomeAction(const PlanRow& row)
{
    for (PlanColumn c : { PlanColumn::Who, PlanColumn::Priority, PlanColumn::ByWhen, PlanColumn::Review,
                          PlanColumn::Contingency })
        EXPECT_EQ(row.cell(c), "") << "column " << static_cast<int>(c);
    EXPECT_FALSE(row.flagged);
}

TEST(Plan, OneRowPerWhatWouldHelpItemInOrder)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatWouldHelp) = { makeItem("first help", { "b" }, "help1"),
                                        makeItem("second help", { "a" }, "h_two"),
                                        makeItem("third help", { "c", "a" }) };
    a.list(ListKind::Strengths) = { makeItem("a strength is not a plan row", { "a" }) };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(plan[0].cell(PlanColumn::Action), "first help");
    EXPECT_EQ(plan[1].cell(PlanColumn::Action), "second help");
    EXPECT_EQ(plan[2].cell(PlanColumn::Action), "third help");
    EXPECT_EQ(plan[0].cell(PlanColumn::Issue), "b");
    EXPECT_EQ(plan[1].cell(PlanColumn::Issue), "a");
    EXPECT_EQ(plan[2].cell(PlanColumn::Issue), "c") << "linked to the item's first issue";
    // Each row remembers the item it came from.
    EXPECT_EQ(plan[0].help, "help1");
    EXPECT_EQ(plan[1].help, "h_two");
    EXPECT_EQ(plan[2].help, "");
    for (const PlanRow& row : plan)
        expectOnlyIssueOutcomeAction(row);
}

TEST(Plan, OutcomeListsTheSuccessSignsOfThatIssueInOrder)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatWouldHelp) = { makeItem("help a", { "a", "b" }), makeItem("help b", { "b" }),
                                        makeItem("help c", { "c" }) };
    a.list(ListKind::SuccessSigns) = {
        makeItem("sign 1 (a)", { "a" }),
        makeItem("sign 2 (b)", { "b" }),
        makeItem("sign 3 (b, a)", { "b", "a" }),
        makeItem("sign 4 (none)", {}),
        makeItem("sign 5 (a)", { "a" }),
    };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(plan[0].cell(PlanColumn::Outcome), "sign 1 (a)\nsign 3 (b, a)\nsign 5 (a)")
        << "only the first issue's signs, in list order";
    EXPECT_EQ(plan[1].cell(PlanColumn::Outcome), "sign 2 (b)\nsign 3 (b, a)");
    EXPECT_EQ(plan[2].cell(PlanColumn::Outcome), "") << "issue c has no success signs";
    for (const PlanRow& row : plan)
        expectOnlyIssueOutcomeAction(row);
}

TEST(Plan, ItemWithoutIssueGivesUnlinkedRow)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatWouldHelp) = { makeItem("general help", {}) };
    a.list(ListKind::SuccessSigns) = { makeItem("unlinked sign", {}), makeItem("sign a", { "a" }) };
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0].cell(PlanColumn::Issue), "");
    EXPECT_EQ(plan[0].cell(PlanColumn::Outcome), "");
    EXPECT_EQ(plan[0].cell(PlanColumn::Action), "general help");
    expectOnlyIssueOutcomeAction(plan[0]);
}

TEST(Plan, NoHelpItemsGiveNoRows)
{
    Analysis a = threeIssues();
    a.list(ListKind::SuccessSigns) = { makeItem("sign a", { "a" }) };
    EXPECT_TRUE(aa::derivePlan(a).empty());
}

TEST(Plan, SamplePlanFollowsTheAnalysis)
{
    const Analysis a = aa::parseAnalysis(
        aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json"));
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    const auto& help = a.list(ListKind::WhatWouldHelp);
    ASSERT_EQ(plan.size(), help.size());
    for (std::size_t i = 0; i < plan.size(); ++i)
    {
        EXPECT_EQ(plan[i].cell(PlanColumn::Action), help[i].text);
        EXPECT_EQ(plan[i].cell(PlanColumn::Issue), help[i].issues.at(0));
        // Changed: the ids parseAnalysis gives are "help_" + the CRC-32 of the text (were "help1"...).
        EXPECT_EQ(plan[i].help, aa::test::hashHelpId(help[i].text)) << "the ids parseAnalysis gave the items";
        EXPECT_EQ(help[i].id, plan[i].help);
    }
    EXPECT_EQ(plan[0].cell(PlanColumn::Outcome),
              "The family is on the housing register in the right band by 31 January 2027.");
}

TEST(Plan, WithPlanDerivesWhenNoneWasSupplied)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatWouldHelp) = { makeItem("help", { "a" }) };
    a.list(ListKind::SuccessSigns) = { makeItem("sign", { "a" }) };
    ASSERT_FALSE(a.hasPlan);
    const Analysis planned = aa::withPlan(a);
    EXPECT_TRUE(planned.hasPlan);
    Analysis withIds = a;
    aa::assignItemIds(withIds);
    EXPECT_EQ(planned.plan, aa::derivePlan(withIds));
    ASSERT_EQ(planned.plan.size(), 1u);
    // The item got its id, and the row is tied to it (a row without would be added again by
    // updatePlan: the deck's duplicated rows).
    ASSERT_FALSE(planned.list(ListKind::WhatWouldHelp)[0].id.empty());
    EXPECT_EQ(planned.plan[0].help, planned.list(ListKind::WhatWouldHelp)[0].id);
    // The rest is untouched.
    EXPECT_EQ(planned.issues, a.issues);
    EXPECT_EQ(planned.lists, withIds.lists);
    EXPECT_EQ(planned.considerations, a.considerations);
}

TEST(Plan, WithPlanKeepsASuppliedPlan)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatWouldHelp) = { makeItem("help", { "a" }) };
    PlanRow row;
    row.cell(PlanColumn::Issue) = "c";
    row.cell(PlanColumn::Who) = "Ms Smith";
    row.cell(PlanColumn::Review) = "in six weeks\nwith the family";
    row.help = "help9";
    row.flagged = true;
    a.plan = { row, PlanRow{} };
    a.hasPlan = true;
    const Analysis planned = aa::withPlan(a);
    EXPECT_TRUE(planned.hasPlan);
    ASSERT_EQ(planned.plan.size(), 2u);
    EXPECT_EQ(planned.plan[0], row);
    EXPECT_EQ(planned.plan[1], PlanRow{});
}

TEST(Plan, WithPlanKeepsAnEmptySuppliedPlan)
{
    Analysis a = threeIssues();
    a.list(ListKind::WhatWouldHelp) = { makeItem("help", { "a" }) };
    a.hasPlan = true; // the caller said: no plan rows
    const Analysis planned = aa::withPlan(a);
    EXPECT_TRUE(planned.hasPlan);
    EXPECT_TRUE(planned.plan.empty());

    // The same through the JSON: "plan": [] is a supplied, empty plan.
    const Analysis parsed = aa::parseAnalysis(
        R"({"schema":1,"issues":[{"id":"a","title":"T"}],"whatWouldHelp":[{"text":"h","issues":["a"]}],"plan":[]})");
    EXPECT_TRUE(aa::withPlan(parsed).plan.empty());
    const Analysis derived = aa::parseAnalysis(
        R"({"schema":1,"issues":[{"id":"a","title":"T"}],"whatWouldHelp":[{"text":"h","issues":["a"]}]})");
    EXPECT_EQ(aa::withPlan(derived).plan.size(), 1u);
}

} // namespace
