// The state the deck's panels share for one Writer frame: the analysis as the panels show it,
// the selected issue and question, the review's findings, the last status message. Buttons call
// the typed commands (writer::Commands): the same ones the scripting API and the menu call.
//
// Everything here runs on Writer's UI thread (sidebar events, selection and modify events).
#pragma once

#include "Analysis.hpp"
#include "Commands.hxx"
#include "Review.hpp"
#include "UnoString.hxx"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>

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
    aa::Analysis& editDraft() { m_dirty = true; return m_draft; }
    bool inDocument() const { return m_found; }
    bool dirty() const { return m_dirty; }
    bool readOnly() const { return m_readOnly; }
    std::optional<std::size_t> issue() const { return m_issue; }
    const std::string& question() const { return m_question; }
    const std::string& status() const { return m_status; }
    bool statusIsError() const { return m_statusError; }
    const std::vector<aa::Finding>& findings() const { return m_findings; }
    bool reviewed() const { return m_reviewed; }

    void selectIssue(std::optional<std::size_t> issue);
    void selectQuestion(const std::string& key) { m_question = key; }
    void setStatus(const std::string& text, bool error);

    /// Reads the document again, unless the panels hold changes not yet written.
    void reload();

    // The buttons. Each catches everything and reports it in the status.
    void insert();
    void update();
    void updatePlan();
    void goToQuestion();
    void addIssue(const std::string& title);
    void renameIssue(const std::string& title);
    void setVoice(aa::Voice voice, bool on);
    void removeIssue();
    void moveIssue(bool up);
    void runReview();
    void addReviewComments();
    void goToFinding(std::size_t finding);

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
    /// After a command wrote: the panels take the analysis it answered with; statusKey the
    /// message to show.
    void afterWrite(const aa::Analysis& written, const char* statusKey);
    void goTo(const aa::Place& place);
    void listen();

    css::uno::Reference<css::uno::XComponentContext> m_xContext;
    css::uno::Reference<css::frame::XFrame> m_xFrame;
    writer::Commands m_commands;
    css::uno::Reference<css::uno::XInterface> m_xListener; ///< selection, modify, undo, frame events
    css::uno::Reference<css::frame::XController> m_xListenedController;
    css::uno::Reference<css::frame::XModel> m_xListenedModel;
    std::vector<SessionView*> m_views;

    aa::Analysis m_draft;
    aa::Analysis m_base; ///< the analysis as last read from the document
    std::vector<std::string> m_conflicts; ///< keys both the panel and the document changed
    bool m_found = false;
    bool m_dirty = false;
    bool m_readOnly = false;
    bool m_stale = true;
    bool m_busy = false; ///< a command is running: our own edits move the cursor too
    std::optional<std::size_t> m_issue;
    std::string m_question = "origins";
    std::string m_status;
    bool m_statusError = false;
    std::vector<aa::Finding> m_findings;
    bool m_reviewed = false;
    css::uno::Reference<css::text::XTextRange> m_lastParagraph; ///< where the cursor was
};
} // namespace aa::sidebar
