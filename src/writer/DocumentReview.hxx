// The supervisor's side in the document: review findings as comments, the supervision record.
#pragma once

#include "DocumentReader.hxx"
#include "Review.hpp"

#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace aa::writer
{
struct CommentResult
{
    std::size_t added = 0;   ///< new comments
    std::size_t kept = 0;    ///< findings that already had their comment
    std::size_t removed = 0; ///< comments of this reviewer's earlier reviews whose finding is resolved
};

/// Writes each finding as a comment under the reviewer's name at its place in the document,
/// once: a finding that already has its comment gets no second one, and this reviewer's review
/// comments whose finding is gone are removed. One undo step.
CommentResult addReviewComments(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                                const DocumentBlocks& blocks, const aa::ReadResult& current,
                                const std::vector<aa::Finding>& findings, const std::string& reviewer);

/// The paragraph (or plan cell) a place in the analysis points to; the analysis's first
/// paragraph when the place is gone; empty when there is no analysis.
css::uno::Reference<css::text::XTextRange> anchorFor(const DocumentBlocks& blocks, const aa::ReadResult& current,
                                                     const aa::Place& place);

/// The name in Tools > Options > LibreOffice > User Data ("" when none is set).
std::string userName(const css::uno::Reference<css::uno::XComponentContext>& xContext);

/// Appends a row to the supervision record table (creating the table, with its heading, after
/// the analysis when there is none). Earlier rows are never touched. One undo step.
void appendSupervision(const css::uno::Reference<css::text::XTextDocument>& xDoc,
                       const DocumentBlocks& blocks, const aa::ReadResult& current,
                       const aa::SupervisionEntry& entry);
} // namespace aa::writer
