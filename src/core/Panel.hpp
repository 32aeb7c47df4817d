// What the sidebar shows and how its edits change the analysis: the panels' logic, without UNO.
//
// The glue (src/ui) keeps a draft Analysis (read from the document, or typed before the
// analysis is inserted), asks these functions what to show, and sends the edited draft through
// the scripting API's commands.
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

/// The questions the question panel lists, in order: the issue's three parts, the
/// whole-analysis lists, then the further questions (catalogue() without the title).
std::vector<Question> panelQuestions(const Strings& strings = Strings::builtIn());

/// The answer to the question with this catalogue key as the panel shows it: an issue part's
/// paragraphs, a list's items one per line, a further question's paragraphs. Issue parts need
/// an issue (empty text without one).
std::string panelAnswer(const Analysis& analysis, std::optional<std::size_t> issue, const std::string& key);

/// Writes an answer typed in the panel back into the analysis. Lists: line i keeps the links
/// and id of item i (so its plan row stays); new lines become items about the selected issue;
/// blank lines are dropped, except one where panelAnswer showed an item without text (links
/// only), which keeps that item. Returns false when nothing changed.
bool setPanelAnswer(Analysis& analysis, std::optional<std::size_t> issue, const std::string& key,
                    const std::string& text);

/// The issue's parts that are still empty, by label ("Why did it start?").
std::vector<std::string> emptyParts(const Issue& issue, const Strings& strings = Strings::builtIn());

/// One line of the issues list: "Title — 2 of 3 answered, no action" (blank parts count as empty).
std::string issueListEntry(const Analysis& analysis, std::size_t issue, const Strings& strings = Strings::builtIn());

/// The voices that no issue records.
std::vector<Voice> missingVoices(const Analysis& analysis);

/// "No issue records the views of: the child, other workers." or that every voice is heard.
std::string voicesLine(const Analysis& analysis, const Strings& strings = Strings::builtIn());

/// The overall completeness: how many issues, how many have empty parts, how many have no
/// action in the plan yet.
std::string completenessLine(const Analysis& analysis, const Strings& strings = Strings::builtIn());

/// A free issue id: "issue1", "issue2" ...
std::string newIssueId(const Analysis& analysis);

/// Appends a new issue with this title (trimmed; must not be blank). Returns its index.
std::size_t addIssue(Analysis& analysis, const std::string& title);

/// Which question the cursor is in, from its paragraph's style (and, for a question's label
/// paragraph, its text): the catalogue key, "title" for an issue's heading or its "identified
/// by" line. std::nullopt outside the analysis's questions and answers.
std::optional<std::string> questionKeyAt(StyleRole role, const std::string& paragraphText,
                                         const Strings& strings = Strings::builtIn());

/// One line of the review panel's list: a group heading (finding empty) or a finding.
struct FindingRow
{
    std::string text;
    std::optional<std::size_t> finding; ///< index into the findings
};

/// The findings grouped as the review panel lists them: the analysis as a whole, then each
/// key issue in document order, then the action plan; errors before warnings before notes
/// within a group. Empty groups are left out.
std::vector<FindingRow> findingRows(const std::vector<Finding>& findings, const Analysis& analysis,
                                    const Strings& strings = Strings::builtIn());

/// "2 errors, 3 warnings, 1 notes." for the review panel.
std::string findingCounts(const std::vector<Finding>& findings, const Strings& strings = Strings::builtIn());

/// True when a paragraph of the document, found under the question with this key, is in the
/// analysis as the panel holds it (so the panel's copy is current for it): an answer's line,
/// a title, or a list item's text followed by its links. Blank paragraphs always are.
bool analysisHasParagraph(const Analysis& analysis, const std::string& key, const std::string& paragraph,
                          const Strings& strings = Strings::builtIn());

/// The analysis to write when the panel's draft started from base and the document now holds
/// current: what the panel changed (draft differs from base) comes from draft, everything else
/// from current, so words typed in the document meanwhile are never overwritten. Where both
/// changed the same answer, both are kept (the document's text first, then the panel's); a
/// title changed on both sides keeps the document's. Issues added in the panel are appended;
/// issues only in the document are kept; the plan is current's. Where both changed a list, the
/// panel's new items follow the document's, without an id a document's item holds. Links to
/// issues the result does not have are dropped. conflicts (if given) receives the catalogue keys
/// where both sides changed.
Analysis mergePanelEdits(const Analysis& base, const Analysis& draft, const Analysis& current,
                         std::vector<std::string>* conflicts = nullptr);

/// True for the keys of the issue parts (asked of every issue).
bool isIssueQuestion(const std::string& key);

} // namespace aa
