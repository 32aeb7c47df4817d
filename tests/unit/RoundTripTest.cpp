// Write, read back: the fragment the writer makes reads back as the analysis it was made from.
#include "TestSupport.hpp"

#include "Json.hpp"
#include "Plan.hpp"
#include "Review.hpp"

#include <gtest/gtest.h>

using namespace aa;

namespace
{
Analysis rich() { return withPlan(parseAnalysis(aa::test::readFile(AA_SAMPLES_DIR "/sample-analysis.json"))); }
} // namespace

TEST(RoundTrip, SampleReadsBackEqual)
{
    const Analysis a = rich();
    const ReadResult r = readAnalysis(aa::test::documentBlocks(a));
    ASSERT_TRUE(r.found);
    EXPECT_EQ(toJson(r.analysis), toJson(a));
}

TEST(RoundTrip, SampleRaisesNoFindingAboutTheAnalysis)
{
    const Analysis a = rich();
    ReviewOptions options;
    options.today = "2026-11-30";
    for (const Finding& f : review(a, options))
        ADD_FAILURE() << f.rule << ": " << f.message << " " << f.reason;
}
