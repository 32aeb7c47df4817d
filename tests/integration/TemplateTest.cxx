// The report template: registered with LibreOffice's template mechanism by a fresh install,
// a new document from it has Standard 7's headings and prompts, and the analysis goes in at
// its analysis place.
#include "WriterFixture.hxx"

#include "Analysis.hpp"
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
#include <com/sun/star/ucb/XCommandProcessor.hpp>
#include <com/sun/star/ucb/XContentAccess.hpp>
#include <com/sun/star/ucb/UniversalContentBroker.hpp>
#include <com/sun/star/ucb/XDynamicResultSet.hpp>

#include <chrono>
#include <thread>

using namespace css;
using namespace aa::test;
using aa::glue::toUtf8;

namespace
{
const char* const standard7Headings[] = {
    "Purpose of the assessment and of this report",
    "The nature of the concerns",
    "How the information was gathered, and from whom",
    "The child's experience, wishes and feelings, and the family's",
    "How the analysis leads to the recommendations and decisions",
    "The action plan",
    "How the child's situation will be kept under review",
    "Supervision record",
};

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
        auto inGroup = children(xBroker->queryContent(xBroker->createContentIdentifier(xAccess->queryContentIdentifierString())));
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

int countPrompts(const uno::Reference<text::XTextDocument>& doc)
{
    uno::Reference<container::XEnumerationAccess> xFields(
        uno::Reference<text::XTextFieldsSupplier>(doc, uno::UNO_QUERY_THROW)->getTextFields(), uno::UNO_QUERY_THROW);
    int count = 0;
    auto xEnum = xFields->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<lang::XServiceInfo> xField(xEnum->nextElement(), uno::UNO_QUERY);
        if (xField.is() && xField->supportsService("com.sun.star.text.TextField.JumpEdit"))
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

TEST(Template, NewDocumentHasTheHeadingsAndPrompts)
{
    uno::Reference<text::XTextDocument> doc;
    AA_UNO(doc = newReport());
    ASSERT_TRUE(doc.is()) << "the report template is not listed";
    Closer closer(doc);
    // A new, untitled document: saving does not overwrite the template.
    EXPECT_TRUE(uno::Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getURL().isEmpty());
    const auto paras = bodyParagraphs(doc);
    std::size_t last = 0;
    for (const char* heading : standard7Headings)
    {
        const std::size_t at = indexOf(paras, heading);
        ASSERT_LT(at, paras.size()) << "missing heading: " << heading;
        EXPECT_EQ(paras[at].style, "Heading 2") << heading;
        EXPECT_GT(at, last) << heading << " is out of order";
        last = at;
    }
    EXPECT_EQ(paras.front().text.rfind("Child and family assessment", 0), 0u);
    // Every heading and the analysis place carry a prompt.
    EXPECT_EQ(countPrompts(doc), 10);
}

TEST(Template, AnalysisGoesInAtTheAnalysisPlace)
{
    uno::Reference<text::XTextDocument> doc;
    AA_UNO(doc = newReport());
    ASSERT_TRUE(doc.is()) << "the report template is not listed";
    Closer closer(doc);
    AA_UNO({
        uno::Reference<text::XBookmarksSupplier> xBookmarks(doc, uno::UNO_QUERY_THROW);
        ASSERT_TRUE(xBookmarks->getBookmarks()->hasByName("AnalysisPlace"));
        uno::Reference<text::XTextContent> xPlace(xBookmarks->getBookmarks()->getByName("AnalysisPlace"), uno::UNO_QUERY_THROW);
        uno::Reference<text::XTextViewCursorSupplier> xView(
            uno::Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getCurrentController(), uno::UNO_QUERY_THROW);
        xView->getViewCursor()->gotoRange(xPlace->getAnchor(), false);
        insert(doc, sampleJson());
    });
    const auto paras = bodyParagraphs(doc);
    const std::size_t before = indexOf(paras, "The child's experience, wishes and feelings, and the family's");
    const std::size_t analysis = indexOf(paras, "Analysis of the assessment");
    const std::size_t after = indexOf(paras, "How the analysis leads to the recommendations and decisions");
    ASSERT_LT(after, paras.size());
    EXPECT_LT(before, analysis);
    EXPECT_LT(analysis, after);
    // The analysis place's prompt made way for the analysis; the other prompts stay.
    EXPECT_EQ(countPrompts(doc), 9);
    EXPECT_EQ(parseRead(read(doc)).issues.size(), 4u);
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
        if (!doc.is() || bodyParagraphs(doc).empty() || bodyParagraphs(doc).front().text != "Child and family assessment")
            continue;
        EXPECT_NE(indexOf(bodyParagraphs(doc), "The nature of the concerns"), bodyParagraphs(doc).size());
        Closer closer(doc);
        return;
    }
    FAIL() << "no document from the template was opened";
}
