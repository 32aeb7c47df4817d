// Where a sidebar panel's controls go for a given width: the arithmetic of the deck's layout,
// without UNO. The glue (src/ui) describes a panel as rows of controls with their current texts,
// measures text and control sizes in the panel's own font, and applies the boxes this computes
// whenever the sidebar changes the panel's width or height, or the texts change.
//
// The rules: every row spans the panel's width less its margins; labels wrap (never cut); a
// row of buttons shares the width equally, and breaks into more rows when a label would not
// fit; check boxes stand two to a row when both fit, else one; a list shows one row per item
// (between its minimum and maximum), with its side buttons beside it or, where that leaves the
// list too narrow, in a row below; a multi-line field is as tall as its text (between its
// minimum and maximum lines) and, when it grows, takes the height the panel has beyond what it
// prefers. Hidden rows take no room. Nothing is ever wider than the panel.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace aa::layout
{

/// A control's place in the panel, in pixels from the panel's top left corner.
struct Box
{
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

/// The width of a text in the panel's font, in pixels (the glue asks the toolkit).
using TextWidth = std::function<int(const std::string&)>;

/// What the toolkit measures: the sizes of lines and of controls' frames, in pixels.
struct Metrics
{
    int margin = 6;         ///< around the panel's content
    int gap = 6;            ///< between rows
    int labelGap = 2;       ///< between a label and the control it names, below it
    int lineHeight = 16;    ///< a line of a label's text
    int fieldHeight = 24;   ///< a one-line text field
    int buttonHeight = 28;  ///< a push button
    int buttonPadding = 12; ///< each side of a button's label
    int checkHeight = 20;   ///< a check box with one line of label
    int checkIndent = 22;   ///< a check box's box and the space before its label
    int listRow = 18;       ///< a row of a list
    int listFrame = 4;      ///< a list's frame, top and bottom together
    int textFrame = 8;      ///< a multi-line field's frame and inner margins, top and bottom together
    int scrollbar = 16;     ///< a vertical scroll bar's width
    int minListWidth = 120; ///< narrower than this, a list's side buttons go below it
    int wrapSlack = 0;      ///< labels are wrapped this much narrower than their width, so a
                            ///< toolkit that breaks lines a little sooner never needs another line
    TextWidth textWidth;    ///< required: the width of a text
};

enum class RowKind
{
    Label,   ///< one text, wrapped
    Field,   ///< one one-line text field
    Area,    ///< one multi-line text field, as tall as its text
    List,    ///< one list, one row per item, with buttons at its side
    Buttons, ///< push buttons sharing the width
    Checks,  ///< check boxes, two to a row where both fit
};

/// A control and its text: a label's or button's label, a field's content.
struct Control
{
    std::string id;
    std::string text;
};

struct Row
{
    RowKind kind = RowKind::Label;
    std::vector<Control> controls;
    std::vector<Control> side; ///< a list's buttons, stacked at its right
    int items = 0;             ///< a list's rows
    int minLines = 1;          ///< a list's or an area's least rows or lines
    int maxLines = 0;          ///< a list's or an area's most rows or lines (0: no limit)
    int roomLines = 0;         ///< an area's lines at least when it has room (room to write in)
    bool grows = false;        ///< takes a share of the height beyond the panel's preferred height
    bool names = false;        ///< a label naming the row below: that row follows it closely
    bool visible = true;
};

/// The heights a panel asks the sidebar for at a width.
struct Heights
{
    int minimum = 0;    ///< growing rows at their least
    int preferred = 0;  ///< every row as tall as its content
    bool grows = false; ///< some row would use more height
};

/// The lines a text takes at a width: broken at spaces, and within a word only where the word
/// alone is wider than the width; "\n" starts a new line. An empty text has no line.
std::vector<std::string> wrapText(const std::string& text, int width, const TextWidth& textWidth);

/// The text as it fits on one line of this width: whole where it fits, else its head cut at a
/// word (or a character) with "…" after it, keeping tail whole after it where tail and a head at
/// least a quarter of the width fit (a list row's status, for example); else head alone, cut.
/// Never wider than width unless even "…" is.
std::string fitText(const std::string& head, const std::string& tail, int width, const TextWidth& textWidth);

/// A label's text with its mnemonic marks ("~") taken out, as the toolkit draws it.
std::string withoutMnemonic(const std::string& label);

/// The panel's heights for a width.
Heights heightsFor(const std::vector<Row>& rows, int width, const Metrics& metrics);

/// The narrowest width at which every button and check box label still fits on its own row.
int minimalWidth(const std::vector<Row>& rows, const Metrics& metrics);

/// Every visible control's box at this width and height: where height exceeds the preferred
/// height, the growing rows share the rest; below it, they give up height down to their
/// minimum (and below the minimum height the panel is laid out at its minimum).
std::map<std::string, Box> place(const std::vector<Row>& rows, int width, int height, const Metrics& metrics);

} // namespace aa::layout
