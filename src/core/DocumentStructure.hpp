// How an analysis is laid out in a document, and how it is read back.
//
// The structure is marked only with what survives both .odt and .docx round trips: custom
// paragraph styles (one per kind of paragraph), bookmarks ("AA_issue_<id>" on issue headings,
// "AA_adult_<id>" on adults' headings, "AA_help_<id>" on "what needs to happen" items,
// "AA_plan_<id>" in plan rows), and hyperlinks around cross-reference fields. Where a style was
// lost (a .docx through Word), the bookmarks, the links and the labels the writer puts in the
// document stand in. Reports written with schema 1 are read as well. See docs/document-structure.md.
#pragma once

#include "Analysis.hpp"
#include "Catalogue.hpp"
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
    None,       ///< not ours
    Heading,    ///< "Analysis of the assessment"
    Subheading, ///< a section's heading (index: Section)
    IssueTitle,
    RaisedBy,
    Question,        ///< a question's label (index: which, from its text)
    IssuePartAnswer, ///< index: IssuePart
    ListItem,        ///< index: ListKind
    IfNot,           ///< under a must item: what will happen if it does not
    TopicAnswer,     ///< index: Topic
    AdultName,
    AdultAnswer, ///< index: AdultPart
    PlanHeader,
    PlanCell,
    PlanFlag,          ///< our marker in a plan row whose issue or item is gone
    SupervisionHeader, ///< the supervision record table (Standard 8)
    SupervisionCell,
    LegacyParents, ///< schema 1: the parents' understanding (index 0) or motivation (index 1)
};

struct StyleRole
{
    Role role = Role::None;
    std::size_t index = 0; ///< as Role says
    bool legacy = false;   ///< a style only schema 1 wrote; update brings it to the current structure
};

/// The paragraph style's display name for a role (index as in StyleRole).
std::string styleName(Role role, std::size_t index = 0);
/// The role of a paragraph style by display name; Role::None for styles that are not ours.
StyleRole roleOfStyle(const std::string& styleName);
/// Every style the analysis writes, in a stable order (schema 1's own styles are not written).
std::vector<StyleRole> allStyleRoles();

/// Whether readAnalysis looks at the links (Paragraph::spans: hyperlinks and cross-reference
/// fields) of a paragraph with this role: the "identified by" line, list items, plan cells and
/// paragraphs in no style of ours. For the others it reads the text, the bookmarks and whether a
/// prompt stands there, so a reader may leave their spans empty.
bool readsLinks(Role role);

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
    double fontSizePt = 0;    ///< 0: inherit
    int spaceAboveMm100 = -1; ///< -1: inherit
    int indentMm100 = 0;      ///< left indent
};

/// The definitions of all analysis styles, in allStyleRoles() order.
std::vector<StyleSpec> styleSpecs();

/// One run of text in a paragraph as the document holds it.
struct Span
{
    std::string text;
    std::string link;          ///< hyperlink target, empty when none
    std::string fieldBookmark; ///< the bookmark a cross-reference field shows, empty when none
};

struct Paragraph
{
    std::string style;                       ///< paragraph style display name
    std::string text;                        ///< without the prompts' (placeholders') text
    std::vector<std::string> bookmarks;      ///< names of bookmarks starting in it (ours only needed)
    std::vector<Span> spans;                 ///< needed for list items and plan cells; may be empty otherwise
    std::vector<std::string> emptyBookmarks; ///< those of the bookmarks that cover no text
    bool prompt = false;                     ///< holds a prompt (a placeholder field, which does not print)
};

using Cell = std::vector<Paragraph>;
using Row = std::vector<Cell>;
struct Table
{
    std::vector<Row> rows;
};

using Block = std::variant<Paragraph, Table>;

/// Where a text of one or more paragraphs sits: its label (when it has one) and its paragraphs.
struct TextLayout
{
    std::optional<std::size_t> label;
    std::vector<std::size_t> paragraphs;
    bool prompt = false; ///< its (empty) paragraph holds the prompt
};

/// Where each piece of the analysis sits in the block list (indices into the blocks).
struct IssueLayout
{
    std::size_t title = 0;
    bool bookmarkIntact = false; ///< the title paragraph holds the issue's bookmark, over text
    std::optional<std::size_t> raisedBy;
    bool raisedByLegacy = false; ///< schema 1's line ("parents or carers"): written again by update
    std::array<TextLayout, issuePartCount> parts;
    std::size_t last = 0; ///< the last block that belongs to the issue
};

struct AdultLayout
{
    std::size_t name = 0;
    bool bookmarkIntact = false;
    std::array<TextLayout, adultPartCount> parts;
    std::size_t last = 0;
};

struct PlanRowLayout
{
    std::size_t row = 0;           ///< row index in the table (0 is the header)
    std::size_t flagParagraph = 0; ///< paragraph index of our flag in the issue cell (if flagged)
    bool issueCellTyped = false;   ///< the issue cell holds text besides our links and flag
};

struct Layout
{
    std::size_t blockCount = 0;                                    ///< how many blocks were read (the document's body)
    std::optional<std::size_t> first;                              ///< first block of the analysis
    std::optional<std::size_t> last;                               ///< last block of the analysis
    std::optional<std::size_t> heading;                            ///< "Analysis of the assessment"
    std::array<std::optional<std::size_t>, sectionCount> sections; ///< the sections' headings (ours)
    std::vector<IssueLayout> issues;                               ///< parallel to Analysis::issues
    std::vector<AdultLayout> adults;                               ///< parallel to Analysis::adults
    std::array<std::vector<std::size_t>, listKindCount> items;     ///< parallel to Analysis::lists
    /// The prompt paragraph that stands in an empty list, and where no adult is named yet.
    std::array<std::optional<std::size_t>, listKindCount> listPrompts;
    std::optional<std::size_t> adultsPrompt;
    std::vector<std::optional<std::size_t>> ifNot; ///< parallel to the "what needs to happen" items
    std::array<TextLayout, topicCount> topics;
    std::optional<std::size_t> planTable;
    std::vector<PlanRowLayout> planRows; ///< parallel to Analysis::plan
    /// The plan table's columns by position (std::nullopt: a column that is not ours).
    std::vector<std::optional<PlanColumn>> planColumns;
    /// Schema 1: paragraphs the current structure has elsewhere (the parents' answers, which are
    /// an adult's now, with their labels); update rewrites them in their new place.
    std::vector<std::size_t> legacyBlocks;
    /// Schema 1: section headings with their old wording ("Further questions").
    std::vector<std::pair<std::size_t, Section>> legacyHeadings;
    /// Schema 1: the adults the reader made from its voices and answers (ids), not in the
    /// document as adults yet.
    std::vector<std::string> legacyAdults;
};

/// The analysis recovered from a document's blocks (in document order), and where it was.
///
/// Tolerant of hand edits: paragraphs are recognised by style, or, where a style was lost (a
/// .docx that went through Word), by our bookmarks, our links and the labels. Paragraphs without
/// our styles inside the analysis join the part they follow; a heading that is not ours (the
/// report's own, such as the template's) ends it, and what follows such a heading until our next
/// mark is the report's, not the analysis's. What cannot be placed is reported in
/// Analysis::unplaced, never dropped. An issue or adult whose heading lost its bookmark, or
/// holds a pasted copy's ("AA_issue_x Copy 1"), gets a fresh id ("issueN", "adultN"), so the
/// original keeps its own. Reports of schema 1 are read into the current model: the parents'
/// answers and the "parents or carers" and "other significant adults" voices become adults, the
/// child's understanding the child's experience. found is false when the document holds no
/// analysis.
struct ReadResult
{
    Analysis analysis;
    Layout layout;
    bool found = false;
    /// The document holds schema 1's structure somewhere (update brings it to the current one).
    bool legacy = false;
};
ReadResult readAnalysis(const std::vector<Block>& blocks, const Strings& strings = Strings::builtIn());

/// A plan table's columns by position, from its header row, as readAnalysis takes them
/// (std::nullopt: a column that is not ours; a table whose header names none of ours is read by
/// position, as schema 1 wrote it).
std::vector<std::optional<PlanColumn>> planTableColumns(const Row& header, const Strings& strings = Strings::builtIn());

/// The supervision record's entries, from its table (a table whose first cell has the style
/// Analysis Supervision Header), wherever it is in the document.
std::vector<SupervisionEntry> readSupervision(const std::vector<Block>& blocks);

/// The mark a span points to through its hyperlink or its cross-reference field: which kind
/// (issue, adult, item) and its id.
struct LinkTarget
{
    MarkKind kind;
    std::string id;
};
std::optional<LinkTarget> linkTarget(const Span& span);
/// The issue id a span points to.
std::optional<std::string> linkedIssue(const Span& span);

/// The heading text of an adult: "Sarah Green (Maya's mother)", or the name alone.
std::string adultHeading(const Adult& adult, const Strings& strings = Strings::builtIn());
/// Name and relationship back from a heading's text (all of it the name when it does not end in
/// a relationship in brackets).
std::pair<std::string, std::string> parseAdultHeading(const std::string& text);

/// The report template's places: point bookmarks where a part of the analysis goes when the
/// report has them (the template's own heading stands above each).
enum class TemplatePlace
{
    Safety,
    Analysis,
    Recommendation,
    Plan,
    Supervision,
};
inline constexpr std::size_t templatePlaceCount = 5;
/// "AA_place_safety" ...
std::string templatePlaceBookmark(TemplatePlace place);
/// The analysis place of the report template of version 0.1.
inline constexpr const char* legacyAnalysisPlace = "AnalysisPlace";

/// A heading that is not ours (Writer's "Heading 1" ..., "Title"): it ends what the analysis
/// reads as one part.
bool isForeignHeading(const std::string& styleName);

} // namespace aa
