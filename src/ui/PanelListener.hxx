// The window and focus events a panel of the deck follows, forwarded to it while it lives: the
// sidebar resizing the panel's window or its parent, and the panel's fields gaining or losing
// the focus. A listener of its own (not the panel) so that the panel can cut it off when it is
// disposed, while the window may still hold it.
#pragma once

#include <com/sun/star/awt/XFocusListener.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <cppuhelper/implbase2.hxx>

namespace aa::sidebar
{
class DeckPanel;

class PanelListener : public cppu::WeakImplHelper2<css::awt::XWindowListener, css::awt::XFocusListener>
{
public:
    explicit PanelListener(DeckPanel* pPanel) : m_pPanel(pPanel) {}
    /// The panel is going away: forward nothing more.
    void clear() { m_pPanel = nullptr; }

    // XWindowListener
    void SAL_CALL windowResized(const css::awt::WindowEvent& rEvent) override;
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}

    // XFocusListener
    void SAL_CALL focusGained(const css::awt::FocusEvent& rEvent) override { focus(rEvent, true); }
    void SAL_CALL focusLost(const css::awt::FocusEvent& rEvent) override { focus(rEvent, false); }

    // XEventListener
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_pPanel = nullptr; }

private:
    void focus(const css::awt::FocusEvent& rEvent, bool gained);

    DeckPanel* m_pPanel;
};
} // namespace aa::sidebar
