#include "Json.hpp"

#include "Catalogue.hpp"
#include "Errors.hpp"
#include "Utf8.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

namespace aa
{
namespace
{
namespace json = boost::json;

/// Walks a parsed document, turning every problem into an InputError with a path.
class Validator
{
public:
    Validator(const Strings& strings, ParseMode mode) : strings_(strings), mode_(mode) {}

    Analysis analysis(const json::value& root)
    {
        const json::object& obj = object(root, "The analysis");
        allowOnly(obj, "", { "schema", "issues", "strengths", "whatWouldHelp", "successSigns",
                              "considerations", "plan", "unplaced" });
        const json::value* schema = obj.if_contains("schema");
        if (!schema || !schema->is_int64() || schema->as_int64() != schemaVersion)
            fail("error.schema", {});

        Analysis result;
        const json::value* issues = obj.if_contains("issues");
        if (!issues)
            fail("error.missing", { "issues" });
        const json::array& issueArray = array(*issues, "issues", Limits::maxIssues);
        if (issueArray.empty())
            fail("error.noIssues", {});
        std::set<std::string> ids;
        for (std::size_t i = 0; i < issueArray.size(); ++i)
        {
            Issue issue = this->issue(issueArray[i], "issues[" + std::to_string(i) + "]");
            if (!ids.insert(issue.id).second)
                fail("error.duplicateId", { "issues[" + std::to_string(i) + "].id", issue.id });
            result.issues.push_back(std::move(issue));
        }

        for (std::size_t k = 0; k < listKindCount; ++k)
        {
            const char* name = jsonName(static_cast<ListKind>(k));
            if (const json::value* list = obj.if_contains(name))
            {
                const json::array& items = array(*list, name, Limits::maxItems);
                for (std::size_t i = 0; i < items.size(); ++i)
                    result.lists[k].push_back(item(items[i], std::string(name) + "[" + std::to_string(i) + "]",
                                                   ids, k == static_cast<std::size_t>(ListKind::WhatWouldHelp)));
            }
        }
        const std::set<std::string> helpIds = assignHelpIds(result.list(ListKind::WhatWouldHelp));

        if (const json::value* considerations = obj.if_contains("considerations"))
        {
            const json::object& c = object(*considerations, "considerations");
            std::vector<std::string> names;
            for (std::size_t k = 0; k < considerationCount; ++k)
                names.push_back(jsonName(static_cast<Consideration>(k)));
            allowOnly(c, "considerations.", names);
            for (std::size_t k = 0; k < considerationCount; ++k)
                result.considerations[k] = optionalText(c, names[k], "considerations.", true);
        }

        if (const json::value* plan = obj.if_contains("plan"))
        {
            result.hasPlan = true;
            const json::array& rows = array(*plan, "plan", Limits::maxItems);
            for (std::size_t i = 0; i < rows.size(); ++i)
                result.plan.push_back(
                    planRow(rows[i], "plan[" + std::to_string(i) + "]", ids, helpIds));
        }

        if (const json::value* unplaced = obj.if_contains("unplaced"))
        {
            const json::array& texts = array(*unplaced, "unplaced", Limits::maxItems);
            for (std::size_t i = 0; i < texts.size(); ++i)
                result.unplaced.push_back(text(texts[i], "unplaced[" + std::to_string(i) + "]", true));
        }
        return result;
    }

private:
    [[noreturn]] void fail(const std::string& key, const std::vector<std::string>& args) const
    {
        throw InputError(strings_.format(key, args));
    }

    const json::object& object(const json::value& v, const std::string& path) const
    {
        if (!v.is_object())
            fail("error.notObject", { path });
        return v.get_object();
    }

    const json::array& array(const json::value& v, const std::string& path, std::size_t max) const
    {
        if (!v.is_array())
            fail("error.notArray", { path });
        const json::array& a = v.get_array();
        if (a.size() > max)
            fail("error.tooMany", { path, std::to_string(a.size()), std::to_string(max) });
        return a;
    }

    void allowOnly(const json::object& obj, const std::string& prefix,
                   const std::vector<std::string>& names) const
    {
        for (const auto& entry : obj)
        {
            const std::string key(entry.key());
            if (std::find(names.begin(), names.end(), key) == names.end())
                fail("error.unknownField", { prefix + truncateUtf8(key, 40) });
        }
    }

    std::string text(const json::value& v, const std::string& path, bool multiParagraph) const
    {
        if (!v.is_string())
            fail("error.notString", { path });
        const json::string& s = v.get_string();
        std::string out = unixLineBreaks(std::string_view(s.data(), s.size()));
        const std::size_t chars = codePointCount(out);
        if (chars > Limits::maxTextChars)
            fail("error.tooLong",
                 { path, std::to_string(chars), std::to_string(Limits::maxTextChars) });
        if (const auto bad = firstForbiddenCodePoint(out))
            fail("error.controlChar", { path, "U+" + hex(*bad) });
        if (!multiParagraph && out.find('\n') != std::string::npos)
            fail("error.newline", { path });
        return out;
    }

    std::string optionalText(const json::object& obj, const std::string& key,
                             const std::string& prefix, bool multiParagraph) const
    {
        const json::value* v = obj.if_contains(key);
        return v ? text(*v, prefix + key, multiParagraph) : std::string();
    }

    std::string requiredText(const json::object& obj, const std::string& key,
                             const std::string& prefix) const
    {
        const json::value* v = obj.if_contains(key);
        if (!v)
            fail("error.missing", { prefix + key });
        std::string s = text(*v, prefix + key, false);
        if (mode_ == ParseMode::Insert && s.find_first_not_of(" \t") == std::string::npos)
            fail("error.empty", { prefix + key });
        return s;
    }

    static std::string hex(char32_t code)
    {
        static const char digits[] = "0123456789ABCDEF";
        std::string s;
        for (int shift = 12; shift >= 0; shift -= 4)
            s += digits[(code >> shift) & 0xF];
        return s;
    }

    Issue issue(const json::value& v, const std::string& path) const
    {
        const json::object& obj = object(v, path);
        const std::string prefix = path + ".";
        allowOnly(obj, prefix,
                  { "id", "title", "raisedBy", "origins", "maintainingFactors", "impactOnChild" });
        Issue issue;
        const json::value* id = obj.if_contains("id");
        if (!id)
            fail("error.missing", { prefix + "id" });
        if (!id->is_string())
            fail("error.notString", { prefix + "id" });
        issue.id = std::string(id->get_string());
        if (!isValidIssueId(issue.id))
            fail("error.badId", { prefix + "id" });
        issue.title = requiredText(obj, "title", prefix);
        if (const json::value* raisedBy = obj.if_contains("raisedBy"))
        {
            const json::array& voices = array(*raisedBy, prefix + "raisedBy", voiceCount * 4);
            std::array<bool, voiceCount> seen{};
            for (std::size_t i = 0; i < voices.size(); ++i)
            {
                const std::string vpath = prefix + "raisedBy[" + std::to_string(i) + "]";
                if (!voices[i].is_string())
                    fail("error.notString", { vpath });
                const std::string name(voices[i].get_string());
                std::size_t found = voiceCount;
                for (std::size_t k = 0; k < voiceCount; ++k)
                    if (name == jsonName(static_cast<Voice>(k)))
                        found = k;
                if (found == voiceCount)
                    fail("error.unknownVoice", { vpath, truncateUtf8(name, 40) });
                if (seen[found])
                    fail("error.duplicateVoice", { prefix + "raisedBy", name });
                seen[found] = true;
            }
            for (std::size_t k = 0; k < voiceCount; ++k)
                if (seen[k])
                    issue.raisedBy.push_back(static_cast<Voice>(k));
        }
        for (std::size_t p = 0; p < issuePartCount; ++p)
            issue.parts[p] = optionalText(obj, jsonName(static_cast<IssuePart>(p)), prefix, true);
        return issue;
    }

    std::vector<std::string> issueRefs(const json::object& obj, const std::string& prefix,
                                       const std::set<std::string>& ids) const
    {
        std::vector<std::string> refs;
        const json::value* v = obj.if_contains("issues");
        if (!v)
            return refs;
        const json::array& a = array(*v, prefix + "issues", Limits::maxIssues);
        for (std::size_t i = 0; i < a.size(); ++i)
        {
            const std::string path = prefix + "issues[" + std::to_string(i) + "]";
            if (!a[i].is_string())
                fail("error.notString", { path });
            const std::string id(a[i].get_string());
            if (!ids.count(id))
                fail("error.unknownIssue", { path, truncateUtf8(id, 40) });
            if (std::find(refs.begin(), refs.end(), id) == refs.end())
                refs.push_back(id);
        }
        return refs;
    }

    Item item(const json::value& v, const std::string& path, const std::set<std::string>& ids,
              bool withId) const
    {
        const json::object& obj = object(v, path);
        const std::string prefix = path + ".";
        if (withId)
            allowOnly(obj, prefix, { "id", "text", "issues" });
        else
            allowOnly(obj, prefix, { "text", "issues" });
        Item item;
        item.text = requiredText(obj, "text", prefix);
        item.issues = issueRefs(obj, prefix, ids);
        if (const json::value* id = obj.if_contains("id"))
        {
            if (!id->is_string())
                fail("error.notString", { prefix + "id" });
            item.id = std::string(id->get_string());
            if (!isValidIssueId(item.id))
                fail("error.badId", { prefix + "id" });
        }
        return item;
    }

    /// Checks the ids given to "what would help" items and gives one to each item without
    /// (see autoHelpId).
    std::set<std::string> assignHelpIds(std::vector<Item>& items) const
    {
        HelpIdAllocator ids;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (!items[i].id.empty() && !ids.take(items[i].id))
                fail("error.duplicateId", { "whatWouldHelp[" + std::to_string(i) + "].id", items[i].id });
        for (Item& item : items)
            if (item.id.empty())
                item.id = ids.allocate(item.text);
        return ids.taken();
    }

    PlanRow planRow(const json::value& v, const std::string& path, const std::set<std::string>& ids,
                    const std::set<std::string>& helpIds) const
    {
        const json::object& obj = object(v, path);
        const std::string prefix = path + ".";
        std::vector<std::string> names;
        for (std::size_t c = 0; c < planColumnCount; ++c)
            names.push_back(jsonName(static_cast<PlanColumn>(c)));
        std::vector<std::string> allowed = names;
        allowed.push_back("help");
        allowed.push_back("flagged");
        allowOnly(obj, prefix, allowed);
        PlanRow row;
        for (std::size_t c = 1; c < planColumnCount; ++c)
            row.cells[c] = optionalText(obj, names[c], prefix, true);
        if (const json::value* issue = obj.if_contains("issue"))
        {
            if (!issue->is_string())
                fail("error.notString", { prefix + "issue" });
            const std::string id(issue->get_string());
            if (mode_ == ParseMode::Insert && !id.empty() && !ids.count(id))
                fail("error.unknownIssue", { prefix + "issue", truncateUtf8(id, 40) });
            if (!id.empty() && !isValidIssueId(id))
                fail("error.badId", { prefix + "issue" });
            row.cell(PlanColumn::Issue) = id;
        }
        if (const json::value* help = obj.if_contains("help"))
        {
            if (!help->is_string())
                fail("error.notString", { prefix + "help" });
            row.help = std::string(help->get_string());
            if (mode_ == ParseMode::Insert && !row.help.empty() && !helpIds.count(row.help))
                fail("error.unknownHelp", { prefix + "help", truncateUtf8(row.help, 40) });
            if (!row.help.empty() && !isValidIssueId(row.help))
                fail("error.badId", { prefix + "help" });
        }
        if (const json::value* flagged = obj.if_contains("flagged"))
        {
            if (!flagged->is_bool())
                fail("error.notBool", { prefix + "flagged" });
            row.flagged = flagged->get_bool();
        }
        return row;
    }

    const Strings& strings_;
    ParseMode mode_;
};

json::array itemsToJson(const std::vector<Item>& items)
{
    json::array a;
    for (const Item& item : items)
    {
        json::array refs;
        for (const std::string& id : item.issues)
            refs.emplace_back(id);
        json::object o;
        if (!item.id.empty())
            o["id"] = item.id;
        o["text"] = item.text;
        o["issues"] = std::move(refs);
        a.emplace_back(std::move(o));
    }
    return a;
}
} // namespace

Analysis parseAnalysis(std::string_view text, const Strings& strings, ParseMode mode)
{
    if (text.size() > Limits::maxJsonBytes)
        throw InputError(strings.format(
            "error.tooLarge", { std::to_string(text.size()), std::to_string(Limits::maxJsonBytes) }));
    boost::system::error_code ec;
    json::parse_options options;
    options.max_depth = 16;
    json::value root = json::parse(json::string_view(text.data(), text.size()), ec,
                                   json::storage_ptr(), options);
    if (ec)
        throw InputError(strings.format("error.json", { ec.message() }));
    return Validator(strings, mode).analysis(root);
}

std::string toJson(const Analysis& analysis)
{
    json::object root;
    root["schema"] = schemaVersion;
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
        for (std::size_t p = 0; p < issuePartCount; ++p)
            o[jsonName(static_cast<IssuePart>(p))] = issue.parts[p];
        issues.emplace_back(std::move(o));
    }
    root["issues"] = std::move(issues);
    for (std::size_t k = 0; k < listKindCount; ++k)
        root[jsonName(static_cast<ListKind>(k))] = itemsToJson(analysis.lists[k]);
    json::object considerations;
    for (std::size_t k = 0; k < considerationCount; ++k)
        considerations[jsonName(static_cast<Consideration>(k))] = analysis.considerations[k];
    root["considerations"] = std::move(considerations);
    json::array plan;
    for (const PlanRow& row : analysis.plan)
    {
        json::object o;
        for (std::size_t c = 0; c < planColumnCount; ++c)
            o[jsonName(static_cast<PlanColumn>(c))] = row.cells[c];
        o["help"] = row.help;
        o["flagged"] = row.flagged;
        plan.emplace_back(std::move(o));
    }
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
        throw InputError(
            strings.format("error.skeletonCount", { std::to_string(Limits::maxIssues) }));
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
