// The extension's log: a file in the user's LibreOffice profile. Never holds document text or
// names: only commands, counts, timings and error messages that we wrote ourselves.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <spdlog/logger.h>

namespace aa::writer
{
/// Opens <profile>/assessment-analysis/assessment-analysis.log once; later calls do nothing.
/// Failure to open the file leaves logging silent; it never throws.
void initLogging(const css::uno::Reference<css::uno::XComponentContext>& xContext) noexcept;

/// The logger (silent until initLogging succeeds).
spdlog::logger& log() noexcept;
} // namespace aa::writer
