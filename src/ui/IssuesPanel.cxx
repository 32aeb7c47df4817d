#include "IssuesPanel.hxx"

#include "Panel.hpp"
#include "UnoString.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>

#include <algorithm>

using namespace css;
using aa::glue::fromUtf8;

namespace aa::sidebar
{
namespace
{
const char* const voiceControls[aa::voiceCount] = { "VoicePractitioner", "VoiceChild", "VoiceOtherWorkers" };

const PanelSpec& issuesSpec()
{
    using R = aa::layout::RowKind;
    static const PanelSpec spec{ "IssuesPanel",
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
                                 { { R::Label, { "Summary" } },
                                   { R::Label, { "ListLabel" }, {}, 1, 0, false, true },
                                   { R::List, { "IssueList" }, { "Up", "Down" }, 2, 15 },
                                   { R::Label, { "TitleLabel" }, {}, 1, 0, false, true },
                                   { R::Field, { "Title" } },
                                   { R::Buttons, { "Add", "Rename", "Remove" } },
                                   { R::Label, { "VoicesLabel" }, {}, 1, 0, false, true },
                                   { R::Checks, { "VoicePractitioner", "VoiceChild", "VoiceOtherWorkers" } },
                                   { R::Label, { "AdultVoicesLabel" }, {}, 1, 0, false, true },
                                   { R::List, { "AdultVoices" }, {}, 1, 10 },
                                   { R::Label, { "AdultsLabel" }, {}, 1, 0, false, true },
                                   { R::List, { "AdultList" }, {}, 1, 10 },
                                   { R::Label, { "AdultNameLabel" }, {}, 1, 0, false, true },
                                   { R::Field, { "AdultName" } },
                                   { R::Label, { "RelationshipLabel" }, {}, 1, 0, false, true },
                                   { R::Field, { "Relationship" } },
                                   { R::Buttons, { "AddAdult", "ChangeAdult", "RemoveAdult" } } },
                                 { "issueSelected", "addIssue", "titleKey", "renameIssue", "removeIssue", "moveUp",
                                   "moveDown", "voiceToggled", "adultVoicesChanged", "adultSelected", "addAdult",
                                   "changeAdult", "removeAdult" } };
    return spec;
}
} // namespace

IssuesPanel::IssuesPanel(const PanelArguments& rArgs) : DeckPanel(rArgs, issuesSpec()) {}

uno::Reference<ui::XUIElement> IssuesPanel::create(const PanelArguments& rArgs)
{
    return withWindow(new IssuesPanel(rArgs));
}

bool IssuesPanel::handle(const std::string& method, const uno::Any& rEvent, DeckSession& s)
{
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
    else
        return false;
    return true;
}

bool IssuesPanel::confirmRemove(const std::string& title)
{
    uno::Reference<awt::XMessageBoxFactory> xFactory(awt::Toolkit::create(context()), uno::UNO_QUERY_THROW);
    uno::Reference<awt::XWindowPeer> xPeer(window(), uno::UNO_QUERY);
    auto xBox = xFactory->createMessageBox(xPeer, awt::MessageBoxType_QUERYBOX, awt::MessageBoxButtons::BUTTONS_YES_NO,
                                           fromUtf8(strings().get("dialog.error.title")),
                                           fromUtf8(strings().format("panel.confirmRemove", { title })));
    return xBox->execute() == awt::MessageBoxResults::YES;
}

void IssuesPanel::refreshControls()
{
    const DeckSession& s = *session();
    const aa::Analysis& a = s.draft();
    std::string summary = s.readOnly() ? strings().get("panel.status.readOnly") + "\n" : std::string();
    summary += aa::completenessLine(a) + "\n" + aa::voicesLine(a);
    setLabel("Summary", summary);
    // Where a row is cut to the list's width, the title gives way: its status stays.
    std::vector<std::string> entries, tails;
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        auto [head, tail] = splitAfter(aa::issueListEntry(a, i), a.issues[i].title);
        entries.push_back(std::move(head));
        tails.push_back(std::move(tail));
    }
    setItems("IssueList", entries, s.issue(), tails);
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
        set("Relationship", "Text", uno::Any(fromUtf8(hasAdult ? a.adults[*s.adult()].relationship : std::string())));
        m_shownAdult = s.adult();
    }
    for (const char* name : { "Rename", "Remove" })
        enable(name, hasIssue);
    enable("Up", hasIssue && *s.issue() > 0);
    enable("Down", hasIssue && *s.issue() + 1 < a.issues.size());
    enable("ChangeAdult", s.adult().has_value());
    enable("RemoveAdult", s.adult().has_value());
}
} // namespace aa::sidebar
