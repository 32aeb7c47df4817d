// The commands, typed: one C++ layer that the scripting service, the menu commands and the deck
// all call, taking and returning the core's types. JSON belongs to the scripting service only.
//
// Each command reads the document once (readDocument), asks the core what to do, applies it,
// and refuses, changing nothing, where the document cannot be changed. A command that writes
// answers with the analysis the document now holds, worked out from what it read and what it
// wrote; with readBack it reads the document again instead (the proof, for scripts that want it).
#pragma once

#include "DocumentReader.hxx"
#include "DocumentReview.hxx"
#include "Review.hpp"

#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <string>
#include <vector>

namespace aa::writer
{
/// A document read once: its blocks, with the live Writer objects behind them, and the analysis
/// found in them.
struct DocumentState
{
    DocumentBlocks blocks;
    aa::ReadResult current;
};

/// Reads the document's blocks and the analysis in them.
DocumentState readDocument(const css::uno::Reference<css::text::XTextDocument>& xDoc);
/// readDocument, refusing with aa::InputError (error.noAnalysis) when there is no analysis.
DocumentState readExisting(const css::uno::Reference<css::text::XTextDocument>& xDoc);

/// Which findings a review writes as comments.
enum class CommentKinds
{
    Certain, ///< the certain findings only (the default)
    All,     ///< the judgements too, when the reviewer asks for them
};

class Commands
{
public:
    explicit Commands(const css::uno::Reference<css::uno::XComponentContext>& xContext);

    /// Inserts the analysis (see insertAnalysis: at the template's places, or at the cursor).
    /// It is validated as the JSON would be; items get their ids and, when the caller left the
    /// plan out (hasPlan false), the plan is derived from the items, so every plan row is tied to
    /// its item. Returns the analysis as inserted.
    aa::Analysis insert(const css::uno::Reference<css::text::XTextDocument>& xDoc, aa::Analysis analysis) const;

    /// The analysis in the document (empty, found false, when there is none).
    aa::ReadResult read(const css::uno::Reference<css::text::XTextDocument>& xDoc) const;

    /// What to write, worked out from the analysis as the document holds it now.
    using DesiredFrom = std::function<aa::Analysis(const aa::Analysis& current)>;

    /// Writes desired(current) into the existing structure, in place (aa::planUpdate), after
    /// validating it (ParseMode::Update). Returns the analysis the document now holds.
    aa::Analysis update(const css::uno::Reference<css::text::XTextDocument>& xDoc, const DesiredFrom& desired,
                        bool readBack = false) const;
    aa::Analysis update(const css::uno::Reference<css::text::XTextDocument>& xDoc, const aa::Analysis& desired,
                        bool readBack = false) const;

    /// Brings the plan table in line with the analysis (aa::planPlanUpdate).
    aa::Analysis updatePlan(const css::uno::Reference<css::text::XTextDocument>& xDoc, bool readBack = false) const;

    /// Removes the issue with this id, or moves it one place up or down. aa::InputError when
    /// the id is not in the document.
    aa::Analysis removeIssue(const css::uno::Reference<css::text::XTextDocument>& xDoc, const std::string& id,
                             bool readBack = false) const;
    aa::Analysis moveIssue(const css::uno::Reference<css::text::XTextDocument>& xDoc, const std::string& id, bool up,
                           bool readBack = false) const;

    /// The supervisor's review of the analysis and the report around it, without the
    /// judgements dismissed for this document. today: YYYY-MM-DD, empty for today; the extra
    /// jargon words come from the options.
    std::vector<aa::Finding> review(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                                    const std::string& today = {}) const;

    /// The review written as comments under the reviewer's name (empty: the options' or
    /// LibreOffice's user name).
    CommentResult reviewComments(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                                 const std::string& reviewer = {}, const std::string& today = {},
                                 CommentKinds kinds = CommentKinds::Certain) const;

    /// Dismisses a judgement (by its key) for this document, or brings back every dismissed one.
    void dismiss(const css::uno::Reference<css::text::XTextDocument>& xDoc, const std::string& key) const;
    void undismissAll(const css::uno::Reference<css::text::XTextDocument>& xDoc) const;

    /// Appends an entry to the supervision record; the date defaults to today (written the way
    /// the document's language writes dates) and the reviewer to the reviewer's name.
    void addSupervision(const css::uno::Reference<css::text::XTextDocument>& xDoc, aa::SupervisionEntry entry) const;

private:
    aa::ReviewOptions reviewOptions(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                                    const DocumentState& state, const std::string& today) const;

    css::uno::Reference<css::uno::XComponentContext> m_xContext;
};

/// The document's language as a BCP 47 tag ("en-GB"), from its default character locale.
std::string documentLanguage(const css::uno::Reference<css::text::XTextDocument>& xDoc);
} // namespace aa::writer
