// The five judgements about practice writing (Judgement.hpp), on sentences written for these tests
// (none is a corpus line), and their quality on the labelled corpus (JudgementQuality.hpp): the
// cross-validated and held-out figures must meet the targets, so a regression fails here.
#include "Errors.hpp"
#include "Judgement.hpp"
#include "JudgementModel.hpp"
#include "JudgementQuality.hpp"
#include "TestSupport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

namespace
{
using aa::Judgement;
using aa::JudgementKind;
using Terms = std::vector<std::string>;

bool described(const std::string& text) { return aa::judgeAnalysisPart("origins", text).flagged; }
bool vague(const std::string& text) { return aa::judgeSuccessSign(text).flagged; }
bool compliance(const std::string& text) { return aa::judgeMotivation(text).flagged; }
Terms jargon(const std::string& text) { return aa::judgeJargon(text).terms; }
bool placeholder(const std::string& column, const std::string& text) { return aa::judgePlanCell(column, text).flagged; }

// ---- Analysis or description

TEST(JudgementAnalysis, ReportedEventsAndSpeechAreDescription)
{
    EXPECT_TRUE(described("Mum has been drinking since January. She says she is so tired all the time."));
    EXPECT_TRUE(described("Dad was arrested on 4 June and released on bail the next day."));
    EXPECT_TRUE(described("Sam told his teacher that he is hungry most mornings and often has no packed lunch."));
}

TEST(JudgementAnalysis, ABareConclusionIsDescription)
{
    EXPECT_TRUE(described("The impact is that the children are at risk."));
    EXPECT_TRUE(described("The family's difficulties are long-standing."));
}

TEST(JudgementAnalysis, ServiceHistoryIsDescription)
{
    EXPECT_TRUE(described("The family were known to children's services in 2019 and 2021, and the case was closed "
                          "each time after a child in need plan."));
}

TEST(JudgementAnalysis, AMechanismWithoutBecauseIsAnalysis)
{
    EXPECT_FALSE(described("Mornings depend on Ms Green's mood and on the bus fare being available; when either "
                           "fails, Maya stays at home to look after her brother"));
    EXPECT_FALSE(described("Mr Ahmed's temper is kept going by the debt: each letter from the bailiffs brings a "
                           "row, and the rows are what Zara hides from in her room."));
}

TEST(JudgementAnalysis, WeighingExplanationsIsAnalysis)
{
    EXPECT_FALSE(described("Tom's bedwetting is better understood as a reaction to the move than as a medical "
                           "problem: it started the week the family left their flat, and the GP found nothing wrong."));
}

TEST(JudgementAnalysis, BlankIsNeverFlagged)
{
    EXPECT_FALSE(described(""));
    EXPECT_FALSE(described("   \n\t"));
    EXPECT_FALSE(described("\xC2\xA0\xC2\xA0"));
}

TEST(JudgementAnalysis, FieldNamesAreAllAccepted)
{
    const std::string text = "The impact is that the children are at risk.";
    for (const char* field :
         { "origins", "maintainingFactors", "maintaining", "impactOnChild", "impact", "explanation", "other" })
        EXPECT_TRUE(aa::judgeAnalysisPart(field, text).flagged) << field;
}

TEST(JudgementAnalysis, AFlagSaysWhyInOneSentence)
{
    const Judgement j = aa::judgeAnalysisPart("impact", "The impact is that the children are at risk.");
    ASSERT_TRUE(j.flagged);
    EXPECT_FALSE(j.reason.empty());
    EXPECT_EQ(j.reason.find('{'), std::string::npos) << j.reason;
    EXPECT_GT(j.score, 0.5);
    EXPECT_TRUE(aa::judgeAnalysisPart("impact", "").reason.empty());
}

// ---- Observable or vague success signs

TEST(JudgementSuccessSign, AFeelingOrABetterIsVague)
{
    EXPECT_TRUE(vague("Things will be better."));
    EXPECT_TRUE(vague("Maya is happier."));
    EXPECT_TRUE(vague("Dad feels more confident as a parent."));
}

TEST(JudgementSuccessSign, AMilestoneWithADateOrAnAcronymIsStillVague)
{
    EXPECT_TRUE(vague("Good engagement with the TAF by June 2027."));
    EXPECT_TRUE(vague("Improved school attendance."));
}

TEST(JudgementSuccessSign, SomethingSomeoneCouldSeeOrCountIsObservable)
{
    EXPECT_FALSE(vague("Leo is gaining weight on his centile line at health visitor checks."));
    EXPECT_FALSE(vague("Jordan is at school by 8.50 every day, as the register shows."));
    EXPECT_FALSE(vague("No calls to the police about the flat between now and the summer holidays."));
}

TEST(JudgementSuccessSign, TypographicApostrophesAreReadAsPlainOnes)
{
    EXPECT_EQ(vague("Maya\xE2\x80\x99s mum is happier."), vague("Maya's mum is happier."));
    EXPECT_EQ(vague("Leo\xE2\x80\x99s weight is checked every week at the clinic by the health visitor."),
              vague("Leo's weight is checked every week at the clinic by the health visitor."));
}

// ---- Motivation or compliance

TEST(JudgementMotivation, WantingProfessionalsGoneIsCompliance)
{
    EXPECT_TRUE(compliance("Dad says he wants social care out of his life, so he has agreed to everything we asked"));
}

TEST(JudgementMotivation, AttendingAndAgreeingIsCompliance)
{
    EXPECT_TRUE(compliance("Ms Hart has attended all her appointments and signed the safety plan."));
    EXPECT_TRUE(compliance("Mum is very motivated and has engaged well with the plan."));
}

TEST(JudgementMotivation, OwnReasonsAndInsightAreMotivation)
{
    EXPECT_FALSE(compliance("Mr Price engaged with the domestic abuse programme after his daughter refused to see "
                            "him, and says he now sees how frightened she was"));
    EXPECT_FALSE(compliance("Ms Cole rang the drug service herself after Kian asked her why she sleeps all day; she "
                            "says that question is what made her realise how much he notices."));
}

// ---- Plain or jargon

TEST(JudgementJargon, AcronymsAndStatutoryReferencesAreFound)
{
    const Terms found = jargon("Referral to CAMHS, TAF meeting, and ICPC if s47 threshold met");
    for (const char* term : { "CAMHS", "TAF", "ICPC", "s47" })
        EXPECT_NE(std::find(found.begin(), found.end(), term), found.end()) << term;
    EXPECT_EQ(jargon("Enquiries under s.47 began on Monday."), Terms{ "s.47" });
}

TEST(JudgementJargon, EverydaySensesArePlain)
{
    EXPECT_TRUE(jargon("Mia looked after her brother while Mum was at work.").empty());
    EXPECT_TRUE(jargon("He was waiting on the threshold of the flat when the police came.").empty());
    EXPECT_TRUE(jargon("Your son's ADHD means he finds it hard to sit still in class.").empty());
    EXPECT_TRUE(jargon("Your GP and the NHS dentist both said his teeth are fine.").empty());
}

TEST(JudgementJargon, PracticeTermsAreJargon)
{
    EXPECT_EQ(jargon("There are signs of disguised compliance."), Terms{ "disguised compliance" });
    EXPECT_EQ(jargon("Her parenting capacity has not been assessed."), Terms{ "parenting capacity" });
    EXPECT_EQ(jargon("Amy is a looked after child."), Terms{ "looked after child" });
    EXPECT_EQ(jargon("Jay has been looked after since he was two."), Terms{ "looked after" });
    EXPECT_EQ(jargon("Dad is in the precontemplation stage."), Terms{ "precontemplation" });
    EXPECT_EQ(jargon("There are no concerns about Ben's presentation."), Terms{ "presentation" });
}

TEST(JudgementJargon, LookedAfterByFamilyIsPlain)
{
    EXPECT_TRUE(jargon("The boys were looked after by their nan while Mum was in hospital.").empty());
    EXPECT_TRUE(jargon("Ellie is looked after by Auntie Jo on Saturdays.").empty());
}

TEST(JudgementJargon, ATermExplainedWhereItIsUsedIsPlain)
{
    EXPECT_TRUE(
        jargon("We will meet as a core group (the family and the workers who meet to check the plan) every month.")
            .empty());
    EXPECT_TRUE(jargon("The core group will meet monthly.").size() == 1);
    EXPECT_TRUE(
        jargon("Your LADO, the officer who looks into worries about adults who work with children, will ring you.")
            .empty());
    EXPECT_TRUE(jargon("We will write a PEP (a plan for Jo's education) with the school.").empty());
    EXPECT_EQ(jargon("The LADO, the school and the police met on Monday."), Terms{ "LADO" });
}

TEST(JudgementJargon, AnExplanationOpeningTheNextSentenceExplainsTheLastTermBeforeIt)
{
    EXPECT_TRUE(jargon("The court made a supervision order. This means we will visit and the court checks how it goes.")
                    .empty());
    // Two terms: "This means" can only be about the last one.
    EXPECT_EQ(jargon("We will hold a core group and a strategy discussion. This means the police and we talk first."),
              Terms{ "core group" });
    EXPECT_EQ(jargon("The court made a supervision order. We will visit weekly."), Terms{ "supervision order" });
}

TEST(JudgementJargon, ATermExplainedOnceIsExplainedWhereverTheTextUsesIt)
{
    EXPECT_TRUE(
        jargon("The core group met in May. The core group is the family and the workers who check the plan together.")
            .empty());
}

TEST(JudgementJargon, AnAppositionExplainsButAListOfPeopleDoesNot)
{
    EXPECT_TRUE(jargon("Your PEP, the record of what the school will do for Jo, is ready.").empty());
    EXPECT_EQ(jargon("The LADO, the head of year and the police met on Monday."), Terms{ "LADO" });
}

TEST(JudgementJargon, SteppingDownFromARoleIsPlain)
{
    EXPECT_TRUE(jargon("Mr Jones stepped down as chair of the residents' group.").empty());
    EXPECT_TRUE(jargon("Gran is stepping down from her job to help with the baby.").empty());
    EXPECT_EQ(jargon("The case was stepped down as the risks reduced."), Terms{ "stepped down" });
}

TEST(JudgementJargon, SignsOfSafetyAndAssessmentTermsAreJargon)
{
    EXPECT_EQ(jargon("Mum will name a safety network by Friday."), Terms{ "safety network" });
    EXPECT_EQ(jargon("Dad has shown protective capacity."), Terms{ "protective capacity" });
    EXPECT_EQ(jargon("Nan will have a viability assessment."), Terms{ "viability assessment" });
}

TEST(JudgementJargon, OptionTermsAreAdded)
{
    const Judgement j = aa::judgeJargon("We talked about the genogram together.", { "genogram", "  " });
    EXPECT_EQ(j.terms, Terms{ "genogram" });
    EXPECT_FALSE(aa::judgeJargon("We talked about the family tree together.", { "genogram" }).flagged);
}

TEST(JudgementJargon, TypographyDoesNotHideATerm)
{
    EXPECT_EQ(jargon("Mum\xE2\x80\x99s \xE2\x80\x9Cparenting\xC2\xA0"
                     "capacity\xE2\x80\x9D \xE2\x80\x93 as we discussed."),
              Terms{ "parenting\xC2\xA0"
                     "capacity" });
    EXPECT_EQ(jargon("We\xE2\x80\x99ll step\xE2\x80\x91"
                     "down the plan."),
              Terms{ "step\xE2\x80\x91"
                     "down" });
}

// ---- Specific or placeholder plan cells

TEST(JudgementPlanCell, TokensAreAlwaysPlaceholders)
{
    for (const char* column : { "who", "byWhen", "review", "contingency" })
        for (const char* cell : { "TBC", "n/a", "as above", "ASAP", "ongoing", "-", "\xE2\x80\x94", "t.b.c." })
            EXPECT_TRUE(placeholder(column, cell)) << column << ": " << cell;
    EXPECT_EQ(aa::judgePlanCell("who", " TBC ").terms, Terms{ "TBC" });
}

TEST(JudgementPlanCell, AnOwnerWhoIsEveryoneIsNoOne)
{
    EXPECT_TRUE(placeholder("who", "All"));
    EXPECT_TRUE(placeholder("who", "All professionals"));
    EXPECT_TRUE(placeholder("who", "SW to monitor"));
    EXPECT_FALSE(placeholder("who", "Ms Green (Mum)"));
    EXPECT_FALSE(placeholder("who", "Priya Shah, school nurse at Hillside Primary"));
    // A whole sector or body is no one in particular; a named role in it is someone.
    EXPECT_TRUE(placeholder("who", "Health"));
    EXPECT_TRUE(placeholder("who", "The local authority"));
    EXPECT_FALSE(placeholder("who", "Health visitor (Anna Kowalski)"));
}

TEST(JudgementPlanCell, DatesInUsualFormsAndPlannablePointsAreSpecific)
{
    for (const char* cell :
         { "01.03.2027", "Sept 2027", "1/3/27", "end of March 2027", "within 10 working days of the ICPC",
           "at each 6-weekly core group", "by Friday", "before the Christmas holidays" })
        EXPECT_FALSE(placeholder("byWhen", cell)) << cell;
    EXPECT_TRUE(placeholder("byWhen", "When Dad is ready"));
    EXPECT_TRUE(placeholder("byWhen", "At the next meeting"));
    // A season alone leaves the deadline open; with its year or a date it does not.
    EXPECT_TRUE(placeholder("byWhen", "Spring"));
    EXPECT_FALSE(placeholder("byWhen", "Spring 2027 (by 31 March 2027)"));
}

TEST(JudgementPlanCell, AReviewNeedsAWhen)
{
    EXPECT_FALSE(placeholder("review", "Health visitor and SW at the monthly home visit"));
    EXPECT_TRUE(placeholder("review", "SW to monitor"));
    EXPECT_TRUE(placeholder("review", "As required"));
    EXPECT_TRUE(placeholder("review", "At the review"));
    EXPECT_TRUE(placeholder("review", "Constantly"));
}

TEST(JudgementPlanCell, AContingencyNeedsATrigger)
{
    EXPECT_TRUE(placeholder("contingency", "If things don't improve, further action will be taken"));
    EXPECT_TRUE(placeholder("contingency", "Escalate to manager"));
    EXPECT_TRUE(
        placeholder("contingency", "If things don't get better, the local authority will consider further action."));
    EXPECT_FALSE(placeholder("contingency",
                             "If Jake is not collected by 4 pm, the school rings Grandad, who will take him home."));
    EXPECT_FALSE(
        placeholder("contingency", "Three missed doses in a week: the pharmacist tells the GP within 24 hours."));
}

TEST(JudgementPlanCell, BlankIsNeverFlagged)
{
    for (const char* column : { "who", "byWhen", "review", "contingency", "unknown" })
    {
        EXPECT_FALSE(placeholder(column, "")) << column;
        EXPECT_FALSE(placeholder(column, "  \n")) << column;
    }
}

// ---- Every judgement

TEST(Judgement, NoInputThrowsOrFlagsWhatIsBlank)
{
    const std::string odd[] = { std::string("\xFF\xFE\x80", 3),
                                std::string("a\0b", 3),
                                std::string(5000, '('),
                                "\xE2\x80",
                                "'s's's",
                                "$ # * ^",
                                std::string(20000, 'A') + " CAMHS" };
    for (const std::string& s : odd)
    {
        EXPECT_NO_THROW(aa::judgeAnalysisPart("origins", s));
        EXPECT_NO_THROW(aa::judgeSuccessSign(s));
        EXPECT_NO_THROW(aa::judgeMotivation(s));
        EXPECT_NO_THROW(aa::judgeJargon(s, { s }));
        EXPECT_NO_THROW(aa::judgePlanCell("who", s));
    }
    EXPECT_FALSE(aa::judgeSuccessSign(" ").flagged);
    EXPECT_FALSE(aa::judgeMotivation("\t").flagged);
    EXPECT_FALSE(aa::judgeJargon("").flagged);
}

// How long the judgements take is measured by the benchmark (bench/aa-bench: "review: rules +
// judgements alone"), never by a timed test.

// ---- The shipped model and the quality on the labelled corpus

TEST(JudgementModel, ShippedModelsMatchTheFeatures)
{
    for (JudgementKind kind :
         { JudgementKind::DescriptionOnly, JudgementKind::VagueSuccessSign, JudgementKind::Compliance })
    {
        const aa::judgement::Model& model = aa::judgement::shippedModel(kind);
        EXPECT_EQ(model.features, aa::judgement::featureNames(kind)) << aa::judgementKindName(kind);
        EXPECT_EQ(model.weights.size(), model.features.size());
    }
}

TEST(JudgementModel, TrainingSeparatesWhatItIsShown)
{
    const JudgementKind kind = JudgementKind::Compliance;
    std::vector<std::vector<double>> x;
    std::vector<bool> poor;
    for (const char* text : { "She attended every session and signed the agreement.", "He agreed to all the actions." })
    {
        x.push_back(aa::judgement::features(kind, text));
        poor.push_back(true);
    }
    for (const char* text : { "She realised how frightened Ella was and asked for help herself.",
                              "He rang the service himself because he noticed how his son flinches." })
    {
        x.push_back(aa::judgement::features(kind, text));
        poor.push_back(false);
    }
    const aa::judgement::Model model = aa::judgement::train(kind, x, poor);
    EXPECT_TRUE(aa::judgement::judgeWith(kind, model, {}, "She attended and signed.").flagged);
    EXPECT_FALSE(aa::judgement::judgeWith(kind, model, {}, "He noticed it himself and asked for help.").flagged);
    EXPECT_THROW(aa::judgement::train(kind, x, { true }), std::invalid_argument);
}

// The development corpus lives beside the source tree: <source>/../shared (AA_SAMPLES_DIR is
// <source>/samples); the fresh set, development data since its blind run, is in the source tree.
const std::string corpusDir = AA_SAMPLES_DIR "/../../shared/corpus/review-labelled";
const std::string freshDir = AA_SAMPLES_DIR "/../tests/data/review-fresh";

std::vector<aa::judgement::LabelledItem> corpusOnly(JudgementKind kind)
{
    return aa::judgement::parseLabelled(kind, aa::test::readFile(corpusDir + "/" + aa::judgement::corpusFileName(kind)),
                                        { "shared/corpus/review-labelled", true });
}

/// The development corpus (with its held-out part marked) and the fresh set (no held-out part), as
/// aa-review-quality reads them by default.
std::vector<aa::judgement::LabelledItem> developmentData(JudgementKind kind)
{
    auto items = corpusOnly(kind);
    const auto fresh = aa::judgement::parseLabelled(
        kind, aa::test::readFile(freshDir + "/" + aa::judgement::corpusFileName(kind)),
        { "tests/data/review-fresh", false });
    items.insert(items.end(), fresh.begin(), fresh.end());
    return items;
}

/// The items the shipped weights are trained on and the targets are checked on.
std::vector<aa::judgement::LabelledItem> corpus(JudgementKind kind) { return corpusOnly(kind); }

TEST(JudgementQuality, CrossValidatedFiguresMeetTheTargets)
{
    if (!std::filesystem::exists(corpusDir))
        GTEST_SKIP() << "no labelled corpus at " << corpusDir;
    for (std::size_t k = 0; k < aa::judgementKindCount; ++k)
    {
        const auto kind = static_cast<JudgementKind>(k);
        const aa::judgement::KindQuality q = aa::judgement::measure(kind, corpus(kind), {});
        const char* name = aa::judgementKindName(kind);
        EXPECT_GE(q.crossValidated.precision(), 0.9) << name;
        EXPECT_GE(q.crossValidated.recall(), 0.75) << name;
    }
}

TEST(JudgementQuality, ShippedWeightsAreWhatTrainingOnTheCorpusGives)
{
    if (!std::filesystem::exists(corpusDir))
        GTEST_SKIP() << "no labelled corpus at " << corpusDir;
    for (JudgementKind kind :
         { JudgementKind::DescriptionOnly, JudgementKind::VagueSuccessSign, JudgementKind::Compliance })
    {
        const aa::judgement::Model trained = aa::judgement::trainOn(kind, corpus(kind));
        const aa::judgement::Model& shipped = aa::judgement::shippedModel(kind);
        ASSERT_EQ(trained.weights.size(), shipped.weights.size()) << aa::judgementKindName(kind);
        for (std::size_t i = 0; i < trained.weights.size(); ++i)
            EXPECT_NEAR(trained.weights[i], shipped.weights[i], 1e-6)
                << aa::judgementKindName(kind) << " " << trained.features[i];
        EXPECT_NEAR(trained.bias, shipped.bias, 1e-6) << aa::judgementKindName(kind);
    }
}

TEST(JudgementQuality, FoldsAreTheSameOnEveryRun)
{
    if (!std::filesystem::exists(corpusDir))
        GTEST_SKIP() << "no labelled corpus at " << corpusDir;
    const auto items = corpus(JudgementKind::Compliance);
    const auto a = aa::judgement::measure(JudgementKind::Compliance, items, {});
    const auto b = aa::judgement::measure(JudgementKind::Compliance, items, {});
    EXPECT_EQ(a.crossValidated.truePositive, b.crossValidated.truePositive);
    EXPECT_EQ(a.crossValidated.falsePositive, b.crossValidated.falsePositive);
}

TEST(JudgementQuality, OnlyASetWithAHeldOutPartHasHeldOutItems)
{
    std::string lines;
    for (int i = 0; i < 6; ++i)
        lines += R"({"id": "x", "text": "t", "label": "plain", "terms": []})"
                 "\n";
    const auto corpusItems = aa::judgement::parseLabelled(JudgementKind::Jargon, lines, { "a", true });
    const auto freshItems = aa::judgement::parseLabelled(JudgementKind::Jargon, lines, { "b", false });
    EXPECT_EQ(std::count_if(corpusItems.begin(), corpusItems.end(), [](const auto& i) { return i.heldOut; }), 2);
    EXPECT_EQ(std::count_if(freshItems.begin(), freshItems.end(), [](const auto& i) { return i.heldOut; }), 0);
    EXPECT_EQ(freshItems[0].set, "b");
}

TEST(JudgementQuality, FiguresAreGivenPerSet)
{
    if (!std::filesystem::exists(corpusDir))
        GTEST_SKIP() << "no labelled corpus at " << corpusDir;
    const auto q = aa::judgement::measure(JudgementKind::Placeholder, developmentData(JudgementKind::Placeholder), {});
    ASSERT_EQ(q.sets.size(), 2u);
    EXPECT_EQ(q.sets[0].whole.items() + q.sets[1].whole.items(), q.whole.items());
    EXPECT_EQ(q.sets[1].heldOut.items(), 0u);
    EXPECT_EQ(q.sets[0].heldOut.items(), q.heldOut.items());
}

TEST(JudgementQuality, ABadCorpusLineIsAnInputError)
{
    EXPECT_THROW(aa::judgement::parseLabelled(JudgementKind::Jargon, "{\"id\": \"x\"}\n"), aa::InputError);
    EXPECT_THROW(aa::judgement::parseLabelled(JudgementKind::Jargon, "not json\n"), aa::InputError);
    EXPECT_THROW(aa::judgement::parseLabelled(JudgementKind::Jargon,
                                              R"({"id": "x", "text": "t", "label": "vague", "terms": []})"),
                 aa::InputError);
    const auto items = aa::judgement::parseLabelled(
        JudgementKind::Jargon, "\n"
                               R"({"id": "a", "text": "t", "label": "plain", "terms": []})"
                               "\n\n"
                               R"({"id": "b", "text": "CAMHS", "label": "jargon", "terms": ["CAMHS"]})");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_TRUE(items[1].poor);
    EXPECT_EQ(items[1].line, 4u);
    EXPECT_EQ(items[1].terms, Terms{ "CAMHS" });
}

} // namespace
