// The supervisor's side in the document: review findings as comments, the report around the
// analysis (prompts left, the supervision record), the supervision record itself, dismissed
// judgements.
#pragma once

#include "DocumentReader.hxx"
#include "Review.hpp"

#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <set>
#include <string>

namespace aa::writer
{
struct CommentResult
{
    std::size_t added = 0;   ///< new comments
    std::size_t kept = 0;    ///< findings that already had their comment
    std::size_t removed = 0; ///< comments of this reviewer's earlier reviews whose finding is resolved
};

/// Writes each certain finding (and each judgement, with includeJudgements) as a comment under
/// the reviewer's name, dated now, at its place in the document, once: a finding that already
/// has its comment gets no second one. This reviewer's review comments whose finding is no
/// longer among findings (resolved, or a judgement dismissed) are removed. One undo step.
CommentResult addReviewComments(const css::uno::Reference<css::text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                                const aa::ReadResult& current, const std::vector<aa::Finding>& findings,
                                const std::string& reviewer, bool includeJudgements);

/// The paragraph (or plan cell) a place in the analysis points to; the analysis's first
/// paragraph when the place is gone; empty when there is no analysis.
css::uno::Reference<css::text::XTextRange> anchorFor(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                                                     const DocumentBlocks& blocks, const aa::ReadResult& current,
                                                     const aa::Place& place);

/// What the report around the analysis holds: the prompts (the template's placeholders) still
/// in its own sections, and the supervision record's entries.
aa::ReportFacts reportFacts(const css::uno::Reference<css::text::XTextDocument>& xDoc, const DocumentBlocks& blocks);

/// Appends a row to the supervision record table (creating the table the first time: at the
/// template's place for it, or after the analysis under its own heading). Earlier rows are
/// never touched. One undo step.
void appendSupervision(const css::uno::Reference<css::text::XTextDocument>& xDoc, const DocumentBlocks& blocks,
                       const aa::ReadResult& current, const aa::SupervisionEntry& entry);

/// The judgements dismissed for this document, kept in a document property (which .odt and
/// .docx both keep), and storing them (one undo step is not needed: it is not the text).
std::set<std::string> dismissedJudgements(const css::uno::Reference<css::text::XTextDocument>& xDoc);
void storeDismissedJudgements(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                              const std::set<std::string>& keys);
} // namespace aa::writer
