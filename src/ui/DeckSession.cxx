#include "DeckSession.hxx"

#include "ReviewerName.hxx"

#include "Catalogue.hpp"
#include "DocumentReader.hxx"
#include "DocumentReview.hxx"
#include "Errors.hpp"
#include "Json.hpp"
#include "Log.hxx"
#include "Options.hxx"
#include "Panel.hpp"
#include "Plan.hpp"
#include "Strings.hpp"
#include "Timing.hxx"
#include "Utf8.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerListener.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/FrameAction.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrameActionListener.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/weakref.hxx>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::sidebar
{
namespace
{
const aa::Strings& strings() { return aa::Strings::builtIn(); }

/// Forwards the document's selection, modify and undo events to the session while it lives.
/// Any undo action (typing, an API edit, undo, redo) means the panels' copy may be stale.
class EventForwarder : public cppu::WeakImplHelper4<view::XSelectionChangeListener, util::XModifyListener,
                                                    document::XUndoManagerListener, frame::XFrameActionListener>
{
public:
    explicit EventForwarder(DeckSession* pSession) : m_pSession(pSession) {}
    void clear() { m_pSession = nullptr; }

    void SAL_CALL selectionChanged(const lang::EventObject&) override
    {
        if (m_pSession)
            m_pSession->cursorMoved();
    }
    void SAL_CALL modified(const lang::EventObject&) override
    {
        if (m_pSession)
            m_pSession->documentModified();
    }
    /// Only the frame going away ends the forwarding: a document closing in the frame is
    /// followed by the next one (frameAction).
    void SAL_CALL disposing(const lang::EventObject& rEvent) override
    {
        if (m_pSession && rEvent.Source == m_pSession->frame())
            m_pSession = nullptr;
    }
    void SAL_CALL frameAction(const frame::FrameActionEvent& rEvent) override
    {
        if (m_pSession
            && (rEvent.Action == frame::FrameAction_COMPONENT_REATTACHED
                || rEvent.Action == frame::FrameAction_COMPONENT_ATTACHED))
            m_pSession->documentSwitched();
    }

    void SAL_CALL undoActionAdded(const document::UndoManagerEvent&) override { changed(); }
    void SAL_CALL actionUndone(const document::UndoManagerEvent&) override { changed(); }
    void SAL_CALL actionRedone(const document::UndoManagerEvent&) override { changed(); }
    void SAL_CALL allActionsCleared(const lang::EventObject&) override {}
    void SAL_CALL redoActionsCleared(const lang::EventObject&) override {}
    void SAL_CALL resetAll(const lang::EventObject&) override { changed(); }
    void SAL_CALL enteredContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL enteredHiddenContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL leftContext(const document::UndoManagerEvent&) override { changed(); }
    void SAL_CALL leftHiddenContext(const document::UndoManagerEvent&) override { changed(); }
    void SAL_CALL cancelledContext(const document::UndoManagerEvent&) override {}

private:
    void changed()
    {
        if (m_pSession)
            m_pSession->documentModified();
    }

    DeckSession* m_pSession;
};

struct Registered
{
    uno::WeakReference<frame::XFrame> frame;
    std::weak_ptr<DeckSession> session;
};
std::vector<Registered>& registry()
{
    static std::vector<Registered> sessions;
    return sessions;
}

std::optional<aa::Place> placeOfQuestion(const aa::Analysis& analysis, const aa::PanelSelection& selection,
                                         aa::QuestionKey key)
{
    switch (key.kind)
    {
        case aa::QuestionKey::Kind::Title:
        case aa::QuestionKey::Kind::IssuePart:
            if (!selection.issue || *selection.issue >= analysis.issues.size())
                return std::nullopt;
            return aa::Place{ key.kind == aa::QuestionKey::Kind::Title ? aa::Place::Kind::IssueTitle
                                                                       : aa::Place::Kind::IssuePart,
                              analysis.issues[*selection.issue].id, key.index, 0 };
        case aa::QuestionKey::Kind::AdultPart:
            if (!selection.adult || *selection.adult >= analysis.adults.size())
                return std::nullopt;
            return aa::Place{ aa::Place::Kind::Adult, analysis.adults[*selection.adult].id, key.index, 0 };
        case aa::QuestionKey::Kind::List:
            return aa::Place{ aa::Place::Kind::ListItem, {}, key.index, 0 };
        case aa::QuestionKey::Kind::Topic:
            return aa::Place{ aa::Place::Kind::Topic, {}, key.index, 0 };
    }
    return std::nullopt;
}
} // namespace

std::shared_ptr<DeckSession> DeckSession::forFrame(const uno::Reference<uno::XComponentContext>& xContext,
                                                   const uno::Reference<frame::XFrame>& xFrame)
{
    auto& sessions = registry();
    sessions.erase(
        std::remove_if(sessions.begin(), sessions.end(), [](const Registered& r) { return r.session.expired(); }),
        sessions.end());
    for (const Registered& r : sessions)
    {
        uno::Reference<frame::XFrame> xKnown(r.frame);
        if (xKnown.is() && xKnown == xFrame)
            if (auto session = r.session.lock())
                return session;
    }
    auto session = std::make_shared<DeckSession>(xContext, xFrame);
    sessions.push_back({ xFrame, session });
    return session;
}

DeckSession::DeckSession(const uno::Reference<uno::XComponentContext>& xContext,
                         const uno::Reference<frame::XFrame>& xFrame)
    : m_xContext(xContext), m_xFrame(xFrame), m_commands(xContext)
{
    try
    {
        listen();
    }
    catch (const uno::Exception& e)
    {
        writer::log().warn("panel: cannot follow the cursor: {}", toUtf8(e.Message));
    }
    reload();
}

DeckSession::~DeckSession() { detach(); }

void DeckSession::listen()
{
    EventForwarder* pForwarder = new EventForwarder(this);
    uno::Reference<view::XSelectionChangeListener> xForwarder(pForwarder);
    m_xListener = xForwarder;
    if (m_xFrame.is())
        m_xFrame->addFrameActionListener(uno::Reference<frame::XFrameActionListener>(pForwarder));
    m_xListenedController = m_xFrame.is() ? m_xFrame->getController() : nullptr;
    m_xListenedModel = m_xListenedController.is() ? m_xListenedController->getModel() : nullptr;
    uno::Reference<view::XSelectionSupplier> xSelection(m_xListenedController, uno::UNO_QUERY);
    if (xSelection.is())
        xSelection->addSelectionChangeListener(xForwarder);
    uno::Reference<util::XModifyBroadcaster> xModify(m_xListenedModel, uno::UNO_QUERY);
    if (xModify.is())
        xModify->addModifyListener(uno::Reference<util::XModifyListener>(pForwarder));
    uno::Reference<document::XUndoManagerSupplier> xUndo(xModify, uno::UNO_QUERY);
    if (xUndo.is())
        xUndo->getUndoManager()->addUndoManagerListener(uno::Reference<document::XUndoManagerListener>(pForwarder));
}

void DeckSession::detach()
{
    uno::Reference<view::XSelectionChangeListener> xForwarder(m_xListener, uno::UNO_QUERY);
    auto* pForwarder = dynamic_cast<EventForwarder*>(xForwarder.get());
    if (!pForwarder)
        return;
    pForwarder->clear();
    // Each listener comes off what it was added to (the frame may hold another document now).
    auto removeFrom = [](auto&& remove) {
        try
        {
            remove();
        }
        catch (...)
        {
            // Already gone: the forwarder is inert anyway.
        }
    };
    removeFrom([&] {
        if (m_xFrame.is())
            m_xFrame->removeFrameActionListener(uno::Reference<frame::XFrameActionListener>(pForwarder));
    });
    removeFrom([&] {
        uno::Reference<view::XSelectionSupplier> xSelection(m_xListenedController, uno::UNO_QUERY);
        if (xSelection.is())
            xSelection->removeSelectionChangeListener(xForwarder);
    });
    removeFrom([&] {
        uno::Reference<util::XModifyBroadcaster> xModify(m_xListenedModel, uno::UNO_QUERY);
        if (xModify.is())
            xModify->removeModifyListener(uno::Reference<util::XModifyListener>(pForwarder));
        uno::Reference<document::XUndoManagerSupplier> xUndo(xModify, uno::UNO_QUERY);
        if (xUndo.is())
            xUndo->getUndoManager()->removeUndoManagerListener(
                uno::Reference<document::XUndoManagerListener>(pForwarder));
    });
    m_xListener.clear();
    m_xListenedController.clear();
    m_xListenedModel.clear();
}

void DeckSession::documentSwitched()
{
    writer::logFailures("panel: following the new document", [&] {
        detach();
        m_draft = aa::Analysis();
        m_base = aa::Analysis();
        m_found = m_dirty = m_reviewed = false;
        m_stale = true;
        m_selection = {};
        m_item.reset();
        m_findings.clear();
        m_lastParagraph.clear();
        m_status.clear();
        listen();
        reload();
        notify();
    });
}

void DeckSession::addView(SessionView* view) { m_views.push_back(view); }

void DeckSession::removeView(SessionView* view)
{
    m_views.erase(std::remove(m_views.begin(), m_views.end(), view), m_views.end());
}

void DeckSession::notify()
{
    for (SessionView* view : std::vector<SessionView*>(m_views))
        view->refresh();
}

void DeckSession::commitViews()
{
    for (SessionView* view : std::vector<SessionView*>(m_views))
        view->commitTyping();
}

uno::Reference<text::XTextDocument> DeckSession::document()
{
    auto xController = m_xFrame.is() ? m_xFrame->getController() : nullptr;
    uno::Reference<frame::XModel> xModel(xController.is() ? xController->getModel() : nullptr);
    // Another document in the same frame (opened over an empty one): the panels' copy belongs
    // to the old one, so start again from the new one before doing anything.
    if (xModel.is() && m_xListenedModel.is() && xModel != m_xListenedModel && m_xListener.is())
        documentSwitched();
    uno::Reference<text::XTextDocument> xDoc(xModel, uno::UNO_QUERY);
    if (!xDoc.is())
        throw aa::InputError(strings().get("error.noDocument"));
    return xDoc;
}

void DeckSession::setStatus(const std::string& text, bool error)
{
    m_status = text;
    m_statusError = error;
}

void DeckSession::selectIssue(std::optional<std::size_t> issue)
{
    if (issue && *issue >= m_draft.issues.size())
        issue.reset();
    m_selection.issue = issue;
}

void DeckSession::selectAdult(std::optional<std::size_t> adult)
{
    if (adult && *adult >= m_draft.adults.size())
        adult.reset();
    m_selection.adult = adult;
}

void DeckSession::selectQuestion(aa::QuestionKey key)
{
    if (!(key == m_question))
        m_item.reset();
    m_question = key;
}

/// Keeps the selections pointing at something that is there.
static void clampSelection(aa::PanelSelection& selection, std::optional<std::size_t>& item, const aa::Analysis& draft,
                           aa::QuestionKey question)
{
    if (!selection.issue && !draft.issues.empty())
        selection.issue = 0;
    if (selection.issue && *selection.issue >= draft.issues.size())
        selection.issue = draft.issues.empty() ? std::nullopt : std::optional<std::size_t>(draft.issues.size() - 1);
    if (!selection.adult && !draft.adults.empty())
        selection.adult = 0;
    if (selection.adult && *selection.adult >= draft.adults.size())
        selection.adult = draft.adults.empty() ? std::nullopt : std::optional<std::size_t>(draft.adults.size() - 1);
    if (question.kind != aa::QuestionKey::Kind::List || (item && *item >= draft.lists[question.index].size()))
        item.reset();
}

template <typename F> bool DeckSession::guarded(F&& change)
{
    struct Busy
    {
        bool& flag;
        bool was;
        explicit Busy(bool& f) : flag(f), was(f) { flag = true; }
        ~Busy() { flag = was; }
    } busy(m_busy);
    try
    {
        change();
        return true;
    }
    catch (...)
    {
        const writer::CurrentException e = writer::describeCurrentException();
        if (!e.refusal)
            writer::log().error("panel: {}", e.message);
        try
        {
            setStatus(e.refusal ? e.message : strings().format("panel.status.failed", { e.message }), true);
        }
        catch (...)
        {
            writer::logCurrentException("panel: the status could not be shown");
        }
    }
    return false;
}

void DeckSession::reload()
{
    guarded([&] {
        const auto xDoc = document();
        uno::Reference<frame::XStorable> xStorable(xDoc, uno::UNO_QUERY);
        m_readOnly = xStorable.is() && xStorable->isReadonly();
        m_stale = false;
        if (m_dirty)
            return;
        const aa::ReadResult result = m_commands.read(xDoc);
        const bool wasFound = m_found;
        m_found = result.found;
        if (m_found || wasFound)
        {
            m_draft = result.analysis;
            m_base = result.analysis;
        }
        clampSelection(m_selection, m_item, m_draft, m_question);
        if (m_status.empty() || !m_statusError)
            setStatus(strings().get(m_readOnly ? "panel.status.readOnly"
                                    : m_found  ? "panel.status.inDocument"
                                               : "panel.status.noAnalysis"),
                      false);
    });
}

aa::Analysis DeckSession::writeDraft()
{
    // The merge sees the document as the update command reads it: no second read.
    return m_commands.update(document(), [&](const aa::Analysis& current) {
        std::vector<aa::QuestionKey> conflicts;
        aa::Analysis merged = aa::mergePanelEdits(m_base, m_draft, current, &conflicts);
        m_conflicts = conflicts;
        return merged;
    });
}

void DeckSession::afterWrite(const aa::Analysis& written, const char* statusKey)
{
    m_dirty = false;
    // The command answers with the analysis the document now holds: the panels take it instead
    // of reading the document again.
    m_draft = written;
    m_base = written;
    m_found = true;
    m_stale = false;
    clampSelection(m_selection, m_item, m_draft, m_question);
    std::string status = strings().get(statusKey);
    if (!m_conflicts.empty())
    {
        std::string labels;
        for (const aa::Question& q : aa::catalogue())
            if (std::find(m_conflicts.begin(), m_conflicts.end(), q.key) != m_conflicts.end())
                labels += (labels.empty() ? "" : ", ") + q.label;
        status += " " + strings().format("panel.status.bothChanged", { labels });
        m_conflicts.clear();
    }
    setStatus(status, false);
}

void DeckSession::insert()
{
    commitViews();
    guarded([&] {
        // The same insert as the scripting API's: the command gives the items their ids and
        // derives the plan from them, so each row is tied to its item.
        aa::Analysis analysis = m_draft;
        analysis.plan.clear();
        analysis.hasPlan = false;
        afterWrite(m_commands.insert(document(), std::move(analysis)), "panel.status.inserted");
    });
    notify();
}

void DeckSession::update()
{
    commitViews();
    guarded([&] {
        if (!m_found)
            throw aa::InputError(strings().get("error.noAnalysis"));
        afterWrite(writeDraft(), "panel.status.updated");
    });
    notify();
}

void DeckSession::updatePlan()
{
    commitViews();
    guarded([&] {
        if (m_dirty && m_found)
            writeDraft();
        afterWrite(m_commands.updatePlan(document()), "panel.status.planUpdated");
    });
    notify();
}

void DeckSession::goTo(const aa::Place& place)
{
    const auto xDoc = document();
    const writer::DocumentState state = writer::readExisting(xDoc);
    auto xAnchor = writer::anchorFor(xDoc, state.blocks, state.current, place);
    if (!xAnchor.is())
        return;
    uno::Reference<text::XTextViewCursorSupplier> xSupplier(xDoc->getCurrentController(), uno::UNO_QUERY_THROW);
    xSupplier->getViewCursor()->gotoRange(xAnchor->getStart(), false);
}

void DeckSession::goToQuestion()
{
    commitViews();
    guarded([&] {
        const auto place = placeOfQuestion(m_draft, m_selection, m_question);
        if (!place)
            throw aa::InputError(strings().get("panel.noIssueSelected"));
        goTo(*place);
    });
    notify();
}

void DeckSession::change(const std::function<void(aa::Analysis&)>& edit, const char* statusKey)
{
    commitViews();
    guarded([&] {
        edit(m_draft);
        m_dirty = true;
        clampSelection(m_selection, m_item, m_draft, m_question);
        if (m_found)
        {
            // The selections are by position; the document keeps the order the draft has.
            const aa::PanelSelection selection = m_selection;
            const auto item = m_item;
            afterWrite(writeDraft(), statusKey);
            m_selection = selection;
            m_item = item;
            clampSelection(m_selection, m_item, m_draft, m_question);
        }
        else
            setStatus(strings().get("panel.status.noAnalysis"), false);
    });
    notify();
}

void DeckSession::addIssue(const std::string& title)
{
    if (aa::isBlank(title))
    {
        setStatus(strings().get("panel.error.blankTitle"), true);
        notify();
        return;
    }
    change([&](aa::Analysis& a) { m_selection.issue = aa::addIssue(a, title); });
    if (!m_draft.issues.empty())
        m_selection.issue = m_draft.issues.size() - 1;
    notify();
}

void DeckSession::renameIssue(const std::string& title)
{
    if (!m_selection.issue || aa::isBlank(title))
    {
        setStatus(strings().get(m_selection.issue ? "panel.error.blankTitle" : "panel.noIssueSelected"), true);
        notify();
        return;
    }
    const std::size_t index = *m_selection.issue;
    change([&](aa::Analysis& a) {
        std::string clean = title;
        std::replace(clean.begin(), clean.end(), '\n', ' ');
        std::replace(clean.begin(), clean.end(), '\r', ' ');
        a.issues[index].title = clean;
    });
}

void DeckSession::setVoice(aa::Voice voice, bool on)
{
    if (!m_selection.issue)
        return;
    const std::size_t index = *m_selection.issue;
    const auto& voices = m_draft.issues[index].raisedBy;
    if ((std::find(voices.begin(), voices.end(), voice) != voices.end()) == on)
        return;
    change([&](aa::Analysis& a) {
        std::vector<aa::Voice>& v = a.issues[index].raisedBy;
        if (on)
            v.push_back(voice);
        else
            v.erase(std::remove(v.begin(), v.end(), voice), v.end());
        std::sort(v.begin(), v.end());
    });
}

void DeckSession::setAdultVoices(const std::vector<std::string>& adultIds)
{
    if (!m_selection.issue)
        return;
    const std::size_t index = *m_selection.issue;
    std::vector<std::string> ordered;
    for (const aa::Adult& adult : m_draft.adults)
        if (std::find(adultIds.begin(), adultIds.end(), adult.id) != adultIds.end())
            ordered.push_back(adult.id);
    if (ordered == m_draft.issues[index].raisedByAdults)
        return;
    change([&](aa::Analysis& a) { a.issues[index].raisedByAdults = ordered; });
}

void DeckSession::removeIssue()
{
    commitViews();
    guarded([&] {
        if (!m_selection.issue)
            throw aa::InputError(strings().get("panel.noIssueSelected"));
        const std::size_t index = *m_selection.issue;
        if (!m_found)
        {
            m_draft.issues.erase(m_draft.issues.begin() + static_cast<std::ptrdiff_t>(index));
            selectIssue(index > 0 ? std::optional<std::size_t>(index - 1) : std::optional<std::size_t>(0));
            return;
        }
        const std::string id = m_draft.issues[index].id;
        if (m_dirty)
            writeDraft();
        afterWrite(m_commands.removeIssue(document(), id), "panel.status.removed");
        selectIssue(index > 0 ? std::optional<std::size_t>(index - 1) : std::optional<std::size_t>(0));
    });
    notify();
}

void DeckSession::moveIssue(bool up)
{
    commitViews();
    guarded([&] {
        if (!m_selection.issue)
            throw aa::InputError(strings().get("panel.noIssueSelected"));
        const std::size_t index = *m_selection.issue;
        if ((up && index == 0) || (!up && index + 1 >= m_draft.issues.size()))
            throw aa::InputError(strings().get(up ? "error.issueFirst" : "error.issueLast"));
        const std::size_t target = up ? index - 1 : index + 1;
        if (!m_found)
        {
            std::swap(m_draft.issues[index], m_draft.issues[target]);
            m_selection.issue = target;
            return;
        }
        const std::string id = m_draft.issues[index].id;
        if (m_dirty)
            writeDraft();
        afterWrite(m_commands.moveIssue(document(), id, up), "panel.status.moved");
        m_selection.issue = target;
    });
    notify();
}

void DeckSession::addAdult(const std::string& name, const std::string& relationship)
{
    if (aa::isBlank(name))
    {
        setStatus(strings().get("panel.error.blankName"), true);
        notify();
        return;
    }
    change([&](aa::Analysis& a) { aa::addAdult(a, name, relationship); });
    if (!m_draft.adults.empty())
        m_selection.adult = m_draft.adults.size() - 1;
    notify();
}

void DeckSession::changeAdult(const std::string& name, const std::string& relationship)
{
    if (!m_selection.adult || aa::isBlank(name))
    {
        setStatus(strings().get(m_selection.adult ? "panel.error.blankName" : "panel.noAdultSelected"), true);
        notify();
        return;
    }
    const std::size_t index = *m_selection.adult;
    change([&](aa::Analysis& a) {
        aa::Adult& adult = a.adults[index];
        const aa::Adult renamed = a.adults[aa::addAdult(a, name, relationship)];
        a.adults.pop_back();
        adult.name = renamed.name;
        adult.relationship = renamed.relationship;
    });
}

void DeckSession::removeAdult()
{
    if (!m_selection.adult)
        return;
    const std::size_t index = *m_selection.adult;
    change([&](aa::Analysis& a) { aa::removeAdult(a, index); }, "panel.status.adultRemoved");
}

namespace
{
std::optional<aa::ListKind> listOf(aa::QuestionKey key)
{
    if (key.kind != aa::QuestionKey::Kind::List)
        return std::nullopt;
    return static_cast<aa::ListKind>(key.index);
}
} // namespace

void DeckSession::addItem(const std::string& text)
{
    const auto kind = listOf(m_question);
    if (!kind || aa::isBlank(text))
    {
        setStatus(strings().get("panel.error.blankItem"), true);
        notify();
        return;
    }
    change([&](aa::Analysis& a) { m_item = aa::addItem(a, *kind, text); });
    if (kind && !m_draft.lists[static_cast<std::size_t>(*kind)].empty())
        m_item = m_draft.lists[static_cast<std::size_t>(*kind)].size() - 1;
    notify();
}

void DeckSession::changeItem(const std::string& text)
{
    const auto kind = listOf(m_question);
    if (!kind || !m_item || aa::isBlank(text))
        return;
    const std::size_t index = *m_item;
    if (m_draft.lists[static_cast<std::size_t>(*kind)][index].text == text)
        return;
    change([&](aa::Analysis& a) { aa::setItemText(a, *kind, index, text); });
}

void DeckSession::removeItem()
{
    const auto kind = listOf(m_question);
    if (!kind || !m_item)
        return;
    const std::size_t index = *m_item;
    change([&](aa::Analysis& a) { aa::removeItem(a, *kind, index); });
}

void DeckSession::moveItem(bool up)
{
    const auto kind = listOf(m_question);
    if (!kind || !m_item)
        return;
    const std::size_t index = *m_item;
    const std::size_t size = m_draft.lists[static_cast<std::size_t>(*kind)].size();
    if ((up && index == 0) || (!up && index + 1 >= size))
        return;
    change([&](aa::Analysis& a) { aa::moveItem(a, *kind, index, up); });
    m_item = up ? index - 1 : index + 1;
    notify();
}

void DeckSession::setItemTies(const std::vector<std::string>& issues, const std::vector<std::string>& adults,
                              const std::vector<std::string>& items)
{
    const auto kind = listOf(m_question);
    if (!kind || !m_item)
        return;
    const std::size_t index = *m_item;
    aa::Analysis tied = m_draft;
    aa::setItemTies(tied, *kind, index, issues, adults, items);
    if (tied.lists == m_draft.lists)
        return;
    change([&](aa::Analysis& a) { aa::setItemTies(a, *kind, index, issues, adults, items); });
}

void DeckSession::setItemMust(bool must, const std::string& ifNot)
{
    if (!m_item || !(m_question == aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen)))
        return;
    const std::size_t index = *m_item;
    aa::Analysis changed = m_draft;
    aa::setItemMust(changed, index, must, ifNot);
    if (changed.lists == m_draft.lists)
        return;
    change([&](aa::Analysis& a) { aa::setItemMust(a, index, must, ifNot); });
}

void DeckSession::runReview()
{
    commitViews();
    guarded([&] {
        m_findings = m_commands.review(document());
        m_reviewed = true;
        setStatus(m_findings.empty() ? strings().get("panel.review.clean") : aa::findingCounts(m_findings), false);
    });
    notify();
}

void DeckSession::addReviewComments(bool includeJudgements)
{
    commitViews();
    const bool done = guarded([&] {
        // Signed with the reviewer's name; asked for once when LibreOffice knows none.
        const std::string reviewer = reviewerNameAskingOnce(
            m_xContext, uno::Reference<awt::XWindowPeer>(m_xFrame->getContainerWindow(), uno::UNO_QUERY));
        const writer::CommentResult counts = m_commands.reviewComments(
            document(), reviewer, {}, includeJudgements ? writer::CommentKinds::All : writer::CommentKinds::Certain);
        setStatus(strings().format("dialog.review.done", { std::to_string(counts.added), std::to_string(counts.kept),
                                                           std::to_string(counts.removed) }),
                  false);
    });
    if (done)
    {
        const std::string status = m_status;
        runReview();
        setStatus(status, false);
    }
    notify();
}

void DeckSession::dismissFinding(std::size_t finding)
{
    guarded([&] {
        if (finding >= m_findings.size() || m_findings[finding].kind != aa::FindingKind::Judgement)
            return;
        m_commands.dismiss(document(), m_findings[finding].key);
        m_findings.erase(m_findings.begin() + static_cast<std::ptrdiff_t>(finding));
        setStatus(strings().get("panel.review.dismissed"), false);
    });
    notify();
}

void DeckSession::goToFinding(std::size_t finding)
{
    guarded([&] {
        if (finding < m_findings.size())
            goTo(m_findings[finding].place);
    });
    notify();
}

void DeckSession::cursorMoved()
{
    if (m_busy)
        return;
    // What a cursor move costs inside Writer, for the benchmark (lastTiming "cursorMoved").
    struct Measure
    {
        std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
        ~Measure()
        {
            writer::recordTiming("cursorMoved", std::chrono::duration_cast<std::chrono::microseconds>(
                                                    std::chrono::steady_clock::now() - start)
                                                    .count());
        }
    } measure;
    writer::logFailures("panel: following the cursor", [&] {
        const auto xDoc = document();
        uno::Reference<text::XTextViewCursorSupplier> xSupplier(xDoc->getCurrentController(), uno::UNO_QUERY);
        if (!xSupplier.is())
            return;
        auto xView = xSupplier->getViewCursor();
        // Only the body text holds the analysis's questions (the plan table has its own text).
        const uno::Reference<text::XText> xText = xView->getText();
        if (!xText.is() || xText != xDoc->getText())
            return;
        OUString aStyle;
        uno::Reference<beans::XPropertySet>(xView, uno::UNO_QUERY_THROW)->getPropertyValue("ParaStyleName") >>= aStyle;
        const aa::StyleRole role = aa::roleOfStyle(toUtf8(aStyle));
        if (role.role == aa::Role::None)
            return;
        // Typing stays in one paragraph: nothing more to do until the cursor leaves it.
        auto xPara = xText->createTextCursorByRange(xView->getStart());
        uno::Reference<text::XParagraphCursor> xParaCursor(xPara, uno::UNO_QUERY_THROW);
        xParaCursor->gotoStartOfParagraph(false);
        uno::Reference<text::XTextRangeCompare> xCompare(xText, uno::UNO_QUERY_THROW);
        if (m_lastParagraph.is() && xCompare->compareRegionStarts(m_lastParagraph, xPara->getStart()) == 0)
            return;
        m_lastParagraph = xPara->getStart();
        xParaCursor->gotoEndOfParagraph(true);
        const std::string paragraphText = toUtf8(xPara->getString());
        const auto key = aa::questionKeyAt(role, paragraphText);
        if (!key)
            return;
        // Read the document again when it changed, or when this paragraph is not what the panel
        // holds (edited by hand).
        // What was typed in the panel goes into the draft first, so a reload cannot drop it.
        commitViews();
        if (m_stale || (role.role != aa::Role::Question && !aa::analysisHasParagraph(m_draft, *key, paragraphText)))
            refreshFromDocument();
        if (!(*key == aa::QuestionKey::title()))
            selectQuestion(*key);
        // The issue (or adult) is the one whose heading is the nearest above the cursor.
        const bool perIssue = key->perIssue();
        const bool perAdult = key->perAdult();
        if (perIssue || perAdult)
        {
            auto xWalk = xText->createTextCursorByRange(xView->getStart());
            uno::Reference<text::XParagraphCursor> xWalkPara(xWalk, uno::UNO_QUERY_THROW);
            uno::Reference<beans::XPropertySet> xWalkProps(xWalk, uno::UNO_QUERY_THROW);
            const OUString aHeadingStyle = fromUtf8(
                aa::styleName(perIssue ? aa::Role::IssueTitle : aa::Role::AdultName));
            for (int steps = 0; steps < 2000; ++steps)
            {
                OUString aWalkStyle;
                xWalkProps->getPropertyValue("ParaStyleName") >>= aWalkStyle;
                if (aWalkStyle == aHeadingStyle)
                {
                    xWalkPara->gotoStartOfParagraph(false);
                    xWalkPara->gotoEndOfParagraph(true);
                    const std::string heading = toUtf8(xWalk->getString());
                    if (perIssue)
                    {
                        for (std::size_t i = 0; i < m_draft.issues.size(); ++i)
                            if (m_draft.issues[i].title == heading)
                            {
                                m_selection.issue = i;
                                break;
                            }
                    }
                    else
                        for (std::size_t i = 0; i < m_draft.adults.size(); ++i)
                            if (aa::adultHeading(m_draft.adults[i]) == heading)
                            {
                                m_selection.adult = i;
                                break;
                            }
                    break;
                }
                if (!xWalkPara->gotoPreviousParagraph(false))
                    break;
            }
        }
        notify();
    });
}

void DeckSession::refreshFromDocument()
{
    if (!m_dirty)
    {
        reload();
        return;
    }
    // Changes typed in the panel are pending: what the document holds now comes in beside them.
    guarded([&] {
        const aa::ReadResult current = m_commands.read(document());
        m_stale = false;
        if (!current.found)
            return;
        std::vector<aa::QuestionKey> conflicts;
        m_draft = aa::mergePanelEdits(m_base, m_draft, current.analysis, &conflicts);
        m_base = current.analysis;
        m_conflicts.insert(m_conflicts.end(), conflicts.begin(), conflicts.end());
        clampSelection(m_selection, m_item, m_draft, m_question);
    });
}

void DeckSession::refreshIfStale()
{
    if (!m_stale || m_busy)
        return;
    writer::logFailures("panel: reading what was typed in the document", [&] {
        refreshFromDocument();
        notify();
    });
}
} // namespace aa::sidebar
