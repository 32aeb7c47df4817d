// Keyboard-only acceptance (issue 14): in a visible Writer under an X server (Xvfb), a person
// who never touches the mouse opens the Analysis deck with its shortcut, adds a key issue,
// answers its three questions, inserts the analysis, changes an answer and updates it, updates
// the action plan and runs the review, with key presses only (xdotool sends them as the X
// server's keyboard). The program only watches: it finds where the keyboard focus is through
// the controls, and reads the document through the scripting API at the end.
// Exit 0 when every step worked, 1 (saying which step) when one did not.
//
// Status (30 November 2026): NOT PASSING, and not part of the test command. Under Xvfb with the
// gen plugin it opens the deck with its shortcut, reaches the Issues panel with F6 and Tab, adds
// an issue with Enter, then never reaches the Questions panel's list: after "Add adult" the Tab
// key lands on something that is none of our controls (a panel's title bar or the sidebar's
// scroll window: hasFocus() sees neither, nor does a list box's inner window), and from there
// Down and Tab move nothing it can observe. Run with AA_KEYBOARD_TRACE=1 to see each key's
// focus, AA_KEYBOARD_SHOT=file.png for a picture where it stops:
//   xvfb-run -a -s "-screen 0 1400x900x24" env SAL_USE_VCLPLUGIN=gen build/src/tools/aa-keyboard
#include "Office.hxx"
#include "UnoString.hxx"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace
{
void pause(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

/// Presses keys as the X server's keyboard (xdotool key names: Tab, shift+Tab, Down, space ...).
void key(const std::string& keys)
{
    if (std::system(("xdotool key --delay 60 " + keys).c_str()) != 0)
        throw std::runtime_error("xdotool could not press " + keys + " (is xdotool installed?)");
    pause(350);
}

/// Types text as the keyboard does.
void type(const std::string& text)
{
    const std::string command = "xdotool type --delay 15 '" + text + "'";
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("xdotool could not type");
    pause(300);
}

struct Deck
{
    uno::Reference<ui::XDeck> deck;
    uno::Reference<ui::XPanel> panel(const char* id) const
    {
        return uno::Reference<ui::XPanel>(deck->getPanels()->getByName(OUString::createFromAscii(id)),
                                          uno::UNO_QUERY_THROW);
    }
};

uno::Reference<awt::XControl> control(const uno::Reference<ui::XPanel>& xPanel, const char* name)
{
    uno::Reference<awt::XControlContainer> xControls(xPanel->getDialog(), uno::UNO_QUERY);
    if (!xControls.is())
        return nullptr;
    return xControls->getControl(OUString::createFromAscii(name));
}

bool focused(const uno::Reference<ui::XPanel>& xPanel, const char* name)
{
    uno::Reference<awt::XWindow2> xWindow(control(xPanel, name), uno::UNO_QUERY);
    return xWindow.is() && xWindow->hasFocus();
}

/// Which control of the deck has the keyboard focus ("" when none of ours).
std::string focus(const Deck& deck)
{
    for (const char* id :
         { "AssessmentAnalysisIssuesPanel", "AssessmentAnalysisQuestionsPanel", "AssessmentAnalysisReviewPanel" })
    {
        uno::Reference<awt::XControlContainer> xControls(deck.panel(id)->getDialog(), uno::UNO_QUERY);
        if (!xControls.is())
            continue;
        for (const auto& xControl : xControls->getControls())
        {
            uno::Reference<awt::XWindow2> xWindow(xControl, uno::UNO_QUERY);
            if (xWindow.is() && xWindow->hasFocus())
            {
                OUString aName;
                uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW)
                    ->getPropertyValue("Name")
                    >>= aName;
                return toUtf8(aName);
            }
        }
    }
    return {};
}

/// Presses keys until the named control has the focus (at most tries times).
void tabTo(const Deck& deck, const char* panelId, const char* name, const std::string& keys = "Tab", int tries = 60)
{
    for (int i = 0; i < tries; ++i)
    {
        if (focused(deck.panel(panelId), name))
            return;
        key(keys);
        if (std::getenv("AA_KEYBOARD_TRACE"))
            std::cout << "keyboard:   " << keys << " -> \"" << focus(deck) << "\"" << std::endl;
    }
    throw std::runtime_error(std::string("the keyboard never reached ") + name + " (focus on \"" + focus(deck) + "\")");
}

/// The selected rows of a list box.
uno::Sequence<sal_Int16> selection(const uno::Reference<ui::XPanel>& xPanel, const char* name)
{
    uno::Sequence<sal_Int16> aSelected;
    uno::Reference<beans::XPropertySet>(control(xPanel, name)->getModel(), uno::UNO_QUERY_THROW)
        ->getPropertyValue("SelectedItems")
        >>= aSelected;
    return aSelected;
}

/// Presses keys until the named list box has the focus. A list box's focus is in a window inside
/// it, where hasFocus() does not see it; so where no control of ours reports the focus, Down is
/// pressed, and the list's selection moving shows the focus is in it (Up puts it back).
std::string label(const uno::Reference<ui::XPanel>& xPanel, const char* name, const char* property = "Label");

void tabToList(const Deck& deck, const char* panelId, const char* name, const std::string& keys = "Tab", int tries = 60)
{
    for (int i = 0; i < tries; ++i)
    {
        if (focus(deck).empty())
        {
            const uno::Sequence<sal_Int16> before = selection(deck.panel(panelId), name);
            key("Down");
            if (std::getenv("AA_KEYBOARD_TRACE"))
                std::cout << "keyboard:   Down: " << name << " selected " << (before.hasElements() ? before[0] : -1)
                          << " -> "
                          << (selection(deck.panel(panelId), name).hasElements()
                                  ? selection(deck.panel(panelId), name)[0]
                                  : -1)
                          << std::endl;
            if (selection(deck.panel(panelId), name) != before)
            {
                key("Up");
                return;
            }
        }
        key(keys);
        if (std::getenv("AA_KEYBOARD_TRACE"))
            std::cout << "keyboard:   " << keys << " -> \"" << focus(deck) << "\"" << std::endl;
    }
    if (std::getenv("AA_KEYBOARD_SHOT"))
        std::system((std::string("import -window root ") + std::getenv("AA_KEYBOARD_SHOT")).c_str());
    throw std::runtime_error(std::string("the keyboard never reached the list ") + name + " (the answer box holds \""
                             + label(deck.panel("AssessmentAnalysisQuestionsPanel"), "Answer", "Text") + "\")");
}

std::string label(const uno::Reference<ui::XPanel>& xPanel, const char* name, const char* property)
{
    OUString aText;
    uno::Reference<beans::XPropertySet>(control(xPanel, name)->getModel(), uno::UNO_QUERY_THROW)
        ->getPropertyValue(OUString::createFromAscii(property))
        >>= aText;
    return toUtf8(aText);
}

void step(const std::string& what) { std::cout << "keyboard: " << what << std::endl; }
} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> opt{ { "--profile", "build/keyboard-profile" },
                                            { "--oxt", "build/assessment-analysis.oxt" } };
    for (int i = 1; i + 1 < argc; i += 2)
    {
        if (!opt.count(argv[i]))
        {
            std::cerr << "unknown option " << argv[i] << "\n";
            return 2;
        }
        opt[argv[i]] = argv[i + 1];
    }
    if (!std::getenv("DISPLAY"))
    {
        std::cerr << "aa-keyboard: no DISPLAY; run it under Xvfb (see the command at the top of this file)\n";
        return 2;
    }
    try
    {
        std::filesystem::remove_all(opt["--profile"]);
        aa::client::Office office({ opt["--profile"], opt["--oxt"], false });
        auto xDoc = office.newWriterDocument();
        // On any failure the document is left unmodified, so closing the office asks nothing
        // (a "Save changes?" dialog would hang the run).
        struct Unmodified
        {
            uno::Reference<util::XModifiable> xDoc;
            ~Unmodified()
            {
                try
                {
                    if (xDoc.is())
                        xDoc->setModified(false);
                }
                catch (const uno::Exception&)
                {
                }
            }
        } unmodified{ uno::Reference<util::XModifiable>(xDoc, uno::UNO_QUERY) };
        uno::Reference<frame::XModel> xModel(xDoc, uno::UNO_QUERY_THROW);
        uno::Reference<frame::XController2> xController(xModel->getCurrentController(), uno::UNO_QUERY_THROW);
        xController->getFrame()->getContainerWindow()->setPosSize(0, 0, 1400, 900, 15);
        xController->getFrame()->getContainerWindow()->setFocus();
        pause(1500);

        step("Ctrl+Alt+Shift+D opens the Analysis deck");
        key("ctrl+alt+shift+d");
        pause(1500);
        Deck deck{ uno::Reference<ui::XDeck>(xController->getSidebar()->getDecks()->getByName("AssessmentAnalysisDeck"),
                                             uno::UNO_QUERY_THROW) };
        if (!deck.deck->isActive())
            throw std::runtime_error("the shortcut did not open the Analysis deck");
        const auto issues = deck.panel("AssessmentAnalysisIssuesPanel");
        const auto questions = deck.panel("AssessmentAnalysisQuestionsPanel");
        const auto review = deck.panel("AssessmentAnalysisReviewPanel");

        step("F6 and Tab move the focus from the document into the deck");
        // F6 goes from the document to the next area (the sidebar's title first), Tab from there
        // into the panels.
        for (int i = 0; i < 8 && focus(deck).empty(); ++i)
        {
            key("F6");
            for (int t = 0; t < 6 && focus(deck).empty(); ++t)
                key("Tab");
        }
        if (std::getenv("AA_KEYBOARD_SHOT"))
            std::system((std::string("import -window root ") + std::getenv("AA_KEYBOARD_SHOT")).c_str());
        if (focus(deck).empty())
            throw std::runtime_error("F6 never brought the focus into the deck");

        step("type a key issue's title and press Enter");
        tabTo(deck, "AssessmentAnalysisIssuesPanel", "Title");
        type("Housing is overcrowded");
        key("Return");
        if (label(issues, "IssueList", "StringItemList").empty())
        {
            uno::Sequence<OUString> aItems;
            uno::Reference<beans::XPropertySet>(control(issues, "IssueList")->getModel(), uno::UNO_QUERY_THROW)
                ->getPropertyValue("StringItemList")
                >>= aItems;
            if (!aItems.hasElements())
                throw std::runtime_error("Enter in the title field added no issue");
        }

        const std::pair<int, const char*> answers[] = {
            { 2, "The landlord sold the flat, so the family moved in a hurry." },
            { 1, "Rent arrears keep the family off the housing register." },
            { 1, "Maya shares a bed with her brother and is tired at school." },
        };
        int answer = 0;
        for (const auto& [down, text] : answers)
        {
            step(std::string("answer question ") + std::to_string(++answer) + " of the issue");
            tabToList(deck, "AssessmentAnalysisQuestionsPanel", "QuestionList");
            for (int i = 0; i < down; ++i)
                key("Down");
            // The answer box comes next in the panel's order (its focus, like a list's, is in a
            // window inside it): what was typed must be in it.
            key("Tab");
            type(text);
            if (label(questions, "Answer", "Text").find(text) == std::string::npos)
                throw std::runtime_error(std::string("Tab from the question list did not reach the answer box (\"")
                                         + label(questions, "Answer", "Text") + "\")");
        }

        step("Insert analysis");
        tabTo(deck, "AssessmentAnalysisQuestionsPanel", "Insert");
        key("space");
        pause(1500);
        const std::string inserted = office.call("read", xDoc);
        for (const auto& [down, text] : answers)
            if (inserted.find(text) == std::string::npos)
                throw std::runtime_error(std::string("the inserted analysis lacks \"") + text + "\"");

        step("change the third answer and press Update analysis");
        tabToList(deck, "AssessmentAnalysisQuestionsPanel", "QuestionList", "shift+Tab");
        key("Tab");
        key("ctrl+End");
        type(" She falls asleep in class.");
        if (label(questions, "Answer", "Text").find("She falls asleep in class.") == std::string::npos)
            throw std::runtime_error("the answer box did not take the changed answer");
        tabTo(deck, "AssessmentAnalysisQuestionsPanel", "Update");
        key("space");
        pause(1500);
        if (office.call("read", xDoc).find("She falls asleep in class.") == std::string::npos)
            throw std::runtime_error("Update analysis did not write the changed answer");

        step("Update action plan");
        tabTo(deck, "AssessmentAnalysisQuestionsPanel", "UpdatePlan");
        key("space");
        pause(1000);
        const std::string status = label(questions, "Status");
        std::cout << "keyboard: status: " << status << std::endl;

        step("open the Review panel from its title and Run review");
        for (int i = 0; i < 20 && !review->isExpanded(); ++i)
        {
            key("Tab");
            // Off our controls: on a panel's title. Space there expands the Review panel; on
            // another title it would collapse that panel, so only where ours are all left behind.
            if (focus(deck).empty() && !review->isExpanded())
            {
                key("space");
                if (!issues->isExpanded() || !questions->isExpanded())
                    throw std::runtime_error("space on a panel title collapsed another panel");
            }
        }
        if (!review->isExpanded())
            throw std::runtime_error("the keyboard never opened the Review panel");
        tabTo(deck, "AssessmentAnalysisReviewPanel", "RunReview");
        key("space");
        pause(2000);
        uno::Sequence<OUString> aFindings;
        uno::Reference<beans::XPropertySet>(control(review, "Findings")->getModel(), uno::UNO_QUERY_THROW)
            ->getPropertyValue("StringItemList")
            >>= aFindings;
        if (!aFindings.hasElements())
            throw std::runtime_error("Run review listed no findings");
        std::cout << "keyboard: " << label(review, "Counts") << std::endl;

        step("move through the findings with the arrow keys: the detail shows each whole");
        tabTo(deck, "AssessmentAnalysisReviewPanel", "Findings");
        key("Home");
        key("Down");
        key("Down");
        const std::string detail = label(review, "Detail", "Text");
        if (detail.rfind("Finding ", 0) != 0)
            throw std::runtime_error("the detail shows no finding: \"" + detail + "\"");
        std::cout << "keyboard: " << detail.substr(0, detail.find('\n')) << std::endl;
        aa::client::Office::close(xDoc);
        std::cout << "keyboard: every step worked without the mouse" << std::endl;
        return 0;
    }
    catch (const uno::Exception& e)
    {
        std::cerr << "aa-keyboard: " << aa::client::describe(e) << "\n";
    }
    catch (const std::exception& e)
    {
        std::cerr << "aa-keyboard: " << e.what() << "\n";
    }
    return 1;
}
