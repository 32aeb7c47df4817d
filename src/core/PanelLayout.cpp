#include "PanelLayout.hpp"

#include <algorithm>
#include <stdexcept>

namespace aa::layout
{
namespace
{
const std::string ellipsis = "\xE2\x80\xA6"; // …

/// Where each code point of text starts, and text's size at the end.
std::vector<std::size_t> codePointStarts(const std::string& text)
{
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            starts.push_back(i);
    starts.push_back(text.size());
    return starts;
}

std::vector<std::string> words(const std::string& paragraph)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= paragraph.size())
    {
        const std::size_t end = std::min(paragraph.find(' ', start), paragraph.size());
        if (end > start)
            out.push_back(paragraph.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// The longest head of text (whole code points, at least one) no wider than width, and the rest.
std::pair<std::string, std::string> splitToWidth(const std::string& text, int width, const TextWidth& textWidth)
{
    const auto starts = codePointStarts(text);
    std::size_t best = 1;
    for (std::size_t n = 2; n < starts.size(); ++n)
    {
        if (textWidth(text.substr(0, starts[n])) > width)
            break;
        best = n;
    }
    const std::size_t cut = starts[std::min(best, starts.size() - 1)];
    return { text.substr(0, cut), text.substr(cut) };
}

int clampLines(int lines, const Row& row)
{
    lines = std::max(lines, row.minLines);
    if (row.maxLines > 0)
        lines = std::min(lines, row.maxLines);
    return lines;
}

int buttonNeed(const Control& c, const Metrics& m)
{
    return m.textWidth(withoutMnemonic(c.text)) + 2 * m.buttonPadding;
}

/// How many buttons of a row stand side by side at this inner width, and their width.
std::pair<int, int> buttonsPerRow(const std::vector<Control>& buttons, int inner, const Metrics& m)
{
    const int n = static_cast<int>(buttons.size());
    int need = 0;
    for (const Control& c : buttons)
        need = std::max(need, buttonNeed(c, m));
    for (int k = n; k > 1; --k)
    {
        if (need > (inner - m.gap * (k - 1)) / k)
            continue;
        // As few rows as that takes, the buttons spread evenly over them (2 and 2, not 3 and 1).
        const int rows = (n + k - 1) / k;
        const int even = (n + rows - 1) / rows;
        return { even, (inner - m.gap * (even - 1)) / even };
    }
    return { 1, inner };
}

/// The boxes of a row of buttons from (x, y) across inner; returns the height they take.
int placeButtons(const std::vector<Control>& buttons, int x, int y, int inner, const Metrics& m,
                 std::map<std::string, Box>* boxes)
{
    if (buttons.empty())
        return 0;
    const auto [perRow, w] = buttonsPerRow(buttons, inner, m);
    const int rowGap = m.gap / 2;
    int rowsUsed = 0;
    for (std::size_t i = 0; i < buttons.size(); ++i)
    {
        const int r = static_cast<int>(i) / perRow;
        const int c = static_cast<int>(i) % perRow;
        rowsUsed = r + 1;
        if (boxes)
            (*boxes)[buttons[i].id] = { x + c * (w + m.gap), y + r * (m.buttonHeight + rowGap), w, m.buttonHeight };
    }
    return rowsUsed * m.buttonHeight + (rowsUsed - 1) * rowGap;
}

int checkHeight(const Control& c, int width, const Metrics& m)
{
    const int lines = std::max<int>(
        1,
        static_cast<int>(
            wrapText(withoutMnemonic(c.text), std::max(width - m.checkIndent - m.wrapSlack, 1), m.textWidth).size()));
    return std::max(m.checkHeight, m.checkHeight - m.lineHeight + lines * m.lineHeight);
}

int placeChecks(const std::vector<Control>& checks, int x, int y, int inner, const Metrics& m,
                std::map<std::string, Box>* boxes)
{
    const int half = (inner - m.gap) / 2;
    bool two = checks.size() >= 2;
    for (const Control& c : checks)
        two = two && m.checkIndent + m.textWidth(withoutMnemonic(c.text)) <= half;
    const std::size_t perRow = two ? 2 : 1;
    const int w = two ? half : inner;
    int top = y;
    for (std::size_t i = 0; i < checks.size(); i += perRow)
    {
        int h = 0;
        for (std::size_t j = i; j < std::min(i + perRow, checks.size()); ++j)
            h = std::max(h, checkHeight(checks[j], w, m));
        for (std::size_t j = i; j < std::min(i + perRow, checks.size()); ++j)
            if (boxes)
                (*boxes)[checks[j].id] = { x + static_cast<int>(j - i) * (w + m.gap), top, w, h };
        top += h;
    }
    return top - y;
}

/// A list's rows' height (without side buttons) for a number of rows.
int listHeight(int rows, const Metrics& m) { return m.listFrame + rows * m.listRow; }

int sideWidth(const Row& row, const Metrics& m)
{
    int w = 0;
    for (const Control& c : row.side)
        w = std::max(w, buttonNeed(c, m));
    return w;
}

bool sideBySide(const Row& row, int inner, const Metrics& m)
{
    return !row.side.empty() && inner - m.gap - sideWidth(row, m) >= m.minListWidth;
}

int sideStackHeight(const Row& row, const Metrics& m)
{
    const int n = static_cast<int>(row.side.size());
    return n * m.buttonHeight + (n - 1) * (m.gap / 2);
}

int areaLines(const Row& row, int inner, const Metrics& m)
{
    const int textWidthInside = std::max(inner - m.textFrame - m.scrollbar - m.wrapSlack, 1);
    const std::string& text = row.controls.empty() ? std::string() : row.controls.front().text;
    // One line more than the text takes: room for the next words.
    return static_cast<int>(wrapText(text, textWidthInside, m.textWidth).size()) + 1;
}

struct RowHeights
{
    int minimum = 0;
    int preferred = 0;
};

/// A visible row's least and preferred height at this inner width.
RowHeights rowHeights(const Row& row, int inner, const Metrics& m)
{
    switch (row.kind)
    {
        case RowKind::Label:
        {
            const std::string& text = row.controls.empty() ? std::string() : row.controls.front().text;
            const int h = static_cast<int>(wrapText(text, std::max(inner - m.wrapSlack, 1), m.textWidth).size())
                          * m.lineHeight;
            return { h, h };
        }
        case RowKind::Field:
            return { m.fieldHeight, m.fieldHeight };
        case RowKind::Area:
        {
            const int preferred = m.textFrame
                                  + clampLines(std::max(areaLines(row, inner, m), row.roomLines), row) * m.lineHeight;
            const int minimum = row.grows ? m.textFrame + clampLines(row.minLines, row) * m.lineHeight : preferred;
            return { minimum, preferred };
        }
        case RowKind::List:
        {
            int preferred = listHeight(clampLines(row.items, row), m);
            int minimum = row.grows ? listHeight(clampLines(row.minLines, row), m) : preferred;
            if (sideBySide(row, inner, m))
            {
                preferred = std::max(preferred, sideStackHeight(row, m));
                minimum = std::max(minimum, sideStackHeight(row, m));
            }
            else if (!row.side.empty())
            {
                const int below = m.gap / 2 + placeButtons(row.side, 0, 0, inner, m, nullptr);
                preferred += below;
                minimum += below;
            }
            return { minimum, preferred };
        }
        case RowKind::Buttons:
        {
            const int h = placeButtons(row.controls, 0, 0, inner, m, nullptr);
            return { h, h };
        }
        case RowKind::Checks:
        {
            const int h = placeChecks(row.controls, 0, 0, inner, m, nullptr);
            return { h, h };
        }
    }
    return {};
}

int innerWidth(int width, const Metrics& m) { return std::max(width - 2 * m.margin, 1); }

void requireMeasure(const Metrics& m)
{
    if (!m.textWidth)
        throw std::invalid_argument("layout: Metrics::textWidth is required");
}

/// The visible rows' heights and the gaps after them, and the sums.
struct Column
{
    std::vector<RowHeights> heights; ///< per row (zero for hidden ones)
    std::vector<int> gapAfter;       ///< per row
    int minimum = 0;
    int preferred = 0;
    bool grows = false;
};

Column column(const std::vector<Row>& rows, int width, const Metrics& m)
{
    requireMeasure(m);
    const int inner = innerWidth(width, m);
    Column c;
    c.heights.resize(rows.size());
    c.gapAfter.resize(rows.size());
    int lastShown = -1;
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        if (!rows[i].visible)
            continue;
        c.heights[i] = rowHeights(rows[i], inner, m);
        if (c.heights[i].preferred == 0)
            continue; // an empty label takes no room, nor a gap
        if (lastShown >= 0)
            c.gapAfter[static_cast<std::size_t>(lastShown)] = rows[static_cast<std::size_t>(lastShown)].names
                                                                  ? m.labelGap
                                                                  : m.gap;
        lastShown = static_cast<int>(i);
        c.grows = c.grows || rows[i].grows;
    }
    c.minimum = c.preferred = 2 * m.margin;
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        c.minimum += c.heights[i].minimum + c.gapAfter[i];
        c.preferred += c.heights[i].preferred + c.gapAfter[i];
    }
    return c;
}
} // namespace

std::string withoutMnemonic(const std::string& label)
{
    std::string out;
    out.reserve(label.size());
    for (std::size_t i = 0; i < label.size(); ++i)
    {
        if (label[i] == '~')
        {
            if (i + 1 < label.size() && label[i + 1] == '~')
                out += label[++i];
            continue;
        }
        out += label[i];
    }
    return out;
}

std::vector<std::string> wrapText(const std::string& text, int width, const TextWidth& textWidth)
{
    std::vector<std::string> lines;
    if (text.empty())
        return lines;
    width = std::max(width, 1);
    std::size_t start = 0;
    while (true)
    {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string paragraph = text.substr(start, end - start);
        std::string line;
        for (std::string word : words(paragraph))
        {
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (textWidth(candidate) <= width)
            {
                line = candidate;
                continue;
            }
            if (!line.empty())
                lines.push_back(line);
            line.clear();
            // A word wider than the line is broken where it must be.
            while (textWidth(word) > width)
            {
                auto [head, rest] = splitToWidth(word, width, textWidth);
                lines.push_back(head);
                word = rest;
                if (word.empty())
                    break;
            }
            line = word;
        }
        lines.push_back(line);
        if (end >= text.size())
            break;
        start = end + 1;
    }
    return lines;
}

std::string fitText(const std::string& head, const std::string& tail, int width, const TextWidth& textWidth)
{
    if (textWidth(head + tail) <= width)
        return head + tail;
    const auto cutToWords = [&](const std::string& after) -> std::string {
        // The longest run of head's words that fits with "…" and after.
        std::string best;
        std::size_t pos = head.find(' ');
        while (pos != std::string::npos)
        {
            std::string part = head.substr(0, pos);
            while (!part.empty() && (part.back() == ' ' || part.back() == ',' || part.back() == ':'))
                part.pop_back();
            if (!part.empty() && part.find_first_not_of(' ') != std::string::npos)
            {
                if (textWidth(part + ellipsis + after) > width)
                    break;
                best = part;
            }
            pos = head.find(' ', pos + 1);
        }
        return best;
    };
    if (!tail.empty())
    {
        // The tail stays only beside a head still worth reading: a quarter of the width at least.
        const std::string words = cutToWords(tail);
        if (!words.empty() && 4 * textWidth(words) >= width)
            return words + ellipsis + tail;
    }
    // Without its tail, the head alone is cut: a tail cut in two ("(0…") says nothing.
    const std::string& whole = head;
    if (!tail.empty() && textWidth(head + ellipsis) <= width)
        return head + ellipsis;
    const std::size_t leadingSpaces = whole.find_first_not_of(' ');
    {
        // Cut the whole line at a word.
        std::string best;
        std::size_t pos = whole.find(' ', leadingSpaces == std::string::npos ? 0 : leadingSpaces);
        while (pos != std::string::npos)
        {
            std::string part = whole.substr(0, pos);
            while (!part.empty() && (part.back() == ' ' || part.back() == ',' || part.back() == ':'))
                part.pop_back();
            if (part.size() > leadingSpaces)
            {
                if (textWidth(part + ellipsis) > width)
                    break;
                best = part;
            }
            pos = whole.find(' ', pos + 1);
        }
        if (!best.empty())
            return best + ellipsis;
    }
    // Not even a word fits: cut within it.
    const auto starts = codePointStarts(whole);
    std::string best;
    for (std::size_t n = 1; n < starts.size(); ++n)
    {
        const std::string part = whole.substr(0, starts[n]);
        if (textWidth(part + ellipsis) > width)
            break;
        best = part;
    }
    return best + ellipsis;
}

Heights heightsFor(const std::vector<Row>& rows, int width, const Metrics& metrics)
{
    const Column c = column(rows, width, metrics);
    return { c.minimum, c.preferred, c.grows };
}

int minimalWidth(const std::vector<Row>& rows, const Metrics& m)
{
    requireMeasure(m);
    int need = 0;
    for (const Row& row : rows)
    {
        if (row.kind == RowKind::Buttons)
            for (const Control& c : row.controls)
                need = std::max(need, buttonNeed(c, m));
        for (const Control& c : row.side)
            need = std::max(need, buttonNeed(c, m));
        if (row.kind == RowKind::Checks)
            for (const Control& c : row.controls)
                for (const std::string& word : words(withoutMnemonic(c.text)))
                    need = std::max(need, m.checkIndent + m.textWidth(word));
    }
    return need + 2 * m.margin;
}

std::map<std::string, Box> place(const std::vector<Row>& rows, int width, int height, const Metrics& m)
{
    const Column c = column(rows, width, m);
    const int inner = innerWidth(width, m);
    // Each row's height at this panel height.
    std::vector<int> heights(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        heights[i] = c.heights[i].preferred;
    std::vector<std::size_t> growing;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].visible && rows[i].grows && c.heights[i].preferred > 0)
            growing.push_back(i);
    if (!growing.empty() && height > c.preferred)
    {
        const int extra = height - c.preferred;
        const int each = extra / static_cast<int>(growing.size());
        for (std::size_t g = 0; g < growing.size(); ++g)
            heights[growing[g]] += each + (g + 1 == growing.size() ? extra % static_cast<int>(growing.size()) : 0);
    }
    else if (!growing.empty() && height < c.preferred)
    {
        int slack = 0;
        for (std::size_t i : growing)
            slack += c.heights[i].preferred - c.heights[i].minimum;
        const int give = std::min(c.preferred - std::max(height, c.minimum), slack);
        int given = 0;
        for (std::size_t g = 0; g < growing.size(); ++g)
        {
            const std::size_t i = growing[g];
            const int room = c.heights[i].preferred - c.heights[i].minimum;
            int share = slack > 0 ? static_cast<int>(static_cast<long long>(give) * room / slack) : 0;
            if (g + 1 == growing.size())
                share = std::min(room, give - given);
            heights[i] -= share;
            given += share;
        }
    }

    std::map<std::string, Box> boxes;
    const int x = m.margin;
    int y = m.margin;
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        const Row& row = rows[i];
        if (!row.visible)
            continue;
        const int h = heights[i];
        switch (row.kind)
        {
            case RowKind::Label:
            case RowKind::Field:
            case RowKind::Area:
                for (const Control& control : row.controls)
                    boxes[control.id] = { x, y, inner, h };
                break;
            case RowKind::List:
            {
                if (row.controls.empty())
                    break;
                if (sideBySide(row, inner, m))
                {
                    const int side = sideWidth(row, m);
                    boxes[row.controls.front().id] = { x, y, inner - m.gap - side, h };
                    int sy = y;
                    for (const Control& button : row.side)
                    {
                        boxes[button.id] = { x + inner - side, sy, side, m.buttonHeight };
                        sy += m.buttonHeight + m.gap / 2;
                    }
                }
                else
                {
                    const int below = row.side.empty() ? 0
                                                       : m.gap / 2 + placeButtons(row.side, 0, 0, inner, m, nullptr);
                    boxes[row.controls.front().id] = { x, y, inner, h - below };
                    if (!row.side.empty())
                        placeButtons(row.side, x, y + h - below + m.gap / 2, inner, m, &boxes);
                }
                break;
            }
            case RowKind::Buttons:
                placeButtons(row.controls, x, y, inner, m, &boxes);
                break;
            case RowKind::Checks:
                placeChecks(row.controls, x, y, inner, m, &boxes);
                break;
        }
        y += h + c.gapAfter[i];
    }
    return boxes;
}

} // namespace aa::layout
