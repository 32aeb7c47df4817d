// How an analysis is laid out in a document, and how it is read back.
//
// The structure is marked only with what survives both .odt and .docx round trips: custom
// paragraph styles (one per kind of paragraph), one bookmark per issue heading
// ("AA_issue_<id>"), and hyperlinks to "#AA_issue_<id>" around cross-reference fields.
// See docs/document-structure.md.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace aa
{

/// The kinds of paragraph the analysis is made of; each has its own paragraph style.
enum class Role
{
    None, ///< not ours
    Heading,
    Subheading,
    IssueTitle,
    RaisedBy,
    Question,
    IssuePartAnswer,
    ListItem,
    ConsiderationAnswer,
    PlanHeader,
    PlanCell,
    PlanFlag, ///< our marker in a plan row whose issue or item is gone
    SupervisionHeader, ///< the supervision record table (Standard 8)
    SupervisionCell,
};

struct StyleRole
{
    Role role = Role::None;
    std::size_t index = 0; ///< the IssuePart, ListKind or Consideration for answers and items
};

/// The paragraph style's display name for a role (index as in StyleRole).
std::string styleName(Role role, std::size_t index = 0);
/// The role of a paragraph style by display name; Role::None for styles that are not ours.
StyleRole roleOfStyle(const std::string& styleName);
/// Every style the analysis uses, in a stable order.
std::vector<StyleRole> allStyleRoles();

/// How an analysis paragraph style looks. Parents are Writer's built-in styles (by their
/// programmatic names), so the analysis takes on the look of the report it is inserted into.
struct StyleSpec
{
    std::string name;   ///< display name
    std::string parent; ///< e.g. "Heading 4", "Text body"
    std::string next;   ///< the style Enter continues with; empty: the style itself
    int outlineLevel = 0;
    bool bold = false;
    bool italic = false;
    bool keepWithNext = false;
    double fontSizePt = 0; ///< 0: inherit
    int spaceAboveMm100 = -1; ///< -1: inherit
};

/// The definitions of all analysis styles, in allStyleRoles() order.
std::vector<StyleSpec> styleSpecs();

/// One run of text in a paragraph as the document holds it.
struct Span
{
    std::string text;
    std::string link;           ///< hyperlink target, empty when none
    std::string fieldBookmark;  ///< the bookmark a cross-reference field shows, empty when none
};

struct Paragraph
{
    std::string style; ///< paragraph style display name
    std::string text;
    std::vector<std::string> bookmarks; ///< names of bookmarks starting in it (ours only needed)
    std::vector<Span> spans; ///< needed for list items and plan cells; may be empty otherwise
    std::vector<std::string> emptyBookmarks; ///< those of the bookmarks that cover no text
};

using Cell = std::vector<Paragraph>;
using Row = std::vector<Cell>;
struct Table
{
    std::vector<Row> rows;
};

using Block = std::variant<Paragraph, Table>;

/// Where each piece of the analysis sits in the block list (indices into the blocks).
struct IssueLayout
{
    std::size_t title = 0;
    bool bookmarkIntact = false; ///< the title paragraph holds the issue's bookmark, over text
    std::optional<std::size_t> raisedBy;
    std::array<std::optional<std::size_t>, issuePartCount> questions; ///< label paragraphs
    std::array<std::vector<std::size_t>, issuePartCount> parts;       ///< answer paragraphs
    std::size_t last = 0; ///< the last block that belongs to the issue
};

struct PlanRowLayout
{
    std::size_t row = 0; ///< row index in the table (0 is the header)
    std::size_t flagParagraph = 0; ///< paragraph index of our flag in the issue cell (if flagged)
};

struct Layout
{
    std::optional<std::size_t> first; ///< first block of the analysis
    std::optional<std::size_t> last;  ///< last block of the analysis (the plan table when there is one)
    std::optional<std::size_t> issuesHeading; ///< the "Key issues" subheading
    std::vector<IssueLayout> issues; ///< parallel to Analysis::issues
    std::array<std::optional<std::size_t>, listKindCount> listHeadings;
    std::array<std::vector<std::size_t>, listKindCount> items; ///< parallel to Analysis::lists
    std::optional<std::size_t> considerationsHeading;
    std::array<std::optional<std::size_t>, considerationCount> considerationQuestions;
    std::array<std::vector<std::size_t>, considerationCount> considerations;
    std::optional<std::size_t> planHeading;
    std::optional<std::size_t> planTable;
    std::vector<PlanRowLayout> planRows; ///< parallel to Analysis::plan
};

/// The analysis recovered from a document's blocks (in document order), and where it was.
///
/// Tolerant of hand edits: paragraphs are recognised by style, or, where a style was lost (a
/// .docx that went through Word), by our bookmarks, our issue links and the question labels.
/// Paragraphs without our styles inside the analysis join the part they follow; what cannot be
/// placed is reported in Analysis::unplaced, never dropped. An issue whose heading lost its
/// bookmark, or holds a pasted copy's ("AA_issue_x Copy 1"), gets a fresh id ("issueN"), so
/// the original keeps its own. found is false when the document holds no analysis.
struct ReadResult
{
    Analysis analysis;
    Layout layout;
    bool found = false;
};
ReadResult readAnalysis(const std::vector<Block>& blocks, const Strings& strings = Strings::builtIn());

/// The issue id a span points to, through its hyperlink or its cross-reference field.
std::optional<std::string> linkedIssue(const Span& span);

} // namespace aa
