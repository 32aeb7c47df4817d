// readAnalysis on hand-built blocks, buildOdtFragment's package, paragraphXml.
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Json.hpp"
#include "OdtFragment.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"
#include "Errors.hpp"
#include "Zip.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace
{
using aa::Analysis;
using aa::Block;
using aa::Cell;
using aa::Consideration;
using aa::IssuePart;
using aa::Item;
using aa::ListKind;
using aa::Paragraph;
using aa::PlanColumn;
using aa::PlanRow;
using aa::readAnalysis;
using aa::Role;
using aa::Span;
using aa::Strings;
using aa::Table;
using aa::Voice;
using aa::test::makeItem;

const Strings& strings() { return Strings::builtIn(); }

using aa::test::hashHelpId;
using aa::test::label;
using aa::test::LayoutOptions;
using aa::test::lines;
using aa::test::paragraphAt;
using aa::test::para;
using aa::test::plain;

/// The blocks Writer shows for an inserted analysis (see aa::test::documentBlocks).
std::vector<Block> layout(const Analysis& a, LayoutOptions options = {})
{
    return aa::test::documentBlocks(a, options);
}

/// The sample, with its derived plan and some awkward content added.
Analysis richAnalysis()
{
    Analysis a = aa::withPlan(aa::parseAnalysis(
        aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json")));
    a.issues[0].part(IssuePart::Origins) = "First paragraph.\n\nThird, after an empty one.\n";
    a.issues[1].raisedBy = { Voice::Practitioner, Voice::Child, Voice::Parents, Voice::OtherWorkers,
                             Voice::SignificantAdults };
    a.issues[2].raisedBy.clear();
    a.issues[3].part(IssuePart::ImpactOnChild) = "";
    a.issues[3].title = "  Spaces\tand <&> \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D  ";
    a.list(ListKind::Strengths).push_back(makeItem("A strength linked to nothing", {}));
    a.list(ListKind::Strengths).push_back(makeItem("Linked to three", { "fatherContact", "housing", "mentalHealth" }));
    a.list(ListKind::WhatWouldHelp).push_back(makeItem("Help without an issue", {}, "extraHelp"));
    a.list(ListKind::SuccessSigns).clear();
    a.consideration(Consideration::NotKnown) = "";
    a.consideration(Consideration::Patterns) = "One.\nTwo.\n\nFour.";
    a.plan.at(1).flagged = true;
    PlanRow full;
    for (std::size_t c = 1; c < aa::planColumnCount; ++c)
        full.cells[c] = "cell " + std::to_string(c) + "\nsecond line";
    full.cell(PlanColumn::Issue) = "fatherContact";
    full.flagged = true; // added by hand, then flagged
    a.plan.push_back(full);
    PlanRow unlinked;
    unlinked.cell(PlanColumn::Who) = "Everyone";
    a.plan.push_back(unlinked);
    PlanRow onlyTied; // every cell emptied by hand, still tied to its item
    onlyTied.help = "extraHelp";
    a.plan.push_back(onlyTied);
    return a;
}

// ---------------------------------------------------------------------------------------------
// readAnalysis

TEST(ReadAnalysis, WriterLayoutReadsBackEqual)
{
    // Changed: auto help ids are "help_" + the CRC-32 of the text (were "help1"...).
    const Analysis a = richAnalysis();
    ASSERT_EQ(a.list(ListKind::WhatWouldHelp).at(0).id, hashHelpId(a.list(ListKind::WhatWouldHelp).at(0).text));
    ASSERT_EQ(a.plan.at(0).help, a.list(ListKind::WhatWouldHelp).at(0).id);
    for (bool merge : { false, true })
    {
        SCOPED_TRACE(merge ? "merged text spans" : "separate spans");
        LayoutOptions options;
        options.mergeTextSpans = merge;
        const aa::ReadResult read = readAnalysis(layout(a, options));
        EXPECT_TRUE(read.found);
        EXPECT_TRUE(read.analysis.hasPlan);
        EXPECT_TRUE(read.analysis == a) << aa::toJson(read.analysis);
        // Piece by piece, for a readable failure.
        ASSERT_EQ(read.analysis.issues.size(), a.issues.size());
        for (std::size_t i = 0; i < a.issues.size(); ++i)
        {
            EXPECT_EQ(read.analysis.issues[i].id, a.issues[i].id);
            EXPECT_EQ(read.analysis.issues[i].title, a.issues[i].title);
            EXPECT_EQ(read.analysis.issues[i].raisedBy, a.issues[i].raisedBy);
            EXPECT_EQ(read.analysis.issues[i].parts, a.issues[i].parts);
        }
        EXPECT_EQ(aa::toJson(read.analysis), aa::toJson(a));
        EXPECT_TRUE(read.analysis.unplaced.empty());
    }
}

TEST(ReadAnalysis, LayoutPointsAtTheBlocks)
{
    const Analysis a = richAnalysis();
    const std::vector<Block> blocks = layout(a);
    const aa::ReadResult read = readAnalysis(blocks);
    const aa::Layout& l = read.layout;
    ASSERT_TRUE(l.first && l.last);
    EXPECT_EQ(*l.first, 1u) << "the report paragraph before is not part of the analysis";
    EXPECT_EQ(*l.last, blocks.size() - 3) << "the analysis ends with the plan table";
    ASSERT_TRUE(l.planTable);
    EXPECT_EQ(*l.planTable, *l.last);
    ASSERT_TRUE(l.planHeading);
    EXPECT_EQ(paragraphAt(blocks, *l.planHeading).text, strings().get("section.plan"));
    ASSERT_TRUE(l.considerationsHeading);
    EXPECT_EQ(paragraphAt(blocks, *l.considerationsHeading).text, strings().get("section.considerations"));

    ASSERT_EQ(l.issues.size(), a.issues.size());
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        SCOPED_TRACE(a.issues[i].id);
        const aa::IssueLayout& il = l.issues[i];
        EXPECT_EQ(paragraphAt(blocks, il.title).text, a.issues[i].title);
        ASSERT_TRUE(il.raisedBy);
        EXPECT_EQ(*il.raisedBy, il.title + 1);
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
        {
            ASSERT_TRUE(il.questions[p]);
            EXPECT_EQ(paragraphAt(blocks, *il.questions[p]).text, label(aa::jsonName(static_cast<IssuePart>(p))));
            ASSERT_EQ(il.parts[p].size(), lines(a.issues[i].parts[p]).size());
            for (std::size_t k = 0; k < il.parts[p].size(); ++k)
            {
                EXPECT_EQ(il.parts[p][k], *il.questions[p] + 1 + k);
                EXPECT_EQ(paragraphAt(blocks, il.parts[p][k]).text, lines(a.issues[i].parts[p])[k]);
            }
        }
        EXPECT_EQ(il.last, il.parts[aa::issuePartCount - 1].back()) << "the issue ends with its last answer";
    }
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
    {
        SCOPED_TRACE(k);
        ASSERT_TRUE(l.listHeadings[k]);
        ASSERT_EQ(l.items[k].size(), a.lists[k].size());
        for (std::size_t j = 0; j < l.items[k].size(); ++j)
        {
            EXPECT_EQ(l.items[k][j], *l.listHeadings[k] + 1 + j);
            EXPECT_EQ(aa::roleOfStyle(paragraphAt(blocks, l.items[k][j]).style).index, k);
        }
    }
    for (std::size_t c = 0; c < aa::considerationCount; ++c)
    {
        ASSERT_TRUE(l.considerationQuestions[c]);
        ASSERT_EQ(l.considerations[c].size(), lines(a.considerations[c]).size());
        EXPECT_EQ(l.considerations[c].front(), *l.considerationQuestions[c] + 1);
    }
    ASSERT_EQ(l.planRows.size(), a.plan.size());
    for (std::size_t r = 0; r < a.plan.size(); ++r)
    {
        EXPECT_EQ(l.planRows[r].row, r + 1) << "row 0 is the header";
        if (a.plan[r].flagged)
        {
            EXPECT_EQ(l.planRows[r].flagParagraph, 0u);
        }
    }
}

TEST(ReadAnalysis, SkeletonLayoutReadsBackEqual)
{
    const Analysis a = aa::withPlan(aa::makeSkeleton(3));
    const aa::ReadResult read = readAnalysis(layout(a));
    EXPECT_TRUE(read.found);
    EXPECT_TRUE(read.analysis == a) << aa::toJson(read.analysis);
    EXPECT_TRUE(read.analysis.plan.empty()) << "the row to type into is not a plan row";
    EXPECT_TRUE(read.analysis.unplaced.empty());
}

TEST(ReadAnalysis, StylesLostReadsBackThroughMarksAndLabels)
{
    // A .docx that went through Word may lose our styles: bookmarks, links and the labels the
    // writer put in are enough to find everything again (blank answer paragraphs excepted).
    Analysis a = aa::withPlan(aa::parseAnalysis(
        aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json")));
    a.issues[0].part(IssuePart::Origins) = "Two\nparagraphs";
    a.issues[1].part(IssuePart::ImpactOnChild) = "";
    a.consideration(Consideration::Patterns) = "";
    a.list(ListKind::SuccessSigns).clear();
    LayoutOptions options;
    options.stylesLost = true;
    const aa::ReadResult read = readAnalysis(layout(a, options));
    EXPECT_TRUE(read.found);
    EXPECT_TRUE(read.analysis.hasPlan);
    EXPECT_EQ(aa::toJson(read.analysis), aa::toJson(a));
    EXPECT_TRUE(read.analysis.unplaced.empty()) << read.analysis.unplaced.front();
}

TEST(ReadAnalysis, MultiParagraphAnswersJoinWithLineFeeds)
{
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::IssuePartAnswer, 1, "m1"),
        para(Role::IssuePartAnswer, 0, "o1"),
        para(Role::IssuePartAnswer, 0, ""),
        para(Role::IssuePartAnswer, 0, "o3"),
        para(Role::IssueTitle, 0, "Two", { "AA_issue_two" }),
        para(Role::IssuePartAnswer, 0, ""),
        para(Role::IssuePartAnswer, 0, "second issue"),
        para(Role::ConsiderationAnswer, 2, "c1"),
        para(Role::ConsiderationAnswer, 2, "c2"),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.issues.size(), 2u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "o1\n\no3");
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "m1");
    EXPECT_EQ(a.issues[0].part(IssuePart::ImpactOnChild), "");
    EXPECT_EQ(a.issues[1].part(IssuePart::Origins), "\nsecond issue") << "parts start afresh per issue";
    EXPECT_EQ(a.consideration(Consideration::NotKnown), "c1\nc2");
}

TEST(ReadAnalysis, EmptyItemsAreSkipped)
{
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::ListItem, 0, ""),
        para(Role::ListItem, 0, "kept"),
        para(Role::ListItem, 0, "", {}, { Span{ "", "", "" } }),
        para(Role::ListItem, 2, "", {}, { Span{ "One", "#AA_issue_one", "AA_issue_one" } }),
        para(Role::ListItem, 1, ""),
        para(Role::ListItem, 1, "", { "AA_help_help7" }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 1u);
    EXPECT_EQ(a.list(ListKind::Strengths)[0], makeItem("kept", {}));
    EXPECT_TRUE(a.list(ListKind::WhatWouldHelp).empty());
    ASSERT_EQ(a.list(ListKind::SuccessSigns).size(), 1u) << "an item with only a link is kept";
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0], makeItem("", { "one" }));
    EXPECT_EQ(read.layout.items[0].size(), 1u);
    EXPECT_TRUE(read.layout.items[1].empty());
}

TEST(ReadAnalysis, ItemLinksResolveThroughLinkOrField)
{
    // Changed: the help item without a bookmark gets the hash id of its text (was "help1").
    const std::string prefix = strings().get("item.linkPrefix");
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::IssueTitle, 0, "Two", { "AA_issue_two" }),
        para(Role::ListItem, 1, "",
             {},
             { Span{ "Help", "", "" }, Span{ prefix, "", "" },
               Span{ "Two", "", "AA_issue_two" },                // field only, link lost
               Span{ ", ", "", "" },
               Span{ "One", "#AA_issue_one", "" },               // link only, field gone
               Span{ ", ", "", "" },
               Span{ "One again", "#AA_issue_one", "AA_issue_one" }, // repeat
               Span{ ")", "", "" } }),
        para(Role::ListItem, 0, "",
             {},
             { Span{ "See ", "", "" }, Span{ "the web", "https://example.org/", "" },
               Span{ " for more", "", "" } }),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.list(ListKind::WhatWouldHelp).size(), 1u);
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp)[0], makeItem("Help", { "two", "one" }, hashHelpId("Help")));
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 1u);
    EXPECT_EQ(a.list(ListKind::Strengths)[0], makeItem("See the web for more", {}))
        << "a link that is not to an issue is plain text";
}

TEST(ReadAnalysis, HelpItemsKeepTheirBookmarkIdsAndCopiesGetFreshOnes)
{
    // Changed: fresh ids are "help_" + the CRC-32 of the item's text (were "help2", "help3"...).
    const std::string held = hashHelpId("same text");
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::ListItem, 0, "strength", { "AA_help_help1" }), // not a help item: no id
        para(Role::ListItem, 1, "no bookmark"),
        para(Role::ListItem, 1, "holds help1", { "_Toc1", "AA_help_help1" }),
        para(Role::ListItem, 1, "pasted copy of help1", { "AA_help_help1" }),
        para(Role::ListItem, 1, "custom", { "AA_help_mine" }),
        para(Role::ListItem, 1, "bad bookmark", { "AA_help_1x" }),
        para(Role::ListItem, 2, "sign", { "AA_help_sign" }),
        para(Role::ListItem, 1, "same text"),                            // its hash id is held below
        para(Role::ListItem, 1, "edited text", { "AA_help_" + held }),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    const auto& help = a.list(ListKind::WhatWouldHelp);
    ASSERT_EQ(help.size(), 7u);
    EXPECT_EQ(help[0].id, hashHelpId("no bookmark"));
    EXPECT_EQ(help[1].id, "help1");
    EXPECT_EQ(help[2].id, hashHelpId("pasted copy of help1")) << "the first keeps the id, the copy gets a fresh one";
    EXPECT_EQ(help[3].id, "mine");
    EXPECT_EQ(help[4].id, hashHelpId("bad bookmark"));
    EXPECT_EQ(help[5].id, held + "_2") << "fresh ids skip those bookmarks hold, even later ones";
    EXPECT_EQ(help[6].id, held);
    EXPECT_EQ(a.list(ListKind::Strengths).at(0).id, "");
    EXPECT_EQ(a.list(ListKind::SuccessSigns).at(0).id, "");
    // The result is valid input again.
    EXPECT_NO_THROW(aa::parseAnalysis(aa::toJson(a)));
}

TEST(ReadAnalysis, HelpItemsWithoutBookmarksGetTheIdsParsingGives)
{
    // The same text gets the same id whether it is parsed or read, so a document written from
    // JSON without ids, whose bookmarks were then lost, still ties its rows to its items.
    const Analysis parsed = aa::withPlan(aa::parseAnalysis(
        R"({"schema":1,"issues":[{"id":"a","title":"A"}],"whatWouldHelp":[{"text":"x"},{"text":"y","issues":["a"]},{"text":"x"}]})"));
    std::vector<Block> blocks = layout(parsed);
    for (Block& b : blocks)
        if (Paragraph* p = std::get_if<Paragraph>(&b))
            p->bookmarks.erase(std::remove_if(p->bookmarks.begin(), p->bookmarks.end(),
                                              [](const std::string& n) { return n.rfind("AA_help_", 0) == 0; }),
                               p->bookmarks.end());
    const Analysis read = readAnalysis(blocks).analysis;
    ASSERT_EQ(read.list(ListKind::WhatWouldHelp).size(), 3u);
    EXPECT_EQ(read.list(ListKind::WhatWouldHelp), parsed.list(ListKind::WhatWouldHelp));
    EXPECT_EQ(read.list(ListKind::WhatWouldHelp)[2].id, hashHelpId("x") + "_2");
    EXPECT_EQ(read.plan, parsed.plan) << "the rows' bookmarks still name the items";
}

TEST(ReadAnalysis, PlanIssueCellResolvesThroughFieldWithoutLink)
{
    Table table;
    aa::Row header;
    for (std::size_t c = 0; c < aa::planColumnCount; ++c)
        header.push_back(Cell{ para(Role::PlanHeader, 0, "h") });
    table.rows.push_back(header);
    aa::Row row(aa::planColumnCount);
    row[0] = Cell{ para(Role::PlanCell, 0, "Two", {}, { Span{ "Two", "", "AA_issue_two" } }) };
    row[2] = Cell{ para(Role::PlanCell, 0, "act") };
    table.rows.push_back(row);
    aa::Row other(aa::planColumnCount);
    other[0] = Cell{ para(Role::PlanCell, 0, "x", {},
                          { Span{ "x", "https://example.org", "" }, Span{ "One", "#AA_issue_one", "" },
                            Span{ "Two", "#AA_issue_two", "" } }) };
    table.rows.push_back(other);
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::IssueTitle, 0, "Two", { "AA_issue_two" }),
        table,
    };
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.analysis.plan.size(), 2u);
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Issue), "two");
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Action), "act");
    EXPECT_EQ(read.analysis.plan[1].cell(PlanColumn::Issue), "one") << "the first issue link wins";
}

TEST(ReadAnalysis, PlanRowsTieToItemsAndCarryFlags)
{
    Table table;
    table.rows.push_back({ Cell{ para(Role::PlanHeader, 0, "Issue") } });
    aa::Row tied(aa::planColumnCount);
    tied[0] = Cell{ para(Role::PlanFlag, 0, strings().get("plan.flag")), para(Role::PlanCell, 0, "") };
    tied[2] = Cell{ para(Role::PlanCell, 0, "act", { "AA_plan_help3" }), para(Role::PlanCell, 0, "more") };
    table.rows.push_back(tied);
    aa::Row flagElsewhere(aa::planColumnCount);
    flagElsewhere[3] = Cell{ para(Role::PlanCell, 0, "who"), para(Role::PlanFlag, 0, "moved here") };
    table.rows.push_back(flagElsewhere);
    aa::Row onlyBookmark(aa::planColumnCount, Cell{ para(Role::PlanCell, 0, "") });
    onlyBookmark[2][0].bookmarks = { "AA_plan_h2" };
    table.rows.push_back(onlyBookmark);
    const aa::ReadResult read = readAnalysis({ para(Role::Heading, 0, "x"), table });
    const auto& plan = read.analysis.plan;
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(plan[0].help, "help3");
    EXPECT_TRUE(plan[0].flagged);
    EXPECT_EQ(plan[0].cell(PlanColumn::Action), "act\nmore");
    EXPECT_EQ(plan[0].cell(PlanColumn::Issue), "") << "the flag text is not an issue";
    EXPECT_EQ(read.layout.planRows.at(0).flagParagraph, 0u);
    EXPECT_TRUE(plan[1].flagged);
    EXPECT_EQ(plan[1].cell(PlanColumn::Who), "who") << "the flag is not cell text";
    EXPECT_EQ(plan[1].help, "");
    EXPECT_EQ(read.layout.planRows.at(1).flagParagraph, 1u);
    EXPECT_EQ(plan[2].help, "h2") << "a row emptied by hand but tied to its item is kept";
    EXPECT_FALSE(plan[2].flagged);
    EXPECT_EQ(read.layout.planRows.at(2).row, 3u);
}

TEST(ReadAnalysis, PlanRowsWithFewerCellsAndEmptyRows)
{
    Table table;
    table.rows.push_back({ Cell{ para(Role::PlanHeader, 0, "Issue") } });
    table.rows.push_back({ Cell{}, Cell{ para(Role::PlanCell, 0, "outcome") } }); // merged cells
    table.rows.push_back({});                                                    // nothing at all
    table.rows.push_back(aa::Row(aa::planColumnCount, Cell{ para(Role::PlanCell, 0, "") }));
    aa::Row wide(aa::planColumnCount + 2, Cell{ para(Role::PlanCell, 0, "w") });
    table.rows.push_back(wide);
    const aa::ReadResult read = readAnalysis({ table });
    EXPECT_TRUE(read.found);
    EXPECT_TRUE(read.analysis.hasPlan);
    ASSERT_EQ(read.analysis.plan.size(), 2u);
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Outcome), "outcome");
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Issue), "");
    EXPECT_EQ(read.analysis.plan[1].cell(PlanColumn::Contingency), "w") << "extra columns are ignored";
    ASSERT_EQ(read.layout.planRows.size(), 2u);
    EXPECT_EQ(read.layout.planRows[0].row, 1u);
    EXPECT_EQ(read.layout.planRows[1].row, 4u);
}

TEST(ReadAnalysis, TablesThatAreNotThePlan)
{
    Table notPlan;
    notPlan.rows.push_back({ Cell{ para(Role::PlanCell, 0, "Issue") }, Cell{ para(Role::PlanHeader, 0, "Outcome") } });
    notPlan.rows.push_back({ Cell{ para(Role::PlanCell, 0, "x") }, Cell{ para(Role::PlanCell, 0, "y") } });
    Table noStyle;
    noStyle.rows.push_back({ Cell{ plain("Issue", "Table Heading") } });
    noStyle.rows.push_back({ Cell{ plain("x", "Table Contents") } });
    Table empty;
    Table emptyFirstCell;
    emptyFirstCell.rows.push_back({ Cell{}, Cell{ para(Role::PlanHeader, 0, "Outcome") } });
    emptyFirstCell.rows.push_back({ Cell{ para(Role::PlanCell, 0, "x") } });

    // Outside an analysis they are ignored.
    {
        const aa::ReadResult read = readAnalysis({ notPlan, noStyle, empty, emptyFirstCell });
        EXPECT_FALSE(read.found);
        EXPECT_FALSE(read.analysis.hasPlan);
        EXPECT_TRUE(read.analysis.plan.empty());
        EXPECT_TRUE(read.analysis.unplaced.empty());
    }
    // Inside one, their text is reported, never taken for the plan.
    {
        const aa::ReadResult read = readAnalysis({ para(Role::Heading, 0, "A"), notPlan, noStyle, empty,
                                                   para(Role::Subheading, 0, "B") });
        EXPECT_TRUE(read.found);
        EXPECT_FALSE(read.analysis.hasPlan);
        EXPECT_TRUE(read.analysis.plan.empty());
        EXPECT_FALSE(read.layout.planTable);
        EXPECT_EQ(read.analysis.unplaced, (std::vector<std::string>{ "Issue | Outcome | x | y", "Issue | x" }));
    }
    // A table whose header still reads "Issue", "Outcome ..." is the plan, even without our styles.
    {
        Table lost;
        aa::Row header;
        for (std::size_t c = 0; c < aa::planColumnCount; ++c)
            header.push_back(Cell{ plain(strings().get(std::string("plan.") + aa::jsonName(static_cast<PlanColumn>(c))),
                                         "Table Heading") });
        lost.rows.push_back(header);
        lost.rows.push_back({ Cell{ plain("x", "Table Contents") }, Cell{ plain("out", "Table Contents") } });
        const aa::ReadResult read = readAnalysis({ lost });
        EXPECT_TRUE(read.found);
        EXPECT_TRUE(read.analysis.hasPlan);
        ASSERT_EQ(read.analysis.plan.size(), 1u);
        EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Outcome), "out");
    }
}

TEST(ReadAnalysis, ParagraphsOutsideTheAnalysisAreIgnored)
{
    const Analysis a = richAnalysis();
    std::vector<Block> blocks = {
        plain("Before", "Heading 1"),
        plain("More report text"),
        Table{ { { Cell{ plain("a report table", "Table Contents") } } } },
    };
    for (const Block& b : layout(a))
        blocks.push_back(b);
    blocks.emplace_back(plain("After", "Heading 1"));
    blocks.emplace_back(Table{ { { Cell{ plain("another table", "Table Contents") } } } });
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_TRUE(read.found);
    EXPECT_TRUE(read.analysis == a) << aa::toJson(read.analysis);
    EXPECT_TRUE(read.analysis.unplaced.empty());
    EXPECT_EQ(*read.layout.first, 4u);
}

TEST(ReadAnalysis, ParagraphsInsideTheAnalysisJoinWhatTheyFollow)
{
    const std::vector<Block> blocks = {
        para(Role::Heading, 0, strings().get("section.analysis")),
        plain("stray before any issue"),
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        plain("stray after a title"),
        para(Role::Question, 0, label("origins")),
        para(Role::IssuePartAnswer, 0, "o1"),
        plain("o2 typed in Text body"),
        plain(""),
        plain(" \t "),
        para(Role::Question, 0, label("maintainingFactors")),
        plain("m1 without our style"),
        para(Role::Subheading, 0, strings().get("section.strengths")),
        plain("A strength in Text body"),
        para(Role::ListItem, 0, "A styled strength"),
        para(Role::Subheading, 0, strings().get("section.considerations")),
        para(Role::Question, 0, label("notKnown")),
        plain("not known, unstyled"),
        para(Role::Subheading, 0, strings().get("section.plan")),
        plain("stray under the plan heading"),
        para(Role::ConsiderationAnswer, 7, "patterns"),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.issues.size(), 1u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "o1\no2 typed in Text body") << "blank ones are dropped";
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "m1 without our style");
    EXPECT_EQ(a.list(ListKind::Strengths),
              (std::vector<Item>{ makeItem("A strength in Text body"), makeItem("A styled strength") }));
    EXPECT_EQ(a.consideration(Consideration::NotKnown), "not known, unstyled");
    EXPECT_EQ(a.consideration(Consideration::Patterns), "patterns");
    EXPECT_EQ(a.unplaced, (std::vector<std::string>{ "stray before any issue", "stray after a title",
                                                     "stray under the plan heading" }))
        << "nothing is dropped";
}

TEST(ReadAnalysis, QuestionLabelsAndHeadingsAreNotContent)
{
    const std::vector<Block> blocks = {
        para(Role::Heading, 0, "Renamed heading"),
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::Question, 0, "A question label edited by hand"),
        para(Role::IssuePartAnswer, 0, "answer"),
        para(Role::Question, 0, "Another label"),
        para(Role::Subheading, 0, "Strengths"),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.issues.size(), 1u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "answer");
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "");
    for (const auto& list : a.lists)
        EXPECT_TRUE(list.empty());
    EXPECT_TRUE(a.unplaced.empty());
}

TEST(ReadAnalysis, RaisedByRecognisesEveryVoice)
{
    for (std::size_t k = 0; k < aa::voiceCount; ++k)
    {
        const auto v = static_cast<Voice>(k);
        SCOPED_TRACE(aa::jsonName(v));
        const std::vector<Block> blocks = {
            para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
            para(Role::RaisedBy, 0,
                 strings().get("raisedBy.prefix") + strings().get(std::string("voice.") + aa::jsonName(v))),
        };
        EXPECT_EQ(readAnalysis(blocks).analysis.issues.at(0).raisedBy, (std::vector<Voice>{ v }));
    }
    const std::vector<Block> example = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::RaisedBy, 0, "Identified by: the practitioner, the child"),
    };
    EXPECT_EQ(readAnalysis(example).analysis.issues.at(0).raisedBy,
              (std::vector<Voice>{ Voice::Practitioner, Voice::Child }));
    const std::vector<Block> none = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::RaisedBy, 0, "Identified by: not yet recorded"),
    };
    EXPECT_TRUE(readAnalysis(none).analysis.issues.at(0).raisedBy.empty());
}

TEST(ReadAnalysis, HeadingWithoutBookmarkGetsAFreshIdThatDoesNotCollide)
{
    Paragraph pastedCopy = plain("Pasted copy, style lost", "Heading 4");
    pastedCopy.bookmarks = { "AA_issue_issue3 Copy 1" };
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "No bookmark A"),
        para(Role::IssueTitle, 0, "Holds issue1", { "AA_issue_issue1" }),
        para(Role::IssueTitle, 0, "Foreign bookmarks only", { "_Toc123", "AA_issue_", "AA_issue_9x" }),
        para(Role::IssueTitle, 0, "Holds issue3", { "_Toc9", "AA_issue_issue3" }),
        para(Role::IssueTitle, 0, "Copy of issue1's heading", { "AA_issue_issue1" }),
        pastedCopy,
    };
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_TRUE(read.found);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.issues.size(), 6u);
    EXPECT_EQ(a.issues[0].id, "issue2");
    EXPECT_EQ(a.issues[1].id, "issue1");
    EXPECT_EQ(a.issues[2].id, "issue4");
    EXPECT_EQ(a.issues[3].id, "issue3");
    EXPECT_EQ(a.issues[4].id, "issue5") << "a repeated bookmark does not give a repeated id";
    EXPECT_EQ(a.issues[5].id, "issue6") << "a pasted copy's bookmark is not the original's";
    EXPECT_EQ(a.issues[5].title, "Pasted copy, style lost");
    EXPECT_EQ(a.issues[0].title, "No bookmark A");
    // Every id is valid and unique, so the result is valid input again.
    EXPECT_NO_THROW(aa::parseAnalysis(aa::toJson(a)));
}

TEST(ReadAnalysis, NothingFoundWithoutAnalysisMarks)
{
    EXPECT_FALSE(readAnalysis({}).found);
    const std::vector<Block> blocks = {
        plain("Title", "Heading 1"),
        plain("Some text with a link", "Text body"),
        plain("Analysis of the assessment", "Heading 2"),
        plain(strings().get("part.origins.label")),
        Table{ { { Cell{ plain("a", "Table Contents") } } } },
    };
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_FALSE(read.found);
    EXPECT_TRUE(read.analysis.issues.empty());
    EXPECT_FALSE(read.analysis.hasPlan);
    EXPECT_TRUE(read.analysis.unplaced.empty());
    EXPECT_FALSE(read.layout.first);
    // Any one of ours is enough.
    EXPECT_TRUE(readAnalysis({ para(Role::Heading, 0, "x") }).found);
    EXPECT_TRUE(readAnalysis({ para(Role::ListItem, 1, "") }).found);
    EXPECT_TRUE(readAnalysis({ para(Role::ConsiderationAnswer, 0, "") }).found);
    EXPECT_FALSE(readAnalysis({ plain("Heading", "Heading 4") }).found);
    Paragraph bookmarked = plain("Heading", "Heading 4");
    bookmarked.bookmarks = { "AA_issue_x" };
    EXPECT_TRUE(readAnalysis({ bookmarked }).found);
}

Paragraph& findParagraph(std::vector<Block>& blocks, Role role, const std::string& text)
{
    for (Block& b : blocks)
        if (Paragraph* p = std::get_if<Paragraph>(&b);
            p && aa::roleOfStyle(p->style).role == role && p->text.rfind(text, 0) == 0)
            return *p;
    throw std::runtime_error("no paragraph " + text);
}

TEST(ReadAnalysis, WhatReadReturnsIsValidInputAfterHandEdits)
{
    // Changed: read output is given back in ParseMode::Update, which accepts what hand edits leave
    // (empty titles and texts, plan rows whose issue or item is gone); Insert mode still refuses it.
    const Analysis a = richAnalysis();
    struct HandEdit
    {
        std::string name;
        std::function<void(std::vector<Block>&)> apply;
    };
    const std::vector<HandEdit> edits = {
        { "issue heading deleted (items and plan rows still link to it)",
          [&](std::vector<Block>& blocks) {
              Paragraph& title = findParagraph(blocks, Role::IssueTitle, a.issues[0].title);
              title.style = "Text body";
              title.bookmarks.clear();
          } },
        { "help item deleted (its plan row keeps its bookmark)",
          [&](std::vector<Block>& blocks) {
              Paragraph& item = findParagraph(blocks, Role::ListItem, "Support Ms Green");
              item = plain("");
          } },
        { "item text deleted, links left",
          [&](std::vector<Block>& blocks) {
              Paragraph& item = findParagraph(blocks, Role::ListItem, "Linked to three");
              item.spans.front().text.clear();
              item.text.erase(0, std::string("Linked to three").size());
          } },
        { "issue title cleared, bookmark left",
          [&](std::vector<Block>& blocks) {
              Paragraph& title = findParagraph(blocks, Role::IssueTitle, a.issues[1].title);
              title.text.clear();
              title.spans.clear();
              title.emptyBookmarks = title.bookmarks;
          } },
    };
    std::vector<HandEdit> all = edits;
    all.push_back({ "all of them", [&](std::vector<Block>& blocks) {
                       for (const HandEdit& edit : edits)
                           edit.apply(blocks);
                   } });
    for (const HandEdit& edit : all)
    {
        SCOPED_TRACE(edit.name);
        std::vector<Block> blocks = layout(a);
        edit.apply(blocks);
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_TRUE(read.found);
        const std::string json = aa::toJson(read.analysis);
        try
        {
            const Analysis again = aa::parseAnalysis(json, strings(), aa::ParseMode::Update);
            EXPECT_TRUE(again == read.analysis) << "update mode takes it as it is: " << json;
        }
        catch (const aa::InputError& e)
        {
            ADD_FAILURE() << e.what();
        }
        EXPECT_THROW(aa::parseAnalysis(json), aa::InputError) << "insert mode still refuses it";
    }
}

TEST(ReadAnalysis, LinksToIssuesThatAreGoneAreDropped)
{
    const Analysis a = richAnalysis();
    ASSERT_EQ(a.issues[0].id, "housing");
    std::vector<Block> blocks = layout(a);
    Paragraph& title = findParagraph(blocks, Role::IssueTitle, a.issues[0].title);
    title.style = "Text body"; // the heading deleted by hand, its text kept as a paragraph
    title.bookmarks.clear();
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.analysis.issues.size(), a.issues.size() - 1);
    EXPECT_FALSE(read.analysis.findIssue("housing"));
    for (const auto& items : read.analysis.lists)
        for (const Item& item : items)
            EXPECT_EQ(std::find(item.issues.begin(), item.issues.end(), "housing"), item.issues.end()) << item.text;
    // An item that named only that issue keeps its text; one that named others keeps those.
    const auto& help = read.analysis.list(ListKind::WhatWouldHelp);
    ASSERT_EQ(help.size(), a.list(ListKind::WhatWouldHelp).size());
    EXPECT_EQ(help[0].text, a.list(ListKind::WhatWouldHelp)[0].text);
    EXPECT_TRUE(help[0].issues.empty());
    EXPECT_EQ(help[0].id, a.list(ListKind::WhatWouldHelp)[0].id);
    const auto& strengths = read.analysis.list(ListKind::Strengths);
    ASSERT_EQ(strengths.size(), a.list(ListKind::Strengths).size());
    EXPECT_EQ(strengths.back().issues, (std::vector<std::string>{ "fatherContact", "mentalHealth" }));
    // The plan is not the reader's to change: its row still names the issue (updatePlan flags it).
    EXPECT_EQ(read.analysis.plan.at(0).cell(PlanColumn::Issue), "housing");
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
        EXPECT_EQ(read.layout.items[k].size(), read.analysis.lists[k].size()) << "layout stays parallel";
}

TEST(ReadAnalysis, ItemsLeftWithNothingAreDroppedWithTheirLayout)
{
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::ListItem, 0, "kept"),                                              // 1
        para(Role::ListItem, 0, "", {}, { Span{ "Gone", "#AA_issue_gone", "AA_issue_gone" } }), // 2
        para(Role::ListItem, 0, "", {}, { Span{ "Gone", "#AA_issue_gone", "" }, Span{ "One", "#AA_issue_one", "" } }),
        para(Role::ListItem, 1, "", { "AA_help_h" }, { Span{ "Gone", "", "AA_issue_gone" } }), // 4
        para(Role::ListItem, 1, "text stays", {}, { Span{ "text stays", "", "" }, Span{ "Gone", "#AA_issue_gone", "" } }),
        para(Role::ListItem, 2, "", {}, { Span{ "Gone", "#AA_issue_gone", "" }, Span{ "Gone", "#AA_issue_gone2", "" } }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    EXPECT_EQ(a.list(ListKind::Strengths), (std::vector<Item>{ makeItem("kept"), makeItem("", { "one" }) }));
    EXPECT_EQ(read.layout.items[0], (std::vector<std::size_t>{ 1, 3 })) << "parallel to the items";
    ASSERT_EQ(a.list(ListKind::WhatWouldHelp).size(), 1u);
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp)[0].text, "text stays");
    EXPECT_TRUE(a.list(ListKind::WhatWouldHelp)[0].issues.empty());
    EXPECT_EQ(read.layout.items[1], (std::vector<std::size_t>{ 5 }));
    EXPECT_TRUE(a.list(ListKind::SuccessSigns).empty());
    EXPECT_TRUE(read.layout.items[2].empty());
    EXPECT_EQ(a.issues.at(0).id, "one") << "two dangling ids, no heading without a bookmark";
}

TEST(ReadAnalysis, HeadingThatLostItsBookmarkTakesBackTheIdLinksPointTo)
{
    const Analysis a = richAnalysis();
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        SCOPED_TRACE(a.issues[i].id);
        std::vector<Block> blocks = layout(a);
        findParagraph(blocks, Role::IssueTitle, a.issues[i].title).bookmarks.clear(); // retyped
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_EQ(read.analysis.issues.size(), a.issues.size());
        EXPECT_EQ(read.analysis.issues[i].id, a.issues[i].id);
        EXPECT_FALSE(read.layout.issues[i].bookmarkIntact) << "titleRepairs puts the bookmark back";
        for (std::size_t j = 0; j < a.issues.size(); ++j)
            if (j != i)
            {
                EXPECT_TRUE(read.layout.issues[j].bookmarkIntact) << a.issues[j].id;
            }
        EXPECT_TRUE(read.analysis.lists == a.lists) << "every link still resolves";
        EXPECT_TRUE(read.analysis == a) << aa::toJson(read.analysis);
    }
}

TEST(ReadAnalysis, HeadingTakesBackAnIdThatOnlyAPlanRowNames)
{
    Analysis a;
    aa::Issue one;
    one.id = "one";
    one.title = "One";
    aa::Issue two = one;
    two.id = "two";
    two.title = "Two";
    a.issues = { one, two };
    PlanRow row;
    row.cell(PlanColumn::Issue) = "two";
    row.cell(PlanColumn::Who) = "me";
    a.plan = { row };
    a.hasPlan = true;
    std::vector<Block> blocks = layout(a);
    findParagraph(blocks, Role::IssueTitle, "Two").bookmarks.clear();
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.analysis.issues.size(), 2u);
    EXPECT_EQ(read.analysis.issues[1].id, "two");
}

TEST(ReadAnalysis, AmbiguousLostBookmarksGetFreshIds)
{
    const Analysis a = richAnalysis();
    // Two headings lost their bookmarks: which id is whose is not known.
    {
        std::vector<Block> blocks = layout(a);
        findParagraph(blocks, Role::IssueTitle, a.issues[0].title).bookmarks.clear();
        findParagraph(blocks, Role::IssueTitle, a.issues[2].title).bookmarks.clear();
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_EQ(read.analysis.issues.size(), a.issues.size());
        EXPECT_EQ(read.analysis.issues[0].id, "issue1");
        EXPECT_EQ(read.analysis.issues[2].id, "issue2");
        EXPECT_EQ(read.analysis.issues[1].id, a.issues[1].id);
        for (const auto& items : read.analysis.lists)
            for (const Item& item : items)
                for (const std::string& id : item.issues)
                    EXPECT_TRUE(read.analysis.findIssue(id)) << id << " dangles";
    }
    // One heading lost its bookmark, another was deleted: two ids dangle, so neither is taken.
    {
        std::vector<Block> blocks = layout(a);
        findParagraph(blocks, Role::IssueTitle, a.issues[0].title).bookmarks.clear();
        Paragraph& deleted = findParagraph(blocks, Role::IssueTitle, a.issues[2].title);
        deleted.style = "Text body";
        deleted.bookmarks.clear();
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_EQ(read.analysis.issues.size(), a.issues.size() - 1);
        EXPECT_EQ(read.analysis.issues[0].id, "issue1");
        EXPECT_FALSE(read.analysis.findIssue(a.issues[0].id));
        EXPECT_FALSE(read.analysis.findIssue(a.issues[2].id));
    }
    // A heading without a bookmark and no link dangling: a fresh id, not someone else's.
    {
        Analysis noLinks = a;
        for (auto& items : noLinks.lists)
            items.clear();
        noLinks.plan.clear();
        std::vector<Block> blocks = layout(noLinks);
        findParagraph(blocks, Role::IssueTitle, a.issues[3].title).bookmarks.clear();
        const aa::ReadResult read = readAnalysis(blocks);
        EXPECT_EQ(read.analysis.issues.at(3).id, "issue1");
        EXPECT_FALSE(read.layout.issues.at(3).bookmarkIntact);
    }
}

TEST(ReadAnalysis, BookmarkIntactOnlyWhenTheTitleHoldsItOverText)
{
    Paragraph collapsed = para(Role::IssueTitle, 0, "Retyped", { "AA_issue_b" });
    collapsed.emptyBookmarks = { "AA_issue_b" }; // the text was typed over, the bookmark is a point
    Paragraph otherEmpty = para(Role::IssueTitle, 0, "Fine", { "AA_issue_c", "_Toc1" });
    otherEmpty.emptyBookmarks = { "_Toc1" };
    Paragraph copy = para(Role::IssueTitle, 0, "Copy", { "AA_issue_a" });
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "Intact", { "AA_issue_a" }),
        collapsed,
        otherEmpty,
        para(Role::IssueTitle, 0, "No bookmark"),
        copy,
    };
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.layout.issues.size(), 5u);
    EXPECT_TRUE(read.layout.issues[0].bookmarkIntact);
    EXPECT_EQ(read.analysis.issues[1].id, "b") << "a point bookmark still names the issue";
    EXPECT_FALSE(read.layout.issues[1].bookmarkIntact);
    EXPECT_TRUE(read.layout.issues[2].bookmarkIntact) << "only our bookmark counts";
    EXPECT_FALSE(read.layout.issues[3].bookmarkIntact);
    EXPECT_FALSE(read.layout.issues[4].bookmarkIntact) << "a copy's bookmark is the original's";
    EXPECT_NE(read.analysis.issues[4].id, "a");
    // The writer's own layout is intact everywhere, and an empty title's bookmark is not.
    Analysis a = richAnalysis();
    for (const aa::IssueLayout& il : readAnalysis(layout(a)).layout.issues)
        EXPECT_TRUE(il.bookmarkIntact);
    a.issues[2].title.clear();
    const aa::ReadResult emptyTitle = readAnalysis(layout(a));
    EXPECT_EQ(emptyTitle.analysis.issues[2].id, a.issues[2].id);
    EXPECT_FALSE(emptyTitle.layout.issues[2].bookmarkIntact);
}

TEST(ReadAnalysis, LinkedIssue)
{
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_issue_x", "" }), std::optional<std::string>("x"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "", "AA_issue_y" }), std::optional<std::string>("y"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_issue_x", "AA_issue_y" }), std::optional<std::string>("x"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_issue_1bad", "AA_issue_y" }), std::optional<std::string>("y"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "https://e.org/#AA_issue_x", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "AA_issue_x", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "", "_Toc1" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_help_x", "" }), std::nullopt);
}

TEST(ReadAnalysis, BookmarkNames)
{
    EXPECT_EQ(aa::helpBookmarkName("help1"), "AA_help_help1");
    EXPECT_EQ(aa::planRowBookmarkName("help1"), "AA_plan_help1");
    EXPECT_EQ(aa::helpIdFromBookmark("AA_help_help1"), std::optional<std::string>("help1"));
    EXPECT_EQ(aa::helpIdFromPlanRowBookmark("AA_plan_help1"), std::optional<std::string>("help1"));
    EXPECT_EQ(aa::helpIdFromBookmark("AA_plan_help1"), std::nullopt);
    EXPECT_EQ(aa::helpIdFromPlanRowBookmark("AA_help_help1"), std::nullopt);
    EXPECT_EQ(aa::helpIdFromBookmark("AA_help_"), std::nullopt);
    EXPECT_EQ(aa::helpIdFromBookmark("AA_help_a b"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("AA_help_x"), std::nullopt);
    EXPECT_LE(aa::planRowBookmarkName(std::string(31, 'x')).size(), 40u) << "Word keeps at most 40";
}

// ---------------------------------------------------------------------------------------------
// buildOdtFragment

std::string entry(const std::vector<aa::test::ZipEntry>& entries, const std::string& name)
{
    for (const auto& e : entries)
        if (e.name == name)
            return e.data;
    ADD_FAILURE() << "no entry " << name;
    return {};
}

TEST(OdtFragment, PackageStartsWithUncompressedMimetype)
{
    const std::string zip = aa::buildOdtFragment(richAnalysis());
    ASSERT_GT(zip.size(), 38u + 39u);
    EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(aa::test::le16(zip, 8), 0u) << "stored, not deflated";
    EXPECT_EQ(aa::test::le16(zip, 26), 8u) << "name length";
    EXPECT_EQ(aa::test::le16(zip, 28), 0u) << "no extra field before the mimetype";
    EXPECT_EQ(zip.substr(30, 8), "mimetype");
    const std::string mime = "application/vnd.oasis.opendocument.text";
    EXPECT_EQ(aa::test::le32(zip, 18), mime.size());
    EXPECT_EQ(aa::test::le32(zip, 22), mime.size());
    EXPECT_EQ(zip.substr(38, mime.size()), mime);
    EXPECT_EQ(aa::test::le32(zip, 14), aa::crc32(mime));
}

TEST(OdtFragment, PackageHoldsContentStylesAndManifest)
{
    const std::vector<aa::test::ZipEntry> entries = aa::test::readZip(aa::buildOdtFragment(richAnalysis()));
    std::vector<std::string> names;
    for (const auto& e : entries)
    {
        names.push_back(e.name);
        EXPECT_EQ(e.method, 0u) << e.name;
        EXPECT_EQ(e.size, e.data.size()) << e.name;
        EXPECT_EQ(e.crc, aa::crc32(e.data)) << e.name;
    }
    EXPECT_EQ(names, (std::vector<std::string>{ "mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml" }));
    const std::string manifest = entry(entries, "META-INF/manifest.xml");
    EXPECT_NE(manifest.find(R"(manifest:full-path="content.xml")"), std::string::npos);
    EXPECT_NE(manifest.find(R"(manifest:full-path="styles.xml")"), std::string::npos);
    const std::string styles = entry(entries, "styles.xml");
    for (const aa::StyleSpec& spec : aa::styleSpecs())
        EXPECT_NE(styles.find("style:display-name=\"" + spec.name + "\""), std::string::npos) << spec.name;
}

TEST(OdtFragment, ContentHoldsBookmarksLinksAndEscapedText)
{
    Analysis a = richAnalysis();
    a.issues[0].title = "Housing <&> \"quoted\"";
    a.list(ListKind::WhatWouldHelp)[0].text = "Help & support < today >";
    const std::string content = entry(aa::test::readZip(aa::buildOdtFragment(a)), "content.xml");
    ASSERT_FALSE(content.empty());
    for (const aa::Issue& issue : a.issues)
    {
        SCOPED_TRACE(issue.id);
        const std::string bookmark = aa::issueBookmarkName(issue.id);
        EXPECT_NE(content.find("<text:bookmark-start text:name=\"" + bookmark + "\"/>"), std::string::npos);
        EXPECT_NE(content.find("<text:bookmark-end text:name=\"" + bookmark + "\"/>"), std::string::npos);
    }
    EXPECT_NE(content.find(R"(xlink:href="#AA_issue_housing")"), std::string::npos);
    EXPECT_NE(content.find(R"(xlink:href="#AA_issue_fatherContact")"), std::string::npos);
    EXPECT_NE(content.find(R"(text:ref-name="AA_issue_mentalHealth")"), std::string::npos);
    EXPECT_NE(content.find("Housing &lt;&amp;&gt; \"quoted\""), std::string::npos);
    EXPECT_EQ(content.find("Housing <&>"), std::string::npos);
    EXPECT_NE(content.find("Help &amp; support &lt; today &gt;"), std::string::npos);
    // Text and the style names the reader relies on.
    EXPECT_NE(content.find("text:style-name=\"Analysis_20_Issue_20_Title\""), std::string::npos);
    EXPECT_NE(content.find("text:style-name=\"Analysis_20_Plan_20_Header\""), std::string::npos);
    EXPECT_NE(content.find(aa::paragraphXml(a.issues[3].title)), std::string::npos);
    EXPECT_NE(content.find("Third, after an empty one."), std::string::npos);
    EXPECT_NE(content.find(strings().get("plan.contingency")), std::string::npos);
    // It never ends in a table.
    const std::string tail = "</table:table><text:p/></office:text></office:body></office:document-content>";
    ASSERT_GE(content.size(), tail.size());
    EXPECT_EQ(content.substr(content.size() - tail.size()), tail);
}

TEST(OdtFragment, ContentTiesHelpItemsToPlanRowsAndShowsFlags)
{
    const Analysis a = richAnalysis();
    const std::string content = entry(aa::test::readZip(aa::buildOdtFragment(a)), "content.xml");
    for (const Item& item : a.list(ListKind::WhatWouldHelp))
    {
        SCOPED_TRACE(item.id);
        const std::string bookmark = aa::helpBookmarkName(item.id);
        const std::string start = "<text:bookmark-start text:name=\"" + bookmark + "\"/>";
        const std::size_t at = content.find(start);
        ASSERT_NE(at, std::string::npos);
        // The bookmark holds exactly the item's text.
        const std::string inner = aa::paragraphXml(item.text) + "<text:bookmark-end text:name=\"" + bookmark + "\"/>";
        EXPECT_EQ(content.compare(at + start.size(), inner.size(), inner), 0);
    }
    for (const PlanRow& row : a.plan)
        if (!row.help.empty())
        {
            EXPECT_NE(content.find("<text:bookmark text:name=\"" + aa::planRowBookmarkName(row.help) + "\"/>"),
                      std::string::npos)
                << row.help;
        }
    // The first derived row's action cell starts with its bookmark.
    // (Changed: the row's help id is the item's hash id, no longer "help1".)
    EXPECT_NE(content.find("<text:p text:style-name=\"Analysis_20_Plan_20_Cell\"><text:bookmark text:name=\"AA_plan_"
                           + a.plan[0].help + "\"/>" + aa::paragraphXml(a.plan[0].cell(PlanColumn::Action))),
              std::string::npos);
    // Flags: one per flagged row, in its issue cell, before the link.
    const std::string flag = "<text:p text:style-name=\"Analysis_20_Plan_20_Flag\">"
                             + aa::paragraphXml(strings().get("plan.flag")) + "</text:p>";
    std::size_t flags = 0;
    for (std::size_t at = content.find(flag); at != std::string::npos; at = content.find(flag, at + 1))
        ++flags;
    EXPECT_EQ(flags, 2u);
    // Strengths and success signs carry no help bookmark.
    EXPECT_EQ(content.find("AA_help_", content.find(strings().get("section.successSigns"))), std::string::npos);
}

TEST(OdtFragment, PartsCanBeLeftOut)
{
    const Analysis a = richAnalysis();
    const std::string tail = "<text:p/></office:text></office:body></office:document-content>";
    aa::FragmentParts planOnly;
    planOnly.analysis = false;
    const std::string plan = entry(aa::test::readZip(aa::buildOdtFragment(a, strings(), planOnly)), "content.xml");
    EXPECT_EQ(plan.find("Analysis_20_Issue_20_Title"), std::string::npos);
    EXPECT_EQ(plan.find(aa::paragraphXml(strings().get("section.analysis"))), std::string::npos);
    EXPECT_NE(plan.find("<table:table "), std::string::npos);
    EXPECT_NE(plan.find(aa::paragraphXml(strings().get("section.plan"))), std::string::npos);
    EXPECT_EQ(plan.compare(plan.size() - tail.size(), tail.size(), tail), 0);

    aa::FragmentParts analysisOnly;
    analysisOnly.plan = false;
    const std::string analysis
        = entry(aa::test::readZip(aa::buildOdtFragment(a, strings(), analysisOnly)), "content.xml");
    EXPECT_NE(analysis.find("Analysis_20_Issue_20_Title"), std::string::npos);
    EXPECT_EQ(analysis.find("<table:table "), std::string::npos);
    EXPECT_EQ(analysis.find(aa::paragraphXml(strings().get("section.plan"))), std::string::npos);
    EXPECT_EQ(analysis.compare(analysis.size() - tail.size(), tail.size(), tail), 0);
}

TEST(OdtFragment, ContentTagsAreBalanced)
{
    const std::string content = entry(aa::test::readZip(aa::buildOdtFragment(richAnalysis())), "content.xml");
    // A small well-formedness check: every start tag is closed in order.
    std::vector<std::string> open;
    std::size_t at = content.find("?>");
    ASSERT_NE(at, std::string::npos);
    while ((at = content.find('<', at)) != std::string::npos)
    {
        const std::size_t end = content.find('>', at);
        ASSERT_NE(end, std::string::npos);
        std::string tag = content.substr(at + 1, end - at - 1);
        at = end + 1;
        if (!tag.empty() && tag.back() == '/')
            continue;
        const bool closing = !tag.empty() && tag[0] == '/';
        std::string name = tag.substr(closing ? 1 : 0);
        name = name.substr(0, name.find(' '));
        if (closing)
        {
            ASSERT_FALSE(open.empty()) << "stray </" << name << ">";
            ASSERT_EQ(open.back(), name);
            open.pop_back();
        }
        else
            open.push_back(name);
    }
    EXPECT_TRUE(open.empty());
}

// ---------------------------------------------------------------------------------------------
// paragraphXml

TEST(ParagraphXml, EscapesMarkup)
{
    EXPECT_EQ(aa::paragraphXml("a&b<c>d"), "a&amp;b&lt;c&gt;d");
    EXPECT_EQ(aa::paragraphXml("&amp;"), "&amp;amp;");
    EXPECT_EQ(aa::paragraphXml(""), "");
    EXPECT_EQ(aa::paragraphXml("caf\xC3\xA9 \xF0\x9F\x98\x80"), "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(ParagraphXml, OnlyASpaceBetweenTwoOtherCharactersStaysLiteral)
{
    EXPECT_EQ(aa::paragraphXml("a b"), "a b");
    EXPECT_EQ(aa::paragraphXml("a  b"), "a<text:s/><text:s/>b");
    EXPECT_EQ(aa::paragraphXml("a   b c"), "a<text:s/><text:s/><text:s/>b c");
    EXPECT_EQ(aa::paragraphXml(" a"), "<text:s/>a");
    EXPECT_EQ(aa::paragraphXml("a "), "a<text:s/>");
    EXPECT_EQ(aa::paragraphXml(" "), "<text:s/>");
    EXPECT_EQ(aa::paragraphXml("  "), "<text:s/><text:s/>");
    EXPECT_EQ(aa::paragraphXml("& <"), "&amp; &lt;");
}

TEST(ParagraphXml, TabsBecomeTabElements)
{
    EXPECT_EQ(aa::paragraphXml("a\tb"), "a<text:tab/>b");
    EXPECT_EQ(aa::paragraphXml("\t\t"), "<text:tab/><text:tab/>");
    EXPECT_EQ(aa::paragraphXml("a\t b"), "a<text:tab/><text:s/>b") << "a space after a tab is not literal";
}

TEST(ParagraphXml, KeepsEverySpace)
{
    // Whatever the spacing, counting literal spaces and <text:s/> gives back every space.
    for (const std::string& text : std::vector<std::string>{ "a", " a  b   c ", "   ", "x \t y", " \t ", "a b c d" })
    {
        SCOPED_TRACE("[" + text + "]");
        const std::string xml = aa::paragraphXml(text);
        std::string rebuilt;
        for (std::size_t i = 0; i < xml.size();)
        {
            if (xml.compare(i, 9, "<text:s/>") == 0)
            {
                rebuilt += ' ';
                i += 9;
            }
            else if (xml.compare(i, 11, "<text:tab/>") == 0)
            {
                rebuilt += '\t';
                i += 11;
            }
            else
                rebuilt += xml[i++];
        }
        EXPECT_EQ(rebuilt, text);
        // No two literal spaces in a row, none first or last.
        EXPECT_EQ(xml.find("  "), std::string::npos) << xml;
        EXPECT_NE(xml.front(), ' ');
        EXPECT_NE(xml.back(), ' ');
    }
}

} // namespace
