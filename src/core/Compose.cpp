#include "Compose.hpp"

#include "Utf8.hpp"

namespace aa
{

std::string NewParagraph::text() const
{
    std::string out;
    for (const Run& run : runs)
        if (run.kind != Run::Kind::Prompt)
            out += run.text;
    return out;
}

bool operator==(const Run& a, const Run& b) { return a.kind == b.kind && a.text == b.text && a.mark == b.mark; }
bool operator==(const NewParagraph& a, const NewParagraph& b)
{
    return a.role == b.role && a.index == b.index && a.runs == b.runs;
}

std::vector<Topic> topicsOf(Section section)
{
    switch (section)
    {
        case Section::Safety:
            return { Topic::Safety };
        case Section::ChildExperience:
            return { Topic::ChildExperience };
        case Section::WeighingUp:
            return { Topic::RiskAndProtectiveBalance, Topic::NotKnown, Topic::AbsentFigures, Topic::CulturalAndLanguage,
                     Topic::Patterns };
        case Section::Recommendation:
            return { Topic::Recommendation };
        case Section::Plan:
            return { Topic::PlanReview, Topic::Contingency, Topic::PlanAgreed };
        default:
            return {};
    }
}

namespace
{
Role answerRole(QuestionKey key)
{
    switch (key.kind)
    {
        case QuestionKey::Kind::IssuePart:
            return Role::IssuePartAnswer;
        case QuestionKey::Kind::AdultPart:
            return Role::AdultAnswer;
        case QuestionKey::Kind::List:
            return Role::ListItem;
        case QuestionKey::Kind::Title:
            return Role::IssueTitle;
        case QuestionKey::Kind::Topic:
            break;
    }
    return Role::TopicAnswer;
}

NewParagraph plainParagraph(Role role, std::size_t index, const std::string& text)
{
    return NewParagraph{ role, index, { Run{ Run::Kind::Text, text, {} } } };
}
} // namespace

NewParagraph Composer::sectionHeading(Section section) const
{
    return plainParagraph(Role::Subheading, static_cast<std::size_t>(section),
                          strings_.get(std::string("section.") + jsonName(section)));
}

NewParagraph Composer::analysisHeading() const
{
    return plainParagraph(Role::Heading, 0, strings_.get("section.analysis"));
}

NewParagraph Composer::label(QuestionKey key) const
{
    return plainParagraph(Role::Question, 0, questionLabel(key, strings_));
}

NewParagraph Composer::prompt(QuestionKey key) const
{
    return NewParagraph{ answerRole(key), key.index, { Run{ Run::Kind::Prompt, questionPrompt(key, strings_), {} } } };
}

std::vector<NewParagraph> Composer::answer(QuestionKey key, const std::string& text, bool labelled) const
{
    if (isBlank(text))
        return { prompt(key) };
    std::vector<NewParagraph> out;
    if (labelled)
        out.push_back(label(key));
    for (const std::string& line : splitParagraphs(text))
        out.push_back(plainParagraph(answerRole(key), key.index, line));
    return out;
}

Run Composer::link(MarkKind kind, const std::string& id) const
{
    std::string shown = id;
    if (kind == MarkKind::Issue)
    {
        if (const Issue* issue = analysis_.findIssue(id))
            shown = issue->title;
    }
    else if (kind == MarkKind::Adult)
    {
        if (const Adult* adult = analysis_.findAdult(id))
            shown = adultHeading(*adult, strings_);
    }
    else if (const Item* item = analysis_.findItem(id))
    {
        shown = item->text;
        while (shown.size() > 1 && (shown.back() == '.' || shown.back() == ' '))
            shown.pop_back();
    }
    return Run{ Run::Kind::Link, shown, bookmarkName(kind, id) };
}

std::vector<Run> Composer::issueLinks(const std::vector<std::string>& ids) const
{
    std::vector<Run> runs;
    for (std::size_t i = 0; i < ids.size(); ++i)
    {
        if (i)
            runs.push_back(Run{ Run::Kind::Text, strings_.get("item.linkSeparator"), {} });
        runs.push_back(link(MarkKind::Issue, ids[i]));
    }
    return runs;
}

NewParagraph Composer::issueTitle(const Issue& issue) const
{
    return NewParagraph{ Role::IssueTitle, 0, { Run{ Run::Kind::Marked, issue.title, issueBookmarkName(issue.id) } } };
}

NewParagraph Composer::raisedBy(const Issue& issue) const
{
    if (issue.raisedBy.empty() && issue.raisedByAdults.empty())
        return NewParagraph{ Role::RaisedBy, 0, { Run{ Run::Kind::Prompt, strings_.get("raisedBy.prompt"), {} } } };
    NewParagraph p{ Role::RaisedBy, 0, { Run{ Run::Kind::Text, strings_.get("raisedBy.prefix"), {} } } };
    bool first = true;
    auto separate = [&] {
        if (!first)
            p.runs.push_back(Run{ Run::Kind::Text, strings_.get("raisedBy.separator"), {} });
        first = false;
    };
    for (Voice v : issue.raisedBy)
    {
        separate();
        p.runs.push_back(Run{ Run::Kind::Text, strings_.get(std::string("voice.") + jsonName(v)), {} });
    }
    for (const std::string& id : issue.raisedByAdults)
    {
        separate();
        p.runs.push_back(link(MarkKind::Adult, id));
    }
    return p;
}

std::vector<NewParagraph> Composer::issue(const Issue& issue) const
{
    std::vector<NewParagraph> out{ issueTitle(issue), raisedBy(issue) };
    for (std::size_t p = 0; p < issuePartCount; ++p)
    {
        const auto more = answer(QuestionKey::of(static_cast<IssuePart>(p)), issue.parts[p], true);
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

NewParagraph Composer::adultName(const Adult& adult) const
{
    return NewParagraph{ Role::AdultName,
                         0,
                         { Run{ Run::Kind::Marked, adultHeading(adult, strings_),
                                bookmarkName(MarkKind::Adult, adult.id) } } };
}

std::vector<NewParagraph> Composer::adult(const Adult& adult) const
{
    std::vector<NewParagraph> out{ adultName(adult) };
    for (std::size_t p = 0; p < adultPartCount; ++p)
    {
        const auto more = answer(QuestionKey::of(static_cast<AdultPart>(p)), adult.parts[p], true);
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

NewParagraph Composer::adultsPrompt() const
{
    return NewParagraph{ Role::AdultName, 0, { Run{ Run::Kind::Prompt, strings_.get("adult.prompt"), {} } } };
}

void Composer::linkGroup(std::vector<Run>& runs, const char* prefixKey, const std::vector<Run>& links) const
{
    if (links.empty())
        return;
    runs.push_back(Run{ Run::Kind::Text, strings_.get(prefixKey), {} });
    for (std::size_t i = 0; i < links.size(); ++i)
    {
        if (i)
            runs.push_back(Run{ Run::Kind::Text, strings_.get("item.linkSeparator"), {} });
        runs.push_back(links[i]);
    }
    runs.push_back(Run{ Run::Kind::Text, strings_.get("item.linkSuffix"), {} });
}

NewParagraph Composer::item(ListKind kind, const Item& item) const
{
    NewParagraph p{ Role::ListItem, static_cast<std::size_t>(kind), {} };
    if (kind == ListKind::WhatNeedsToHappen && item.must)
        p.runs.push_back(Run{ Run::Kind::Strong, mustPrefix(), {} });
    if (kind == ListKind::WhatNeedsToHappen && !item.id.empty())
    {
        // The bookmark leaves out a closing full stop, so a success sign's link to the item
        // reads as part of its sentence.
        std::string marked = item.text;
        std::string stop;
        while (!marked.empty() && (marked.back() == '.' || marked.back() == ' '))
        {
            stop.insert(stop.begin(), marked.back());
            marked.pop_back();
        }
        if (marked.empty())
            std::swap(marked, stop);
        p.runs.push_back(Run{ Run::Kind::Marked, marked, bookmarkName(MarkKind::Help, item.id) });
        if (!stop.empty())
            p.runs.push_back(Run{ Run::Kind::Text, stop, {} });
    }
    else
        p.runs.push_back(Run{ Run::Kind::Text, item.text, {} });
    std::vector<Run> shows, about;
    for (const std::string& id : item.items)
        shows.push_back(link(MarkKind::Help, id));
    for (const std::string& id : item.issues)
        about.push_back(link(MarkKind::Issue, id));
    for (const std::string& id : item.adults)
        about.push_back(link(MarkKind::Adult, id));
    linkGroup(p.runs, "item.showsPrefix", shows);
    linkGroup(p.runs, "item.linkPrefix", about);
    return p;
}

std::vector<NewParagraph> Composer::ifNot(const Item& item) const
{
    if (!isBlank(item.ifNot))
        return { plainParagraph(Role::IfNot, 0, strings_.get("item.ifNotPrefix") + item.ifNot) };
    if (item.must)
        return { NewParagraph{ Role::IfNot, 0, { Run{ Run::Kind::Prompt, strings_.get("item.ifNotPrompt"), {} } } } };
    return {};
}

NewParagraph Composer::listPrompt(ListKind kind) const { return prompt(QuestionKey::of(kind)); }

std::vector<NewParagraph> Composer::section(Section section, bool withHeading) const
{
    std::vector<NewParagraph> out;
    if (withHeading)
        out.push_back(sectionHeading(section));
    auto append = [&](const std::vector<NewParagraph>& more) { out.insert(out.end(), more.begin(), more.end()); };
    switch (section)
    {
        case Section::Issues:
            for (const Issue& i : analysis_.issues)
                append(issue(i));
            break;
        case Section::Adults:
            if (analysis_.adults.empty())
                out.push_back(adultsPrompt());
            for (const Adult& a : analysis_.adults)
                append(adult(a));
            break;
        case Section::Strengths:
        case Section::WhatNeedsToHappen:
        case Section::SuccessSigns:
        {
            const auto kind = static_cast<ListKind>(static_cast<std::size_t>(section)
                                                    - static_cast<std::size_t>(Section::Strengths));
            if (analysis_.list(kind).empty())
                out.push_back(listPrompt(kind));
            for (const Item& it : analysis_.list(kind))
            {
                out.push_back(item(kind, it));
                if (kind == ListKind::WhatNeedsToHappen)
                    append(ifNot(it));
            }
            break;
        }
        default:
            for (Topic t : topicsOf(section))
                append(answer(QuestionKey::of(t), analysis_.topic(t), topicHasLabel(t)));
            break;
    }
    return out;
}

bool isComposedPrompt(std::string_view text, const Strings& strings)
{
    if (text.empty())
        return false;
    // Quotes folded: prompts written by earlier versions have straight ones.
    const std::string folded = foldQuotes(text);
    if (folded == foldQuotes(strings.get("raisedBy.prompt")) || folded == foldQuotes(strings.get("adult.prompt"))
        || folded == foldQuotes(strings.get("item.ifNotPrompt")))
        return true;
    for (const Question& question : catalogue(strings))
        if (folded == foldQuotes(questionPrompt(question.key, strings)))
            return true;
    return false;
}

} // namespace aa
