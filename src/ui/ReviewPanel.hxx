// The deck's Review panel: the supervisor's review of the analysis, certain findings first, then
// the judgements; selecting one goes to its place; a judgement can be dismissed; Add as comments.
#pragma once

#include "DeckPanel.hxx"

namespace aa::sidebar
{
class ReviewPanel final : public DeckPanel
{
public:
    /// The panel in the sidebar's parent window, its window built (see DeckPanel::withWindow).
    static css::uno::Reference<css::ui::XUIElement> create(const PanelArguments& rArgs);

private:
    explicit ReviewPanel(const PanelArguments& rArgs);

    void refreshControls() override;
    bool handle(const std::string& method, const css::uno::Any& rEvent, DeckSession& s) override;

    std::vector<std::optional<std::size_t>> m_findingOfRow; ///< the finding each row shows (none: a heading)
};
} // namespace aa::sidebar
