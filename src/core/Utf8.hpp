// Small UTF-8 helpers shared by the core.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aa
{

/// Appends the UTF-8 encoding of code (which must be a Unicode scalar value).
void appendUtf8(std::string& out, char32_t code);

/// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t codePointCount(std::string_view text);

/// The first code point of text that a document cannot hold (C0 controls including NUL, other
/// than tab and line feed; DEL; C1 controls; U+FFFE, U+FFFF), or nothing. Text must be valid UTF-8.
std::optional<char32_t> firstForbiddenCodePoint(std::string_view text);

/// The paragraphs of a text: split at '\n' ("" gives one empty paragraph, "a\n" two).
std::vector<std::string> splitParagraphs(const std::string& text);

/// Text with & < > " escaped, for XML and HTML.
std::string escapeXml(std::string_view text);

/// text with "\r\n" and "\r" made '\n' (text typed in a field, or JSON from Windows).
std::string unixLineBreaks(std::string_view text);
/// True when text holds nothing but spaces, tabs, line breaks and no-break spaces.
bool isBlank(std::string_view text);
/// Today's local date as YYYY-MM-DD.
std::string todayIso();
/// A date (YYYY-MM-DD) the way a document's language writes it: "30 November 2026" (en-GB and
/// other English), "November 30, 2026" (en-US); the date as given for other languages or when it
/// is not a date.
std::string displayDate(const std::string& iso, std::string_view language);
/// The local date and time now (the one place that asks the platform's calendar).
std::tm localNow();

/// text with typographic quotes and apostrophes made plain (‘ ’ become ', “ ” become "): our
/// labels are written typographic, and documents written earlier, or typed in by hand, may
/// have either.
std::string foldQuotes(std::string_view text);

/// At most maxBytes of text, cut at a character boundary (for quoting input in messages).
std::string truncateUtf8(std::string_view text, std::size_t maxBytes);

} // namespace aa
