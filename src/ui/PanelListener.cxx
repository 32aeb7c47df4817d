#include "PanelListener.hxx"

#include "DeckPanel.hxx"
#include "Log.hxx"

#include <com/sun/star/awt/FocusEvent.hpp>
#include <com/sun/star/awt/WindowEvent.hpp>

using namespace css;

namespace aa::sidebar
{
void PanelListener::focus(const awt::FocusEvent& rEvent, bool gained)
{
    writer::logFailures("panel focus", [&] {
        if (m_pPanel)
            m_pPanel->focusChanged(rEvent.Source, gained);
    });
}

void SAL_CALL PanelListener::windowResized(const awt::WindowEvent& rEvent)
{
    writer::logFailures("panel layout", [&] {
        if (m_pPanel)
            m_pPanel->resized(rEvent.Source);
    });
}
} // namespace aa::sidebar
