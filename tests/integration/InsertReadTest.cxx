// insert and read against real Writer: equality after save and reload, working links, undo.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "Plan.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/util/XRefreshable.hpp>

using namespace css;
using namespace aa::test;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace
{
aa::Analysis expectedFrom(const std::string& json) { return aa::withPlan(aa::parseAnalysis(json)); }

struct PlanLink
{
    std::string url;   ///< hyperlink target of the issue cell
    std::string shown; ///< what the cross-reference field shows
};

/// The links in the issue column of the plan table (the table whose first cell has the plan
/// header style): for each row after the header, one per issue the row is about.
std::vector<std::vector<PlanLink>> planLinks(const uno::Reference<text::XTextDocument>& doc)
{
    std::vector<std::vector<PlanLink>> links;
    uno::Reference<text::XTextTablesSupplier> xTables(doc, uno::UNO_QUERY_THROW);
    auto xNames = xTables->getTextTables();
    for (const OUString& rName : xNames->getElementNames())
    {
        uno::Reference<text::XTextTable> xTable(xNames->getByName(rName), uno::UNO_QUERY_THROW);
        uno::Reference<table::XCellRange> xRange(xTable, uno::UNO_QUERY_THROW);
        uno::Reference<container::XEnumerationAccess> xFirst(xRange->getCellByPosition(0, 0), uno::UNO_QUERY_THROW);
        uno::Reference<beans::XPropertySet> xFirstPara(xFirst->createEnumeration()->nextElement(),
                                                       uno::UNO_QUERY_THROW);
        OUString aStyle;
        xFirstPara->getPropertyValue("ParaStyleName") >>= aStyle;
        if (aStyle != "Analysis Plan Header")
            continue;
        for (sal_Int32 r = 1; r < xTable->getRows()->getCount(); ++r)
        {
            uno::Reference<container::XEnumerationAccess> xCell(xRange->getCellByPosition(0, r), uno::UNO_QUERY_THROW);
            uno::Reference<container::XEnumerationAccess> xPara(xCell->createEnumeration()->nextElement(),
                                                                uno::UNO_QUERY_THROW);
            auto xPortions = xPara->createEnumeration();
            std::vector<PlanLink> row;
            while (xPortions->hasMoreElements())
            {
                uno::Reference<beans::XPropertySet> xPortion(xPortions->nextElement(), uno::UNO_QUERY_THROW);
                OUString aType, aUrl;
                xPortion->getPropertyValue("TextPortionType") >>= aType;
                xPortion->getPropertyValue("HyperLinkURL") >>= aUrl;
                if (aType == "TextField")
                    row.push_back(
                        { toUtf8(aUrl),
                          toUtf8(uno::Reference<text::XTextRange>(xPortion, uno::UNO_QUERY_THROW)->getString()) });
            }
            links.push_back(row);
        }
    }
    return links;
}

/// The text and paragraph style of the paragraph a bookmark is in ("" when it is missing).
std::pair<std::string, std::string> bookmarkTarget(const uno::Reference<text::XTextDocument>& doc,
                                                   const std::string& name)
{
    uno::Reference<text::XBookmarksSupplier> xSupplier(doc, uno::UNO_QUERY_THROW);
    auto xMarks = xSupplier->getBookmarks();
    if (!xMarks->hasByName(fromUtf8(name)))
        return {};
    uno::Reference<text::XTextContent> xMark(xMarks->getByName(fromUtf8(name)), uno::UNO_QUERY_THROW);
    auto xCursor = doc->getText()->createTextCursorByRange(xMark->getAnchor()->getStart());
    uno::Reference<beans::XPropertySet> xProps(xCursor, uno::UNO_QUERY_THROW);
    OUString aStyle;
    xProps->getPropertyValue("ParaStyleName") >>= aStyle;
    return { toUtf8(xMark->getAnchor()->getString()), toUtf8(aStyle) };
}

/// Every plan row links to the headings of the issues it is about, in order, and each
/// cross-reference shows the issue's title.
void expectPlanLinksResolve(const uno::Reference<text::XTextDocument>& doc, const aa::Analysis& expected)
{
    const std::vector<std::vector<PlanLink>> links = planLinks(doc);
    ASSERT_EQ(links.size(), expected.plan.size());
    for (std::size_t i = 0; i < links.size(); ++i)
    {
        const std::vector<std::string>& ids = expected.plan[i].issues;
        ASSERT_EQ(links[i].size(), ids.size()) << "row " << i;
        for (std::size_t k = 0; k < ids.size(); ++k)
        {
            const aa::Issue* issue = expected.findIssue(ids[k]);
            ASSERT_NE(issue, nullptr);
            EXPECT_EQ(links[i][k].url, "#" + aa::issueBookmarkName(ids[k])) << "row " << i;
            EXPECT_EQ(links[i][k].shown, issue->title) << "row " << i;
            const auto [text, style] = bookmarkTarget(doc, links[i][k].url.substr(1));
            EXPECT_EQ(text, issue->title) << "row " << i;
            EXPECT_EQ(style, "Analysis Issue Title") << "row " << i;
        }
    }
}

/// Text a practitioner might type that a careless writer would mangle.
std::string hostileJson()
{
    return R"json({"schema":1,"issues":[
      {"id":"a1","title":"  Spaces  around & <angle> \"quotes\" ","raisedBy":["child"],
       "origins":"Line one\n\nLine three after an empty one\n\tTabbed  double  spaced ",
       "maintainingFactors":"العربية mixed with English and עברית 123",
       "impactOnChild":"Emoji 😀 and Gothic 𐌰𐌱 beyond the BMP"},
      {"id":"B_2","title":"Second","origins":"","maintainingFactors":"","impactOnChild":""}],
     "strengths":[{"text":"Works with <both> & more","issues":["a1","B_2"]},{"text":"Unlinked strength"}],
     "whatWouldHelp":[{"text":"Help for the second","issues":["B_2"]}],
     "successSigns":[{"text":"Seen by 1 March","issues":["B_2"]}],
     "considerations":{"notKnown":"Not known\nacross two paragraphs","patterns":" leading space"},
     "plan":[{"issue":"B_2","outcome":"Out","action":"Act","who":"Sam (family-support worker)",
              "priority":"High","byWhen":"2027-03-01","review":"Monthly\nwith the school","contingency":"Escalate"},
             {"issue":"","action":"An unlinked row"}]})json";
}
} // namespace

TEST(Commands, VersionReportsTheSchema)
{
    std::string json;
    AA_UNO(json = office().call("version"));
    EXPECT_NE(json.find("\"schema\":2"), std::string::npos) << json;
    EXPECT_NE(json.find("\"version\":\""), std::string::npos) << json;
}

TEST(Insert, IntoNewDocumentReadsBackEqualWithDerivedPlan)
{
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    const aa::Analysis expected = expectedFrom(sampleJson());
    ASSERT_EQ(expected.plan.size(), 6u);
    std::string returned, readBack;
    AA_UNO(returned = insert(doc, sampleJson()));
    AA_UNO(readBack = read(doc));
    EXPECT_TRUE(aa::parseAnalysis(returned) == expected);
    EXPECT_TRUE(aa::parseAnalysis(readBack) == expected) << readBack;
    expectPlanLinksResolve(doc, expected);
}

TEST(Insert, HostileTextSurvivesExactly)
{
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    const aa::Analysis expected = expectedFrom(hostileJson());
    std::string readBack;
    AA_UNO(insert(doc, hostileJson()));
    AA_UNO(readBack = read(doc));
    EXPECT_TRUE(aa::parseAnalysis(readBack) == expected) << readBack;
}

class RoundTrip : public ::testing::TestWithParam<std::pair<std::string, std::string>>
{
};

TEST_P(RoundTrip, SaveAndReloadReadsTheSameAndLinksStillResolve)
{
    const auto& [filter, extension] = GetParam();
    for (const std::string& json : { sampleJson(), hostileJson() })
    {
        auto doc = documentWith({ "Report before the analysis", "Report after the analysis" });
        Closer closer(doc);
        placeCursor(doc, 0, 26);
        AA_UNO(insert(doc, json));
        uno::Reference<text::XTextDocument> reloaded;
        AA_UNO(reloaded = roundTrip(doc, "roundtrip" + extension, filter));
        Closer closeReloaded(reloaded);
        const aa::Analysis expected = expectedFrom(json);
        std::string readBack;
        AA_UNO(readBack = read(reloaded));
        EXPECT_TRUE(aa::parseAnalysis(readBack) == expected)
            << extension << ": " << readBack << "\nEXPECTED " << aa::toJson(expected);
        expectPlanLinksResolve(reloaded, expected);
        const std::string text = bodyText(reloaded);
        EXPECT_EQ(text.rfind("Report before the analysis\n", 0), 0u) << text.substr(0, 80);
        EXPECT_NE(text.find("\nReport after the analysis\n"), std::string::npos);
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip,
                         ::testing::Values(std::make_pair(std::string("writer8"), std::string(".odt")),
                                           std::make_pair(std::string("MS Word 2007 XML"), std::string(".docx"))),
                         [](const auto& testParam) { return testParam.param.second.substr(1); });

TEST(Insert, CrossReferenceShowsTheIssuesCurrentTitle)
{
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    AA_UNO(insert(doc, sampleJson()));
    // Retype part of the first heading, as a practitioner would.
    uno::Reference<text::XBookmarksSupplier> xSupplier(doc, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextContent> xMark(xSupplier->getBookmarks()->getByName("AA_issue_housing"),
                                             uno::UNO_QUERY_THROW);
    auto xCursor = doc->getText()->createTextCursorByRange(xMark->getAnchor()->getStart());
    xCursor->goRight(4, false);
    doc->getText()->insertString(xCursor->getStart(), "urgent ", false);
    uno::Reference<text::XTextFieldsSupplier> xFields(doc, uno::UNO_QUERY_THROW);
    uno::Reference<util::XRefreshable>(xFields->getTextFields(), uno::UNO_QUERY_THROW)->refresh();

    const std::string newTitle = "The urgent family's home is overcrowded and insecure";
    const auto links = planLinks(doc);
    ASSERT_FALSE(links.empty());
    bool shown = false;
    for (const auto& row : links)
        for (const PlanLink& link : row)
            if (link.url == "#AA_issue_housing")
            {
                EXPECT_EQ(link.shown, newTitle);
                shown = true;
            }
    EXPECT_TRUE(shown) << "no plan row links to the housing issue";
    std::string readBack;
    AA_UNO(readBack = read(doc));
    EXPECT_EQ(aa::parseAnalysis(readBack).issues[0].title, newTitle);
}

TEST(Insert, ExistingContentAroundTheCursorIsUnchanged)
{
    auto doc = documentWith({ "Before", "Hello world", "After" });
    Closer closer(doc);
    placeCursor(doc, 1, 5);
    AA_UNO(insert(doc, sampleJson()));
    std::vector<std::string> around;
    int firstAnalysis = -1, helloIndex = -1, worldIndex = -1;
    const auto paras = bodyParagraphs(doc);
    for (std::size_t i = 0; i < paras.size(); ++i)
    {
        const bool ours = paras[i].style.rfind("Analysis", 0) == 0 || paras[i].style == "<table>";
        if (ours && firstAnalysis < 0)
            firstAnalysis = static_cast<int>(i);
        if (!ours && !paras[i].text.empty())
            around.push_back(paras[i].text);
        if (paras[i].text == "Hello")
            helloIndex = static_cast<int>(i);
        if (paras[i].text == " world")
            worldIndex = static_cast<int>(i);
    }
    EXPECT_EQ(around, (std::vector<std::string>{ "Before", "Hello", " world", "After" }));
    EXPECT_LT(helloIndex, firstAnalysis);
    EXPECT_GT(worldIndex, firstAnalysis);
}

TEST(Insert, AtTheVeryEndTheAnalysisIsNotTheLastThing)
{
    auto doc = documentWith({ "Only paragraph" });
    Closer closer(doc);
    placeCursor(doc, 0, 14);
    AA_UNO(insert(doc, sampleJson()));
    const auto paras = bodyParagraphs(doc);
    ASSERT_FALSE(paras.empty());
    EXPECT_EQ(paras.back().style.rfind("Analysis", 0), std::string::npos) << paras.back().style;
    EXPECT_NE(paras.back().style, "<table>");
}

TEST(Insert, OneUndoRestoresTheDocument)
{
    auto doc = documentWith({ "Before", "Hello world", "After" });
    Closer closer(doc);
    placeCursor(doc, 1, 5);
    const auto before = bodyParagraphs(doc);
    const auto bookmarksBefore = bookmarkNames(doc);
    auto xUndo = uno::Reference<document::XUndoManagerSupplier>(doc, uno::UNO_QUERY_THROW)->getUndoManager();
    const sal_Int32 undoSteps = xUndo->getAllUndoActionTitles().getLength();
    AA_UNO(insert(doc, sampleJson()));
    EXPECT_EQ(xUndo->getAllUndoActionTitles().getLength(), undoSteps + 1) << "insert is one undo step";
    ASSERT_NE(bodyParagraphs(doc).size(), before.size());
    AA_UNO(xUndo->undo());
    const auto after = bodyParagraphs(doc);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i)
    {
        EXPECT_EQ(after[i].text, before[i].text) << i;
        EXPECT_EQ(after[i].style, before[i].style) << i;
    }
    EXPECT_EQ(bookmarkNames(doc), bookmarksBefore);
    EXPECT_EQ(xUndo->getAllUndoActionTitles().getLength(), undoSteps);
}

TEST(Insert, SkeletonCommandInsertsEmptyIssues)
{
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    AA_UNO(office().call("insertSkeleton", doc, {}, 3));
    std::string readBack;
    AA_UNO(readBack = read(doc));
    const aa::Analysis read = aa::parseAnalysis(readBack);
    ASSERT_EQ(read.issues.size(), 3u);
    EXPECT_EQ(read.issues[2].id, "issue3");
    EXPECT_EQ(read.issues[2].title, "Issue 3");
    EXPECT_EQ(read.issues[0].part(aa::IssuePart::Origins), "");
    EXPECT_TRUE(read.plan.empty());
}

TEST(Read, DocumentWithoutAnalysisGivesEmptyLists)
{
    auto doc = documentWith({ "Just a letter." });
    Closer closer(doc);
    std::string readBack;
    AA_UNO(readBack = read(doc));
    EXPECT_NE(readBack.find("\"issues\":[]"), std::string::npos) << readBack;
}
