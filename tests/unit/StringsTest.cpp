#include "Strings.hpp"

#include <gtest/gtest.h>

using aa::Strings;

TEST(Strings, ParsesKeysValuesAndEscapes)
{
    const Strings s = Strings::parse("# comment\n! also\n a = one \nb=\\u0020two\\n\\t\nbroken line\n=novalue\n");
    EXPECT_EQ(s.get("a"), "one");
    EXPECT_EQ(s.get("b"), " two\n\t");
    EXPECT_FALSE(s.has("broken line"));
    EXPECT_EQ(s.keys().size(), 2u);
}

TEST(Strings, MissingKeyShowsItselfInsteadOfThrowing)
{
    EXPECT_EQ(Strings::parse("").get("nope"), "[nope]");
}

TEST(Strings, FormatFillsNumberedPlaceholders)
{
    const Strings s = Strings::parse("m={2} before {1}; {3} stays; {x} stays\n");
    EXPECT_EQ(s.format("m", { "A", "B" }), "B before A; {3} stays; {x} stays");
}

TEST(Strings, NonAsciiEscapeBecomesUtf8)
{
    EXPECT_EQ(Strings::parse("k=\\u00a3\\u2019\n").get("k"), "\xC2\xA3\xE2\x80\x99");
}
