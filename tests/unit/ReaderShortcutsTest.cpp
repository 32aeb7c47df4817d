// What DocumentReader may leave unread because readAnalysis never looks at it: the links of
// paragraphs whose role readsLinks() says are not consulted, the links of plan cells outside the
// issue column (planTableColumns()), and what an empty cell holds besides its one empty
// paragraph. Each shortcut must give the very analysis and layout a full read gives.
#include "AnalysisShapes.hpp"
#include "DocumentStructure.hpp"
#include "Json.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

namespace
{
using aa::Block;
using aa::Cell;
using aa::Paragraph;
using aa::PlanColumn;
using aa::Role;
using aa::Table;

/// The blocks as the shortened reader reads them.
std::vector<Block> asShortReaderReads(std::vector<Block> blocks)
{
    for (Block& block : blocks)
    {
        if (Paragraph* p = std::get_if<Paragraph>(&block))
        {
            if (!aa::readsLinks(aa::roleOfStyle(p->style).role))
                p->spans.clear();
            continue;
        }
        Table& table = std::get<Table>(block);
        if (table.rows.empty())
            continue;
        const auto columns = aa::planTableColumns(table.rows[0]);
        for (std::size_t r = 1; r < table.rows.size(); ++r)
            for (std::size_t c = 0; c < table.rows[r].size(); ++c)
            {
                if (c < columns.size() && columns[c] == PlanColumn::Issue)
                    continue;
                Cell& cell = table.rows[r][c];
                for (Paragraph& p : cell)
                    p.spans.clear();
                // A cell Writer calls empty (one paragraph without text) is taken unread, unless
                // that loses a plan row's bookmark: DocumentReader counts them and then reads
                // every cell.
                if (cell.size() == 1 && cell[0].text.empty() && !cell[0].prompt && cell[0].bookmarks.empty())
                    cell = Cell{ Paragraph{} };
            }
    }
    return blocks;
}

std::string layoutKey(const aa::Layout& layout)
{
    std::string key = std::to_string(layout.blockCount) + "/" + std::to_string(layout.first.value_or(999999)) + "/"
                      + std::to_string(layout.last.value_or(999999)) + "/" + std::to_string(layout.issues.size()) + "/"
                      + std::to_string(layout.adults.size()) + "/" + std::to_string(layout.planRows.size());
    for (const aa::IssueLayout& issue : layout.issues)
        key += "," + std::to_string(issue.title) + (issue.bookmarkIntact ? "i" : "-") + std::to_string(issue.last);
    for (const aa::PlanRowLayout& row : layout.planRows)
        key += ";" + std::to_string(row.row) + "." + std::to_string(row.flagParagraph)
               + (row.issueCellTyped ? "t" : "-");
    return key;
}

void expectSameRead(const std::vector<Block>& blocks, const std::string& what)
{
    const aa::ReadResult full = aa::readAnalysis(blocks);
    const aa::ReadResult shortRead = aa::readAnalysis(asShortReaderReads(blocks));
    EXPECT_EQ(aa::toJson(shortRead.analysis), aa::toJson(full.analysis)) << what;
    EXPECT_EQ(layoutKey(shortRead.layout), layoutKey(full.layout)) << what;
    EXPECT_EQ(shortRead.found, full.found) << what;
}

TEST(ReaderShortcuts, EveryShapeReadsTheSameWithoutTheLinksTheReaderIgnores)
{
    for (const auto& [name, analysis] : aa::test::shapes())
    {
        expectSameRead(aa::test::documentBlocks(analysis), name);
        aa::test::LayoutOptions merged;
        merged.mergeTextSpans = true;
        expectSameRead(aa::test::documentBlocks(analysis, merged), name + ", merged text spans");
    }
}

TEST(ReaderShortcuts, StylesLostInWordStillReadTheLinksThatMarkTheAnalysis)
{
    // Paragraphs in no style of ours keep their links: they are how the reader finds the analysis.
    EXPECT_TRUE(aa::readsLinks(Role::None));
    for (const auto& [name, analysis] : aa::test::shapes())
    {
        aa::test::LayoutOptions lost;
        lost.stylesLost = true;
        expectSameRead(aa::test::documentBlocks(analysis, lost), name + ", styles lost");
    }
}

TEST(ReaderShortcuts, LinksAreReadWhereTheyTieThings)
{
    EXPECT_TRUE(aa::readsLinks(Role::RaisedBy));
    EXPECT_TRUE(aa::readsLinks(Role::ListItem));
    EXPECT_TRUE(aa::readsLinks(Role::PlanCell));
    EXPECT_FALSE(aa::readsLinks(Role::IssuePartAnswer));
    EXPECT_FALSE(aa::readsLinks(Role::Question));
    EXPECT_FALSE(aa::readsLinks(Role::IssueTitle));
}

TEST(ReaderShortcuts, PlanColumnsComeFromTheHeaderAsTheReaderTakesThem)
{
    const aa::Analysis analysis = aa::test::sample();
    const std::vector<Block> blocks = aa::test::documentBlocks(analysis);
    const aa::ReadResult read = aa::readAnalysis(blocks);
    ASSERT_TRUE(read.layout.planTable);
    const Table& table = std::get<Table>(blocks[*read.layout.planTable]);
    EXPECT_EQ(aa::planTableColumns(table.rows[0]), read.layout.planColumns);
    EXPECT_EQ(aa::planTableColumns(table.rows[0]).front(), PlanColumn::Issue);
}
} // namespace
