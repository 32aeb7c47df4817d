// The supervisor's review in real Writer: findings, comments under the reviewer's name (once),
// resolved findings' comments going, and the supervision record.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "Plan.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <boost/json.hpp>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>

#include <ctime>
#include <map>

using namespace css;
using namespace aa::test;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;
namespace json = boost::json;

namespace
{
const std::string today = "2026-11-26";

json::array findingsOf(const uno::Reference<text::XTextDocument>& doc)
{
    std::string result;
    try
    {
        result = office().call("review", doc, {}, 0, { { "Today", today } });
    }
    catch (const uno::Exception& e)
    {
        ADD_FAILURE() << aa::client::describe(e);
        return {};
    }
    return json::parse(result).as_object().at("findings").as_array();
}

std::map<std::string, int> countByRule(const json::array& findings, const char* severity = nullptr)
{
    std::map<std::string, int> counts;
    for (const auto& f : findings)
        if (!severity || f.as_object().at("severity").as_string() == severity)
            ++counts[std::string(f.as_object().at("rule").as_string())];
    return counts;
}

uno::Reference<text::XTextDocument> docWith(const std::string& json)
{
    auto doc = documentWith({ "Report before", "Report after" });
    placeCursor(doc, 0, 13);
    insert(doc, json);
    return doc;
}
} // namespace

TEST(Review, TheExemplarRaisesNothing)
{
    // The sample (good practice in the current structure) with its supervision entry: not one
    // certain finding, not one judgement.
    auto doc = docWith(sampleJson());
    Closer closer(doc);
    AA_UNO(office().call("addSupervision", doc, {}, 0,
                         { { "Supervision", readFile(std::string(AA_SAMPLES_DIR) + "/sample-supervision.json") } }));
    const json::array findings = findingsOf(doc);
    EXPECT_TRUE(findings.empty()) << json::serialize(findings);
}

TEST(Review, DocumentBuiltToBreakTheRulesRaisesEachOne)
{
    const std::string broken = R"json({"schema":2,
      "issues":[{"id":"a","title":"Housing","raisedBy":["practitioner"],"origins":"",
                 "maintainingFactors":"The family moved in March. They live in a flat. The flat has one bedroom. The rent is high.",
                 "impactOnChild":"Maya is tired because she shares a bed, which means she falls asleep at school."},
                {"id":"b","title":"Contact","origins":"The parents separated, so contact stopped.",
                 "maintainingFactors":"They do not talk, which means plans fall through.","impactOnChild":""}],
      "weighingUp":{"riskAndProtectiveBalance":"The CIN plan and the TAF meeting keep her safe because they check weekly."},
      "adults":[{"id":"mother","name":"Sarah Green","relationship":"mother",
                 "motivation":"Ms Green attended every meeting and agreed to the plan."}],
      "whatNeedsToHappen":[{"id":"mornings","text":"Maya is never left to take Leo to nursery alone","issues":["a"],"must":true}],
      "successSigns":[{"text":"things are better","issues":["a"]}],
      "plan":{"rows":[{"issues":["a"],"action":"Support with housing","who":"TBC","byWhen":"soon","flagged":true},
                      {"issues":["a"],"outcome":"Housed","action":"Check progress","who":"Sam","priority":"High","byWhen":"1 March 2020"}]}})json";
    auto doc = docWith(broken);
    Closer closer(doc);
    const auto rules = countByRule(findingsOf(doc));
    for (const char* rule : { "analysis.noSafety",
                              "analysis.noChildView",
                              "issue.noOrigins",
                              "issue.noImpact",
                              "issue.noAction",
                              "issue.noneIdentified",
                              "adult.noUnderstanding",
                              "motivation.compliance",
                              "analysis.noStrengths",
                              "must.noConsequence",
                              "successSign.untied",
                              "successSign.vague",
                              "analysis.noRecommendation",
                              "weighingUp.unanswered",
                              "plan.orphan",
                              "plan.rowIncomplete",
                              "plan.datePassed",
                              "plan.placeholder.who",
                              "plan.no.planReview",
                              "plan.no.contingency",
                              "plan.no.planAgreed",
                              "supervision.none",
                              "jargon" })
        EXPECT_TRUE(rules.count(rule)) << rule;
    EXPECT_EQ(rules.at("weighingUp.unanswered"), 4) << "all but the balance of risk";
    EXPECT_EQ(rules.at("plan.rowIncomplete"), 1) << "one finding per row, listing what it lacks";
    for (const char* rule :
         { "adult.noMotivation", "analysis.noAdults", "analysis.noSuccessSigns", "issue.noMaintainingFactors" })
        EXPECT_FALSE(rules.count(rule)) << rule << " was answered";
}

TEST(Review, CommentsUnderTheReviewersNameOnceAndResolvedOnesGo)
{
    // Both kinds: certain findings (nobody responsible, no dates yet: the plan is derived) and
    // judgements (a motivation that reads as compliance, jargon a family would not follow).
    aa::Analysis analysis = aa::parseAnalysis(unplannedSampleJson());
    analysis.adults[1].part(aa::AdultPart::Motivation) = "Mr Okafor attended every meeting and agreed to the plan.";
    analysis.topic(aa::Topic::Safety) += " The TAF meeting reviews this.";
    auto doc = docWith(aa::toJson(analysis));
    Closer closer(doc);
    const json::array findings = findingsOf(doc);
    std::size_t certain = 0, judgements = 0;
    for (const auto& f : findings)
        ++(f.as_object().at("kind").as_string() == "judgement" ? judgements : certain);
    ASSERT_GT(certain, 0u);
    ASSERT_GE(judgements, 2u) << json::serialize(findings);

    const std::string reviewer = "Jo Supervisor";
    const std::pair<std::string, std::string> today_{ "Today", today }, who{ "Reviewer", reviewer };
    std::string first, second;
    AA_UNO(first = office().call("reviewComments", doc, {}, 0, { today_, who }));
    const auto afterFirst = comments(doc);
    EXPECT_EQ(afterFirst.size(), certain) << "certain findings only, unless judgements are asked for";
    EXPECT_EQ(json::parse(first).as_object().at("added").as_int64(), static_cast<std::int64_t>(certain));
    // Dated today, as Writer dates a comment a person adds (the review's own "today" is only
    // for judging dates in the plan).
    const std::tm local = aa::localNow();
    char now[16];
    std::strftime(now, sizeof now, "%Y-%m-%d", &local);
    for (const Comment& c : afterFirst)
    {
        EXPECT_EQ(c.author, reviewer);
        EXPECT_EQ(c.date, now) << c.content;
    }

    AA_UNO(second = office().call("reviewComments", doc, {}, 0, { today_, who }));
    EXPECT_EQ(json::parse(second).as_object().at("added").as_int64(), 0);
    EXPECT_EQ(comments(doc).size(), certain) << "running it twice does not duplicate";

    // Asked for: the judgements too, once; the certain ones are not written again.
    std::string withJudgements;
    AA_UNO(withJudgements = office().call("reviewComments", doc, {}, 0, { today_, who, { "Kinds", "all" } }));
    EXPECT_EQ(json::parse(withJudgements).as_object().at("added").as_int64(), static_cast<std::int64_t>(judgements));
    AA_UNO(office().call("reviewComments", doc, {}, 0, { today_, who, { "Kinds", "all" } }));
    EXPECT_EQ(comments(doc).size(), certain + judgements);
    // A certain-only run keeps the judgements' comments while they stand.
    AA_UNO(office().call("reviewComments", doc, {}, 0, { today_, who }));
    EXPECT_EQ(comments(doc).size(), certain + judgements);

    // The practitioner fills in who, the priority and by when for the first row: that finding
    // is resolved and its comment goes.
    uno::Reference<text::XTextTablesSupplier> xTables(doc, uno::UNO_QUERY_THROW);
    auto xNames = xTables->getTextTables();
    uno::Reference<table::XCellRange> xPlan(xNames->getByName(xNames->getElementNames()[0]), uno::UNO_QUERY_THROW);
    const std::pair<sal_Int32, const char*> typed[] = { { 3, "Sam Patel" }, { 4, "High" }, { 5, "31 March 2027" } };
    for (const auto& [column, text] : typed)
        uno::Reference<text::XText>(xPlan->getCellByPosition(column, 1), uno::UNO_QUERY_THROW)
            ->setString(OUString::createFromAscii(text));
    std::string third;
    AA_UNO(third = office().call("reviewComments", doc, {}, 0, { today_, who }));
    EXPECT_EQ(json::parse(third).as_object().at("removed").as_int64(), 1);
    EXPECT_EQ(comments(doc).size(), certain + judgements - 1);
}

TEST(Review, ADismissedJudgementStaysDismissedInTheDocumentItself)
{
    aa::Analysis analysis = aa::parseAnalysis(sampleJson());
    analysis.adults[1].part(aa::AdultPart::Motivation) = "Mr Okafor attended every meeting and agreed to the plan.";
    auto doc = docWith(aa::toJson(analysis));
    Closer closer(doc);
    auto judgementKeys = [](const json::array& findings) {
        std::vector<std::string> keys;
        for (const auto& f : findings)
            if (f.as_object().at("kind").as_string() == "judgement")
                keys.emplace_back(f.as_object().at("key").as_string());
        return keys;
    };
    const std::vector<std::string> before = judgementKeys(findingsOf(doc));
    ASSERT_EQ(before.size(), 1u) << "the compliance question";
    AA_UNO(office().call("dismiss", doc, {}, 0, { { "Key", before[0] } }));
    EXPECT_TRUE(judgementKeys(findingsOf(doc)).empty());

    // Kept in the document, not in the profile: saved, opened again, still dismissed.
    uno::Reference<text::XTextDocument> reloaded;
    AA_UNO(reloaded = roundTrip(doc, "dismissed.odt", "writer8"));
    Closer closeReloaded(reloaded);
    EXPECT_TRUE(judgementKeys(findingsOf(reloaded)).empty());
    // The same words elsewhere are a different judgement; new words bring the question back.
    aa::Analysis changed = parseRead(read(reloaded));
    changed.adults[1].part(aa::AdultPart::Motivation)
        = "Mr Okafor attended every meeting and agreed to all of the plan.";
    AA_UNO(office().call("update", reloaded, aa::toJson(changed)));
    EXPECT_EQ(judgementKeys(findingsOf(reloaded)).size(), 1u);
    AA_UNO(office().call("undismissAll", reloaded));
    changed.adults[1].part(aa::AdultPart::Motivation) = analysis.adults[1].part(aa::AdultPart::Motivation);
    AA_UNO(office().call("update", reloaded, aa::toJson(changed)));
    EXPECT_EQ(judgementKeys(findingsOf(reloaded)), before) << "undismissAll brings it back";
}

TEST(Review, SupervisionRecordAppendsAndNeverEditsEarlierEntries)
{
    auto doc = docWith(sampleJson());
    Closer closer(doc);
    // A report in British English: the dates read as a manager there writes them.
    uno::Reference<beans::XPropertySet>(doc->getText()->getStart(), uno::UNO_QUERY_THROW)
        ->setPropertyValue("CharLocale", uno::Any(lang::Locale("en", "GB", "")));
    AA_UNO(office().call(
        "addSupervision", doc, {}, 0,
        { { "Supervision",
            R"({"date":"2026-11-20","reviewer":"Jo Supervisor","discussed":"Housing and Maya's caring role","influence":"Asked for a young carers' assessment","decisions":"Keep the case open","actions":"Refer to young carers"})" } }));
    const std::string afterFirst = bodyText(doc);
    AA_UNO(office().call(
        "addSupervision", doc, {}, 0,
        { { "Supervision", R"({"date":"2026-11-26","reviewer":"Jo Supervisor","discussed":"Father's contact"})" } }));
    const std::string text = bodyText(doc);
    const std::string heading = aa::Strings::builtIn().get("section.supervision");
    ASSERT_NE(text.find(heading), std::string::npos) << text;
    EXPECT_EQ(text.find(heading), text.rfind(heading)) << "one heading for every entry";
    // Dates in the document's language, as a manager would write them.
    EXPECT_NE(
        text.find(
            "Date|Supervisor|What was discussed|How supervision influenced the direction of the assessment|Decisions or outcomes|Agreed actions|"
            "20 November 2026|Jo Supervisor|Housing and Maya's caring role|Asked for a young carers' assessment|Keep the case open|Refer to young carers|"
            "26 November 2026|Jo Supervisor|Father's contact||||"),
        std::string::npos)
        << text.substr(text.find(heading));
    // The first entry reads as it did.
    const std::size_t firstRow = afterFirst.find("20 November 2026|");
    ASSERT_NE(firstRow, std::string::npos);
    const std::string firstEntry = afterFirst.substr(firstRow,
                                                     afterFirst.find("Refer to young carers|", firstRow) - firstRow);
    EXPECT_NE(text.find(firstEntry), std::string::npos);
    EXPECT_NE(text.find("\nReport after\n"), std::string::npos);
    // The analysis still reads the same.
    EXPECT_TRUE(aa::parseAnalysis(read(doc)) == aa::withPlan(aa::parseAnalysis(sampleJson())));
    try
    {
        office().call("addSupervision", doc, {}, 0, { { "Supervision", R"({"date":"2026-11-27"})" } });
        ADD_FAILURE() << "an empty entry was accepted";
    }
    catch (const lang::IllegalArgumentException& e)
    {
        EXPECT_NE(toUtf8(e.Message).find("says nothing"), std::string::npos);
    }
}
