// Strings, and the string resources: every key the code uses exists, every key is used, en-US
// differs from the en-GB reference only in its spellings.
#include "Catalogue.hpp"
#include "Review.hpp"
#include "Strings.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

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
    EXPECT_EQ(Strings::parse("").format("nope", { "a" }), "[nope]");
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

TEST(Strings, ALaterKeyReplacesAnEarlierOne) { EXPECT_EQ(Strings::parse("k=one\nk=two\n").get("k"), "two"); }

TEST(Strings, OverlaidWithReplacesOnlyTheOthersKeys)
{
    const Strings base = Strings::parse("a=1\nb=2\n");
    const Strings both = base.overlaidWith(Strings::parse("b=two\nc=three\n"));
    EXPECT_EQ(both.get("a"), "1");
    EXPECT_EQ(both.get("b"), "two");
    EXPECT_EQ(both.get("c"), "three");
    EXPECT_EQ(base.get("b"), "2") << "the base is unchanged";
}

namespace
{
bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::filesystem::path resources() { return std::filesystem::path(AA_RESOURCES_DIR); }

/// src/ of the source tree.
std::filesystem::path sourceRoot() { return resources().parent_path().parent_path(); }

std::string propertiesFile(const char* name) { return aa::test::readFile((resources() / name).string()); }

/// Literal resource keys in the sources (the core and the glue), with where they were found.
std::map<std::string, std::string> literalKeys()
{
    const std::regex literal(
        R"re("((?:error|section|template|item|raisedBy|adult|skeleton|voice|part|plan|dialog|undo|review|supervision|panel|options)\.[A-Za-z0-9.]+)")re");
    // Literals that look like keys but are the JSON's field paths (Json.cpp names fields so).
    const std::set<std::string> jsonPaths = { "plan.rows", "plan.agreed" };
    std::map<std::string, std::string> keys;
    for (const auto& file : std::filesystem::recursive_directory_iterator(sourceRoot()))
    {
        const std::string ext = file.path().extension().string();
        if (!file.is_regular_file() || (ext != ".cpp" && ext != ".cxx" && ext != ".hpp" && ext != ".hxx"))
            continue;
        const std::string text = aa::test::readFile(file.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it)
            if (!jsonPaths.count((*it)[1].str()))
                keys.emplace((*it)[1].str(), file.path().filename().string());
    }
    return keys;
}

/// Prefixes the code completes with a name from the model ("plan." + jsonName(column)), and so
/// appear in no literal whole.
const std::vector<std::string> dynamicPrefixes = { "part.",
                                                   "voice.",
                                                   "plan.",
                                                   "section.",
                                                   "template.heading.",
                                                   "review.place.",
                                                   "review.plan.lacks.",
                                                   "review.plan.no.",
                                                   "review.plan.placeholder.",
                                                   "review.part.descriptionOnly.",
                                                   "panel.severity.",
                                                   "panel.empty." };

bool isRuleId(const std::string& key)
{
    return std::any_of(aa::reviewRules().begin(), aa::reviewRules().end(),
                       [&](const aa::ReviewRule& rule) { return key == rule.id; });
}

bool isDynamic(const std::string& key)
{
    return std::any_of(dynamicPrefixes.begin(), dynamicPrefixes.end(),
                       [&](const std::string& prefix) { return startsWith(key, prefix); });
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}
} // namespace

TEST(Resources, EveryLiteralKeyInTheSourcesExists)
{
    ASSERT_TRUE(std::filesystem::is_directory(sourceRoot() / "core")) << sourceRoot();
    const std::map<std::string, std::string> keys = literalKeys();
    // The scan itself works: keys used by the core and by the glue are found.
    EXPECT_TRUE(keys.count("error.json"));
    EXPECT_TRUE(keys.count("item.linkPrefix"));
    EXPECT_TRUE(keys.count("adult.legacy.parents"));
    EXPECT_TRUE(keys.count("undo.insert"));
    EXPECT_TRUE(keys.count("panel.addAdult"));
    EXPECT_TRUE(keys.count("error.unknownVoice1")) << "keys with digits";
    EXPECT_GE(keys.size(), 100u);
    for (const auto& [key, file] : keys)
    {
        if (isRuleId(key)) // the review's table of rules: checked below, as "review." + id
            continue;
        if (key.back() != '.') // a prefix the code completes, like "review.place." + part
        {
            EXPECT_TRUE(Strings::builtIn().has(key)) << key << " used in " << file << " is not in the resources";
        }
        else
        {
            EXPECT_TRUE(isDynamic(key)) << key << " in " << file << " is a family this test does not know";
        }
    }
}

TEST(Resources, EveryRuleOfTheReviewHasItsMessage)
{
    for (const aa::ReviewRule& rule : aa::reviewRules())
        EXPECT_TRUE(Strings::builtIn().has(std::string("review.") + rule.id)) << rule.id;
}

TEST(Resources, EveryResourceKeyIsUsed)
{
    const std::map<std::string, std::string> used = literalKeys();
    for (const std::string& key : Strings::builtIn().keys())
        EXPECT_TRUE(isDynamic(key) || used.count(key)) << key << " is not used anywhere";
    // A dynamic family is used: its prefix appears in the code.
    for (const std::string& prefix : dynamicPrefixes)
        EXPECT_TRUE(
            std::any_of(used.begin(), used.end(), [&](const auto& entry) { return startsWith(entry.first, prefix); }))
            << prefix << " is used by no code";
}

TEST(Resources, DynamicFamiliesAreCompleteAndHaveNoStrays)
{
    const Strings& s = Strings::builtIn();
    std::set<std::string> expected;
    for (const aa::Question& q : aa::catalogue())
    {
        for (const char* field : { "label", "question", "guidance", "standard" })
            expected.insert("part." + q.key.name() + "." + field);
        if (q.key != aa::QuestionKey::title())
            expected.insert("part." + q.key.name() + ".prompt");
    }
    for (const char* legacy : { "parentsMotivation", "parentsUnderstanding", "childUnderstanding" })
        expected.insert(std::string("part.legacy.") + legacy + ".label"); // read in schema 1 reports
    for (std::size_t v = 0; v < aa::voiceCount; ++v)
        expected.insert(std::string("voice.") + aa::jsonName(static_cast<aa::Voice>(v)));
    for (const char* legacy : { "parents", "significantAdults" })
        expected.insert(std::string("voice.legacy.") + legacy);
    for (std::size_t c = 0; c < aa::planColumnCount; ++c)
        expected.insert(std::string("plan.") + aa::jsonName(static_cast<aa::PlanColumn>(c)));
    for (std::size_t n = 0; n < aa::sectionCount; ++n)
        expected.insert(std::string("section.") + aa::jsonName(static_cast<aa::Section>(n)));
    for (const char* section : { "safety", "recommendation", "plan" }) // the template has its own heading there
        expected.insert(std::string("template.heading.") + section);
    for (const std::string& key : expected)
        EXPECT_TRUE(s.has(key)) << key << " is missing";

    const std::map<std::string, std::string> used = literalKeys();
    for (const std::string& key : s.keys())
    {
        if (!(startsWith(key, "part.") || startsWith(key, "voice.") || startsWith(key, "section.")
              || startsWith(key, "template.heading.")))
            continue;
        EXPECT_TRUE(expected.count(key) || used.count(key)) << key << " belongs to no family member";
    }
    // The column headings of schema 1's tables, read in old reports, are plan columns.
    for (const std::string& key : s.keys())
    {
        if (startsWith(key, "plan.legacy."))
        {
            EXPECT_TRUE(s.has("plan." + key.substr(std::string("plan.legacy.").size()))) << key;
        }
    }
}

TEST(Resources, BuiltInStringsAreTheResourceFile)
{
    const Strings file = Strings::parse(propertiesFile("strings_en_GB.properties"));
    const Strings& builtIn = Strings::forLocale("en-GB");
    EXPECT_EQ(file.keys(), builtIn.keys());
    for (const std::string& key : file.keys())
    {
        EXPECT_EQ(file.get(key), builtIn.get(key)) << key;
        EXPECT_FALSE(builtIn.get(key).empty()) << key;
    }
    EXPECT_GE(builtIn.keys().size(), 300u);
}

TEST(Resources, NoKeyIsDefinedTwice)
{
    for (const char* name : { "strings_en_GB.properties", "strings_en_US.properties" })
    {
        SCOPED_TRACE(name);
        const std::string text = propertiesFile(name);
        std::map<std::string, int> count;
        std::size_t pos = 0;
        while (pos < text.size())
        {
            std::size_t end = text.find('\n', pos);
            if (end == std::string::npos)
                end = text.size();
            const std::string line = text.substr(pos, end - pos);
            pos = end + 1;
            const std::size_t eq = line.find('=');
            if (line.empty() || line[0] == '#' || line[0] == '!' || eq == std::string::npos)
                continue;
            ++count[line.substr(0, eq)];
        }
        for (const auto& [key, n] : count)
            EXPECT_EQ(n, 1) << key << " is defined " << n << " times; the later one silently wins";
    }
}

TEST(Resources, OnlySchemaOnesOwnKeysUseItsWords)
{
    // Regression: after the move to schema 2, texts still named "what would help" (the plan
    // flag's comment) and "the parents or carers" (the en-US guidance for a title).
    const std::vector<std::string> oldWords = { "what would help", "further questions", "considerations",
                                                "parents or carers", "who raised it" };
    for (const char* locale : { "en-GB", "en-US" })
        for (const std::string& key : Strings::forLocale(locale).keys())
        {
            if (key.find(".legacy.") != std::string::npos)
                continue;
            const std::string text = lower(Strings::forLocale(locale).get(key));
            for (const std::string& word : oldWords)
                EXPECT_EQ(text.find(word), std::string::npos) << locale << " " << key << " says \"" << word << "\"";
        }
}

// ---------------------------------------------------------------------------------------------
// Localisation: en-US spellings over the en-GB reference

namespace
{
const std::vector<std::pair<std::string, std::string>> britishToAmerican = {
    { "recognise", "recognize" }, { "centre", "center" },      { "behaviour", "behavior" }, { "organis", "organiz" },
    { "colour", "color" },        { "analyse", "analyze" },    { "licence", "license" },    { "favour", "favor" },
    { "programme", "program" },   { "neighbour", "neighbor" }, { "realis", "realiz" },      { "prioritis", "prioritiz" }
};

/// text with the American spellings made British.
std::string british(std::string text)
{
    for (const auto& [gb, us] : britishToAmerican)
        for (std::size_t at = text.find(us); at != std::string::npos; at = text.find(us, at + gb.size()))
            text.replace(at, us.size(), gb);
    return text;
}
} // namespace

TEST(Localisation, EnUsOverridesOnlyKeysThatExistAndDiffer)
{
    const Strings enUs = Strings::parse(propertiesFile("strings_en_US.properties"));
    const Strings& enGb = Strings::forLocale("en-GB");
    ASSERT_FALSE(enUs.keys().empty());
    const std::regex placeholder(R"(\{[0-9]+\})");
    for (const std::string& key : enUs.keys())
    {
        ASSERT_TRUE(enGb.has(key)) << key << " is in the en-US file but not in the en-GB reference";
        EXPECT_NE(enUs.get(key), enGb.get(key)) << key << " repeats the en-GB text";
        auto count = [&](const std::string& text) {
            return std::distance(std::sregex_iterator(text.begin(), text.end(), placeholder), std::sregex_iterator());
        };
        EXPECT_EQ(count(enUs.get(key)), count(enGb.get(key))) << key << " has different placeholders";
        EXPECT_EQ(Strings::forLocale("en-US").get(key), enUs.get(key));
    }
}

TEST(Localisation, EnUsDiffersFromEnGbOnlyInSpelling)
{
    // Regression: an en-US text kept the wording of schema 1 after the en-GB reference changed.
    const Strings enUs = Strings::parse(propertiesFile("strings_en_US.properties"));
    for (const std::string& key : enUs.keys())
        EXPECT_EQ(british(enUs.get(key)), Strings::forLocale("en-GB").get(key))
            << key << ": the en-US text says something the en-GB text does not";
}

TEST(Localisation, EnUsHasNoBritishSpellingsAndOtherLocalesGetTheReference)
{
    const Strings& enUs = Strings::forLocale("en-US");
    std::size_t britishInGb = 0;
    for (const std::string& key : enUs.keys())
        for (const auto& [word, american] : britishToAmerican)
        {
            EXPECT_EQ(lower(enUs.get(key)).find(word), std::string::npos)
                << key << " has the British spelling \"" << word << "\" in en-US";
            britishInGb += lower(Strings::forLocale("en-GB").get(key)).find(word) != std::string::npos;
        }
    EXPECT_GT(britishInGb, 0u) << "the check found nothing to check";
    EXPECT_EQ(&Strings::forLocale("de-DE"), &Strings::forLocale("en-GB"));
    EXPECT_EQ(&Strings::forLocale("en"), &Strings::forLocale("en-GB"));
    EXPECT_EQ(&Strings::forLocale(""), &Strings::forLocale("en-GB"));
    EXPECT_EQ(Strings::forLocale("en-US").keys(), Strings::forLocale("en-GB").keys());
}

TEST(Localisation, UseLocaleSwitchesTheBuiltInTexts)
{
    Strings::useLocale("en-US");
    EXPECT_NE(Strings::builtIn().get("part.impactOnChild.guidance").find("center"), std::string::npos);
    Strings::useLocale("en-GB");
    EXPECT_NE(Strings::builtIn().get("part.impactOnChild.guidance").find("centre"), std::string::npos);
}
