// Fuzz target: the document-structure reader and the update planners, on blocks decoded from
// the input bytes (any mix of our styles, other styles, bookmarks, links and tables, the way hand
// edits leave a document). Invariants: read never throws; what read returns is valid input for
// update; updating a document to what it already says only repairs heading bookmarks; planning
// the plan update never throws.
#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "Json.hpp"
#include "Update.hpp"

#include <cstdint>
#include <cstdlib>

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

const char* const texts[] = { "",  "Why did it start?", "What keeps it going?", "Strengths found in the assessment",
                              "What would help", "Identified by: the child", "Some words", "Action plan",
                              "What is not known", "Further questions", "Issue", "Outcome (what will be different)",
                              " spaced  text ", "Key issues" };
const char* const ids[] = { "a", "b", "issue1", "help_0000abcd", "x_Copy_1" };

std::string styleFor(Bytes& in)
{
    const auto roles = aa::allStyleRoles();
    const std::size_t choice = in.pick(roles.size() + 3);
    if (choice >= roles.size())
        return choice == roles.size() ? "Standard" : "Text body";
    return aa::styleName(roles[choice].role, roles[choice].index);
}

aa::Paragraph paragraph(Bytes& in)
{
    aa::Paragraph p;
    p.style = styleFor(in);
    p.text = texts[in.pick(sizeof texts / sizeof *texts)];
    const std::size_t marks = in.pick(4);
    for (std::size_t i = 0; i < marks; ++i)
    {
        const std::string id = ids[in.pick(sizeof ids / sizeof *ids)];
        switch (in.pick(5))
        {
            case 0: p.bookmarks.push_back(aa::issueBookmarkName(id)); break;
            case 1: p.bookmarks.push_back(aa::helpBookmarkName(id)); break;
            case 2: p.bookmarks.push_back(aa::planRowBookmarkName(id)); break;
            case 3: p.spans.push_back({ "Title", "#" + aa::issueBookmarkName(id), "" }); break;
            default: p.spans.push_back({ "Title", "", aa::issueBookmarkName(id) }); break;
        }
    }
    if (in.pick(4) == 0 && !p.bookmarks.empty())
        p.emptyBookmarks.push_back(p.bookmarks.front());
    if (!p.spans.empty())
        p.spans.insert(p.spans.begin(), { p.text, "", "" });
    return p;
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
    const aa::ReadResult read = aa::readAnalysis(blocks);
    (void)aa::planPlanUpdate(read);
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
    for (const aa::Edit& edit : plan.edits)
    {
        bool repair = false;
        for (const aa::IssueLayout& issue : read.layout.issues)
            repair = repair || (issue.title == edit.block && !issue.bookmarkIntact);
        if (edit.kind != aa::Edit::Kind::Replace || !repair)
            std::abort(); // updating to the same analysis may only repair bookmarks
    }
    return 0;
}
