// parseAnalysis / validateAnalysis / toJson / makeSkeleton: the scripting API's JSON (schema 2,
// and schema 1 upgraded), valid and hostile.
#include "Errors.hpp"
#include "Json.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <optional>
#include <random>
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
using aa::InputError;
using aa::IssuePart;
using aa::Limits;
using aa::ListKind;
using aa::parseAnalysis;
using aa::PlanColumn;
using aa::Strings;
using aa::toJson;
using aa::Topic;
using aa::Voice;
using aa::test::hashHelpId;
using aa::test::jsonQuote;
using aa::test::repeat;

const char* const minimalIssue = R"({"id":"a","title":"T"})";

/// A schema 2 document with the given issues (JSON array body) and further top-level members.
std::string doc(const std::string& issues, const std::string& rest = "")
{
    return R"({"schema":2,"issues":[)" + issues + "]" + rest + "}";
}

/// A valid schema 2 document with one issue "a", plus further top-level members.
std::string minimal(const std::string& rest = "") { return doc(minimalIssue, rest); }

/// The same for schema 1, the released version's.
std::string doc1(const std::string& issues, const std::string& rest = "")
{
    return R"({"schema":1,"issues":[)" + issues + "]" + rest + "}";
}
std::string minimal1(const std::string& rest = "") { return doc1(minimalIssue, rest); }

std::string sampleJson() { return aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json"); }

/// The sample analysis of version 0.1 (schema 1), kept as a fixture.
std::string schema1SampleJson()
{
    return aa::test::readFile(std::string(AA_SAMPLES_DIR) + "/../tests/fixtures/schema1/sample-analysis-schema1.json");
}

/// The message of the InputError that parsing json throws; records a failure when parsing
/// succeeds or throws anything else.
std::string refusal(const std::string& json, aa::ParseMode mode = aa::ParseMode::Insert)
{
    try
    {
        parseAnalysis(json, Strings::builtIn(), mode);
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

/// The message of the InputError that validateAnalysis throws; "<accepted>" when it accepts.
std::string validationRefusal(const Analysis& a, aa::ParseMode mode = aa::ParseMode::Insert)
{
    try
    {
        aa::validateAnalysis(a, Strings::builtIn(), mode);
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

const std::vector<std::string> partNames = { "origins", "maintainingFactors", "impactOnChild", "explanation" };
const std::vector<std::string> listNames = { "strengths", "whatNeedsToHappen", "successSigns" };
const std::vector<std::string> weighingNames = { "riskAndProtectiveBalance", "notKnown", "absentFigures",
                                                 "culturalAndLanguage", "patterns" };
const std::vector<Topic> weighingTopics = { Topic::RiskAndProtectiveBalance, Topic::NotKnown, Topic::AbsentFigures,
                                            Topic::CulturalAndLanguage, Topic::Patterns };
const std::vector<std::string> planCellNames = { "outcome", "action",   "who",    "priority",
                                                 "byWhen",  "progress", "review", "contingency" };

// Schema 1's names.
const std::vector<std::string> partNames1 = { "origins", "maintainingFactors", "impactOnChild" };
const std::vector<std::string> listNames1 = { "strengths", "whatWouldHelp", "successSigns" };
const std::vector<std::string> considerationNames
    = { "riskAndProtectiveBalance", "parentsMotivation",   "notKnown", "absentFigures", "childUnderstanding",
        "parentsUnderstanding",     "culturalAndLanguage", "patterns" };
const std::vector<std::string> planCellNames1 = { "outcome", "action", "who",        "priority",
                                                  "byWhen",  "review", "contingency" };

/// A place in the schema that holds text.
struct TextSlot
{
    std::string path;                                           ///< as error messages name it
    bool multiParagraph = true;                                 ///< may hold '\n'
    std::function<std::string(const std::string& quoted)> make; ///< document with the text there
    std::function<std::string(const Analysis&)> get;            ///< the parsed text
};

/// Every place of schema 2 that holds text.
std::vector<TextSlot> textSlots()
{
    std::vector<TextSlot> slots;
    for (const auto& [name, topic] : { std::pair<std::string, Topic>{ "safety", Topic::Safety },
                                       { "childExperience", Topic::ChildExperience },
                                       { "recommendation", Topic::Recommendation } })
        slots.push_back({ name, true, [name = name](const std::string& q) { return minimal(",\"" + name + "\":" + q); },
                          [topic = topic](const Analysis& a) { return a.topic(topic); } });
    slots.push_back({ "issues[0].title", false,
                      [](const std::string& q) { return doc(R"({"id":"a","title":)" + q + "}"); },
                      [](const Analysis& a) { return a.issues.at(0).title; } });
    slots.push_back(
        { "issues[1].title", false,
          [](const std::string& q) { return doc(std::string(minimalIssue) + R"(,{"id":"b","title":)" + q + "}"); },
          [](const Analysis& a) { return a.issues.at(1).title; } });
    for (std::size_t p = 0; p < partNames.size(); ++p)
        slots.push_back(
            { "issues[0]." + partNames[p], true,
              [p](const std::string& q) { return doc(R"({"id":"a","title":"T",")" + partNames[p] + "\":" + q + "}"); },
              [p](const Analysis& a) { return a.issues.at(0).parts.at(p); } });
    for (std::size_t w = 0; w < weighingNames.size(); ++w)
        slots.push_back(
            { "weighingUp." + weighingNames[w], true,
              [w](const std::string& q) { return minimal(R"(,"weighingUp":{")" + weighingNames[w] + "\":" + q + "}"); },
              [w](const Analysis& a) { return a.topic(weighingTopics[w]); } });
    const auto adult = [](const std::string& field, const std::string& q) {
        return minimal(R"(,"adults":[{"id":"m","name":"Sarah Green"},{"id":"f",)"
                       + std::string(field == "name" ? "" : R"("name":"N",)") + "\"" + field + "\":" + q + "}]");
    };
    slots.push_back({ "adults[1].name", false, [adult](const std::string& q) { return adult("name", q); },
                      [](const Analysis& a) { return a.adults.at(1).name; } });
    slots.push_back({ "adults[1].relationship", false,
                      [adult](const std::string& q) { return adult("relationship", q); },
                      [](const Analysis& a) { return a.adults.at(1).relationship; } });
    slots.push_back({ "adults[1].understanding", true,
                      [adult](const std::string& q) { return adult("understanding", q); },
                      [](const Analysis& a) { return a.adults.at(1).part(AdultPart::Understanding); } });
    slots.push_back({ "adults[1].motivation", true, [adult](const std::string& q) { return adult("motivation", q); },
                      [](const Analysis& a) { return a.adults.at(1).part(AdultPart::Motivation); } });
    for (std::size_t k = 0; k < listNames.size(); ++k)
        slots.push_back({ listNames[k] + "[1].text", false,
                          [k](const std::string& q) {
            return minimal(",\"" + listNames[k] + R"(":[{"text":"x"},{"text":)" + q + R"(,"issues":["a"]}])");
                         },
                          [k](const Analysis& a) { return a.lists.at(k).at(1).text; } });
    slots.push_back({ "whatNeedsToHappen[0].ifNot", false,
                      [](const std::string& q) {
        return minimal(R"(,"whatNeedsToHappen":[{"text":"x","must":true,"ifNot":)" + q + "}]");
                     },
                      [](const Analysis& a) { return a.list(ListKind::WhatNeedsToHappen).at(0).ifNot; } });
    for (const auto& [field, topic] : { std::pair<std::string, Topic>{ "review", Topic::PlanReview },
                                        { "contingency", Topic::Contingency },
                                        { "agreed", Topic::PlanAgreed } })
        slots.push_back(
            { "plan." + field, true,
              [field = field](const std::string& q) { return minimal(R"(,"plan":{")" + field + "\":" + q + "}"); },
              [topic = topic](const Analysis& a) { return a.topic(topic); } });
    for (std::size_t c = 0; c < planCellNames.size(); ++c)
        slots.push_back({ "plan.rows[0]." + planCellNames[c], true,
                          [c](const std::string& q) {
            return minimal(R"(,"plan":{"rows":[{"issues":["a"],")" + planCellNames[c] + "\":" + q + "}]}");
                         },
                          [c](const Analysis& a) { return a.plan.at(0).cells.at(c + 1); } });
    slots.push_back({ "unplaced[1]", true,
                      [](const std::string& q) { return minimal(R"(,"unplaced":["x",)" + q + "]"); },
                      [](const Analysis& a) { return a.unplaced.at(1); } });
    return slots;
}

/// The plan column with this JSON name.
PlanColumn planColumn(const std::string& name)
{
    for (std::size_t c = 0; c < aa::planColumnCount; ++c)
        if (name == aa::jsonName(static_cast<PlanColumn>(c)))
            return static_cast<PlanColumn>(c);
    throw std::logic_error("no plan column " + name);
}

/// Every place of schema 1 that holds text, named as schema 1 names it, read from where the
/// upgraded analysis keeps it.
std::vector<TextSlot> textSlots1()
{
    std::vector<TextSlot> slots;
    slots.push_back({ "issues[0].title", false,
                      [](const std::string& q) { return doc1(R"({"id":"a","title":)" + q + "}"); },
                      [](const Analysis& a) { return a.issues.at(0).title; } });
    for (std::size_t p = 0; p < partNames1.size(); ++p)
        slots.push_back({ "issues[0]." + partNames1[p], true,
                          [p](const std::string& q) {
            return doc1(R"({"id":"a","title":"T",")" + partNames1[p] + "\":" + q + "}");
                         },
                          [p](const Analysis& a) { return a.issues.at(0).parts.at(p); } });
    for (std::size_t k = 0; k < listNames1.size(); ++k)
        slots.push_back({ listNames1[k] + "[1].text", false,
                          [k](const std::string& q) {
            return minimal1(",\"" + listNames1[k] + R"(":[{"text":"x"},{"text":)" + q + R"(,"issues":["a"]}])");
                         },
                          [k](const Analysis& a) { return a.lists.at(k).at(1).text; } });
    for (const std::string& c : considerationNames)
        slots.push_back(
            { "considerations." + c, true,
              [c](const std::string& q) { return minimal1(R"(,"considerations":{")" + c + "\":" + q + "}"); },
              [c](const Analysis& a) -> std::string {
                  // Empty answers of the parents make no adult.
                  if (c == "parentsUnderstanding")
                      return a.adults.empty() ? "" : a.adults.at(0).part(AdultPart::Understanding);
                  if (c == "parentsMotivation")
                      return a.adults.empty() ? "" : a.adults.at(0).part(AdultPart::Motivation);
                  if (c == "childUnderstanding")
                      return a.topic(Topic::ChildExperience);
                  return a.topic(static_cast<Topic>(aa::QuestionKey::fromName(c).value().index));
              } });
    for (std::size_t c = 0; c < planCellNames1.size(); ++c)
        slots.push_back({ "plan[0]." + planCellNames1[c], true,
                          [c](const std::string& q) {
            return minimal1(R"(,"plan":[{"issue":"a",")" + planCellNames1[c] + "\":" + q + "}]");
                         },
                          [c](const Analysis& a) { return a.plan.at(0).cell(planColumn(planCellNames1[c])); } });
    slots.push_back({ "unplaced[1]", true,
                      [](const std::string& q) { return minimal1(R"(,"unplaced":["x",)" + q + "]"); },
                      [](const Analysis& a) { return a.unplaced.at(1); } });
    return slots;
}

/// Both schemas' text places.
std::vector<TextSlot> allTextSlots()
{
    std::vector<TextSlot> slots = textSlots();
    for (TextSlot& slot : textSlots1())
        slots.push_back(std::move(slot));
    return slots;
}

/// The trace name of a slot (the two schemas share some paths).
std::string slotName(const TextSlot& slot, std::size_t index)
{
    return slot.path + (index >= textSlots().size() ? " (schema 1)" : "");
}

// ---------------------------------------------------------------------------------------------
// Valid input: schema 2

TEST(Json, SampleParses)
{
    const Analysis a = parseAnalysis(sampleJson());
    ASSERT_EQ(a.issues.size(), 4u);
    EXPECT_EQ(a.issues[0].id, "housing");
    EXPECT_EQ(a.issues[0].title, "The family's home is overcrowded and insecure");
    EXPECT_EQ(a.issues[0].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::OtherWorkers }));
    EXPECT_EQ(a.issues[0].raisedByAdults, (std::vector<std::string>{ "mother" }));
    EXPECT_EQ(a.issues[3].id, "fatherContact");
    EXPECT_EQ(a.issues[3].raisedByAdults, (std::vector<std::string>{ "father" }));
    EXPECT_TRUE(a.issues[0].part(IssuePart::Explanation).empty());
    EXPECT_FALSE(a.issues[1].part(IssuePart::Explanation).empty());
    ASSERT_EQ(a.adults.size(), 2u);
    EXPECT_EQ(a.adults[0].id, "mother");
    EXPECT_EQ(a.adults[0].name, "Sarah Green");
    EXPECT_EQ(a.adults[0].relationship, "Maya and Leo's mother");
    EXPECT_EQ(a.adults[1].id, "father");
    for (const Adult& adult : a.adults)
        for (const std::string& part : adult.parts)
            EXPECT_FALSE(part.empty()) << adult.id;
    for (const std::string& topic : a.topics)
        EXPECT_FALSE(topic.empty());

    const auto& strengths = a.list(ListKind::Strengths);
    ASSERT_EQ(strengths.size(), 4u);
    EXPECT_EQ(strengths[0].adults, (std::vector<std::string>{ "mother" }));
    EXPECT_EQ(strengths[3].issues, (std::vector<std::string>{ "mentalHealth", "schoolAttendance" }));
    const auto& needs = a.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(needs.size(), 6u);
    EXPECT_EQ(needs[0].id, "mornings");
    EXPECT_TRUE(needs[0].must);
    EXPECT_FALSE(needs[0].ifNot.empty());
    EXPECT_EQ(needs[0].issues, (std::vector<std::string>{ "mentalHealth", "schoolAttendance" }));
    EXPECT_FALSE(needs[1].must);
    EXPECT_EQ(needs[1].ifNot, "");
    const auto& signs = a.list(ListKind::SuccessSigns);
    ASSERT_EQ(signs.size(), 6u);
    EXPECT_EQ(signs[0].items, (std::vector<std::string>{ "mornings" }));
    EXPECT_EQ(signs[4].items, (std::vector<std::string>{ "busPasses", "youngCarers" }));
    EXPECT_TRUE(signs[4].issues.empty());

    EXPECT_TRUE(a.hasPlan);
    ASSERT_EQ(a.plan.size(), 6u);
    EXPECT_EQ(a.plan[0].issues, (std::vector<std::string>{ "mentalHealth", "schoolAttendance" }));
    EXPECT_EQ(a.plan[0].help, "mornings");
    EXPECT_TRUE(a.plan[0].must);
    EXPECT_EQ(a.plan[0].cell(PlanColumn::Priority), "High");
    EXPECT_EQ(a.plan[0].cell(PlanColumn::Issue), "") << "the issue column's text is not in the model";
    EXPECT_FALSE(a.plan[0].flagged);
    EXPECT_TRUE(a.unplaced.empty());
    // Non-ASCII survives (the sample holds a pound sign).
    EXPECT_NE(a.issues[0]
                  .part(IssuePart::MaintainingFactors)
                  .find("\xC2\xA3"
                        "900"),
              std::string::npos);
    // What parses is valid.
    EXPECT_EQ(validationRefusal(a), "<accepted>");
}

TEST(Json, RoundTripIsLossless)
{
    const Analysis first = parseAnalysis(sampleJson());
    const Analysis second = parseAnalysis(toJson(first));
    EXPECT_TRUE(second == first);
    EXPECT_TRUE(second.hasPlan) << "the sample's plan is written";
    // And a second trip yields the same text.
    EXPECT_EQ(toJson(second), toJson(first));
}

TEST(Json, RoundTripKeepsPlanAndAwkwardText)
{
    const std::string awkward = "  lead\t\ttab  \"quote\" \\ back\n\n\xF0\x9F\x98\x80 trail  ";
    const std::string json = minimal(
        R"(,"weighingUp":{"notKnown":)" + jsonQuote(awkward)
        + R"(},)"
          R"("plan":{"rows":[{"issues":["a"],"outcome":"o\np","who":"w","progress":"done"},)"
          R"({"issues":[]},{"must":true,"review":"r","contingency":"c"}],)"
          R"("review":"every six weeks\nwith the family","contingency":"c","agreed":"all"})");
    const Analysis first = parseAnalysis(json);
    ASSERT_EQ(first.plan.size(), 3u);
    const Analysis second = parseAnalysis(toJson(first));
    EXPECT_TRUE(second == first);
    EXPECT_EQ(second.topic(Topic::NotKnown), awkward);
    EXPECT_EQ(second.plan[0].cell(PlanColumn::Outcome), "o\np");
    EXPECT_EQ(second.plan[0].cell(PlanColumn::Progress), "done");
    EXPECT_TRUE(second.plan[1].issues.empty());
    EXPECT_TRUE(second.plan[2].must);
    EXPECT_EQ(second.plan[2].cell(PlanColumn::Review), "r") << "a per-row review (a schema 1 table's) is kept";
    EXPECT_EQ(second.plan[2].cell(PlanColumn::Contingency), "c");
    EXPECT_EQ(second.topic(Topic::PlanReview), "every six weeks\nwith the family");
    EXPECT_EQ(second.topic(Topic::Contingency), "c");
    EXPECT_EQ(second.topic(Topic::PlanAgreed), "all");
}

/// The positions of keys in text, which must be in the order given.
void expectInOrder(const std::string& text, const std::vector<std::string>& keys)
{
    std::size_t last = 0;
    for (const std::string& key : keys)
    {
        const std::size_t at = text.find("\"" + key + "\":", last);
        ASSERT_NE(at, std::string::npos) << key << " missing or out of order in " << text.substr(0, 300);
        last = at;
    }
}

TEST(Json, ToJsonWritesKeysInDocumentedOrder)
{
    const std::string out = toJson(parseAnalysis(sampleJson()));
    EXPECT_EQ(out.rfind("{\"schema\":2,", 0), 0u) << out.substr(0, 40);
    expectInOrder(out, { "schema", "safety", "childExperience", "issues", "weighingUp", "adults", "strengths",
                         "whatNeedsToHappen", "successSigns", "recommendation", "plan" });
    // Within each part, in the order of the schema.
    const std::string issue = out.substr(out.find("\"issues\":"));
    expectInOrder(issue, { "id", "title", "raisedBy", "raisedByAdults", "origins", "maintainingFactors",
                           "impactOnChild", "explanation" });
    const std::string weighing = out.substr(out.find("\"weighingUp\":"));
    expectInOrder(weighing, weighingNames);
    const std::string adults = out.substr(out.find("\"adults\":["));
    expectInOrder(adults, { "id", "name", "relationship", "understanding", "motivation" });
    expectInOrder(out.substr(out.find("\"strengths\":")), { "text", "issues", "adults" });
    expectInOrder(out.substr(out.find("\"whatNeedsToHappen\":")), { "id", "text", "issues", "must", "ifNot" });
    expectInOrder(out.substr(out.find("\"successSigns\":")), { "text", "items", "issues" });
    const std::string plan = out.substr(out.find("\"plan\":"));
    expectInOrder(plan, { "rows", "issues", "outcome", "action", "who", "priority", "byWhen", "progress", "review",
                          "contingency", "help", "must", "flagged" });
    expectInOrder(plan.substr(plan.rfind("\"flagged\":")), { "review", "contingency", "agreed" });
    EXPECT_NE(plan.find(R"(}],"review":)"), std::string::npos) << "the plan's own review follows its rows";
}

TEST(Json, ToJsonWritesEveryFieldEvenWhenEmpty)
{
    Analysis a = parseAnalysis(
        minimal(R"(,"strengths":[{"text":"s"}],"whatNeedsToHappen":[{"id":"h","text":"n"}],)"
                R"("successSigns":[{"text":"g"}],"adults":[{"id":"m","name":"M"}],"plan":{"rows":[{}]})"));
    const std::string out = toJson(a);
    for (const char* field :
         { R"("safety":"")", R"("childExperience":"")", R"("raisedBy":[])", R"("raisedByAdults":[])",
           R"("explanation":"")", R"("notKnown":"")", R"("relationship":"")", R"("understanding":"")",
           R"("motivation":"")", R"({"text":"s","issues":[],"adults":[]})",
           R"({"id":"h","text":"n","issues":[],"must":false,"ifNot":""})", R"({"text":"g","items":[],"issues":[]})",
           R"("recommendation":"")", R"("help":"","must":false,"flagged":false)", R"("progress":"")",
           R"("review":"","contingency":"","agreed":"")" })
        EXPECT_NE(out.find(field), std::string::npos) << field << " in " << out;
    EXPECT_EQ(out.find("unplaced"), std::string::npos) << "unplaced is written only when there is some";
    EXPECT_EQ(out.find("considerations"), std::string::npos) << "no schema 1 field is written";
    EXPECT_EQ(out.find("whatWouldHelp"), std::string::npos);
    // A skeleton's JSON is complete too, and parses back.
    EXPECT_TRUE(parseAnalysis(toJson(aa::makeSkeleton(2))) == aa::makeSkeleton(2));
}

TEST(Json, RaisedByComesBackInCanonicalOrder)
{
    const Analysis a = parseAnalysis(doc(R"({"id":"a","title":"T","raisedBy":["otherWorkers","child","practitioner"]},)"
                                         R"({"id":"b","title":"T","raisedBy":["otherWorkers","child"]},)"
                                         R"({"id":"c","title":"T","raisedBy":[]},)"
                                         R"({"id":"d","title":"T"})"));
    EXPECT_EQ(a.issues[0].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::Child, Voice::OtherWorkers }));
    EXPECT_EQ(a.issues[1].raisedBy, (std::vector<Voice>{ Voice::Child, Voice::OtherWorkers }));
    EXPECT_TRUE(a.issues[2].raisedBy.empty());
    EXPECT_TRUE(a.issues[3].raisedBy.empty());
    // toJson writes the canonical order too.
    EXPECT_NE(toJson(a).find(R"("raisedBy":["child","otherWorkers"])"), std::string::npos);
}

TEST(Json, RaisedByAdultsComeBackInTheAdultsOrderWithoutRepeats)
{
    // Regression: raisedByAdults kept the order of the JSON, while the document lists the adults
    // in the analysis's order and read returns them so: update then never saw the document as
    // matching what a script had asked for.
    const Analysis a = parseAnalysis(doc(
        R"({"id":"a","title":"T","raisedByAdults":["f","g","m","f"]},{"id":"b","title":"T","raisedByAdults":["m"]})",
        R"(,"adults":[{"id":"m","name":"M"},{"id":"f","name":"F"},{"id":"g","name":"G"}])"));
    EXPECT_EQ(a.issues[0].raisedByAdults, (std::vector<std::string>{ "m", "f", "g" }));
    EXPECT_EQ(a.issues[1].raisedByAdults, (std::vector<std::string>{ "m" }));
    EXPECT_NE(toJson(a).find(R"("raisedByAdults":["m","f","g"])"), std::string::npos);
}

TEST(Json, LineEndsBecomeLineFeeds)
{
    const std::vector<TextSlot> slots = allTextSlots();
    for (std::size_t i = 0; i < slots.size(); ++i)
    {
        if (!slots[i].multiParagraph)
            continue;
        SCOPED_TRACE(slotName(slots[i], i));
        const Analysis a = parseAnalysis(slots[i].make(R"("a\r\nb\rc\n\rd\r\r\ne\r")"));
        EXPECT_EQ(slots[i].get(a), "a\nb\nc\n\nd\n\ne\n");
    }
}

TEST(Json, UnicodeAndSpacingArePreservedExactly)
{
    const std::vector<std::string> texts = {
        "\xF0\x9F\x98\x80",                                          // U+1F600 emoji (non-BMP)
        "\xF0\x90\x8C\xB0\xF0\x90\x8C\xB1\xF0\x90\x8C\xB2",          // Gothic letters U+10330..U+10332
        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD9\x83", // Arabic
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D world 123 \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", // Hebrew + LTR
        "\xE2\x80\x8F"
        "RLM and \xE2\x80\xAE"
        "override\xE2\x80\xAC", // bidi controls are text
        "a\tb\t\tc",
        "a    b  c",
        "   leading and trailing   ",
        "\ttab first and last\t",
        "caf\xC3\xA9 \xE2\x82\xAC \xC2\xA3 \xC2\xA0nbsp",
        "\xEF\xBF\xBD replacement char, U+FFFD, is allowed",
    };
    const std::vector<TextSlot> slots = allTextSlots();
    for (const std::string& text : texts)
        for (std::size_t i = 0; i < slots.size(); ++i)
        {
            SCOPED_TRACE(slotName(slots[i], i) + " <- " + text);
            Analysis a;
            ASSERT_NO_THROW(a = parseAnalysis(slots[i].make(jsonQuote(text))));
            EXPECT_EQ(slots[i].get(a), text);
            EXPECT_EQ(slots[i].get(parseAnalysis(toJson(a))), text);
        }
}

TEST(Json, EscapedNonBmpIsDecoded)
{
    const Analysis a = parseAnalysis(doc(R"({"id":"a","title":"\ud83d\ude00 \u00e9"})"));
    EXPECT_EQ(a.issues[0].title, "\xF0\x9F\x98\x80 \xC3\xA9");
}

TEST(Json, MultiParagraphTextIsKept)
{
    const std::vector<TextSlot> slots = allTextSlots();
    for (std::size_t i = 0; i < slots.size(); ++i)
    {
        if (!slots[i].multiParagraph)
            continue;
        SCOPED_TRACE(slotName(slots[i], i));
        EXPECT_EQ(slots[i].get(parseAnalysis(slots[i].make(R"("a\n\nb")"))), "a\n\nb");
        EXPECT_EQ(slots[i].get(parseAnalysis(slots[i].make(R"("\n")"))), "\n");
        EXPECT_EQ(slots[i].get(parseAnalysis(slots[i].make(R"("")"))), "");
    }
}

TEST(Json, OptionalPartsDefaultToEmpty)
{
    for (const std::string& json : { minimal(), minimal1() })
    {
        SCOPED_TRACE(json);
        const Analysis a = parseAnalysis(json);
        ASSERT_EQ(a.issues.size(), 1u);
        EXPECT_TRUE(a.issues[0].raisedBy.empty());
        EXPECT_TRUE(a.issues[0].raisedByAdults.empty());
        for (const std::string& p : a.issues[0].parts)
            EXPECT_EQ(p, "");
        EXPECT_TRUE(a.adults.empty()) << "no voice and no answer of the parents: no adult";
        for (const auto& list : a.lists)
            EXPECT_TRUE(list.empty());
        for (const std::string& t : a.topics)
            EXPECT_EQ(t, "");
        EXPECT_TRUE(a.plan.empty());
        EXPECT_FALSE(a.hasPlan);
        EXPECT_TRUE(a.unplaced.empty());
    }
    // A plan with its rows given (even none) is a supplied plan; a plan object without rows is not.
    EXPECT_TRUE(parseAnalysis(minimal(R"(,"plan":{"rows":[]})")).hasPlan);
    EXPECT_TRUE(parseAnalysis(minimal1(R"(,"plan":[])")).hasPlan);
    const Analysis noRows = parseAnalysis(minimal(R"(,"plan":{"review":"r"})"));
    EXPECT_FALSE(noRows.hasPlan) << "the rows are then derived";
    EXPECT_EQ(noRows.topic(Topic::PlanReview), "r");
    EXPECT_FALSE(parseAnalysis(minimal(R"(,"plan":{})")).hasPlan);
    // Each item's fields default too.
    const Analysis items = parseAnalysis(minimal(R"(,"strengths":[{"text":"s"}],"whatNeedsToHappen":[{"text":"n"}],)"
                                                 R"("successSigns":[{"text":"g"}],"plan":{"rows":[{}]})"));
    for (const auto& list : items.lists)
    {
        ASSERT_EQ(list.size(), 1u);
        EXPECT_TRUE(list[0].issues.empty() && list[0].adults.empty() && list[0].items.empty());
        EXPECT_FALSE(list[0].must);
        EXPECT_EQ(list[0].ifNot, "");
    }
    EXPECT_EQ(items.plan.at(0), aa::PlanRow{});
}

TEST(Json, ItemReferencesAreKeptInOrderWithoutRepeats)
{
    const Analysis a = parseAnalysis(doc(
        R"({"id":"a","title":"A"},{"id":"b","title":"B"})",
        R"(,"adults":[{"id":"m","name":"M"},{"id":"f","name":"F"}],)"
        R"("strengths":[{"text":"s","issues":["b","a","b"],"adults":["f","m","f"]},{"text":"t","issues":[]},{"text":"u"}],)"
        R"("whatNeedsToHappen":[{"id":"x","text":"x","issues":["b","b"]},{"id":"y","text":"y"}],)"
        R"("successSigns":[{"text":"g","items":["y","x","y"],"issues":["a","a"]}],)"
        R"("plan":{"rows":[{"issues":["b","a","b"]}]})"));
    const auto& items = a.list(ListKind::Strengths);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].issues, (std::vector<std::string>{ "b", "a" }));
    EXPECT_EQ(items[0].adults, (std::vector<std::string>{ "f", "m" })) << "as given: the writer links them so";
    EXPECT_TRUE(items[1].issues.empty());
    EXPECT_TRUE(items[2].issues.empty());
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[0].issues, (std::vector<std::string>{ "b" }));
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0].items, (std::vector<std::string>{ "y", "x" }));
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0].issues, (std::vector<std::string>{ "a" }));
    EXPECT_EQ(a.plan.at(0).issues, (std::vector<std::string>{ "b", "a" }));
    EXPECT_TRUE(parseAnalysis(toJson(a)) == a);
}

TEST(Json, MustItemsAndWhatHappensIfNot)
{
    const Analysis a = parseAnalysis(
        minimal(R"(,"whatNeedsToHappen":[)"
                R"({"text":"must, with its consequence","must":true,"ifNot":"a conference"},)"
                R"({"text":"must, without","must":true},)"
                R"({"text":"not a must","must":false,"ifNot":"kept all the same"},)"
                R"({"text":"plain"}])"));
    const auto& needs = a.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(needs.size(), 4u);
    EXPECT_TRUE(needs[0].must);
    EXPECT_EQ(needs[0].ifNot, "a conference");
    EXPECT_TRUE(needs[1].must) << "a must without its consequence is accepted (the review reports it)";
    EXPECT_EQ(needs[1].ifNot, "");
    EXPECT_FALSE(needs[2].must);
    EXPECT_EQ(needs[2].ifNot, "kept all the same");
    EXPECT_FALSE(needs[3].must);
    EXPECT_TRUE(parseAnalysis(toJson(a)) == a);
    // The same analysis built in C++ is valid too.
    EXPECT_EQ(validationRefusal(a), "<accepted>");
}

TEST(Json, SuccessSignsTieToItemsByTheirIdsGivenOrMadeFromTheText)
{
    const std::string made = hashHelpId("no id given");
    const Analysis a = parseAnalysis(
        minimal(R"(,"whatNeedsToHappen":[{"id":"given","text":"x"},{"text":"no id given"}],)"
                R"("successSigns":[{"text":"s","items":["given",")"
                + made + R"("]}])"));
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen)[1].id, made);
    EXPECT_EQ(a.list(ListKind::SuccessSigns)[0].items, (std::vector<std::string>{ "given", made }));
    // A sign tied to no item, or to items only, or to issues only, is fine.
    EXPECT_NO_THROW(parseAnalysis(minimal(R"(,"successSigns":[{"text":"s","items":[]},{"text":"t","issues":["a"]}])")));
}

TEST(Json, HelpItemsGetIdsAndPlanRowsTieToThem)
{
    // Items without an id get "help_" + the CRC-32 of their text.
    const std::string first = hashHelpId("first");
    const std::string third = hashHelpId("third");
    const Analysis a = parseAnalysis(minimal(
        R"(,"whatNeedsToHappen":[{"text":"first"},{"id":"help1","text":"second"},{"text":"third"},{"id":"Mine_2","text":"fourth"}],)"
        R"("strengths":[{"text":"s"}],)"
        R"("plan":{"rows":[{"help":")"
        + first + R"(","flagged":true},{"help":"Mine_2","flagged":false},{"help":""},{}]})"));
    const auto& help = a.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(help.size(), 4u);
    EXPECT_EQ(help[0].id, first) << "from the text, not the position";
    EXPECT_EQ(help[1].id, "help1");
    EXPECT_EQ(help[2].id, third);
    EXPECT_EQ(help[3].id, "Mine_2");
    EXPECT_EQ(a.list(ListKind::Strengths)[0].id, "") << "only what needs to happen has ids";
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
    EXPECT_EQ(again.list(ListKind::WhatNeedsToHappen)[0].id, first);
    EXPECT_TRUE(again.plan[0].flagged);
}

TEST(Json, AutoHelpIdsComeFromTheTextNotThePosition)
{
    const Analysis one = parseAnalysis(minimal(R"(,"whatNeedsToHappen":[{"text":"b"}])"));
    const Analysis two = parseAnalysis(minimal(R"(,"whatNeedsToHappen":[{"text":"a"},{"text":"b"}])"));
    EXPECT_EQ(one.list(ListKind::WhatNeedsToHappen).at(0).id, hashHelpId("b"));
    EXPECT_EQ(two.list(ListKind::WhatNeedsToHappen).at(1).id, one.list(ListKind::WhatNeedsToHappen).at(0).id)
        << "a new item before it does not shift its id (and so its plan row)";
    EXPECT_EQ(two.list(ListKind::WhatNeedsToHappen).at(0).id, hashHelpId("a"));
    // Schema 1's whatWouldHelp items get the same ids.
    const Analysis old = parseAnalysis(minimal1(R"(,"whatWouldHelp":[{"text":"a"},{"text":"b"}])"));
    EXPECT_EQ(old.list(ListKind::WhatNeedsToHappen), two.list(ListKind::WhatNeedsToHappen));
}

TEST(Json, AutoHelpIdsOfRepeatedTextsGetSuffixes)
{
    const Analysis a = parseAnalysis(
        minimal(R"(,"whatNeedsToHappen":[{"text":"same"},{"text":"same"},{"text":"other"},{"text":"same"}])"));
    const auto& help = a.list(ListKind::WhatNeedsToHappen);
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
    const Analysis a = parseAnalysis(minimal(R"(,"whatNeedsToHappen":[{"text":"text"},{"id":")" + taken
                                             + R"(","text":"something else"},{"id":"mine","text":"text"}])"));
    const auto& help = a.list(ListKind::WhatNeedsToHappen);
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
    const std::string none = toJson(parseAnalysis(minimal(R"(,"unplaced":[])")));
    EXPECT_EQ(none.find("unplaced"), std::string::npos) << none;
}

TEST(Json, TextLengthLimitCountsCodePoints)
{
    const std::vector<TextSlot> slots = allTextSlots();
    const std::string emoji = repeat("\xF0\x9F\x98\x80", 200000);
    for (std::size_t i = 0; i < slots.size(); ++i)
    {
        const TextSlot& slot = slots[i];
        SCOPED_TRACE(slotName(slot, i));
        EXPECT_EQ(slot.get(parseAnalysis(slot.make(jsonQuote(repeat("x", 10000))))).size(), 10000u);
        // 200,000 code points is the limit itself, even at four bytes each.
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
    EXPECT_EQ(parseAnalysis(doc1(issues)).issues.size(), 1000u);
    EXPECT_EQ(refusal(doc1(issues + R"(,{"id":"extra","title":"T"})")),
              message("error.tooMany", { "issues", "1001", "1000" }));
}

TEST(Json, AdultCountLimit)
{
    std::string adults, ids;
    for (int i = 0; i < 100; ++i)
    {
        adults += (i ? "," : "") + std::string(R"({"id":"p)") + std::to_string(i) + R"(","name":"N"})";
        ids += (i ? "," : "") + std::string(R"("p)") + std::to_string(i) + "\"";
    }
    const Analysis a = parseAnalysis(
        doc(R"({"id":"a","title":"T","raisedByAdults":[)" + ids + "]}", R"(,"adults":[)" + adults + "]"));
    EXPECT_EQ(a.adults.size(), 100u);
    EXPECT_EQ(a.issues[0].raisedByAdults.size(), 100u);
    EXPECT_EQ(refusal(minimal(R"(,"adults":[)" + adults + R"(,{"id":"extra","name":"N"}])")),
              message("error.tooMany", { "adults", "101", "100" }));
    EXPECT_EQ(refusal(doc(R"({"id":"a","title":"T","raisedByAdults":[)" + ids + R"(,"p0"]})",
                          R"(,"adults":[)" + adults + "]")),
              message("error.tooMany", { "issues[0].raisedByAdults", "101", "100" }));
}

TEST(Json, ItemAndPlanCountLimits)
{
    const std::string item = R"({"text":"x"},)";
    const std::string row = R"({"who":"x"},)";
    std::string items = repeat(item, 2000);
    items.pop_back();
    for (const auto& [names, wrap] :
         { std::pair<std::vector<std::string>, std::function<std::string(const std::string&)>>{ listNames, minimal },
           { listNames1, minimal1 } })
        for (const std::string& name : names)
        {
            SCOPED_TRACE(name);
            const Analysis a = parseAnalysis(wrap(",\"" + name + "\":[" + items + "]"));
            EXPECT_EQ(a.lists.at(0).size() + a.lists.at(1).size() + a.lists.at(2).size(), 2000u);
            EXPECT_EQ(refusal(wrap(",\"" + name + "\":[" + items + "," + item.substr(0, item.size() - 1) + "]")),
                      message("error.tooMany", { name, "2001", "2000" }));
        }
    std::string rows = repeat(row, 2000);
    rows.pop_back();
    EXPECT_EQ(parseAnalysis(minimal(R"(,"plan":{"rows":[)" + rows + "]}")).plan.size(), 2000u);
    EXPECT_EQ(refusal(minimal(R"(,"plan":{"rows":[)" + rows + "," + row.substr(0, row.size() - 1) + "]}")),
              message("error.tooMany", { "plan.rows", "2001", "2000" }));
    EXPECT_EQ(parseAnalysis(minimal1(R"(,"plan":[)" + rows + "]")).plan.size(), 2000u);
    EXPECT_EQ(refusal(minimal1(R"(,"plan":[)" + rows + "," + row.substr(0, row.size() - 1) + "]")),
              message("error.tooMany", { "plan", "2001", "2000" }));
    std::string texts = repeat(R"("x",)", 2001);
    texts.pop_back();
    EXPECT_EQ(refusal(minimal(R"(,"unplaced":[)" + texts + "]")),
              message("error.tooMany", { "unplaced", "2001", "2000" }));
    EXPECT_EQ(refusal(minimal1(R"(,"unplaced":[)" + texts + "]")),
              message("error.tooMany", { "unplaced", "2001", "2000" }));
    // A success sign may be tied to every item there is.
    std::string needs, refs;
    for (int i = 0; i < 2000; ++i)
    {
        needs += (i ? "," : "") + std::string(R"({"id":"n)") + std::to_string(i) + R"(","text":"x"})";
        refs += (i ? "," : "") + std::string(R"("n)") + std::to_string(i) + "\"";
    }
    EXPECT_EQ(parseAnalysis(minimal(R"(,"whatNeedsToHappen":[)" + needs + R"(],"successSigns":[{"text":"s","items":[)"
                                    + refs + "]}]"))
                  .list(ListKind::SuccessSigns)
                  .at(0)
                  .items.size(),
              2000u);
    EXPECT_EQ(refusal(minimal(R"(,"whatNeedsToHappen":[)" + needs + R"(],"successSigns":[{"text":"s","items":[)" + refs
                              + R"(,"n0"]}])")),
              message("error.tooMany", { "successSigns[0].items", "2001", "2000" }));
}

TEST(Json, ValidIdsAreAccepted)
{
    for (const std::string& id : std::vector<std::string>{ "a", "Z", "a1", "a_b", "issue_1_B", std::string(31, 'q') })
    {
        SCOPED_TRACE(id);
        EXPECT_EQ(parseAnalysis(doc(R"({"id":")" + id + R"(","title":"T"})")).issues[0].id, id);
        EXPECT_EQ(parseAnalysis(minimal(R"(,"adults":[{"id":")" + id + R"(","name":"N"}])")).adults[0].id, id);
        EXPECT_EQ(parseAnalysis(minimal(R"(,"whatNeedsToHappen":[{"id":")" + id + R"(","text":"N"}])"))
                      .list(ListKind::WhatNeedsToHappen)[0]
                      .id,
                  id);
    }
    // Issues, adults and items are named apart: the same id may name one of each.
    const Analysis a = parseAnalysis(
        doc(R"({"id":"same","title":"T","raisedByAdults":["same"]})",
            R"(,"adults":[{"id":"same","name":"N"}],"whatNeedsToHappen":[{"id":"same","text":"x","issues":["same"]}],)"
            R"("successSigns":[{"text":"s","items":["same"],"issues":["same"]}])"));
    EXPECT_EQ(a.adults[0].id, "same");
}

// ---------------------------------------------------------------------------------------------
// Schema 1, upgraded

TEST(JsonSchema1, TheReleasedSampleIsUpgraded)
{
    const Analysis a = parseAnalysis(schema1SampleJson());
    const boost::json::object old = boost::json::parse(schema1SampleJson()).as_object();
    const boost::json::object& considerations = old.at("considerations").as_object();
    auto consideration = [&](const char* name) { return std::string(considerations.at(name).as_string()); };

    ASSERT_EQ(a.issues.size(), 4u);
    EXPECT_EQ(a.issues[0].id, "housing");
    EXPECT_EQ(a.issues[0].title, "The family's housing is overcrowded and insecure");
    // "parents" and "significantAdults" are adults now; the other voices stay voices.
    EXPECT_EQ(a.issues[0].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::OtherWorkers }));
    EXPECT_EQ(a.issues[0].raisedByAdults, (std::vector<std::string>{ "parents" }));
    EXPECT_EQ(a.issues[1].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::Child }));
    EXPECT_EQ(a.issues[1].raisedByAdults, (std::vector<std::string>{ "parents" }));
    EXPECT_EQ(a.issues[2].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::OtherWorkers }));
    EXPECT_TRUE(a.issues[2].raisedByAdults.empty());
    EXPECT_EQ(a.issues[3].raisedBy, (std::vector<Voice>{ Voice::Child }));
    EXPECT_EQ(a.issues[3].raisedByAdults, (std::vector<std::string>{ "otherAdults" }));
    for (const aa::Issue& issue : a.issues)
    {
        EXPECT_FALSE(issue.part(IssuePart::Origins).empty());
        EXPECT_EQ(issue.part(IssuePart::Explanation), "") << "schema 1 had no such question";
    }

    ASSERT_EQ(a.adults.size(), 2u);
    EXPECT_EQ(a.adults[0].id, "parents");
    EXPECT_EQ(a.adults[0].name, "Parents or carers");
    EXPECT_EQ(a.adults[0].relationship, "");
    EXPECT_EQ(a.adults[0].part(AdultPart::Understanding), consideration("parentsUnderstanding"));
    EXPECT_EQ(a.adults[0].part(AdultPart::Motivation), consideration("parentsMotivation"));
    EXPECT_EQ(a.adults[1].id, "otherAdults");
    EXPECT_EQ(a.adults[1].name, "Other significant adults");
    EXPECT_EQ(a.adults[1].part(AdultPart::Understanding), "");
    EXPECT_EQ(a.adults[1].part(AdultPart::Motivation), "");

    EXPECT_EQ(a.topic(Topic::ChildExperience), consideration("childUnderstanding"));
    for (std::size_t w = 0; w < weighingNames.size(); ++w)
        EXPECT_EQ(a.topic(weighingTopics[w]), consideration(weighingNames[w].c_str())) << weighingNames[w];
    for (Topic t : { Topic::Safety, Topic::Recommendation, Topic::PlanReview, Topic::Contingency, Topic::PlanAgreed })
        EXPECT_EQ(a.topic(t), "") << aa::jsonName(t) << ": schema 1 had no such question";

    const auto& needs = a.list(ListKind::WhatNeedsToHappen);
    const boost::json::array& help = old.at("whatWouldHelp").as_array();
    ASSERT_EQ(needs.size(), help.size());
    for (std::size_t i = 0; i < needs.size(); ++i)
    {
        EXPECT_EQ(needs[i].text, std::string(help[i].at("text").as_string()));
        EXPECT_EQ(needs[i].id, hashHelpId(needs[i].text));
        EXPECT_FALSE(needs[i].must) << "schema 1 had no musts";
        EXPECT_EQ(needs[i].ifNot, "");
    }
    EXPECT_EQ(needs[2].issues, (std::vector<std::string>{ "mentalHealth", "schoolAttendance" }));
    ASSERT_EQ(a.list(ListKind::Strengths).size(), 3u);
    EXPECT_TRUE(a.list(ListKind::Strengths)[0].adults.empty());
    const auto& signs = a.list(ListKind::SuccessSigns);
    ASSERT_EQ(signs.size(), 4u);
    for (const aa::Item& sign : signs)
    {
        EXPECT_FALSE(sign.issues.empty()) << "schema 1's signs keep their issues";
        EXPECT_TRUE(sign.items.empty()) << "schema 1 did not tie signs to items";
    }
    EXPECT_FALSE(a.hasPlan);
    EXPECT_TRUE(a.plan.empty());

    // The upgraded analysis is valid schema 2, and writes and reads back as such.
    EXPECT_EQ(validationRefusal(a), "<accepted>");
    const std::string written = toJson(a);
    EXPECT_EQ(written.rfind("{\"schema\":2,", 0), 0u);
    EXPECT_TRUE(parseAnalysis(written) == a);
}

TEST(JsonSchema1, VoicesBecomeAdultsInTheReadersOrder)
{
    // Both voices, in any order and on any issue: the parents first, then the other adults.
    const Analysis a = parseAnalysis(
        doc1(R"({"id":"a","title":"T","raisedBy":["significantAdults","child","parents"]},)"
             R"({"id":"b","title":"T","raisedBy":["significantAdults"]},)"
             R"({"id":"c","title":"T","raisedBy":["practitioner","otherWorkers"]})"));
    ASSERT_EQ(a.adults.size(), 2u);
    EXPECT_EQ(a.adults[0].id, "parents");
    EXPECT_EQ(a.adults[1].id, "otherAdults");
    EXPECT_EQ(a.issues[0].raisedBy, (std::vector<Voice>{ Voice::Child }));
    EXPECT_EQ(a.issues[0].raisedByAdults, (std::vector<std::string>{ "parents", "otherAdults" }));
    EXPECT_EQ(a.issues[1].raisedBy, (std::vector<Voice>{}));
    EXPECT_EQ(a.issues[1].raisedByAdults, (std::vector<std::string>{ "otherAdults" }));
    EXPECT_EQ(a.issues[2].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::OtherWorkers }));
    EXPECT_TRUE(a.issues[2].raisedByAdults.empty());

    // Only the other significant adults: no "parents" adult.
    const Analysis others = parseAnalysis(doc1(R"({"id":"a","title":"T","raisedBy":["significantAdults"]})"));
    ASSERT_EQ(others.adults.size(), 1u);
    EXPECT_EQ(others.adults[0].id, "otherAdults");
    EXPECT_EQ(others.adults[0].name, "Other significant adults");

    // Only the parents' voice: an adult without answers.
    const Analysis parents = parseAnalysis(doc1(R"({"id":"a","title":"T","raisedBy":["parents"]})"));
    ASSERT_EQ(parents.adults.size(), 1u);
    EXPECT_EQ(parents.adults[0].id, "parents");
    EXPECT_EQ(parents.adults[0].name, "Parents or carers");
    EXPECT_EQ(parents.adults[0].parts, (std::array<std::string, aa::adultPartCount>{}));
}

TEST(JsonSchema1, TheParentsAnswersMakeTheParentsAnAdult)
{
    // Without their voice on any issue, either answer makes the adult.
    const Analysis understanding = parseAnalysis(minimal1(R"(,"considerations":{"parentsUnderstanding":"u\nv"})"));
    ASSERT_EQ(understanding.adults.size(), 1u);
    EXPECT_EQ(understanding.adults[0].id, "parents");
    EXPECT_EQ(understanding.adults[0].part(AdultPart::Understanding), "u\nv");
    EXPECT_EQ(understanding.adults[0].part(AdultPart::Motivation), "");
    EXPECT_TRUE(understanding.issues[0].raisedByAdults.empty()) << "they did not identify the issue";
    const Analysis motivation = parseAnalysis(minimal1(R"(,"considerations":{"parentsMotivation":"m"})"));
    ASSERT_EQ(motivation.adults.size(), 1u);
    EXPECT_EQ(motivation.adults[0].part(AdultPart::Motivation), "m");
    // Empty answers do not.
    EXPECT_TRUE(parseAnalysis(minimal1(R"(,"considerations":{"parentsUnderstanding":"","parentsMotivation":""})"))
                    .adults.empty());
}

TEST(JsonSchema1, ConsiderationsAreTheirTopicsAndTheChildsUnderstandingTheirExperience)
{
    std::string fields;
    for (const std::string& c : considerationNames)
        fields += (fields.empty() ? "" : ",") + ("\"" + c + "\":\"" + c + " text\"");
    const Analysis a = parseAnalysis(minimal1(R"(,"considerations":{)" + fields + "}"));
    EXPECT_EQ(a.topic(Topic::ChildExperience), "childUnderstanding text");
    for (std::size_t w = 0; w < weighingNames.size(); ++w)
        EXPECT_EQ(a.topic(weighingTopics[w]), weighingNames[w] + " text");
    ASSERT_EQ(a.adults.size(), 1u);
    EXPECT_EQ(a.adults[0].part(AdultPart::Understanding), "parentsUnderstanding text");
    EXPECT_EQ(a.adults[0].part(AdultPart::Motivation), "parentsMotivation text");
    EXPECT_EQ(a.topic(Topic::Safety), "");
}

TEST(JsonSchema1, AdultNamesComeFromTheGivenStrings)
{
    const Strings strings = Strings::builtIn().overlaidWith(
        Strings::parse("adult.legacy.parents=Mum and Dad\nadult.legacy.significantAdults=Others\n"));
    const Analysis a = parseAnalysis(doc1(R"({"id":"a","title":"T","raisedBy":["parents","significantAdults"]})"),
                                     strings);
    ASSERT_EQ(a.adults.size(), 2u);
    EXPECT_EQ(a.adults[0].name, "Mum and Dad");
    EXPECT_EQ(a.adults[1].name, "Others");
}

TEST(JsonSchema1, PlanRowsKeepTheirCellsAndLinks)
{
    const std::string h = hashHelpId("h");
    const Analysis a = parseAnalysis(doc1(
        R"({"id":"a","title":"T"},{"id":"b","title":"U"})",
        R"(,"whatWouldHelp":[{"text":"h","issues":["b"]},{"id":"mine","text":"i"}],)"
        R"("plan":[{"issue":"b","outcome":"o","action":"act","who":"w","priority":"p","byWhen":"d","review":"r\ns",)"
        R"("contingency":"c","help":")"
            + h + R"(","flagged":true},{"issue":"","help":"mine"},{}])"));
    ASSERT_TRUE(a.hasPlan);
    ASSERT_EQ(a.plan.size(), 3u);
    const aa::PlanRow& row = a.plan[0];
    EXPECT_EQ(row.issues, (std::vector<std::string>{ "b" }));
    EXPECT_EQ(row.cell(PlanColumn::Outcome), "o");
    EXPECT_EQ(row.cell(PlanColumn::Action), "act");
    EXPECT_EQ(row.cell(PlanColumn::Who), "w");
    EXPECT_EQ(row.cell(PlanColumn::Priority), "p");
    EXPECT_EQ(row.cell(PlanColumn::ByWhen), "d");
    EXPECT_EQ(row.cell(PlanColumn::Progress), "") << "schema 1 had no progress column";
    EXPECT_EQ(row.cell(PlanColumn::Review), "r\ns") << "the row's own review is kept";
    EXPECT_EQ(row.cell(PlanColumn::Contingency), "c");
    EXPECT_EQ(row.help, h);
    EXPECT_TRUE(row.flagged);
    EXPECT_FALSE(row.must);
    EXPECT_TRUE(a.plan[1].issues.empty()) << "\"\" is a row linked to no issue";
    EXPECT_EQ(a.plan[1].help, "mine");
    EXPECT_EQ(a.plan[2], aa::PlanRow{});
    // The plan-level review and contingency are not made up from the rows.
    EXPECT_EQ(a.topic(Topic::PlanReview), "");
    EXPECT_EQ(a.topic(Topic::Contingency), "");
    EXPECT_TRUE(parseAnalysis(toJson(a)) == a);
}

TEST(JsonSchema1, RaisedByComesBackInCanonicalOrder)
{
    const Analysis a = parseAnalysis(doc1(
        R"({"id":"a","title":"T","raisedBy":["significantAdults","child","otherWorkers","practitioner","parents"]},)"
        R"({"id":"b","title":"T","raisedBy":["parents","child"]},)"
        R"({"id":"c","title":"T","raisedBy":[]})"));
    EXPECT_EQ(a.issues[0].raisedBy, (std::vector<Voice>{ Voice::Practitioner, Voice::Child, Voice::OtherWorkers }));
    EXPECT_EQ(a.issues[0].raisedByAdults, (std::vector<std::string>{ "parents", "otherAdults" }));
    EXPECT_EQ(a.issues[1].raisedBy, (std::vector<Voice>{ Voice::Child }));
    EXPECT_TRUE(a.issues[2].raisedBy.empty());
}

TEST(JsonSchema1, UpdateModeAcceptsWhatReadReturnedFromAHandEditedReport)
{
    const std::string json = doc1(
        R"({"id":"a","title":""},{"id":"b","title":"B","raisedBy":["parents"]})",
        R"(,"strengths":[{"text":"","issues":["a"]}],"whatWouldHelp":[{"text":""},{"id":"h","text":""}],)"
        R"("successSigns":[{"text":""}],"plan":[{"issue":"gone","help":"h"},{"issue":"a","help":"goneToo"}])");
    const Analysis a = parseAnalysis(json, Strings::builtIn(), aa::ParseMode::Update);
    EXPECT_EQ(a.issues.at(0).title, "");
    EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen).at(0).id, hashHelpId(""));
    ASSERT_EQ(a.plan.size(), 2u);
    EXPECT_EQ(a.plan[0].issues, (std::vector<std::string>{ "gone" }));
    EXPECT_EQ(a.plan[1].help, "goneToo");
    EXPECT_EQ(a.issues.at(1).raisedByAdults, (std::vector<std::string>{ "parents" }));
    EXPECT_TRUE(parseAnalysis(toJson(a), Strings::builtIn(), aa::ParseMode::Update) == a) << "lossless";
    // Insert mode refuses them, naming schema 1's fields.
    EXPECT_EQ(refusal(json), message("error.empty", { "issues[0].title" }));
    EXPECT_EQ(refusal(minimal1(R"(,"plan":[{"issue":"gone"}])")),
              message("error.unknownIssue", { "plan[0].issue", "gone" }));
    EXPECT_EQ(refusal(minimal1(R"(,"plan":[{"help":"goneToo"}])")),
              message("error.unknownItem", { "plan[0].help", "goneToo" }));
}

// ---------------------------------------------------------------------------------------------
// validateAnalysis: an analysis built in C++ gets the messages its JSON would

/// A valid analysis with one of everything.
Analysis rich()
{
    Analysis a = parseAnalysis(
        minimal(R"(,"safety":"s","adults":[{"id":"m","name":"M","relationship":"mother"}],)"
                R"("strengths":[{"text":"st","issues":["a"],"adults":["m"]}],)"
                R"("whatNeedsToHappen":[{"id":"h","text":"n","issues":["a"],"must":true,"ifNot":"i"}],)"
                R"("successSigns":[{"text":"g","items":["h"]}],)"
                R"("plan":{"rows":[{"issues":["a"],"help":"h","who":"w"}],"review":"r"},"unplaced":["u"])"));
    a.issues[0].raisedByAdults = { "m" };
    return a;
}

struct Mutation
{
    std::string name;
    std::function<void(Analysis&)> apply;
    std::string key;
    std::vector<std::string> args;
};

TEST(JsonValidate, ABuiltAnalysisGetsTheMessagesItsJsonWould)
{
    ASSERT_EQ(validationRefusal(rich()), "<accepted>");
    const std::string c1 = std::string("x\x01y");
    const std::vector<Mutation> mutations = {
        { "no issues", [](Analysis& a) { a.issues.clear(); }, "error.noIssues", {} },
        { "bad issue id", [](Analysis& a) { a.issues[0].id = "1a"; }, "error.badId", { "issues[0].id" } },
        { "repeated issue id", [](Analysis& a) { a.issues.push_back(a.issues[0]); }, "error.duplicateId",
          { "issues[1].id", "a" } },
        { "empty title", [](Analysis& a) { a.issues[0].title = " "; }, "error.empty", { "issues[0].title" } },
        { "title of two paragraphs", [](Analysis& a) { a.issues[0].title = "a\nb"; }, "error.newline",
          { "issues[0].title" } },
        { "control character in a part", [c1](Analysis& a) { a.issues[0].part(IssuePart::Explanation) = c1; },
          "error.controlChar", { "issues[0].explanation", "U+0001" } },
        { "unknown adult identified an issue", [](Analysis& a) { a.issues[0].raisedByAdults = { "m", "nobody" }; },
          "error.unknownAdult", { "issues[0].raisedByAdults[1]", "nobody" } },
        { "bad adult id", [](Analysis& a) { a.adults[0].id = "a b"; }, "error.badId", { "adults[0].id" } },
        { "repeated adult id", [](Analysis& a) { a.adults.push_back(a.adults[0]); }, "error.duplicateId",
          { "adults[1].id", "m" } },
        { "adult without a name", [](Analysis& a) { a.adults[0].name = ""; }, "error.empty", { "adults[0].name" } },
        { "relationship of two paragraphs", [](Analysis& a) { a.adults[0].relationship = "a\nb"; }, "error.newline",
          { "adults[0].relationship" } },
        { "control character in a motivation", [c1](Analysis& a) { a.adults[0].part(AdultPart::Motivation) = c1; },
          "error.controlChar", { "adults[0].motivation", "U+0001" } },
        { "safety too long", [](Analysis& a) { a.topic(Topic::Safety) = repeat("x", 200001); }, "error.tooLong",
          { "safety", "200001", "200000" } },
        { "weighing up too long", [](Analysis& a) { a.topic(Topic::Patterns) = repeat("x", 200001); }, "error.tooLong",
          { "weighingUp.patterns", "200001", "200000" } },
        { "plan review with a control character", [c1](Analysis& a) { a.topic(Topic::PlanAgreed) = c1; },
          "error.controlChar", { "plan.agreed", "U+0001" } },
        { "bad item id", [](Analysis& a) { a.list(ListKind::WhatNeedsToHappen)[0].id = "x-y"; }, "error.badId",
          { "whatNeedsToHappen[0].id" } },
        { "repeated item id",
          [](Analysis& a) { a.list(ListKind::WhatNeedsToHappen).push_back(a.list(ListKind::WhatNeedsToHappen)[0]); },
          "error.duplicateId", { "whatNeedsToHappen[1].id", "h" } },
        { "empty strength", [](Analysis& a) { a.list(ListKind::Strengths)[0].text = ""; }, "error.empty",
          { "strengths[0].text" } },
        { "if not of two paragraphs", [](Analysis& a) { a.list(ListKind::WhatNeedsToHappen)[0].ifNot = "a\nb"; },
          "error.newline", { "whatNeedsToHappen[0].ifNot" } },
        { "strength of an unknown adult", [](Analysis& a) { a.list(ListKind::Strengths)[0].adults = { "zz" }; },
          "error.unknownAdult", { "strengths[0].adults[0]", "zz" } },
        { "strength of an unknown issue", [](Analysis& a) { a.list(ListKind::Strengths)[0].issues = { "a", "zz" }; },
          "error.unknownIssue", { "strengths[0].issues[1]", "zz" } },
        { "item serving an unknown issue", [](Analysis& a) { a.list(ListKind::WhatNeedsToHappen)[0].issues = { "zz" }; },
          "error.unknownIssue", { "whatNeedsToHappen[0].issues[0]", "zz" } },
        { "sign tied to an unknown item", [](Analysis& a) { a.list(ListKind::SuccessSigns)[0].items = { "h", "zz" }; },
          "error.unknownItem", { "successSigns[0].items[1]", "zz" } },
        { "plan row of an unknown issue", [](Analysis& a) { a.plan[0].issues = { "zz" }; }, "error.unknownIssue",
          { "plan.rows[0].issues[0]", "zz" } },
        { "plan row of a bad issue id", [](Analysis& a) { a.plan[0].issues = { "a", "1" }; }, "error.badId",
          { "plan.rows[0].issues[1]" } },
        { "plan row of an unknown item", [](Analysis& a) { a.plan[0].help = "zz"; }, "error.unknownItem",
          { "plan.rows[0].help", "zz" } },
        { "plan row of a bad item id", [](Analysis& a) { a.plan[0].help = "z z"; }, "error.badId",
          { "plan.rows[0].help" } },
        { "plan cell with a control character", [c1](Analysis& a) { a.plan[0].cell(PlanColumn::Progress) = c1; },
          "error.controlChar", { "plan.rows[0].progress", "U+0001" } },
        { "unplaced with a control character", [c1](Analysis& a) { a.unplaced[0] = c1; }, "error.controlChar",
          { "unplaced[0]", "U+0001" } },
        { "too many issues",
          [](Analysis& a) {
              for (int i = 0; i < 1000; ++i)
                  a.issues.push_back(aa::Issue{ "i" + std::to_string(i), "T", {}, {}, {} });
          },
          "error.tooMany", { "issues", "1001", "1000" } },
        { "too many adults",
          [](Analysis& a) {
              for (int i = 0; i < 100; ++i)
                  a.adults.push_back(Adult{ "p" + std::to_string(i), "N", "", {} });
          },
          "error.tooMany", { "adults", "101", "100" } },
        { "too many strengths",
          [](Analysis& a) { a.list(ListKind::Strengths).resize(2001, a.list(ListKind::Strengths)[0]); },
          "error.tooMany", { "strengths", "2001", "2000" } },
        { "too many plan rows", [](Analysis& a) { a.plan.resize(2001); }, "error.tooMany",
          { "plan.rows", "2001", "2000" } },
    };
    for (const Mutation& m : mutations)
    {
        SCOPED_TRACE(m.name);
        Analysis a = rich();
        m.apply(a);
        const std::string expected = message(m.key, m.args);
        EXPECT_EQ(validationRefusal(a), expected);
        EXPECT_EQ(refusal(toJson(a)), expected) << "the same analysis as JSON";
    }
}

TEST(JsonValidate, WhatIsAllowedIsAllowed)
{
    Analysis a = rich();
    a.list(ListKind::WhatNeedsToHappen)[0].ifNot = ""; // a must without its consequence (the review reports it)
    a.adults[0].relationship = "";
    a.topics = {};
    a.plan[0].help = "";
    a.plan[0].issues.clear();
    EXPECT_EQ(validationRefusal(a), "<accepted>");
    // An item without an id gets one when the analysis is written: nothing can be tied to it yet.
    a.list(ListKind::WhatNeedsToHappen).push_back(aa::test::makeItem("no id yet", { "a" }));
    a.list(ListKind::WhatNeedsToHappen).push_back(aa::test::makeItem("no id either"));
    EXPECT_EQ(validationRefusal(a), "<accepted>");
    EXPECT_EQ(validationRefusal(aa::withPlan(a)), "<accepted>");
    // Regression: toJson wrote such an item's id as "", which parseAnalysis refuses; the JSON of
    // what validateAnalysis accepts is accepted, and the items get the ids withPlan gives them.
    const std::string json = toJson(a);
    EXPECT_EQ(json.find(R"("id":"")"), std::string::npos) << json;
    Analysis parsed;
    ASSERT_NO_THROW(parsed = parseAnalysis(json));
    EXPECT_EQ(parsed.list(ListKind::WhatNeedsToHappen), aa::withPlan(a).list(ListKind::WhatNeedsToHappen));
    // A sample built from JSON is valid.
    EXPECT_EQ(validationRefusal(parseAnalysis(sampleJson())), "<accepted>");
}

TEST(JsonValidate, UpdateModeAcceptsWhatAHandEditedDocumentHolds)
{
    Analysis a = rich();
    a.issues[0].title = "";
    a.adults[0].name = "";
    a.list(ListKind::Strengths)[0].text = "";
    a.plan[0].issues = { "gone" };
    a.plan[0].help = "goneToo";
    EXPECT_EQ(validationRefusal(a, aa::ParseMode::Update), "<accepted>");
    EXPECT_EQ(validationRefusal(a), message("error.empty", { "adults[0].name" }));
    // Ids and the references of the analysis itself are still checked.
    a.plan[0].issues = { "1x" };
    EXPECT_EQ(validationRefusal(a, aa::ParseMode::Update), message("error.badId", { "plan.rows[0].issues[0]" }));
    a.plan[0].issues.clear();
    a.list(ListKind::SuccessSigns)[0].items = { "gone" };
    EXPECT_EQ(validationRefusal(a, aa::ParseMode::Update),
              message("error.unknownItem", { "successSigns[0].items[0]", "gone" }));
}

// ---------------------------------------------------------------------------------------------
// Hostile input

TEST(JsonHostile, MalformedJson)
{
    const std::string prefix = message("error.json", { "" });
    for (const std::string& bad : std::vector<std::string>{
             std::string(), std::string("{"), std::string(R"({"schema":2,)"), std::string("[1,]"), std::string("nul"),
             std::string("{'schema':2}"), std::string(R"({"schema":2} {})"), std::string(R"({"schema":2 "issues":[]})"),
             std::string("{\"a\":\"\x01\"}"), std::string(R"({"a":"\x"})"), std::string("/* c */{}"),
             std::string("{\"schema\":2}\0", 13), std::string(R"({"schema":02})"), std::string(R"({"a":NaN})") })
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
    for (const std::string& bad :
         std::vector<std::string>{ std::string("\xFF"), std::string("\xC3"), std::string("\x80"), std::string("a\xC3("),
                                   std::string("\xC0\xAF"),         // overlong '/'
                                   std::string("\xE0\x80\xAF"),     // overlong, three bytes
                                   std::string("\xED\xA0\x80"),     // UTF-16 surrogate D800 encoded
                                   std::string("\xF4\x90\x80\x80"), // beyond U+10FFFF
                                   std::string("\xF8\x88\x80\x80\x80") })
    {
        SCOPED_TRACE(::testing::PrintToString(bad));
        for (const TextSlot& slot : allTextSlots())
        {
            const std::string what = refusal(slot.make("\"ok " + bad + " ok\""));
            EXPECT_EQ(what.rfind(prefix, 0), 0u) << slot.path << ": " << what;
        }
        // In a key too.
        const std::string what = refusal(R"({"schema":2,")" + bad + R"(":1})");
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
    }
}

TEST(JsonHostile, LoneSurrogateEscapesAreRefused)
{
    const std::string prefix = message("error.json", { "" });
    for (const std::string& bad :
         std::vector<std::string>{ R"("\ud800")", R"("\udc00")", R"("\ud800x")", R"("\ud83d\u0041")" })
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
        what = refusal(minimal(R"(,"plan":{"rows":)" + repeat("[", depth) + repeat("]", depth) + "}"));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
        what = refusal(minimal1(R"(,"plan":)" + repeat("[", depth) + repeat("]", depth)));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
        what = refusal(repeat(R"({"a":)", depth) + "1" + repeat("}", depth));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
    }
}

TEST(JsonHostile, TooManyBytes)
{
    const std::size_t size = aa::Limits::maxJsonBytes + 1;
    std::string big = minimal(R"(,"weighingUp":{"notKnown":")");
    big += std::string(size - big.size() - 3, 'x');
    big += "\"}}";
    ASSERT_EQ(big.size(), size);
    EXPECT_EQ(refusal(big),
              message("error.tooLarge", { std::to_string(size), std::to_string(aa::Limits::maxJsonBytes) }));
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
        { "schema 3", R"({"schema":3,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema 0", R"({"schema":0,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema -1", R"({"schema":-1,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema \"2\"", R"({"schema":"2","issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema 2.0", R"({"schema":2.0,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema 1.5", R"({"schema":1.5,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema null", R"({"schema":null,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema true", R"({"schema":true,"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema [2]", R"({"schema":[2],"issues":[{"id":"a","title":"T"}]})", "error.schema", {} },
        { "schema huge", R"({"schema":18446744073709551617,"issues":[]})", "error.schema", {} },
        { "schema 2^64-1", R"({"schema":18446744073709551615,"issues":[]})", "error.schema", {} },
        { "schema 2^32+2", R"({"schema":4294967298,"issues":[]})", "error.schema", {} },
        { "issues missing", R"({"schema":2})", "error.missing", { "issues" } },
        { "issues missing (1)", R"({"schema":1})", "error.missing", { "issues" } },
        { "issues empty", R"({"schema":2,"issues":[]})", "error.noIssues", {} },
        { "issues empty (1)", R"({"schema":1,"issues":[]})", "error.noIssues", {} },
        { "issues string", R"({"schema":2,"issues":"a"})", "error.notArray", { "issues" } },
        { "issues object", R"({"schema":2,"issues":{"id":"a","title":"T"}})", "error.notArray", { "issues" } },
        { "issues null", R"({"schema":2,"issues":null})", "error.notArray", { "issues" } },
        { "issues number", R"({"schema":2,"issues":3})", "error.notArray", { "issues" } },
        { "unknown top", minimal(R"(,"notes":"x")"), "error.unknownField", { "notes" } },
        { "unknown top first", R"({"zzz":1,"schema":2,"issues":[]})", "error.unknownField", { "zzz" } },
        { "wrong case", minimal(R"(,"Strengths":[])"), "error.unknownField", { "Strengths" } },
        // Each schema's fields belong to it alone.
        { "considerations in schema 2",
          minimal(R"(,"considerations":{})"),
          "error.unknownField",
          { "considerations" } },
        { "whatWouldHelp in schema 2", minimal(R"(,"whatWouldHelp":[])"), "error.unknownField", { "whatWouldHelp" } },
        { "adults in schema 1", minimal1(R"(,"adults":[])"), "error.unknownField", { "adults" } },
        { "safety in schema 1", minimal1(R"(,"safety":"")"), "error.unknownField", { "safety" } },
        { "weighingUp in schema 1", minimal1(R"(,"weighingUp":{})"), "error.unknownField", { "weighingUp" } },
        { "whatNeedsToHappen in schema 1",
          minimal1(R"(,"whatNeedsToHappen":[])"),
          "error.unknownField",
          { "whatNeedsToHappen" } },
        { "recommendation in schema 1",
          minimal1(R"(,"recommendation":"")"),
          "error.unknownField",
          { "recommendation" } },
        // Schema 2's whole-analysis texts.
        { "safety number", minimal(R"(,"safety":1)"), "error.notString", { "safety" } },
        { "childExperience null", minimal(R"(,"childExperience":null)"), "error.notString", { "childExperience" } },
        { "recommendation array", minimal(R"(,"recommendation":["x"])"), "error.notString", { "recommendation" } },
        { "weighingUp array", minimal(R"(,"weighingUp":[])"), "error.notObject", { "weighingUp" } },
        { "weighingUp string", minimal(R"(,"weighingUp":"x")"), "error.notObject", { "weighingUp" } },
        { "weighingUp unknown",
          minimal(R"(,"weighingUp":{"notKnown":"","other":"x"})"),
          "error.unknownField",
          { "weighingUp.other" } },
        { "weighingUp schema 1 name",
          minimal(R"(,"weighingUp":{"childUnderstanding":"x"})"),
          "error.unknownField",
          { "weighingUp.childUnderstanding" } },
        { "weighingUp safety",
          minimal(R"(,"weighingUp":{"safety":"x"})"),
          "error.unknownField",
          { "weighingUp.safety" } },
        // Schema 2's plan.
        { "plan array", minimal(R"(,"plan":[])"), "error.notObject", { "plan" } },
        { "plan string", minimal(R"(,"plan":"x")"), "error.notObject", { "plan" } },
        { "plan unknown", minimal(R"(,"plan":{"rows":[],"notes":"x"})"), "error.unknownField", { "plan.notes" } },
        { "plan review number", minimal(R"(,"plan":{"review":1})"), "error.notString", { "plan.review" } },
        { "plan contingency object",
          minimal(R"(,"plan":{"contingency":{}})"),
          "error.notString",
          { "plan.contingency" } },
        { "plan agreed bool", minimal(R"(,"plan":{"agreed":true})"), "error.notString", { "plan.agreed" } },
        { "plan rows object", minimal(R"(,"plan":{"rows":{}})"), "error.notArray", { "plan.rows" } },
        { "plan rows null", minimal(R"(,"plan":{"rows":null})"), "error.notArray", { "plan.rows" } },
        { "plan row string", minimal(R"(,"plan":{"rows":["x"]})"), "error.notObject", { "plan.rows[0]" } },
        { "plan row array", minimal(R"(,"plan":{"rows":[{},[]]})"), "error.notObject", { "plan.rows[1]" } },
        { "plan row unknown",
          minimal(R"(,"plan":{"rows":[{"issues":["a"],"notes":"x"}]})"),
          "error.unknownField",
          { "plan.rows[0].notes" } },
        { "plan row schema 1 issue",
          minimal(R"(,"plan":{"rows":[{"issue":"a"}]})"),
          "error.unknownField",
          { "plan.rows[0].issue" } },
        { "plan row issues string",
          minimal(R"(,"plan":{"rows":[{"issues":"a"}]})"),
          "error.notArray",
          { "plan.rows[0].issues" } },
        { "plan row issue number",
          minimal(R"(,"plan":{"rows":[{"issues":["a",1]}]})"),
          "error.notString",
          { "plan.rows[0].issues[1]" } },
        { "plan row issue null",
          minimal(R"(,"plan":{"rows":[{"issues":[null]}]})"),
          "error.notString",
          { "plan.rows[0].issues[0]" } },
        { "plan row issue unknown",
          minimal(R"(,"plan":{"rows":[{"issues":["a"]},{"issues":["a","nope"]}]})"),
          "error.unknownIssue",
          { "plan.rows[1].issues[1]", "nope" } },
        { "plan row issue empty",
          minimal(R"(,"plan":{"rows":[{"issues":[""]}]})"),
          "error.badId",
          { "plan.rows[0].issues[0]" } },
        { "plan row issue bad",
          minimal(R"(,"plan":{"rows":[{"issues":["a b"]}]})"),
          "error.badId",
          { "plan.rows[0].issues[0]" } },
        { "plan row help number",
          minimal(R"(,"plan":{"rows":[{"help":1}]})"),
          "error.notString",
          { "plan.rows[0].help" } },
        { "plan row help unknown",
          minimal(R"(,"whatNeedsToHappen":[{"text":"h"}],"plan":{"rows":[{"help":")" + hashHelpId("h")
                  + R"("},{"help":"nope"}]})"),
          "error.unknownItem",
          { "plan.rows[1].help", "nope" } },
        { "plan row help without items",
          minimal(R"(,"plan":{"rows":[{"help":"help1"}]})"),
          "error.unknownItem",
          { "plan.rows[0].help", "help1" } },
        { "plan row help bad", minimal(R"(,"plan":{"rows":[{"help":"1x"}]})"), "error.badId", { "plan.rows[0].help" } },
        { "plan row must string",
          minimal(R"(,"plan":{"rows":[{"must":"yes"}]})"),
          "error.notBool",
          { "plan.rows[0].must" } },
        { "plan row flagged string",
          minimal(R"(,"plan":{"rows":[{"flagged":"yes"}]})"),
          "error.notBool",
          { "plan.rows[0].flagged" } },
        { "plan row flagged number",
          minimal(R"(,"plan":{"rows":[{"flagged":1}]})"),
          "error.notBool",
          { "plan.rows[0].flagged" } },
        { "plan row flagged null",
          minimal(R"(,"plan":{"rows":[{"flagged":null}]})"),
          "error.notBool",
          { "plan.rows[0].flagged" } },
        // Schema 1's plan.
        { "plan object (1)", minimal1(R"(,"plan":{})"), "error.notArray", { "plan" } },
        { "plan string (1)", minimal1(R"(,"plan":"x")"), "error.notArray", { "plan" } },
        { "plan row string (1)", minimal1(R"(,"plan":["x"])"), "error.notObject", { "plan[0]" } },
        { "plan row array (1)", minimal1(R"(,"plan":[{},[]])"), "error.notObject", { "plan[1]" } },
        { "plan unknown (1)",
          minimal1(R"(,"plan":[{"issue":"a","notes":"x"}])"),
          "error.unknownField",
          { "plan[0].notes" } },
        { "plan schema 2 issues (1)",
          minimal1(R"(,"plan":[{"issues":["a"]}])"),
          "error.unknownField",
          { "plan[0].issues" } },
        { "plan progress (1)",
          minimal1(R"(,"plan":[{"progress":"done"}])"),
          "error.unknownField",
          { "plan[0].progress" } },
        { "plan must (1)", minimal1(R"(,"plan":[{"must":true}])"), "error.unknownField", { "plan[0].must" } },
        { "plan issue number (1)", minimal1(R"(,"plan":[{"issue":1}])"), "error.notString", { "plan[0].issue" } },
        { "plan issue null (1)", minimal1(R"(,"plan":[{"issue":null}])"), "error.notString", { "plan[0].issue" } },
        { "plan issue bad (1)", minimal1(R"(,"plan":[{"issue":"a b"}])"), "error.badId", { "plan[0].issue" } },
        { "plan issue unknown (1)",
          minimal1(R"(,"plan":[{"issue":"a"},{"issue":"nope"}])"),
          "error.unknownIssue",
          { "plan[1].issue", "nope" } },
        { "plan help number (1)", minimal1(R"(,"plan":[{"help":1}])"), "error.notString", { "plan[0].help" } },
        { "plan help unknown (1)",
          minimal1(R"(,"whatWouldHelp":[{"text":"h"}],"plan":[{"help":")" + hashHelpId("h") + R"("},{"help":"nope"}])"),
          "error.unknownItem",
          { "plan[1].help", "nope" } },
        { "plan help without items (1)",
          minimal1(R"(,"plan":[{"help":"help1"}])"),
          "error.unknownItem",
          { "plan[0].help", "help1" } },
        { "plan flagged string (1)",
          minimal1(R"(,"plan":[{"flagged":"yes"}])"),
          "error.notBool",
          { "plan[0].flagged" } },
        // Schema 1's considerations.
        { "considerations array (1)", minimal1(R"(,"considerations":[])"), "error.notObject", { "considerations" } },
        { "considerations string (1)", minimal1(R"(,"considerations":"x")"), "error.notObject", { "considerations" } },
        { "considerations unknown (1)",
          minimal1(R"(,"considerations":{"notKnown":"","other":"x"})"),
          "error.unknownField",
          { "considerations.other" } },
        { "considerations schema 2 name (1)",
          minimal1(R"(,"considerations":{"childExperience":"x"})"),
          "error.unknownField",
          { "considerations.childExperience" } },
        // Unplaced text.
        { "unplaced string", minimal(R"(,"unplaced":"x")"), "error.notArray", { "unplaced" } },
        { "unplaced object", minimal(R"(,"unplaced":{})"), "error.notArray", { "unplaced" } },
        { "unplaced number", minimal(R"(,"unplaced":["x",2])"), "error.notString", { "unplaced[1]" } },
        { "unplaced number (1)", minimal1(R"(,"unplaced":["x",2])"), "error.notString", { "unplaced[1]" } },
    };
    for (const std::string& name : weighingNames)
    {
        cases.push_back({ name + " number",
                          minimal(R"(,"weighingUp":{")" + name + "\":1}"),
                          "error.notString",
                          { "weighingUp." + name } });
        cases.push_back({ name + " null",
                          minimal(R"(,"weighingUp":{")" + name + "\":null}"),
                          "error.notString",
                          { "weighingUp." + name } });
    }
    for (const std::string& c : considerationNames)
    {
        cases.push_back({ c + " number (1)",
                          minimal1(R"(,"considerations":{")" + c + "\":1}"),
                          "error.notString",
                          { "considerations." + c } });
        cases.push_back({ c + " null (1)",
                          minimal1(R"(,"considerations":{")" + c + "\":null}"),
                          "error.notString",
                          { "considerations." + c } });
        cases.push_back({ c + " object (1)",
                          minimal1(R"(,"considerations":{")" + c + "\":{}}"),
                          "error.notString",
                          { "considerations." + c } });
    }
    for (const std::string& c : planCellNames)
    {
        cases.push_back({ "plan " + c + " number",
                          minimal(R"(,"plan":{"rows":[{")" + c + "\":1}]}"),
                          "error.notString",
                          { "plan.rows[0]." + c } });
        cases.push_back({ "plan " + c + " array",
                          minimal(R"(,"plan":{"rows":[{")" + c + "\":[\"x\"]}]}"),
                          "error.notString",
                          { "plan.rows[0]." + c } });
    }
    for (const std::string& c : planCellNames1)
    {
        cases.push_back({ "plan " + c + " number (1)",
                          minimal1(R"(,"plan":[{")" + c + "\":1}]"),
                          "error.notString",
                          { "plan[0]." + c } });
        cases.push_back({ "plan " + c + " array (1)",
                          minimal1(R"(,"plan":[{")" + c + "\":[\"x\"]}]"),
                          "error.notString",
                          { "plan[0]." + c } });
    }
    expectRefusals(cases);
}

TEST(JsonHostile, Lists)
{
    std::vector<Refusal> cases = {
        { "need id number",
          minimal(R"(,"whatNeedsToHappen":[{"id":1,"text":"x"}])"),
          "error.notString",
          { "whatNeedsToHappen[0].id" } },
        { "need id bad",
          minimal(R"(,"whatNeedsToHappen":[{"text":"x"},{"id":"1x","text":"y"}])"),
          "error.badId",
          { "whatNeedsToHappen[1].id" } },
        // Regression: an empty id was taken for no id and given an auto id, where schema 1 (and
        // the documentation) refuse it.
        { "need id empty",
          minimal(R"(,"whatNeedsToHappen":[{"id":"","text":"y"}])"),
          "error.badId",
          { "whatNeedsToHappen[0].id" } },
        { "need id repeated",
          minimal(R"(,"whatNeedsToHappen":[{"id":"h","text":"x"},{"id":"h","text":"y"}])"),
          "error.duplicateId",
          { "whatNeedsToHappen[1].id", "h" } },
        { "need must string",
          minimal(R"(,"whatNeedsToHappen":[{"text":"x","must":"yes"}])"),
          "error.notBool",
          { "whatNeedsToHappen[0].must" } },
        { "need must number",
          minimal(R"(,"whatNeedsToHappen":[{"text":"x","must":1}])"),
          "error.notBool",
          { "whatNeedsToHappen[0].must" } },
        { "need ifNot number",
          minimal(R"(,"whatNeedsToHappen":[{"text":"x","must":true,"ifNot":1}])"),
          "error.notString",
          { "whatNeedsToHappen[0].ifNot" } },
        { "need ifNot newline",
          minimal(R"(,"whatNeedsToHappen":[{"text":"x","must":true,"ifNot":"a\nb"}])"),
          "error.newline",
          { "whatNeedsToHappen[0].ifNot" } },
        { "need adults",
          minimal(R"(,"whatNeedsToHappen":[{"text":"x","adults":[]}])"),
          "error.unknownField",
          { "whatNeedsToHappen[0].adults" } },
        { "need items",
          minimal(R"(,"whatNeedsToHappen":[{"text":"x","items":[]}])"),
          "error.unknownField",
          { "whatNeedsToHappen[0].items" } },
        { "strength with id",
          minimal(R"(,"strengths":[{"id":"s","text":"x"}])"),
          "error.unknownField",
          { "strengths[0].id" } },
        { "strength must",
          minimal(R"(,"strengths":[{"text":"x","must":true}])"),
          "error.unknownField",
          { "strengths[0].must" } },
        { "strength items",
          minimal(R"(,"strengths":[{"text":"x","items":[]}])"),
          "error.unknownField",
          { "strengths[0].items" } },
        { "strength adults string",
          minimal(R"(,"strengths":[{"text":"x","adults":"m"}])"),
          "error.notArray",
          { "strengths[0].adults" } },
        { "strength adult number",
          minimal(R"(,"adults":[{"id":"m","name":"M"}],"strengths":[{"text":"x","adults":["m",1]}])"),
          "error.notString",
          { "strengths[0].adults[1]" } },
        { "strength adult unknown",
          minimal(R"(,"adults":[{"id":"m","name":"M"}],"strengths":[{"text":"x","adults":["m","zz"]}])"),
          "error.unknownAdult",
          { "strengths[0].adults[1]", "zz" } },
        { "strength adult without adults",
          minimal(R"(,"strengths":[{"text":"x","adults":["m"]}])"),
          "error.unknownAdult",
          { "strengths[0].adults[0]", "m" } },
        { "strength adult is an issue",
          minimal(R"(,"strengths":[{"text":"x","adults":["a"]}])"),
          "error.unknownAdult",
          { "strengths[0].adults[0]", "a" } },
        { "success sign with id",
          minimal(R"(,"successSigns":[{"id":"s","text":"x"}])"),
          "error.unknownField",
          { "successSigns[0].id" } },
        { "success sign adults",
          minimal(R"(,"successSigns":[{"text":"x","adults":[]}])"),
          "error.unknownField",
          { "successSigns[0].adults" } },
        { "success sign ifNot",
          minimal(R"(,"successSigns":[{"text":"x","ifNot":""}])"),
          "error.unknownField",
          { "successSigns[0].ifNot" } },
        { "success sign items object",
          minimal(R"(,"successSigns":[{"text":"x","items":{}}])"),
          "error.notArray",
          { "successSigns[0].items" } },
        { "success sign item number",
          minimal(R"(,"successSigns":[{"text":"x","items":[1]}])"),
          "error.notString",
          { "successSigns[0].items[0]" } },
        { "success sign item unknown",
          minimal(R"(,"whatNeedsToHappen":[{"id":"h","text":"h"}],"successSigns":[{"text":"x","items":["h","zz"]}])"),
          "error.unknownItem",
          { "successSigns[0].items[1]", "zz" } },
        { "success sign item without items",
          minimal(R"(,"successSigns":[{"text":"x"},{"text":"y","items":["h"]}])"),
          "error.unknownItem",
          { "successSigns[1].items[0]", "h" } },
        { "success sign item is an issue",
          minimal(R"(,"successSigns":[{"text":"x","items":["a"]}])"),
          "error.unknownItem",
          { "successSigns[0].items[0]", "a" } },
        // Regression: repeats are dropped before the references were checked, so a message named
        // the wrong entry (issues[1] for the third).
        { "repeat before an unknown issue",
          minimal(R"(,"strengths":[{"text":"x","issues":["a","a","zz"]}])"),
          "error.unknownIssue",
          { "strengths[0].issues[2]", "zz" } },
        { "repeat before an unknown item",
          minimal(
              R"(,"whatNeedsToHappen":[{"id":"h","text":"h"}],"successSigns":[{"text":"x","items":["h","h","zz"]}])"),
          "error.unknownItem",
          { "successSigns[0].items[2]", "zz" } },
        { "repeat before an unknown adult",
          doc(R"({"id":"a","title":"T","raisedByAdults":["m","m","zz"]})", R"(,"adults":[{"id":"m","name":"M"}])"),
          "error.unknownAdult",
          { "issues[0].raisedByAdults[2]", "zz" } },
        { "repeat before a bad plan issue",
          minimal(R"(,"plan":{"rows":[{"issues":["a","a","1"]}]})"),
          "error.badId",
          { "plan.rows[0].issues[2]" } },
        // Schema 1's lists.
        { "help id number (1)",
          minimal1(R"(,"whatWouldHelp":[{"id":1,"text":"x"}])"),
          "error.notString",
          { "whatWouldHelp[0].id" } },
        { "help id bad (1)",
          minimal1(R"(,"whatWouldHelp":[{"text":"x"},{"id":"1x","text":"y"}])"),
          "error.badId",
          { "whatWouldHelp[1].id" } },
        { "help id empty (1)",
          minimal1(R"(,"whatWouldHelp":[{"id":"","text":"y"}])"),
          "error.badId",
          { "whatWouldHelp[0].id" } },
        { "help id repeated (1)",
          minimal1(R"(,"whatWouldHelp":[{"id":"h","text":"x"},{"id":"h","text":"y"}])"),
          "error.duplicateId",
          { "whatWouldHelp[1].id", "h" } },
        { "help must (1)",
          minimal1(R"(,"whatWouldHelp":[{"text":"x","must":true}])"),
          "error.unknownField",
          { "whatWouldHelp[0].must" } },
        { "strength adults (1)",
          minimal1(R"(,"strengths":[{"text":"x","adults":[]}])"),
          "error.unknownField",
          { "strengths[0].adults" } },
        { "success sign items (1)",
          minimal1(R"(,"successSigns":[{"text":"x","items":[]}])"),
          "error.unknownField",
          { "successSigns[0].items" } },
        { "strength with id (1)",
          minimal1(R"(,"strengths":[{"id":"s","text":"x"}])"),
          "error.unknownField",
          { "strengths[0].id" } },
        { "repeat before an unknown issue (1)",
          minimal1(R"(,"strengths":[{"text":"x","issues":["a","a","zz"]}])"),
          "error.unknownIssue",
          { "strengths[0].issues[2]", "zz" } },
    };
    for (const auto& [names, wrap] :
         { std::pair<std::vector<std::string>, std::function<std::string(const std::string&)>>{ listNames, minimal },
           { listNames1, minimal1 } })
        for (const std::string& name : names)
        {
            cases.push_back({ name + " string", wrap(",\"" + name + "\":\"x\""), "error.notArray", { name } });
            cases.push_back({ name + " object", wrap(",\"" + name + "\":{}"), "error.notArray", { name } });
            cases.push_back(
                { name + " item string", wrap(",\"" + name + "\":[\"x\"]"), "error.notObject", { name + "[0]" } });
            cases.push_back({ name + " item number",
                              wrap(",\"" + name + R"(":[{"text":"x"},1])"),
                              "error.notObject",
                              { name + "[1]" } });
            cases.push_back({ name + " text missing",
                              wrap(",\"" + name + R"(":[{"issues":["a"]}])"),
                              "error.missing",
                              { name + "[0].text" } });
            cases.push_back({ name + " text number",
                              wrap(",\"" + name + R"(":[{"text":1}])"),
                              "error.notString",
                              { name + "[0].text" } });
            cases.push_back({ name + " text array",
                              wrap(",\"" + name + R"(":[{"text":["x"]}])"),
                              "error.notString",
                              { name + "[0].text" } });
            cases.push_back({ name + " text empty",
                              wrap(",\"" + name + R"(":[{"text":""}])"),
                              "error.empty",
                              { name + "[0].text" } });
            cases.push_back({ name + " text blank",
                              wrap(",\"" + name + R"(":[{"text":" \t "}])"),
                              "error.empty",
                              { name + "[0].text" } });
            cases.push_back({ name + " text newline",
                              wrap(",\"" + name + R"(":[{"text":"a\nb"}])"),
                              "error.newline",
                              { name + "[0].text" } });
            cases.push_back({ name + " text CR",
                              wrap(",\"" + name + R"(":[{"text":"a\rb"}])"),
                              "error.newline",
                              { name + "[0].text" } });
            cases.push_back({ name + " unknown",
                              wrap(",\"" + name + R"(":[{"text":"x","issue":"a"}])"),
                              "error.unknownField",
                              { name + "[0].issue" } });
            cases.push_back({ name + " issues string",
                              wrap(",\"" + name + R"(":[{"text":"x","issues":"a"}])"),
                              "error.notArray",
                              { name + "[0].issues" } });
            cases.push_back({ name + " issues object",
                              wrap(",\"" + name + R"(":[{"text":"x","issues":{}}])"),
                              "error.notArray",
                              { name + "[0].issues" } });
            cases.push_back({ name + " issue number",
                              wrap(",\"" + name + R"(":[{"text":"x","issues":["a",1]}])"),
                              "error.notString",
                              { name + "[0].issues[1]" } });
            cases.push_back({ name + " issue unknown",
                              wrap(",\"" + name + R"(":[{"text":"x"},{"text":"y","issues":["a","zz"]}])"),
                              "error.unknownIssue",
                              { name + "[1].issues[1]", "zz" } });
            cases.push_back({ name + " issue wrong case",
                              wrap(",\"" + name + R"(":[{"text":"x","issues":["A"]}])"),
                              "error.unknownIssue",
                              { name + "[0].issues[0]", "A" } });
        }
    expectRefusals(cases);
}

TEST(JsonHostile, Adults)
{
    const auto adults = [](const std::string& list) { return minimal(",\"adults\":" + list); };
    std::vector<Refusal> cases = {
        { "adults object", adults("{}"), "error.notArray", { "adults" } },
        { "adults string", adults(R"("m")"), "error.notArray", { "adults" } },
        { "adult string", adults(R"(["m"])"), "error.notObject", { "adults[0]" } },
        { "adult null", adults(R"([{"id":"m","name":"M"},null])"), "error.notObject", { "adults[1]" } },
        { "id missing", adults(R"([{"name":"M"}])"), "error.missing", { "adults[0].id" } },
        { "id number", adults(R"([{"id":1,"name":"M"}])"), "error.notString", { "adults[0].id" } },
        { "id empty", adults(R"([{"id":"","name":"M"}])"), "error.badId", { "adults[0].id" } },
        { "id bad",
          adults(R"([{"id":"m","name":"M"},{"id":"Ms Green","name":"M"}])"),
          "error.badId",
          { "adults[1].id" } },
        { "id too long",
          adults(R"([{"id":")" + std::string(32, 'm') + R"(","name":"M"}])"),
          "error.badId",
          { "adults[0].id" } },
        { "id repeated",
          adults(R"([{"id":"m","name":"M"},{"id":"f","name":"F"},{"id":"m","name":"N"}])"),
          "error.duplicateId",
          { "adults[2].id", "m" } },
        { "name missing", adults(R"([{"id":"m"}])"), "error.missing", { "adults[0].name" } },
        { "name number", adults(R"([{"id":"m","name":5}])"), "error.notString", { "adults[0].name" } },
        { "name empty", adults(R"([{"id":"m","name":""}])"), "error.empty", { "adults[0].name" } },
        { "name blank", adults(R"([{"id":"m","name":" \t"}])"), "error.empty", { "adults[0].name" } },
        { "name newline", adults(R"([{"id":"m","name":"a\nb"}])"), "error.newline", { "adults[0].name" } },
        { "relationship number",
          adults(R"([{"id":"m","name":"M","relationship":1}])"),
          "error.notString",
          { "adults[0].relationship" } },
        { "relationship newline",
          adults(R"([{"id":"m","name":"M","relationship":"a\r\nb"}])"),
          "error.newline",
          { "adults[0].relationship" } },
        { "understanding array",
          adults(R"([{"id":"m","name":"M","understanding":[]}])"),
          "error.notString",
          { "adults[0].understanding" } },
        { "motivation null",
          adults(R"([{"id":"m","name":"M","motivation":null}])"),
          "error.notString",
          { "adults[0].motivation" } },
        { "unknown field",
          adults(R"([{"id":"m","name":"M","role":"mother"}])"),
          "error.unknownField",
          { "adults[0].role" } },
        { "schema 1 field",
          adults(R"([{"id":"m","name":"M","parentsMotivation":""}])"),
          "error.unknownField",
          { "adults[0].parentsMotivation" } },
    };
    expectRefusals(cases);
}

TEST(JsonHostile, IssueFields)
{
    struct Schema
    {
        std::function<std::string(const std::string&)> wrap; ///< a document with these issues
        std::vector<std::string> parts;
    };
    for (const Schema& schema : { Schema{ [](const std::string& i) { return doc(i); }, partNames },
                                  Schema{ [](const std::string& i) { return doc1(i); }, partNames1 } })
    {
        const auto& wrap = schema.wrap;
        SCOPED_TRACE(wrap(""));
        const auto one = [&](const std::string& issue) { return wrap(issue); };
        const auto second = [&](const std::string& issue) { return wrap(std::string(minimalIssue) + "," + issue); };
        std::vector<Refusal> cases = {
            { "issue number", one("1"), "error.notObject", { "issues[0]" } },
            { "issue string", one(R"("a")"), "error.notObject", { "issues[0]" } },
            { "issue array", one("[]"), "error.notObject", { "issues[0]" } },
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
            { "raisedBy object",
              one(R"({"id":"a","title":"T","raisedBy":{}})"),
              "error.notArray",
              { "issues[0].raisedBy" } },
            { "raisedBy string",
              one(R"({"id":"a","title":"T","raisedBy":"child"})"),
              "error.notArray",
              { "issues[0].raisedBy" } },
            { "raisedBy number entry",
              one(R"({"id":"a","title":"T","raisedBy":["child",2]})"),
              "error.notString",
              { "issues[0].raisedBy[1]" } },
            { "raisedBy duplicate",
              one(R"({"id":"a","title":"T","raisedBy":["child","otherWorkers","child"]})"),
              "error.duplicateVoice",
              { "issues[0].raisedBy", "child" } },
            { "raisedBy too many",
              one(R"({"id":"a","title":"T","raisedBy":[)" + repeat(R"("child",)", 20) + R"("child"]})"),
              "error.tooMany",
              { "issues[0].raisedBy", "21", "20" } },
            { "unknown field",
              one(R"({"id":"a","title":"T","notes":"x"})"),
              "error.unknownField",
              { "issues[0].notes" } },
            { "unknown field second",
              second(R"({"id":"b","title":"T","Title":"x"})"),
              "error.unknownField",
              { "issues[1].Title" } },
            { "list name in issue",
              one(R"({"id":"a","title":"T","strengths":[]})"),
              "error.unknownField",
              { "issues[0].strengths" } },
            { "duplicate id",
              wrap(R"({"id":"a","title":"T"},{"id":"b","title":"T"},{"id":"a","title":"U"})"),
              "error.duplicateId",
              { "issues[2].id", "a" } },
        };
        for (const std::string& p : schema.parts)
        {
            cases.push_back({ p + " number",
                              one(R"({"id":"a","title":"T",")" + p + "\":1}"),
                              "error.notString",
                              { "issues[0]." + p } });
            cases.push_back({ p + " array",
                              one(R"({"id":"a","title":"T",")" + p + "\":[\"x\"]}"),
                              "error.notString",
                              { "issues[0]." + p } });
            cases.push_back({ p + " null",
                              second(R"({"id":"b","title":"T",")" + p + "\":null}"),
                              "error.notString",
                              { "issues[1]." + p } });
        }
        const std::vector<std::string> badIds = {
            "",
            "1abc",
            "9",
            "_a",
            "a b",
            " a",
            "a ",
            "a-b",
            "a.b",
            "a/b",
            std::string(32, 'a'),
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "caf\xC3\xA9",
            "\xC3\xA9",
            "a\xF0\x9F\x98\x80",
            "A\\u0000",
        };
        for (const std::string& id : badIds)
            cases.push_back(
                { "bad id " + id, one(R"({"id":")" + id + R"(","title":"T"})"), "error.badId", { "issues[0].id" } });
        cases.push_back({ "bad second id", second(R"({"id":"b-2","title":"T"})"), "error.badId", { "issues[1].id" } });
        expectRefusals(cases);
    }
}

TEST(JsonHostile, VoicesAndAdultsWhoIdentifiedAnIssue)
{
    const auto one = [](const std::string& fields) { return doc(R"({"id":"a","title":"T",)" + fields + "}"); };
    std::vector<Refusal> cases = {
        // Schema 2 names adults in raisedByAdults; the voices that are adults now are refused.
        { "parents (2)",
          one(R"("raisedBy":["child","parents"])"),
          "error.unknownVoice",
          { "issues[0].raisedBy[1]", "parents" } },
        { "significantAdults (2)",
          one(R"("raisedBy":["significantAdults"])"),
          "error.unknownVoice",
          { "issues[0].raisedBy[0]", "significantAdults" } },
        { "unknown (2)",
          one(R"("raisedBy":["child","nobody"])"),
          "error.unknownVoice",
          { "issues[0].raisedBy[1]", "nobody" } },
        { "wrong case (2)",
          one(R"("raisedBy":["Child"])"),
          "error.unknownVoice",
          { "issues[0].raisedBy[0]", "Child" } },
        { "empty name (2)", one(R"("raisedBy":[""])"), "error.unknownVoice", { "issues[0].raisedBy[0]", "" } },
        { "an adult's id as a voice",
          one(R"("raisedBy":["m"])"),
          "error.unknownVoice",
          { "issues[0].raisedBy[0]", "m" } },
        { "raisedByAdults string", one(R"("raisedByAdults":"m")"), "error.notArray", { "issues[0].raisedByAdults" } },
        { "raisedByAdults number entry",
          one(R"("raisedByAdults":[1])"),
          "error.notString",
          { "issues[0].raisedByAdults[0]" } },
        { "raisedByAdults without adults",
          one(R"("raisedByAdults":["m"])"),
          "error.unknownAdult",
          { "issues[0].raisedByAdults[0]", "m" } },
        { "raisedByAdults unknown",
          doc(R"({"id":"a","title":"T"},{"id":"b","title":"T","raisedByAdults":["m","mum"]})",
              R"(,"adults":[{"id":"m","name":"M"}])"),
          "error.unknownAdult",
          { "issues[1].raisedByAdults[1]", "mum" } },
        { "raisedByAdults a voice",
          one(R"("raisedByAdults":["child"])"),
          "error.unknownAdult",
          { "issues[0].raisedByAdults[0]", "child" } },
        { "raisedByAdults too many",
          one(R"("raisedByAdults":[)" + repeat(R"("m",)", 100) + R"("m"])"),
          "error.tooMany",
          { "issues[0].raisedByAdults", "101", "100" } },
        // Schema 1 knows its own five voices, and nothing of schema 2's.
        { "unknown (1)",
          doc1(R"({"id":"a","title":"T","raisedBy":["child","nobody"]})"),
          "error.unknownVoice1",
          { "issues[0].raisedBy[1]", "nobody" } },
        { "duplicate parents (1)",
          doc1(R"({"id":"a","title":"T","raisedBy":["parents","child","parents"]})"),
          "error.duplicateVoice",
          { "issues[0].raisedBy", "parents" } },
        { "duplicate significantAdults (1)",
          doc1(R"({"id":"a","title":"T","raisedBy":["significantAdults","significantAdults"]})"),
          "error.duplicateVoice",
          { "issues[0].raisedBy", "significantAdults" } },
        { "raisedByAdults (1)",
          doc1(R"({"id":"a","title":"T","raisedByAdults":[]})"),
          "error.unknownField",
          { "issues[0].raisedByAdults" } },
        { "explanation (1)",
          doc1(R"({"id":"a","title":"T","explanation":""})"),
          "error.unknownField",
          { "issues[0].explanation" } },
    };
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
    const std::vector<TextSlot> slots = allTextSlots();
    for (std::size_t i = 0; i < slots.size(); ++i)
        for (const Bad& bad : bads)
        {
            const TextSlot& slot = slots[i];
            SCOPED_TRACE(slotName(slot, i) + " " + bad.code);
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
    const std::vector<TextSlot> slots = allTextSlots();
    for (std::size_t i = 0; i < slots.size(); ++i)
    {
        SCOPED_TRACE(slotName(slots[i], i));
        EXPECT_EQ(refusal(slots[i].make(R"("ok \u0000 ok")")),
                  message("error.controlChar", { slots[i].path, "U+0000" }));
        EXPECT_EQ(refusal(slots[i].make(R"("\u0000")")), message("error.controlChar", { slots[i].path, "U+0000" }));
    }
}

TEST(JsonHostile, NewlineOnlyWhereParagraphsAreAllowed)
{
    const std::vector<TextSlot> slots = allTextSlots();
    for (std::size_t i = 0; i < slots.size(); ++i)
    {
        const TextSlot& slot = slots[i];
        SCOPED_TRACE(slotName(slot, i));
        if (slot.multiParagraph)
        {
            EXPECT_EQ(slot.get(parseAnalysis(slot.make(R"("a\nb")"))), "a\nb");
        }
        else
        {
            EXPECT_EQ(refusal(slot.make(R"("a\nb")")), message("error.newline", { slot.path }));
            EXPECT_EQ(refusal(slot.make(R"("a\rb")")), message("error.newline", { slot.path }));
        }
    }
}

TEST(JsonHostile, MessagesNeverQuoteTheText)
{
    const std::string secret = "Zorblaxian";
    const std::vector<TextSlot> slots = allTextSlots();
    for (std::size_t i = 0; i < slots.size(); ++i)
    {
        const TextSlot& slot = slots[i];
        SCOPED_TRACE(slotName(slot, i));
        const std::vector<std::string> docs = {
            slot.make(jsonQuote(secret + " " + repeat("y", 200000))), // too long
            slot.make("\"" + secret + " \\u0001 " + secret + "\""),   // control character
            slot.make("\"" + secret + " \xC2\x85\""),                 // C1 control
            slot.make("\"" + secret + " \xEF\xBF\xBF\""),             // U+FFFF
            slot.make("\"" + secret + " \xFF\""),                     // invalid UTF-8
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
    const std::string cut = refusal(minimal(R"(,"plan":{"rows":[{"issues":[")" + repeat("z", 100) + "\"]}]}"));
    EXPECT_EQ(cut, message("error.badId", { "plan.rows[0].issues[0]" })) << "too long for an id";
    const std::string cut2 = refusal(minimal(R"(,"strengths":[{"text":"x","issues":[")" + repeat("z", 100) + "\"]}]"));
    EXPECT_EQ(cut2, message("error.unknownIssue", { "strengths[0].issues[0]", repeat("z", 40) }));
}

TEST(JsonHostile, MessagesAreValidUtf8WhenQuotingLongNames)
{
    const std::string name = "a" + repeat("\xC3\xA9", 30); // 'a' then 30 x U+00E9: byte 40 is mid-character
    const std::string cut = "a" + repeat("\xC3\xA9", 19);  // 39 bytes: the last whole character
    const std::vector<Refusal> cases = {
        { "voice",
          doc(R"({"id":"a","title":"T","raisedBy":[)" + jsonQuote(name) + "]}"),
          "error.unknownVoice",
          { "issues[0].raisedBy[0]", cut } },
        { "voice (1)",
          doc1(R"({"id":"a","title":"T","raisedBy":[)" + jsonQuote(name) + "]}"),
          "error.unknownVoice1",
          { "issues[0].raisedBy[0]", cut } },
        { "adult who identified",
          doc(R"({"id":"a","title":"T","raisedByAdults":[)" + jsonQuote(name) + "]}"),
          "error.unknownAdult",
          { "issues[0].raisedByAdults[0]", cut } },
        { "item issue",
          minimal(R"(,"strengths":[{"text":"x","issues":[)" + jsonQuote(name) + "]}]"),
          "error.unknownIssue",
          { "strengths[0].issues[0]", cut } },
        { "item issue (1)",
          minimal1(R"(,"strengths":[{"text":"x","issues":[)" + jsonQuote(name) + "]}]"),
          "error.unknownIssue",
          { "strengths[0].issues[0]", cut } },
        { "strength adult",
          minimal(R"(,"strengths":[{"text":"x","adults":[)" + jsonQuote(name) + "]}]"),
          "error.unknownAdult",
          { "strengths[0].adults[0]", cut } },
        { "sign item",
          minimal(R"(,"successSigns":[{"text":"x","items":[)" + jsonQuote(name) + "]}]"),
          "error.unknownItem",
          { "successSigns[0].items[0]", cut } },
        { "field name", minimal("," + jsonQuote(name) + ":1"), "error.unknownField", { cut } },
        { "field name (1)", minimal1("," + jsonQuote(name) + ":1"), "error.unknownField", { cut } },
    };
    for (const Refusal& c : cases)
    {
        SCOPED_TRACE(c.name);
        const std::string what = refusal(c.json);
        EXPECT_TRUE(isValidUtf8(what)) << what;
        EXPECT_EQ(what, message(c.key, c.args));
    }
}

/// Parses json, expecting nothing but success or an InputError with a message a person can read.
/// What is accepted, with its plan, writes JSON that parses back to it (the fuzz target's
/// invariant). Returns the message, or "" when accepted.
std::string parseOrMessage(const std::string& json, aa::ParseMode mode, const std::string& context)
{
    try
    {
        const Analysis planned = aa::withPlan(parseAnalysis(json, Strings::builtIn(), mode));
        EXPECT_TRUE(parseAnalysis(toJson(planned), Strings::builtIn(), mode) == planned) << context;
        return std::string();
    }
    catch (const InputError& e)
    {
        const std::string what = e.what();
        EXPECT_NE(what, "") << context;
        EXPECT_EQ(what.find("[error."), std::string::npos) << context << ": " << what;
        EXPECT_LT(what.size(), 400u) << context;
        EXPECT_TRUE(isValidUtf8(what)) << context;
        return what;
    }
    catch (const std::exception& e)
    {
        ADD_FAILURE() << context << ": " << e.what();
    }
    catch (...)
    {
        ADD_FAILURE() << context << ": non-std exception";
    }
    return "<other exception>";
}

TEST(JsonHostile, NothingButInputErrorForMangledInput)
{
    for (const std::string& sample : { sampleJson(), schema1SampleJson() })
    {
        std::mt19937 random(20240611u);
        std::uniform_int_distribution<std::size_t> position(0, sample.size() - 1);
        std::uniform_int_distribution<int> byte(0, 255);
        const std::string specials = "{}[]\",:\\0123456789 \n\r\t-.eEtrufalsn";
        std::uniform_int_distribution<std::size_t> special(0, specials.size() - 1);
        int refused = 0;
        for (int round = 0; round < 1500; ++round)
        {
            std::string mangled = sample;
            switch (round % 4)
            {
                case 0:
                    mangled.resize(position(random));
                    break;
                case 1:
                    mangled[position(random)] = static_cast<char>(byte(random));
                    break;
                case 2:
                    mangled[position(random)] = specials[special(random)];
                    break;
                default:
                    mangled.erase(position(random), 1 + position(random) % 20);
                    break;
            }
            for (aa::ParseMode mode : { aa::ParseMode::Insert, aa::ParseMode::Update })
                refused += !parseOrMessage(mangled, mode, "round " + std::to_string(round)).empty();
        }
        EXPECT_GT(refused, 1500) << "most mangled documents are refused (of 1,500 in each mode)";
    }
}

/// Every value in a JSON document with the path messages name it by ("plan.rows[0].who").
void collectPaths(const boost::json::value& v, const std::string& path,
                  std::vector<std::pair<std::string, std::vector<std::variant<std::string, std::size_t>>>>& out,
                  std::vector<std::variant<std::string, std::size_t>>& steps)
{
    if (!steps.empty())
        out.emplace_back(path, steps);
    if (v.is_object())
        for (const auto& member : v.get_object())
        {
            steps.emplace_back(std::string(member.key()));
            collectPaths(member.value(),
                         path.empty() ? std::string(member.key()) : path + "." + std::string(member.key()), out, steps);
            steps.pop_back();
        }
    else if (v.is_array())
        for (std::size_t i = 0; i < v.get_array().size(); ++i)
        {
            steps.emplace_back(i);
            collectPaths(v.get_array()[i], path + "[" + std::to_string(i) + "]", out, steps);
            steps.pop_back();
        }
}

boost::json::value* at(boost::json::value& root, const std::vector<std::variant<std::string, std::size_t>>& steps)
{
    boost::json::value* v = &root;
    for (const auto& step : steps)
        v = std::holds_alternative<std::string>(step) ? &v->as_object().at(std::get<std::string>(step))
                                                      : &v->as_array().at(std::get<std::size_t>(step));
    return v;
}

TEST(JsonHostile, EveryFieldOfTheWrongKindIsRefusedNamingIt)
{
    const std::vector<boost::json::value> replacements
        = { nullptr, 7, -1.5, true, "x", boost::json::array(), boost::json::object() };
    for (const std::string& sample : { sampleJson(), schema1SampleJson() })
    {
        const boost::json::value original = boost::json::parse(sample);
        std::vector<std::pair<std::string, std::vector<std::variant<std::string, std::size_t>>>> paths;
        std::vector<std::variant<std::string, std::size_t>> steps;
        collectPaths(original, "", paths, steps);
        ASSERT_GT(paths.size(), 100u);
        for (const auto& [path, where] : paths)
        {
            for (const boost::json::value& replacement : replacements)
            {
                boost::json::value changed = original;
                boost::json::value* target = at(changed, where);
                const bool sameKind = target->kind() == replacement.kind()
                                      || (target->is_number() && replacement.is_number());
                *target = replacement;
                const std::string context = path + " <- " + boost::json::serialize(replacement);
                const std::string what = parseOrMessage(boost::json::serialize(changed), aa::ParseMode::Insert,
                                                        context);
                if (sameKind || path == "schema")
                    continue;
                // A value of the wrong kind is refused, and the message names where it is.
                EXPECT_NE(what, "") << context << " was accepted";
                EXPECT_NE(what.find(path), std::string::npos) << context << ": " << what;
            }
            // Without it: accepted, or refused with a message (a required field names itself).
            boost::json::value removed = original;
            const auto& last = where.back();
            boost::json::value* parent = at(removed, { where.begin(), where.end() - 1 });
            if (std::holds_alternative<std::string>(last))
                parent->as_object().erase(std::get<std::string>(last));
            else
                parent->as_array().erase(parent->as_array().begin()
                                         + static_cast<std::ptrdiff_t>(std::get<std::size_t>(last)));
            parseOrMessage(boost::json::serialize(removed), aa::ParseMode::Update, path + " removed");
        }
    }
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
        EXPECT_TRUE(a.issues[i].raisedByAdults.empty());
        for (const std::string& p : a.issues[i].parts)
            EXPECT_EQ(p, "");
    }
    EXPECT_TRUE(a.adults.empty());
    for (const auto& list : a.lists)
        EXPECT_TRUE(list.empty());
    for (const std::string& t : a.topics)
        EXPECT_EQ(t, "");
    EXPECT_TRUE(a.plan.empty());
    EXPECT_FALSE(a.hasPlan);
    EXPECT_EQ(aa::makeSkeleton(1).issues.size(), 1u);
    const Analysis big = aa::makeSkeleton(1000);
    ASSERT_EQ(big.issues.size(), 1000u);
    EXPECT_EQ(big.issues.back().id, "issue1000");
    // A skeleton is itself valid input.
    EXPECT_EQ(validationRefusal(big), "<accepted>");
    EXPECT_TRUE(parseAnalysis(toJson(big)) == big);
}

TEST(Json, SkeletonTitlesComeFromTheGivenStrings)
{
    const Strings strings = Strings::parse("skeleton.issueTitle=Concern {1}\n");
    EXPECT_EQ(aa::makeSkeleton(2, strings).issues[1].title, "Concern 2");
}

// ---------------------------------------------------------------------------------------------
// Ids and bookmarks (Analysis.hpp)

TEST(Ids, Validity)
{
    EXPECT_TRUE(aa::isValidId("a"));
    EXPECT_TRUE(aa::isValidId("Z9_"));
    EXPECT_TRUE(aa::isValidId(std::string(31, 'x')));
    EXPECT_FALSE(aa::isValidId(std::string(32, 'x')));
    EXPECT_FALSE(aa::isValidId(""));
    EXPECT_FALSE(aa::isValidId("1a"));
    EXPECT_FALSE(aa::isValidId("_a"));
    EXPECT_FALSE(aa::isValidId("a-b"));
    EXPECT_FALSE(aa::isValidId("caf\xC3\xA9"));
}

TEST(Ids, EveryKindOfBookmarkNamesItsId)
{
    const std::vector<std::pair<aa::MarkKind, std::string>> kinds = { { aa::MarkKind::Issue, "AA_issue_" },
                                                                      { aa::MarkKind::Adult, "AA_adult_" },
                                                                      { aa::MarkKind::Help, "AA_help_" },
                                                                      { aa::MarkKind::Plan, "AA_plan_" } };
    for (const auto& [kind, prefix] : kinds)
    {
        SCOPED_TRACE(prefix);
        EXPECT_EQ(aa::bookmarkName(kind, "housing"), prefix + "housing");
        EXPECT_LE(aa::bookmarkName(kind, std::string(31, 'x')).size(), 40u) << "a name Word keeps";
        EXPECT_EQ(aa::idFromBookmark(kind, prefix + "housing"), std::optional<std::string>("housing"));
        EXPECT_EQ(aa::idFromBookmark(kind, prefix), std::nullopt);
        EXPECT_EQ(aa::idFromBookmark(kind, prefix + "1x"), std::nullopt);
        EXPECT_EQ(aa::idFromBookmark(kind, prefix + "x Copy 1"), std::nullopt);
        EXPECT_TRUE(aa::isOurBookmark(kind, prefix + "x Copy 1")) << "ours, even when not a valid id";
        EXPECT_FALSE(aa::isOurBookmark(kind, "X" + prefix + "x"));
        EXPECT_EQ(aa::idFromBookmark(kind, "_Toc12345"), std::nullopt);
        for (const auto& [other, otherPrefix] : kinds)
            if (other != kind)
            {
                EXPECT_EQ(aa::idFromBookmark(kind, otherPrefix + "x"), std::nullopt) << otherPrefix;
                EXPECT_FALSE(aa::isOurBookmark(kind, otherPrefix + "x")) << otherPrefix;
            }
    }
    EXPECT_EQ(aa::issueBookmarkName("housing"), "AA_issue_housing");
    EXPECT_EQ(aa::issueIdFromBookmark("AA_issue_housing"), std::optional<std::string>("housing"));
    EXPECT_EQ(aa::issueIdFromBookmark("AA_issu"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("aa_issue_x"), std::nullopt);
    EXPECT_EQ(aa::issueIdFromBookmark("XAA_issue_x"), std::nullopt);
}

TEST(Ids, FreeIdIsTheFirstNumberNotTaken)
{
    EXPECT_EQ(aa::freeId("issue", {}), "issue1");
    EXPECT_EQ(aa::freeId("issue", { "issue1", "issue2", "issue4" }), "issue3");
    EXPECT_EQ(aa::freeId("adult", { "issue1" }), "adult1");
}

TEST(Ids, AutoHelpIdIsHelpAndTheCrcOfTheText)
{
    EXPECT_EQ(aa::autoHelpId("123456789", {}), "help_cbf43926");
    EXPECT_EQ(aa::autoHelpId("a", {}), "help_e8b7be43");
    EXPECT_EQ(aa::autoHelpId("", {}), "help_00000000") << "eight digits, leading zeros kept";
    EXPECT_EQ(aa::autoHelpId("The quick brown fox jumps over the lazy dog", {}), "help_414fa339") << "lowercase hex";
    const std::string text = "Bus passes for the school journey \xE2\x82\xAC \xF0\x9F\x98\x80";
    EXPECT_EQ(aa::autoHelpId(text, {}), hashHelpId(text));
    EXPECT_TRUE(aa::isValidId(aa::autoHelpId(text, {}))) << "it names a bookmark";
}

TEST(Ids, AutoHelpIdSameTextSameIdDifferentTextDifferentId)
{
    EXPECT_EQ(aa::autoHelpId("Support Ms Green", {}), aa::autoHelpId("Support Ms Green", {}));
    EXPECT_EQ(aa::autoHelpId("Support Ms Green", { "unrelated", "help1" }), aa::autoHelpId("Support Ms Green", {}))
        << "ids that are not its own do not change it";
    const std::vector<std::string> texts
        = { "Support Ms Green", "Support Ms Green.", "support Ms Green", "Support Ms Green ", "", " ", "a", "b" };
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
    EXPECT_TRUE(aa::isValidId(aa::autoHelpId("x", taken)));
}

TEST(Ids, HelpIdAllocatorGivesWhatAutoHelpIdWould)
{
    aa::HelpIdAllocator ids;
    EXPECT_TRUE(ids.take("mine"));
    EXPECT_FALSE(ids.take("mine")) << "already taken";
    const std::string base = hashHelpId("same");
    EXPECT_TRUE(ids.take(base + "_2"));
    EXPECT_EQ(ids.allocate("same"), base);
    EXPECT_EQ(ids.allocate("same"), base + "_3") << "the taken _2 is skipped";
    EXPECT_EQ(ids.allocate("other"), hashHelpId("other"));
    EXPECT_EQ(ids.allocate("same"), base + "_4");
    EXPECT_EQ(ids.taken().size(), 6u);
    // The same as autoHelpId() one at a time.
    aa::HelpIdAllocator again;
    std::set<std::string> taken;
    for (const char* text : { "a", "b", "a", "a", "c", "b" })
    {
        const std::string expected = aa::autoHelpId(text, taken);
        taken.insert(expected);
        EXPECT_EQ(again.allocate(text), expected) << text;
    }
}

TEST(Ids, ManyIdenticalHelpTextsGetTheirIds)
{
    // Regression: ids for n identical texts took O(n^3) (16 s for 2,000 in Debug). Speed is
    // measured by the benchmark; this checks the ids, and the suite's run time shows the rest.
    constexpr std::size_t count = Limits::maxItems;
    std::string items = repeat(R"({"text":"same"},)", count);
    items.pop_back();
    const Analysis parsed = parseAnalysis(minimal(R"(,"whatNeedsToHappen":[)" + items + "]"));
    ASSERT_EQ(parsed.list(ListKind::WhatNeedsToHappen).size(), count);
    EXPECT_EQ(parsed.list(ListKind::WhatNeedsToHappen).back().id, hashHelpId("same") + "_" + std::to_string(count));
    // The same through assignItemIds (the deck's draft).
    Analysis built;
    built.list(ListKind::WhatNeedsToHappen).assign(count, aa::test::makeItem("same"));
    aa::assignItemIds(built);
    EXPECT_EQ(built.list(ListKind::WhatNeedsToHappen), parsed.list(ListKind::WhatNeedsToHappen));

    // Reading has no limit: an item pasted many times (its bookmark stays with the first).
    std::vector<aa::Block> blocks;
    for (std::size_t i = 0; i < count; ++i)
        blocks.emplace_back(aa::test::para(aa::Role::ListItem, static_cast<std::size_t>(ListKind::WhatNeedsToHappen),
                                           "same", { "AA_help_h" }));
    const aa::ReadResult read = aa::readAnalysis(blocks);
    const auto& readItems = read.analysis.list(ListKind::WhatNeedsToHappen);
    ASSERT_EQ(readItems.size(), count);
    EXPECT_EQ(readItems.front().id, "h");
    EXPECT_EQ(readItems.back().id, hashHelpId("same") + "_" + std::to_string(count - 1));
}

// ---------------------------------------------------------------------------------------------
// ParseMode::Update: what read returns from a hand-edited document

Analysis parseUpdate(const std::string& json) { return parseAnalysis(json, Strings::builtIn(), aa::ParseMode::Update); }

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

TEST(JsonUpdateMode, AcceptsEmptyTitlesNamesAndItemTexts)
{
    for (const std::string& empty : { std::string(R"("")"), std::string(R"("  \t ")") })
    {
        SCOPED_TRACE(empty);
        const std::string json = doc(R"({"id":"a","title":)" + empty + R"(},{"id":"b","title":"B"})",
                                     R"(,"adults":[{"id":"m","name":)" + empty
                                         + R"(}],)"
                                           R"("strengths":[{"text":)"
                                         + empty
                                         + R"(,"issues":["a"],"adults":["m"]}],)"
                                           R"("whatNeedsToHappen":[{"text":)"
                                         + empty + R"(},{"id":"h","text":)" + empty
                                         + R"(}],)"
                                           R"("successSigns":[{"text":)"
                                         + empty + R"(,"items":["h"]}])");
        const Analysis a = parseUpdate(json);
        const std::string text = empty == R"("")" ? "" : "  \t ";
        EXPECT_EQ(a.issues.at(0).title, text);
        EXPECT_EQ(a.adults.at(0).name, text);
        EXPECT_EQ(a.list(ListKind::Strengths).at(0).text, text);
        EXPECT_EQ(a.list(ListKind::Strengths).at(0).issues, (std::vector<std::string>{ "a" }));
        EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen).at(0).id, hashHelpId(text)) << "an empty item gets an id too";
        EXPECT_EQ(a.list(ListKind::WhatNeedsToHappen).at(1).id, "h");
        EXPECT_EQ(a.list(ListKind::SuccessSigns).at(0).text, text);
        // Insert mode refuses each of them.
        EXPECT_EQ(refusal(json), message("error.empty", { "adults[0].name" }));
        EXPECT_EQ(refusal(doc(R"({"id":"a","title":)" + empty + "}")), message("error.empty", { "issues[0].title" }));
        EXPECT_EQ(refusal(minimal(R"(,"whatNeedsToHappen":[{"text":)" + empty + "}]")),
                  message("error.empty", { "whatNeedsToHappen[0].text" }));
        EXPECT_EQ(refusal(minimal(R"(,"successSigns":[{"text":)" + empty + "}]")),
                  message("error.empty", { "successSigns[0].text" }));
    }
}

TEST(JsonUpdateMode, AcceptsPlanRowsWhoseIssueOrItemIsGone)
{
    const std::string json = minimal(
        R"(,"whatNeedsToHappen":[{"id":"h","text":"x"}],)"
        R"("plan":{"rows":[{"issues":["gone"],"help":"h"},{"issues":["a","gone"],"help":"goneToo"},)"
        R"({"issues":["gone"],"help":"goneToo","flagged":true}]})");
    const Analysis a = parseUpdate(json);
    ASSERT_EQ(a.plan.size(), 3u);
    EXPECT_EQ(a.plan[0].issues, (std::vector<std::string>{ "gone" }));
    EXPECT_EQ(a.plan[0].help, "h");
    EXPECT_EQ(a.plan[1].issues, (std::vector<std::string>{ "a", "gone" }));
    EXPECT_EQ(a.plan[1].help, "goneToo");
    EXPECT_TRUE(a.plan[2].flagged);
    EXPECT_TRUE(parseUpdate(toJson(a)) == a) << "lossless";
    // Insert mode refuses them.
    EXPECT_EQ(refusal(json), message("error.unknownIssue", { "plan.rows[0].issues[0]", "gone" }));
    EXPECT_EQ(refusal(minimal(R"(,"plan":{"rows":[{"help":"goneToo"}]})")),
              message("error.unknownItem", { "plan.rows[0].help", "goneToo" }));
}

TEST(JsonUpdateMode, IdsMustStillBeWellFormed)
{
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":{"rows":[{"issues":["1bad"]}]})")),
              message("error.badId", { "plan.rows[0].issues[0]" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":{"rows":[{"issues":["a b"]}]})")),
              message("error.badId", { "plan.rows[0].issues[0]" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":{"rows":[{"help":"x-y"}]})")),
              message("error.badId", { "plan.rows[0].help" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"plan":{"rows":[{"help":")" + std::string(32, 'h') + R"("}]})")),
              message("error.badId", { "plan.rows[0].help" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"1a","title":""})")), message("error.badId", { "issues[0].id" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"adults":[{"id":"1a","name":""}])")),
              message("error.badId", { "adults[0].id" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"whatNeedsToHappen":[{"id":"","text":""}])")),
              message("error.badId", { "whatNeedsToHappen[0].id" }));
    EXPECT_EQ(updateRefusal(minimal1(R"(,"plan":[{"issue":"1bad"}])")), message("error.badId", { "plan[0].issue" }));
    EXPECT_EQ(updateRefusal(minimal1(R"(,"whatWouldHelp":[{"id":"","text":""}])")),
              message("error.badId", { "whatWouldHelp[0].id" }));
    // An empty item reference means "none" in both modes.
    const Analysis a = parseUpdate(minimal(R"(,"plan":{"rows":[{"issues":[],"help":""}]})"));
    EXPECT_TRUE(a.plan.at(0).issues.empty());
    EXPECT_EQ(a.plan.at(0).help, "");
}

TEST(JsonUpdateMode, EverythingElseIsStillChecked)
{
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a"})")), message("error.missing", { "issues[0].title" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"adults":[{"id":"m"}])")), message("error.missing", { "adults[0].name" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"strengths":[{"issues":["a"]}])")),
              message("error.missing", { "strengths[0].text" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a","title":"a\nb"})")), message("error.newline", { "issues[0].title" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a","title":"\u0001"})")),
              message("error.controlChar", { "issues[0].title", "U+0001" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a","title":""},{"id":"a","title":""})")),
              message("error.duplicateId", { "issues[1].id", "a" }));
    EXPECT_EQ(updateRefusal(R"({"schema":2,"issues":[]})"), message("error.noIssues", {}));
    EXPECT_EQ(updateRefusal(minimal(R"(,"notes":1)")), message("error.unknownField", { "notes" }));
    // Items and adults are what the reader returns after dropping links to what is gone, so a
    // link to something unknown is still an error.
    EXPECT_EQ(updateRefusal(minimal(R"(,"strengths":[{"text":"","issues":["gone"]}])")),
              message("error.unknownIssue", { "strengths[0].issues[0]", "gone" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"strengths":[{"text":"","adults":["gone"]}])")),
              message("error.unknownAdult", { "strengths[0].adults[0]", "gone" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"successSigns":[{"text":"","items":["gone"]}])")),
              message("error.unknownItem", { "successSigns[0].items[0]", "gone" }));
    EXPECT_EQ(updateRefusal(doc(R"({"id":"a","title":"","raisedByAdults":["gone"]})")),
              message("error.unknownAdult", { "issues[0].raisedByAdults[0]", "gone" }));
    EXPECT_EQ(updateRefusal(minimal(R"(,"whatNeedsToHappen":[{"id":"h","text":""},{"id":"h","text":""}])")),
              message("error.duplicateId", { "whatNeedsToHappen[1].id", "h" }));
}

} // namespace
