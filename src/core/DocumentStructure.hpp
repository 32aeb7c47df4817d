// How an analysis is laid out in a document, and how it is read back.
//
// The structure is marked only with what survives both .odt and .docx round trips: custom
// paragraph styles (one per kind of paragraph), one bookmark per issue heading
// ("AA_issue_<id>"), and hyperlinks to "#AA_issue_<id>" around cross-reference fields.
// See docs/document-structure.md.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

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
};

using Cell = std::vector<Paragraph>;
using Row = std::vector<Cell>;
struct Table
{
    std::vector<Row> rows;
};

using Block = std::variant<Paragraph, Table>;

/// The analysis recovered from a document's blocks (in document order). Issues whose heading
/// lost its bookmark get a fresh id ("issueN"). found is false when there is no analysis.
struct ReadResult
{
    Analysis analysis;
    bool found = false;
};
ReadResult readAnalysis(const std::vector<Block>& blocks, const Strings& strings = Strings::builtIn());

/// The issue id a span points to, through its hyperlink or its cross-reference field.
std::optional<std::string> linkedIssue(const Span& span);

} // namespace aa
