#include "WriterFixture.hxx"

#include "Json.hpp"
#include "UnoString.hxx"

#include <com/sun/star/util/DateTime.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <cstdio>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::test
{
namespace
{
std::unique_ptr<aa::client::Office> g_office;

class OfficeEnvironment : public ::testing::Environment
{
public:
    void SetUp() override
    {
        std::filesystem::remove_all(workDir());
        std::filesystem::create_directories(workDir());
        // Lets RobustnessTest throw from inside each layer of the extension.
        aa::platform::setEnvironment("AA_ALLOW_FAULT_INJECTION", "1");
        g_office = std::make_unique<aa::client::Office>(
            aa::client::OfficeOptions{ workDir() + "/profile", AA_OXT_PATH, true });
    }
    void TearDown() override
    {
        if (g_office)
        {
            const bool alive = g_office->alive();
            g_office.reset();
            EXPECT_TRUE(alive) << "soffice died during the tests";
        }
        std::filesystem::remove_all(workDir());
    }
};
} // namespace

aa::client::Office& office() { return *g_office; }

const std::string& workDir()
{
    static const std::string dir = (std::filesystem::temp_directory_path()
                                    / ("aa-writer-test-" + std::to_string(aa::platform::currentId())))
                                       .string();
    return dir;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string firstDifference(const std::string& got, const std::string& expected)
{
    std::size_t i = 0;
    while (i < got.size() && i < expected.size() && got[i] == expected[i])
        ++i;
    const std::size_t from = i > 60 ? i - 60 : 0;
    return "differs at " + std::to_string(i) + "\n  got:      ..." + got.substr(from, 160) + "\n  expected: ..."
           + expected.substr(from, 160);
}

aa::Item makeItem(const std::string& text, const std::vector<std::string>& issues)
{
    aa::Item item;
    item.text = text;
    item.issues = issues;
    return item;
}

std::string sampleJson() { return readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json"); }

std::string unplannedSampleJson()
{
    aa::Analysis analysis = aa::parseAnalysis(sampleJson());
    analysis.plan.clear();
    analysis.hasPlan = false;
    return aa::toJson(analysis);
}

std::vector<Para> bodyParagraphs(const uno::Reference<text::XTextDocument>& doc)
{
    std::vector<Para> result;
    uno::Reference<container::XEnumerationAccess> xAccess(doc->getText(), uno::UNO_QUERY_THROW);
    auto xEnum = xAccess->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Any aElement = xEnum->nextElement();
        uno::Reference<text::XTextTable> xTable(aElement, uno::UNO_QUERY);
        if (xTable.is())
        {
            std::string cells;
            for (const OUString& rName : xTable->getCellNames())
            {
                uno::Reference<text::XTextRange> xCell(xTable->getCellByName(rName), uno::UNO_QUERY_THROW);
                cells += toUtf8(xCell->getString()) + "|";
            }
            result.push_back({ "<table>", cells });
            continue;
        }
        uno::Reference<beans::XPropertySet> xProps(aElement, uno::UNO_QUERY_THROW);
        OUString aStyle;
        xProps->getPropertyValue("ParaStyleName") >>= aStyle;
        uno::Reference<text::XTextRange> xRange(aElement, uno::UNO_QUERY_THROW);
        result.push_back({ toUtf8(aStyle), toUtf8(xRange->getString()) });
    }
    return result;
}

std::string bodyText(const uno::Reference<text::XTextDocument>& doc)
{
    std::string text;
    for (const Para& p : bodyParagraphs(doc))
        text += p.text + "\n";
    return text;
}

uno::Reference<text::XText> cell(const uno::Reference<text::XTextTable>& xTable, int col, int row)
{
    return uno::Reference<text::XText>(
        uno::Reference<table::XCellRange>(xTable, uno::UNO_QUERY_THROW)->getCellByPosition(col, row),
        uno::UNO_QUERY_THROW);
}

std::string cellText(const uno::Reference<text::XTextTable>& xTable, int col, int row)
{
    return toUtf8(cell(xTable, col, row)->getString());
}

std::vector<std::vector<std::string>> planCells(const uno::Reference<text::XTextDocument>& doc)
{
    std::vector<std::vector<std::string>> rows;
    auto xTable = planTable(doc);
    if (!xTable.is())
        return rows;
    const sal_Int32 nRows = xTable->getRows()->getCount();
    const sal_Int32 nCols = xTable->getColumns()->getCount();
    for (sal_Int32 r = 0; r < nRows; ++r)
    {
        std::vector<std::string> row;
        for (sal_Int32 c = 0; c < nCols; ++c)
            row.push_back(cellText(xTable, c, r));
        rows.push_back(std::move(row));
    }
    return rows;
}

void typeInto(const uno::Reference<text::XText>& xCell, const std::string& text)
{
    xCell->insertString(xCell->getEnd(), fromUtf8(text), false);
}

uno::Reference<text::XTextTable> planTable(const uno::Reference<text::XTextDocument>& doc)
{
    uno::Reference<text::XTextTablesSupplier> xTables(doc, uno::UNO_QUERY_THROW);
    auto xNames = xTables->getTextTables();
    for (const OUString& rName : xNames->getElementNames())
    {
        uno::Reference<text::XTextTable> xTable(xNames->getByName(rName), uno::UNO_QUERY_THROW);
        uno::Reference<text::XTextRange> xFirst(xTable->getCellByName("A1"), uno::UNO_QUERY_THROW);
        if (toUtf8(xFirst->getString()) == "Issue")
            return xTable;
    }
    return {};
}

std::vector<std::string> bookmarkNames(const uno::Reference<text::XTextDocument>& doc)
{
    std::vector<std::string> names;
    uno::Reference<text::XBookmarksSupplier> xSupplier(doc, uno::UNO_QUERY_THROW);
    for (const OUString& rName : xSupplier->getBookmarks()->getElementNames())
        names.push_back(toUtf8(rName));
    return names;
}

uno::Reference<text::XTextDocument> documentWith(const std::vector<std::string>& paragraphs)
{
    auto doc = office().newWriterDocument();
    auto xText = doc->getText();
    auto xCursor = xText->createTextCursor();
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
    {
        if (i)
            xText->insertControlCharacter(xCursor->getEnd(), text::ControlCharacter::PARAGRAPH_BREAK, false);
        xText->insertString(xCursor->getEnd(), fromUtf8(paragraphs[i]), false);
    }
    return doc;
}

void placeCursor(const uno::Reference<text::XTextDocument>& doc, int para, int offset)
{
    auto xCursor = doc->getText()->createTextCursor();
    xCursor->gotoStart(false);
    uno::Reference<text::XParagraphCursor> xPara(xCursor, uno::UNO_QUERY_THROW);
    for (int i = 0; i < para; ++i)
        xPara->gotoNextParagraph(false);
    xCursor->goRight(static_cast<sal_Int16>(offset), false);
    uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextViewCursorSupplier> xView(xModel->getCurrentController(), uno::UNO_QUERY_THROW);
    xView->getViewCursor()->gotoRange(xCursor->getStart(), false);
}

uno::Reference<text::XTextDocument> roundTrip(const uno::Reference<text::XTextDocument>& doc, const std::string& name,
                                              const std::string& filter)
{
    const std::string url = aa::client::fileUrl(workDir() + "/" + name);
    aa::client::Office::storeTo(doc, url, filter);
    return uno::Reference<text::XTextDocument>(office().load(url), uno::UNO_QUERY_THROW);
}

std::string insert(const uno::Reference<text::XTextDocument>& doc, const std::string& json)
{
    return office().call("insert", doc, json);
}

aa::Analysis parseRead(const std::string& json)
{
    return aa::parseAnalysis(json, aa::Strings::builtIn(), aa::ParseMode::Update);
}

std::string read(const uno::Reference<text::XTextDocument>& doc) { return office().call("read", doc); }

uno::Reference<container::XNameAccess> configAccess(const std::string& nodePath)
{
    auto xProvider = configuration::theDefaultProvider::get(office().context());
    beans::PropertyValue aPath;
    aPath.Name = "nodepath";
    aPath.Value <<= aa::glue::fromUtf8(nodePath);
    uno::Sequence<uno::Any> aArgs(1);
    aArgs[0] <<= aPath;
    return uno::Reference<container::XNameAccess>(
        xProvider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", aArgs),
        uno::UNO_QUERY_THROW);
}

std::vector<Comment> comments(const uno::Reference<text::XTextDocument>& doc)
{
    std::vector<Comment> out;
    uno::Reference<text::XTextFieldsSupplier> xFields(doc, uno::UNO_QUERY_THROW);
    auto xEnum = xFields->getTextFields()->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<lang::XServiceInfo> xInfo(xEnum->nextElement(), uno::UNO_QUERY);
        if (!xInfo.is() || !xInfo->supportsService("com.sun.star.text.TextField.Annotation"))
            continue;
        uno::Reference<beans::XPropertySet> xProps(xInfo, uno::UNO_QUERY_THROW);
        OUString aAuthor, aContent;
        xProps->getPropertyValue("Author") >>= aAuthor;
        xProps->getPropertyValue("Content") >>= aContent;
        util::DateTime aWhen;
        std::string date;
        if ((xProps->getPropertyValue("DateTimeValue") >>= aWhen) && aWhen.Year > 0)
        {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(aWhen.Year),
                          static_cast<unsigned>(aWhen.Month), static_cast<unsigned>(aWhen.Day));
            date = buffer;
        }
        out.push_back({ aa::glue::toUtf8(aAuthor), aa::glue::toUtf8(aContent), date });
    }
    return out;
}

uno::Reference<text::XTextContent> protectRange(const uno::Reference<text::XTextDocument>& doc,
                                                const uno::Reference<text::XTextRange>& range)
{
    uno::Reference<lang::XMultiServiceFactory> xFactory(doc, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextContent> xSection(xFactory->createInstance("com.sun.star.text.TextSection"),
                                                uno::UNO_QUERY_THROW);
    doc->getText()->insertTextContent(range, xSection, true);
    uno::Reference<beans::XPropertySet>(xSection, uno::UNO_QUERY_THROW)
        ->setPropertyValue("IsProtected", uno::Any(true));
    return xSection;
}

Closer::~Closer()
{
    try
    {
        aa::client::Office::close(m_doc);
    }
    catch (...)
    {
    }
}
} // namespace aa::test

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new aa::test::OfficeEnvironment);
    return RUN_ALL_TESTS();
}
