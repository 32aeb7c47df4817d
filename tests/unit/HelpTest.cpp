// The help pages: complete, true to the product, and docs/help.md is the text the extension ships.
#include "Catalogue.hpp"
#include "Compose.hpp"
#include "Errors.hpp"
#include "Help.hpp"
#include "Judgement.hpp"
#include "Review.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace
{
std::filesystem::path repoRoot()
{
    return std::filesystem::path(AA_RESOURCES_DIR).parent_path().parent_path().parent_path();
}

std::string repoFile(const char* relative) { return aa::test::readFile((repoRoot() / relative).string()); }

/// All the help's text, every page.
std::string allHelp()
{
    std::string text;
    for (const aa::HelpPage& page : aa::helpPages())
    {
        text += page.title + "\n";
        for (const std::string& p : page.paragraphs)
            text += p + "\n";
        for (const aa::HelpPage::Section& section : page.sections)
            for (const std::string& p : section.paragraphs)
                text += p + "\n";
    }
    return text;
}

/// A label of the deck as the help names it: without its mnemonic's "~".
std::string shown(const std::string& key)
{
    std::string text = aa::Strings::builtIn().get(key);
    text.erase(std::remove(text.begin(), text.end(), '~'), text.end());
    return text;
}

/// A menu or toolbar title in the extension's configuration, without its "~".
bool configHasTitle(const char* file, const std::string& title)
{
    std::string xml = repoFile(file);
    xml.erase(std::remove(xml.begin(), xml.end(), '~'), xml.end());
    return xml.find(">" + title + "<") != std::string::npos || xml.find(">" + title + "...<") != std::string::npos;
}
} // namespace

TEST(Help, EveryQuestionHasGuidanceInDepthInTheOrderOfTheAnalysis)
{
    const auto pages = aa::helpPages();
    ASSERT_EQ(pages.size(), 6u);
    const aa::HelpPage& questions = pages.at(4);
    EXPECT_EQ(questions.id, "questions");
    std::vector<std::string> labels;
    for (const aa::Question& q : aa::catalogue())
        if (q.key != aa::QuestionKey::title()) // the title is the issue's heading, asked in the Key issues panel
            labels.push_back(q.label);
    std::vector<std::string> headings;
    for (const aa::HelpPage::Section& section : questions.sections)
    {
        headings.push_back(section.heading);
        ASSERT_EQ(section.paragraphs.size(), 3u) << section.heading;
        EXPECT_GT(section.paragraphs[1].size(), 150u) << section.heading << ": the text in depth is too short";
        EXPECT_EQ(section.paragraphs[2].rfind("Serves: Standard", 0), 0u) << section.heading;
    }
    EXPECT_EQ(headings, labels) << "every question, in the order of the analysis";
    for (const aa::HelpPage& page : pages)
    {
        EXPECT_FALSE(page.title.empty());
        EXPECT_EQ(page.title.find('['), std::string::npos) << page.id << " has a missing text";
        EXPECT_FALSE(page.paragraphs.empty()) << page.id;
        for (const std::string& p : page.paragraphs)
            EXPECT_EQ(p.find("[help."), std::string::npos) << page.id;
    }
}

TEST(Help, EveryHelpTextBelongsToAPageOrAQuestion)
{
    std::set<std::string> expected = { "help.question.title", "help.question.intro" };
    for (const char* page : { "deck", "plan", "review", "template" })
    {
        expected.insert(std::string("help.") + page + ".title");
        expected.insert(std::string("help.") + page + ".body");
    }
    for (const aa::Question& q : aa::catalogue())
        if (q.key != aa::QuestionKey::title())
            expected.insert("help.question." + q.key.name());
    for (const char* key : { "help.rules.title", "help.rules.intro", "help.rules.certain", "help.rules.judgement" })
        expected.insert(key);
    for (const aa::ReviewRule& rule : aa::reviewRules())
        expected.insert(std::string("help.rule.") + rule.id);
    const std::vector<std::string> keys = aa::helpStrings().keys();
    EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()), expected)
        << "a help text for a question or rule that is gone (schema 1's), or one missing";
}

TEST(Help, EveryRuleOfTheReviewIsListedWithItsKindAndStandard)
{
    const auto pages = aa::helpPages();
    const aa::HelpPage& rules = pages.back();
    EXPECT_EQ(rules.id, "rules");
    ASSERT_EQ(rules.paragraphs.size(), aa::reviewRules().size() + 1) << "the introduction, then one per rule";
    for (std::size_t i = 0; i < aa::reviewRules().size(); ++i)
    {
        const aa::ReviewRule& rule = aa::reviewRules()[i];
        const std::string& line = rules.paragraphs[i + 1];
        const std::string kind = rule.kind == aa::FindingKind::Certain ? "certain" : "judgement";
        EXPECT_NE(line.find("(" + kind + "; " + rule.standard + ")"), std::string::npos) << rule.id << ": " << line;
    }
    // A rule without its description is an error, not a silent gap.
    std::string withoutJargon;
    for (const std::string& key : aa::helpStrings().keys())
        if (key != "help.rule.jargon")
            withoutJargon += key + "=x\n";
    EXPECT_NO_THROW(aa::helpPages(aa::Strings::parse(withoutJargon + "help.rule.jargon=x\n")));
    EXPECT_THROW(aa::helpPages(aa::Strings::parse(withoutJargon)), aa::InputError);
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

// ---------------------------------------------------------------------------------------------
// The help claims nothing the product does not do

TEST(HelpIsTrue, TheNamesItUsesAreTheProductsNames)
{
    const std::string help = allHelp();
    // Menus, the deck's tab and panels, the shortcut.
    for (const char* menu : { "Assessment Analysis Deck", "Update Assessment Action Plan", "Add to Supervision Record",
                              "New Assessment Report" })
    {
        EXPECT_NE(help.find(std::string("Tools, ") + menu), std::string::npos) << menu;
        EXPECT_TRUE(configHasTitle("extension/Addons.xcu", menu)) << menu << " is no menu title";
    }
    for (const char* panel : { "Key issues", "Questions", "Review" })
    {
        EXPECT_NE(help.find(std::string(" ") + panel + " panel"), std::string::npos) << panel;
        EXPECT_TRUE(configHasTitle("extension/Sidebar.xcu", panel)) << panel << " is no panel title";
    }
    EXPECT_TRUE(configHasTitle("extension/Sidebar.xcu", "Analysis")) << "the Analysis tab of the sidebar";
    EXPECT_NE(help.find("Ctrl+Alt+Shift+D"), std::string::npos);
    const std::string keys = repoFile("extension/Accelerators.xcu");
    const std::size_t key = keys.find("\"D_SHIFT_MOD1_MOD2\"");
    ASSERT_NE(key, std::string::npos);
    EXPECT_NE(keys.find(".uno:SidebarDeck.AssessmentAnalysisDeck", key), std::string::npos);
    // The deck's buttons and boxes.
    for (const char* label : { "panel.insert", "panel.update", "panel.updatePlan", "panel.goTo", "panel.add",
                               "panel.runReview", "panel.addComments", "panel.includeJudgements" })
    {
        const std::string text = shown(label);
        EXPECT_NE(help.find(text), std::string::npos) << label << ": the help does not call it \"" << text << "\"";
    }
    // What the document shows.
    const std::string must = aa::Strings::builtIn().get("item.mustPrefix");
    EXPECT_NE(help.find("marked " + must.substr(0, must.find(':'))), std::string::npos);
    for (const char* section : { "section.whatNeedsToHappen", "section.supervision", "section.analysis" })
        EXPECT_NE(help.find(aa::Strings::builtIn().get(section)), std::string::npos) << section;
}

TEST(HelpIsTrue, TheTemplateHasTheHeadingsAndPlacesTheHelpNames)
{
    const std::string help = aa::helpStrings().get("help.template.body");
    const std::string fodt = repoFile("templates/assessment-report.fodt");
    // The places where Insert analysis puts each part.
    for (std::size_t p = 0; p < aa::templatePlaceCount; ++p)
    {
        const std::string mark = aa::templatePlaceBookmark(static_cast<aa::TemplatePlace>(p));
        EXPECT_NE(fodt.find("text:name=\"" + mark + "\""), std::string::npos) << mark;
    }
    for (const char* heading : { "section.analysis", "section.supervision" })
    {
        const std::string text = aa::Strings::builtIn().get(heading);
        EXPECT_NE(help.find(text), std::string::npos) << text;
        EXPECT_NE(fodt.find(">" + text + "</text:h>"), std::string::npos) << text;
    }
}

TEST(HelpIsTrue, TheDatesItOffersAreRead)
{
    const std::string help = aa::helpStrings().get("help.plan.body");
    for (const char* date : { "01/03/2027", "1.3.27", "1 March 2027", "Sept 2027", "end of March 2027" })
    {
        EXPECT_NE(help.find(date), std::string::npos) << date;
        EXPECT_NE(aa::parseDate(date), "") << date << " is offered but not read as a date";
    }
    EXPECT_EQ(aa::parseDate("01/03/2027"), "2027-03-01") << "day first";
    EXPECT_EQ(aa::parseDate("end of March 2027"), "2027-03-31");
    const char* point = "within 10 working days of the conference";
    EXPECT_NE(help.find(point), std::string::npos);
    EXPECT_FALSE(aa::judgePlanCell("byWhen", point).flagged) << "said to be fine";
    // Progress at a review: done, in progress, not started.
    EXPECT_NE(help.find("(done, in progress, not started)"), std::string::npos);
    EXPECT_TRUE(aa::progressDone("done"));
    EXPECT_FALSE(aa::progressDone("in progress"));
    EXPECT_FALSE(aa::progressDone("not started"));
}

TEST(HelpIsTrue, ThePlaceholdersItNamesAreQuestioned)
{
    const std::string help = aa::helpStrings().get("help.review.body");
    for (const char* placeholder : { "TBC", "as above", "ASAP" })
    {
        EXPECT_NE(help.find(placeholder), std::string::npos) << placeholder;
        EXPECT_TRUE(aa::judgePlanCell("who", placeholder).flagged || aa::judgePlanCell("byWhen", placeholder).flagged)
            << placeholder << " is named but not questioned";
    }
}

TEST(HelpIsTrue, AnUnansweredQuestionIsAPromptWithoutItsLabel)
{
    // "A question not yet answered shows in the document as a grey prompt ... and a question's
    // label only appears once it has an answer."
    const aa::Analysis a;
    const aa::Composer compose(a);
    for (const aa::Question& q : aa::catalogue())
    {
        if (q.key == aa::QuestionKey::title() || q.key.kind == aa::QuestionKey::Kind::List)
            continue;
        SCOPED_TRACE(q.key.name());
        const std::vector<aa::NewParagraph> empty = compose.answer(q.key, "", true);
        ASSERT_EQ(empty.size(), 1u);
        EXPECT_TRUE(empty[0].isPrompt());
        EXPECT_EQ(empty[0].runs[0].text, aa::questionPrompt(q.key));
        const std::vector<aa::NewParagraph> answered = compose.answer(q.key, "An answer.", true);
        ASSERT_EQ(answered.size(), 2u);
        EXPECT_EQ(answered[0].text(), q.label);
    }
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
        EXPECT_TRUE(compose.listPrompt(static_cast<aa::ListKind>(k)).isPrompt());
}

TEST(HelpIsTrue, TheReviewFindsWhatTheHelpSaysItFinds)
{
    // An empty analysis with one issue, an adult, a must without its consequence and a plan row
    // without its cells: the certain findings the help lists are there.
    aa::Analysis a;
    a.issues.push_back(aa::Issue{ "a", "Housing", {}, {}, {} });
    a.adults.push_back(aa::Adult{ "m", "Sarah Green", "mother", {} });
    aa::Item must = aa::test::makeItem("Maya is never alone in the mornings", { "a" }, "m1");
    must.must = true;
    a.list(aa::ListKind::WhatNeedsToHappen) = { must };
    aa::PlanRow row;
    row.issues = { "gone" };
    row.help = "m1";
    row.cell(aa::PlanColumn::Action) = "Something";
    row.cell(aa::PlanColumn::ByWhen) = "01/03/2020";
    a.plan = { row };
    a.hasPlan = true;
    aa::ReviewOptions options;
    options.today = "2026-11-30";
    options.report = aa::ReportFacts{ { "Why was this assessment carried out?" }, {} };
    std::set<std::string> rules;
    for (const aa::Finding& f : aa::review(a, options))
        if (f.kind == aa::FindingKind::Certain)
            rules.insert(f.rule);
    for (const char* rule :
         { "analysis.noSafety", "analysis.noChildView", "issue.noOrigins", "issue.noMaintainingFactors",
           "issue.noImpact", "adult.noUnderstanding", "adult.noMotivation", "analysis.noRecommendation",
           "issue.noAction", "plan.rowIncomplete", "plan.orphan", "plan.datePassed", "must.noConsequence",
           "plan.no.planReview", "plan.no.contingency", "report.promptLeft", "supervision.none" })
        EXPECT_TRUE(rules.count(rule)) << rule;
}
