// parseAnalysis / toJson / makeSkeleton: the scripting API's JSON, valid and hostile.
#include "Errors.hpp"
#include "Json.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace
{
using aa::Analysis;
using aa::InputError;
using aa::Limits;
using aa::IssuePart;
using aa::ListKind;
using aa::parseAnalysis;
using aa::PlanColumn;
using aa::Strings;
using aa::toJson;
using aa::Voice;
using aa::test::hashHelpId;
using aa::test::jsonQuote;
using aa::test::repeat;

const char* const minimalIssue = R"({"id":"a","title":"T"})";

/// A document with the given issues (JSON array body) and further top-level members.
std::string doc(const std::string& issues, const std::string& rest = "")
{
    return R"({"schema":1,"issues":[)" + issues + "]" + rest + "}";
}

/// A valid document with one issue "a", plus further top-level members.
std::string minimal(const std::string& rest = "") { return doc(minimalIssue, rest); }

std::string sampleJson()
{
    return aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json");
}

/// The message of the InputError that parsing json throws; records a failure when parsing
/// succeeds or throws anything else.
std::string refusal(const std::string& json)
{
    try
    {
        parseAnalysis(json);
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    catch (const std::exception& e)
    {
        ADD_FAILURE() << "threw something other than InputError: " << e.what();
        return "<other exception>";
    }
    catch (...)
    {
        ADD_FAILURE() << "threw a non-std exception";
        return "<other exception>";
    }
    ADD_FAILURE() << "accepted: " << json.substr(0, 300);
    return "<accepted>";
}

std::string message(const std::string& key, const std::vector<std::string>& args)
{
    return Strings::builtIn().format(key, args);
}

struct Refusal
{
    std::string name;
    std::string json;
    std::string key;               ///< the error message key expected
    std::vector<std::string> args; ///< its arguments; args[0] is the field path when there is one
};

void expectRefusals(const std::vector<Refusal>& cases)
{
    for (const Refusal& c : cases)
    {
        SCOPED_TRACE(c.name + ": " + c.json.substr(0, 200));
        const std::string what = refusal(c.json);
        EXPECT_EQ(what, message(c.key, c.args));
        if (!c.args.empty())
        {
            EXPECT_NE(what.find(c.args[0]), std::string::npos) << what;
        }
        EXPECT_EQ(what.find("[error."), std::string::npos) << "message key missing: " << what;
    }
}

const std::vector<std::string> listNames = { "strengths", "whatWouldHelp", "successSigns" };
const std::vector<std::string> partNames = { "origins", "maintainingFactors", "impactOnChild" };
const std::vector<std::string> considerationNames
    = { "riskAndProtectiveBalance", "parentsMotivation", "notKnown",      "absentFigures",
        "childUnderstanding",       "parentsUnderstanding", "culturalAndLanguage", "patterns" };
const std::vector<std::string> planCellNames
    = { "outcome", "action", "who", "priority", "byWhen", "review", "contingency" };

/// A place in the schema that holds text.
struct TextSlot
{
    std::string path;           ///< as error messages name it
    bool multiParagraph = true; ///< may hold '\n'
    std::function<std::string(const std::string& quoted)> make; ///< document with the text there
    std::function<std::string(const Analysis&)> get;            ///< the parsed text
};

std::vector<TextSlot> textSlots()
{
    std::vector<TextSlot> slots;
    slots.push_back({ "issues[0].title", false,
                      [](const std::string& q) { return doc(R"({"id":"a","title":)" + q + "}"); },
                      [](const Analysis& a) { return a.issues.at(0).title; } });
    slots.push_back({ "issues[1].title", false,
                      [](const std::string& q) {
                          return doc(std::string(minimalIssue) + R"(,{"id":"b","title":)" + q + "}");
                      },
                      [](const Analysis& a) { return a.issues.at(1).title; } });
    for (std::size_t p = 0; p < partNames.size(); ++p)
        slots.push_back({ "issues[0]." + partNames[p], true,
                          [p](const std::string& q) {
                              return doc(R"({"id":"a","title":"T",")" + partNames[p] + "\":" + q + "}");
                          },
                          [p](const Analysis& a) { return a.issues.at(0).parts.at(p); } });
    for (std::size_t k = 0; k < listNames.size(); ++k)
        slots.push_back({ listNames[k] + "[1].text", false,
                          [k](const std::string& q) {
                              return minimal(",\"" + listNames[k] + R"(":[{"text":"x"},{"text":)" + q
                                             + R"(,"issues":["a"]}])");
                          },
                          [k](const Analysis& a) { return a.lists.at(k).at(1).text; } });
    for (std::size_t c = 0; c < considerationNames.size(); ++c)
        slots.push_back({ "considerations." + considerationNames[c], true,
                          [c](const std::string& q) {
                              return minimal(R"(,"considerations":{")" + considerationNames[c] + "\":"
                                             + q + "}");
                          },
                          [c](const Analysis& a) { return a.considerations.at(c); } });
    for (std::size_t c = 0; c < planCellNames.size(); ++c)
        slots.push_back({ "plan[0]." + planCellNames[c], true,
                          [c](const std::string& q) {
                              return minimal(R"(,"plan":[{"issue":"a",")" + planCellNames[c] + "\":" + q
                                             + "}]");
                          },
                          [c](const Analysis& a) { return a.plan.at(0).cells.at(c + 1); } });
    slots.push_back({ "unplaced[1]", true,
                      [](const std::string& q) { return minimal(R"(,"unplaced":["x",)" + q + "]"); },
                      [](const Analysis& a) { return a.unplaced.at(1); } });
    return slots;
}

// ---------------------------------------------------------------------------------------------
// Valid input

TEST(Json, SampleParses)
{
    const Analysis a = parseAnalysis(sampleJson());
    ASSERT_EQ(a.issues.size(), 4u);
    EXPECT_EQ(a.issues[0].id, "housing");
    EXPECT_EQ(a.issues[0].title, "The family's housing is overcrowded and insecure");
    EXPECT_EQ(a.issues[0].raisedBy,
              (std::vector<Voice>{ Voice::Practitioner, Voice::Parents, Voice::OtherWorkers }));
    EXPECT_EQ(a.issues[3].id, "fatherContact");
    EXPECT_EQ(a.list(ListKind::Strengths).size(), 3u);
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp).size(), 5u);
    EXPECT_EQ(a.list(ListKind::SuccessSigns).size(), 4u);
    EXPECT_EQ(a.list(ListKind::WhatWouldHelp)[2].issues,
              (std::vector<std::string>{ "mentalHealth", "schoolAttendance" }));
    for (const std::string& c : a.considerations)
        EXPECT_FALSE(c.empty());
    EXPECT_TRUE(a.plan.empty());
    EXPECT_FALSE(a.hasPlan);
    // Non-ASCII survives (the sample holds a pound sign).
    EXPECT_NE(a.issues[0].part(IssuePart::MaintainingFactors).find("\xC2\xA3" "900"),
              std::string::npos);
}

TEST(Json, RoundTripIsLossless)
{
    const Analysis first = parseAnalysis(sampleJson());
    const Analysis second = parseAnalysis(toJson(first));
    EXPECT_TRUE(second == first);
    EXPECT_TRUE(second.hasPlan) << "toJson always writes the plan";
    // And a second trip yields the same text.
    EXPECT_EQ(toJson(second), toJson(first));
}

TEST(Json, RoundTripKeepsPlanAndAwkwardText)
{
    const std::string awkward = "  lead\t\ttab  \"quote\" \\ back\n\n\xF0\x9F\x98\x80 trail  ";
    const std::string json = minimal(R"(,"considerations":{"notKnown":)" + jsonQuote(awkward)
                                     + R"(},"plan":[{"issue":"a","outcome":"o\np","who":"w"},{"issue":""}])");
    const Analysis first = parseAnalysis(json);
    ASSERT_EQ(first.plan.size(), 2u);
    const Analysis second = parseAnalysis(toJson(first));
    EXPECT_TRUE(second == first);
    EXPECT_EQ(second.consideration(aa::Consideration::NotKnown), awkward);
    EXPECT_EQ(second.plan[0].cell(PlanColumn::Outcome), "o\np");
    EXPECT_EQ(second.plan[1].cell(PlanColumn::Issue), "");
}

TEST(Json, ToJsonWritesKeysInDocumentedOrder)
{
    const std::string out = toJson(parseAnalysis(sampleJson()));
    std::size_t last = 0;
    for (const char* key : { "\"schema\"", "\"issues\"", "\"strengths\"", "\"whatWouldHelp\"",
                             "\"successSigns\"", "\"considerations\"", "\"plan\"" })
    {
        const std::size_t at = out.find(key);
        ASSERT_NE(at, std::string::npos) << key;
        EXPECT_GE(at, last) << key;
        last = at;
    }
    EXPECT_EQ(out.rfind("{\"schema\":1,", 0), 0u) << out.substr(0, 40);
}

TEST(Json, RaisedByComesBackInCanonicalOrder)
{
    const Analysis a = parseAnalysis(
        doc(R"({"id":"a","title":"T","raisedBy":["significantAdults","child","otherWorkers","practitioner","parents"]},)"
            R"({"id":"b","title":"T","raisedBy":["parents","child"]},)"
            R"({"id":"c","title":"T","raisedBy":[]},)"
            R"({"id":"d","title":"T"})"));
    EXPECT_EQ(a.issues[0].raisedBy,
              (std::vector<Voice>{ Voice::Practitioner, Voice::Child, Voice::Parents,
                                   Voice::OtherWorkers, Voice::SignificantAdults }));
    EXPECT_EQ(a.issues[1].raisedBy, (std::vector<Voice>{ Voice::Child, Voice::Parents }));
    EXPECT_TRUE(a.issues[2].raisedBy.empty());
    EXPECT_TRUE(a.issues[3].raisedBy.empty());
    // toJson writes the canonical order too.
    EXPECT_NE(toJson(a).find(R"("raisedBy":["child","parents"])"), std::string::npos);
}

TEST(Json, LineEndsBecomeLineFeeds)
{
    for (const TextSlot& slot : textSlots())
    {
        if (!slot.multiParagraph)
            continue;
        SCOPED_TRACE(slot.path);
        const Analysis a = parseAnalysis(slot.make(R"("a\r\nb\rc\n\rd\r\r\ne\r")"));
        EXPECT_EQ(slot.get(a), "a\nb\nc\n\nd\n\ne\n");
    }
}

TEST(Json, UnicodeAndSpacingArePreservedExactly)
{
    const std::vector<std::string> texts = {
        "\xF0\x9F\x98\x80",                                  // U+1F600 emoji (non-BMP)
        "\xF0\x90\x8C\xB0\xF0\x90\x8C\xB1\xF0\x90\x8C\xB2",  // Gothic letters U+10330..U+10332
        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD9\x83",           // Arabic
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D world 123 \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", // Hebrew + LTR
        "\xE2\x80\x8F" "RLM and \xE2\x80\xAE" "override\xE2\x80\xAC",         // bidi controls are text
        "a\tb\t\tc",
        "a    b  c",
        "   leading and trailing   ",
        "\ttab first and last\t",
        "caf\xC3\xA9 \xE2\x82\xAC \xC2\xA3 \xC2\xA0nbsp",
        "\xEF\xBF\xBD replacement char, U+FFFD, is allowed",
    };
    const std::vector<TextSlot> slots = textSlots();
    for (const std::string& text : texts)
        for (const TextSlot& slot : slots)
        {
            SCOPED_TRACE(slot.path + " <- " + text);
            const std::string quoted = jsonQuote(text);
            Analysis a;
            ASSERT_NO_THROW(a = parseAnalysis(slot.make(quoted)));
            EXPECT_EQ(slot.get(a), text);
            EXPECT_EQ(slot.get(parseAnalysis(toJson(a))), text);
        }
}

TEST(Json, EscapedNonBmpIsDecoded)
{
    const Analysis a = parseAnalysis(doc(R"({"id":"a","title":"\ud83d\ude00 \u00e9"})"));
    EXPECT_EQ(a.issues[0].title, "\xF0\x9F\x98\x80 \xC3\xA9");
}

TEST(Json, MultiParagraphTextIsKept)
{
    for (const TextSlot& slot : textSlots())
    {
        if (!slot.multiParagraph)
            continue;
        SCOPED_TRACE(slot.path);
        EXPECT_EQ(slot.get(parseAnalysis(slot.make(R"("a\n\nb")"))), "a\n\nb");
        EXPECT_EQ(slot.get(parseAnalysis(slot.make(R"("\n")"))), "\n");
        EXPECT_EQ(slot.get(parseAnalysis(slot.make(R"("")"))), "");
    }
}

TEST(Json, OptionalPartsDefaultToEmpty)
{
    const Analysis a = parseAnalysis(minimal());
    ASSERT_EQ(a.issues.size(), 1u);
    for (const std::string& p : a.issues[0].parts)
        EXPECT_EQ(p, "");
    for (const auto& list : a.lists)
        EXPECT_TRUE(list.empty());
    for (const std::string& c : a.considerations)
        EXPECT_EQ(c, "");
    EXPECT_FALSE(a.hasPlan);
    EXPECT_TRUE(parseAnalysis(minimal(R"(,"plan":[])")).hasPlan);
}

TEST(Json, ItemIssueReferencesAreKeptInOrderWithoutRepeats)
{
    const Analysis a = parseAnalysis(doc(
        R"({"id":"a","title":"A"},{"id":"b","title":"B"})",
        R"(,"strengths":[{"text":"s","issues":["b","a","b"]},{"text":"t","issues":[]},{"text":"u"}])"));
    const auto& items = a.list(ListKind::Strengths);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].issues, (std::vector<std::string>{ "b", "a" }));
    EXPECT_TRUE(items[1].issues.empty());
    EXPECT_TRUE(items[2].issues.empty());
}

TEST(Json, HelpItemsGetIdsAndPlanRowsTieToThem)
{
    // Changed: items without an id get "help_" + the CRC-32 of their text (was "help1", "help2"...).
    const std::string first = hashHelpId("first");
    const std::string third = hashHelpId("third");
    const Analysis a = parseAnalysis(minimal(
        R"(,"whatWouldHelp":[{"text":"first"},{"id":"help1","text":"second"},{"text":"third"},{"id":"Mine_2","text":"fourth"}],)"
        R"("strengths":[{"text":"s"}],)"
        R"("plan":[{"help":")" + first + R"(","flagged":true},{"help":"Mine_2","flagged":false},{"help":""},{}])"));
    const auto& help = a.list(ListKind::WhatWouldHelp);
    ASSERT_EQ(help.size(), 4u);
    EXPECT_EQ(help[0].id, first) << "from the text, not the position";
    EXPECT_EQ(help[1].id, "help1");
    EXPECT_EQ(help[2].id, third);
    EXPECT_EQ(help[3].id, "Mine_2");
    EXPECT_EQ(a.list(ListKind::Strengths)[0].id, "") << "only help items have ids";
    ASSERT_EQ(a.plan.size(), 4u);
    EXPECT_EQ(a.plan[0].help, first);
    EXPECT_TRUE(a.plan[0].flagged);
    EXPECT_EQ(a.plan[1].help, "Mine_2");
    EXPECT_FALSE(a.plan[1].flagged);
    EXPECT_EQ(a.plan[2].help, "");
    EXPECT_FALSE(a.plan[3].flagged);
    // All of it survives a round trip.
    const Analysis again = parseAnalysis(toJson(a));
    EXPECT_TRUE(again == a);
    EXPECT_EQ(again.list(ListKind::WhatWouldHelp)[0].id, first);
    EXPECT_TRUE(again.plan[0].flagged);
}

TEST(Json, AutoHelpIdsComeFromTheTextNotThePosition)
{
    const Analysis one = parseAnalysis(minimal(R"(,"whatWouldHelp":[{"text":"b"}])"));
    const Analysis two = parseAnalysis(minimal(R"(,"whatWouldHelp":[{"text":"a"},{"text":"b"}])"));
    EXPECT_EQ(one.list(ListKind::WhatWouldHelp).at(0).id, hashHelpId("b"));
    EXPECT_EQ(two.list(ListKind::WhatWouldHelp).at(1).id, one.list(ListKind::WhatWouldHelp).at(0).id)
        << "a new item before it does not shift its id (and so its plan row)";
    EXPECT_EQ(two.list(ListKind::WhatWouldHelp).at(0).id, hashHelpId("a"));
    EXPECT_NE(two.list(ListKind::WhatWouldHelp).at(0).id, two.list(ListKind::WhatWouldHelp).at(1).id);
}

TEST(Json, AutoHelpIdsOfRepeatedTextsGetSuffixes)
{
    const Analysis a = parseAnalysis(minimal(
        R"(,"whatWouldHelp":[{"text":"same"},{"text":"same"},{"text":"other"},{"text":"same"}])"));
    const auto& help = a.list(ListKind::WhatWouldHelp);
    ASSERT_EQ(help.size(), 4u);
    const std::string base = hashHelpId("same");
    EXPECT_EQ(help[0].id, base);
    EXPECT_EQ(help[1].id, base + "_2");
    EXPECT_EQ(help[2].id, hashHelpId("other"));
    EXPECT_EQ(help[3].id, base + "_3");
    // Every id is unique and valid, so the result parses again, unchanged.
    EXPECT_TRUE(parseAnalysis(toJson(a)) == a);
}

TEST(Json, SuppliedHelpIdsAreKeptAndAutoIdsGiveWay)
{
    const std::string taken = hashHelpId("text");
    // The supplied id comes later in the list than the item whose auto id it is: it still wins.
    const Analysis a = parseAnalysis(minimal(R"(,"whatWouldHelp":[{"text":"text"},{"id":")" + taken
                                             + R"(","text":"something else"},{"id":"mine","text":"text"}])"));
    const auto& help = a.list(ListKind::WhatWouldHelp);
    ASSERT_EQ(help.size(), 3u);
    EXPECT_EQ(help[0].id, taken + "_2");
    EXPECT_EQ(help[1].id, taken) << "a supplied id is kept";
    EXPECT_EQ(help[2].id, "mine") << "a supplied id is kept even when the text has an auto id";
}

TEST(Json, UnplacedTextIsKeptAndWrittenOnlyWhenThere)
{
    const Analysis a = parseAnalysis(minimal(R"(,"unplaced":["one","two\nlines"])"));
    EXPECT_EQ(a.unplaced, (std::vector<std::string>{ "one", "two\nlines" }));
    EXPECT_TRUE(parseAnalysis(toJson(a)) == a);
    const std::string none = toJson(parseAnalysis(minimal()));
    EXPECT_EQ(none.find("unplaced"), std::string::npos) << none;
}

TEST(Json, TextLengthLimitCountsCodePoints)
{
    for (const TextSlot& slot : textSlots())
    {
        SCOPED_TRACE(slot.path);
        EXPECT_EQ(slot.get(parseAnalysis(slot.make(jsonQuote(repeat("x", 10000))))).size(), 10000u);
        // 200,000 code points is the limit itself, even at four bytes each.
        const std::string emoji = repeat("\xF0\x9F\x98\x80", 200000);
        EXPECT_EQ(slot.get(parseAnalysis(slot.make(jsonQuote(emoji)))), emoji);
        EXPECT_EQ(refusal(slot.make(jsonQuote(repeat("x", 200001)))),
                  message("error.tooLong", { slot.path, "200001", "200000" }));
        EXPECT_EQ(refusal(slot.make(jsonQuote(repeat("\xC3\xA9", 200001)))),
                  message("error.tooLong", { slot.path, "200001", "200000" }));
    }
}

TEST(Json, IssueCountLimit)
{
    std::string issues;
    for (int i = 0; i < 1000; ++i)
        issues += (i ? "," : "") + std::string(R"({"id":"i)") + std::to_string(i) + R"(","title":"T"})";
    EXPECT_EQ(parseAnalysis(doc(issues)).issues.size(), 1000u);
    EXPECT_EQ(refusal(doc(issues + R"(,{"id":"extra","title":"T"})")),
              message("error.tooMany", { "issues", "1001", "1000" }));
}

TEST(Json, ItemAndPlanCountLimits)
{
    const std::string item = R"({"text":"x"},)";
    const std::string row = R"({"who":"x"},)";
    for (const std::string& name : listNames)
    {
        SCOPED_TRACE(name);
        std::string items = repeat(item, 2000);
        items.pop_back();
        const Analysis a = parseAnalysis(minimal(",\"" + name + "\":[" + items + "]"));
        EXPECT_EQ(a.lists.at(0).size() + a.lists.at(1).size() + a.lists.at(2).size(), 2000u);
        EXPECT_EQ(refusal(minimal(",\"" + name + "\":[" + items + "," + item.substr(0, item.size() - 1) + "]")),
                  message("error.tooMany", { name, "2001", "2000" }));
    }
    std::string rows = repeat(row, 2000);
    rows.pop_back();
    EXPECT_EQ(parseAnalysis(minimal(R"(,"plan":[)" + rows + "]")).plan.size(), 2000u);
    EXPECT_EQ(refusal(minimal(R"(,"plan":[)" + rows + "," + row.substr(0, row.size() - 1) + "]")),
              message("error.tooMany", { "plan", "2001", "2000" }));
    std::string texts = repeat(R"("x",)", 2001);
    texts.pop_back();
    EXPECT_EQ(refusal(minimal(R"(,"unplaced":[)" + texts + "]")),
              message("error.tooMany", { "unplaced", "2001", "2000" }));
}

TEST(Json, ValidIdsAreAccepted)
{
    for (const std::string& id : std::vector<std::string>{ "a", "Z", "a1", "a_b", "issue_1_B", std::string(31, 'q') })
    {
        SCOPED_TRACE(id);
        EXPECT_EQ(parseAnalysis(doc(R"({"id":")" + id + R"(","title":"T"})")).issues[0].id, id);
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile input

TEST(JsonHostile, MalformedJson)
{
    const std::string prefix = message("error.json", { "" });
    for (const std::string& bad : std::vector<std::string>{
             std::string(), std::string("{"), std::string(R"({"schema":1,)"), std::string("[1,]"),
           std::string("nul"), std::string("{'schema':1}"), std::string(R"({"schema":1} {})"),
           std::string(R"({"schema":1 "issues":[]})"), std::string("{\"a\":\"\x01\"}"),
           std::string(R"({"a":"\x"})"), std::string("/* c */{}"), std::string("{\"schema\":1}\0", 13),
           std::string(R"({"schema":01})"), std::string(R"({"a":NaN})") })
    {
        SCOPED_TRACE(bad);
        const std::string what = refusal(bad);
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
        EXPECT_GT(what.size(), prefix.size()) << "the parser's reason follows";
    }
}

TEST(JsonHostile, InvalidUtf8)
{
    const std::string prefix = message("error.json", { "" });
    for (const std::string& bad : std::vector<std::string>{
             std::string("\xFF"), std::string("\xC3"), std::string("\x80"), std::string("a\xC3("),
             std::string("\xC0\xAF"),          // overlong '/'
             std::string("\xE0\x80\xAF"),      // overlong, three bytes
             std::string("\xED\xA0\x80"),      // UTF-16 surrogate D800 encoded
             std::string("\xF4\x90\x80\x80"),  // beyond U+10FFFF
             std::string("\xF8\x88\x80\x80\x80") })
    {
        SCOPED_TRACE(::testing::PrintToString(bad));
        for (const TextSlot& slot : { textSlots().at(0), textSlots().at(2) })
        {
            const std::string what = refusal(slot.make("\"ok " + bad + " ok\""));
            EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
        }
        // In a key too.
        const std::string what = refusal(R"({"schema":1,")" + bad + R"(":1})");
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
    }
}

TEST(JsonHostile, LoneSurrogateEscapesAreRefused)
{
    const std::string prefix = message("error.json", { "" });
    for (const std::string& bad : std::vector<std::string>{ R"("\ud800")", R"("\udc00")", R"("\ud800x")", R"("\ud83d\u0041")" })
    {
        SCOPED_TRACE(bad);
        const std::string what = refusal(doc(R"({"id":"a","title":)" + bad + "}"));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
    }
}

TEST(JsonHostile, DeepNesting)
{
    const std::string prefix = message("error.json", { "" });
    // Nesting within the limit parses (and is then refused for what it is, not as JSON).
    EXPECT_EQ(refusal(repeat("[", 16) + repeat("]", 16)), message("error.notObject", { "The analysis" }));
    for (std::size_t depth : { 17u, 18u, 1000u, 200000u })
    {
        SCOPED_TRACE(depth);
        std::string what = refusal(repeat("[", depth) + repeat("]", depth));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
        what = refusal(minimal(R"(,"plan":)" + repeat("[", depth) + repeat("]", depth)));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
        what = refusal(repeat(R"({"a":)", depth) + "1" + repeat("}", depth));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
    }
}

TEST(JsonHostile, TooManyBytes)
{
    const std::size_t size = aa::Limits::maxJsonBytes + 1;
    std::string big = minimal(R"(,"considerations":{"notKnown":")");
    big += std::string(size - big.size() - 3, 'x');
    big += "\"}}";
    ASSERT_EQ(big.size(), size);
    EXPECT_EQ(refusal(big), message("error.tooLarge", { std::to_string(size),
                                                         std::to_string(aa::Limits::maxJsonBytes) }));
}

TEST(JsonHostile, TopLevel)
{
    std::vector<Refusal> cases = {
        { "array", "[]", "error.notObject", { "The analysis" } },
        { "number", "1", "error.notObject", { "The analysis" } },
        { "string", R"("x")", "error.notObject", { "The analysis" } },
        { "null", "null", "error.notObject", { "The analysis" } },
        { "true", "true", "error.notObject", { "The analysis" } },
        { "schema missing", R"({"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema 2", R"({"schema":2,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema 0", R"({"schema":0,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema -1", R"({"schema":-1,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema \"1\"", R"({"schema":"1","issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema 1.5", R"({"schema":1.5,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema null", R"({"schema":null,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema true", R"({"schema":true,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema [1]", R"({"schema":[1],"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema huge", R"({"schema":18446744073709551617,"issues":[]})", "error.schema", {} },
        { "issues missing", R"({"schema":1})", "error.missing", { "issues" } },
        { "issues empty", R"({"schema":1,"issues":[]})", "error.noIssues", {} },
        { "issues string", R"({"schema":1,"issues":"a"})", "error.notArray", { "issues" } },
        { "issues object", R"({"schema":1,"issues":{"id":"a","title":"T"}})", "error.notArray", { "issues" } },
        { "issues null", R"({"schema":1,"issues":null})", "error.notArray", { "issues" } },
        { "issues number", R"({"schema":1,"issues":3})", "error.notArray", { "issues" } },
        { "unknown top", minimal(R"(,"notes":"x")"), "error.unknownField", { "notes" } },
        { "unknown top first", R"({"zzz":1,"schema":1,"issues":[]})", "error.unknownField", { "zzz" } },
        { "wrong case", minimal(R"(,"Strengths":[])"), "error.unknownField", { "Strengths" } },
        { "considerations array", minimal(R"(,"considerations":[])"), "error.notObject", { "considerations" } },
        { "considerations string", minimal(R"(,"considerations":"x")"), "error.notObject", { "considerations" } },
        { "considerations unknown", minimal(R"(,"considerations":{"notKnown":"","other":"x"})"),
          "error.unknownField", { "considerations.other" } },
        { "plan object", minimal(R"(,"plan":{})"), "error.notArray", { "plan" } },
        { "plan string", minimal(R"(,"plan":"x")"), "error.notArray", { "plan" } },
        { "plan row string", minimal(R"(,"plan":["x"])"), "error.notObject", { "plan[0]" } },
        { "plan row array", minimal(R"(,"plan":[{},[]])"), "error.notObject", { "plan[1]" } },
        { "plan unknown", minimal(R"(,"plan":[{"issue":"a","notes":"x"}])"), "error.unknownField", { "plan[0].notes" } },
        { "plan issue number", minimal(R"(,"plan":[{"issue":1}])"), "error.notString", { "plan[0].issue" } },
        { "plan issue null", minimal(R"(,"plan":[{"issue":null}])"), "error.notString", { "plan[0].issue" } },
        { "plan issue unknown", minimal(R"(,"plan":[{"issue":"a"},{"issue":"nope"}])"), "error.unknownIssue",
          { "plan[1].issue", "nope" } },
        { "plan help number", minimal(R"(,"plan":[{"help":1}])"), "error.notString", { "plan[0].help" } },
        // Changed: the first row names the item by its auto id (no longer "help1").
        { "plan help unknown", minimal(R"(,"whatWouldHelp":[{"text":"h"}],"plan":[{"help":")" + hashHelpId("h")
                                       + R"("},{"help":"nope"}])"),
          "error.unknownHelp", { "plan[1].help", "nope" } },
        { "plan help without items", minimal(R"(,"plan":[{"help":"help1"}])"), "error.unknownHelp",
          { "plan[0].help", "help1" } },
        { "plan flagged string", minimal(R"(,"plan":[{"flagged":"yes"}])"), "error.notBool", { "plan[0].flagged" } },
        { "plan flagged number", minimal(R"(,"plan":[{"flagged":1}])"), "error.notBool", { "plan[0].flagged" } },
        { "plan flagged null", minimal(R"(,"plan":[{"flagged":null}])"), "error.notBool", { "plan[0].flagged" } },
        { "unplaced string", minimal(R"(,"unplaced":"x")"), "error.notArray", { "unplaced" } },
        { "unplaced object", minimal(R"(,"unplaced":{})"), "error.notArray", { "unplaced" } },
        { "unplaced number", minimal(R"(,"unplaced":["x",2])"), "error.notString", { "unplaced[1]" } },
        { "help id number", minimal(R"(,"whatWouldHelp":[{"id":1,"text":"x"}])"), "error.notString",
          { "whatWouldHelp[0].id" } },
        { "help id bad", minimal(R"(,"whatWouldHelp":[{"text":"x"},{"id":"1x","text":"y"}])"), "error.badId",
          { "whatWouldHelp[1].id" } },
        { "help id empty", minimal(R"(,"whatWouldHelp":[{"id":"","text":"y"}])"), "error.badId",
          { "whatWouldHelp[0].id" } },
        { "help id repeated", minimal(R"(,"whatWouldHelp":[{"id":"h","text":"x"},{"id":"h","text":"y"}])"),
          "error.duplicateId", { "whatWouldHelp[1].id", "h" } },
        { "strength with id", minimal(R"(,"strengths":[{"id":"s","text":"x"}])"), "error.unknownField",
          { "strengths[0].id" } },
        { "success sign with id", minimal(R"(,"successSigns":[{"id":"s","text":"x"}])"), "error.unknownField",
          { "successSigns[0].id" } },
    };
    for (const std::string& name : listNames)
    {
        cases.push_back({ name + " string", minimal(",\"" + name + "\":\"x\""), "error.notArray", { name } });
        cases.push_back({ name + " object", minimal(",\"" + name + "\":{}"), "error.notArray", { name } });
        cases.push_back({ name + " item string", minimal(",\"" + name + "\":[\"x\"]"), "error.notObject",
                          { name + "[0]" } });
        cases.push_back({ name + " item number", minimal(",\"" + name + R"(":[{"text":"x"},1])"),
                          "error.notObject", { name + "[1]" } });
        cases.push_back({ name + " text missing", minimal(",\"" + name + R"(":[{"issues":["a"]}])"),
                          "error.missing", { name + "[0].text" } });
        cases.push_back({ name + " text number", minimal(",\"" + name + R"(":[{"text":1}])"),
                          "error.notString", { name + "[0].text" } });
        cases.push_back({ name + " text array", minimal(",\"" + name + R"(":[{"text":["x"]}])"),
                          "error.notString", { name + "[0].text" } });
        cases.push_back({ name + " text empty", minimal(",\"" + name + R"(":[{"text":""}])"),
                          "error.empty", { name + "[0].text" } });
        cases.push_back({ name + " text blank", minimal(",\"" + name + R"(":[{"text":" \t "}])"),
                          "error.empty", { name + "[0].text" } });
        cases.push_back({ name + " text newline", minimal(",\"" + name + R"(":[{"text":"a\nb"}])"),
                          "error.newline", { name + "[0].text" } });
        cases.push_back({ name + " text CR", minimal(",\"" + name + R"(":[{"text":"a\rb"}])"),
                          "error.newline", { name + "[0].text" } });
        cases.push_back({ name + " unknown", minimal(",\"" + name + R"(":[{"text":"x","issue":"a"}])"),
                          "error.unknownField", { name + "[0].issue" } });
        cases.push_back({ name + " issues string", minimal(",\"" + name + R"(":[{"text":"x","issues":"a"}])"),
                          "error.notArray", { name + "[0].issues" } });
        cases.push_back({ name + " issues object", minimal(",\"" + name + R"(":[{"text":"x","issues":{}}])"),
                          "error.notArray", { name + "[0].issues" } });
        cases.push_back({ name + " issue number", minimal(",\"" + name + R"(":[{"text":"x","issues":["a",1]}])"),
                          "error.notString", { name + "[0].issues[1]" } });
        cases.push_back({ name + " issue unknown",
                          minimal(",\"" + name + R"(":[{"text":"x"},{"text":"y","issues":["a","zz"]}])"),
                          "error.unknownIssue", { name + "[1].issues[1]", "zz" } });
        cases.push_back({ name + " issue wrong case", minimal(",\"" + name + R"(":[{"text":"x","issues":["A"]}])"),
                          "error.unknownIssue", { name + "[0].issues[0]", "A" } });
    }
    for (const std::string& c : considerationNames)
    {
        cases.push_back({ c + " number", minimal(R"(,"considerations":{")" + c + "\":1}"), "error.notString",
                          { "considerations." + c } });
        cases.push_back({ c + " null", minimal(R"(,"considerations":{")" + c + "\":null}"), "error.notString",
                          { "considerations." + c } });
        cases.push_back({ c + " object", minimal(R"(,"considerations":{")" + c + "\":{}}"), "error.notString",
                          { "considerations." + c } });
    }
    for (const std::string& c : planCellNames)
    {
        cases.push_back({ "plan " + c + " number", minimal(R"(,"plan":[{")" + c + "\":1}]"), "error.notString",
                          { "plan[0]." + c } });
        cases.push_back({ "plan " + c + " array", minimal(R"(,"plan":[{")" + c + "\":[\"x\"]}]"),
                          "error.notString", { "plan[0]." + c } });
    }
    expectRefusals(cases);
}

TEST(JsonHostile, IssueFields)
{
    const auto one = [](const std::string& issue) { return doc(issue); };
    const auto second = [](const std::string& issue) { return doc(std::string(minimalIssue) + "," + issue); };
    std::vector<Refusal> cases = {
        { "issue number", doc("1"), "error.notObject", { "issues[0]" } },
        { "issue string", doc(R"("a")"), "error.notObject", { "issues[0]" } },
        { "issue array", doc("[]"), "error.notObject", { "issues[0]" } },
        { "issue null", second("null"), "error.notObject", { "issues[1]" } },
        { "id missing", one(R"({"title":"T"})"), "error.missing", { "issues[0].id" } },
        { "id number", one(R"({"id":1,"title":"T"})"), "error.notString", { "issues[0].id" } },
        { "id null", one(R"({"id":null,"title":"T"})"), "error.notString", { "issues[0].id" } },
        { "id array", one(R"({"id":["a"],"title":"T"})"), "error.notString", { "issues[0].id" } },
        { "title missing", one(R"({"id":"a"})"), "error.missing", { "issues[0].title" } },
        { "title number", one(R"({"id":"a","title":5})"), "error.notString", { "issues[0].title" } },
        { "title bool", one(R"({"id":"a","title":false})"), "error.notString", { "issues[0].title" } },
        { "title object", one(R"({"id":"a","title":{}})"), "error.notString", { "issues[0].title" } },
        { "title empty", one(R"({"id":"a","title":""})"), "error.empty", { "issues[0].title" } },
        { "title spaces", one(R"({"id":"a","title":"   "})"), "error.empty", { "issues[0].title" } },
        { "title tabs", one(R"({"id":"a","title":"\t \t"})"), "error.empty", { "issues[0].title" } },
        { "title newline", one(R"({"id":"a","title":"a\nb"})"), "error.newline", { "issues[0].title" } },
        { "title CRLF", one(R"({"id":"a","title":"a\r\nb"})"), "error.newline", { "issues[0].title" } },
        { "title CR", one(R"({"id":"a","title":"a\r"})"), "error.newline", { "issues[0].title" } },
        { "title only newline", one(R"({"id":"a","title":"\n"})"), "error.newline", { "issues[0].title" } },
        { "second title missing", second(R"({"id":"b"})"), "error.missing", { "issues[1].title" } },
        { "raisedBy object", one(R"({"id":"a","title":"T","raisedBy":{}})"), "error.notArray",
          { "issues[0].raisedBy" } },
        { "raisedBy string", one(R"({"id":"a","title":"T","raisedBy":"child"})"), "error.notArray",
          { "issues[0].raisedBy" } },
        { "raisedBy number entry", one(R"({"id":"a","title":"T","raisedBy":["child",2]})"),
          "error.notString", { "issues[0].raisedBy[1]" } },
        { "raisedBy unknown", one(R"({"id":"a","title":"T","raisedBy":["child","nobody"]})"),
          "error.unknownVoice", { "issues[0].raisedBy[1]", "nobody" } },
        { "raisedBy wrong case", one(R"({"id":"a","title":"T","raisedBy":["Child"]})"),
          "error.unknownVoice", { "issues[0].raisedBy[0]", "Child" } },
        { "raisedBy empty name", one(R"({"id":"a","title":"T","raisedBy":[""]})"),
          "error.unknownVoice", { "issues[0].raisedBy[0]", "" } },
        { "raisedBy duplicate", one(R"({"id":"a","title":"T","raisedBy":["child","parents","child"]})"),
          "error.duplicateVoice", { "issues[0].raisedBy", "child" } },
        { "raisedBy too many", one(R"({"id":"a","title":"T","raisedBy":[)" + repeat(R"("child",)", 20) + R"("child"]})"),
          "error.tooMany", { "issues[0].raisedBy", "21", "20" } },
        { "unknown field", one(R"({"id":"a","title":"T","notes":"x"})"), "error.unknownField",
          { "issues[0].notes" } },
        { "unknown field second", second(R"({"id":"b","title":"T","Title":"x"})"), "error.unknownField",
          { "issues[1].Title" } },
        { "list name in issue", one(R"({"id":"a","title":"T","strengths":[]})"), "error.unknownField",
          { "issues[0].strengths" } },
        { "duplicate id", doc(R"({"id":"a","title":"T"},{"id":"b","title":"T"},{"id":"a","title":"U"})"),
          "error.duplicateId", { "issues[2].id", "a" } },
    };
    for (const std::string& p : partNames)
    {
        cases.push_back({ p + " number", one(R"({"id":"a","title":"T",")" + p + "\":1}"), "error.notString",
                          { "issues[0]." + p } });
        cases.push_back({ p + " array", one(R"({"id":"a","title":"T",")" + p + "\":[\"x\"]}"),
                          "error.notString", { "issues[0]." + p } });
        cases.push_back({ p + " null", second(R"({"id":"b","title":"T",")" + p + "\":null}"),
                          "error.notString", { "issues[1]." + p } });
    }
    const std::vector<std::string> badIds = {
        "", "1abc", "9", "_a", "a b", " a", "a ", "a-b", "a.b", "a/b", std::string(32, 'a'),
        "abcdefghijklmnopqrstuvwxyz0123456789", "caf\xC3\xA9", "\xC3\xA9", "a\xF0\x9F\x98\x80",
        "A\\u0000",
    };
    for (const std::string& id : badIds)
        cases.push_back({ "bad id " + id, one(R"({"id":")" + id + R"(","title":"T"})"), "error.badId",
                          { "issues[0].id" } });
    cases.push_back({ "bad second id", second(R"({"id":"b-2","title":"T"})"), "error.badId", { "issues[1].id" } });
    expectRefusals(cases);
}

TEST(JsonHostile, ForbiddenControlCharacters)
{
    struct Bad
    {
        std::string escaped; ///< as a JSON escape
        std::string raw;     ///< as raw UTF-8 in the JSON text; empty where JSON forbids it raw
        std::string code;    ///< as the message shows it
    };
    const std::vector<Bad> bads = {
        { "\\u0001", "", "U+0001" },
        { "\\u0008", "", "U+0008" },
        { "\\u000b", "", "U+000B" },
        { "\\u000c", "", "U+000C" },
        { "\\u001f", "", "U+001F" },
        { "\\u007f", "\x7F", "U+007F" },
        { "\\u0080", "\xC2\x80", "U+0080" },
        { "\\u0085", "\xC2\x85", "U+0085" },
        { "\\u009f", "\xC2\x9F", "U+009F" },
        { "\\ufffe", "\xEF\xBF\xBE", "U+FFFE" },
        { "\\uffff", "\xEF\xBF\xBF", "U+FFFF" },
    };
    for (const TextSlot& slot : textSlots())
        for (const Bad& bad : bads)
        {
            SCOPED_TRACE(slot.path + " " + bad.code);
            const std::string expected = message("error.controlChar", { slot.path, bad.code });
            EXPECT_EQ(refusal(slot.make("\"ok " + bad.escaped + " ok\"")), expected);
            if (!bad.raw.empty())
            {
                EXPECT_EQ(refusal(slot.make("\"ok " + bad.raw + " ok\"")), expected);
            }
            EXPECT_EQ(refusal(slot.make("\"" + bad.escaped + "\"")), expected);
        }
}

TEST(JsonHostile, NulCharacterIsRefused)
{
    for (const TextSlot& slot : textSlots())
    {
        SCOPED_TRACE(slot.path);
        EXPECT_EQ(refusal(slot.make(R"("ok \u0000 ok")")),
                  message("error.controlChar", { slot.path, "U+0000" }));
        EXPECT_EQ(refusal(slot.make(R"("\u0000")")), message("error.controlChar", { slot.path, "U+0000" }));
    }
}

TEST(JsonHostile, NewlineOnlyWhereParagraphsAreAllowed)
{
    for (const TextSlot& slot : textSlots())
    {
        SCOPED_TRACE(slot.path);
        if (slot.multiParagraph)
        {
            EXPECT_EQ(slot.get(parseAnalysis(slot.make(R"("a\nb")"))), "a\nb");
        }
        else
        {
            EXPECT_EQ(refusal(slot.make(R"("a\nb")")), message("error.newline", { slot.path }));
        }
    }
}

TEST(JsonHostile, MessagesNeverQuoteTheText)
{
    const std::string secret = "Zorblaxian";
    for (const TextSlot& slot : textSlots())
    {
        SCOPED_TRACE(slot.path);
        const std::vector<std::string> docs = {
            slot.make(jsonQuote(secret + " " + repeat("y", 200000))),    // too long
            slot.make("\"" + secret + " \\u0001 " + secret + "\""),     // control character
            slot.make("\"" + secret + " \xC2\x85\""),                    // C1 control
            slot.make("\"" + secret + " \xEF\xBF\xBF\""),                // U+FFFF
            slot.make("\"" + secret + " \xFF\""),                        // invalid UTF-8
        };
        for (const std::string& json : docs)
        {
            const std::string what = refusal(json);
            EXPECT_EQ(what.find(secret), std::string::npos) << what;
            EXPECT_LT(what.size(), 400u) << what.substr(0, 400);
        }
        if (!slot.multiParagraph)
        {
            const std::string what = refusal(slot.make("\"" + secret + "\\n" + secret + "\""));
            EXPECT_EQ(what.find(secret), std::string::npos) << what;
        }
    }
}

/// Whether text is well-formed UTF-8 (shortest forms, no surrogates, at most U+10FFFF).
bool isValidUtf8(const std::string& text)
{
    for (std::size_t i = 0; i < text.size();)
    {
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        char32_t code = 0;
        if (b < 0x80)
            n = 1, code = b;
        else if (b >= 0xC2 && b <= 0xDF)
            n = 2, code = b & 0x1Fu;
        else if (b >= 0xE0 && b <= 0xEF)
            n = 3, code = b & 0x0Fu;
        else if (b >= 0xF0 && b <= 0xF4)
            n = 4, code = b & 0x07u;
        else
            return false;
        if (i + n > text.size())
            return false;
        for (std::size_t k = 1; k < n; ++k)
        {
            const auto c = static_cast<unsigned char>(text[i + k]);
            if ((c & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (c & 0x3Fu);
        }
        if ((n == 3 && code < 0x800) || (n == 4 && (code < 0x10000 || code > 0x10FFFF))
            || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

TEST(JsonHostile, MessagesQuoteShortNamesIntact)
{
    const std::string what = refusal(doc(R"({"id":"a","title":"T","raisedBy":["caf\u00e9 \ud83d\ude00"]})"));
    EXPECT_EQ(what, message("error.unknownVoice", { "issues[0].raisedBy[0]", "caf\xC3\xA9 \xF0\x9F\x98\x80" }));
    EXPECT_TRUE(isValidUtf8(what));
    EXPECT_FALSE(isValidUtf8("caf\xC3"));
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));
    // Long names are cut short.
    const std::string cut = refusal(minimal(R"(,"plan":[{"issue":")" + repeat("z", 100) + "\"}]"));
    EXPECT_EQ(cut, message("error.unknownIssue", { "plan[0].issue", repeat("z", 40) }));
}

TEST(JsonHostile, MessagesAreValidUtf8WhenQuotingLongNames)
{
    const std::string name = "a" + repeat("\xC3\xA9", 30); // 'a' then 30 x U+00E9: byte 40 is mid-character
    const std::string cut = "a" + repeat("\xC3\xA9", 19);  // 39 bytes: the last whole character
    const std::vector<Refusal> cases = {
        { "voice", doc(R"({"id":"a","title":"T","raisedBy":[)" + jsonQuote(name) + "]}"), "error.unknownVoice",
          { "issues[0].raisedBy[0]", cut } },
        { "item issue", minimal(R"(,"strengths":[{"text":"x","issues":[)" + jsonQuote(name) + "]}]"),
          "error.unknownIssue", { "strengths[0].issues[0]", cut } },
        { "plan issue", minimal(R"(,"plan":[{"issue":)" + jsonQuote(name) + "}]"), "error.unknownIssue",
          { "plan[0].issue", cut } },
        { "plan help", minimal(R"(,"whatWouldHelp":[{"text":"h"}],"plan":[{"help":)" + jsonQuote(name) + "}]"),
          "error.unknownHelp", { "plan[0].help", cut } },
        { "field name", minimal("," + jsonQuote(name) + ":1"), "error.unknownField", { cut } },
    };
    for (const Refusal& c : cases)
    {
        SCOPED_TRACE(c.name);
        const std::string what = refusal(c.json);
        EXPECT_TRUE(isValidUtf8(what)) << what;
        EXPECT_EQ(what, message(c.key, c.args));
    }
}

TEST(JsonHostile, NothingButInputErrorForMangledInput)
{
    const std::string sample = sampleJson();
    std::mt19937 random(20240611u);
    std::uniform_int_distribution<std::size_t> position(0, sample.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    const std::string specials = "{}[]\",:\\0123456789 \n\r\t-.eEtrufalsn";
    std::uniform_int_distribution<std::size_t> special(0, specials.size() - 1);
    int refused = 0;
    for (int round = 0; round < 3000; ++round)
    {
        std::string mangled = sample;
        switch (round % 4)
        {
            case 0: mangled.resize(position(random)); break;
            case 1: mangled[position(random)] = static_cast<char>(byte(random)); break;
            case 2: mangled[position(random)] = specials[special(random)]; break;
            default: mangled.erase(position(random), 1 + position(random) % 20); break;
        }
        try
        {
            parseAnalysis(mangled);
        }
        catch (const InputError& e)
        {
            ++refused;
            EXPECT_NE(std::string(e.what()), "");
        }
        catch (const std::exception& e)
        {
            ADD_FAILURE() << "round " << round << ": " << e.what();
        }
        catch (...)
        {
            ADD_FAILURE() << "round " << round << ": non-std exception";
        }
    }
    EXPECT_GT(refused, 1500) << "most mangled documents are refused";
}

// ---------------------------------------------------------------------------------------------
// makeSkeleton

TEST(Json, SkeletonRefusesCountsOutsideTheLimits)
{
    const std::string expected = message("error.skeletonCount", { "1000" });
    for (long long count : { 0LL, -1LL, 1001LL, -9223372036854775807LL - 1, 9223372036854775807LL })
    {
        SCOPED_TRACE(count);
        try
        {
            aa::makeSkeleton(count);
            ADD_FAILURE() << "accepted";
        }
        catch (const InputError& e)
        {
            EXPECT_EQ(std::string(e.what()), expected);
        }
    }
}

TEST(Json, SkeletonHasNumberedEmptyIssues)
{
    const Analysis a = aa::makeSkeleton(3);
    ASSERT_EQ(a.issues.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
    {
        EXPECT_EQ(a.issues[i].id, "issue" + std::to_string(i + 1));
        EXPECT_EQ(a.issues[i].title, "Issue " + std::to_string(i + 1));
        EXPECT_TRUE(a.issues[i].raisedBy.empty());
        for (const std::string& p : a.issues[i].parts)
            EXPECT_EQ(p, "");
    }
    for (const auto& list : a.lists)
        EXPECT_TRUE(list.empty());
    for (const std::string& c : a.considerations)
        EXPECT_EQ(c, "");
    EXPECT_TRUE(a.plan.empty());
    EXPECT_FALSE(a.hasPlan);
    EXPECT_EQ(aa::makeSkeleton(1).issues.size(), 1u);
    const Analysis big = aa::makeSkeleton(1000);
    ASSERT_EQ(big.issues.size(), 1000u);
    EXPECT_EQ(big.issues.back().id, "issue1000");
    // A skeleton is itself valid input.
    EXPECT_TRUE(parseAnalysis(toJson(big)) == big);
}

// ---------------------------------------------------------------------------------------------
// Issue ids and bookmarks (Analysis.hpp)

TEST(Ids, ValidityAndBookmarks)
{
    EXPECT_TRUE(aa::isValidIssueId("a"));
    EXPECT_TRUE(aa::isValidIssueId(std::string(31, 'x')));
    EXPECT_FALSE(aa::isValidIssueId(std::string(32, 'x')));
    EXPECT_FALSE(aa::isValidIssueId(""));
    EXPECT_FALSE(aa::isValidIssueId("1a"));
    EXPECT_FALSE(aa::isValidIssueId("a-b"));
    EXPECT_EQ(aa::issueBookmarkName("housing"), "AA_issue_housing");
    EXPECT_LE(aa::issueBookmarkName(std::string(31, 'x')).size(), 40u);
    EXPECT_EQ(aa::issueIdFromBookmark("AA_issue_housing"), std::optional<std::string>("housing"));
    EXPECT_EQ(aa::issueIdFromBookmark("AA_issue_"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("AA_issue_1x"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("AA_issu"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("_Toc12345"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("aa_issue_x"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("XAA_issue_x"), std::nullopt);
}

TEST(Ids, AutoHelpIdIsHelpAndTheCrcOfTheText)
{
    EXPECT_EQ(aa::autoHelpId("123456789", {}), "help_cbf43926");
    EXPECT_EQ(aa::autoHelpId("a", {}), "help_e8b7be43");
    EXPECT_EQ(aa::autoHelpId("", {}), "help_00000000") << "eight digits, leading zeros kept";
    EXPECT_EQ(aa::autoHelpId("The quick brown fox jumps over the lazy dog", {}), "help_414fa339")
        << "lowercase hex";
    const std::string text = "Bus passes for the school journey \xE2\x82\xAC \xF0\x9F\x98\x80";
    EXPECT_EQ(aa::autoHelpId(text, {}), hashHelpId(text));
    EXPECT_TRUE(aa::isValidIssueId(aa::autoHelpId(text, {}))) << "it names a bookmark";
}

TEST(Ids, AutoHelpIdSameTextSameIdDifferentTextDifferentId)
{
    EXPECT_EQ(aa::autoHelpId("Support Ms Green", {}), aa::autoHelpId("Support Ms Green", {}));
    EXPECT_EQ(aa::autoHelpId("Support Ms Green", { "unrelated", "help1" }), aa::autoHelpId("Support Ms Green", {}))
        << "ids that are not its own do not change it";
    const std::vector<std::string> texts = { "Support Ms Green", "Support Ms Green.", "support Ms Green",
                                             "Support Ms Green ", "", " ", "a", "b" };
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
        {
            SCOPED_TRACE("[" + texts[i] + "] [" + texts[j] + "]");
            EXPECT_NE(aa::autoHelpId(texts[i], {}), aa::autoHelpId(texts[j], {}));
        }
}

TEST(Ids, AutoHelpIdAddsSuffixesWhileTaken)
{
    const std::string base = hashHelpId("x");
    EXPECT_EQ(aa::autoHelpId("x", { base }), base + "_2");
    EXPECT_EQ(aa::autoHelpId("x", { base, base + "_2" }), base + "_3");
    EXPECT_EQ(aa::autoHelpId("x", { base + "_2", base, base + "_3" }), base + "_4") << "in any order";
    EXPECT_EQ(aa::autoHelpId("x", { base + "_2" }), base) << "only the id itself counts as taken";
    std::set<std::string> taken = { base };
    for (int n = 2; n <= 12; ++n)
        taken.insert(base + "_" + std::to_string(n));
    EXPECT_EQ(aa::autoHelpId("x", taken), base + "_13");
    EXPECT_TRUE(aa::isValidIssueId(aa::autoHelpId("x", taken)));
}

TEST(Ids, ManyIdenticalHelpTextsGetTheirIdsQuickly)
{
    // Regression: ids for n identical texts took O(n^3) (16 s for 2,000 in Debug). Speed is
    // measured by the benchmark; this checks the ids, and the suite's run time shows the rest.
    constexpr std::size_t count = Limits::maxItems;
    std::string items = repeat(R"({"text":"same"},)", count);
    items.pop_back();
    auto start = std::chrono::steady_clock::now();
    const Analysis parsed = parseAnalysis(minimal(R"(,"whatWouldHelp":[)" + items + "]"));
    const auto parseMs
        = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(parsed.list(ListKind::WhatWouldHelp).size(), count);
    EXPECT_EQ(parsed.list(ListKind::WhatWouldHelp).back().id, hashHelpId("same") + "_" + std::to_string(count));
    (void)parseMs;

    // Reading has no limit: a help item pasted many times (its bookmark stays with the first).
    std::vector<aa::Block> blocks;
    for (std::size_t i = 0; i < count; ++i)
        blocks.emplace_back(aa::test::para(aa::Role::ListItem, 1, "same", { "AA_help_h" }));
    start = std::chrono::steady_clock::now();
    const aa::ReadResult read = aa::readAnalysis(blocks);
    const auto readMs
        = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(read.analysis.list(ListKind::WhatWouldHelp).size(), count);
    EXPECT_EQ(read.analysis.list(ListKind::WhatWouldHelp).front().id, "h");
    (void)readMs;
    EXPECT_EQ(read.analysis.list(ListKind::WhatWouldHelp).back().id, hashHelpId("same") + "_" + std::to_string(count - 1));
}

// ---------------------------------------------------------------------------------------------
// ParseMode::Update: what read returns from a hand-edited document

Analysis parseUpdate(const std::string& json)
{
    return parseAnalysis(json, Strings::builtIn(), aa::ParseMode::Update);
}

/// The message of the InputError that parsing json in update mode throws.
std::string updateRefusal(const std::string& json)
{
    try
    {
        parseUpdate(json);
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    ADD_FAILURE() << "accepted in update mode: " << json.substr(0, 300);
    return "<accepted>";
}

TEST(JsonUpdateMode, InsertIsTheDefault)
{
    const std::string json = doc(R"({"id":"a","title":""})");
    EXPECT_EQ(refusal(json), message("error.empty", { "issues[0].title" }));
    try
    {
        parseAnalysis(json, Strings::builtIn(), aa::ParseMode::Insert);
        ADD_FAILURE() << "accepted in insert mode";
    }
    catch (const InputError& e)
    {
        EXPECT_EQ(std::string(e.what()), message("error.empty", { "issues[0].title" }));
    }
}

TEST(JsonUpdateMode, AcceptsEmptyTitlesAndItemTexts)
{
    for (const std::string& empty : { std::string(R"("")"), std::string(R"("  \t ")") })
    {
        SCOPED_TRACE(empty);
        const std::string json = doc(R"({"id":"a","title":)" + empty + R"(},{"id":"b","title":"B"})",
                                     R"(,"strengths":[{"text":)" + empty + R"(,"issues":["a"]}],)"
                                     R"("whatWouldHelp":[{"text":)" + empty + R"(},{"id":"h","text":)" + empty + R"(}],)"
                                     R"("successSigns":[{"text":)" + empty + "}]");
        const Analysis a = parseUpdate(json);
        const std::string text = empty == R"("")" ? "" : "  \t ";
        EXPECT_EQ(a.issues.at(0).title, text);
        EXPECT_EQ(a.list(ListKind::Strengths).at(0).text, text);
        EXPECT_EQ(a.list(ListKind::Strengths).at(0).issues, (std::vector<std::string>{ "a" }));
        EXPECT_EQ(a.list(ListKind::WhatWouldHelp).at(0).id, hashHelpId(text)) << "an empty item gets an id too";
        EXPECT_EQ(a.list(ListKind::WhatWouldHelp).at(1).id, "h");
        EXPECT_EQ(a.list(ListKind::SuccessSigns).at(0).text, text);
        // Insert mode refuses each of them.
        EXPECT_EQ(refusal(json), message("error.empty", { "issues[0].title" }));
        EXPECT_EQ(refusal(minimal(R"(,"whatWouldHelp":[{"text":)" + empty + "}]")),
                  message("error.empty", { "whatWouldHelp[0].text" }));
        EXPECT_EQ(refusal(minimal(R"(,"successSigns":[{"text":)" + empty + "}]")),
                  message("error.empty", { "successSigns[0].text" }));
    }
}

TEST(JsonUpdateMode, AcceptsPlanRowsWhoseIssueOrHelpIsGone)
{
    const std::string json = minimal(R"(,"whatWouldHelp":[{"id":"h","text":"x"}],)"
                                     R"("plan":[{"issue":"gone","help":"h"},{"issue":"a","help":"goneToo"},)"
                                     R"({"issue":"gone","help":"goneToo","flagged":true}])");
    const Analysis a = parseUpdate(json);
    ASSERT_EQ(a.plan.size(), 3u);
    EXPECT_EQ(a.plan[0].cell(PlanColumn::Issue), "gone");
    EXPECT_EQ(a.plan[0].help, "h");
    EXPECT_EQ(a.plan[1].cell(PlanColumn::Issue), "a");
    EXPECT_EQ(a.plan[1].help, "goneToo");
    EXPECT_TRUE(a.plan[2].flagged);
    EXPECT_TRUE(parseUpdate(toJson(a)) == a) << "lossless";
    // Insert mode refuses them.
    EXPECT_EQ(refusal(json), message("error.unknownIssue", { "plan[0].issue", "gone" }));
    EXPECT_EQ(refusal(minimal(R"(,"plan":[{"help":"goneToo"}])")),
              message("error.unknownHelp", { "plan[0].help", "goneToo" }));
}

TEST(JsonUpdateMode, IdsMustStillBeWellFormed)
{
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":[{"issue":"1bad"}])")), message("error.badId", { "plan[0].issue" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":[{"issue":"a b"}])")), message("error.badId", { "plan[0].issue" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":[{"help":"x-y"}])")), message("error.badId", { "plan[0].help" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":[{"help":")" + std::string(32, 'h') + R"("}])")),
              message("error.badId", { "plan[0].help" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"1a","title":""})")), message("error.badId", { "issues[0].id" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"whatWouldHelp":[{"id":"","text":""}])")),
              message("error.badId", { "whatWouldHelp[0].id" }));
    // Empty references mean "none" in both modes.
    const Analysis a = parseUpdate(minimal(R"(,"plan":[{"issue":"","help":""}])"));
    EXPECT_EQ(a.plan.at(0).cell(PlanColumn::Issue), "");
    EXPECT_EQ(a.plan.at(0).help, "");
}

TEST(JsonUpdateMode, EverythingElseIsStillChecked)
{
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a"})")), message("error.missing", { "issues[0].title" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"strengths":[{"issues":["a"]}])")),
              message("error.missing", { "strengths[0].text" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a","title":"a\nb"})")), message("error.newline", { "issues[0].title" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a","title":"\u0001"})")),
              message("error.controlChar", { "issues[0].title", "U+0001" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a","title":""},{"id":"a","title":""})")),
              message("error.duplicateId", { "issues[1].id", "a" }));
    EXPECT_EQ(updateRefusal(R"({"schema":1,"issues":[]})"), message("error.noIssues", {}));
    EXPECT_EQ(updateRefusal(minimal(R"(,"notes":1)")), message("error.unknownField", { "notes" }));
    // Items are what the reader returns after dropping links to issues that are gone, so a link
    // to an unknown issue is still an error.
    EXPECT_EQ(updateRefusal(minimal(R"(,"strengths":[{"text":"","issues":["gone"]}])")),
              message("error.unknownIssue", { "strengths[0].issues[0]", "gone" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"whatWouldHelp":[{"id":"h","text":""},{"id":"h","text":""}])")),
              message("error.duplicateId", { "whatWouldHelp[1].id", "h" }));
}

} // namespace
