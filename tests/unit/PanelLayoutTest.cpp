// The deck's layout arithmetic (PanelLayout.hpp): labels wrap and are never cut, buttons share
// the width and break into rows, lists show a row per item, hidden rows collapse, growing fields
// take the height beyond the preferred, and nothing is ever wider than the panel, from the
// narrowest width the panel allows to a wide sidebar. Text is measured as 7 pixels a character.
#include "PanelLayout.hpp"
#include "Utf8.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace aa::layout
{
namespace
{
int sevenPerCharacter(const std::string& text) { return 7 * static_cast<int>(codePointCount(text)); }

Metrics metrics()
{
    Metrics m;
    m.textWidth = sevenPerCharacter;
    return m;
}

Row label(const std::string& id, const std::string& text, bool names = false)
{
    Row r;
    r.kind = RowKind::Label;
    r.controls = { { id, text } };
    r.names = names;
    return r;
}

Row buttons(std::vector<Control> controls)
{
    Row r;
    r.kind = RowKind::Buttons;
    r.controls = std::move(controls);
    return r;
}

Row list(const std::string& id, int items, std::vector<Control> side = {}, int minRows = 2, int maxRows = 0)
{
    Row r;
    r.kind = RowKind::List;
    r.controls = { { id, "" } };
    r.side = std::move(side);
    r.items = items;
    r.minLines = minRows;
    r.maxLines = maxRows;
    return r;
}

Row area(const std::string& id, const std::string& text, int minLines, int maxLines, bool grows)
{
    Row r;
    r.kind = RowKind::Area;
    r.controls = { { id, text } };
    r.minLines = minLines;
    r.maxLines = maxLines;
    r.grows = grows;
    return r;
}

/// A panel like the Questions panel: a list with side buttons, wrapped guidance, an answer
/// box that grows, four command buttons, check boxes and a status line.
std::vector<Row> questionsLike()
{
    Row checks;
    checks.kind = RowKind::Checks;
    checks.controls = { { "Practitioner", "~Practitioner" }, { "Child", "C~hild" }, { "Other", "~Other workers" } };
    return { label("ListLabel", "~Questions", true),
             list("Questions", 14, { { "Up", "~Up" }, { "Down", "~Down" } }),
             label("Guidance", "What keeps the problem in place today? Think of habits, beliefs, relationships, money, "
                               "housing, services and how agencies respond."),
             label("AnswerLabel", "~Answer", true),
             area("Answer", "Rent arrears mean the family is not eligible for the higher band.", 4, 30, true),
             checks,
             buttons({ { "Insert", "~Insert analysis" },
                       { "Update", "U~pdate analysis" },
                       { "UpdatePlan", "Update action ~plan" },
                       { "GoTo", "~Go to" } }),
             label("Status", "") };
}

bool overlaps(const Box& a, const Box& b)
{
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
} // namespace

TEST(PanelLayout, WrapsAtSpacesAndKeepsEveryWord)
{
    const auto lines = wrapText("one two three four five", 7 * 9, sevenPerCharacter);
    EXPECT_EQ(lines, (std::vector<std::string>{ "one two", "three", "four five" }));
}

TEST(PanelLayout, LineBreaksStartNewLinesAndEmptyTextHasNone)
{
    EXPECT_EQ(wrapText("a\nb", 100, sevenPerCharacter), (std::vector<std::string>{ "a", "b" }));
    EXPECT_EQ(wrapText("a\n\nb", 100, sevenPerCharacter), (std::vector<std::string>{ "a", "", "b" }));
    EXPECT_TRUE(wrapText("", 100, sevenPerCharacter).empty());
}

TEST(PanelLayout, AWordWiderThanTheLineIsBrokenWithinItAtACharacter)
{
    // "Überschreitung" is 14 characters; 5 fit on a line of 35 pixels, and "Ü" stays whole.
    const auto lines = wrapText("\xC3\x9C"
                                "berschreitung ok",
                                35, sevenPerCharacter);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "\xC3\x9C"
                        "bers");
    EXPECT_EQ(lines[2], "tung");
    EXPECT_EQ(lines[3], "ok");
    for (const auto& line : lines)
        EXPECT_LE(sevenPerCharacter(line), 35) << line;
}

TEST(PanelLayout, FitTextKeepsTheTailAndCutsTheHeadAtAWord)
{
    const std::string head = "1. The family's housing is overcrowded";
    const std::string tail = " (3 of 3 answered), no action yet";
    const int width = 7 * 50;
    const std::string fitted = fitText(head, tail, width, sevenPerCharacter);
    EXPECT_LE(sevenPerCharacter(fitted), width) << fitted;
    EXPECT_EQ(fitted, "1. The family's\xE2\x80\xA6" + tail);
    EXPECT_EQ(fitText(head, tail, 7 * 200, sevenPerCharacter), head + tail) << "whole where it fits";
}

TEST(PanelLayout, FitTextDropsTheTailWhenTooLittleOfTheHeadWouldShowBesideIt)
{
    // "1." beside the status says nothing: the title's first words do.
    EXPECT_EQ(fitText("1. The family's home", " (3 of 3 answered)", 7 * 22, sevenPerCharacter),
              "1. The family's home\xE2\x80\xA6");
    const std::string fitted = fitText("Housing is unsafe", " (0 of 3 answered)", 7 * 12, sevenPerCharacter);
    EXPECT_EQ(fitted, "Housing is\xE2\x80\xA6");
    const std::string tiny = fitText("Overcrowding", "", 7 * 4, sevenPerCharacter);
    EXPECT_EQ(tiny, "Ove\xE2\x80\xA6");
}

TEST(PanelLayout, FitTextKeepsAnIndentedRowsIndent)
{
    const std::string fitted = fitText("    Warning: the issue does not say why it started", "", 7 * 24,
                                       sevenPerCharacter);
    EXPECT_EQ(fitted.rfind("    Warning:", 0), 0u) << fitted;
    EXPECT_LE(sevenPerCharacter(fitted), 7 * 24);
}

TEST(PanelLayout, MnemonicMarksAreNotMeasured)
{
    EXPECT_EQ(withoutMnemonic("~Insert analysis"), "Insert analysis");
    EXPECT_EQ(withoutMnemonic("Fish ~~ chips"), "Fish ~ chips");
}

TEST(PanelLayout, ALabelIsAsTallAsItsWrappedLines)
{
    const Metrics m = metrics();
    const std::vector<Row> rows = { label("Guidance", "one two three four five") };
    const auto boxes = place(rows, 7 * 9 + 2 * m.margin, 0, m);
    EXPECT_EQ(boxes.at("Guidance").height, 3 * m.lineHeight);
    EXPECT_EQ(heightsFor(rows, 7 * 9 + 2 * m.margin, m).preferred, 2 * m.margin + 3 * m.lineHeight);
}

TEST(PanelLayout, ButtonsShareTheRowAndBreakIntoRowsWhenALabelWouldNotFit)
{
    const Metrics m = metrics();
    const std::vector<Row> rows = { buttons({ { "Insert", "~Insert analysis" },
                                              { "Update", "U~pdate analysis" },
                                              { "UpdatePlan", "Update action ~plan" },
                                              { "GoTo", "~Go to" } }) };
    // Wide: four in a row, equal widths; where three would fit, two and two.
    auto three = place(rows, 2 * m.margin + 3 * (7 * 18 + 2 * m.buttonPadding) + 2 * m.gap + 10, 0, m);
    EXPECT_EQ(three.at("Insert").y, three.at("Update").y);
    EXPECT_GT(three.at("UpdatePlan").y, three.at("Update").y);
    EXPECT_EQ(three.at("UpdatePlan").y, three.at("GoTo").y);
    auto wide = place(rows, 900, 0, m);
    EXPECT_EQ(wide.at("Insert").y, wide.at("GoTo").y);
    EXPECT_EQ(wide.at("Insert").width, wide.at("GoTo").width);
    // The default width: two rows of two.
    auto normal = place(rows, 320, 0, m);
    EXPECT_EQ(normal.at("Insert").y, normal.at("Update").y);
    EXPECT_GT(normal.at("UpdatePlan").y, normal.at("Insert").y);
    // Narrow: one to a row, each label whole.
    const int narrow = minimalWidth(rows, m);
    auto one = place(rows, narrow, 0, m);
    EXPECT_LT(one.at("Insert").y, one.at("Update").y);
    EXPECT_LT(one.at("Update").y, one.at("UpdatePlan").y);
    for (const auto& [id, box] : one)
        EXPECT_GE(box.width, sevenPerCharacter(withoutMnemonic("Update action plan")) + 2 * m.buttonPadding) << id;
}

TEST(PanelLayout, AListShowsOneRowPerItemBetweenItsLeastAndMost)
{
    const Metrics m = metrics();
    EXPECT_EQ(place({ list("L", 5) }, 300, 0, m).at("L").height, m.listFrame + 5 * m.listRow);
    EXPECT_EQ(place({ list("L", 0) }, 300, 0, m).at("L").height, m.listFrame + 2 * m.listRow)
        << "an empty list shows two rows";
    EXPECT_EQ(place({ list("L", 50, {}, 2, 12) }, 300, 0, m).at("L").height, m.listFrame + 12 * m.listRow);
}

TEST(PanelLayout, SideButtonsStandBesideTheListOrBelowItWhenTheListWouldBeTooNarrow)
{
    const Metrics m = metrics();
    const std::vector<Row> rows = { list("Issues", 4, { { "Up", "~Up" }, { "Down", "~Down" } }) };
    auto wide = place(rows, 320, 0, m);
    EXPECT_GT(wide.at("Up").x, wide.at("Issues").x + wide.at("Issues").width);
    EXPECT_EQ(wide.at("Up").y, wide.at("Issues").y);
    auto narrow = place(rows, 150, 0, m);
    EXPECT_EQ(narrow.at("Issues").width, 150 - 2 * m.margin);
    EXPECT_GT(narrow.at("Up").y, narrow.at("Issues").y + narrow.at("Issues").height);
}

TEST(PanelLayout, HiddenRowsTakeNoRoomAndEmptyLabelsNoGap)
{
    const Metrics m = metrics();
    std::vector<Row> rows = { label("A", "Alpha"), list("L", 3), label("Status", ""), label("B", "Beta") };
    const int shown = heightsFor(rows, 300, m).preferred;
    rows[1].visible = false;
    const int hidden = heightsFor(rows, 300, m).preferred;
    EXPECT_EQ(shown - hidden, m.listFrame + 3 * m.listRow + m.gap);
    const auto boxes = place(rows, 300, 0, m);
    EXPECT_EQ(boxes.count("L"), 0u);
    EXPECT_EQ(boxes.at("B").y, boxes.at("A").y + m.lineHeight + m.gap);
}

TEST(PanelLayout, ALabelNamingAControlSitsCloseAboveIt)
{
    const Metrics m = metrics();
    const auto boxes = place({ label("AnswerLabel", "Answer", true), area("Answer", "", 4, 30, true) }, 300, 0, m);
    EXPECT_EQ(boxes.at("Answer").y, boxes.at("AnswerLabel").y + m.lineHeight + m.labelGap);
}

TEST(PanelLayout, TheAnswerBoxIsAsTallAsItsTextAndTakesTheExtraHeight)
{
    const Metrics m = metrics();
    const std::string longAnswer(7 * 60, 'x');
    std::vector<Row> rows = questionsLike();
    const Heights shortText = heightsFor(rows, 320, m);
    rows[4].controls[0].text = std::string(200, 'a') + " " + std::string(200, 'b');
    const Heights longText = heightsFor(rows, 320, m);
    EXPECT_GT(longText.preferred, shortText.preferred) << "a longer answer asks for a taller box";
    EXPECT_TRUE(longText.grows);
    EXPECT_LT(longText.minimum, longText.preferred);
    // Given 200 pixels more than it prefers, the answer box takes them all.
    const auto at = place(rows, 320, longText.preferred, m);
    const auto taller = place(rows, 320, longText.preferred + 200, m);
    EXPECT_EQ(taller.at("Answer").height, at.at("Answer").height + 200);
    EXPECT_EQ(taller.at("Status").y, at.at("Status").y + 200);
    // An empty answer still has room to write in.
    rows[4].controls[0].text.clear();
    rows[4].roomLines = 10;
    EXPECT_EQ(place(rows, 320, heightsFor(rows, 320, m).preferred, m).at("Answer").height,
              m.textFrame + 10 * m.lineHeight);
    rows[4].roomLines = 0;
    rows[4].controls[0].text = std::string(200, 'a') + " " + std::string(200, 'b');
    // Given less, it gives up height down to its least, and no further.
    const auto squeezed = place(rows, 320, 10, m);
    EXPECT_EQ(squeezed.at("Answer").height, m.textFrame + 4 * m.lineHeight);
}

TEST(PanelLayout, NothingIsWiderThanThePanelOrOverlapsAtAnyWidth)
{
    const Metrics m = metrics();
    const std::vector<Row> rows = questionsLike();
    const int narrowest = minimalWidth(rows, m);
    EXPECT_LE(narrowest, 220) << "the panel can be made narrow";
    for (int width = narrowest; width <= 900; width += 7)
    {
        SCOPED_TRACE(width);
        const Heights h = heightsFor(rows, width, m);
        const auto boxes = place(rows, width, h.preferred, m);
        for (const auto& [id, box] : boxes)
        {
            EXPECT_GE(box.x, m.margin) << id;
            EXPECT_LE(box.x + box.width, width - m.margin) << id;
            EXPECT_LE(box.y + box.height, h.preferred - m.margin) << id;
            for (const auto& [other, otherBox] : boxes)
            {
                if (other != id && box.height > 0 && otherBox.height > 0)
                {
                    EXPECT_FALSE(overlaps(box, otherBox)) << id << " overlaps " << other;
                }
            }
        }
        // Every button's label fits its button.
        for (const auto& control : rows[6].controls)
            EXPECT_GE(boxes.at(control.id).width,
                      sevenPerCharacter(withoutMnemonic(control.text)) + 2 * m.buttonPadding)
                << control.id;
        // The guidance is tall enough for its lines at this width.
        EXPECT_EQ(boxes.at("Guidance").height,
                  static_cast<int>(wrapText(rows[2].controls[0].text, width - 2 * m.margin, sevenPerCharacter).size())
                      * m.lineHeight);
    }
}

TEST(PanelLayout, ACheckBoxLabelWiderThanThePanelWrapsAndTheBoxGrows)
{
    const Metrics m = metrics();
    Row checks;
    checks.kind = RowKind::Checks;
    checks.controls = { { "Must", "~Must happen (a bottom line for the child's safety)" } };
    const auto boxes = place({ checks }, 200, 0, m);
    EXPECT_GT(boxes.at("Must").height, m.checkHeight);
    EXPECT_EQ(boxes.at("Must").width, 200 - 2 * m.margin);
}

TEST(PanelLayout, AMeasureIsRequired)
{
    EXPECT_THROW(heightsFor({ label("A", "a") }, 100, Metrics{}), std::invalid_argument);
}

} // namespace aa::layout
