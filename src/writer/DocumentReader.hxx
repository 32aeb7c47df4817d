// Reads a Writer document into the core's blocks (document -> reader -> model).
#pragma once

#include "DocumentStructure.hpp"

#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>

#include <vector>

namespace aa::writer
{
/// The body text's paragraphs and tables in order, with the live Writer objects behind them
/// (parallel vectors), so that edits can find their place again.
struct DocumentBlocks
{
    std::vector<aa::Block> blocks;
    std::vector<css::uno::Reference<css::text::XTextContent>> handles;
};

/// Reads every body paragraph's style and text; bookmarks, links and fields only of paragraphs
/// that have text or one of our styles; every table's cells.
DocumentBlocks readBlocks(const css::uno::Reference<css::text::XTextDocument>& xDoc);
} // namespace aa::writer
