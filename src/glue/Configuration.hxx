// LibreOffice's configuration at a node path, for reading or for writing. Header-only, so the
// component, the client and the tools all open it the same way.
#pragma once

#include "UnoString.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace aa::glue
{
/// The configuration node at path ("/org.openoffice.UserProfile/Data"): a ConfigurationAccess, or
/// a ConfigurationUpdateAccess when update. Throws what the configuration throws.
inline css::uno::Reference<css::uno::XInterface>
configurationAccess(const css::uno::Reference<css::uno::XComponentContext>& xContext, const OUString& path, bool update)
{
    auto xProvider = css::configuration::theDefaultProvider::get(xContext);
    css::beans::PropertyValue aPath;
    aPath.Name = "nodepath";
    aPath.Value <<= path;
    css::uno::Sequence<css::uno::Any> aArgs(1);
    aArgs.getArray()[0] <<= aPath;
    return xProvider->createInstanceWithArguments(update
                                                      ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
                                                      : OUString("com.sun.star.configuration.ConfigurationAccess"),
                                                  aArgs);
}
} // namespace aa::glue
