// How well the judgements agree with an experienced manager's labels: precision and recall of the
// poor-practice label on labelled sets of practice writing (the development corpus
// shared/corpus/review-labelled and the once-blind tests/data/review-fresh), on the whole set, by
// k-fold cross-validation and on the development corpus's held-out part. Used by
// aa-review-quality and a unit test.
#pragma once

#include "Judgement.hpp"
#include "JudgementModel.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aa::judgement
{

/// One labelled snippet of practice writing.
struct LabelledItem
{
    std::string id;
    std::string context; ///< the analysis field or the plan column; empty for the other kinds
    std::string text;
    std::string label;
    std::vector<std::string> terms; ///< jargon: the labelled terms
    bool poor = false;              ///< the label is the poor-practice one
    std::size_t line = 0;           ///< 1-based line in its file
    bool heldOut = false;           ///< in its set's held-out part (isHeldOutLine), if the set has one
    std::string set;                ///< the name of the set it comes from (LabelledSet::name)
};

/// A labelled set: a directory of the five files. Only a set with a held-out part (the development
/// corpus, whose every third line was set aside before any item was read) has held-out items; a
/// set that is development data throughout (tests/data/review-fresh since its blind run) has none.
struct LabelledSet
{
    std::string name;        ///< shown in figures and in the weights' note ("tests/data/review-fresh")
    bool heldOutPart = true; ///< every third line of each file is held out (isHeldOutLine)
};

/// The corpus file of a kind ("analysis.jsonl" ...).
const char* corpusFileName(JudgementKind kind);
/// The labels of a kind as the corpus spells them: poor ("description", "vague", "compliance",
/// "jargon", "placeholder") and good ("analysis", "observable", "motivation", "plain", "specific").
const char* poorLabel(JudgementKind kind);
const char* goodLabel(JudgementKind kind);

/// The held-out part, fixed before any item was read: every third line of each file (3, 6, 9 ...).
/// Its items were not read while the cue lists and rules were written.
inline bool isHeldOutLine(std::size_t line) { return line % 3 == 0; }

/// The items of one corpus file (JSON lines; blank lines skipped), marked as from set. Throws
/// InputError naming the line when a line is not a JSON object with string id, text and label
/// (and field, column or terms where the kind has them), or the label is not one of the kind's two.
std::vector<LabelledItem> parseLabelled(JudgementKind kind, std::string_view jsonl, const LabelledSet& set = {});

/// A confusion matrix of the poor-practice label.
struct Counts
{
    std::size_t truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0;
    std::size_t items() const { return truePositive + falsePositive + falseNegative + trueNegative; }
    /// Of the items flagged, the share labelled poor; NaN when nothing was flagged.
    double precision() const;
    /// Of the items labelled poor, the share flagged; NaN when none is labelled poor.
    double recall() const;
    void add(bool labelledPoor, bool flagged);
};

/// An item the judgement gets wrong.
struct Miss
{
    std::string id;
    std::string context;
    std::string label;
    std::string predicted;
    std::string text;
    std::string reason;
    double score = 0;
    bool heldOut = false;
    std::vector<std::string> found; ///< jargon and placeholder: the terms found
};

/// Jargon: how the terms found compare with the labelled terms (case-insensitive).
struct TermAgreement
{
    std::size_t labelled = 0;    ///< labelled terms
    std::size_t exact = 0;       ///< labelled terms found exactly
    std::size_t overlapping = 0; ///< labelled terms found exactly or as a part or a whole of a found term
    std::size_t found = 0;       ///< terms found
    std::size_t unlabelled = 0;  ///< terms found that overlap no labelled term of their item
};

struct QualityOptions
{
    std::size_t folds = 5;
    std::uint32_t seed = 20270115;
    /// Measure on the development part only (no held-out figures): for use while writing rules.
    bool devOnly = false;
};

/// The figures of one set within a measurement of several.
struct SetQuality
{
    std::string name;
    Counts whole;
    Counts crossValidated;
    Counts heldOut;
};

struct KindQuality
{
    JudgementKind kind = JudgementKind::DescriptionOnly;
    bool learned = false;
    Counts whole;                           ///< the public judge functions (the shipped model) on every item
    Counts crossValidated;                  ///< learned kinds: a model trained on the other folds; rule kinds: as whole
    Counts heldOut;                         ///< learned kinds: a model trained on the development part; rules: as whole
    std::vector<Miss> misses;               ///< whole set
    std::vector<Miss> crossValidatedMisses; ///< learned kinds only
    TermAgreement terms;                    ///< jargon only
    std::vector<SetQuality> sets;           ///< the same figures per set, in the order the sets first appear
};

/// The judgement of an item by the public functions the review calls (judgeAnalysisPart ...).
Judgement judgeItem(JudgementKind kind, const LabelledItem& item);

/// Measures one kind on its items, which may come from several sets (see KindQuality). Folds are
/// stratified by set and label: the items of each set and label (sets in order of first
/// appearance, the poor label first) are shuffled with one std::mt19937 seeded with options.seed
/// and dealt round the folds in turn, the dealing carrying on from one group to the next; so each
/// fold holds about the same share of every set and label, and the figures are the same on every
/// run. For a single set this is the stratification by label alone that earlier figures used.
/// Held-out figures: learned kinds are trained on every item not held out (of every set) and
/// measured on the held-out items.
KindQuality measure(JudgementKind kind, const std::vector<LabelledItem>& items, const QualityOptions& options);

/// A learned kind's model trained on items (all of them).
Model trainOn(JudgementKind kind, const std::vector<LabelledItem>& items);

/// The measurements as JSON: {"protocol": {...}, "judgements": [{...}]}.
std::string qualityToJson(const std::vector<KindQuality>& quality, const QualityOptions& options);

} // namespace aa::judgement
