// Tools > Options > LibreOffice Writer > Assessment Analysis: registered by a fresh install, the
// page shows and stores the settings through its handler (as the options dialog drives it), and
// the review and the Questions panel use them.
#include "WriterFixture.hxx"

#include "Json.hpp"
#include "UnoString.hxx"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>

using namespace css;
using namespace aa::test;
using aa::glue::toUtf8;

namespace
{
/// The options page as the options dialog creates it: the .xdl with the handler service.
class OptionsPage
{
public:
    explicit OptionsPage(const uno::Reference<text::XTextDocument>& doc)
    {
        auto xContext = office().context();
        m_xHandler.set(
            xContext->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.OptionsHandler", xContext),
            uno::UNO_QUERY_THROW);
        OUString aPage;
        uno::Reference<container::XNameAccess> xLeaf(
            configAccess("/org.openoffice.Office.OptionsDialog/Nodes/Writer/Leaves")
                ->getByName("org.assessmentanalysis.options"),
            uno::UNO_QUERY_THROW);
        xLeaf->getByName("OptionsPage") >>= aPage;
        const OUString aLocation = deployment::PackageInformationProvider::get(xContext)->getPackageLocation(
            "org.assessmentanalysis.extension");
        aPage = aPage.replaceFirst("%origin%", aLocation);
        auto xFrame = uno::Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getCurrentController()->getFrame();
        uno::Reference<awt::XWindowPeer> xParent(xFrame->getContainerWindow(), uno::UNO_QUERY_THROW);
        m_xWindow = awt::ContainerWindowProvider::create(xContext)->createContainerWindow(aPage, OUString(), xParent,
                                                                                          m_xHandler);
        m_xControls.set(m_xWindow, uno::UNO_QUERY_THROW);
    }
    ~OptionsPage()
    {
        try
        {
            uno::Reference<lang::XComponent>(m_xWindow, uno::UNO_QUERY_THROW)->dispose();
        }
        catch (...)
        {
        }
    }
    bool event(const char* name)
    {
        return m_xHandler->callHandlerMethod(m_xWindow, uno::Any(OUString::createFromAscii(name)), "external_event");
    }
    uno::Reference<beans::XPropertySet> model(const char* control)
    {
        return uno::Reference<beans::XPropertySet>(
            m_xControls->getControl(OUString::createFromAscii(control))->getModel(), uno::UNO_QUERY_THROW);
    }

private:
    uno::Reference<awt::XContainerWindowEventHandler> m_xHandler;
    uno::Reference<awt::XWindow> m_xWindow;
    uno::Reference<awt::XControlContainer> m_xControls;
};

} // namespace

TEST(Options, PageIsRegisteredUnderLibreOfficeWriter)
{
    AA_UNO({
        auto xLeaves = configAccess("/org.openoffice.Office.OptionsDialog/Nodes/Writer/Leaves");
        ASSERT_TRUE(xLeaves->hasByName("org.assessmentanalysis.options"));
        uno::Reference<container::XNameAccess> xLeaf(xLeaves->getByName("org.assessmentanalysis.options"),
                                                     uno::UNO_QUERY_THROW);
        OUString aPage, aHandler, aLabel;
        xLeaf->getByName("OptionsPage") >>= aPage;
        xLeaf->getByName("EventHandlerService") >>= aHandler;
        xLeaf->getByName("Label") >>= aLabel;
        // %origin% is expanded when the extension is registered.
        EXPECT_TRUE(aPage.endsWith("/dialogs/Options.xdl")) << toUtf8(aPage);
        EXPECT_EQ(aPage.indexOf("%origin%"), -1) << toUtf8(aPage);
        EXPECT_EQ(aHandler, "org.assessmentanalysis.OptionsHandler");
        EXPECT_EQ(aLabel, "Assessment Analysis");
    });
}

TEST(Options, ReviewerNameFromThePageIsUsedByTheReview)
{
    auto doc = documentWith({ "Report." });
    Closer closer(doc);
    placeCursor(doc, 0, 7);
    AA_UNO(insert(doc, sampleJson()));
    AA_UNO({
        OptionsPage page(doc);
        ASSERT_TRUE(page.event("initialize"));
        OUString aLabel;
        page.model("ReviewerLabel")->getPropertyValue("Label") >>= aLabel;
        EXPECT_EQ(aLabel, "~Reviewer name");
        sal_Int16 nState = 0;
        page.model("ShowPatterns")->getPropertyValue("State") >>= nState;
        EXPECT_EQ(nState, 1) << "every further question is shown by default";
        page.model("Reviewer")->setPropertyValue("Text", uno::Any(OUString("Sam Supervisor")));
        page.model("Jargon")->setPropertyValue("Text", uno::Any(OUString("threshold\r\nstep-down")));
        page.model("ShowPatterns")->setPropertyValue("State", uno::Any(sal_Int16(0)));
        ASSERT_TRUE(page.event("ok"));
    });
    struct Reset
    {
        ~Reset()
        {
            try
            {
                auto doc = office().newWriterDocument();
                Closer closer(doc);
                OptionsPage page(doc);
                page.event("initialize");
                page.model("Reviewer")->setPropertyValue("Text", uno::Any(OUString()));
                page.model("Jargon")->setPropertyValue("Text", uno::Any(OUString()));
                page.model("ShowPatterns")->setPropertyValue("State", uno::Any(sal_Int16(1)));
                page.event("ok");
            }
            catch (...)
            {
                ADD_FAILURE() << "could not reset the options";
            }
        }
    } reset;
    AA_UNO({
        uno::Reference<container::XNameAccess> xReview = configAccess("/org.assessmentanalysis.Options/Review");
        OUString aName;
        xReview->getByName("ReviewerName") >>= aName;
        EXPECT_EQ(aName, "Sam Supervisor");
        // "Back" shows what is stored.
        OptionsPage page(doc);
        page.event("initialize");
        OUString aText;
        page.model("Reviewer")->getPropertyValue("Text") >>= aText;
        EXPECT_EQ(aText, "Sam Supervisor");
    });
    std::string result;
    AA_UNO(result = office().call("reviewComments", doc));
    const auto written = comments(doc);
    ASSERT_FALSE(written.empty()) << result;
    for (const Comment& comment : written)
        EXPECT_EQ(comment.author, "Sam Supervisor");
    // The extra jargon is checked too.
    AA_UNO(office().call("update", doc, [&] {
        aa::Analysis a = parseRead(read(doc));
        a.issues[0].part(aa::IssuePart::Origins) += " The case is now at threshold.";
        return aa::toJson(a);
    }()));
    std::string findings;
    AA_UNO(findings = office().call("review", doc));
    EXPECT_NE(findings.find("threshold"), std::string::npos);
}
