// What lies under three of the judgements: cue counts (features) combined by a logistic
// regression whose weights are learned from the labelled corpus. Exposed for the quality tool,
// which trains on some items and measures on others, and for the tool that writes the shipped
// weights (resources/judgement_model_en_GB.properties); the review itself calls Judgement.hpp.
#pragma once

#include "Judgement.hpp"

#include <string>
#include <utility>
#include <vector>

namespace aa::judgement
{

/// A logistic regression: P(poor) = 1 / (1 + exp(-(bias + sum of weights[i] * x[i]))).
/// features names the inputs in order (featureNames() of its kind when it was trained).
struct Model
{
    std::vector<std::string> features;
    std::vector<double> weights;
    double bias = 0;
};

/// Whether the kind is decided by a learned Model (description, vague, compliance) or by written
/// rules alone (jargon, placeholder).
bool isLearned(JudgementKind kind);

/// The names of a learned kind's features in order (empty for a rule kind).
const std::vector<std::string>& featureNames(JudgementKind kind);

/// A learned kind's features of text: per cue list, how many of its phrases the text holds (at
/// most 3), and measures of the text such as its length. Empty for a rule kind. Never throws.
std::vector<double> features(JudgementKind kind, const std::string& text);

/// Fits a model to feature rows x and labels poor (true: the poor-practice label) by Newton's
/// method on the L2-penalised log-likelihood (the penalty is model.l2 in the judgements resource;
/// the bias is not penalised). Deterministic. Throws std::invalid_argument when x and poor differ
/// in length or a row has the wrong width.
Model train(JudgementKind kind, const std::vector<std::vector<double>>& x, const std::vector<bool>& poor);

/// The judgement of text, exactly as the public judge functions make it, but with model in place
/// of the shipped one for a learned kind (model is ignored by rule kinds; a model whose features
/// do not match featureNames(kind) flags nothing). context: the field or column.
Judgement judgeWith(JudgementKind kind, const Model& model, const std::string& context, const std::string& text);

/// The shipped model of a learned kind, parsed once from the embedded weights (empty for a rule kind).
const Model& shippedModel(JudgementKind kind);

/// The probability at and above which a learned kind flags (model.threshold in the resource).
double decisionThreshold();
/// The strength of train()'s L2 penalty (model.l2 in the resource).
double l2Penalty();

/// Models as the weights resource's text (a generated file: a header saying so, then per kind
/// <name>.features, <name>.weights, <name>.bias), with note as a comment line.
std::string modelsToProperties(const std::vector<std::pair<JudgementKind, Model>>& models, const std::string& note);

/// The model of kind in weights-resource text (a missing or malformed entry gives an empty model).
Model modelFromProperties(JudgementKind kind, const std::string& text);

} // namespace aa::judgement
