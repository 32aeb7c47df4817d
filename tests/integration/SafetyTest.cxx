// Bad input and documents that must not be changed: a clear IllegalArgumentException, and the
// document's text exactly as it was.
#include "WriterFixture.hxx"

#include "UnoString.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextSection.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

using namespace css;
using namespace aa::test;
using aa::glue::toUtf8;

namespace
{
/// Runs the command, expecting a refusal whose message contains `needle`; returns the message.
template <class I>
std::string expectRefusal(const std::string& command, const uno::Reference<I>& doc, const std::string& json,
                          const std::string& needle)
{
    try
    {
        if (doc.is())
            office().call(command, doc, json);
        else
            office().call(command, uno::Reference<uno::XInterface>(), json);
    }
    catch (const lang::IllegalArgumentException& e)
    {
        const std::string message = toUtf8(e.Message);
        EXPECT_NE(message.find(needle), std::string::npos) << message;
        return message;
    }
    catch (const uno::Exception& e)
    {
        ADD_FAILURE() << "expected IllegalArgumentException, got: " << aa::client::describe(e);
        return {};
    }
    ADD_FAILURE() << "the command was not refused";
    return {};
}

void moveViewCursorTo(const uno::Reference<text::XTextDocument>& doc, const uno::Reference<text::XTextRange>& range)
{
    uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextViewCursorSupplier> xView(xModel->getCurrentController(), uno::UNO_QUERY_THROW);
    xView->getViewCursor()->gotoRange(range, false);
}
} // namespace

TEST(Safety, MalformedJsonIsRefusedAndChangesNothing)
{
    auto doc = documentWith({ "Keep me" });
    Closer closer(doc);
    const std::string before = bodyText(doc);
    expectRefusal("insert", doc, "{\"schema\":1,\"issues\":[", "not valid JSON");
    expectRefusal("insert", doc,
                  R"({"schema":1,"issues":[{"id":"a","title":"T"}],"strengths":[{"text":"x","issues":["zz"]}]})",
                  "strengths[0].issues[0]");
    expectRefusal("insert", doc, R"({"schema":1,"issues":[{"id":"has space","title":"T"}]})", "issues[0].id");
    expectRefusal("insert", doc, R"({"schema":1,"issues":[{"id":"a","title":"T","orgins":"typo"}]})", "orgins");
    EXPECT_EQ(bodyText(doc), before);
    EXPECT_TRUE(bookmarkNames(doc).empty());
}

TEST(Safety, ReadOnlyDocumentIsRefused)
{
    auto original = documentWith({ "A saved report" });
    const std::string url = aa::client::fileUrl(workDir() + "/readonly.odt");
    aa::client::Office::storeTo(original, url, "writer8");
    aa::client::Office::close(original);
    uno::Reference<text::XTextDocument> doc(office().load(url, true), uno::UNO_QUERY_THROW);
    Closer closer(doc);
    const std::string before = bodyText(doc);
    expectRefusal("insert", doc, sampleJson(), "read-only");
    EXPECT_EQ(bodyText(doc), before);
}

TEST(Safety, ProtectedSectionIsRefused)
{
    auto doc = documentWith({ "Outside", "Inside the protected section" });
    Closer closer(doc);
    auto xCursor = doc->getText()->createTextCursor();
    xCursor->gotoEnd(false);
    uno::Reference<text::XParagraphCursor>(xCursor, uno::UNO_QUERY_THROW)->gotoStartOfParagraph(true);
    auto xInside
        = protectRange(doc, uno::Reference<text::XTextRange>(xCursor, uno::UNO_QUERY_THROW))->getAnchor()->getStart();
    moveViewCursorTo(doc, xInside);
    const std::string before = bodyText(doc);
    expectRefusal("insert", doc, sampleJson(), "protected");
    EXPECT_EQ(bodyText(doc), before);
}

TEST(Safety, CursorInATableCellIsRefused)
{
    auto doc = documentWith({ "Text" });
    Closer closer(doc);
    uno::Reference<lang::XMultiServiceFactory> xFactory(doc, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextTable> xTable(xFactory->createInstance("com.sun.star.text.TextTable"),
                                            uno::UNO_QUERY_THROW);
    xTable->initialize(2, 2);
    doc->getText()->insertTextContent(doc->getText()->getEnd(),
                                      uno::Reference<text::XTextContent>(xTable, uno::UNO_QUERY_THROW), false);
    uno::Reference<text::XText> xCell(xTable->getCellByName("A1"), uno::UNO_QUERY_THROW);
    moveViewCursorTo(doc, xCell->getStart());
    const std::string before = bodyText(doc);
    expectRefusal("insert", doc, sampleJson(), "main text");
    EXPECT_EQ(bodyText(doc), before);
}

TEST(Safety, SecondInsertIsRefused)
{
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    AA_UNO(insert(doc, sampleJson()));
    const std::string before = bodyText(doc);
    expectRefusal("insert", doc, sampleJson(), "already has an analysis");
    EXPECT_EQ(bodyText(doc), before);
}

TEST(Safety, BadArgumentsAreRefusedClearly)
{
    const uno::Reference<uno::XInterface> none;
    expectRefusal("insert", none, sampleJson(), "Document argument is missing");
    expectRefusal("frobnicate", none, {}, "Unknown command");
    // Something that is not a Writer document: the desktop itself.
    uno::Reference<lang::XComponent> notADocument(office().desktop(), uno::UNO_QUERY_THROW);
    expectRefusal("read", notADocument, {}, "Writer text document");
    auto doc = office().newWriterDocument();
    Closer closer(doc);
    expectRefusal("insertSkeleton", doc, {}, "Count argument is missing");
    try
    {
        office().call("insertSkeleton", doc, {}, 5000);
        ADD_FAILURE() << "a 5000-issue skeleton was accepted";
    }
    catch (const lang::IllegalArgumentException& e)
    {
        EXPECT_NE(toUtf8(e.Message).find("between 1 and 1000"), std::string::npos) << toUtf8(e.Message);
    }
    EXPECT_TRUE(office().alive());
}
