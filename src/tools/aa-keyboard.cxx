// Keyboard-only acceptance (issue 14): in a visible Writer under an X server (Xvfb), a person
// who never touches the mouse opens the Analysis deck with its shortcut, adds a key issue,
// answers its three questions, inserts the analysis, changes an answer and updates it, updates
// the action plan, runs the review and reads the findings, with key presses only (xdotool sends
// them as the X server's keyboard). The program only watches: it finds where the keyboard focus
// is through the accessibility tree (what a screen reader sees), and reads the document through
// the scripting API.
// Exit 0 when every step worked, 1 (saying which step) when one did not.
//
// The keys are LibreOffice's own for the sidebar (sfx2's sidebar focus manager): F6 moves
// between the document, the toolbars and the sidebar; in the sidebar Up and Down move between
// the deck's and the panels' titles (opening the panel reached), Enter goes into a panel, Tab
// and Shift+Tab move through the controls and on to the next panel's title, Escape goes back to
// the panel's title. The deck adds nothing to learn: Enter in the title field adds the issue,
// Space presses a button, arrows move in a list.
//
// Run (the test command runs it as the ctest entry "keyboard"):
//   xvfb-run -a -s "-screen 0 1400x900x24" env SAL_USE_VCLPLUGIN=gen build/src/tools/aa-keyboard
// AA_KEYBOARD_TRACE=1 prints where each key leaves the focus; AA_KEYBOARD_SHOT=file.png keeps a
// picture of the screen where a step fails.
//
// Some accessibility calls changed type in LibreOffice 7.5 (the state set became a bit mask,
// child indexes 64-bit); those go through UNO's reflection with the running office's types, so
// the same build runs against 7.4 and 25.2.
#include "Office.hxx"
#include "UnoString.hxx"

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/AccessibleStateType.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/accessibility/XAccessibleStateSet.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/reflection/XConstantTypeDescription.hpp>
#include <com/sun/star/reflection/XIdlClass.hpp>
#include <com/sun/star/reflection/XIdlMethod.hpp>
#include <com/sun/star/reflection/XIdlReflection.hpp>
#include <com/sun/star/reflection/theCoreReflection.hpp>
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

bool tracing() { return std::getenv("AA_KEYBOARD_TRACE") != nullptr; }

/// Presses keys as the X server's keyboard (xdotool key names: Tab, shift+Tab, Down, space ...).
void key(const std::string& keys)
{
    if (std::system(("xdotool key --delay 60 " + keys).c_str()) != 0)
        throw std::runtime_error("xdotool could not press " + keys + " (is xdotool installed?)");
    pause(350);
}

/// Types text as the keyboard does (no apostrophes: the text goes through a shell).
void type(const std::string& text)
{
    if (std::system(("xdotool type --delay 15 '" + text + "'").c_str()) != 0)
        throw std::runtime_error("xdotool could not type");
    pause(300);
}

void screenshot()
{
    if (const char* file = std::getenv("AA_KEYBOARD_SHOT"))
        if (std::system((std::string("import -window root ") + file).c_str()) != 0)
            std::cerr << "aa-keyboard: could not take the screenshot\n";
}

void check(bool ok, const std::string& failure)
{
    if (!ok)
    {
        screenshot();
        throw std::runtime_error(failure);
    }
}

using Context = uno::Reference<accessibility::XAccessibleContext>;

/// The accessibility calls whose types changed in LibreOffice 7.5 (the state set became a bit
/// mask, child counts and indexes 64-bit), made through UNO's core reflection with the running
/// office's own types, so that one build watches 7.4 and 25.2 alike.
class Accessibility
{
public:
    explicit Accessibility(const uno::Reference<uno::XComponentContext>& xContext)
    {
        const auto xClass = reflection::theCoreReflection::get(xContext)->forName(
            "com.sun.star.accessibility.XAccessibleContext");
        m_xStates = xClass->getMethod("getAccessibleStateSet");
        m_xCount = xClass->getMethod("getAccessibleChildCount");
        m_xChild = xClass->getMethod("getAccessibleChild");
        if (!m_xStates.is() || !m_xCount.is() || !m_xChild.is())
            throw std::runtime_error("the office's XAccessibleContext lacks a method this program calls");
        m_childIndexIsHyper = m_xChild->getParameterTypes()[0]->getTypeClass() == uno::TypeClass_HYPER;
        const uno::Reference<container::XHierarchicalNameAccess> xTypes(
            xContext->getValueByName("/singletons/com.sun.star.reflection.theTypeDescriptionManager"),
            uno::UNO_QUERY_THROW);
        m_focused = uno::Reference<reflection::XConstantTypeDescription>(
                        xTypes->getByHierarchicalName("com.sun.star.accessibility.AccessibleStateType.FOCUSED"),
                        uno::UNO_QUERY_THROW)
                        ->getConstantValue();
    }

    bool focused(const Context& xContext) const
    {
        uno::Sequence<uno::Any> aNone;
        const uno::Any states = m_xStates->invoke(uno::Any(xContext), aNone);
        if (states.getValueTypeClass() == uno::TypeClass_HYPER)
        {
            sal_Int64 bits = 0, focused = 0;
            states >>= bits;
            m_focused >>= focused;
            return (bits & focused) != 0;
        }
        const uno::Reference<accessibility::XAccessibleStateSet> xStates(states, uno::UNO_QUERY);
        sal_Int16 focused = 0;
        m_focused >>= focused;
        return xStates.is() && xStates->contains(focused);
    }

    sal_Int64 childCount(const Context& xContext) const
    {
        uno::Sequence<uno::Any> aNone;
        sal_Int64 n = 0;
        m_xCount->invoke(uno::Any(xContext), aNone) >>= n;
        return n;
    }

    uno::Reference<accessibility::XAccessible> child(const Context& xContext, sal_Int64 i) const
    {
        uno::Sequence<uno::Any> aIndex(1);
        aIndex[0] = m_childIndexIsHyper ? uno::Any(i) : uno::Any(static_cast<sal_Int32>(i));
        uno::Reference<accessibility::XAccessible> xChild;
        m_xChild->invoke(uno::Any(xContext), aIndex) >>= xChild;
        return xChild;
    }

private:
    uno::Reference<reflection::XIdlMethod> m_xStates, m_xCount, m_xChild;
    bool m_childIndexIsHyper = false;
    uno::Any m_focused;
};

/// The accessible objects from the one that has the keyboard focus up to the window searched
/// (empty when the focus is not in it). The document's text is not searched.
bool findFocus(const Accessibility& a11y, const Context& xContext, std::vector<Context>& path, int depth)
{
    if (!xContext.is() || depth > 16)
        return false;
    if (a11y.focused(xContext))
    {
        path.push_back(xContext);
        return true;
    }
    if (xContext->getAccessibleRole() == accessibility::AccessibleRole::DOCUMENT_TEXT)
        return false;
    const sal_Int64 n = std::min<sal_Int64>(a11y.childCount(xContext), 400);
    for (sal_Int64 i = 0; i < n; ++i)
    {
        const uno::Reference<accessibility::XAccessible> xChild = a11y.child(xContext, i);
        if (xChild.is() && findFocus(a11y, xChild->getAccessibleContext(), path, depth + 1))
        {
            path.push_back(xContext);
            return true;
        }
    }
    return false;
}

Context contextOf(const uno::Reference<uno::XInterface>& xObject)
{
    const uno::Reference<accessibility::XAccessible> xAccessible(xObject, uno::UNO_QUERY);
    return xAccessible.is() ? xAccessible->getAccessibleContext() : Context();
}

struct Screen
{
    uno::Reference<awt::XWindow> top; ///< the document's window
    uno::Reference<ui::XDeck> deck;
    Accessibility a11y;

    uno::Reference<ui::XPanel> panel(const char* id) const
    {
        return uno::Reference<ui::XPanel>(deck->getPanels()->getByName(OUString::createFromAscii(id)),
                                          uno::UNO_QUERY_THROW);
    }

    std::vector<Context> focusPath() const
    {
        std::vector<Context> path;
        findFocus(a11y, contextOf(top), path, 0);
        return path;
    }

    /// What has the focus, as a screen reader would name it: "name (role) in name (role) ...".
    std::string describeFocus() const
    {
        std::string text;
        for (const auto& xContext : focusPath())
        {
            const std::string name = toUtf8(xContext->getAccessibleName());
            if (name.empty())
                continue;
            text += (text.empty() ? "" : " in ") + name + " (" + std::to_string(xContext->getAccessibleRole()) + ")";
        }
        return text.empty() ? "nothing" : text;
    }

    uno::Reference<awt::XControl> control(const char* panelId, const char* name) const
    {
        const uno::Reference<awt::XControlContainer> xControls(panel(panelId)->getDialog(), uno::UNO_QUERY_THROW);
        auto xControl = xControls->getControl(OUString::createFromAscii(name));
        if (!xControl.is())
            throw std::runtime_error(std::string("the deck has no control ") + name);
        return xControl;
    }

    /// Whether the control, or a window inside it (a list's rows, an edit's text), has the focus.
    bool focused(const char* panelId, const char* name) const
    {
        const auto xControl = control(panelId, name);
        const Context xWanted = contextOf(xControl->getPeer());
        if (!xWanted.is())
            return false;
        for (const auto& xContext : focusPath())
            if (xContext == xWanted)
                return true;
        return false;
    }

    bool inDeck() const
    {
        const Context xDeck = contextOf(panel("AssessmentAnalysisIssuesPanel")->getDialog());
        for (const auto& xContext : focusPath())
            if (toUtf8(xContext->getAccessibleName()) == "Analysis" || xContext == xDeck)
                return true;
        return false;
    }

    std::string property(const char* panelId, const char* name, const char* property) const
    {
        const uno::Reference<beans::XPropertySet> xModel(control(panelId, name)->getModel(), uno::UNO_QUERY_THROW);
        const uno::Any value = xModel->getPropertyValue(OUString::createFromAscii(property));
        OUString aText;
        if (value >>= aText)
            return toUtf8(aText);
        uno::Sequence<OUString> aItems;
        value >>= aItems;
        std::string joined;
        for (const auto& item : aItems)
            joined += toUtf8(item) + "\n";
        return joined;
    }

    /// The accessible name of the panel's title ("Key issues"), as its title bar shows it.
    std::string title(const char* panelId) const { return toUtf8(panel(panelId)->getTitle()); }

    bool onTitle(const char* panelId) const
    {
        const auto path = focusPath();
        return !path.empty() && toUtf8(path.front()->getAccessibleName()) == title(panelId);
    }

    /// Into a panel as LibreOffice's sidebar has it: Escape from inside a panel to its title, Up
    /// or Down from title to title (each opens the panel it reaches), Enter into the panel.
    void enterPanel(const char* panelId) const
    {
        if (!onTitle(panelId))
        {
            const auto path = focusPath();
            if (!path.empty() && path.front()->getAccessibleRole() != accessibility::AccessibleRole::CHECK_BOX)
                key("Escape"); // from a control to its panel's title (titles are expanders)
            for (int i = 0; i < 6 && !onTitle(panelId); ++i)
            {
                key("Down");
                if (tracing())
                    std::cout << "keyboard:   Down -> " << describeFocus() << std::endl;
            }
        }
        check(onTitle(panelId), "Escape and Down never reached the title of " + title(panelId) + " (the focus is on "
                                    + describeFocus() + ")");
        key("Return");
        if (tracing())
            std::cout << "keyboard:   Enter -> " << describeFocus() << std::endl;
    }

    /// Presses keys until the named control has the focus (at most tries times).
    void moveTo(const char* panelId, const char* name, const std::string& keys = "Tab", int tries = 30) const
    {
        for (int i = 0; i < tries; ++i)
        {
            if (focused(panelId, name))
                return;
            key(keys);
            if (tracing())
                std::cout << "keyboard:   " << keys << " -> " << describeFocus() << std::endl;
        }
        screenshot();
        throw std::runtime_error(std::string("the keyboard never reached ") + name + " (the focus is on "
                                 + describeFocus() + ")");
    }
};

const char* const issuesPanel = "AssessmentAnalysisIssuesPanel";
const char* const questionsPanel = "AssessmentAnalysisQuestionsPanel";
const char* const reviewPanel = "AssessmentAnalysisReviewPanel";

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
        const Screen screen{ xController->getFrame()->getContainerWindow(),
                             uno::Reference<ui::XDeck>(
                                 xController->getSidebar()->getDecks()->getByName("AssessmentAnalysisDeck"),
                                 uno::UNO_QUERY_THROW),
                             Accessibility(office.context()) };
        check(screen.deck->isActive(), "the shortcut did not open the Analysis deck");

        if (tracing())
            std::cout << "keyboard:   the shortcut -> " << screen.describeFocus() << std::endl;
        // From the document, the shortcut leaves the focus on the deck; should it not (the
        // sidebar was already open elsewhere), F6 moves between the document, toolbars and sidebar.
        for (int i = 0; i < 12 && !screen.inDeck(); ++i)
        {
            key("F6");
            if (tracing())
                std::cout << "keyboard:   F6 -> " << screen.describeFocus() << std::endl;
        }
        check(screen.inDeck(),
              "neither the shortcut nor F6 brought the focus into the deck (it is on " + screen.describeFocus() + ")");

        step("Enter goes into the Key issues panel; type a key issue's title and press Enter");
        screen.enterPanel(issuesPanel);
        screen.moveTo(issuesPanel, "Title");
        type("Housing is overcrowded");
        key("Return");
        check(screen.property(issuesPanel, "IssueList", "StringItemList").find("Housing is overcrowded")
                  != std::string::npos,
              "Enter in the title field added no issue");
        check(screen.property(issuesPanel, "Title", "Text").empty(), "the title field was not cleared after adding");

        const std::pair<int, const char*> answers[] = {
            { 2, "The landlord sold the flat, so the family moved in a hurry." },
            { 1, "Rent arrears keep the family off the housing register." },
            { 1, "Maya shares a bed with her brother and is tired at school." },
        };
        step("Escape, Down and Enter: the Questions panel");
        screen.enterPanel(questionsPanel);
        screen.moveTo(questionsPanel, "QuestionList");
        int answer = 0;
        for (const auto& [down, text] : answers)
        {
            step(std::string("answer question ") + std::to_string(++answer) + " of the issue");
            screen.moveTo(questionsPanel, "QuestionList", "shift+Tab");
            for (int i = 0; i < down; ++i)
                key("Down");
            screen.moveTo(questionsPanel, "Answer");
            type(text);
            check(screen.property(questionsPanel, "Answer", "Text").find(text) != std::string::npos,
                  std::string("what was typed is not in the answer box (it holds \"")
                      + screen.property(questionsPanel, "Answer", "Text") + "\")");
        }

        step("Insert analysis");
        screen.moveTo(questionsPanel, "Insert");
        key("space");
        pause(1500);
        const std::string inserted = office.call("read", xDoc);
        for (const auto& [down, text] : answers)
            check(inserted.find(text) != std::string::npos,
                  std::string("the inserted analysis lacks \"") + text + "\"");

        step("change the third answer and press Update analysis");
        screen.moveTo(questionsPanel, "Answer", "shift+Tab");
        key("ctrl+End");
        type(" She falls asleep in class.");
        check(screen.property(questionsPanel, "Answer", "Text").find("She falls asleep in class.") != std::string::npos,
              "the answer box did not take the changed answer");
        screen.moveTo(questionsPanel, "Update");
        key("space");
        pause(1500);
        check(office.call("read", xDoc).find("She falls asleep in class.") != std::string::npos,
              "Update analysis did not write the changed answer");

        step("Update action plan");
        screen.moveTo(questionsPanel, "UpdatePlan");
        key("space");
        pause(1000);
        std::cout << "keyboard: status: " << screen.property(questionsPanel, "Status", "Label") << std::endl;
        check(office.call("read", xDoc).find("\"plan\"") != std::string::npos, "Update action plan wrote no plan");

        step("Escape, Down and Enter open the Review panel; Run review");
        screen.enterPanel(reviewPanel);
        check(screen.panel(reviewPanel)->isExpanded(), "the keyboard did not open the Review panel");
        screen.moveTo(reviewPanel, "RunReview");
        key("space");
        pause(2000);
        check(!screen.property(reviewPanel, "Findings", "StringItemList").empty(), "Run review listed no findings");
        std::cout << "keyboard: " << screen.property(reviewPanel, "Counts", "Label") << std::endl;

        step("move through the findings with the arrow keys: the detail shows each whole");
        screen.moveTo(reviewPanel, "Findings");
        key("Home");
        // The list opens with the group headings ("Certain findings", "The analysis as a whole").
        for (int i = 0; i < 4 && screen.property(reviewPanel, "Detail", "Text").rfind("Finding ", 0) != 0; ++i)
            key("Down");
        const std::string first = screen.property(reviewPanel, "Detail", "Text");
        check(first.rfind("Finding 1 of ", 0) == 0, "Home and Down never showed the first finding: \"" + first + "\"");
        std::string third;
        for (int i = 0; i < 6 && third.rfind("Finding 3 of ", 0) != 0; ++i)
        {
            key("Down");
            third = screen.property(reviewPanel, "Detail", "Text");
            if (tracing())
                std::cout << "keyboard:   Down -> " << third.substr(0, third.find('\n')) << std::endl;
        }
        check(third.rfind("Finding 3 of ", 0) == 0, "Down never showed the third finding: \"" + third + "\"");
        check(screen.focused(reviewPanel, "Findings"),
              "going to a finding took the focus from the list (it is on " + screen.describeFocus() + ")");
        std::cout << "keyboard: " << third.substr(0, third.find('\n')) << std::endl;
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
