// aa-review, the headless team review, on a folder of 50 mixed .odt and .docx documents,
// one of them corrupt and one protected by a password; with one job and with two; with a
// Writer that crashes and one that hangs.
#include "WriterFixture.hxx"

#include "UnoString.hxx"

#include <boost/json.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace css;
using namespace aa::test;
namespace json = boost::json;

namespace
{
std::string completeJson() { return sampleJson(); }

/// Saves a new document holding the analysis as name (.odt or .docx).
void saveReport(const std::string& name, const std::string& analysisJson)
{
    auto doc = documentWith({ "Report " + std::filesystem::path(name).stem().string() });
    Closer closer(doc);
    AA_UNO(insert(doc, analysisJson));
    const bool docx = std::filesystem::path(name).extension() == ".docx";
    aa::client::Office::storeTo(doc, aa::client::fileUrl(name), docx ? "MS Word 2007 XML" : "writer8");
}

/// Writes `reports` reports into folder (the last eight in folder/sub; .odt and .docx in turn;
/// every third with the derived plan, whose actions have no owner or date yet, the others
/// complete), a corrupt .docx, a report protected by a password, and a text file.
void writeTeamFolder(const std::string& folder, int reports)
{
    std::filesystem::create_directories(folder + "/sub");
    const std::string complete = completeJson();
    // Four reports written by Writer (.odt and .docx, with and without a plan), then copied: a
    // team's folder holds many reports, and writing each in Writer would only slow the test.
    const std::string made = folder + "-made";
    std::filesystem::create_directories(made);
    for (const char* extension : { ".odt", ".docx" })
    {
        saveReport(made + "/complete" + extension, complete);
        saveReport(made + "/unplanned" + extension, unplannedSampleJson());
    }
    for (int i = 0; i < reports; ++i)
    {
        const char* extension = i % 2 == 1 ? ".docx" : ".odt";
        const std::string name = (i < reports - 8 ? folder : folder + "/sub") + "/report-" + std::to_string(i)
                                 + extension;
        std::filesystem::copy_file(made + (i % 3 == 0 ? "/unplanned" : "/complete") + extension, name,
                                   std::filesystem::copy_options::overwrite_existing);
    }
    std::ofstream(folder + "/corrupt.docx", std::ios::binary) << "PK\x03\x04 this is not really a document";
    {
        auto doc = documentWith({ "Secret" });
        Closer closer(doc);
        AA_UNO(insert(doc, complete));
        uno::Sequence<beans::PropertyValue> props(2);
        props[0].Name = "FilterName";
        props[0].Value <<= OUString("writer8");
        props[1].Name = "Password";
        props[1].Value <<= OUString("secret");
        uno::Reference<frame::XStorable>(doc, uno::UNO_QUERY_THROW)
            ->storeToURL(aa::glue::fromUtf8(aa::client::fileUrl(folder + "/protected.odt")), props);
    }
    std::ofstream(folder + "/notes.txt") << "not a report: ignored";
}

/// Runs aa-review with the arguments (its output in out.txt, .err, .json and .html); its exit code.
int review(const std::string& arguments, const std::string& out)
{
    const std::string command = std::string(AA_REVIEW_PATH) + " --quiet --today 2026-11-26 --json " + out + ".json"
                                + " --html " + out + ".html " + arguments + " > " + out + ".txt 2> " + out + ".err";
    return aa::platform::exitCodeOfSystem(std::system(command.c_str()));
}

/// The text report without its last line (which says how long it took).
std::string withoutTiming(const std::string& text)
{
    const std::size_t last = text.rfind(" documents reviewed, ");
    return text.substr(0, last == std::string::npos ? text.size() : text.rfind('\n', last) + 1);
}
} // namespace

TEST(TeamReview, FiftyMixedDocumentsIncludingACorruptAndAPasswordProtectedOne)
{
    const std::string folder = workDir() + "/team";
    writeTeamFolder(folder, 48);

    const std::string jsonOut = workDir() + "/team.json", htmlOut = workDir() + "/team.html";
    const std::string command = std::string(AA_REVIEW_PATH) + " --quiet --today 2026-11-26 --json " + jsonOut
                                + " --html " + htmlOut + " " + folder + " > " + workDir() + "/team.txt 2>&1";
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(aa::platform::exitCodeOfSystem(status), 1) << "1: some documents could not be opened\n"
                                                         << readFile(workDir() + "/team.txt");

    const json::object report = json::parse(readFile(jsonOut)).as_object();
    const json::array& documents = report.at("documents").as_array();
    ASSERT_EQ(documents.size(), 50u);
    EXPECT_EQ(report.at("reviewed").to_number<std::int64_t>(), 48);
    EXPECT_EQ(report.at("unreadable").to_number<std::int64_t>(), 2);
    int withErrors = 0;
    for (const auto& d : documents)
    {
        const json::object& doc = d.as_object();
        const std::string file(doc.at("file").as_string());
        if (file.find("corrupt.docx") != std::string::npos || file.find("protected.odt") != std::string::npos)
        {
            EXPECT_EQ(doc.at("status").as_string(), "error") << file;
            continue;
        }
        EXPECT_EQ(doc.at("status").as_string(), "reviewed") << file;
        EXPECT_EQ(doc.at("issues").to_number<std::int64_t>(), 4) << file;
        // Certain findings and judgements are counted apart.
        std::int64_t errors = 0, judgements = 0;
        for (const auto& f : doc.at("findings").as_array())
        {
            const json::object& o = f.as_object();
            if (o.at("kind").as_string() == "judgement")
                ++judgements;
            else if (o.at("severity").as_string() == "error")
                ++errors;
        }
        EXPECT_EQ(doc.at("certain").as_object().at("errors").to_number<std::int64_t>(), errors) << file;
        EXPECT_EQ(doc.at("judgements").to_number<std::int64_t>(), judgements) << file;
        if (errors > 0)
            ++withErrors;
    }
    EXPECT_EQ(withErrors, 16) << "the 16 documents with the derived plan have no owners or dates yet";
    const std::string text = readFile(workDir() + "/team.txt");
    EXPECT_NE(text.find("corrupt.docx: NOT REVIEWED"), std::string::npos) << text.substr(0, 500);
    EXPECT_NE(text.find("protected.odt: NOT REVIEWED"), std::string::npos);
    EXPECT_NE(text.find("48 of 50 documents reviewed"), std::string::npos);
    EXPECT_NE(text.find("; certain: "), std::string::npos) << text.substr(0, 500);
    EXPECT_NE(text.find("; judgements: "), std::string::npos);
    const std::string page = readFile(htmlOut);
    std::size_t rows = 0;
    for (std::size_t pos = page.find("<tr><td>"); pos != std::string::npos; pos = page.find("<tr><td>", pos + 1))
        ++rows;
    EXPECT_EQ(rows, 50u);
    EXPECT_NE(page.find("<th>Certain: errors</th>"), std::string::npos);
    EXPECT_NE(page.find("<th>Judgements</th>"), std::string::npos);
    std::cout << "[ info ] aa-review of 50 documents: " << seconds << " s (including starting Writer)\n";
    EXPECT_TRUE(office().alive());
}

// --jobs 2 hands the documents out to two Writers from one queue: the report must be what
// --jobs 1 gives, in the same order (JSON and HTML byte for byte, the text but for its timing),
// on a folder of 200 documents (197 reports, one named with URL-special characters, a corrupt
// one and a password-protected one).
TEST(TeamReview, TwoJobsGiveTheSameReportAsOne)
{
    const std::string folder = workDir() + "/team-jobs";
    writeTeamFolder(folder, 197);
    // Before: fileUrl() did not encode, so '#' began a fragment and this report was "not found".
    saveReport(folder + "/report #7 (Smith & Jones) 100%.odt", completeJson());
    const std::string one = workDir() + "/jobs-1", two = workDir() + "/jobs-2";
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(review("--jobs 1 " + folder, one), 1) << readFile(one + ".txt");
    const auto middle = std::chrono::steady_clock::now();
    EXPECT_EQ(review("--jobs 2 " + folder, two), 1) << readFile(two + ".txt");
    const auto end = std::chrono::steady_clock::now();

    const std::string json1 = readFile(one + ".json"), json2 = readFile(two + ".json");
    const json::object report = json::parse(json1).as_object();
    ASSERT_EQ(report.at("documents").as_array().size(), 200u);
    EXPECT_EQ(report.at("reviewed").to_number<std::int64_t>(), 198) << json1.substr(0, 2000);
    EXPECT_TRUE(json1 == json2) << firstDifference(json2, json1);
    EXPECT_TRUE(readFile(one + ".html") == readFile(two + ".html"))
        << firstDifference(readFile(two + ".html"), readFile(one + ".html"));
    const std::string text1 = withoutTiming(readFile(one + ".txt")), text2 = withoutTiming(readFile(two + ".txt"));
    EXPECT_TRUE(text1 == text2) << firstDifference(text2, text1);
    EXPECT_NE(readFile(two + ".txt").find("(2 jobs)"), std::string::npos);
    std::cout << "[ info ] aa-review of 200 documents: " << std::chrono::duration<double>(middle - start).count()
              << " s with 1 job, " << std::chrono::duration<double>(end - middle).count() << " s with 2 jobs\n";
}

// A Writer that crashes on a document, or hangs on one, is restarted: that document is named as
// not reviewed, and the documents after it are reviewed (one job, so its Writer goes on).
TEST(TeamReview, AWriterThatCrashesOrHangsIsRestartedAndTheDocumentNamed)
{
    const std::string folder = workDir() + "/team-faults";
    std::filesystem::create_directories(folder);
    for (const char* name : { "a-crash.odt", "b.docx", "c-hang.odt", "d.odt" })
        saveReport(folder + "/" + name, completeJson());
    // The extension crashes or hangs Writer on these (soffice runs with AA_ALLOW_FAULT_INJECTION).
    aa::platform::setEnvironment("AA_REVIEW_INJECT_FAULT", "crash:a-crash.odt,hang:c-hang.odt");
    const std::string out = workDir() + "/faults";
    const int status = review("--jobs 1 --timeout 10 " + folder, out);
    aa::platform::setEnvironment("AA_REVIEW_INJECT_FAULT", "");
    const std::string text = readFile(out + ".txt");
    EXPECT_EQ(status, 1) << text;

    const json::object report = json::parse(readFile(out + ".json")).as_object();
    const json::array& documents = report.at("documents").as_array();
    ASSERT_EQ(documents.size(), 4u) << text;
    auto document = [&](std::size_t i) { return documents[i].as_object(); };
    EXPECT_EQ(document(0).at("status").as_string(), "error");
    EXPECT_NE(std::string(document(0).at("error").as_string()).find("crashed"), std::string::npos) << text;
    EXPECT_EQ(document(1).at("status").as_string(), "reviewed") << text;
    EXPECT_EQ(document(2).at("status").as_string(), "error");
    EXPECT_NE(std::string(document(2).at("error").as_string()).find("had not finished it after 10 s"),
              std::string::npos)
        << text;
    EXPECT_EQ(document(3).at("status").as_string(), "reviewed") << text;
    EXPECT_NE(text.find("a-crash.odt: NOT REVIEWED, Writer stopped (crashed)"), std::string::npos) << text;
    EXPECT_NE(text.find("2 of 4 documents reviewed"), std::string::npos) << text;
}
