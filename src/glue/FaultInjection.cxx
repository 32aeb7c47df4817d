#include "FaultInjection.hxx"

#include "Errors.hpp"
#include "UnoString.hxx"

#include <com/sun/star/uno/RuntimeException.hpp>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace aa::writer
{
namespace
{
thread_local std::string armed;

bool allowed()
{
    static const bool allow = [] {
        const char* value = std::getenv("AA_ALLOW_FAULT_INJECTION");
        return value && std::string(value) == "1";
    }();
    return allow;
}
} // namespace

void armFault(const std::string& name) { armed = allowed() ? name : std::string(); }

void disarmFault() { armed.clear(); }

void faultPoint(const char* point)
{
    if (armed.empty() || (armed != point && armed != "crash" && armed != "hang"))
        return;
    const std::string name = armed;
    armed.clear();
    if (name == "crash")
        std::abort();
    while (name == "hang")
        std::this_thread::sleep_for(std::chrono::hours(1));
    if (name == "core")
        throw aa::InputError("Injected fault in the core.");
    if (name == "std")
        throw std::runtime_error("injected std::exception");
    if (name == "unknown")
        throw 42;
    throw css::uno::RuntimeException("injected UNO exception at " + OUString::createFromAscii(point));
}
} // namespace aa::writer
