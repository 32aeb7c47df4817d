// Helpers shared by the core unit tests: file reading, a small ZIP reader, JSON text building,
// and the blocks Writer shows for an inserted analysis.
#pragma once

#include "Utf8.hpp"

#include "Analysis.hpp"
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "OdtFragment.hpp"
#include "Strings.hpp"
#include "Zip.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
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

inline std::uint32_t le32(const std::string& s, std::size_t at) { return le16(s, at) | le16(s, at + 2) << 16; }

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
inline Item makeItem(const std::string& text, const std::vector<std::string>& issues = {}, const std::string& id = {})
{
    Item item;
    item.text = text;
    item.issues = issues;
    item.id = id;
    return item;
}

/// A no-break space (U+00A0), which counts as blank.
inline const std::string nbsp = "\xC2\xA0";

/// An issue with its title, who identified it and its parts.
inline Issue makeIssue(const std::string& id, const std::string& title, std::vector<Voice> voices,
                       std::vector<std::string> adults, const std::string& origins, const std::string& maintaining,
                       const std::string& impact, const std::string& explanation = {})
{
    Issue issue;
    issue.id = id;
    issue.title = title;
    issue.raisedBy = std::move(voices);
    issue.raisedByAdults = std::move(adults);
    issue.part(IssuePart::Origins) = origins;
    issue.part(IssuePart::MaintainingFactors) = maintaining;
    issue.part(IssuePart::ImpactOnChild) = impact;
    issue.part(IssuePart::Explanation) = explanation;
    return issue;
}

/// An adult with their name, relationship and answers.
inline Adult makeAdult(const std::string& id, const std::string& name, const std::string& relationship,
                       const std::string& understanding = {}, const std::string& motivation = {})
{
    Adult adult;
    adult.id = id;
    adult.name = name;
    adult.relationship = relationship;
    adult.part(AdultPart::Understanding) = understanding;
    adult.part(AdultPart::Motivation) = motivation;
    return adult;
}

/// An item with every kind of tie.
inline Item tied(const std::string& text, std::vector<std::string> issues, std::vector<std::string> adults = {},
                 std::vector<std::string> items = {}, const std::string& id = {})
{
    Item item = makeItem(text, issues, id);
    item.adults = std::move(adults);
    item.items = std::move(items);
    return item;
}

/// A must, with what happens if it does not.
inline Item mustItem(const std::string& text, std::vector<std::string> issues, const std::string& id,
                     const std::string& ifNot)
{
    Item item = makeItem(text, issues, id);
    item.must = true;
    item.ifNot = ifNot;
    return item;
}

/// A plan row serving these issues with this action, its other cells empty.
inline PlanRow planRow(std::vector<std::string> issues, const std::string& action)
{
    PlanRow row;
    row.issues = std::move(issues);
    row.cell(PlanColumn::Action) = action;
    return row;
}

/// The issues' ids in order.
inline std::vector<std::string> idsOf(const Analysis& a)
{
    std::vector<std::string> ids;
    for (const Issue& issue : a.issues)
        ids.push_back(issue.id);
    return ids;
}

/// The id a "what needs to happen" item without one gets when nothing is taken: "help_" and the
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
inline Paragraph para(Role role, std::size_t index, const std::string& text, std::vector<std::string> bookmarks = {},
                      std::vector<Span> spans = {})
{
    return Paragraph{ styleName(role, index), text, std::move(bookmarks), std::move(spans), {}, false };
}

/// A paragraph in someone else's style.
inline Paragraph plain(const std::string& text, const std::string& style = "Text body")
{
    return Paragraph{ style, text, {}, {}, {}, false };
}

/// The question label the writer puts before an answer.
inline std::string label(QuestionKey key) { return questionLabel(key); }

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
    FragmentParts parts = FragmentParts::all();
};

/// Reads the blocks of a content.xml as buildOdtContent writes it, the way DocumentReader reads
/// the same text from Writer once inserted: each paragraph's style (display name), its text
/// (without prompts), the bookmarks starting in it, its runs as spans (a link, a field, plain
/// text between marks), whether it holds a prompt. Only the subset of ODF our writer produces.
class FragmentBlocks
{
public:
    explicit FragmentBlocks(const std::string& xml, bool mergeTextSpans) : x_(xml), merge_(mergeTextSpans) {}

    std::vector<Block> read()
    {
        const std::size_t body = x_.find("<office:text>");
        if (body == std::string::npos)
            throw std::runtime_error("no office:text");
        pos_ = body + std::string("<office:text>").size();
        std::vector<Block> blocks;
        while (true)
        {
            skipText();
            if (peek("</office:text>"))
                break;
            if (peek("<table:table "))
                blocks.emplace_back(table());
            else
                blocks.emplace_back(paragraph());
        }
        return blocks;
    }

private:
    struct Tag
    {
        std::string name;
        std::map<std::string, std::string> attrs;
        bool closing = false;
        bool empty = false;
    };

    bool peek(const char* s) const { return x_.compare(pos_, std::strlen(s), s) == 0; }
    void skipText()
    {
        while (pos_ < x_.size() && x_[pos_] != '<')
            ++pos_;
    }

    static std::string decode(const std::string& s)
    {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i)
        {
            if (s[i] != '&')
            {
                out += s[i];
                continue;
            }
            const std::size_t end = s.find(';', i);
            const std::string entity = s.substr(i + 1, end - i - 1);
            out += entity == "amp" ? "&" : entity == "lt" ? "<" : entity == "gt" ? ">" : entity == "quot" ? "\"" : "'";
            i = end;
        }
        return out;
    }

    Tag tag()
    {
        Tag t;
        const std::size_t end = x_.find('>', pos_);
        std::string inside = x_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = end + 1;
        if (!inside.empty() && inside[0] == '/')
        {
            t.closing = true;
            inside.erase(0, 1);
        }
        if (!inside.empty() && inside.back() == '/')
        {
            t.empty = true;
            inside.pop_back();
        }
        std::size_t i = 0;
        while (i < inside.size() && inside[i] != ' ')
            t.name += inside[i++];
        while (i < inside.size())
        {
            while (i < inside.size() && inside[i] == ' ')
                ++i;
            const std::size_t eq = inside.find('=', i);
            if (eq == std::string::npos)
                break;
            const std::string key = inside.substr(i, eq - i);
            const std::size_t q1 = inside.find('"', eq);
            const std::size_t q2 = inside.find('"', q1 + 1);
            t.attrs[key] = decode(inside.substr(q1 + 1, q2 - q1 - 1));
            i = q2 + 1;
        }
        return t;
    }

    static std::string displayName(const std::string& odf)
    {
        std::string out;
        for (std::size_t i = 0; i < odf.size(); ++i)
        {
            if (odf.compare(i, 4, "_20_") == 0)
            {
                out += ' ';
                i += 3;
            }
            else
                out += odf[i];
        }
        return out;
    }

    /// One text:p or text:h and everything in it.
    Paragraph paragraph()
    {
        const Tag open = tag();
        Paragraph p;
        p.style = open.attrs.count("text:style-name") ? displayName(open.attrs.at("text:style-name")) : "Text body";
        if (open.empty)
            return p;
        std::string link, field;
        bool inPrompt = false;
        std::map<std::string, std::size_t> markStart; // bookmark -> text length at its start
        Span current;
        auto flush = [&] {
            if (!current.text.empty() || !current.fieldBookmark.empty())
            {
                if (merge_ && !p.spans.empty() && p.spans.back().link.empty() && p.spans.back().fieldBookmark.empty()
                    && current.link.empty() && current.fieldBookmark.empty())
                    p.spans.back().text += current.text;
                else
                    p.spans.push_back(current);
            }
            current = Span{ "", link, field };
        };
        while (true)
        {
            if (pos_ < x_.size() && x_[pos_] != '<')
            {
                const std::size_t end = x_.find('<', pos_);
                const std::string text = decode(x_.substr(pos_, end - pos_));
                pos_ = end;
                if (!inPrompt)
                {
                    current.text += text;
                    p.text += text;
                }
                continue;
            }
            const Tag t = tag();
            if (t.closing && (t.name == "text:p" || t.name == "text:h"))
                break;
            if (t.name == "text:s" || t.name == "text:tab")
            {
                const std::string c = t.name == "text:s" ? " " : "\t";
                current.text += c;
                p.text += c;
            }
            else if (t.name == "text:placeholder")
            {
                inPrompt = !t.closing;
                p.prompt = true;
            }
            else if (t.name == "text:bookmark-start")
            {
                flush();
                p.bookmarks.push_back(t.attrs.at("text:name"));
                markStart[t.attrs.at("text:name")] = p.text.size();
            }
            else if (t.name == "text:bookmark-end")
            {
                flush();
                const std::string name = t.attrs.at("text:name");
                if (markStart.count(name) && markStart[name] == p.text.size())
                    p.emptyBookmarks.push_back(name);
            }
            else if (t.name == "text:bookmark")
            {
                flush();
                p.bookmarks.push_back(t.attrs.at("text:name"));
                p.emptyBookmarks.push_back(t.attrs.at("text:name"));
            }
            else if (t.name == "text:a")
            {
                flush();
                link = t.closing ? std::string() : t.attrs.at("xlink:href");
                current = Span{ "", link, field };
            }
            else if (t.name == "text:bookmark-ref")
            {
                flush();
                field = t.closing ? std::string() : t.attrs.at("text:ref-name");
                current = Span{ "", link, field };
            }
            else if (t.name == "text:span")
                flush();
        }
        flush();
        return p;
    }

    Table table()
    {
        tag(); // table:table
        Table table;
        while (true)
        {
            skipText();
            const std::size_t at = pos_;
            const Tag t = tag();
            if (t.closing && t.name == "table:table")
                break;
            if (!t.closing && t.name == "table:table-row")
                table.rows.emplace_back();
            else if (!t.closing && t.name == "table:table-cell")
            {
                table.rows.back().emplace_back();
                while (true)
                {
                    skipText();
                    if (peek("</table:table-cell>"))
                    {
                        tag();
                        break;
                    }
                    table.rows.back().back().push_back(paragraph());
                }
            }
            (void)at;
        }
        return table;
    }

    const std::string& x_;
    bool merge_;
    std::size_t pos_ = 0;
};

/// The blocks Writer shows for an analysis inserted by buildOdtFragment, as DocumentReader reads
/// them, between two paragraphs of the practitioner's report: block 0 is report text, then the
/// fragment's paragraphs and tables as the writer wrote them (its last, empty paragraph
/// included), then more report text. The analysis must hold its plan (see withPlan()).
inline std::vector<Block> documentBlocks(const Analysis& a, LayoutOptions options = {})
{
    std::vector<Block> blocks;
    blocks.emplace_back(plain("Report text before the analysis", "Default Paragraph Style"));
    const std::string xml = buildOdtContent(a, Strings::builtIn(), options.parts);
    for (Block& block : FragmentBlocks(xml, options.mergeTextSpans).read())
        blocks.push_back(std::move(block));
    blocks.emplace_back(plain("Report text after the analysis"));
    if (options.stylesLost)
        for (Block& block : blocks)
        {
            if (Paragraph* p = std::get_if<Paragraph>(&block))
                p->style = "Normal";
            else
                for (Row& row : std::get<Table>(block).rows)
                    for (Cell& cell : row)
                        for (Paragraph& inCell : cell)
                            inCell.style = "Normal";
        }
    return blocks;
}

/// The paragraph at index (throws when it is a table or out of range).
inline const Paragraph& paragraphAt(const std::vector<Block>& blocks, std::size_t index)
{
    return std::get<Paragraph>(blocks.at(index));
}

} // namespace aa::test
