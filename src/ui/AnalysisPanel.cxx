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
#include "UnoString.hxx"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
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

#include <algorithm>
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

/// The questions the panel offers: all, less the further questions hidden on the options page.
std::vector<aa::Question> visibleQuestions(const uno::Reference<uno::XComponentContext>& xContext)
{
    const writer::Options options = writer::readOptions(xContext);
    std::vector<aa::Question> questions = aa::panelQuestions();
    questions.erase(std::remove_if(questions.begin(), questions.end(),
                                   [&](const aa::Question& q) {
                                       return q.scope == aa::QuestionScope::Consideration
                                              && std::find(options.hiddenFurtherQuestions.begin(),
                                                           options.hiddenFurtherQuestions.end(), q.key)
                                                     != options.hiddenFurtherQuestions.end();
                                   }),
                    questions.end());
    return questions;
}

const char* const voiceControls[aa::voiceCount]
    = { "VoicePractitioner", "VoiceChild", "VoiceParents", "VoiceOtherWorkers", "VoiceSignificantAdults" };

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
              { "VoiceParents", "Label", "panel.voice.parents" },
              { "VoiceOtherWorkers", "Label", "panel.voice.otherWorkers" },
              { "VoiceSignificantAdults", "Label", "panel.voice.significantAdults" },
              { "VoicePractitioner", "HelpText", "panel.tip.voices" },
              { "VoiceChild", "HelpText", "panel.tip.voices" },
              { "VoiceParents", "HelpText", "panel.tip.voices" },
              { "VoiceOtherWorkers", "HelpText", "panel.tip.voices" },
              { "VoiceSignificantAdults", "HelpText", "panel.tip.voices" } },
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
              { "VoiceParents", { Fit::Share, 0, 2 } },
              { "VoiceOtherWorkers", { Fit::Share, 1, 2 } },
              { "VoiceSignificantAdults", { Fit::Stretch } } },
            { "issueSelected", "addIssue", "renameIssue", "removeIssue", "moveUp", "moveDown", "voiceToggled" } } },
        { Kind::Questions,
          { "QuestionsPanel",
            { { "QuestionLabel", "Label", "panel.questionList" },
              { "QuestionList", "HelpText", "panel.tip.questionList" },
              { "Guidance", "HelpText", "panel.tip.guidance" },
              { "AnswerLabel", "Label", "panel.answerLabel" },
              { "Answer", "HelpText", "panel.tip.answer" },
              { "Insert", "Label", "panel.insert" },
              { "Update", "Label", "panel.update" },
              { "UpdatePlan", "Label", "panel.updatePlan" },
              { "GoTo", "Label", "panel.goTo" } },
            { { "Context", { Fit::Stretch } },
              { "QuestionList", { Fit::Stretch } },
              { "Guidance", { Fit::Stretch } },
              { "AnswerLabel", { Fit::Stretch } },
              { "Answer", { Fit::Stretch } },
              { "Insert", { Fit::Share, 0, 2 } },
              { "Update", { Fit::Share, 1, 2 } },
              { "UpdatePlan", { Fit::Share, 0, 2 } },
              { "GoTo", { Fit::Share, 1, 2 } },
              { "Status", { Fit::Stretch } } },
            { "questionSelected", "insert", "update", "updatePlan", "goTo" } } },
        { Kind::Review,
          { "ReviewPanel",
            { { "RunReview", "Label", "panel.runReview" },
              { "AddComments", "Label", "panel.addComments" },
              { "FindingsLabel", "Label", "panel.findingsLabel" },
              { "Findings", "HelpText", "panel.tip.findings" },
              { "Detail", "HelpText", "panel.tip.findingDetail" } },
            { { "RunReview", { Fit::Share, 0, 2 } },
              { "AddComments", { Fit::Share, 1, 2 } },
              { "Counts", { Fit::Stretch } },
              { "FindingsLabel", { Fit::Stretch } },
              { "Findings", { Fit::Stretch } },
              { "Detail", { Fit::Stretch } } },
            { "runReview", "addComments", "findingSelected" } } },
    };
    return specs.at(kind);
}

class AnalysisPanel;

/// Lays the panel out again when the sidebar changes its width.
class ResizeListener : public cppu::WeakImplHelper1<awt::XWindowListener>
{
public:
    explicit ResizeListener(AnalysisPanel* pPanel) : m_pPanel(pPanel) {}
    void clear() { m_pPanel = nullptr; }
    void SAL_CALL windowResized(const awt::WindowEvent& rEvent) override;
    void SAL_CALL windowMoved(const awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const lang::EventObject&) override {}
    void SAL_CALL windowHidden(const lang::EventObject&) override {}
    void SAL_CALL disposing(const lang::EventObject&) override { m_pPanel = nullptr; }

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
        : PanelBase(m_aMutex), m_xContext(xContext), m_aResourceUrl(rResourceUrl), m_kind(kind), m_xFrame(xFrame)
    {
        uno::Reference<awt::XWindowPeer> xParentPeer(xParent, uno::UNO_QUERY_THROW);
        m_xWindow = awt::ContainerWindowProvider::create(m_xContext)->createContainerWindow(
            writer::packageUrl(m_xContext, std::string("dialogs/") + spec(kind).dialog + ".xdl"), OUString(),
            xParentPeer, static_cast<awt::XContainerWindowEventHandler*>(this));
        m_xControls.set(m_xWindow, uno::UNO_QUERY_THROW);
        m_nHeight = m_xWindow->getPosSize().Height;
        m_nDesignWidth = m_xWindow->getPosSize().Width;
        for (const ControlText& text : spec(kind).texts)
            model(text.control)->setPropertyValue(OUString::createFromAscii(text.property),
                                                  uno::Any(fromUtf8(strings().get(text.key))));
        // Accessible names come from the labels before the controls; the tips (HelpText) are
        // the accessible descriptions of the controls without a label of their own.
        rememberDesign();
        m_pResize = new ResizeListener(this);
        m_xResize = m_pResize;
        m_xWindow->addWindowListener(m_xResize);
        // The sidebar sizes the parent it gave us; the panel takes the parent's width.
        m_xParent = xParent;
        m_xParent->addWindowListener(m_xResize);
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
    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XWindow>&, const uno::Any&,
                                        const OUString& rMethod) override
    {
        // Exceptions thrown here vanish inside the dialog code: catch and log them all.
        bool handled = false;
        writer::logFailures("panel handler", [&] { handled = handle(toUtf8(rMethod)); });
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
        if (m_kind != Kind::Questions || !m_pSession || m_shownKey.empty())
            return;
        writer::logFailures("panel commit", [&] {
            aa::Analysis draft = m_pSession->draft();
            if (aa::setPanelAnswer(draft, m_shownIssue, m_shownKey, text("Answer")))
                m_pSession->editDraft() = std::move(draft);
        });
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

    bool handle(const std::string& method)
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
        else if (method == "addIssue")
            s.addIssue(text("Title"));
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
            {
                sal_Int16 nState = 0;
                model(voiceControls[v])->getPropertyValue("State") >>= nState;
                const auto& voices = s.issue() ? s.draft().issues[*s.issue()].raisedBy : std::vector<aa::Voice>();
                const bool has = std::find(voices.begin(), voices.end(), static_cast<aa::Voice>(v)) != voices.end();
                if ((nState == 1) != has)
                    s.setVoice(static_cast<aa::Voice>(v), nState == 1);
            }
        }
        else if (method == "questionSelected")
        {
            commitTyping();
            const auto questions = visibleQuestions(m_xContext);
            if (const auto index = selected("QuestionList"); index && *index < questions.size())
                s.selectQuestion(questions[*index].key);
            s.notify();
        }
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
            s.addReviewComments();
        else if (method == "findingSelected")
        {
            const auto row = selected("Findings");
            if (row && *row < m_findingOfRow.size() && m_findingOfRow[*row])
                s.goToFinding(*m_findingOfRow[*row]);
            else
                refresh();
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

    void refreshIssues()
    {
        const DeckSession& s = *m_pSession;
        const aa::Analysis& a = s.draft();
        std::string summary = s.readOnly() ? strings().get("panel.status.readOnly") + "\n" : std::string();
        if (!a.issues.empty())
            summary += aa::completenessLine(a) + "\n";
        summary += aa::voicesLine(a);
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
        for (const char* name : { "Rename", "Remove" })
            enable(name, hasIssue);
        enable("Up", hasIssue && *s.issue() > 0);
        enable("Down", hasIssue && *s.issue() + 1 < a.issues.size());
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
            labels.push_back(questions[i].label);
            if (questions[i].key == s.question())
                current = i;
        }
        setItems("QuestionList", labels, current);
        const bool perIssue = aa::isIssueQuestion(s.question());
        const bool hasIssue = s.issue().has_value();
        if (perIssue)
            setLabel("Context", hasIssue ? strings().format("panel.forIssue", { a.issues[*s.issue()].title })
                                         : strings().get("panel.noIssueSelected"));
        else
            setLabel("Context", strings().get("panel.forAnalysis"));
        if (current)
        {
            const aa::Question& q = questions[*current];
            setLabel("Guidance", q.question + "\n" + q.guidance + "\n" + strings().get("panel.standardPrefix") + q.standard);
        }
        set("Answer", "Text", uno::Any(fromUtf8(aa::panelAnswer(a, s.issue(), s.question()))));
        enable("Answer", !perIssue || hasIssue);
        m_shownKey = s.question();
        m_shownIssue = s.issue();
        enable("Insert", !s.inDocument());
        enable("Update", s.inDocument());
        enable("UpdatePlan", s.inDocument());
        enable("GoTo", s.inDocument());
        setLabel("Status", s.dirty() && s.inDocument() && !s.statusIsError() ? strings().get("panel.status.pending")
                                                                               : s.status());
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
        if (previous && *previous < m_findingOfRow.size() && m_findingOfRow[*previous]
            && *m_findingOfRow[*previous] < s.findings().size())
        {
            const aa::Finding& f = s.findings()[*m_findingOfRow[*previous]];
            detail = strings().format("panel.review.detail", { f.message, f.reason, f.standard });
        }
        setLabel("Detail", detail);
        enable("AddComments", s.reviewed() && !s.findings().empty());
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
    std::size_t m_shownCount = 0;
    std::string m_shownKey;
    std::vector<std::optional<std::size_t>> m_findingOfRow;
};

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
            return new AnalysisPanel(m_xContext, rUrl, kind, xFrame, xParent);
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
