// Helpers shared by the core unit tests: file reading, a small ZIP reader, JSON text building,
// and the blocks Writer shows for an inserted analysis.
#pragma once

#include "Utf8.hpp"

#include "Analysis.hpp"
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Strings.hpp"
#include "Zip.hpp"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace aa::test
{

/// The whole file as bytes; throws when it cannot be read.
inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::uint32_t le16(const std::string& s, std::size_t at)
{
    if (at + 2 > s.size())
        throw std::runtime_error("read past the end at " + std::to_string(at));
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at]))
           | static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8;
}

inline std::uint32_t le32(const std::string& s, std::size_t at)
{
    return le16(s, at) | le16(s, at + 2) << 16;
}

struct ZipEntry
{
    std::string name;
    std::uint32_t method = 0;
    std::uint32_t crc = 0;
    std::uint32_t compressedSize = 0;
    std::uint32_t size = 0;
    std::uint32_t localOffset = 0;
    std::string data; ///< the stored bytes
};

/// Reads a ZIP archive through its end record and central directory, checking that every local
/// header agrees with its central directory entry. Throws std::runtime_error on any inconsistency.
inline std::vector<ZipEntry> readZip(const std::string& zip)
{
    constexpr std::size_t endSize = 22;
    if (zip.size() < endSize)
        throw std::runtime_error("too short for an end record");
    const std::size_t end = zip.size() - endSize; // no archive comment
    if (le32(zip, end) != 0x06054b50u)
        throw std::runtime_error("no end of central directory record");
    const std::uint32_t count = le16(zip, end + 10);
    if (le16(zip, end + 8) != count)
        throw std::runtime_error("entry counts disagree");
    const std::uint32_t centralSize = le32(zip, end + 12);
    const std::uint32_t centralOffset = le32(zip, end + 16);
    if (std::size_t{ centralOffset } + centralSize != end)
        throw std::runtime_error("central directory does not end at the end record");
    if (le16(zip, end + 20) != 0)
        throw std::runtime_error("unexpected archive comment");

    std::vector<ZipEntry> entries;
    std::size_t at = centralOffset;
    for (std::uint32_t i = 0; i < count; ++i)
    {
        if (le32(zip, at) != 0x02014b50u)
            throw std::runtime_error("bad central header signature");
        ZipEntry e;
        e.method = le16(zip, at + 10);
        e.crc = le32(zip, at + 16);
        e.compressedSize = le32(zip, at + 20);
        e.size = le32(zip, at + 24);
        const std::uint32_t nameLength = le16(zip, at + 28);
        const std::uint32_t extraLength = le16(zip, at + 30);
        const std::uint32_t commentLength = le16(zip, at + 32);
        e.localOffset = le32(zip, at + 42);
        e.name = zip.substr(at + 46, nameLength);
        at += 46 + nameLength + extraLength + commentLength;

        const std::size_t local = e.localOffset;
        if (le32(zip, local) != 0x04034b50u)
            throw std::runtime_error("bad local header signature for " + e.name);
        if (le16(zip, local + 8) != e.method || le32(zip, local + 14) != e.crc
            || le32(zip, local + 18) != e.compressedSize || le32(zip, local + 22) != e.size)
            throw std::runtime_error("local header disagrees with central entry for " + e.name);
        const std::uint32_t localNameLength = le16(zip, local + 26);
        const std::uint32_t localExtraLength = le16(zip, local + 28);
        if (zip.substr(local + 30, localNameLength) != e.name)
            throw std::runtime_error("local name disagrees for " + e.name);
        const std::size_t dataAt = local + 30 + localNameLength + localExtraLength;
        if (dataAt + e.compressedSize > centralOffset)
            throw std::runtime_error("data runs into the central directory for " + e.name);
        e.data = zip.substr(dataAt, e.compressedSize);
        entries.push_back(std::move(e));
    }
    if (at != end)
        throw std::runtime_error("central directory size does not match its entries");
    return entries;
}

/// A JSON string literal for text: escapes quote, backslash and C0 controls, leaves the rest raw.
inline std::string jsonQuote(const std::string& text)
{
    static const char digits[] = "0123456789abcdef";
    std::string out = "\"";
    for (char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
        {
            out += '\\';
            out += c;
        }
        else if (byte < 0x20)
        {
            out += "\\u00";
            out += digits[byte >> 4];
            out += digits[byte & 0xF];
        }
        else
            out += c;
    }
    return out + "\"";
}

/// count copies of piece.
inline std::string repeat(const std::string& piece, std::size_t count)
{
    std::string out;
    out.reserve(piece.size() * count);
    for (std::size_t i = 0; i < count; ++i)
        out += piece;
    return out;
}

/// An item, without naming every field (the model grows).
inline Item makeItem(const std::string& text, const std::vector<std::string>& issues = {},
                     const std::string& id = {})
{
    Item item;
    item.text = text;
    item.issues = issues;
    item.id = id;
    return item;
}

/// The id a "what would help" item without one gets when nothing is taken: "help_" and the
/// CRC-32 of its text as 8 lowercase hex digits (worked out here, not by autoHelpId).
inline std::string hashHelpId(const std::string& text)
{
    static const char digits[] = "0123456789abcdef";
    const std::uint32_t hash = crc32(text);
    std::string id = "help_";
    for (int shift = 28; shift >= 0; shift -= 4)
        id += digits[(hash >> shift) & 0xFu];
    return id;
}

/// text split at '\n' (an empty text is one empty line), as the writer makes paragraphs.
inline std::vector<std::string> lines(const std::string& text) { return aa::splitParagraphs(text); }

/// A paragraph in one of our styles.
inline Paragraph para(Role role, std::size_t index, const std::string& text,
                      std::vector<std::string> bookmarks = {}, std::vector<Span> spans = {})
{
    return Paragraph{ styleName(role, index), text, std::move(bookmarks), std::move(spans), {} };
}

/// A paragraph in someone else's style.
inline Paragraph plain(const std::string& text, const std::string& style = "Text body")
{
    return Paragraph{ style, text, {}, {}, {} };
}

/// The question label the writer puts before an issue part or a further question.
inline std::string label(const std::string& key)
{
    return Strings::builtIn().get("part." + key + ".label");
}

/// The "Identified by: ..." text of an issue.
inline std::string raisedByText(const std::vector<Voice>& voices)
{
    const Strings& strings = Strings::builtIn();
    std::string text;
    for (Voice v : voices)
        text += (text.empty() ? "" : strings.get("raisedBy.separator"))
                + strings.get(std::string("voice.") + jsonName(v));
    if (text.empty())
        text = strings.get("raisedBy.none");
    return strings.get("raisedBy.prefix") + text;
}

/// The span a hyperlinked cross-reference field to an issue heading reads as.
inline Span issueLinkSpan(const Analysis& a, const std::string& id)
{
    const Issue* issue = a.findIssue(id);
    return Span{ issue ? issue->title : id, "#" + issueBookmarkName(id), issueBookmarkName(id) };
}

struct LayoutOptions
{
    bool mergeTextSpans = false; ///< Writer reports adjacent plain text as one portion
    bool stylesLost = false;     ///< every paragraph in "Normal", as after a trip through Word
};

/// The blocks Writer shows for an analysis inserted by buildOdtFragment (see ContentWriter in
/// OdtFragment.cpp), as DocumentReader reads them, between two paragraphs of the practitioner's
/// report: block 0 is report text, block 1 the analysis heading, block 2 the issues subheading,
/// then per issue its title, "Identified by", and for each part its question label and one
/// paragraph per line; per list a subheading and one paragraph per item (one empty paragraph
/// when the list is empty); the further questions; the plan subheading and table; an empty
/// paragraph and more report text.
inline std::vector<Block> documentBlocks(const Analysis& a, LayoutOptions options = {})
{
    const Strings& strings = Strings::builtIn();
    std::vector<Block> blocks;
    const auto restyle = [&](Paragraph p) {
        if (options.stylesLost)
            p.style = "Normal";
        return p;
    };
    const auto add = [&](Paragraph p) { blocks.emplace_back(restyle(std::move(p))); };
    add(plain("Report text before the analysis", "Default Paragraph Style"));
    add(para(Role::Heading, 0, strings.get("section.analysis")));
    add(para(Role::Subheading, 0, strings.get("section.issues")));
    for (const Issue& issue : a.issues)
    {
        Paragraph title = para(Role::IssueTitle, 0, issue.title, { issueBookmarkName(issue.id) });
        if (issue.title.empty())
            title.emptyBookmarks = title.bookmarks; // the bookmark holds nothing, like the title
        else
            title.spans = { Span{ issue.title, "", "" } };
        add(title);
        add(para(Role::RaisedBy, 0, raisedByText(issue.raisedBy)));
        for (std::size_t p = 0; p < issuePartCount; ++p)
        {
            add(para(Role::Question, 0, label(jsonName(static_cast<IssuePart>(p)))));
            for (const std::string& line : lines(issue.parts[p]))
                add(para(Role::IssuePartAnswer, p, line));
        }
    }
    for (std::size_t k = 0; k < listKindCount; ++k)
    {
        add(para(Role::Subheading, 0, strings.get(std::string("section.") + jsonName(static_cast<ListKind>(k)))));
        if (a.lists[k].empty())
            add(para(Role::ListItem, k, ""));
        for (const Item& item : a.lists[k])
        {
            std::vector<Span> spans;
            std::string text = item.text;
            spans.push_back(Span{ item.text, "", "" });
            if (!item.issues.empty())
            {
                const std::string prefix = strings.get("item.linkPrefix");
                text += prefix;
                if (options.mergeTextSpans)
                    spans.back().text += prefix;
                else
                    spans.push_back(Span{ prefix, "", "" });
                for (std::size_t i = 0; i < item.issues.size(); ++i)
                {
                    if (i)
                    {
                        text += strings.get("item.linkSeparator");
                        spans.push_back(Span{ strings.get("item.linkSeparator"), "", "" });
                    }
                    spans.push_back(issueLinkSpan(a, item.issues[i]));
                    text += spans.back().text;
                }
                text += strings.get("item.linkSuffix");
                spans.push_back(Span{ strings.get("item.linkSuffix"), "", "" });
            }
            std::vector<std::string> bookmarks;
            if (k == static_cast<std::size_t>(ListKind::WhatWouldHelp) && !item.id.empty())
                bookmarks.push_back(helpBookmarkName(item.id));
            Paragraph p = para(Role::ListItem, k, text, bookmarks, spans);
            if (item.text.empty())
                p.emptyBookmarks = p.bookmarks;
            add(p);
        }
    }
    add(para(Role::Subheading, 0, strings.get("section.considerations")));
    for (std::size_t k = 0; k < considerationCount; ++k)
    {
        add(para(Role::Question, 0, label(jsonName(static_cast<Consideration>(k)))));
        for (const std::string& line : lines(a.considerations[k]))
            add(para(Role::ConsiderationAnswer, k, line));
    }
    add(para(Role::Subheading, 0, strings.get("section.plan")));
    Table table;
    Row header;
    for (std::size_t c = 0; c < planColumnCount; ++c)
        header.push_back(Cell{ restyle(
            para(Role::PlanHeader, 0, strings.get(std::string("plan.") + jsonName(static_cast<PlanColumn>(c))))) });
    table.rows.push_back(header);
    std::vector<PlanRow> rows = a.plan;
    if (rows.empty())
        rows.emplace_back(); // a row to type into
    for (const PlanRow& row : rows)
    {
        Row cells;
        Cell issueCell;
        if (row.flagged)
            issueCell.push_back(restyle(para(Role::PlanFlag, 0, strings.get("plan.flag"))));
        const std::string& id = row.cell(PlanColumn::Issue);
        if (id.empty())
            issueCell.push_back(restyle(para(Role::PlanCell, 0, "")));
        else
        {
            const Span link = issueLinkSpan(a, id);
            issueCell.push_back(restyle(para(Role::PlanCell, 0, link.text, {}, { link })));
        }
        cells.push_back(issueCell);
        for (std::size_t c = 1; c < planColumnCount; ++c)
        {
            Cell cell;
            for (const std::string& line : lines(row.cells[c]))
                cell.push_back(restyle(para(Role::PlanCell, 0, line)));
            if (c == static_cast<std::size_t>(PlanColumn::Action) && !row.help.empty())
            {
                // A point bookmark at the start of the action cell ties the row to its item.
                cell.front().bookmarks.push_back(planRowBookmarkName(row.help));
                cell.front().emptyBookmarks.push_back(planRowBookmarkName(row.help));
            }
            cells.push_back(cell);
        }
        table.rows.push_back(cells);
    }
    blocks.emplace_back(table);
    blocks.emplace_back(plain(""));
    blocks.emplace_back(plain("Report text after the analysis"));
    return blocks;
}

/// The paragraph at index (throws when it is a table or out of range).
inline const Paragraph& paragraphAt(const std::vector<Block>& blocks, std::size_t index)
{
    return std::get<Paragraph>(blocks.at(index));
}

} // namespace aa::test
