// The deck's Questions panel: the questions in the order of the reasoning, each with its
// guidance; a text answer, or a list edited an item at a time (what each item is tied to, a
// must and what happens if it does not); Insert, Update, Update action plan and Go to.
#pragma once

#include "DeckPanel.hxx"

#include "Catalogue.hpp"
#include "Panel.hpp"

namespace aa::sidebar
{
class QuestionsPanel final : public DeckPanel
{
public:
    /// The panel in the sidebar's parent window, its window built (see DeckPanel::withWindow).
    static css::uno::Reference<css::ui::XUIElement> create(const PanelArguments& rArgs);

    // SessionView
    void commitTyping() override;

    /// Before the person edits an answer here, the panel shows what the document holds now (it
    /// reads the document only if it changed); leaving what happens if a must does not, stores it.
    void focusChanged(const css::uno::Reference<css::uno::XInterface>& xSource, bool gained) override;

private:
    explicit QuestionsPanel(const PanelArguments& rArgs);

    void refreshControls() override;
    bool handle(const std::string& method, const css::uno::Any& rEvent, DeckSession& s) override;
    /// The items of the selected list question, what the selected one is tied to, its must.
    void refreshList(aa::ListKind kind);

    std::optional<std::size_t> m_shownItem;
    std::optional<aa::QuestionKey> m_shownKey;
    aa::PanelSelection m_shownSelection;
    std::vector<std::pair<aa::MarkKind, std::string>> m_ties; ///< the Ties list's rows
};
} // namespace aa::sidebar
