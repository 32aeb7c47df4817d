// The deck's panels (Key issues, Questions, Review) and the factory the sidebar creates them
// with. Each panel is an .xdl dialog in the extension's dialogs/ folder, its texts from the
// resource strings; its buttons call the handler methods below, which catch everything.
#include "DeckSession.hxx"

#include "Catalogue.hpp"
#include "Log.hxx"
#include "Options.hxx"
#include "Package.hxx"
#include "Panel.hpp"
#include "Strings.hpp"
#include "Timing.hxx"
#include "UnoString.hxx"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyEvent.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
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

/// How a control follows the panel's width (the .xdl gives positions for the design width).
struct Fit
{
    enum Mode
    {
        Stretch, ///< right edge follows the panel's right edge
        Right,   ///< keeps its width, sticks to the right edge
        Share,   ///< one of n equal parts of a row of buttons
    } mode = Stretch;
    int part = 0;
    int parts = 1;
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
    std::vector<std::pair<const char*, Fit>> fits;
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
            { { "Summary", { Fit::Stretch } },
              { "ListLabel", { Fit::Stretch } },
              { "IssueList", { Fit::Stretch } },
              { "Up", { Fit::Right } },
              { "Down", { Fit::Right } },
              { "TitleLabel", { Fit::Stretch } },
              { "Title", { Fit::Stretch } },
              { "Add", { Fit::Share, 0, 3 } },
              { "Rename", { Fit::Share, 1, 3 } },
              { "Remove", { Fit::Share, 2, 3 } },
              { "VoicesLabel", { Fit::Stretch } },
              { "VoicePractitioner", { Fit::Share, 0, 2 } },
              { "VoiceChild", { Fit::Share, 1, 2 } },
              { "VoiceOtherWorkers", { Fit::Stretch } },
              { "AdultVoicesLabel", { Fit::Stretch } },
              { "AdultVoices", { Fit::Stretch } },
              { "AdultsLabel", { Fit::Stretch } },
              { "AdultList", { Fit::Stretch } },
              { "AdultNameLabel", { Fit::Stretch } },
              { "AdultName", { Fit::Stretch } },
              { "RelationshipLabel", { Fit::Stretch } },
              { "Relationship", { Fit::Stretch } },
              { "AddAdult", { Fit::Share, 0, 3 } },
              { "ChangeAdult", { Fit::Share, 1, 3 } },
              { "RemoveAdult", { Fit::Share, 2, 3 } } },
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
            { { "QuestionLabel", { Fit::Stretch } },
              { "QuestionList", { Fit::Stretch } },
              { "Context", { Fit::Stretch } },
              { "Guidance", { Fit::Stretch } },
              { "AnswerLabel", { Fit::Stretch } },
              { "Answer", { Fit::Stretch } },
              { "ItemsLabel", { Fit::Stretch } },
              { "Items", { Fit::Stretch } },
              { "ItemUp", { Fit::Right } },
              { "ItemDown", { Fit::Right } },
              { "ItemTextLabel", { Fit::Stretch } },
              { "ItemText", { Fit::Stretch } },
              { "AddItem", { Fit::Share, 0, 3 } },
              { "ChangeItem", { Fit::Share, 1, 3 } },
              { "RemoveItem", { Fit::Share, 2, 3 } },
              { "TiesLabel", { Fit::Stretch } },
              { "Ties", { Fit::Stretch } },
              { "Must", { Fit::Stretch } },
              { "IfNotLabel", { Fit::Stretch } },
              { "IfNot", { Fit::Stretch } },
              { "Insert", { Fit::Share, 0, 2 } },
              { "Update", { Fit::Share, 1, 2 } },
              { "UpdatePlan", { Fit::Share, 0, 2 } },
              { "GoTo", { Fit::Share, 1, 2 } },
              { "Status", { Fit::Stretch } } },
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
            { { "RunReview", { Fit::Share, 0, 2 } },
              { "AddComments", { Fit::Share, 1, 2 } },
              { "IncludeJudgements", { Fit::Stretch } },
              { "Counts", { Fit::Stretch } },
              { "FindingsLabel", { Fit::Stretch } },
              { "Findings", { Fit::Stretch } },
              { "Detail", { Fit::Stretch } },
              { "Dismiss", { Fit::Stretch } } },
            { "runReview", "addComments", "findingSelected", "dismiss" } } },
    };
    return specs.at(kind);
}

class AnalysisPanel;

/// Lays the panel out again when the sidebar changes its width.
/// Lays the panel out again when the sidebar changes its width, and tells it when one of its
/// controls gains or loses the focus (dialog files cannot carry focus events).
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
                  const uno::Reference<frame::XFrame>& xFrame, const uno::Reference<awt::XWindow>& xParent)
        : PanelBase(m_aMutex), m_xContext(xContext), m_aResourceUrl(rResourceUrl), m_kind(kind), m_xFrame(xFrame),
          m_xParent(xParent)
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
        m_nHeight = m_xWindow->getPosSize().Height;
        m_nDesignWidth = m_xWindow->getPosSize().Width;
        for (const ControlText& text : spec(m_kind).texts)
            model(text.control)->setPropertyValue(OUString::createFromAscii(text.property),
                                                  uno::Any(fromUtf8(strings().get(text.key))));
        // Accessible names come from the labels before the controls; the tips (HelpText) are
        // the accessible descriptions of the controls without a label of their own.
        rememberDesign();
        m_pResize = new ResizeListener(this);
        m_xResize = m_pResize;
        m_xWindow->addWindowListener(m_xResize);
        // The sidebar sizes the parent it gave us; the panel takes the parent's width.
        m_xParent->addWindowListener(m_xResize);
        for (const char* name : { "Answer", "Items", "IfNot" })
            if (uno::Reference<awt::XWindow> xControl(m_xControls->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY);
                xControl.is())
                xControl->addFocusListener(uno::Reference<awt::XFocusListener>(m_pResize));
        fitToParent();
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
    ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override
    {
        return ui::LayoutSize(m_nHeight, m_nHeight, m_nHeight);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override { return m_nDesignWidth; }

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

    /// The sidebar sized our window (lay it out) or its parent (take the parent's width).
    void resized(const uno::Reference<uno::XInterface>& xSource)
    {
        if (xSource == uno::Reference<uno::XInterface>(m_xParent, uno::UNO_QUERY))
            fitToParent();
        else
            layout();
    }

    /// Our window as wide as the parent the sidebar gave us.
    void fitToParent()
    {
        const awt::Rectangle parent = m_xParent->getPosSize();
        const awt::Rectangle own = m_xWindow->getPosSize();
        if (parent.Width > 0 && parent.Width != own.Width)
            m_xWindow->setPosSize(0, 0, parent.Width, m_nHeight, awt::PosSize::POSSIZE);
        else
            layout();
    }

    void layout()
    {
        const awt::Rectangle size = m_xWindow->getPosSize();
        for (const auto& [name, fit] : spec(m_kind).fits)
        {
            auto it = m_design.find(name);
            uno::Reference<awt::XWindow> xControl(m_xControls->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY);
            if (it == m_design.end() || !xControl.is())
                continue;
            const awt::Rectangle& d = it->second;
            const sal_Int32 margin = m_nMargin;
            const sal_Int32 inner = std::max<sal_Int32>(size.Width - 2 * margin, 20);
            sal_Int32 x = d.X;
            sal_Int32 width = d.Width;
            switch (fit.mode)
            {
                case Fit::Stretch:
                    width = std::max<sal_Int32>(size.Width - margin - d.X, 10);
                    if (m_stretchLeftOf.count(name))
                        width -= m_stretchLeftOf.at(name);
                    break;
                case Fit::Right:
                    x = size.Width - margin - d.Width;
                    break;
                case Fit::Share:
                {
                    const sal_Int32 gap = margin;
                    width = (inner - gap * (fit.parts - 1)) / fit.parts;
                    x = margin + fit.part * (width + gap);
                    break;
                }
            }
            xControl->setPosSize(x, d.Y, width, d.Height, awt::PosSize::X | awt::PosSize::WIDTH);
        }
    }

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

    void setItems(const char* name, const std::vector<std::string>& items, std::optional<std::size_t> select) const
    {
        uno::Sequence<OUString> aItems(static_cast<sal_Int32>(items.size()));
        for (std::size_t i = 0; i < items.size(); ++i)
            aItems[static_cast<sal_Int32>(i)] = fromUtf8(items[i]);
        set(name, "StringItemList", uno::Any(aItems));
        uno::Sequence<sal_Int16> aSelected;
        if (select && *select < items.size())
        {
            aSelected.realloc(1);
            aSelected[0] = static_cast<sal_Int16>(*select);
        }
        set(name, "SelectedItems", uno::Any(aSelected));
    }

    void rememberDesign()
    {
        sal_Int32 margin = -1;
        for (const auto& [name, fit] : spec(m_kind).fits)
        {
            uno::Reference<awt::XWindow> xControl(m_xControls->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY);
            if (!xControl.is())
                continue;
            m_design[name] = xControl->getPosSize();
            if (margin < 0 || m_design[name].X < margin)
                margin = m_design[name].X;
        }
        m_nMargin = std::max<sal_Int32>(margin, 2);
        // Tall enough for the lowest control and a margin below it, whatever the sidebar's
        // borders take: nothing may be cut off.
        sal_Int32 bottom = 0;
        for (const auto& [name, rect] : m_design)
            bottom = std::max(bottom, rect.Y + rect.Height);
        m_nHeight = std::max(m_nHeight, bottom + 3 * m_nMargin);
        // A stretched control with a right-aligned one beside it leaves room for it.
        for (const auto& [name, fit] : spec(m_kind).fits)
        {
            if (fit.mode != Fit::Right || !m_design.count(name))
                continue;
            const awt::Rectangle& r = m_design[name];
            for (const auto& [other, otherFit] : spec(m_kind).fits)
            {
                if (otherFit.mode != Fit::Stretch || !m_design.count(other))
                    continue;
                const awt::Rectangle& o = m_design[other];
                if (o.Y < r.Y + r.Height && r.Y < o.Y + o.Height && o.X < r.X)
                    m_stretchLeftOf[other] = std::max(m_stretchLeftOf[other], r.Width + m_nMargin);
            }
        }
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

    void show(const char* name, bool visible) const
    {
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
            s.runReview();
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
        uno::Sequence<OUString> aItems(static_cast<sal_Int32>(items.size()));
        for (std::size_t i = 0; i < items.size(); ++i)
            aItems[static_cast<sal_Int32>(i)] = fromUtf8(items[i]);
        set(name, "StringItemList", uno::Any(aItems));
        uno::Sequence<sal_Int16> aSelected(static_cast<sal_Int32>(chosen.size()));
        for (std::size_t i = 0; i < chosen.size(); ++i)
            aSelected[static_cast<sal_Int32>(i)] = static_cast<sal_Int16>(chosen[i]);
        set(name, "SelectedItems", uno::Any(aSelected));
    }

    void refreshIssues()
    {
        const DeckSession& s = *m_pSession;
        const aa::Analysis& a = s.draft();
        std::string summary = s.readOnly() ? strings().get("panel.status.readOnly") + "\n" : std::string();
        summary += aa::completenessLine(a) + "\n" + aa::voicesLine(a);
        setLabel("Summary", summary);
        std::vector<std::string> entries;
        for (std::size_t i = 0; i < a.issues.size(); ++i)
            entries.push_back(aa::issueListEntry(a, i));
        setItems("IssueList", entries, s.issue());
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
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < items.size(); ++i)
            lines.push_back(aa::itemLine(a, kind, i));
        setItems("Items", lines, s.item());
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
            detail = strings().format("panel.review.detail", { f.message, f.reason, f.standard });
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
    sal_Int32 m_nHeight = 0;
    sal_Int32 m_nDesignWidth = 0;
    sal_Int32 m_nMargin = 4;
    std::map<std::string, awt::Rectangle> m_design;
    std::map<std::string, sal_Int32> m_stretchLeftOf;
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
        for (const beans::PropertyValue& rArg : rArgs)
        {
            if (rArg.Name == "Frame")
                rArg.Value >>= xFrame;
            else if (rArg.Name == "ParentWindow")
                rArg.Value >>= xParent;
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
            rtl::Reference<AnalysisPanel> xPanel(new AnalysisPanel(m_xContext, rUrl, kind, xFrame, xParent));
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
        catch (const uno::Exception& e)
        {
            writer::log().error("panel creation failed: {}", toUtf8(e.Message));
            throw uno::RuntimeException("PanelFactory: " + e.Message, *this);
        }
        catch (const std::exception& e)
        {
            writer::log().error("panel creation failed: {}", e.what());
            throw uno::RuntimeException("PanelFactory: " + fromUtf8(e.what()), *this);
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
