// The deck's Key issues panel: the issues (add, rename, move, remove; who identified each) and
// the adults in the child's life (add, change, remove), with a summary of what is still missing.
#pragma once

#include "DeckPanel.hxx"

namespace aa::sidebar
{
class IssuesPanel final : public DeckPanel
{
public:
    /// The panel in the sidebar's parent window, its window built (see DeckPanel::withWindow).
    static css::uno::Reference<css::ui::XUIElement> create(const PanelArguments& rArgs);

private:
    explicit IssuesPanel(const PanelArguments& rArgs);

    void refreshControls() override;
    bool handle(const std::string& method, const css::uno::Any& rEvent, DeckSession& s) override;
    /// Asks before an issue in the document is removed; true: remove it.
    bool confirmRemove(const std::string& title);

    std::optional<std::size_t> m_shownIssue;
    std::optional<std::size_t> m_shownAdult;
    std::size_t m_shownCount = 0;
};
} // namespace aa::sidebar
