// org.assessmentanalysis.Analysis: the scripting API (XJob, JSON in and out) and the menu
// command (XJobExecutor). Converts arguments, calls the core and the document glue, and
// catches everything at its boundary.
#pragma once

#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/task/XJobExecutor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>

#include "UnoString.hxx"

#include <string>
#include <utility>
#include <vector>

namespace aa::writer
{
class AnalysisService : public cppu::WeakImplHelper3<css::task::XJob, css::task::XJobExecutor, css::lang::XServiceInfo>
{
public:
    explicit AnalysisService(const css::uno::Reference<css::uno::XComponentContext>& xContext);

    // XJob
    css::uno::Any SAL_CALL execute(const css::uno::Sequence<css::beans::NamedValue>& rArgs) override;

    // XJobExecutor
    void SAL_CALL trigger(const OUString& rEvent) override;

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& rServiceName) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

    /// The help page inside the installed extension, at a page's anchor, as a file URL.
    std::string helpUrl(const std::string& page);

private:
    std::string run(const css::uno::Sequence<css::beans::NamedValue>& rArgs);
    void runMenuCommand(const std::string& event);
    css::uno::Reference<css::text::XTextDocument> currentDocument();
    css::uno::Reference<css::awt::XDialog> createDialog(const char* name, const char* titleKey,
                                                        const std::vector<std::pair<const char*, const char*>>& labels);
    static css::uno::Reference<css::beans::XPropertySet>
    controlModel(const css::uno::Reference<css::awt::XDialog>& xDialog, const char* name);
    void showMessage(const OUString& rMessage, bool bError);

    css::uno::Reference<css::uno::XComponentContext> m_xContext;
};
} // namespace aa::writer
