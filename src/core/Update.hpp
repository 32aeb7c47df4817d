// Updating a document in place: what to change, worked out from what was read.
//
// The core decides; the glue (src/writer/DocumentUpdater) applies. Nothing here deletes what a
// person typed unless the caller's analysis says so for that very part (update), and updatePlan
// never deletes at all.
#pragma once

#include "Analysis.hpp"
#include "DocumentStructure.hpp"
#include "Strings.hpp"

#include <string>
#include <vector>

namespace aa
{

/// A paragraph to write: its style (role and index), its text, a bookmark around the text
/// (issue titles, "what would help" items) and links to issues after it (list items).
struct NewParagraph
{
    Role role = Role::None;
    std::size_t index = 0;
    std::string text;
    std::string bookmark;
    std::vector<std::string> links;
};

struct Edit
{
    enum class Kind
    {
        Replace,     ///< rewrite the paragraph at block with paragraphs[0]
        InsertAfter, ///< insert paragraphs, in order, after the paragraph at block
        Delete,      ///< delete the paragraph at block
    };
    Kind kind = Kind::Replace;
    std::size_t block = 0;
    std::vector<NewParagraph> paragraphs;
};

struct UpdatePlan
{
    std::vector<Edit> edits;               ///< at most one InsertAfter per anchor block
    std::vector<std::string> addedIssues;  ///< ids of issues that will be inserted
    std::vector<std::string> keptIssues;   ///< ids in the document but not in the analysis: kept
};

/// The edits that turn the document's analysis (current) into desired: only parts whose text
/// differs are touched; new issues go after the last issue; issues missing from desired are
/// kept (reported in keptIssues). The plan table is not touched (see planPlanUpdate).
/// Requires current.found.
UpdatePlan planUpdate(const ReadResult& current, const Analysis& desired,
                      const Strings& strings = Strings::builtIn());

/// The edits that delete issue `index` (its heading, "identified by" line, questions and
/// answers). Links to it elsewhere stay and show as broken until updatePlan and the review
/// flag them. Throws InputError when index is out of range. Requires current.found.
UpdatePlan planRemoveIssue(const ReadResult& current, std::size_t index,
                           const Strings& strings = Strings::builtIn());

/// The edits that swap issue `index` with the one before it (up) or after it (down): the
/// issue's paragraphs are written again on the other side of its neighbour, with its id, so
/// links still point to it. Words are kept; character formatting inside the moved issue is
/// not. Throws InputError when there is no neighbour that way, or when the issue holds
/// anything its rewrite would not carry over (a table, text the reader did not place), so
/// nothing is ever lost. blocks are those current was read from.
UpdatePlan planMoveIssue(const ReadResult& current, const std::vector<Block>& blocks, std::size_t index,
                         bool up, const Strings& strings = Strings::builtIn());

/// The paragraphs of a new issue, in document order.
std::vector<NewParagraph> issueParagraphs(const Issue& issue, const Strings& strings = Strings::builtIn());

struct PlanEdit
{
    enum class Kind
    {
        AppendRow, ///< add content as a new last row
        Flag,      ///< mark row (a table row index) as no longer matching the analysis
        Unflag,    ///< remove our mark from row: it matches again
    };
    Kind kind = Kind::AppendRow;
    std::size_t row = 0;     ///< table row index (Flag, Unflag)
    std::size_t flagParagraph = 0; ///< Unflag: the flag paragraph's index in the issue cell
    PlanRow content;         ///< AppendRow
};

/// Rewrites of issue headings whose bookmark is gone or covers no text (after a retype, or an
/// undo that Writer could not replay), so that the links to them work again.
std::vector<Edit> titleRepairs(const ReadResult& current);

struct PlanUpdatePlan
{
    std::vector<Edit> repairs;    ///< titleRepairs(), applied first
    bool needsTable = false;      ///< the document has no plan table: insert one with rows
    std::vector<PlanRow> rows;    ///< needsTable: the rows of the new table
    std::vector<PlanEdit> edits;  ///< otherwise
};

/// Brings the plan in line with the analysis in the document: a row for every "what would
/// help" item that has none (derived as derivePlan does), a flag on every row whose item or
/// issue is gone, the flag removed where it matches again. Never deletes a row or changes a
/// cell a person typed.
PlanUpdatePlan planPlanUpdate(const ReadResult& current);

} // namespace aa
