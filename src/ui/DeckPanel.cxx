#include "DeckPanel.hxx"

#include "Log.hxx"
#include "Package.hxx"
#include "PanelListener.hxx"
#include "Timing.hxx"
#include "UnoString.hxx"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyEvent.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/SimpleFontMetric.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/awt/XFocusListener.hpp>
#include <com/sun/star/awt/XFont.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XTextLayoutConstrains.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <rtl/ref.hxx>

#include <chrono>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::sidebar
{
DeckPanel::DeckPanel(const PanelArguments& rArgs, const PanelSpec& rSpec)
    : DeckPanelInterfaces(m_aMutex), m_spec(rSpec), m_xContext(rArgs.xContext), m_aResourceUrl(rArgs.aResourceUrl),
      m_xFrame(rArgs.xFrame), m_xParent(rArgs.xParent), m_xSidebar(rArgs.xSidebar)
{
}

DeckPanel::~DeckPanel() = default;

uno::Reference<ui::XUIElement> DeckPanel::withWindow(DeckPanel* pNew)
{
    rtl::Reference<DeckPanel> xPanel(pNew);
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

void DeckPanel::init()
{
    uno::Reference<awt::XWindowPeer> xParentPeer(m_xParent, uno::UNO_QUERY_THROW);
    m_xWindow = awt::ContainerWindowProvider::create(m_xContext)
                    ->createContainerWindow(
                        writer::packageUrl(m_xContext, std::string("dialogs/") + m_spec.dialog + ".xdl"), OUString(),
                        xParentPeer, static_cast<awt::XContainerWindowEventHandler*>(this));
    m_xControls.set(m_xWindow, uno::UNO_QUERY_THROW);
    for (const ControlText& text : m_spec.texts)
        model(text.control)
            ->setPropertyValue(OUString::createFromAscii(text.property), uno::Any(fromUtf8(strings().get(text.key))));
    // Accessible names come from the labels before the controls; the tips (HelpText) are
    // the accessible descriptions of the controls without a label of their own.
    prepareLayout();
    m_pListener = new PanelListener(this);
    m_xListener = m_pListener;
    m_xWindow->addWindowListener(m_xListener);
    // The sidebar sizes the parent it gave us; the panel takes the parent's size.
    m_xParent->addWindowListener(m_xListener);
    for (const char* name : m_spec.focused)
        if (uno::Reference<awt::XWindow> xControl(m_xControls->getControl(OUString::createFromAscii(name)),
                                                  uno::UNO_QUERY);
            xControl.is())
            xControl->addFocusListener(uno::Reference<awt::XFocusListener>(m_pListener));
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

sal_Int16 SAL_CALL DeckPanel::getType() { return ui::UIElementType::TOOLPANEL; }

uno::Reference<uno::XInterface> SAL_CALL DeckPanel::getRealInterface() { return static_cast<ui::XToolPanel*>(this); }

// XToolPanel

uno::Reference<accessibility::XAccessible>
    SAL_CALL DeckPanel::createAccessible(const uno::Reference<accessibility::XAccessible>&)
{
    return uno::Reference<accessibility::XAccessible>(m_xWindow, uno::UNO_QUERY);
}

// XSidebarPanel

ui::LayoutSize SAL_CALL DeckPanel::getHeightForWidth(sal_Int32 nWidth)
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

sal_Int32 SAL_CALL DeckPanel::getMinimalWidth()
{
    sal_Int32 nWidth = 0;
    // No narrower than a dozen lines are high: narrower, the sidebar shows nothing useful.
    writer::logFailures("panel width", [&] {
        nWidth = std::max(aa::layout::minimalWidth(layoutRows(), m_metrics), 12 * m_metrics.lineHeight);
    });
    return nWidth;
}

// XContainerWindowEventHandler

sal_Bool SAL_CALL DeckPanel::callHandlerMethod(const uno::Reference<awt::XWindow>&, const uno::Any& rEvent,
                                               const OUString& rMethod)
{
    // Exceptions thrown here vanish inside the dialog code: catch and log them all.
    const auto start = std::chrono::steady_clock::now();
    bool handled = false;
    const std::string method = toUtf8(rMethod);
    writer::logFailures("panel handler", [&] { handled = m_pSession && handle(method, rEvent, *m_pSession); });
    // From the button's event to the panels showing the result (their controls set; Writer
    // paints them afterwards), for the benchmark (lastTiming "panel.<method>").
    writer::recordTiming(
        "panel." + method,
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count());
    return handled;
}

uno::Sequence<OUString> SAL_CALL DeckPanel::getSupportedMethodNames()
{
    const auto& methods = m_spec.methods;
    uno::Sequence<OUString> aNames(static_cast<sal_Int32>(methods.size()));
    for (std::size_t i = 0; i < methods.size(); ++i)
        aNames[static_cast<sal_Int32>(i)] = OUString::createFromAscii(methods[i]);
    return aNames;
}

// SessionView

void DeckPanel::refresh()
{
    writer::logFailures("panel refresh", [&] {
        refreshControls();
        relayout();
        handOnFocus();
    });
}

void DeckPanel::resized(const uno::Reference<uno::XInterface>& xSource)
{
    if (xSource == uno::Reference<uno::XInterface>(m_xParent, uno::UNO_QUERY))
        fitToParent();
    else
        layout();
}

void DeckPanel::fitToParent()
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

void DeckPanel::relayout()
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

void DeckPanel::layout()
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

void SAL_CALL DeckPanel::disposing()
{
    if (m_pListener)
    {
        m_pListener->clear();
        try
        {
            m_xWindow->removeWindowListener(m_xListener);
            m_xParent->removeWindowListener(m_xListener);
        }
        catch (...)
        {
        }
        m_pListener = nullptr;
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

uno::Reference<beans::XPropertySet> DeckPanel::model(const char* name) const
{
    auto xControl = m_xControls->getControl(OUString::createFromAscii(name));
    if (!xControl.is())
        throw uno::RuntimeException("panel: no control " + OUString::createFromAscii(name));
    return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW);
}

void DeckPanel::set(const char* name, const char* property, const uno::Any& value) const
{
    model(name)->setPropertyValue(OUString::createFromAscii(property), value);
}

void DeckPanel::setLabel(const char* name, const std::string& label) const
{
    set(name, "Label", uno::Any(fromUtf8(label)));
}

void DeckPanel::enable(const char* name, bool on) const
{
    if (!on)
        noteFocusLeaving(name);
    set(name, "Enabled", uno::Any(on));
}

void DeckPanel::noteFocusLeaving(const char* name) const
{
    const uno::Reference<awt::XWindow2> xWindow(m_xControls->getControl(OUString::createFromAscii(name)),
                                                uno::UNO_QUERY);
    if (xWindow.is() && xWindow->hasFocus())
        m_focusLeaving = name;
}

bool DeckPanel::takesFocus(const uno::Reference<awt::XControl>& xControl) const
{
    const uno::Reference<beans::XPropertySet> xModel(xControl->getModel(), uno::UNO_QUERY);
    const uno::Reference<lang::XServiceInfo> xInfo(xModel, uno::UNO_QUERY);
    if (!xModel.is() || !xInfo.is() || xInfo->supportsService("com.sun.star.awt.UnoControlFixedTextModel")
        || xInfo->supportsService("com.sun.star.awt.UnoControlGroupBoxModel")
        || xInfo->supportsService("com.sun.star.awt.UnoControlFixedLineModel"))
        return false;
    OUString aName;
    bool bEnabled = false;
    xModel->getPropertyValue("Name") >>= aName;
    xModel->getPropertyValue("Enabled") >>= bEnabled;
    return bEnabled && !m_hidden.count(toUtf8(aName));
}

void DeckPanel::handOnFocus()
{
    if (m_focusLeaving.empty())
        return;
    const std::string leaving = std::exchange(m_focusLeaving, std::string());
    const auto aControls = m_xControls->getControls();
    sal_Int32 from = -1;
    for (sal_Int32 i = 0; i < aControls.getLength() && from < 0; ++i)
    {
        OUString aName;
        uno::Reference<beans::XPropertySet>(aControls[i]->getModel(), uno::UNO_QUERY_THROW)->getPropertyValue("Name")
            >>= aName;
        if (toUtf8(aName) == leaving)
            from = i;
    }
    for (sal_Int32 step = 1; from >= 0 && step < aControls.getLength(); ++step)
    {
        const auto& xControl = aControls[(from + step) % aControls.getLength()];
        if (takesFocus(xControl))
        {
            uno::Reference<awt::XWindow>(xControl, uno::UNO_QUERY_THROW)->setFocus();
            return;
        }
    }
}

std::string DeckPanel::text(const char* name) const
{
    OUString aText;
    model(name)->getPropertyValue("Text") >>= aText;
    return toUtf8(aText);
}

std::optional<std::size_t> DeckPanel::selected(const char* name) const
{
    uno::Sequence<sal_Int16> aSelected;
    model(name)->getPropertyValue("SelectedItems") >>= aSelected;
    if (!aSelected.hasElements() || aSelected[0] < 0)
        return std::nullopt;
    return static_cast<std::size_t>(aSelected[0]);
}

std::vector<std::size_t> DeckPanel::selectedAll(const char* name) const
{
    uno::Sequence<sal_Int16> aSelected;
    model(name)->getPropertyValue("SelectedItems") >>= aSelected;
    std::vector<std::size_t> out;
    for (sal_Int16 n : aSelected)
        if (n >= 0)
            out.push_back(static_cast<std::size_t>(n));
    return out;
}

bool DeckPanel::checked(const char* name) const
{
    sal_Int16 nState = 0;
    model(name)->getPropertyValue("State") >>= nState;
    return nState == 1;
}

void DeckPanel::show(const char* name, bool visible)
{
    if (!visible)
        noteFocusLeaving(name);
    if (visible)
        m_hidden.erase(name);
    else
        m_hidden.insert(name);
    uno::Reference<awt::XWindow> xControl(m_xControls->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY);
    if (xControl.is())
        xControl->setVisible(visible);
}

std::pair<std::string, std::string> DeckPanel::splitAfter(const std::string& row, const std::string& text)
{
    const auto at = text.empty() ? std::string::npos : row.find(text);
    const std::size_t split = at == std::string::npos ? row.size() : at + text.size();
    return { row.substr(0, split), row.substr(split) };
}

bool DeckPanel::isReturn(const uno::Any& rEvent)
{
    awt::KeyEvent aKey;
    return (rEvent >>= aKey) && aKey.KeyCode == awt::Key::RETURN && aKey.Modifiers == 0;
}

void DeckPanel::setItems(const char* name, const std::vector<std::string>& items, std::optional<std::size_t> select,
                         const std::vector<std::string>& tails)
{
    std::vector<std::size_t> chosen;
    if (select && *select < items.size())
        chosen.push_back(*select);
    setRows(name, items, tails, chosen);
}

void DeckPanel::setMultiSelection(const char* name, const std::vector<std::string>& items,
                                  const std::vector<std::size_t>& chosen)
{
    setRows(name, items, {}, chosen);
}

void DeckPanel::setRows(const char* name, const std::vector<std::string>& items, const std::vector<std::string>& tails,
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

void DeckPanel::showList(const char* name, const std::optional<uno::Sequence<sal_Int16>>& selection)
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

void DeckPanel::prepareLayout()
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
    for (const RowSpec& row : m_spec.rows)
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
    for (const RowSpec& row : m_spec.rows)
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
                    m.checkIndent = std::max(m.checkIndent,
                                             static_cast<int>(size->Width)
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
std::vector<aa::layout::Row> DeckPanel::layoutRows() const
{
    std::vector<aa::layout::Row> rows;
    const auto label = [&](const char* name) {
        OUString aText;
        model(name)->getPropertyValue("Label") >>= aText;
        return toUtf8(aText);
    };
    for (const RowSpec& spec : m_spec.rows)
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
} // namespace aa::sidebar
