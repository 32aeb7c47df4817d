// The name review comments and supervision entries are signed with, asked for once when
// LibreOffice knows none.
#pragma once

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace aa::sidebar
{
/// The reviewer's name: the options page's, else LibreOffice's user name. When both are empty,
/// asks once (a small dialog over xParent) and keeps the answer on the options page, so it is
/// never asked again; a person who gives no name is not asked again while LibreOffice runs.
/// Empty when there is still no name (the comments then carry the extension's name).
std::string reviewerNameAskingOnce(const css::uno::Reference<css::uno::XComponentContext>& xContext,
                                   const css::uno::Reference<css::awt::XWindowPeer>& xParent);
} // namespace aa::sidebar
