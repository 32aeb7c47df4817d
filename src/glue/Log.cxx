#include "Log.hxx"

#include "Errors.hpp"
#include "UnoString.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/util/PathSubstitution.hpp>
#include <osl/file.hxx>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/null_sink.h>

#include <memory>
#include <mutex>

using namespace css;

namespace aa::writer
{
namespace
{
std::shared_ptr<spdlog::logger>& logger()
{
    static std::shared_ptr<spdlog::logger> instance = std::make_shared<spdlog::logger>(
        "assessment-analysis", std::make_shared<spdlog::sinks::null_sink_mt>());
    return instance;
}
std::once_flag initOnce;
} // namespace

void initLogging(const uno::Reference<uno::XComponentContext>& xContext) noexcept
{
    std::call_once(initOnce, [&xContext] {
        try
        {
            auto xSubst = util::PathSubstitution::create(xContext);
            const OUString aUserUrl = xSubst->substituteVariables("$(user)", true);
            OUString aUserPath;
            if (osl::FileBase::getSystemPathFromFileURL(aUserUrl, aUserPath) != osl::FileBase::E_None)
                return;
            const std::string path = aa::glue::toUtf8(aUserPath) + "/assessment-analysis/assessment-analysis.log";
            auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path);
            auto fileLogger = std::make_shared<spdlog::logger>("assessment-analysis", sink);
            fileLogger->set_pattern("%Y-%m-%d %H:%M:%S.%e %l %v");
            fileLogger->set_level(spdlog::level::info);
            fileLogger->flush_on(spdlog::level::info);
            logger() = fileLogger;
        }
        catch (...)
        {
            // Logging is a convenience: without a log file the extension still works.
        }
    });
}

spdlog::logger& log() noexcept { return *logger(); }

CurrentException describeCurrentException() noexcept
{
    try
    {
        try
        {
            throw;
        }
        catch (const aa::InputError& e)
        {
            return { e.what(), true };
        }
        catch (const lang::IllegalArgumentException& e)
        {
            return { aa::glue::toUtf8(e.Message), true };
        }
        catch (const uno::Exception& e)
        {
            return { aa::glue::toUtf8(e.Message), false };
        }
        catch (const std::exception& e)
        {
            return { e.what(), false };
        }
        catch (...)
        {
            return { "unknown failure", false };
        }
    }
    catch (...) // building the message itself failed (no memory)
    {
        return {};
    }
}

void logCurrentException(const char* where) noexcept
{
    const CurrentException e = describeCurrentException();
    try
    {
        log().error("{}: {}", where, e.message);
    }
    catch (...)
    {
    }
}

} // namespace aa::writer
