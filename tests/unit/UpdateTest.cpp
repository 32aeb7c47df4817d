// planUpdate, headingRepairs, planPlanUpdate, analysisAfterUpdate, analysisAfterPlanUpdate,
// planRemoveIssue and planMoveIssue on the blocks of the fragment the writer makes
// (aa::test::documentBlocks), edited the way people edit, the edits applied as the glue applies
// them (EditSupport.hpp) and the document read again.
#include "AnalysisShapes.hpp"
#include "Compose.hpp"
#include "DocumentStructure.hpp"
#include "EditSupport.hpp"
#include "Errors.hpp"
#include "Json.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"
#include "Update.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace
{
using aa::Adult;
using aa::AdultPart;
using aa::Analysis;
using aa::Block;
using aa::Composer;
using aa::Edit;
using aa::Issue;
using aa::IssuePart;
using aa::Item;
using aa::ListKind;
using aa::NewParagraph;
using aa::Paragraph;
using aa::PlanColumn;
using aa::PlanEdit;
using aa::PlanRow;
using aa::QuestionKey;
using aa::ReadResult;
using aa::Role;
using aa::Section;
using aa::Topic;
using aa::Voice;
using aa::test::applyEdits;
using aa::test::describe;
using aa::test::documentBlocks;
using aa::test::idsOf;
using aa::test::makeItem;
using aa::test::para;
using aa::test::partlyAnswered;
using aa::test::plain;

const aa::Strings& strings() { return aa::Strings::builtIn(); }
std::size_t at(Topic t) { return static_cast<std::size_t>(t); }
std::size_t at(ListKind k) { return static_cast<std::size_t>(k); }
std::size_t at(Section s) { return static_cast<std::size_t>(s); }
QuestionKey key(IssuePart p) { return QuestionKey::of(p); }
QuestionKey key(AdultPart p) { return QuestionKey::of(p); }
QuestionKey key(Topic t) { return QuestionKey::of(t); }

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

Doc document(const Analysis& a, aa::test::LayoutOptions options = {}) { return readDoc(documentBlocks(a, options)); }

/// The document of a, with the blocks at these indices deleted by hand.
Doc withoutBlocks(const Analysis& a, std::set<std::size_t> indices)
{
    std::vector<Block> blocks = documentBlocks(a);
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(*it));
    return readDoc(std::move(blocks));
}

/// a's document with blocks inserted before the block at index.
Doc withBlocksBefore(const Analysis& a, std::size_t index, const std::vector<Block>& more)
{
    std::vector<Block> blocks = documentBlocks(a);
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(index), more.begin(), more.end());
    return readDoc(std::move(blocks));
}

aa::Layout layoutOf(const Analysis& a) { return document(a).read.layout; }

std::set<std::size_t> range(std::size_t first, std::size_t last)
{
    std::set<std::size_t> out;
    for (std::size_t b = first; b <= last; ++b)
        out.insert(b);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Describing edits, so that whole plans compare with readable failures.

std::multiset<std::string> describeAll(const std::vector<Edit>& edits)
{
    std::multiset<std::string> out;
    for (const Edit& e : edits)
        out.insert(describe(e));
    return out;
}

std::vector<std::string> describeAll(const std::vector<PlanEdit>& edits)
{
    std::vector<std::string> out;
    for (const PlanEdit& e : edits)
        out.push_back(describe(e));
    return out;
}

std::string replaceAt(std::size_t block, const NewParagraph& p) { return describe(Edit::Kind::Replace, block, { p }); }
std::string insertAfter(std::size_t block, const std::vector<NewParagraph>& ps)
{
    return describe(Edit::Kind::InsertAfter, block, ps);
}
std::string insertBefore(std::size_t block, const std::vector<NewParagraph>& ps)
{
    return describe(Edit::Kind::InsertBefore, block, ps);
}
std::string deleteAt(std::size_t block) { return describe(Edit::Kind::Delete, block, {}); }

std::multiset<std::string> expected(std::initializer_list<std::string> edits) { return edits; }

/// The paragraphs of an answer's lines (no label, no prompt).
std::vector<NewParagraph> lines(const Analysis& a, QuestionKey k, const std::string& text)
{
    return Composer(a).answer(k, text, false);
}
NewParagraph line(const Analysis& a, QuestionKey k, const std::string& text) { return lines(a, k, text).at(0); }

/// Nothing of the analysis stands out of place: within each issue and adult its heading, the
/// "identified by" line, each label and its answers follow one another; issues after issues,
/// items after their heading.
void expectInDocumentOrder(const aa::Layout& layout)
{
    std::size_t previousLast = 0;
    for (std::size_t i = 0; i < layout.issues.size(); ++i)
    {
        SCOPED_TRACE("issue " + std::to_string(i));
        const aa::IssueLayout& il = layout.issues[i];
        std::vector<std::size_t> sequence = { il.title };
        if (il.raisedBy)
            sequence.push_back(*il.raisedBy);
        for (const aa::TextLayout& part : il.parts)
        {
            if (part.label)
                sequence.push_back(*part.label);
            sequence.insert(sequence.end(), part.paragraphs.begin(), part.paragraphs.end());
        }
        EXPECT_TRUE(std::is_sorted(sequence.begin(), sequence.end())
                    && std::adjacent_find(sequence.begin(), sequence.end()) == sequence.end())
            << ::testing::PrintToString(sequence);
        if (i)
        {
            EXPECT_GT(il.title, previousLast);
        }
        previousLast = il.last;
    }
    for (std::size_t i = 0; i < layout.adults.size(); ++i)
    {
        SCOPED_TRACE("adult " + std::to_string(i));
        const aa::AdultLayout& al = layout.adults[i];
        std::vector<std::size_t> sequence = { al.name };
        for (const aa::TextLayout& part : al.parts)
        {
            if (part.label)
                sequence.push_back(*part.label);
            sequence.insert(sequence.end(), part.paragraphs.begin(), part.paragraphs.end());
        }
        EXPECT_TRUE(std::is_sorted(sequence.begin(), sequence.end())) << ::testing::PrintToString(sequence);
    }
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
    {
        EXPECT_TRUE(std::is_sorted(layout.items[k].begin(), layout.items[k].end()));
        const auto& heading = layout.sections[static_cast<std::size_t>(aa::sectionOf(static_cast<ListKind>(k)))];
        if (heading && !layout.items[k].empty())
        {
            EXPECT_LT(*heading, layout.items[k].front());
        }
    }
    for (std::size_t i = 0; i < layout.ifNot.size(); ++i)
        if (layout.ifNot[i])
        {
            EXPECT_EQ(*layout.ifNot[i], layout.items[at(ListKind::WhatNeedsToHappen)][i] + 1);
        }
    for (const aa::TextLayout& t : layout.topics)
        if (t.label && !t.paragraphs.empty())
        {
            EXPECT_EQ(t.paragraphs.front(), *t.label + 1);
        }
}

/// The sections the document has headings for are in the order of the reasoning.
void expectSectionsInOrder(const aa::Layout& layout)
{
    std::vector<std::size_t> headings;
    for (const auto& h : layout.sections)
        if (h)
            headings.push_back(*h);
    EXPECT_TRUE(std::is_sorted(headings.begin(), headings.end())) << ::testing::PrintToString(headings);
}

/// The checks every plan must pass: edits on paragraphs of the analysis only, at most one
/// insert after and one before each block.
void expectWellFormed(const Doc& doc, const std::vector<Edit>& edits)
{
    std::set<std::size_t> after, before;
    for (const Edit& e : edits)
    {
        EXPECT_TRUE(e.block < doc.blocks.size() && std::holds_alternative<Paragraph>(doc.blocks[e.block]))
            << describe(e);
        if (doc.read.layout.first && doc.read.layout.last)
        {
            // An insert may go after the analysis's last block or before the block after it.
            EXPECT_GE(e.block, *doc.read.layout.first) << describe(e);
            EXPECT_LE(e.block, *doc.read.layout.last + 1) << describe(e);
            if (e.block == *doc.read.layout.last + 1)
            {
                EXPECT_EQ(e.kind, Edit::Kind::InsertBefore) << describe(e);
            }
        }
        if (e.kind == Edit::Kind::InsertAfter)
        {
            EXPECT_TRUE(after.insert(e.block).second) << "second InsertAfter at " << e.block;
        }
        if (e.kind == Edit::Kind::InsertBefore)
        {
            EXPECT_TRUE(before.insert(e.block).second) << "second InsertBefore at " << e.block;
        }
    }
}

aa::UpdatePlan update(const Doc& doc, const Analysis& desired)
{
    EXPECT_TRUE(doc.read.found);
    aa::UpdatePlan plan = aa::planUpdate(doc.read, desired);
    expectWellFormed(doc, plan.edits);
    return plan;
}

/// Applies the plan as the glue would and reads the document again: it holds what
/// analysisAfterUpdate says (the contract the commands rely on), that is desired with the
/// issues and adults desired leaves out kept as they were, in the document's order, new ones
/// after them; the plan, what the reader could not place and the report around untouched;
/// everything in order, nothing of schema 1 left; and updating again changes nothing.
ReadResult expectUpdatedTo(const Doc& doc, const aa::UpdatePlan& plan, const Analysis& desired)
{
    const std::vector<Block> after = applyEdits(doc.blocks, plan.edits);
    const ReadResult read = aa::readAnalysis(after);
    EXPECT_TRUE(read.found);
    const Analysis& got = read.analysis;
    const Analysis predicted = aa::analysisAfterUpdate(doc.read, desired);
    EXPECT_TRUE(got == predicted) << "read back:\n"
                                  << aa::toJson(got) << "\nanalysisAfterUpdate:\n"
                                  << aa::toJson(predicted);
    EXPECT_EQ(got.issues.size(), desired.issues.size() + plan.keptIssues.size());
    for (const aa::Issue& want : desired.issues)
    {
        SCOPED_TRACE("issue " + want.id);
        const aa::Issue* have = got.findIssue(want.id);
        if (!have)
        {
            ADD_FAILURE() << "missing";
            continue;
        }
        EXPECT_EQ(have->title, want.title);
        std::vector<Voice> voices = want.raisedBy;
        std::sort(voices.begin(), voices.end());
        EXPECT_EQ(have->raisedBy, voices);
        EXPECT_EQ(std::set<std::string>(have->raisedByAdults.begin(), have->raisedByAdults.end()),
                  std::set<std::string>(want.raisedByAdults.begin(), want.raisedByAdults.end()));
        EXPECT_EQ(have->parts, want.parts);
    }
    for (const std::string& id : plan.keptIssues)
    {
        const aa::Issue* before = doc.read.analysis.findIssue(id);
        const aa::Issue* now = got.findIssue(id);
        EXPECT_TRUE(before && now && now->title == before->title && now->parts == before->parts)
            << "kept issue " << id << " changed";
    }
    for (const Adult& want : desired.adults)
    {
        const Adult* have = got.findAdult(want.id);
        EXPECT_TRUE(have && *have == want) << "adult " << want.id;
    }
    std::vector<std::string> order;
    for (const aa::Issue& is : doc.read.analysis.issues)
        order.push_back(is.id);
    for (const std::string& id : plan.addedIssues)
        order.push_back(id);
    std::vector<std::string> gotOrder;
    for (const aa::Issue& is : got.issues)
        gotOrder.push_back(is.id);
    EXPECT_EQ(gotOrder, order);
    EXPECT_TRUE(got.lists == desired.lists) << aa::toJson(got);
    EXPECT_EQ(got.topics, desired.topics);
    EXPECT_TRUE(got.plan == doc.read.analysis.plan) << "update leaves the plan alone";
    EXPECT_EQ(got.unplaced, doc.read.analysis.unplaced);
    expectInDocumentOrder(read.layout);
    EXPECT_TRUE(read.layout.legacyBlocks.empty());
    EXPECT_TRUE(read.layout.legacyHeadings.empty());
    EXPECT_TRUE(read.layout.legacyAdults.empty());
    // The report around the analysis is as it was.
    EXPECT_TRUE(std::get<Paragraph>(after.front()).text == std::get<Paragraph>(doc.blocks.front()).text);
    EXPECT_TRUE(std::get<Paragraph>(after.back()).text == std::get<Paragraph>(doc.blocks.back()).text);
    // And updating again changes nothing.
    const aa::UpdatePlan again = aa::planUpdate(read, desired);
    EXPECT_TRUE(again.edits.empty()) << ::testing::PrintToString(describeAll(again.edits));
    EXPECT_TRUE(again.addedIssues.empty());
    return read;
}

// ---------------------------------------------------------------------------------------------
// planUpdate: nothing to do

TEST(UpdateAnalysis, TheDocumentAsItIsGivesNoEdits)
{
    for (const auto& [name, a] : aa::test::shapes())
    {
        SCOPED_TRACE(name);
        const Doc doc = document(a);
        ASSERT_TRUE(doc.read.analysis == a) << aa::toJson(doc.read.analysis);
        for (const Analysis& desired : { a, doc.read.analysis })
        {
            const aa::UpdatePlan plan = update(doc, desired);
            EXPECT_TRUE(plan.edits.empty()) << ::testing::PrintToString(describeAll(plan.edits));
            EXPECT_TRUE(plan.addedIssues.empty());
            EXPECT_TRUE(plan.keptIssues.empty());
        }
    }
}

TEST(UpdateAnalysis, ADocumentThatLostItsStylesChangesOnlyByPromptsWhenNothingChanged)
{
    // Without our styles an empty answer's prompt (blank, no label) cannot be told from any
    // other blank paragraph, so an update writes the prompts again: that is all it does, and it
    // does it once.
    aa::test::LayoutOptions options;
    options.stylesLost = true;
    for (const auto& [name, a] : aa::test::shapes())
    {
        if (name == "rich") // its blank paragraphs inside answers read as nothing
            continue;
        SCOPED_TRACE(name);
        const Doc doc = document(a, options);
        ASSERT_TRUE(doc.read.analysis == a) << aa::toJson(doc.read.analysis);
        const aa::UpdatePlan plan = update(doc, a);
        for (const Edit& e : plan.edits)
        {
            EXPECT_TRUE(e.kind == Edit::Kind::InsertAfter || e.kind == Edit::Kind::InsertBefore) << describe(e);
            for (const NewParagraph& p : e.paragraphs)
                EXPECT_TRUE(p.isPrompt()) << describe(e);
        }
        expectUpdatedTo(doc, plan, a);
    }
}

// ---------------------------------------------------------------------------------------------
// planUpdate: answers

TEST(UpdateAnalysis, OneChangedParagraphIsOneReplace)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const aa::Layout& l = doc.read.layout;
    const aa::TextLayout& origins = l.issues[0].parts[0];
    ASSERT_EQ(origins.paragraphs.size(), 3u);
    Analysis desired = a;
    desired.issues[0].part(IssuePart::Origins) = "o1\nO2 rewritten\no3";
    aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits),
              expected({ replaceAt(origins.paragraphs[1], line(a, key(IssuePart::Origins), "O2 rewritten")) }));
    EXPECT_TRUE(plan.addedIssues.empty());
    EXPECT_TRUE(plan.keptIssues.empty());
    expectUpdatedTo(doc, plan, desired);

    // One line of each kind of answer: an issue's, an adult's, a labelled topic's, an unlabelled
    // one's, the plan's after its table.
    desired = a;
    desired.issues[1].part(IssuePart::MaintainingFactors) = "bm1\nbm2 edited";
    desired.adults[0].part(AdultPart::Understanding) = "U1\nu2";
    desired.topic(Topic::NotKnown) = "n1\nN2";
    desired.topic(Topic::Safety) = "s1\nS2";
    desired.topic(Topic::PlanReview) = "monthly";
    desired.topic(Topic::Recommendation) = "rec1\nrec2 changed";
    plan = update(doc, desired);
    EXPECT_EQ(
        describeAll(plan.edits),
        expected(
            { replaceAt(l.issues[1].parts[1].paragraphs[1], line(a, key(IssuePart::MaintainingFactors), "bm2 edited")),
              replaceAt(l.adults[0].parts[0].paragraphs[0], line(a, key(AdultPart::Understanding), "U1")),
              replaceAt(l.topics[at(Topic::NotKnown)].paragraphs[1], line(a, key(Topic::NotKnown), "N2")),
              replaceAt(l.topics[at(Topic::Safety)].paragraphs[1], line(a, key(Topic::Safety), "S2")),
              replaceAt(l.topics[at(Topic::PlanReview)].paragraphs[0], line(a, key(Topic::PlanReview), "monthly")),
              replaceAt(l.topics[at(Topic::Recommendation)].paragraphs[1],
                        line(a, key(Topic::Recommendation), "rec2 changed")) }));
    expectUpdatedTo(doc, plan, desired);
}

TEST(UpdateAnalysis, FieldsNeedARefreshOnlyWhereWhatLinksShowChanged)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    // An answer's text: no field shows it.
    Analysis desired = a;
    desired.issues[0].part(IssuePart::Origins) = "o1\nO2 rewritten\no3";
    desired.topic(Topic::Recommendation) = "rec1\nrec2 changed\nrec3 added";
    EXPECT_FALSE(aa::editsChangeWhatFieldsShow(update(doc, desired), doc.blocks));
    // An issue's title (what links to it show), a new issue, who identified an issue (links to
    // adults), a list item (its bookmark, its links), an adult's heading: a refresh.
    desired = a;
    desired.issues[1].title = "Issue B, retitled";
    EXPECT_TRUE(aa::editsChangeWhatFieldsShow(update(doc, desired), doc.blocks));
    desired = a;
    desired.issues.push_back(desired.issues[0]);
    desired.issues.back().id = "d";
    desired.issues.back().title = "A new issue";
    EXPECT_TRUE(aa::editsChangeWhatFieldsShow(update(doc, desired), doc.blocks));
    desired = a;
    desired.adults[0].name += " Junior";
    EXPECT_TRUE(aa::editsChangeWhatFieldsShow(update(doc, desired), doc.blocks));
    desired = a;
    desired.list(ListKind::WhatNeedsToHappen).front().text += ", and soon";
    EXPECT_TRUE(aa::editsChangeWhatFieldsShow(update(doc, desired), doc.blocks));
    // Removing or moving an issue deletes its bookmarked heading.
    EXPECT_TRUE(aa::editsChangeWhatFieldsShow(aa::planRemoveIssue(doc.read, 0), doc.blocks));
    EXPECT_TRUE(aa::editsChangeWhatFieldsShow(aa::planMoveIssue(doc.read, doc.blocks, 0, false), doc.blocks));
    // Nothing to do: nothing to refresh.
    EXPECT_FALSE(aa::editsChangeWhatFieldsShow(update(doc, a), doc.blocks));
}

TEST(UpdateAnalysis, MoreLinesAreOneInsertAfterTheAnswersLastBlock)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const aa::TextLayout& origins = doc.read.layout.issues[0].parts[0];
    Analysis desired = a;
    desired.issues[0].part(IssuePart::Origins) = "o1\no2\no3\no4\n\no6";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits),
              expected({ insertAfter(origins.paragraphs.back(), lines(a, key(IssuePart::Origins), "o4\n\no6")) }));
    expectUpdatedTo(doc, plan, desired);

    // A changed line and more lines: the change in place, the rest after the last block.
    desired.issues[0].part(IssuePart::Origins) = "O1\no2\no3\no4";
    const aa::UpdatePlan mixed = update(doc, desired);
    EXPECT_EQ(describeAll(mixed.edits),
              expected({ replaceAt(origins.paragraphs[0], line(a, key(IssuePart::Origins), "O1")),
                         insertAfter(origins.paragraphs[2], lines(a, key(IssuePart::Origins), "o4")) }));
    expectUpdatedTo(doc, mixed, desired);
}

TEST(UpdateAnalysis, FewerLinesDeleteTheSurplusBlocks)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const std::vector<std::size_t>& blocks = doc.read.layout.issues[0].parts[0].paragraphs;
    ASSERT_EQ(blocks.size(), 3u);
    Analysis desired = a;
    desired.issues[0].part(IssuePart::Origins) = "o1";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits), expected({ deleteAt(blocks[1]), deleteAt(blocks[2]) }));
    expectUpdatedTo(doc, plan, desired);

    desired.issues[0].part(IssuePart::Origins) = "o1\nO2";
    const aa::UpdatePlan changed = update(doc, desired);
    EXPECT_EQ(describeAll(changed.edits),
              expected({ replaceAt(blocks[1], line(a, key(IssuePart::Origins), "O2")), deleteAt(blocks[2]) }));
    expectUpdatedTo(doc, changed, desired);
}

TEST(UpdateAnalysis, AnEmptiedAnswerBecomesItsPromptAndLosesItsLabel)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const aa::Layout& l = doc.read.layout;
    const Composer compose(a);
    // An issue's part of three lines.
    {
        Analysis desired = a;
        desired.issues[0].part(IssuePart::Origins) = "";
        const aa::TextLayout& where = l.issues[0].parts[0];
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ replaceAt(where.paragraphs[0], compose.prompt(key(IssuePart::Origins))),
                             deleteAt(where.paragraphs[1]), deleteAt(where.paragraphs[2]), deleteAt(*where.label) }));
        const ReadResult read = expectUpdatedTo(doc, plan, desired);
        EXPECT_TRUE(read.layout.issues[0].parts[0].prompt);
        EXPECT_FALSE(read.layout.issues[0].parts[0].label);
    }
    // An adult's, a labelled topic, an unlabelled one (no label to delete), the explanation.
    {
        Analysis desired = a;
        desired.adults[0].part(AdultPart::Motivation) = "";
        desired.topic(Topic::Patterns) = " ";
        desired.topic(Topic::ChildExperience) = "";
        desired.issues[0].part(IssuePart::Explanation) = "";
        const aa::TextLayout& motivation = l.adults[0].parts[1];
        const aa::TextLayout& patterns = l.topics[at(Topic::Patterns)];
        const aa::TextLayout& child = l.topics[at(Topic::ChildExperience)];
        const aa::TextLayout& explanation = l.issues[0].parts[3];
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ replaceAt(motivation.paragraphs[0], compose.prompt(key(AdultPart::Motivation))),
                             deleteAt(*motivation.label),
                             replaceAt(patterns.paragraphs[0], compose.prompt(key(Topic::Patterns))),
                             deleteAt(*patterns.label),
                             replaceAt(child.paragraphs[0], compose.prompt(key(Topic::ChildExperience))),
                             replaceAt(explanation.paragraphs[0], compose.prompt(key(IssuePart::Explanation))),
                             deleteAt(*explanation.label) }));
        Analysis read = desired;
        read.topic(Topic::Patterns) = "";
        const aa::UpdatePlan again = update(doc, read);
        EXPECT_EQ(describeAll(again.edits), describeAll(plan.edits)) << "a blank answer is an empty one";
        expectUpdatedTo(doc, again, read);
    }
}

TEST(UpdateAnalysis, AFilledAnswerGetsItsLabel)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const aa::Layout& l = doc.read.layout;
    const Composer compose(a);
    Analysis desired = a;
    desired.issues[2].part(IssuePart::Origins) = "co1\nco2";
    desired.adults[1].part(AdultPart::Understanding) = "du";
    desired.topic(Topic::AbsentFigures) = "af";
    desired.topic(Topic::Contingency) = "plan B";
    const aa::TextLayout& origins = l.issues[2].parts[0];
    const aa::TextLayout& understanding = l.adults[1].parts[0];
    const aa::TextLayout& absent = l.topics[at(Topic::AbsentFigures)];
    const aa::TextLayout& contingency = l.topics[at(Topic::Contingency)];
    for (const aa::TextLayout* t : { &origins, &understanding, &absent, &contingency })
    {
        ASSERT_TRUE(t->prompt);
        ASSERT_FALSE(t->label);
        ASSERT_EQ(t->paragraphs.size(), 1u);
    }
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits),
              expected({ insertBefore(origins.paragraphs[0], { compose.label(key(IssuePart::Origins)) }),
                         replaceAt(origins.paragraphs[0], line(a, key(IssuePart::Origins), "co1")),
                         insertAfter(origins.paragraphs[0], lines(a, key(IssuePart::Origins), "co2")),
                         insertBefore(understanding.paragraphs[0], { compose.label(key(AdultPart::Understanding)) }),
                         replaceAt(understanding.paragraphs[0], line(a, key(AdultPart::Understanding), "du")),
                         insertBefore(absent.paragraphs[0], { compose.label(key(Topic::AbsentFigures)) }),
                         replaceAt(absent.paragraphs[0], line(a, key(Topic::AbsentFigures), "af")),
                         insertBefore(contingency.paragraphs[0], { compose.label(key(Topic::Contingency)) }),
                         replaceAt(contingency.paragraphs[0], line(a, key(Topic::Contingency), "plan B")) }));
    const ReadResult read = expectUpdatedTo(doc, plan, desired);
    EXPECT_TRUE(read.layout.issues[2].parts[0].label);
    EXPECT_FALSE(read.layout.issues[2].parts[0].prompt);

    // An unlabelled topic's prompt is replaced, no label.
    Analysis empty = a;
    empty.topic(Topic::Safety) = "";
    const Doc emptyDoc = document(empty);
    const aa::TextLayout& safety = emptyDoc.read.layout.topics[at(Topic::Safety)];
    ASSERT_TRUE(safety.prompt);
    const aa::UpdatePlan fill = update(emptyDoc, a);
    EXPECT_EQ(describeAll(fill.edits),
              expected({ replaceAt(safety.paragraphs[0], line(a, key(Topic::Safety), "s1")),
                         insertAfter(safety.paragraphs[0], lines(a, key(Topic::Safety), "s2")) }));
    expectUpdatedTo(emptyDoc, fill, a);
}

TEST(UpdateAnalysis, AnswerWithoutParagraphsGoesAfterItsLabel)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    const std::vector<std::size_t>& answers = before.issues[1].parts[1].paragraphs;
    const Doc doc = withoutBlocks(a, { answers.begin(), answers.end() });
    const aa::TextLayout& where = doc.read.layout.issues[1].parts[1];
    ASSERT_TRUE(where.paragraphs.empty());
    ASSERT_TRUE(where.label);
    ASSERT_EQ(doc.read.analysis.issues[1].part(IssuePart::MaintainingFactors), "");
    const aa::UpdatePlan plan = update(doc, a);
    EXPECT_EQ(describeAll(plan.edits),
              expected({ insertAfter(*where.label, lines(a, key(IssuePart::MaintainingFactors), "bm1\nbm2")) }));
    expectUpdatedTo(doc, plan, a);

    // Nothing to write: the label left alone becomes the prompt.
    Analysis empty = a;
    empty.issues[1].part(IssuePart::MaintainingFactors) = "";
    const aa::UpdatePlan prompt = update(doc, empty);
    EXPECT_EQ(describeAll(prompt.edits),
              expected({ replaceAt(*where.label, Composer(a).prompt(key(IssuePart::MaintainingFactors))) }));
    expectUpdatedTo(doc, prompt, empty);
}

TEST(UpdateAnalysis, AnswerWithoutParagraphsOrLabelGoesAfterThePreviousOne)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    const aa::IssueLayout& b = before.issues[1];
    const Composer compose(a);
    // Maintaining factors: label and answers gone, origins before it intact.
    {
        std::set<std::size_t> gone(b.parts[1].paragraphs.begin(), b.parts[1].paragraphs.end());
        gone.insert(*b.parts[1].label);
        const Doc doc = withoutBlocks(a, gone);
        const aa::IssueLayout& il = doc.read.layout.issues[1];
        ASSERT_FALSE(il.parts[1].label);
        const aa::UpdatePlan plan = update(doc, a);
        std::vector<NewParagraph> want = { compose.label(key(IssuePart::MaintainingFactors)) };
        for (const NewParagraph& p : lines(a, key(IssuePart::MaintainingFactors), "bm1\nbm2"))
            want.push_back(p);
        EXPECT_EQ(describeAll(plan.edits), expected({ insertAfter(il.parts[0].paragraphs.back(), want) }));
        expectUpdatedTo(doc, plan, a);
    }
    // Origins: label and answer gone: after "Identified by".
    {
        const Doc doc = withoutBlocks(a, { *b.parts[0].label, b.parts[0].paragraphs[0] });
        const aa::IssueLayout& il = doc.read.layout.issues[1];
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ insertAfter(*il.raisedBy, { compose.label(key(IssuePart::Origins)),
                                                         line(a, key(IssuePart::Origins), "bo") }) }));
        expectUpdatedTo(doc, plan, a);
    }
    // Origins and "Identified by" gone too: after the title, "Identified by" first.
    {
        const Doc doc = withoutBlocks(a, { *b.raisedBy, *b.parts[0].label, b.parts[0].paragraphs[0] });
        const aa::IssueLayout& il = doc.read.layout.issues[1];
        ASSERT_FALSE(il.raisedBy);
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(
            describeAll(plan.edits),
            expected({ insertAfter(il.title, { compose.raisedBy(a.issues[1]), compose.label(key(IssuePart::Origins)),
                                               line(a, key(IssuePart::Origins), "bo") }) }));
        expectUpdatedTo(doc, plan, a);
    }
    // An origins answer deleted (its label left), the maintaining factors' label and answers
    // deleted: they go after the origins' label, not above it.
    {
        std::set<std::size_t> gone = { b.parts[0].paragraphs[0], *b.parts[1].label };
        gone.insert(b.parts[1].paragraphs.begin(), b.parts[1].paragraphs.end());
        Analysis desired = a;
        desired.issues[1].part(IssuePart::Origins) = "";
        const Doc doc = withoutBlocks(a, gone);
        const aa::IssueLayout& il = doc.read.layout.issues[1];
        const aa::UpdatePlan plan = update(doc, desired);
        std::vector<NewParagraph> want = { compose.label(key(IssuePart::MaintainingFactors)) };
        for (const NewParagraph& p : lines(a, key(IssuePart::MaintainingFactors), "bm1\nbm2"))
            want.push_back(p);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ replaceAt(*il.parts[0].label, compose.prompt(key(IssuePart::Origins))),
                             insertAfter(*il.parts[0].label, want) }));
        expectUpdatedTo(doc, plan, desired);
    }
    // An adult's understanding gone with its label: after the adult's name.
    {
        const aa::AdultLayout& mum = before.adults[0];
        std::set<std::size_t> gone(mum.parts[0].paragraphs.begin(), mum.parts[0].paragraphs.end());
        gone.insert(*mum.parts[0].label);
        const Doc doc = withoutBlocks(a, gone);
        const aa::UpdatePlan plan = update(doc, a);
        std::vector<NewParagraph> want = { compose.label(key(AdultPart::Understanding)) };
        for (const NewParagraph& p : lines(a, key(AdultPart::Understanding), "u1\nu2"))
            want.push_back(p);
        EXPECT_EQ(describeAll(plan.edits), expected({ insertAfter(doc.read.layout.adults[0].name, want) }));
        expectUpdatedTo(doc, plan, a);
    }
    // A topic gone with its label: after the topic before it.
    {
        const aa::TextLayout& notKnown = before.topics[at(Topic::NotKnown)];
        std::set<std::size_t> gone(notKnown.paragraphs.begin(), notKnown.paragraphs.end());
        gone.insert(*notKnown.label);
        const Doc doc = withoutBlocks(a, gone);
        const aa::UpdatePlan plan = update(doc, a);
        std::vector<NewParagraph> want = { compose.label(key(Topic::NotKnown)) };
        for (const NewParagraph& p : lines(a, key(Topic::NotKnown), "n1\nn2"))
            want.push_back(p);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ insertAfter(doc.read.layout.topics[at(Topic::RiskAndProtectiveBalance)].paragraphs.back(),
                                         want) }));
        expectUpdatedTo(doc, plan, a);
    }
}

// ---------------------------------------------------------------------------------------------
// planUpdate: issues and adults

TEST(UpdateAnalysis, ChangedTitleIsReplacedWithItsBookmark)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    Analysis desired = a;
    desired.issues[1].title = "Issue B, retitled";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits), expected({ replaceAt(doc.read.layout.issues[1].title,
                                                            Composer(desired).issueTitle(desired.issues[1])) }));
    // The links to it show the new title once Writer refreshes its fields; the link texts in the
    // document are not rewritten.
    expectUpdatedTo(doc, plan, desired);
}

TEST(UpdateAnalysis, HeadingWhoseBookmarkIsNotIntactIsRewritten)
{
    const Analysis a = aa::test::base();
    for (bool collapsed : { false, true })
    {
        SCOPED_TRACE(collapsed ? "bookmark covers no text" : "bookmark gone");
        std::vector<Block> blocks = documentBlocks(a);
        const aa::Layout l = layoutOf(a);
        for (std::size_t b : { l.issues[1].title, l.adults[1].name })
        {
            Paragraph& heading = std::get<Paragraph>(blocks.at(b));
            if (collapsed)
                heading.emptyBookmarks = heading.bookmarks;
            else
                heading.bookmarks.clear();
        }
        const Doc doc = readDoc(blocks);
        ASSERT_EQ(doc.read.analysis.issues[1].id, "b") << "the links give the id back";
        ASSERT_EQ(doc.read.analysis.adults[1].id, "dad") << "the links give the id back";
        ASSERT_FALSE(doc.read.layout.issues[1].bookmarkIntact);
        ASSERT_FALSE(doc.read.layout.adults[1].bookmarkIntact);
        ASSERT_TRUE(doc.read.analysis == a);
        const Analysis& desired = a;
        const Composer compose(desired);
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ replaceAt(l.issues[1].title, compose.issueTitle(desired.issues[1])),
                             replaceAt(l.adults[1].name, compose.adultName(desired.adults[1])) }));
        const ReadResult read = expectUpdatedTo(doc, plan, desired);
        EXPECT_TRUE(read.layout.issues[1].bookmarkIntact);
        EXPECT_TRUE(read.layout.adults[1].bookmarkIntact);
    }
}

TEST(UpdateAnalysis, AdultsNameAndRelationship)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    Analysis desired = a;
    desired.adults[0].relationship = "";
    desired.adults[1].relationship = "Maya's father";
    const Composer compose(desired);
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits),
              expected({ replaceAt(doc.read.layout.adults[0].name, compose.adultName(desired.adults[0])),
                         replaceAt(doc.read.layout.adults[1].name, compose.adultName(desired.adults[1])) }));
    EXPECT_EQ(compose.adultName(desired.adults[1]).text(), "Daniel Okafor (Maya's father)");
    expectUpdatedTo(doc, plan, desired);
}

TEST(UpdateAnalysis, WhoIdentifiedAnIssue)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    // Missing: inserted after the title.
    {
        const Doc doc = withoutBlocks(a, { *before.issues[1].raisedBy });
        ASSERT_TRUE(doc.read.analysis.issues[1].raisedBy.empty());
        const aa::UpdatePlan plan = update(doc, a);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ insertAfter(doc.read.layout.issues[1].title, { Composer(a).raisedBy(a.issues[1]) }) }));
        EXPECT_EQ(Composer(a).raisedBy(a.issues[1]).text(),
                  "Identified by: the child, Sarah Green (Maya's mother), Daniel Okafor");
        expectUpdatedTo(doc, plan, a);
    }
    // Changed: voices, adults, and none any more (the prompt).
    {
        const Doc doc = document(a);
        Analysis desired = a;
        desired.issues[1].raisedBy = { Voice::Practitioner, Voice::OtherWorkers };
        desired.issues[1].raisedByAdults = { "dad" };
        desired.issues[0].raisedBy.clear();
        desired.issues[0].raisedByAdults.clear();
        desired.issues[2].raisedByAdults = { "mum" };
        const Composer compose(desired);
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ replaceAt(*before.issues[1].raisedBy, compose.raisedBy(desired.issues[1])),
                             replaceAt(*before.issues[0].raisedBy, compose.raisedBy(desired.issues[0])),
                             replaceAt(*before.issues[2].raisedBy, compose.raisedBy(desired.issues[2])) }));
        EXPECT_TRUE(compose.raisedBy(desired.issues[0]).isPrompt());
        expectUpdatedTo(doc, plan, desired);
    }
}

TEST(UpdateAnalysis, WhoIdentifiedAnIssueInAnotherOrderIsTheSameLine)
{
    // The reader lists the voices in their order and the adults in the order the document names
    // them; an analysis that lists them otherwise (JSON from a script, a new adult put first) says
    // the same: no edit for the order alone, and the document reads as analysisAfterUpdate says.
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    Analysis reordered = a;
    reordered.issues[1].raisedByAdults = { "dad", "mum" };
    reordered.issues[1].raisedBy = { Voice::OtherWorkers, Voice::Child };
    reordered.issues[0].raisedBy = { Voice::Practitioner };
    const aa::UpdatePlan plan = update(doc, reordered);
    EXPECT_EQ(describeAll(plan.edits),
              expected({ replaceAt(*doc.read.layout.issues[1].raisedBy, Composer(a).raisedBy([&] {
                  aa::Issue b = a.issues[1];
                  b.raisedBy = { Voice::Child, Voice::OtherWorkers };
                  return b;
              }())) }))
        << "the voice added, the adults in the document's order";
    expectUpdatedTo(doc, plan, reordered);

    // A new adult first in the analysis goes after the others, and so do the links to it.
    Adult anna;
    anna.id = "anna";
    anna.name = "Anna Green";
    Analysis first = a;
    first.adults.insert(first.adults.begin(), anna);
    first.issues[0].raisedByAdults = { "anna", "mum" };
    const aa::UpdatePlan added = update(doc, first);
    const ReadResult read = expectUpdatedTo(doc, added, first);
    EXPECT_EQ(read.analysis.issues[0].raisedByAdults, (std::vector<std::string>{ "mum", "anna" }));
}

TEST(UpdateAnalysis, NewIssuesGoAfterTheLastIssue)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    aa::Issue d;
    d.id = "d";
    d.title = "Issue D";
    d.raisedBy = { Voice::OtherWorkers };
    d.raisedByAdults = { "dad" };
    d.part(IssuePart::Origins) = "d1\n\nd3";
    aa::Issue e;
    e.id = "e";
    e.title = "Issue E";
    Analysis desired = a;
    desired.issues.insert(desired.issues.begin() + 1, d); // placed in the middle: still goes last
    desired.issues.push_back(e);
    desired.list(ListKind::Strengths).push_back(makeItem("s4", { "d", "e" }));
    const Composer compose(desired);
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(plan.addedIssues, (std::vector<std::string>{ "d", "e" }));
    EXPECT_TRUE(plan.keptIssues.empty());
    std::vector<NewParagraph> paragraphs = compose.issue(d);
    for (const NewParagraph& p : compose.issue(e))
        paragraphs.push_back(p);
    EXPECT_EQ(
        describeAll(plan.edits),
        expected({ insertAfter(doc.read.layout.issues.back().last, paragraphs),
                   insertAfter(doc.read.layout.items[0].back(),
                               { compose.item(ListKind::Strengths, desired.list(ListKind::Strengths).back()) }) }));
    expectUpdatedTo(doc, plan, desired);
}

TEST(UpdateAnalysis, NewIssuesGoUnderTheSubheadingWhenNoIssueIsLeft)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    const Doc doc = withoutBlocks(a, range(before.issues.front().title, before.issues.back().last));
    ASSERT_TRUE(doc.read.analysis.issues.empty());
    const std::size_t heading = *doc.read.layout.sections[at(Section::Issues)];
    const aa::UpdatePlan plan = update(doc, a);
    EXPECT_EQ(plan.addedIssues, (std::vector<std::string>{ "a", "b", "c" }));
    EXPECT_EQ(describeAll(plan.edits).count(insertAfter(heading, Composer(a).section(Section::Issues, false))), 1u)
        << "after \"Key issues\", not before it";
    expectUpdatedTo(doc, plan, a);
}

TEST(UpdateAnalysis, IssuesAndAdultsMissingFromTheAnalysisAreKeptUntouched)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const aa::IssueLayout& b = doc.read.layout.issues[1];
    const aa::AdultLayout& dad = doc.read.layout.adults[1];
    Analysis desired = a;
    desired.issues.erase(desired.issues.begin() + 1);
    desired.adults.pop_back();
    // Without links to them, since they are not in the analysis given.
    for (auto& items : desired.lists)
        for (Item& i : items)
        {
            i.issues.erase(std::remove(i.issues.begin(), i.issues.end(), "b"), i.issues.end());
            i.adults.erase(std::remove(i.adults.begin(), i.adults.end(), "dad"), i.adults.end());
        }
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
        EXPECT_FALSE(e.block >= dad.name && e.block <= dad.last && e.kind != Edit::Kind::InsertAfter)
            << "touches the adult dad: " << describe(e);
    }
    const ReadResult read = expectUpdatedTo(doc, plan, desired);
    ASSERT_TRUE(read.analysis.findAdult("dad"));
    EXPECT_TRUE(*read.analysis.findAdult("dad") == a.adults[1]) << "kept as it was";

    // Only the issue left out: nothing to do, the issue is reported.
    Analysis fewer = a;
    fewer.issues.pop_back();
    fewer.list(ListKind::WhatNeedsToHappen)[3].issues.clear();
    const aa::UpdatePlan kept = update(doc, fewer);
    EXPECT_EQ(kept.keptIssues, (std::vector<std::string>{ "c" }));
    EXPECT_EQ(describeAll(kept.edits),
              expected({ replaceAt(
                  doc.read.layout.items[1][3],
                  Composer(fewer).item(ListKind::WhatNeedsToHappen, fewer.list(ListKind::WhatNeedsToHappen)[3])) }));
    expectUpdatedTo(doc, kept, fewer);
}

TEST(UpdateAnalysis, NewAdultsGoAfterTheLastAdult)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    Adult anna;
    anna.id = "anna";
    anna.name = "Anna Green";
    anna.relationship = "Sarah's sister";
    anna.part(AdultPart::Motivation) = "wants to help";
    Analysis desired = a;
    desired.adults.insert(desired.adults.begin(), anna); // first in the analysis: still goes last
    desired.issues[2].raisedByAdults = { "anna" };
    desired.list(ListKind::Strengths)[1].adults = { "anna", "mum" };
    const Composer compose(desired);
    const aa::UpdatePlan plan = update(doc, desired);
    const aa::Layout& l = doc.read.layout;
    EXPECT_EQ(describeAll(plan.edits),
              expected({ insertAfter(l.adults.back().last, compose.adult(anna)),
                         replaceAt(*l.issues[2].raisedBy, compose.raisedBy(desired.issues[2])),
                         replaceAt(l.items[0][1],
                                   compose.item(ListKind::Strengths, desired.list(ListKind::Strengths)[1])) }));
    // The document keeps its order: the new adult after the others.
    Analysis inOrder = desired;
    std::rotate(inOrder.adults.begin(), inOrder.adults.begin() + 1, inOrder.adults.end());
    const ReadResult read = aa::readAnalysis(applyEdits(doc.blocks, plan.edits));
    EXPECT_TRUE(read.analysis.adults == inOrder.adults);
    EXPECT_TRUE(read.analysis == aa::analysisAfterUpdate(doc.read, desired));
    EXPECT_EQ(read.analysis.list(ListKind::Strengths)[1].adults, (std::vector<std::string>{ "anna", "mum" }))
        << "links in the order given";
    EXPECT_TRUE(aa::planUpdate(read, desired).edits.empty());
}

TEST(UpdateAnalysis, TheFirstAdultTakesThePromptsPlace)
{
    Analysis none = aa::test::shapes().at(4).second;
    ASSERT_EQ(aa::test::shapes().at(4).first, "no adults");
    const Doc doc = document(none);
    ASSERT_TRUE(doc.read.layout.adultsPrompt);
    const Analysis a = aa::test::base();
    Analysis desired = none;
    desired.adults = a.adults;
    const Composer compose(desired);
    std::vector<NewParagraph> rest = compose.adult(a.adults[0]);
    const NewParagraph first = rest.front();
    rest.erase(rest.begin());
    for (const NewParagraph& p : compose.adult(a.adults[1]))
        rest.push_back(p);
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits), expected({ replaceAt(*doc.read.layout.adultsPrompt, first),
                                                  insertAfter(*doc.read.layout.adultsPrompt, rest) }));
    expectUpdatedTo(doc, plan, desired);
    // And back: the adults are kept (an update never removes one), their links go.
    const Doc withAdults = document(a);
    const aa::UpdatePlan back = update(withAdults, none);
    const ReadResult read = expectUpdatedTo(withAdults, back, none);
    EXPECT_EQ(read.analysis.adults.size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// planUpdate: lists

TEST(UpdateAnalysis, ListItemsChangedAddedAndRemoved)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const auto& items = doc.read.layout.items;
    // Changed: text, links to issues, adults and items, a "what needs to happen" item's text (it
    // keeps its id and bookmark).
    {
        Analysis desired = a;
        desired.list(ListKind::Strengths)[1].text = "s2 edited";
        desired.list(ListKind::Strengths)[2].adults = { "mum", "dad" };
        desired.list(ListKind::SuccessSigns)[0].items = { "h1", "own" };
        desired.list(ListKind::SuccessSigns)[2].issues = { "c" };
        desired.list(ListKind::WhatNeedsToHappen)[3].text = "h4 edited";
        const Composer compose(desired);
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(
            describeAll(plan.edits),
            expected(
                { replaceAt(items[0][1], compose.item(ListKind::Strengths, desired.list(ListKind::Strengths)[1])),
                  replaceAt(items[0][2], compose.item(ListKind::Strengths, desired.list(ListKind::Strengths)[2])),
                  replaceAt(items[2][0], compose.item(ListKind::SuccessSigns, desired.list(ListKind::SuccessSigns)[0])),
                  replaceAt(items[2][2], compose.item(ListKind::SuccessSigns, desired.list(ListKind::SuccessSigns)[2])),
                  replaceAt(items[1][3], compose.item(ListKind::WhatNeedsToHappen,
                                                      desired.list(ListKind::WhatNeedsToHappen)[3])) }));
        expectUpdatedTo(doc, plan, desired);
    }
    // Added: after the list's last item (or its consequence), in order.
    {
        Analysis desired = a;
        desired.list(ListKind::WhatNeedsToHappen).push_back(makeItem("h5", { "c" }, "h5id"));
        desired.list(ListKind::WhatNeedsToHappen).push_back(makeItem("h6", {}, "h6id"));
        desired.list(ListKind::WhatNeedsToHappen).back().must = true;
        desired.list(ListKind::Strengths).push_back(makeItem("s4"));
        const Composer compose(desired);
        const auto& needs = desired.list(ListKind::WhatNeedsToHappen);
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(
            describeAll(plan.edits),
            expected({ insertAfter(*doc.read.layout.ifNot[3], { compose.item(ListKind::WhatNeedsToHappen, needs[4]),
                                                                compose.item(ListKind::WhatNeedsToHappen, needs[5]),
                                                                compose.ifNot(needs[5]).at(0) }),
                       insertAfter(items[0].back(), { compose.item(ListKind::Strengths, makeItem("s4")) }) }));
        EXPECT_TRUE(compose.ifNot(needs[5]).at(0).isPrompt()) << "a new must asks what happens if not";
        expectUpdatedTo(doc, plan, desired);
    }
    // Removed: the surplus deleted, with its consequence.
    {
        Analysis desired = a;
        desired.list(ListKind::WhatNeedsToHappen).pop_back();
        desired.list(ListKind::SuccessSigns).pop_back();
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ deleteAt(items[1][3]), deleteAt(*doc.read.layout.ifNot[3]), deleteAt(items[2][2]) }));
        expectUpdatedTo(doc, plan, desired);
    }
    // Emptied: the list's prompt stands in it.
    {
        Analysis desired = a;
        desired.list(ListKind::SuccessSigns).clear();
        const aa::UpdatePlan plan = update(doc, desired);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ insertBefore(items[2][0], { Composer(a).listPrompt(ListKind::SuccessSigns) }),
                             deleteAt(items[2][0]), deleteAt(items[2][1]), deleteAt(items[2][2]) }));
        const ReadResult read = expectUpdatedTo(doc, plan, desired);
        EXPECT_TRUE(read.layout.listPrompts[at(ListKind::SuccessSigns)]);
    }
    // A list that is its prompt filled: the first item takes the prompt's place.
    {
        Analysis empty = a;
        empty.list(ListKind::SuccessSigns).clear();
        const Doc emptyDoc = document(empty);
        const auto& prompt = emptyDoc.read.layout.listPrompts[at(ListKind::SuccessSigns)];
        ASSERT_TRUE(prompt);
        const Composer compose(a);
        const auto& signs = a.list(ListKind::SuccessSigns);
        const aa::UpdatePlan plan = update(emptyDoc, a);
        EXPECT_EQ(describeAll(plan.edits),
                  expected({ replaceAt(*prompt, compose.item(ListKind::SuccessSigns, signs[0])),
                             insertAfter(*prompt, { compose.item(ListKind::SuccessSigns, signs[1]),
                                                    compose.item(ListKind::SuccessSigns, signs[2]) }) }));
        expectUpdatedTo(emptyDoc, plan, a);
    }
}

TEST(UpdateAnalysis, MustsAndWhatHappensIfNot)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const auto& items = doc.read.layout.items[at(ListKind::WhatNeedsToHappen)];
    const auto& ifNot = doc.read.layout.ifNot;
    ASSERT_EQ(ifNot.size(), 4u);
    // h1: a must, says what if not; h2: neither; h3: a must, its prompt; own: says, no must.
    Analysis desired = a;
    auto& needs = desired.list(ListKind::WhatNeedsToHappen);
    needs[0].ifNot = "changed consequence"; // changed
    needs[1].must = true;                   // becomes a must: its prompt appears
    needs[2].ifNot = "now it says";         // the prompt filled
    needs[3].ifNot = "";                    // no must, says nothing any more: it goes
    const Composer compose(desired);
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(describeAll(plan.edits),
              expected({ replaceAt(*ifNot[0], compose.ifNot(needs[0]).at(0)),
                         replaceAt(items[1], compose.item(ListKind::WhatNeedsToHappen, needs[1])),
                         insertAfter(items[1], compose.ifNot(needs[1])),
                         replaceAt(*ifNot[2], compose.ifNot(needs[2]).at(0)), deleteAt(*ifNot[3]) }));
    expectUpdatedTo(doc, plan, desired);

    // A must no more: the mark goes, what it says stays; said nothing: its prompt goes.
    Analysis fewer = a;
    fewer.list(ListKind::WhatNeedsToHappen)[0].must = false;
    fewer.list(ListKind::WhatNeedsToHappen)[2].must = false;
    const Composer fewerCompose(fewer);
    const aa::UpdatePlan noMust = update(doc, fewer);
    EXPECT_EQ(describeAll(noMust.edits),
              expected({ replaceAt(items[0], fewerCompose.item(ListKind::WhatNeedsToHappen,
                                                               fewer.list(ListKind::WhatNeedsToHappen)[0])),
                         replaceAt(items[2], fewerCompose.item(ListKind::WhatNeedsToHappen,
                                                               fewer.list(ListKind::WhatNeedsToHappen)[2])),
                         deleteAt(*ifNot[2]) }));
    expectUpdatedTo(doc, noMust, fewer);

    // A consequence emptied on a must: its prompt.
    Analysis emptied = a;
    emptied.list(ListKind::WhatNeedsToHappen)[0].ifNot = "";
    const aa::UpdatePlan prompt = update(doc, emptied);
    EXPECT_EQ(describeAll(prompt.edits),
              expected({ replaceAt(*ifNot[0],
                                   Composer(emptied).ifNot(emptied.list(ListKind::WhatNeedsToHappen)[0]).at(0)) }));
    expectUpdatedTo(doc, prompt, emptied);
}

// ---------------------------------------------------------------------------------------------
// planUpdate: sections

TEST(UpdateAnalysis, ASectionMissingIsWrittenAfterTheSectionsBeforeIt)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    const std::vector<Block> all = documentBlocks(a);
    for (std::size_t s = 0; s + 1 < aa::sectionCount; ++s) // the plan's table is planPlanUpdate's
    {
        const auto section = static_cast<Section>(s);
        SCOPED_TRACE(aa::jsonName(section));
        // Everything from the section's heading to the next section's heading deleted by hand.
        const std::size_t first = *before.sections[s];
        const std::size_t next = *before.sections[s + 1];
        const Doc doc = withoutBlocks(a, range(first, next - 1));
        ASSERT_FALSE(doc.read.layout.sections[s]);
        const aa::UpdatePlan plan = update(doc, a);
        const std::vector<NewParagraph> whole = Composer(a).section(section, true);
        const std::size_t anchor = s == 0 ? *doc.read.layout.heading : first - 1;
        EXPECT_EQ(describeAll(plan.edits).count(insertAfter(anchor, whole)), 1u)
            << ::testing::PrintToString(describeAll(plan.edits));
        // Sections nothing links to come back in one insert; the others' links dangled
        // meanwhile (the reader dropped them), so the lines that hold them are written again.
        if (section != Section::Issues && section != Section::Adults && section != Section::WhatNeedsToHappen)
        {
            EXPECT_EQ(plan.edits.size(), 1u) << ::testing::PrintToString(describeAll(plan.edits));
        }
        const ReadResult read = expectUpdatedTo(doc, plan, a);
        expectSectionsInOrder(read.layout);
        EXPECT_TRUE(read.analysis == a);
    }
    // The plan's topics gone: after its table.
    {
        std::set<std::size_t> gone;
        for (Topic t : aa::topicsOf(Section::Plan))
        {
            const aa::TextLayout& where = before.topics[at(t)];
            if (where.label)
                gone.insert(*where.label);
            gone.insert(where.paragraphs.begin(), where.paragraphs.end());
        }
        const Doc doc = withoutBlocks(a, gone);
        const aa::UpdatePlan plan = update(doc, a);
        std::vector<NewParagraph> topics = Composer(a).section(Section::Plan, false);
        EXPECT_EQ(describeAll(plan.edits), expected({ insertBefore(*doc.read.layout.planTable + 1, topics) }))
            << "a table has no paragraph end to insert after";
        expectUpdatedTo(doc, plan, a);
    }
    // Two sections in a row missing, and the first of all: each after the one before it.
    {
        const Doc doc = withoutBlocks(
            a, range(*before.sections[at(Section::Safety)], *before.sections[at(Section::Issues)] - 1));
        const aa::UpdatePlan plan = update(doc, a);
        std::vector<NewParagraph> both = Composer(a).section(Section::Safety, true);
        for (const NewParagraph& p : Composer(a).section(Section::ChildExperience, true))
            both.push_back(p);
        EXPECT_EQ(describeAll(plan.edits), expected({ insertAfter(*doc.read.layout.heading, both) }));
        const ReadResult read = expectUpdatedTo(doc, plan, a);
        expectSectionsInOrder(read.layout);
    }
}

TEST(UpdateAnalysis, WithoutAPlanTheUpdateLeavesThePlansPartsToThePlanUpdate)
{
    // Everything of the plan deleted by hand: planUpdate writes none of it (the table and what
    // goes under it are planPlanUpdate's, see UpdatePlanTable), and analysisAfterUpdate says so.
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    std::set<std::size_t> gone = { *before.sections[at(Section::Plan)], *before.planTable };
    for (Topic t : aa::topicsOf(Section::Plan))
    {
        if (before.topics[at(t)].label)
            gone.insert(*before.topics[at(t)].label);
        gone.insert(before.topics[at(t)].paragraphs.begin(), before.topics[at(t)].paragraphs.end());
    }
    const Doc doc = withoutBlocks(a, gone);
    ASSERT_FALSE(doc.read.layout.planTable);
    const aa::UpdatePlan plan = update(doc, a);
    EXPECT_TRUE(plan.edits.empty()) << ::testing::PrintToString(describeAll(plan.edits));
    const Analysis after = aa::analysisAfterUpdate(doc.read, a);
    const ReadResult read = aa::readAnalysis(applyEdits(doc.blocks, plan.edits));
    EXPECT_TRUE(read.analysis == after) << aa::toJson(after);
    for (Topic t : aa::topicsOf(Section::Plan))
        EXPECT_EQ(after.topic(t), "") << aa::jsonName(t);
    EXPECT_EQ(after.topic(Topic::Recommendation), a.topic(Topic::Recommendation));
}

TEST(UpdateAnalysis, ManyShapesUpdateToManyShapes)
{
    // From each shape of document to each shape of analysis (and to edits of its own): the
    // document then reads as analysisAfterUpdate says, and a second update does nothing.
    const auto shapes = aa::test::shapes();
    std::vector<std::pair<std::string, std::function<void(Analysis&)>>> edits = {
        { "every answer emptied", [](Analysis& a) {
             a.topics = {};
             for (aa::Issue& i : a.issues)
                 i.parts = {};
             for (Adult& ad : a.adults)
                 ad.parts = {};
         } },
        { "every answer filled, two lines", [](Analysis& a) {
             for (std::size_t t = 0; t < aa::topicCount; ++t)
                 a.topics[t] = "topic " + std::to_string(t) + "\nline two";
             for (aa::Issue& i : a.issues)
                 for (std::size_t p = 0; p < aa::issuePartCount; ++p)
                     i.parts[p] = i.id + " part " + std::to_string(p) + "\nsecond";
             for (Adult& ad : a.adults)
                 for (std::size_t p = 0; p < aa::adultPartCount; ++p)
                     ad.parts[p] = ad.id + " says " + std::to_string(p);
         } },
        { "lists emptied", [](Analysis& a) {
             for (auto& list : a.lists)
                 list.clear();
         } },
        { "every item a must, tied to every issue", [](Analysis& a) {
             for (Item& item : a.list(ListKind::WhatNeedsToHappen))
             {
                 item.must = true;
                 item.issues.clear();
                 for (const aa::Issue& i : a.issues)
                     item.issues.push_back(i.id);
             }
         } },
        { "an issue, an adult and items added", [](Analysis& a) {
             aa::Issue x;
             x.id = "xNew";
             x.title = "New issue";
             x.raisedBy = { Voice::Child };
             x.part(IssuePart::ImpactOnChild) = "new impact";
             a.issues.push_back(x);
             Adult y;
             y.id = "yNew";
             y.name = "New adult";
             y.part(AdultPart::Understanding) = "understands";
             a.adults.push_back(y);
             x.raisedByAdults = { "yNew" };
             a.issues.back() = x;
             for (auto& list : a.lists)
                 list.push_back(makeItem("new item", { "xNew" }, "newItem"));
             a.list(ListKind::Strengths).back().id.clear();
             a.list(ListKind::SuccessSigns).back().id.clear();
             a.list(ListKind::SuccessSigns).back().items = { "newItem" };
             a.list(ListKind::Strengths).back().adults = { "yNew" };
         } },
        { "titles and names changed, order of links reversed", [](Analysis& a) {
             for (aa::Issue& i : a.issues)
             {
                 i.title += " (changed)";
                 std::reverse(i.raisedByAdults.begin(), i.raisedByAdults.end());
             }
             for (Adult& ad : a.adults)
                 ad.name = "Renamed " + ad.name;
             for (auto& list : a.lists)
                 for (Item& item : list)
                     std::reverse(item.issues.begin(), item.issues.end());
         } },
        { "items and adults in reverse order", [](Analysis& a) {
             for (auto& list : a.lists)
                 std::reverse(list.begin(), list.end());
             std::reverse(a.adults.begin(), a.adults.end());
         } },
        { "first and last items removed", [](Analysis& a) {
             for (auto& list : a.lists)
             {
                 if (!list.empty())
                     list.erase(list.begin());
                 if (!list.empty())
                     list.pop_back();
             }
             std::set<std::string> left;
             for (const Item& item : a.list(ListKind::WhatNeedsToHappen))
                 left.insert(item.id);
             for (Item& sign : a.list(ListKind::SuccessSigns))
                 sign.items.erase(std::remove_if(sign.items.begin(), sign.items.end(),
                                                 [&](const std::string& id) { return !left.count(id); }),
                                  sign.items.end());
         } },
    };
    for (const auto& [from, a] : shapes)
    {
        const Doc doc = document(a);
        for (const auto& [to, b] : shapes)
        {
            // Another shape's analysis, for the issues and adults the document holds (the others
            // added), its links kept only where they point to what it has.
            SCOPED_TRACE(from + " -> " + to);
            Analysis desired = b;
            aa::assignItemIds(desired);
            desired.plan = a.plan;
            aa::validateAnalysis(desired, strings(), aa::ParseMode::Update);
            const aa::UpdatePlan plan = update(doc, desired);
            expectUpdatedTo(doc, plan, desired);
        }
        for (const auto& [name, edit] : edits)
        {
            SCOPED_TRACE(from + ", " + name);
            Analysis desired = a;
            edit(desired);
            aa::validateAnalysis(desired, strings(), aa::ParseMode::Update);
            const aa::UpdatePlan plan = update(doc, desired);
            expectUpdatedTo(doc, plan, desired);
        }
    }
}

/// A report made from the template with a's parts at the template's places (see
/// DocumentStructureTest's templateReport).
std::vector<Block> templateReport(const Analysis& a)
{
    auto fragment = [&](const aa::FragmentParts& parts) {
        return aa::test::FragmentBlocks(aa::buildOdtContent(a, strings(), parts), false).read();
    };
    std::vector<Block> blocks = { plain("Child and family assessment", "Heading 1"),
                                  plain(strings().get("template.heading.safety"), "Heading 2") };
    auto append = [&](const std::vector<Block>& more) { blocks.insert(blocks.end(), more.begin(), more.end()); };
    append(fragment(aa::FragmentParts::only(Section::Safety, false)));
    blocks.emplace_back(plain("The child's experience, wishes and feelings", "Heading 2"));
    blocks.emplace_back(plain("The report's own words about the child."));
    blocks.emplace_back(plain(strings().get("section.analysis"), "Heading 2"));
    aa::FragmentParts rest = aa::FragmentParts::all();
    rest.heading = false;
    for (Section s : { Section::Safety, Section::Recommendation, Section::Plan })
        rest.set(s, false, false);
    append(fragment(rest));
    blocks.emplace_back(plain(strings().get("template.heading.recommendation"), "Heading 2"));
    append(fragment(aa::FragmentParts::only(Section::Recommendation, false)));
    blocks.emplace_back(plain("Other agencies' views", "Heading 2"));
    blocks.emplace_back(plain("The school and the GP agree."));
    blocks.emplace_back(plain(strings().get("template.heading.plan"), "Heading 2"));
    append(fragment(aa::FragmentParts::only(Section::Plan, false)));
    blocks.emplace_back(plain("Timescales", "Heading 2"));
    blocks.emplace_back(plain("Started 1 September."));
    return blocks;
}

TEST(UpdateAnalysis, AReportMadeFromTheTemplateUpdatesInItsPlaces)
{
    const auto shapes = aa::test::shapes();
    for (const auto& [from, a] : shapes)
    {
        const Doc doc = readDoc(templateReport(a));
        ASSERT_TRUE(doc.read.analysis == a) << from;
        for (const auto& [to, b] : shapes)
        {
            SCOPED_TRACE(from + " -> " + to);
            Analysis desired = b;
            aa::assignItemIds(desired);
            const aa::UpdatePlan plan = update(doc, desired);
            const std::vector<Block> after = applyEdits(doc.blocks, plan.edits);
            // The report's own paragraphs are all there, in their order, none of ours among them
            // where the template has its places.
            std::vector<std::string> report, reportAfter;
            for (const Block& blk : doc.blocks)
                if (const Paragraph* p = std::get_if<Paragraph>(&blk);
                    p && aa::roleOfStyle(p->style).role == Role::None && !p->text.empty())
                    report.push_back(p->text);
            for (const Block& blk : after)
                if (const Paragraph* p = std::get_if<Paragraph>(&blk);
                    p && aa::roleOfStyle(p->style).role == Role::None && !p->text.empty())
                    reportAfter.push_back(p->text);
            EXPECT_EQ(reportAfter, report);
            const ReadResult read = aa::readAnalysis(after);
            EXPECT_TRUE(read.analysis == aa::analysisAfterUpdate(doc.read, desired)) << aa::toJson(read.analysis);
            EXPECT_TRUE(read.analysis.unplaced.empty());
            EXPECT_FALSE(read.layout.sections[at(Section::Safety)]) << "no heading of ours where the template has one";
            EXPECT_FALSE(read.layout.sections[at(Section::Recommendation)]);
            EXPECT_FALSE(read.layout.sections[at(Section::Plan)]);
            const aa::UpdatePlan again = aa::planUpdate(read, desired);
            EXPECT_TRUE(again.edits.empty()) << ::testing::PrintToString(describeAll(again.edits));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// planUpdate: what a person typed

TEST(UpdateAnalysis, WhatAPersonTypedStaysUnlessTheAnalysisChangesThatVeryPart)
{
    const Analysis a = aa::test::base();
    const aa::Layout l = layoutOf(a);
    // A paragraph typed (unstyled) after the origins' last line joins them.
    const Doc doc = withBlocksBefore(a, l.issues[0].parts[0].paragraphs.back() + 1, { plain("typed by hand") });
    ASSERT_EQ(doc.read.analysis.issues[0].part(IssuePart::Origins), "o1\no2\no3\ntyped by hand");
    // Another part changed: not touched.
    Analysis desired = doc.read.analysis;
    desired.issues[0].part(IssuePart::MaintainingFactors) = "m1 changed";
    const aa::UpdatePlan plan = update(doc, desired);
    for (const Edit& e : plan.edits)
        EXPECT_NE(e.block, l.issues[0].parts[0].paragraphs.back() + 1) << describe(e);
    const ReadResult read = expectUpdatedTo(doc, plan, desired);
    EXPECT_EQ(read.analysis.issues[0].part(IssuePart::Origins), "o1\no2\no3\ntyped by hand");
    // Its part changed: the typed line is an answer's line like any other.
    desired.issues[0].part(IssuePart::Origins) = "o1\no2\no3\ntyped by hand, then edited in the deck";
    const aa::UpdatePlan edited = update(doc, desired);
    EXPECT_EQ(describeAll(edited.edits),
              expected({ replaceAt(l.issues[0].parts[0].paragraphs.back() + 1,
                                   line(a, key(IssuePart::Origins), "typed by hand, then edited in the deck")),
                         replaceAt(l.issues[0].parts[1].paragraphs[0] + 1,
                                   line(a, key(IssuePart::MaintainingFactors), "m1 changed")) }))
        << "(the maintaining factors, one block further down)";
    expectUpdatedTo(doc, edited, desired);
}

TEST(UpdateAnalysis, TheReportsOwnHeadingsAndTextInsideTheAnalysisAreNeverTouched)
{
    const Analysis a = aa::test::base();
    const aa::Layout l = layoutOf(a);
    const std::vector<Block> report = { plain("A heading of the report's own", "Heading 2"),
                                        plain("The report's text."), plain("More of it.") };
    const std::vector<std::pair<std::string, std::size_t>> places = {
        { "after the child's experience", l.topics[at(Topic::ChildExperience)].paragraphs.back() + 1 },
        { "after the last issue", l.issues.back().last + 1 },
        { "after the last adult", l.adults.back().last + 1 },
        { "after the strengths", l.items[0].back() + 1 },
        { "after the plan's table", *l.planTable + 1 },
    };
    for (const auto& [name, index] : places)
    {
        SCOPED_TRACE(name);
        const Doc doc = withBlocksBefore(a, index, report);
        ASSERT_TRUE(doc.read.analysis == a) << aa::toJson(doc.read.analysis);
        for (const auto& [editName, edit] : std::vector<std::pair<std::string, std::function<void(Analysis&)>>>{
                 { "answers emptied", [](Analysis& x) { x = aa::test::shapes().at(6).second; } },
                 { "more of everything", [](Analysis& x) {
                      for (std::size_t t = 0; t < aa::topicCount; ++t)
                          x.topics[t] += "\nmore";
                      for (auto& list : x.lists)
                          list.push_back(makeItem("more"));
                      x.list(ListKind::WhatNeedsToHappen).back().id = "more";
                      for (Adult& adult : x.adults)
                          adult.parts[1] += "\nmore";
                  } } })
        {
            SCOPED_TRACE(editName);
            Analysis desired = a;
            edit(desired);
            const aa::UpdatePlan plan = update(doc, desired);
            for (const Edit& e : plan.edits)
            {
                const bool touchesReport = e.block >= index && e.block < index + report.size();
                EXPECT_FALSE(touchesReport && e.kind != Edit::Kind::InsertAfter
                             && !(e.kind == Edit::Kind::InsertBefore && e.block == index))
                    << describe(e);
            }
            const std::vector<Block> after = applyEdits(doc.blocks, plan.edits);
            std::size_t found = 0;
            for (const Block& b : after)
                if (const Paragraph* p = std::get_if<Paragraph>(&b))
                    for (const Block& r : report)
                        if (p->text == std::get<Paragraph>(r).text && p->style == std::get<Paragraph>(r).style)
                            ++found;
            EXPECT_EQ(found, report.size()) << "the report's paragraphs are all there, once";
            expectUpdatedTo(doc, plan, desired);
        }
    }
}

TEST(UpdateAnalysis, EverythingAtOnce)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    // Hand edits: b's "Identified by" and maintaining factors deleted, a's title bookmark lost,
    // the weighing up's heading deleted, a line typed in the recommendation.
    std::vector<Block> blocks = documentBlocks(a);
    std::get<Paragraph>(blocks.at(before.issues[0].title)).bookmarks.clear();
    blocks.insert(blocks.begin()
                      + static_cast<std::ptrdiff_t>(before.topics[at(Topic::Recommendation)].paragraphs.back() + 1),
                  plain("typed in the recommendation"));
    std::set<std::size_t> gone = { *before.issues[1].raisedBy, *before.sections[at(Section::WeighingUp)] };
    gone.insert(before.issues[1].parts[1].paragraphs.begin(), before.issues[1].parts[1].paragraphs.end());
    for (auto it = gone.rbegin(); it != gone.rend(); ++it)
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(*it));
    const Doc doc = readDoc(blocks);
    ASSERT_EQ(doc.read.analysis.issues[0].id, "a");
    Analysis desired = doc.read.analysis;
    desired.issues[0].title = "A";
    desired.issues[0].part(IssuePart::Origins) = "o1";
    desired.issues[1].part(IssuePart::ImpactOnChild) = "bi\nbi2";
    desired.issues[1].raisedBy = { Voice::Child };
    desired.issues[1].raisedByAdults = { "dad" };
    desired.issues[2].part(IssuePart::Origins) = "CO";
    aa::Issue d;
    d.id = "d";
    d.title = "D";
    desired.issues.push_back(d);
    Adult e;
    e.id = "e";
    e.name = "E";
    desired.adults.push_back(e);
    desired.list(ListKind::Strengths).erase(desired.list(ListKind::Strengths).begin());
    desired.list(ListKind::WhatNeedsToHappen).push_back(makeItem("h5", { "d" }, "h5"));
    desired.list(ListKind::WhatNeedsToHappen)[0].must = false;
    desired.topic(Topic::AbsentFigures) = "af";
    desired.topic(Topic::Safety) = "";
    desired.topic(Topic::PlanAgreed) = "";
    const aa::UpdatePlan plan = update(doc, desired);
    EXPECT_EQ(plan.addedIssues, (std::vector<std::string>{ "d" }));
    const ReadResult read = expectUpdatedTo(doc, plan, desired);
    EXPECT_EQ(read.analysis.topic(Topic::Recommendation), "rec1\nrec2\ntyped in the recommendation");
    EXPECT_TRUE(read.layout.issues[0].bookmarkIntact);
}

// DISABLED: reported, not fixed here. An issue title (or an adult's name) emptied is written as
// its bookmark around no text, which the reader takes for a bookmark that is not intact
// (ReadAnalysis.BookmarkIntactOnlyWhenTheHeadingHoldsItOverText keeps that from schema 1), so
// every update rewrites the heading and every plan update repairs it, one undo step each time,
// never settling.
TEST(UpdateAnalysis, DISABLED_AnEmptiedTitleSettles)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    Analysis desired = a;
    desired.issues[1].title = "";
    desired.adults[1].name = "";
    const aa::UpdatePlan plan = update(doc, desired);
    const ReadResult read = expectUpdatedTo(doc, plan, desired);
    EXPECT_TRUE(aa::headingRepairs(read).empty());
}

// ---------------------------------------------------------------------------------------------
// headingRepairs

TEST(UpdateHeadingRepairs, OneReplaceForEveryHeadingWhoseBookmarkIsNotIntact)
{
    const Analysis a = aa::test::base();
    EXPECT_TRUE(aa::headingRepairs(document(a).read).empty());
    const aa::Layout before = layoutOf(a);
    std::vector<Block> blocks = documentBlocks(a);
    std::get<Paragraph>(blocks.at(before.issues[0].title)).bookmarks.clear(); // retyped
    Paragraph& c = std::get<Paragraph>(blocks.at(before.issues[2].title));
    c.emptyBookmarks = c.bookmarks; // typed over: the bookmark is a point
    Paragraph& mum = std::get<Paragraph>(blocks.at(before.adults[0].name));
    mum.emptyBookmarks = mum.bookmarks;
    const Doc doc = readDoc(blocks);
    ASSERT_EQ(doc.read.analysis.issues[0].id, "a");
    const Composer compose(a);
    EXPECT_EQ(describeAll(aa::headingRepairs(doc.read)),
              expected({ replaceAt(before.issues[0].title, compose.issueTitle(a.issues[0])),
                         replaceAt(before.issues[2].title, compose.issueTitle(a.issues[2])),
                         replaceAt(before.adults[0].name, compose.adultName(a.adults[0])) }));
    // Applied, the document is whole again.
    const ReadResult repaired = aa::readAnalysis(applyEdits(doc.blocks, aa::headingRepairs(doc.read)));
    EXPECT_TRUE(aa::headingRepairs(repaired).empty());
    EXPECT_TRUE(repaired.analysis == a) << aa::toJson(repaired.analysis);

    // A heading that got a fresh id gets its bookmark under that id.
    std::vector<Block> two = documentBlocks(a);
    std::get<Paragraph>(two.at(before.issues[0].title)).bookmarks.clear();
    std::get<Paragraph>(two.at(before.issues[1].title)).bookmarks.clear();
    const Doc ambiguous = readDoc(two);
    aa::Issue one = a.issues[0], other = a.issues[1];
    one.id = "issue1";
    other.id = "issue2";
    EXPECT_EQ(describeAll(aa::headingRepairs(ambiguous.read)),
              expected({ replaceAt(before.issues[0].title, compose.issueTitle(one)),
                         replaceAt(before.issues[1].title, compose.issueTitle(other)) }));
}

// ---------------------------------------------------------------------------------------------
// planPlanUpdate

/// Applies a plan update as the glue would, reads the document again, and checks it holds what
/// analysisAfterPlanUpdate says, the analysis itself untouched, and that a second plan update
/// does nothing.
ReadResult expectPlanUpdated(const Doc& doc, const aa::PlanUpdatePlan& plan)
{
    const std::vector<Block> after = aa::test::applyPlanUpdate(doc.blocks, doc.read, plan);
    const ReadResult read = aa::readAnalysis(after);
    EXPECT_TRUE(read.found);
    const Analysis predicted = aa::analysisAfterPlanUpdate(doc.read, plan);
    EXPECT_TRUE(read.analysis == predicted) << "read back:\n"
                                            << aa::toJson(read.analysis) << "\nanalysisAfterPlanUpdate:\n"
                                            << aa::toJson(predicted);
    EXPECT_TRUE(read.analysis.issues == doc.read.analysis.issues);
    EXPECT_TRUE(read.analysis.lists == doc.read.analysis.lists);
    EXPECT_EQ(read.analysis.topics, doc.read.analysis.topics);
    const aa::PlanUpdatePlan again = aa::planPlanUpdate(read);
    EXPECT_FALSE(again.needsTable);
    EXPECT_TRUE(again.repairs.empty());
    EXPECT_TRUE(again.edits.empty()) << ::testing::PrintToString(describeAll(again.edits));
    // Every row a person could have typed in is still there, cell for cell.
    for (const PlanRow& row : doc.read.analysis.plan)
        EXPECT_TRUE(std::any_of(read.analysis.plan.begin(), read.analysis.plan.end(),
                                [&](const PlanRow& r) { return r.cells == row.cells && r.help == row.help; }))
            << "a row lost: " << row.cell(PlanColumn::Action);
    return read;
}

PlanEdit insertRow(std::size_t row, const PlanRow& content) { return { PlanEdit::Kind::InsertRow, row, 0, content }; }
PlanEdit flag(std::size_t row) { return { PlanEdit::Kind::Flag, row, 0, {} }; }
PlanEdit unflag(std::size_t row, std::size_t flagParagraph)
{
    return { PlanEdit::Kind::Unflag, row, flagParagraph, {} };
}
PlanEdit setIssues(std::size_t row, const std::vector<std::string>& issues)
{
    PlanEdit e{ PlanEdit::Kind::SetIssues, row, 0, {} };
    e.content.issues = issues;
    return e;
}

TEST(UpdatePlanTable, AConsistentDocumentGivesNoEdits)
{
    for (const auto& [name, shape] : aa::test::shapes())
    {
        if (name == "rich") // its hand-made rows are flagged and match: they are unflagged
            continue;
        SCOPED_TRACE(name);
        Analysis a = shape;
        PlanRow byHand; // added by hand: no item, no issue
        byHand.cell(PlanColumn::Who) = "Everyone";
        a.plan.push_back(byHand);
        if (!a.plan.empty() && !a.issues.empty())
        {
            PlanRow byHandLinked; // added by hand, naming an issue
            byHandLinked.issues = { a.issues.back().id };
            byHandLinked.cell(PlanColumn::Action) = "typed";
            a.plan.push_back(byHandLinked);
            a.plan[0].cell(PlanColumn::Who) = "Ms Smith"; // filled in
            a.plan[0].cell(PlanColumn::Action) = "reworded in the plan";
            a.plan[0].cell(PlanColumn::Outcome) = "";
        }
        const aa::PlanUpdatePlan plan = aa::planPlanUpdate(document(a).read);
        EXPECT_TRUE(plan.repairs.empty());
        EXPECT_FALSE(plan.needsTable);
        EXPECT_TRUE(plan.rows.empty());
        EXPECT_TRUE(plan.edits.empty()) << ::testing::PrintToString(describeAll(plan.edits));
    }
}

/// Everything of base's plan: its heading, table and topics.
std::set<std::size_t> planBlocks(const aa::Layout& before)
{
    std::set<std::size_t> everything = { *before.sections[at(Section::Plan)], *before.planTable };
    for (Topic t : aa::topicsOf(Section::Plan))
    {
        if (before.topics[at(t)].label)
            everything.insert(*before.topics[at(t)].label);
        everything.insert(before.topics[at(t)].paragraphs.begin(), before.topics[at(t)].paragraphs.end());
    }
    return everything;
}

TEST(UpdatePlanTable, NoTableNeedsOneWithTheDerivedRows)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    ASSERT_TRUE(before.planTable);
    // The table deleted by hand; then its heading too; then everything of the plan.
    for (const std::set<std::size_t>& gone :
         { std::set<std::size_t>{ *before.planTable },
           std::set<std::size_t>{ *before.sections[at(Section::Plan)], *before.planTable }, planBlocks(before) })
    {
        SCOPED_TRACE(gone.size());
        const Doc doc = withoutBlocks(a, gone);
        ASSERT_FALSE(doc.read.layout.planTable);
        const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
        EXPECT_TRUE(plan.needsTable);
        EXPECT_EQ(plan.rows, aa::derivePlan(doc.read.analysis));
        EXPECT_EQ(plan.rows, a.plan);
        EXPECT_TRUE(plan.edits.empty());
        EXPECT_TRUE(plan.repairs.empty());
    }
    // Everything gone: the new plan, its table and its topics (their prompts), reads as
    // analysisAfterPlanUpdate says.
    const Doc doc = withoutBlocks(a, planBlocks(before));
    const ReadResult read = expectPlanUpdated(doc, aa::planPlanUpdate(doc.read));
    EXPECT_TRUE(read.layout.planTable);
    EXPECT_TRUE(read.layout.topics[at(Topic::PlanReview)].prompt);
}

// When only the table was deleted, the document still holds the plan's review, contingency and
// agreement: the table alone goes back before them, so they are not written a second time (they
// were, once: "every six weeks\nevery six weeks").
TEST(UpdatePlanTable, ANewTableDoesNotWriteThePlansTopicsAgain)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    const Doc doc = withoutBlocks(a, { *before.planTable });
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    ASSERT_TRUE(plan.needsTable);
    ASSERT_TRUE(plan.tableAt);
    EXPECT_TRUE(plan.tableBefore);
    const ReadResult read = expectPlanUpdated(doc, plan);
    ASSERT_TRUE(read.layout.planTable);
    const aa::TextLayout& review = read.layout.topics[at(Topic::PlanReview)];
    ASSERT_FALSE(review.paragraphs.empty());
    EXPECT_LT(*read.layout.planTable, review.label.value_or(review.paragraphs.front()))
        << "the table before the plan's answers";
}

TEST(UpdatePlanTable, NewItemsGetRowsMustsAfterTheLastMustRow)
{
    Analysis a = aa::test::base();
    ASSERT_TRUE(a.plan[0].must && a.plan[1].must && !a.plan[2].must);
    a.plan[2].cell(PlanColumn::Who) = "typed";
    Analysis desired = a;
    auto& needs = desired.list(ListKind::WhatNeedsToHappen);
    needs.push_back(makeItem("a new must", { "b" }, "newMust"));
    needs.back().must = true;
    needs.push_back(makeItem("new, no must", { "c", "a" }, "newOther"));
    needs.push_back(makeItem("another must", {}, "newMust2"));
    needs.back().must = true;
    desired.list(ListKind::SuccessSigns).push_back(makeItem("shows the new must", {}));
    desired.list(ListKind::SuccessSigns).back().items = { "newMust", "h1" };
    // The document with the new items, the plan as it was.
    const Doc doc = document(desired);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_FALSE(plan.needsTable);
    const PlanRow mustRow = aa::planRowFor(desired, needs[4]);
    EXPECT_EQ(mustRow.cell(PlanColumn::Outcome), "shows the new must") << "from the signs tied to that item";
    EXPECT_EQ(describeAll(plan.edits),
              describeAll({ insertRow(5, aa::planRowFor(desired, needs[5])), insertRow(3, mustRow),
                            insertRow(4, aa::planRowFor(desired, needs[6])) }))
        << "the others at the end first, then the musts after the last must row, in order";
    const ReadResult read = expectPlanUpdated(doc, plan);
    std::vector<std::string> helps;
    for (const PlanRow& row : read.analysis.plan)
        helps.push_back(row.help);
    EXPECT_EQ(helps, (std::vector<std::string>{ "h1", "h3", "newMust", "newMust2", "h2", "own", "newOther" }));
    EXPECT_EQ(read.analysis.plan[2].cell(PlanColumn::Outcome), "shows the new must");
    EXPECT_TRUE(read.analysis.plan[2].must);
    EXPECT_EQ(read.analysis.plan[4].cell(PlanColumn::Who), "typed");

    // No must row yet: a new must goes first, under the header.
    Analysis noMusts = aa::test::base();
    for (Item& item : noMusts.list(ListKind::WhatNeedsToHappen))
        item.must = false;
    noMusts.plan = aa::derivePlan(noMusts);
    Analysis oneMust = noMusts;
    oneMust.list(ListKind::WhatNeedsToHappen).push_back(makeItem("must", {}, "m"));
    oneMust.list(ListKind::WhatNeedsToHappen).back().must = true;
    const Doc first = document(oneMust);
    const aa::PlanUpdatePlan atTop = aa::planPlanUpdate(first.read);
    EXPECT_EQ(describeAll(atTop.edits),
              describeAll({ insertRow(1, aa::planRowFor(oneMust, oneMust.list(ListKind::WhatNeedsToHappen).back())) }));
    expectPlanUpdated(first, atTop);
}

TEST(UpdatePlanTable, AnItemTypedByHandGetsARowUnderTheIdItsTextGives)
{
    const Analysis a = aa::test::base();
    std::vector<Block> blocks = documentBlocks(a);
    const std::size_t after = *layoutOf(a).ifNot.back();
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(after + 1),
                  para(Role::ListItem, at(ListKind::WhatNeedsToHappen), "typed help"));
    const Doc doc = readDoc(blocks);
    const aa::PlanUpdatePlan typed = aa::planPlanUpdate(doc.read);
    PlanRow row;
    row.cell(PlanColumn::Action) = "typed help";
    row.help = aa::test::hashHelpId("typed help");
    EXPECT_EQ(describeAll(typed.edits), describeAll({ insertRow(a.plan.size() + 1, row) }));
    expectPlanUpdated(doc, typed);
}

TEST(UpdatePlanTable, ARowIsTiedAgainWhenItsItemServesOtherIssues)
{
    const Analysis a = aa::test::base();
    // h2 (row 3) now serves c as well; own (row 4) no issue any more: its row keeps its links.
    Analysis changed = a;
    changed.list(ListKind::WhatNeedsToHappen)[1].issues = { "b", "a", "c" };
    changed.list(ListKind::WhatNeedsToHappen)[3].issues.clear();
    changed.list(ListKind::WhatNeedsToHappen)[0].issues = { "b" };
    const Doc doc = document(changed);
    ASSERT_EQ(doc.read.analysis.plan[2].help, "h2");
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describeAll(plan.edits), describeAll({ setIssues(1, { "b" }), setIssues(3, { "b", "a", "c" }) }));
    const ReadResult read = expectPlanUpdated(doc, plan);
    EXPECT_EQ(read.analysis.plan[2].issues, (std::vector<std::string>{ "b", "a", "c" }));
    EXPECT_EQ(read.analysis.plan[3].issues, (std::vector<std::string>{ "c" }));

    // A cell a person typed in is theirs: not tied again.
    std::vector<Block> blocks = documentBlocks(changed);
    aa::Table& table = std::get<aa::Table>(blocks.at(*layoutOf(changed).planTable));
    table.rows.at(3).at(0).push_back(para(Role::PlanCell, 0, "and the school's worry"));
    const Doc typed = readDoc(blocks);
    ASSERT_TRUE(typed.read.layout.planRows[2].issueCellTyped);
    const aa::PlanUpdatePlan kept = aa::planPlanUpdate(typed.read);
    EXPECT_EQ(describeAll(kept.edits), describeAll({ setIssues(1, { "b" }) }));
    expectPlanUpdated(typed, kept);
}

TEST(UpdatePlanTable, RowWhoseItemIsGoneIsFlaggedOnce)
{
    const Analysis a = aa::test::base();
    const aa::Layout before = layoutOf(a);
    // h2 deleted by hand (it has no consequence paragraph): its row (3) is flagged.
    const Doc doc = withoutBlocks(a, { before.items[1][1] });
    ASSERT_EQ(doc.read.analysis.list(ListKind::WhatNeedsToHappen).size(), 3u);
    ASSERT_EQ(doc.read.analysis.plan.size(), 4u);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describeAll(plan.edits), describeAll({ flag(3) }));
    const ReadResult read = expectPlanUpdated(doc, plan);
    EXPECT_TRUE(read.analysis.plan[2].flagged);

    // Already flagged: nothing more.
    Analysis flagged = a;
    flagged.plan[2].flagged = true;
    const Doc again = withoutBlocks(flagged, { before.items[1][1] });
    EXPECT_TRUE(aa::planPlanUpdate(again.read).edits.empty());
}

TEST(UpdatePlanTable, RowWhoseIssueIsGoneIsFlagged)
{
    Analysis a = aa::test::base();
    PlanRow byHand; // added by hand for issue b
    byHand.issues = { "b" };
    byHand.cell(PlanColumn::Who) = "me";
    a.plan.push_back(byHand);
    std::vector<Block> blocks = documentBlocks(a);
    Paragraph& title = std::get<Paragraph>(blocks.at(layoutOf(a).issues[1].title));
    title.style = "Text body"; // heading b deleted, its text left as a paragraph
    title.bookmarks.clear();
    const Doc doc = readDoc(blocks);
    ASSERT_FALSE(doc.read.analysis.findIssue("b"));
    ASSERT_EQ(doc.read.analysis.plan.size(), 5u);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    // h2's row named b and a: its item now names a only, so it is tied again, not flagged; the
    // row added by hand names b only: flagged.
    EXPECT_EQ(describeAll(plan.edits), describeAll({ setIssues(3, { "a" }), flag(5) }));
    expectPlanUpdated(doc, plan);
}

TEST(UpdatePlanTable, FlaggedRowThatMatchesAgainIsUnflagged)
{
    Analysis a = aa::test::base();
    a.plan[1].flagged = true;
    a.plan[2].flagged = true;
    PlanRow byHand;
    byHand.cell(PlanColumn::Who) = "flagged by hand, still fine";
    byHand.flagged = true;
    a.plan.push_back(byHand);
    const Doc doc = document(a);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describeAll(plan.edits), describeAll({ unflag(2, 0), unflag(3, 0), unflag(5, 0) }));
    expectPlanUpdated(doc, plan);

    // The flag's place in the issue cell is passed on.
    std::vector<Block> blocks = documentBlocks(a);
    aa::Table& table = std::get<aa::Table>(blocks.at(*layoutOf(a).planTable));
    aa::Cell& issueCell = table.rows.at(3).at(0);
    ASSERT_EQ(aa::roleOfStyle(issueCell.at(0).style).role, Role::PlanFlag);
    std::rotate(issueCell.begin(), issueCell.begin() + 1, issueCell.end()); // the flag after the links
    issueCell.insert(issueCell.begin(), para(Role::PlanCell, 0, "a note typed above"));
    const std::size_t flagAt = issueCell.size() - 1; // after the note and the links' paragraph
    const Doc moved = readDoc(blocks);
    ASSERT_EQ(moved.read.layout.planRows[2].flagParagraph, flagAt);
    const aa::PlanUpdatePlan movedPlan = aa::planPlanUpdate(moved.read);
    EXPECT_EQ(describeAll(movedPlan.edits), describeAll({ unflag(2, 0), unflag(3, flagAt), unflag(5, 0) }));
    expectPlanUpdated(moved, movedPlan);
}

TEST(UpdatePlanTable, HandAddedRowsAreLeftAlone)
{
    Analysis a = aa::test::base();
    PlanRow empty;
    PlanRow who;
    who.cell(PlanColumn::Who) = "someone";
    who.cell(PlanColumn::Progress) = "started";
    a.plan.insert(a.plan.begin(), who);
    a.plan.push_back(empty);                                       // an empty row is no row
    const Doc doc = withoutBlocks(a, { layoutOf(a).items[1][1] }); // h2 deleted: its row is flagged
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describeAll(plan.edits), describeAll({ flag(4) }));
    for (const PlanEdit& e : plan.edits)
        EXPECT_NE(e.row, 1u) << "the hand-added row";
    expectPlanUpdated(doc, plan);
}

TEST(UpdatePlanTable, RepairsAreHeadingRepairs)
{
    const Analysis a = aa::test::base();
    std::vector<Block> blocks = documentBlocks(a);
    const aa::Layout before = layoutOf(a);
    std::get<Paragraph>(blocks.at(before.issues[1].title)).bookmarks.clear();
    const Doc doc = readDoc(blocks);
    const aa::PlanUpdatePlan plan = aa::planPlanUpdate(doc.read);
    EXPECT_EQ(describeAll(plan.repairs), describeAll(aa::headingRepairs(doc.read)));
    EXPECT_EQ(describeAll(plan.repairs),
              expected({ replaceAt(before.issues[1].title, Composer(a).issueTitle(a.issues[1])) }));
    EXPECT_TRUE(plan.edits.empty()) << "the links took the id back: every row still matches";
    const ReadResult read = expectPlanUpdated(doc, plan);
    EXPECT_TRUE(read.layout.issues[1].bookmarkIntact);

    // Repairs come with a missing table too.
    std::vector<Block> noTable = blocks;
    noTable.erase(noTable.begin() + static_cast<std::ptrdiff_t>(*before.planTable));
    const aa::PlanUpdatePlan both = aa::planPlanUpdate(readDoc(noTable).read);
    EXPECT_TRUE(both.needsTable);
    EXPECT_EQ(both.repairs.size(), 1u);
}

TEST(UpdatePlanTable, AfterAnUpdateThePlanFollows)
{
    // The deck's order: update the analysis, then the plan, for many edits of many shapes.
    for (const auto& [name, a] : aa::test::shapes())
    {
        SCOPED_TRACE(name);
        const Doc doc = document(a);
        Analysis desired = a;
        auto& needs = desired.list(ListKind::WhatNeedsToHappen);
        if (!needs.empty())
            needs.erase(needs.begin());
        needs.push_back(makeItem("added must", {}, "addedMust"));
        needs.back().must = true;
        needs.push_back(makeItem("added", {}, "added"));
        if (!desired.issues.empty())
            needs.back().issues = { desired.issues[0].id };
        std::set<std::string> left;
        for (const Item& item : needs)
            left.insert(item.id);
        for (Item& sign : desired.list(ListKind::SuccessSigns))
            sign.items.erase(std::remove_if(sign.items.begin(), sign.items.end(),
                                            [&](const std::string& id) { return !left.count(id); }),
                             sign.items.end());
        const aa::UpdatePlan analysisPlan = update(doc, desired);
        const ReadResult updated = expectUpdatedTo(doc, analysisPlan, desired);
        const Doc next{ applyEdits(doc.blocks, analysisPlan.edits), updated };
        const aa::PlanUpdatePlan plan = aa::planPlanUpdate(next.read);
        expectPlanUpdated(next, plan);
    }
}

// ---------------------------------------------------------------------------------------------
// planRemoveIssue, planMoveIssue

TEST(UpdateMoveAndRemove, RemoveDeletesExactlyTheIssuesBlocks)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const std::vector<std::vector<std::string>> left = { { "b", "c" }, { "a", "c" }, { "a", "b" } };
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        SCOPED_TRACE(i);
        const aa::IssueLayout& where = doc.read.layout.issues[i];
        const aa::UpdatePlan plan = aa::planRemoveIssue(doc.read, i);
        std::multiset<std::string> deletes;
        for (std::size_t b = where.title; b <= where.last; ++b)
            deletes.insert(deleteAt(b));
        EXPECT_EQ(describeAll(plan.edits), deletes);
        const ReadResult after = aa::readAnalysis(applyEdits(doc.blocks, plan.edits));
        EXPECT_EQ(idsOf(after.analysis), left[i]);
        EXPECT_TRUE(after.analysis.unplaced.empty());
        EXPECT_EQ(after.analysis.topics, a.topics);
        EXPECT_TRUE(after.analysis.plan == a.plan) << "the plan is not touched";
        EXPECT_TRUE(after.analysis.adults == a.adults);
    }
    EXPECT_THROW(aa::planRemoveIssue(doc.read, a.issues.size()), aa::InputError);
    EXPECT_THROW(aa::planRemoveIssue(ReadResult{}, 0), aa::InputError);
}

TEST(UpdateMoveAndRemove, MoveSwapsWithTheNeighbourAndKeepsIds)
{
    const Analysis a = aa::test::base();
    const Doc doc = document(a);
    const aa::UpdatePlan up = aa::planMoveIssue(doc.read, doc.blocks, 1, true);
    const aa::UpdatePlan down = aa::planMoveIssue(doc.read, doc.blocks, 0, false);
    EXPECT_EQ(describeAll(up.edits), describeAll(down.edits));
    const ReadResult after = aa::readAnalysis(applyEdits(doc.blocks, up.edits));
    EXPECT_EQ(idsOf(after.analysis), (std::vector<std::string>{ "b", "a", "c" }));
    for (const aa::Issue& issue : after.analysis.issues)
        EXPECT_TRUE(issue == *a.findIssue(issue.id)) << issue.id;
    for (const aa::IssueLayout& il : after.layout.issues)
        EXPECT_TRUE(il.bookmarkIntact);
    EXPECT_TRUE(after.analysis.lists == a.lists) << "the links follow the moved heading";
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, true), aa::InputError);
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 2, false), aa::InputError);
}

TEST(UpdateMoveAndRemove, MoveRefusesWhatItWouldLose)
{
    const Analysis a = aa::test::base();
    const aa::Layout l = layoutOf(a);
    aa::Table table;
    table.rows.push_back({ aa::Cell{ plain("Genogram", "Table Contents") } });
    const std::vector<std::tuple<std::string, std::size_t, std::vector<Block>>> extras = {
        { "a table inside the issue", l.issues[1].parts[0].paragraphs.back() + 1, { table } },
        { "a line the reader could not place", l.issues[1].title + 1, { plain("a note to self") } },
    };
    for (const auto& [name, index, blocks] : extras)
    {
        SCOPED_TRACE(name);
        const Doc doc = withBlocksBefore(a, index, blocks);
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, false), aa::InputError);
    }
    // A typed line that joins an answer is carried over.
    const Doc typed = withBlocksBefore(a, l.issues[1].parts[0].paragraphs.back() + 1, { plain("bo2") });
    const aa::UpdatePlan plan = aa::planMoveIssue(typed.read, typed.blocks, 1, true);
    const ReadResult after = aa::readAnalysis(applyEdits(typed.blocks, plan.edits));
    EXPECT_EQ(after.analysis.issues.at(0).part(IssuePart::Origins), "bo\nbo2");
}

// ---------------------------------------------------------------------------------------------
// planRemoveIssue, planMoveIssue in detail: the issue commands behind the Key issues panel's
// Remove, Up and Down buttons, on blocks laid out as the writer lays them out

/// a's document, with block inserted before the block at index.
Doc withBlockBefore(const Analysis& a, std::size_t index, Block block)
{
    std::vector<Block> blocks = documentBlocks(a);
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(index), std::move(block));
    return readDoc(std::move(blocks));
}

/// A paragraph the way Writer shows one the glue wrote: its style, its runs as spans (a link
/// as a hyperlinked field), the bookmark it holds, prompts as a prompt without text.
Paragraph shownAsWritten(const aa::NewParagraph& np)
{
    Paragraph p = aa::test::para(np.role, np.index, "");
    for (const aa::Run& run : np.runs)
    {
        switch (run.kind)
        {
            case aa::Run::Kind::Prompt:
                p.prompt = true;
                continue;
            case aa::Run::Kind::Marked:
                p.bookmarks.push_back(run.mark);
                p.spans.push_back(aa::Span{ run.text, "", "" });
                break;
            case aa::Run::Kind::Link:
                p.spans.push_back(aa::Span{ run.text, "#" + run.mark, run.mark });
                break;
            default:
                p.spans.push_back(aa::Span{ run.text, "", "" });
                break;
        }
        p.text += run.text;
    }
    return p;
}

/// The blocks after an issue command's edits (which only delete and insert before a heading).
std::vector<Block> applied(const std::vector<Block>& blocks, const aa::UpdatePlan& plan)
{
    std::set<std::size_t> deleted;
    std::map<std::size_t, std::vector<aa::NewParagraph>> before;
    for (const aa::Edit& e : plan.edits)
    {
        if (e.kind == aa::Edit::Kind::Delete)
            EXPECT_TRUE(deleted.insert(e.block).second) << "deleted twice: " << e.block;
        else if (e.kind == aa::Edit::Kind::InsertBefore)
            EXPECT_TRUE(before.emplace(e.block, e.paragraphs).second) << "two inserts before " << e.block;
        else
            ADD_FAILURE() << "an issue command that rewrites or inserts after block " << e.block;
    }
    std::vector<Block> out;
    for (std::size_t i = 0; i < blocks.size(); ++i)
    {
        if (const auto it = before.find(i); it != before.end())
            for (const aa::NewParagraph& np : it->second)
                out.emplace_back(shownAsWritten(np));
        if (!deleted.count(i))
            out.push_back(blocks[i]);
    }
    return out;
}

std::set<std::size_t> deletedBlocks(const aa::UpdatePlan& plan)
{
    std::set<std::size_t> out;
    for (const aa::Edit& e : plan.edits)
        if (e.kind == aa::Edit::Kind::Delete)
            out.insert(e.block);
    return out;
}

/// The document after the plan holds the issues in this order, each as it was with its heading's
/// bookmark, and the rest of the analysis unchanged.
void expectIssuesInOrder(const Doc& doc, const aa::UpdatePlan& plan, const std::vector<std::string>& order)
{
    const aa::ReadResult after = aa::readAnalysis(applied(doc.blocks, plan));
    ASSERT_TRUE(after.found);
    const Analysis& was = doc.read.analysis;
    const Analysis& now = after.analysis;
    EXPECT_EQ(idsOf(now), order);
    for (const Issue& issue : now.issues)
    {
        SCOPED_TRACE("issue " + issue.id);
        const Issue* before = was.findIssue(issue.id);
        ASSERT_TRUE(before);
        EXPECT_TRUE(issue == *before) << aa::toJson(now);
    }
    for (std::size_t i = 0; i < now.issues.size(); ++i)
        EXPECT_TRUE(after.layout.issues[i].bookmarkIntact) << "issue " << i;
    EXPECT_EQ(now.adults, was.adults);
    EXPECT_EQ(now.lists, was.lists);
    EXPECT_EQ(now.topics, was.topics);
    EXPECT_EQ(now.plan, was.plan);
    EXPECT_EQ(now.unplaced, was.unplaced);
}

TEST(PlanRemoveIssue, DeletesExactlyTheIssuesBlocks)
{
    const Analysis a = partlyAnswered();
    const Doc doc = readDoc(documentBlocks(a));
    ASSERT_TRUE(doc.read.analysis == a) << aa::toJson(doc.read.analysis);
    const std::vector<std::vector<std::string>> left = { { "b", "c" }, { "a", "c" }, { "a", "b" } };
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        SCOPED_TRACE("issue " + std::to_string(i));
        const aa::IssueLayout& where = doc.read.layout.issues[i];
        const aa::UpdatePlan plan = aa::planRemoveIssue(doc.read, i);
        EXPECT_EQ(deletedBlocks(plan), range(where.title, where.last));
        EXPECT_EQ(plan.edits.size(), where.last - where.title + 1) << "nothing but deletions";
        EXPECT_GE(where.last, where.title + 5) << "title, identified by, a paragraph for each of the four parts";
        EXPECT_TRUE(plan.addedIssues.empty());
        EXPECT_TRUE(plan.keptIssues.empty());

        const aa::ReadResult after = aa::readAnalysis(applied(doc.blocks, plan));
        ASSERT_TRUE(after.found);
        EXPECT_EQ(idsOf(after.analysis), left[i]);
        for (const Issue& issue : after.analysis.issues)
            EXPECT_TRUE(issue == *a.findIssue(issue.id)) << issue.id;
        EXPECT_EQ(after.analysis.adults, a.adults);
        EXPECT_EQ(after.analysis.topics, a.topics);
        EXPECT_EQ(after.analysis.plan, a.plan) << "the plan is not touched";
        EXPECT_TRUE(after.analysis.unplaced.empty());
        // The items keep their text; ties to the removed issue are gone with its heading.
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
        {
            ASSERT_EQ(after.analysis.lists[k].size(), a.lists[k].size());
            for (std::size_t n = 0; n < a.lists[k].size(); ++n)
            {
                EXPECT_EQ(after.analysis.lists[k][n].text, a.lists[k][n].text);
                for (const std::string& id : after.analysis.lists[k][n].issues)
                    EXPECT_NE(id, a.issues[i].id);
            }
        }
    }
}

TEST(PlanRemoveIssue, IndexOutOfRangeOrNoAnalysisThrows)
{
    const Doc doc = readDoc(documentBlocks(partlyAnswered()));
    EXPECT_THROW(aa::planRemoveIssue(doc.read, 3), aa::InputError);
    EXPECT_THROW(aa::planRemoveIssue(doc.read, static_cast<std::size_t>(-1)), aa::InputError);
    EXPECT_THROW(aa::planRemoveIssue(aa::ReadResult{}, 0), aa::InputError);
    try
    {
        aa::planRemoveIssue(doc.read, 3);
        ADD_FAILURE() << "no exception";
    }
    catch (const aa::InputError& e)
    {
        EXPECT_EQ(std::string(e.what()), "There is no key issue number 4.");
    }
}

TEST(PlanMoveIssue, NoNeighbourThatWayThrows)
{
    const Doc doc = readDoc(documentBlocks(partlyAnswered()));
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, true), aa::InputError) << "first up";
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 2, false), aa::InputError) << "last down";
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 3, true), aa::InputError) << "out of range";
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 3, false), aa::InputError) << "out of range";
    EXPECT_THROW(aa::planMoveIssue(aa::ReadResult{}, {}, 0, false), aa::InputError) << "no analysis";
    Analysis one = partlyAnswered();
    one.issues.resize(1);
    one.lists = {};
    one.hasPlan = false;
    one = aa::withPlan(one);
    const Doc single = readDoc(documentBlocks(one));
    EXPECT_THROW(aa::planMoveIssue(single.read, single.blocks, 0, true), aa::InputError);
    EXPECT_THROW(aa::planMoveIssue(single.read, single.blocks, 0, false), aa::InputError);
}

TEST(PlanMoveIssue, UpWritesTheIssueAgainBeforeItsNeighbourAndDeletesItsBlocks)
{
    const Analysis a = partlyAnswered();
    const Doc doc = readDoc(documentBlocks(a));
    const aa::IssueLayout& first = doc.read.layout.issues[0];
    const aa::IssueLayout& second = doc.read.layout.issues[1];
    const aa::UpdatePlan plan = aa::planMoveIssue(doc.read, doc.blocks, 1, true);
    EXPECT_EQ(deletedBlocks(plan), range(second.title, second.last));
    const std::vector<aa::NewParagraph> rewrite = aa::Composer(a).issue(a.issues[1]);
    const auto insert = std::find_if(plan.edits.begin(), plan.edits.end(),
                                     [](const aa::Edit& e) { return e.kind == aa::Edit::Kind::InsertBefore; });
    ASSERT_NE(insert, plan.edits.end());
    EXPECT_EQ(insert->block, first.title);
    EXPECT_TRUE(insert->paragraphs == rewrite) << "the whole issue, its heading with the bookmark the links point to";
    EXPECT_EQ(plan.edits.size(), second.last - second.title + 2);
    EXPECT_TRUE(plan.addedIssues.empty());
    EXPECT_TRUE(plan.keptIssues.empty());
    expectIssuesInOrder(doc, plan, { "b", "a", "c" });
}

TEST(PlanMoveIssue, DownIsTheNeighbourMovingUp)
{
    const Doc doc = readDoc(documentBlocks(partlyAnswered()));
    for (std::size_t i = 0; i + 1 < doc.read.analysis.issues.size(); ++i)
    {
        SCOPED_TRACE("issue " + std::to_string(i));
        const aa::UpdatePlan down = aa::planMoveIssue(doc.read, doc.blocks, i, false);
        const aa::UpdatePlan up = aa::planMoveIssue(doc.read, doc.blocks, i + 1, true);
        ASSERT_EQ(down.edits.size(), up.edits.size());
        for (std::size_t e = 0; e < up.edits.size(); ++e)
        {
            EXPECT_EQ(down.edits[e].kind, up.edits[e].kind);
            EXPECT_EQ(down.edits[e].block, up.edits[e].block);
            EXPECT_TRUE(down.edits[e].paragraphs == up.edits[e].paragraphs);
        }
    }
    expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 0, false), { "b", "a", "c" });
    expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, false), { "a", "c", "b" });
    expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 2, true), { "a", "c", "b" });
}

TEST(PlanMoveIssue, WorksOnADocumentWhoseStylesWereLost)
{
    aa::test::LayoutOptions lost;
    lost.stylesLost = true;
    const Doc doc = readDoc(documentBlocks(partlyAnswered(), lost));
    ASSERT_EQ(idsOf(doc.read.analysis), (std::vector<std::string>{ "a", "b", "c" }));
    ASSERT_EQ(doc.read.analysis.issues[1].title, "Issue B");
    ASSERT_EQ(doc.read.analysis.issues[1].part(IssuePart::Origins), "bo");
    const aa::UpdatePlan plan = aa::planMoveIssue(doc.read, doc.blocks, 1, true);
    EXPECT_EQ(deletedBlocks(plan), range(doc.read.layout.issues[1].title, doc.read.layout.issues[1].last));
}

TEST(PlanMoveIssue, ATableInTheIssueThrows)
{
    const Analysis a = partlyAnswered();
    const aa::Layout layout = readDoc(documentBlocks(a)).read.layout;
    aa::Table table;
    table.rows.push_back({ aa::Cell{ aa::test::plain("Genogram", "Table Contents") } });
    // Between b's last two answers: inside the issue.
    const Doc doc = withBlockBefore(a, layout.issues[1].parts[2].paragraphs.back(), table);
    ASSERT_TRUE(doc.read.analysis.issues[1] == a.issues[1]) << aa::toJson(doc.read.analysis);
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
    EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, false), aa::InputError) << "b moving up";
    // The issue written again is the one moving up: b moving down is c moving up, and b, not
    // written again, may hold anything; its table stays in it.
    const aa::UpdatePlan plan = aa::planMoveIssue(doc.read, doc.blocks, 1, false);
    const std::vector<Block> after = applied(doc.blocks, plan);
    const aa::ReadResult moved = aa::readAnalysis(after);
    EXPECT_EQ(idsOf(moved.analysis), (std::vector<std::string>{ "a", "c", "b" }));
    EXPECT_EQ(
        std::count_if(after.begin(), after.end(), [](const Block& b) { return std::holds_alternative<aa::Table>(b); }),
        std::count_if(doc.blocks.begin(), doc.blocks.end(),
                      [](const Block& b) { return std::holds_alternative<aa::Table>(b); }))
        << "no table lost";
}

TEST(PlanMoveIssue, TextTheRewriteWouldNotCarryThrows)
{
    const Analysis a = partlyAnswered();
    const aa::Layout layout = readDoc(documentBlocks(a)).read.layout;
    {
        SCOPED_TRACE("words added to the \"Identified by\" line");
        Analysis heard = a;
        heard.issues[1].raisedBy = { Voice::Child };
        heard.hasPlan = true;
        std::vector<Block> blocks = documentBlocks(heard);
        const aa::Layout where = readDoc(blocks).read.layout;
        std::get<Paragraph>(blocks[*where.issues[1].raisedBy]).text += " and the health visitor";
        const Doc doc = readDoc(std::move(blocks));
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, false), aa::InputError);
    }
    {
        SCOPED_TRACE("a paragraph the reader could not place");
        const Doc doc = withBlockBefore(a, layout.issues[1].title + 1, aa::test::plain("A note to self"));
        ASSERT_EQ(doc.read.analysis.unplaced, (std::vector<std::string>{ "A note to self" }));
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 0, false), aa::InputError);
        SCOPED_TRACE("c moving up does not touch b");
        expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, false), { "a", "c", "b" });
    }
    {
        SCOPED_TRACE("a question label reworded");
        std::vector<Block> blocks = documentBlocks(a);
        ASSERT_TRUE(layout.issues[1].parts[0].label);
        std::get<Paragraph>(blocks[*layout.issues[1].parts[0].label]).text = "Why did it start, and when?";
        const Doc doc = readDoc(std::move(blocks));
        EXPECT_THROW(aa::planMoveIssue(doc.read, doc.blocks, 1, true), aa::InputError);
    }
    {
        SCOPED_TRACE("blank paragraphs are nothing to lose");
        const Doc doc = withBlockBefore(a, layout.issues[1].title + 1, aa::test::plain(" \t "));
        ASSERT_TRUE(doc.read.analysis.issues[1] == a.issues[1]) << aa::toJson(doc.read.analysis);
        ASSERT_TRUE(doc.read.analysis.unplaced.empty());
        expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, true), { "b", "a", "c" });
    }
    {
        SCOPED_TRACE("text without our style that joined an answer is carried");
        const Doc doc = withBlockBefore(a, layout.issues[1].parts[0].paragraphs.back() + 1, aa::test::plain("bo2"));
        ASSERT_EQ(doc.read.analysis.issues[1].part(IssuePart::Origins), "bo\nbo2");
        expectIssuesInOrder(doc, aa::planMoveIssue(doc.read, doc.blocks, 1, true), { "b", "a", "c" });
    }
}

} // namespace
