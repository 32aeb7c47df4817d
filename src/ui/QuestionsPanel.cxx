#include "QuestionsPanel.hxx"

#include "Log.hxx"
#include "Options.hxx"
#include "UnoString.hxx"

#include <com/sun/star/awt/XControl.hpp>

#include <algorithm>

using namespace css;
using aa::glue::fromUtf8;

namespace aa::sidebar
{
namespace
{
/// The questions the panel offers: all, less the weighing-up questions hidden on the options page.
std::vector<aa::Question> visibleQuestions(const uno::Reference<uno::XComponentContext>& xContext)
{
    const writer::Options options = writer::readOptions(xContext);
    std::vector<aa::Question> questions = aa::panelQuestions();
    questions.erase(std::remove_if(questions.begin(), questions.end(),
                                   [&](const aa::Question& q) { return writer::hidesQuestion(options, q.key); }),
                    questions.end());
    return questions;
}

/// The Questions panel's controls for a text answer, and for a list edited an item at a time.
const char* const textControls[] = { "AnswerLabel", "Answer" };
const char* const listControls[] = { "ItemsLabel", "Items",      "ItemUp",     "ItemDown",  "ItemTextLabel", "ItemText",
                                     "AddItem",    "ChangeItem", "RemoveItem", "TiesLabel", "Ties" };
const char* const mustControls[] = { "Must", "IfNotLabel", "IfNot" };

const PanelSpec& questionsSpec()
{
    using R = aa::layout::RowKind;
    static const PanelSpec spec{ "QuestionsPanel",
                                 { { "QuestionLabel", "Label", "panel.questionList" },
                                   { "QuestionList", "HelpText", "panel.tip.questionList" },
                                   { "Guidance", "HelpText", "panel.tip.guidance" },
                                   { "AnswerLabel", "Label", "panel.answerLabel" },
                                   { "Answer", "HelpText", "panel.tip.answer" },
                                   { "ItemsLabel", "Label", "panel.itemsLabel" },
                                   { "Items", "HelpText", "panel.tip.items" },
                                   { "ItemUp", "Label", "panel.itemUp" },
                                   { "ItemDown", "Label", "panel.itemDown" },
                                   { "ItemTextLabel", "Label", "panel.itemText" },
                                   { "ItemText", "HelpText", "panel.tip.itemText" },
                                   { "IfNot", "HelpText", "panel.tip.ifNot" },
                                   { "AddItem", "Label", "panel.addItem" },
                                   { "ChangeItem", "Label", "panel.changeItem" },
                                   { "RemoveItem", "Label", "panel.removeItem" },
                                   { "TiesLabel", "Label", "panel.tiesLabel" },
                                   { "Ties", "HelpText", "panel.tip.ties" },
                                   { "Must", "Label", "panel.must" },
                                   { "IfNotLabel", "Label", "panel.ifNotLabel" },
                                   { "Insert", "Label", "panel.insert" },
                                   { "Update", "Label", "panel.update" },
                                   { "UpdatePlan", "Label", "panel.updatePlan" },
                                   { "GoTo", "Label", "panel.goTo" } },
                                 { { R::Label, { "QuestionLabel" }, {}, 1, 0, false, true },
                                   { R::List, { "QuestionList" }, {}, 2, 0 },
                                   { R::Label, { "Context" } },
                                   { R::Label, { "Guidance" } },
                                   { R::Label, { "AnswerLabel" }, {}, 1, 0, false, true },
                                   { R::Area, { "Answer" }, {}, 5, 40, true, false, 10 },
                                   { R::Label, { "ItemsLabel" }, {}, 1, 0, false, true },
                                   { R::List, { "Items" }, { "ItemUp", "ItemDown" }, 2, 15 },
                                   { R::Label, { "ItemTextLabel" }, {}, 1, 0, false, true },
                                   { R::Area, { "ItemText" }, {}, 2, 6 },
                                   { R::Buttons, { "AddItem", "ChangeItem", "RemoveItem" } },
                                   { R::Label, { "TiesLabel" }, {}, 1, 0, false, true },
                                   { R::List, { "Ties" }, {}, 2, 12 },
                                   { R::Checks, { "Must" } },
                                   { R::Label, { "IfNotLabel" }, {}, 1, 0, false, true },
                                   { R::Field, { "IfNot" } },
                                   { R::Buttons, { "Insert", "Update", "UpdatePlan", "GoTo" } },
                                   { R::Label, { "Status" } } },
                                 { "questionSelected", "itemSelected", "itemKey", "addItem", "changeItem", "removeItem",
                                   "itemUp", "itemDown", "tiesChanged", "mustToggled", "insert", "update", "updatePlan",
                                   "goTo" },
                                 { "Answer", "Items", "IfNot" } };
    return spec;
}
} // namespace

QuestionsPanel::QuestionsPanel(const PanelArguments& rArgs) : DeckPanel(rArgs, questionsSpec()) {}

uno::Reference<ui::XUIElement> QuestionsPanel::create(const PanelArguments& rArgs)
{
    return withWindow(new QuestionsPanel(rArgs));
}

void QuestionsPanel::commitTyping()
{
    DeckSession* pSession = session();
    if (!pSession || !m_shownKey)
        return;
    writer::logFailures("panel commit", [&] {
        if (m_shownKey->kind == aa::QuestionKey::Kind::List)
            return;
        aa::Analysis draft = pSession->draft();
        if (aa::setPanelAnswer(draft, m_shownSelection, *m_shownKey, text("Answer")))
            pSession->editDraft() = std::move(draft);
    });
}

void QuestionsPanel::focusChanged(const uno::Reference<uno::XInterface>& xSource, bool gained)
{
    DeckSession* pSession = session();
    if (!pSession)
        return;
    const uno::Reference<uno::XInterface> xIfNot(controls()->getControl("IfNot"), uno::UNO_QUERY);
    if (gained && xSource != xIfNot)
        pSession->refreshIfStale();
    else if (!gained && xSource == xIfNot)
        pSession->setItemMust(checked("Must"), text("IfNot"));
}

bool QuestionsPanel::handle(const std::string& method, const uno::Any& rEvent, DeckSession& s)
{
    if (method == "questionSelected")
    {
        commitTyping();
        const auto questions = visibleQuestions(context());
        if (const auto index = selected("QuestionList"); index && *index < questions.size())
            s.selectQuestion(questions[*index].key);
        s.notify();
    }
    else if (method == "itemSelected")
    {
        s.selectItem(selected("Items"));
        m_shownItem.reset();
        s.notify();
    }
    else if (method == "addItem" || (method == "itemKey" && isReturn(rEvent)))
    {
        std::string typed = text("ItemText");
        while (!typed.empty() && (typed.back() == '\n' || typed.back() == '\r'))
            typed.pop_back();
        const auto key = s.question();
        const std::size_t before = key.kind == aa::QuestionKey::Kind::List ? s.draft().lists[key.index].size() : 0;
        s.addItem(typed);
        if (key.kind == aa::QuestionKey::Kind::List && s.draft().lists[key.index].size() > before)
        {
            set("ItemText", "Text", uno::Any(OUString()));
            m_shownItem = s.item();
        }
    }
    else if (method == "itemKey")
        return true;
    else if (method == "changeItem")
        s.changeItem(text("ItemText"));
    else if (method == "removeItem")
        s.removeItem();
    else if (method == "itemUp" || method == "itemDown")
        s.moveItem(method == "itemUp");
    else if (method == "tiesChanged")
    {
        std::vector<std::string> issues, adults, items;
        for (std::size_t i : selectedAll("Ties"))
            if (i < m_ties.size())
            {
                const auto& [kind, id] = m_ties[i];
                (kind == aa::MarkKind::Issue ? issues : kind == aa::MarkKind::Adult ? adults : items).push_back(id);
            }
        s.setItemTies(issues, adults, items);
    }
    else if (method == "mustToggled")
        s.setItemMust(checked("Must"), text("IfNot"));
    else if (method == "insert")
        s.insert();
    else if (method == "update")
        s.update();
    else if (method == "updatePlan")
        s.updatePlan();
    else if (method == "goTo")
        s.goToQuestion();
    else
        return false;
    return true;
}

void QuestionsPanel::refreshControls()
{
    const DeckSession& s = *session();
    const aa::Analysis& a = s.draft();
    const auto questions = visibleQuestions(context());
    std::vector<std::string> labels;
    std::optional<std::size_t> current;
    for (std::size_t i = 0; i < questions.size(); ++i)
    {
        const bool answered = aa::isAnswered(a, s.selection(), questions[i].key);
        labels.push_back(strings().get(answered ? "panel.answered" : "panel.unanswered") + questions[i].label);
        if (questions[i].key == s.question())
            current = i;
    }
    setItems("QuestionList", labels, current);
    const aa::QuestionKey key = s.question();
    const bool perIssue = key.perIssue();
    const bool perAdult = key.perAdult();
    const bool hasIssue = s.issue().has_value();
    const bool hasAdult = s.adult().has_value();
    if (perIssue)
        setLabel("Context", hasIssue ? strings().format("panel.forIssue", { a.issues[*s.issue()].title })
                                     : strings().get("panel.noIssueSelected"));
    else if (perAdult)
        setLabel("Context", hasAdult ? strings().format("panel.forAdult", { aa::adultHeading(a.adults[*s.adult()]) })
                                     : strings().get("panel.noAdultSelected"));
    else
        setLabel("Context", strings().get("panel.forAnalysis"));
    if (current)
    {
        const aa::Question& q = questions[*current];
        setLabel("Guidance",
                 q.question + "\n" + q.guidance + "\n" + strings().get("panel.standardPrefix") + q.standard);
    }
    const bool isList = key.kind == aa::QuestionKey::Kind::List;
    for (const char* name : textControls)
        show(name, !isList);
    for (const char* name : listControls)
        show(name, isList);
    const bool needs = key == aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen);
    for (const char* name : mustControls)
        show(name, needs);
    if (isList)
        refreshList(static_cast<aa::ListKind>(key.index));
    else
    {
        set("Answer", "Text", uno::Any(fromUtf8(aa::panelAnswer(a, s.selection(), key))));
        enable("Answer", (!perIssue || hasIssue) && (!perAdult || hasAdult));
    }
    m_shownKey = key;
    m_shownSelection = s.selection();
    enable("Insert", !s.inDocument());
    enable("Update", s.inDocument());
    enable("UpdatePlan", s.inDocument());
    enable("GoTo", s.inDocument());
    setLabel("Status",
             s.dirty() && s.inDocument() && !s.statusIsError() ? strings().get("panel.status.pending") : s.status());
}

void QuestionsPanel::refreshList(aa::ListKind kind)
{
    const DeckSession& s = *session();
    const aa::Analysis& a = s.draft();
    const std::vector<aa::Item>& items = a.list(kind);
    // Where a row is cut to the list's width, the item's text gives way to what it is tied to.
    std::vector<std::string> lines, tails;
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        auto [head, tail] = splitAfter(aa::itemLine(a, kind, i), items[i].text);
        lines.push_back(std::move(head));
        tails.push_back(std::move(tail));
    }
    setItems("Items", lines, s.item(), tails);
    const bool hasItem = s.item().has_value() && *s.item() < items.size();
    if (s.item() != m_shownItem || !(m_shownKey && *m_shownKey == s.question()))
    {
        set("ItemText", "Text", uno::Any(fromUtf8(hasItem ? items[*s.item()].text : std::string())));
        m_shownItem = s.item();
    }
    // What the selected item can be tied to, and what it is tied to.
    m_ties.clear();
    std::vector<std::string> ties;
    std::vector<std::size_t> chosen;
    auto offer = [&](aa::MarkKind markKind, const std::string& id, const std::string& line,
                     const std::vector<std::string>& current) {
        if (hasItem && std::find(current.begin(), current.end(), id) != current.end())
            chosen.push_back(ties.size());
        m_ties.emplace_back(markKind, id);
        ties.push_back(line);
    };
    const aa::Item* item = hasItem ? &items[*s.item()] : nullptr;
    const std::vector<std::string> none;
    if (kind == aa::ListKind::SuccessSigns)
        for (const aa::Item& need : a.list(aa::ListKind::WhatNeedsToHappen))
            offer(aa::MarkKind::Help, need.id, strings().format("panel.tie.item", { need.text }),
                  item ? item->items : none);
    for (const aa::Issue& issue : a.issues)
        offer(aa::MarkKind::Issue, issue.id, strings().format("panel.tie.issue", { issue.title }),
              item ? item->issues : none);
    if (kind == aa::ListKind::Strengths)
        for (const aa::Adult& adult : a.adults)
            offer(aa::MarkKind::Adult, adult.id, strings().format("panel.tie.adult", { aa::adultHeading(adult) }),
                  item ? item->adults : none);
    setMultiSelection("Ties", ties, chosen);
    enable("Ties", hasItem);
    for (const char* name : { "ChangeItem", "RemoveItem" })
        enable(name, hasItem);
    enable("ItemUp", hasItem && *s.item() > 0);
    enable("ItemDown", hasItem && *s.item() + 1 < items.size());
    if (kind == aa::ListKind::WhatNeedsToHappen)
    {
        set("Must", "State", uno::Any(static_cast<sal_Int16>(item && item->must ? 1 : 0)));
        set("IfNot", "Text", uno::Any(fromUtf8(item ? item->ifNot : std::string())));
        enable("Must", hasItem);
        enable("IfNot", hasItem && item->must);
    }
}
} // namespace aa::sidebar
