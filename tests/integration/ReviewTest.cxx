// The supervisor's review in real Writer: findings, comments under the reviewer's name (once),
// resolved findings' comments going, and the supervision record.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "Plan.hpp"
#include "UnoString.hxx"

#include <boost/json.hpp>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>

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

TEST(Review, CompleteRealisticSampleHasNoErrors)
{
    auto doc = docWith(readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json"));
    Closer closer(doc);
    const json::array findings = findingsOf(doc);
    const auto errors = countByRule(findings, "error");
    EXPECT_TRUE(errors.empty()) << json::serialize(findings);
}

TEST(Review, DocumentBuiltToBreakTheRulesRaisesEachOne)
{
    const std::string broken = R"json({"schema":1,
      "issues":[{"id":"a","title":"Housing","raisedBy":["practitioner"],"origins":"",
                 "maintainingFactors":"The family moved in March. They live in a flat. The flat has one bedroom. The rent is high.",
                 "impactOnChild":"Maya is tired because she shares a bed, which means she falls asleep at school."},
                {"id":"b","title":"Contact","raisedBy":["parents"],"origins":"The parents separated, so contact stopped.",
                 "maintainingFactors":"They do not talk, which means plans fall through.","impactOnChild":""}],
      "successSigns":[{"text":"things are better","issues":["a"]}],
      "considerations":{"parentsMotivation":"Ms Green attended every meeting and agreed to the plan.",
                        "riskAndProtectiveBalance":"The CIN plan and the TAF meeting keep her safe because they check weekly."},
      "plan":[{"issue":"a","action":"Support with housing","byWhen":"soon","review":""},
              {"issue":"a","action":"Check progress","who":"Sam","byWhen":"1 March 2020","review":"Monthly","contingency":"Escalate"}]})json";
    auto doc = docWith(broken);
    Closer closer(doc);
    const auto rules = countByRule(findingsOf(doc));
    for (const char* rule : { "issue.noOrigins", "issue.noImpact", "issue.noAction", "plan.noOwner", "plan.noReview",
                              "plan.noContingency", "plan.notADate", "plan.datePassed", "analysis.noChildView",
                              "analysis.noStrengths", "successSign.notObservable", "consideration.unanswered",
                              "part.descriptionOnly", "motivation.compliance", "jargon" })
        EXPECT_TRUE(rules.count(rule)) << rule;
    EXPECT_EQ(rules.at("consideration.unanswered"), 2) << "not known and absent figures";
}

TEST(Review, CommentsUnderTheReviewersNameOnceAndResolvedOnesGo)
{
    auto doc = docWith(sampleJson()); // derived plan: nobody responsible, no dates yet
    Closer closer(doc);
    const std::string reviewer = "Jo Supervisor";
    std::string first, second;
    AA_UNO(first = office().call("reviewComments", doc, {}, 0, { { "Today", today }, { "Reviewer", reviewer } }));
    const auto afterFirst = comments(doc);
    ASSERT_FALSE(afterFirst.empty());
    for (const Comment& c : afterFirst)
        EXPECT_EQ(c.author, reviewer);
    const json::object r1 = json::parse(first).as_object();
    EXPECT_EQ(r1.at("added").as_int64(), static_cast<std::int64_t>(afterFirst.size()));

    AA_UNO(second = office().call("reviewComments", doc, {}, 0, { { "Today", today }, { "Reviewer", reviewer } }));
    const json::object r2 = json::parse(second).as_object();
    EXPECT_EQ(r2.at("added").as_int64(), 0);
    EXPECT_EQ(comments(doc).size(), afterFirst.size()) << "running it twice does not duplicate";

    // The practitioner fills in who is responsible for the first row: that finding is resolved.
    uno::Reference<text::XTextTablesSupplier> xTables(doc, uno::UNO_QUERY_THROW);
    auto xNames = xTables->getTextTables();
    uno::Reference<text::XTextTable> xPlan(xNames->getByName(xNames->getElementNames()[0]), uno::UNO_QUERY_THROW);
    uno::Reference<text::XText> xWho(uno::Reference<table::XCellRange>(xPlan, uno::UNO_QUERY_THROW)->getCellByPosition(3, 1),
                                     uno::UNO_QUERY_THROW);
    xWho->setString("Sam Patel");
    std::string third;
    AA_UNO(third = office().call("reviewComments", doc, {}, 0, { { "Today", today }, { "Reviewer", reviewer } }));
    EXPECT_EQ(json::parse(third).as_object().at("removed").as_int64(), 1);
    EXPECT_EQ(comments(doc).size(), afterFirst.size() - 1);
}

TEST(Review, SupervisionRecordAppendsAndNeverEditsEarlierEntries)
{
    auto doc = docWith(sampleJson());
    Closer closer(doc);
    AA_UNO(office().call("addSupervision", doc, {}, 0,
                         { { "Supervision", R"({"date":"2026-11-20","reviewer":"Jo Supervisor","discussed":"Housing and Maya's caring role","influence":"Asked for a young carers' assessment","decisions":"Keep the case open","actions":"Refer to young carers"})" } }));
    AA_UNO(office().call("addSupervision", doc, {}, 0,
                         { { "Supervision", R"({"date":"2026-11-26","reviewer":"Jo Supervisor","discussed":"Father's contact"})" } }));
    const std::string text = bodyText(doc);
    EXPECT_NE(text.find("Supervision record"), std::string::npos);
    EXPECT_NE(text.find("Date|Supervisor|What was discussed|How supervision influenced the direction of the assessment|Decisions or outcomes|Agreed actions|"
                        "2026-11-20|Jo Supervisor|Housing and Maya's caring role|Asked for a young carers' assessment|Keep the case open|Refer to young carers|"
                        "2026-11-26|Jo Supervisor|Father's contact||||"),
              std::string::npos)
        << text.substr(text.find("Supervision record"));
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
