// A 300-page report with a 100-issue analysis reads, updates and updates its plan correctly.
// Timings are printed for information; the benchmark (issue 6) measures them properly.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "Plan.hpp"
#include "Workload.hpp"

#include <chrono>
#include <iostream>

using namespace css;
using namespace aa::test;

namespace
{
double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

TEST(Scale, ThreeHundredPagesWithAHundredIssues)
{
    std::vector<std::string> report;
    for (int i = 0; i < 3000; ++i) // ~300 pages of ten paragraphs of ~50 words
        report.push_back(aa::bench::words("Report paragraph " + std::to_string(i), 48));
    auto doc = documentWith(report);
    Closer closer(doc);
    placeCursor(doc, 1500, 0);
    const std::string json = aa::toJson(aa::bench::bigAnalysis(100));
    const aa::Analysis expected = aa::withPlan(aa::parseAnalysis(json));

    auto start = std::chrono::steady_clock::now();
    AA_UNO(insert(doc, json));
    const double insertSeconds = secondsSince(start);
    start = std::chrono::steady_clock::now();
    std::string readBack;
    AA_UNO(readBack = read(doc));
    const double readSeconds = secondsSince(start);
    EXPECT_TRUE(aa::parseAnalysis(readBack, aa::Strings::builtIn(), aa::ParseMode::Update) == expected);

    aa::Analysis desired = expected;
    desired.issues[57].part(aa::IssuePart::ImpactOnChild) = "Changed impact for issue 58.";
    desired.list(aa::ListKind::WhatNeedsToHappen).push_back(makeItem("One more thing to help.", { "issue99" }));
    start = std::chrono::steady_clock::now();
    std::string updated;
    AA_UNO(updated = office().call("update", doc, aa::toJson(desired)));
    const double updateSeconds = secondsSince(start);
    start = std::chrono::steady_clock::now();
    std::string planned;
    AA_UNO(planned = office().call("updatePlan", doc));
    const double planSeconds = secondsSince(start);
    const aa::Analysis after = aa::parseAnalysis(planned, aa::Strings::builtIn(), aa::ParseMode::Update);
    EXPECT_EQ(after.issues[57].part(aa::IssuePart::ImpactOnChild), "Changed impact for issue 58.");
    ASSERT_EQ(after.plan.size(), 101u);
    EXPECT_EQ(after.plan[100].issues, std::vector<std::string>{ "issue99" });

    const std::string text = bodyText(doc);
    EXPECT_NE(text.find(report.front()), std::string::npos);
    EXPECT_NE(text.find(report[1499]), std::string::npos);
    EXPECT_NE(text.find(report.back()), std::string::npos);
    std::cout << "[ info ] 3000-paragraph report, 100 issues, over the bridge: insert " << insertSeconds << " s, read "
              << readSeconds << " s, update " << updateSeconds << " s, updatePlan " << planSeconds << " s\n";
}
