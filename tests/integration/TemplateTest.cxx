// The report template: registered with LibreOffice's template mechanism by a fresh install,
// a new document from it has Standard 7's headings and prompts, and the analysis goes in at
// its analysis place.
#include "WriterFixture.hxx"

#include "Analysis.hpp"
#include "Json.hpp"
#include "Plan.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/Property.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/DocumentTemplates.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sdbc/XResultSet.hpp>
#include <com/sun/star/sdbc/XRow.hpp>
#include <com/sun/star/task/XJobExecutor.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/ucb/Command.hpp>
#include <com/sun/star/ucb/OpenCommandArgument2.hpp>
#include <com/sun/star/ucb/OpenMode.hpp>
#include <com/sun/star/ucb/UniversalContentBroker.hpp>
#include <com/sun/star/ucb/XCommandProcessor.hpp>
#include <com/sun/star/ucb/XContentAccess.hpp>
#include <com/sun/star/ucb/XDynamicResultSet.hpp>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <thread>

using namespace css;
using namespace aa::test;
using aa::glue::toUtf8;

namespace
{
/// The template's headings, in the order of Standard 7 (and 8 for management oversight).
const char* const standard7Headings[] = {
    "Purpose of the assessment and of this report",
    "The nature of the concerns",
    "How the information was gathered, and from whom",
    "The views of other agencies, and how they shaped the assessment",
    "The child\u2019s and the family\u2019s wishes and feelings",
    "How safe is the child now?",
    "Analysis of the assessment",
    "The recommendation, and how the analysis leads to it",
    "The action plan, and how the child\u2019s situation will be kept under review",
    "Timescales",
    "Management oversight and decisions",
};
const char* const templatePlaces[] = { "AA_place_safety", "AA_place_analysis", "AA_place_recommendation",
                                       "AA_place_plan", "AA_place_supervision" };

/// The children of a UCB folder: (title, target URL) pairs.
std::vector<std::pair<std::string, std::string>> children(const uno::Reference<ucb::XContent>& xFolder)
{
    uno::Reference<ucb::XCommandProcessor> xCommands(xFolder, uno::UNO_QUERY_THROW);
    ucb::OpenCommandArgument2 aArg;
    aArg.Mode = ucb::OpenMode::ALL;
    aArg.Priority = 32768;
    aArg.Properties.realloc(2);
    aArg.Properties[0].Name = "Title";
    aArg.Properties[0].Handle = -1;
    aArg.Properties[1].Name = "TargetURL";
    aArg.Properties[1].Handle = -1;
    ucb::Command aCommand("open", -1, uno::Any(aArg));
    uno::Reference<ucb::XDynamicResultSet> xDynamic(xCommands->execute(aCommand, 0, nullptr), uno::UNO_QUERY_THROW);
    auto xResult = xDynamic->getStaticResultSet();
    uno::Reference<sdbc::XRow> xRow(xResult, uno::UNO_QUERY_THROW);
    std::vector<std::pair<std::string, std::string>> out;
    while (xResult->next())
        out.emplace_back(toUtf8(xRow->getString(1)), toUtf8(xRow->getString(2)));
    return out;
}

std::vector<std::pair<std::string, std::string>> templatesListed()
{
    auto xTemplates = frame::DocumentTemplates::create(office().context());

    std::vector<std::pair<std::string, std::string>> all;
    // Groups, then the templates in each group.
    uno::Reference<ucb::XCommandProcessor> xCommands(xTemplates->getContent(), uno::UNO_QUERY_THROW);
    ucb::OpenCommandArgument2 aArg;
    aArg.Mode = ucb::OpenMode::ALL;
    aArg.Priority = 32768;
    aArg.Properties.realloc(1);
    aArg.Properties[0].Name = "Title";
    aArg.Properties[0].Handle = -1;
    uno::Reference<ucb::XDynamicResultSet> xDynamic(
        xCommands->execute(ucb::Command("open", -1, uno::Any(aArg)), 0, nullptr), uno::UNO_QUERY_THROW);
    auto xGroups = xDynamic->getStaticResultSet();
    uno::Reference<ucb::XContentAccess> xAccess(xGroups, uno::UNO_QUERY_THROW);
    // Each group through the content broker (queryContent on the result set blocks in 7.4).
    auto xBroker = ucb::UniversalContentBroker::create(office().context());
    while (xGroups->next())
    {
        auto inGroup = children(
            xBroker->queryContent(xBroker->createContentIdentifier(xAccess->queryContentIdentifierString())));
        all.insert(all.end(), inGroup.begin(), inGroup.end());
    }
    return all;
}

uno::Reference<text::XTextDocument> newFromTemplate(const std::string& url)
{
    uno::Sequence<beans::PropertyValue> aProps(2);
    aProps[0].Name = "AsTemplate";
    aProps[0].Value <<= true;
    aProps[1].Name = "Hidden";
    aProps[1].Value <<= true;
    return uno::Reference<text::XTextDocument>(
        office().desktop()->loadComponentFromURL(aa::glue::fromUtf8(url), "_blank", 0, aProps), uno::UNO_QUERY_THROW);
}

std::string templateUrl()
{
    for (const auto& [title, url] : templatesListed())
        if (url.find("assessment-report.ott") != std::string::npos)
            return url;
    return {};
}

/// A new document from the template as LibreOffice lists it; empty when it is not listed.
uno::Reference<text::XTextDocument> newReport()
{
    const std::string url = templateUrl();
    return url.empty() ? nullptr : newFromTemplate(url);
}

/// The template's own prompts: placeholder fields in paragraphs not of the analysis's styles.
int countPrompts(const uno::Reference<text::XTextDocument>& doc)
{
    uno::Reference<container::XEnumerationAccess> xFields(
        uno::Reference<text::XTextFieldsSupplier>(doc, uno::UNO_QUERY_THROW)->getTextFields(), uno::UNO_QUERY_THROW);
    int count = 0;
    auto xEnum = xFields->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<text::XTextContent> xField(xEnum->nextElement(), uno::UNO_QUERY);
        if (!uno::Reference<lang::XServiceInfo>(xField, uno::UNO_QUERY_THROW)
                 ->supportsService("com.sun.star.text.TextField.JumpEdit"))
            continue;
        OUString aStyle;
        uno::Reference<beans::XPropertySet>(doc->getText()->createTextCursorByRange(xField->getAnchor()),
                                            uno::UNO_QUERY_THROW)
            ->getPropertyValue("ParaStyleName")
            >>= aStyle;
        if (!aStyle.startsWith("Analysis "))
            ++count;
    }
    return count;
}

std::size_t indexOf(const std::vector<Para>& paras, const std::string& text)
{
    for (std::size_t i = 0; i < paras.size(); ++i)
        if (paras[i].text == text)
            return i;
    return paras.size();
}
} // namespace

TEST(Template, FreshInstallListsTheTemplate)
{
    AA_UNO({
        const auto listed = templatesListed();
        ASSERT_FALSE(listed.empty());
        const std::string url = templateUrl();
        EXPECT_NE(url, "") << "the report template is not among the " << listed.size() << " templates listed";
    });
}

/// Each heading once, in the standards' order; returns their indexes in paras.
std::vector<std::size_t> expectHeadingsInOrder(const std::vector<Para>& paras)
{
    std::vector<std::size_t> at;
    for (const char* heading : standard7Headings)
    {
        std::size_t count = 0, where = paras.size();
        for (std::size_t i = 0; i < paras.size(); ++i)
            if (paras[i].text == heading)
            {
                ++count;
                where = i;
            }
        EXPECT_EQ(count, 1u) << heading << " should appear exactly once";
        if (where == paras.size())
            continue;
        EXPECT_EQ(paras[where].style, "Heading 2") << heading;
        if (!at.empty())
        {
            EXPECT_GT(where, at.back()) << heading << " is out of order";
        }
        at.push_back(where);
    }
    return at;
}

/// The index of the first paragraph at or after from whose style is style.
std::size_t firstWithStyle(const std::vector<Para>& paras, const std::string& style, std::size_t from = 0)
{
    for (std::size_t i = from; i < paras.size(); ++i)
        if (paras[i].style == style)
            return i;
    return paras.size();
}

TEST(Template, NewDocumentHasTheHeadingsAndPrompts)
{
    uno::Reference<text::XTextDocument> doc;
    AA_UNO(doc = newReport());
    ASSERT_TRUE(doc.is()) << "the report template is not listed";
    Closer closer(doc);
    // A new, untitled document: saving does not overwrite the template.
    EXPECT_TRUE(uno::Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getURL().isEmpty());
    const auto paras = bodyParagraphs(doc);
    EXPECT_EQ(expectHeadingsInOrder(paras).size(), std::size(standard7Headings));
    EXPECT_EQ(paras.front().text.rfind("Child and family assessment", 0), 0u);
    // The title block and every heading carry a prompt.
    EXPECT_EQ(countPrompts(doc), 12);
    const auto names = bookmarkNames(doc);
    for (const char* place : templatePlaces)
        EXPECT_NE(std::find(names.begin(), names.end(), place), names.end()) << place;
}

TEST(Template, ReportFromTheTemplateReadsInTheOrderOfTheStandards)
{
    uno::Reference<text::XTextDocument> doc;
    AA_UNO(doc = newReport());
    ASSERT_TRUE(doc.is()) << "the report template is not listed";
    Closer closer(doc);
    // The cursor where the practitioner happens to be (the purpose of the report): each part
    // still goes to its place.
    AA_UNO({
        placeCursor(doc, 2, 0);
        insert(doc, sampleJson());
        office().call("addSupervision", doc, {}, 0,
                      { { "Supervision", readFile(std::string(AA_SAMPLES_DIR) + "/sample-supervision.json") } });
    });
    const auto paras = bodyParagraphs(doc);
    const std::vector<std::size_t> at = expectHeadingsInOrder(paras);
    ASSERT_EQ(at.size(), std::size(standard7Headings));
    const std::size_t safety = at[5], analysis = at[6], recommendation = at[7], plan = at[8], timescales = at[9],
                      oversight = at[10];
    const std::size_t safetyAnswer = firstWithStyle(paras, "Analysis Safety");
    EXPECT_GT(safetyAnswer, safety);
    EXPECT_LT(safetyAnswer, analysis);
    const std::size_t firstIssue = firstWithStyle(paras, "Analysis Issue Title");
    EXPECT_GT(firstIssue, analysis);
    EXPECT_LT(firstIssue, recommendation);
    const std::size_t recommendationAnswer = firstWithStyle(paras, "Analysis Recommendation");
    EXPECT_GT(recommendationAnswer, recommendation);
    EXPECT_LT(recommendationAnswer, plan);
    std::size_t planTable = paras.size(), supervisionTable = paras.size();
    for (std::size_t i = 0; i < paras.size(); ++i)
    {
        if (paras[i].style != "<table>")
            continue;
        if (paras[i].text.rfind(aa::Strings::builtIn().get("plan.issue") + "|", 0) == 0)
            planTable = i;
        else if (paras[i].text.rfind(aa::Strings::builtIn().get("supervision.date") + "|", 0) == 0)
            supervisionTable = i;
    }
    EXPECT_GT(planTable, plan) << "the plan under The action plan";
    EXPECT_LT(planTable, timescales);
    EXPECT_GT(supervisionTable, oversight) << "supervision under Management oversight and decisions";
    ASSERT_LT(supervisionTable, paras.size());
    EXPECT_NE(paras[supervisionTable].text.find("Priya Shah, team manager"), std::string::npos);
    // The places' prompts made way; the prompts of the sections still to write stay.
    EXPECT_EQ(countPrompts(doc), 7);
    EXPECT_TRUE(parseRead(read(doc)) == aa::withPlan(aa::parseAnalysis(sampleJson())));
}

TEST(Template, NewAssessmentCommandOpensADocumentFromTheTemplate)
{
    auto countWriterDocs = [] {
        int n = 0;
        auto xEnum = office().desktop()->getComponents()->createEnumeration();
        while (xEnum->hasMoreElements())
            if (uno::Reference<text::XTextDocument>(xEnum->nextElement(), uno::UNO_QUERY).is())
                ++n;
        return n;
    };
    const int before = countWriterDocs();
    AA_UNO({
        auto xContext = office().context();
        uno::Reference<task::XJobExecutor> xExecutor(
            xContext->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.Analysis", xContext),
            uno::UNO_QUERY_THROW);
        xExecutor->trigger("newAssessment");
    });
    ASSERT_EQ(countWriterDocs(), before + 1);
    auto xEnum = office().desktop()->getComponents()->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<text::XTextDocument> doc(xEnum->nextElement(), uno::UNO_QUERY);
        if (!doc.is() || bodyParagraphs(doc).empty()
            || bodyParagraphs(doc).front().text != "Child and family assessment")
            continue;
        EXPECT_NE(indexOf(bodyParagraphs(doc), "The nature of the concerns"), bodyParagraphs(doc).size());
        Closer closer(doc);
        return;
    }
    FAIL() << "no document from the template was opened";
}
