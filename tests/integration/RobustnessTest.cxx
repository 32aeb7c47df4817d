// Faults thrown from inside every layer never reach Writer, and a failure half-way leaves the
// document as it was. Hostile documents give clear results.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "Plan.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/task/XJobExecutor.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include <fstream>

using namespace css;
using namespace aa::test;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace
{
/// Calls the service with an armed fault; returns the exception's type and message.
std::string callWithFault(const std::string& command, const uno::Reference<text::XTextDocument>& doc,
                          const std::string& json, const std::string& fault)
{
    uno::Reference<task::XJob> xJob(office().context()->getServiceManager()->createInstanceWithContext(
                                        "org.assessmentanalysis.Analysis", office().context()),
                                    uno::UNO_QUERY_THROW);
    std::vector<beans::NamedValue> args{ beans::NamedValue("Command", uno::Any(fromUtf8(command))),
                                         beans::NamedValue("InjectFault", uno::Any(fromUtf8(fault))) };
    if (doc.is())
        args.emplace_back("Document", uno::Any(doc));
    if (!json.empty())
        args.emplace_back("Analysis", uno::Any(fromUtf8(json)));
    try
    {
        xJob->execute(uno::Sequence<beans::NamedValue>(args.data(), static_cast<sal_Int32>(args.size())));
    }
    catch (const lang::IllegalArgumentException& e)
    {
        return "IllegalArgumentException: " + toUtf8(e.Message);
    }
    catch (const uno::RuntimeException& e)
    {
        return "RuntimeException: " + toUtf8(e.Message);
    }
    catch (const uno::Exception& e)
    {
        return "Exception: " + toUtf8(e.Message);
    }
    return "no exception";
}

std::string words(int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += (i ? " " : "") + std::string(i % 9 == 8 ? "because." : "family");
    return out;
}
} // namespace

TEST(Faults, EveryLayerReportsAndWriterStaysUp)
{
    auto doc = documentWith({ "Keep me" });
    Closer closer(doc);
    const std::string before = bodyText(doc);
    EXPECT_EQ(callWithFault("read", doc, {}, "core"), "IllegalArgumentException: Injected fault in the core.");
    EXPECT_EQ(callWithFault("read", doc, {}, "std"),
              "RuntimeException: AnalysisService::execute: injected std::exception");
    EXPECT_EQ(callWithFault("read", doc, {}, "uno")
                  .rfind("RuntimeException: AnalysisService::execute: injected UNO exception", 0),
              0u);
    EXPECT_EQ(callWithFault("read", doc, {}, "unknown"), "RuntimeException: AnalysisService::execute: unknown failure");
    EXPECT_TRUE(office().alive());
    EXPECT_EQ(bodyText(doc), before);
}

TEST(Faults, FailureHalfWayThroughInsertOrUpdateChangesNothing)
{
    auto doc = documentWith({ "Before", "Hello world", "After" });
    Closer closer(doc);
    placeCursor(doc, 1, 5);
    const auto before = bodyParagraphs(doc);
    const auto bookmarks = bookmarkNames(doc);
    const std::string result = callWithFault("insert", doc, sampleJson(), "writer");
    EXPECT_EQ(result.rfind("RuntimeException: AnalysisService::execute: injected UNO exception at writer", 0), 0u)
        << result;
    const auto after = bodyParagraphs(doc);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i)
        EXPECT_EQ(after[i].text, before[i].text);
    EXPECT_EQ(bookmarkNames(doc), bookmarks);

    AA_UNO(insert(doc, sampleJson()));
    const std::string inserted = bodyText(doc);
    aa::Analysis desired = aa::parseAnalysis(read(doc));
    desired.issues[0].part(aa::IssuePart::Origins) = "Changed";
    EXPECT_NE(callWithFault("update", doc, aa::toJson(desired), "writer"), "no exception");
    EXPECT_EQ(bodyText(doc), inserted);
    EXPECT_TRUE(office().alive());
}

TEST(Faults, MenuCommandsReportInsteadOfThrowing)
{
    // The menu's way in (XJobExecutor::trigger) has no caller to throw to: failures become a
    // message (headless: no one to see it) and nothing reaches Writer's dispatcher.
    auto doc = documentWith({ "A document without an analysis" });
    Closer closer(doc);
    uno::Reference<task::XJobExecutor> xExecutor(office().context()->getServiceManager()->createInstanceWithContext(
                                                     "org.assessmentanalysis.Analysis", office().context()),
                                                 uno::UNO_QUERY_THROW);
    for (const char* event : { "updatePlan", "reviewComments", "no such command", "" })
        EXPECT_NO_THROW(xExecutor->trigger(OUString::createFromAscii(event))) << event;
    EXPECT_TRUE(office().alive());
    EXPECT_EQ(bodyText(doc), "A document without an analysis\n");
}

TEST(Hostile, TenThousandIssuesAreRefusedClearly)
{
    std::string json = "{\"schema\":1,\"issues\":[";
    for (int i = 0; i < 10000; ++i)
        json += std::string(i ? "," : "") + "{\"id\":\"i" + std::to_string(i) + "\",\"title\":\"T\"}";
    json += "]}";
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    try
    {
        insert(doc, json);
        ADD_FAILURE() << "10,000 issues were accepted";
    }
    catch (const lang::IllegalArgumentException& e)
    {
        EXPECT_NE(toUtf8(e.Message).find("the most allowed is 1000"), std::string::npos) << toUtf8(e.Message);
    }
    EXPECT_TRUE(bookmarkNames(doc).empty());
}

TEST(Hostile, PartsOfOneHundredKilobytesRoundTrip)
{
    aa::Analysis analysis;
    for (int i = 1; i <= 3; ++i)
    {
        aa::Issue issue;
        issue.id = "big" + std::to_string(i);
        issue.title = "Big issue " + std::to_string(i);
        for (auto& part : issue.parts)
            part = words(14000); // ~100 KB
        analysis.issues.push_back(issue);
    }
    const std::string json = aa::toJson(analysis);
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    AA_UNO(insert(doc, json));
    std::string readBack;
    AA_UNO(readBack = read(doc));
    EXPECT_TRUE(aa::parseAnalysis(readBack) == aa::withPlan(aa::parseAnalysis(json)));
}

TEST(Hostile, RenamedAndDeletedAnalysisStylesStillReadAndUpdate)
{
    auto doc = documentWith({ "Before", "After" });
    Closer closer(doc);
    placeCursor(doc, 0, 6);
    AA_UNO(insert(doc, sampleJson()));
    const aa::Analysis expected = aa::withPlan(aa::parseAnalysis(sampleJson()));
    uno::Reference<style::XStyleFamiliesSupplier> xFamilies(doc, uno::UNO_QUERY_THROW);
    uno::Reference<container::XNameContainer> xStyles(xFamilies->getStyleFamilies()->getByName("ParagraphStyles"),
                                                      uno::UNO_QUERY_THROW);
    uno::Reference<container::XNamed>(xStyles->getByName("Analysis Origins"), uno::UNO_QUERY_THROW)
        ->setName("Our Team's Origins");
    xStyles->removeByName("Analysis Maintaining Factors");
    std::string readBack;
    AA_UNO(readBack = read(doc));
    const aa::Analysis got = aa::parseAnalysis(readBack, aa::Strings::builtIn(), aa::ParseMode::Update);
    EXPECT_TRUE(got == expected) << firstDifference(aa::toJson(got), aa::toJson(expected));

    aa::Analysis desired = expected;
    desired.issues[2].part(aa::IssuePart::MaintainingFactors) = "Rewritten after the style was deleted.";
    std::string updated;
    AA_UNO(updated = office().call("update", doc, aa::toJson(desired)));
    EXPECT_TRUE(aa::parseAnalysis(updated, aa::Strings::builtIn(), aa::ParseMode::Update) == desired);
    EXPECT_TRUE(xStyles->hasByName("Analysis Maintaining Factors")) << "update brings back the missing style";
}

TEST(Hostile, AThousandPageDocumentWithoutAnalysisReadsQuickly)
{
    // Written as flat ODF and loaded: 10,000 paragraphs, about 1,000 pages.
    const std::string path = workDir() + "/thousand-pages.fodt";
    {
        std::ofstream out(path);
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document "
               "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\" "
               "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>";
        for (int i = 0; i < 10000; ++i)
            out << "<text:p>Paragraph " << i << ": " << words(45) << "</text:p>";
        out << "</office:text></office:body></office:document>";
    }
    uno::Reference<text::XTextDocument> doc(office().load(aa::client::fileUrl(path)), uno::UNO_QUERY_THROW);
    Closer closer(doc);
    std::string readBack;
    AA_UNO(readBack = read(doc));
    EXPECT_NE(readBack.find("\"issues\":[]"), std::string::npos);
    std::string timing;
    AA_UNO(timing = office().call("lastTiming"));
    std::cout << "[ info ] read of a 10,000-paragraph document without analysis: " << timing << "\n";
}
