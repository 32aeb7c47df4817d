// Screenshots of the Analysis deck in its main states, for docs/screenshots/ and the README.
// Runs a visible private Writer (use an X server: scripts/screenshots.sh runs it under Xvfb),
// opens the sample assessment with the deck shown, drives the panels through their buttons'
// accessible actions (as a user's click would), and saves a PNG of the screen for each state.
// Fails (exit 1) when the deck or one of its panels does not appear.
#include "Configuration.hxx"
#include "Office.hxx"
#include "UnoString.hxx"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleComponent.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/XJobExecutor.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

using namespace css;
using aa::glue::toUtf8;

namespace
{
void pause(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

uno::Reference<frame::XController2> controllerOf(const uno::Reference<lang::XComponent>& xDoc)
{
    uno::Reference<frame::XModel> xModel(xDoc, uno::UNO_QUERY_THROW);
    return uno::Reference<frame::XController2>(xModel->getCurrentController(), uno::UNO_QUERY_THROW);
}

/// Shows the Analysis deck. byCommand: through the command its shortcut (Ctrl+Alt+Shift+D), menu
/// entry and toolbar button run, so the screenshot also shows that they work.
uno::Reference<ui::XDeck> showDeck(const uno::Reference<lang::XComponent>& xDoc,
                                   const uno::Reference<uno::XComponentContext>& xContext, bool byCommand = false)
{
    auto xController = controllerOf(xDoc);
    // The frame fills the screen, so every screenshot shows the same 1400x900 window.
    auto xWindow = xController->getFrame()->getContainerWindow();
    xWindow->setPosSize(0, 0, 1400, 900, 15);
    auto xSidebar = xController->getSidebar();
    if (!xSidebar.is())
        throw std::runtime_error("the document has no sidebar");
    uno::Reference<ui::XDeck> xDeck(xSidebar->getDecks()->getByName("AssessmentAnalysisDeck"), uno::UNO_QUERY_THROW);
    if (byCommand)
    {
        uno::Reference<frame::XDispatchProvider> xProvider(xController->getFrame(), uno::UNO_QUERY_THROW);
        frame::DispatchHelper::create(xContext)->executeDispatch(xProvider, ".uno:SidebarDeck.AssessmentAnalysisDeck",
                                                                 "", 0, {});
        pause(1500);
        if (!xDeck->isActive())
            throw std::runtime_error(".uno:SidebarDeck.AssessmentAnalysisDeck did not open the Analysis deck");
        return xDeck;
    }
    xSidebar->setVisible(true);
    for (int attempt = 0; attempt < 10 && !xDeck->isActive(); ++attempt)
    {
        xDeck->activate(true);
        pause(500);
    }
    pause(1000);
    if (!xDeck->isActive())
        throw std::runtime_error("the Analysis deck did not become active");
    return xDeck;
}

uno::Reference<ui::XPanel> panel(const uno::Reference<ui::XDeck>& xDeck, const char* id)
{
    auto xPanels = xDeck->getPanels();
    if (!xPanels->hasByName(OUString::createFromAscii(id)))
        throw std::runtime_error(std::string("the deck has no panel ") + id);
    return uno::Reference<ui::XPanel>(xPanels->getByName(OUString::createFromAscii(id)), uno::UNO_QUERY_THROW);
}

/// The control of a panel by name: the panel's dialog window is our .xdl container.
uno::Reference<awt::XControl> control(const uno::Reference<ui::XPanel>& xPanel, const char* name)
{
    uno::Reference<awt::XControlContainer> xControls(xPanel->getDialog(), uno::UNO_QUERY);
    if (!xControls.is())
        throw std::runtime_error(std::string("panel ") + toUtf8(xPanel->getId()) + " has no controls");
    auto xControl = xControls->getControl(OUString::createFromAscii(name));
    if (!xControl.is())
        throw std::runtime_error(std::string("no control ") + name);
    return xControl;
}

/// Clicks a button the way assistive technology does: its accessible action.
void click(const uno::Reference<ui::XPanel>& xPanel, const char* name)
{
    uno::Reference<accessibility::XAccessible> xAccessible(control(xPanel, name)->getPeer(), uno::UNO_QUERY_THROW);
    uno::Reference<accessibility::XAccessibleAction> xAction(xAccessible->getAccessibleContext(), uno::UNO_QUERY_THROW);
    xAction->doAccessibleAction(0);
    pause(800);
}

/// Puts the view cursor into the first paragraph of the body with this style.
void cursorToStyle(const uno::Reference<lang::XComponent>& xDoc, const std::string& style)
{
    uno::Reference<text::XTextDocument> xText(xDoc, uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumerationAccess> xParas(xText->getText(), uno::UNO_QUERY_THROW);
    auto xEnum = xParas->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<beans::XPropertySet> xPara(xEnum->nextElement(), uno::UNO_QUERY);
        if (!xPara.is() || !xPara->getPropertySetInfo()->hasPropertyByName("ParaStyleName"))
            continue;
        OUString aStyle;
        xPara->getPropertyValue("ParaStyleName") >>= aStyle;
        if (toUtf8(aStyle) != style)
            continue;
        uno::Reference<text::XTextRange> xRange(xPara, uno::UNO_QUERY_THROW);
        uno::Reference<text::XTextViewCursorSupplier> xView(controllerOf(xDoc), uno::UNO_QUERY_THROW);
        xView->getViewCursor()->gotoRange(xRange->getStart(), false);
        // Show the paragraph near the top of the window.
        pause(800);
        return;
    }
    throw std::runtime_error("no paragraph with style " + style);
}

/// The panel's own window (the sidebar gives it the deck's width).
uno::Reference<awt::XWindow> panelWindow(const uno::Reference<ui::XPanel>& xPanel)
{
    uno::Reference<awt::XWindow> xWindow(xPanel->getDialog(), uno::UNO_QUERY_THROW);
    return xWindow;
}

/// Makes the sidebar of the next Writer window this wide: the width a person's drag of the
/// sidebar's edge leaves in the configuration (Writer keeps it per module, 10336 being the
/// sidebar's window id). Returns false when Writer has stored no width yet.
bool setSidebarWidth(const uno::Reference<uno::XComponentContext>& xContext, int width)
{
    uno::Reference<container::XNameAccess> xWindows(
        aa::glue::configurationAccess(xContext, "/org.openoffice.Office.Views/Windows", true), uno::UNO_QUERY_THROW);
    if (!xWindows->hasByName("swriter/10336"))
        return false;
    uno::Reference<container::XNameAccess> xSidebar(xWindows->getByName("swriter/10336"), uno::UNO_QUERY_THROW);
    uno::Reference<container::XNameContainer> xData(xSidebar->getByName("UserData"), uno::UNO_QUERY_THROW);
    OUString aOld;
    xData->getByName("Data") >>= aOld;
    // "V2,V,0,AL:(5,16,0/0/WIDTH/450,WIDTH;800)": the docked window's width, twice.
    const std::string w = std::to_string(width);
    const OUString aNew = OUString::createFromAscii(("V2,V,0,AL:(5,16,0/0/" + w + "/450," + w + ";800)").c_str());
    xData->replaceByName("Data", uno::Any(aNew));
    uno::Reference<util::XChangesBatch>(xWindows, uno::UNO_QUERY_THROW)->commitChanges();
    std::cout << "sidebar width " << toUtf8(aOld) << " -> " << toUtf8(aNew) << "\n";
    return true;
}

/// Shows only this panel of the deck, expanded.
void only(const uno::Reference<ui::XPanel>& xPanel)
{
    xPanel->expand(true);
    pause(1000);
}

void shoot(const std::string& dir, const std::string& name)
{
    const std::string path = dir + "/" + name + ".png";
    const std::string command = "import -window root '" + path + "'";
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("could not take a screenshot (is imagemagick installed and DISPLAY set?)");
    std::cout << "wrote " << path << "\n";
}
} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> opt{ { "--profile", "build/screenshot-profile" },
                                            { "--oxt", "build/assessment-analysis.oxt" },
                                            { "--document", "out/sample-assessment.odt" },
                                            { "--draft", "" },
                                            { "--out", "docs/screenshots" } };
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
        std::cerr << "aa-screenshots: no DISPLAY; run scripts/screenshots.sh (it uses Xvfb)\n";
        return 2;
    }
    try
    {
        std::filesystem::remove_all(opt["--profile"]);
        std::filesystem::create_directories(opt["--out"]);
        aa::client::Office office({ opt["--profile"], opt["--oxt"], false });
        const std::string dir = opt["--out"];

        // 1. A new document: the deck invites the first key issue.
        auto xNew = office.newWriterDocument();
        uno::Reference<lang::XComponent> xNewDoc(xNew, uno::UNO_QUERY_THROW);
        {
            auto xDeck = showDeck(xNewDoc, office.context(), true);
            auto xIssues = panel(xDeck, "AssessmentAnalysisIssuesPanel");
            uno::Reference<beans::XPropertySet>(control(xIssues, "Title")->getModel(), uno::UNO_QUERY_THROW)
                ->setPropertyValue("Text", uno::Any(OUString("Housing is unsafe and overcrowded")));
            click(xIssues, "Add");
            shoot(dir, "deck-new-document");
        }
        aa::client::Office::close(xNewDoc);

        // 2. A new assessment report from the template (Tools > New Assessment Report), deck open.
        {
            uno::Reference<task::XJobExecutor> xExecutor(
                office.context()->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.Analysis",
                                                                                 office.context()),
                uno::UNO_QUERY_THROW);
            xExecutor->trigger("newAssessment");
            pause(1500);
            // The document the command opened, found among the open ones: LibreOffice 25.2 does
            // not make its window the desktop's active frame here (Xvfb, no window manager), so
            // getCurrentComponent() is empty after the previous document was closed.
            uno::Reference<lang::XComponent> xReport;
            auto xComponents = office.desktop()->getComponents()->createEnumeration();
            while (xComponents->hasMoreElements() && !xReport.is())
            {
                uno::Reference<text::XTextDocument> xText(xComponents->nextElement(), uno::UNO_QUERY);
                if (xText.is() && toUtf8(xText->getText()->getString()).find("Child and family assessment") == 0)
                    xReport.set(xText, uno::UNO_QUERY);
            }
            if (!xReport.is())
                throw std::runtime_error("New Assessment Report did not open the template");
            showDeck(xReport, office.context());
            shoot(dir, "template-with-deck");
            aa::client::Office::close(xReport);
        }

        // 3. The sample assessment, the cursor in an issue's "What keeps it going?" answer.
        auto xDoc = office.load(aa::client::fileUrl(opt["--document"]));
        auto xDeck = showDeck(xDoc, office.context());
        cursorToStyle(xDoc, "Analysis Maintaining Factors");
        shoot(dir, "deck-following-cursor");

        // 4. The review: findings grouped by issue and severity.
        panel(xDeck, "AssessmentAnalysisQuestionsPanel")->collapse();
        auto xReview = panel(xDeck, "AssessmentAnalysisReviewPanel");
        xReview->expand(false);
        pause(800);
        click(xReview, "RunReview");
        shoot(dir, "deck-review");
        aa::client::Office::close(xDoc);

        // 5. Each panel alone at the sidebar's default width, narrow and wide, on a three-issue
        //    draft whose review has 24 findings.
        if (!opt["--draft"].empty())
        {
            const std::pair<const char*, int> widths[] = { { "default", 0 }, { "narrow", 230 }, { "wide", 520 } };
            for (const auto& [name, width] : widths)
            {
                if (width > 0 && !setSidebarWidth(office.context(), width))
                    throw std::runtime_error("Writer stored no sidebar width to change");
                auto xDraft = office.load(aa::client::fileUrl(opt["--draft"]));
                auto xDraftDeck = showDeck(xDraft, office.context());
                cursorToStyle(xDraft, "Analysis Maintaining Factors");
                auto xIssuesPanel = panel(xDraftDeck, "AssessmentAnalysisIssuesPanel");
                auto xQuestionsPanel = panel(xDraftDeck, "AssessmentAnalysisQuestionsPanel");
                auto xReviewPanel = panel(xDraftDeck, "AssessmentAnalysisReviewPanel");
                only(xReviewPanel);
                click(xReviewPanel, "RunReview");
                // Go to the first finding as a person does: click the list's first row (a
                // heading), then the Down key to the findings under it; the detail shows it whole.
                {
                    uno::Reference<accessibility::XAccessible> xList(control(xReviewPanel, "Findings")->getPeer(),
                                                                     uno::UNO_QUERY_THROW);
                    uno::Reference<accessibility::XAccessibleComponent> xListPlace(xList->getAccessibleContext(),
                                                                                   uno::UNO_QUERY_THROW);
                    const awt::Point at = xListPlace->getLocationOnScreen();
                    const std::string command
                        = "xdotool mousemove " + std::to_string(at.X + 30) + " " + std::to_string(at.Y + 8)
                          + " click 1 sleep 0.5 key Down sleep 0.5 key Down sleep 0.5 mousemove 600 500";
                    if (std::system(command.c_str()) != 0)
                        throw std::runtime_error("xdotool could not click the findings");
                    pause(1000);
                }
                for (const auto& [panelName, xPanel] :
                     { std::pair<const char*, uno::Reference<ui::XPanel>>{ "issues", xIssuesPanel },
                       { "questions", xQuestionsPanel },
                       { "review", xReviewPanel } })
                {
                    only(xPanel);
                    const awt::Rectangle size = panelWindow(xPanel)->getPosSize();
                    std::cout << panelName << " at the " << name << " width: " << size.Width << "x" << size.Height
                              << " pixels\n";
                    shoot(dir, std::string("deck-") + panelName + "-" + name);
                }
                aa::client::Office::close(xDraft);
                pause(500);
            }
        }
        return 0;
    }
    catch (const uno::Exception& e)
    {
        std::cerr << "aa-screenshots: " << aa::client::describe(e) << "\n";
    }
    catch (const std::exception& e)
    {
        std::cerr << "aa-screenshots: " << e.what() << "\n";
    }
    return 1;
}
