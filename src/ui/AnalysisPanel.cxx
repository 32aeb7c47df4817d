// The deck's panels (Key issues, Questions, Review) and the factory the sidebar creates them
// with. Each panel is an .xdl dialog in the extension's dialogs/ folder, its texts from the
// resource strings; its buttons call the handler methods below, which catch everything.
#include "DeckSession.hxx"

#include "Catalogue.hpp"
#include "Log.hxx"
#include "Options.hxx"
#include "Package.hxx"
#include "Panel.hpp"
#include "PanelLayout.hpp"
#include "Strings.hpp"
#include "Timing.hxx"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyEvent.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/SimpleFontMetric.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/awt/XFont.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XTextLayoutConstrains.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XFocusListener.hpp>
#include <com/sun/star/awt/FocusEvent.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase4.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::sidebar
{
namespace
{
constexpr const char* factoryName = "org.assessmentanalysis.PanelFactory";

const aa::Strings& strings() { return aa::Strings::builtIn(); }

enum class Kind
{
    Issues,
    Questions,
    Review,
};

/// A row of the panel as the layout sees it (src/core/PanelLayout): its kind and controls; the
/// texts, list sizes and visibility are read from the controls when the panel is laid out.
struct RowSpec
{
    aa::layout::RowKind kind;
    std::vector<const char*> controls;
    std::vector<const char*> side = {};
    int minLines = 1;
    int maxLines = 0;
    bool grows = false;
    bool names = false;
    int roomLines = 0;
};

struct ControlText
{
    const char* control;
    const char* property; ///< "Label" or "HelpText"
    const char* key;
};

struct PanelSpec
{
    const char* dialog;
    std::vector<ControlText> texts;
    std::vector<RowSpec> rows;
    std::vector<const char*> methods;
};

/// The questions the panel offers: all, less the weighing-up questions hidden on the options page.
std::vector<aa::Question> visibleQuestions(const uno::Reference<uno::XComponentContext>& xContext)
{
    const writer::Options options = writer::readOptions(xContext);
    std::vector<aa::Question> questions = aa::panelQuestions();
    questions.erase(std::remove_if(questions.begin(), questions.end(),
                                   [&](const aa::Question& q) {
                                       return q.key.section() == aa::Section::WeighingUp
                                              && std::find(options.hiddenFurtherQuestions.begin(),
                                                           options.hiddenFurtherQuestions.end(), q.key.name())
                                                     != options.hiddenFurtherQuestions.end();
                                   }),
                    questions.end());
    return questions;
}

const char* const voiceControls[aa::voiceCount] = { "VoicePractitioner", "VoiceChild", "VoiceOtherWorkers" };

/// The Questions panel's controls for a text answer, and for a list edited an item at a time.
const char* const textControls[] = { "AnswerLabel", "Answer" };
const char* const listControls[] = { "ItemsLabel", "Items",  "ItemUp", "ItemDown",   "ItemTextLabel", "ItemText",
                                     "AddItem",    "ChangeItem", "RemoveItem", "TiesLabel", "Ties" };
const char* const mustControls[] = { "Must", "IfNotLabel", "IfNot" };

const PanelSpec& spec(Kind kind)
{
    using R = aa::layout::RowKind;
    static const std::map<Kind, PanelSpec> specs{
        { Kind::Issues,
          { "IssuesPanel",
            { { "ListLabel", "Label", "panel.issueList" },
              { "IssueList", "HelpText", "panel.tip.issueList" },
              { "Up", "Label", "panel.moveUp" },
              { "Down", "Label", "panel.moveDown" },
              { "Up", "HelpText", "panel.tip.moveUp" },
              { "Down", "HelpText", "panel.tip.moveDown" },
              { "TitleLabel", "Label", "panel.titleLabel" },
              { "Title", "HelpText", "panel.tip.title" },
              { "Add", "Label", "panel.add" },
              { "Rename", "Label", "panel.rename" },
              { "Remove", "Label", "panel.remove" },
              { "VoicesLabel", "Label", "panel.voicesLabel" },
              { "VoicePractitioner", "Label", "panel.voice.practitioner" },
              { "VoiceChild", "Label", "panel.voice.child" },
              { "VoiceOtherWorkers", "Label", "panel.voice.otherWorkers" },
              { "VoicePractitioner", "HelpText", "panel.tip.voices" },
              { "VoiceChild", "HelpText", "panel.tip.voices" },
              { "VoiceOtherWorkers", "HelpText", "panel.tip.voices" },
              { "AdultVoicesLabel", "Label", "panel.adultVoicesLabel" },
              { "AdultVoices", "HelpText", "panel.tip.adultVoices" },
              { "AdultsLabel", "Label", "panel.adultsLabel" },
              { "AdultList", "HelpText", "panel.tip.adultList" },
              { "AdultNameLabel", "Label", "panel.adultName" },
              { "RelationshipLabel", "Label", "panel.relationship" },
              { "AddAdult", "Label", "panel.addAdult" },
              { "ChangeAdult", "Label", "panel.changeAdult" },
              { "RemoveAdult", "Label", "panel.removeAdult" } },
            { { R::Label, { "Summary" } },
              { R::Label, { "ListLabel" }, {}, 1, 0, false, true },
              { R::List, { "IssueList" }, { "Up", "Down" }, 2, 15 },
              { R::Label, { "TitleLabel" }, {}, 1, 0, false, true },
              { R::Field, { "Title" } },
              { R::Buttons, { "Add", "Rename", "Remove" } },
              { R::Label, { "VoicesLabel" }, {}, 1, 0, false, true },
              { R::Checks, { "VoicePractitioner", "VoiceChild", "VoiceOtherWorkers" } },
              { R::Label, { "AdultVoicesLabel" }, {}, 1, 0, false, true },
              { R::List, { "AdultVoices" }, {}, 1, 10 },
              { R::Label, { "AdultsLabel" }, {}, 1, 0, false, true },
              { R::List, { "AdultList" }, {}, 1, 10 },
              { R::Label, { "AdultNameLabel" }, {}, 1, 0, false, true },
              { R::Field, { "AdultName" } },
              { R::Label, { "RelationshipLabel" }, {}, 1, 0, false, true },
              { R::Field, { "Relationship" } },
              { R::Buttons, { "AddAdult", "ChangeAdult", "RemoveAdult" } } },
            { "issueSelected", "addIssue", "titleKey", "renameIssue", "removeIssue", "moveUp", "moveDown", "voiceToggled",
              "adultVoicesChanged", "adultSelected", "addAdult", "changeAdult", "removeAdult" } } },
        { Kind::Questions,
          { "QuestionsPanel",
            { { "QuestionLabel", "Label", "panel.questionList" },
              { "QuestionList", "HelpText", "panel.tip.questionList" },
              { "Guidance", "HelpText", "panel.tip.guidance" },
              { "AnswerLabel", "Label", "panel.answerLabel" },
              { "Answer", "HelpText", "panel.tip.answer" },
              { "ItemsLabel", "Label", "panel.itemsLabel" },
              { "Items", "HelpText", "panel.tip.items" },
              { "ItemUp", "Label", "panel.itemUp" },
              { "ItemDown", "Label", "panel.itemDown" },
              { "ItemTextLabel", "Label", "panel.itemText" },
              { "ItemText", "HelpText", "panel.tip.itemText" },
              { "IfNot", "HelpText", "panel.tip.ifNot" },
              { "AddItem", "Label", "panel.addItem" },
              { "ChangeItem", "Label", "panel.changeItem" },
              { "RemoveItem", "Label", "panel.removeItem" },
              { "TiesLabel", "Label", "panel.tiesLabel" },
              { "Ties", "HelpText", "panel.tip.ties" },
              { "Must", "Label", "panel.must" },
              { "IfNotLabel", "Label", "panel.ifNotLabel" },
              { "Insert", "Label", "panel.insert" },
              { "Update", "Label", "panel.update" },
              { "UpdatePlan", "Label", "panel.updatePlan" },
              { "GoTo", "Label", "panel.goTo" } },
            { { R::Label, { "QuestionLabel" }, {}, 1, 0, false, true },
              { R::List, { "QuestionList" }, {}, 2, 0 },
              { R::Label, { "Context" } },
              { R::Label, { "Guidance" } },
              { R::Label, { "AnswerLabel" }, {}, 1, 0, false, true },
              { R::Area, { "Answer" }, {}, 5, 40, true, false, 10 },
              { R::Label, { "ItemsLabel" }, {}, 1, 0, false, true },
              { R::List, { "Items" }, { "ItemUp", "ItemDown" }, 2, 15 },
              { R::Label, { "ItemTextLabel" }, {}, 1, 0, false, true },
              { R::Area, { "ItemText" }, {}, 2, 6 },
              { R::Buttons, { "AddItem", "ChangeItem", "RemoveItem" } },
              { R::Label, { "TiesLabel" }, {}, 1, 0, false, true },
              { R::List, { "Ties" }, {}, 2, 12 },
              { R::Checks, { "Must" } },
              { R::Label, { "IfNotLabel" }, {}, 1, 0, false, true },
              { R::Field, { "IfNot" } },
              { R::Buttons, { "Insert", "Update", "UpdatePlan", "GoTo" } },
              { R::Label, { "Status" } } },
            { "questionSelected", "itemSelected", "itemKey", "addItem", "changeItem", "removeItem",
              "itemUp", "itemDown", "tiesChanged", "mustToggled", "insert", "update", "updatePlan", "goTo" } } },
        { Kind::Review,
          { "ReviewPanel",
            { { "RunReview", "Label", "panel.runReview" },
              { "AddComments", "Label", "panel.addComments" },
              { "IncludeJudgements", "Label", "panel.includeJudgements" },
              { "FindingsLabel", "Label", "panel.findingsLabel" },
              { "Findings", "HelpText", "panel.tip.findings" },
              { "Detail", "HelpText", "panel.tip.findingDetail" },
              { "Dismiss", "Label", "panel.dismiss" },
              { "Dismiss", "HelpText", "panel.tip.dismiss" } },
            { { R::Buttons, { "RunReview", "AddComments" } },
              { R::Checks, { "IncludeJudgements" } },
              { R::Label, { "Counts" } },
              { R::Label, { "FindingsLabel" }, {}, 1, 0, false, true },
              { R::List, { "Findings" }, {}, 4, 0, true },
              { R::Area, { "Detail" }, {}, 3, 0 },
              { R::Buttons, { "Dismiss" } } },
            { "runReview", "addComments", "findingSelected", "dismiss" } } },
    };
    return specs.at(kind);
}

class AnalysisPanel;

/// Shows the review whole: expands the Review panel and collapses the deck's other panels.
/// Run from the event queue, once the button's handler and the refresh it causes are done.
class ReviewFirst : public cppu::WeakImplHelper1<awt::XCallback>
{
public:
    explicit ReviewFirst(const uno::Reference<frame::XFrame>& xFrame) : m_xFrame(xFrame) {}
    void SAL_CALL notify(const uno::Any&) override
    {
        writer::logFailures("review panel", [&] {
            uno::Reference<frame::XController2> xController(m_xFrame->getController(), uno::UNO_QUERY);
            auto xSidebar = xController.is() ? xController->getSidebar() : nullptr;
            uno::Reference<ui::XDecks> xDecks = xSidebar.is() ? xSidebar->getDecks() : nullptr;
            if (!xDecks.is() || !xDecks->hasByName("AssessmentAnalysisDeck"))
                return;
            uno::Reference<ui::XDeck> xDeck(xDecks->getByName("AssessmentAnalysisDeck"), uno::UNO_QUERY);
            uno::Reference<ui::XPanels> xPanels = xDeck.is() ? xDeck->getPanels() : nullptr;
            if (!xPanels.is() || !xPanels->hasByName("AssessmentAnalysisReviewPanel"))
                return;
            uno::Reference<ui::XPanel>(xPanels->getByName("AssessmentAnalysisReviewPanel"), uno::UNO_QUERY_THROW)
                ->expand(true);
        });
    }

private:
    uno::Reference<frame::XFrame> m_xFrame;
};

class ResizeListener : public cppu::WeakImplHelper2<awt::XWindowListener, awt::XFocusListener>
{
public:
    explicit ResizeListener(AnalysisPanel* pPanel) : m_pPanel(pPanel) {}
    void clear() { m_pPanel = nullptr; }
    void SAL_CALL windowResized(const awt::WindowEvent& rEvent) override;
    void SAL_CALL windowMoved(const awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const lang::EventObject&) override {}
    void SAL_CALL windowHidden(const lang::EventObject&) override {}
    void SAL_CALL focusGained(const awt::FocusEvent& rEvent) override { focus(rEvent, true); }
    void SAL_CALL focusLost(const awt::FocusEvent& rEvent) override { focus(rEvent, false); }
    void SAL_CALL disposing(const lang::EventObject&) override { m_pPanel = nullptr; }

private:
    void focus(const awt::FocusEvent& rEvent, bool gained);

private:
    AnalysisPanel* m_pPanel;
};

using PanelBase = cppu::WeakComponentImplHelper4<ui::XUIElement, ui::XToolPanel, ui::XSidebarPanel,
                                                awt::XContainerWindowEventHandler>;

class AnalysisPanel : private cppu::BaseMutex, public PanelBase, public SessionView
{
public:
    AnalysisPanel(const uno::Reference<uno::XComponentContext>& xContext, const OUString& rResourceUrl, Kind kind,
                  const uno::Reference<frame::XFrame>& xFrame, const uno::Reference<awt::XWindow>& xParent,
                  const uno::Reference<ui::XSidebar>& xSidebar)
        : PanelBase(m_aMutex), m_xContext(xContext), m_aResourceUrl(rResourceUrl), m_kind(kind), m_xFrame(xFrame),
          m_xParent(xParent), m_xSidebar(xSidebar)
    {
    }

    /// Builds the panel's window and joins the frame's session. Separate from the constructor:
    /// it hands `this` to the window (as its event handler) and to the session, which must only
    /// happen once the object is complete and held by a reference (a throwing constructor would
    /// leave them pointing at freed memory).
    void init()
    {
        uno::Reference<awt::XWindowPeer> xParentPeer(m_xParent, uno::UNO_QUERY_THROW);
        m_xWindow = awt::ContainerWindowProvider::create(m_xContext)->createContainerWindow(
            writer::packageUrl(m_xContext, std::string("dialogs/") + spec(m_kind).dialog + ".xdl"), OUString(),
            xParentPeer, static_cast<awt::XContainerWindowEventHandler*>(this));
        m_xControls.set(m_xWindow, uno::UNO_QUERY_THROW);
        for (const ControlText& text : spec(m_kind).texts)
            model(text.control)->setPropertyValue(OUString::createFromAscii(text.property),
                                                  uno::Any(fromUtf8(strings().get(text.key))));
        // Accessible names come from the labels before the controls; the tips (HelpText) are
        // the accessible descriptions of the controls without a label of their own.
        prepareLayout();
        m_pResize = new ResizeListener(this);
        m_xResize = m_pResize;
        m_xWindow->addWindowListener(m_xResize);
        // The sidebar sizes the parent it gave us; the panel takes the parent's size.
        m_xParent->addWindowListener(m_xResize);
        for (const char* name : { "Answer", "Items", "IfNot" })
            if (uno::Reference<awt::XWindow> xControl(m_xControls->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY);
                xControl.is())
                xControl->addFocusListener(uno::Reference<awt::XFocusListener>(m_pResize));
        // Until the sidebar says how wide the deck is, no wider than the narrowest panel: a window
        // wider than the deck would widen it (see fittingWidth).
        m_nDeckWidth = getMinimalWidth();
        fitToParent();
        m_nDeckWidth = 0;
        m_xWindow->setVisible(true);
        m_pSession = DeckSession::forFrame(m_xContext, m_xFrame);
        m_pSession->addView(this);
        refresh();
    }

    // XUIElement
    uno::Reference<frame::XFrame> SAL_CALL getFrame() override { return m_xFrame; }
    OUString SAL_CALL getResourceURL() override { return m_aResourceUrl; }
    sal_Int16 SAL_CALL getType() override { return ui::UIElementType::TOOLPANEL; }
    uno::Reference<uno::XInterface> SAL_CALL getRealInterface() override
    {
        return static_cast<ui::XToolPanel*>(this);
    }

    // XToolPanel
    uno::Reference<awt::XWindow> SAL_CALL getWindow() override { return m_xWindow; }
    uno::Reference<accessibility::XAccessible> SAL_CALL
    createAccessible(const uno::Reference<accessibility::XAccessible>&) override
    {
        return uno::Reference<accessibility::XAccessible>(m_xWindow, uno::UNO_QUERY);
    }

    // XSidebarPanel
    ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 nWidth) override
    {
        ui::LayoutSize aSize(0, 0, 0);
        writer::logFailures("panel height", [&] {
            const aa::layout::Heights h = aa::layout::heightsFor(layoutRows(), std::max<sal_Int32>(nWidth, 1), m_metrics);
            m_reported = h;
            m_nDeckWidth = nWidth;
            // A panel with a growing field takes whatever height the deck can give it. Its least
            // height is the one it prefers: where the deck's panels do not all fit, the sidebar
            // then scrolls instead of squeezing each panel to its least height and handing the
            // rest to the collapsed panels (where it shows as empty room below the last one).
            aSize = ui::LayoutSize(h.preferred, h.grows ? -1 : h.preferred, h.preferred);
        });
        return aSize;
    }
    sal_Int32 SAL_CALL getMinimalWidth() override
    {
        sal_Int32 nWidth = 0;
        // No narrower than a dozen lines are high: narrower, the sidebar shows nothing useful.
        writer::logFailures("panel width", [&] {
            nWidth = std::max(aa::layout::minimalWidth(layoutRows(), m_metrics), 12 * m_metrics.lineHeight);
        });
        return nWidth;
    }

    // XContainerWindowEventHandler
    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XWindow>&, const uno::Any& rEvent,
                                        const OUString& rMethod) override
    {
        // Exceptions thrown here vanish inside the dialog code: catch and log them all.
        const auto start = std::chrono::steady_clock::now();
        bool handled = false;
        const std::string method = toUtf8(rMethod);
        writer::logFailures("panel handler", [&] { handled = handle(method, rEvent); });
        // From the button's event to the panels showing the result (their controls set; Writer
        // paints them afterwards), for the benchmark (lastTiming "panel.<method>").
        writer::recordTiming("panel." + method, std::chrono::duration_cast<std::chrono::microseconds>(
                                                    std::chrono::steady_clock::now() - start)
                                                    .count());
        return handled;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        const auto& methods = spec(m_kind).methods;
        uno::Sequence<OUString> aNames(static_cast<sal_Int32>(methods.size()));
        for (std::size_t i = 0; i < methods.size(); ++i)
            aNames[static_cast<sal_Int32>(i)] = OUString::createFromAscii(methods[i]);
        return aNames;
    }

    // SessionView
    void refresh() override
    {
        writer::logFailures("panel refresh", [&] {
            switch (m_kind)
            {
                case Kind::Issues:
                    refreshIssues();
                    break;
                case Kind::Questions:
                    refreshQuestions();
                    break;
                case Kind::Review:
                    refreshReview();
                    break;
            }
            relayout();
        });
    }

    void commitTyping() override
    {
        if (m_kind != Kind::Questions || !m_pSession || !m_shownKey)
            return;
        writer::logFailures("panel commit", [&] {
            if (m_shownKey->kind == aa::QuestionKey::Kind::List)
                return;
            aa::Analysis draft = m_pSession->draft();
            if (aa::setPanelAnswer(draft, m_shownSelection, *m_shownKey, text("Answer")))
                m_pSession->editDraft() = std::move(draft);
        });
    }

    /// Before the person edits an answer here, the panel shows what the document holds now (it
    /// reads the document only if it changed); leaving what happens if a must does not, stores it.
    void focusChanged(const uno::Reference<uno::XInterface>& xSource, bool gained)
    {
        if (!m_pSession || m_kind != Kind::Questions)
            return;
        const uno::Reference<uno::XInterface> xIfNot(m_xControls->getControl("IfNot"), uno::UNO_QUERY);
        if (gained && xSource != xIfNot)
            m_pSession->refreshIfStale();
        else if (!gained && xSource == xIfNot)
            m_pSession->setItemMust(checked("Must"), text("IfNot"));
    }

    /// The sidebar sized our window (lay it out) or its parent (take the parent's size).
    void resized(const uno::Reference<uno::XInterface>& xSource)
    {
        if (xSource == uno::Reference<uno::XInterface>(m_xParent, uno::UNO_QUERY))
            fitToParent();
        else
            layout();
    }

    /// Our window as large as the parent the sidebar gave us (as tall as the panel prefers
    /// where the parent has no height yet).
    void fitToParent()
    {
        const awt::Rectangle parent = m_xParent->getPosSize();
        const awt::Rectangle own = m_xWindow->getPosSize();
        if (parent.Width <= 0)
            return layout();
        const sal_Int32 nWidth = fittingWidth(parent.Width);
        sal_Int32 nHeight = parent.Height;
        if (nHeight <= 0)
            nHeight = aa::layout::heightsFor(layoutRows(), nWidth, m_metrics).preferred;
        if (nWidth != own.Width || nHeight != own.Height)
            m_xWindow->setPosSize(0, 0, nWidth, nHeight, awt::PosSize::POSSIZE);
        else
            layout();
    }

    /// Never wider than the deck's content: the sidebar makes the panel's parent as wide as
    /// our window asks, so a window wider than the deck would keep the deck wider than the
    /// sidebar (with a horizontal scroll bar) for good.
    sal_Int32 fittingWidth(sal_Int32 nWidth) const { return m_nDeckWidth > 0 ? std::min(nWidth, m_nDeckWidth) : nWidth; }

    /// After the texts or lists changed: asks the sidebar for the height the panel now needs
    /// (it lays the deck out again and resizes us), and lays the panel out at its size.
    void relayout()
    {
        if (!m_xWindow.is())
            return;
        const awt::Rectangle size = m_xWindow->getPosSize();
        if (m_xSidebar.is() && size.Width > 0)
        {
            const aa::layout::Heights h = aa::layout::heightsFor(layoutRows(), size.Width, m_metrics);
            if (h.minimum != m_reported.minimum || h.preferred != m_reported.preferred || h.grows != m_reported.grows)
            {
                m_reported = h;
                m_xSidebar->requestLayout();
            }
        }
        layout();
    }

    /// Every control where the core's layout puts it for the window's size; the lists' rows
    /// fitted to the lists' widths.
    void layout()
    {
        if (!m_xWindow.is())
            return;
        const awt::Rectangle size = m_xWindow->getPosSize();
        if (size.Width <= 0)
            return;
        if (const sal_Int32 nWidth = fittingWidth(size.Width); nWidth != size.Width)
            return m_xWindow->setPosSize(0, 0, nWidth, size.Height, awt::PosSize::SIZE);
        m_boxes = aa::layout::place(layoutRows(), size.Width, size.Height, m_metrics);
        for (const auto& [name, box] : m_boxes)
            if (uno::Reference<awt::XWindow> xControl(m_xControls->getControl(fromUtf8(name)), uno::UNO_QUERY);
                xControl.is())
                xControl->setPosSize(box.x, box.y, box.width, box.height, awt::PosSize::POSSIZE);
        for (const auto& entry : m_lists)
            showList(entry.first.c_str(), std::nullopt);
    }

    /// Where the layout put a control (for tests through the window, and the lists' widths).
    const std::map<std::string, aa::layout::Box>& boxes() const { return m_boxes; }

protected:
    void SAL_CALL disposing() override
    {
        if (m_pResize)
        {
            m_pResize->clear();
            try
            {
                m_xWindow->removeWindowListener(m_xResize);
                m_xParent->removeWindowListener(m_xResize);
            }
            catch (...)
            {
            }
            m_pResize = nullptr;
        }
        if (m_pSession)
        {
            m_pSession->removeView(this);
            m_pSession.reset();
        }
        uno::Reference<lang::XComponent> xWindow(m_xWindow, uno::UNO_QUERY);
        m_xWindow.clear();
        m_xControls.clear();
        if (xWindow.is())
            xWindow->dispose();
    }

private:
    uno::Reference<beans::XPropertySet> model(const char* name) const
    {
        auto xControl = m_xControls->getControl(OUString::createFromAscii(name));
        if (!xControl.is())
            throw uno::RuntimeException("panel: no control " + OUString::createFromAscii(name));
        return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW);
    }

    void set(const char* name, const char* property, const uno::Any& value) const
    {
        model(name)->setPropertyValue(OUString::createFromAscii(property), value);
    }
    void setLabel(const char* name, const std::string& label) const { set(name, "Label", uno::Any(fromUtf8(label))); }
    void enable(const char* name, bool on) const { set(name, "Enabled", uno::Any(on)); }

    std::string text(const char* name) const
    {
        OUString aText;
        model(name)->getPropertyValue("Text") >>= aText;
        return toUtf8(aText);
    }

    std::optional<std::size_t> selected(const char* name) const
    {
        uno::Sequence<sal_Int16> aSelected;
        model(name)->getPropertyValue("SelectedItems") >>= aSelected;
        if (!aSelected.hasElements() || aSelected[0] < 0)
            return std::nullopt;
        return static_cast<std::size_t>(aSelected[0]);
    }

    /// A list row split after the text it shows (a title, an item), so that the rest (a status,
    /// what it is tied to) stays whole where the row is cut to the list's width.
    static std::pair<std::string, std::string> splitAfter(const std::string& row, const std::string& text)
    {
        const auto at = text.empty() ? std::string::npos : row.find(text);
        const std::size_t split = at == std::string::npos ? row.size() : at + text.size();
        return { row.substr(0, split), row.substr(split) };
    }

    /// A list's rows and the one selected (none: nothing selected).
    void setItems(const char* name, const std::vector<std::string>& items, std::optional<std::size_t> select,
                  const std::vector<std::string>& tails = {})
    {
        std::vector<std::size_t> chosen;
        if (select && *select < items.size())
            chosen.push_back(*select);
        setRows(name, items, tails, chosen);
    }

    void setRows(const char* name, const std::vector<std::string>& items, const std::vector<std::string>& tails,
                 const std::vector<std::size_t>& chosen)
    {
        ListRows& list = m_lists[name];
        list.rows.clear();
        for (std::size_t i = 0; i < items.size(); ++i)
            list.rows.emplace_back(items[i], i < tails.size() ? tails[i] : std::string());
        list.width = -1;
        uno::Sequence<sal_Int16> aSelected(static_cast<sal_Int32>(chosen.size()));
        for (std::size_t i = 0; i < chosen.size(); ++i)
            aSelected[static_cast<sal_Int32>(i)] = static_cast<sal_Int16>(chosen[i]);
        showList(name, aSelected);
    }

    /// Shows a list's rows, each cut to the list's width (with "…") where it is wider: the
    /// list never scrolls sideways. The whole text is in the detail, the title field or the
    /// item field. selection: the rows to select; none keeps the list's own.
    void showList(const char* name, const std::optional<uno::Sequence<sal_Int16>>& selection)
    {
        ListRows& list = m_lists[name];
        int width = 0;
        if (auto it = m_boxes.find(name); it != m_boxes.end())
        {
            const aa::layout::Box& box = it->second;
            const int shownRows = m_metrics.listRow > 0 ? (box.height - m_metrics.listFrame) / m_metrics.listRow : 0;
            const bool scrolls = static_cast<int>(list.rows.size()) > shownRows;
            width = box.width - m_metrics.listFrame - (scrolls ? m_metrics.scrollbar : 0) - 2 * m_metrics.listFrame;
        }
        if (width == list.width && !selection)
            return;
        std::vector<std::string> shown;
        for (const auto& [head, tail] : list.rows)
            shown.push_back(width > 0 ? aa::layout::fitText(head, tail, width, m_metrics.textWidth) : head + tail);
        list.width = width;
        uno::Sequence<sal_Int16> aSelected;
        if (selection)
            aSelected = *selection;
        else
            model(name)->getPropertyValue("SelectedItems") >>= aSelected;
        if (shown != list.shown || selection)
        {
            uno::Sequence<OUString> aItems(static_cast<sal_Int32>(shown.size()));
            for (std::size_t i = 0; i < shown.size(); ++i)
                aItems[static_cast<sal_Int32>(i)] = fromUtf8(shown[i]);
            set(name, "StringItemList", uno::Any(aItems));
            set(name, "SelectedItems", uno::Any(aSelected));
            list.shown = shown;
        }
    }

    /// The measures the layout needs, from the toolkit: the labels' font, the heights of a
    /// line, a field, a button, a check box, a list row and a multi-line field's frame.
    void prepareLayout()
    {
        aa::layout::Metrics m;
        uno::Reference<awt::XFont> xFont;
        std::string sample;
        const auto peer = [&](const char* name) -> uno::Reference<awt::XWindowPeer> {
            auto xControl = m_xControls->getControl(OUString::createFromAscii(name));
            return xControl.is() ? xControl->getPeer() : nullptr;
        };
        const auto preferred = [&](const char* name) -> std::optional<awt::Size> {
            uno::Reference<awt::XLayoutConstrains> xLayout(peer(name), uno::UNO_QUERY);
            if (!xLayout.is())
                return std::nullopt;
            return xLayout->getPreferredSize();
        };
        for (const RowSpec& row : spec(m_kind).rows)
            for (const char* name : row.controls)
            {
                auto xModel = model(name);
                const bool isLabel = row.kind == aa::layout::RowKind::Label;
                // Labels and check boxes wrap (the layout gives them the height for it).
                if ((isLabel || row.kind == aa::layout::RowKind::Checks)
                    && xModel->getPropertySetInfo()->hasPropertyByName("MultiLine"))
                    xModel->setPropertyValue("MultiLine", uno::Any(true));
                if (isLabel && !xFont.is())
                    if (uno::Reference<awt::XDevice> xDevice(peer(name), uno::UNO_QUERY); xDevice.is())
                    {
                        xFont = xDevice->getFont(awt::FontDescriptor());
                        OUString aLabel;
                        xModel->getPropertyValue("Label") >>= aLabel;
                        sample = toUtf8(aLabel);
                        // A one-line label's height is a line's.
                        if (const auto size = preferred(name); size && !sample.empty())
                            m.lineHeight = size->Height;
                    }
            }
        if (!xFont.is())
            throw uno::RuntimeException("panel: no label to measure text with");
        const awt::SimpleFontMetric metric = xFont->getFontMetric();
        m.lineHeight = std::max<int>(m.lineHeight, metric.Ascent + metric.Descent);
        m.textWidth = [xFont](const std::string& text) {
            return static_cast<int>(xFont->getStringWidth(fromUtf8(text))) + 1;
        };
        m.margin = std::max(4, m.lineHeight * 3 / 8);
        m.gap = m.margin;
        m.labelGap = 2;
        m.scrollbar = std::max(14, m.lineHeight + 4);
        for (const RowSpec& row : spec(m_kind).rows)
        {
            const char* name = row.controls.front();
            switch (row.kind)
            {
                case aa::layout::RowKind::Field:
                    if (const auto size = preferred(name))
                        m.fieldHeight = std::max<int>(size->Height, m.lineHeight + 6);
                    break;
                case aa::layout::RowKind::Buttons:
                    if (const auto size = preferred(name))
                    {
                        m.buttonHeight = std::clamp<int>(size->Height, m.lineHeight + 6, 2 * m.lineHeight);
                        OUString aLabel;
                        model(name)->getPropertyValue("Label") >>= aLabel;
                        const int text = m.textWidth(aa::layout::withoutMnemonic(toUtf8(aLabel)));
                        m.buttonPadding = std::clamp((size->Width - text) / 2 + 2, 6, m.lineHeight / 2 + 2);
                    }
                    break;
                case aa::layout::RowKind::Checks:
                    if (const auto size = preferred(name))
                    {
                        m.checkHeight = std::max<int>(size->Height, m.lineHeight + 2);
                        OUString aLabel;
                        model(name)->getPropertyValue("Label") >>= aLabel;
                        m.checkIndent = std::max(m.checkIndent, static_cast<int>(size->Width)
                                                                    - m.textWidth(aa::layout::withoutMnemonic(toUtf8(aLabel))) + 4);
                    }
                    break;
                case aa::layout::RowKind::List:
                case aa::layout::RowKind::Area:
                    if (uno::Reference<awt::XTextLayoutConstrains> xText(peer(name), uno::UNO_QUERY); xText.is())
                    {
                        const int one = xText->getMinimumSize(0, 1).Height;
                        const int eleven = xText->getMinimumSize(0, 11).Height;
                        const int line = (eleven - one) / 10;
                        if (line <= 0)
                            break;
                        if (row.kind == aa::layout::RowKind::List)
                        {
                            m.listRow = line;
                            m.listFrame = std::max(2, one - line);
                        }
                        else
                            m.textFrame = std::max(6, one - line + std::max(0, line - m.lineHeight) * 2);
                    }
                    break;
                case aa::layout::RowKind::Label:
                    break;
            }
        }
        // A list keeps most of the width for its rows: its side buttons go below it unless it is
        // still wide (a wide sidebar).
        m.minListWidth = 18 * m.lineHeight;
        m.wrapSlack = std::max(2, m.lineHeight / 5);
        m_metrics = m;
    }

    /// The panel's rows as the core's layout takes them: each control's text as shown now,
    /// each list's row count, and which rows are hidden.
    std::vector<aa::layout::Row> layoutRows() const
    {
        std::vector<aa::layout::Row> rows;
        const auto label = [&](const char* name) {
            OUString aText;
            model(name)->getPropertyValue("Label") >>= aText;
            return toUtf8(aText);
        };
        for (const RowSpec& spec : spec(m_kind).rows)
        {
            aa::layout::Row row;
            row.kind = spec.kind;
            row.minLines = spec.minLines;
            row.maxLines = spec.maxLines;
            row.grows = spec.grows;
            row.names = spec.names;
            row.roomLines = spec.roomLines;
            row.visible = m_hidden.count(spec.controls.front()) == 0;
            for (const char* name : spec.controls)
            {
                std::string text;
                switch (spec.kind)
                {
                    case aa::layout::RowKind::Label:
                    case aa::layout::RowKind::Buttons:
                    case aa::layout::RowKind::Checks:
                        text = label(name);
                        break;
                    case aa::layout::RowKind::Area:
                        text = this->text(name);
                        break;
                    case aa::layout::RowKind::Field:
                    case aa::layout::RowKind::List:
                        break;
                }
                row.controls.push_back({ name, text });
            }
            for (const char* name : spec.side)
                row.side.push_back({ name, label(name) });
            if (spec.kind == aa::layout::RowKind::List)
            {
                auto it = m_lists.find(spec.controls.front());
                row.items = it == m_lists.end() ? 0 : static_cast<int>(it->second.rows.size());
                // A list that grows shows at least ten of its rows, however little room there is.
                if (spec.grows)
                    row.minLines = std::max(spec.minLines, std::min(row.items, 10));
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }


    static bool isReturn(const uno::Any& rEvent)
    {
        awt::KeyEvent aKey;
        return (rEvent >>= aKey) && aKey.KeyCode == awt::Key::RETURN && aKey.Modifiers == 0;
    }

    std::vector<std::size_t> selectedAll(const char* name) const
    {
        uno::Sequence<sal_Int16> aSelected;
        model(name)->getPropertyValue("SelectedItems") >>= aSelected;
        std::vector<std::size_t> out;
        for (sal_Int16 n : aSelected)
            if (n >= 0)
                out.push_back(static_cast<std::size_t>(n));
        return out;
    }

    bool checked(const char* name) const
    {
        sal_Int16 nState = 0;
        model(name)->getPropertyValue("State") >>= nState;
        return nState == 1;
    }

    void show(const char* name, bool visible)
    {
        if (visible)
            m_hidden.erase(name);
        else
            m_hidden.insert(name);
        uno::Reference<awt::XWindow> xControl(m_xControls->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY);
        if (xControl.is())
            xControl->setVisible(visible);
    }

    bool handle(const std::string& method, const uno::Any& rEvent)
    {
        if (!m_pSession)
            return false;
        DeckSession& s = *m_pSession;
        if (method == "issueSelected")
        {
            s.commitViews();
            s.selectIssue(selected("IssueList"));
            s.notify();
        }
        else if (method == "addIssue" || (method == "titleKey" && isReturn(rEvent)))
        {
            const std::size_t before = s.draft().issues.size();
            s.addIssue(text("Title"));
            if (s.draft().issues.size() > before)
                set("Title", "Text", uno::Any(OUString()));
        }
        else if (method == "titleKey")
            return true;
        else if (method == "renameIssue")
            s.renameIssue(text("Title"));
        else if (method == "removeIssue")
        {
            if (s.issue() && s.inDocument() && !confirmRemove(s.draft().issues[*s.issue()].title))
                return true;
            s.removeIssue();
        }
        else if (method == "moveUp" || method == "moveDown")
            s.moveIssue(method == "moveUp");
        else if (method == "voiceToggled")
        {
            for (std::size_t v = 0; v < aa::voiceCount; ++v)
                s.setVoice(static_cast<aa::Voice>(v), checked(voiceControls[v]));
        }
        else if (method == "adultVoicesChanged")
        {
            std::vector<std::string> ids;
            for (std::size_t i : selectedAll("AdultVoices"))
                if (i < s.draft().adults.size())
                    ids.push_back(s.draft().adults[i].id);
            s.setAdultVoices(ids);
        }
        else if (method == "adultSelected")
        {
            s.commitViews();
            s.selectAdult(selected("AdultList"));
            m_shownAdult.reset();
            s.notify();
        }
        else if (method == "addAdult")
        {
            const std::size_t before = s.draft().adults.size();
            s.addAdult(text("AdultName"), text("Relationship"));
            if (s.draft().adults.size() > before)
            {
                set("AdultName", "Text", uno::Any(OUString()));
                set("Relationship", "Text", uno::Any(OUString()));
                m_shownAdult = s.adult();
            }
        }
        else if (method == "changeAdult")
            s.changeAdult(text("AdultName"), text("Relationship"));
        else if (method == "removeAdult")
            s.removeAdult();
        else if (method == "questionSelected")
        {
            commitTyping();
            const auto questions = visibleQuestions(m_xContext);
            if (const auto index = selected("QuestionList"); index && *index < questions.size())
                s.selectQuestion(questions[*index].key);
            s.notify();
        }
        else if (method == "itemSelected")
        {
            s.selectItem(selected("Items"));
            m_shownItem.reset();
            s.notify();
        }
        else if (method == "addItem" || (method == "itemKey" && isReturn(rEvent)))
        {
            std::string typed = text("ItemText");
            while (!typed.empty() && (typed.back() == '\n' || typed.back() == '\r'))
                typed.pop_back();
            const auto key = s.question();
            const std::size_t before = key.kind == aa::QuestionKey::Kind::List ? s.draft().lists[key.index].size() : 0;
            s.addItem(typed);
            if (key.kind == aa::QuestionKey::Kind::List && s.draft().lists[key.index].size() > before)
            {
                set("ItemText", "Text", uno::Any(OUString()));
                m_shownItem = s.item();
            }
        }
        else if (method == "itemKey")
            return true;
        else if (method == "changeItem")
            s.changeItem(text("ItemText"));
        else if (method == "removeItem")
            s.removeItem();
        else if (method == "itemUp" || method == "itemDown")
            s.moveItem(method == "itemUp");
        else if (method == "tiesChanged")
        {
            std::vector<std::string> issues, adults, items;
            for (std::size_t i : selectedAll("Ties"))
                if (i < m_ties.size())
                {
                    const auto& [kind, id] = m_ties[i];
                    (kind == aa::MarkKind::Issue ? issues : kind == aa::MarkKind::Adult ? adults : items).push_back(id);
                }
            s.setItemTies(issues, adults, items);
        }
        else if (method == "mustToggled")
            s.setItemMust(checked("Must"), text("IfNot"));
        else if (method == "insert")
            s.insert();
        else if (method == "update")
            s.update();
        else if (method == "updatePlan")
            s.updatePlan();
        else if (method == "goTo")
            s.goToQuestion();
        else if (method == "runReview")
        {
            s.runReview();
            // The findings need the room: the review takes the deck (the other panels collapse,
            // one click on their title brings them back), so it never sits squeezed below them.
            if (m_xSidebar.is())
                awt::AsyncCallback::create(m_xContext)->addCallback(new ReviewFirst(m_xFrame), uno::Any());
        }
        else if (method == "addComments")
            s.addReviewComments(checked("IncludeJudgements"));
        else if (method == "findingSelected")
        {
            const auto row = selected("Findings");
            if (row && *row < m_findingOfRow.size() && m_findingOfRow[*row])
                s.goToFinding(*m_findingOfRow[*row]);
            else
                refresh();
        }
        else if (method == "dismiss")
        {
            const auto row = selected("Findings");
            if (row && *row < m_findingOfRow.size() && m_findingOfRow[*row])
                s.dismissFinding(*m_findingOfRow[*row]);
        }
        else
            return false;
        return true;
    }

    bool confirmRemove(const std::string& title)
    {
        uno::Reference<awt::XMessageBoxFactory> xFactory(awt::Toolkit::create(m_xContext), uno::UNO_QUERY_THROW);
        uno::Reference<awt::XWindowPeer> xPeer(m_xWindow, uno::UNO_QUERY);
        auto xBox = xFactory->createMessageBox(xPeer, awt::MessageBoxType_QUERYBOX, awt::MessageBoxButtons::BUTTONS_YES_NO,
                                               fromUtf8(strings().get("dialog.error.title")),
                                               fromUtf8(strings().format("panel.confirmRemove", { title })));
        return xBox->execute() == awt::MessageBoxResults::YES;
    }

    void setMultiSelection(const char* name, const std::vector<std::string>& items, const std::vector<std::size_t>& chosen)
    {
        setRows(name, items, {}, chosen);
    }

    void refreshIssues()
    {
        const DeckSession& s = *m_pSession;
        const aa::Analysis& a = s.draft();
        std::string summary = s.readOnly() ? strings().get("panel.status.readOnly") + "\n" : std::string();
        summary += aa::completenessLine(a) + "\n" + aa::voicesLine(a);
        setLabel("Summary", summary);
        // Where a row is cut to the list's width, the title gives way: its status stays.
        std::vector<std::string> entries, tails;
        for (std::size_t i = 0; i < a.issues.size(); ++i)
        {
            auto [head, tail] = splitAfter(aa::issueListEntry(a, i), a.issues[i].title);
            entries.push_back(std::move(head));
            tails.push_back(std::move(tail));
        }
        setItems("IssueList", entries, s.issue(), tails);
        const bool hasIssue = s.issue().has_value();
        if (s.issue() != m_shownIssue || m_shownCount != a.issues.size())
        {
            set("Title", "Text", uno::Any(fromUtf8(hasIssue ? a.issues[*s.issue()].title : std::string())));
            m_shownIssue = s.issue();
            m_shownCount = a.issues.size();
        }
        for (std::size_t v = 0; v < aa::voiceCount; ++v)
        {
            bool on = false;
            if (hasIssue)
            {
                const auto& voices = a.issues[*s.issue()].raisedBy;
                on = std::find(voices.begin(), voices.end(), static_cast<aa::Voice>(v)) != voices.end();
            }
            set(voiceControls[v], "State", uno::Any(static_cast<sal_Int16>(on ? 1 : 0)));
            enable(voiceControls[v], hasIssue);
        }
        std::vector<std::string> adults;
        std::vector<std::size_t> identified;
        for (std::size_t i = 0; i < a.adults.size(); ++i)
        {
            adults.push_back(aa::adultHeading(a.adults[i]));
            if (hasIssue)
            {
                const auto& ids = a.issues[*s.issue()].raisedByAdults;
                if (std::find(ids.begin(), ids.end(), a.adults[i].id) != ids.end())
                    identified.push_back(i);
            }
        }
        setMultiSelection("AdultVoices", adults, identified);
        enable("AdultVoices", hasIssue && !a.adults.empty());
        setItems("AdultList", adults, s.adult());
        if (s.adult() != m_shownAdult)
        {
            const bool hasAdult = s.adult().has_value();
            set("AdultName", "Text", uno::Any(fromUtf8(hasAdult ? a.adults[*s.adult()].name : std::string())));
            set("Relationship", "Text",
                uno::Any(fromUtf8(hasAdult ? a.adults[*s.adult()].relationship : std::string())));
            m_shownAdult = s.adult();
        }
        for (const char* name : { "Rename", "Remove" })
            enable(name, hasIssue);
        enable("Up", hasIssue && *s.issue() > 0);
        enable("Down", hasIssue && *s.issue() + 1 < a.issues.size());
        enable("ChangeAdult", s.adult().has_value());
        enable("RemoveAdult", s.adult().has_value());
    }

    void refreshQuestions()
    {
        const DeckSession& s = *m_pSession;
        const aa::Analysis& a = s.draft();
        const auto questions = visibleQuestions(m_xContext);
        std::vector<std::string> labels;
        std::optional<std::size_t> current;
        for (std::size_t i = 0; i < questions.size(); ++i)
        {
            const bool answered = aa::isAnswered(a, s.selection(), questions[i].key);
            labels.push_back(strings().get(answered ? "panel.answered" : "panel.unanswered") + questions[i].label);
            if (questions[i].key == s.question())
                current = i;
        }
        setItems("QuestionList", labels, current);
        const aa::QuestionKey key = s.question();
        const bool perIssue = key.perIssue();
        const bool perAdult = key.perAdult();
        const bool hasIssue = s.issue().has_value();
        const bool hasAdult = s.adult().has_value();
        if (perIssue)
            setLabel("Context", hasIssue ? strings().format("panel.forIssue", { a.issues[*s.issue()].title })
                                         : strings().get("panel.noIssueSelected"));
        else if (perAdult)
            setLabel("Context", hasAdult ? strings().format("panel.forAdult", { aa::adultHeading(a.adults[*s.adult()]) })
                                         : strings().get("panel.noAdultSelected"));
        else
            setLabel("Context", strings().get("panel.forAnalysis"));
        if (current)
        {
            const aa::Question& q = questions[*current];
            setLabel("Guidance", q.question + "\n" + q.guidance + "\n" + strings().get("panel.standardPrefix") + q.standard);
        }
        const bool isList = key.kind == aa::QuestionKey::Kind::List;
        for (const char* name : textControls)
            show(name, !isList);
        for (const char* name : listControls)
            show(name, isList);
        const bool needs = key == aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen);
        for (const char* name : mustControls)
            show(name, needs);
        if (isList)
            refreshList(static_cast<aa::ListKind>(key.index));
        else
        {
            set("Answer", "Text", uno::Any(fromUtf8(aa::panelAnswer(a, s.selection(), key))));
            enable("Answer", (!perIssue || hasIssue) && (!perAdult || hasAdult));
        }
        m_shownKey = key;
        m_shownSelection = s.selection();
        enable("Insert", !s.inDocument());
        enable("Update", s.inDocument());
        enable("UpdatePlan", s.inDocument());
        enable("GoTo", s.inDocument());
        setLabel("Status", s.dirty() && s.inDocument() && !s.statusIsError() ? strings().get("panel.status.pending")
                                                                               : s.status());
    }

    void refreshList(aa::ListKind kind)
    {
        const DeckSession& s = *m_pSession;
        const aa::Analysis& a = s.draft();
        const std::vector<aa::Item>& items = a.list(kind);
        // Where a row is cut to the list's width, the item's text gives way to what it is tied to.
        std::vector<std::string> lines, tails;
        for (std::size_t i = 0; i < items.size(); ++i)
        {
            auto [head, tail] = splitAfter(aa::itemLine(a, kind, i), items[i].text);
            lines.push_back(std::move(head));
            tails.push_back(std::move(tail));
        }
        setItems("Items", lines, s.item(), tails);
        const bool hasItem = s.item().has_value() && *s.item() < items.size();
        if (s.item() != m_shownItem || !(m_shownKey && *m_shownKey == s.question()))
        {
            set("ItemText", "Text", uno::Any(fromUtf8(hasItem ? items[*s.item()].text : std::string())));
            m_shownItem = s.item();
        }
        // What the selected item can be tied to, and what it is tied to.
        m_ties.clear();
        std::vector<std::string> ties;
        std::vector<std::size_t> chosen;
        auto offer = [&](aa::MarkKind markKind, const std::string& id, const std::string& line,
                         const std::vector<std::string>& current) {
            if (hasItem && std::find(current.begin(), current.end(), id) != current.end())
                chosen.push_back(ties.size());
            m_ties.emplace_back(markKind, id);
            ties.push_back(line);
        };
        const aa::Item* item = hasItem ? &items[*s.item()] : nullptr;
        const std::vector<std::string> none;
        if (kind == aa::ListKind::SuccessSigns)
            for (const aa::Item& need : a.list(aa::ListKind::WhatNeedsToHappen))
                offer(aa::MarkKind::Help, need.id, strings().format("panel.tie.item", { need.text }),
                      item ? item->items : none);
        for (const aa::Issue& issue : a.issues)
            offer(aa::MarkKind::Issue, issue.id, strings().format("panel.tie.issue", { issue.title }),
                  item ? item->issues : none);
        if (kind == aa::ListKind::Strengths)
            for (const aa::Adult& adult : a.adults)
                offer(aa::MarkKind::Adult, adult.id, strings().format("panel.tie.adult", { aa::adultHeading(adult) }),
                      item ? item->adults : none);
        setMultiSelection("Ties", ties, chosen);
        enable("Ties", hasItem);
        for (const char* name : { "ChangeItem", "RemoveItem" })
            enable(name, hasItem);
        enable("ItemUp", hasItem && *s.item() > 0);
        enable("ItemDown", hasItem && *s.item() + 1 < items.size());
        if (kind == aa::ListKind::WhatNeedsToHappen)
        {
            set("Must", "State", uno::Any(static_cast<sal_Int16>(item && item->must ? 1 : 0)));
            set("IfNot", "Text", uno::Any(fromUtf8(item ? item->ifNot : std::string())));
            enable("Must", hasItem);
            enable("IfNot", hasItem && item->must);
        }
    }

    void refreshReview()
    {
        const DeckSession& s = *m_pSession;
        const auto rows = aa::findingRows(s.findings(), s.draft());
        const auto previous = selected("Findings");
        std::vector<std::string> texts;
        m_findingOfRow.clear();
        for (const aa::FindingRow& row : rows)
        {
            texts.push_back(row.text);
            m_findingOfRow.push_back(row.finding);
        }
        setItems("Findings", texts, previous);
        if (!s.reviewed())
            setLabel("Counts", strings().get("panel.review.none"));
        else
            setLabel("Counts", s.findings().empty() ? strings().get("panel.review.clean") : aa::findingCounts(s.findings()));
        std::string detail;
        bool judgement = false;
        if (previous && *previous < m_findingOfRow.size() && m_findingOfRow[*previous]
            && *m_findingOfRow[*previous] < s.findings().size())
        {
            const aa::Finding& f = s.findings()[*m_findingOfRow[*previous]];
            // Which finding of how many, for a person moving through them with the keyboard.
            std::size_t position = 0;
            for (std::size_t r = 0; r <= *previous; ++r)
                position += m_findingOfRow[r] ? 1u : 0u;
            detail = strings().format("panel.review.position", { std::to_string(position), std::to_string(s.findings().size()) })
                     + "\n" + f.message;
            if (!aa::isBlank(f.reason))
                detail += "\n\n" + f.reason;
            if (!aa::isBlank(f.standard))
                detail += "\n\n" + strings().get("panel.standardPrefix") + f.standard;
            judgement = f.kind == aa::FindingKind::Judgement;
        }
        set("Detail", "Text", uno::Any(fromUtf8(detail)));
        enable("AddComments", s.reviewed() && !s.findings().empty());
        enable("Dismiss", judgement);
    }

    uno::Reference<uno::XComponentContext> m_xContext;
    OUString m_aResourceUrl;
    Kind m_kind;
    uno::Reference<frame::XFrame> m_xFrame;
    uno::Reference<awt::XWindow> m_xWindow;
    uno::Reference<awt::XWindow> m_xParent;
    uno::Reference<awt::XControlContainer> m_xControls;
    ResizeListener* m_pResize = nullptr;
    uno::Reference<awt::XWindowListener> m_xResize;
    std::shared_ptr<DeckSession> m_pSession;
    uno::Reference<ui::XSidebar> m_xSidebar; ///< asked to lay the deck out when our height changes
    aa::layout::Metrics m_metrics;
    aa::layout::Heights m_reported; ///< what the sidebar was last told
    sal_Int32 m_nDeckWidth = 0;
    bool m_bCollapsed = false; ///< the panel's parent is hidden (the panel is collapsed)     ///< the deck's content width, as the sidebar last told us
    std::map<std::string, aa::layout::Box> m_boxes;
    std::set<std::string> m_hidden;
    /// A list's rows in full (head, then a tail kept whole when the row is cut to its width),
    /// and what the list shows now.
    struct ListRows
    {
        std::vector<std::pair<std::string, std::string>> rows;
        std::vector<std::string> shown;
        int width = -1;
    };
    std::map<std::string, ListRows> m_lists;
    std::optional<std::size_t> m_shownIssue;
    std::optional<std::size_t> m_shownAdult;
    std::optional<std::size_t> m_shownItem;
    std::size_t m_shownCount = 0;
    std::optional<aa::QuestionKey> m_shownKey;
    aa::PanelSelection m_shownSelection;
    std::vector<std::pair<aa::MarkKind, std::string>> m_ties; ///< the Ties list's rows
    std::vector<std::optional<std::size_t>> m_findingOfRow;
};

void ResizeListener::focus(const awt::FocusEvent& rEvent, bool gained)
{
    writer::logFailures("panel focus", [&] {
        if (m_pPanel)
            m_pPanel->focusChanged(rEvent.Source, gained);
    });
}

void SAL_CALL ResizeListener::windowResized(const awt::WindowEvent& rEvent)
{
    writer::logFailures("panel layout", [&] {
        if (m_pPanel)
            m_pPanel->resized(rEvent.Source);
    });
}

class PanelFactory : public cppu::WeakImplHelper2<ui::XUIElementFactory, lang::XServiceInfo>
{
public:
    explicit PanelFactory(const uno::Reference<uno::XComponentContext>& xContext) : m_xContext(xContext)
    {
        writer::initLogging(m_xContext);
        writer::applyUiLocale(m_xContext);
    }

    uno::Reference<ui::XUIElement> SAL_CALL createUIElement(const OUString& rUrl,
                                                           const uno::Sequence<beans::PropertyValue>& rArgs) override
    {
        uno::Reference<frame::XFrame> xFrame;
        uno::Reference<awt::XWindow> xParent;
        uno::Reference<ui::XSidebar> xSidebar;
        for (const beans::PropertyValue& rArg : rArgs)
        {
            if (rArg.Name == "Frame")
                rArg.Value >>= xFrame;
            else if (rArg.Name == "ParentWindow")
                rArg.Value >>= xParent;
            else if (rArg.Name == "Sidebar")
                rArg.Value >>= xSidebar;
        }
        if (!xFrame.is() || !xParent.is())
            throw lang::IllegalArgumentException("PanelFactory: Frame and ParentWindow are required", *this, 1);
        const OUString aName = rUrl.copy(rUrl.lastIndexOf('/') + 1);
        Kind kind;
        if (aName == "IssuesPanel")
            kind = Kind::Issues;
        else if (aName == "QuestionsPanel")
            kind = Kind::Questions;
        else if (aName == "ReviewPanel")
            kind = Kind::Review;
        else
            throw lang::IllegalArgumentException("PanelFactory: unknown panel " + rUrl, *this, 0);
        try
        {
            rtl::Reference<AnalysisPanel> xPanel(new AnalysisPanel(m_xContext, rUrl, kind, xFrame, xParent, xSidebar));
            try
            {
                xPanel->init();
            }
            catch (...)
            {
                // Take back what init handed out (the window's handler, the session's view).
                xPanel->dispose();
                throw;
            }
            return xPanel.get();
        }
        catch (const uno::RuntimeException&)
        {
            throw;
        }
        catch (...)
        {
            const writer::CurrentException e = writer::describeCurrentException();
            writer::log().error("panel creation failed: {}", e.message);
            throw uno::RuntimeException("PanelFactory: " + fromUtf8(e.message), *this);
        }
    }

    OUString SAL_CALL getImplementationName() override { return OUString::createFromAscii(factoryName); }
    sal_Bool SAL_CALL supportsService(const OUString& rName) override { return cppu::supportsService(this, rName); }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        uno::Sequence<OUString> aNames(1);
        aNames[0] = OUString::createFromAscii(factoryName);
        return aNames;
    }

private:
    uno::Reference<uno::XComponentContext> m_xContext;
};
} // namespace
} // namespace aa::sidebar

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_assessmentanalysis_PanelFactory_get_implementation(uno::XComponentContext* pContext,
                                                       const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new aa::sidebar::PanelFactory(pContext));
}
