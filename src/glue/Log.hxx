// The extension's log: a file in the user's LibreOffice profile. Never holds document text or
// names: only commands, counts, timings and error messages that we wrote ourselves.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <spdlog/logger.h>

#include <string>

namespace aa::writer
{
/// Opens <profile>/assessment-analysis/assessment-analysis.log once; later calls do nothing.
/// Failure to open the file leaves logging silent; it never throws.
void initLogging(const css::uno::Reference<css::uno::XComponentContext>& xContext) noexcept;

/// The logger (silent until initLogging succeeds).
spdlog::logger& log() noexcept;

/// The exception being handled, described once for every catch ladder: its message, and
/// whether it is a refusal of the caller's input (aa::InputError, IllegalArgumentException: a
/// sentence for a person, not a failure). Call only inside a catch block.
struct CurrentException
{
    std::string message; ///< the exception's own message; "unknown failure" when it has none
    bool refusal = false;
};
CurrentException describeCurrentException() noexcept;

/// Logs the exception being handled (UNO, standard or unknown), naming where it was caught.
/// Call only inside a catch block.
void logCurrentException(const char* where) noexcept;

/// Runs f; when it throws, logs the exception and returns false. For the UNO entry points that
/// must never let an exception into Writer (panel handlers, listeners, the options page).
template <typename F> bool logFailures(const char* where, F&& f) noexcept
{
    try
    {
        f();
        return true;
    }
    catch (...)
    {
        logCurrentException(where);
        return false;
    }
}
} // namespace aa::writer
