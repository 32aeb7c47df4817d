// The sidebar's logic (Panel.hpp) on the schema-2 model: the questions in the order of the
// reasoning, answers in and out of the panel, lists an item at a time (tied to nothing until the
// person chooses), must items, adults, the completeness line (safety first), missing voices, the
// question under the cursor, the review's findings as the panel lists them, and the three-way
// merge of the panel's edits with the document.
#include "AnalysisShapes.hpp"
#include "Catalogue.hpp"
#include "Compose.hpp"
#include "DocumentStructure.hpp"
#include "Json.hpp"
#include "Panel.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"
#include "Utf8.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace aa
{
/// Items and question keys print readably in failures.
void PrintTo(const Item& item, std::ostream* os)
{
    *os << "{" << ::testing::PrintToString(item.text) << ", issues " << ::testing::PrintToString(item.issues)
        << ", adults " << ::testing::PrintToString(item.adults) << ", items " << ::testing::PrintToString(item.items)
        << ", id " << ::testing::PrintToString(item.id) << (item.must ? ", must" : "")
        << (item.ifNot.empty() ? "" : ", ifNot " + ::testing::PrintToString(item.ifNot)) << "}";
}
void PrintTo(const QuestionKey& key, std::ostream* os) { *os << key.name(); }
} // namespace aa

namespace
{
using aa::Adult;
using aa::AdultPart;
using aa::Analysis;
using aa::Block;
using aa::Finding;
using aa::FindingKind;
using aa::Issue;
using aa::IssuePart;
using aa::Item;
using aa::ListKind;
using aa::PanelSelection;
using aa::Paragraph;
using aa::PlanColumn;
using aa::PlanRow;
using aa::QuestionKey;
using aa::Role;
using aa::Severity;
using aa::StyleRole;
using aa::Topic;
using aa::Voice;
using aa::test::documentBlocks;
using aa::test::idsOf;
using aa::test::makeAdult;
using aa::test::makeIssue;
using aa::test::makeItem;
using aa::test::mustItem;
using aa::test::nbsp;
using aa::test::partlyAnswered;
using aa::test::planRow;
using aa::test::tied;

/// partlyAnswered() with every question answered and every voice heard.
Analysis answered()
{
    Analysis a = partlyAnswered();
    a.issues[1].raisedBy = { Voice::OtherWorkers };
    a.issues[1].raisedByAdults = { "dad" };
    a.issues[1].part(IssuePart::MaintainingFactors) = "bm";
    for (IssuePart p : { IssuePart::Origins, IssuePart::MaintainingFactors, IssuePart::ImpactOnChild })
        a.issues[2].part(p) = "c part";
    a.adults[1].part(AdultPart::Understanding) = "du";
    a.adults[1].part(AdultPart::Motivation) = "dm";
    for (std::string& topic : a.topics)
        topic = "answered";
    a.list(ListKind::WhatNeedsToHappen)[2].issues = { "c" };
    a.hasPlan = false;
    return aa::withPlan(a);
}

PanelSelection issueSel(std::size_t issue) { return PanelSelection{ issue, std::nullopt }; }
PanelSelection adultSel(std::size_t adult) { return PanelSelection{ std::nullopt, adult }; }
const PanelSelection none{};

std::vector<std::string> namesOf(const std::vector<QuestionKey>& keys)
{
    std::vector<std::string> names;
    for (const QuestionKey& key : keys)
        names.push_back(key.name());
    return names;
}

std::multiset<std::string> asMultiset(const std::vector<QuestionKey>& keys)
{
    const std::vector<std::string> names = namesOf(keys);
    return { names.begin(), names.end() };
}

std::vector<std::string> adultIdsOf(const Analysis& a)
{
    std::vector<std::string> ids;
    for (const Adult& adult : a.adults)
        ids.push_back(adult.id);
    return ids;
}

std::vector<std::string> textsOf(const std::vector<Item>& items)
{
    std::vector<std::string> texts;
    for (const Item& item : items)
        texts.push_back(item.text);
    return texts;
}

/// Every question the panel asks, with a selection that answers it.
std::vector<std::pair<QuestionKey, PanelSelection>> everyQuestion(const Analysis& a)
{
    std::vector<std::pair<QuestionKey, PanelSelection>> out;
    for (const aa::Question& q : aa::panelQuestions())
    {
        if (q.key.perIssue())
            for (std::size_t i = 0; i < a.issues.size(); ++i)
                out.emplace_back(q.key, issueSel(i));
        else if (q.key.perAdult())
            for (std::size_t i = 0; i < a.adults.size(); ++i)
                out.emplace_back(q.key, adultSel(i));
        else
            out.emplace_back(q.key, none);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// panelQuestions

TEST(PanelQuestions, InTheOrderOfTheReasoningWithoutTheTitle)
{
    const std::vector<std::string> want
        = { "safety",       "childExperience",          "origins",         "maintainingFactors", "impactOnChild",
            "explanation",  "riskAndProtectiveBalance", "notKnown",        "absentFigures",      "culturalAndLanguage",
            "patterns",     "adultUnderstanding",       "adultMotivation", "strengths",          "whatNeedsToHappen",
            "successSigns", "recommendation",           "planReview",      "contingency",        "planAgreed" };
    std::vector<QuestionKey> keys;
    for (const aa::Question& q : aa::panelQuestions())
        keys.push_back(q.key);
    EXPECT_EQ(namesOf(keys), want);
    EXPECT_EQ(keys.front(), QuestionKey::of(Topic::Safety)) << "safety first";
}

TEST(PanelQuestions, TheCataloguesQuestionsTextsAndAll)
{
    const std::vector<aa::Question> questions = aa::panelQuestions();
    const std::vector<aa::Question> catalogue = aa::catalogue();
    ASSERT_EQ(questions.size() + 1, catalogue.size()) << "only the title is left out";
    std::size_t c = 0;
    for (const aa::Question& q : questions)
    {
        SCOPED_TRACE(q.key.name());
        if (catalogue[c].key == QuestionKey::title())
            ++c;
        const aa::Question& want = catalogue.at(c++);
        EXPECT_EQ(q.key, want.key);
        EXPECT_EQ(q.label, want.label);
        EXPECT_EQ(q.question, want.question);
        EXPECT_EQ(q.guidance, want.guidance);
        EXPECT_EQ(q.standard, want.standard);
        EXPECT_EQ(q.required, want.required);
        EXPECT_FALSE(q.label.empty());
        EXPECT_EQ(q.label.find('['), std::string::npos) << "a text missing from the resources: " << q.label;
        EXPECT_EQ(q.required, !(q.key == QuestionKey::of(IssuePart::Explanation)))
            << "only the explanation is optional";
    }
}

TEST(PanelQuestions, TextsComeFromTheStringsGiven)
{
    const aa::Strings strings = aa::Strings::parse("part.origins.label=Origines\npart.notKnown.question=Inconnu ?\n");
    const std::vector<aa::Question> questions = aa::panelQuestions(strings);
    ASSERT_EQ(questions.size(), 20u);
    EXPECT_EQ(questions[2].key, QuestionKey::of(IssuePart::Origins));
    EXPECT_EQ(questions[2].label, "Origines");
    EXPECT_EQ(questions[7].key, QuestionKey::of(Topic::NotKnown));
    EXPECT_EQ(questions[7].question, "Inconnu ?");
}

// ---------------------------------------------------------------------------------------------
// isAnswered

TEST(IsAnswered, TopicsNeedNoSelection)
{
    Analysis a = partlyAnswered();
    for (const PanelSelection& sel : { none, issueSel(0), adultSel(1) })
    {
        EXPECT_TRUE(aa::isAnswered(a, sel, QuestionKey::of(Topic::Safety)));
        EXPECT_TRUE(aa::isAnswered(a, sel, QuestionKey::of(Topic::NotKnown)));
        EXPECT_FALSE(aa::isAnswered(a, sel, QuestionKey::of(Topic::ChildExperience)));
        EXPECT_FALSE(aa::isAnswered(a, sel, QuestionKey::of(Topic::PlanAgreed)));
    }
    a.topic(Topic::Safety) = " \n" + nbsp;
    EXPECT_FALSE(aa::isAnswered(a, none, QuestionKey::of(Topic::Safety))) << "blank is not an answer";
}

TEST(IsAnswered, IssuePartsAndTheTitleForTheSelectedIssue)
{
    Analysis a = partlyAnswered();
    const QuestionKey maintaining = QuestionKey::of(IssuePart::MaintainingFactors);
    EXPECT_TRUE(aa::isAnswered(a, issueSel(0), maintaining));
    EXPECT_FALSE(aa::isAnswered(a, issueSel(1), maintaining));
    EXPECT_FALSE(aa::isAnswered(a, none, maintaining)) << "no issue selected";
    EXPECT_FALSE(aa::isAnswered(a, adultSel(0), maintaining)) << "an adult is no issue";
    EXPECT_FALSE(aa::isAnswered(a, issueSel(3), maintaining)) << "out of range";
    EXPECT_TRUE(aa::isAnswered(a, issueSel(1), QuestionKey::of(IssuePart::Explanation)));
    EXPECT_FALSE(aa::isAnswered(a, issueSel(0), QuestionKey::of(IssuePart::Explanation)));
    EXPECT_TRUE(aa::isAnswered(a, issueSel(2), QuestionKey::title()));
    a.issues[2].title = nbsp;
    EXPECT_FALSE(aa::isAnswered(a, issueSel(2), QuestionKey::title()));
}

TEST(IsAnswered, AdultPartsForTheSelectedAdult)
{
    const Analysis a = partlyAnswered();
    for (AdultPart p : { AdultPart::Understanding, AdultPart::Motivation })
    {
        const QuestionKey key = QuestionKey::of(p);
        EXPECT_TRUE(aa::isAnswered(a, adultSel(0), key));
        EXPECT_FALSE(aa::isAnswered(a, adultSel(1), key));
        EXPECT_FALSE(aa::isAnswered(a, none, key));
        EXPECT_FALSE(aa::isAnswered(a, issueSel(0), key)) << "an issue is no adult";
        EXPECT_FALSE(aa::isAnswered(a, adultSel(2), key)) << "out of range";
    }
}

TEST(IsAnswered, AListWithAnItem)
{
    Analysis a = partlyAnswered();
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
        EXPECT_TRUE(aa::isAnswered(a, none, QuestionKey::of(static_cast<ListKind>(k))));
    a.list(ListKind::SuccessSigns).clear();
    EXPECT_FALSE(aa::isAnswered(a, issueSel(0), QuestionKey::of(ListKind::SuccessSigns)));
}

// ---------------------------------------------------------------------------------------------
// panelAnswer

TEST(PanelAnswer, IssuePartsNeedAnIssue)
{
    const Analysis a = partlyAnswered();
    EXPECT_EQ(aa::panelAnswer(a, issueSel(0), QuestionKey::of(IssuePart::Origins)), "o1\no2");
    EXPECT_EQ(aa::panelAnswer(a, issueSel(1), QuestionKey::of(IssuePart::ImpactOnChild)), "bi1\n\nbi3");
    EXPECT_EQ(aa::panelAnswer(a, issueSel(1), QuestionKey::of(IssuePart::Explanation)), "be");
    EXPECT_EQ(aa::panelAnswer(a, issueSel(1), QuestionKey::of(IssuePart::MaintainingFactors)), "");
    EXPECT_EQ(aa::panelAnswer(a, none, QuestionKey::of(IssuePart::Origins)), "");
    EXPECT_EQ(aa::panelAnswer(a, adultSel(0), QuestionKey::of(IssuePart::Origins)), "");
    EXPECT_EQ(aa::panelAnswer(a, issueSel(3), QuestionKey::of(IssuePart::Origins)), "") << "out of range";
}

TEST(PanelAnswer, AdultPartsNeedAnAdult)
{
    const Analysis a = partlyAnswered();
    EXPECT_EQ(aa::panelAnswer(a, adultSel(0), QuestionKey::of(AdultPart::Understanding)), "u1");
    EXPECT_EQ(aa::panelAnswer(a, adultSel(0), QuestionKey::of(AdultPart::Motivation)), "mo1\nmo2");
    EXPECT_EQ(aa::panelAnswer(a, PanelSelection{ 2, 0 }, QuestionKey::of(AdultPart::Motivation)), "mo1\nmo2")
        << "the selected issue does not matter";
    EXPECT_EQ(aa::panelAnswer(a, adultSel(1), QuestionKey::of(AdultPart::Motivation)), "");
    EXPECT_EQ(aa::panelAnswer(a, issueSel(0), QuestionKey::of(AdultPart::Understanding)), "");
    EXPECT_EQ(aa::panelAnswer(a, adultSel(2), QuestionKey::of(AdultPart::Understanding)), "") << "out of range";
}

TEST(PanelAnswer, TopicsWithOrWithoutASelectionListsAndTheTitleNever)
{
    const Analysis a = partlyAnswered();
    for (const PanelSelection& sel : { none, issueSel(2), adultSel(1), PanelSelection{ 7, 9 } })
    {
        EXPECT_EQ(aa::panelAnswer(a, sel, QuestionKey::of(Topic::Safety)), "safe1");
        EXPECT_EQ(aa::panelAnswer(a, sel, QuestionKey::of(Topic::NotKnown)), "n1\nn2");
        EXPECT_EQ(aa::panelAnswer(a, sel, QuestionKey::of(Topic::Patterns)), "");
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
            EXPECT_EQ(aa::panelAnswer(a, sel, QuestionKey::of(static_cast<ListKind>(k))), "")
                << "lists are edited an item at a time";
        EXPECT_EQ(aa::panelAnswer(a, sel, QuestionKey::title()), "") << "the issues panel edits the title";
    }
}

// ---------------------------------------------------------------------------------------------
// setPanelAnswer

TEST(SetPanelAnswer, IssuePartIsWrittenWithLineBreaksNormalised)
{
    Analysis a = partlyAnswered();
    const QuestionKey maintaining = QuestionKey::of(IssuePart::MaintainingFactors);
    EXPECT_TRUE(aa::setPanelAnswer(a, issueSel(1), maintaining, "x1\r\ny2\rz3\r\n\r\n"));
    EXPECT_EQ(a.issues[1].part(IssuePart::MaintainingFactors), "x1\ny2\nz3") << "trailing line breaks go";
    EXPECT_EQ(a.issues[0].part(IssuePart::MaintainingFactors), "m1") << "only the selected issue";
    EXPECT_EQ(a.issues[2].part(IssuePart::MaintainingFactors), "");
    // A blank line in the middle stays: it is a paragraph.
    const QuestionKey origins = QuestionKey::of(IssuePart::Origins);
    EXPECT_TRUE(aa::setPanelAnswer(a, issueSel(0), origins, "p1\r\n\r\np3"));
    EXPECT_EQ(a.issues[0].part(IssuePart::Origins), "p1\n\np3");
    EXPECT_EQ(aa::panelAnswer(a, issueSel(0), origins), "p1\n\np3");
    EXPECT_TRUE(aa::setPanelAnswer(a, issueSel(2), QuestionKey::of(IssuePart::Explanation), "Research says\r\n"));
    EXPECT_EQ(a.issues[2].part(IssuePart::Explanation), "Research says");
}

TEST(SetPanelAnswer, AdultPartIsWrittenForTheSelectedAdultOnly)
{
    Analysis a = partlyAnswered();
    EXPECT_TRUE(aa::setPanelAnswer(a, PanelSelection{ 0, 1 }, QuestionKey::of(AdultPart::Motivation),
                                   "He wants to see Maya\r\nevery Saturday\r\n"));
    EXPECT_EQ(a.adults[1].part(AdultPart::Motivation), "He wants to see Maya\nevery Saturday");
    EXPECT_EQ(a.adults[0].part(AdultPart::Motivation), "mo1\nmo2");
    for (const Issue& issue : a.issues)
        for (const std::string& part : issue.parts)
            EXPECT_EQ(part.find("Saturday"), std::string::npos) << "not written into the selected issue";
}

TEST(SetPanelAnswer, TopicNeedsNoSelection)
{
    Analysis a = partlyAnswered();
    EXPECT_TRUE(aa::setPanelAnswer(a, none, QuestionKey::of(Topic::Patterns),
                                   "Three referrals in two years\r\nNo follow-up\r\n"));
    EXPECT_EQ(a.topic(Topic::Patterns), "Three referrals in two years\nNo follow-up");
    EXPECT_TRUE(aa::setPanelAnswer(a, issueSel(1), QuestionKey::of(Topic::NotKnown), ""));
    EXPECT_EQ(a.topic(Topic::NotKnown), "");
    EXPECT_TRUE(aa::setPanelAnswer(a, adultSel(1), QuestionKey::of(Topic::Recommendation), "A child in need plan"));
    EXPECT_EQ(a.topic(Topic::Recommendation), "A child in need plan");
    for (const Issue& issue : a.issues)
        for (const std::string& part : issue.parts)
            EXPECT_EQ(part.find("referrals"), std::string::npos) << "not written into an issue";
}

TEST(SetPanelAnswer, FalseWhenNothingChanged)
{
    Analysis a = partlyAnswered();
    const Analysis before = a;
    EXPECT_FALSE(aa::setPanelAnswer(a, issueSel(0), QuestionKey::of(IssuePart::Origins), "o1\no2"));
    EXPECT_FALSE(aa::setPanelAnswer(a, issueSel(0), QuestionKey::of(IssuePart::Origins), "o1\r\no2\r\n"))
        << "only line breaks differ";
    EXPECT_FALSE(aa::setPanelAnswer(a, none, QuestionKey::of(Topic::NotKnown), "n1\rn2"));
    for (const auto& [key, sel] : everyQuestion(a))
        EXPECT_FALSE(aa::setPanelAnswer(a, sel, key, aa::panelAnswer(a, sel, key)))
            << key.name() << " shown and put back unchanged";
    EXPECT_TRUE(a == before) << aa::toJson(a);
}

TEST(SetPanelAnswer, WithoutItsIssueOrAdultOrForAListOrTheTitleChangesNothing)
{
    Analysis a = partlyAnswered();
    const Analysis before = a;
    EXPECT_FALSE(aa::setPanelAnswer(a, none, QuestionKey::of(IssuePart::Origins), "new"));
    EXPECT_FALSE(aa::setPanelAnswer(a, adultSel(0), QuestionKey::of(IssuePart::Origins), "new"));
    EXPECT_FALSE(aa::setPanelAnswer(a, issueSel(3), QuestionKey::of(IssuePart::Origins), "new"));
    EXPECT_FALSE(aa::setPanelAnswer(a, issueSel(0), QuestionKey::of(AdultPart::Understanding), "new"));
    EXPECT_FALSE(aa::setPanelAnswer(a, adultSel(2), QuestionKey::of(AdultPart::Understanding), "new"));
    EXPECT_FALSE(aa::setPanelAnswer(a, issueSel(0), QuestionKey::title(), "A new title"));
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
        EXPECT_FALSE(aa::setPanelAnswer(a, issueSel(0), QuestionKey::of(static_cast<ListKind>(k)), "x\ny"));
    EXPECT_TRUE(a == before) << aa::toJson(a);
}

// ---------------------------------------------------------------------------------------------
// Lists, an item at a time

TEST(AddItem, AppendsATrimmedOneLineItemTiedToNothing)
{
    for (std::size_t k = 0; k < aa::listKindCount; ++k)
    {
        const auto kind = static_cast<ListKind>(k);
        SCOPED_TRACE(aa::jsonName(kind));
        Analysis a = partlyAnswered();
        const std::vector<Item> before = a.list(kind);
        const std::size_t index = aa::addItem(a, kind, "  Grandmother helps\r\ndaily \r\n");
        ASSERT_EQ(index, before.size());
        ASSERT_EQ(a.list(kind).size(), before.size() + 1);
        EXPECT_EQ(std::vector<Item>(a.list(kind).begin(), a.list(kind).begin() + static_cast<std::ptrdiff_t>(index)),
                  before)
            << "the others stay";
        const Item& added = a.list(kind)[index];
        EXPECT_EQ(added.text, "Grandmother helps daily");
        EXPECT_TRUE(added.issues.empty()) << "never a silent guess";
        EXPECT_TRUE(added.adults.empty());
        EXPECT_TRUE(added.items.empty());
        EXPECT_FALSE(added.must);
        EXPECT_EQ(added.ifNot, "");
        EXPECT_EQ(aa::itemLine(a, kind, index), "Grandmother helps daily (tied to nothing yet)");
    }
}

TEST(AddItem, WhatNeedsToHappenGetsItsIdAtOnceOthersNone)
{
    Analysis a = partlyAnswered();
    const std::size_t first = aa::addItem(a, ListKind::WhatNeedsToHappen, "A weekly visit");
    const std::string id = a.list(ListKind::WhatNeedsToHappen)[first].id;
    EXPECT_EQ(id, aa::test::hashHelpId("A weekly visit"));
    EXPECT_TRUE(aa::isValidId(id));
    // The same text again gets an id of its own, and the items before keep theirs.
    const std::size_t second = aa::addItem(a, ListKind::WhatNeedsToHappen, "A weekly visit");
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[first].id, id);
    EXPECT_NE(a.list(ListKind::WhatNeedsToHappen)[second].id, id);
    EXPECT_FALSE(a.list(ListKind::WhatNeedsToHappen)[second].id.empty());
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[0].id, "h_one");
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[2].id, "h_own");
    // So a success sign can be tied to it straight away.
    const std::size_t sign = aa::addItem(a, ListKind::SuccessSigns, "Maya is at school by 8.50");
    aa::setItemTies(a, ListKind::SuccessSigns, sign, {}, {}, { id });
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[sign].items, std::vector<std::string>{ id });
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[sign].id, "");
    EXPECT_EQ(a.list(ListKind::Strengths)[aa::addItem(a, ListKind::Strengths, "Gran")].id, "");
}

TEST(ItemLine, TheTextAndWhatItIsTiedTo)
{
    Analysis a = partlyAnswered();
    EXPECT_EQ(aa::itemLine(a, ListKind::Strengths, 0), "s1 (tied to: Issue A; Sarah Green)");
    EXPECT_EQ(aa::itemLine(a, ListKind::Strengths, 1), "s2 (tied to nothing yet)");
    EXPECT_EQ(aa::itemLine(a, ListKind::WhatNeedsToHappen, 0), "Must happen: h1 (tied to: Issue A)");
    EXPECT_EQ(aa::itemLine(a, ListKind::WhatNeedsToHappen, 1), "h2 (tied to: Issue B; Issue A)")
        << "in the item's order";
    EXPECT_EQ(aa::itemLine(a, ListKind::WhatNeedsToHappen, 2), "h3 (tied to nothing yet)");
    EXPECT_EQ(aa::itemLine(a, ListKind::SuccessSigns, 0), "sign a (tied to: h1)");
    // A long item's text is cut short, at a character boundary.
    a.list(ListKind::WhatNeedsToHappen)[0].text = aa::test::repeat("é", 30); // 60 bytes
    EXPECT_EQ(aa::itemLine(a, ListKind::SuccessSigns, 0), "sign a (tied to: " + aa::test::repeat("é", 20) + "...)");
    // Ties to what the analysis does not have are not shown.
    a.list(ListKind::Strengths)[1].issues = { "gone" };
    a.list(ListKind::Strengths)[1].adults = { "nobody" };
    EXPECT_EQ(aa::itemLine(a, ListKind::Strengths, 1), "s2 (tied to nothing yet)");
    EXPECT_THROW(aa::itemLine(a, ListKind::Strengths, 2), std::out_of_range);
}

TEST(ItemLine, TextsComeFromTheStringsGiven)
{
    const aa::Strings strings = aa::Strings::parse(
        "item.mustPrefix=Obligatoire\\u0020:\\u0020\n"
        "panel.item.untied=\\u0020(libre)\npanel.item.tied=\\u0020(lié à {1})\n");
    const Analysis a = partlyAnswered();
    EXPECT_EQ(aa::itemLine(a, ListKind::WhatNeedsToHappen, 0, strings), "Obligatoire : h1 (lié à Issue A)");
    EXPECT_EQ(aa::itemLine(a, ListKind::WhatNeedsToHappen, 2, strings), "h3 (libre)");
}

TEST(SetItemText, TrimmedOneLineKeepingTiesIdAndMust)
{
    Analysis a = partlyAnswered();
    EXPECT_TRUE(aa::setItemText(a, ListKind::WhatNeedsToHappen, 0, "  h1 reworded\r\nin two lines "));
    Item want = mustItem("h1 reworded in two lines", { "a" }, "h_one", "if1");
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[0], want);
    EXPECT_FALSE(aa::setItemText(a, ListKind::WhatNeedsToHappen, 0, "h1 reworded in two lines")) << "nothing changed";
    EXPECT_FALSE(aa::setItemText(a, ListKind::WhatNeedsToHappen, 0, " h1 reworded in two lines\r\n"));
    EXPECT_TRUE(aa::setItemText(a, ListKind::Strengths, 0, "s1 again"));
    EXPECT_EQ(a.list(ListKind::Strengths)[0], tied("s1 again", { "a" }, { "mum" }));
    const Analysis before = a;
    EXPECT_FALSE(aa::setItemText(a, ListKind::SuccessSigns, 1, "out of range"));
    EXPECT_TRUE(a == before);
}

TEST(RemoveItem, TheItemGoesAndSuccessSignsAreNoLongerTiedToIt)
{
    Analysis a = partlyAnswered();
    a.list(ListKind::SuccessSigns).push_back(tied("sign two", {}, {}, { "h_one", "h_own" }));
    aa::removeItem(a, ListKind::WhatNeedsToHappen, 0);
    EXPECT_EQ(textsOf(a.list(ListKind::WhatNeedsToHappen)), (std::vector<std::string>{ "h2", "h3" }));
    EXPECT_EQ(a.list(ListKind::SuccessSigns),
              (std::vector<Item>{ tied("sign a", {}, {}, {}), tied("sign two", {}, {}, { "h_own" }) }));
    aa::removeItem(a, ListKind::Strengths, 1);
    EXPECT_EQ(a.list(ListKind::Strengths), (std::vector<Item>{ tied("s1", { "a" }, { "mum" }) }));
    const Analysis before = a;
    aa::removeItem(a, ListKind::Strengths, 1);
    aa::removeItem(a, ListKind::WhatNeedsToHappen, 5);
    EXPECT_TRUE(a == before) << "out of range: nothing happens";
}

TEST(MoveItem, SwapsWithTheNeighbourKeepingTies)
{
    Analysis a = partlyAnswered();
    const std::vector<Item> was = a.list(ListKind::WhatNeedsToHappen);
    EXPECT_TRUE(aa::moveItem(a, ListKind::WhatNeedsToHappen, 1, true));
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen), (std::vector<Item>{ was[1], was[0], was[2] }));
    EXPECT_TRUE(aa::moveItem(a, ListKind::WhatNeedsToHappen, 1, false));
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen), (std::vector<Item>{ was[1], was[2], was[0] }));
    EXPECT_FALSE(aa::moveItem(a, ListKind::WhatNeedsToHappen, 0, true)) << "the first up";
    EXPECT_FALSE(aa::moveItem(a, ListKind::WhatNeedsToHappen, 2, false)) << "the last down";
    EXPECT_FALSE(aa::moveItem(a, ListKind::WhatNeedsToHappen, 3, true)) << "out of range";
    EXPECT_FALSE(aa::moveItem(a, ListKind::SuccessSigns, 0, false)) << "alone in its list";
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen), (std::vector<Item>{ was[1], was[2], was[0] }));
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0].items, std::vector<std::string>{ "h_one" }) << "ties follow ids";
}

TEST(SetItemTies, ChosenTiesInTheAnalysisOrderUnknownOnesLeftOut)
{
    Analysis a = partlyAnswered();
    aa::setItemTies(a, ListKind::Strengths, 1, { "c", "gone", "a", "c" }, { "dad", "nobody", "mum" }, { "h_one" });
    EXPECT_EQ(a.list(ListKind::Strengths)[1], tied("s2", { "a", "c" }, { "mum", "dad" }))
        << "issues and adults in the analysis's order, once each; strengths tie to no item";
    aa::setItemTies(a, ListKind::WhatNeedsToHappen, 2, { "b", "c" }, { "mum" }, { "h_one" });
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[2], makeItem("h3", { "b", "c" }, "h_own"))
        << "what needs to happen ties to issues only";
    aa::setItemTies(a, ListKind::SuccessSigns, 0, { "b" }, { "dad" }, { "h_own", "missing", "h_one" });
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0], tied("sign a", { "b" }, {}, { "h_one", "h_own" }))
        << "success signs tie to issues and items";
    // Choosing nothing unties.
    aa::setItemTies(a, ListKind::Strengths, 0, {}, {}, {});
    EXPECT_EQ(a.list(ListKind::Strengths)[0], makeItem("s1"));
    EXPECT_EQ(aa::itemLine(a, ListKind::Strengths, 0), "s1 (tied to nothing yet)");
    const Analysis before = a;
    aa::setItemTies(a, ListKind::Strengths, 2, { "a" }, {}, {});
    EXPECT_TRUE(a == before) << "out of range: nothing happens";
}

TEST(SetItemTies, ChoosingTwoIssuesLinksBothInThePlan)
{
    Analysis a = partlyAnswered();
    const std::size_t i = aa::addItem(a, ListKind::WhatNeedsToHappen, "Walking bus with two neighbours");
    aa::setItemTies(a, ListKind::WhatNeedsToHappen, i, { "c", "b" }, {}, {});
    const PlanRow row = aa::planRowFor(a, a.list(ListKind::WhatNeedsToHappen)[i]);
    EXPECT_EQ(row.issues, (std::vector<std::string>{ "b", "c" }));
    EXPECT_EQ(row.help, a.list(ListKind::WhatNeedsToHappen)[i].id);
}

TEST(SetItemMust, MarksAMustWithItsConsequence)
{
    Analysis a = partlyAnswered();
    aa::setItemMust(a, 1, true, "  we will call\r\na meeting ");
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[1], mustItem("h2", { "b", "a" }, "h_two", "we will call a meeting"));
    EXPECT_EQ(aa::itemLine(a, ListKind::WhatNeedsToHappen, 1), "Must happen: h2 (tied to: Issue B; Issue A)");
    aa::setItemMust(a, 2, true, "");
    EXPECT_TRUE(a.list(ListKind::WhatNeedsToHappen)[2].must) << "a must may not say yet (the review reports it)";
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[2].ifNot, "");
    aa::setItemMust(a, 0, false, "");
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[0], makeItem("h1", { "a" }, "h_one"));
    EXPECT_EQ(aa::itemLine(a, ListKind::WhatNeedsToHappen, 0), "h1 (tied to: Issue A)");
    // Musts come first in the plan.
    const std::vector<PlanRow> plan = aa::derivePlan(a);
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_EQ(plan[0].help, "h_two");
    EXPECT_EQ(plan[1].help, "h_own");
    EXPECT_EQ(plan[2].help, "h_one");
    const Analysis before = a;
    aa::setItemMust(a, 3, true, "x");
    EXPECT_TRUE(a == before) << "out of range: nothing happens";
}

// ---------------------------------------------------------------------------------------------
// emptyParts, issueListEntry

TEST(EmptyParts, TheLabelsOfBlankRequiredPartsInOrder)
{
    const Analysis a = partlyAnswered();
    EXPECT_TRUE(aa::emptyParts(a.issues[0]).empty()) << "the explanation is optional";
    EXPECT_EQ(aa::emptyParts(a.issues[1]), (std::vector<std::string>{ "What keeps it going?" }));
    EXPECT_EQ(aa::emptyParts(a.issues[2]), (std::vector<std::string>{ "Why did it start?", "What keeps it going?",
                                                                      "What is the impact on the child?" }));
    Issue blank = a.issues[0];
    blank.part(IssuePart::Origins) = " \n\t";
    blank.part(IssuePart::ImpactOnChild) = nbsp + "\n" + nbsp;
    EXPECT_EQ(aa::emptyParts(blank),
              (std::vector<std::string>{ "Why did it start?", "What is the impact on the child?" }))
        << "blank counts as empty";
    const aa::Strings strings = aa::Strings::parse("part.maintainingFactors.label=Maintien\n");
    EXPECT_EQ(aa::emptyParts(a.issues[1], strings), (std::vector<std::string>{ "Maintien" }));
}

TEST(IssueListEntry, NumberTitleAnsweredAndWhetherThePlanHasAnAction)
{
    Analysis a = partlyAnswered();
    ASSERT_TRUE(aa::hasPlanAction(a, "b")) << "the derived plan's row for h2 serves b and a";
    EXPECT_EQ(aa::issueListEntry(a, 0), "1. Issue A (3 of 3 answered)");
    EXPECT_EQ(aa::issueListEntry(a, 1), "2. Issue B (2 of 3 answered)");
    EXPECT_EQ(aa::issueListEntry(a, 2), "3. Issue C (0 of 3 answered), no action yet");
    a.plan[1].cell(PlanColumn::Action) = nbsp;
    EXPECT_EQ(aa::issueListEntry(a, 1), "2. Issue B (2 of 3 answered), no action yet");
    EXPECT_EQ(aa::issueListEntry(a, 0), "1. Issue A (3 of 3 answered)") << "a still has the must's row";
    a.issues[2].title = " " + nbsp;
    EXPECT_EQ(aa::issueListEntry(a, 2), "3. (untitled) (0 of 3 answered), no action yet");
    EXPECT_THROW(aa::issueListEntry(a, 3), std::out_of_range);
}

// ---------------------------------------------------------------------------------------------
// missingVoices, voicesLine

TEST(MissingVoices, TheVoicesThenTheAdultsNoIssueRecords)
{
    Analysis a = partlyAnswered();
    EXPECT_EQ(aa::missingVoices(a), (std::vector<std::string>{ "other workers", "Dan Okafor (Maya's father)" }));
    a.issues[2].raisedByAdults = { "dad" };
    EXPECT_EQ(aa::missingVoices(a), (std::vector<std::string>{ "other workers" }));
    a.issues[1].raisedBy = { Voice::OtherWorkers };
    EXPECT_TRUE(aa::missingVoices(a).empty());
    a.issues[0].raisedByAdults.clear();
    a.adults[0].relationship = "";
    EXPECT_EQ(aa::missingVoices(a), (std::vector<std::string>{ "Sarah Green" }))
        << "the name alone without a relationship";
    a.issues.clear();
    EXPECT_EQ(aa::missingVoices(a), (std::vector<std::string>{ "the practitioner", "the child", "other workers",
                                                               "Sarah Green", "Dan Okafor (Maya's father)" }));
    a.adults.clear();
    EXPECT_EQ(aa::missingVoices(a).size(), aa::voiceCount);
}

TEST(VoicesLine, NoIssuesMissingVoicesOrAllHeard)
{
    Analysis a = partlyAnswered();
    EXPECT_EQ(aa::voicesLine(a), "No issue records the view of: other workers, Dan Okafor (Maya's father).");
    a.issues[0].raisedBy = { Voice::Practitioner, Voice::OtherWorkers };
    a.issues[1].raisedByAdults = { "dad" };
    EXPECT_EQ(aa::voicesLine(a), "No issue records the view of: the child.");
    a.issues[2].raisedBy = { Voice::Child };
    EXPECT_EQ(aa::voicesLine(a), "Every voice is recorded in at least one issue.");
    a.issues.clear();
    EXPECT_EQ(aa::voicesLine(a), "No key issues yet: add the first one below.");
}

// ---------------------------------------------------------------------------------------------
// completenessLine

TEST(CompletenessLine, WhatIsStillEmptySafetyFirst)
{
    Analysis a = partlyAnswered();
    EXPECT_EQ(aa::completenessLine(a),
              "Still empty: the child\u2019s experience and understanding; the questions of 2 key issues; 4 of the "
              "weighing-up questions; what we know of Dan Okafor; the recommendation; how the plan will be "
              "reviewed; the contingency; who agreed the plan. 1 of 3 key issues have no action in the plan yet.");
    a.topic(Topic::Safety) = nbsp;
    const std::string line = aa::completenessLine(a);
    EXPECT_EQ(line.rfind("Still empty: how safe the child is now; the child\u2019s experience and understanding; ", 0),
              0u)
        << line;
}

TEST(CompletenessLine, EveryQuestionAnswered)
{
    Analysis a = answered();
    EXPECT_EQ(aa::completenessLine(a), "Every question has an answer.");
    a.issues[0].part(IssuePart::Explanation) = "";
    EXPECT_EQ(aa::completenessLine(a), "Every question has an answer.") << "the explanation is optional";
    a.plan[2].cell(PlanColumn::Action) = ""; // c's only row
    EXPECT_EQ(aa::completenessLine(a),
              "Every question has an answer. 1 of 3 key issues have no action in the plan yet.");
    a.topic(Topic::PlanAgreed) = "";
    EXPECT_EQ(aa::completenessLine(a),
              "Still empty: who agreed the plan. 1 of 3 key issues have no action in the plan yet.");
}

TEST(CompletenessLine, EachGapInOrder)
{
    Analysis a = answered();
    a.topic(Topic::Contingency) = "";
    a.topic(Topic::PlanReview) = " ";
    a.topic(Topic::Recommendation) = "\n";
    a.list(ListKind::SuccessSigns).clear();
    a.list(ListKind::WhatNeedsToHappen).clear();
    a.list(ListKind::Strengths).clear();
    a.adults[0].part(AdultPart::Motivation) = "";
    a.adults[1].part(AdultPart::Understanding) = "";
    a.topic(Topic::Patterns) = "";
    a.issues[2].part(IssuePart::ImpactOnChild) = "";
    a.topic(Topic::ChildExperience) = "";
    a.topic(Topic::Safety) = "";
    a.plan.clear();
    EXPECT_EQ(aa::completenessLine(a),
              "Still empty: how safe the child is now; the child\u2019s experience and understanding; the questions of "
              "one key issue; 1 of the weighing-up questions; what we know of Sarah Green; what we know of Dan "
              "Okafor; the strengths; what needs to happen; the success signs; the recommendation; how the plan "
              "will be reviewed; the contingency. 3 of 3 key issues have no action in the plan yet.");
    a.adults.clear();
    a.issues.clear();
    EXPECT_EQ(
        aa::completenessLine(a),
        "Still empty: how safe the child is now; the child\u2019s experience and understanding; the key issues; 1 "
        "of the weighing-up questions; the adults in the child\u2019s life; the strengths; what needs to happen; "
        "the success signs; the recommendation; how the plan will be reviewed; the contingency.")
        << "no issues: they are what is empty, and no count of issues without an action";
}

TEST(CompletenessLine, TheExemplarIsCompleteAndEveryVoiceHeard)
{
    const Analysis sample = aa::parseAnalysis(aa::test::readFile(AA_SAMPLES_DIR "/sample-analysis.json"));
    ASSERT_EQ(sample.adults.size(), 2u);
    EXPECT_EQ(aa::completenessLine(sample), "Every question has an answer.");
    EXPECT_EQ(aa::voicesLine(sample), "Every voice is recorded in at least one issue.");
    for (std::size_t i = 0; i < sample.issues.size(); ++i)
    {
        const std::string entry = aa::issueListEntry(sample, i);
        EXPECT_NE(entry.find("(3 of 3 answered)"), std::string::npos) << entry;
        EXPECT_EQ(entry.find("no action"), std::string::npos) << entry;
    }
    for (const auto& [key, sel] : everyQuestion(sample))
        EXPECT_TRUE(aa::isAnswered(sample, sel, key) || key == QuestionKey::of(IssuePart::Explanation)) << key.name();
}

// ---------------------------------------------------------------------------------------------
// newIssueId, newAdultId, addIssue, addAdult, removeAdult

TEST(NewIds, TheFirstFreeNumber)
{
    Analysis a;
    EXPECT_EQ(aa::newIssueId(a), "issue1");
    EXPECT_EQ(aa::newAdultId(a), "adult1");
    a = partlyAnswered();
    EXPECT_EQ(aa::newIssueId(a), "issue1");
    EXPECT_EQ(aa::newAdultId(a), "adult1");
    a.issues[0].id = "issue1";
    a.issues[1].id = "issue2";
    a.adults[0].id = "adult1";
    EXPECT_EQ(aa::newIssueId(a), "issue3") << "taken ids are skipped";
    EXPECT_EQ(aa::newAdultId(a), "adult2");
    a.adults[1].id = "issue3";
    EXPECT_EQ(aa::newIssueId(a), "issue3") << "issues and adults have ids of their own";
    EXPECT_TRUE(aa::isValidId(aa::newIssueId(a)));
    EXPECT_TRUE(aa::isValidId(aa::newAdultId(a)));
}

TEST(NewIds, NotAnIdALinkInTheDocumentStillPointsTo)
{
    // An issue removed: its plan row keeps its link until Update action plan flags it. A new
    // issue given that id would inherit the row (and the review would call it served).
    Analysis a = partlyAnswered();
    a.issues[0].id = "issue1";
    a.issues[1].id = "issue2";
    a.issues.pop_back();
    a.plan.at(0).issues = { "issue3" };
    EXPECT_EQ(aa::newIssueId(a), "issue4");
    a.list(ListKind::Strengths).at(0).issues = { "issue4" };
    EXPECT_EQ(aa::newIssueId(a), "issue5");
    // The same for adults, through the "identified by" lines and the items.
    a.adults[0].id = "adult1";
    a.issues[0].raisedByAdults = { "adult2" };
    EXPECT_EQ(aa::newAdultId(a), "adult3");
}

TEST(AddIssue, AppendsATrimmedOneLineTitleWithAFreeId)
{
    Analysis a = partlyAnswered();
    a.issues[0].id = "issue1";
    const std::size_t index = aa::addIssue(a, "  Housing is\r\nunsafe \r\n");
    ASSERT_EQ(index, 3u);
    ASSERT_EQ(a.issues.size(), 4u);
    const Issue& added = a.issues[3];
    EXPECT_EQ(added.title, "Housing is unsafe");
    EXPECT_EQ(added.id, "issue2");
    EXPECT_TRUE(added.raisedBy.empty());
    EXPECT_TRUE(added.raisedByAdults.empty());
    for (const std::string& part : added.parts)
        EXPECT_EQ(part, "");
    EXPECT_EQ(idsOf(a), (std::vector<std::string>{ "issue1", "b", "c", "issue2" })) << "the others stay";
    EXPECT_EQ(aa::addIssue(a, "\tNo\rschool\nplace\t"), 4u);
    EXPECT_EQ(a.issues[4].title, "No school place") << "line breaks become spaces";
    EXPECT_EQ(a.issues[4].id, "issue3");
    EXPECT_EQ(a.lists, partlyAnswered().lists) << "nothing is tied to a new issue";
}

TEST(AddAdult, AppendsANamedAdultWithAFreeId)
{
    Analysis a = partlyAnswered();
    const std::size_t index = aa::addAdult(a, " Anna\r\nGreen ", " Maya's aunt\n");
    ASSERT_EQ(index, 2u);
    EXPECT_EQ(a.adults[2], makeAdult("adult1", "Anna Green", "Maya's aunt"));
    EXPECT_EQ(aa::addAdult(a, "Grandad", ""), 3u);
    EXPECT_EQ(a.adults[3], makeAdult("adult2", "Grandad", ""));
    EXPECT_EQ(adultIdsOf(a), (std::vector<std::string>{ "mum", "dad", "adult1", "adult2" }));
    EXPECT_EQ(aa::missingVoices(a).back(), "Grandad") << "a new adult has identified nothing yet";
}

TEST(RemoveAdult, TheAdultAndEveryTieToThemGo)
{
    Analysis a = partlyAnswered();
    a.issues[1].raisedByAdults = { "mum", "dad" };
    a.list(ListKind::Strengths)[1].adults = { "dad", "mum" };
    aa::removeAdult(a, 0);
    EXPECT_EQ(adultIdsOf(a), std::vector<std::string>{ "dad" });
    EXPECT_TRUE(a.issues[0].raisedByAdults.empty());
    EXPECT_EQ(a.issues[0].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::Child })) << "voices stay";
    EXPECT_EQ(a.issues[1].raisedByAdults, std::vector<std::string>{ "dad" });
    EXPECT_EQ(a.list(ListKind::Strengths), (std::vector<Item>{ tied("s1", { "a" }), tied("s2", {}, { "dad" }) }))
        << "the items stay, with their other ties";
    const Analysis before = a;
    aa::removeAdult(a, 1);
    EXPECT_TRUE(a == before) << "out of range: nothing happens";
}

// ---------------------------------------------------------------------------------------------
// questionKeyAt

TEST(QuestionKeyAt, AnswersByTheirStyle)
{
    for (const std::string& text : { std::string(), std::string("anything") })
    {
        EXPECT_EQ(aa::questionKeyAt({ Role::IssueTitle, 0 }, text), QuestionKey::title());
        EXPECT_EQ(aa::questionKeyAt({ Role::RaisedBy, 0 }, text), QuestionKey::title());
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
            EXPECT_EQ(aa::questionKeyAt({ Role::IssuePartAnswer, p }, text),
                      QuestionKey::of(static_cast<IssuePart>(p)));
        for (std::size_t p = 0; p < aa::adultPartCount; ++p)
            EXPECT_EQ(aa::questionKeyAt({ Role::AdultAnswer, p }, text), QuestionKey::of(static_cast<AdultPart>(p)));
        EXPECT_EQ(aa::questionKeyAt({ Role::AdultName, 0 }, text), QuestionKey::of(AdultPart::Understanding))
            << "an adult's heading leads to their first question";
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
            EXPECT_EQ(aa::questionKeyAt({ Role::ListItem, k }, text), QuestionKey::of(static_cast<ListKind>(k)));
        EXPECT_EQ(aa::questionKeyAt({ Role::IfNot, 0 }, text), QuestionKey::of(ListKind::WhatNeedsToHappen));
        for (std::size_t t = 0; t < aa::topicCount; ++t)
            EXPECT_EQ(aa::questionKeyAt({ Role::TopicAnswer, t }, text), QuestionKey::of(static_cast<Topic>(t)));
    }
    EXPECT_EQ(aa::questionKeyAt({ Role::IssuePartAnswer, aa::issuePartCount }, "x"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::AdultAnswer, aa::adultPartCount }, "x"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::ListItem, aa::listKindCount }, "x"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::TopicAnswer, aa::topicCount }, "x"), std::nullopt);
}

TEST(QuestionKeyAt, QuestionLabelsByTheirText)
{
    for (const aa::Question& q : aa::catalogue())
    {
        SCOPED_TRACE(q.label);
        EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, q.label), q.key);
        EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "  " + q.label + "\t"), q.key) << "trimmed";
    }
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Why did it start? Because"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "why did it start?"), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, ""), std::nullopt);
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Strengths found in the assessment"), std::nullopt)
        << "a section's heading text is not a question label";
    const aa::Strings strings = aa::Strings::parse("part.origins.label=Origines\n");
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Origines", strings), QuestionKey::of(IssuePart::Origins));
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, "Why did it start?", strings), std::nullopt);
}

TEST(QuestionKeyAt, SectionsAskedOnceByTheirHeading)
{
    const aa::Strings& strings = aa::Strings::builtIn();
    const std::pair<const char*, QuestionKey> sections[] = {
        { "safety", QuestionKey::of(Topic::Safety) },
        { "childExperience", QuestionKey::of(Topic::ChildExperience) },
        { "weighingUp", QuestionKey::of(Topic::RiskAndProtectiveBalance) },
        { "strengths", QuestionKey::of(ListKind::Strengths) },
        { "whatNeedsToHappen", QuestionKey::of(ListKind::WhatNeedsToHappen) },
        { "successSigns", QuestionKey::of(ListKind::SuccessSigns) },
        { "recommendation", QuestionKey::of(Topic::Recommendation) },
        { "plan", QuestionKey::of(Topic::PlanReview) },
    };
    for (const auto& [section, key] : sections)
        EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, strings.get(std::string("section.") + section)), key)
            << section;
    EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, "How everyone will know things are better"),
              QuestionKey::of(ListKind::SuccessSigns));
    // Sections asked of each issue or adult, and those that are no question.
    for (const char* section : { "section.issues", "section.adults", "section.analysis", "section.supervision" })
        EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, strings.get(section)), std::nullopt) << section;
    EXPECT_EQ(aa::questionKeyAt({ Role::Subheading, 0 }, "My own heading"), std::nullopt);
    // A section's heading is no question label.
    EXPECT_EQ(aa::questionKeyAt({ Role::Question, 0 }, strings.get("section.weighingUp")), std::nullopt);
}

TEST(QuestionKeyAt, NothingOutsideTheQuestionsAndAnswers)
{
    const std::string label = aa::test::label(QuestionKey::of(IssuePart::Origins));
    const std::string section = aa::Strings::builtIn().get("section.strengths");
    for (Role role : { Role::None, Role::Heading, Role::PlanHeader, Role::PlanCell, Role::PlanFlag,
                       Role::SupervisionHeader, Role::SupervisionCell })
        for (const std::string& text : { std::string(), std::string("text"), label, section })
            EXPECT_EQ(aa::questionKeyAt({ role, 0 }, text), std::nullopt) << aa::styleName(role) << " | " << text;
}

TEST(QuestionKeyAt, EveryRoleOfTheAnalysisStylesIsDecided)
{
    // Which roles lead to a question; a new role added to allStyleRoles() without a decision
    // here fails.
    const std::set<Role> questionRoles = { Role::IssueTitle,      Role::RaisedBy,   Role::Question, Role::Subheading,
                                           Role::IssuePartAnswer, Role::ListItem,   Role::IfNot,    Role::TopicAnswer,
                                           Role::AdultName,       Role::AdultAnswer };
    const std::set<Role> otherRoles = { Role::Heading,  Role::PlanHeader,        Role::PlanCell,
                                        Role::PlanFlag, Role::SupervisionHeader, Role::SupervisionCell };
    for (const StyleRole& r : aa::allStyleRoles())
    {
        SCOPED_TRACE(aa::styleName(r.role, r.index));
        ASSERT_EQ(questionRoles.count(r.role) + otherRoles.count(r.role), 1u);
        const std::string text = r.role == Role::Subheading ? aa::Strings::builtIn().get("section.whatNeedsToHappen")
                                                            : aa::test::label(QuestionKey::of(Topic::NotKnown));
        EXPECT_EQ(aa::questionKeyAt(r, text).has_value(), questionRoles.count(r.role) == 1);
    }
}

// ---------------------------------------------------------------------------------------------
// findingRows, findingCounts

Finding finding(FindingKind kind, Severity severity, aa::Place::Kind place, const std::string& message,
                const std::string& issue = {}, std::size_t index = 0)
{
    Finding f;
    f.rule = "test.rule";
    f.kind = kind;
    f.severity = severity;
    f.message = message;
    f.place.kind = place;
    f.place.issue = issue;
    f.place.index = index;
    return f;
}

Finding certain(Severity severity, aa::Place::Kind place, const std::string& message, const std::string& issue = {},
                std::size_t index = 0)
{
    return finding(FindingKind::Certain, severity, place, message, issue, index);
}

Finding question(aa::Place::Kind place, const std::string& message, const std::string& issue = {},
                 std::size_t index = 0)
{
    return finding(FindingKind::Judgement, Severity::Warning, place, message, issue, index);
}

using RowView = std::pair<std::string, std::optional<std::size_t>>;

std::vector<RowView> viewOf(const std::vector<aa::FindingRow>& rows)
{
    std::vector<RowView> out;
    for (const aa::FindingRow& row : rows)
        out.emplace_back(row.text, row.finding);
    return out;
}

RowView heading(const std::string& text) { return { text, std::nullopt }; }

const std::string certainHeading = "Certain findings";
const std::string questionsHeading = "Questions about the writing (judgements; they can be wrong)";

TEST(FindingRows, CertainFindingsThenJudgementsEachByPlaceAndSeverity)
{
    using K = aa::Place::Kind;
    const std::vector<Finding> findings = {
        question(K::IssuePart, "why b", "b", 0),                                   // 0
        certain(Severity::Warning, K::IssueTitle, "b title warning", "b"),         // 1
        certain(Severity::Info, K::PlanRow, "plan note", "", 0),                   // 2
        question(K::PlanArrangement, "review plan?", "", 8),                       // 3
        certain(Severity::Info, K::ListItem, "list note", "", 1),                  // 4
        certain(Severity::Error, K::IssuePart, "b part error", "b", 2),            // 5
        certain(Severity::Warning, K::Topic, "topic warning", "", 3),              // 6
        question(K::Adult, "dad's motivation?", "dad", 1),                         // 7
        certain(Severity::Error, K::PlanRow, "plan error", "a", 1),                // 8
        certain(Severity::Warning, K::IssuePart, "a warning", "a"),                // 9
        certain(Severity::Error, K::Analysis, "analysis error"),                   // 10
        certain(Severity::Warning, K::IssuePart, "unknown issue warning", "gone"), // 11
        question(K::IssueTitle, "jargon in a's title", "a"),                       // 12
        certain(Severity::Warning, K::Adult, "mum's understanding", "mum"),        // 13
        certain(Severity::Error, K::PlanArrangement, "no review", "", 8),          // 14
        certain(Severity::Warning, K::Supervision, "no supervision"),              // 15
        certain(Severity::Warning, K::ReportPrompt, "a prompt left", "", 0),       // 16
        question(K::ListItem, "vague sign", "", 2),                                // 17
    };
    const std::vector<RowView> want = {
        heading(certainHeading),
        heading("  The analysis as a whole"),
        { "    Error: analysis error", 10 },
        { "    Warning: topic warning", 6 },
        { "    Warning: unknown issue warning", 11 },
        { "    Warning: mum's understanding", 13 },
        { "    Warning: no supervision", 15 },
        { "    Warning: a prompt left", 16 },
        { "    Note: list note", 4 },
        heading("  Key issue: Issue A"),
        { "    Warning: a warning", 9 },
        heading("  Key issue: Issue B"),
        { "    Error: b part error", 5 },
        { "    Warning: b title warning", 1 },
        heading("  The action plan"),
        { "    Error: plan error", 8 },
        { "    Error: no review", 14 },
        { "    Note: plan note", 2 },
        heading(questionsHeading),
        heading("  The analysis as a whole"),
        { "    Question: dad's motivation?", 7 },
        { "    Question: vague sign", 17 },
        heading("  Key issue: Issue A"),
        { "    Question: jargon in a's title", 12 },
        heading("  Key issue: Issue B"),
        { "    Question: why b", 0 },
        heading("  The action plan"),
        { "    Question: review plan?", 3 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, partlyAnswered())), want)
        << "issue c has no findings, so no heading; a plan row about an issue stays in the plan";
}

TEST(FindingRows, IssueGroupsFollowTheDocumentNotTheFindings)
{
    using K = aa::Place::Kind;
    Analysis a = partlyAnswered();
    std::swap(a.issues[0], a.issues[2]); // c, b, a
    const std::vector<Finding> findings = {
        certain(Severity::Info, K::IssuePart, "a note", "a"),
        certain(Severity::Error, K::IssueTitle, "c error", "c"),
        certain(Severity::Warning, K::IssuePart, "b warning", "b"),
        certain(Severity::Warning, K::PlanRow, "plan warning"),
        certain(Severity::Error, K::IssuePart, "a error", "a"),
    };
    const std::vector<RowView> want = {
        heading(certainHeading),         heading("  Key issue: Issue C"),
        { "    Error: c error", 1 },     heading("  Key issue: Issue B"),
        { "    Warning: b warning", 2 }, heading("  Key issue: Issue A"),
        { "    Error: a error", 4 },     { "    Note: a note", 0 },
        heading("  The action plan"),    { "    Warning: plan warning", 3 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, a)), want)
        << "no whole-analysis findings, no such heading; no judgements, no such heading";
}

TEST(FindingRows, NoFindingsNoRowsAndOnlyJudgementsOnlyTheirHeading)
{
    EXPECT_TRUE(aa::findingRows({}, partlyAnswered()).empty());
    EXPECT_TRUE(aa::findingRows({}, Analysis()).empty());
    using K = aa::Place::Kind;
    const std::vector<Finding> findings = {
        question(K::PlanRow, "who exactly?"),
        question(K::IssuePart, "why?", "a"),
        question(K::IssueTitle, "a title question", ""),
    };
    const std::vector<RowView> want = {
        heading(questionsHeading),    heading("  The analysis as a whole"),
        { "    Question: why?", 1 },  { "    Question: a title question", 2 },
        heading("  The action plan"), { "    Question: who exactly?", 0 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, Analysis())), want)
        << "without issues, an issue's finding is the whole analysis's";
}

TEST(FindingRows, EveryFindingOnceUnderOneHeadingCertainFirstSortedBySeverityAndStable)
{
    // Many findings in a fixed pseudo-random order: the structure holds whatever the order.
    const Analysis a = partlyAnswered();
    const std::vector<aa::Place::Kind> kinds = { aa::Place::Kind::Analysis,     aa::Place::Kind::IssueTitle,
                                                 aa::Place::Kind::IssuePart,    aa::Place::Kind::ListItem,
                                                 aa::Place::Kind::Topic,        aa::Place::Kind::Adult,
                                                 aa::Place::Kind::PlanRow,      aa::Place::Kind::PlanArrangement,
                                                 aa::Place::Kind::ReportPrompt, aa::Place::Kind::Supervision };
    const std::vector<std::string> issueIds = { "a", "b", "c", "gone", "" };
    std::mt19937 rng(20240607u);
    std::vector<Finding> findings;
    for (int i = 0; i < 300; ++i)
        findings.push_back(finding(rng() % 3 ? FindingKind::Certain : FindingKind::Judgement,
                                   static_cast<Severity>(rng() % 3), kinds[rng() % kinds.size()],
                                   "finding " + std::to_string(i), issueIds[rng() % issueIds.size()]));
    auto groupOf = [&](const Finding& f) -> std::string {
        if (f.place.kind == aa::Place::Kind::PlanRow || f.place.kind == aa::Place::Kind::PlanArrangement)
            return "  The action plan";
        if (f.place.kind == aa::Place::Kind::IssueTitle || f.place.kind == aa::Place::Kind::IssuePart)
            if (const Issue* issue = a.findIssue(f.place.issue))
                return "  Key issue: " + issue->title;
        return "  The analysis as a whole";
    };
    const char* words[] = { "Error", "Warning", "Note" };

    const std::vector<aa::FindingRow> rows = aa::findingRows(findings, a);
    std::vector<std::string> kindHeadings, groupHeadings;
    std::vector<int> seen(findings.size(), 0);
    std::optional<std::size_t> previous; // the finding on the row before, in the same group
    for (const aa::FindingRow& row : rows)
    {
        if (!row.finding)
        {
            (row.text.rfind("  ", 0) == 0 ? groupHeadings : kindHeadings).push_back(row.text);
            previous.reset();
            EXPECT_TRUE(&row != &rows.back() && ((&row + 1)->finding || (&row + 1)->text.rfind("  ", 0) == 0))
                << "a heading without findings: " << row.text;
            continue;
        }
        ASSERT_LT(*row.finding, findings.size());
        ASSERT_FALSE(groupHeadings.empty()) << "a finding before any heading: " << row.text;
        const Finding& f = findings[*row.finding];
        ++seen[*row.finding];
        const bool judgement = f.kind == FindingKind::Judgement;
        EXPECT_EQ(kindHeadings.back(), judgement ? questionsHeading : certainHeading) << row.text;
        EXPECT_EQ(row.text, std::string("    ") + (judgement ? "Question" : words[static_cast<int>(f.severity)]) + ": "
                                + f.message);
        EXPECT_EQ(groupHeadings.back(), groupOf(f)) << row.text;
        if (previous)
        {
            const Finding& p = findings[*previous];
            EXPECT_TRUE(p.severity < f.severity || (p.severity == f.severity && *previous < *row.finding))
                << "errors, then warnings, then notes, each in the order found: " << p.message << " before "
                << f.message;
        }
        previous = row.finding;
    }
    EXPECT_EQ(seen, std::vector<int>(findings.size(), 1)) << "every finding exactly once";
    EXPECT_EQ(kindHeadings, (std::vector<std::string>{ certainHeading, questionsHeading }));
    const std::vector<std::string> groups = { "  The analysis as a whole", "  Key issue: Issue A",
                                              "  Key issue: Issue B", "  Key issue: Issue C", "  The action plan" };
    std::vector<std::string> twice = groups;
    twice.insert(twice.end(), groups.begin(), groups.end());
    EXPECT_EQ(groupHeadings, twice);
    EXPECT_EQ(rows.size(), findings.size() + kindHeadings.size() + groupHeadings.size());
}

TEST(FindingRows, TextsComeFromTheStringsGiven)
{
    const aa::Strings strings = aa::Strings::parse("panel.review.certain=Sûr\n"
                                                   "panel.review.judgements=Questions\n"
                                                   "panel.review.group.analysis=Ensemble\n"
                                                   "panel.review.group.issue=Question « {1} »\n"
                                                   "panel.review.group.plan=Plan\n"
                                                   "panel.severity.error=Erreur\n"
                                                   "panel.severity.warning=Avertissement\n"
                                                   "panel.severity.info=Remarque\n"
                                                   "panel.severity.question=À demander\n");
    using K = aa::Place::Kind;
    const std::vector<Finding> findings
        = { certain(Severity::Info, K::Analysis, "m0"), certain(Severity::Warning, K::IssuePart, "m1", "b"),
            certain(Severity::Error, K::PlanRow, "m2"), question(K::IssuePart, "m3", "b") };
    const std::vector<RowView> want = {
        heading("Sûr"),
        heading("  Ensemble"),
        { "    Remarque: m0", 0 },
        heading("  Question « Issue B »"),
        { "    Avertissement: m1", 1 },
        heading("  Plan"),
        { "    Erreur: m2", 2 },
        heading("Questions"),
        heading("  Question « Issue B »"),
        { "    À demander: m3", 3 },
    };
    EXPECT_EQ(viewOf(aa::findingRows(findings, partlyAnswered(), strings)), want);
}

TEST(FindingCounts, CertainFindingsBySeverityAndQuestionsApart)
{
    using K = aa::Place::Kind;
    EXPECT_EQ(aa::findingCounts({}),
              "0 certain findings (0 errors, 0 warnings, 0 notes) and 0 questions about the writing.");
    const Finding error = certain(Severity::Error, K::Analysis, "e");
    const Finding warning = certain(Severity::Warning, K::PlanRow, "w");
    const Finding note = certain(Severity::Info, K::IssuePart, "n", "a");
    const Finding q = question(K::IssuePart, "q", "a");
    EXPECT_EQ(aa::findingCounts({ error, warning, error }),
              "3 certain findings (2 errors, 1 warnings, 0 notes) and 0 questions about the writing.");
    EXPECT_EQ(aa::findingCounts({ note, warning, q, note, error, q, note, warning }),
              "6 certain findings (1 errors, 2 warnings, 3 notes) and 2 questions about the writing.")
        << "a judgement is counted as a question, never as a warning";
    const aa::Strings strings = aa::Strings::parse(
        "panel.review.counts={5} questions, {1} sûrs : {4} remarques, {3} avertissements, {2} erreurs");
    EXPECT_EQ(aa::findingCounts({ note, warning, q, note, error, note, warning }, strings),
              "1 questions, 6 sûrs : 3 remarques, 2 avertissements, 1 erreurs");
}

// ---------------------------------------------------------------------------------------------
// analysisHasParagraph

TEST(AnalysisHasParagraph, BlankParagraphsAlwaysAre)
{
    std::vector<QuestionKey> keys{ QuestionKey::title() };
    for (const aa::Question& q : aa::panelQuestions())
        keys.push_back(q.key);
    for (const Analysis& a : { partlyAnswered(), Analysis() })
        for (const QuestionKey& key : keys)
            for (const std::string& paragraph :
                 { std::string(), std::string(" "), std::string("\t"), nbsp, " " + nbsp + "\t" })
                EXPECT_TRUE(aa::analysisHasParagraph(a, key, paragraph))
                    << key.name() << " " << aa::test::jsonQuote(paragraph);
}

TEST(AnalysisHasParagraph, AnyLineOfTheIssuePartInAnyIssue)
{
    const Analysis a = partlyAnswered();
    const QuestionKey origins = QuestionKey::of(IssuePart::Origins);
    for (const char* paragraph : { "o1", "o2", "bo" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, origins, paragraph)) << paragraph;
    EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::of(IssuePart::MaintainingFactors), "m1"));
    EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::of(IssuePart::Explanation), "be"));
    for (const char* paragraph : { "i1", "i2", "bi1", "bi3" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::of(IssuePart::ImpactOnChild), paragraph)) << paragraph;
    // Not a line of that part: another part's, a piece of a line, a line with more, the whole text.
    for (const char* paragraph : { "m1", "i1", "o", "o1 ", "o1 typed by hand", "o1\no2", "bi2", "Issue A", "n1", "s1" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, origins, paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, QuestionKey::of(IssuePart::MaintainingFactors), "o1"));
    EXPECT_FALSE(aa::analysisHasParagraph(Analysis(), origins, "o1")) << "no issues";
}

TEST(AnalysisHasParagraph, TitlesAndTheIdentifiedByLine)
{
    const Analysis a = partlyAnswered();
    const aa::Composer compose(a);
    for (const std::string& paragraph :
         { std::string("Issue A"), std::string("Issue C"), compose.raisedBy(a.issues[0]).text(),
           std::string("Identified by: other workers") })
        EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::title(), paragraph)) << paragraph;
    for (const char* paragraph : { "Issue D", "Issue", "issue a", "Issue A ", "Issue A renamed", "o1", "s1",
                                   "Issue A: renamed by hand with a colon" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, QuestionKey::title(), paragraph)) << paragraph;
    Analysis untitled = a;
    for (Issue& issue : untitled.issues)
        issue.title.clear();
    EXPECT_FALSE(aa::analysisHasParagraph(untitled, QuestionKey::title(), "Issue A"));
}

TEST(AnalysisHasParagraph, AdultsHeadingsAndAnswersByLine)
{
    Analysis a = partlyAnswered();
    const QuestionKey understanding = QuestionKey::of(AdultPart::Understanding);
    const QuestionKey motivation = QuestionKey::of(AdultPart::Motivation);
    EXPECT_TRUE(aa::analysisHasParagraph(a, understanding, "u1"));
    EXPECT_TRUE(aa::analysisHasParagraph(a, motivation, "mo2"));
    EXPECT_TRUE(aa::analysisHasParagraph(a, understanding, "Sarah Green (Maya's mother)")) << "the heading";
    EXPECT_TRUE(aa::analysisHasParagraph(a, understanding, "Dan Okafor (Maya's father)"));
    for (const char* paragraph : { "u", "mo1", "Sarah Green", "Sarah Green (mother)", "u1 typed" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, understanding, paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, motivation, "u1"));
}

TEST(AnalysisHasParagraph, ListItemsByTheirTextFollowedByTheirTiesAndMustLines)
{
    Analysis a = partlyAnswered();
    const QuestionKey strengths = QuestionKey::of(ListKind::Strengths);
    const QuestionKey needs = QuestionKey::of(ListKind::WhatNeedsToHappen);
    for (const char* paragraph : { "s1", "s1 (about: Issue A, Sarah Green (Maya's mother))", "s2" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, strengths, paragraph)) << paragraph;
    for (const char* paragraph :
         { "Must happen: h1 (about: Issue A)", "If this does not happen: if1", "h2 (about: Issue B, Issue A)", "h3" })
        EXPECT_TRUE(aa::analysisHasParagraph(a, needs, paragraph)) << paragraph;
    EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::of(ListKind::SuccessSigns),
                                         "sign a (shows that this is working: h1)"));
    for (const char* paragraph : { "s3", "x s1", "s", "S1", "h1", "sign a", "(about: Issue A)" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, strengths, paragraph)) << paragraph;
    for (const char* paragraph : { "h1 (about: Issue A)", "If this does not happen: if1 and more", "Must happen: h4" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, needs, paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, QuestionKey::of(ListKind::SuccessSigns), "sign b"));
    // An item without text (ties only) is not the start of every paragraph.
    a.list(ListKind::Strengths).push_back(makeItem("", { "b" }));
    EXPECT_FALSE(aa::analysisHasParagraph(a, strengths, "Typed in the document"));
    a.list(ListKind::Strengths).clear();
    EXPECT_FALSE(aa::analysisHasParagraph(a, strengths, "s1"));
}

TEST(AnalysisHasParagraph, WordsTypedAfterAnItemsTextMakeItAnotherItem)
{
    // Regression: an item's paragraph counted as current when it merely began with the item's
    // text, so after "s1" became "s1 typed by hand" in the document the deck went on showing "s1"
    // (issue 14: the deck shows the document's current text before it is edited).
    const Analysis a = partlyAnswered();
    const QuestionKey strengths = QuestionKey::of(ListKind::Strengths);
    const QuestionKey needs = QuestionKey::of(ListKind::WhatNeedsToHappen);
    for (const char* paragraph : { "s1 typed by hand", "s1 typed (about: Issue A, Sarah Green (Maya's mother))", "s10",
                                   "s2, and more", "s1(about: Issue A)" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, strengths, paragraph)) << paragraph;
    for (const char* paragraph : { "Must happen: h1 and more (about: Issue A)", "h2 reworded", "h3 typed", "h2x" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, needs, paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, QuestionKey::of(ListKind::SuccessSigns),
                                          "sign a typed (shows that this is working: h1)"));
    // Its ties after it, as the writer puts them, are still the item.
    EXPECT_TRUE(aa::analysisHasParagraph(a, strengths, "s1 (about: Issue A)"));
    EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::of(ListKind::SuccessSigns),
                                         "sign a (shows that this is working: h1) (about: Issue B)"));
}

TEST(AnalysisHasParagraph, TopicsByLine)
{
    Analysis a = partlyAnswered();
    const QuestionKey notKnown = QuestionKey::of(Topic::NotKnown);
    EXPECT_TRUE(aa::analysisHasParagraph(a, notKnown, "n1"));
    EXPECT_TRUE(aa::analysisHasParagraph(a, notKnown, "n2"));
    EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::of(Topic::Safety), "safe1"));
    for (const char* paragraph : { "n", "n3", "n1\nn2", "n1 and more", "o1", "safe1" })
        EXPECT_FALSE(aa::analysisHasParagraph(a, notKnown, paragraph)) << paragraph;
    EXPECT_FALSE(aa::analysisHasParagraph(a, QuestionKey::of(Topic::Patterns), "n1")) << "another question's line";
    a.topic(Topic::Patterns) = "p1\n\np3";
    EXPECT_TRUE(aa::analysisHasParagraph(a, QuestionKey::of(Topic::Patterns), "p3"));
}

TEST(AnalysisHasParagraph, EveryParagraphTheWriterMakesIsAndAChangedOneIsNot)
{
    // The cursor follower asks about the paragraphs of the document as the writer lays them out.
    Analysis a = answered();
    a.topic(Topic::Patterns) = "p1\n\np3";
    a.issues[2].part(IssuePart::Explanation) = "";
    std::map<Role, std::size_t> checked;
    for (const Block& block : documentBlocks(a))
    {
        const Paragraph* p = std::get_if<Paragraph>(&block);
        if (!p)
            continue;
        const StyleRole role = aa::roleOfStyle(p->style);
        if (role.role == Role::Question || role.role == Role::Subheading)
            continue; // question labels and section headings are not answers
        const std::optional<QuestionKey> key = aa::questionKeyAt(role, p->text);
        if (!key)
            continue;
        ++checked[role.role];
        EXPECT_TRUE(aa::analysisHasParagraph(a, *key, p->text)) << key->name() << ": " << p->text;
        if (aa::isBlank(p->text) || role.role == Role::RaisedBy)
            continue;
        EXPECT_FALSE(aa::analysisHasParagraph(a, *key, "Typed " + p->text)) << key->name() << ": " << p->text;
    }
    const std::map<Role, std::size_t> want = {
        { Role::IssueTitle, 3 }, { Role::RaisedBy, 3 },     { Role::IssuePartAnswer, 16 },
        { Role::AdultName, 2 },  { Role::AdultAnswer, 5 },  { Role::ListItem, 6 },
        { Role::IfNot, 1 },      { Role::TopicAnswer, 13 },
    };
    EXPECT_EQ(checked, want) << "every kind of answer paragraph was asked about";
}

TEST(AnalysisHasParagraph, EveryParagraphOfTheExemplarIs)
{
    const Analysis sample = aa::parseAnalysis(aa::test::readFile(AA_SAMPLES_DIR "/sample-analysis.json"));
    std::size_t checked = 0;
    for (const Block& block : documentBlocks(sample))
    {
        const Paragraph* p = std::get_if<Paragraph>(&block);
        if (!p)
            continue;
        const StyleRole role = aa::roleOfStyle(p->style);
        if (role.role == Role::Question || role.role == Role::Subheading)
            continue;
        if (const std::optional<QuestionKey> key = aa::questionKeyAt(role, p->text))
        {
            ++checked;
            EXPECT_TRUE(aa::analysisHasParagraph(sample, *key, p->text)) << key->name() << ": " << p->text;
        }
    }
    EXPECT_GT(checked, 40u);
}

// ---------------------------------------------------------------------------------------------
// mergePanelEdits

/// The update command parses what the panel sends it, so the merged analysis must pass.
::testing::AssertionResult updatable(const Analysis& a)
{
    try
    {
        aa::parseAnalysis(aa::toJson(a), aa::Strings::builtIn(), aa::ParseMode::Update);
        return ::testing::AssertionSuccess();
    }
    catch (const std::exception& e)
    {
        return ::testing::AssertionFailure() << e.what() << "\n" << aa::toJson(a);
    }
}

TEST(MergePanelEdits, NoChangesAnywhereGivesTheDocumentsAnalysis)
{
    const Analysis a = partlyAnswered();
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(a, a, a, &conflicts);
    EXPECT_TRUE(merged == a) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(aa::mergePanelEdits(a, a, a) == a) << "conflicts need not be asked for";
}

/// partlyAnswered() with a change of every kind made in the document by hand.
Analysis changedInTheDocument()
{
    Analysis current = partlyAnswered();
    current.issues[0].title = "Issue A renamed in the document";
    current.issues[0].raisedBy = { Voice::OtherWorkers };
    current.issues[1].raisedByAdults = { "dad" };
    current.issues[1].part(IssuePart::Origins) = "bo\ntyped in the document";
    current.issues[2].part(IssuePart::ImpactOnChild) = "typed under c";
    current.issues[0].part(IssuePart::ImpactOnChild) = "";
    current.adults[0].name = "Sarah Green-Hill";
    current.adults[1].part(AdultPart::Motivation) = "typed about dad";
    current.adults.push_back(makeAdult("gran", "Rose Green", "Maya's grandmother", "gu"));
    current.list(ListKind::Strengths).push_back(tied("s3 typed", { "c" }, { "gran" }));
    current.list(ListKind::WhatNeedsToHappen)[1].text = "h2 reworded in the document";
    current.list(ListKind::WhatNeedsToHappen)[2].must = true;
    current.list(ListKind::SuccessSigns).clear();
    current.topic(Topic::Patterns) = "patterns typed";
    current.topic(Topic::NotKnown) = "";
    current.topic(Topic::Safety) = "safe1\nsafe2";
    current.plan.at(0).cell(PlanColumn::Outcome) = "outcome typed";
    current.plan.push_back(planRow({ "c" }, "an action typed"));
    Issue d = makeIssue("d", "Issue D typed in the document", {}, { "gran" }, "do", "", "");
    current.issues.insert(current.issues.begin() + 1, d);
    current.unplaced.push_back("stray text");
    return current;
}

TEST(MergePanelEdits, OnlyTheDocumentChangedGivesTheDocumentsAnalysis)
{
    const Analysis current = changedInTheDocument();
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), partlyAnswered(), current, &conflicts);
    EXPECT_TRUE(merged == current) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEdits, TheSameChangeOnBothSidesIsNoConflict)
{
    // As when the document was read back after the panel's own write.
    const Analysis current = changedInTheDocument();
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), current, current, &conflicts);
    EXPECT_TRUE(merged == current) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty()) << ::testing::PrintToString(namesOf(conflicts));
}

TEST(MergePanelEdits, OnlyThePanelChangedGivesThePanelsValues)
{
    Analysis draft = partlyAnswered();
    draft.issues[1].title = "Issue B renamed in the panel";
    draft.issues[2].raisedBy = { Voice::Child };
    draft.issues[2].raisedByAdults = { "mum", "dad" };
    draft.issues[0].raisedBy.clear();
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::Origins), "o1\npanel line"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(1), QuestionKey::of(IssuePart::ImpactOnChild), ""));
    ASSERT_TRUE(aa::setPanelAnswer(draft, adultSel(1), QuestionKey::of(AdultPart::Understanding), "du from the panel"));
    draft.adults[1].relationship = "Maya and Leo's father";
    ASSERT_TRUE(aa::setItemText(draft, ListKind::WhatNeedsToHappen, 0, "h1 reworded"));
    const std::size_t added = aa::addItem(draft, ListKind::WhatNeedsToHappen, "h4 from the panel");
    aa::setItemTies(draft, ListKind::WhatNeedsToHappen, added, { "c" }, {}, {});
    aa::setItemMust(draft, 1, true, "a meeting within a week");
    aa::removeItem(draft, ListKind::SuccessSigns, 0);
    ASSERT_TRUE(aa::setPanelAnswer(draft, none, QuestionKey::of(Topic::NotKnown), "n1"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, none, QuestionKey::of(Topic::AbsentFigures), "Father abroad"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, none, QuestionKey::of(Topic::Recommendation), "A child in need plan"));
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, partlyAnswered(), &conflicts);
    EXPECT_TRUE(merged == draft) << aa::toJson(merged);
    EXPECT_EQ(merged.list(ListKind::WhatNeedsToHappen),
              (std::vector<Item>{ mustItem("h1 reworded", { "a" }, "h_one", "if1"),
                                  mustItem("h2", { "b", "a" }, "h_two", "a meeting within a week"),
                                  makeItem("h3", {}, "h_own"),
                                  makeItem("h4 from the panel", { "c" }, aa::test::hashHelpId("h4 from the panel")) }))
        << "ties, ids and musts as the panel left them";
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, BothChangedDifferentThingsGetsBoth)
{
    Analysis draft = partlyAnswered();
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::Origins), "o1\no2\npanel origins"));
    aa::setItemTies(draft, ListKind::Strengths, 1, { "c" }, { "dad" }, {});
    ASSERT_TRUE(aa::setPanelAnswer(draft, none, QuestionKey::of(Topic::NotKnown), "n1\nn2\npanel unknown"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, adultSel(0), QuestionKey::of(AdultPart::Motivation), "mo1\nmo2\npanel mo"));
    draft.issues[1].title = "B from the panel";
    draft.issues[2].raisedBy = { Voice::Child };

    Analysis current = partlyAnswered();
    current.issues[0].part(IssuePart::MaintainingFactors) = "m1\ndocument factor";
    current.issues[1].part(IssuePart::Origins) = "document origins of b";
    current.issues[2].title = "C from the document";
    current.issues[0].raisedBy = { Voice::Practitioner };
    current.list(ListKind::WhatNeedsToHappen)[0].text = "h1 in the document";
    current.topic(Topic::Patterns) = "document patterns";
    current.adults[0].part(AdultPart::Understanding) = "u1\ndocument u";
    current.adults[1].name = "Daniel Okafor";

    Analysis want = current;
    want.issues[0].part(IssuePart::Origins) = "o1\no2\npanel origins";
    want.list(ListKind::Strengths)[1] = tied("s2", { "c" }, { "dad" });
    want.topic(Topic::NotKnown) = "n1\nn2\npanel unknown";
    want.adults[0].part(AdultPart::Motivation) = "mo1\nmo2\npanel mo";
    want.issues[1].title = "B from the panel";
    want.issues[2].raisedBy = { Voice::Child };

    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_TRUE(merged == want) << aa::toJson(merged);
    EXPECT_TRUE(conflicts.empty()) << ::testing::PrintToString(namesOf(conflicts));
}

TEST(MergePanelEdits, BothChangedTheSameAnswerKeepsBothTextsTheDocumentsFirst)
{
    Analysis draft = partlyAnswered();
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::Origins), "o1\no2\npanel line"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(1), QuestionKey::of(IssuePart::Origins), "bo\npanel b"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::ImpactOnChild), "i1 from the panel"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, none, QuestionKey::of(Topic::NotKnown), "panel n"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, adultSel(0), QuestionKey::of(AdultPart::Understanding), "panel u"));
    Analysis current = partlyAnswered();
    current.issues[0].part(IssuePart::Origins) = "o1\ndocument line\no2";
    current.issues[1].part(IssuePart::Origins) = "document b";
    current.topic(Topic::NotKnown) = "n1\nn2\ndocument n";
    current.topic(Topic::Patterns) = "document patterns";
    current.adults[0].part(AdultPart::Understanding) = "document u";

    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1\ndocument line\no2\no1\no2\npanel line");
    EXPECT_EQ(merged.issues[1].part(IssuePart::Origins), "document b\nbo\npanel b");
    EXPECT_EQ(merged.topic(Topic::NotKnown), "n1\nn2\ndocument n\npanel n");
    EXPECT_EQ(merged.adults[0].part(AdultPart::Understanding), "document u\npanel u");
    EXPECT_EQ(merged.issues[0].part(IssuePart::ImpactOnChild), "i1 from the panel") << "changed in the panel only";
    EXPECT_EQ(merged.topic(Topic::Patterns), "document patterns") << "changed in the document only";
    EXPECT_EQ(merged.issues[2].part(IssuePart::Origins), "");
    EXPECT_EQ(asMultiset(conflicts), (std::multiset<std::string>{ "origins", "notKnown", "adultUnderstanding" }))
        << "each key once, though two issues' origins clash";
}

TEST(MergePanelEdits, TitleIdentifiedByOrNameChangedOnBothSidesKeepsTheDocuments)
{
    Analysis draft = partlyAnswered();
    draft.issues[0].title = "A from the panel";
    draft.issues[1].raisedBy = { Voice::Child };
    draft.issues[2].title = "C from the panel";
    draft.issues[2].raisedByAdults = { "mum" };
    Analysis current = partlyAnswered();
    current.issues[0].title = "A from the document";
    current.issues[1].raisedBy = { Voice::OtherWorkers };
    current.issues[2].title = "C from the document";
    current.issues[2].raisedByAdults = { "dad" };

    std::vector<QuestionKey> conflicts;
    Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_TRUE(merged == current) << aa::toJson(merged);
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "title" }) << "once, for four clashes";

    // The adults identifying an issue, alone clashing, are reported as the title too.
    conflicts.clear();
    draft = partlyAnswered();
    draft.issues[1].raisedByAdults = { "dad" };
    current = partlyAnswered();
    current.issues[1].raisedByAdults = { "mum" };
    EXPECT_TRUE(aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts) == current);
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "title" });

    // A blank title from the panel against one typed in the document: still the document's.
    conflicts.clear();
    draft = partlyAnswered();
    draft.issues[0].title = "";
    current = partlyAnswered();
    current.issues[0].title = "A typed";
    EXPECT_EQ(aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts).issues[0].title, "A typed");
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "title" });

    // An adult's name or relationship: the document's, reported as the adult's first question.
    conflicts.clear();
    draft = partlyAnswered();
    draft.adults[0].name = "Sarah from the panel";
    draft.adults[1].relationship = "stepfather";
    current = partlyAnswered();
    current.adults[0].name = "Sarah from the document";
    current.adults[1].relationship = "father";
    merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_TRUE(merged == current) << aa::toJson(merged);
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "adultUnderstanding" });
}

TEST(MergePanelEdits, BlankDraftOrBlankDocumentOnConflict)
{
    // The panel cleared what the document changed: the document's text stays, and it is a clash.
    Analysis draft = partlyAnswered();
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::Origins), ""));
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(1), QuestionKey::of(IssuePart::ImpactOnChild), " \n" + nbsp));
    Analysis current = partlyAnswered();
    current.issues[0].part(IssuePart::Origins) = "o1\no2\ntyped";
    current.issues[1].part(IssuePart::ImpactOnChild) = "bi1 typed";
    std::vector<QuestionKey> conflicts;
    Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1\no2\ntyped");
    EXPECT_EQ(merged.issues[1].part(IssuePart::ImpactOnChild), "bi1 typed");
    EXPECT_EQ(asMultiset(conflicts), (std::multiset<std::string>{ "origins", "impactOnChild" }));

    // The document's text was deleted (or left blank) while the panel changed it: the panel's.
    draft = partlyAnswered();
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::Origins), "o1\npanel"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::ImpactOnChild), "i1\ni2\npanel"));
    current = partlyAnswered();
    current.issues[0].part(IssuePart::Origins) = "";
    current.issues[0].part(IssuePart::ImpactOnChild) = nbsp + "\n ";
    conflicts.clear();
    merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1\npanel");
    EXPECT_EQ(merged.issues[0].part(IssuePart::ImpactOnChild), "i1\ni2\npanel");
    EXPECT_EQ(asMultiset(conflicts), (std::multiset<std::string>{ "origins", "impactOnChild" }));

    // Both cleared it: nothing to keep, no clash.
    draft = partlyAnswered();
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::Origins), ""));
    current = partlyAnswered();
    current.issues[0].part(IssuePart::Origins) = "";
    conflicts.clear();
    EXPECT_EQ(aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts).issues[0].part(IssuePart::Origins), "");
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEdits, TopicsIssuePartsAndAdultPartsThreeWay)
{
    struct Case
    {
        std::string base, draft, current, want;
        bool conflict;
    };
    const std::vector<Case> cases = {
        { "n", "n", "n", "n", false },
        { "n", "n", "doc", "doc", false },
        { "n", "n", "", "", false },
        { "n", "pan", "n", "pan", false },
        { "n", "", "n", "", false },
        { "n", "same", "same", "same", false },
        { "n", "", "", "", false },
        { "n", "pan", "doc", "doc\npan", true },
        { "", "pan", "doc", "doc\npan", true },
        { "n1\nn2", "n1\nn2\npan", "n1\ndoc\nn2", "n1\ndoc\nn2\nn1\nn2\npan", true },
        { "n", "", "doc", "doc", true },
        { "n", " \n" + nbsp, "doc", "doc", true },
        { "n", "pan", "", "pan", true },
        { "n", "pan", nbsp, "pan", true },
    };
    for (const Case& c : cases)
    {
        SCOPED_TRACE(aa::test::jsonQuote(c.base) + " " + aa::test::jsonQuote(c.draft) + " "
                     + aa::test::jsonQuote(c.current));
        auto check =
            [&](const Analysis& b, const Analysis& d, const Analysis& now, auto&& get, const QuestionKey& key) {
            std::vector<QuestionKey> conflicts;
            const Analysis merged = aa::mergePanelEdits(b, d, now, &conflicts);
            EXPECT_EQ(get(merged), c.want) << key.name();
            EXPECT_EQ(conflicts, c.conflict ? std::vector<QuestionKey>{ key } : std::vector<QuestionKey>{})
                << key.name();
            Analysis others = merged;
            get(others) = get(now);
            EXPECT_TRUE(others == now) << "nothing else changes: " << aa::toJson(merged);
        };
        for (std::size_t t = 0; t < aa::topicCount; ++t)
        {
            Analysis b = partlyAnswered(), d = partlyAnswered(), now = partlyAnswered();
            b.topics[t] = c.base;
            d.topics[t] = c.draft;
            now.topics[t] = c.current;
            check(
                b, d, now, [t](auto& a) -> auto& { return a.topics[t]; }, QuestionKey::of(static_cast<Topic>(t)));
        }
        for (std::size_t p = 0; p < aa::issuePartCount; ++p)
        {
            Analysis b = partlyAnswered(), d = partlyAnswered(), now = partlyAnswered();
            b.issues[2].parts[p] = c.base;
            d.issues[2].parts[p] = c.draft;
            now.issues[2].parts[p] = c.current;
            check(
                b, d, now, [p](auto& a) -> auto& { return a.issues[2].parts[p]; },
                QuestionKey::of(static_cast<IssuePart>(p)));
        }
        for (std::size_t p = 0; p < aa::adultPartCount; ++p)
        {
            Analysis b = partlyAnswered(), d = partlyAnswered(), now = partlyAnswered();
            b.adults[1].parts[p] = c.base;
            d.adults[1].parts[p] = c.draft;
            now.adults[1].parts[p] = c.current;
            check(
                b, d, now, [p](auto& a) -> auto& { return a.adults[1].parts[p]; },
                QuestionKey::of(static_cast<AdultPart>(p)));
        }
    }
}

TEST(MergePanelEdits, IssueAddedInThePanelIsAppended)
{
    Analysis draft = partlyAnswered();
    const std::size_t added = aa::addIssue(draft, "Added in the panel");
    ASSERT_EQ(draft.issues[added].id, "issue1");
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(added), QuestionKey::of(IssuePart::Origins), "np1\nnp2"));
    draft.issues[added].raisedBy = { Voice::Child };
    draft.issues[added].raisedByAdults = { "dad" };
    const std::size_t strength = aa::addItem(draft, ListKind::Strengths, "about the new issue");
    aa::setItemTies(draft, ListKind::Strengths, strength, { "issue1" }, { "dad" }, {});
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, partlyAnswered(), &conflicts);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "a", "b", "c", "issue1" }));
    ASSERT_EQ(merged.issues.size(), 4u);
    EXPECT_TRUE(merged.issues[3] == draft.issues[added]);
    EXPECT_EQ(merged.list(ListKind::Strengths).back(), tied("about the new issue", { "issue1" }, { "dad" }));
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, IssueAddedInTheDocumentByHandIsKept)
{
    Analysis current = partlyAnswered();
    const Issue d = makeIssue("d", "Typed in the document", { Voice::OtherWorkers }, { "mum" }, "typed origins", "",
                              "");
    current.issues.insert(current.issues.begin() + 1, d);
    Analysis draft = partlyAnswered();
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::Origins), "o1 from the panel"));
    aa::addIssue(draft, "Added in the panel");
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "a", "d", "b", "c", "issue1" }));
    ASSERT_EQ(merged.issues.size(), 5u);
    EXPECT_TRUE(merged.issues[1] == d);
    EXPECT_EQ(merged.issues[0].part(IssuePart::Origins), "o1 from the panel");
    EXPECT_EQ(merged.issues[4].title, "Added in the panel");
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEdits, IssueRemovedFromTheDocumentStaysRemovedAndPanelEditsToItAreReported)
{
    Analysis current = partlyAnswered();
    current.issues.erase(current.issues.begin() + 1);
    current.list(ListKind::WhatNeedsToHappen)[1].issues = { "a" }; // the reader drops ties to a missing heading
    Analysis draft = partlyAnswered();
    ASSERT_TRUE(
        aa::setPanelAnswer(draft, issueSel(1), QuestionKey::of(IssuePart::Origins), "bo\nchanged in the panel"));
    draft.issues[1].title = "B renamed in the panel";
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(0), QuestionKey::of(IssuePart::MaintainingFactors), "m1\nm2"));
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "a", "c" }));
    EXPECT_EQ(merged.issues[0].part(IssuePart::MaintainingFactors), "m1\nm2") << "other panel edits still apply";
    EXPECT_EQ(merged.list(ListKind::WhatNeedsToHappen), current.list(ListKind::WhatNeedsToHappen));
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "title" }) << "the panel's edits to b cannot be written";
    EXPECT_TRUE(updatable(merged));
    // Unchanged in the panel: nothing to report.
    conflicts.clear();
    aa::mergePanelEdits(partlyAnswered(), partlyAnswered(), current, &conflicts);
    EXPECT_TRUE(conflicts.empty());
}

TEST(MergePanelEdits, TheDocumentsIssueOrderAndPlanAreKept)
{
    Analysis draft = partlyAnswered();
    std::swap(draft.issues[0], draft.issues[2]);
    draft.plan.at(0).cell(PlanColumn::Action) = "panel action";
    draft.plan.push_back(planRow({ "c" }, "another panel action"));
    ASSERT_TRUE(aa::setPanelAnswer(draft, issueSel(2), QuestionKey::of(IssuePart::Origins),
                                   "o1 from the panel")); // a, now third
    Analysis current = partlyAnswered();
    std::swap(current.issues[0], current.issues[1]);
    current.plan.at(0).cell(PlanColumn::Outcome) = "document outcome";
    current.plan.at(1).flagged = true;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current);
    EXPECT_EQ(idsOf(merged), (std::vector<std::string>{ "b", "a", "c" }));
    EXPECT_EQ(merged.plan, current.plan);
    EXPECT_EQ(merged.issues[1].part(IssuePart::Origins), "o1 from the panel");
}

TEST(MergePanelEdits, ListChangedOnBothSidesKeepsTheDocumentsItemsAndAddsThePanelsNewOnes)
{
    Analysis current = partlyAnswered();
    std::vector<Item>& now = current.list(ListKind::WhatNeedsToHappen);
    now[1].text = "h2 reworded in the document";
    now.erase(now.begin() + 2); // h3 deleted in the document
    now.push_back(makeItem("typed in the document", { "c" }, "help_typed"));
    Analysis draft = partlyAnswered();
    std::vector<Item>& want = draft.list(ListKind::WhatNeedsToHappen);
    want[0].issues = { "a", "c" };                                         // text still in base and current
    want.push_back(makeItem("added in the panel", { "b" }, "help_added")); // new
    want.push_back(makeItem("typed in the document", { "a" }));            // typed on both sides
    // Strengths changed identically on both sides: no clash.
    current.list(ListKind::Strengths).push_back(tied("s3", { "b" }, { "dad" }));
    draft.list(ListKind::Strengths).push_back(tied("s3", { "b" }, { "dad" }));

    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(merged.list(ListKind::WhatNeedsToHappen),
              (std::vector<Item>{ mustItem("h1", { "a" }, "h_one", "if1"),
                                  makeItem("h2 reworded in the document", { "b", "a" }, "h_two"),
                                  makeItem("typed in the document", { "c" }, "help_typed"),
                                  makeItem("added in the panel", { "b" }, "help_added") }))
        << "the document's items as they are, then the panel's items new to both";
    EXPECT_EQ(merged.list(ListKind::Strengths), current.list(ListKind::Strengths));
    EXPECT_EQ(merged.list(ListKind::SuccessSigns), partlyAnswered().list(ListKind::SuccessSigns));
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "whatNeedsToHappen" });
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, AnItemRewordedInThePanelWhileTheDocumentsListChangedGivesAnAnalysisTheUpdateTakes)
{
    // Regression: the panel's reworded line keeps its item's id, and the document still holds
    // that item; the merge kept both with one id, which the update command rejects as a
    // duplicate, so the panel's Update failed as long as the clash lasted.
    Analysis draft = partlyAnswered();
    ASSERT_TRUE(aa::setItemText(draft, ListKind::WhatNeedsToHappen, 1, "h2 reworded in the panel"));
    Analysis current = partlyAnswered();
    current.list(ListKind::WhatNeedsToHappen).push_back(makeItem("typed in the document", {}, "help_typed"));
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    const std::vector<Item>& items = merged.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(items.size(), 5u);
    EXPECT_EQ(std::vector<Item>(items.begin(), items.begin() + 4), current.list(ListKind::WhatNeedsToHappen))
        << "the document's items keep their ids, so their plan rows stay theirs";
    EXPECT_EQ(items[4].text, "h2 reworded in the panel");
    EXPECT_EQ(items[4].issues, (std::vector<std::string>{ "b", "a" }));
    EXPECT_EQ(items[4].id, "") << "no id the document's item holds";
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "whatNeedsToHappen" });
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, TiesToAnIssueRemovedFromTheDocumentAreDropped)
{
    // Regression: items the panel tied to an issue that the document no longer has went to the
    // update command, which rejects a tie to an unknown issue.
    Analysis current = partlyAnswered();
    current.issues.erase(current.issues.begin() + 1); // b deleted by hand
    current.list(ListKind::WhatNeedsToHappen)[1].issues = { "a" };
    Analysis draft = partlyAnswered();
    aa::setItemTies(draft, ListKind::Strengths, 1, { "b" }, {}, {}); // the document's list unchanged
    aa::setItemTies(draft, ListKind::WhatNeedsToHappen, aa::addItem(draft, ListKind::WhatNeedsToHappen, "help about b"),
                    { "b" }, {}, {}); // the document's changed
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current);
    EXPECT_EQ(merged.list(ListKind::Strengths), (std::vector<Item>{ tied("s1", { "a" }, { "mum" }), makeItem("s2") }));
    EXPECT_EQ(merged.list(ListKind::WhatNeedsToHappen).back().text, "help about b");
    EXPECT_TRUE(merged.list(ListKind::WhatNeedsToHappen).back().issues.empty());
    EXPECT_EQ(merged.list(ListKind::WhatNeedsToHappen)[1], makeItem("h2", { "a" }, "h_two"));
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, TiesToAnAdultOrItemRemovedFromTheDocumentAreDropped)
{
    Analysis current = partlyAnswered();
    current.adults.erase(current.adults.begin()); // mum deleted by hand
    current.issues[0].raisedByAdults.clear();
    current.list(ListKind::WhatNeedsToHappen).erase(current.list(ListKind::WhatNeedsToHappen).begin()); // h1 too
    current.list(ListKind::SuccessSigns)[0].items.clear();
    Analysis draft = partlyAnswered();
    draft.issues[2].raisedByAdults = { "mum", "dad" };
    aa::setItemTies(draft, ListKind::Strengths, 1, { "a" }, { "mum" }, {});
    aa::setItemTies(draft, ListKind::SuccessSigns, aa::addItem(draft, ListKind::SuccessSigns, "sign b"), {}, {},
                    { "h_one", "h_two" });
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current);
    EXPECT_EQ(adultIdsOf(merged), std::vector<std::string>{ "dad" });
    EXPECT_EQ(merged.issues[2].raisedByAdults, std::vector<std::string>{ "dad" });
    EXPECT_EQ(merged.list(ListKind::Strengths), (std::vector<Item>{ tied("s1", { "a" }), tied("s2", { "a" }) }));
    EXPECT_EQ(merged.list(ListKind::SuccessSigns).back(), tied("sign b", {}, {}, { "h_two" }));
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEdits, AdultAddedInThePanelIsAppendedAndOneAddedInTheDocumentKept)
{
    Analysis draft = partlyAnswered();
    const std::size_t added = aa::addAdult(draft, "Anna Green", "Maya's aunt");
    ASSERT_TRUE(aa::setPanelAnswer(draft, adultSel(added), QuestionKey::of(AdultPart::Understanding), "Anna sees it"));
    draft.issues[1].raisedByAdults = { draft.adults[added].id };
    Analysis current = partlyAnswered();
    current.adults.insert(current.adults.begin(), makeAdult("gran", "Rose Green", "Maya's grandmother"));
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(adultIdsOf(merged), (std::vector<std::string>{ "gran", "mum", "dad", "adult1" }));
    EXPECT_TRUE(merged.adults[3] == draft.adults[added]);
    EXPECT_EQ(merged.issues[1].raisedByAdults, std::vector<std::string>{ "adult1" });
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(updatable(merged));
    // The same adult added on both sides (the document read back after the panel's write) is one.
    const Analysis again = aa::mergePanelEdits(partlyAnswered(), draft, draft, &conflicts);
    EXPECT_TRUE(again == draft) << aa::toJson(again);
}

TEST(MergePanelEdits, AdultRemovedInThePanelGoesWithItsTiesUnlessTheDocumentChangedThem)
{
    Analysis draft = partlyAnswered();
    aa::removeAdult(draft, 0); // mum
    Analysis current = partlyAnswered();
    current.list(ListKind::Strengths).push_back(tied("s3 typed", {}, { "mum", "dad" }));
    Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current);
    EXPECT_EQ(adultIdsOf(merged), std::vector<std::string>{ "dad" });
    EXPECT_TRUE(merged.issues[0].raisedByAdults.empty());
    for (const std::vector<Item>& items : merged.lists)
        for (const Item& item : items)
            EXPECT_EQ(std::find(item.adults.begin(), item.adults.end(), "mum"), item.adults.end()) << item.text;
    EXPECT_EQ(merged.list(ListKind::Strengths).back(), tied("s3 typed", {}, { "dad" })) << "the document's item stays";
    EXPECT_TRUE(updatable(merged));

    // Changed in the document meanwhile: the adult stays, with what was typed.
    current = partlyAnswered();
    current.adults[0].part(AdultPart::Motivation) = "mo1\nmo2\ntyped in the document";
    merged = aa::mergePanelEdits(partlyAnswered(), draft, current);
    EXPECT_EQ(adultIdsOf(merged), (std::vector<std::string>{ "mum", "dad" }));
    EXPECT_EQ(merged.adults[0].part(AdultPart::Motivation), "mo1\nmo2\ntyped in the document");
}

TEST(MergePanelEdits, EditsToAnAdultDeletedInTheDocumentAreReported)
{
    Analysis draft = partlyAnswered();
    ASSERT_TRUE(aa::setPanelAnswer(draft, adultSel(1), QuestionKey::of(AdultPart::Motivation), "changed in the panel"));
    Analysis current = partlyAnswered();
    current.adults.pop_back();
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(partlyAnswered(), draft, current, &conflicts);
    EXPECT_EQ(adultIdsOf(merged), std::vector<std::string>{ "mum" });
    EXPECT_EQ(namesOf(conflicts), std::vector<std::string>{ "adultUnderstanding" });
    conflicts.clear();
    aa::mergePanelEdits(partlyAnswered(), partlyAnswered(), current, &conflicts);
    EXPECT_TRUE(conflicts.empty()) << "unchanged in the panel: no report";
}

// ---------------------------------------------------------------------------------------------
// mergePanelEdits: ids the document took meanwhile

TEST(MergePanelEditsIds, AnIssueAddedInThePanelWhoseIdTheDocumentTookGetsAFreeIdAndItsTies)
{
    Analysis base;
    base.issues.push_back(makeIssue("issue1", "One", {}, {}, "a", "b", "c"));
    base.adults.push_back(makeAdult("mum", "Sarah Green", "mother"));
    base.adults.push_back(makeAdult("dad", "Dan Okafor", "father"));
    Analysis draft = base;
    const std::size_t added = aa::addIssue(draft, "Typed in the panel");
    ASSERT_EQ(draft.issues[added].id, "issue2");
    draft.issues[added].raisedByAdults = { "dad" };
    aa::setItemTies(draft, ListKind::WhatNeedsToHappen,
                    aa::addItem(draft, ListKind::WhatNeedsToHappen, "Help for the panel's issue"), { "issue2" }, {},
                    {});
    Analysis current = base;
    current.issues.push_back(makeIssue("issue2", "Typed in the document", {}, { "mum" }, "x", "", ""));
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(base, draft, current, &conflicts);
    ASSERT_EQ(merged.issues.size(), 3u);
    EXPECT_TRUE(merged.issues[1] == current.issues[1])
        << "the document's issue as it is, ties and all: " << aa::toJson(merged);
    EXPECT_EQ(merged.issues[2].title, "Typed in the panel");
    EXPECT_EQ(merged.issues[2].id, "issue3");
    EXPECT_EQ(merged.issues[2].raisedByAdults, std::vector<std::string>{ "dad" });
    ASSERT_EQ(merged.list(ListKind::WhatNeedsToHappen).size(), 1u);
    EXPECT_EQ(merged.list(ListKind::WhatNeedsToHappen)[0].issues, std::vector<std::string>{ "issue3" });
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(updatable(merged));
}

TEST(MergePanelEditsIds, AnAdultAddedInThePanelWhoseIdTheDocumentTookGetsAFreeIdAndItsTies)
{
    Analysis base;
    base.issues.push_back(makeIssue("issue1", "One", {}, {}, "a", "b", "c"));
    base.issues.push_back(makeIssue("issue2", "Two", {}, {}, "d", "e", "f"));
    base.list(ListKind::Strengths) = { makeItem("Gran helps") };
    Analysis draft = base;
    const std::size_t added = aa::addAdult(draft, "Dan Okafor", "father");
    ASSERT_EQ(draft.adults[added].id, "adult1");
    draft.issues[0].raisedByAdults = { "adult1" }; // an issue the document has
    aa::setItemTies(draft, ListKind::Strengths, 0, {}, { "adult1" }, {});
    const std::size_t issue = aa::addIssue(draft, "New in the panel");
    draft.issues[issue].raisedByAdults = { "adult1" }; // an issue the panel added
    Analysis current = base;
    current.adults.push_back(makeAdult("adult1", "Sarah Green", "mother"));
    current.issues[1].raisedByAdults = { "adult1" };
    std::vector<QuestionKey> conflicts;
    const Analysis merged = aa::mergePanelEdits(base, draft, current, &conflicts);
    ASSERT_EQ(adultIdsOf(merged), (std::vector<std::string>{ "adult1", "adult2" }));
    EXPECT_EQ(merged.adults[0].name, "Sarah Green");
    EXPECT_EQ(merged.adults[1].name, "Dan Okafor");
    EXPECT_EQ(merged.issues[0].raisedByAdults, std::vector<std::string>{ "adult2" }) << "Dan, as the panel chose";
    EXPECT_EQ(merged.issues[1].raisedByAdults, std::vector<std::string>{ "adult1" }) << "Sarah, as the document has";
    ASSERT_EQ(merged.issues.size(), 3u);
    EXPECT_EQ(merged.issues[2].raisedByAdults, std::vector<std::string>{ "adult2" });
    EXPECT_EQ(merged.list(ListKind::Strengths)[0].adults, std::vector<std::string>{ "adult2" });
    EXPECT_TRUE(conflicts.empty());
    EXPECT_TRUE(updatable(merged));
}

// ---------------------------------------------------------------------------------------------
// mergePanelEdits: properties over many small random edits

/// Small random analyses for the merge's property test, from few distinct texts so that the
/// three sides often agree, and changed the ways the panel or the document change them. Ids
/// given on the two sides never collide (MergePanelEditsIds covers that).
class RandomAnalyses
{
public:
    explicit RandomAnalyses(std::uint32_t seed) : rng_(seed) {}

    std::size_t pick(std::size_t n) { return rng_() % n; }
    bool chance(unsigned percent) { return rng_() % 100 < percent; }

    std::string line()
    {
        static const std::vector<std::string> lines = { "x", "y", "z", "w", "", " ", nbsp };
        return lines[pick(lines.size())];
    }
    std::string text()
    {
        std::string out;
        for (std::size_t i = 0, n = pick(4); i < n; ++i)
            out += (i ? "\n" : "") + line();
        return out;
    }
    std::string changedText(const std::string& was) { return chance(50) ? was + "\n" + line() : text(); }
    std::string title()
    {
        static const std::vector<std::string> titles = { "T1", "T2", "T3", "", " " };
        return titles[pick(titles.size())];
    }
    std::string itemText()
    {
        static const std::vector<std::string> texts = { "i1", "i2", "i3", "i4", "" };
        return texts[pick(texts.size())];
    }
    std::vector<Voice> voices()
    {
        std::vector<Voice> out;
        for (std::size_t v = 0; v < aa::voiceCount; ++v)
            if (chance(30))
                out.push_back(static_cast<Voice>(v));
        return out;
    }
    template <typename T> std::vector<std::string> some(const std::vector<T>& list)
    {
        std::vector<std::string> out;
        for (const T& entry : list)
            if (chance(30) && !entry.id.empty())
                out.push_back(entry.id);
        return out;
    }
    Issue issue(const Analysis& a, const std::string& id)
    {
        Issue issue;
        issue.id = id;
        issue.title = title();
        issue.raisedBy = voices();
        issue.raisedByAdults = some(a.adults);
        for (std::string& part : issue.parts)
            part = text();
        return issue;
    }
    Adult adult(const std::string& id)
    {
        Adult adult = makeAdult(id, title(), chance(50) ? "R" : "");
        for (std::string& part : adult.parts)
            part = text();
        return adult;
    }
    Item item(const Analysis& a, std::size_t kind, const std::string& id)
    {
        Item item = makeItem(itemText(), some(a.issues));
        switch (static_cast<ListKind>(kind))
        {
            case ListKind::Strengths:
                item.adults = some(a.adults);
                break;
            case ListKind::WhatNeedsToHappen:
                item.id = id;
                item.must = chance(30);
                item.ifNot = item.must && chance(50) ? "if not" : "";
                break;
            case ListKind::SuccessSigns:
                item.items = some(a.list(ListKind::WhatNeedsToHappen));
                break;
        }
        return item;
    }

    Analysis base()
    {
        Analysis a;
        for (std::size_t i = 0, n = pick(3); i < n; ++i)
            a.adults.push_back(adult(freshId("adult")));
        for (std::size_t i = 0, n = 1 + pick(3); i < n; ++i)
            a.issues.push_back(issue(a, std::string(1, static_cast<char>('a' + i))));
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
            for (std::size_t i = 0, n = pick(4); i < n; ++i)
                a.lists[k].push_back(item(a, k, freshId("w")));
        for (std::string& t : a.topics)
            if (chance(40))
                t = text();
        a.plan = { planRow({ a.issues[0].id }, "act") };
        return a;
    }

    /// base as the panel (panel true) or the document changed it.
    Analysis changed(const Analysis& base, bool panel)
    {
        Analysis a = base;
        for (Issue& issue : a.issues)
        {
            if (chance(15))
                issue.title = title();
            if (chance(15))
                issue.raisedBy = voices();
            if (chance(10))
                issue.raisedByAdults = some(a.adults);
            for (std::string& part : issue.parts)
                if (chance(25))
                    part = changedText(part);
        }
        for (Adult& adult : a.adults)
        {
            if (chance(10))
                adult.name = title();
            for (std::string& part : adult.parts)
                if (chance(25))
                    part = changedText(part);
        }
        if (chance(15))
            a.adults.push_back(adult(freshId(panel ? "padult" : "dadult")));
        if (panel && chance(20))
            a.issues.push_back(issue(a, freshId("panel")));
        if (!panel && chance(20))
            a.issues.insert(a.issues.begin() + static_cast<std::ptrdiff_t>(pick(a.issues.size() + 1)),
                            issue(a, freshId("doc")));
        if (!panel && a.issues.size() > 1 && chance(20))
        {
            // Deleted by hand: the reader drops the ties to it.
            const auto gone = a.issues.begin() + static_cast<std::ptrdiff_t>(pick(a.issues.size()));
            const std::string id = gone->id;
            a.issues.erase(gone);
            for (std::vector<Item>& items : a.lists)
                for (Item& item : items)
                    item.issues.erase(std::remove(item.issues.begin(), item.issues.end(), id), item.issues.end());
        }
        if (!panel && a.issues.size() > 1 && chance(15))
            std::swap(a.issues[0], a.issues[a.issues.size() - 1]);
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
        {
            std::vector<Item>& items = a.lists[k];
            if (!items.empty() && chance(25))
                items[pick(items.size())].text = itemText(); // reworded: ties and id stay
            if (!items.empty() && chance(15))
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(pick(items.size())));
            if (chance(25))
                items.push_back(item(a, k, freshId(panel ? "pw" : "doc")));
        }
        for (std::string& t : a.topics)
            if (chance(15))
                t = changedText(t);
        if (!panel && chance(15))
            a.plan.push_back(planRow({ a.issues[0].id }, "typed"));
        if (!panel && chance(10))
            a.unplaced.push_back("stray");
        return a;
    }

private:
    std::string freshId(const std::string& prefix) { return prefix + std::to_string(++next_); }

    std::mt19937 rng_;
    std::size_t next_ = 0;
};

bool hasLine(const std::string& text, const std::string& line)
{
    const std::vector<std::string> lines = aa::splitParagraphs(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

bool hasItemText(const std::vector<Item>& items, const std::string& text)
{
    return std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.text == text; });
}

/// One answer's promises: what only one side changed is that side's; where both changed it,
/// every non-blank line of both is still there and nothing else is, and the clash is reported.
void expectMergedText(const std::string* was, const std::string* want, const std::string& now, const std::string& got,
                      const std::string& key, std::set<std::string>& clashes)
{
    SCOPED_TRACE(key);
    if (!was || !want || *want == *was)
    {
        EXPECT_EQ(got, now) << "not changed in the panel: the document's";
        return;
    }
    if (now == *was)
    {
        EXPECT_EQ(got, *want) << "changed in the panel only: the panel's";
        return;
    }
    for (const std::string& line : aa::splitParagraphs(now))
        EXPECT_TRUE(aa::isBlank(line) || hasLine(got, line))
            << "the document's line " << aa::test::jsonQuote(line) << " lost";
    for (const std::string& line : aa::splitParagraphs(*want))
        EXPECT_TRUE(aa::isBlank(line) || hasLine(got, line))
            << "the panel's line " << aa::test::jsonQuote(line) << " lost";
    for (const std::string& line : aa::splitParagraphs(got))
        EXPECT_TRUE(hasLine(now, line) || hasLine(*want, line)) << aa::test::jsonQuote(line) << " from nowhere";
    if (*want != now)
        clashes.insert(key);
}

/// Ties as a side chose them, less those to what the result does not have.
std::vector<std::string> known(std::vector<std::string> ids, const Analysis& result, char kind)
{
    ids.erase(std::remove_if(
                  ids.begin(), ids.end(),
                  [&](const std::string& id) {
        return kind == 'i' ? !result.findIssue(id) : kind == 'a' ? !result.findAdult(id) : !result.findItem(id);
                  }),
              ids.end());
    return ids;
}

void expectMergedList(const std::vector<Item>& was, const std::vector<Item>& want, const std::vector<Item>& now,
                      const std::vector<Item>& got, const Analysis& result, const std::string& key,
                      std::set<std::string>& clashes)
{
    SCOPED_TRACE(key);
    auto expectSameBut = [&](const std::vector<Item>& side, const char* whose) {
        ASSERT_EQ(got.size(), side.size()) << whose;
        for (std::size_t i = 0; i < side.size(); ++i)
        {
            EXPECT_EQ(got[i].text, side[i].text) << whose;
            EXPECT_EQ(got[i].id, side[i].id) << whose;
            EXPECT_EQ(got[i].must, side[i].must) << whose;
            EXPECT_EQ(got[i].issues, known(side[i].issues, result, 'i')) << whose;
            EXPECT_EQ(got[i].adults, known(side[i].adults, result, 'a')) << whose;
            EXPECT_EQ(got[i].items, known(side[i].items, result, 'w')) << whose;
        }
    };
    if (want == was)
    {
        expectSameBut(now, "not changed in the panel: the document's");
        return;
    }
    if (now == was)
    {
        expectSameBut(want, "changed in the panel only: the panel's");
        return;
    }
    ASSERT_GE(got.size(), now.size());
    EXPECT_EQ(textsOf(std::vector<Item>(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(now.size()))),
              textsOf(now))
        << "the document's items first, as they are";
    for (const Item& item : want)
        EXPECT_TRUE(hasItemText(was, item.text) || hasItemText(got, item.text))
            << "the panel's new item " << aa::test::jsonQuote(item.text) << " lost";
    if (want != now)
        clashes.insert(key);
}

TEST(MergePanelEdits, NeverLosesTextTypedInTheDocumentOrThePanel)
{
    RandomAnalyses random(20240607u);
    std::size_t withClashes = 0, withRemovedIssues = 0, withPanelIssues = 0, withPanelAdults = 0;
    for (int n = 0; n < 400 && !::testing::Test::HasFailure(); ++n)
    {
        const Analysis b = random.base();
        const Analysis d = random.changed(b, true);
        const Analysis c = random.changed(b, false);
        SCOPED_TRACE(::testing::Message() << "case " << n << "\nbase    " << aa::toJson(b) << "\ndraft   "
                                          << aa::toJson(d) << "\ncurrent " << aa::toJson(c));
        std::vector<QuestionKey> conflicts;
        const Analysis m = aa::mergePanelEdits(b, d, c, &conflicts);

        // The document's issues, in its order, each with what the panel may change.
        std::set<std::string> clashes;
        ASSERT_GE(m.issues.size(), c.issues.size());
        for (std::size_t i = 0; i < c.issues.size(); ++i)
        {
            const Issue& now = c.issues[i];
            const Issue& got = m.issues[i];
            ASSERT_EQ(got.id, now.id);
            const Issue* was = b.findIssue(now.id);
            const Issue* want = d.findIssue(now.id);
            // The title is the document's, unless only the panel changed it.
            if (was && want && now.title == was->title)
                EXPECT_EQ(got.title, want->title);
            else
                EXPECT_EQ(got.title, now.title);
            const bool fromBase = was && want;
            const bool voicesAsWas = was && now.raisedBy == was->raisedBy && now.raisedByAdults == was->raisedByAdults;
            if (fromBase && voicesAsWas)
            {
                EXPECT_EQ(got.raisedBy, want->raisedBy);
                EXPECT_EQ(got.raisedByAdults, known(want->raisedByAdults, m, 'a'));
            }
            else
            {
                EXPECT_EQ(got.raisedBy, now.raisedBy);
                EXPECT_EQ(got.raisedByAdults, known(now.raisedByAdults, m, 'a'));
            }
            if (fromBase)
            {
                const bool panelVoices = want->raisedBy != was->raisedBy || want->raisedByAdults != was->raisedByAdults;
                const bool sameVoices = want->raisedBy == now.raisedBy && want->raisedByAdults == now.raisedByAdults;
                if ((now.title != was->title && want->title != was->title && want->title != now.title)
                    || (!voicesAsWas && panelVoices && !sameVoices))
                    clashes.insert("title");
            }
            for (std::size_t p = 0; p < aa::issuePartCount; ++p)
                expectMergedText(was ? &was->parts[p] : nullptr, want ? &want->parts[p] : nullptr, now.parts[p],
                                 got.parts[p], aa::jsonName(static_cast<IssuePart>(p)), clashes);
        }
        for (const Issue& issue : b.issues)
        {
            withRemovedIssues += !c.findIssue(issue.id);
            // Panel edits to an issue deleted from the document cannot be written: reported.
            const Issue* want = d.findIssue(issue.id);
            if (!c.findIssue(issue.id) && want && !(*want == issue))
                clashes.insert("title");
        }
        // Then the issues added in the panel, as the panel has them (ties to what is gone dropped).
        std::vector<Issue> added;
        for (const Issue& issue : d.issues)
            if (!b.findIssue(issue.id) && !c.findIssue(issue.id))
            {
                added.push_back(issue);
                added.back().raisedByAdults = known(issue.raisedByAdults, m, 'a');
            }
        withPanelIssues += !added.empty();
        EXPECT_EQ(std::vector<Issue>(m.issues.begin() + static_cast<std::ptrdiff_t>(c.issues.size()), m.issues.end()),
                  added);
        // The document's adults, then those added in the panel.
        ASSERT_GE(m.adults.size(), c.adults.size());
        for (std::size_t i = 0; i < c.adults.size(); ++i)
        {
            const Adult& now = c.adults[i];
            const Adult& got = m.adults[i];
            ASSERT_EQ(got.id, now.id);
            const Adult* was = b.findAdult(now.id);
            const Adult* want = d.findAdult(now.id);
            if (was && want && now.name == was->name)
                EXPECT_EQ(got.name, want->name);
            else
                EXPECT_EQ(got.name, now.name);
            if (was && want && now.name != was->name && want->name != was->name && want->name != now.name)
                clashes.insert("adultUnderstanding");
            for (std::size_t p = 0; p < aa::adultPartCount; ++p)
                expectMergedText(was ? &was->parts[p] : nullptr, want ? &want->parts[p] : nullptr, now.parts[p],
                                 got.parts[p], aa::jsonName(static_cast<AdultPart>(p)), clashes);
        }
        std::vector<Adult> addedAdults;
        for (const Adult& adult : d.adults)
            if (!b.findAdult(adult.id) && !c.findAdult(adult.id))
                addedAdults.push_back(adult);
        withPanelAdults += !addedAdults.empty();
        EXPECT_EQ(std::vector<Adult>(m.adults.begin() + static_cast<std::ptrdiff_t>(c.adults.size()), m.adults.end()),
                  addedAdults);
        for (std::size_t k = 0; k < aa::listKindCount; ++k)
            expectMergedList(b.lists[k], d.lists[k], c.lists[k], m.lists[k], m, aa::jsonName(static_cast<ListKind>(k)),
                             clashes);
        for (std::size_t t = 0; t < aa::topicCount; ++t)
            expectMergedText(&b.topics[t], &d.topics[t], c.topics[t], m.topics[t], aa::jsonName(static_cast<Topic>(t)),
                             clashes);
        EXPECT_EQ(m.plan, c.plan);
        EXPECT_EQ(m.unplaced, c.unplaced);
        EXPECT_EQ(asMultiset(conflicts), std::multiset<std::string>(clashes.begin(), clashes.end()))
            << "each clash once, and nothing else";
        EXPECT_TRUE(updatable(m));
        withClashes += !clashes.empty();
    }
    // The cases were worth running.
    EXPECT_GT(withClashes, 100u);
    EXPECT_GT(withPanelIssues, 40u);
    EXPECT_GT(withPanelAdults, 30u);
    EXPECT_GT(withRemovedIssues, 20u);
}

} // namespace
