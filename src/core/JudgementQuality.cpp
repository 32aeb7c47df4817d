#include "JudgementQuality.hpp"

#include "Errors.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <random>

namespace aa::judgement
{
namespace
{
namespace json = boost::json;

std::string lowered(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const char* contextKey(JudgementKind kind)
{
    switch (kind)
    {
        case JudgementKind::DescriptionOnly:
            return "field";
        case JudgementKind::Placeholder:
            return "column";
        default:
            return nullptr;
    }
}

std::string stringField(const json::object& o, const char* key, std::size_t line)
{
    const json::value* v = o.if_contains(key);
    if (!v || !v->is_string())
        throw InputError("Line " + std::to_string(line) + " has no text \"" + key + "\".");
    return std::string(v->get_string());
}

Miss missOf(JudgementKind kind, const LabelledItem& item, const Judgement& j)
{
    Miss m;
    m.id = item.id;
    m.context = item.context;
    m.label = item.label;
    m.predicted = j.flagged ? poorLabel(kind) : goodLabel(kind);
    m.text = item.text;
    m.reason = j.reason;
    m.score = j.score;
    m.heldOut = item.heldOut;
    m.found = j.terms;
    return m;
}

/// The sets of items in order of first appearance.
std::vector<std::string> setNames(const std::vector<LabelledItem>& items)
{
    std::vector<std::string> names;
    for (const LabelledItem& item : items)
        if (std::find(names.begin(), names.end(), item.set) == names.end())
            names.push_back(item.set);
    return names;
}

/// Fold of each item: stratified by set and label, each group's items shuffled with the seed and
/// dealt in turn, so every fold holds about the same share of each set and label.
std::vector<std::size_t> folds(const std::vector<LabelledItem>& items, std::size_t k, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<std::size_t> fold(items.size(), 0);
    std::size_t dealt = 0;
    for (const std::string& set : setNames(items))
        for (bool poor : { true, false })
        {
            std::vector<std::size_t> index;
            for (std::size_t i = 0; i < items.size(); ++i)
                if (items[i].poor == poor && items[i].set == set)
                    index.push_back(i);
            // Fisher-Yates with mt19937's own numbers (std::shuffle's algorithm differs between libraries).
            for (std::size_t i = index.size(); i > 1; --i)
                std::swap(index[i - 1], index[rng() % i]);
            for (std::size_t i : index)
                fold[i] = dealt++ % k;
        }
    return fold;
}

json::object countsJson(const Counts& c)
{
    auto num = [](double v) -> json::value {
        if (std::isnan(v))
            return nullptr;
        return v;
    };
    return { { "items", c.items() },
             { "truePositive", c.truePositive },
             { "falsePositive", c.falsePositive },
             { "falseNegative", c.falseNegative },
             { "trueNegative", c.trueNegative },
             { "precision", num(c.precision()) },
             { "recall", num(c.recall()) } };
}

json::array missesJson(const std::vector<Miss>& misses)
{
    json::array out;
    for (const Miss& m : misses)
    {
        json::array found;
        for (const std::string& t : m.found)
            found.emplace_back(t);
        out.emplace_back(json::object{ { "id", m.id },
                                       { "context", m.context },
                                       { "label", m.label },
                                       { "predicted", m.predicted },
                                       { "score", m.score },
                                       { "heldOut", m.heldOut },
                                       { "found", std::move(found) },
                                       { "reason", m.reason },
                                       { "text", m.text } });
    }
    return out;
}
} // namespace

const char* corpusFileName(JudgementKind kind)
{
    switch (kind)
    {
        case JudgementKind::DescriptionOnly:
            return "analysis.jsonl";
        case JudgementKind::VagueSuccessSign:
            return "success-signs.jsonl";
        case JudgementKind::Compliance:
            return "motivation.jsonl";
        case JudgementKind::Jargon:
            return "jargon.jsonl";
        case JudgementKind::Placeholder:
            return "plan-cells.jsonl";
    }
    return "";
}

const char* poorLabel(JudgementKind kind)
{
    switch (kind)
    {
        case JudgementKind::DescriptionOnly:
            return "description";
        case JudgementKind::VagueSuccessSign:
            return "vague";
        case JudgementKind::Compliance:
            return "compliance";
        case JudgementKind::Jargon:
            return "jargon";
        case JudgementKind::Placeholder:
            return "placeholder";
    }
    return "";
}

const char* goodLabel(JudgementKind kind)
{
    switch (kind)
    {
        case JudgementKind::DescriptionOnly:
            return "analysis";
        case JudgementKind::VagueSuccessSign:
            return "observable";
        case JudgementKind::Compliance:
            return "motivation";
        case JudgementKind::Jargon:
            return "plain";
        case JudgementKind::Placeholder:
            return "specific";
    }
    return "";
}

std::vector<LabelledItem> parseLabelled(JudgementKind kind, std::string_view jsonl, const LabelledSet& set)
{
    std::vector<LabelledItem> items;
    std::size_t line = 0;
    std::size_t pos = 0;
    while (pos < jsonl.size())
    {
        std::size_t end = jsonl.find('\n', pos);
        if (end == std::string_view::npos)
            end = jsonl.size();
        const std::string_view text = jsonl.substr(pos, end - pos);
        pos = end + 1;
        ++line;
        if (text.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        boost::system::error_code ec;
        const json::value v = json::parse(json::string_view(text.data(), text.size()), ec);
        if (ec || !v.is_object())
            throw InputError("Line " + std::to_string(line) + " of " + corpusFileName(kind) + " is not a JSON object.");
        const json::object& o = v.get_object();
        LabelledItem item;
        item.line = line;
        item.heldOut = set.heldOutPart && isHeldOutLine(line);
        item.set = set.name;
        item.id = stringField(o, "id", line);
        item.text = stringField(o, "text", line);
        item.label = stringField(o, "label", line);
        if (const char* key = contextKey(kind))
            item.context = stringField(o, key, line);
        if (item.label != poorLabel(kind) && item.label != goodLabel(kind))
            throw InputError("Line " + std::to_string(line) + " of " + corpusFileName(kind) + " has the label \""
                             + item.label + "\", which is not one of this judgement's two.");
        item.poor = item.label == poorLabel(kind);
        if (const json::value* terms = o.if_contains("terms"); terms && terms->is_array())
            for (const json::value& t : terms->get_array())
                if (t.is_string())
                    item.terms.emplace_back(t.get_string());
        items.push_back(std::move(item));
    }
    return items;
}

double Counts::precision() const
{
    const std::size_t flagged = truePositive + falsePositive;
    return flagged ? static_cast<double>(truePositive) / static_cast<double>(flagged)
                   : std::numeric_limits<double>::quiet_NaN();
}

double Counts::recall() const
{
    const std::size_t poor = truePositive + falseNegative;
    return poor ? static_cast<double>(truePositive) / static_cast<double>(poor)
                : std::numeric_limits<double>::quiet_NaN();
}

void Counts::add(bool labelledPoor, bool flagged)
{
    if (labelledPoor)
        ++(flagged ? truePositive : falseNegative);
    else
        ++(flagged ? falsePositive : trueNegative);
}

Judgement judgeItem(JudgementKind kind, const LabelledItem& item)
{
    switch (kind)
    {
        case JudgementKind::DescriptionOnly:
            return judgeAnalysisPart(item.context, item.text);
        case JudgementKind::VagueSuccessSign:
            return judgeSuccessSign(item.text);
        case JudgementKind::Compliance:
            return judgeMotivation(item.text);
        case JudgementKind::Jargon:
            return judgeJargon(item.text);
        case JudgementKind::Placeholder:
            return judgePlanCell(item.context, item.text);
    }
    return {};
}

Model trainOn(JudgementKind kind, const std::vector<LabelledItem>& items)
{
    std::vector<std::vector<double>> x;
    std::vector<bool> poor;
    for (const LabelledItem& item : items)
    {
        x.push_back(features(kind, item.text));
        poor.push_back(item.poor);
    }
    return train(kind, x, poor);
}

KindQuality measure(JudgementKind kind, const std::vector<LabelledItem>& all, const QualityOptions& options)
{
    std::vector<LabelledItem> items;
    for (const LabelledItem& item : all)
        if (!options.devOnly || !item.heldOut)
            items.push_back(item);
    KindQuality q;
    q.kind = kind;
    q.learned = isLearned(kind);
    const std::vector<std::string> names = setNames(items);
    for (const std::string& name : names)
        q.sets.push_back({ name, {}, {}, {} });
    auto setOf = [&](const LabelledItem& item) -> SetQuality& {
        return q.sets[static_cast<std::size_t>(std::find(names.begin(), names.end(), item.set) - names.begin())];
    };
    std::vector<Judgement> judged;
    for (const LabelledItem& item : items)
    {
        judged.push_back(judgeItem(kind, item));
        const Judgement& j = judged.back();
        q.whole.add(item.poor, j.flagged);
        setOf(item).whole.add(item.poor, j.flagged);
        if (item.poor != j.flagged)
            q.misses.push_back(missOf(kind, item, j));
    }
    if (kind == JudgementKind::Jargon)
        for (std::size_t i = 0; i < items.size(); ++i)
        {
            const auto& found = judged[i].terms;
            q.terms.labelled += items[i].terms.size();
            q.terms.found += found.size();
            auto related = [](const std::string& a, const std::string& b) {
                const std::string la = lowered(a), lb = lowered(b);
                return la.find(lb) != std::string::npos || lb.find(la) != std::string::npos;
            };
            for (const std::string& t : items[i].terms)
            {
                q.terms.exact += std::any_of(found.begin(), found.end(),
                                             [&](const std::string& f) { return lowered(f) == lowered(t); });
                q.terms.overlapping += std::any_of(found.begin(), found.end(),
                                                   [&](const std::string& f) { return related(f, t); });
            }
            for (const std::string& f : found)
                q.terms.unlabelled += std::none_of(items[i].terms.begin(), items[i].terms.end(),
                                                   [&](const std::string& t) { return related(f, t); });
        }
    if (!q.learned)
    {
        // Written rules: nothing is learned from the items, so every fold sees the same rules.
        q.crossValidated = q.whole;
        for (SetQuality& s : q.sets)
            s.crossValidated = s.whole;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].heldOut)
            {
                q.heldOut.add(items[i].poor, judged[i].flagged);
                setOf(items[i]).heldOut.add(items[i].poor, judged[i].flagged);
            }
        return q;
    }
    const std::size_t k = std::max<std::size_t>(2, options.folds);
    const std::vector<std::size_t> fold = folds(items, k, options.seed);
    for (std::size_t f = 0; f < k; ++f)
    {
        std::vector<LabelledItem> training;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (fold[i] != f)
                training.push_back(items[i]);
        const Model model = trainOn(kind, training);
        for (std::size_t i = 0; i < items.size(); ++i)
            if (fold[i] == f)
            {
                const Judgement j = judgeWith(kind, model, items[i].context, items[i].text);
                q.crossValidated.add(items[i].poor, j.flagged);
                setOf(items[i]).crossValidated.add(items[i].poor, j.flagged);
                if (items[i].poor != j.flagged)
                    q.crossValidatedMisses.push_back(missOf(kind, items[i], j));
            }
    }
    // Held-out: trained on everything not held out, of every set (nothing is held out under devOnly).
    std::vector<LabelledItem> development;
    for (const LabelledItem& item : items)
        if (!item.heldOut)
            development.push_back(item);
    if (development.size() < items.size())
    {
        const Model model = trainOn(kind, development);
        for (const LabelledItem& item : items)
            if (item.heldOut)
            {
                const bool flagged = judgeWith(kind, model, item.context, item.text).flagged;
                q.heldOut.add(item.poor, flagged);
                setOf(item).heldOut.add(item.poor, flagged);
            }
    }
    return q;
}

std::string qualityToJson(const std::vector<KindQuality>& quality, const QualityOptions& options)
{
    json::array kinds;
    for (const KindQuality& q : quality)
    {
        json::object o{ { "judgement", judgementKindName(q.kind) },
                        { "poorLabel", poorLabel(q.kind) },
                        { "method", q.learned ? "learned" : "rules" },
                        { "whole", countsJson(q.whole) },
                        { "crossValidated", countsJson(q.crossValidated) },
                        { "heldOut", countsJson(q.heldOut) },
                        { "misses", missesJson(q.misses) },
                        { "crossValidatedMisses", missesJson(q.crossValidatedMisses) } };
        json::array sets;
        for (const SetQuality& set : q.sets)
            sets.emplace_back(json::object{ { "set", set.name },
                                            { "whole", countsJson(set.whole) },
                                            { "crossValidated", countsJson(set.crossValidated) },
                                            { "heldOut", countsJson(set.heldOut) } });
        o["sets"] = std::move(sets);
        if (q.kind == JudgementKind::Jargon)
            o["terms"] = json::object{ { "labelled", q.terms.labelled },
                                       { "exact", q.terms.exact },
                                       { "overlapping", q.terms.overlapping },
                                       { "found", q.terms.found },
                                       { "unlabelled", q.terms.unlabelled } };
        kinds.emplace_back(std::move(o));
    }
    json::object protocol{ { "folds", options.folds },
                           { "seed", options.seed },
                           { "stratified", true },
                           { "heldOut",
                             "every 3rd line of each file (lines 3, 6, 9 ...) of a set with a held-out part" },
                           { "stratifiedBy", "set and label" },
                           { "developmentOnly", options.devOnly },
                           { "threshold", decisionThreshold() },
                           { "l2", l2Penalty() } };
    return json::serialize(json::object{ { "protocol", std::move(protocol) }, { "judgements", std::move(kinds) } });
}

} // namespace aa::judgement
