// What the deck's three panels (IssuesPanel, QuestionsPanel, ReviewPanel) share: the sidebar's
// UNO interfaces, the panel's window built from its .xdl dialog (dialogs/ in the extension) with
// its texts from the resource strings, the layout (the arithmetic is the core's, src/core/
// PanelLayout), the lists cut to their width, and the frame's DeckSession it shows. A panel says
// what it is in a PanelSpec, shows the session in refreshControls and answers its buttons in
// handle; the handlers catch everything.
#pragma once

#include "DeckSession.hxx"
#include "PanelLayout.hpp"
#include "Strings.hpp"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase4.hxx>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace aa::sidebar
{
class PanelListener;

/// What the sidebar hands the factory for a panel (its named arguments), and the resource URL.
struct PanelArguments
{
    css::uno::Reference<css::uno::XComponentContext> xContext;
    OUString aResourceUrl;
    css::uno::Reference<css::frame::XFrame> xFrame;
    css::uno::Reference<css::awt::XWindow> xParent;
    css::uno::Reference<css::ui::XSidebar> xSidebar; ///< none where a test creates the panel
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

/// What a panel is: its dialog (dialogs/<dialog>.xdl), the resource texts of its controls, its
/// rows from top to bottom, its handler methods, and the fields whose focus it follows
/// (focusChanged).
struct PanelSpec
{
    const char* dialog;
    std::vector<ControlText> texts;
    std::vector<RowSpec> rows;
    std::vector<const char*> methods;
    std::vector<const char*> focused = {};
};

using DeckPanelInterfaces
    = cppu::WeakComponentImplHelper4<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                     css::awt::XContainerWindowEventHandler>;

class DeckPanel : private cppu::BaseMutex, public DeckPanelInterfaces, public SessionView
{
public:
    // XUIElement
    css::uno::Reference<css::frame::XFrame> SAL_CALL getFrame() override { return m_xFrame; }
    OUString SAL_CALL getResourceURL() override { return m_aResourceUrl; }
    sal_Int16 SAL_CALL getType() override;
    css::uno::Reference<css::uno::XInterface> SAL_CALL getRealInterface() override;

    // XToolPanel
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override { return m_xWindow; }
    css::uno::Reference<css::accessibility::XAccessible>
        SAL_CALL createAccessible(const css::uno::Reference<css::accessibility::XAccessible>&) override;

    // XSidebarPanel
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 nWidth) override;
    sal_Int32 SAL_CALL getMinimalWidth() override;

    // XContainerWindowEventHandler
    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XWindow>&, const css::uno::Any& rEvent,
                                        const OUString& rMethod) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override;

    // SessionView
    void refresh() override;

    /// One of the spec's focused fields gained or lost the focus (PanelListener).
    virtual void focusChanged(const css::uno::Reference<css::uno::XInterface>& /*xSource*/, bool /*gained*/) {}
    /// The sidebar sized our window (lay it out) or its parent (take the parent's size).
    void resized(const css::uno::Reference<css::uno::XInterface>& xSource);

protected:
    DeckPanel(const PanelArguments& rArgs, const PanelSpec& rSpec);
    ~DeckPanel() override;

    /// Holds the new panel, builds its window (init) and returns it; where that fails, takes
    /// back what init handed out (the window's handler, the session's view) and rethrows.
    static css::uno::Reference<css::ui::XUIElement> withWindow(DeckPanel* pNew);

    /// Shows the session in the panel's controls (refresh lays the panel out afterwards).
    virtual void refreshControls() = 0;
    /// Runs a handler method of the spec; false for a method the panel does not know.
    virtual bool handle(const std::string& method, const css::uno::Any& rEvent, DeckSession& s) = 0;

    void SAL_CALL disposing() override;

    static const aa::Strings& strings() { return aa::Strings::builtIn(); }
    const css::uno::Reference<css::uno::XComponentContext>& context() const { return m_xContext; }
    const css::uno::Reference<css::frame::XFrame>& frame() const { return m_xFrame; }
    const css::uno::Reference<css::ui::XSidebar>& sidebar() const { return m_xSidebar; }
    const css::uno::Reference<css::awt::XWindow>& window() const { return m_xWindow; }
    const css::uno::Reference<css::awt::XControlContainer>& controls() const { return m_xControls; }
    /// The frame's session; none before init and after disposing.
    DeckSession* session() const { return m_pSession.get(); }

    // The controls, by name.
    css::uno::Reference<css::beans::XPropertySet> model(const char* name) const;
    void set(const char* name, const char* property, const css::uno::Any& value) const;
    void setLabel(const char* name, const std::string& label) const;
    void enable(const char* name, bool on) const;
    std::string text(const char* name) const;
    std::optional<std::size_t> selected(const char* name) const;
    std::vector<std::size_t> selectedAll(const char* name) const;
    bool checked(const char* name) const;
    /// Shows or hides a control; the layout leaves a hidden control's row out.
    void show(const char* name, bool visible);
    /// A control about to be disabled or hidden while it has the keyboard focus (Insert analysis
    /// once pressed): the focus would fall out of the panel, so refresh() hands it on.
    void noteFocusLeaving(const char* name) const;
    bool takesFocus(const css::uno::Reference<css::awt::XControl>& xControl) const;
    /// Gives the focus a control lost to being disabled or hidden to the next control that takes
    /// it, in the panel's Tab order (Insert analysis -> Update analysis).
    void handOnFocus();
    /// A list's rows and the one selected (none: nothing selected); tails as in splitAfter.
    void setItems(const char* name, const std::vector<std::string>& items, std::optional<std::size_t> select,
                  const std::vector<std::string>& tails = {});
    void setMultiSelection(const char* name, const std::vector<std::string>& items,
                           const std::vector<std::size_t>& chosen);

    /// A list row split after the text it shows (a title, an item), so that the rest (a status,
    /// what it is tied to) stays whole where the row is cut to the list's width.
    static std::pair<std::string, std::string> splitAfter(const std::string& row, const std::string& text);
    /// The event is Return pressed without a modifier.
    static bool isReturn(const css::uno::Any& rEvent);

private:
    /// Builds the panel's window and joins the frame's session. Separate from the constructor:
    /// it hands `this` to the window (as its event handler), to the listener and to the
    /// session, which must only happen once the object is complete and held by a reference (a
    /// throwing constructor would leave them pointing at freed memory). The SDK's custom tool
    /// panel (odk/examples/cpp/custompanel/ctp_panel.cxx) registers its listeners in the
    /// constructor instead, between osl_atomic_increment(&m_refCount) and
    /// osl_atomic_decrement, so that a listener's acquire and release cannot delete the half-
    /// built object. Here withWindow holds the panel in an rtl::Reference before init runs, so
    /// the count is already at least one and no constructor hands out `this`: the guard would
    /// change nothing.
    void init();

    /// Our window as large as the parent the sidebar gave us (as tall as the panel prefers
    /// where the parent has no height yet).
    void fitToParent();
    /// Never wider than the deck's content: the sidebar makes the panel's parent as wide as
    /// our window asks, so a window wider than the deck would keep the deck wider than the
    /// sidebar (with a horizontal scroll bar) for good.
    sal_Int32 fittingWidth(sal_Int32 nWidth) const
    {
        return m_nDeckWidth > 0 ? std::min(nWidth, m_nDeckWidth) : nWidth;
    }
    /// After the texts or lists changed: asks the sidebar for the height the panel now needs
    /// (it lays the deck out again and resizes us), and lays the panel out at its size.
    void relayout();
    /// Every control where the core's layout puts it for the window's size; the lists' rows
    /// fitted to the lists' widths.
    void layout();

    void setRows(const char* name, const std::vector<std::string>& items, const std::vector<std::string>& tails,
                 const std::vector<std::size_t>& chosen);
    /// Shows a list's rows, each cut to the list's width (with "…") where it is wider: the
    /// list never scrolls sideways. The whole text is in the detail, the title field or the
    /// item field. selection: the rows to select; none keeps the list's own.
    void showList(const char* name, const std::optional<css::uno::Sequence<sal_Int16>>& selection);
    /// The measures the layout needs, from the toolkit: the labels' font, the heights of a
    /// line, a field, a button, a check box, a list row and a multi-line field's frame.
    void prepareLayout();
    /// The panel's rows as the core's layout takes them: each control's text as shown now,
    /// each list's row count, and which rows are hidden.
    std::vector<aa::layout::Row> layoutRows() const;

    const PanelSpec& m_spec;
    css::uno::Reference<css::uno::XComponentContext> m_xContext;
    OUString m_aResourceUrl;
    css::uno::Reference<css::frame::XFrame> m_xFrame;
    css::uno::Reference<css::awt::XWindow> m_xWindow;
    css::uno::Reference<css::awt::XWindow> m_xParent;
    css::uno::Reference<css::awt::XControlContainer> m_xControls;
    PanelListener* m_pListener = nullptr;
    css::uno::Reference<css::awt::XWindowListener> m_xListener;
    std::shared_ptr<DeckSession> m_pSession;
    css::uno::Reference<css::ui::XSidebar> m_xSidebar; ///< asked to lay the deck out when our height changes
    aa::layout::Metrics m_metrics;
    aa::layout::Heights m_reported; ///< what the sidebar was last told
    sal_Int32 m_nDeckWidth = 0;     ///< the deck's content width, as the sidebar last told us
    std::map<std::string, aa::layout::Box> m_boxes;
    std::set<std::string> m_hidden;
    mutable std::string m_focusLeaving; ///< see noteFocusLeaving
    /// A list's rows in full (head, then a tail kept whole when the row is cut to its width),
    /// and what the list shows now.
    struct ListRows
    {
        std::vector<std::pair<std::string, std::string>> rows;
        std::vector<std::string> shown;
        int width = -1;
    };
    std::map<std::string, ListRows> m_lists;
};
} // namespace aa::sidebar
