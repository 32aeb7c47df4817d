// Edits (aa::Edit, aa::UpdatePlan, aa::PlanUpdatePlan) described and applied to blocks in
// memory the way the glue applies them (src/writer/DocumentUpdater.cxx, ParagraphWriter.cxx),
// for the core tests of update, move and remove.
#pragma once

#include "TestSupport.hpp"
#include "Update.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace aa::test
{

/// A run as text: plain text as it is, "[mark|text]" a text in its bookmark, "*text*" strong,
/// "{mark|text}" a link, "<?text?>" a prompt.
inline std::string describe(const aa::Run& run)
{
    switch (run.kind)
    {
        case aa::Run::Kind::Text:
            return run.text;
        case aa::Run::Kind::Marked:
            return "[" + run.mark + "|" + run.text + "]";
        case aa::Run::Kind::Strong:
            return "*" + run.text + "*";
        case aa::Run::Kind::Link:
            return "{" + run.mark + "|" + run.text + "}";
        case aa::Run::Kind::Prompt:
            return "<?" + run.text + "?>";
    }
    return "?";
}

inline std::string describe(const aa::NewParagraph& p)
{
    std::string out = "<" + aa::styleName(p.role, p.index) + "|";
    for (const aa::Run& run : p.runs)
        out += describe(run);
    return out + ">";
}

inline std::string describe(aa::Edit::Kind kind, std::size_t block, const std::vector<aa::NewParagraph>& paragraphs)
{
    std::string out = kind == aa::Edit::Kind::Replace        ? "Replace@"
                      : kind == aa::Edit::Kind::InsertAfter  ? "InsertAfter@"
                      : kind == aa::Edit::Kind::InsertBefore ? "InsertBefore@"
                                                             : "Delete@";
    out += std::to_string(block);
    for (const aa::NewParagraph& p : paragraphs)
        out += " " + describe(p);
    return out;
}

inline std::string describe(const aa::Edit& e) { return describe(e.kind, e.block, e.paragraphs); }

inline std::string describe(const aa::PlanEdit& e)
{
    std::string out = e.kind == aa::PlanEdit::Kind::InsertRow ? "InsertRow@"
                      : e.kind == aa::PlanEdit::Kind::Flag    ? "Flag@"
                      : e.kind == aa::PlanEdit::Kind::Unflag  ? "Unflag@"
                                                              : "SetIssues@";
    out += std::to_string(e.row);
    if (e.kind == aa::PlanEdit::Kind::Unflag)
        out += "/" + std::to_string(e.flagParagraph);
    if (e.kind == aa::PlanEdit::Kind::InsertRow || e.kind == aa::PlanEdit::Kind::SetIssues)
    {
        out += " issues=";
        for (const std::string& id : e.content.issues)
            out += id + ",";
    }
    if (e.kind == aa::PlanEdit::Kind::InsertRow)
    {
        out += " help=" + e.content.help + (e.content.must ? " must" : "") + (e.content.flagged ? " flagged" : "");
        for (std::size_t c = 1; c < aa::planColumnCount; ++c)
            out += " [" + e.content.cells[c] + "]";
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// What the reader sees of a paragraph the glue wrote.

/// The paragraph DocumentReader reads back after ParagraphWriter wrote np: its style, one span
/// per run (a link as a hyperlinked field), a bookmark around a marked run (covering no text
/// when the run is empty), a prompt holding no text.
inline aa::Paragraph written(const aa::NewParagraph& np)
{
    aa::Paragraph out{ aa::styleName(np.role, np.index), "", {}, {}, {}, false };
    for (const aa::Run& run : np.runs)
        switch (run.kind)
        {
            case aa::Run::Kind::Text:
            case aa::Run::Kind::Strong:
                if (!run.text.empty())
                    out.spans.push_back(aa::Span{ run.text, "", "" });
                out.text += run.text;
                break;
            case aa::Run::Kind::Marked:
                out.bookmarks.push_back(run.mark);
                if (run.text.empty())
                    out.emptyBookmarks.push_back(run.mark);
                else
                    out.spans.push_back(aa::Span{ run.text, "", "" });
                out.text += run.text;
                break;
            case aa::Run::Kind::Link:
                out.spans.push_back(aa::Span{ run.text, "#" + run.mark, run.mark });
                out.text += run.text;
                break;
            case aa::Run::Kind::Prompt:
                out.prompt = true;
                break;
        }
    return out;
}

/// The bookmarks a paragraph writes (a marked run takes its bookmark from wherever it was).
inline void collectMarks(const aa::NewParagraph& np, std::set<std::string>& marks)
{
    for (const aa::Run& run : np.runs)
        if (run.kind == aa::Run::Kind::Marked)
            marks.insert(run.mark);
}

inline void dropMarks(aa::Paragraph& p, const std::set<std::string>& marks)
{
    auto gone = [&](const std::string& name) { return marks.count(name) != 0; };
    p.bookmarks.erase(std::remove_if(p.bookmarks.begin(), p.bookmarks.end(), gone), p.bookmarks.end());
    p.emptyBookmarks.erase(std::remove_if(p.emptyBookmarks.begin(), p.emptyBookmarks.end(), gone),
                           p.emptyBookmarks.end());
}

// ---------------------------------------------------------------------------------------------
// Applying an UpdatePlan's edits: replacements and inserts at the blocks the plan names,
// deletions last, so every anchor exists. Checks the guarantees the glue relies on: edits name
// paragraphs, one replacement per block, at most one InsertAfter and one InsertBefore per block,
// nothing both replaced and deleted.

inline std::vector<aa::Block> applyEdits(const std::vector<aa::Block>& blocks, const std::vector<aa::Edit>& edits)
{
    std::map<std::size_t, aa::Paragraph> replaced;
    std::map<std::size_t, std::vector<aa::Paragraph>> after, before;
    std::set<std::size_t> deleted;
    std::set<std::string> moved;
    for (const aa::Edit& e : edits)
    {
        if (e.block >= blocks.size() || !std::holds_alternative<aa::Paragraph>(blocks[e.block]))
        {
            ADD_FAILURE() << "edit on a block that is no paragraph: " << describe(e);
            continue;
        }
        for (const aa::NewParagraph& p : e.paragraphs)
            collectMarks(p, moved);
        std::vector<aa::Paragraph> ps;
        for (const aa::NewParagraph& p : e.paragraphs)
            ps.push_back(written(p));
        switch (e.kind)
        {
            case aa::Edit::Kind::Replace:
                EXPECT_EQ(e.paragraphs.size(), 1u) << describe(e);
                if (!ps.empty())
                {
                    EXPECT_TRUE(replaced.emplace(e.block, ps[0]).second)
                        << "two replacements of one block: " << describe(e);
                }
                break;
            case aa::Edit::Kind::InsertAfter:
                EXPECT_FALSE(e.paragraphs.empty()) << describe(e);
                EXPECT_TRUE(after.emplace(e.block, ps).second) << "two inserts after one block: " << describe(e);
                break;
            case aa::Edit::Kind::InsertBefore:
                EXPECT_FALSE(e.paragraphs.empty()) << describe(e);
                EXPECT_TRUE(before.emplace(e.block, ps).second) << "two inserts before one block: " << describe(e);
                break;
            case aa::Edit::Kind::Delete:
                EXPECT_TRUE(e.paragraphs.empty()) << describe(e);
                EXPECT_TRUE(deleted.insert(e.block).second) << "deleted twice: " << describe(e);
                break;
        }
    }
    for (std::size_t b : deleted)
        EXPECT_EQ(replaced.count(b), 0u) << "block " << b << " is both replaced and deleted";
    std::vector<aa::Block> out;
    auto keep = [&](aa::Paragraph p) {
        dropMarks(p, moved);
        out.emplace_back(std::move(p));
    };
    for (std::size_t i = 0; i < blocks.size(); ++i)
    {
        if (auto ins = before.find(i); ins != before.end())
            for (const aa::Paragraph& p : ins->second)
                out.emplace_back(p);
        if (!deleted.count(i))
        {
            if (auto r = replaced.find(i); r != replaced.end())
                out.emplace_back(r->second);
            else if (const aa::Paragraph* p = std::get_if<aa::Paragraph>(&blocks[i]))
                keep(*p);
            else
                out.push_back(blocks[i]);
        }
        if (auto ins = after.find(i); ins != after.end())
            for (const aa::Paragraph& p : ins->second)
                out.emplace_back(p);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Applying a PlanUpdatePlan as DocumentUpdater's applyPlanUpdate does: the heading repairs, then
// either a new plan (the fragment of Section::Plan, with its heading, after the analysis) or the
// table edits in order, each naming rows as they are then.

inline aa::Paragraph cellParagraph(const aa::NewParagraph& np) { return written(np); }

/// A cell of a new row, as writePlanCell writes it.
inline aa::Cell newPlanCell(const aa::Composer& compose, aa::PlanColumn column, const aa::PlanRow& content)
{
    std::vector<aa::NewParagraph> paragraphs;
    if (column == aa::PlanColumn::Issue)
    {
        for (const std::string& id : content.issues)
            paragraphs.push_back(aa::NewParagraph{ aa::Role::PlanCell, 0, { compose.link(aa::MarkKind::Issue, id) } });
    }
    else
    {
        for (const std::string& line : aa::splitParagraphs(content.cell(column)))
            paragraphs.push_back(
                aa::NewParagraph{ aa::Role::PlanCell, 0, { aa::Run{ aa::Run::Kind::Text, line, {} } } });
        if (column == aa::PlanColumn::Action && content.must)
            paragraphs.front().runs.insert(paragraphs.front().runs.begin(),
                                           aa::Run{ aa::Run::Kind::Strong, compose.mustPrefix(), {} });
    }
    if (paragraphs.empty())
        paragraphs.push_back(aa::NewParagraph{ aa::Role::PlanCell, 0, {} });
    aa::Cell cell;
    for (const aa::NewParagraph& np : paragraphs)
        cell.push_back(written(np));
    if (column == aa::PlanColumn::Action && !content.help.empty())
    {
        const std::string mark = aa::bookmarkName(aa::MarkKind::Plan, content.help);
        cell.front().bookmarks.insert(cell.front().bookmarks.begin(), mark);
        cell.front().emptyBookmarks.push_back(mark);
    }
    return cell;
}

inline bool isFlagParagraph(const aa::Paragraph& p) { return aa::roleOfStyle(p.style).role == aa::Role::PlanFlag; }

inline std::vector<aa::Block> applyPlanUpdate(const std::vector<aa::Block>& blocks, const aa::ReadResult& current,
                                              const aa::PlanUpdatePlan& plan)
{
    // Repairs are replacements: block indices stay as they are.
    for (const aa::Edit& e : plan.repairs)
        EXPECT_EQ(e.kind, aa::Edit::Kind::Replace) << describe(e);
    std::vector<aa::Block> out = applyEdits(blocks, plan.repairs);
    const aa::Layout& layout = current.layout;
    const aa::Composer compose(current.analysis);
    if (plan.needsTable)
    {
        EXPECT_TRUE(plan.edits.empty());
        aa::Analysis withRows = current.analysis;
        withRows.plan = plan.rows;
        // As the glue does: the table alone before the plan's answers (or after its heading)
        // when they are still there, without the empty paragraph that ends the package;
        // otherwise the whole plan after the analysis.
        aa::FragmentParts parts = aa::FragmentParts::only(aa::Section::Plan, !plan.tableAt);
        parts.planTopics = !plan.tableAt;
        const std::string xml = aa::buildOdtContent(withRows, aa::Strings::builtIn(), parts);
        std::vector<aa::Block> fragment = FragmentBlocks(xml, false).read();
        std::size_t at = layout.last.value_or(0) + 1;
        if (plan.tableAt)
        {
            at = *plan.tableAt + (plan.tableBefore ? 0 : 1);
            if (!fragment.empty() && std::holds_alternative<aa::Paragraph>(fragment.back())
                && std::get<aa::Paragraph>(fragment.back()).text.empty())
                fragment.pop_back();
        }
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(std::min(at, out.size())), fragment.begin(),
                   fragment.end());
        return out;
    }
    if (!layout.planTable)
    {
        EXPECT_TRUE(plan.edits.empty()) << "table edits without a table";
        return out;
    }
    aa::Table& table = std::get<aa::Table>(out.at(*layout.planTable));
    std::size_t issueColumn = 0;
    for (std::size_t c = 0; c < layout.planColumns.size(); ++c)
        if (layout.planColumns[c] == aa::PlanColumn::Issue)
        {
            issueColumn = c;
            break;
        }
    for (const aa::PlanEdit& edit : plan.edits)
    {
        if (edit.kind == aa::PlanEdit::Kind::InsertRow)
        {
            if (edit.row > table.rows.size() || edit.row == 0)
            {
                ADD_FAILURE() << "a row inserted outside the table: " << describe(edit);
                continue;
            }
            aa::Row row;
            for (std::size_t c = 0; c < layout.planColumns.size(); ++c)
                row.push_back(layout.planColumns[c] ? newPlanCell(compose, *layout.planColumns[c], edit.content)
                                                    : aa::Cell{ plain("", "Table Contents") });
            table.rows.insert(table.rows.begin() + static_cast<std::ptrdiff_t>(edit.row), row);
            continue;
        }
        if (edit.row == 0 || edit.row >= table.rows.size() || issueColumn >= table.rows[edit.row].size())
        {
            ADD_FAILURE() << "an edit of a row the table does not have: " << describe(edit);
            continue;
        }
        aa::Cell& cell = table.rows[edit.row][issueColumn];
        switch (edit.kind)
        {
            case aa::PlanEdit::Kind::Flag:
            {
                aa::Paragraph flag = written(aa::NewParagraph{
                    aa::Role::PlanFlag,
                    0,
                    { aa::Run{ aa::Run::Kind::Text, aa::Strings::builtIn().get("plan.flag"), {} } } });
                cell.insert(cell.begin(), flag);
                break;
            }
            case aa::PlanEdit::Kind::Unflag:
                if (edit.flagParagraph < cell.size() && isFlagParagraph(cell[edit.flagParagraph]))
                    cell.erase(cell.begin() + static_cast<std::ptrdiff_t>(edit.flagParagraph));
                else
                    ADD_FAILURE() << "no flag where Unflag says: " << describe(edit);
                break;
            case aa::PlanEdit::Kind::SetIssues:
            {
                std::size_t first = 0;
                while (first < cell.size() && isFlagParagraph(cell[first]))
                    ++first;
                if (first == cell.size())
                    break;
                cell.erase(cell.begin() + static_cast<std::ptrdiff_t>(first), cell.end());
                for (const std::string& id : edit.content.issues)
                    cell.push_back(
                        written(aa::NewParagraph{ aa::Role::PlanCell, 0, { compose.link(aa::MarkKind::Issue, id) } }));
                if (edit.content.issues.empty())
                    cell.push_back(written(aa::NewParagraph{ aa::Role::PlanCell, 0, {} }));
                break;
            }
            case aa::PlanEdit::Kind::InsertRow:
                break;
        }
    }
    return out;
}

} // namespace aa::test
