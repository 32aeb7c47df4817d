// packageFromFlatOdf: the report template's .ott is built from its flat source.
#include "Errors.hpp"
#include "FlatOdf.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

namespace
{
std::map<std::string, std::string> entries(const std::string& zip)
{
    std::map<std::string, std::string> out;
    for (const auto& e : aa::test::readZip(zip))
        out[e.name] = e.data;
    return out;
}

const std::string flat = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text-template">
 <office:meta><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">T</dc:title></office:meta>
 <office:styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="S"/></office:styles>
 <office:body><office:text><text:p>Hello</text:p></office:text></office:body>
</office:document>)";
} // namespace

TEST(FlatOdf, SplitsIntoAPackageWithTheMimetypeFirst)
{
    const std::string zip = aa::packageFromFlatOdf(flat);
    const auto read = aa::test::readZip(zip);
    ASSERT_FALSE(read.empty());
    EXPECT_EQ(read.front().name, "mimetype");
    EXPECT_EQ(read.front().data, "application/vnd.oasis.opendocument.text-template");
    const auto parts = entries(zip);
    ASSERT_TRUE(parts.count("content.xml") && parts.count("styles.xml") && parts.count("meta.xml")
                && parts.count("META-INF/manifest.xml"));
    const std::string& content = parts.at("content.xml");
    EXPECT_NE(content.find("<office:document-content xmlns:office="), std::string::npos);
    EXPECT_NE(content.find("<text:p>Hello</text:p>"), std::string::npos);
    EXPECT_EQ(content.find("office:mimetype"), std::string::npos) << "the mimetype attribute belongs to the flat file only";
    EXPECT_EQ(content.find("style:name=\"S\""), std::string::npos);
    EXPECT_NE(parts.at("styles.xml").find("style:name=\"S\""), std::string::npos);
    EXPECT_NE(parts.at("meta.xml").find("<dc:title"), std::string::npos);
    EXPECT_NE(parts.at("META-INF/manifest.xml").find("manifest:media-type=\"application/vnd.oasis.opendocument.text-template\""),
              std::string::npos);
}

TEST(FlatOdf, WithoutAMimetypeItIsAText)
{
    std::string plain = flat;
    plain.replace(plain.find(" office:mimetype="), std::string(" office:mimetype=\"application/vnd.oasis.opendocument.text-template\"").size(), "");
    EXPECT_EQ(aa::test::readZip(aa::packageFromFlatOdf(plain)).front().data, "application/vnd.oasis.opendocument.text");
}

TEST(FlatOdf, RefusesWhatIsNotAFlatDocument)
{
    EXPECT_THROW(aa::packageFromFlatOdf(""), aa::InputError);
    EXPECT_THROW(aa::packageFromFlatOdf("<office:document-content><office:body/></office:document-content>"),
                 aa::InputError);
    EXPECT_THROW(aa::packageFromFlatOdf("<office:document office:version=\"1.3\"><office:meta/></office:document>"),
                 aa::InputError);
}

TEST(FlatOdf, TheReportTemplateHasEveryStandard7Heading)
{
    const std::string source = aa::test::readFile(
        (std::filesystem::path(AA_RESOURCES_DIR).parent_path().parent_path().parent_path() / "templates"
         / "assessment-report.fodt")
            .string());
    const auto parts = entries(aa::packageFromFlatOdf(source));
    const std::string& content = parts.at("content.xml");
    for (const char* heading : { "Purpose of the assessment", "The nature of the concerns", "How the information was gathered",
                                 "wishes and feelings", "How the analysis leads to the recommendations", "The action plan",
                                 "kept under review", "Supervision record", "AnalysisPlace" })
        EXPECT_NE(content.find(heading), std::string::npos) << heading;
}
