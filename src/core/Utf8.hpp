// Small UTF-8 helpers shared by the core.
#pragma once

#include <string>
#include <string_view>

namespace aa
{

/// Appends the UTF-8 encoding of code (which must be a Unicode scalar value).
void appendUtf8(std::string& out, char32_t code);

/// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t codePointCount(std::string_view text);

/// The first code point of text that a document cannot hold (C0 controls other than tab and
/// line feed, DEL, C1 controls, U+FFFE, U+FFFF), or 0 when there is none. Text must be valid UTF-8.
char32_t firstForbiddenCodePoint(std::string_view text);

} // namespace aa
