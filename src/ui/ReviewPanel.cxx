#include "ReviewPanel.hxx"

#include "Log.hxx"
#include "Panel.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <cppuhelper/implbase1.hxx>

using namespace css;
using aa::glue::fromUtf8;

namespace aa::sidebar
{
namespace
{
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

const PanelSpec& reviewSpec()
{
    using R = aa::layout::RowKind;
    static const PanelSpec spec{ "ReviewPanel",
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
                                 { "runReview", "addComments", "findingSelected", "dismiss" } };
    return spec;
}
} // namespace

ReviewPanel::ReviewPanel(const PanelArguments& rArgs) : DeckPanel(rArgs, reviewSpec()) {}

uno::Reference<ui::XUIElement> ReviewPanel::create(const PanelArguments& rArgs)
{
    return withWindow(new ReviewPanel(rArgs));
}

bool ReviewPanel::handle(const std::string& method, const uno::Any&, DeckSession& s)
{
    if (method == "runReview")
    {
        s.runReview();
        // The findings need the room: the review takes the deck (the other panels collapse,
        // one click on their title brings them back), so it never sits squeezed below them.
        if (sidebar().is())
            awt::AsyncCallback::create(context())->addCallback(new ReviewFirst(frame()), uno::Any());
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

void ReviewPanel::refreshControls()
{
    const DeckSession& s = *session();
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
        setLabel("Counts",
                 s.findings().empty() ? strings().get("panel.review.clean") : aa::findingCounts(s.findings()));
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
        detail = strings().format("panel.review.position",
                                  { std::to_string(position), std::to_string(s.findings().size()) })
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
} // namespace aa::sidebar
