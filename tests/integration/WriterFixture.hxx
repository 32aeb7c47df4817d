// One soffice for the whole integration binary, with the extension installed into a fresh
// profile, and helpers to look at documents.
#pragma once

#include "Analysis.hpp"
#include "Office.hxx"

#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace aa::test
{
/// The running office (started by the global environment in WriterFixture.cxx).
aa::client::Office& office();

/// A fresh temporary directory for this test binary's files.
const std::string& workDir();

std::string readFile(const std::string& path);
/// Where two texts first differ, with some context, for failure messages.
std::string firstDifference(const std::string& got, const std::string& expected);
std::string sampleJson();
/// The sample before anyone filled in its plan: insert derives the rows, with nobody named and
/// no dates yet.
std::string unplannedSampleJson();

struct Para
{
    std::string style;
    std::string text;
};

/// Body paragraphs in order; a table appears as one entry with style "<table>" and its cells'
/// text joined by '|'.
std::vector<Para> bodyParagraphs(const css::uno::Reference<css::text::XTextDocument>& doc);
/// All body text, paragraphs separated by '\n'.
std::string bodyText(const css::uno::Reference<css::text::XTextDocument>& doc);
/// The plan table (its first cell reads "Issue"), or an empty reference.
css::uno::Reference<css::text::XTextTable> planTable(const css::uno::Reference<css::text::XTextDocument>& doc);
std::vector<std::string> bookmarkNames(const css::uno::Reference<css::text::XTextDocument>& doc);
/// A table's cell, its text, and every cell's text row by row (header included).
css::uno::Reference<css::text::XText> cell(const css::uno::Reference<css::text::XTextTable>& xTable, int col, int row);
std::string cellText(const css::uno::Reference<css::text::XTextTable>& xTable, int col, int row);
std::vector<std::vector<std::string>> planCells(const css::uno::Reference<css::text::XTextDocument>& doc);
/// Appends text to a cell, as typing at its end would.
void typeInto(const css::uno::Reference<css::text::XText>& xCell, const std::string& text);

/// Creates a document holding the given paragraphs (Text body style).
css::uno::Reference<css::text::XTextDocument> documentWith(const std::vector<std::string>& paragraphs);
/// Puts the view cursor in paragraph `para` (0-based) after `offset` characters.
void placeCursor(const css::uno::Reference<css::text::XTextDocument>& doc, int para, int offset);

/// Saves a copy with the filter and loads it again (the original stays open).
css::uno::Reference<css::text::XTextDocument> roundTrip(const css::uno::Reference<css::text::XTextDocument>& doc,
                                                        const std::string& name, const std::string& filter);

std::string insert(const css::uno::Reference<css::text::XTextDocument>& doc, const std::string& json);
/// An item with this text, tied to these issues.
aa::Item makeItem(const std::string& text, const std::vector<std::string>& issues = {});
/// What read returns, parsed as update accepts it (a hand-edited document may hold orphans).
aa::Analysis parseRead(const std::string& json);
std::string read(const css::uno::Reference<css::text::XTextDocument>& doc);

/// Read access to a configuration node, e.g. "/org.openoffice.Office.UI.Sidebar/Content/DeckList".
css::uno::Reference<css::container::XNameAccess> configAccess(const std::string& nodePath);

struct Comment
{
    std::string author, content;
    std::string date; ///< the comment's DateTimeValue as YYYY-MM-DD; empty when it has none
};
/// The document's comments (annotation fields), in the order Writer lists them.
std::vector<Comment> comments(const css::uno::Reference<css::text::XTextDocument>& doc);

/// Puts range in a new protected section; returns the section.
css::uno::Reference<css::text::XTextContent> protectRange(const css::uno::Reference<css::text::XTextDocument>& doc,
                                                          const css::uno::Reference<css::text::XTextRange>& range);

/// Closes the document at the end of the scope.
class Closer
{
public:
    explicit Closer(css::uno::Reference<css::text::XTextDocument> doc) : m_doc(std::move(doc)) {}
    ~Closer();
    Closer(const Closer&) = delete;
    Closer& operator=(const Closer&) = delete;

private:
    css::uno::Reference<css::text::XTextDocument> m_doc;
};
} // namespace aa::test

/// Runs the statement (a block may hold commas); a UNO exception fails the test with its
/// message instead of GoogleTest's "unknown exception".
#define AA_UNO(...)                                                                                                    \
    try                                                                                                                \
    {                                                                                                                  \
        __VA_ARGS__;                                                                                                   \
    }                                                                                                                  \
    catch (const css::uno::Exception& e)                                                                               \
    {                                                                                                                  \
        FAIL() << "UNO exception: " << aa::client::describe(e);                                                        \
    }
