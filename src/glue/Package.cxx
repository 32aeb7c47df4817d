#include "Package.hxx"

#include "UnoString.hxx"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/util/theMacroExpander.hpp>
#include <rtl/uri.hxx>

using namespace css;

namespace aa::writer
{
rtl::OUString packageUrl(const uno::Reference<uno::XComponentContext>& xContext, const std::string& relativePath)
{
    return deployment::PackageInformationProvider::get(xContext)->getPackageLocation(
               rtl::OUString::createFromAscii(extensionId))
           + "/" + aa::glue::fromUtf8(relativePath);
}

std::string packageFileUrl(const uno::Reference<uno::XComponentContext>& xContext, const std::string& relativePath)
{
    rtl::OUString aUrl = packageUrl(xContext, relativePath);
    const rtl::OUString aExpand("vnd.sun.star.expand:");
    if (aUrl.startsWith(aExpand))
        aUrl = util::theMacroExpander::get(xContext)->expandMacros(
            rtl::Uri::decode(aUrl.copy(aExpand.getLength()), rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8));
    return aa::glue::toUtf8(aUrl);
}
} // namespace aa::writer
