// What the sidebar shows and how its edits change the analysis: the panels' logic, without UNO.
//
// The glue (src/ui) keeps a draft Analysis (read from the document, or typed before the
// analysis is inserted), asks these functions what to show, and writes the edited draft through
// the typed commands.
#pragma once

#include "Analysis.hpp"
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Review.hpp"
#include "Strings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aa
{

/// Which issue and which adult the panels have selected (the per-issue and per-adult questions
/// answer for them).
struct PanelSelection
{
    std::optional<std::size_t> issue;
    std::optional<std::size_t> adult;
};

/// The questions the question panel lists, in the order of the reasoning: the catalogue without
/// the issue's title (which the issues panel edits).
std::vector<Question> panelQuestions(const Strings& strings = Strings::builtIn());

/// True when the question has an answer in the analysis (for the selected issue or adult where
/// it is asked of each): a text that is not blank, a list with an item.
bool isAnswered(const Analysis& analysis, const PanelSelection& selection, QuestionKey key);

/// A text answer as the panel shows it (an issue's part, an adult's part, a topic); empty for
/// lists and when the issue or adult it needs is not selected.
std::string panelAnswer(const Analysis& analysis, const PanelSelection& selection, QuestionKey key);

/// Writes a text answer typed in the panel back into the analysis ("\r\n" becomes "\n",
/// trailing line breaks go). Returns false when nothing changed (or it cannot be written:
/// a list, or no issue or adult selected).
bool setPanelAnswer(Analysis& analysis, const PanelSelection& selection, QuestionKey key, const std::string& text);

/// Lists, an item at a time. New items are tied to nothing until the person chooses.
/// One line of a list as the panel shows it: "Must happen: text" and what it is tied to.
std::string itemLine(const Analysis& analysis, ListKind kind, std::size_t item,
                     const Strings& strings = Strings::builtIn());
/// Appends an item with this text (trimmed, one line; must not be blank). "What needs to
/// happen" items get their id at once, so success signs can be tied to them. Returns its index.
std::size_t addItem(Analysis& analysis, ListKind kind, const std::string& text);
/// Changes an item's text (trimmed, one line). False when nothing changed.
bool setItemText(Analysis& analysis, ListKind kind, std::size_t item, const std::string& text);
void removeItem(Analysis& analysis, ListKind kind, std::size_t item);
/// Swaps the item with its neighbour; false when there is none that way.
bool moveItem(Analysis& analysis, ListKind kind, std::size_t item, bool up);
/// Ties an item to issues, adults (strengths) and items (success signs), in the analysis's
/// order; ids the analysis does not have are left out.
void setItemTies(Analysis& analysis, ListKind kind, std::size_t item, const std::vector<std::string>& issues,
                 const std::vector<std::string>& adults, const std::vector<std::string>& items);
/// Marks a "what needs to happen" item as a must (or not) and sets what happens if it does not.
void setItemMust(Analysis& analysis, std::size_t item, bool must, const std::string& ifNot);

/// The issue's required parts that are still empty, by label ("Why did it start?").
std::vector<std::string> emptyParts(const Issue& issue, const Strings& strings = Strings::builtIn());

/// One line of the issues list: "1. Title (2 of 3 answered), no action yet".
std::string issueListEntry(const Analysis& analysis, std::size_t issue, const Strings& strings = Strings::builtIn());

/// The voices and adults that no issue records as having identified it.
std::vector<std::string> missingVoices(const Analysis& analysis, const Strings& strings = Strings::builtIn());

/// "No issue records the view of: the child, Ms Green (mother)." or that every voice is heard.
std::string voicesLine(const Analysis& analysis, const Strings& strings = Strings::builtIn());

/// What is still empty, safety first: how safe the child is now, the child's experience, the
/// key issues' questions, weighing it up, the adults, the lists, the recommendation, the plan's
/// arrangements; and how many issues have no action in the plan yet.
std::string completenessLine(const Analysis& analysis, const Strings& strings = Strings::builtIn());

/// A free issue id ("issue1", "issue2" ...) and adult id ("adult1" ...).
std::string newIssueId(const Analysis& analysis);
std::string newAdultId(const Analysis& analysis);

/// Appends a new issue with this title (trimmed, one line; must not be blank). Returns its index.
std::size_t addIssue(Analysis& analysis, const std::string& title);
/// Appends a new adult. Returns its index.
std::size_t addAdult(Analysis& analysis, const std::string& name, const std::string& relationship);
/// Removes an adult from the draft and every tie to them (the document keeps what it holds
/// until the draft is written).
void removeAdult(Analysis& analysis, std::size_t adult);

/// Which question the cursor is in, from its paragraph's style (and, for a question's label or
/// a heading, its text): title for an issue's heading or its "identified by" line.
/// std::nullopt outside the analysis's questions and answers.
std::optional<QuestionKey> questionKeyAt(StyleRole role, const std::string& paragraphText,
                                         const Strings& strings = Strings::builtIn());

/// One line of the review panel's list: a group heading (finding empty) or a finding.
struct FindingRow
{
    std::string text;
    std::optional<std::size_t> finding; ///< index into the findings
};

/// The findings grouped as the review panel lists them: certain findings, then judgements; in
/// each, the analysis as a whole, then each key issue in document order, then the action plan;
/// errors before warnings before notes. Empty groups are left out.
std::vector<FindingRow> findingRows(const std::vector<Finding>& findings, const Analysis& analysis,
                                    const Strings& strings = Strings::builtIn());

/// "3 certain findings (1 error, 2 warnings) and 2 questions to ask." for the review panel.
std::string findingCounts(const std::vector<Finding>& findings, const Strings& strings = Strings::builtIn());

/// True when a paragraph of the document, found under the question with this key, is in the
/// analysis as the panel holds it (so the panel's copy is current for it): an answer's line,
/// a title, an adult's heading, or a list item's text. Blank paragraphs always are.
bool analysisHasParagraph(const Analysis& analysis, QuestionKey key, const std::string& paragraph,
                          const Strings& strings = Strings::builtIn());

/// The analysis to write when the panel's draft started from base and the document now holds
/// current: what the panel changed (draft differs from base) comes from draft, everything else
/// from current, so words typed in the document meanwhile are never overwritten. Where both
/// changed the same answer, both are kept (the document's text first, then the panel's); a
/// title or name changed on both sides keeps the document's. Issues and adults added in the
/// panel are appended; those only in the document are kept; the plan is current's. Where both
/// changed a list, the panel's new items follow the document's, without an id a document's
/// item holds. Ties to what the result does not have are dropped. conflicts (if given)
/// receives the questions where both sides changed.
Analysis mergePanelEdits(const Analysis& base, const Analysis& draft, const Analysis& current,
                         std::vector<QuestionKey>* conflicts = nullptr);

} // namespace aa
