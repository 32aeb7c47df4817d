// Updating a document in place: what to change, worked out from what was read.
//
// The core decides; the glue (src/writer/DocumentUpdater) applies. Nothing here deletes what a
// person typed unless the caller's analysis says so for that very part (update), and updatePlan
// never deletes at all.
#pragma once

#include "Analysis.hpp"
#include "Compose.hpp"
#include "DocumentStructure.hpp"
#include "Strings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aa
{

struct Edit
{
    enum class Kind
    {
        Replace,      ///< rewrite the paragraph at block with paragraphs[0]
        InsertAfter,  ///< insert paragraphs, in order, after the paragraph at block
        InsertBefore, ///< insert paragraphs, in order, before the paragraph at block
        Delete,       ///< delete the paragraph at block
    };
    Kind kind = Kind::Replace;
    std::size_t block = 0;
    std::vector<NewParagraph> paragraphs;
};

struct UpdatePlan
{
    std::vector<Edit> edits;              ///< at most one InsertAfter and one InsertBefore per block
    std::vector<std::string> addedIssues; ///< ids of issues that will be inserted
    std::vector<std::string> keptIssues;  ///< ids in the document but not in the analysis: kept
};

/// The edits that turn the document's analysis (current) into desired: only parts whose text
/// differs are touched; new issues go after the last issue, new adults after the last adult;
/// issues and adults missing from desired are kept (issues reported in keptIssues); a section
/// the document lacks is written where it belongs (after the section before it); an answer left
/// empty becomes its prompt, and an answered question gets its label back. Schema 1's structure
/// is brought to the current one: the parents' answers are written as an adult's, the child's
/// understanding in its own section, old headings get their new wording, "identified by" lines
/// name the adults. The plan table is not touched (see planPlanUpdate). Requires current.found.
UpdatePlan planUpdate(const ReadResult& current, const Analysis& desired, const Strings& strings = Strings::builtIn());

/// Whether applying these edits to these blocks can change what a field in the document shows,
/// so that Writer's fields need a refresh afterwards: an edit writes a link (a new
/// cross-reference, which shows nothing until refreshed) or a bookmarked text (an issue's or an
/// adult's heading, an item: what links show), or replaces or deletes a block that holds a
/// bookmark or is not a paragraph. An edit of an answer's text alone does not: no field shows it.
bool editsChangeWhatFieldsShow(const UpdatePlan& plan, const std::vector<Block>& blocks);

/// The edits that delete issue `index` (its heading, "identified by" line, questions and
/// answers). Links to it elsewhere stay and show as broken until updatePlan and the review
/// flag them. Throws InputError when index is out of range. Requires current.found.
UpdatePlan planRemoveIssue(const ReadResult& current, std::size_t index, const Strings& strings = Strings::builtIn());

/// The edits that swap issue `index` with the one before it (up) or after it (down): the
/// issue's paragraphs are written again on the other side of its neighbour, with its id, so
/// links still point to it. Words are kept; character formatting inside the moved issue is
/// not. Throws InputError when there is no neighbour that way, or when the issue holds
/// anything its rewrite would not carry over (a table, text the reader did not place), so
/// nothing is ever lost. blocks are those current was read from.
UpdatePlan planMoveIssue(const ReadResult& current, const std::vector<Block>& blocks, std::size_t index, bool up,
                         const Strings& strings = Strings::builtIn());

struct PlanEdit
{
    enum class Kind
    {
        InsertRow, ///< add content as a new row at row (a table row index; the end for the count)
        Flag,      ///< mark row as no longer matching the analysis
        Unflag,    ///< remove our mark from row: it matches again
        SetIssues, ///< rewrite row's issue cell as links to content.issues (it holds only our links)
    };
    Kind kind = Kind::InsertRow;
    std::size_t row = 0;           ///< table row index
    std::size_t flagParagraph = 0; ///< Unflag: the flag paragraph's index in the issue cell
    PlanRow content;               ///< InsertRow, SetIssues
};

/// Rewrites of issue and adult headings whose bookmark is gone or covers no text (after a
/// retype, or an undo that Writer could not replay), so that the links to them work again.
std::vector<Edit> headingRepairs(const ReadResult& current, const Strings& strings = Strings::builtIn());

struct PlanUpdatePlan
{
    std::vector<Edit> repairs; ///< headingRepairs(), applied first
    bool needsTable = false;   ///< the document has no plan table: insert one with rows
    std::vector<PlanRow> rows; ///< needsTable: the rows of the new table
    /// needsTable, where the plan's heading or its review, contingency or agreement are still
    /// there: the table alone goes in before the first of those answers (before), or after the
    /// plan's heading; none: the whole plan goes after the analysis (or at the template's place).
    std::optional<std::size_t> tableAt;
    bool tableBefore = false;
    std::vector<PlanEdit> edits; ///< otherwise, in the order to apply them (row indices as they are then)
};

/// Brings the plan in line with the analysis in the document: a row for every "what needs to
/// happen" item that has none (derived as derivePlan does; a must's after the last must row,
/// others at the end), the issue links of a row brought in line with its item's issues (when
/// the cell holds nothing but our links), a flag on every row whose item or issue is gone, the
/// flag removed where it matches again. Never deletes a row or changes a cell a person typed.
PlanUpdatePlan planPlanUpdate(const ReadResult& current);

/// The analysis the document holds after planUpdate's edits are applied, worked out without
/// reading it again (what the commands answer with unless asked to read back).
Analysis analysisAfterUpdate(const ReadResult& current, const Analysis& desired);
/// The analysis after planPlanUpdate's edits.
Analysis analysisAfterPlanUpdate(const ReadResult& current, const PlanUpdatePlan& plan);

} // namespace aa
