// Reports written with the released version (schema 1, tests/fixtures/schema1): they read, the
// deck's update brings them to the current structure, and they save again, with every word the
// practitioner wrote and every typed plan cell kept.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace css;
using namespace aa::test;

namespace
{
const std::string handSentence = "Added by hand: Ms Green says the damp in the bedroom has got worse since October.";
const std::string typedWho = "Ms Green, with the housing officer (Mr Ali)";

/// What the practitioner wrote: every paragraph of the report and of the analysis that is not
/// one of the extension's own headings, labels or "identified by" lines (those are worded by
/// the extension and may be reworded), and every cell of the plan's rows.
std::vector<std::string> practitionersText(const uno::Reference<text::XTextDocument>& doc)
{
    static const std::set<std::string> wordedByUs = { "Analysis Heading", "Analysis Subheading", "Analysis Question",
                                                      "Analysis Raised By" };
    std::vector<std::string> texts;
    for (const Para& p : bodyParagraphs(doc))
        if (!wordedByUs.count(p.style) && p.style != "<table>" && !p.text.empty())
            texts.push_back(p.text);
    const auto xTable = planTable(doc);
    if (!xTable.is())
        return texts;
    const sal_Int32 rows = xTable->getRows()->getCount(), columns = xTable->getColumns()->getCount();
    for (sal_Int32 r = 1; r < rows; ++r)
        for (sal_Int32 c = 0; c < columns; ++c)
            if (const std::string text = aa::glue::toUtf8(cell(xTable, c, r)->getString()); !text.empty())
                texts.push_back(text);
    return texts;
}

void expectAllThere(const std::vector<std::string>& texts, const uno::Reference<text::XTextDocument>& doc,
                    const std::string& when)
{
    const std::string body = bodyText(doc);
    for (const std::string& text : texts)
        EXPECT_NE(body.find(text), std::string::npos) << when << ": lost \"" << text << "\"";
}

class SchemaOne : public ::testing::TestWithParam<std::pair<std::string, std::string>>
{
};
} // namespace

TEST_P(SchemaOne, ReadsUpdatesAndSavesWithEveryWordAndTypedCellKept)
{
    const auto& [extension, filter] = GetParam();
    // A copy: the fixture stands for a report in a user's hands and is never changed.
    const std::string copy = workDir() + "/schema1-copy" + extension;
    std::filesystem::copy_file(std::string(AA_FIXTURES_DIR) + "/schema1/schema1-sample" + extension, copy,
                               std::filesystem::copy_options::overwrite_existing);
    uno::Reference<text::XTextDocument> doc(office().load(aa::client::fileUrl(copy)), uno::UNO_QUERY_THROW);
    Closer closer(doc);
    const std::vector<std::string> before = practitionersText(doc);
    ASSERT_NE(std::find(before.begin(), before.end(), typedWho), before.end()) << "the fixture's typed cell";

    // Read: the analysis as the released version wrote it, in schema 2.
    std::string json;
    AA_UNO(json = read(doc));
    const aa::Analysis read1 = parseRead(json);
    const aa::Analysis released = aa::parseAnalysis(
        readFile(std::string(AA_FIXTURES_DIR) + "/schema1/sample-analysis-schema1.json"));
    ASSERT_EQ(read1.issues.size(), released.issues.size());
    for (std::size_t i = 0; i < released.issues.size(); ++i)
        EXPECT_EQ(read1.issues[i].title, released.issues[i].title);
    EXPECT_NE(read1.issues[0].part(aa::IssuePart::Origins).find(handSentence), std::string::npos);
    ASSERT_FALSE(read1.plan.empty());
    EXPECT_EQ(read1.plan[0].cell(aa::PlanColumn::Who), typedWho);
    EXPECT_EQ(read1.list(aa::ListKind::WhatNeedsToHappen).size(),
              released.list(aa::ListKind::WhatNeedsToHappen).size());
    ASSERT_FALSE(read1.adults.empty()) << "the parents' answers become an adult's";

    // The deck's way: update with what is there, then the action plan.
    std::string updated, planned;
    AA_UNO(updated = office().call("update", doc, json));
    AA_UNO(planned = office().call("updatePlan", doc));
    const aa::Analysis after = parseRead(read(doc));
    EXPECT_EQ(aa::toJson(after), aa::toJson(parseRead(planned)));
    EXPECT_EQ(after.issues.size(), read1.issues.size());
    EXPECT_EQ(after.plan.size(), read1.plan.size()) << "no row added twice, none lost";
    EXPECT_EQ(after.plan[0].cell(aa::PlanColumn::Who), typedWho);
    expectAllThere(before, doc, "after update");
    // In the current structure: the sections' current headings, none of the released ones.
    const std::string body = bodyText(doc);
    const aa::Strings& strings = aa::Strings::builtIn();
    for (const char* key : { "section.safety", "section.weighingUp", "section.whatNeedsToHappen" })
        EXPECT_NE(body.find("\n" + strings.get(key) + "\n"), std::string::npos) << key;
    EXPECT_EQ(body.find("\nFurther questions\n"), std::string::npos);
    EXPECT_EQ(body.find("\nWhat would help to make things better\n"), std::string::npos);

    // Saved in its own format and opened again: the same analysis, the same words.
    uno::Reference<text::XTextDocument> reloaded;
    AA_UNO(reloaded = roundTrip(doc, "schema1-saved" + extension, filter));
    Closer closeReloaded(reloaded);
    EXPECT_TRUE(parseRead(read(reloaded)) == after)
        << firstDifference(aa::toJson(parseRead(read(reloaded))), aa::toJson(after));
    expectAllThere(before, reloaded, "after saving");
}

INSTANTIATE_TEST_SUITE_P(Released, SchemaOne,
                         ::testing::Values(std::make_pair(std::string(".odt"), std::string("writer8")),
                                           std::make_pair(std::string(".docx"), std::string("MS Word 2007 XML"))),
                         [](const auto& testParam) { return testParam.param.first.substr(1); });
