// readAnalysis on the blocks of the fragment the writer makes and on hand-built blocks,
// buildOdtFragment's package, paragraphXml.
#include "AnalysisShapes.hpp"
#include "Catalogue.hpp"
#include "Compose.hpp"
#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "Json.hpp"
#include "OdtFragment.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"
#include "Zip.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace
{
using aa::Adult;
using aa::AdultPart;
using aa::Analysis;
using aa::Block;
using aa::Cell;
using aa::IssuePart;
using aa::Item;
using aa::ListKind;
using aa::Paragraph;
using aa::PlanColumn;
using aa::PlanRow;
using aa::QuestionKey;
using aa::readAnalysis;
using aa::Role;
using aa::Section;
using aa::Span;
using aa::Strings;
using aa::Table;
using aa::Topic;
using aa::Voice;
using aa::test::hashHelpId;
using aa::test::LayoutOptions;
using aa::test::lines;
using aa::test::makeItem;
using aa::test::para;
using aa::test::paragraphAt;
using aa::test::plain;

const Strings& strings() { return Strings::builtIn(); }

/// The blocks Writer shows for an inserted analysis (see aa::test::documentBlocks).
std::vector<Block> layout(const Analysis& a, LayoutOptions options = {})
{
    return aa::test::documentBlocks(a, options);
}

std::string label(QuestionKey key) { return aa::questionLabel(key); }
std::string sectionText(Section s) { return strings().get(std::string("section.") + aa::jsonName(s)); }
std::size_t at(Topic t) { return static_cast<std::size_t>(t); }
std::size_t at(ListKind k) { return static_cast<std::size_t>(k); }
std::size_t at(Section s) { return static_cast<std::size_t>(s); }

/// The span of a link to one of our bookmarks, as DocumentReader reads a hyperlinked field.
Span linkSpan(aa::MarkKind kind, const std::string& id, const std::string& text = "x")
{
    const std::string name = aa::bookmarkName(kind, id);
    return Span{ text, "#" + name, name };
}

Paragraph& findParagraph(std::vector<Block>& blocks, Role role, const std::string& text)
{
    for (Block& b : blocks)
        if (Paragraph* p = std::get_if<Paragraph>(&b);
            p && aa::roleOfStyle(p->style).role == role && p->text.rfind(text, 0) == 0)
            return *p;
    throw std::runtime_error("no paragraph " + text);
}

/// Piece by piece, for a readable failure, then as a whole.
void expectSameAnalysis(const Analysis& got, const Analysis& want)
{
    ASSERT_EQ(got.issues.size(), want.issues.size()) << aa::toJson(got);
    for (std::size_t i = 0; i < want.issues.size(); ++i)
    {
        SCOPED_TRACE("issue " + want.issues[i].id);
        EXPECT_EQ(got.issues[i].id, want.issues[i].id);
        EXPECT_EQ(got.issues[i].title, want.issues[i].title);
        EXPECT_EQ(got.issues[i].raisedBy, want.issues[i].raisedBy);
        EXPECT_EQ(got.issues[i].raisedByAdults, want.issues[i].raisedByAdults);
        EXPECT_EQ(got.issues[i].parts, want.issues[i].parts);
    }
    ASSERT_EQ(got.adults.size(), want.adults.size()) << aa::toJson(got);
    for (std::size_t i = 0; i < want.adults.size(); ++i)
        EXPECT_TRUE(got.adults[i] == want.adults[i]) << "adult " << want.adults[i].id;
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
        EXPECT_TRUE(got.lists[k] == want.lists[k]) << aa::jsonName(static_cast<ListKind>(k));
    for (std::size_t t = 0; t < aa::topicCount; ++t)
        EXPECT_EQ(got.topics[t], want.topics[t]) << aa::jsonName(static_cast<Topic>(t));
    EXPECT_TRUE(got.plan == want.plan);
    EXPECT_EQ(got.unplaced, want.unplaced);
    EXPECT_TRUE(got == want);
}

// ---------------------------------------------------------------------------------------------
// readAnalysis: what the writer writes reads back

TEST(ReadAnalysis, EveryShapeReadsBackEqual)
{
    for (const auto& [name, a] : aa::test::shapes())
        for (bool merge : { false, true })
        {
            SCOPED_TRACE(name + (merge ? ", merged text spans" : ", separate spans"));
            LayoutOptions options;
            options.mergeTextSpans = merge;
            const aa::ReadResult read = readAnalysis(layout(a, options));
            ASSERT_TRUE(read.found);
            EXPECT_FALSE(read.legacy);
            EXPECT_TRUE(read.analysis.hasPlan);
            expectSameAnalysis(read.analysis, a);
        }
}

TEST(ReadAnalysis, IdsAreTheHashOfTheTextWhenNoneIsGiven)
{
    const Analysis a = aa::withPlan(aa::parseAnalysis(
        R"({"schema":2,"issues":[{"id":"a","title":"A"}],"whatNeedsToHappen":[{"text":"x"},{"text":"y","issues":["a"]},{"text":"x"}]})"));
    const auto& items = a.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].id, hashHelpId("x"));
    EXPECT_EQ(items[2].id, hashHelpId("x") + "_2");
    EXPECT_EQ(a.plan.at(0).help, items[0].id);
    const aa::ReadResult read = readAnalysis(layout(a));
    expectSameAnalysis(read.analysis, a);
}

TEST(ReadAnalysis, LayoutPointsAtTheBlocks)
{
    const Analysis a = aa::test::base();
    const std::vector<Block> blocks = layout(a);
    const aa::ReadResult read = readAnalysis(blocks);
    const aa::Layout& l = read.layout;
    EXPECT_EQ(l.blockCount, blocks.size());
    ASSERT_TRUE(l.first && l.last);
    EXPECT_EQ(*l.first, 1u) << "the report paragraph before is not part of the analysis";
    EXPECT_EQ(*l.last, blocks.size() - 3) << "the analysis ends with the plan's last topic";
    ASSERT_TRUE(l.heading);
    EXPECT_EQ(*l.heading, 1u);
    // Every section has its heading, in the order of the reasoning.
    std::size_t previous = *l.heading;
    for (std::size_t s = 0; s < aa::sectionCount; ++s)
    {
        SCOPED_TRACE(aa::jsonName(static_cast<Section>(s)));
        ASSERT_TRUE(l.sections[s]);
        EXPECT_EQ(paragraphAt(blocks, *l.sections[s]).text, sectionText(static_cast<Section>(s)));
        EXPECT_GT(*l.sections[s], previous);
        previous = *l.sections[s];
    }
    // Topics: the unlabelled ones straight under their heading, the labelled ones after their
    // label; an empty one is its prompt, without a label.
    EXPECT_FALSE(l.topics[at(Topic::Safety)].label);
    EXPECT_EQ(l.topics[at(Topic::Safety)].paragraphs,
              (std::vector<std::size_t>{ *l.sections[at(Section::Safety)] + 1, *l.sections[at(Section::Safety)] + 2 }));
    EXPECT_FALSE(l.topics[at(Topic::Recommendation)].label);
    const aa::TextLayout& balance = l.topics[at(Topic::RiskAndProtectiveBalance)];
    ASSERT_TRUE(balance.label);
    EXPECT_EQ(*balance.label, *l.sections[at(Section::WeighingUp)] + 1);
    EXPECT_EQ(paragraphAt(blocks, *balance.label).text, label(QuestionKey::of(Topic::RiskAndProtectiveBalance)));
    EXPECT_EQ(balance.paragraphs, (std::vector<std::size_t>{ *balance.label + 1 }));
    EXPECT_FALSE(balance.prompt);
    for (Topic t : { Topic::AbsentFigures, Topic::CulturalAndLanguage, Topic::Contingency })
    {
        SCOPED_TRACE(aa::jsonName(t));
        const aa::TextLayout& empty = l.topics[at(t)];
        EXPECT_FALSE(empty.label) << "an empty answer has no label";
        ASSERT_EQ(empty.paragraphs.size(), 1u);
        EXPECT_TRUE(empty.prompt);
        EXPECT_TRUE(paragraphAt(blocks, empty.paragraphs[0]).prompt);
        EXPECT_EQ(paragraphAt(blocks, empty.paragraphs[0]).text, "");
    }
    // Issues.
    ASSERT_EQ(l.issues.size(), a.issues.size());
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        SCOPED_TRACE(a.issues[i].id);
        const aa::IssueLayout& il = l.issues[i];
        EXPECT_EQ(paragraphAt(blocks, il.title).text, a.issues[i].title);
        EXPECT_TRUE(il.bookmarkIntact);
        ASSERT_TRUE(il.raisedBy);
        EXPECT_EQ(*il.raisedBy, il.title + 1);
        std::size_t next = *il.raisedBy + 1;
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
        {
            const aa::TextLayout& part = il.parts[p];
            const QuestionKey key = QuestionKey::of(static_cast<IssuePart>(p));
            if (a.issues[i].parts[p].empty())
            {
                EXPECT_FALSE(part.label);
                EXPECT_TRUE(part.prompt);
                EXPECT_EQ(part.paragraphs, (std::vector<std::size_t>{ next }));
                ++next;
                continue;
            }
            ASSERT_TRUE(part.label);
            EXPECT_EQ(*part.label, next);
            EXPECT_EQ(paragraphAt(blocks, *part.label).text, label(key));
            ASSERT_EQ(part.paragraphs.size(), lines(a.issues[i].parts[p]).size());
            for (std::size_t k = 0; k < part.paragraphs.size(); ++k)
            {
                EXPECT_EQ(part.paragraphs[k], *part.label + 1 + k);
                EXPECT_EQ(paragraphAt(blocks, part.paragraphs[k]).text, lines(a.issues[i].parts[p])[k]);
            }
            next = part.paragraphs.back() + 1;
        }
        EXPECT_EQ(il.last, next - 1) << "the issue ends with its last answer";
    }
    EXPECT_EQ(*l.sections[at(Section::WeighingUp)], l.issues.back().last + 1);
    // Adults.
    ASSERT_EQ(l.adults.size(), 2u);
    EXPECT_EQ(l.adults[0].name, *l.sections[at(Section::Adults)] + 1);
    EXPECT_EQ(paragraphAt(blocks, l.adults[0].name).text, "Sarah Green (Maya's mother)");
    EXPECT_TRUE(l.adults[0].bookmarkIntact);
    ASSERT_TRUE(l.adults[0].parts[0].label);
    EXPECT_EQ(l.adults[0].parts[0].paragraphs.size(), 2u);
    EXPECT_EQ(l.adults[1].name, l.adults[0].last + 1);
    EXPECT_EQ(paragraphAt(blocks, l.adults[1].name).text, "Daniel Okafor");
    EXPECT_TRUE(l.adults[1].parts[1].prompt);
    EXPECT_EQ(l.adults[1].last, l.adults[1].parts[1].paragraphs.back());
    EXPECT_FALSE(l.adultsPrompt);
    // Lists, and the consequences under the musts.
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
    {
        SCOPED_TRACE(k);
        ASSERT_EQ(l.items[k].size(), a.lists[k].size());
        EXPECT_FALSE(l.listPrompts[k]);
        for (std::size_t j = 0; j < l.items[k].size(); ++j)
            EXPECT_EQ(aa::roleOfStyle(paragraphAt(blocks, l.items[k][j]).style).index, k);
    }
    const auto& help = l.items[at(ListKind::WhatNeedsToHappen)];
    ASSERT_EQ(l.ifNot.size(), help.size());
    EXPECT_EQ(l.ifNot[0], help[0] + 1) << "a must's consequence";
    EXPECT_FALSE(l.ifNot[1]) << "an item that is no must and says nothing has none";
    EXPECT_EQ(l.ifNot[2], help[2] + 1) << "a must that does not say: its prompt";
    EXPECT_TRUE(paragraphAt(blocks, *l.ifNot[2]).prompt);
    EXPECT_EQ(l.ifNot[3], help[3] + 1) << "said without a must";
    // The plan.
    ASSERT_TRUE(l.planTable);
    EXPECT_EQ(*l.planTable, *l.sections[at(Section::Plan)] + 1);
    EXPECT_EQ(l.planColumns.size(), aa::newTableColumns);
    for (std::size_t c = 0; c < l.planColumns.size(); ++c)
        EXPECT_EQ(l.planColumns[c], static_cast<PlanColumn>(c));
    ASSERT_EQ(l.planRows.size(), a.plan.size());
    for (std::size_t r = 0; r < a.plan.size(); ++r)
        EXPECT_EQ(l.planRows[r].row, r + 1) << "row 0 is the header";
    ASSERT_TRUE(l.topics[at(Topic::PlanReview)].label);
    EXPECT_EQ(*l.topics[at(Topic::PlanReview)].label, *l.planTable + 1) << "the plan's topics follow its table";
    EXPECT_TRUE(l.legacyBlocks.empty());
    EXPECT_TRUE(l.legacyHeadings.empty());
    EXPECT_TRUE(l.legacyAdults.empty());
}

TEST(ReadAnalysis, EmptyAnswersAreWrittenAsPromptsWithoutLabels)
{
    const Analysis a = aa::test::shapes().at(6).second;
    ASSERT_EQ(aa::test::shapes().at(6).first, "every answer empty");
    const std::vector<Block> blocks = layout(a);
    std::size_t prompts = 0;
    for (const Block& b : blocks)
        if (const Paragraph* p = std::get_if<Paragraph>(&b))
        {
            EXPECT_NE(aa::roleOfStyle(p->style).role, Role::Question) << "a label without an answer: " << p->text;
            if (p->prompt)
            {
                ++prompts;
                EXPECT_EQ(p->text, "");
            }
        }
    // Every issue part, adult part and topic, and the musts' consequences.
    const std::size_t expected = a.issues.size() * aa::issuePartCount + a.adults.size() * aa::adultPartCount
                                 + aa::topicCount + 1 /* h3's consequence */ + 1 /* who identified issue c */;
    EXPECT_EQ(prompts, expected);
    const aa::ReadResult read = readAnalysis(blocks);
    expectSameAnalysis(read.analysis, a);
    EXPECT_TRUE(read.analysis.unplaced.empty());
    for (const aa::TextLayout& t : read.layout.topics)
    {
        EXPECT_TRUE(t.prompt);
        EXPECT_FALSE(t.label);
    }
    // An answered question has its label; the prompt's text is nowhere in what is read.
    const std::string json = aa::toJson(read.analysis);
    for (const aa::Question& q : aa::catalogue())
        if (q.key.kind != QuestionKey::Kind::Title)
        {
            EXPECT_EQ(json.find(aa::questionPrompt(q.key)), std::string::npos) << q.key.name();
        }
}

TEST(ReadAnalysis, EmptyListsAndNoAdultsAreTheirPrompts)
{
    Analysis a = aa::test::base();
    for (auto& list : a.lists)
        list.clear();
    a.adults.clear();
    for (aa::Issue& issue : a.issues)
        issue.raisedByAdults.clear();
    a.plan.clear();
    const std::vector<Block> blocks = layout(a);
    const aa::ReadResult read = readAnalysis(blocks);
    expectSameAnalysis(read.analysis, a);
    EXPECT_TRUE(read.analysis.plan.empty()) << "the row to type into is not a plan row";
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
    {
        ASSERT_TRUE(read.layout.listPrompts[k]);
        EXPECT_EQ(*read.layout.listPrompts[k], *read.layout.sections[at(aa::sectionOf(static_cast<ListKind>(k)))] + 1);
        EXPECT_TRUE(paragraphAt(blocks, *read.layout.listPrompts[k]).prompt);
    }
    ASSERT_TRUE(read.layout.adultsPrompt);
    EXPECT_EQ(*read.layout.adultsPrompt, *read.layout.sections[at(Section::Adults)] + 1);
    EXPECT_TRUE(read.layout.adults.empty());
}

TEST(ReadAnalysis, AnEmptyParagraphInAnAdultsHeadingStyleNamesNoOne)
{
    // LibreOffice 25.2 reads a prompt back from .docx as a content control and leaves an empty
    // paragraph in the adult's heading style beside it: no adult with no name comes of it.
    Analysis a = aa::test::base();
    a.adults.clear();
    for (aa::Issue& issue : a.issues)
        issue.raisedByAdults.clear();
    std::vector<Block> blocks = layout(a);
    const aa::ReadResult before = readAnalysis(blocks);
    ASSERT_TRUE(before.layout.adultsPrompt);
    Paragraph empty;
    empty.style = paragraphAt(blocks, *before.layout.adultsPrompt).style;
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(*before.layout.adultsPrompt), Block(empty));
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_TRUE(read.analysis.adults.empty()) << aa::toJson(read.analysis);
    ASSERT_TRUE(read.layout.adultsPrompt);
    EXPECT_TRUE(paragraphAt(blocks, *read.layout.adultsPrompt).prompt);
}

TEST(ReadAnalysis, StylesLostReadsBackThroughMarksAndLabels)
{
    // A .docx that went through Word may lose our styles: bookmarks, links and the labels the
    // writer put in are enough to find everything again, the safety and the child's experience
    // before the first issue and the plan's topics after its table included (those were lost
    // before: the analysis was taken to run from the first bookmark to the plan table).
    LayoutOptions options;
    options.stylesLost = true;
    for (const auto& [name, a] : aa::test::shapes())
    {
        if (name == "rich")
            continue;
        SCOPED_TRACE(name);
        const aa::ReadResult read = readAnalysis(layout(a, options));
        ASSERT_TRUE(read.found);
        EXPECT_TRUE(read.analysis.hasPlan);
        expectSameAnalysis(read.analysis, a);
        EXPECT_EQ(*read.layout.first, 1u) << "from the analysis's heading";
    }
    // What the labels cannot stand in for: the empty paragraphs inside an answer (they are
    // blank), the plan flag's style (its text reads as text typed in the issue cell).
    Analysis a = aa::test::rich();
    const aa::ReadResult read = readAnalysis(layout(a, options));
    EXPECT_EQ(read.analysis.issues[0].part(IssuePart::Origins), "First paragraph.\nThird, after an empty one.");
    EXPECT_EQ(read.analysis.topic(Topic::Patterns), "One.\nTwo.\nFour.");
    EXPECT_FALSE(read.analysis.plan.at(1).flagged);
    EXPECT_TRUE(read.layout.planRows.at(1).issueCellTyped);
    a.issues[0].part(IssuePart::Origins) = "First paragraph.\nThird, after an empty one.";
    a.topic(Topic::Patterns) = "One.\nTwo.\nFour.";
    for (PlanRow& row : a.plan)
        row.flagged = false;
    Analysis got = read.analysis;
    for (PlanRow& row : got.plan)
        row.issues.clear();
    for (PlanRow& row : a.plan)
        row.issues.clear();
    expectSameAnalysis(got, a);
}

TEST(ReadAnalysis, StylesLostTheReportAroundStaysOut)
{
    // The analysis's extent reaches over our labels, never over the report's own headings, and
    // the answer after the last label is the one paragraph after it.
    const Analysis a = aa::test::base();
    LayoutOptions options;
    options.stylesLost = true;
    std::vector<Block> blocks = layout(a, options);
    blocks.insert(blocks.begin(), plain(aa::questionLabel(QuestionKey::of(Topic::NotKnown)), "Normal"));
    blocks.insert(blocks.begin() + 1, plain("Report", "Heading 1"));
    blocks.emplace_back(plain("Recommendation", "Heading 2"));
    blocks.emplace_back(plain("The report's own recommendation."));
    const aa::ReadResult read = readAnalysis(blocks);
    expectSameAnalysis(read.analysis, a);
    EXPECT_EQ(*read.layout.first, 3u);
    EXPECT_EQ(*read.layout.last, blocks.size() - 5) << "the plan's last answer, not the report after it";
    // The report's own paragraph right after the plan's last answer (no blank line, no heading
    // between): the last label's answer is one paragraph, so it stays the report's and an update
    // never rewrites it (it did: "Text after the analysis." went with the answer).
    {
        std::vector<Block> tight = layout(a, options);
        tight.emplace_back(plain("The report's own closing paragraph."));
        const aa::ReadResult after = readAnalysis(tight);
        expectSameAnalysis(after.analysis, a);
        EXPECT_LT(*after.layout.last, tight.size() - 1);
        EXPECT_TRUE(after.analysis.unplaced.empty());
    }
    // The writer's styles intact: the labels' text is not looked at, so the report's own
    // paragraph that reads like a heading of ours (not in a heading style) stays the report's.
    std::vector<Block> styled = layout(a);
    styled.emplace_back(plain(strings().get("section.recommendation")));
    styled.emplace_back(plain("The report's own recommendation."));
    const aa::ReadResult intact = readAnalysis(styled);
    EXPECT_EQ(*intact.layout.first, 1u);
    EXPECT_EQ(*intact.layout.last, styled.size() - 5);
    expectSameAnalysis(intact.analysis, a);
}

// ---------------------------------------------------------------------------------------------
// readAnalysis: hand-built blocks

TEST(ReadAnalysis, MultiParagraphAnswersJoinWithLineFeeds)
{
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::IssuePartAnswer, 1, "m1"),
        para(Role::IssuePartAnswer, 0, "o1"),
        para(Role::IssuePartAnswer, 0, ""),
        para(Role::IssuePartAnswer, 0, "o3"),
        para(Role::IssuePartAnswer, 3, "e1"),
        para(Role::IssueTitle, 0, "Two", { "AA_issue_two" }),
        para(Role::IssuePartAnswer, 0, ""),
        para(Role::IssuePartAnswer, 0, "second issue"),
        para(Role::TopicAnswer, at(Topic::NotKnown), "c1"),
        para(Role::TopicAnswer, at(Topic::NotKnown), "c2"),
        para(Role::AdultName, 0, "Ann (aunt)", { "AA_adult_ann" }),
        para(Role::AdultAnswer, 1, "a1"),
        para(Role::AdultAnswer, 1, "a2"),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.issues.size(), 2u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "o1\n\no3");
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "m1");
    EXPECT_EQ(a.issues[0].part(IssuePart::ImpactOnChild), "");
    EXPECT_EQ(a.issues[0].part(IssuePart::Explanation), "e1");
    EXPECT_EQ(a.issues[1].part(IssuePart::Origins), "\nsecond issue") << "parts start afresh per issue";
    EXPECT_EQ(a.topic(Topic::NotKnown), "c1\nc2");
    ASSERT_EQ(a.adults.size(), 1u);
    EXPECT_EQ(a.adults[0].name, "Ann");
    EXPECT_EQ(a.adults[0].relationship, "aunt");
    EXPECT_EQ(a.adults[0].part(AdultPart::Motivation), "a1\na2");
}

TEST(ReadAnalysis, EmptyItemsAreSkipped)
{
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::ListItem, 0, ""),
        para(Role::ListItem, 0, "kept"),
        para(Role::ListItem, 0, "", {}, { Span{ "", "", "" } }),
        para(Role::ListItem, 2, "", {}, { linkSpan(aa::MarkKind::Issue, "one", "One") }),
        para(Role::ListItem, 1, ""),
        para(Role::ListItem, 1, "", { "AA_help_help7" }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 1u);
    EXPECT_EQ(a.list(ListKind::Strengths)[0], makeItem("kept"));
    EXPECT_TRUE(a.list(ListKind::WhatNeedsToHappen).empty());
    ASSERT_EQ(a.list(ListKind::SuccessSigns).size(), 1u) << "an item with only a link is kept";
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0], makeItem("", { "one" }));
    EXPECT_EQ(read.layout.items[0].size(), 1u);
    EXPECT_TRUE(read.layout.items[1].empty());
    EXPECT_TRUE(read.layout.ifNot.empty()) << "parallel to the items";
    EXPECT_FALSE(read.layout.listPrompts[0]) << "an empty paragraph is not the prompt";
}

TEST(ReadAnalysis, ItemLinksResolveThroughLinkOrField)
{
    const std::string about = strings().get("item.linkPrefix");
    const std::string shows = strings().get("item.showsPrefix");
    const std::string separator = strings().get("item.linkSeparator");
    const std::string suffix = strings().get("item.linkSuffix");
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::IssueTitle, 0, "Two", { "AA_issue_two" }),
        para(Role::AdultName, 0, "Ann", { "AA_adult_ann" }),
        para(Role::ListItem, at(ListKind::WhatNeedsToHappen), "", {},
             { Span{ "Help", "", "" }, Span{ about, "", "" },
               Span{ "Two", "", "AA_issue_two" },                                               // field only, link lost
               Span{ separator, "", "" }, Span{ "One", "#AA_issue_one", "" },                   // link only, field gone
               Span{ separator, "", "" }, Span{ "One again", "#AA_issue_one", "AA_issue_one" }, // repeat
               Span{ separator, "", "" }, Span{ "Ann", "#AA_adult_ann", "" }, Span{ suffix, "", "" } }),
        para(Role::ListItem, at(ListKind::Strengths), "", {},
             { Span{ "See ", "", "" }, Span{ "the web", "https://example.org/", "" }, Span{ " for more", "", "" } }),
        para(Role::ListItem, at(ListKind::SuccessSigns), "", {},
             { Span{ "Sign", "", "" }, Span{ shows, "", "" },
               Span{ "Help", "", aa::bookmarkName(aa::MarkKind::Help, hashHelpId("Help")) }, Span{ suffix, "", "" },
               Span{ about, "", "" }, linkSpan(aa::MarkKind::Issue, "two"), Span{ suffix, "", "" } }),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.list(ListKind::WhatNeedsToHappen).size(), 1u);
    Item help = makeItem("Help", { "two", "one" }, hashHelpId("Help"));
    help.adults = { "ann" };
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[0], help);
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 1u);
    EXPECT_EQ(a.list(ListKind::Strengths)[0], makeItem("See the web for more"))
        << "a link that is not to one of our bookmarks is plain text";
    ASSERT_EQ(a.list(ListKind::SuccessSigns).size(), 1u);
    Item sign = makeItem("Sign", { "two" });
    sign.items = { hashHelpId("Help") };
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0], sign);
}

TEST(ReadAnalysis, TextAfterTheLinksIsNotTheItemsText)
{
    // What a person types after the closing bracket of the links is not written back by update;
    // what they type before the links is the item's text.
    const std::string about = strings().get("item.linkPrefix");
    const std::string suffix = strings().get("item.linkSuffix");
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::ListItem, 0, "", {},
             { Span{ "Before, edited", "", "" }, Span{ about, "", "" }, linkSpan(aa::MarkKind::Issue, "one", "One"),
               Span{ suffix, "", "" } }),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 1u);
    EXPECT_EQ(a.list(ListKind::Strengths)[0], makeItem("Before, edited", { "one" }));
}

TEST(ReadAnalysis, MustsAndTheirConsequences)
{
    const std::string must = strings().get("item.mustPrefix");
    const std::string ifNot = strings().get("item.ifNotPrefix");
    const std::size_t needs = at(ListKind::WhatNeedsToHappen);
    Paragraph ifNotPrompt = para(Role::IfNot, 0, "");
    ifNotPrompt.prompt = true;
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::IfNot, 0, ifNot + "before any item"),                                    // 1
        para(Role::ListItem, needs, must + "Must one", { "AA_help_m1" }),                   // 2
        para(Role::IfNot, 0, ifNot + "consequence"),                                        // 3
        para(Role::IfNot, 0, ifNot + "a second one"),                                       // 4
        para(Role::ListItem, needs, must + "Must two", { "AA_help_m2" }),                   // 5
        ifNotPrompt,                                                                        // 6
        para(Role::ListItem, needs, "Not a must", { "AA_help_n" }),                         // 7
        para(Role::IfNot, 0, "typed without the prefix"),                                   // 8
        para(Role::ListItem, at(ListKind::Strengths), must + "a strength is never a must"), // 9
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const auto& items = read.analysis.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].text, "Must one");
    EXPECT_TRUE(items[0].must);
    EXPECT_EQ(items[0].ifNot, "consequence");
    EXPECT_EQ(items[1].text, "Must two");
    EXPECT_TRUE(items[1].must);
    EXPECT_EQ(items[1].ifNot, "") << "its prompt";
    EXPECT_EQ(items[2].text, "Not a must");
    EXPECT_FALSE(items[2].must);
    EXPECT_EQ(items[2].ifNot, "typed without the prefix");
    EXPECT_EQ(read.layout.ifNot, (std::vector<std::optional<std::size_t>>{ 3, 6, 8 }));
    EXPECT_EQ(read.analysis.unplaced, (std::vector<std::string>{ ifNot + "before any item", ifNot + "a second one" }))
        << "a consequence with no item to go with is reported, not dropped";
    ASSERT_EQ(read.analysis.list(ListKind::Strengths).size(), 1u);
    EXPECT_FALSE(read.analysis.list(ListKind::Strengths)[0].must);
    EXPECT_EQ(read.analysis.list(ListKind::Strengths)[0].text, must + "a strength is never a must");
}

TEST(ReadAnalysis, HelpItemsKeepTheirBookmarkIdsAndCopiesGetFreshOnes)
{
    const std::string held = hashHelpId("same text");
    const std::size_t needs = at(ListKind::WhatNeedsToHappen);
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::ListItem, 0, "strength", { "AA_help_help1" }), // not a "what needs to happen" item: no id
        para(Role::ListItem, needs, "no bookmark"),
        para(Role::ListItem, needs, "holds help1", { "_Toc1", "AA_help_help1" }),
        para(Role::ListItem, needs, "pasted copy of help1", { "AA_help_help1" }),
        para(Role::ListItem, needs, "custom", { "AA_help_mine" }),
        para(Role::ListItem, needs, "bad bookmark", { "AA_help_1x" }),
        para(Role::ListItem, 2, "sign", { "AA_help_sign" }),
        para(Role::ListItem, needs, "same text"), // its hash id is held below
        para(Role::ListItem, needs, "edited text", { "AA_help_" + held }),
    };
    const Analysis a = readAnalysis(blocks).analysis;
    const auto& help = a.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(help.size(), 7u);
    EXPECT_EQ(help[0].id, hashHelpId("no bookmark"));
    EXPECT_EQ(help[1].id, "help1");
    EXPECT_EQ(help[2].id, hashHelpId("pasted copy of help1")) << "the first keeps the id, the copy gets a fresh one";
    EXPECT_EQ(help[3].id, "mine");
    EXPECT_EQ(help[4].id, hashHelpId("bad bookmark"));
    EXPECT_EQ(help[5].id, held + "_2") << "fresh ids skip those bookmarks hold, even later ones";
    EXPECT_EQ(help[6].id, held);
    EXPECT_EQ(a.list(ListKind::Strengths).at(0).id, "");
    EXPECT_EQ(a.list(ListKind::SuccessSigns).at(0).id, "");
    EXPECT_NO_THROW(aa::parseAnalysis(aa::toJson(a))) << "the result is valid input again";
}

TEST(ReadAnalysis, HelpItemsWithoutBookmarksGetTheIdsParsingGives)
{
    // The same text gets the same id whether it is parsed or read, so a document written from
    // JSON without ids, whose bookmarks were then lost, still ties its rows to its items.
    const Analysis parsed = aa::withPlan(aa::parseAnalysis(
        R"({"schema":2,"issues":[{"id":"a","title":"A"}],"whatNeedsToHappen":[{"text":"x"},{"text":"y","issues":["a"]},{"text":"x"}],
            "successSigns":[{"text":"s","items":[")"
        + hashHelpId("y") + R"("]}]})"));
    std::vector<Block> blocks = layout(parsed);
    for (Block& b : blocks)
        if (Paragraph* p = std::get_if<Paragraph>(&b))
            p->bookmarks.erase(std::remove_if(p->bookmarks.begin(), p->bookmarks.end(),
                                              [](const std::string& n) { return n.rfind("AA_help_", 0) == 0; }),
                               p->bookmarks.end());
    const Analysis read = readAnalysis(blocks).analysis;
    ASSERT_EQ(read.list(ListKind::WhatNeedsToHappen).size(), 3u);
    EXPECT_EQ(read.list(ListKind::WhatNeedsToHappen), parsed.list(ListKind::WhatNeedsToHappen));
    EXPECT_EQ(read.list(ListKind::WhatNeedsToHappen)[2].id, hashHelpId("x") + "_2");
    EXPECT_EQ(read.plan, parsed.plan) << "the rows' bookmarks still name the items";
    EXPECT_EQ(read.list(ListKind::SuccessSigns), parsed.list(ListKind::SuccessSigns)) << "the sign's link too";
}

/// A plan table with the current headers, and rows of cells.
Table planTable(std::vector<aa::Row> rows)
{
    Table table;
    aa::Row header;
    for (std::size_t c = 0; c < aa::newTableColumns; ++c)
        header.push_back(Cell{ para(Role::PlanHeader, 0,
                                    strings().get(std::string("plan.") + aa::jsonName(static_cast<PlanColumn>(c)))) });
    table.rows.push_back(header);
    for (aa::Row& row : rows)
        table.rows.push_back(std::move(row));
    return table;
}

TEST(ReadAnalysis, PlanIssueCellResolvesThroughFieldOrLink)
{
    aa::Row row(aa::newTableColumns);
    row[0] = Cell{ para(Role::PlanCell, 0, "Two", {}, { Span{ "Two", "", "AA_issue_two" } }) };
    row[2] = Cell{ para(Role::PlanCell, 0, "act") };
    aa::Row other(aa::newTableColumns);
    other[0] = Cell{ para(Role::PlanCell, 0, "x", {},
                          { Span{ "x", "https://example.org", "" }, Span{ "One", "#AA_issue_one", "" },
                            Span{ "Two", "#AA_issue_two", "" } }),
                     para(Role::PlanCell, 0, "One", {}, { Span{ "One", "#AA_issue_one", "AA_issue_one" } }) };
    aa::Row linksOnly(aa::newTableColumns);
    linksOnly[0] = Cell{ para(Role::PlanCell, 0, "One", {}, { linkSpan(aa::MarkKind::Issue, "one", "One") }),
                         para(Role::PlanCell, 0, "Two", {}, { linkSpan(aa::MarkKind::Issue, "two", "Two") }) };
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::IssueTitle, 0, "Two", { "AA_issue_two" }),
        planTable({ row, other, linksOnly }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.analysis.plan.size(), 3u);
    EXPECT_EQ(read.analysis.plan[0].issues, (std::vector<std::string>{ "two" }));
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Action), "act");
    EXPECT_EQ(read.analysis.plan[1].issues, (std::vector<std::string>{ "one", "two" })) << "in order, no repeats";
    EXPECT_TRUE(read.layout.planRows[1].issueCellTyped) << "the cell holds text besides our links";
    EXPECT_FALSE(read.layout.planRows[0].issueCellTyped);
    EXPECT_FALSE(read.layout.planRows[2].issueCellTyped);
    EXPECT_EQ(read.analysis.plan[2].issues, (std::vector<std::string>{ "one", "two" }));
}

TEST(ReadAnalysis, PlanRowsTieToItemsAndCarryMustsAndFlags)
{
    const std::string must = strings().get("item.mustPrefix");
    aa::Row tied(aa::newTableColumns);
    tied[0] = Cell{ para(Role::PlanFlag, 0, strings().get("plan.flag")), para(Role::PlanCell, 0, "") };
    tied[2] = Cell{ para(Role::PlanCell, 0, "act", { "AA_plan_help3" }), para(Role::PlanCell, 0, "more") };
    aa::Row flagElsewhere(aa::newTableColumns);
    flagElsewhere[3] = Cell{ para(Role::PlanCell, 0, "who"), para(Role::PlanFlag, 0, "moved here") };
    aa::Row onlyBookmark(aa::newTableColumns, Cell{ para(Role::PlanCell, 0, "") });
    onlyBookmark[2][0].bookmarks = { "AA_plan_h2" };
    aa::Row mustRow(aa::newTableColumns);
    mustRow[2] = Cell{ para(Role::PlanCell, 0, must + "keep safe", { "AA_plan_m" }) };
    mustRow[6] = Cell{ para(Role::PlanCell, 0, "done") };
    const aa::ReadResult read = readAnalysis(
        { para(Role::Heading, 0, "x"), planTable({ tied, flagElsewhere, onlyBookmark, mustRow }) });
    const auto& plan = read.analysis.plan;
    ASSERT_EQ(plan.size(), 4u);
    EXPECT_EQ(plan[0].help, "help3");
    EXPECT_TRUE(plan[0].flagged);
    EXPECT_EQ(plan[0].cell(PlanColumn::Action), "act\nmore");
    EXPECT_TRUE(plan[0].issues.empty()) << "the flag text is not an issue";
    EXPECT_EQ(read.layout.planRows.at(0).flagParagraph, 0u);
    EXPECT_TRUE(plan[1].flagged);
    EXPECT_EQ(plan[1].cell(PlanColumn::Who), "who") << "the flag is not cell text";
    EXPECT_EQ(plan[1].help, "");
    EXPECT_EQ(read.layout.planRows.at(1).flagParagraph, 1u);
    EXPECT_EQ(plan[2].help, "h2") << "a row emptied by hand but tied to its item is kept";
    EXPECT_FALSE(plan[2].flagged);
    EXPECT_EQ(read.layout.planRows.at(2).row, 3u);
    EXPECT_TRUE(plan[3].must);
    EXPECT_EQ(plan[3].cell(PlanColumn::Action), "keep safe") << "the must's mark is not the action's text";
    EXPECT_EQ(plan[3].cell(PlanColumn::Progress), "done");
    EXPECT_EQ(plan[3].help, "m");
}

TEST(ReadAnalysis, PlanRowsWithFewerCellsAndEmptyRows)
{
    Table table = planTable({});
    table.rows.push_back({ Cell{}, Cell{ para(Role::PlanCell, 0, "outcome") } }); // merged cells
    table.rows.push_back({});                                                     // nothing at all
    table.rows.push_back(aa::Row(aa::newTableColumns, Cell{ para(Role::PlanCell, 0, "") }));
    aa::Row wide(aa::newTableColumns + 2, Cell{ para(Role::PlanCell, 0, "w") });
    wide[0].clear();
    table.rows.push_back(wide);
    const aa::ReadResult read = readAnalysis({ table });
    EXPECT_TRUE(read.found);
    EXPECT_TRUE(read.analysis.hasPlan);
    ASSERT_EQ(read.analysis.plan.size(), 2u);
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Outcome), "outcome");
    EXPECT_TRUE(read.analysis.plan[0].issues.empty());
    EXPECT_EQ(read.analysis.plan[1].cell(PlanColumn::Progress), "w");
    EXPECT_EQ(read.analysis.plan[1].cell(PlanColumn::Review), "") << "columns beyond the header's are ignored";
    ASSERT_EQ(read.layout.planRows.size(), 2u);
    EXPECT_EQ(read.layout.planRows[0].row, 1u);
    EXPECT_EQ(read.layout.planRows[1].row, 4u);
}

TEST(ReadAnalysis, PlanColumnsByTheirHeaders)
{
    // Columns moved, one deleted, one added by hand, one named twice.
    auto header = [](const std::string& key) { return Cell{ para(Role::PlanHeader, 0, strings().get(key)) }; };
    Table table;
    table.rows.push_back({ header("plan.issue"), header("plan.action"), header("plan.who"),
                           Cell{ para(Role::PlanHeader, 0, "Notes") }, header("plan.outcome"), header("plan.who") });
    table.rows.push_back({ Cell{ para(Role::PlanCell, 0, "") }, Cell{ para(Role::PlanCell, 0, "act") },
                           Cell{ para(Role::PlanCell, 0, "me") }, Cell{ para(Role::PlanCell, 0, "a note") },
                           Cell{ para(Role::PlanCell, 0, "out") }, Cell{ para(Role::PlanCell, 0, "not me") } });
    const aa::ReadResult read = readAnalysis({ table });
    EXPECT_EQ(read.layout.planColumns,
              (std::vector<std::optional<PlanColumn>>{ PlanColumn::Issue, PlanColumn::Action, PlanColumn::Who,
                                                       std::nullopt, PlanColumn::Outcome, std::nullopt }));
    ASSERT_EQ(read.analysis.plan.size(), 1u);
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Action), "act");
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Who), "me") << "a column named twice: the first is ours";
    EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Outcome), "out");
    EXPECT_FALSE(read.legacy);
}

TEST(ReadAnalysis, TablesThatAreNotThePlan)
{
    Table notPlan;
    notPlan.rows.push_back({ Cell{ para(Role::PlanCell, 0, "Issue") }, Cell{ para(Role::PlanHeader, 0, "Outcome") } });
    notPlan.rows.push_back({ Cell{ para(Role::PlanCell, 0, "x") }, Cell{ para(Role::PlanCell, 0, "y") } });
    Table noStyle;
    noStyle.rows.push_back({ Cell{ plain("Issue", "Table Heading") } });
    noStyle.rows.push_back({ Cell{ plain("x", "Table Contents") } });
    Table empty;
    Table emptyFirstCell;
    emptyFirstCell.rows.push_back({ Cell{}, Cell{ para(Role::PlanHeader, 0, "Outcome") } });
    emptyFirstCell.rows.push_back({ Cell{ para(Role::PlanCell, 0, "x") } });

    // Outside an analysis they are ignored.
    {
        const aa::ReadResult read = readAnalysis({ notPlan, noStyle, empty, emptyFirstCell });
        EXPECT_FALSE(read.found);
        EXPECT_FALSE(read.analysis.hasPlan);
        EXPECT_TRUE(read.analysis.plan.empty());
        EXPECT_TRUE(read.analysis.unplaced.empty());
    }
    // Inside one, their text is reported, never taken for the plan.
    {
        const aa::ReadResult read = readAnalysis(
            { para(Role::Heading, 0, "A"), notPlan, noStyle, empty, para(Role::Subheading, 0, "B") });
        EXPECT_TRUE(read.found);
        EXPECT_FALSE(read.analysis.hasPlan);
        EXPECT_TRUE(read.analysis.plan.empty());
        EXPECT_FALSE(read.layout.planTable);
        EXPECT_EQ(read.analysis.unplaced, (std::vector<std::string>{ "Issue | Outcome | x | y", "Issue | x" }));
    }
    // A table whose header still reads "Issue", "What will be different ..." is the plan, even
    // without our styles.
    {
        Table lost;
        aa::Row header;
        for (std::size_t c = 0; c < aa::newTableColumns; ++c)
            header.push_back(Cell{ plain(strings().get(std::string("plan.") + aa::jsonName(static_cast<PlanColumn>(c))),
                                         "Table Heading") });
        lost.rows.push_back(header);
        lost.rows.push_back({ Cell{ plain("x", "Table Contents") }, Cell{ plain("out", "Table Contents") } });
        const aa::ReadResult read = readAnalysis({ lost });
        EXPECT_TRUE(read.found);
        EXPECT_TRUE(read.analysis.hasPlan);
        ASSERT_EQ(read.analysis.plan.size(), 1u);
        EXPECT_EQ(read.analysis.plan[0].cell(PlanColumn::Outcome), "out");
    }
}

TEST(ReadAnalysis, ParagraphsOutsideTheAnalysisAreIgnored)
{
    const Analysis a = aa::test::rich();
    std::vector<Block> blocks = {
        plain("Before", "Heading 1"),
        plain("More report text"),
        Table{ { { Cell{ plain("a report table", "Table Contents") } } } },
    };
    for (const Block& b : layout(a))
        blocks.push_back(b);
    blocks.emplace_back(plain("After", "Heading 1"));
    blocks.emplace_back(Table{ { { Cell{ plain("another table", "Table Contents") } } } });
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_TRUE(read.found);
    expectSameAnalysis(read.analysis, a);
    EXPECT_EQ(*read.layout.first, 4u);
}

TEST(ReadAnalysis, ParagraphsInsideTheAnalysisJoinWhatTheyFollow)
{
    const std::vector<Block> blocks = {
        para(Role::Heading, 0, strings().get("section.analysis")),
        plain("stray before any section"),
        para(Role::Subheading, 0, sectionText(Section::Safety)),
        plain("safety typed in Text body"),
        para(Role::Subheading, 0, sectionText(Section::Issues)),
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        plain("stray after a title"),
        para(Role::Question, 0, label(QuestionKey::of(IssuePart::Origins))),
        para(Role::IssuePartAnswer, 0, "o1"),
        plain("o2 typed in Text body"),
        plain(""),
        plain(" \t "),
        para(Role::Question, 0, label(QuestionKey::of(IssuePart::MaintainingFactors))),
        plain("m1 without our style"),
        para(Role::Subheading, 0, sectionText(Section::Adults)),
        para(Role::AdultName, 0, "Ann", { "AA_adult_ann" }),
        plain("stray after a name"),
        para(Role::Question, 0, label(QuestionKey::of(AdultPart::Motivation))),
        plain("motivation, unstyled"),
        para(Role::Subheading, 0, sectionText(Section::Strengths)),
        plain("A strength in Text body"),
        para(Role::ListItem, 0, "A styled strength"),
        para(Role::Subheading, 0, sectionText(Section::WeighingUp)),
        plain("stray under weighing up"),
        para(Role::Question, 0, label(QuestionKey::of(Topic::NotKnown))),
        plain("not known, unstyled"),
        para(Role::Subheading, 0, sectionText(Section::Recommendation)),
        plain("recommended, unstyled"),
        para(Role::Subheading, 0, sectionText(Section::Plan)),
        plain("stray under the plan heading"),
        para(Role::TopicAnswer, at(Topic::Patterns), "patterns"),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    EXPECT_EQ(a.topic(Topic::Safety), "safety typed in Text body");
    ASSERT_EQ(a.issues.size(), 1u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "o1\no2 typed in Text body") << "blank ones are dropped";
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "m1 without our style");
    ASSERT_EQ(a.adults.size(), 1u);
    EXPECT_EQ(a.adults[0].part(AdultPart::Motivation), "motivation, unstyled");
    EXPECT_EQ(a.list(ListKind::Strengths),
              (std::vector<Item>{ makeItem("A strength in Text body"), makeItem("A styled strength") }));
    EXPECT_EQ(a.topic(Topic::NotKnown), "not known, unstyled");
    EXPECT_EQ(a.topic(Topic::Recommendation), "recommended, unstyled");
    EXPECT_EQ(a.topic(Topic::Patterns), "patterns");
    EXPECT_EQ(a.unplaced,
              (std::vector<std::string>{ "stray before any section", "stray after a title", "stray after a name",
                                         "stray under weighing up", "stray under the plan heading" }))
        << "nothing is dropped";
}

TEST(ReadAnalysis, QuestionLabelsAndHeadingsAreNotContent)
{
    const std::vector<Block> blocks = {
        para(Role::Heading, 0, "Renamed heading"),
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        para(Role::Question, 0, "A question label edited by hand"),
        para(Role::IssuePartAnswer, 0, "answer"),
        para(Role::Question, 0, "Another label"),
        para(Role::Subheading, 0, sectionText(Section::Strengths)),
        para(Role::Subheading, 0, "A subheading retyped"),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.issues.size(), 1u);
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "answer");
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "");
    for (const auto& list : a.lists)
        EXPECT_TRUE(list.empty());
    EXPECT_TRUE(a.unplaced.empty());
    EXPECT_EQ(read.layout.heading, std::optional<std::size_t>(0));
}

TEST(ReadAnalysis, RaisedByRecognisesEveryVoiceAndTheAdults)
{
    for (std::size_t k = 0; k < aa::voiceCount; ++k)
    {
        const auto v = static_cast<Voice>(k);
        SCOPED_TRACE(aa::jsonName(v));
        const std::vector<Block> blocks = {
            para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
            para(Role::RaisedBy, 0,
                 strings().get("raisedBy.prefix") + strings().get(std::string("voice.") + aa::jsonName(v))),
        };
        EXPECT_EQ(readAnalysis(blocks).analysis.issues.at(0).raisedBy, (std::vector<Voice>{ v }));
    }
    // Adults through their links, whatever their names say; in the order the analysis names them.
    Paragraph raised = para(Role::RaisedBy, 0, "", {},
                            { Span{ "Identified by: the practitioner, ", "", "" },
                              linkSpan(aa::MarkKind::Adult, "dad", "The child's father"), Span{ ", ", "", "" },
                              linkSpan(aa::MarkKind::Adult, "mum", "Other workers' friend"),
                              Span{ ", the child", "", "" } });
    for (const Span& s : raised.spans)
        raised.text += s.text;
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),
        raised,
        para(Role::AdultName, 0, "Mum", { "AA_adult_mum" }),
        para(Role::AdultName, 0, "Dad", { "AA_adult_dad" }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const aa::Issue& issue = read.analysis.issues.at(0);
    EXPECT_EQ(issue.raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::Child })) << "not from inside links";
    EXPECT_EQ(issue.raisedByAdults, (std::vector<std::string>{ "mum", "dad" }));
    // None recorded: the prompt.
    Paragraph prompt = para(Role::RaisedBy, 0, "");
    prompt.prompt = true;
    const aa::ReadResult none = readAnalysis({ para(Role::IssueTitle, 0, "One", { "AA_issue_one" }), prompt });
    EXPECT_TRUE(none.analysis.issues.at(0).raisedBy.empty());
    EXPECT_EQ(none.layout.issues.at(0).raisedBy, std::optional<std::size_t>(1));
    EXPECT_FALSE(none.layout.issues.at(0).raisedByLegacy);
}

TEST(ReadAnalysis, HeadingWithoutBookmarkGetsAFreshIdThatDoesNotCollide)
{
    Paragraph pastedCopy = plain("Pasted copy, style lost", "Heading 4");
    pastedCopy.bookmarks = { "AA_issue_issue3 Copy 1" };
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "No bookmark A"),
        para(Role::IssueTitle, 0, "Holds issue1", { "AA_issue_issue1" }),
        para(Role::IssueTitle, 0, "Foreign bookmarks only", { "_Toc123", "AA_issue_", "AA_issue_9x" }),
        para(Role::IssueTitle, 0, "Holds issue3", { "_Toc9", "AA_issue_issue3" }),
        para(Role::IssueTitle, 0, "Copy of issue1's heading", { "AA_issue_issue1" }),
        pastedCopy,
        para(Role::AdultName, 0, "No bookmark"),
        para(Role::AdultName, 0, "Holds adult1", { "AA_adult_adult1" }),
        para(Role::AdultName, 0, "Copy", { "AA_adult_adult1" }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_TRUE(read.found);
    const Analysis& a = read.analysis;
    ASSERT_EQ(a.issues.size(), 6u);
    EXPECT_EQ(a.issues[0].id, "issue2");
    EXPECT_EQ(a.issues[1].id, "issue1");
    EXPECT_EQ(a.issues[2].id, "issue4");
    EXPECT_EQ(a.issues[3].id, "issue3");
    EXPECT_EQ(a.issues[4].id, "issue5") << "a repeated bookmark does not give a repeated id";
    EXPECT_EQ(a.issues[5].id, "issue6") << "a pasted copy's bookmark is not the original's";
    EXPECT_EQ(a.issues[5].title, "Pasted copy, style lost");
    ASSERT_EQ(a.adults.size(), 3u);
    EXPECT_EQ(a.adults[0].id, "adult2");
    EXPECT_EQ(a.adults[1].id, "adult1");
    EXPECT_EQ(a.adults[2].id, "adult3");
    EXPECT_FALSE(read.layout.adults[2].bookmarkIntact);
    EXPECT_NO_THROW(aa::parseAnalysis(aa::toJson(a), strings(), aa::ParseMode::Update))
        << "every id is valid and unique";
}

TEST(ReadAnalysis, NothingFoundWithoutAnalysisMarks)
{
    EXPECT_FALSE(readAnalysis({}).found);
    const std::vector<Block> blocks = {
        plain("Title", "Heading 1"),
        plain("Some text with a link", "Text body"),
        plain("Analysis of the assessment", "Heading 2"),
        plain(strings().get("part.origins.label")),
        Table{ { { Cell{ plain("a", "Table Contents") } } } },
    };
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_FALSE(read.found);
    EXPECT_TRUE(read.analysis.issues.empty());
    EXPECT_FALSE(read.analysis.hasPlan);
    EXPECT_TRUE(read.analysis.unplaced.empty());
    EXPECT_FALSE(read.layout.first);
    EXPECT_EQ(read.layout.blockCount, blocks.size());
    // Any one of ours is enough.
    EXPECT_TRUE(readAnalysis({ para(Role::Heading, 0, "x") }).found);
    EXPECT_TRUE(readAnalysis({ para(Role::ListItem, 1, "") }).found);
    EXPECT_TRUE(readAnalysis({ para(Role::TopicAnswer, 0, "") }).found);
    EXPECT_TRUE(readAnalysis({ para(Role::IfNot, 0, "") }).found);
    EXPECT_FALSE(readAnalysis({ plain("Heading", "Heading 4") }).found);
    Paragraph bookmarked = plain("Heading", "Heading 4");
    bookmarked.bookmarks = { "AA_issue_x" };
    EXPECT_TRUE(readAnalysis({ bookmarked }).found);
    bookmarked.bookmarks = { "AA_adult_x" };
    EXPECT_TRUE(readAnalysis({ bookmarked }).found);
    EXPECT_TRUE(readAnalysis({ plain("", "Text body"), para(Role::Heading, 0, "x") }).layout.first
                == std::optional<std::size_t>(1));
}

TEST(ReadAnalysis, WhatReadReturnsIsValidInputAfterHandEdits)
{
    // Read output is given back in ParseMode::Update, which accepts what hand edits leave (empty
    // titles and texts, plan rows whose issue or item is gone); Insert mode refuses some of it.
    const Analysis a = aa::test::rich();
    struct HandEdit
    {
        std::string name;
        std::function<void(std::vector<Block>&)> apply;
    };
    const std::vector<HandEdit> edits = {
        { "issue heading deleted (items and plan rows still link to it)",
          [&](std::vector<Block>& blocks) {
              Paragraph& title = findParagraph(blocks, Role::IssueTitle, a.issues[0].title);
              title.style = "Text body";
              title.bookmarks.clear();
          } },
        { "adult heading deleted (items and lines still link to it)",
          [&](std::vector<Block>& blocks) {
              Paragraph& name = findParagraph(blocks, Role::AdultName, a.adults[0].name);
              name.style = "Text body";
              name.bookmarks.clear();
          } },
        { "item deleted (its plan row keeps its bookmark, a sign still links to it)",
          [&](std::vector<Block>& blocks) {
              Paragraph& item = findParagraph(blocks, Role::ListItem, a.list(ListKind::WhatNeedsToHappen)[1].text);
              item = plain("");
          } },
        { "item text deleted, links left",
          [&](std::vector<Block>& blocks) {
              Paragraph& item = findParagraph(blocks, Role::ListItem, "Tied to three");
              item.spans.front().text.clear();
              item.text.erase(0, std::string("Tied to three").size());
          } },
        { "issue title cleared, bookmark left",
          [&](std::vector<Block>& blocks) {
              Paragraph& title = findParagraph(blocks, Role::IssueTitle, a.issues[1].title);
              title.text.clear();
              title.spans.clear();
              title.emptyBookmarks = title.bookmarks;
          } },
    };
    std::vector<HandEdit> all = edits;
    all.push_back({ "all of them", [&](std::vector<Block>& blocks) {
                       for (const HandEdit& edit : edits)
                           edit.apply(blocks);
                   } });
    for (const HandEdit& edit : all)
    {
        SCOPED_TRACE(edit.name);
        std::vector<Block> blocks = layout(a);
        edit.apply(blocks);
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_TRUE(read.found);
        const std::string json = aa::toJson(read.analysis);
        try
        {
            const Analysis again = aa::parseAnalysis(json, strings(), aa::ParseMode::Update);
            EXPECT_TRUE(again == read.analysis) << "update mode takes it as it is: " << json;
        }
        catch (const aa::InputError& e)
        {
            ADD_FAILURE() << e.what();
        }
    }
}

TEST(ReadAnalysis, LinksToWhatIsGoneAreDropped)
{
    const Analysis a = aa::test::base();
    std::vector<Block> blocks = layout(a);
    Paragraph& title = findParagraph(blocks, Role::IssueTitle, "Issue A");
    title.style = "Text body"; // the heading deleted by hand, its text kept as a paragraph
    title.bookmarks.clear();
    Paragraph& mum = findParagraph(blocks, Role::AdultName, "Sarah Green");
    mum.style = "Text body";
    mum.bookmarks.clear();
    Paragraph& h1 = findParagraph(blocks, Role::ListItem, strings().get("item.mustPrefix") + "h1 text");
    h1.style = "Text body";
    h1.bookmarks.clear();
    h1.spans.clear(); // typed over: plain text
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& got = read.analysis;
    ASSERT_EQ(got.issues.size(), a.issues.size() - 1);
    EXPECT_FALSE(got.findIssue("a"));
    EXPECT_FALSE(got.findAdult("mum"));
    EXPECT_EQ(got.issues[0].raisedByAdults, (std::vector<std::string>{ "dad" }));
    for (const auto& items : got.lists)
        for (const Item& item : items)
        {
            EXPECT_EQ(std::find(item.issues.begin(), item.issues.end(), "a"), item.issues.end()) << item.text;
            EXPECT_EQ(std::find(item.adults.begin(), item.adults.end(), "mum"), item.adults.end()) << item.text;
            EXPECT_EQ(std::find(item.items.begin(), item.items.end(), "h1"), item.items.end()) << item.text;
        }
    // An item that named only what is gone keeps its text; one that named others keeps those.
    const auto& strengths = got.list(ListKind::Strengths);
    ASSERT_EQ(strengths.size(), a.list(ListKind::Strengths).size());
    EXPECT_EQ(strengths[0].text, "s1");
    EXPECT_TRUE(strengths[0].issues.empty());
    EXPECT_TRUE(strengths[0].adults.empty());
    const auto& signs = got.list(ListKind::SuccessSigns);
    ASSERT_EQ(signs.size(), 3u);
    EXPECT_TRUE(signs[0].items.empty());
    EXPECT_EQ(signs[1].items, (std::vector<std::string>{ "h2" }));
    // The plan is not the reader's to change: its rows still name the issue (planPlanUpdate
    // flags them).
    EXPECT_EQ(got.plan.at(0).issues, (std::vector<std::string>{ "a" }));
    EXPECT_EQ(got.plan.at(0).help, "h1");
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
        EXPECT_EQ(read.layout.items[k].size(), got.lists[k].size()) << "layout stays parallel";
    EXPECT_EQ(read.layout.ifNot.size(), got.list(ListKind::WhatNeedsToHappen).size());
}

TEST(ReadAnalysis, ItemsLeftWithNothingAreDroppedWithTheirLayout)
{
    const std::size_t needs = at(ListKind::WhatNeedsToHappen);
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "One", { "AA_issue_one" }),                       // 0
        para(Role::ListItem, 0, "kept"),                                            // 1
        para(Role::ListItem, 0, "", {}, { linkSpan(aa::MarkKind::Issue, "gone") }), // 2
        para(Role::ListItem, 0, "", {},
             { linkSpan(aa::MarkKind::Issue, "gone"), linkSpan(aa::MarkKind::Issue, "one") }),
        para(Role::ListItem, needs, "", { "AA_help_h" }, { Span{ "Gone", "", "AA_issue_gone" } }), // 4
        para(Role::ListItem, needs, "text stays", {},
             { Span{ "text stays", "", "" }, linkSpan(aa::MarkKind::Issue, "gone") }),
        para(Role::IfNot, 0, strings().get("item.ifNotPrefix") + "its consequence"),                 // 6
        para(Role::ListItem, needs, "", { "AA_help_k" }, { linkSpan(aa::MarkKind::Adult, "gone") }), // 7
        para(Role::IfNot, 0, strings().get("item.ifNotPrefix") + "a consequence keeps it"),          // 8
        para(Role::ListItem, 2, "", {},
             { linkSpan(aa::MarkKind::Issue, "gone"), linkSpan(aa::MarkKind::Help, "gone2") }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    const Analysis& a = read.analysis;
    EXPECT_EQ(a.list(ListKind::Strengths), (std::vector<Item>{ makeItem("kept"), makeItem("", { "one" }) }));
    EXPECT_EQ(read.layout.items[0], (std::vector<std::size_t>{ 1, 3 })) << "parallel to the items";
    const auto& needsItems = a.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(needsItems.size(), 2u);
    EXPECT_EQ(needsItems[0].text, "text stays");
    EXPECT_TRUE(needsItems[0].issues.empty());
    EXPECT_EQ(needsItems[0].ifNot, "its consequence");
    EXPECT_EQ(needsItems[1].ifNot, "a consequence keeps it");
    EXPECT_EQ(read.layout.items[1], (std::vector<std::size_t>{ 5, 7 }));
    EXPECT_EQ(read.layout.ifNot, (std::vector<std::optional<std::size_t>>{ 6, 8 }));
    EXPECT_TRUE(a.list(ListKind::SuccessSigns).empty());
    EXPECT_TRUE(read.layout.items[2].empty());
    EXPECT_EQ(a.issues.at(0).id, "one");
}

TEST(ReadAnalysis, HeadingThatLostItsBookmarkTakesBackTheIdLinksPointTo)
{
    const Analysis a = aa::test::rich();
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        SCOPED_TRACE(a.issues[i].id);
        std::vector<Block> blocks = layout(a);
        findParagraph(blocks, Role::IssueTitle, a.issues[i].title).bookmarks.clear(); // retyped
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_EQ(read.analysis.issues.size(), a.issues.size());
        EXPECT_EQ(read.analysis.issues[i].id, a.issues[i].id);
        EXPECT_FALSE(read.layout.issues[i].bookmarkIntact) << "headingRepairs puts the bookmark back";
        for (std::size_t j = 0; j < a.issues.size(); ++j)
            if (j != i)
            {
                EXPECT_TRUE(read.layout.issues[j].bookmarkIntact) << a.issues[j].id;
            }
        EXPECT_TRUE(read.analysis == a) << aa::toJson(read.analysis);
    }
}

TEST(ReadAnalysis, AdultHeadingThatLostItsBookmarkTakesBackTheIdLinksPointTo)
{
    // As an issue's heading does: the adult's name retyped (its bookmark gone), the "identified
    // by" lines and the strengths still link to the adult's id.
    const Analysis a = aa::test::base();
    for (std::size_t i = 0; i < a.adults.size(); ++i)
    {
        SCOPED_TRACE(a.adults[i].id);
        std::vector<Block> blocks = layout(a);
        findParagraph(blocks, Role::AdultName, a.adults[i].name).bookmarks.clear();
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_EQ(read.analysis.adults.size(), a.adults.size());
        EXPECT_EQ(read.analysis.adults[i].id, a.adults[i].id);
        EXPECT_FALSE(read.layout.adults[i].bookmarkIntact) << "headingRepairs puts the bookmark back";
        EXPECT_TRUE(read.analysis == a) << aa::toJson(read.analysis);
    }
    // Both lost: which is whose is not known; fresh ids, the links dropped.
    std::vector<Block> blocks = layout(a);
    for (const Adult& adult : a.adults)
        findParagraph(blocks, Role::AdultName, adult.name).bookmarks.clear();
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_EQ(read.analysis.adults.at(0).id, "adult1");
    EXPECT_EQ(read.analysis.adults.at(1).id, "adult2");
    EXPECT_TRUE(read.analysis.issues.at(1).raisedByAdults.empty());
}

TEST(ReadAnalysis, HeadingTakesBackAnIdThatOnlyAPlanRowNames)
{
    Analysis a;
    aa::Issue one;
    one.id = "one";
    one.title = "One";
    aa::Issue two = one;
    two.id = "two";
    two.title = "Two";
    a.issues = { one, two };
    PlanRow row;
    row.issues = { "two" };
    row.cell(PlanColumn::Who) = "me";
    a.plan = { row };
    a.hasPlan = true;
    std::vector<Block> blocks = layout(a);
    findParagraph(blocks, Role::IssueTitle, "Two").bookmarks.clear();
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.analysis.issues.size(), 2u);
    EXPECT_EQ(read.analysis.issues[1].id, "two");
}

TEST(ReadAnalysis, AmbiguousLostBookmarksGetFreshIds)
{
    const Analysis a = aa::test::rich();
    // Two headings lost their bookmarks: which id is whose is not known.
    {
        std::vector<Block> blocks = layout(a);
        findParagraph(blocks, Role::IssueTitle, a.issues[0].title).bookmarks.clear();
        findParagraph(blocks, Role::IssueTitle, a.issues[2].title).bookmarks.clear();
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_EQ(read.analysis.issues.size(), a.issues.size());
        EXPECT_EQ(read.analysis.issues[0].id, "issue1");
        EXPECT_EQ(read.analysis.issues[2].id, "issue2");
        EXPECT_EQ(read.analysis.issues[1].id, a.issues[1].id);
        for (const auto& items : read.analysis.lists)
            for (const Item& item : items)
                for (const std::string& id : item.issues)
                    EXPECT_TRUE(read.analysis.findIssue(id)) << id << " dangles";
    }
    // One heading lost its bookmark, another was deleted: two ids dangle, so neither is taken.
    {
        std::vector<Block> blocks = layout(a);
        findParagraph(blocks, Role::IssueTitle, a.issues[0].title).bookmarks.clear();
        Paragraph& deleted = findParagraph(blocks, Role::IssueTitle, a.issues[2].title);
        deleted.style = "Text body";
        deleted.bookmarks.clear();
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_EQ(read.analysis.issues.size(), a.issues.size() - 1);
        EXPECT_EQ(read.analysis.issues[0].id, "issue1");
        EXPECT_FALSE(read.analysis.findIssue(a.issues[0].id));
        EXPECT_FALSE(read.analysis.findIssue(a.issues[2].id));
    }
    // A heading without a bookmark and no link dangling: a fresh id, not someone else's.
    {
        Analysis noLinks = a;
        for (auto& items : noLinks.lists)
            items.clear();
        noLinks.plan.clear();
        std::vector<Block> blocks = layout(noLinks);
        findParagraph(blocks, Role::IssueTitle, a.issues[3].title).bookmarks.clear();
        const aa::ReadResult read = readAnalysis(blocks);
        EXPECT_EQ(read.analysis.issues.at(3).id, "issue1");
        EXPECT_FALSE(read.layout.issues.at(3).bookmarkIntact);
    }
}

TEST(ReadAnalysis, BookmarkIntactOnlyWhenTheHeadingHoldsItOverText)
{
    Paragraph collapsed = para(Role::IssueTitle, 0, "Retyped", { "AA_issue_b" });
    collapsed.emptyBookmarks = { "AA_issue_b" }; // the text was typed over, the bookmark is a point
    Paragraph otherEmpty = para(Role::IssueTitle, 0, "Fine", { "AA_issue_c", "_Toc1" });
    otherEmpty.emptyBookmarks = { "_Toc1" };
    Paragraph adultCollapsed = para(Role::AdultName, 0, "Ann", { "AA_adult_ann" });
    adultCollapsed.emptyBookmarks = { "AA_adult_ann" };
    const std::vector<Block> blocks = {
        para(Role::IssueTitle, 0, "Intact", { "AA_issue_a" }),
        collapsed,
        otherEmpty,
        para(Role::IssueTitle, 0, "No bookmark"),
        para(Role::IssueTitle, 0, "Copy", { "AA_issue_a" }),
        adultCollapsed,
        para(Role::AdultName, 0, "Bob", { "AA_adult_bob" }),
    };
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.layout.issues.size(), 5u);
    EXPECT_TRUE(read.layout.issues[0].bookmarkIntact);
    EXPECT_EQ(read.analysis.issues[1].id, "b") << "a point bookmark still names the issue";
    EXPECT_FALSE(read.layout.issues[1].bookmarkIntact);
    EXPECT_TRUE(read.layout.issues[2].bookmarkIntact) << "only our bookmark counts";
    EXPECT_FALSE(read.layout.issues[3].bookmarkIntact);
    EXPECT_FALSE(read.layout.issues[4].bookmarkIntact) << "a copy's bookmark is the original's";
    EXPECT_NE(read.analysis.issues[4].id, "a");
    ASSERT_EQ(read.layout.adults.size(), 2u);
    EXPECT_EQ(read.analysis.adults[0].id, "ann");
    EXPECT_FALSE(read.layout.adults[0].bookmarkIntact);
    EXPECT_TRUE(read.layout.adults[1].bookmarkIntact);
    // The writer's own layout is intact everywhere, and an empty title's bookmark is not.
    Analysis a = aa::test::rich();
    const aa::ReadResult written = readAnalysis(layout(a));
    for (const aa::IssueLayout& il : written.layout.issues)
        EXPECT_TRUE(il.bookmarkIntact);
    for (const aa::AdultLayout& al : written.layout.adults)
        EXPECT_TRUE(al.bookmarkIntact);
    a.issues[2].title.clear();
    const aa::ReadResult emptyTitle = readAnalysis(layout(a));
    EXPECT_EQ(emptyTitle.analysis.issues[2].id, a.issues[2].id);
    EXPECT_FALSE(emptyTitle.layout.issues[2].bookmarkIntact);
}

// ---------------------------------------------------------------------------------------------
// readAnalysis: the report around the analysis (template places, the report's own headings)

/// The blocks of the parts of a asked for, as the writer makes them at one place.
std::vector<Block> fragment(const Analysis& a, const aa::FragmentParts& parts)
{
    return aa::test::FragmentBlocks(aa::buildOdtContent(a, strings(), parts), false).read();
}

void append(std::vector<Block>& to, const std::vector<Block>& more) { to.insert(to.end(), more.begin(), more.end()); }

/// A report made from the template: its headings and text, the analysis's parts at the
/// template's places (the safety, the recommendation and the plan under the template's own
/// headings, the rest under "Analysis of the assessment").
std::vector<Block> templateReport(const Analysis& a)
{
    std::vector<Block> blocks = {
        plain("Child and family assessment", "Heading 1"),
        plain("Report text at the top."),
        plain(strings().get("template.heading.safety"), "Heading 2"),
    };
    append(blocks, fragment(a, aa::FragmentParts::only(Section::Safety, false)));
    blocks.emplace_back(plain("The child's experience, wishes and feelings, and the family's", "Heading 2"));
    blocks.emplace_back(plain("The report's own words about the child."));
    blocks.emplace_back(plain(strings().get("section.analysis"), "Heading 2"));
    blocks.emplace_back(plain("The template's own words under its heading."));
    aa::FragmentParts rest = aa::FragmentParts::all();
    rest.heading = false;
    for (Section s : { Section::Safety, Section::Recommendation, Section::Plan })
        rest.set(s, false, false);
    append(blocks, fragment(a, rest));
    blocks.emplace_back(plain(strings().get("template.heading.recommendation"), "Heading 2"));
    append(blocks, fragment(a, aa::FragmentParts::only(Section::Recommendation, false)));
    blocks.emplace_back(plain("Other agencies' views and how they shaped the assessment", "Heading 2"));
    blocks.emplace_back(plain("The school and the GP agree."));
    blocks.emplace_back(plain(""));
    blocks.emplace_back(plain(strings().get("template.heading.plan"), "Heading 2"));
    append(blocks, fragment(a, aa::FragmentParts::only(Section::Plan, false)));
    blocks.emplace_back(plain("Timescales", "Heading 2"));
    blocks.emplace_back(plain("Started 1 September, completed 30 November."));
    blocks.emplace_back(plain(strings().get("section.supervision"), "Heading 2"));
    blocks.emplace_back(plain("The manager's notes."));
    return blocks;
}

TEST(ReadAnalysis, TemplatePlacesReadBackWithoutTheReportsText)
{
    for (const auto& [name, a] : aa::test::shapes())
    {
        SCOPED_TRACE(name);
        const std::vector<Block> blocks = templateReport(a);
        const aa::ReadResult read = readAnalysis(blocks);
        ASSERT_TRUE(read.found);
        expectSameAnalysis(read.analysis, a);
        EXPECT_TRUE(read.analysis.unplaced.empty()) << read.analysis.unplaced.front();
        ASSERT_TRUE(read.layout.first);
        EXPECT_EQ(paragraphAt(blocks, 2).text, strings().get("template.heading.safety"));
        EXPECT_EQ(*read.layout.first, 3u) << "the analysis starts with the safety answer";
        EXPECT_FALSE(read.layout.sections[at(Section::Safety)]) << "the template's heading is not ours";
        EXPECT_FALSE(read.layout.sections[at(Section::Recommendation)]);
        EXPECT_FALSE(read.layout.sections[at(Section::Plan)]);
        EXPECT_TRUE(read.layout.sections[at(Section::Issues)]);
        EXPECT_FALSE(read.layout.heading) << "the template's heading is not ours";
    }
}

TEST(ReadAnalysis, TextTypedAfterAPartAtATemplatePlaceJoinsIt)
{
    const Analysis a = aa::test::base();
    std::vector<Block> blocks = templateReport(a);
    // After the safety answer (before the report's next heading), a paragraph typed in Text body.
    const aa::ReadResult before = readAnalysis(blocks);
    const std::size_t last = before.layout.topics[at(Topic::Safety)].paragraphs.back();
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(last + 1), plain("typed after the safety answer"));
    const aa::ReadResult read = readAnalysis(blocks);
    EXPECT_EQ(read.analysis.topic(Topic::Safety), a.topic(Topic::Safety) + "\ntyped after the safety answer");
    EXPECT_TRUE(read.analysis.unplaced.empty());
}

TEST(ReadAnalysis, AReportHeadingInsideTheAnalysisEndsAPart)
{
    const Analysis a = aa::test::base();
    const aa::Layout where = readAnalysis(layout(a)).layout;
    struct Case
    {
        std::string name;
        std::size_t after;
    };
    const std::vector<Case> cases = {
        { "after the last issue", where.issues.back().last },
        { "after the last adult", where.adults.back().last },
        { "after a topic", where.topics[at(Topic::Safety)].paragraphs.back() },
        { "after a labelled topic", where.topics[at(Topic::RiskAndProtectiveBalance)].paragraphs.back() },
        { "after a list", where.items[at(ListKind::Strengths)].back() },
        { "after a must's consequence", *where.ifNot[0] },
        { "after the plan's table", *where.planTable },
    };
    for (const Case& c : cases)
    {
        SCOPED_TRACE(c.name);
        std::vector<Block> blocks = layout(a);
        const std::vector<Block> report = { plain("The report's own heading", "Heading 2"), plain("Report text."),
                                            plain("More report text.", "Default Paragraph Style"),
                                            plain("A quote", "Quotations") };
        blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(c.after + 1), report.begin(), report.end());
        const aa::ReadResult read = readAnalysis(blocks);
        expectSameAnalysis(read.analysis, a);
        EXPECT_TRUE(read.analysis.unplaced.empty()) << "the report's text is the report's";
    }
}

TEST(ReadAnalysis, AReportHeadingInsideAnIssueEndsItWithoutLosingAWord)
{
    // The issue ends at the report's heading: what of the issue follows is reported as unplaced,
    // never taken by the report nor dropped.
    const Analysis a = aa::test::base();
    const aa::Layout where = readAnalysis(layout(a)).layout;
    std::vector<Block> blocks = layout(a);
    const std::size_t after = where.issues[0].parts[0].paragraphs.back();
    const std::vector<Block> report = { plain("The report's own heading", "Heading 3"), plain("Report text.") };
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(after + 1), report.begin(), report.end());
    const aa::ReadResult read = readAnalysis(blocks);
    ASSERT_EQ(read.analysis.issues.size(), a.issues.size());
    EXPECT_EQ(read.analysis.issues[0].part(IssuePart::Origins), a.issues[0].part(IssuePart::Origins));
    EXPECT_EQ(read.analysis.issues[0].part(IssuePart::MaintainingFactors), "");
    std::vector<std::string> rest;
    for (IssuePart p : { IssuePart::MaintainingFactors, IssuePart::ImpactOnChild, IssuePart::Explanation })
        for (const std::string& line : lines(a.issues[0].part(p)))
            rest.push_back(line);
    EXPECT_EQ(read.analysis.unplaced, rest);
    for (std::size_t i = 1; i < a.issues.size(); ++i)
        EXPECT_TRUE(read.analysis.issues[i] == a.issues[i]);
}

TEST(ReadAnalysis, TheSupervisionRecordIsReadApartFromTheAnalysis)
{
    auto cell = [](Role role, const std::string& text) { return Cell{ para(role, 0, text) }; };
    Table record;
    aa::Row header;
    for (const char* key : { "supervision.date", "supervision.reviewer", "supervision.discussed",
                             "supervision.influence", "supervision.decisions", "supervision.actions" })
        header.push_back(cell(Role::SupervisionHeader, strings().get(key)));
    record.rows.push_back(header);
    record.rows.push_back(
        { cell(Role::SupervisionCell, "2026-11-30"), cell(Role::SupervisionCell, "T. Manager"),
          cell(Role::SupervisionCell, "the mornings"), cell(Role::SupervisionCell, "a must added"),
          Cell{ para(Role::SupervisionCell, 0, "CIN plan"), para(Role::SupervisionCell, 0, "review in 6 weeks") },
          cell(Role::SupervisionCell, "") });
    record.rows.push_back(aa::Row(6, cell(Role::SupervisionCell, " ")));  // an empty row to type into
    record.rows.push_back({ cell(Role::SupervisionCell, "2026-12-14") }); // fewer cells
    const Analysis a = aa::test::base();
    std::vector<Block> blocks = layout(a);
    const std::size_t after = blocks.size() - 1;
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(after),
                  plain(strings().get("section.supervision"), "Heading 2"));
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(after + 1), record);
    const std::vector<aa::SupervisionEntry> entries = aa::readSupervision(blocks);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].reviewer, "T. Manager");
    EXPECT_EQ(entries[0].influence, "a must added");
    EXPECT_EQ(entries[0].decisions, "CIN plan\nreview in 6 weeks");
    EXPECT_EQ(entries[1].date, "2026-12-14");
    // Not the plan, not the analysis's, even inside it.
    const aa::ReadResult read = readAnalysis(blocks);
    expectSameAnalysis(read.analysis, a);
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(*read.layout.planTable + 1), record);
    expectSameAnalysis(readAnalysis(blocks).analysis, a);
    EXPECT_EQ(aa::readSupervision(blocks).size(), 4u);
}

// ---------------------------------------------------------------------------------------------
// Small functions

TEST(ReadAnalysis, LinkTarget)
{
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_issue_x", "" }), std::optional<std::string>("x"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "", "AA_issue_y" }), std::optional<std::string>("y"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_issue_x", "AA_issue_y" }), std::optional<std::string>("x"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_issue_1bad", "AA_issue_y" }), std::optional<std::string>("y"));
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "https://e.org/#AA_issue_x", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "AA_issue_x", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "", "_Toc1" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "", "" }), std::nullopt);
    EXPECT_EQ(aa::linkedIssue(Span{ "t", "#AA_help_x", "" }), std::nullopt);
    const auto adult = aa::linkTarget(Span{ "t", "#AA_adult_mum", "" });
    ASSERT_TRUE(adult);
    EXPECT_EQ(adult->kind, aa::MarkKind::Adult);
    EXPECT_EQ(adult->id, "mum");
    const auto item = aa::linkTarget(Span{ "t", "", "AA_help_h1" });
    ASSERT_TRUE(item);
    EXPECT_EQ(item->kind, aa::MarkKind::Help);
    EXPECT_FALSE(aa::linkTarget(Span{ "t", "#AA_plan_h1", "" })) << "nothing links to a plan row";
}

TEST(ReadAnalysis, BookmarkNames)
{
    EXPECT_EQ(aa::bookmarkName(aa::MarkKind::Help, "help1"), "AA_help_help1");
    EXPECT_EQ(aa::bookmarkName(aa::MarkKind::Plan, "help1"), "AA_plan_help1");
    EXPECT_EQ(aa::bookmarkName(aa::MarkKind::Adult, "mum"), "AA_adult_mum");
    EXPECT_EQ(aa::idFromBookmark(aa::MarkKind::Help, "AA_help_help1"), std::optional<std::string>("help1"));
    EXPECT_EQ(aa::idFromBookmark(aa::MarkKind::Plan, "AA_plan_help1"), std::optional<std::string>("help1"));
    EXPECT_EQ(aa::idFromBookmark(aa::MarkKind::Help, "AA_plan_help1"), std::nullopt);
    EXPECT_EQ(aa::idFromBookmark(aa::MarkKind::Help, "AA_help_"), std::nullopt);
    EXPECT_EQ(aa::idFromBookmark(aa::MarkKind::Help, "AA_help_a b"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("AA_help_x"), std::nullopt);
    EXPECT_TRUE(aa::isOurBookmark(aa::MarkKind::Issue, "AA_issue_x Copy 1"));
    EXPECT_FALSE(aa::isOurBookmark(aa::MarkKind::Issue, "AA_adult_x"));
    for (aa::MarkKind kind : { aa::MarkKind::Issue, aa::MarkKind::Adult, aa::MarkKind::Help, aa::MarkKind::Plan })
        EXPECT_LE(aa::bookmarkName(kind, std::string(31, 'x')).size(), 40u) << "Word keeps at most 40";
}

TEST(ReadAnalysis, AdultHeadings)
{
    Adult adult;
    adult.name = "Sarah Green";
    adult.relationship = "Maya's mother";
    EXPECT_EQ(aa::adultHeading(adult), "Sarah Green (Maya's mother)");
    EXPECT_EQ(aa::parseAdultHeading("Sarah Green (Maya's mother)"),
              (std::pair<std::string, std::string>{ "Sarah Green", "Maya's mother" }));
    adult.relationship = " ";
    EXPECT_EQ(aa::adultHeading(adult), "Sarah Green");
    EXPECT_EQ(aa::parseAdultHeading("  Sarah Green  "), (std::pair<std::string, std::string>{ "Sarah Green", "" }));
    EXPECT_EQ(aa::parseAdultHeading("Anna (Sarah's sister) Green"),
              (std::pair<std::string, std::string>{ "Anna (Sarah's sister) Green", "" }));
    EXPECT_EQ(aa::parseAdultHeading("(aunt)"), (std::pair<std::string, std::string>{ "(aunt)", "" }));
    EXPECT_EQ(aa::parseAdultHeading("Jo (a) (b)"), (std::pair<std::string, std::string>{ "Jo (a)", "b" }));
}

TEST(ReadAnalysis, StylesForEveryRoleAndTheirNames)
{
    std::set<std::string> names;
    for (const aa::StyleRole& r : aa::allStyleRoles())
    {
        const std::string name = aa::styleName(r.role, r.index);
        EXPECT_TRUE(names.insert(name).second) << "two roles share " << name;
        const aa::StyleRole back = aa::roleOfStyle(name);
        EXPECT_EQ(back.role, r.role) << name;
        EXPECT_EQ(back.index, r.index) << name;
        EXPECT_FALSE(back.legacy) << name;
    }
    EXPECT_EQ(aa::styleSpecs().size(), aa::allStyleRoles().size());
    EXPECT_EQ(aa::roleOfStyle("Text body").role, Role::None);
    EXPECT_EQ(aa::roleOfStyle("Analysis Parents Motivation").role, Role::LegacyParents);
    EXPECT_TRUE(aa::roleOfStyle("Analysis Parents Understanding").legacy);
    EXPECT_TRUE(aa::roleOfStyle("Analysis Child Understanding").legacy);
    EXPECT_EQ(aa::roleOfStyle("Analysis What Would Help").role, Role::ListItem);
    EXPECT_EQ(aa::roleOfStyle("Analysis What Would Help").index, at(ListKind::WhatNeedsToHappen));
    EXPECT_TRUE(aa::isForeignHeading("Heading 2"));
    EXPECT_TRUE(aa::isForeignHeading("Title"));
    EXPECT_FALSE(aa::isForeignHeading("Analysis Heading"));
    EXPECT_FALSE(aa::isForeignHeading("Text body"));
}

// ---------------------------------------------------------------------------------------------
// buildOdtFragment

std::string entry(const std::vector<aa::test::ZipEntry>& entries, const std::string& name)
{
    for (const auto& e : entries)
        if (e.name == name)
            return e.data;
    ADD_FAILURE() << "no entry " << name;
    return {};
}

std::string contentOf(const Analysis& a, const aa::FragmentParts& parts = aa::FragmentParts::all())
{
    return entry(aa::test::readZip(aa::buildOdtFragment(a, strings(), parts)), "content.xml");
}

TEST(OdtFragment, PackageStartsWithUncompressedMimetype)
{
    const std::string zip = aa::buildOdtFragment(aa::test::rich());
    ASSERT_GT(zip.size(), 38u + 39u);
    EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(aa::test::le16(zip, 8), 0u) << "stored, not deflated";
    EXPECT_EQ(aa::test::le16(zip, 26), 8u) << "name length";
    EXPECT_EQ(aa::test::le16(zip, 28), 0u) << "no extra field before the mimetype";
    EXPECT_EQ(zip.substr(30, 8), "mimetype");
    const std::string mime = "application/vnd.oasis.opendocument.text";
    EXPECT_EQ(aa::test::le32(zip, 18), mime.size());
    EXPECT_EQ(aa::test::le32(zip, 22), mime.size());
    EXPECT_EQ(zip.substr(38, mime.size()), mime);
    EXPECT_EQ(aa::test::le32(zip, 14), aa::crc32(mime));
}

TEST(OdtFragment, PackageHoldsContentStylesAndManifest)
{
    const std::vector<aa::test::ZipEntry> entries = aa::test::readZip(aa::buildOdtFragment(aa::test::rich()));
    std::vector<std::string> names;
    for (const auto& e : entries)
    {
        names.push_back(e.name);
        EXPECT_EQ(e.method, 0u) << e.name;
        EXPECT_EQ(e.size, e.data.size()) << e.name;
        EXPECT_EQ(e.crc, aa::crc32(e.data)) << e.name;
    }
    EXPECT_EQ(names, (std::vector<std::string>{ "mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml" }));
    const std::string manifest = entry(entries, "META-INF/manifest.xml");
    EXPECT_NE(manifest.find(R"(manifest:full-path="content.xml")"), std::string::npos);
    EXPECT_NE(manifest.find(R"(manifest:full-path="styles.xml")"), std::string::npos);
    const std::string styles = entry(entries, "styles.xml");
    for (const aa::StyleSpec& spec : aa::styleSpecs())
        EXPECT_NE(styles.find("style:display-name=\"" + spec.name + "\""), std::string::npos) << spec.name;
    EXPECT_EQ(styles.find("Parents"), std::string::npos) << "schema 1's own styles are not written";
    EXPECT_EQ(buildOdtContent(aa::test::rich()), entry(entries, "content.xml"));
}

TEST(OdtFragment, ContentHoldsBookmarksLinksAndEscapedText)
{
    Analysis a = aa::test::rich();
    a.issues[0].title = "Housing <&> \"quoted\"";
    a.list(ListKind::WhatNeedsToHappen)[1].text = "Help & support < today >";
    a.adults[0].name = "Sarah <Green>";
    const std::string content = contentOf(a);
    ASSERT_FALSE(content.empty());
    for (const aa::Issue& issue : a.issues)
    {
        SCOPED_TRACE(issue.id);
        const std::string bookmark = aa::issueBookmarkName(issue.id);
        EXPECT_NE(content.find("<text:bookmark-start text:name=\"" + bookmark + "\"/>"), std::string::npos);
        EXPECT_NE(content.find("<text:bookmark-end text:name=\"" + bookmark + "\"/>"), std::string::npos);
    }
    for (const Adult& adult : a.adults)
        EXPECT_NE(content.find("<text:bookmark-start text:name=\"AA_adult_" + adult.id + "\"/>"), std::string::npos);
    EXPECT_NE(content.find(R"(xlink:href="#AA_issue_housing")"), std::string::npos);
    EXPECT_NE(content.find(R"(xlink:href="#AA_adult_mother")"), std::string::npos);
    EXPECT_NE(content.find(R"(xlink:href="#AA_help_mornings")"), std::string::npos)
        << "a success sign's link to its item";
    EXPECT_NE(content.find(R"(text:ref-name="AA_issue_mentalHealth")"), std::string::npos);
    EXPECT_NE(content.find("Housing &lt;&amp;&gt; \"quoted\""), std::string::npos);
    EXPECT_EQ(content.find("Housing <&>"), std::string::npos);
    EXPECT_NE(content.find("Help &amp; support &lt; today &gt;"), std::string::npos);
    EXPECT_NE(content.find("Sarah &lt;Green&gt;"), std::string::npos);
    EXPECT_NE(content.find("text:style-name=\"Analysis_20_Issue_20_Title\""), std::string::npos);
    EXPECT_NE(content.find("text:style-name=\"Analysis_20_Plan_20_Header\""), std::string::npos);
    EXPECT_NE(content.find(aa::paragraphXml(a.issues[3].title)), std::string::npos);
    EXPECT_NE(content.find("Third, after an empty one."), std::string::npos);
    EXPECT_NE(content.find(aa::paragraphXml(strings().get("plan.progress"))), std::string::npos);
    // Prompts are placeholders, which do not print.
    EXPECT_NE(content.find("<text:placeholder text:placeholder-type=\"text\" text:description=\""
                           + aa::escapeXml(aa::questionPrompt(QuestionKey::of(Topic::NotKnown)))),
              std::string::npos);
    // It never ends in a table.
    const std::string tail
        = "<text:p text:style-name=\"Standard\"/></office:text></office:body></office:document-content>";
    ASSERT_GE(content.size(), tail.size());
    EXPECT_EQ(content.substr(content.size() - tail.size()), tail);
}

TEST(OdtFragment, ContentTiesItemsToPlanRowsAndShowsMustsAndFlags)
{
    const Analysis a = aa::test::rich();
    const std::string content = contentOf(a);
    for (const Item& item : a.list(ListKind::WhatNeedsToHappen))
    {
        SCOPED_TRACE(item.id);
        const std::string bookmark = aa::bookmarkName(aa::MarkKind::Help, item.id);
        const std::string start = "<text:bookmark-start text:name=\"" + bookmark + "\"/>";
        const std::size_t at = content.find(start);
        ASSERT_NE(at, std::string::npos);
        // The bookmark holds the item's text after the must's mark, without a closing full stop
        // (a success sign's link to the item shows it inside brackets).
        std::string marked = item.text;
        while (!marked.empty() && (marked.back() == '.' || marked.back() == ' '))
            marked.pop_back();
        const std::string inner = aa::paragraphXml(marked) + "<text:bookmark-end text:name=\"" + bookmark + "\"/>";
        EXPECT_EQ(content.compare(at + start.size(), inner.size(), inner), 0);
        const std::string strong = "<text:span text:style-name=\"AAStrong\">"
                                   + aa::paragraphXml(strings().get("item.mustPrefix")) + "</text:span>";
        EXPECT_EQ(content.compare(at - strong.size(), strong.size(), strong) == 0, item.must);
    }
    for (const PlanRow& row : a.plan)
        if (!row.help.empty())
        {
            EXPECT_NE(
                content.find("<text:bookmark text:name=\"" + aa::bookmarkName(aa::MarkKind::Plan, row.help) + "\"/>"),
                std::string::npos)
                << row.help;
        }
    // The first row (a must) starts its action cell with its bookmark, then the must's mark.
    ASSERT_TRUE(a.plan[0].must);
    EXPECT_NE(content.find("<text:p text:style-name=\"Analysis_20_Plan_20_Cell\"><text:bookmark text:name=\"AA_plan_"
                           + a.plan[0].help + "\"/><text:span text:style-name=\"AAStrong\">"
                           + aa::paragraphXml(strings().get("item.mustPrefix")) + "</text:span>"
                           + aa::paragraphXml(a.plan[0].cell(PlanColumn::Action))),
              std::string::npos);
    // Flags: one per flagged row, in its issue cell, before the links.
    const std::string flag = "<text:p text:style-name=\"Analysis_20_Plan_20_Flag\">"
                             + aa::paragraphXml(strings().get("plan.flag")) + "</text:p>";
    std::size_t flags = 0;
    for (std::size_t at = content.find(flag); at != std::string::npos; at = content.find(flag, at + 1))
        ++flags;
    EXPECT_EQ(flags, 2u);
    // Strengths and success signs carry no bookmark of an item.
    const std::size_t signs = content.find(aa::paragraphXml(sectionText(Section::SuccessSigns)));
    const std::size_t strengths = content.find(aa::paragraphXml(sectionText(Section::Strengths)));
    ASSERT_NE(signs, std::string::npos);
    EXPECT_EQ(content.find("<text:bookmark-start text:name=\"AA_help_", signs), std::string::npos);
    EXPECT_GT(content.find("<text:bookmark-start text:name=\"AA_help_", strengths),
              content.find(aa::paragraphXml(sectionText(Section::WhatNeedsToHappen)), strengths))
        << "only the \"what needs to happen\" items' bookmarks";
}

TEST(OdtFragment, SectionsInTheOrderOfTheReasoning)
{
    const std::string content = contentOf(aa::test::base());
    std::size_t previous = content.find(aa::paragraphXml(strings().get("section.analysis")));
    ASSERT_NE(previous, std::string::npos);
    for (std::size_t s = 0; s < aa::sectionCount; ++s)
    {
        const std::string heading = "<text:h text:style-name=\"Analysis_20_Subheading\" text:outline-level=\"3\">"
                                    + aa::paragraphXml(sectionText(static_cast<Section>(s))) + "</text:h>";
        const std::size_t at = content.find(heading);
        ASSERT_NE(at, std::string::npos) << heading;
        EXPECT_GT(at, previous) << heading;
        previous = at;
    }
    EXPECT_GT(content.find("<table:table "), content.find(aa::paragraphXml(sectionText(Section::Recommendation))))
        << "the recommendation before the plan";
}

TEST(OdtFragment, PartsCanBeLeftOut)
{
    const Analysis a = aa::test::rich();
    const std::string tail
        = "<text:p text:style-name=\"Standard\"/></office:text></office:body></office:document-content>";
    // The plan alone at the template's place: no heading of ours, the table and the plan's topics.
    const std::string plan = contentOf(a, aa::FragmentParts::only(Section::Plan, false));
    EXPECT_EQ(plan.find("Analysis_20_Issue_20_Title"), std::string::npos);
    EXPECT_EQ(plan.find("Analysis_20_Subheading"), std::string::npos);
    EXPECT_EQ(plan.find("Analysis_20_Heading"), std::string::npos);
    EXPECT_NE(plan.find("<table:table "), std::string::npos);
    EXPECT_NE(plan.find(aa::paragraphXml(a.topic(Topic::PlanReview))), std::string::npos);
    EXPECT_EQ(plan.compare(plan.size() - tail.size(), tail.size(), tail), 0);
    // With its heading.
    const std::string withHeading = contentOf(a, aa::FragmentParts::only(Section::Plan, true));
    EXPECT_NE(withHeading.find(aa::paragraphXml(sectionText(Section::Plan))), std::string::npos);
    EXPECT_LT(withHeading.find(aa::paragraphXml(sectionText(Section::Plan))), withHeading.find("<table:table "));
    // The safety alone: its answer, nothing else.
    const std::vector<Block> safety = fragment(a, aa::FragmentParts::only(Section::Safety, false));
    ASSERT_EQ(safety.size(), 2u) << "the answer and the last empty paragraph";
    EXPECT_EQ(std::get<Paragraph>(safety[0]).text, a.topic(Topic::Safety));
    // Everything but the plan.
    aa::FragmentParts noPlan = aa::FragmentParts::all();
    noPlan.set(Section::Plan, false, false);
    const std::string analysis = contentOf(a, noPlan);
    EXPECT_NE(analysis.find("Analysis_20_Issue_20_Title"), std::string::npos);
    EXPECT_EQ(analysis.find("<table:table "), std::string::npos);
    EXPECT_EQ(analysis.find(aa::paragraphXml(sectionText(Section::Plan))), std::string::npos);
    EXPECT_EQ(analysis.compare(analysis.size() - tail.size(), tail.size(), tail), 0);
}

TEST(OdtFragment, PlanTableColumns)
{
    Analysis a = aa::test::base();
    std::vector<PlanColumn> seven;
    for (std::size_t c = 0; c < aa::newTableColumns; ++c)
        seven.push_back(static_cast<PlanColumn>(c));
    EXPECT_EQ(aa::planTableColumns(a.plan), seven);
    EXPECT_EQ(aa::planTableColumns(std::vector<aa::PlanRow>{}), seven);
    // A plan of schema 1 with its per-row review or contingency keeps that column.
    a.plan[1].cell(PlanColumn::Contingency) = "plan B";
    std::vector<PlanColumn> eight = seven;
    eight.push_back(PlanColumn::Contingency);
    EXPECT_EQ(aa::planTableColumns(a.plan), eight);
    a.plan[0].cell(PlanColumn::Review) = "weekly";
    std::vector<PlanColumn> nine = seven;
    nine.push_back(PlanColumn::Review);
    nine.push_back(PlanColumn::Contingency);
    EXPECT_EQ(aa::planTableColumns(a.plan), nine);
    const aa::ReadResult read = readAnalysis(layout(a));
    EXPECT_EQ(read.layout.planColumns.size(), 9u);
    expectSameAnalysis(read.analysis, a);
}

TEST(OdtFragment, ContentTagsAreBalanced)
{
    for (const auto& [name, a] : aa::test::shapes())
    {
        SCOPED_TRACE(name);
        const std::string content = contentOf(a);
        // A small well-formedness check: every start tag is closed in order.
        std::vector<std::string> open;
        std::size_t at = content.find("?>");
        ASSERT_NE(at, std::string::npos);
        while ((at = content.find('<', at)) != std::string::npos)
        {
            const std::size_t end = content.find('>', at);
            ASSERT_NE(end, std::string::npos);
            std::string tag = content.substr(at + 1, end - at - 1);
            at = end + 1;
            if (!tag.empty() && tag.back() == '/')
                continue;
            const bool closing = !tag.empty() && tag[0] == '/';
            std::string tagName = tag.substr(closing ? 1 : 0);
            tagName = tagName.substr(0, tagName.find(' '));
            if (closing)
            {
                ASSERT_FALSE(open.empty()) << "stray </" << tagName << ">";
                ASSERT_EQ(open.back(), tagName);
                open.pop_back();
            }
            else
                open.push_back(tagName);
        }
        EXPECT_TRUE(open.empty());
    }
}

TEST(OdtFragment, ComposerAndFragmentAgree)
{
    // The fragment writes each paragraph as the composer makes it (the same the update writes).
    const Analysis a = aa::test::base();
    const aa::Composer compose(a);
    std::vector<aa::NewParagraph> want{ compose.analysisHeading() };
    for (std::size_t s = 0; s < aa::sectionCount; ++s)
    {
        const auto more = compose.section(static_cast<Section>(s), true);
        want.insert(want.end(), more.begin(), more.end());
    }
    std::vector<std::string> got, expected;
    for (const Block& b : layout(a))
        if (const Paragraph* p = std::get_if<Paragraph>(&b))
            got.push_back(p->style + "|" + p->text + (p->prompt ? "|prompt" : ""));
    for (const aa::NewParagraph& np : want)
        expected.push_back(aa::styleName(np.role, np.index) + "|" + np.text() + (np.isPrompt() ? "|prompt" : ""));
    // The report's paragraphs around, and the fragment's last empty one.
    ASSERT_GE(got.size(), 3u);
    got.erase(got.begin());
    got.erase(got.end() - 2, got.end());
    EXPECT_EQ(got, expected);
}

// ---------------------------------------------------------------------------------------------
// paragraphXml

TEST(ParagraphXml, EscapesMarkup)
{
    EXPECT_EQ(aa::paragraphXml("a&b<c>d"), "a&amp;b&lt;c&gt;d");
    EXPECT_EQ(aa::paragraphXml("&amp;"), "&amp;amp;");
    EXPECT_EQ(aa::paragraphXml(""), "");
    EXPECT_EQ(aa::paragraphXml("caf\xC3\xA9 \xF0\x9F\x98\x80"), "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(ParagraphXml, OnlyASpaceBetweenTwoOtherCharactersStaysLiteral)
{
    EXPECT_EQ(aa::paragraphXml("a b"), "a b");
    EXPECT_EQ(aa::paragraphXml("a  b"), "a<text:s/><text:s/>b");
    EXPECT_EQ(aa::paragraphXml("a   b c"), "a<text:s/><text:s/><text:s/>b c");
    EXPECT_EQ(aa::paragraphXml(" a"), "<text:s/>a");
    EXPECT_EQ(aa::paragraphXml("a "), "a<text:s/>");
    EXPECT_EQ(aa::paragraphXml(" "), "<text:s/>");
    EXPECT_EQ(aa::paragraphXml("  "), "<text:s/><text:s/>");
    EXPECT_EQ(aa::paragraphXml("& <"), "&amp; &lt;");
}

TEST(ParagraphXml, TabsBecomeTabElements)
{
    EXPECT_EQ(aa::paragraphXml("a\tb"), "a<text:tab/>b");
    EXPECT_EQ(aa::paragraphXml("\t\t"), "<text:tab/><text:tab/>");
    EXPECT_EQ(aa::paragraphXml("a\t b"), "a<text:tab/><text:s/>b") << "a space after a tab is not literal";
}

TEST(ParagraphXml, KeepsEverySpace)
{
    // Whatever the spacing, counting literal spaces and <text:s/> gives back every space.
    for (const std::string& text : std::vector<std::string>{ "a", " a  b   c ", "   ", "x \t y", " \t ", "a b c d" })
    {
        SCOPED_TRACE("[" + text + "]");
        const std::string xml = aa::paragraphXml(text);
        std::string rebuilt;
        for (std::size_t i = 0; i < xml.size();)
        {
            if (xml.compare(i, 9, "<text:s/>") == 0)
            {
                rebuilt += ' ';
                i += 9;
            }
            else if (xml.compare(i, 11, "<text:tab/>") == 0)
            {
                rebuilt += '\t';
                i += 11;
            }
            else
                rebuilt += xml[i++];
        }
        EXPECT_EQ(rebuilt, text);
        // No two literal spaces in a row, none first or last.
        EXPECT_EQ(xml.find("  "), std::string::npos) << xml;
        EXPECT_NE(xml.front(), ' ');
        EXPECT_NE(xml.back(), ' ');
    }
}

} // namespace
