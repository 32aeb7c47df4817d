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
        for (std::size_t p = 0; p < aa::requiredIssueParts; ++p)
            issue.parts[p] = words("Part " + std::to_string(p) + " of " + std::to_string(i), 60);
        aa::Item need;
        need.text = words("Help for " + std::to_string(i), 20);
        need.issues = { issue.id };
        need.id = "need" + std::to_string(i);
        aa::Item sign;
        sign.text = words("Sign for " + std::to_string(i), 15);
        sign.items = { need.id };
        a.list(aa::ListKind::WhatNeedsToHappen).push_back(std::move(need));
        a.list(aa::ListKind::SuccessSigns).push_back(std::move(sign));
        a.issues.push_back(std::move(issue));
    }
    for (std::size_t t = 0; t < aa::topicCount; ++t)
        a.topics[t] = words("Topic " + std::to_string(t), 60);
    for (int n = 1; n <= 2; ++n)
    {
        aa::Adult adult;
        adult.id = "adult" + std::to_string(n);
        adult.name = "Adult " + std::to_string(n);
        adult.relationship = "parent";
        adult.part(aa::AdultPart::Understanding) = words("Understanding " + std::to_string(n), 60);
        adult.part(aa::AdultPart::Motivation) = words("Motivation " + std::to_string(n), 60);
        a.adults.push_back(std::move(adult));
    }
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
