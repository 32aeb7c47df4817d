// Reports written with the released version 0.1 (schema 1): read into schema 2, brought to the
// current structure by planUpdate and planPlanUpdate without losing a word or a typed cell.
// The blocks are those 0.1's fragment writer made (its styles, headings, labels, the 8-column
// plan table), spelled out here as 0.1 wrote them, independent of today's strings.
#include "AnalysisShapes.hpp"
#include "Compose.hpp"
#include "DocumentStructure.hpp"
#include "EditSupport.hpp"
#include "Json.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"
#include "Update.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace
{
using aa::Analysis;
using aa::Block;
using aa::Cell;
using aa::Edit;
using aa::IssuePart;
using aa::Item;
using aa::ListKind;
using aa::Paragraph;
using aa::PlanColumn;
using aa::PlanRow;
using aa::ReadResult;
using aa::Role;
using aa::Section;
using aa::Span;
using aa::Table;
using aa::Topic;
using aa::Voice;
using aa::test::applyEdits;
using aa::test::describe;
using aa::test::plain;

/// What 0.1 called an issue's voices (its "identified by" line).
struct Voices
{
    bool practitioner = false, child = false, parents = false, otherWorkers = false, significantAdults = false;
};

/// The schema-1 analysis of the fixture (tests/fixtures/schema1), as 0.1 held it.
struct Schema1
{
    Analysis upgraded;          ///< parseAnalysis of its JSON: what reading its document must give
    std::vector<Voices> voices; ///< per issue
    std::string parentsUnderstanding, parentsMotivation, childUnderstanding;
    std::vector<PlanRow> plan; ///< as 0.1 derived it, with cells typed by hand
};

Schema1 fixture()
{
    Schema1 s;
    const std::string json = aa::test::readFile(std::string(AA_SAMPLES_DIR)
                                                + "/../tests/fixtures/schema1/sample-analysis-schema1.json");
    s.upgraded = aa::parseAnalysis(json);
    const Analysis& a = s.upgraded;
    for (const aa::Issue& issue : a.issues)
    {
        Voices v;
        for (Voice voice : issue.raisedBy)
        {
            v.practitioner = v.practitioner || voice == Voice::Practitioner;
            v.child = v.child || voice == Voice::Child;
            v.otherWorkers = v.otherWorkers || voice == Voice::OtherWorkers;
        }
        for (const std::string& id : issue.raisedByAdults)
        {
            v.parents = v.parents || id == "parents";
            v.significantAdults = v.significantAdults || id == "otherAdults";
        }
        s.voices.push_back(v);
    }
    const aa::Adult* parents = a.findAdult("parents");
    s.parentsUnderstanding = parents ? parents->part(aa::AdultPart::Understanding) : "";
    s.parentsMotivation = parents ? parents->part(aa::AdultPart::Motivation) : "";
    s.childUnderstanding = a.topic(Topic::ChildExperience);
    // 0.1's plan: a row per item, tied to its first issue, the outcome every sign of that issue.
    for (const Item& help : a.list(ListKind::WhatNeedsToHappen))
    {
        PlanRow row;
        row.cell(PlanColumn::Action) = help.text;
        row.help = help.id;
        if (!help.issues.empty())
        {
            row.issues = { help.issues.front() };
            std::string& outcome = row.cell(PlanColumn::Outcome);
            for (const Item& sign : a.list(ListKind::SuccessSigns))
                if (std::find(sign.issues.begin(), sign.issues.end(), help.issues.front()) != sign.issues.end())
                    outcome += (outcome.empty() ? "" : "\n") + sign.text;
        }
        s.plan.push_back(row);
    }
    // Typed by hand, as in the fixture's .odt, and more.
    s.plan.at(0).cell(PlanColumn::Who) = "Ms Green, with the housing officer (Mr Ali)";
    s.plan.at(1).cell(PlanColumn::Review) = "At the review meeting in January";
    s.plan.at(2).cell(PlanColumn::Contingency) = "Ask the school nurse";
    s.plan.at(2).cell(PlanColumn::ByWhen) = "31/01/2027";
    return s;
}

/// The blocks 0.1 wrote for it (with the report's paragraphs around), as DocumentReader reads
/// them; stylesLost as after a trip through Word that lost the styles.
class Schema1Writer
{
public:
    explicit Schema1Writer(const Schema1& s) : s_(s), a_(s.upgraded) {}

    std::vector<Block> blocks(bool stylesLost = false)
    {
        out_.clear();
        out_.emplace_back(plain("Report text before the analysis", "Default Paragraph Style"));
        p("Analysis Heading", "Analysis of the assessment");
        p("Analysis Subheading", "Key issues");
        for (std::size_t i = 0; i < a_.issues.size(); ++i)
            issue(i);
        list("Strengths found in the assessment", "Analysis Strengths", ListKind::Strengths);
        list("What would help", "Analysis What Would Help", ListKind::WhatNeedsToHappen);
        list("How everyone will know things are better", "Analysis Success Signs", ListKind::SuccessSigns);
        p("Analysis Subheading", "Further questions");
        consideration("The balance of risk and protective factors", "Analysis Risk And Protective Balance",
                      a_.topic(Topic::RiskAndProtectiveBalance));
        consideration("The parents' motivation to change", "Analysis Parents Motivation", s_.parentsMotivation);
        consideration("What is not known", "Analysis Not Known", a_.topic(Topic::NotKnown));
        consideration("Absent figures", "Analysis Absent Figures", a_.topic(Topic::AbsentFigures));
        consideration("The child's understanding", "Analysis Child Understanding", s_.childUnderstanding);
        consideration("The parents' understanding", "Analysis Parents Understanding", s_.parentsUnderstanding);
        consideration("Cultural and language dimensions", "Analysis Cultural And Language",
                      a_.topic(Topic::CulturalAndLanguage));
        consideration("Patterns in the family and in the agency system", "Analysis Patterns",
                      a_.topic(Topic::Patterns));
        p("Analysis Subheading", "Action plan");
        out_.emplace_back(planTable());
        out_.emplace_back(plain("", "Text body"));
        out_.emplace_back(plain("Report text after the analysis"));
        if (stylesLost)
            for (Block& block : out_)
            {
                if (Paragraph* para = std::get_if<Paragraph>(&block))
                    para->style = "Normal";
                else
                    for (aa::Row& row : std::get<Table>(block).rows)
                        for (Cell& cell : row)
                            for (Paragraph& inCell : cell)
                                inCell.style = "Normal";
            }
        return out_;
    }

private:
    static Paragraph make(const std::string& style, const std::string& text)
    {
        Paragraph para{ style, text, {}, {}, {}, false };
        if (!text.empty())
            para.spans.push_back(Span{ text, "", "" });
        return para;
    }
    void p(const std::string& style, const std::string& text) { out_.emplace_back(make(style, text)); }

    Span link(const std::string& issueId) const
    {
        const aa::Issue* issue = a_.findIssue(issueId);
        return Span{ issue ? issue->title : issueId, "#AA_issue_" + issueId, "AA_issue_" + issueId };
    }

    void answer(const std::string& style, const std::string& text)
    {
        for (const std::string& line : aa::splitParagraphs(text))
            p(style, line);
    }

    void issue(std::size_t i)
    {
        const aa::Issue& issue = a_.issues[i];
        Paragraph title = make("Analysis Issue Title", issue.title);
        title.bookmarks = { "AA_issue_" + issue.id };
        out_.emplace_back(title);
        std::vector<std::string> voices;
        const Voices& v = s_.voices[i];
        if (v.practitioner)
            voices.emplace_back("the practitioner");
        if (v.child)
            voices.emplace_back("the child");
        if (v.parents)
            voices.emplace_back("parents or carers");
        if (v.otherWorkers)
            voices.emplace_back("other workers");
        if (v.significantAdults)
            voices.emplace_back("other significant adults");
        std::string line = "Identified by: ";
        for (std::size_t k = 0; k < voices.size(); ++k)
            line += (k ? ", " : "") + voices[k];
        if (voices.empty())
            line += "not yet recorded";
        p("Analysis Raised By", line);
        p("Analysis Question", "Why did it start?");
        answer("Analysis Origins", issue.part(IssuePart::Origins));
        p("Analysis Question", "What keeps it going?");
        answer("Analysis Maintaining Factors", issue.part(IssuePart::MaintainingFactors));
        p("Analysis Question", "What is the impact on the child?");
        answer("Analysis Impact On Child", issue.part(IssuePart::ImpactOnChild));
    }

    void list(const std::string& heading, const std::string& style, ListKind kind)
    {
        p("Analysis Subheading", heading);
        const std::vector<Item>& items = a_.list(kind);
        if (items.empty())
            p(style, "");
        for (const Item& item : items)
        {
            Paragraph para = make(style, item.text);
            if (kind == ListKind::WhatNeedsToHappen && !item.id.empty())
                para.bookmarks = { "AA_help_" + item.id };
            if (!item.issues.empty())
            {
                para.spans.push_back(Span{ " (about: ", "", "" });
                for (std::size_t k = 0; k < item.issues.size(); ++k)
                {
                    if (k)
                        para.spans.push_back(Span{ ", ", "", "" });
                    para.spans.push_back(link(item.issues[k]));
                }
                para.spans.push_back(Span{ ")", "", "" });
            }
            para.text.clear();
            for (const Span& span : para.spans)
                para.text += span.text;
            out_.emplace_back(para);
        }
    }

    void consideration(const std::string& label, const std::string& style, const std::string& text)
    {
        p("Analysis Question", label);
        answer(style, text);
    }

    Table planTable() const
    {
        static const char* headers[]
            = { "Issue",   "Outcome (what will be different)", "Action",     "Who is responsible", "Priority",
                "By when", "Review (when, how, with whom)",    "Contingency" };
        static const PlanColumn columns[] = { PlanColumn::Outcome,    PlanColumn::Action, PlanColumn::Who,
                                              PlanColumn::Priority,   PlanColumn::ByWhen, PlanColumn::Review,
                                              PlanColumn::Contingency };
        Table table;
        aa::Row header;
        for (const char* h : headers)
            header.push_back(Cell{ make("Analysis Plan Header", h) });
        table.rows.push_back(header);
        for (const PlanRow& row : s_.plan)
        {
            aa::Row r;
            Paragraph issueCell = make("Analysis Plan Cell", "");
            if (!row.issues.empty())
            {
                issueCell.spans = { link(row.issues[0]) };
                issueCell.text = issueCell.spans[0].text;
            }
            r.push_back(Cell{ issueCell });
            for (PlanColumn c : columns)
            {
                Cell cell;
                for (const std::string& line : aa::splitParagraphs(row.cell(c)))
                    cell.push_back(make("Analysis Plan Cell", line));
                if (c == PlanColumn::Action && !row.help.empty())
                {
                    cell[0].bookmarks = { "AA_plan_" + row.help };
                    cell[0].emptyBookmarks = { "AA_plan_" + row.help };
                }
                r.push_back(cell);
            }
            table.rows.push_back(r);
        }
        return table;
    }

    const Schema1& s_;
    const Analysis& a_;
    std::vector<Block> out_;
};

/// Every paragraph's text (cells too), for "no word lost".
std::vector<std::string> texts(const std::vector<Block>& blocks)
{
    std::vector<std::string> out;
    for (const Block& b : blocks)
    {
        if (const Paragraph* p = std::get_if<Paragraph>(&b))
            out.push_back(p->text);
        else
            for (const aa::Row& row : std::get<Table>(b).rows)
                for (const Cell& cell : row)
                    for (const Paragraph& inCell : cell)
                        out.push_back(inCell.text);
    }
    return out;
}

bool contains(const std::vector<std::string>& paragraphs, const std::string& text)
{
    return std::any_of(paragraphs.begin(), paragraphs.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

/// Every sentence a person wrote in the 0.1 document is still in the blocks, once (the labels,
/// headings and "identified by" lines, which are ours, aside).
void expectEveryWordKept(const std::vector<Block>& before, const std::vector<Block>& after)
{
    static const std::set<std::string> ours = { "Analysis Heading", "Analysis Subheading", "Analysis Question",
                                                "Analysis Raised By", "Analysis Plan Header" };
    const std::vector<std::string> now = texts(after);
    for (const Block& b : before)
    {
        std::vector<std::string> written;
        if (const Paragraph* p = std::get_if<Paragraph>(&b))
        {
            if (!ours.count(p->style) && p->style != "Normal")
                written.push_back(p->text);
            else if (p->style == "Normal" && aa::roleOfStyle(p->style).role == Role::None)
                written.push_back(p->text); // styles lost: check everything but what is ours by text
        }
        else
            for (const aa::Row& row : std::get<Table>(b).rows)
                for (const Cell& cell : row)
                    for (const Paragraph& inCell : cell)
                        if (inCell.style != "Analysis Plan Header")
                            written.push_back(inCell.text);
        for (const std::string& text : written)
        {
            if (aa::isBlank(text))
                continue;
            static const std::set<std::string> labels = { "Analysis of the assessment",
                                                          "Key issues",
                                                          "Strengths found in the assessment",
                                                          "What would help",
                                                          "How everyone will know things are better",
                                                          "Further questions",
                                                          "Action plan",
                                                          "Why did it start?",
                                                          "What keeps it going?",
                                                          "What is the impact on the child?",
                                                          "The balance of risk and protective factors",
                                                          "The parents' motivation to change",
                                                          "What is not known",
                                                          "Absent figures",
                                                          "The child's understanding",
                                                          "The parents' understanding",
                                                          "Cultural and language dimensions",
                                                          "Patterns in the family and in the agency system",
                                                          "Issue",
                                                          "Outcome (what will be different)",
                                                          "Action",
                                                          "Who is responsible",
                                                          "Priority",
                                                          "By when",
                                                          "Review (when, how, with whom)",
                                                          "Contingency" };
            if (labels.count(text) || text.rfind("Identified by: ", 0) == 0)
                continue;
            EXPECT_TRUE(contains(now, text)) << "lost: " << text;
        }
    }
}

const char* handSentence = " Added by hand: Ms Green says the damp in the bedroom has got worse since October.";

/// The fixture's document, with the sentence the fixture's README says was typed by hand, and
/// a paragraph typed (unstyled) under the parents' motivation.
std::vector<Block> fixtureBlocks(const Schema1& s, bool stylesLost = false)
{
    std::vector<Block> blocks = Schema1Writer(s).blocks(stylesLost);
    for (Block& b : blocks)
        if (Paragraph* p = std::get_if<Paragraph>(&b); p && p->text == s.upgraded.issues[0].part(IssuePart::Origins))
        {
            p->text += handSentence;
            p->spans.push_back(Span{ handSentence, "", "" });
            break;
        }
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (const Paragraph* p = std::get_if<Paragraph>(&blocks[i]); p && p->text == s.parentsMotivation)
        {
            blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(i + 1),
                          plain("Typed under the parents' motivation."));
            break;
        }
    return blocks;
}

/// What reading the fixture's document gives: the upgraded JSON, with the hand edits and 0.1's
/// plan.
Analysis expectedRead(const Schema1& s)
{
    Analysis a = s.upgraded;
    a.issues[0].part(IssuePart::Origins) += handSentence;
    for (aa::Adult& adult : a.adults)
        if (adult.id == "parents")
            adult.part(aa::AdultPart::Motivation) += "\nTyped under the parents' motivation.";
    a.plan = s.plan;
    a.hasPlan = true;
    return a;
}

// ---------------------------------------------------------------------------------------------
// Reading

TEST(ReadAnalysisSchema1, ReadsIntoSchema2AsTheJsonUpgradeDoes)
{
    const Schema1 s = fixture();
    ASSERT_EQ(s.upgraded.adults.size(), 2u);
    const std::vector<Block> blocks = fixtureBlocks(s);
    const ReadResult read = aa::readAnalysis(blocks);
    ASSERT_TRUE(read.found);
    EXPECT_TRUE(read.legacy);
    const Analysis want = expectedRead(s);
    EXPECT_EQ(aa::toJson(read.analysis), aa::toJson(want));
    EXPECT_TRUE(read.analysis.unplaced.empty());
    // The adults of 0.1's voices and answers: the parents (with their understanding and
    // motivation) and the other significant adults, named by the strings for them.
    ASSERT_EQ(read.analysis.adults.size(), 2u);
    EXPECT_EQ(read.analysis.adults[0].id, "parents");
    EXPECT_EQ(read.analysis.adults[0].name, aa::Strings::builtIn().get("adult.legacy.parents"));
    EXPECT_EQ(read.analysis.adults[1].id, "otherAdults");
    EXPECT_EQ(read.layout.legacyAdults, (std::vector<std::string>{ "parents", "otherAdults" }));
    EXPECT_TRUE(read.layout.adults.empty()) << "none of them is in the document as an adult yet";
    EXPECT_EQ(read.analysis.issues[0].raisedByAdults, (std::vector<std::string>{ "parents" }));
    EXPECT_EQ(read.analysis.issues[3].raisedByAdults, (std::vector<std::string>{ "otherAdults" }));
    EXPECT_EQ(read.analysis.issues[3].raisedBy, (std::vector<Voice>{ Voice::Child }));
    for (std::size_t i = 0; i < read.layout.issues.size(); ++i)
        EXPECT_EQ(read.layout.issues[i].raisedByLegacy, s.voices[i].parents || s.voices[i].significantAdults) << i;
    // The child's understanding is the child's experience.
    EXPECT_EQ(read.analysis.topic(Topic::ChildExperience), s.childUnderstanding);
    // What the current structure has elsewhere: the three answers and their labels, and the
    // paragraph typed under one of them.
    EXPECT_EQ(read.layout.legacyBlocks.size(), 7u);
    for (std::size_t b : read.layout.legacyBlocks)
    {
        const Paragraph& p = std::get<Paragraph>(blocks.at(b));
        const aa::StyleRole role = aa::roleOfStyle(p.style);
        EXPECT_TRUE(role.legacy || role.role == Role::Question || role.role == Role::None) << p.style << ": " << p.text;
    }
    ASSERT_EQ(read.layout.legacyHeadings.size(), 2u);
    EXPECT_EQ(std::get<Paragraph>(blocks.at(read.layout.legacyHeadings[0].first)).text, "What would help");
    EXPECT_EQ(read.layout.legacyHeadings[0].second, Section::WhatNeedsToHappen);
    EXPECT_EQ(std::get<Paragraph>(blocks.at(read.layout.legacyHeadings[1].first)).text, "Further questions");
    EXPECT_EQ(read.layout.legacyHeadings[1].second, Section::WeighingUp);
    // The plan's eight columns by their headers; review and contingency cells per row kept.
    EXPECT_EQ(read.layout.planColumns,
              (std::vector<std::optional<PlanColumn>>{ PlanColumn::Issue, PlanColumn::Outcome, PlanColumn::Action,
                                                       PlanColumn::Who, PlanColumn::Priority, PlanColumn::ByWhen,
                                                       PlanColumn::Review, PlanColumn::Contingency }));
    EXPECT_EQ(read.analysis.plan.at(1).cell(PlanColumn::Review), "At the review meeting in January");
    EXPECT_EQ(read.analysis.plan.at(2).cell(PlanColumn::Contingency), "Ask the school nurse");
    EXPECT_EQ(read.analysis.plan.at(0).cell(PlanColumn::Who), "Ms Green, with the housing officer (Mr Ali)");
    EXPECT_EQ(read.analysis.plan.at(2).help, read.analysis.list(ListKind::WhatNeedsToHappen).at(2).id);
}

TEST(ReadAnalysisSchema1, StylesLostReadTheSame)
{
    // A 0.1 report that went through Word: 0.1's labels and headings stand in for its styles.
    const Schema1 s = fixture();
    const ReadResult read = aa::readAnalysis(fixtureBlocks(s, true));
    ASSERT_TRUE(read.found);
    EXPECT_TRUE(read.legacy);
    EXPECT_EQ(aa::toJson(read.analysis), aa::toJson(expectedRead(s)));
    EXPECT_TRUE(read.analysis.unplaced.empty());
    EXPECT_EQ(read.layout.legacyHeadings.size(), 2u);
    EXPECT_EQ(read.layout.legacyAdults.size(), 2u);
}

TEST(ReadAnalysisSchema1, OnlyWhatSchema1HadMakesAdults)
{
    // No parents' answer and no voice of theirs: no adult; an adult of ours already named
    // "parents" keeps the id, the one made from 0.1's voice gets another.
    Schema1 s = fixture();
    s.parentsMotivation.clear();
    s.parentsUnderstanding.clear();
    for (Voices& v : s.voices)
        v.parents = false;
    const ReadResult none = aa::readAnalysis(Schema1Writer(s).blocks());
    ASSERT_EQ(none.analysis.adults.size(), 1u);
    EXPECT_EQ(none.analysis.adults[0].id, "otherAdults");

    Schema1 t = fixture();
    std::vector<Block> blocks = Schema1Writer(t).blocks();
    Paragraph name{ "Analysis Adult", "Pat", { "AA_adult_parents" }, { Span{ "Pat", "", "" } }, {}, false };
    blocks.insert(blocks.begin() + 2, name);
    const ReadResult both = aa::readAnalysis(blocks);
    ASSERT_EQ(both.analysis.adults.size(), 3u);
    EXPECT_EQ(both.analysis.adults[0].id, "parents");
    EXPECT_EQ(both.analysis.adults[0].name, "Pat");
    EXPECT_EQ(both.analysis.adults[1].id, "parents1");
    EXPECT_EQ(both.analysis.adults[1].part(aa::AdultPart::Motivation), t.parentsMotivation);
    EXPECT_EQ(both.analysis.issues[0].raisedByAdults, (std::vector<std::string>{ "parents1" }));
}

// ---------------------------------------------------------------------------------------------
// Updating

/// planUpdate with what was read, applied; then planPlanUpdate, applied; each read back and
/// checked: every word kept, 0.1's structure gone, the contract of analysisAfter*, no second
/// edits.
void expectBroughtToSchema2(const std::vector<Block>& blocks)
{
    const ReadResult read = aa::readAnalysis(blocks);
    ASSERT_TRUE(read.found);
    const aa::UpdatePlan plan = aa::planUpdate(read, read.analysis);
    std::set<std::size_t> inserts;
    for (const Edit& e : plan.edits)
        if (e.kind != Edit::Kind::Replace && e.kind != Edit::Kind::Delete)
        {
            EXPECT_TRUE(inserts.insert(e.block * 2 + (e.kind == Edit::Kind::InsertBefore)).second) << describe(e);
        }
    const std::vector<Block> updated = applyEdits(blocks, plan.edits);
    expectEveryWordKept(blocks, updated);
    const ReadResult after = aa::readAnalysis(updated);
    ASSERT_TRUE(after.found);
    EXPECT_TRUE(after.analysis == aa::analysisAfterUpdate(read, read.analysis))
        << aa::toJson(after.analysis) << "\n"
        << aa::toJson(aa::analysisAfterUpdate(read, read.analysis));
    EXPECT_TRUE(after.analysis == read.analysis) << "the same analysis, in the current structure";
    EXPECT_TRUE(after.layout.legacyBlocks.empty());
    EXPECT_TRUE(after.layout.legacyHeadings.empty());
    EXPECT_TRUE(after.layout.legacyAdults.empty());
    for (const aa::IssueLayout& il : after.layout.issues)
        EXPECT_FALSE(il.raisedByLegacy);
    EXPECT_EQ(after.layout.adults.size(), 2u) << "the adults are in the document now";
    for (const std::string& text : texts(updated))
    {
        EXPECT_NE(text, "Further questions");
        EXPECT_NE(text, "What would help");
        EXPECT_NE(text, "The parents' understanding");
        EXPECT_EQ(text.find("parents or carers"), std::string::npos) << text;
    }
    for (const Block& b : updated)
        if (const Paragraph* p = std::get_if<Paragraph>(&b))
        {
            EXPECT_FALSE(aa::roleOfStyle(p->style).legacy) << p->style << ": " << p->text;
        }
    // The sections 0.1 did not have are there: safety, child's experience, adults,
    // recommendation, the plan's topics.
    for (Section section : { Section::Safety, Section::ChildExperience, Section::Adults, Section::Recommendation })
        EXPECT_TRUE(after.layout.sections[static_cast<std::size_t>(section)]) << aa::jsonName(section);
    EXPECT_TRUE(after.layout.topics[static_cast<std::size_t>(Topic::PlanReview)].prompt);
    EXPECT_TRUE(aa::planUpdate(after, after.analysis).edits.empty()) << "a second update does nothing";

    // The plan: the rows of items serving two issues tied to both; every typed cell kept.
    const aa::PlanUpdatePlan planPlan = aa::planPlanUpdate(after);
    EXPECT_FALSE(planPlan.needsTable);
    for (const aa::PlanEdit& e : planPlan.edits)
        EXPECT_EQ(e.kind, aa::PlanEdit::Kind::SetIssues) << describe(e);
    const std::vector<Block> planned = aa::test::applyPlanUpdate(updated, after, planPlan);
    expectEveryWordKept(updated, planned);
    const ReadResult last = aa::readAnalysis(planned);
    EXPECT_TRUE(last.analysis == aa::analysisAfterPlanUpdate(after, planPlan));
    for (std::size_t r = 0; r < last.analysis.plan.size(); ++r)
    {
        const Item* item = last.analysis.findItem(last.analysis.plan[r].help);
        ASSERT_TRUE(item);
        EXPECT_EQ(last.analysis.plan[r].issues, item->issues) << r;
        EXPECT_EQ(last.analysis.plan[r].cells, read.analysis.plan[r].cells) << r;
    }
    EXPECT_TRUE(aa::planPlanUpdate(last).edits.empty());
    EXPECT_TRUE(aa::planUpdate(last, last.analysis).edits.empty());
}

TEST(UpdateSchema1, BringsTheReportToTheCurrentStructureWithoutLosingAWord)
{
    const Schema1 s = fixture();
    expectBroughtToSchema2(fixtureBlocks(s));
}

TEST(UpdateSchema1, StylesLostToo)
{
    const Schema1 s = fixture();
    expectBroughtToSchema2(fixtureBlocks(s, true));
}

TEST(UpdateSchema1, WhereTheNewPartsGo)
{
    const Schema1 s = fixture();
    const std::vector<Block> blocks = fixtureBlocks(s);
    const ReadResult read = aa::readAnalysis(blocks);
    const aa::UpdatePlan plan = aa::planUpdate(read, read.analysis);
    const aa::Composer compose(read.analysis);
    const aa::Layout& l = read.layout;
    std::multiset<std::string> got;
    for (const Edit& e : plan.edits)
        got.insert(describe(e));
    std::multiset<std::string> want;
    // 0.1's headings with their new wording.
    for (const auto& [block, section] : l.legacyHeadings)
        want.insert(describe(Edit::Kind::Replace, block, { compose.sectionHeading(section) }));
    // 0.1's answers that are elsewhere now, and their labels, deleted...
    for (std::size_t b : l.legacyBlocks)
        want.insert(describe(Edit::Kind::Delete, b, {}));
    // ... the safety and the child's experience under the analysis's heading, in that order ...
    std::vector<aa::NewParagraph> first = compose.section(Section::Safety, true);
    for (const aa::NewParagraph& p : compose.section(Section::ChildExperience, true))
        first.push_back(p);
    want.insert(describe(Edit::Kind::InsertAfter, *l.heading, first));
    // ... the adults and the recommendation after the weighing up (0.1 had it last) ...
    std::vector<aa::NewParagraph> later = compose.section(Section::Adults, true);
    for (const aa::NewParagraph& p : compose.section(Section::Recommendation, true))
        later.push_back(p);
    want.insert(describe(Edit::Kind::InsertAfter, l.topics[static_cast<std::size_t>(Topic::Patterns)].paragraphs.back(),
                         later));
    // ... the plan's topics under its table.
    want.insert(describe(Edit::Kind::InsertBefore, *l.planTable + 1, compose.section(Section::Plan, false)));
    // ... what helps explain each issue, which 0.1 did not ask, its prompt ...
    for (const aa::IssueLayout& il : l.issues)
        want.insert(describe(Edit::Kind::InsertAfter,
                             il.parts[static_cast<std::size_t>(IssuePart::ImpactOnChild)].paragraphs.back(),
                             { compose.prompt(aa::QuestionKey::of(IssuePart::Explanation)) }));
    // ... and the "identified by" lines naming the adults.
    for (std::size_t i = 0; i < l.issues.size(); ++i)
        if (l.issues[i].raisedByLegacy)
            want.insert(
                describe(Edit::Kind::Replace, *l.issues[i].raisedBy, { compose.raisedBy(read.analysis.issues[i]) }));
    EXPECT_EQ(got, want);
}

TEST(UpdateSchema1, TheDecksAnalysisToo)
{
    // The deck sends what it read, edited: the adults renamed and split, the child's experience
    // added to: all of it lands in the current structure.
    const Schema1 s = fixture();
    const std::vector<Block> blocks = fixtureBlocks(s);
    const ReadResult read = aa::readAnalysis(blocks);
    Analysis desired = read.analysis;
    desired.adults[0].name = "Sarah Green";
    desired.adults[0].relationship = "Maya's mother";
    aa::Adult dad;
    dad.id = "dad";
    dad.name = "Daniel Okafor";
    dad.part(aa::AdultPart::Understanding) = "Mr Okafor sees the difficulties as Ms Green's.";
    desired.adults.push_back(dad);
    desired.issues[3].raisedByAdults = { "dad" };
    desired.topic(Topic::ChildExperience) += "\nSeen alone twice.";
    desired.topic(Topic::Safety) = "Safe now.";
    desired.list(ListKind::WhatNeedsToHappen)[0].must = true;
    desired.list(ListKind::WhatNeedsToHappen)[0].ifNot = "we will meet within a week.";
    desired.list(ListKind::WhatNeedsToHappen)
        .push_back(aa::test::makeItem("Anna helps on bad mornings.", { "mentalHealth" }, "mornings"));
    desired.list(ListKind::WhatNeedsToHappen).back().must = true;
    desired.list(ListKind::SuccessSigns).push_back(aa::test::makeItem("Maya arrives with an adult."));
    desired.list(ListKind::SuccessSigns).back().items = { "mornings" };
    const aa::UpdatePlan plan = aa::planUpdate(read, desired);
    const std::vector<Block> updated = applyEdits(blocks, plan.edits);
    const ReadResult after = aa::readAnalysis(updated);
    EXPECT_TRUE(after.analysis == aa::analysisAfterUpdate(read, desired)) << aa::toJson(after.analysis);
    EXPECT_TRUE(after.layout.legacyBlocks.empty());
    EXPECT_TRUE(after.layout.legacyAdults.empty());
    EXPECT_EQ(after.analysis.adults.size(), 3u) << "parents, other significant adults, dad";
    EXPECT_EQ(after.analysis.issues[3].raisedByAdults, (std::vector<std::string>{ "dad" }));
    EXPECT_TRUE(aa::planUpdate(after, desired).edits.empty());
    // Then the plan.
    const aa::PlanUpdatePlan planPlan = aa::planPlanUpdate(after);
    const ReadResult planned = aa::readAnalysis(aa::test::applyPlanUpdate(updated, after, planPlan));
    EXPECT_TRUE(planned.analysis == aa::analysisAfterPlanUpdate(after, planPlan));
    EXPECT_TRUE(aa::planPlanUpdate(planned).edits.empty());
    // The new must's row is the first (0.1's rows are no musts), in 0.1's eight columns, its
    // outcome the sign tied to it; the typed cells of the others are where they were.
    ASSERT_EQ(planned.analysis.plan.size(), s.plan.size() + 1);
    EXPECT_EQ(planned.analysis.plan[0].help, "mornings");
    EXPECT_TRUE(planned.analysis.plan[0].must);
    EXPECT_EQ(planned.analysis.plan[0].cell(PlanColumn::Outcome), "Maya arrives with an adult.");
    EXPECT_EQ(planned.layout.planColumns.size(), 8u);
    EXPECT_EQ(planned.analysis.plan[1].cell(PlanColumn::Who), "Ms Green, with the housing officer (Mr Ali)");
    EXPECT_EQ(planned.analysis.plan[3].cell(PlanColumn::Contingency), "Ask the school nurse");
}

} // namespace

namespace
{
TEST(UpdateSchema1, AnIssueLeftOutKeepsSchema1sLineAndItsAdult)
{
    // A script updates with some of the issues: the others are kept as they are, 0.1's
    // "identified by" line included, and that line still names the adult the update wrote.
    const Schema1 s = fixture();
    const std::vector<Block> blocks = fixtureBlocks(s);
    const ReadResult read = aa::readAnalysis(blocks);
    Analysis desired = read.analysis;
    desired.issues.erase(desired.issues.begin()); // housing: identified by the parents
    for (auto& items : desired.lists)
        for (Item& item : items)
            item.issues.erase(std::remove(item.issues.begin(), item.issues.end(), "housing"), item.issues.end());
    const aa::UpdatePlan plan = aa::planUpdate(read, desired);
    EXPECT_EQ(plan.keptIssues, (std::vector<std::string>{ "housing" }));
    const std::vector<Block> updated = applyEdits(blocks, plan.edits);
    const ReadResult after = aa::readAnalysis(updated);
    EXPECT_TRUE(after.analysis == aa::analysisAfterUpdate(read, desired)) << aa::toJson(after.analysis);
    EXPECT_TRUE(after.analysis.issues.at(0) == read.analysis.issues.at(0));
    EXPECT_TRUE(contains(texts(updated), "Identified by: the practitioner, parents or carers, other workers"));
    EXPECT_EQ(after.analysis.adults.size(), 2u) << "no second \"Parents or carers\"";
    EXPECT_TRUE(after.layout.legacyAdults.empty());
    EXPECT_EQ(after.analysis.issues.at(0).raisedByAdults, (std::vector<std::string>{ "parents" }));
    EXPECT_TRUE(aa::planUpdate(after, desired).edits.empty());
}
} // namespace
