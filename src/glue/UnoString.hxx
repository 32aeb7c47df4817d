// Conversions between UNO strings and the core's UTF-8 std::string.
#pragma once

#include <rtl/ustring.hxx>

#include <string>

// The SDK headers keep these in rtl:: (LibreOffice's own tree imports them globally).
using rtl::OString;
using rtl::OUString;

namespace aa::glue
{
inline std::string toUtf8(const OUString& s)
{
    const OString utf8 = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength()));
}

inline OUString fromUtf8(const std::string& s)
{
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}
} // namespace aa::glue
