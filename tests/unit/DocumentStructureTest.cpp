// readAnalysis on hand-built blocks, buildOdtFragment's package, paragraphXml.
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Json.hpp"
#include "OdtFragment.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"
#include "Zip.hpp"

#include <gtest/gtest.h>

#include <string>
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

const Strings& strings() { return Strings::builtIn(); }

Paragraph para(Role role, std::size_t index, const std::string& text,
               std::vector<std::string> bookmarks = {}, std::vector<Span> spans = {})
{
    return Paragraph{ aa::styleName(role, index), text, std::move(bookmarks), std::move(spans) };
}

Paragraph plain(const std::string& text, const std::string& style = "Text body")
{
    return Paragraph{ style, text, {}, {} };
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            return out;
        start = end + 1;
    }
}

void answer(std::vector<Block>& blocks, Role role, std::size_t index, const std::string& text)
{
    for (const std::string& line : lines(text))
        blocks.emplace_back(para(role, index, line));
}

std::string label(const std::string& key) { return strings().get("part." + key + ".label"); }

/// The span a hyperlinked cross-reference field to an issue heading reads as.
Span issueLinkSpan(const Analysis& a, const std::string& id)
{
    const aa::Issue* issue = a.findIssue(id);
    return Span{ issue ? issue->title : id, "#" + aa::issueBookmarkName(id), aa::issueBookmarkName(id) };
}

/// The blocks Writer shows for an analysis inserted by buildOdtFragment (see ContentWriter),
/// as DocumentReader reads them. mergeTextSpans: Writer reports adjacent plain text as one portion.
std::vector<Block> layout(const Analysis& a, bool mergeTextSpans = false)
{
    std::vector<Block> blocks;
    blocks.emplace_back(plain("Report text before the analysis", "Default Paragraph Style"));
    blocks.emplace_back(para(Role::Heading, 0, strings().get("section.analysis")));
    blocks.emplace_back(para(Role::Subheading, 0, strings().get("section.issues")));
    for (const aa::Issue& issue : a.issues)
    {
        blocks.emplace_back(para(Role::IssueTitle, 0, issue.title, { aa::issueBookmarkName(issue.id) },
                                 { Span{ issue.title, "", "" } }));
        std::string voices;
        for (Voice v : issue.raisedBy)
            voices += (voices.empty() ? "" : strings().get("raisedBy.separator"))
                      + strings().get(std::string("voice.") + aa::jsonName(v));
        if (voices.empty())
            voices = strings().get("raisedBy.none");
        blocks.emplace_back(para(Role::RaisedBy, 0, strings().get("raisedBy.prefix") + voices));
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
        {
            blocks.emplace_back(para(Role::Question, 0, label(aa::jsonName(static_cast<IssuePart>(p)))));
            answer(blocks, Role::IssuePartAnswer, p, issue.parts[p]);
        }
    }
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
    {
        blocks.emplace_back(para(Role::Subheading, 0,
                                 strings().get(std::string("section.") + aa::jsonName(static_cast<ListKind>(k)))));
        if (a.lists[k].empty())
            blocks.emplace_back(para(Role::ListItem, k, ""));
        for (const Item& item : a.lists[k])
        {
            std::vector<Span> spans;
            std::string text = item.text;
            spans.push_back(Span{ item.text, "", "" });
            if (!item.issues.empty())
            {
                const std::string prefix = strings().get("item.linkPrefix");
                text += prefix;
                if (mergeTextSpans)
                    spans.back().text += prefix;
                else
                    spans.push_back(Span{ prefix, "", "" });
                for (std::size_t i = 0; i < item.issues.size(); ++i)
                {
                    if (i)
                    {
                        text += strings().get("item.linkSeparator");
                        spans.push_back(Span{ strings().get("item.linkSeparator"), "", "" });
                    }
                    spans.push_back(issueLinkSpan(a, item.issues[i]));
                    text += spans.back().text;
                }
                text += strings().get("item.linkSuffix");
                spans.push_back(Span{ strings().get("item.linkSuffix"), "", "" });
            }
            blocks.emplace_back(para(Role::ListItem, k, text, {}, spans));
        }
    }
    blocks.emplace_back(para(Role::Subheading, 0, strings().get("section.considerations")));
    for (std::size_t k = 0; k < aa::considerationCount; ++k)
    {
        blocks.emplace_back(para(Role::Question, 0, label(aa::jsonName(static_cast<Consideration>(k)))));
        answer(blocks, Role::ConsiderationAnswer, k, a.considerations[k]);
    }
    blocks.emplace_back(para(Role::Subheading, 0, strings().get("section.plan")));
    Table table;
    aa::Row header;
    for (std::size_t c = 0; c < aa::planColumnCount; ++c)
        header.push_back(Cell{ para(Role::PlanHeader, 0,
                                    strings().get(std::string("plan.") + aa::jsonName(static_cast<PlanColumn>(c)))) });
    table.rows.push_back(header);
    std::vector<PlanRow> rows = a.plan;
    if (rows.empty())
        rows.emplace_back();
    for (const PlanRow& row : rows)
    {
        aa::Row cells;
        const std::string& id = row.cell(PlanColumn::Issue);
        if (id.empty())
            cells.push_back(Cell{ para(Role::PlanCell, 0, "") });
        else
        {
            const Span link = issueLinkSpan(a, id);
            cells.push_back(Cell{ para(Role::PlanCell, 0, link.text, {}, { link }) });
        }
        for (std::size_t c = 1; c < aa::planColumnCount; ++c)
        {
            Cell cell;
            for (const std::string& line : lines(row.cells[c]))
                cell.push_back(para(Role::PlanCell, 0, line));
            cells.push_back(cell);
        }
        table.rows.push_back(cells);
    }
    blocks.emplace_back(table);
    blocks.emplace_back(plain(""));
    blocks.emplace_back(plain("Report text after the analysis"));
    return blocks;
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
    a.list(ListKind::Strengths).push_back(Item{ "A strength linked to nothing", {} });
    a.list(ListKind::Strengths).push_back(Item{ "Linked to three", { "fatherContact", "housing", "mentalHealth" } });
    a.list(ListKind::SuccessSigns).clear();
    a.consideration(Consideration::NotKnown) = "";
    a.consideration(Consideration::Patterns) = "One.\nTwo.\n\nFour.";
    PlanRow full;
    for (std::size_t c = 1; c < aa::planColumnCount; ++c)
        full.cells[c] = "cell " + std::to_string(c) + "\nsecond line";
    full.cell(PlanColumn::Issue) = "fatherContact";
    a.plan.push_back(full);
    PlanRow unlinked;
    unlinked.cell(PlanColumn::Who) = "Everyone";
    a.plan.push_back(unlinked);
    return a;
}

// ---------------------------------------------------------------------------------------------
// readAnalysis

TEST(ReadAnalysis, WriterLayoutReadsBackEqual)
{
    const Analysis a = richAnalysis();
    for (bool merge : { false, true })
    {
        SCOPED_TRACE(merge ? "merged text spans" : "separate spans");
        const aa::ReadResult read = readAnalysis(layout(a, merge));
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
        EXPECT_EQ(read.analysis.lists, a.lists);
        EXPECT_EQ(read.analysis.considerations, a.considerations);
        EXPECT_EQ(read.analysis.plan, a.plan);
    }
}

TEST(ReadAnalysis, SkeletonLayoutReadsBackEqual)
{
    const Analysis a = aa::withPlan(aa::makeSkeleton(3));
    const aa::ReadResult read = readAnalysis(layout(a));
    EXPECT_TRUE(read.found);
    EXPECT_TRUE(read.analysis == a) << aa::toJson(read.analysis);
    EXPECT_TRUE(read.analysis.plan.empty()) << "the row to type into is not a plan row";
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
        para(Role::IssuePartAnswer, 0, "second issue"),
        para(Role::ConsiderationAnswer, 2, "c1"),
        para(Role::ConsiderationAnswer, 2, "c2"),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.issues.size(), 2u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "o1\n\no3");
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "m1");
    EXPECT_EQ(a.issues[0].part(IssuePart::ImpactOnChild), "");
    EXPECT_EQ(a.issues[1].part(IssuePart::Origins), "second issue") << "parts start afresh per issue";
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
    };
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 1u);
    EXPECT_EQ(a.list(ListKind::Strengths)[0], (Item{ "kept", {} }));
    EXPECT_TRUE(a.list(ListKind::WhatWouldHelp).empty());
    ASSERT_EQ(a.list(ListKind::SuccessSigns).size(), 1u) << "an item with only a link is kept";
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0], (Item{ "", { "one" } }));
}

TEST(ReadAnalysis, ItemLinksResolveThroughLinkOrField)
{
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
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp)[0], (Item{ "Help", { "two", "one" } }));
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 1u);
    EXPECT_EQ(a.list(ListKind::Strengths)[0], (Item{ "See the web for more", {} }))
        << "a link that is not to an issue is plain text";
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
}

TEST(ReadAnalysis, TableWithoutPlanHeaderIsIgnored)
{
    Table table;
    table.rows.push_back({ Cell{ para(Role::PlanCell, 0, "Issue") }, Cell{ para(Role::PlanHeader, 0, "Outcome") } });
    table.rows.push_back({ Cell{ para(Role::PlanCell, 0, "x") }, Cell{ para(Role::PlanCell, 0, "y") } });
    Table noStyle;
    noStyle.rows.push_back({ Cell{ plain("Issue", "Table Heading") } });
    noStyle.rows.push_back({ Cell{ plain("x", "Table Contents") } });
    Table empty;
    Table emptyFirstCell;
    emptyFirstCell.rows.push_back({ Cell{}, Cell{ para(Role::PlanHeader, 0, "Outcome") } });
    emptyFirstCell.rows.push_back({ Cell{ para(Role::PlanCell, 0, "x") } });
    const std::vector<Block> blocks = { table, noStyle, empty, emptyFirstCell };
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_FALSE(read.found);
    EXPECT_FALSE(read.analysis.hasPlan);
    EXPECT_TRUE(read.analysis.plan.empty());
}

TEST(ReadAnalysis, ParagraphsWithOtherStylesAreIgnored)
{
    std::vector<Block> blocks = layout(richAnalysis());
    std::vector<Block> noisy;
    for (const Block& b : blocks)
    {
        noisy.push_back(b);
        noisy.emplace_back(plain("inserted by hand"));
        noisy.emplace_back(plain("Heading text", "Heading 4"));
        noisy.emplace_back(plain("almost ours", "Analysis Origins2"));
        noisy.emplace_back(plain("case matters", "analysis origins"));
    }
    const aa::ReadResult read = readAnalysis(noisy);
    EXPECT_TRUE(read.found);
    EXPECT_TRUE(read.analysis == richAnalysis()) << aa::toJson(read.analysis);
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
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.issues.size(), 1u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "answer");
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "");
    for (const auto& list : a.lists)
        EXPECT_TRUE(list.empty());
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
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "No bookmark A"),
        para(Role::IssueTitle, 0, "Holds issue1", { "AA_issue_issue1" }),
        para(Role::IssueTitle, 0, "Foreign bookmarks only", { "_Toc123", "AA_issue_", "AA_issue_9x" }),
        para(Role::IssueTitle, 0, "Holds issue3", { "_Toc9", "AA_issue_issue3" }),
        para(Role::IssueTitle, 0, "Copy of issue1's heading", { "AA_issue_issue1" }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_TRUE(read.found);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.issues.size(), 5u);
    EXPECT_EQ(a.issues[0].id, "issue2");
    EXPECT_EQ(a.issues[1].id, "issue1");
    EXPECT_EQ(a.issues[2].id, "issue4");
    EXPECT_EQ(a.issues[3].id, "issue3");
    EXPECT_EQ(a.issues[4].id, "issue5") << "a repeated bookmark does not give a repeated id";
    EXPECT_EQ(a.issues[0].title, "No bookmark A");
    // Every id is valid and unique, so the result is valid input again.
    EXPECT_NO_THROW(aa::parseAnalysis(aa::toJson(a)));
}

TEST(ReadAnalysis, NothingFoundWithoutAnalysisStyles)
{
    EXPECT_FALSE(readAnalysis({}).found);
    const std::vector<Block> blocks = {
        plain("Title", "Heading 1"),
        plain("Some text with a link", "Text body"),
        plain("Analysis of the assessment", "Heading 2"),
        Table{ { { Cell{ plain("a", "Table Contents") } } } },
    };
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_FALSE(read.found);
    EXPECT_TRUE(read.analysis.issues.empty());
    EXPECT_FALSE(read.analysis.hasPlan);
    // Any one of ours is enough.
    EXPECT_TRUE(readAnalysis({ para(Role::Heading, 0, "x") }).found);
    EXPECT_TRUE(readAnalysis({ para(Role::ListItem, 1, "") }).found);
    EXPECT_TRUE(readAnalysis({ para(Role::ConsiderationAnswer, 0, "") }).found);
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
