// Reads a Writer document into the core's blocks (document -> reader -> model).
#pragma once

#include "DocumentStructure.hpp"

#include <com/sun/star/text/XTextDocument.hpp>

#include <vector>

namespace aa::writer
{
/// The body text's paragraphs and tables in order. Paragraphs whose style is not one of the
/// analysis styles carry only their style name (their text is never read). Tables carry their
/// cells only when their first cell has the plan header style.
std::vector<aa::Block> readBlocks(const css::uno::Reference<css::text::XTextDocument>& xDoc);
} // namespace aa::writer
