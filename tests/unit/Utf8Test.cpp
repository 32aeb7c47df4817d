// The UTF-8 helpers: encoding, counting, forbidden code points, truncation at a character
// boundary, blank text, line breaks, paragraphs, XML escaping and dates.
#include "TestSupport.hpp"
#include "Utf8.hpp"

#include <gtest/gtest.h>

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace
{
using aa::test::nbsp;

std::string utf8(char32_t code)
{
    std::string out;
    aa::appendUtf8(out, code);
    return out;
}

TEST(Utf8, AppendEncodesOneToFourBytes)
{
    EXPECT_EQ(utf8(U'A'), "A");
    EXPECT_EQ(utf8(0x7F), "\x7F");
    EXPECT_EQ(utf8(0x80), "\xC2\x80");
    EXPECT_EQ(utf8(0xE9), "\xC3\xA9");
    EXPECT_EQ(utf8(0x7FF), "\xDF\xBF");
    EXPECT_EQ(utf8(0x800), "\xE0\xA0\x80");
    EXPECT_EQ(utf8(0x20AC), "\xE2\x82\xAC");
    EXPECT_EQ(utf8(0xFFFF), "\xEF\xBF\xBF");
    EXPECT_EQ(utf8(0x10000), "\xF0\x90\x80\x80");
    EXPECT_EQ(utf8(0x1F600), "\xF0\x9F\x98\x80");
    EXPECT_EQ(utf8(0x10FFFF), "\xF4\x8F\xBF\xBF");
    std::string out = "x";
    aa::appendUtf8(out, 0xE9);
    aa::appendUtf8(out, 0x1F600);
    EXPECT_EQ(out, "x\xC3\xA9\xF0\x9F\x98\x80") << "appends";
    std::string nul;
    aa::appendUtf8(nul, 0);
    EXPECT_EQ(nul, std::string(1, '\0'));
}

TEST(Utf8, CodePointCount)
{
    EXPECT_EQ(aa::codePointCount(""), 0u);
    EXPECT_EQ(aa::codePointCount("abc"), 3u);
    EXPECT_EQ(aa::codePointCount("\xC3\xA9"), 1u);
    EXPECT_EQ(aa::codePointCount("\xE2\x82\xAC"), 1u);
    EXPECT_EQ(aa::codePointCount("\xF0\x9F\x98\x80"), 1u);
    EXPECT_EQ(aa::codePointCount("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z"), 5u);
    EXPECT_EQ(aa::codePointCount(std::string_view("a\0b", 3)), 3u);
    std::string all;
    for (char32_t c : { char32_t{ 0x41 }, char32_t{ 0x3B1 }, char32_t{ 0x4E2D }, char32_t{ 0x10330 } })
        aa::appendUtf8(all, c);
    EXPECT_EQ(aa::codePointCount(all), 4u);
}

TEST(Utf8, FirstForbiddenCodePointFindsEachClass)
{
    // C0 controls other than tab and line feed, NUL included (changed: NUL used to pass).
    EXPECT_EQ(aa::firstForbiddenCodePoint(std::string_view("\0", 1)), std::optional<char32_t>(0));
    EXPECT_EQ(aa::firstForbiddenCodePoint(std::string_view("ok\0ok", 5)), std::optional<char32_t>(0));
    for (char32_t c = 0; c < 0x20; ++c)
    {
        if (c == U'\t' || c == U'\n')
            continue;
        SCOPED_TRACE(static_cast<unsigned>(c));
        EXPECT_EQ(aa::firstForbiddenCodePoint("ok " + utf8(c) + " ok"), c);
    }
    EXPECT_EQ(aa::firstForbiddenCodePoint("\r"), 0x0Du) << "a lone CR is a control too";
    EXPECT_EQ(aa::firstForbiddenCodePoint("a\x7F"), 0x7Fu);
    // C1 controls.
    for (char32_t c = 0x80; c <= 0x9F; ++c)
    {
        SCOPED_TRACE(static_cast<unsigned>(c));
        EXPECT_EQ(aa::firstForbiddenCodePoint("x" + utf8(c)), c);
    }
    EXPECT_EQ(aa::firstForbiddenCodePoint("\xEF\xBF\xBE"), 0xFFFEu);
    EXPECT_EQ(aa::firstForbiddenCodePoint("\xEF\xBF\xBF"), 0xFFFFu);
    // The first one wins.
    EXPECT_EQ(aa::firstForbiddenCodePoint("a\x02 b\x01"), 0x02u);
    EXPECT_EQ(aa::firstForbiddenCodePoint("\xC2\x85 \x01"), 0x85u);
    EXPECT_EQ(aa::firstForbiddenCodePoint("\xEF\xBF\xBF\x7F"), 0xFFFFu);
}

// Changed: "none" is now std::nullopt (it used to be 0, which hid U+0000).
TEST(Utf8, FirstForbiddenCodePointIsNothingForCleanText)
{
    for (const std::string& text : std::vector<std::string>{
             "", "plain", "tabs\tand\nnew\nlines\t", " ", "\xC2\xA0 no-break space U+00A0", "\xC2\xA3\xC2\xBF\xC3\x80",
             "\xE2\x80\x8F\xE2\x80\xAE bidi marks", "\xEF\xBF\xBD U+FFFD", "\xEF\xBF\xBC U+FFFC", "\xEF\xBE\xBF U+FFBF",
             "\xEF\xB7\x90 U+FDD0", "\xF0\x9F\x98\x80 \xF0\x90\x8C\xB0 \xF4\x8F\xBF\xBF", "\xF0\x90\x82\x80 U+10080",
             "\xC4\x80 U+0100", "\xE0\xA2\x80 U+0880", "\xD9\x85\xD8\xB1 \xD7\xA9" })
    {
        SCOPED_TRACE(text);
        EXPECT_EQ(aa::firstForbiddenCodePoint(text), std::nullopt);
    }
    // Non-characters beyond the BMP (U+1FFFE) are not in the forbidden set.
    EXPECT_EQ(aa::firstForbiddenCodePoint(utf8(0x1FFFE)), std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// truncateUtf8

TEST(Utf8, TruncateLeavesShortTextUnchanged)
{
    EXPECT_EQ(aa::truncateUtf8("", 0), "");
    EXPECT_EQ(aa::truncateUtf8("", 40), "");
    EXPECT_EQ(aa::truncateUtf8("abc", 3), "abc") << "exactly maxBytes";
    EXPECT_EQ(aa::truncateUtf8("abc", 40), "abc");
    EXPECT_EQ(aa::truncateUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80", 10), "caf\xC3\xA9 \xF0\x9F\x98\x80");
    EXPECT_EQ(aa::truncateUtf8(std::string_view("a\0b", 3), 3), std::string("a\0b", 3));
}

TEST(Utf8, TruncateCutsAsciiAtMaxBytes)
{
    EXPECT_EQ(aa::truncateUtf8("abcdef", 3), "abc");
    EXPECT_EQ(aa::truncateUtf8("abcdef", 0), "");
    EXPECT_EQ(aa::truncateUtf8(std::string(100, 'z'), 40), std::string(40, 'z'));
}

TEST(Utf8, TruncateNeverSplitsTwoByteSequences)
{
    const std::string e = "\xC3\xA9"; // U+00E9
    EXPECT_EQ(aa::truncateUtf8("a" + e, 2), "a");
    EXPECT_EQ(aa::truncateUtf8("a" + e, 3), "a" + e);
    EXPECT_EQ(aa::truncateUtf8(e + e, 1), "");
    EXPECT_EQ(aa::truncateUtf8(e + e, 3), e);
    EXPECT_EQ(aa::truncateUtf8(e + e + "x", 4), e + e);
    // The case error messages meet: 'a' then 30 x U+00E9 cut at 40 bytes.
    std::string name = "a";
    for (int i = 0; i < 30; ++i)
        name += e;
    std::string expected = "a";
    for (int i = 0; i < 19; ++i)
        expected += e;
    EXPECT_EQ(aa::truncateUtf8(name, 40), expected);
}

TEST(Utf8, TruncateNeverSplitsThreeByteSequences)
{
    const std::string euro = "\xE2\x82\xAC"; // U+20AC
    EXPECT_EQ(aa::truncateUtf8(euro + euro, 1), "");
    EXPECT_EQ(aa::truncateUtf8(euro + euro, 2), "");
    EXPECT_EQ(aa::truncateUtf8(euro + euro, 3), euro);
    EXPECT_EQ(aa::truncateUtf8(euro + euro, 4), euro);
    EXPECT_EQ(aa::truncateUtf8(euro + euro, 5), euro);
    EXPECT_EQ(aa::truncateUtf8(euro + euro, 6), euro + euro);
    EXPECT_EQ(aa::truncateUtf8("ab" + euro, 4), "ab");
}

TEST(Utf8, TruncateNeverSplitsFourByteSequences)
{
    const std::string smile = "\xF0\x9F\x98\x80"; // U+1F600
    for (std::size_t max = 0; max < 4; ++max)
    {
        SCOPED_TRACE(max);
        EXPECT_EQ(aa::truncateUtf8(smile + "x", max), "");
    }
    EXPECT_EQ(aa::truncateUtf8(smile + "x", 4), smile);
    EXPECT_EQ(aa::truncateUtf8(smile + "x", 5), smile + "x");
    EXPECT_EQ(aa::truncateUtf8("xy" + smile + smile, 7), "xy" + smile);
}

TEST(Utf8, TruncateKeepsTheLongestWholePrefix)
{
    // Mixed widths, every limit: a prefix, within the limit, ending on a character boundary, and
    // the next character would not have fitted.
    std::string text;
    for (char32_t c : { char32_t{ 0x61 }, char32_t{ 0xE9 }, char32_t{ 0x20AC }, char32_t{ 0x1F600 }, char32_t{ 0x62 },
                        char32_t{ 0x10FFFF }, char32_t{ 0x7FF }, char32_t{ 0x800 } })
        aa::appendUtf8(text, c);
    const auto width = [&](std::size_t at) {
        const auto b = static_cast<unsigned char>(text[at]);
        return std::size_t{ b < 0x80 ? 1u : b < 0xE0 ? 2u : b < 0xF0 ? 3u : 4u };
    };
    for (std::size_t max = 0; max <= text.size() + 1; ++max)
    {
        SCOPED_TRACE(max);
        const std::string cut = aa::truncateUtf8(text, max);
        ASSERT_LE(cut.size(), max);
        EXPECT_EQ(text.compare(0, cut.size(), cut), 0) << "a prefix";
        if (cut.size() < text.size())
        {
            EXPECT_NE(static_cast<unsigned char>(text[cut.size()]) & 0xC0, 0x80) << "ends on a boundary";
            EXPECT_GT(cut.size() + width(cut.size()), max) << "the next character would not fit";
        }
    }
}

TEST(Utf8, BlankIsSpacesTabsLineBreaksAndNoBreakSpacesOnly)
{
    for (const char* blank : { "", " ", "\t\n\r", "\xC2\xA0", " \xC2\xA0\t\xC2\xA0\n" })
        EXPECT_TRUE(aa::isBlank(blank)) << blank;
    for (const char* text : { "a", " . ", "\xC2", "\xC2\xA1", "\xE2\x80\x83" /* em space is text */, "\xA0" })
        EXPECT_FALSE(aa::isBlank(text)) << text;
}

TEST(Utf8, IsBlankForSpacesTabsLineBreaksAndNoBreakSpaces)
{
    for (const std::string& text : { std::string(), std::string(" "), std::string("\t"), std::string("\r\n"),
                                     std::string("\n\n"), nbsp, nbsp + nbsp, " \t" + nbsp + "\r\n" + nbsp + " " })
        EXPECT_TRUE(aa::isBlank(text)) << aa::test::jsonQuote(text);
}

TEST(Utf8, IsBlankIsFalseForTextAndForBytesThatAreNotANoBreakSpace)
{
    for (const std::string& text :
         { std::string("x"), std::string(" x "), std::string("0"), std::string("\xC2"), std::string("\xC2 "),
           std::string(" \xC2"), std::string("\xA0"), std::string("\xC2\xA1"), std::string("\xA0\xC2"),
           std::string("\xE2\x80\x83") /* em space */, std::string("\v"), std::string("\f"), nbsp + "x",
           "\t" + nbsp + "." })
        EXPECT_FALSE(aa::isBlank(text)) << aa::test::jsonQuote(text);
}

TEST(Utf8, UnixLineBreaksMakesEveryLineEndALineFeed)
{
    EXPECT_EQ(aa::unixLineBreaks("a\r\nb\rc\nd"), "a\nb\nc\nd");
    EXPECT_EQ(aa::unixLineBreaks("\r\r\n\n\r"), "\n\n\n\n");
    EXPECT_EQ(aa::unixLineBreaks(""), "");
    EXPECT_EQ(aa::unixLineBreaks("caf\xC3\xA9\r\n"), "caf\xC3\xA9\n");
}

TEST(Utf8, SplitParagraphsAtEachLineFeed)
{
    EXPECT_EQ(aa::splitParagraphs(""), (std::vector<std::string>{ "" }));
    EXPECT_EQ(aa::splitParagraphs("a"), (std::vector<std::string>{ "a" }));
    EXPECT_EQ(aa::splitParagraphs("a\n"), (std::vector<std::string>{ "a", "" }));
    EXPECT_EQ(aa::splitParagraphs("a\n\nb"), (std::vector<std::string>{ "a", "", "b" }));
    EXPECT_EQ(aa::splitParagraphs("\n"), (std::vector<std::string>{ "", "" }));
}

TEST(Utf8, EscapeXmlEscapesTheFourCharactersOnly)
{
    EXPECT_EQ(aa::escapeXml("a < b & c > \"d\" 'e'"), "a &lt; b &amp; c &gt; &quot;d&quot; 'e'");
    EXPECT_EQ(aa::escapeXml("&amp;"), "&amp;amp;");
    EXPECT_EQ(aa::escapeXml("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Utf8, DisplayDateWritesTheDateAsTheDocumentsLanguageDoes)
{
    EXPECT_EQ(aa::displayDate("2026-11-30", "en-GB"), "30 November 2026");
    EXPECT_EQ(aa::displayDate("2026-11-30", "en-US"), "November 30, 2026");
    EXPECT_EQ(aa::displayDate("2027-03-01", "en-GB"), "1 March 2027") << "no leading zero";
    EXPECT_EQ(aa::displayDate("2027-03-01", "en-US"), "March 1, 2027");
    EXPECT_EQ(aa::displayDate("2027-01-09", "en-US"), "January 9, 2027");
    EXPECT_EQ(aa::displayDate("2028-12-31", "en-GB"), "31 December 2028");
    EXPECT_EQ(aa::displayDate("2028-02-29", "en-GB"), "29 February 2028") << "a leap year";
    // Other English: the British order.
    for (const char* english : { "en", "en-AU", "en-IE", "en-ZA" })
        EXPECT_EQ(aa::displayDate("2026-11-30", english), "30 November 2026") << english;
    // Other languages: the date as given (no English month names in a French report).
    for (const char* other : { "", "de-DE", "fr", "cy-GB", "e" })
        EXPECT_EQ(aa::displayDate("2026-11-30", other), "2026-11-30") << "[" << other << "]";
}

TEST(Utf8, DisplayDateGivesBackWhatIsNotADate)
{
    // Regression: only the dashes were checked, so "2026-0:-05" was shown as a day in October,
    // "2026-1/-30" in September and "abcd-11-30" as "30 November abcd".
    for (const char* notADate : { "",           "2026-11",    "30/11/2026", "2026-11-30 ", " 2026-11-30", "2026/11/30",
                                  "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-32",  "2026-1x-30",  "2026-0:-05",
                                  "2026-1/-30", "2026-11-0:", "abcd-11-30", "20 6-11-30",  "2026-02-30",  "2026-04-31",
                                  "2027-02-29", "1900-02-29", "next week" })
    {
        EXPECT_EQ(aa::displayDate(notADate, "en-GB"), notADate) << "[" << notADate << "]";
        EXPECT_EQ(aa::displayDate(notADate, "en-US"), notADate) << "[" << notADate << "]";
    }
    EXPECT_EQ(aa::displayDate("2000-02-29", "en-GB"), "29 February 2000") << "2000 was a leap year";
}

TEST(Utf8, LocalNowIsTodayAsTodayIsoHasIt)
{
    // The two may straddle midnight; then the second try agrees.
    for (int attempt = 0; attempt < 2; ++attempt)
    {
        const std::tm now = aa::localNow();
        const std::string today = aa::todayIso();
        EXPECT_GE(now.tm_year + 1900, 2024);
        EXPECT_GE(now.tm_mon, 0);
        EXPECT_LE(now.tm_mon, 11);
        EXPECT_GE(now.tm_mday, 1);
        EXPECT_LE(now.tm_mday, 31);
        EXPECT_GE(now.tm_hour, 0);
        EXPECT_LE(now.tm_hour, 23);
        char buffer[16];
        std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &now);
        if (today == buffer)
            return;
    }
    ADD_FAILURE() << "localNow() and todayIso() disagree about the day";
}

TEST(Utf8, TodayIsoIsADateDisplayDateReads)
{
    const std::string today = aa::todayIso();
    ASSERT_EQ(today.size(), 10u);
    EXPECT_NE(aa::displayDate(today, "en-GB"), today);
}
} // namespace
