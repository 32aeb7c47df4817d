// The help pages: complete, and docs/help.md is the text the extension ships.
#include "Catalogue.hpp"
#include "Errors.hpp"
#include "Help.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace
{
std::string repoFile(const char* relative)
{
    return aa::test::readFile(
        (std::filesystem::path(AA_RESOURCES_DIR).parent_path().parent_path().parent_path() / relative).string());
}
} // namespace

TEST(Help, EveryQuestionHasGuidanceInDepth)
{
    const auto pages = aa::helpPages();
    ASSERT_EQ(pages.size(), 5u);
    const aa::HelpPage& questions = pages.back();
    EXPECT_EQ(questions.id, "questions");
    EXPECT_EQ(questions.sections.size(), aa::catalogue().size() - 1); // every question but the title
    for (const aa::HelpPage::Section& section : questions.sections)
    {
        ASSERT_EQ(section.paragraphs.size(), 3u) << section.heading;
        EXPECT_GT(section.paragraphs[1].size(), 150u) << section.heading << ": the text in depth is too short";
        EXPECT_EQ(section.paragraphs[2].rfind("Serves: Standard", 0), 0u) << section.heading;
    }
    for (const aa::HelpPage& page : pages)
    {
        EXPECT_FALSE(page.title.empty());
        EXPECT_EQ(page.title.find('['), std::string::npos) << page.id << " has a missing text";
        EXPECT_FALSE(page.paragraphs.empty()) << page.id;
    }
}

TEST(Help, AQuestionWithoutTextInDepthIsAnError)
{
    const aa::Strings partial = aa::Strings::parse("help.question.title=Q\nhelp.question.intro=I\n");
    EXPECT_THROW(aa::helpPages(partial), aa::InputError);
}

TEST(Help, TheHtmlHasAnAnchorPerPageAndEscapesText)
{
    auto pages = aa::helpPages();
    pages[0].paragraphs.push_back("a < b & c");
    const std::string html = aa::toHtml(pages, "en-GB");
    for (const char* id : { "deck", "plan", "review", "template", "questions" })
        EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
    EXPECT_NE(html.find("a &lt; b &amp; c"), std::string::npos);
    EXPECT_NE(html.find("<html lang=\"en-GB\">"), std::string::npos);
}

TEST(Help, DocsHelpMdIsTheShippedText)
{
    EXPECT_EQ(repoFile("docs/help.md"), aa::toMarkdown(aa::helpPages()))
        << "docs/help.md is out of date: run build/src/tools/aa-help markdown docs/help.md";
}
