// packageFromFlatOdf: the report template's .ott is built from its flat source, and that
// template has the headings of Standard 7 and a place for each part of the analysis.
#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "FlatOdf.hpp"
#include "Strings.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

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
    EXPECT_EQ(content.find("office:mimetype"), std::string::npos)
        << "the mimetype attribute belongs to the flat file only";
    EXPECT_EQ(content.find("style:name=\"S\""), std::string::npos);
    EXPECT_NE(parts.at("styles.xml").find("style:name=\"S\""), std::string::npos);
    EXPECT_NE(parts.at("meta.xml").find("<dc:title"), std::string::npos);
    EXPECT_NE(parts.at("META-INF/manifest.xml")
                  .find("manifest:media-type=\"application/vnd.oasis.opendocument.text-template\""),
              std::string::npos);
}

TEST(FlatOdf, WithoutAMimetypeItIsAText)
{
    std::string plain = flat;
    plain.replace(plain.find(" office:mimetype="),
                  std::string(" office:mimetype=\"application/vnd.oasis.opendocument.text-template\"").size(), "");
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

namespace
{
struct TemplateHeading
{
    std::string text;
    std::size_t at = 0;  ///< where its element starts in content.xml
    std::size_t end = 0; ///< where the next heading starts (or the body ends)
};

/// The report template's content.xml, as the .ott built from it holds it.
std::string templateContent()
{
    const std::string source = aa::test::readFile(
        (std::filesystem::path(AA_RESOURCES_DIR).parent_path().parent_path().parent_path() / "templates"
         / "assessment-report.fodt")
            .string());
    return entries(aa::packageFromFlatOdf(source)).at("content.xml");
}

std::string unescape(std::string text)
{
    for (const auto& [entity, c] : { std::pair<std::string, std::string>{ "&apos;", "'" },
                                     { "&quot;", "\"" },
                                     { "&lt;", "<" },
                                     { "&gt;", ">" },
                                     { "&amp;", "&" } })
        for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
            text.replace(at, entity.size(), c);
    return text;
}

/// The template's headings of outline level 2 (the report's sections), in order.
std::vector<TemplateHeading> sectionHeadings(const std::string& content)
{
    std::vector<TemplateHeading> headings;
    const std::string open = "text:outline-level=\"2\">";
    for (std::size_t at = content.find(open); at != std::string::npos; at = content.find(open, at + 1))
    {
        const std::size_t textStart = at + open.size();
        TemplateHeading h;
        h.text = unescape(content.substr(textStart, content.find("</text:h>", textStart) - textStart));
        h.at = content.rfind("<text:h", at);
        if (!headings.empty())
            headings.back().end = h.at;
        headings.push_back(h);
    }
    if (!headings.empty())
        headings.back().end = content.find("</office:text>");
    return headings;
}
} // namespace

TEST(FlatOdf, TheReportTemplateHasStandard7sHeadingsInOrderOnceEach)
{
    // Issue 11: the headings of Standard 7 in its order, the recommendation before the plan, and
    // management oversight (what was the supervision record) last.
    const std::vector<TemplateHeading> headings = sectionHeadings(templateContent());
    const std::vector<std::string> expected = { "Purpose of the assessment",
                                                "The nature of the concerns",
                                                "How the information was gathered",
                                                "views of other agencies",
                                                "wishes and feelings",
                                                aa::Strings::builtIn().get("template.heading.safety"),
                                                aa::Strings::builtIn().get("section.analysis"),
                                                aa::Strings::builtIn().get("template.heading.recommendation"),
                                                aa::Strings::builtIn().get("template.heading.plan"),
                                                "Timescales",
                                                aa::Strings::builtIn().get("section.supervision") };
    ASSERT_EQ(headings.size(), expected.size());
    std::set<std::string> seen;
    for (std::size_t i = 0; i < headings.size(); ++i)
    {
        SCOPED_TRACE(headings[i].text);
        EXPECT_NE(headings[i].text.find(expected[i]), std::string::npos) << "expected " << expected[i];
        EXPECT_TRUE(seen.insert(headings[i].text).second) << "a heading twice";
    }
    // The headings that stand for a section of ours are the texts the reader knows them by.
    EXPECT_EQ(headings[5].text, aa::Strings::builtIn().get("template.heading.safety"));
    EXPECT_EQ(headings[7].text, aa::Strings::builtIn().get("template.heading.recommendation"));
    EXPECT_EQ(headings[8].text, aa::Strings::builtIn().get("template.heading.plan"));
    EXPECT_EQ(headings[10].text, aa::Strings::builtIn().get("section.supervision"));
    EXPECT_NE(headings[10].text, aa::Strings::builtIn().get("section.legacy.supervision")) << "renamed";
}

TEST(FlatOdf, EachPartOfTheAnalysisHasItsPlaceUnderItsHeading)
{
    const std::string content = templateContent();
    const std::vector<TemplateHeading> headings = sectionHeadings(content);
    const std::pair<aa::TemplatePlace, std::string> places[] = {
        { aa::TemplatePlace::Safety, aa::Strings::builtIn().get("template.heading.safety") },
        { aa::TemplatePlace::Analysis, aa::Strings::builtIn().get("section.analysis") },
        { aa::TemplatePlace::Recommendation, aa::Strings::builtIn().get("template.heading.recommendation") },
        { aa::TemplatePlace::Plan, aa::Strings::builtIn().get("template.heading.plan") },
        { aa::TemplatePlace::Supervision, aa::Strings::builtIn().get("section.supervision") },
    };
    for (const auto& [place, heading] : places)
    {
        const std::string mark = "text:name=\"" + aa::templatePlaceBookmark(place) + "\"";
        SCOPED_TRACE(mark);
        const std::size_t at = content.find(mark);
        ASSERT_NE(at, std::string::npos);
        EXPECT_EQ(content.find(mark, at + 1), std::string::npos) << "once";
        const auto under = std::find_if(headings.begin(), headings.end(),
                                        [&](const TemplateHeading& h) { return h.at < at && at < h.end; });
        ASSERT_NE(under, headings.end());
        EXPECT_EQ(under->text, heading);
    }
    EXPECT_EQ(content.find(std::string("\"") + aa::legacyAnalysisPlace + "\""), std::string::npos)
        << "version 0.1's place is only read, never in the new template";
}

TEST(FlatOdf, EveryHeadingOfTheTemplateCarriesAPrompt)
{
    const std::string content = templateContent();
    for (const TemplateHeading& h : sectionHeadings(content))
    {
        const std::string section = content.substr(h.at, h.end - h.at);
        EXPECT_NE(section.find("<text:placeholder"), std::string::npos) << h.text;
    }
}
