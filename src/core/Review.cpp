#include "Review.hpp"

#include "Catalogue.hpp"
#include "Errors.hpp"
#include "Plan.hpp"
#include "Utf8.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>

namespace aa
{
namespace
{
/// Typographic punctuation (what AutoCorrect types) as its ASCII counterpart, so that it
/// separates words as the plain characters do.
std::string plain(const std::string& s)
{
    static const std::pair<const char*, const char*> map[]
        = { { "\xE2\x80\x98", "'" }, { "\xE2\x80\x99", "'" }, { "\xE2\x80\x9C", "\"" }, { "\xE2\x80\x9D", "\"" },
            { "\xE2\x80\x93", "-" }, { "\xE2\x80\x94", "-" }, { "\xE2\x80\xA6", "..." }, { "\xC2\xA0", " " } };
    std::string out = s;
    for (const auto& [from, to] : map)
        for (std::size_t pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + std::strlen(to)))
            out.replace(pos, std::strlen(from), to);
    return out;
}

std::string lower(const std::string& text)
{
    std::string out = plain(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> list(const Strings& strings, const std::string& key)
{
    std::vector<std::string> out;
    const std::string value = strings.get(key);
    std::size_t start = 0;
    while (start <= value.size())
    {
        const std::size_t end = std::min(value.find(',', start), value.size());
        std::string word = value.substr(start, end - start);
        if (!word.empty())
            out.push_back(word);
        start = end + 1;
    }
    return out;
}

/// Letters, digits, letters of other scripts, and the hyphen: "so-called" is one word.
bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) || c == '-';
}

/// Whether phrase (lower case) occurs in text (lower case) as whole words.
bool containsPhrase(const std::string& text, const std::string& phrase)
{
    for (std::size_t pos = text.find(phrase); pos != std::string::npos; pos = text.find(phrase, pos + 1))
    {
        const bool startOk = pos == 0 || !isWordChar(text[pos - 1]);
        const std::size_t end = pos + phrase.size();
        const bool endOk = end >= text.size() || !isWordChar(text[end]);
        if (startOk && endOk)
            return true;
    }
    return false;
}

bool containsAny(const std::string& lowerText, const std::vector<std::string>& phrases)
{
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](const std::string& p) { return containsPhrase(lowerText, p); });
}

bool blank(const std::string& s) { return isBlank(s); }

std::size_t wordCount(const std::string& s)
{
    std::size_t n = 0;
    bool inWord = false;
    for (char c : s)
    {
        const bool w = !std::isspace(static_cast<unsigned char>(c));
        n += w && !inWord;
        inWord = w;
    }
    return n;
}

std::string quote(const std::string& text) { return truncateUtf8(text, 80) + (text.size() > 80 ? "..." : ""); }

const char* const monthNames[]
    = { "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december" };

class Reviewer
{
public:
    Reviewer(const Analysis& analysis, const ReviewOptions& options, const Strings& strings)
        : a_(analysis), options_(options), s_(strings)
    {
    }

    /// In document order: the analysis as a whole (its heading), the issues, the success
    /// signs, the further questions, the plan.
    std::vector<Finding> run()
    {
        reviewAnalysis();
        for (const Issue& issue : a_.issues)
            reviewIssue(issue);
        reviewSuccessSigns();
        reviewConsiderations();
        reviewPlan();
        return std::move(findings_);
    }

private:
    /// key is the message's resource key, "review." and the rule id.
    void add(const std::string& key, Severity severity, const char* standard,
             const std::vector<std::string>& args, Place place, const std::string& reasonKey = {})
    {
        Finding f;
        f.rule = key.substr(std::string("review.").size());
        f.severity = severity;
        f.standard = standard;
        f.message = s_.format(key, args);
        if (!reasonKey.empty())
            f.reason = s_.get(reasonKey);
        f.place = std::move(place);
        findings_.push_back(std::move(f));
    }

    void reviewIssue(const Issue& issue)
    {
        static const char* const missing[issuePartCount]
            = { "review.issue.noOrigins", "review.issue.noMaintainingFactors", "review.issue.noImpact" };
        if (!hasPlanAction(a_, issue.id))
            add("review.issue.noAction", Severity::Error, "Standard 6", { quote(issue.title) },
                { Place::Kind::IssueTitle, issue.id, 0, 0 });
        const std::vector<std::string> explanation = list(s_, "review.words.explanation");
        for (std::size_t p = 0; p < issuePartCount; ++p)
        {
            Place place{ Place::Kind::IssuePart, issue.id, p, 0 };
            const std::string& text = issue.parts[p];
            const std::string where
                = s_.format(std::string("review.place.") + jsonName(static_cast<IssuePart>(p)), { quote(issue.title) });
            if (blank(text))
                add(missing[p], Severity::Error, "Standard 5", { quote(issue.title) }, place);
            else if (wordCount(text) >= 8 && !containsAny(lower(text), explanation))
                add("review.part.descriptionOnly", Severity::Warning, "Standard 5", { where }, place,
                    "review.part.descriptionOnly.reason");
            jargon(text, place, where);
        }
    }

    void reviewAnalysis()
    {
        const bool childView = std::any_of(a_.issues.begin(), a_.issues.end(), [](const Issue& issue) {
            return std::find(issue.raisedBy.begin(), issue.raisedBy.end(), Voice::Child) != issue.raisedBy.end();
        });
        if (!childView)
            add("review.analysis.noChildView", Severity::Error, "Standard 5", {}, {});
        if (a_.list(ListKind::Strengths).empty())
            add("review.analysis.noStrengths", Severity::Warning, "Standard 5", {}, {});
        if (a_.list(ListKind::SuccessSigns).empty())
            add("review.analysis.noSuccessSigns", Severity::Error, "Standard 6", {}, {});
    }

    void reviewSuccessSigns()
    {
        const auto& signs = a_.list(ListKind::SuccessSigns);
        for (std::size_t i = 0; i < signs.size(); ++i)
            if (!observable(signs[i].text))
                add("review.successSign.notObservable", Severity::Warning, "Standard 6", { quote(signs[i].text) },
                    { Place::Kind::ListItem, {}, static_cast<std::size_t>(ListKind::SuccessSigns), i });
    }

    /// A person, a behaviour, a number or a date: something someone could see happen.
    bool observable(const std::string& text) const
    {
        const std::string l = lower(text);
        if (std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return true;
        for (const char* month : monthNames)
            if (containsPhrase(l, month))
                return true;
        if (containsAny(l, list(s_, "review.words.observable")))
            return true;
        // A name: a capitalised word that does not start the sentence.
        for (std::size_t i = 1; i + 1 < text.size(); ++i)
            if (text[i - 1] == ' ' && std::isupper(static_cast<unsigned char>(text[i])) && i > 2
                && text[i - 2] != '.')
                return true;
        return false;
    }

    void reviewConsiderations()
    {
        static const Consideration required[] = { Consideration::NotKnown, Consideration::ParentsMotivation,
                                                  Consideration::RiskAndProtectiveBalance, Consideration::AbsentFigures };
        for (std::size_t k = 0; k < considerationCount; ++k)
        {
            const auto c = static_cast<Consideration>(k);
            const std::string& text = a_.consideration(c);
            const Place place{ Place::Kind::Consideration, {}, k, 0 };
            const std::string label = s_.get(std::string("part.") + jsonName(c) + ".label");
            if (blank(text) && std::find(std::begin(required), std::end(required), c) != std::end(required))
                add("review.consideration.unanswered", Severity::Warning, "Standard 5 (social care)", { label }, place);
            const std::string l = lower(text);
            if (c == Consideration::ParentsMotivation && !blank(text)
                && containsAny(l, list(s_, "review.words.compliance"))
                && !containsAny(l, list(s_, "review.words.motivation")))
                add("review.motivation.compliance", Severity::Warning, "Standard 5 (social care)", {}, place,
                    "review.motivation.compliance.reason");
            jargon(text, place, label);
        }
    }

    void reviewPlan()
    {
        for (std::size_t i = 0; i < a_.plan.size(); ++i)
        {
            const PlanRow& row = a_.plan[i];
            const std::string n = std::to_string(i + 1);
            const Place place{ Place::Kind::PlanRow, row.cell(PlanColumn::Issue), i, 0 };
            const std::string& issue = row.cell(PlanColumn::Issue);
            if (row.flagged || (!issue.empty() && !a_.findIssue(issue)))
                add("review.plan.orphan", Severity::Error, "Standard 6", { n }, place);
            if (blank(row.cell(PlanColumn::Who)))
                add("review.plan.noOwner", Severity::Error, "Standard 6", { n }, place);
            const std::string& byWhen = row.cell(PlanColumn::ByWhen);
            if (blank(byWhen))
                add("review.plan.noDate", Severity::Error, "Standard 6", { n }, place);
            else
            {
                const std::string date = parseDate(byWhen);
                if (date.empty())
                    add("review.plan.notADate", Severity::Warning, "Standard 6", { n, quote(byWhen) }, place);
                else if (!options_.today.empty() && date < options_.today)
                    add("review.plan.datePassed", Severity::Warning, "Standard 6", { n, quote(byWhen) }, place);
            }
            if (blank(row.cell(PlanColumn::Review)))
                add("review.plan.noReview", Severity::Error, "Standard 6", { n }, place);
            if (blank(row.cell(PlanColumn::Contingency)))
                add("review.plan.noContingency", Severity::Warning, "Standard 6", { n }, place);
        }
    }

    /// Words a family would not understand, and acronyms, once per word per place.
    void jargon(const std::string& raw, const Place& place, const std::string& where)
    {
        std::vector<std::string> words = list(s_, "review.words.jargon");
        for (const std::string& extra : options_.extraJargon)
            if (!isBlank(extra) && std::find(words.begin(), words.end(), lower(extra)) == words.end())
                words.push_back(lower(extra));
        const std::vector<std::string> allowed = list(s_, "review.words.acronymsAllowed");
        const std::string text = plain(raw);
        const std::string l = lower(text);
        std::set<std::string> seen;
        for (const std::string& word : words)
            if (containsPhrase(l, word) && seen.insert(word).second)
                add("review.jargon", Severity::Info, "Standard 7", { where, word }, place);
        // Acronyms: words of 2 to 6 capitals (and digits) not on the allowed list.
        std::size_t i = 0;
        while (i < text.size())
        {
            while (i < text.size() && !isWordChar(text[i]))
                ++i;
            std::size_t j = i;
            while (j < text.size() && isWordChar(text[j]))
                ++j;
            const std::string word = text.substr(i, j - i);
            const bool caps = word.size() >= 2 && word.size() <= 6
                              && std::all_of(word.begin(), word.end(), [](char c) {
                                     return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
                                 })
                              && std::any_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
            if (caps && std::find(allowed.begin(), allowed.end(), word) == allowed.end() && seen.insert(lower(word)).second)
                add("review.jargon", Severity::Info, "Standard 7", { where, word }, place);
            i = j;
        }
    }

    const Analysis& a_;
    const ReviewOptions& options_;
    const Strings& s_;
    std::vector<Finding> findings_;
};

int monthNumber(const std::string& word)
{
    const std::string l = lower(word);
    for (int m = 0; m < 12; ++m)
        if (l == monthNames[m] || (l.size() >= 3 && std::string(monthNames[m]).compare(0, l.size(), l) == 0 && l.size() == 3))
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
            if (c == '/' || c == '-')
                out.push_back(std::string(1, c));
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
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "info";
}

std::string parseDate(const std::string& text)
{
    const std::vector<std::string> t = tokens(text);
    // 2027-03-01
    if (t.size() == 5 && t[1] == "-" && t[3] == "-" && isNumber(t[0]) && t[0].size() == 4 && isNumber(t[2]) && isNumber(t[4]))
        return isoDate(std::stoi(t[0]), std::stoi(t[2]), std::stoi(t[4]));
    // 1/3/2027 (day first)
    if (t.size() == 5 && t[1] == "/" && t[3] == "/" && isNumber(t[0]) && isNumber(t[2]) && isNumber(t[4]))
    {
        int y = std::stoi(t[4]);
        if (t[4].size() == 2)
            y += 2000;
        return isoDate(y, std::stoi(t[2]), std::stoi(t[0]));
    }
    // [weekday] 1 March 2027, 1st March 2027, March 2027
    std::vector<std::string> words;
    bool endOf = false;
    for (const std::string& w : t)
    {
        endOf = endOf || lower(w) == "end";
        if (w != "-" && w != "/" && lower(w) != "of" && lower(w) != "by" && lower(w) != "end")
            words.push_back(stripOrdinal(w));
    }
    if (words.size() >= 2 && isNumber(words.back()) && words.back().size() == 4)
    {
        const int year = std::stoi(words.back());
        const int month = monthNumber(words[words.size() - 2]);
        if (month && words.size() >= 3 && isNumber(words[words.size() - 3]))
            return isoDate(year, month, std::stoi(words[words.size() - 3]));
        if (month && endOf)
        {
            for (int day = 31; day >= 28; --day)
                if (!isoDate(year, month, day).empty())
                    return isoDate(year, month, day);
        }
        if (month)
            return isoDate(year, month, 1);
    }
    return {};
}

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
    if (blank(entry.discussed) && blank(entry.influence) && blank(entry.decisions) && blank(entry.actions))
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
    std::pair<const char*, std::string*> fields[] = { { "date", &entry.date },           { "reviewer", &entry.reviewer },
                                                      { "discussed", &entry.discussed }, { "influence", &entry.influence },
                                                      { "decisions", &entry.decisions }, { "actions", &entry.actions } };
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
    static const char* const kinds[] = { "analysis", "issueTitle", "issuePart", "listItem", "consideration", "planRow" };
    json::array out;
    for (const Finding& f : findings)
    {
        json::object place;
        place["kind"] = kinds[static_cast<std::size_t>(f.place.kind)];
        if (!f.place.issue.empty())
            place["issue"] = f.place.issue;
        switch (f.place.kind)
        {
            case Place::Kind::IssuePart: place["part"] = jsonName(static_cast<IssuePart>(f.place.index)); break;
            case Place::Kind::Consideration:
                place["consideration"] = jsonName(static_cast<Consideration>(f.place.index));
                break;
            case Place::Kind::ListItem:
                place["list"] = jsonName(static_cast<ListKind>(f.place.index));
                place["item"] = f.place.item;
                break;
            case Place::Kind::PlanRow: place["row"] = f.place.index; break;
            default: break;
        }
        json::object o;
        o["rule"] = f.rule;
        o["severity"] = severityName(f.severity);
        o["standard"] = f.standard;
        o["message"] = f.message;
        o["reason"] = f.reason;
        o["place"] = std::move(place);
        out.emplace_back(std::move(o));
    }
    return json::serialize(json::object{ { "findings", std::move(out) } });
}

} // namespace aa
