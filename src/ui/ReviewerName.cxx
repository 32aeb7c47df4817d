#include "ReviewerName.hxx"

#include "Log.hxx"
#include "Options.hxx"
#include "Package.hxx"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XComponent.hpp>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::sidebar
{
namespace
{
bool s_declined = false; ///< the person gave no name this time LibreOffice runs

uno::Reference<beans::XPropertySet> controlModel(const uno::Reference<awt::XDialog>& xDialog, const char* name)
{
    uno::Reference<awt::XControlContainer> xControls(xDialog, uno::UNO_QUERY_THROW);
    auto xControl = xControls->getControl(OUString::createFromAscii(name));
    if (!xControl.is())
        throw uno::RuntimeException("ReviewerName: the dialog has no control " + OUString::createFromAscii(name));
    return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW);
}
} // namespace

std::string reviewerNameAskingOnce(const uno::Reference<uno::XComponentContext>& xContext,
                                   const uno::Reference<awt::XWindowPeer>& xParent)
{
    std::string name = writer::reviewerName(xContext);
    if (!name.empty() || s_declined)
        return name;
    const aa::Strings& strings = aa::Strings::builtIn();
    uno::Sequence<beans::NamedValue> aArgs(1);
    aArgs[0].Name = "ParentWindow";
    aArgs[0].Value <<= xParent;
    auto xDialog = awt::DialogProvider2::create(xContext)->createDialogWithArguments(
        writer::packageUrl(xContext, "dialogs/ReviewerName.xdl"), aArgs);
    uno::Reference<awt::XControl> xDialogControl(xDialog, uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet>(xDialogControl->getModel(), uno::UNO_QUERY_THROW)
        ->setPropertyValue("Title", uno::Any(fromUtf8(strings.get("dialog.reviewer.title"))));
    controlModel(xDialog, "Prompt")
        ->setPropertyValue("Label", uno::Any(fromUtf8(strings.get("dialog.reviewer.prompt"))));
    controlModel(xDialog, "NameLabel")->setPropertyValue("Label", uno::Any(fromUtf8(strings.get("options.reviewer"))));
    const bool ok = xDialog->execute() == 1;
    OUString aName;
    controlModel(xDialog, "Name")->getPropertyValue("Text") >>= aName;
    uno::Reference<lang::XComponent>(xDialog, uno::UNO_QUERY_THROW)->dispose();
    name = ok ? toUtf8(aName.trim()) : std::string();
    if (name.empty())
    {
        s_declined = true;
        return name;
    }
    writer::Options options = writer::readOptions(xContext);
    options.reviewerName = name;
    writer::writeOptions(xContext, options);
    writer::log().info("reviewer name asked for and kept on the options page");
    return name;
}
} // namespace aa::sidebar
