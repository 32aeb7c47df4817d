// With change recording on (supervisors use it): every command works and is recorded;
// Accept All and Reject All afterwards leave a valid document and Writer alive.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "UnoString.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>

using namespace css;
using namespace aa::test;

namespace
{
void recordChanges(const uno::Reference<text::XTextDocument>& doc, bool on)
{
    uno::Reference<beans::XPropertySet>(doc, uno::UNO_QUERY_THROW)->setPropertyValue("RecordChanges", uno::Any(on));
}

sal_Int32 trackedChanges(const uno::Reference<text::XTextDocument>& doc)
{
    uno::Reference<document::XRedlinesSupplier> xSupplier(doc, uno::UNO_QUERY_THROW);
    uno::Reference<container::XIndexAccess> xRedlines(xSupplier->getRedlines(), uno::UNO_QUERY_THROW);
    return xRedlines->getCount();
}

void dispatch(const uno::Reference<text::XTextDocument>& doc, const char* command)
{
    uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
    uno::Reference<frame::XDispatchProvider> xProvider(xModel->getCurrentController()->getFrame(),
                                                       uno::UNO_QUERY_THROW);
    frame::DispatchHelper::create(office().context())
        ->executeDispatch(xProvider, OUString::createFromAscii(command), "", 0, uno::Sequence<beans::PropertyValue>());
}

struct Placement
{
    const char* name;
    std::vector<std::string> paragraphs;
    int para;
    int offset;
};
} // namespace

class TrackChanges : public ::testing::TestWithParam<Placement>
{
};

TEST_P(TrackChanges, CommandsAreRecordedAndAcceptOrRejectAllLeaveAValidDocument)
{
    for (const char* finish : { ".uno:AcceptAllTrackedChanges", ".uno:RejectAllTrackedChanges" })
    {
        SCOPED_TRACE(finish);
        const Placement& where = GetParam();
        auto doc = documentWith(where.paragraphs);
        Closer closer(doc);
        const std::string original = bodyText(doc);
        placeCursor(doc, where.para, where.offset);
        recordChanges(doc, true);
        AA_UNO(insert(doc, sampleJson()));
        EXPECT_GT(trackedChanges(doc), 0);
        aa::Analysis desired = parseRead(read(doc));
        desired.issues[0].part(aa::IssuePart::Origins) = "Changed while recording.";
        desired.list(aa::ListKind::WhatNeedsToHappen).push_back(makeItem("Another idea.", { "housing" }));
        AA_UNO(office().call("update", doc, aa::toJson(desired)));
        std::string afterPlan;
        AA_UNO(afterPlan = office().call("updatePlan", doc));
        EXPECT_EQ(parseRead(afterPlan).plan.size(), 7u);

        AA_UNO(dispatch(doc, finish));
        ASSERT_TRUE(office().alive()) << "Writer died on " << finish;
        EXPECT_EQ(trackedChanges(doc), 0);
        std::string readBack;
        AA_UNO(readBack = read(doc));
        if (std::string(finish) == ".uno:AcceptAllTrackedChanges")
        {
            const aa::Analysis accepted = parseRead(readBack);
            EXPECT_EQ(accepted.issues[0].part(aa::IssuePart::Origins), "Changed while recording.");
            EXPECT_EQ(accepted.plan.size(), 7u);
        }
        else
        {
            // Everything the extension wrote is rejected; the practitioner's text is all that
            // is left, in order. Writer 7.4 does not track the insertion of a table or of a
            // paragraph break, so an empty table and the split of the paragraph at the cursor
            // remain (measured): no text of ours, none of theirs lost.
            std::string text;
            for (const Para& p : bodyParagraphs(doc))
            {
                if (p.style == "<table>")
                {
                    EXPECT_EQ(p.text.find_first_not_of('|'), std::string::npos) << p.text;
                    continue;
                }
                text += p.text;
            }
            std::string expected;
            for (const std::string& p : where.paragraphs)
                expected += p;
            EXPECT_EQ(text, expected) << "original: " << original;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Places, TrackChanges,
                         ::testing::Values(Placement{ "AtTheVeryEnd", { "Report", "Last words" }, 1, 10 },
                                           Placement{ "InTheMiddle", { "Before", "Hello world", "After" }, 1, 5 },
                                           Placement{ "InAnEmptyDocument", { "" }, 0, 0 }),
                         [](const auto& placement) { return std::string(placement.param.name); });
