#include "Timing.hxx"

#include "Utf8.hpp"

#include <boost/json.hpp>

#include <mutex>

namespace aa::writer
{
namespace
{
/// Shared by all instances: a macro usually creates a new service instance for every call.
struct LastTiming
{
    std::mutex mutex;
    std::string what;
    long long microseconds = 0;
};
LastTiming& last()
{
    static LastTiming timing;
    return timing;
}
} // namespace

void recordTiming(const std::string& what, long long microseconds)
{
    LastTiming& timing = last();
    std::lock_guard<std::mutex> lock(timing.mutex);
    timing.what = aa::truncateUtf8(what, 40);
    timing.microseconds = microseconds;
}

std::string lastTimingJson()
{
    LastTiming& timing = last();
    std::lock_guard<std::mutex> lock(timing.mutex);
    boost::json::object result;
    result["command"] = timing.what;
    result["microseconds"] = timing.microseconds;
    return boost::json::serialize(result);
}
} // namespace aa::writer
