// What each part of the analysis is written as in the document: paragraphs made of runs (text,
// text inside a bookmark, a marked prefix, a link to one of our bookmarks, a prompt). The ODF
// fragment (insert) and the updates in place (update, the glue's ParagraphWriter) both write
// these, so a part always looks the same however it got into the document.
#pragma once

#include "Analysis.hpp"
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Strings.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aa
{

struct Run
{
    enum class Kind
    {
        Text,   ///< plain text
        Marked, ///< text inside the bookmark `mark`
        Strong, ///< text that stands out (a must's "Must happen:")
        Link,   ///< a link to our bookmark `mark` (kind, id), showing `text` (its current text)
        Prompt, ///< a prompt that does not print (a placeholder), `text` without its brackets
    };
    Kind kind = Kind::Text;
    std::string text;
    std::string mark; ///< Marked, Link: the bookmark's name
};

/// A paragraph to write: its style (role and index) and what it holds.
struct NewParagraph
{
    Role role = Role::None;
    std::size_t index = 0;
    std::vector<Run> runs;

    /// The text as the reader reads it back (prompts hold none).
    std::string text() const;
    bool isPrompt() const { return runs.size() == 1 && runs[0].kind == Run::Kind::Prompt; }
};

bool operator==(const Run& a, const Run& b);
bool operator==(const NewParagraph& a, const NewParagraph& b);

/// Writes the analysis's parts as paragraphs; link texts come from the analysis (an issue's
/// title, an adult's heading, an item's text).
class Composer
{
public:
    explicit Composer(const Analysis& analysis, const Strings& strings = Strings::builtIn())
        : analysis_(analysis), strings_(strings)
    {
    }

    /// A section's heading ("Key issues").
    NewParagraph sectionHeading(Section section) const;
    /// "Analysis of the assessment".
    NewParagraph analysisHeading() const;
    /// A question's label ("Why did it start?").
    NewParagraph label(QuestionKey key) const;
    /// An answer's paragraphs, one per line; an empty answer is one paragraph holding its
    /// prompt. With labelled, a non-empty answer starts with its label.
    std::vector<NewParagraph> answer(QuestionKey key, const std::string& text, bool labelled) const;
    /// The prompt paragraph an empty answer is.
    NewParagraph prompt(QuestionKey key) const;

    NewParagraph issueTitle(const Issue& issue) const;
    /// "Identified by: the child, <link to an adult>", or its prompt when nobody is recorded.
    NewParagraph raisedBy(const Issue& issue) const;
    /// All of an issue: title, who identified it, its answers.
    std::vector<NewParagraph> issue(const Issue& issue) const;

    NewParagraph adultName(const Adult& adult) const;
    std::vector<NewParagraph> adult(const Adult& adult) const;
    /// The prompt that stands where no adult is named yet.
    NewParagraph adultsPrompt() const;

    /// An item's paragraph: [Must happen:] text (in its bookmark) (shows ...: items) (about: ...).
    NewParagraph item(ListKind kind, const Item& item) const;
    /// Under a "what needs to happen" item: what happens if it does not, or its prompt (a must
    /// that does not say). None when the item is not a must and says nothing.
    std::vector<NewParagraph> ifNot(const Item& item) const;
    /// The prompt that stands in an empty list.
    NewParagraph listPrompt(ListKind kind) const;

    /// A section's whole content (for a section the document lacks): its heading (when
    /// withHeading) and everything in it, as the ODF fragment writes it. The plan's table is not
    /// a paragraph: for Section::Plan only the topics under it.
    std::vector<NewParagraph> section(Section section, bool withHeading) const;

    /// The link to one of our bookmarks as a run.
    Run link(MarkKind kind, const std::string& id) const;
    /// Links to issues, separated: a plan row's issue cell.
    std::vector<Run> issueLinks(const std::vector<std::string>& ids) const;
    /// The text of the prefix before a must's action, in lists and plan rows.
    std::string mustPrefix() const { return strings_.get("item.mustPrefix"); }
    const Strings& strings() const { return strings_; }

private:
    void linkGroup(std::vector<Run>& runs, const char* prefixKey, const std::vector<Run>& links) const;

    const Analysis& analysis_;
    const Strings& strings_;
};

/// The topics of a section that has them, in document order.
std::vector<Topic> topicsOf(Section section);

/// Whether text is one of the prompts the analysis writes. Word keeps a prompt as a field the
/// reader would otherwise take for typed text (LibreOffice brings it back from .docx as an
/// input field): a field that holds exactly one of these is still a prompt.
bool isComposedPrompt(std::string_view text, const Strings& strings = Strings::builtIn());

} // namespace aa
