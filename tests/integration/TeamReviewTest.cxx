// aa-review, the headless team review, on a folder of 50 mixed .odt and .docx documents,
// one of them corrupt and one protected by a password.
#include "WriterFixture.hxx"

#include "UnoString.hxx"

#include <boost/json.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/wait.h>

using namespace css;
using namespace aa::test;
namespace json = boost::json;

TEST(TeamReview, FiftyMixedDocumentsIncludingACorruptAndAPasswordProtectedOne)
{
    const std::string folder = workDir() + "/team";
    std::filesystem::create_directories(folder + "/sub");
    const std::string complete = sampleJson();
    const std::string derived = unplannedSampleJson();
    for (int i = 0; i < 48; ++i)
    {
        auto doc = documentWith({ "Report " + std::to_string(i) });
        Closer closer(doc);
        AA_UNO(insert(doc, i % 3 == 0 ? derived : complete));
        const bool docx = i % 2 == 1;
        const std::string name = (i < 40 ? folder : folder + "/sub") + "/report-" + std::to_string(i) + (docx ? ".docx" : ".odt");
        aa::client::Office::storeTo(doc, aa::client::fileUrl(name), docx ? "MS Word 2007 XML" : "writer8");
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

    const std::string jsonOut = workDir() + "/team.json", htmlOut = workDir() + "/team.html";
    const std::string command = std::string(AA_REVIEW_PATH) + " --quiet --today 2026-11-26 --json " + jsonOut
                                + " --html " + htmlOut + " " + folder + " > " + workDir() + "/team.txt 2>&1";
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1) << "1: some documents could not be opened\n" << readFile(workDir() + "/team.txt");

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
        for (const auto& f : doc.at("findings").as_array())
            if (f.as_object().at("severity").as_string() == "error")
            {
                ++withErrors;
                break;
            }
    }
    EXPECT_EQ(withErrors, 16) << "the 16 documents with the derived plan have no owners or dates yet";
    const std::string text = readFile(workDir() + "/team.txt");
    EXPECT_NE(text.find("corrupt.docx: NOT REVIEWED"), std::string::npos) << text.substr(0, 500);
    EXPECT_NE(text.find("protected.odt: NOT REVIEWED"), std::string::npos);
    EXPECT_NE(text.find("48 of 50 documents reviewed"), std::string::npos);
    const std::string page = readFile(htmlOut);
    std::size_t rows = 0;
    for (std::size_t pos = page.find("<tr><td>"); pos != std::string::npos; pos = page.find("<tr><td>", pos + 1))
        ++rows;
    EXPECT_EQ(rows, 50u);
    std::cout << "[ info ] aa-review of 50 documents: " << seconds << " s (including starting Writer)\n";
    EXPECT_TRUE(office().alive());
}
