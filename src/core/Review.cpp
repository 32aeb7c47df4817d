#include "Review.hpp"

#include "Catalogue.hpp"
#include "Compose.hpp"
#include "Errors.hpp"
#include "Judgement.hpp"
#include "Plan.hpp"
#include "Utf8.hpp"
#include "Zip.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstring>
#include <set>
#include <stdexcept>

namespace aa
{
const std::vector<ReviewRule>& reviewRules()
{
    static const char* const s5 = "Standard 5";
    static const char* const s5sc = "Standard 5 (social care)";
    static const char* const s6 = "Standard 6";
    static const char* const s7 = "Standard 7";
    static const char* const s8 = "Standard 8";
    constexpr FindingKind certain = FindingKind::Certain, judgement = FindingKind::Judgement;
    static const std::vector<ReviewRule> rules{
        { "analysis.noSafety", certain, s7 },
        { "analysis.noChildView", certain, s5 },
        { "issue.noAction", certain, s6 },
        { "issue.noneIdentified", certain, s5 },
        { "issue.noOrigins", certain, s5 },
        { "issue.noMaintainingFactors", certain, s5 },
        { "issue.noImpact", certain, s5 },
        { "part.descriptionOnly.origins", judgement, s5 },
        { "part.descriptionOnly.maintainingFactors", judgement, s5 },
        { "part.descriptionOnly.impactOnChild", judgement, s5 },
        { "weighingUp.unanswered", certain, s5sc },
        { "adult.noUnderstanding", certain, s5 },
        { "adult.noMotivation", certain, s5sc },
        { "motivation.compliance", judgement, s5sc },
        { "analysis.noAdults", certain, s5 },
        { "analysis.noStrengths", certain, s5 },
        { "analysis.noSuccessSigns", certain, s6 },
        { "must.noConsequence", certain, s6 },
        { "successSign.untied", certain, s6 },
        { "successSign.vague", judgement, s6 },
        { "analysis.noRecommendation", certain, s7 },
        { "plan.orphan", certain, s6 },
        { "plan.rowIncomplete", certain, s6 },
        { "plan.datePassed", certain, s6 },
        { "plan.placeholder.who", judgement, s6 },
        { "plan.placeholder.byWhen", judgement, s6 },
        { "plan.placeholder.review", judgement, s6 },
        { "plan.placeholder.contingency", judgement, s6 },
        { "plan.no.planReview", certain, s6 },
        { "plan.no.contingency", certain, s6 },
        { "plan.placeholder.reviewPlan", judgement, s6 },
        { "plan.placeholder.contingencyPlan", judgement, s6 },
        { "plan.no.planAgreed", certain, s6 },
        { "report.promptLeft", certain, s7 },
        { "supervision.none", certain, s8 },
        { "supervision.noInfluence", certain, s8 },
        { "jargon", judgement, s7 },
    };
    return rules;
}

const ReviewRule& reviewRule(const std::string& id)
{
    for (const ReviewRule& rule : reviewRules())
        if (id == rule.id)
            return rule;
    throw std::logic_error("review: no rule \"" + id + "\"");
}

namespace
{
std::string lower(const std::string& text)
{
    std::string out = text;
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string quote(const std::string& text) { return truncateUtf8(text, 80) + (text.size() > 80 ? "..." : ""); }

std::string hex8(std::uint32_t value)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (int shift = 28; shift >= 0; shift -= 4)
        s += digits[(value >> shift) & 0xF];
    return s;
}

const char* const monthNames[] = { "january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december" };

class Reviewer
{
public:
    Reviewer(const Analysis& analysis, const ReviewOptions& options, const Strings& strings)
        : a_(analysis), options_(options), s_(strings), compose_(analysis, strings)
    {
    }

    /// In document order: the analysis as a whole, the issues, the adults, the lists, weighing
    /// it up, the plan; then the report around it and the supervision record.
    std::vector<Finding> run()
    {
        reviewAnalysis();
        for (const Issue& issue : a_.issues)
            reviewIssue(issue);
        reviewWeighingUp();
        for (const Adult& adult : a_.adults)
            reviewAdult(adult);
        reviewLists();
        reviewPlan();
        if (options_.report)
            reviewReport(*options_.report);
        return std::move(findings_);
    }

private:
    /// A certain finding; key is the message's resource key, "review." and the rule id.
    void certain(const std::string& key, Severity severity, const std::vector<std::string>& args, Place place)
    {
        Finding f;
        f.rule = key.substr(std::string("review.").size());
        const ReviewRule& rule = reviewRule(f.rule);
        f.kind = FindingKind::Certain;
        assert(rule.kind == f.kind);
        f.severity = severity;
        f.standard = rule.standard;
        f.message = s_.format(key, args);
        f.place = std::move(place);
        findings_.push_back(std::move(f));
    }

    /// A judgement: the question to ask (key), the judge's reason, and the key that dismissing
    /// it remembers. Left out when dismissed for this document.
    void judgement(const std::string& key, const std::vector<std::string>& args, Place place, const Judgement& j,
                   const std::string& judged)
    {
        Finding f;
        f.rule = key.substr(std::string("review.").size());
        const ReviewRule& rule = reviewRule(f.rule);
        f.kind = FindingKind::Judgement;
        assert(rule.kind == f.kind);
        f.severity = Severity::Warning;
        f.standard = rule.standard;
        f.message = s_.format(key, args);
        f.reason = j.reason;
        f.place = std::move(place);
        f.key = f.rule + "|" + placeKey(f.place) + "|" + hex8(crc32(judged));
        if (!j.terms.empty())
            f.key += "|" + j.terms.front();
        if (options_.dismissed.count(f.key))
            return;
        findings_.push_back(std::move(f));
    }

    /// Where a dismissed judgement was, as its key remembers it: not a list item's or a plan
    /// row's position (an item added above, or a must row, would bring it back), only which list,
    /// which issue, adult or part; the judged words tell the rest apart.
    static std::string placeKey(const Place& p)
    {
        const bool positional = p.kind == Place::Kind::PlanRow || p.kind == Place::Kind::ListItem;
        return std::to_string(static_cast<int>(p.kind)) + ":" + p.issue + ":"
               + std::to_string(p.kind == Place::Kind::PlanRow ? 0 : p.index) + ":"
               + std::to_string(positional ? 0 : p.item);
    }

    /// Words a family would not understand in a text a family will read; one question per term.
    void jargon(const std::string& text, const Place& place, const std::string& where)
    {
        if (isBlank(text))
            return;
        const Judgement j = judgeJargon(text, options_.extraJargon);
        if (!j.flagged)
            return;
        for (const std::string& term : j.terms)
        {
            Judgement one = j;
            one.terms = { term };
            judgement("review.jargon", { where, term }, place, one, text);
        }
    }

    void reviewAnalysis()
    {
        // Each answer in document order: whether it is there, then its words.
        if (isBlank(a_.topic(Topic::Safety)))
            certain("review.analysis.noSafety", Severity::Error, {},
                    { Place::Kind::Topic, {}, static_cast<std::size_t>(Topic::Safety), 0 });
        jargon(a_.topic(Topic::Safety), { Place::Kind::Topic, {}, static_cast<std::size_t>(Topic::Safety), 0 },
               questionLabel(QuestionKey::of(Topic::Safety), s_));
        if (isBlank(a_.topic(Topic::ChildExperience)))
            certain("review.analysis.noChildView", Severity::Error, {},
                    { Place::Kind::Topic, {}, static_cast<std::size_t>(Topic::ChildExperience), 0 });
        jargon(a_.topic(Topic::ChildExperience),
               { Place::Kind::Topic, {}, static_cast<std::size_t>(Topic::ChildExperience), 0 },
               questionLabel(QuestionKey::of(Topic::ChildExperience), s_));
    }

    void reviewIssue(const Issue& issue)
    {
        static const char* const missing[requiredIssueParts]
            = { "review.issue.noOrigins", "review.issue.noMaintainingFactors", "review.issue.noImpact" };
        static const char* const questions[requiredIssueParts] = { "review.part.descriptionOnly.origins",
                                                                   "review.part.descriptionOnly.maintainingFactors",
                                                                   "review.part.descriptionOnly.impactOnChild" };
        const Place title{ Place::Kind::IssueTitle, issue.id, 0, 0 };
        if (!hasPlanAction(a_, issue.id))
            certain("review.issue.noAction", Severity::Error, { quote(issue.title) }, title);
        if (issue.raisedBy.empty() && issue.raisedByAdults.empty())
            certain("review.issue.noneIdentified", Severity::Info, { quote(issue.title) }, title);
        jargon(issue.title, title, s_.format("review.place.title", { quote(issue.title) }));
        for (std::size_t p = 0; p < issuePartCount; ++p)
        {
            const Place place{ Place::Kind::IssuePart, issue.id, p, 0 };
            const std::string& text = issue.parts[p];
            const char* name = jsonName(static_cast<IssuePart>(p));
            const std::string where = s_.format(std::string("review.place.") + name, { quote(issue.title) });
            if (p < requiredIssueParts)
            {
                if (isBlank(text))
                    certain(missing[p], Severity::Error, { quote(issue.title) }, place);
                else if (const Judgement j = judgeAnalysisPart(name, text); j.flagged)
                    judgement(questions[p], { where }, place, j, text);
            }
            jargon(text, place, where);
        }
    }

    void reviewWeighingUp()
    {
        static const Topic required[] = { Topic::RiskAndProtectiveBalance, Topic::NotKnown, Topic::AbsentFigures };
        for (Topic t : topicsOf(Section::WeighingUp))
        {
            const Place place{ Place::Kind::Topic, {}, static_cast<std::size_t>(t), 0 };
            const std::string label = questionLabel(QuestionKey::of(t), s_);
            const bool isRequired = std::find(std::begin(required), std::end(required), t) != std::end(required);
            if (isBlank(a_.topic(t)))
                certain("review.weighingUp.unanswered", isRequired ? Severity::Warning : Severity::Info, { label },
                        place);
            jargon(a_.topic(t), place, label);
        }
    }

    void reviewAdult(const Adult& adult)
    {
        const std::string name = adult.name.empty() ? adult.id : adult.name;
        const Place understanding{ Place::Kind::Adult, adult.id, static_cast<std::size_t>(AdultPart::Understanding),
                                   0 };
        const Place motivation{ Place::Kind::Adult, adult.id, static_cast<std::size_t>(AdultPart::Motivation), 0 };
        if (isBlank(adult.part(AdultPart::Understanding)))
            certain("review.adult.noUnderstanding", Severity::Warning, { quote(name) }, understanding);
        const std::string& motive = adult.part(AdultPart::Motivation);
        if (isBlank(motive))
            certain("review.adult.noMotivation", Severity::Warning, { quote(name) }, motivation);
        else if (const Judgement j = judgeMotivation(motive); j.flagged)
            judgement("review.motivation.compliance", { quote(name) }, motivation, j, motive);
        jargon(adult.part(AdultPart::Understanding), understanding,
               s_.format("review.place.adultUnderstanding", { quote(name) }));
        jargon(motive, motivation, s_.format("review.place.adultMotivation", { quote(name) }));
    }

    void reviewLists()
    {
        if (a_.adults.empty())
            certain("review.analysis.noAdults", Severity::Warning, {}, {});
        for (std::size_t k = 0; k < listKindCount; ++k)
        {
            const auto kind = static_cast<ListKind>(k);
            const std::vector<Item>& items = a_.lists[k];
            // An empty list where its section is, after the findings on the lists before it.
            if (kind == ListKind::Strengths && items.empty())
                certain("review.analysis.noStrengths", Severity::Warning, {}, {});
            if (kind == ListKind::SuccessSigns && items.empty())
                certain("review.analysis.noSuccessSigns", Severity::Error, {}, {});
            for (std::size_t i = 0; i < items.size(); ++i)
            {
                const Item& item = items[i];
                const Place place{ Place::Kind::ListItem, {}, k, i };
                const std::string where = s_.format(std::string("review.place.") + jsonName(kind),
                                                    { quote(item.text) });
                if (kind == ListKind::WhatNeedsToHappen && item.must && isBlank(item.ifNot))
                    certain("review.must.noConsequence", Severity::Warning, { quote(item.text) }, place);
                if (kind == ListKind::SuccessSigns)
                {
                    if (item.items.empty())
                        certain("review.successSign.untied", Severity::Info, { quote(item.text) }, place);
                    if (const Judgement j = judgeSuccessSign(item.text); j.flagged)
                        judgement("review.successSign.vague", { quote(item.text) }, place, j, item.text);
                }
                jargon(item.text, place, where);
                jargon(item.ifNot, place, where);
            }
        }
        jargon(a_.topic(Topic::Recommendation),
               { Place::Kind::Topic, {}, static_cast<std::size_t>(Topic::Recommendation), 0 },
               questionLabel(QuestionKey::of(Topic::Recommendation), s_));
        if (isBlank(a_.topic(Topic::Recommendation)))
            certain("review.analysis.noRecommendation", Severity::Error, {},
                    { Place::Kind::Topic, {}, static_cast<std::size_t>(Topic::Recommendation), 0 });
    }

    /// One certain finding per row, listing what it lacks (what a manager would write).
    void reviewPlan()
    {
        const bool planReview = !isBlank(a_.topic(Topic::PlanReview));
        const bool planContingency = !isBlank(a_.topic(Topic::Contingency));
        bool rowWithoutReview = false, rowWithoutContingency = false;
        for (std::size_t i = 0; i < a_.plan.size(); ++i)
        {
            const PlanRow& row = a_.plan[i];
            const std::string n = std::to_string(i + 1);
            const std::string action = quote(row.cell(PlanColumn::Action));
            const Place place{ Place::Kind::PlanRow, row.issues.empty() ? std::string() : row.issues.front(), i, 0 };
            const bool gone = std::any_of(row.issues.begin(), row.issues.end(),
                                          [&](const std::string& id) { return !a_.findIssue(id); })
                              || (!row.help.empty() && !a_.findItem(row.help));
            if (row.flagged || gone)
                certain("review.plan.orphan", Severity::Error, { n, action }, place);
            std::vector<std::string> lacks;
            for (PlanColumn c :
                 { PlanColumn::Action, PlanColumn::Outcome, PlanColumn::Who, PlanColumn::ByWhen, PlanColumn::Priority })
                if (isBlank(row.cell(c)))
                    lacks.push_back(s_.get(std::string("review.plan.lacks.") + jsonName(c)));
            const bool done = progressDone(row.cell(PlanColumn::Progress), s_);
            if (!lacks.empty() && !done)
                certain("review.plan.rowIncomplete",
                        isBlank(row.cell(PlanColumn::Who)) || isBlank(row.cell(PlanColumn::ByWhen)) ? Severity::Error
                                                                                                    : Severity::Warning,
                        { n, action, joinList(lacks) }, place);
            rowWithoutReview = rowWithoutReview || isBlank(row.cell(PlanColumn::Review));
            rowWithoutContingency = rowWithoutContingency || isBlank(row.cell(PlanColumn::Contingency));
            const std::string& byWhen = row.cell(PlanColumn::ByWhen);
            const std::string date = parseDate(byWhen);
            if (!date.empty() && !options_.today.empty() && date < options_.today && !done)
                certain("review.plan.datePassed", Severity::Warning, { n, quote(byWhen) }, place);
            std::set<PlanColumn> placeholders; // a placeholder is asked about once, not as jargon too
            for (PlanColumn c : { PlanColumn::Who, PlanColumn::ByWhen, PlanColumn::Review, PlanColumn::Contingency })
            {
                const std::string& cell = row.cell(c);
                if (isBlank(cell))
                    continue;
                if (const Judgement j = judgePlanCell(jsonName(c), cell); j.flagged)
                {
                    placeholders.insert(c);
                    judgement(std::string("review.plan.placeholder.") + jsonName(c),
                              { n, quote(j.terms.empty() ? cell : j.terms.front()) }, place, j, cell);
                }
            }
            for (PlanColumn c : { PlanColumn::Outcome, PlanColumn::Action, PlanColumn::Who, PlanColumn::Review,
                                  PlanColumn::Contingency, PlanColumn::Progress })
                if (!placeholders.count(c))
                    jargon(row.cell(c), place, s_.format("review.place.planRow", { n }));
        }
        // The plan's one review arrangement and one contingency stand in for empty row cells.
        const std::pair<Topic, bool> arrangements[]
            = { { Topic::PlanReview, planReview || !rowWithoutReview },
                { Topic::Contingency, planContingency || !rowWithoutContingency } };
        for (const auto& [topic, covered] : arrangements)
        {
            const Place place{ Place::Kind::PlanArrangement, {}, static_cast<std::size_t>(topic), 0 };
            const std::string& text = a_.topic(topic);
            if (!covered)
                certain(std::string("review.plan.no.") + jsonName(topic),
                        topic == Topic::PlanReview ? Severity::Error : Severity::Warning, {}, place);
            if (!isBlank(text))
            {
                const char* column = topic == Topic::PlanReview ? "review" : "contingency";
                if (const Judgement j = judgePlanCell(column, text); j.flagged)
                    judgement(std::string("review.plan.placeholder.") + column + "Plan",
                              { quote(j.terms.empty() ? text : j.terms.front()) }, place, j, text);
                jargon(text, place, questionLabel(QuestionKey::of(topic), s_));
            }
        }
        const Place agreed{ Place::Kind::PlanArrangement, {}, static_cast<std::size_t>(Topic::PlanAgreed), 0 };
        if (isBlank(a_.topic(Topic::PlanAgreed)))
            certain("review.plan.no.planAgreed", Severity::Info, {}, agreed);
    }

    void reviewReport(const ReportFacts& report)
    {
        for (std::size_t i = 0; i < report.promptsLeft.size(); ++i)
            certain("review.report.promptLeft", Severity::Warning, { quote(report.promptsLeft[i]) },
                    { Place::Kind::ReportPrompt, {}, i, 0 });
        const Place place{ Place::Kind::Supervision, {}, 0, 0 };
        if (report.supervision.empty())
            certain("review.supervision.none", Severity::Warning, {}, place);
        else if (std::all_of(report.supervision.begin(), report.supervision.end(),
                             [](const SupervisionEntry& e) { return isBlank(e.influence); }))
            certain("review.supervision.noInfluence", Severity::Warning, {}, place);
    }

    std::string joinList(const std::vector<std::string>& parts) const
    {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i)
        {
            if (i)
                out += i + 1 == parts.size() ? s_.get("review.list.and") : s_.get("review.list.separator");
            out += parts[i];
        }
        return out;
    }

    const Analysis& a_;
    const ReviewOptions& options_;
    const Strings& s_;
    const Composer compose_;
    std::vector<Finding> findings_;
};

int monthNumber(const std::string& word)
{
    const std::string l = lower(word);
    // The full name or an abbreviation of three letters or more ("Sep", "Sept").
    for (int m = 0; m < 12; ++m)
        if (l == monthNames[m] || (l.size() >= 3 && std::string(monthNames[m]).compare(0, l.size(), l) == 0))
            return m + 1;
    return 0;
}

std::string isoDate(int y, int m, int d)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return {};
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return {};
    auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

std::vector<std::string> tokens(const std::string& text)
{
    std::vector<std::string> out;
    std::string current;
    for (char c : text)
    {
        if (std::isalnum(static_cast<unsigned char>(c)))
            current += c;
        else
        {
            if (!current.empty())
                out.push_back(current);
            current.clear();
            if (c == '/' || c == '-' || c == '.')
                out.push_back(c == '.' ? std::string("/") : std::string(1, c)); // 01.03.2027 as 01/03/2027
        }
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}

bool isNumber(const std::string& s)
{
    return !s.empty() && s.size() <= 4
           && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string stripOrdinal(const std::string& s)
{
    for (const char* suffix : { "st", "nd", "rd", "th" })
        if (s.size() > 2 && lower(s.substr(s.size() - 2)) == suffix && isNumber(s.substr(0, s.size() - 2)))
            return s.substr(0, s.size() - 2);
    return s;
}
} // namespace

const char* severityName(Severity severity)
{
    switch (severity)
    {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Info:
            return "info";
    }
    return "info";
}

std::string parseDate(const std::string& text)
{
    // The first date in the cell, wherever it stands ("by 01/03/2027", "Monday 1 March 2027 at
    // the core group"); a relative timescale ("within 10 working days of the ICPC") is none, and
    // so is a date something starts from ("From 3 November 2026, every school day").
    const std::vector<std::string> t = tokens(text);
    const auto startsFrom = [](const std::string& word) {
        const std::string w = lower(word);
        return w == "from" || w == "since" || w == "starting" || w == "beginning" || w == "commencing";
    };
    for (std::size_t i = 0; i + 5 <= t.size(); ++i)
    {
        if (i > 0 && startsFrom(t[i - 1]))
            continue;
        const std::string* w = &t[i];
        // 2027-03-01
        if (w[1] == "-" && w[3] == "-" && isNumber(w[0]) && w[0].size() == 4 && isNumber(w[2]) && isNumber(w[4]))
            return isoDate(std::stoi(w[0]), std::stoi(w[2]), std::stoi(w[4]));
        // 1/3/2027, 01.03.27 (day first)
        if (w[1] == "/" && w[3] == "/" && isNumber(w[0]) && isNumber(w[2]) && isNumber(w[4]) && w[0].size() <= 2
            && w[2].size() <= 2 && (w[4].size() == 2 || w[4].size() == 4))
        {
            int y = std::stoi(w[4]);
            if (w[4].size() == 2)
                y += 2000;
            return isoDate(y, std::stoi(w[2]), std::stoi(w[0]));
        }
    }
    // [weekday] 1 March 2027, 1st March 2027, March 2027, the end of March 2027
    std::vector<std::string> words;
    std::vector<bool> afterEnd; // "end" came before this word
    bool endOf = false;
    for (const std::string& w : t)
    {
        if (lower(w) == "end")
            endOf = true;
        if (w != "-" && w != "/" && lower(w) != "of" && lower(w) != "by" && lower(w) != "end" && lower(w) != "the")
        {
            words.push_back(stripOrdinal(w));
            afterEnd.push_back(endOf);
        }
    }
    for (std::size_t j = 1; j < words.size(); ++j)
    {
        if (!isNumber(words[j]) || words[j].size() != 4)
            continue;
        const int year = std::stoi(words[j]);
        const int month = monthNumber(words[j - 1]);
        if (!month)
            continue;
        const bool withDay = j >= 2 && isNumber(words[j - 2]);
        const std::size_t first = withDay ? j - 2 : j - 1;
        if (first > 0 && startsFrom(words[first - 1]))
            continue;
        if (withDay)
            return isoDate(year, month, std::stoi(words[j - 2]));
        if (afterEnd[j - 1])
        {
            for (int day = 31; day >= 28; --day)
                if (!isoDate(year, month, day).empty())
                    return isoDate(year, month, day);
        }
        return isoDate(year, month, 1);
    }
    return {};
}

namespace
{
/// Whether a "done" word at the start of a progress cell ends there as a report of the row being
/// done: at the end, before punctuation, a date or number, or "on", "in", "by", "at", "and"
/// ("Done 3/3", "Completed on 4 March", "Met, attendance 97%"); the joining words are data
/// (review.words.doneJoining). "Met with Mum ..." and "Complete the form ..." are not a row done.
bool doneWordEnds(const std::string& l, std::size_t at, const std::string& joiningWords)
{
    if (at >= l.size())
        return true;
    const auto c = static_cast<unsigned char>(l[at]);
    if (std::isalpha(c))
        return false;
    if (c != ' ' && c != '\t')
        return true; // punctuation, a dash, a line break
    std::size_t next = at;
    while (next < l.size() && (l[next] == ' ' || l[next] == '\t'))
        ++next;
    if (next >= l.size() || !std::isalpha(static_cast<unsigned char>(l[next])))
        return true;
    std::size_t end = next;
    while (end < l.size() && std::isalpha(static_cast<unsigned char>(l[end])))
        ++end;
    return ("," + joiningWords + ",").find("," + l.substr(next, end - next) + ",") != std::string::npos;
}
} // namespace

bool progressDone(const std::string& text, const Strings& strings)
{
    std::string l = lower(text);
    // Spaces, tabs, line breaks and no-break spaces before the word do not hide it.
    std::size_t first = 0;
    while (first < l.size())
    {
        if (l[first] == ' ' || l[first] == '\t' || l[first] == '\n' || l[first] == '\r')
            ++first;
        else if (l.compare(first, 2, "\xC2\xA0") == 0)
            first += 2;
        else
            break;
    }
    l.erase(0, first);
    const std::string words = strings.get("review.words.done");
    const std::string joining = strings.has("review.words.doneJoining") ? strings.get("review.words.doneJoining")
                                                                        : std::string();
    std::size_t start = 0;
    while (start <= words.size())
    {
        const std::size_t end = std::min(words.find(',', start), words.size());
        const std::string word = words.substr(start, end - start);
        if (!word.empty() && l.compare(0, word.size(), word) == 0 && doneWordEnds(l, word.size(), joining))
            return true;
        start = end + 1;
    }
    return false;
}

std::string reviewCommentText(const Finding& finding, const Strings& strings)
{
    return strings.get("review.commentPrefix") + finding.message + (finding.reason.empty() ? "" : " " + finding.reason)
           + " (" + finding.standard + ")";
}

const char* findingKindName(FindingKind kind) { return kind == FindingKind::Judgement ? "judgement" : "certain"; }

std::vector<Finding> review(const Analysis& analysis, const ReviewOptions& options, const Strings& strings)
{
    return Reviewer(analysis, options, strings).run();
}

void validateSupervisionEntry(const SupervisionEntry& entry, const Strings& strings)
{
    const std::pair<const char*, const std::string*> fields[]
        = { { "date", &entry.date },           { "reviewer", &entry.reviewer },   { "discussed", &entry.discussed },
            { "influence", &entry.influence }, { "decisions", &entry.decisions }, { "actions", &entry.actions } };
    for (const auto& [name, text] : fields)
    {
        if (codePointCount(*text) > 20000)
            throw InputError(strings.format("error.tooLong", { name, std::to_string(codePointCount(*text)), "20000" }));
        if (const auto bad = firstForbiddenCodePoint(*text); bad && *bad != '\n')
            throw InputError(strings.format("error.controlChar", { name, std::to_string(*bad) }));
    }
    if (isBlank(entry.discussed) && isBlank(entry.influence) && isBlank(entry.decisions) && isBlank(entry.actions))
        throw InputError(strings.get("error.emptySupervision"));
}

SupervisionEntry parseSupervisionEntry(std::string_view text, const Strings& strings)
{
    namespace json = boost::json;
    boost::system::error_code ec;
    json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
    if (ec)
        throw InputError(strings.format("error.supervisionJson", { ec.message() }));
    if (!root.is_object())
        throw InputError(strings.format("error.notObject", { "The supervision entry" }));
    SupervisionEntry entry;
    std::pair<const char*, std::string*> fields[]
        = { { "date", &entry.date },           { "reviewer", &entry.reviewer },   { "discussed", &entry.discussed },
            { "influence", &entry.influence }, { "decisions", &entry.decisions }, { "actions", &entry.actions } };
    for (const auto& member : root.get_object())
    {
        bool known = false;
        for (auto& [name, target] : fields)
            if (member.key() == name)
            {
                known = true;
                if (!member.value().is_string())
                    throw InputError(strings.format("error.notString", { name }));
                *target = std::string(member.value().get_string());
            }
        if (!known)
            throw InputError(strings.format("error.unknownField", { truncateUtf8(std::string(member.key()), 40) }));
    }
    validateSupervisionEntry(entry, strings);
    return entry;
}

std::string findingsToJson(const std::vector<Finding>& findings)
{
    namespace json = boost::json;
    static const char* const kinds[] = { "analysis", "issueTitle", "issuePart", "listItem",     "topic",
                                         "adult",    "planRow",    "plan",      "reportPrompt", "supervision" };
    json::array out;
    for (const Finding& f : findings)
    {
        json::object place;
        place["kind"] = kinds[static_cast<std::size_t>(f.place.kind)];
        switch (f.place.kind)
        {
            case Place::Kind::IssueTitle:
                place["issue"] = f.place.issue;
                break;
            case Place::Kind::IssuePart:
                place["issue"] = f.place.issue;
                place["part"] = jsonName(static_cast<IssuePart>(f.place.index));
                break;
            case Place::Kind::Topic:
            case Place::Kind::PlanArrangement:
                place["topic"] = jsonName(static_cast<Topic>(f.place.index));
                break;
            case Place::Kind::Adult:
                place["adult"] = f.place.issue;
                place["part"] = jsonName(static_cast<AdultPart>(f.place.index));
                break;
            case Place::Kind::ListItem:
                place["list"] = jsonName(static_cast<ListKind>(f.place.index));
                place["item"] = f.place.item;
                break;
            case Place::Kind::PlanRow:
                place["row"] = f.place.index;
                break;
            case Place::Kind::ReportPrompt:
                place["prompt"] = f.place.index;
                break;
            default:
                break;
        }
        json::object o;
        o["rule"] = f.rule;
        o["kind"] = findingKindName(f.kind);
        o["severity"] = severityName(f.severity);
        o["standard"] = f.standard;
        o["message"] = f.message;
        o["reason"] = f.reason;
        o["place"] = std::move(place);
        if (!f.key.empty())
            o["key"] = f.key;
        out.emplace_back(std::move(o));
    }
    return json::serialize(json::object{ { "findings", std::move(out) } });
}

} // namespace aa
