// Fuzz target: the document-structure reader and the update planners, on blocks decoded from
// the input bytes (any mix of our styles, schema 1's, other styles, headings, labels, bookmarks of
// every kind, links and tables, the way hand edits leave a document). Invariants: read never
// throws; what read returns is valid input for update; updating a document to what it already
// says keeps the analysis as it is and plans edits the glue can apply (on paragraphs that exist,
// at most one insertion before and one after a block, no block both replaced and deleted);
// planning the plan update never throws and names rows the table has.
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "Json.hpp"
#include "Update.hpp"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace
{
class Bytes
{
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    std::uint8_t next() { return pos_ < size_ ? data_[pos_++] : 0; }
    std::size_t pick(std::size_t n) { return n ? next() % n : 0; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

/// Texts a paragraph may hold: words, and every heading and label the reader knows (ours and
/// schema 1's), so that the fuzzer finds the structure without guessing it letter by letter.
const std::vector<std::string>& texts()
{
    static const std::vector<std::string> all = [] {
        const aa::Strings& s = aa::Strings::builtIn();
        std::vector<std::string> t = { "", "Some words", " spaced  text ", "Sarah Green (Maya's mother)", "Issue",
                                       "Identified by: the child", "Identified by: parents or carers",
                                       "Must happen: be there", "If this does not happen: a conference", "done",
                                       "Heading of the report" };
        for (const aa::Question& q : aa::catalogue())
            t.push_back(q.label);
        for (const std::string& key : s.keys())
            if (key.rfind("section.", 0) == 0 || key.rfind("template.heading.", 0) == 0
                || key.rfind("part.legacy.", 0) == 0 || key.rfind("plan.", 0) == 0)
                t.push_back(s.get(key));
        return t;
    }();
    return all;
}

const char* const ids[] = { "a", "b", "issue1", "adult1", "mother", "parents", "help_0000abcd", "x_Copy_1" };

std::string styleFor(Bytes& in)
{
    static const std::vector<std::string> styles = [] {
        std::vector<std::string> names;
        for (const aa::StyleRole& r : aa::allStyleRoles())
            names.push_back(aa::styleName(r.role, r.index));
        // Schema 1's styles, Writer's, and a heading that is not ours (it ends the analysis).
        for (const char* other : { "Analysis What Would Help", "Analysis Child Understanding",
                                   "Analysis Parents Understanding", "Analysis Parents Motivation", "Standard",
                                   "Text body", "Heading 2", "Normal" })
            names.emplace_back(other);
        return names;
    }();
    return styles[in.pick(styles.size())];
}

aa::Paragraph paragraph(Bytes& in)
{
    static const aa::MarkKind kinds[] = { aa::MarkKind::Issue, aa::MarkKind::Adult, aa::MarkKind::Help,
                                          aa::MarkKind::Plan };
    aa::Paragraph p;
    p.style = styleFor(in);
    p.text = texts()[in.pick(texts().size())];
    p.prompt = p.text.empty() && in.pick(2) == 0;
    const std::size_t marks = in.pick(4);
    for (std::size_t i = 0; i < marks; ++i)
    {
        const aa::MarkKind kind = kinds[in.pick(4)];
        const std::string name = aa::bookmarkName(kind, ids[in.pick(sizeof ids / sizeof *ids)]);
        switch (in.pick(4))
        {
            case 0: p.bookmarks.push_back(name); break;
            case 1: p.bookmarks.push_back(name + " Copy 1"); break;
            case 2: p.spans.push_back({ "Title", "#" + name, "" }); break;
            default: p.spans.push_back({ "Title", "", name }); break;
        }
    }
    if (in.pick(4) == 0 && !p.bookmarks.empty())
        p.emptyBookmarks.push_back(p.bookmarks.front());
    if (!p.spans.empty())
        p.spans.insert(p.spans.begin(), { p.text, "", "" });
    return p;
}

bool isParagraph(const std::vector<aa::Block>& blocks, std::size_t index)
{
    return index < blocks.size() && std::holds_alternative<aa::Paragraph>(blocks[index]);
}

/// The edits can be applied: to paragraphs that exist, at most one insertion before and one
/// after a block, no block replaced twice, deleted twice, or both. An insertion may name a table
/// to go before it: the glue writes it after the paragraph before the table. (Open: when no
/// paragraph precedes the table, as when the plan table starts the text and a section before it
/// is missing, the glue has nowhere to write it; planUpdate does not avoid that yet.)
void checkEdits(const std::vector<aa::Edit>& edits, const std::vector<aa::Block>& blocks)
{
    std::map<std::pair<aa::Edit::Kind, std::size_t>, int> count;
    std::set<std::size_t> replaced, deleted;
    for (const aa::Edit& edit : edits)
    {
        const bool beforeTable = edit.kind == aa::Edit::Kind::InsertBefore && edit.block < blocks.size();
        if (!isParagraph(blocks, edit.block) && !beforeTable)
            std::abort();
        if (++count[{ edit.kind, edit.block }] > 1)
            std::abort();
        if (edit.kind == aa::Edit::Kind::Replace && edit.paragraphs.size() != 1)
            std::abort();
        if ((edit.kind == aa::Edit::Kind::InsertAfter || edit.kind == aa::Edit::Kind::InsertBefore)
            && edit.paragraphs.empty())
            std::abort();
        (edit.kind == aa::Edit::Kind::Replace ? replaced : deleted).insert(edit.block);
        if (edit.kind == aa::Edit::Kind::Delete && replaced.count(edit.block))
            std::abort();
        if (edit.kind == aa::Edit::Kind::Replace && deleted.count(edit.block))
            std::abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Bytes in(data, size);
    std::vector<aa::Block> blocks;
    while (!in.empty() && blocks.size() < 200)
    {
        if (in.pick(8) == 0)
        {
            aa::Table table;
            const std::size_t rows = 1 + in.pick(4), cols = 1 + in.pick(9);
            for (std::size_t r = 0; r < rows; ++r)
            {
                aa::Row row;
                for (std::size_t c = 0; c < cols; ++c)
                    row.push_back({ paragraph(in) });
                table.rows.push_back(row);
            }
            blocks.emplace_back(table);
        }
        else
            blocks.emplace_back(paragraph(in));
    }
    // Writer's text never ends with a table: a paragraph always follows it.
    if (!blocks.empty() && std::holds_alternative<aa::Table>(blocks.back()))
        blocks.emplace_back(aa::Paragraph{ "Text body", "", {}, {}, {}, false });
    const aa::ReadResult read = aa::readAnalysis(blocks);
    (void)aa::readSupervision(blocks);
    const aa::PlanUpdatePlan planPlan = aa::planPlanUpdate(read);
    checkEdits(planPlan.repairs, blocks);
    (void)aa::analysisAfterPlanUpdate(read, planPlan);
    if (!read.found || read.analysis.issues.empty())
        return 0;
    try
    {
        (void)aa::parseAnalysis(aa::toJson(read.analysis), aa::Strings::builtIn(), aa::ParseMode::Update);
    }
    catch (const aa::InputError&)
    {
        std::abort(); // what read returns must be accepted by update
    }
    const aa::UpdatePlan plan = aa::planUpdate(read, read.analysis);
    checkEdits(plan.edits, blocks);
    if (!plan.addedIssues.empty() || !plan.keptIssues.empty())
        std::abort(); // the same issues
    if (!(aa::analysisAfterUpdate(read, read.analysis) == read.analysis))
        std::abort(); // updating to what the document says changes nothing it says
    return 0;
}
