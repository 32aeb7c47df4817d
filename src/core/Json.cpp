#include "Json.hpp"

#include "Catalogue.hpp"
#include "Errors.hpp"
#include "Utf8.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace aa
{
namespace
{
namespace json = boost::json;

std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

std::string hex(char32_t code)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4)
        s += digits[(code >> shift) & 0xF];
    return s;
}

/// Checks of texts and ids shared by the JSON walkers and validateAnalysis.
class Checks
{
public:
    Checks(const Strings& strings, ParseMode mode) : strings_(strings), mode_(mode) {}

    [[noreturn]] void fail(const std::string& key, const std::vector<std::string>& args) const
    {
        throw InputError(strings_.format(key, args));
    }

    /// A text: length, control characters, and one paragraph where one is expected.
    void text(const std::string& s, const std::string& path, bool multiParagraph) const
    {
        const std::size_t chars = codePointCount(s);
        if (chars > Limits::maxTextChars)
            fail("error.tooLong", { path, std::to_string(chars), std::to_string(Limits::maxTextChars) });
        if (const auto bad = firstForbiddenCodePoint(s))
            fail("error.controlChar", { path, "U+" + hex(*bad) });
        if (!multiParagraph && s.find('\n') != std::string::npos)
            fail("error.newline", { path });
    }

    /// A one-paragraph text that insert needs (a title, a name, an item's text).
    void required(const std::string& s, const std::string& path) const
    {
        text(s, path, false);
        if (mode_ == ParseMode::Insert && isBlank(s))
            fail("error.empty", { path });
    }

    void id(const std::string& s, const std::string& path) const
    {
        if (!isValidId(s))
            fail("error.badId", { path });
    }

    ParseMode mode() const { return mode_; }
    const Strings& strings() const { return strings_; }

private:
    const Strings& strings_;
    ParseMode mode_;
};

/// Walks a parsed JSON document, turning every problem of form into an InputError with a path.
class Walker
{
public:
    explicit Walker(const Checks& checks) : c_(checks) {}

    const json::object& object(const json::value& v, const std::string& path) const
    {
        if (!v.is_object())
            c_.fail("error.notObject", { path });
        return v.get_object();
    }

    const json::array& array(const json::value& v, const std::string& path, std::size_t max) const
    {
        if (!v.is_array())
            c_.fail("error.notArray", { path });
        const json::array& a = v.get_array();
        if (a.size() > max)
            c_.fail("error.tooMany", { path, std::to_string(a.size()), std::to_string(max) });
        return a;
    }

    void allowOnly(const json::object& obj, const std::string& prefix, const std::vector<std::string>& names) const
    {
        for (const auto& entry : obj)
        {
            const std::string key(entry.key());
            if (std::find(names.begin(), names.end(), key) == names.end())
                c_.fail("error.unknownField", { prefix + truncateUtf8(key, 40) });
        }
    }

    std::string string(const json::value& v, const std::string& path) const
    {
        if (!v.is_string())
            c_.fail("error.notString", { path });
        const json::string& s = v.get_string();
        return unixLineBreaks(std::string_view(s.data(), s.size()));
    }

    /// A text: its form here, and its content checked as every text is.
    std::string text(const json::value& v, const std::string& path, bool multiParagraph) const
    {
        std::string out = string(v, path);
        c_.text(out, path, multiParagraph);
        return out;
    }

    std::string optionalText(const json::object& obj, const std::string& key, const std::string& prefix,
                             bool multiParagraph) const
    {
        const json::value* v = obj.if_contains(key);
        return v ? text(*v, prefix + key, multiParagraph) : std::string();
    }

    std::string requiredString(const json::object& obj, const std::string& key, const std::string& prefix) const
    {
        const json::value* v = obj.if_contains(key);
        if (!v)
            c_.fail("error.missing", { prefix + key });
        return string(*v, prefix + key);
    }

    bool optionalBool(const json::object& obj, const std::string& key, const std::string& prefix) const
    {
        const json::value* v = obj.if_contains(key);
        if (!v)
            return false;
        if (!v->is_bool())
            c_.fail("error.notBool", { prefix + key });
        return v->get_bool();
    }

    /// A list of ids (any ids: what they refer to is checked later). Repeats are kept, so that a
    /// message names an entry by its place in the JSON; dropRepeats() removes them once checked.
    std::vector<std::string> ids(const json::object& obj, const std::string& key, const std::string& prefix,
                                 std::size_t max) const
    {
        std::vector<std::string> refs;
        const json::value* v = obj.if_contains(key);
        if (!v)
            return refs;
        const json::array& a = array(*v, prefix + key, max);
        for (std::size_t i = 0; i < a.size(); ++i)
            refs.push_back(string(a[i], at(prefix + key, i)));
        return refs;
    }

    /// Voice names into voices; the names the walker does not know are handed to other.
    template <typename Other>
    std::vector<Voice> voices(const json::object& obj, const std::string& prefix, Other other) const
    {
        std::vector<Voice> voices;
        const json::value* raisedBy = obj.if_contains("raisedBy");
        if (!raisedBy)
            return voices;
        const json::array& names = array(*raisedBy, prefix + "raisedBy", 20);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < names.size(); ++i)
        {
            const std::string path = at(prefix + "raisedBy", i);
            const std::string name = string(names[i], path);
            if (!seen.insert(name).second)
                c_.fail("error.duplicateVoice", { prefix + "raisedBy", truncateUtf8(name, 40) });
            std::size_t found = voiceCount;
            for (std::size_t k = 0; k < voiceCount; ++k)
                if (name == jsonName(static_cast<Voice>(k)))
                    found = k;
            if (found < voiceCount)
                voices.push_back(static_cast<Voice>(found));
            else
                other(name, path);
        }
        std::sort(voices.begin(), voices.end());
        return voices;
    }

    const Checks& checks() const { return c_; }

private:
    const Checks& c_;
};

/// refs with only the first of each id.
void dropRepeats(std::vector<std::string>& refs)
{
    std::set<std::string> seen;
    std::vector<std::string> kept;
    for (std::string& id : refs)
        if (seen.insert(id).second)
            kept.push_back(std::move(id));
    refs = std::move(kept);
}

/// Every list of references in the analysis without repeats.
void dropRepeats(Analysis& a)
{
    for (Issue& issue : a.issues)
        dropRepeats(issue.raisedByAdults);
    for (std::vector<Item>& list : a.lists)
        for (Item& item : list)
        {
            dropRepeats(item.issues);
            dropRepeats(item.adults);
            dropRepeats(item.items);
        }
    for (PlanRow& row : a.plan)
        dropRepeats(row.issues);
}

/// Who identified an issue lists the adults in the analysis's order, as the document reader
/// returns them (Analysis.hpp).
void sortAdultRefs(Analysis& a)
{
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < a.adults.size(); ++i)
        order.emplace(a.adults[i].id, i);
    const auto rank = [&](const std::string& id) {
        const auto it = order.find(id);
        return it == order.end() ? order.size() : it->second;
    };
    for (Issue& issue : a.issues)
        std::stable_sort(issue.raisedByAdults.begin(), issue.raisedByAdults.end(),
                         [&](const std::string& x, const std::string& y) { return rank(x) < rank(y); });
}

/// Gives the "what needs to happen" items without an id their autoHelpId(); a repeated id is an
/// error (path: the list's name in the JSON).
void assignHelpIds(std::vector<Item>& items, const std::string& listPath, const Checks& c)
{
    HelpIdAllocator ids;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!items[i].id.empty() && !ids.take(items[i].id))
            c.fail("error.duplicateId", { at(listPath, i) + ".id", items[i].id });
    for (Item& item : items)
        if (item.id.empty())
            item.id = ids.allocate(item.text);
}

/// Schema 1, the released version's: read with its own field names (so messages name them) and
/// upgraded to the current model.
class Schema1
{
public:
    explicit Schema1(const Walker& w) : w_(w), c_(w.checks()) {}

    Analysis read(const json::object& obj)
    {
        w_.allowOnly(
            obj, "",
            { "schema", "issues", "strengths", "whatWouldHelp", "successSigns", "considerations", "plan", "unplaced" });
        Analysis result;
        const json::value* issues = obj.if_contains("issues");
        if (!issues)
            c_.fail("error.missing", { "issues" });
        const json::array& issueArray = w_.array(*issues, "issues", Limits::maxIssues);
        if (issueArray.empty())
            c_.fail("error.noIssues", {});
        for (std::size_t i = 0; i < issueArray.size(); ++i)
        {
            Issue issue = this->issue(issueArray[i], at("issues", i));
            if (!ids_.insert(issue.id).second)
                c_.fail("error.duplicateId", { at("issues", i) + ".id", issue.id });
            result.issues.push_back(std::move(issue));
        }
        const char* lists[] = { "strengths", "whatWouldHelp", "successSigns" };
        for (std::size_t k = 0; k < listKindCount; ++k)
            if (const json::value* list = obj.if_contains(lists[k]))
            {
                const json::array& items = w_.array(*list, lists[k], Limits::maxItems);
                for (std::size_t i = 0; i < items.size(); ++i)
                    result.lists[k].push_back(item(items[i], at(lists[k], i), k == 1));
            }
        assignHelpIds(result.list(ListKind::WhatNeedsToHappen), "whatWouldHelp", c_);
        std::set<std::string> helpIds;
        for (const Item& item : result.list(ListKind::WhatNeedsToHappen))
            helpIds.insert(item.id);

        std::string parents[2];
        if (const json::value* considerations = obj.if_contains("considerations"))
        {
            const json::object& co = w_.object(*considerations, "considerations");
            const std::pair<const char*, std::string*> fields[] = {
                { "riskAndProtectiveBalance", &result.topic(Topic::RiskAndProtectiveBalance) },
                { "parentsMotivation", &parents[1] },
                { "notKnown", &result.topic(Topic::NotKnown) },
                { "absentFigures", &result.topic(Topic::AbsentFigures) },
                { "childUnderstanding", &result.topic(Topic::ChildExperience) },
                { "parentsUnderstanding", &parents[0] },
                { "culturalAndLanguage", &result.topic(Topic::CulturalAndLanguage) },
                { "patterns", &result.topic(Topic::Patterns) },
            };
            std::vector<std::string> names;
            for (const auto& [name, target] : fields)
                names.emplace_back(name);
            w_.allowOnly(co, "considerations.", names);
            for (const auto& [name, target] : fields)
                *target = w_.optionalText(co, name, "considerations.", true);
        }

        if (const json::value* plan = obj.if_contains("plan"))
        {
            result.hasPlan = true;
            const json::array& rows = w_.array(*plan, "plan", Limits::maxItems);
            for (std::size_t i = 0; i < rows.size(); ++i)
                result.plan.push_back(planRow(rows[i], at("plan", i), helpIds));
        }
        if (const json::value* unplaced = obj.if_contains("unplaced"))
        {
            const json::array& texts = w_.array(*unplaced, "unplaced", Limits::maxItems);
            for (std::size_t i = 0; i < texts.size(); ++i)
                result.unplaced.push_back(w_.text(texts[i], at("unplaced", i), true));
        }
        upgradeAdults(result, parents);
        return result;
    }

private:
    Issue issue(const json::value& v, const std::string& path)
    {
        const json::object& obj = w_.object(v, path);
        const std::string prefix = path + ".";
        w_.allowOnly(obj, prefix, { "id", "title", "raisedBy", "origins", "maintainingFactors", "impactOnChild" });
        Issue issue;
        issue.id = w_.requiredString(obj, "id", prefix);
        c_.id(issue.id, prefix + "id");
        issue.title = w_.requiredString(obj, "title", prefix);
        c_.required(issue.title, prefix + "title");
        const std::size_t index = legacyVoices_.size();
        legacyVoices_.emplace_back();
        issue.raisedBy = w_.voices(obj, prefix, [&](const std::string& name, const std::string& vpath) {
            if (name == "parents")
                legacyVoices_[index].first = true;
            else if (name == "significantAdults")
                legacyVoices_[index].second = true;
            else
                c_.fail("error.unknownVoice1", { vpath, truncateUtf8(name, 40) });
        });
        for (IssuePart p : { IssuePart::Origins, IssuePart::MaintainingFactors, IssuePart::ImpactOnChild })
            issue.part(p) = w_.optionalText(obj, jsonName(p), prefix, true);
        return issue;
    }

    std::vector<std::string> issueRefs(const json::object& obj, const std::string& prefix)
    {
        std::vector<std::string> refs = w_.ids(obj, "issues", prefix, Limits::maxIssues);
        for (std::size_t i = 0; i < refs.size(); ++i)
            if (!ids_.count(refs[i]))
                c_.fail("error.unknownIssue", { at(prefix + "issues", i), truncateUtf8(refs[i], 40) });
        return refs;
    }

    Item item(const json::value& v, const std::string& path, bool withId)
    {
        const json::object& obj = w_.object(v, path);
        const std::string prefix = path + ".";
        if (withId)
            w_.allowOnly(obj, prefix, { "id", "text", "issues" });
        else
            w_.allowOnly(obj, prefix, { "text", "issues" });
        Item item;
        item.text = w_.requiredString(obj, "text", prefix);
        c_.required(item.text, prefix + "text");
        if (obj.if_contains("issues"))
            item.issues = issueRefs(obj, prefix);
        if (obj.if_contains("id"))
        {
            item.id = w_.requiredString(obj, "id", prefix);
            c_.id(item.id, prefix + "id");
        }
        return item;
    }

    PlanRow planRow(const json::value& v, const std::string& path, const std::set<std::string>& helpIds)
    {
        const json::object& obj = w_.object(v, path);
        const std::string prefix = path + ".";
        w_.allowOnly(
            obj, prefix,
            { "issue", "outcome", "action", "who", "priority", "byWhen", "review", "contingency", "help", "flagged" });
        PlanRow row;
        for (PlanColumn c : { PlanColumn::Outcome, PlanColumn::Action, PlanColumn::Who, PlanColumn::Priority,
                              PlanColumn::ByWhen, PlanColumn::Review, PlanColumn::Contingency })
            row.cell(c) = w_.optionalText(obj, jsonName(c), prefix, true);
        if (obj.if_contains("issue"))
        {
            const std::string id = w_.requiredString(obj, "issue", prefix);
            if (!id.empty())
            {
                c_.id(id, prefix + "issue");
                if (c_.mode() == ParseMode::Insert && !ids_.count(id))
                    c_.fail("error.unknownIssue", { prefix + "issue", truncateUtf8(id, 40) });
                row.issues.push_back(id);
            }
        }
        if (obj.if_contains("help"))
        {
            row.help = w_.requiredString(obj, "help", prefix);
            if (!row.help.empty())
            {
                c_.id(row.help, prefix + "help");
                if (c_.mode() == ParseMode::Insert && !helpIds.count(row.help))
                    c_.fail("error.unknownItem", { prefix + "help", truncateUtf8(row.help, 40) });
            }
        }
        row.flagged = w_.optionalBool(obj, "flagged", prefix);
        return row;
    }

    /// The adults of schema 1's voices and answers, as the document reader makes them.
    void upgradeAdults(Analysis& result, const std::string (&parents)[2]) const
    {
        bool parentsVoice = false, othersVoice = false;
        for (const auto& [p, o] : legacyVoices_)
        {
            parentsVoice = parentsVoice || p;
            othersVoice = othersVoice || o;
        }
        const Strings& s = c_.strings();
        if (parentsVoice || !parents[0].empty() || !parents[1].empty())
        {
            Adult adult;
            adult.id = "parents";
            adult.name = s.get("adult.legacy.parents");
            adult.part(AdultPart::Understanding) = parents[0];
            adult.part(AdultPart::Motivation) = parents[1];
            result.adults.push_back(std::move(adult));
        }
        if (othersVoice)
        {
            Adult adult;
            adult.id = "otherAdults";
            adult.name = s.get("adult.legacy.significantAdults");
            result.adults.push_back(std::move(adult));
        }
        for (std::size_t i = 0; i < result.issues.size(); ++i)
        {
            if (legacyVoices_[i].first)
                result.issues[i].raisedByAdults.push_back("parents");
            if (legacyVoices_[i].second)
                result.issues[i].raisedByAdults.push_back("otherAdults");
        }
    }

    const Walker& w_;
    const Checks& c_;
    std::set<std::string> ids_;
    std::vector<std::pair<bool, bool>> legacyVoices_; ///< per issue: parents, significant adults
};

/// Schema 2: its form here; what it says is checked by validateAnalysis.
class Schema2
{
public:
    explicit Schema2(const Walker& w) : w_(w), c_(w.checks()) {}

    Analysis read(const json::object& obj)
    {
        w_.allowOnly(obj, "",
                     { "schema", "safety", "childExperience", "issues", "weighingUp", "adults", "strengths",
                       "whatNeedsToHappen", "successSigns", "recommendation", "plan", "unplaced" });
        Analysis result;
        result.topic(Topic::Safety) = w_.optionalText(obj, "safety", "", true);
        result.topic(Topic::ChildExperience) = w_.optionalText(obj, "childExperience", "", true);
        result.topic(Topic::Recommendation) = w_.optionalText(obj, "recommendation", "", true);
        const json::value* issues = obj.if_contains("issues");
        if (!issues)
            c_.fail("error.missing", { "issues" });
        const json::array& issueArray = w_.array(*issues, "issues", Limits::maxIssues);
        for (std::size_t i = 0; i < issueArray.size(); ++i)
            result.issues.push_back(issue(issueArray[i], at("issues", i)));
        if (const json::value* adults = obj.if_contains("adults"))
        {
            const json::array& a = w_.array(*adults, "adults", Limits::maxAdults);
            for (std::size_t i = 0; i < a.size(); ++i)
                result.adults.push_back(adult(a[i], at("adults", i)));
        }
        if (const json::value* weighing = obj.if_contains("weighingUp"))
        {
            const json::object& wo = w_.object(*weighing, "weighingUp");
            std::vector<std::string> names;
            for (Topic t : weighingTopics())
                names.emplace_back(jsonName(t));
            w_.allowOnly(wo, "weighingUp.", names);
            for (Topic t : weighingTopics())
                result.topic(t) = w_.optionalText(wo, jsonName(t), "weighingUp.", true);
        }
        const std::vector<std::string> fields[listKindCount] = { { "text", "issues", "adults" },
                                                                 { "id", "text", "issues", "must", "ifNot" },
                                                                 { "text", "items", "issues" } };
        for (std::size_t k = 0; k < listKindCount; ++k)
        {
            const char* name = jsonName(static_cast<ListKind>(k));
            if (const json::value* list = obj.if_contains(name))
            {
                const json::array& items = w_.array(*list, name, Limits::maxItems);
                for (std::size_t i = 0; i < items.size(); ++i)
                    result.lists[k].push_back(item(items[i], at(name, i), fields[k]));
            }
        }
        assignHelpIds(result.list(ListKind::WhatNeedsToHappen), "whatNeedsToHappen", c_);
        if (const json::value* plan = obj.if_contains("plan"))
        {
            const json::object& po = w_.object(*plan, "plan");
            w_.allowOnly(po, "plan.", { "rows", "review", "contingency", "agreed" });
            result.topic(Topic::PlanReview) = w_.optionalText(po, "review", "plan.", true);
            result.topic(Topic::Contingency) = w_.optionalText(po, "contingency", "plan.", true);
            result.topic(Topic::PlanAgreed) = w_.optionalText(po, "agreed", "plan.", true);
            if (const json::value* rows = po.if_contains("rows"))
            {
                result.hasPlan = true;
                const json::array& a = w_.array(*rows, "plan.rows", Limits::maxItems);
                for (std::size_t i = 0; i < a.size(); ++i)
                    result.plan.push_back(planRow(a[i], at("plan.rows", i)));
            }
        }
        if (const json::value* unplaced = obj.if_contains("unplaced"))
        {
            const json::array& texts = w_.array(*unplaced, "unplaced", Limits::maxItems);
            for (std::size_t i = 0; i < texts.size(); ++i)
                result.unplaced.push_back(w_.text(texts[i], at("unplaced", i), true));
        }
        return result;
    }

    static std::vector<Topic> weighingTopics()
    {
        return { Topic::RiskAndProtectiveBalance, Topic::NotKnown, Topic::AbsentFigures, Topic::CulturalAndLanguage,
                 Topic::Patterns };
    }

private:
    Issue issue(const json::value& v, const std::string& path) const
    {
        const json::object& obj = w_.object(v, path);
        const std::string prefix = path + ".";
        w_.allowOnly(obj, prefix,
                     { "id", "title", "raisedBy", "raisedByAdults", "origins", "maintainingFactors", "impactOnChild",
                       "explanation" });
        Issue issue;
        issue.id = w_.requiredString(obj, "id", prefix);
        issue.title = w_.requiredString(obj, "title", prefix);
        issue.raisedBy = w_.voices(obj, prefix, [&](const std::string& name, const std::string& vpath) {
            c_.fail("error.unknownVoice", { vpath, truncateUtf8(name, 40) });
        });
        issue.raisedByAdults = w_.ids(obj, "raisedByAdults", prefix, Limits::maxAdults);
        for (std::size_t p = 0; p < issuePartCount; ++p)
            issue.parts[p] = w_.optionalText(obj, jsonName(static_cast<IssuePart>(p)), prefix, true);
        return issue;
    }

    Adult adult(const json::value& v, const std::string& path) const
    {
        const json::object& obj = w_.object(v, path);
        const std::string prefix = path + ".";
        w_.allowOnly(obj, prefix, { "id", "name", "relationship", "understanding", "motivation" });
        Adult adult;
        adult.id = w_.requiredString(obj, "id", prefix);
        adult.name = w_.requiredString(obj, "name", prefix);
        adult.relationship = w_.optionalText(obj, "relationship", prefix, false);
        adult.part(AdultPart::Understanding) = w_.optionalText(obj, "understanding", prefix, true);
        adult.part(AdultPart::Motivation) = w_.optionalText(obj, "motivation", prefix, true);
        return adult;
    }

    Item item(const json::value& v, const std::string& path, const std::vector<std::string>& fields) const
    {
        const json::object& obj = w_.object(v, path);
        const std::string prefix = path + ".";
        w_.allowOnly(obj, prefix, fields);
        Item item;
        item.text = w_.requiredString(obj, "text", prefix);
        item.issues = w_.ids(obj, "issues", prefix, Limits::maxIssues);
        item.adults = w_.ids(obj, "adults", prefix, Limits::maxAdults);
        item.items = w_.ids(obj, "items", prefix, Limits::maxItems);
        if (obj.if_contains("id"))
        {
            // Checked here: assignHelpIds would take an empty id for none and give one.
            item.id = w_.requiredString(obj, "id", prefix);
            c_.id(item.id, prefix + "id");
        }
        item.must = w_.optionalBool(obj, "must", prefix);
        item.ifNot = w_.optionalText(obj, "ifNot", prefix, false);
        return item;
    }

    PlanRow planRow(const json::value& v, const std::string& path) const
    {
        const json::object& obj = w_.object(v, path);
        const std::string prefix = path + ".";
        std::vector<std::string> allowed{ "issues", "help", "must", "flagged" };
        for (std::size_t c = 1; c < planColumnCount; ++c)
            allowed.emplace_back(jsonName(static_cast<PlanColumn>(c)));
        w_.allowOnly(obj, prefix, allowed);
        PlanRow row;
        row.issues = w_.ids(obj, "issues", prefix, Limits::maxIssues);
        for (std::size_t c = 1; c < planColumnCount; ++c)
            row.cells[c] = w_.optionalText(obj, jsonName(static_cast<PlanColumn>(c)), prefix, true);
        if (obj.if_contains("help"))
            row.help = w_.requiredString(obj, "help", prefix);
        row.must = w_.optionalBool(obj, "must", prefix);
        row.flagged = w_.optionalBool(obj, "flagged", prefix);
        return row;
    }

    const Walker& w_;
    const Checks& c_;
};

/// Where a topic is in the JSON: "safety", "weighingUp.notKnown", "plan.review" ...
std::string topicPath(Topic t)
{
    switch (t)
    {
        case Topic::Safety:
        case Topic::ChildExperience:
        case Topic::Recommendation:
            return jsonName(t);
        case Topic::PlanReview:
            return "plan.review";
        case Topic::Contingency:
            return "plan.contingency";
        case Topic::PlanAgreed:
            return "plan.agreed";
        default:
            return std::string("weighingUp.") + jsonName(t);
    }
}

json::array idsToJson(const std::vector<std::string>& ids)
{
    json::array a;
    for (const std::string& id : ids)
        a.emplace_back(id);
    return a;
}

json::array itemsToJson(ListKind kind, const std::vector<Item>& items)
{
    json::array a;
    for (const Item& item : items)
    {
        json::object o;
        // An item built in C++ may have no id yet: left out, it gets one when parsed ("" is no id).
        if (kind == ListKind::WhatNeedsToHappen && !item.id.empty())
            o["id"] = item.id;
        o["text"] = item.text;
        if (kind == ListKind::SuccessSigns)
            o["items"] = idsToJson(item.items);
        o["issues"] = idsToJson(item.issues);
        if (kind == ListKind::Strengths)
            o["adults"] = idsToJson(item.adults);
        if (kind == ListKind::WhatNeedsToHappen)
        {
            o["must"] = item.must;
            o["ifNot"] = item.ifNot;
        }
        a.emplace_back(std::move(o));
    }
    return a;
}
} // namespace

void validateAnalysis(const Analysis& a, const Strings& strings, ParseMode mode)
{
    const Checks c(strings, mode);
    if (a.issues.empty())
        c.fail("error.noIssues", {});
    if (a.issues.size() > Limits::maxIssues)
        c.fail("error.tooMany", { "issues", std::to_string(a.issues.size()), std::to_string(Limits::maxIssues) });
    if (a.adults.size() > Limits::maxAdults)
        c.fail("error.tooMany", { "adults", std::to_string(a.adults.size()), std::to_string(Limits::maxAdults) });
    std::set<std::string> issueIds, adultIds, itemIds;
    for (std::size_t i = 0; i < a.adults.size(); ++i)
    {
        const Adult& adult = a.adults[i];
        const std::string path = at("adults", i) + ".";
        c.id(adult.id, path + "id");
        if (!adultIds.insert(adult.id).second)
            c.fail("error.duplicateId", { path + "id", adult.id });
        c.required(adult.name, path + "name");
        c.text(adult.relationship, path + "relationship", false);
        c.text(adult.part(AdultPart::Understanding), path + "understanding", true);
        c.text(adult.part(AdultPart::Motivation), path + "motivation", true);
    }
    auto refs = [&](const std::vector<std::string>& ids, const std::string& path, const std::set<std::string>& known,
                    const char* error) {
        for (std::size_t r = 0; r < ids.size(); ++r)
            if (!known.count(ids[r]))
                c.fail(error, { at(path, r), truncateUtf8(ids[r], 40) });
    };
    for (std::size_t i = 0; i < a.issues.size(); ++i)
    {
        const Issue& issue = a.issues[i];
        const std::string path = at("issues", i) + ".";
        c.id(issue.id, path + "id");
        if (!issueIds.insert(issue.id).second)
            c.fail("error.duplicateId", { path + "id", issue.id });
        c.required(issue.title, path + "title");
        for (std::size_t p = 0; p < issuePartCount; ++p)
            c.text(issue.parts[p], path + jsonName(static_cast<IssuePart>(p)), true);
        refs(issue.raisedByAdults, path + "raisedByAdults", adultIds, "error.unknownAdult");
    }
    for (std::size_t t = 0; t < topicCount; ++t)
        c.text(a.topics[t], topicPath(static_cast<Topic>(t)), true);
    const std::vector<Item>& needs = a.list(ListKind::WhatNeedsToHappen);
    for (std::size_t i = 0; i < needs.size(); ++i)
    {
        if (needs[i].id.empty())
            continue; // given out when the analysis is written
        c.id(needs[i].id, at("whatNeedsToHappen", i) + ".id");
        if (!itemIds.insert(needs[i].id).second)
            c.fail("error.duplicateId", { at("whatNeedsToHappen", i) + ".id", needs[i].id });
    }
    for (std::size_t k = 0; k < listKindCount; ++k)
    {
        const char* name = jsonName(static_cast<ListKind>(k));
        if (a.lists[k].size() > Limits::maxItems)
            c.fail("error.tooMany", { name, std::to_string(a.lists[k].size()), std::to_string(Limits::maxItems) });
        for (std::size_t i = 0; i < a.lists[k].size(); ++i)
        {
            const Item& item = a.lists[k][i];
            const std::string path = at(name, i) + ".";
            c.required(item.text, path + "text");
            c.text(item.ifNot, path + "ifNot", false);
            refs(item.issues, path + "issues", issueIds, "error.unknownIssue");
            refs(item.adults, path + "adults", adultIds, "error.unknownAdult");
            refs(item.items, path + "items", itemIds, "error.unknownItem");
        }
    }
    if (a.plan.size() > Limits::maxItems)
        c.fail("error.tooMany", { "plan.rows", std::to_string(a.plan.size()), std::to_string(Limits::maxItems) });
    for (std::size_t r = 0; r < a.plan.size(); ++r)
    {
        const PlanRow& row = a.plan[r];
        const std::string path = at("plan.rows", r) + ".";
        for (std::size_t i = 0; i < row.issues.size(); ++i)
            c.id(row.issues[i], at(path + "issues", i));
        if (!row.help.empty())
            c.id(row.help, path + "help");
        for (std::size_t col = 1; col < planColumnCount; ++col)
            c.text(row.cells[col], path + jsonName(static_cast<PlanColumn>(col)), true);
        if (mode == ParseMode::Insert)
        {
            refs(row.issues, path + "issues", issueIds, "error.unknownIssue");
            if (!row.help.empty() && !itemIds.count(row.help))
                c.fail("error.unknownItem", { path + "help", truncateUtf8(row.help, 40) });
        }
    }
    for (std::size_t i = 0; i < a.unplaced.size(); ++i)
        c.text(a.unplaced[i], at("unplaced", i), true);
}

Analysis parseAnalysis(std::string_view text, const Strings& strings, ParseMode mode)
{
    if (text.size() > Limits::maxJsonBytes)
        throw InputError(
            strings.format("error.tooLarge", { std::to_string(text.size()), std::to_string(Limits::maxJsonBytes) }));
    boost::system::error_code ec;
    json::parse_options options;
    options.max_depth = 16;
    // The parsed tree lives only while it is read into the model: one arena for all of it (the
    // tree of a 100-issue analysis holds thousands of strings, each allocated and freed alone
    // otherwise).
    json::monotonic_resource arena;
    json::value root = json::parse(json::string_view(text.data(), text.size()), ec, &arena, options);
    if (ec)
        throw InputError(strings.format("error.json", { ec.message() }));
    const Checks checks(strings, mode);
    const Walker walker(checks);
    const json::object& obj = walker.object(root, "The analysis");
    const json::value* schema = obj.if_contains("schema");
    if (!schema || !schema->is_int64() || (schema->as_int64() != 1 && schema->as_int64() != 2))
        checks.fail("error.schema", {});
    Analysis analysis = schema->as_int64() == 1 ? Schema1(walker).read(obj) : Schema2(walker).read(obj);
    validateAnalysis(analysis, strings, mode);
    dropRepeats(analysis);
    sortAdultRefs(analysis);
    return analysis;
}

std::string toJson(const Analysis& analysis)
{
    json::object root;
    root["schema"] = schemaVersion;
    root["safety"] = analysis.topic(Topic::Safety);
    root["childExperience"] = analysis.topic(Topic::ChildExperience);
    json::array issues;
    for (const Issue& issue : analysis.issues)
    {
        json::object o;
        o["id"] = issue.id;
        o["title"] = issue.title;
        json::array voices;
        for (Voice v : issue.raisedBy)
            voices.emplace_back(jsonName(v));
        o["raisedBy"] = std::move(voices);
        o["raisedByAdults"] = idsToJson(issue.raisedByAdults);
        for (std::size_t p = 0; p < issuePartCount; ++p)
            o[jsonName(static_cast<IssuePart>(p))] = issue.parts[p];
        issues.emplace_back(std::move(o));
    }
    root["issues"] = std::move(issues);
    json::object weighing;
    for (Topic t : Schema2::weighingTopics())
        weighing[jsonName(t)] = analysis.topic(t);
    root["weighingUp"] = std::move(weighing);
    json::array adults;
    for (const Adult& adult : analysis.adults)
    {
        json::object o;
        o["id"] = adult.id;
        o["name"] = adult.name;
        o["relationship"] = adult.relationship;
        o["understanding"] = adult.part(AdultPart::Understanding);
        o["motivation"] = adult.part(AdultPart::Motivation);
        adults.emplace_back(std::move(o));
    }
    root["adults"] = std::move(adults);
    for (std::size_t k = 0; k < listKindCount; ++k)
        root[jsonName(static_cast<ListKind>(k))] = itemsToJson(static_cast<ListKind>(k), analysis.lists[k]);
    root["recommendation"] = analysis.topic(Topic::Recommendation);
    json::object plan;
    json::array rows;
    for (const PlanRow& row : analysis.plan)
    {
        json::object o;
        o["issues"] = idsToJson(row.issues);
        for (std::size_t c = 1; c < planColumnCount; ++c)
            o[jsonName(static_cast<PlanColumn>(c))] = row.cells[c];
        o["help"] = row.help;
        o["must"] = row.must;
        o["flagged"] = row.flagged;
        rows.emplace_back(std::move(o));
    }
    // Without rows the plan is still to be derived (insert derives it); "rows": [] is a plan
    // with no rows.
    if (analysis.hasPlan)
        plan["rows"] = std::move(rows);
    plan["review"] = analysis.topic(Topic::PlanReview);
    plan["contingency"] = analysis.topic(Topic::Contingency);
    plan["agreed"] = analysis.topic(Topic::PlanAgreed);
    root["plan"] = std::move(plan);
    if (!analysis.unplaced.empty())
    {
        json::array unplaced;
        for (const std::string& text : analysis.unplaced)
            unplaced.emplace_back(text);
        root["unplaced"] = std::move(unplaced);
    }
    return json::serialize(root);
}

Analysis makeSkeleton(long long count, const Strings& strings)
{
    if (count < 1 || count > static_cast<long long>(Limits::maxIssues))
        throw InputError(strings.format("error.skeletonCount", { std::to_string(Limits::maxIssues) }));
    Analysis analysis;
    for (long long i = 1; i <= count; ++i)
    {
        Issue issue;
        issue.id = "issue" + std::to_string(i);
        issue.title = strings.format("skeleton.issueTitle", { std::to_string(i) });
        analysis.issues.push_back(std::move(issue));
    }
    return analysis;
}

} // namespace aa
