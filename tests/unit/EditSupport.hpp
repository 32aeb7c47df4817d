// Edits (aa::Edit, aa::UpdatePlan) described and applied to blocks in memory, for the core
// tests of update, move and remove.
#pragma once

#include "TestSupport.hpp"
#include "Update.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace aa::test
{
using aa::Analysis;
using aa::Block;
using aa::Edit;
using aa::NewParagraph;
using aa::Paragraph;
using aa::Span;

inline std::string describe(const NewParagraph& p)
{
    std::string out = "<" + aa::styleName(p.role, p.index) + "|" + p.text + "|" + p.bookmark + "|";
    for (const std::string& link : p.links)
        out += link + ",";
    return out + ">";
}

inline std::string describe(Edit::Kind kind, std::size_t block, const std::vector<NewParagraph>& paragraphs)
{
    std::string out = kind == Edit::Kind::Replace       ? "Replace@"
                      : kind == Edit::Kind::InsertAfter ? "InsertAfter@"
                                                        : "Delete@";
    out += std::to_string(block);
    for (const NewParagraph& p : paragraphs)
        out += " " + describe(p);
    return out;
}

inline std::string describe(const Edit& e) { return describe(e.kind, e.block, e.paragraphs); }


// ---------------------------------------------------------------------------------------------
// Applying edits to blocks the way the glue does (DocumentUpdater): replacements and inserts
// at the blocks the plan names, deletions last, so every anchor exists; a bookmark written
// anew is taken from wherever it was.

inline Paragraph written(const NewParagraph& p, const Analysis& titles)
{
    const aa::Strings& strings = aa::Strings::builtIn();
    Paragraph out = aa::test::para(p.role, p.index, "");
    if (!p.text.empty())
        out.spans.push_back(Span{ p.text, "", "" });
    if (!p.links.empty())
    {
        const bool linksOnly = p.text.empty();
        if (!linksOnly)
            out.spans.push_back(Span{ strings.get("item.linkPrefix"), "", "" });
        for (std::size_t i = 0; i < p.links.size(); ++i)
        {
            if (i)
                out.spans.push_back(Span{ strings.get("item.linkSeparator"), "", "" });
            out.spans.push_back(aa::test::issueLinkSpan(titles, p.links[i]));
        }
        if (!linksOnly)
            out.spans.push_back(Span{ strings.get("item.linkSuffix"), "", "" });
    }
    for (const Span& s : out.spans)
        out.text += s.text;
    if (!p.bookmark.empty())
    {
        out.bookmarks.push_back(p.bookmark);
        if (p.text.empty())
            out.emptyBookmarks.push_back(p.bookmark);
    }
    return out;
}

inline std::vector<Block> applyEdits(const std::vector<Block>& blocks, const std::vector<Edit>& edits, const Analysis& titles)
{
    std::map<std::size_t, Paragraph> replaced;
    std::map<std::size_t, std::vector<Paragraph>> inserted;
    std::set<std::size_t> deleted;
    std::set<std::string> moved;
    for (const Edit& e : edits)
    {
        if (e.block >= blocks.size() || !std::holds_alternative<Paragraph>(blocks[e.block]))
        {
            ADD_FAILURE() << "edit on a block that is no paragraph: " << describe(e);
            continue;
        }
        for (const NewParagraph& p : e.paragraphs)
            if (!p.bookmark.empty())
                moved.insert(p.bookmark);
        switch (e.kind)
        {
            case Edit::Kind::Replace:
                EXPECT_EQ(e.paragraphs.size(), 1u) << describe(e);
                EXPECT_TRUE(replaced.emplace(e.block, written(e.paragraphs.at(0), titles)).second)
                    << "two replacements of one block: " << describe(e);
                break;
            case Edit::Kind::InsertAfter:
            {
                EXPECT_FALSE(e.paragraphs.empty()) << describe(e);
                std::vector<Paragraph> ps;
                for (const NewParagraph& p : e.paragraphs)
                    ps.push_back(written(p, titles));
                EXPECT_TRUE(inserted.emplace(e.block, ps).second) << "two inserts after one block: " << describe(e);
                break;
            }
            case Edit::Kind::Delete:
                EXPECT_TRUE(e.paragraphs.empty()) << describe(e);
                EXPECT_TRUE(deleted.insert(e.block).second) << "deleted twice: " << describe(e);
                EXPECT_EQ(replaced.count(e.block), 0u) << "replaced and deleted: " << describe(e);
                break;
        }
    }
    for (std::size_t b : deleted)
        EXPECT_EQ(replaced.count(b), 0u) << "block " << b << " is both replaced and deleted";
    std::vector<Block> out;
    const auto add = [&](Paragraph p, bool isNew) {
        if (!isNew)
            p.bookmarks.erase(std::remove_if(p.bookmarks.begin(), p.bookmarks.end(),
                                             [&](const std::string& n) { return moved.count(n) != 0; }),
                              p.bookmarks.end());
        out.emplace_back(std::move(p));
    };
    for (std::size_t i = 0; i < blocks.size(); ++i)
    {
        if (!deleted.count(i))
        {
            if (auto r = replaced.find(i); r != replaced.end())
                add(r->second, true);
            else if (const Paragraph* p = std::get_if<Paragraph>(&blocks[i]))
                add(*p, false);
            else
                out.push_back(blocks[i]);
        }
        if (auto ins = inserted.find(i); ins != inserted.end())
            for (const Paragraph& p : ins->second)
                add(p, true);
    }
    return out;
}

} // namespace aa::test
