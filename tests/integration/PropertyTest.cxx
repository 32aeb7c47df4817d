// Random sequences of hand edits and updates on a generated document: after every step, every
// piece of text a person typed is still in the document, and read succeeds.
#include "WriterFixture.hxx"

#include "DocumentStructure.hpp"
#include "Json.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>

#include <random>
#include <set>

using namespace css;
using namespace aa::test;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace
{
/// Body paragraphs with one of our answer or item styles.
std::vector<uno::Reference<text::XTextContent>> answerParagraphs(const uno::Reference<text::XTextDocument>& doc)
{
    std::vector<uno::Reference<text::XTextContent>> result;
    uno::Reference<container::XEnumerationAccess> xAccess(doc->getText(), uno::UNO_QUERY_THROW);
    auto xEnum = xAccess->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<text::XTextContent> xPara(xEnum->nextElement(), uno::UNO_QUERY);
        uno::Reference<beans::XPropertySet> xProps(xPara, uno::UNO_QUERY);
        uno::Reference<lang::XServiceInfo> xInfo(xPara, uno::UNO_QUERY);
        if (!xProps.is() || !xInfo.is() || !xInfo->supportsService("com.sun.star.text.Paragraph"))
            continue;
        OUString aStyle;
        xProps->getPropertyValue("ParaStyleName") >>= aStyle;
        const aa::StyleRole role = aa::roleOfStyle(toUtf8(aStyle));
        if (role.role == aa::Role::IssuePartAnswer || role.role == aa::Role::TopicAnswer)
            result.push_back(xPara);
    }
    return result;
}

} // namespace

class RandomEdits : public ::testing::TestWithParam<unsigned>
{
};

TEST_P(RandomEdits, EveryTypedWordSurvivesAndReadSucceeds)
{
    const unsigned seed = GetParam();
    std::mt19937 rng(seed);
    auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto doc = documentWith({ "Opening of the report.", "Closing of the report." });
    Closer closer(doc);
    placeCursor(doc, 0, 22);
    AA_UNO(insert(doc, sampleJson()));
    std::set<std::string> typed{ "Opening of the report.", "Closing of the report." };
    int counter = 0;

    for (int step = 0; step < 24; ++step)
    {
        const std::string token = "tok" + std::to_string(seed) + "x" + std::to_string(++counter);
        const std::size_t action = pick(6);
        SCOPED_TRACE("seed " + std::to_string(seed) + " step " + std::to_string(step) + " action "
                     + std::to_string(action));
        switch (action)
        {
            case 0: // type at the end of an answer
            {
                auto paras = answerParagraphs(doc);
                ASSERT_FALSE(paras.empty());
                auto xEnd = paras[pick(paras.size())]->getAnchor()->getEnd();
                xEnd->getText()->insertString(xEnd, fromUtf8(" " + token), false);
                typed.insert(token);
                break;
            }
            case 1: // a new paragraph in plain Text body after an answer
            {
                auto paras = answerParagraphs(doc);
                ASSERT_FALSE(paras.empty());
                auto xEnd = paras[pick(paras.size())]->getAnchor()->getEnd();
                auto xText = xEnd->getText();
                auto xCursor = xText->createTextCursorByRange(xEnd);
                uno::Reference<text::XTextRange> xAt(xCursor, uno::UNO_QUERY_THROW);
                xText->insertControlCharacter(xAt, text::ControlCharacter::PARAGRAPH_BREAK, false);
                uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
                    ->setPropertyValue("ParaStyleName", uno::Any(OUString("Text body")));
                xText->insertString(xAt, fromUtf8(token), false);
                typed.insert(token);
                break;
            }
            case 2: // fill in a plan cell
            {
                auto xTable = planTable(doc);
                ASSERT_TRUE(xTable.is());
                const sal_Int32 rows = xTable->getRows()->getCount();
                const auto row = static_cast<sal_Int32>(1 + pick(static_cast<std::size_t>(rows - 1)));
                // A typed cell: who, priority, by when, progress (and any column after them).
                const sal_Int32 columns = xTable->getColumns()->getCount();
                ASSERT_GT(columns, 3);
                const auto col = static_cast<sal_Int32>(3 + pick(static_cast<std::size_t>(columns - 3)));
                uno::Reference<text::XText> xCell(
                    uno::Reference<table::XCellRange>(xTable, uno::UNO_QUERY_THROW)->getCellByPosition(col, row),
                    uno::UNO_QUERY_THROW);
                xCell->insertString(xCell->getEnd(), fromUtf8(token), false);
                typed.insert(token);
                break;
            }
            case 3:
                AA_UNO(office().call("updatePlan", doc));
                break;
            case 4: // update with what is there, plus one sentence through the API
            {
                aa::Analysis desired = parseRead(read(doc));
                auto& part = desired.issues[pick(desired.issues.size())].parts[pick(aa::requiredIssueParts)];
                part += (part.empty() ? "" : " ") + token;
                AA_UNO(office().call("update", doc, aa::toJson(desired)));
                typed.insert(token);
                break;
            }
            case 5: // a new "what would help" item through the API, then its plan row
            {
                aa::Analysis desired = parseRead(read(doc));
                desired.list(aa::ListKind::WhatNeedsToHappen)
                    .push_back(makeItem("Help " + token, { desired.issues[pick(desired.issues.size())].id }));
                AA_UNO(office().call("update", doc, aa::toJson(desired)));
                AA_UNO(office().call("updatePlan", doc));
                typed.insert("Help " + token);
                break;
            }
        }
        const std::string text = bodyText(doc);
        for (const std::string& word : typed)
            ASSERT_NE(text.find(word), std::string::npos) << "lost: " << word;
        std::string json;
        AA_UNO(json = read(doc));
        ASSERT_NO_THROW(parseRead(json));
        ASSERT_TRUE(office().alive());
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomEdits, ::testing::Values(1u, 2u, 3u));
