// Files inside the installed extension (dialogs, the template, the help page).
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace aa::writer
{
/// The extension's identifier (description.xml).
inline constexpr const char* extensionId = "org.assessmentanalysis.extension";

/// The URL LibreOffice knows a file of the installed extension by, e.g. "dialogs/X.xdl".
rtl::OUString packageUrl(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                         const std::string& relativePath);

/// The same file as a file:// URL, for programs outside LibreOffice (the browser).
std::string packageFileUrl(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                           const std::string& relativePath);
} // namespace aa::writer
