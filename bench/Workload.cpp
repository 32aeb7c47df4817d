#include "Workload.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace aa::bench
{
std::string words(const std::string& seed, int count)
{
    static const char* const vocabulary[] = { "the",   "family", "school", "because", "support", "mother",
                                              "child", "worker", "home",   "weekly",  "which",   "means" };
    std::string out = seed;
    for (int i = 0; i < count; ++i)
        out += std::string(" ") + vocabulary[(static_cast<std::size_t>(i) * 7 + seed.size()) % 12];
    return out + ".";
}

aa::Analysis bigAnalysis(int issues)
{
    aa::Analysis a;
    for (int i = 1; i <= issues; ++i)
    {
        aa::Issue issue;
        issue.id = "issue" + std::to_string(i);
        issue.title = "Issue number " + std::to_string(i);
        issue.raisedBy = { aa::Voice::Practitioner, aa::Voice::Child };
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
            issue.parts[p] = words("Part " + std::to_string(p) + " of " + std::to_string(i), 60);
        a.list(aa::ListKind::WhatWouldHelp).push_back({ words("Help for " + std::to_string(i), 20), { issue.id }, "" });
        a.list(aa::ListKind::SuccessSigns).push_back({ words("Sign for " + std::to_string(i), 15), { issue.id }, "" });
        a.issues.push_back(std::move(issue));
    }
    for (std::size_t c = 0; c < aa::considerationCount; ++c)
        a.considerations[c] = words("Consideration " + std::to_string(c), 60);
    return a;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}
} // namespace aa::bench
