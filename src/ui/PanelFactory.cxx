// The factory the sidebar creates the deck's panels with (extension/Factories.xcu): it reads the
// sidebar's arguments, checks them, and routes the resource URL to the panel's constructor, as
// Writer's own sidebar factory (sw/source/uibase/sidebar/SwPanelFactory.cxx) does; it builds
// nothing itself.
#include "IssuesPanel.hxx"
#include "Log.hxx"
#include "Options.hxx"
#include "QuestionsPanel.hxx"
#include "ReviewPanel.hxx"
#include "UnoString.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

using namespace css;
using aa::glue::fromUtf8;

namespace aa::sidebar
{
namespace
{
constexpr const char* factoryName = "org.assessmentanalysis.PanelFactory";

class PanelFactory : public cppu::WeakImplHelper2<ui::XUIElementFactory, lang::XServiceInfo>
{
public:
    explicit PanelFactory(const uno::Reference<uno::XComponentContext>& xContext) : m_xContext(xContext)
    {
        writer::initLogging(m_xContext);
        writer::applyUiLocale(m_xContext);
    }

    // XUIElementFactory
    uno::Reference<ui::XUIElement> SAL_CALL createUIElement(const OUString& rUrl,
                                                            const uno::Sequence<beans::PropertyValue>& rArgs) override
    {
        PanelArguments aArgs{ m_xContext, rUrl, {}, {}, {} };
        for (const beans::PropertyValue& rArg : rArgs)
        {
            if (rArg.Name == "Frame")
                rArg.Value >>= aArgs.xFrame;
            else if (rArg.Name == "ParentWindow")
                rArg.Value >>= aArgs.xParent;
            else if (rArg.Name == "Sidebar")
                rArg.Value >>= aArgs.xSidebar;
        }
        if (!aArgs.xFrame.is() || !aArgs.xParent.is())
            throw lang::IllegalArgumentException("PanelFactory: Frame and ParentWindow are required", *this, 1);
        const OUString aName = rUrl.copy(rUrl.lastIndexOf('/') + 1);
        uno::Reference<ui::XUIElement> (*create)(const PanelArguments&) = nullptr;
        if (aName == "IssuesPanel")
            create = &IssuesPanel::create;
        else if (aName == "QuestionsPanel")
            create = &QuestionsPanel::create;
        else if (aName == "ReviewPanel")
            create = &ReviewPanel::create;
        else
            throw lang::IllegalArgumentException("PanelFactory: unknown panel " + rUrl, *this, 0);
        try
        {
            return create(aArgs);
        }
        catch (const uno::RuntimeException&)
        {
            throw;
        }
        catch (...)
        {
            const writer::CurrentException e = writer::describeCurrentException();
            writer::log().error("panel creation failed: {}", e.message);
            throw uno::RuntimeException("PanelFactory: " + fromUtf8(e.message), *this);
        }
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return OUString::createFromAscii(factoryName); }
    sal_Bool SAL_CALL supportsService(const OUString& rName) override { return cppu::supportsService(this, rName); }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        uno::Sequence<OUString> aNames(1);
        aNames[0] = OUString::createFromAscii(factoryName);
        return aNames;
    }

private:
    uno::Reference<uno::XComponentContext> m_xContext;
};
} // namespace
} // namespace aa::sidebar

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_assessmentanalysis_PanelFactory_get_implementation(uno::XComponentContext* pContext, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new aa::sidebar::PanelFactory(pContext));
}
