// planUpdate, issueParagraphs, titleRepairs and planPlanUpdate on hand-built blocks laid out as
// OdtFragment writes a document (aa::test::documentBlocks), then edited the way people edit.
#include "DocumentStructure.hpp"
#include "Json.hpp"
#include "Plan.hpp"
#include "EditSupport.hpp"
#include "TestSupport.hpp"
#include "Update.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace
{
using aa::Analysis;
using aa::Block;
using aa::Consideration;
using aa::Edit;
using aa::IssuePart;
using aa::Item;
using aa::ListKind;
using aa::NewParagraph;
using aa::Paragraph;
using aa::PlanColumn;
using aa::PlanEdit;
using aa::PlanRow;
using aa::ReadResult;
using aa::Role;
using aa::Span;
using aa::Voice;
using aa::test::applyEdits;
using aa::test::describe;
using aa::test::documentBlocks;
using aa::test::label;
using aa::test::makeItem;
using aa::test::para;
using aa::test::raisedByText;

constexpr std::size_t origins = 0;
constexpr std::size_t maintaining = 1;
constexpr std::size_t impact = 2;

/// Three issues with multi-paragraph parts, linked items in every list, two further questions
/// answered, and the derived plan.
Analysis base()
{
    return aa::withPlan(aa::parseAnalysis(R"({"schema":1,"issues":[
        {"id":"a","title":"Issue A","raisedBy":["practitioner"],"origins":"o1\no2\no3","maintainingFactors":"m1","impactOnChild":"i1\ni2"},
        {"id":"b","title":"Issue B","raisedBy":["child","parents"],"origins":"bo","maintainingFactors":"bm1\nbm2","impactOnChild":"bi"},
        {"id":"c","title":"Issue C","origins":"co","maintainingFactors":"cm","impactOnChild":"ci1\nci2\nci3"}],
      "strengths":[{"text":"s1","issues":["a"]},{"text":"s2"}],
      "whatWouldHelp":[{"text":"h1","issues":["a"]},{"text":"h2","issues":["b","a"]},{"id":"own","text":"h3"}],
      "successSigns":[{"text":"sign a","issues":["a"]},{"text":"sign b","issues":["b"]}],
      "considerations":{"notKnown":"n1\nn2","patterns":"p1"}})"));
}

/// The document's blocks and what readAnalysis makes of them.
struct Doc
{
    std::vector<Block> blocks;
    ReadResult read;
};

Doc readDoc(std::vector<Block> blocks)
{
    Doc doc{ std::move(blocks), {} };
    doc.read = aa::readAnalysis(doc.blocks);
    return doc;
}

Doc document(const Analysis& a) { return readDoc(documentBlocks(a)); }

/// The document of a, with the blocks at these indices deleted by hand.
Doc withoutBlocks(const Analysis& a, std::set<std::size_t> indices)
{
    std::vector<Block> blocks = documentBlocks(a);
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(*it));
    return readDoc(std::move(blocks));
}

/// Where the pieces of a's document are before any hand edit.
aa::Layout layoutOf(const Analysis& a) { return document(a).read.layout; }

// ---------------------------------------------------------------------------------------------
// Describing edits, so that whole plans compare with readable failures.

NewParagraph np(Role role, std::size_t index, const std::string& text, const std::string& bookmark = {},
                const std::vector<std::string>& links = {})
{
    NewParagraph p;
    p.role = role;
    p.index = index;
    p.text = text;
    p.bookmark = bookmark;
    p.links = links;
    return p;
}

std::multiset<std::string> describe(const std::vector<Edit>& edits)
{
    std::multiset<std::string> out;
    for (const Edit& e : edits)
        out.insert(describe(e));
    return out;
}

std::string replaceAt(std::size_t block, const NewParagraph& p) { return describe(Edit::Kind::Replace, block, { p }); }
std::string insertAfter(std::size_t block, const std::vector<NewParagraph>& ps)
{
    return describe(Edit::Kind::InsertAfter, block, ps);
}
std::string deleteAt(std::size_t block) { return describe(Edit::Kind::Delete, block, {}); }

std::multiset<std::string> expected(std::initializer_list<std::string> edits) { return edits; }

NewParagraph answer(std::size_t part, const std::string& text) { return np(Role::IssuePartAnswer, part, text); }
NewParagraph considerationAnswer(Consideration c, const std::string& text)
{
    return np(Role::ConsiderationAnswer, static_cast<std::size_t>(c), text);
}
NewParagraph item(ListKind kind, const Item& i)
{
    return np(Role::ListItem, static_cast<std::size_t>(kind), i.text,
              kind == ListKind::WhatWouldHelp && !i.id.empty() ? aa::helpBookmarkName(i.id) : std::string(), i.issues);
}


/// Nothing of the analysis stands out of place: within each issue title, raisedBy, each
/// question label and its answers follow one another; issues, list headings and items too.
void expectInDocumentOrder(const aa::Layout& layout)
{
    std::size_t previousIssueLast = 0;
    for (std::size_t i = 0; i < layout.issues.size(); ++i)
    {
        SCOPED_TRACE("issue " + std::to_string(i));
        const aa::IssueLayout& il = layout.issues[i];
        std::vector<std::size_t> sequence = { il.title };
        if (il.raisedBy)
            sequence.push_back(*il.raisedBy);
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
        {
            if (il.questions[p])
                sequence.push_back(*il.questions[p]);
            sequence.insert(sequence.end(), il.parts[p].begin(), il.parts[p].end());
        }
        EXPECT_TRUE(std::is_sorted(sequence.begin(), sequence.end())
                    && std::adjacent_find(sequence.begin(), sequence.end()) == sequence.end())
            << ::testing::PrintToString(sequence);
        if (i)
        {
            EXPECT_GT(il.title, previousIssueLast);
        }
        previousIssueLast = il.last;
    }
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
        if (layout.listHeadings[k] && !layout.items[k].empty())
        {
            EXPECT_LT(*layout.listHeadings[k], layout.items[k].front());
            EXPECT_TRUE(std::is_sorted(layout.items[k].begin(), layout.items[k].end()));
        }
}

/// Applies the plan as the glue would and reads the document again: it now holds desired (its
/// issues where they were, new ones after them, kept ones untouched), the plan unchanged, and
/// everything in order.
void expectUpdatedTo(const Doc& doc, const aa::UpdatePlan& plan, const Analysis& desired)
{
    const std::vector<Block> after = applyEdits(doc.blocks, plan.edits, desired);
    const ReadResult read = aa::readAnalysis(after);
    ASSERT_TRUE(read.found);
    const Analysis& got = read.analysis;
    EXPECT_EQ(got.issues.size(), desired.issues.size() + plan.keptIssues.size()) << aa::toJson(got);
    for (const aa::Issue& want : desired.issues)
    {
        SCOPED_TRACE("issue " + want.id);
        const aa::Issue* have = got.findIssue(want.id);
        ASSERT_TRUE(have);
        EXPECT_EQ(have->title, want.title);
        EXPECT_EQ(have->raisedBy, want.raisedBy);
        EXPECT_EQ(have->parts, want.parts);
    }
    for (const std::string& id : plan.keptIssues)
    {
        const aa::Issue* before = doc.read.analysis.findIssue(id);
        const aa::Issue* now = got.findIssue(id);
        ASSERT_TRUE(before && now) << id;
        EXPECT_TRUE(*now == *before) << "kept issue " << id << " changed";
    }
    // Issues that were there stay in their order; new ones follow them, in desired's order.
    std::vector<std::string> order;
    for (const aa::Issue& is : doc.read.analysis.issues)
        order.push_back(is.id);
    for (const std::string& id : plan.addedIssues)
        order.push_back(id);
    std::vector<std::string> gotOrder;
    for (const aa::Issue& is : got.issues)
        gotOrder.push_back(is.id);
    EXPECT_EQ(gotOrder, order);
    EXPECT_EQ(got.lists, desired.lists);
    EXPECT_EQ(got.considerations, desired.considerations);
    EXPECT_EQ(got.plan, doc.read.analysis.plan) << "update leaves the plan alone";
    EXPECT_TRUE(got.unplaced == doc.read.analysis.unplaced);
    expectInDocumentOrder(read.layout);
    // And updating again changes nothing.
    const aa::UpdatePlan again = aa::planUpdate(read, desired);
    EXPECT_TRUE(again.edits.empty()) << ::testing::PrintToString(describe(again.edits));
    EXPECT_TRUE(again.addedIssues.empty());
}

/// The guarantee of UpdatePlan::edits.
void expectOneInsertPerAnchor(const aa::UpdatePlan& plan)
{
    std::set<std::size_t> anchors;
    for (const Edit& e : plan.edits)
        if (e.kind == Edit::Kind::InsertAfter)
        {
            EXPECT_TRUE(anchors.insert(e.block).second) << "second InsertAfter at " << e.block;
        }
}

aa::UpdatePlan update(const Doc& doc, const Analysis& desired)
{
    EXPECT_TRUE(doc.read.found);
    aa::UpdatePlan plan = aa::planUpdate(doc.read, desired);
    expectOneInsertPerAnchor(plan);
    return plan;
}

// ---------------------------------------------------------------------------------------------
// planUpdate

TEST(PlanUpdate, TheDocumentAsItIsGivesNoEdits)
{
    const Analysis a = base();
    const Doc doc = document(a);
    ASSERT_TRUE(doc.read.analysis == a) << aa::toJson(doc.read.analysis);
    for (const Analysis& desired : { a, doc.read.analysis })
    {
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_TRUE(plan.edits.empty()) << ::testing::PrintToString(describe(plan.edits));
        EXPECT_TRUE(plan.addedIssues.empty());
        EXPECT_TRUE(plan.keptIssues.empty());
    }
}

TEST(PlanUpdate, EmptyPartsListsAndTheSampleGiveNoEdits)
{
    Analysis sparse = base();
    sparse.issues[1].part(IssuePart::Origins) = "";
    sparse.issues[2].part(IssuePart::ImpactOnChild) = "last\n";
    sparse.issues[0].raisedBy.clear();
    sparse.list(ListKind::SuccessSigns).clear();
    sparse.considerations = {};
    const Analysis sample = aa::withPlan(aa::parseAnalysis(
        aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json")));
    for (const Analysis& a : { sparse, sample })
    {
        const aa::UpdatePlan plan = update(document(a), a);
        EXPECT_TRUE(plan.edits.empty()) << ::testing::PrintToString(describe(plan.edits));
        EXPECT_TRUE(plan.addedIssues.empty());
        EXPECT_TRUE(plan.keptIssues.empty());
    }
}

TEST(PlanUpdate, OneChangedParagraphIsOneReplace)
{
    const Analysis a = base();
    const Doc doc = document(a);
    const aa::IssueLayout& il = doc.read.layout.issues[0];
    ASSERT_EQ(il.parts[origins].size(), 3u);
    Analysis desired = a;
    desired.issues[0].part(IssuePart::Origins) = "o1\nO2 rewritten\no3";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describe(plan.edits), expected({ replaceAt(il.parts[origins][1], answer(origins, "O2 rewritten")) }));
    EXPECT_TRUE(plan.addedIssues.empty());
    EXPECT_TRUE(plan.keptIssues.empty());
    expectUpdatedTo(doc, plan, desired);

    // The last paragraph of another part, and of a single-paragraph part.
    desired = a;
    desired.issues[2].part(IssuePart::ImpactOnChild) = "ci1\nci2\nci3 edited";
    desired.issues[0].part(IssuePart::MaintainingFactors) = "m1 edited";
    const aa::UpdatePlan two = update(doc, desired);
    EXPECT_EQ(describe(two.edits),
              expected({ replaceAt(doc.read.layout.issues[2].parts[impact][2], answer(impact, "ci3 edited")),
                         replaceAt(il.parts[maintaining][0], answer(maintaining, "m1 edited")) }));
    expectUpdatedTo(doc, two, desired);
}

TEST(PlanUpdate, MoreLinesAreOneInsertAfterThePartsLastBlock)
{
    const Analysis a = base();
    const Doc doc = document(a);
    const aa::IssueLayout& il = doc.read.layout.issues[0];
    Analysis desired = a;
    desired.issues[0].part(IssuePart::Origins) = "o1\no2\no3\no4\n\no6";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describe(plan.edits),
              expected({ insertAfter(il.parts[origins].back(),
                                     { answer(origins, "o4"), answer(origins, ""), answer(origins, "o6") }) }));
    expectUpdatedTo(doc, plan, desired);

    // A changed line and more lines: the change in place, the rest after the last block.
    desired.issues[0].part(IssuePart::Origins) = "O1\no2\no3\no4";
    const aa::UpdatePlan mixed = update(doc, desired);
    EXPECT_EQ(describe(mixed.edits), expected({ replaceAt(il.parts[origins][0], answer(origins, "O1")),
                                                insertAfter(il.parts[origins][2], { answer(origins, "o4") }) }));
    expectUpdatedTo(doc, mixed, desired);
}

TEST(PlanUpdate, FewerLinesDeleteTheSurplusBlocks)
{
    const Analysis a = base();
    const Doc doc = document(a);
    const std::vector<std::size_t>& blocks = doc.read.layout.issues[2].parts[impact];
    ASSERT_EQ(blocks.size(), 3u);
    Analysis desired = a;
    desired.issues[2].part(IssuePart::ImpactOnChild) = "ci1";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describe(plan.edits), expected({ deleteAt(blocks[1]), deleteAt(blocks[2]) }));
    expectUpdatedTo(doc, plan, desired);

    desired.issues[2].part(IssuePart::ImpactOnChild) = "ci1\nCI2";
    const aa::UpdatePlan changed = update(doc, desired);
    EXPECT_EQ(describe(changed.edits), expected({ replaceAt(blocks[1], answer(impact, "CI2")), deleteAt(blocks[2]) }));
    expectUpdatedTo(doc, changed, desired);

    // Emptied: one empty paragraph stays, as the writer lays out an empty part.
    desired.issues[2].part(IssuePart::ImpactOnChild) = "";
    const aa::UpdatePlan emptied = update(doc, desired);
    EXPECT_EQ(describe(emptied.edits),
              expected({ replaceAt(blocks[0], answer(impact, "")), deleteAt(blocks[1]), deleteAt(blocks[2]) }));
    expectUpdatedTo(doc, emptied, desired);
}

TEST(PlanUpdate, PartWithoutParagraphsGoesAfterItsQuestionLabel)
{
    const Analysis a = base();
    const aa::Layout before = layoutOf(a);
    const std::vector<std::size_t>& answers = before.issues[1].parts[maintaining];
    const Doc doc = withoutBlocks(a, { answers.begin(), answers.end() });
    const aa::IssueLayout& il = doc.read.layout.issues[1];
    ASSERT_TRUE(il.parts[maintaining].empty());
    ASSERT_TRUE(il.questions[maintaining]);
    ASSERT_EQ(doc.read.analysis.issues[1].part(IssuePart::MaintainingFactors), "");
    const aa::UpdatePlan plan = update(doc, a);
    EXPECT_EQ(describe(plan.edits), expected({ insertAfter(*il.questions[maintaining],
                                                           { answer(maintaining, "bm1"), answer(maintaining, "bm2") }) }));
    expectUpdatedTo(doc, plan, a);

    // Nothing to write: nothing to do.
    Analysis empty = a;
    empty.issues[1].part(IssuePart::MaintainingFactors) = "";
    EXPECT_TRUE(update(doc, empty).edits.empty());
}

TEST(PlanUpdate, PartWithoutParagraphsOrLabelGoesAfterThePreviousPart)
{
    const Analysis a = base();
    const aa::Layout before = layoutOf(a);
    const aa::IssueLayout& b = before.issues[1];
    // Maintaining factors: label and answers gone, origins before it intact.
    {
        std::set<std::size_t> gone(b.parts[maintaining].begin(), b.parts[maintaining].end());
        gone.insert(*b.questions[maintaining]);
        const Doc doc = withoutBlocks(a, gone);
        const aa::IssueLayout& il = doc.read.layout.issues[1];
        ASSERT_FALSE(il.questions[maintaining]);
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(describe(plan.edits), expected({ insertAfter(il.parts[origins].back(),
                                                               { answer(maintaining, "bm1"), answer(maintaining, "bm2") }) }));
        expectUpdatedTo(doc, plan, a);
    }
    // Origins: label and answer gone: after "Identified by".
    {
        const Doc doc = withoutBlocks(a, { *b.questions[origins], b.parts[origins][0] });
        const aa::IssueLayout& il = doc.read.layout.issues[1];
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(describe(plan.edits), expected({ insertAfter(*il.raisedBy, { answer(origins, "bo") }) }));
        expectUpdatedTo(doc, plan, a);
    }
    // Origins and "Identified by" gone too: after the title, "Identified by" first.
    {
        const Doc doc = withoutBlocks(a, { *b.raisedBy, *b.questions[origins], b.parts[origins][0] });
        const aa::IssueLayout& il = doc.read.layout.issues[1];
        ASSERT_FALSE(il.raisedBy);
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(describe(plan.edits),
                  expected({ insertAfter(il.title, { np(Role::RaisedBy, 0, raisedByText(a.issues[1].raisedBy)),
                                                     answer(origins, "bo") }) }));
        expectUpdatedTo(doc, plan, a);
    }
}

TEST(PlanUpdate, PartWithoutParagraphsOrLabelGoesAfterThePreviousPartsLabel)
{
    // Regression: partAnchor skipped an earlier part that kept its label but lost its answers.
    const Analysis a = base();
    const aa::IssueLayout b = layoutOf(a).issues[1];
    // Origins answer deleted (its label left); maintaining factors label and answers deleted.
    std::set<std::size_t> gone = { b.parts[origins][0], *b.questions[maintaining] };
    gone.insert(b.parts[maintaining].begin(), b.parts[maintaining].end());
    Analysis desired = a;
    desired.issues[1].part(IssuePart::Origins) = "";
    const Doc doc = withoutBlocks(a, gone);
    const aa::IssueLayout& il = doc.read.layout.issues[1];
    ASSERT_TRUE(il.questions[origins]);
    ASSERT_TRUE(il.parts[origins].empty());
    const aa::UpdatePlan plan = update(doc, desired);
    // The maintaining factors belong after the origins label, not above it under "Identified by".
    EXPECT_EQ(describe(plan.edits), expected({ insertAfter(*il.questions[origins],
                                                           { answer(maintaining, "bm1"), answer(maintaining, "bm2") }) }));
    expectUpdatedTo(doc, plan, desired);
}

TEST(PlanUpdate, ChangedTitleIsReplacedWithItsBookmark)
{
    const Analysis a = base();
    const Doc doc = document(a);
    Analysis desired = a;
    desired.issues[1].title = "Issue B, retitled";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describe(plan.edits), expected({ replaceAt(doc.read.layout.issues[1].title,
                                                         np(Role::IssueTitle, 0, "Issue B, retitled", "AA_issue_b")) }));
    expectUpdatedTo(doc, plan, desired);
}

TEST(PlanUpdate, TitleWhoseBookmarkIsNotIntactIsRewritten)
{
    const Analysis a = base();
    for (bool collapsed : { false, true })
    {
        SCOPED_TRACE(collapsed ? "bookmark covers no text" : "bookmark gone");
        std::vector<Block> blocks = documentBlocks(a);
        Paragraph& title = std::get<Paragraph>(blocks.at(layoutOf(a).issues[1].title));
        if (collapsed)
            title.emptyBookmarks = title.bookmarks;
        else
            title.bookmarks.clear();
        const Doc doc = readDoc(blocks);
        ASSERT_EQ(doc.read.analysis.issues[1].id, "b") << "the links give the id back";
        ASSERT_FALSE(doc.read.layout.issues[1].bookmarkIntact);
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(describe(plan.edits), expected({ replaceAt(doc.read.layout.issues[1].title,
                                                             np(Role::IssueTitle, 0, "Issue B", "AA_issue_b")) }));
        expectUpdatedTo(doc, plan, a);
    }
}

TEST(PlanUpdate, RaisedBy)
{
    const Analysis a = base();
    const aa::Layout before = layoutOf(a);
    // Missing: inserted after the title.
    {
        const Doc doc = withoutBlocks(a, { *before.issues[1].raisedBy });
        ASSERT_TRUE(doc.read.analysis.issues[1].raisedBy.empty());
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(describe(plan.edits),
                  expected({ insertAfter(doc.read.layout.issues[1].title,
                                         { np(Role::RaisedBy, 0, "Identified by: the child, parents or carers") }) }));
        EXPECT_EQ(raisedByText(a.issues[1].raisedBy), "Identified by: the child, parents or carers");
        expectUpdatedTo(doc, plan, a);
    }
    // Changed: replaced in place; none recorded any more.
    {
        const Doc doc = document(a);
        Analysis desired = a;
        desired.issues[1].raisedBy = { Voice::Practitioner, Voice::SignificantAdults };
        desired.issues[0].raisedBy.clear();
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describe(plan.edits),
                  expected({ replaceAt(*before.issues[1].raisedBy,
                                       np(Role::RaisedBy, 0, raisedByText(desired.issues[1].raisedBy))),
                             replaceAt(*before.issues[0].raisedBy,
                                       np(Role::RaisedBy, 0, "Identified by: not yet recorded")) }));
        expectUpdatedTo(doc, plan, desired);
    }
}

TEST(PlanUpdate, IssueParagraphsLayOutANewIssue)
{
    aa::Issue issue;
    issue.id = "d";
    issue.title = "Issue D";
    issue.raisedBy = { Voice::Child };
    issue.part(IssuePart::Origins) = "d1\nd2";
    issue.part(IssuePart::ImpactOnChild) = "di";
    std::vector<std::string> got;
    for (const NewParagraph& p : aa::issueParagraphs(issue))
        got.push_back(describe(p));
    const std::vector<std::string> want = {
        describe(np(Role::IssueTitle, 0, "Issue D", "AA_issue_d")),
        describe(np(Role::RaisedBy, 0, "Identified by: the child")),
        describe(np(Role::Question, 0, label("origins"))),
        describe(answer(origins, "d1")),
        describe(answer(origins, "d2")),
        describe(np(Role::Question, 0, label("maintainingFactors"))),
        describe(answer(maintaining, "")),
        describe(np(Role::Question, 0, label("impactOnChild"))),
        describe(answer(impact, "di")),
    };
    EXPECT_EQ(got, want);
}

TEST(PlanUpdate, NewIssuesGoAfterTheLastIssue)
{
    const Analysis a = base();
    const Doc doc = document(a);
    aa::Issue d;
    d.id = "d";
    d.title = "Issue D";
    d.raisedBy = { Voice::OtherWorkers };
    d.part(IssuePart::Origins) = "d1\n\nd3";
    aa::Issue e;
    e.id = "e";
    e.title = "Issue E";
    Analysis desired = a;
    desired.issues.insert(desired.issues.begin() + 1, d); // placed in the middle: still goes last
    desired.issues.push_back(e);
    desired.list(ListKind::Strengths).push_back(makeItem("s3", { "d", "e" }));
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(plan.addedIssues, (std::vector<std::string>{ "d", "e" }));
    EXPECT_TRUE(plan.keptIssues.empty());
    std::vector<NewParagraph> paragraphs = aa::issueParagraphs(d);
    for (const NewParagraph& p : aa::issueParagraphs(e))
        paragraphs.push_back(p);
    EXPECT_EQ(describe(plan.edits),
              expected({ insertAfter(doc.read.layout.issues.back().last, paragraphs),
                         insertAfter(doc.read.layout.items[0].back(),
                                     { item(ListKind::Strengths, desired.list(ListKind::Strengths).back()) }) }));
    EXPECT_EQ(doc.read.layout.issues.back().last, doc.read.layout.issues.back().parts[impact].back());
    expectUpdatedTo(doc, plan, desired);
}

TEST(PlanUpdate, NewIssuesGoUnderTheIssuesSubheadingWhenNoIssueIsLeft)
{
    // Regression: with no issue left, new issues went above the "Key issues" subheading.
    const Analysis a = base();
    const aa::Layout before = layoutOf(a);
    std::set<std::size_t> gone;
    for (std::size_t b = before.issues.front().title; b <= before.issues.back().last; ++b)
        gone.insert(b);
    const Doc doc = withoutBlocks(a, gone);
    ASSERT_TRUE(doc.read.analysis.issues.empty());
    ASSERT_EQ(aa::test::paragraphAt(doc.blocks, 2).text, aa::Strings::builtIn().get("section.issues"));
    const aa::UpdatePlan plan = update(doc, a);
    EXPECT_EQ(plan.addedIssues, (std::vector<std::string>{ "a", "b", "c" }));
    std::vector<NewParagraph> all;
    for (const aa::Issue& issue : a.issues)
        for (const NewParagraph& p : aa::issueParagraphs(issue))
            all.push_back(p);
    EXPECT_EQ(describe(plan.edits).count(insertAfter(2, all)), 1u) << "after \"Key issues\", not before it";
    expectUpdatedTo(doc, plan, a);
}

TEST(PlanUpdate, IssuesMissingFromTheAnalysisAreKeptUntouched)
{
    const Analysis a = base();
    const Doc doc = document(a);
    const aa::IssueLayout& b = doc.read.layout.issues[1];
    Analysis desired = a;
    desired.issues.erase(desired.issues.begin() + 1);
    // Without links to it, since it is not in the analysis given.
    for (auto& items : desired.lists)
        for (Item& i : items)
            i.issues.erase(std::remove(i.issues.begin(), i.issues.end(), "b"), i.issues.end());
    desired.issues[0].part(IssuePart::Origins) = "o1 changed\no2\no3";
    desired.issues[1].title = "C changed";
    aa::Issue d;
    d.id = "d";
    d.title = "Issue D";
    desired.issues.push_back(d);
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(plan.keptIssues, (std::vector<std::string>{ "b" }));
    EXPECT_EQ(plan.addedIssues, (std::vector<std::string>{ "d" }));
    for (const Edit& e : plan.edits)
    {
        EXPECT_FALSE(e.block >= b.title && e.block <= b.last) << "touches issue b: " << describe(e);
    }
    EXPECT_EQ(describe(plan.edits).count(insertAfter(doc.read.layout.issues.back().last, aa::issueParagraphs(d))), 1u);
    expectUpdatedTo(doc, plan, desired);

    // Only the issue left out: nothing to do, the issue is reported.
    Analysis fewer = a;
    fewer.issues.pop_back(); // no item names c
    const aa::UpdatePlan kept = update(doc, fewer);
    EXPECT_EQ(kept.keptIssues, (std::vector<std::string>{ "c" }));
    EXPECT_TRUE(kept.edits.empty()) << ::testing::PrintToString(describe(kept.edits));
    expectUpdatedTo(doc, kept, fewer);
}

TEST(PlanUpdate, ListItemsChangedAddedAndRemoved)
{
    const Analysis a = base();
    const Doc doc = document(a);
    const auto& items = doc.read.layout.items;
    // Changed: text, links, and a help item's id.
    {
        Analysis desired = a;
        desired.list(ListKind::Strengths)[1].text = "s2 edited";
        desired.list(ListKind::SuccessSigns)[0].issues = { "a", "c" };
        desired.list(ListKind::WhatWouldHelp)[2].text = "h3 edited"; // keeps its id "own"
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describe(plan.edits),
                  expected({ replaceAt(items[0][1], np(Role::ListItem, 0, "s2 edited")),
                             replaceAt(items[2][0], np(Role::ListItem, 2, "sign a", "", { "a", "c" })),
                             replaceAt(items[1][2], np(Role::ListItem, 1, "h3 edited", "AA_help_own")) }));
        expectUpdatedTo(doc, plan, desired);
    }
    // Added: after the list's last item, in order; help items with their bookmark.
    {
        Analysis desired = a;
        desired.list(ListKind::WhatWouldHelp).push_back(makeItem("h4", { "c" }, "h4id"));
        desired.list(ListKind::WhatWouldHelp).push_back(makeItem("h5", {}, "h5id"));
        desired.list(ListKind::Strengths).push_back(makeItem("s3", {}));
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describe(plan.edits),
                  expected({ insertAfter(items[1].back(), { np(Role::ListItem, 1, "h4", "AA_help_h4id", { "c" }),
                                                            np(Role::ListItem, 1, "h5", "AA_help_h5id") }),
                             insertAfter(items[0].back(), { np(Role::ListItem, 0, "s3") }) }));
        expectUpdatedTo(doc, plan, desired);
    }
    // Removed: the surplus deleted.
    {
        Analysis desired = a;
        desired.list(ListKind::WhatWouldHelp).pop_back();
        desired.list(ListKind::SuccessSigns).clear();
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describe(plan.edits),
                  expected({ deleteAt(items[1][2]), deleteAt(items[2][0]), deleteAt(items[2][1]) }));
        expectUpdatedTo(doc, plan, desired);
    }
    // An empty list (the writer's one empty paragraph) filled: after its heading.
    {
        Analysis empty = a;
        empty.list(ListKind::SuccessSigns).clear();
        const Doc emptyDoc = document(empty);
        ASSERT_TRUE(emptyDoc.read.layout.items[2].empty());
        ASSERT_TRUE(emptyDoc.read.layout.listHeadings[2]);
        const aa::UpdatePlan plan = update(emptyDoc, a);
        EXPECT_EQ(describe(plan.edits),
                  expected({ insertAfter(*emptyDoc.read.layout.listHeadings[2],
                                         { item(ListKind::SuccessSigns, a.list(ListKind::SuccessSigns)[0]),
                                           item(ListKind::SuccessSigns, a.list(ListKind::SuccessSigns)[1]) }) }));
        expectUpdatedTo(emptyDoc, plan, a);
    }
}

TEST(PlanUpdate, ConsiderationsChanged)
{
    const Analysis a = base();
    const Doc doc = document(a);
    const aa::Layout& l = doc.read.layout;
    const auto at = [](Consideration c) { return static_cast<std::size_t>(c); };
    Analysis desired = a;
    desired.consideration(Consideration::NotKnown) = "n1\nN2";
    desired.consideration(Consideration::RiskAndProtectiveBalance) = "r1\nr2";
    desired.consideration(Consideration::Patterns) = "";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describe(plan.edits),
              expected({ replaceAt(l.considerations[at(Consideration::NotKnown)][1],
                                   considerationAnswer(Consideration::NotKnown, "N2")),
                         replaceAt(l.considerations[at(Consideration::RiskAndProtectiveBalance)][0],
                                   considerationAnswer(Consideration::RiskAndProtectiveBalance, "r1")),
                         insertAfter(l.considerations[at(Consideration::RiskAndProtectiveBalance)][0],
                                     { considerationAnswer(Consideration::RiskAndProtectiveBalance, "r2") }),
                         replaceAt(l.considerations[at(Consideration::Patterns)][0],
                                   considerationAnswer(Consideration::Patterns, "")) }));
    expectUpdatedTo(doc, plan, desired);

    // Answer paragraphs deleted by hand: after the question label.
    const std::vector<std::size_t>& notKnown = l.considerations[at(Consideration::NotKnown)];
    const Doc gone = withoutBlocks(a, { notKnown.begin(), notKnown.end() });
    const aa::UpdatePlan back = update(gone, a);
    EXPECT_EQ(describe(back.edits),
              expected({ insertAfter(*gone.read.layout.considerationQuestions[at(Consideration::NotKnown)],
                                     { considerationAnswer(Consideration::NotKnown, "n1"),
                                       considerationAnswer(Consideration::NotKnown, "n2") }) }));
    expectUpdatedTo(gone, back, a);
}

TEST(PlanUpdate, NeverTwoInsertsAfterOneBlock)
{
    // Everything after the last issue's title deleted by hand; the analysis brings it all back
    // and adds an issue: one insert after the title, in document order.
    const Analysis a = base();
    const aa::IssueLayout c = layoutOf(a).issues[2];
    std::set<std::size_t> gone;
    for (std::size_t b = c.title + 1; b <= c.last; ++b)
        gone.insert(b);
    const Doc doc = withoutBlocks(a, gone);
    ASSERT_EQ(doc.read.layout.issues[2].last, doc.read.layout.issues[2].title);
    Analysis desired = a;
    desired.issues[2].raisedBy = { Voice::Parents };
    aa::Issue d;
    d.id = "d";
    d.title = "Issue D";
    desired.issues.push_back(d);
    const aa::UpdatePlan plan = update(doc, desired);
    std::vector<NewParagraph> all = { np(Role::RaisedBy, 0, raisedByText({ Voice::Parents })), answer(origins, "co"),
                                      answer(maintaining, "cm"), answer(impact, "ci1"), answer(impact, "ci2"),
                                      answer(impact, "ci3") };
    for (const NewParagraph& p : aa::issueParagraphs(d))
        all.push_back(p);
    EXPECT_EQ(describe(plan.edits), expected({ insertAfter(doc.read.layout.issues[2].title, all) }));
    expectUpdatedTo(doc, plan, desired);

    // More lines in the last issue's last part, and a new issue: one insert after its last block.
    const Doc whole = document(a);
    desired = a;
    desired.issues[2].part(IssuePart::ImpactOnChild) += "\nci4";
    desired.issues.push_back(d);
    const aa::UpdatePlan both = update(whole, desired);
    std::vector<NewParagraph> after = { answer(impact, "ci4") };
    for (const NewParagraph& p : aa::issueParagraphs(d))
        after.push_back(p);
    EXPECT_EQ(describe(both.edits), expected({ insertAfter(whole.read.layout.issues[2].last, after) }));
    expectUpdatedTo(whole, both, desired);
}

TEST(PlanUpdate, EverythingAtOnce)
{
    const Analysis a = base();
    const aa::Layout before = layoutOf(a);
    // Hand edits: b's "Identified by" and maintaining factors deleted, a's title bookmark lost.
    std::vector<Block> blocks = documentBlocks(a);
    std::get<Paragraph>(blocks.at(before.issues[0].title)).bookmarks.clear();
    std::set<std::size_t> gone = { *before.issues[1].raisedBy };
    gone.insert(before.issues[1].parts[maintaining].begin(), before.issues[1].parts[maintaining].end());
    for (auto it = gone.rbegin(); it != gone.rend(); ++it)
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(*it));
    const Doc doc = readDoc(blocks);
    ASSERT_EQ(doc.read.analysis.issues[0].id, "a");
    Analysis desired = a;
    desired.issues[0].title = "A";
    desired.issues[0].part(IssuePart::Origins) = "o1";
    desired.issues[1].part(IssuePart::ImpactOnChild) = "bi\nbi2";
    desired.issues[2].part(IssuePart::Origins) = "CO";
    aa::Issue d;
    d.id = "d";
    d.title = "D";
    desired.issues.push_back(d);
    desired.list(ListKind::Strengths).erase(desired.list(ListKind::Strengths).begin());
    desired.list(ListKind::WhatWouldHelp).push_back(makeItem("h4", { "d" }, "h4"));
    desired.consideration(Consideration::AbsentFigures) = "af";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(plan.addedIssues, (std::vector<std::string>{ "d" }));
    expectUpdatedTo(doc, plan, desired);
}

// ---------------------------------------------------------------------------------------------
// titleRepairs

TEST(TitleRepairs, OneReplaceForEveryTitleWhoseBookmarkIsNotIntact)
{
    const Analysis a = base();
    EXPECT_TRUE(aa::titleRepairs(document(a).read).empty());
    const aa::Layout before = layoutOf(a);
    std::vector<Block> blocks = documentBlocks(a);
    std::get<Paragraph>(blocks.at(before.issues[0].title)).bookmarks.clear(); // retyped
    Paragraph& c = std::get<Paragraph>(blocks.at(before.issues[2].title));
    c.emptyBookmarks = c.bookmarks; // typed over: the bookmark is a point
    const Doc doc = readDoc(blocks);
    ASSERT_EQ(doc.read.analysis.issues[0].id, "a");
    EXPECT_EQ(describe(aa::titleRepairs(doc.read)),
              expected({ replaceAt(before.issues[0].title, np(Role::IssueTitle, 0, "Issue A", "AA_issue_a")),
                         replaceAt(before.issues[2].title, np(Role::IssueTitle, 0, "Issue C", "AA_issue_c")) }));
    // Applied, the document is whole again.
    const ReadResult repaired = aa::readAnalysis(applyEdits(doc.blocks, aa::titleRepairs(doc.read), a));
    EXPECT_TRUE(aa::titleRepairs(repaired).empty());
    EXPECT_TRUE(repaired.analysis == a) << aa::toJson(repaired.analysis);

    // A heading that got a fresh id gets its bookmark under that id.
    std::vector<Block> two = documentBlocks(a);
    std::get<Paragraph>(two.at(before.issues[0].title)).bookmarks.clear();
    std::get<Paragraph>(two.at(before.issues[1].title)).bookmarks.clear();
    const Doc ambiguous = readDoc(two);
    EXPECT_EQ(describe(aa::titleRepairs(ambiguous.read)),
              expected({ replaceAt(before.issues[0].title, np(Role::IssueTitle, 0, "Issue A", "AA_issue_issue1")),
                         replaceAt(before.issues[1].title, np(Role::IssueTitle, 0, "Issue B", "AA_issue_issue2")) }));
}

// ---------------------------------------------------------------------------------------------
// planPlanUpdate

std::string describe(const PlanEdit& e)
{
    std::string out = e.kind == PlanEdit::Kind::AppendRow ? "AppendRow"
                      : e.kind == PlanEdit::Kind::Flag    ? "Flag@" + std::to_string(e.row)
                                                          : "Unflag@" + std::to_string(e.row) + "/"
                                                                + std::to_string(e.flagParagraph);
    if (e.kind == PlanEdit::Kind::AppendRow)
    {
        out += " help=" + e.content.help + (e.content.flagged ? " flagged" : "");
        for (const std::string& cell : e.content.cells)
            out += " [" + cell + "]";
    }
    return out;
}

std::vector<std::string> describePlanEdits(const std::vector<PlanEdit>& edits)
{
    std::vector<std::string> out;
    for (const PlanEdit& e : edits)
        out.push_back(describe(e));
    return out;
}

PlanEdit appendRow(const PlanRow& row)
{
    PlanEdit e;
    e.kind = PlanEdit::Kind::AppendRow;
    e.content = row;
    return e;
}

PlanEdit flag(std::size_t row)
{
    PlanEdit e;
    e.kind = PlanEdit::Kind::Flag;
    e.row = row;
    return e;
}

PlanEdit unflag(std::size_t row, std::size_t flagParagraph)
{
    PlanEdit e;
    e.kind = PlanEdit::Kind::Unflag;
    e.row = row;
    e.flagParagraph = flagParagraph;
    return e;
}

TEST(PlanPlanUpdate, ConsistentDocumentGivesNoEdits)
{
    Analysis a = base();
    PlanRow byHand; // added by hand: no item, no issue
    byHand.cell(PlanColumn::Who) = "Everyone";
    PlanRow byHandLinked; // added by hand, naming an issue
    byHandLinked.cell(PlanColumn::Issue) = "c";
    byHandLinked.cell(PlanColumn::Action) = "typed";
    a.plan.push_back(byHand);
    a.plan.push_back(byHandLinked);
    a.plan[0].cell(PlanColumn::Who) = "Ms Smith"; // filled in
    a.plan[1].cell(PlanColumn::Action) = "h2, reworded in the plan";
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(document(a).read);
    EXPECT_TRUE(plan.repairs.empty());
    EXPECT_FALSE(plan.needsTable);
    EXPECT_TRUE(plan.rows.empty());
    EXPECT_TRUE(plan.edits.empty()) << ::testing::PrintToString(describePlanEdits(plan.edits));
}

TEST(PlanPlanUpdate, NoTableNeedsOneWithTheDerivedRows)
{
    const Analysis a = base();
    const aa::Layout before = layoutOf(a);
    ASSERT_TRUE(before.planTable && before.planHeading);
    for (const std::set<std::size_t>& gone : { std::set<std::size_t>{ *before.planTable },
                                               std::set<std::size_t>{ *before.planHeading, *before.planTable } })
    {
        SCOPED_TRACE(gone.size());
        const Doc doc = withoutBlocks(a, gone);
        ASSERT_FALSE(doc.read.layout.planTable);
        const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
        EXPECT_TRUE(plan.needsTable);
        EXPECT_EQ(plan.rows, aa::derivePlan(doc.read.analysis));
        EXPECT_EQ(plan.rows, a.plan);
        ASSERT_EQ(plan.rows.size(), 3u);
        EXPECT_EQ(plan.rows[2].help, "own");
        EXPECT_TRUE(plan.edits.empty());
        EXPECT_TRUE(plan.repairs.empty());
    }
}

TEST(PlanPlanUpdate, ItemWithoutARowGetsOneAppended)
{
    Analysis a = base();
    const std::vector<PlanRow> derived = aa::derivePlan(a);
    a.plan.erase(a.plan.begin() + 1); // h2 has no row
    a.plan.erase(a.plan.begin() + 1); // nor has h3
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(document(a).read);
    EXPECT_FALSE(plan.needsTable);
    ASSERT_EQ(derived[1].help, a.list(ListKind::WhatWouldHelp)[1].id);
    EXPECT_EQ(derived[1].cell(PlanColumn::Issue), "b");
    EXPECT_EQ(derived[1].cell(PlanColumn::Outcome), "sign b");
    EXPECT_EQ(describePlanEdits(plan.edits), describePlanEdits({ appendRow(derived[1]), appendRow(derived[2]) }));

    // An item typed in by hand (no bookmark): a row tied to the id its text gives.
    std::vector<Block> blocks = documentBlocks(base());
    const std::size_t after = layoutOf(base()).items[1].back();
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(after + 1), para(Role::ListItem, 1, "typed help"));
    const Doc doc = readDoc(blocks);
    const aa::PlanUpdatePlan typed = aa::planPlanUpdate(doc.read);
    PlanRow row;
    row.cell(PlanColumn::Action) = "typed help";
    row.help = aa::test::hashHelpId("typed help");
    EXPECT_EQ(describePlanEdits(typed.edits), describePlanEdits({ appendRow(row) }));
}

TEST(PlanPlanUpdate, RowWhoseItemIsGoneIsFlaggedOnce)
{
    const Analysis a = base();
    const aa::Layout before = layoutOf(a);
    const Doc doc = withoutBlocks(a, { before.items[1][0] }); // h1 deleted
    ASSERT_EQ(doc.read.analysis.list(ListKind::WhatWouldHelp).size(), 2u);
    ASSERT_EQ(doc.read.analysis.plan.size(), 3u);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describePlanEdits(plan.edits), describePlanEdits({ flag(doc.read.layout.planRows[0].row) }));
    EXPECT_EQ(doc.read.layout.planRows[0].row, 1u);

    // Already flagged: nothing more.
    Analysis flagged = a;
    flagged.plan[0].flagged = true;
    const Doc again = withoutBlocks(flagged, { before.items[1][0] });
    EXPECT_TRUE(aa::planPlanUpdate(again.read).edits.empty())
        << ::testing::PrintToString(describePlanEdits(aa::planPlanUpdate(again.read).edits));
}

TEST(PlanPlanUpdate, RowWhoseIssueIsGoneIsFlagged)
{
    Analysis a = base();
    PlanRow byHand; // added by hand for issue b
    byHand.cell(PlanColumn::Issue) = "b";
    byHand.cell(PlanColumn::Who) = "me";
    a.plan.push_back(byHand);
    std::vector<Block> blocks = documentBlocks(a);
    Paragraph& title = std::get<Paragraph>(blocks.at(layoutOf(a).issues[1].title));
    title.style = "Text body"; // heading b deleted, its text left as a paragraph
    title.bookmarks.clear();
    const Doc doc = readDoc(blocks);
    ASSERT_FALSE(doc.read.analysis.findIssue("b"));
    ASSERT_EQ(doc.read.analysis.plan.size(), 4u);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    // h2's row names b (its item now names a only); the hand-made row names b.
    EXPECT_EQ(describePlanEdits(plan.edits), describePlanEdits({ flag(2), flag(4) }));
}

TEST(PlanPlanUpdate, FlaggedRowThatMatchesAgainIsUnflagged)
{
    Analysis a = base();
    a.plan[1].flagged = true;
    a.plan[2].flagged = true;
    PlanRow byHand;
    byHand.cell(PlanColumn::Who) = "flagged by hand, still fine";
    byHand.flagged = true;
    a.plan.push_back(byHand);
    const Doc doc = document(a);
    EXPECT_EQ(describePlanEdits(aa::planPlanUpdate(doc.read).edits), describePlanEdits({ unflag(2, 0), unflag(3, 0), unflag(4, 0) }));

    // The flag's place in the issue cell is passed on.
    std::vector<Block> blocks = documentBlocks(a);
    aa::Table& table = std::get<aa::Table>(blocks.at(*layoutOf(a).planTable));
    aa::Cell& issueCell = table.rows.at(2).at(0);
    ASSERT_EQ(aa::roleOfStyle(issueCell.at(0).style).role, Role::PlanFlag);
    std::rotate(issueCell.begin(), issueCell.begin() + 1, issueCell.end()); // the flag after the link
    issueCell.insert(issueCell.begin(), para(Role::PlanCell, 0, "a note typed above"));
    const Doc moved = readDoc(blocks);
    ASSERT_EQ(moved.read.layout.planRows[1].flagParagraph, 2u);
    EXPECT_EQ(describePlanEdits(aa::planPlanUpdate(moved.read).edits), describePlanEdits({ unflag(2, 2), unflag(3, 0), unflag(4, 0) }));
}

TEST(PlanPlanUpdate, HandAddedRowsAreLeftAlone)
{
    Analysis a = base();
    PlanRow empty;
    PlanRow who;
    who.cell(PlanColumn::Who) = "someone";
    who.cell(PlanColumn::Contingency) = "plan B";
    a.plan.insert(a.plan.begin(), who);
    a.plan.push_back(empty); // an empty row is no row
    const Doc doc = withoutBlocks(a, { layoutOf(a).items[1][2] }); // h3 deleted: its row is flagged
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describePlanEdits(plan.edits), describePlanEdits({ flag(4) }));
    for (const PlanEdit& e : plan.edits)
        EXPECT_NE(e.row, 1u) << "the hand-added row";
}

TEST(PlanPlanUpdate, RepairsAreTitleRepairs)
{
    const Analysis a = base();
    std::vector<Block> blocks = documentBlocks(a);
    const aa::Layout before = layoutOf(a);
    std::get<Paragraph>(blocks.at(before.issues[1].title)).bookmarks.clear();
    const Doc doc = readDoc(blocks);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describe(plan.repairs), describe(aa::titleRepairs(doc.read)));
    EXPECT_EQ(describe(plan.repairs),
              expected({ replaceAt(before.issues[1].title, np(Role::IssueTitle, 0, "Issue B", "AA_issue_b")) }));
    EXPECT_TRUE(plan.edits.empty()) << "the links took the id back: every row still matches";

    // Repairs come with a missing table too.
    std::vector<Block> noTable = blocks;
    noTable.erase(noTable.begin() + static_cast<std::ptrdiff_t>(*before.planTable));
    const aa::PlanUpdatePlan both = aa::planPlanUpdate(readDoc(noTable).read);
    EXPECT_TRUE(both.needsTable);
    EXPECT_EQ(both.repairs.size(), 1u);
}

} // namespace
