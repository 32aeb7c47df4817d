// The guidance catalogue, the paragraph styles, and the completeness of the string resources.
#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
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

namespace
{
using aa::Question;
using aa::QuestionScope;
using aa::Role;
using aa::StyleRole;
using aa::Strings;

const std::vector<std::string> voiceNames
    = { "practitioner", "child", "parents", "otherWorkers", "significantAdults" };
const std::vector<std::string> partNames = { "origins", "maintainingFactors", "impactOnChild" };
const std::vector<std::string> listNames = { "strengths", "whatWouldHelp", "successSigns" };
const std::vector<std::string> considerationNames
    = { "riskAndProtectiveBalance", "parentsMotivation", "notKnown",      "absentFigures",
        "childUnderstanding",       "parentsUnderstanding", "culturalAndLanguage", "patterns" };
const std::vector<std::string> planColumnNames
    = { "issue", "outcome", "action", "who", "priority", "byWhen", "review", "contingency" };

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// ---------------------------------------------------------------------------------------------
// Catalogue

TEST(Catalogue, OrderAndScopes)
{
    const std::vector<Question> questions = aa::catalogue();
    std::vector<std::string> expected = { "title" };
    expected.insert(expected.end(), partNames.begin(), partNames.end());
    expected.insert(expected.end(), listNames.begin(), listNames.end());
    expected.insert(expected.end(), considerationNames.begin(), considerationNames.end());
    std::vector<std::string> keys;
    for (const Question& q : questions)
        keys.push_back(q.key);
    EXPECT_EQ(keys, expected);
    EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), keys.size()) << "keys are unique";
    ASSERT_EQ(questions.size(), 15u);
    for (std::size_t i = 0; i < questions.size(); ++i)
    {
        const QuestionScope scope = i < 4 ? QuestionScope::Issue
                                          : i < 7 ? QuestionScope::Analysis : QuestionScope::Consideration;
        EXPECT_EQ(questions[i].scope, scope) << questions[i].key;
    }
}

TEST(Catalogue, EveryQuestionHasItsTexts)
{
    std::set<std::string> labels;
    std::set<std::string> texts;
    for (const Question& q : aa::catalogue())
    {
        SCOPED_TRACE(q.key);
        for (const std::string* text : { &q.label, &q.question, &q.guidance, &q.standard })
        {
            EXPECT_FALSE(text->empty());
            EXPECT_FALSE(startsWith(*text, "[")) << "missing key placeholder: " << *text;
            EXPECT_EQ(text->find("[part."), std::string::npos) << *text;
        }
        EXPECT_GT(q.guidance.size(), q.label.size()) << "guidance says more than the label";
        EXPECT_TRUE(labels.insert(q.label).second) << "label repeated: " << q.label;
        EXPECT_TRUE(texts.insert(q.question).second) << "question repeated: " << q.question;
        EXPECT_TRUE(texts.insert(q.guidance).second) << "guidance repeated: " << q.guidance;
    }
}

TEST(Catalogue, EveryQuestionNamesTheStandardItServes)
{
    // The guidance's standard is held in its own text (Question::standard), which must name a
    // numbered Standard.
    const std::regex standard("Standard [0-9]");
    for (const Question& q : aa::catalogue())
    {
        SCOPED_TRACE(q.key);
        EXPECT_TRUE(std::regex_search(q.standard, standard)) << q.standard;
        EXPECT_TRUE(startsWith(q.standard, "Standard ")) << q.standard;
    }
}

TEST(Catalogue, TextsComeFromTheGivenStrings)
{
    const Strings custom = Strings::parse("part.origins.label=Origins label\npart.title.guidance=G\n");
    const std::vector<Question> questions = aa::catalogue(custom);
    ASSERT_EQ(questions.size(), 15u);
    EXPECT_EQ(questions[0].guidance, "G");
    EXPECT_EQ(questions[1].label, "Origins label");
    EXPECT_EQ(questions[2].label, "[part.maintainingFactors.label]") << "a gap shows";
}

TEST(Catalogue, JsonNamesMatchTheSchema)
{
    for (std::size_t i = 0; i < aa::voiceCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::Voice>(i)), voiceNames.at(i));
    for (std::size_t i = 0; i < aa::issuePartCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::IssuePart>(i)), partNames.at(i));
    for (std::size_t i = 0; i < aa::listKindCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::ListKind>(i)), listNames.at(i));
    for (std::size_t i = 0; i < aa::considerationCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::Consideration>(i)), considerationNames.at(i));
    for (std::size_t i = 0; i < aa::planColumnCount; ++i)
        EXPECT_EQ(aa::jsonName(static_cast<aa::PlanColumn>(i)), planColumnNames.at(i));
}

// ---------------------------------------------------------------------------------------------
// Paragraph styles

TEST(Styles, EveryRoleHasADistinctNameThatMapsBack)
{
    const std::vector<StyleRole> roles = aa::allStyleRoles();
    EXPECT_EQ(roles.size(), 5u + aa::issuePartCount + aa::listKindCount + aa::considerationCount + 5u);
    std::set<std::string> names;
    for (const StyleRole& r : roles)
    {
        const std::string name = aa::styleName(r.role, r.index);
        SCOPED_TRACE(name);
        EXPECT_NE(r.role, Role::None);
        EXPECT_FALSE(name.empty());
        EXPECT_TRUE(startsWith(name, "Analysis ")) << "one family in the style list";
        EXPECT_TRUE(names.insert(name).second) << "name repeated";
        const StyleRole back = aa::roleOfStyle(name);
        EXPECT_EQ(back.role, r.role);
        EXPECT_EQ(back.index, r.index);
    }
    // Every role but None appears.
    std::set<Role> seen;
    for (const StyleRole& r : roles)
        seen.insert(r.role);
    EXPECT_EQ(seen, (std::set<Role>{ Role::Heading, Role::Subheading, Role::IssueTitle, Role::RaisedBy,
                                     Role::Question, Role::IssuePartAnswer, Role::ListItem,
                                     Role::ConsiderationAnswer, Role::PlanHeader, Role::PlanCell,
                                     Role::PlanFlag, Role::SupervisionHeader, Role::SupervisionCell }));
    EXPECT_EQ(aa::styleName(Role::None), "");
    EXPECT_EQ(aa::styleName(Role::IssuePartAnswer, 1), "Analysis Maintaining Factors");
    EXPECT_EQ(aa::styleName(Role::ListItem, 1), "Analysis What Would Help");
}

TEST(Styles, OtherNamesAreNotOurs)
{
    for (const std::string& name : std::vector<std::string>{ "", "Text body", "Standard", "Heading 2", "Analysis", "Analysis ",
                                    "analysis heading", "Analysis Heading ", " Analysis Heading",
                                    "Analysis Plan", "Analysis Origins 2" })
    {
        SCOPED_TRACE(name);
        EXPECT_EQ(aa::roleOfStyle(name).role, Role::None);
    }
}

TEST(Styles, SpecsFollowTheRolesAndHaveParents)
{
    const std::vector<StyleRole> roles = aa::allStyleRoles();
    const std::vector<aa::StyleSpec> specs = aa::styleSpecs();
    ASSERT_EQ(specs.size(), roles.size());
    std::set<std::string> ours;
    for (const aa::StyleSpec& spec : specs)
        ours.insert(spec.name);
    for (std::size_t i = 0; i < specs.size(); ++i)
    {
        const aa::StyleSpec& spec = specs[i];
        SCOPED_TRACE(spec.name);
        EXPECT_EQ(spec.name, aa::styleName(roles[i].role, roles[i].index));
        EXPECT_FALSE(spec.parent.empty());
        EXPECT_EQ(ours.count(spec.parent), 0u) << "parents are Writer's built-in styles";
        EXPECT_TRUE(spec.next.empty() || spec.next == "Text body" || ours.count(spec.next)) << spec.next;
        EXPECT_GE(spec.outlineLevel, 0);
        EXPECT_LE(spec.outlineLevel, 10);
    }
    EXPECT_EQ(specs[0].outlineLevel, 2) << "Analysis Heading";
    EXPECT_EQ(specs[1].outlineLevel, 3) << "Analysis Subheading";
    EXPECT_EQ(specs[2].outlineLevel, 4) << "Analysis Issue Title";
}

// ---------------------------------------------------------------------------------------------
// String resources

std::filesystem::path sourceRoot()
{
    return std::filesystem::path(AA_RESOURCES_DIR).parent_path().parent_path();
}

std::string propertiesFile()
{
    return aa::test::readFile((std::filesystem::path(AA_RESOURCES_DIR) / "strings_en_GB.properties").string());
}

/// Literal resource keys in the sources, with where they were found.
std::map<std::string, std::string> literalKeys()
{
    const std::regex literal(
        R"re("((?:error|section|item|raisedBy|skeleton|voice|part|plan|dialog|undo|review|supervision|panel|options)\.[A-Za-z.]+)")re");
    std::map<std::string, std::string> keys;
    for (const auto& file : std::filesystem::recursive_directory_iterator(sourceRoot()))
    {
        const std::string ext = file.path().extension().string();
        if (!file.is_regular_file() || (ext != ".cpp" && ext != ".cxx" && ext != ".hpp" && ext != ".hxx"))
            continue;
        const std::string text = aa::test::readFile(file.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it)
            keys.emplace((*it)[1].str(), file.path().filename().string());
    }
    return keys;
}

TEST(Resources, EveryLiteralKeyInTheSourcesExists)
{
    ASSERT_TRUE(std::filesystem::is_directory(sourceRoot() / "core")) << sourceRoot();
    const std::map<std::string, std::string> keys = literalKeys();
    // The scan itself works: keys used by the core and by the glue are found.
    EXPECT_TRUE(keys.count("error.json"));
    EXPECT_TRUE(keys.count("item.linkPrefix"));
    EXPECT_TRUE(keys.count("undo.insert"));
    EXPECT_GE(keys.size(), 30u);
    for (const auto& [key, file] : keys)
    {
        if (key.back() != '.') // a prefix the code completes, like "review.place." + part
        {
            EXPECT_TRUE(Strings::builtIn().has(key)) << key << " used in " << file << " is not in the resources";
        }
    }
}

TEST(Resources, EveryResourceKeyIsUsed)
{
    const std::map<std::string, std::string> used = literalKeys();
    for (const std::string& key : Strings::builtIn().keys())
    {
        const bool dynamic = startsWith(key, "part.") || startsWith(key, "voice.") || startsWith(key, "plan.")
                             || startsWith(key, "section.") || startsWith(key, "review.place.")
                             || startsWith(key, "panel.severity.");
        EXPECT_TRUE(dynamic || used.count(key)) << key << " is not used anywhere";
    }
}

TEST(Resources, DynamicFamiliesAreCompleteAndHaveNoStrays)
{
    const Strings& s = Strings::builtIn();
    std::set<std::string> expected;
    for (const Question& q : aa::catalogue())
        for (const char* field : { "label", "question", "guidance", "standard" })
            expected.insert("part." + q.key + "." + field);
    for (const std::string& v : voiceNames)
        expected.insert("voice." + v);
    for (const std::string& c : planColumnNames)
        expected.insert("plan." + c);
    for (const std::string& l : listNames)
        expected.insert("section." + l);
    for (const std::string& key : expected)
        EXPECT_TRUE(s.has(key)) << key << " is missing";

    const std::map<std::string, std::string> used = literalKeys();
    for (const std::string& key : s.keys())
    {
        if (!(startsWith(key, "part.") || startsWith(key, "voice.") || startsWith(key, "plan.")
              || startsWith(key, "section.")))
            continue;
        EXPECT_TRUE(expected.count(key) || used.count(key)) << key << " belongs to no family member";
    }
}

TEST(Resources, BuiltInStringsAreTheResourceFile)
{
    const Strings file = Strings::parse(propertiesFile());
    const Strings& builtIn = Strings::builtIn();
    EXPECT_EQ(file.keys(), builtIn.keys());
    for (const std::string& key : file.keys())
    {
        EXPECT_EQ(file.get(key), builtIn.get(key)) << key;
        EXPECT_FALSE(builtIn.get(key).empty()) << key;
    }
    EXPECT_GE(builtIn.keys().size(), 80u);
}

TEST(Resources, NoKeyIsDefinedTwice)
{
    const std::string text = propertiesFile();
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

} // namespace

// ---------------------------------------------------------------------------------------------
// Localisation: en-US spellings over the en-GB reference

TEST(Localisation, EnUsOverridesOnlyKeysThatExistAndDiffer)
{
    const Strings enUs = Strings::parse(aa::test::readFile(
        (std::filesystem::path(AA_RESOURCES_DIR) / "strings_en_US.properties").string()));
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

TEST(Localisation, EnUsHasNoBritishSpellingsAndOtherLocalesGetTheReference)
{
    const std::vector<std::string> british = { "recognise", "centre", "behaviour", "organis", "colour", "analyse",
                                               "licence", "favour", "programme", "neighbour", "realis", "prioritis" };
    const Strings& enUs = Strings::forLocale("en-US");
    std::size_t britishInGb = 0;
    for (const std::string& key : enUs.keys())
        for (const std::string& word : british)
        {
            std::string text = enUs.get(key);
            std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            EXPECT_EQ(text.find(word), std::string::npos) << key << " has the British spelling \"" << word << "\" in en-US";
            std::string gb = Strings::forLocale("en-GB").get(key);
            std::transform(gb.begin(), gb.end(), gb.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            britishInGb += gb.find(word) != std::string::npos;
        }
    EXPECT_GT(britishInGb, 0u) << "the check found nothing to check";
    EXPECT_EQ(&Strings::forLocale("de-DE"), &Strings::forLocale("en-GB"));
    EXPECT_EQ(Strings::forLocale("en-US").keys(), Strings::forLocale("en-GB").keys());
}

TEST(Localisation, UseLocaleSwitchesTheBuiltInTexts)
{
    Strings::useLocale("en-US");
    EXPECT_NE(Strings::builtIn().get("part.impactOnChild.guidance").find("center"), std::string::npos);
    Strings::useLocale("en-GB");
    EXPECT_NE(Strings::builtIn().get("part.impactOnChild.guidance").find("centre"), std::string::npos);
}
