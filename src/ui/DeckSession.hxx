// The state the deck's panels share for one Writer frame: the analysis as the panels show it,
// the selected issue and question, the review's findings, the last status message. Buttons call
// the typed commands (writer::Commands): the same ones the scripting API and the menu call.
//
// Everything here runs on Writer's UI thread (sidebar events, selection and modify events).
#pragma once

#include "Analysis.hpp"
#include "Commands.hxx"
#include "Panel.hpp"
#include "Review.hpp"
#include "UnoString.hxx"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aa::sidebar
{
/// A panel showing the session: told to show it again, and to hand over what was typed.
class SessionView
{
public:
    virtual ~SessionView() = default;
    virtual void refresh() = 0;
    /// Puts text typed but not yet taken into the draft (the answer field).
    virtual void commitTyping() {}
};

class DeckSession
{
public:
    /// The session of the frame, created on first use; shared by the frame's panels.
    static std::shared_ptr<DeckSession> forFrame(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                                                 const css::uno::Reference<css::frame::XFrame>& xFrame);
    DeckSession(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                const css::uno::Reference<css::frame::XFrame>& xFrame);
    ~DeckSession();
    DeckSession(const DeckSession&) = delete;
    DeckSession& operator=(const DeckSession&) = delete;

    void addView(SessionView* view);
    void removeView(SessionView* view);
    /// Asks every panel to show the session again.
    void notify();

    // What the panels show.
    const aa::Analysis& draft() const { return m_draft; }
    aa::Analysis& editDraft()
    {
        m_dirty = true;
        return m_draft;
    }
    bool inDocument() const { return m_found; }
    bool dirty() const { return m_dirty; }
    bool readOnly() const { return m_readOnly; }
    std::optional<std::size_t> issue() const { return m_selection.issue; }
    std::optional<std::size_t> adult() const { return m_selection.adult; }
    const aa::PanelSelection& selection() const { return m_selection; }
    aa::QuestionKey question() const { return m_question; }
    std::optional<std::size_t> item() const { return m_item; }
    const std::string& status() const { return m_status; }
    bool statusIsError() const { return m_statusError; }
    const std::vector<aa::Finding>& findings() const { return m_findings; }
    bool reviewed() const { return m_reviewed; }

    void selectIssue(std::optional<std::size_t> issue);
    void selectAdult(std::optional<std::size_t> adult);
    void selectQuestion(aa::QuestionKey key);
    void selectItem(std::optional<std::size_t> item) { m_item = item; }
    void setStatus(const std::string& text, bool error);

    /// Reads the document again, unless the panels hold changes not yet written.
    void reload();
    /// Before the panel shows an answer for editing: the document's current text where it
    /// changed since the panel read it (only when the document changed: no work per keystroke).
    void refreshIfStale();

    // The buttons. Each catches everything and reports it in the status.
    void insert();
    void update();
    void updatePlan();
    void goToQuestion();
    void addIssue(const std::string& title);
    void renameIssue(const std::string& title);
    void setVoice(aa::Voice voice, bool on);
    void setAdultVoices(const std::vector<std::string>& adultIds);
    void removeIssue();
    void moveIssue(bool up);
    void addAdult(const std::string& name, const std::string& relationship);
    void changeAdult(const std::string& name, const std::string& relationship);
    void removeAdult();
    /// The list items of the selected list question.
    void addItem(const std::string& text);
    void changeItem(const std::string& text);
    void removeItem();
    void moveItem(bool up);
    void setItemTies(const std::vector<std::string>& issues, const std::vector<std::string>& adults,
                     const std::vector<std::string>& items);
    void setItemMust(bool must, const std::string& ifNot);
    void runReview();
    void addReviewComments(bool includeJudgements);
    void goToFinding(std::size_t finding);
    void dismissFinding(std::size_t finding);

    /// The cursor moved (a selection change): follows it into the analysis. Cheap when the
    /// cursor stays in the same paragraph or is outside the analysis.
    void cursorMoved();
    /// The document changed: the next time the cursor enters another paragraph, read it again.
    void documentModified() { m_stale = true; }
    /// The sidebar or frame goes away.
    void detach();
    /// Asks every panel to hand over what was typed (before the selection changes).
    void commitViews();

    /// The frame's document now (following a switch to another document first).
    css::uno::Reference<css::text::XTextDocument> document();
    const css::uno::Reference<css::frame::XFrame>& frame() const { return m_xFrame; }
    /// Another document was loaded into the frame: start again from it.
    void documentSwitched();

private:
    /// Runs change, reporting any failure in the status; true when it succeeded.
    template <typename F> bool guarded(F&& change);
    /// Writes the draft, merged with what the document holds now (mergePanelEdits), through
    /// the update command; notes conflicts for the status. Returns the analysis written.
    aa::Analysis writeDraft();
    /// A change to the draft made in the panels: applied to the draft, and written to the
    /// document at once where the analysis is there (statusKey then the message).
    void change(const std::function<void(aa::Analysis&)>& edit, const char* statusKey = "panel.status.updated");
    /// After a command wrote: the panels take the analysis it answered with; statusKey the
    /// message to show.
    void afterWrite(const aa::Analysis& written, const char* statusKey);
    void goTo(const aa::Place& place);
    /// Reads the document again; with changes pending in the panel, merges them with it.
    void refreshFromDocument();
    void listen();

    css::uno::Reference<css::uno::XComponentContext> m_xContext;
    css::uno::Reference<css::frame::XFrame> m_xFrame;
    writer::Commands m_commands;
    css::uno::Reference<css::uno::XInterface> m_xListener; ///< selection, modify, undo, frame events
    css::uno::Reference<css::frame::XController> m_xListenedController;
    css::uno::Reference<css::frame::XModel> m_xListenedModel;
    std::vector<SessionView*> m_views;

    aa::Analysis m_draft;
    aa::Analysis m_base;                      ///< the analysis as last read from the document
    std::vector<aa::QuestionKey> m_conflicts; ///< questions both the panel and the document changed
    bool m_found = false;
    bool m_dirty = false;
    bool m_readOnly = false;
    bool m_stale = true;
    bool m_busy = false; ///< a command is running: our own edits move the cursor too
    aa::PanelSelection m_selection;
    aa::QuestionKey m_question = aa::QuestionKey::of(aa::Topic::Safety);
    std::optional<std::size_t> m_item; ///< the selected item of a list question
    std::string m_status;
    bool m_statusError = false;
    std::vector<aa::Finding> m_findings;
    bool m_reviewed = false;
    css::uno::Reference<css::text::XTextRange> m_lastParagraph; ///< where the cursor was
};
} // namespace aa::sidebar
