// The component's factories for a LibreOffice that does not use the constructors named in the
// .components file: an office the extension was added to while it runs (the Extension Manager)
// looks up component_getFactory until it restarts. Both ways reach the same constructors.
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>

using namespace css;
using rtl::OUString;

using Constructor = uno::XInterface* (*)(uno::XComponentContext*, const uno::Sequence<uno::Any>&);

extern "C" uno::XInterface* org_assessmentanalysis_Analysis_get_implementation(uno::XComponentContext*,
                                                                               const uno::Sequence<uno::Any>&);
extern "C" uno::XInterface* org_assessmentanalysis_PanelFactory_get_implementation(uno::XComponentContext*,
                                                                                   const uno::Sequence<uno::Any>&);
extern "C" uno::XInterface* org_assessmentanalysis_OptionsHandler_get_implementation(uno::XComponentContext*,
                                                                                     const uno::Sequence<uno::Any>&);

namespace
{
/// The implementation and service names are the same for each of our components.
template <const char* Name> OUString implementationName() { return OUString::createFromAscii(Name); }
template <const char* Name> uno::Sequence<OUString> serviceNames()
{
    uno::Sequence<OUString> aNames(1);
    aNames[0] = OUString::createFromAscii(Name);
    return aNames;
}
template <Constructor Create>
uno::Reference<uno::XInterface> create(const uno::Reference<uno::XComponentContext>& xContext)
{
    // The constructors hand out an acquired reference.
    return uno::Reference<uno::XInterface>(Create(xContext.get(), uno::Sequence<uno::Any>()), SAL_NO_ACQUIRE);
}

constexpr char analysisName[] = "org.assessmentanalysis.Analysis";
constexpr char panelFactoryName[] = "org.assessmentanalysis.PanelFactory";
constexpr char optionsHandlerName[] = "org.assessmentanalysis.OptionsHandler";

const cppu::ImplementationEntry entries[] = {
    { create<org_assessmentanalysis_Analysis_get_implementation>, implementationName<analysisName>,
      serviceNames<analysisName>, cppu::createSingleComponentFactory, nullptr, 0 },
    { create<org_assessmentanalysis_PanelFactory_get_implementation>, implementationName<panelFactoryName>,
      serviceNames<panelFactoryName>, cppu::createSingleComponentFactory, nullptr, 0 },
    { create<org_assessmentanalysis_OptionsHandler_get_implementation>, implementationName<optionsHandlerName>,
      serviceNames<optionsHandlerName>, cppu::createSingleComponentFactory, nullptr, 0 },
    { nullptr, nullptr, nullptr, nullptr, nullptr, 0 },
};
} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* component_getFactory(const char* pImplName, void* pServiceManager,
                                                           void* pRegistryKey)
{
    return cppu::component_getFactoryHelper(pImplName, pServiceManager, pRegistryKey, entries);
}
