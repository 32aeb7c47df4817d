// Fuzz target: the JSON reader and validator, schema 2 and schema 1. Any input either parses, or
// is refused with aa::InputError; what parses, with its plan, is valid to validateAnalysis (the
// deck's check of the same analysis built in C++), writes back to schema 2 JSON that parses to
// the same analysis, and builds an ODF package. Any other exception, crash or sanitizer report
// is a finding.
#include "Errors.hpp"
#include "Json.hpp"
#include "OdtFragment.hpp"
#include "Plan.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (aa::ParseMode mode : { aa::ParseMode::Insert, aa::ParseMode::Update })
    {
        aa::Analysis analysis;
        try
        {
            analysis = aa::parseAnalysis(text, aa::Strings::builtIn(), mode);
        }
        catch (const aa::InputError&)
        {
            continue;
        }
        const aa::Analysis withPlan = aa::withPlan(analysis);
        try
        {
            aa::validateAnalysis(withPlan, aa::Strings::builtIn(), mode);
        }
        catch (const aa::InputError&)
        {
            std::abort(); // what parses is valid
        }
        const aa::Analysis again = aa::parseAnalysis(aa::toJson(withPlan), aa::Strings::builtIn(), mode);
        if (!(again == withPlan))
            std::abort();
        if (aa::buildOdtFragment(withPlan).compare(0, 4, "PK\x03\x04") != 0)
            std::abort();
    }
    return 0;
}
