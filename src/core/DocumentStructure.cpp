#include "DocumentStructure.hpp"

#include "Utf8.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace aa
{
namespace
{
/// "maintainingFactors" -> "Maintaining Factors"
std::string words(const std::string& camel)
{
    std::string out;
    for (std::size_t i = 0; i < camel.size(); ++i)
    {
        const char c = camel[i];
        if (i == 0)
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        else if (std::isupper(static_cast<unsigned char>(c)))
        {
            out += ' ';
            out += c;
        }
        else
            out += c;
    }
    return out;
}

/// The styles schema 1 wrote that the current structure has elsewhere or under another name.
const std::vector<std::pair<std::string, StyleRole>>& legacyStyles()
{
    static const std::vector<std::pair<std::string, StyleRole>> styles{
        { "Analysis What Would Help",
          { Role::ListItem, static_cast<std::size_t>(ListKind::WhatNeedsToHappen), false } },
        { "Analysis Child Understanding",
          { Role::TopicAnswer, static_cast<std::size_t>(Topic::ChildExperience), true } },
        { "Analysis Parents Understanding", { Role::LegacyParents, 0, true } },
        { "Analysis Parents Motivation", { Role::LegacyParents, 1, true } },
    };
    return styles;
}

const std::map<std::string, StyleRole>& styleIndex()
{
    static const std::map<std::string, StyleRole> index = [] {
        std::map<std::string, StyleRole> m;
        for (const StyleRole& r : allStyleRoles())
            m[styleName(r.role, r.index)] = r;
        for (const auto& [name, role] : legacyStyles())
            m[name] = role;
        return m;
    }();
    return index;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool startsWith(const std::string& s, const std::string& prefix)
{
    return !prefix.empty() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string trimmed(const std::string& s)
{
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return std::string();
    const std::size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

std::string joinCell(const Cell& cell, bool* flagged = nullptr)
{
    std::string out;
    bool first = true;
    for (const Paragraph& p : cell)
    {
        if (roleOfStyle(p.style).role == Role::PlanFlag)
        {
            if (flagged)
                *flagged = true;
            continue;
        }
        if (!first)
            out += '\n';
        out += p.text;
        first = false;
    }
    return out;
}

/// What a question label names: a question of the current structure, or one of schema 1's.
struct LabelTarget
{
    enum class Kind
    {
        Question,      ///< key
        LegacyParents, ///< index: 0 understanding, 1 motivation
        LegacyChild,   ///< the child's understanding
    };
    Kind kind = Kind::Question;
    QuestionKey key;
    std::size_t index = 0;
};

/// What a heading's text names: one of our sections, the analysis heading, or the supervision
/// record's heading.
struct SectionTarget
{
    enum class Kind
    {
        Section,
        Analysis,
        Supervision,
    };
    Kind kind = Kind::Section;
    Section section = Section::Issues;
    bool legacy = false; ///< schema 1's wording
};

/// The texts the writer puts in the document, to recognise paragraphs whose style was lost and
/// to take our additions (prefixes, separators) off what a person wrote.
class Labels
{
public:
    explicit Labels(const Strings& strings) : strings_(strings)
    {
        for (const Question& q : catalogue(strings))
            if (q.key.kind != QuestionKey::Kind::Title && q.key.kind != QuestionKey::Kind::List
                && !(q.key.kind == QuestionKey::Kind::Topic && !topicHasLabel(static_cast<Topic>(q.key.index))))
                questions_[foldQuotes(q.label)] = LabelTarget{ LabelTarget::Kind::Question, q.key, 0 };
        questions_[foldQuotes(strings.get("part.legacy.parentsUnderstanding.label"))]
            = LabelTarget{ LabelTarget::Kind::LegacyParents, {}, 0 };
        questions_[foldQuotes(strings.get("part.legacy.parentsMotivation.label"))]
            = LabelTarget{ LabelTarget::Kind::LegacyParents, {}, 1 };
        questions_[foldQuotes(strings.get("part.legacy.childUnderstanding.label"))]
            = LabelTarget{ LabelTarget::Kind::LegacyChild, {}, 0 };
        for (std::size_t s = 0; s < sectionCount; ++s)
        {
            const auto section = static_cast<Section>(s);
            sections_[foldQuotes(strings.get(std::string("section.") + jsonName(section)))]
                = { SectionTarget::Kind::Section, section, false };
            // The report template's heading that stands for the section, where it has one.
            const std::string key = std::string("template.heading.") + jsonName(section);
            if (strings.has(key))
                sections_[foldQuotes(strings.get(key))] = { SectionTarget::Kind::Section, section, false };
        }
        sections_[foldQuotes(strings.get("section.legacy.considerations"))] = { SectionTarget::Kind::Section,
                                                                                Section::WeighingUp, true };
        sections_[foldQuotes(strings.get("section.legacy.whatWouldHelp"))] = { SectionTarget::Kind::Section,
                                                                               Section::WhatNeedsToHappen, true };
        sections_[foldQuotes(strings.get("section.analysis"))] = { SectionTarget::Kind::Analysis, Section::Issues,
                                                                   false };
        sections_[foldQuotes(strings.get("section.supervision"))] = { SectionTarget::Kind::Supervision, Section::Issues,
                                                                      false };
        sections_[foldQuotes(strings.get("section.legacy.supervision"))] = { SectionTarget::Kind::Supervision,
                                                                             Section::Issues, true };
        raisedByPrefix_ = strings.get("raisedBy.prefix");
        mustPrefix_ = strings.get("item.mustPrefix");
        ifNotPrefix_ = strings.get("item.ifNotPrefix");
        itemPrefixes_ = { strings.get("item.linkPrefix"), strings.get("item.showsPrefix"),
                          strings.get("item.linkSeparator") };
        for (std::size_t v = 0; v < voiceCount; ++v)
            voices_.emplace_back(strings.get(std::string("voice.") + jsonName(static_cast<Voice>(v))));
        for (std::size_t c = 0; c < planColumnCount; ++c)
        {
            const char* name = jsonName(static_cast<PlanColumn>(c));
            headers_[foldQuotes(trimmed(strings.get(std::string("plan.") + name)))] = static_cast<PlanColumn>(c);
            const std::string legacy = std::string("plan.legacy.") + name;
            if (strings.has(legacy))
                headers_[foldQuotes(trimmed(strings.get(legacy)))] = static_cast<PlanColumn>(c);
        }
    }

    std::optional<LabelTarget> question(const std::string& text) const { return find(questions_, text); }
    std::optional<SectionTarget> section(const std::string& text) const { return find(sections_, text); }
    bool isRaisedBy(const std::string& text) const { return startsWith(text, raisedByPrefix_); }
    const std::string& raisedByPrefix() const { return raisedByPrefix_; }
    const std::string& mustPrefix() const { return mustPrefix_; }
    const std::string& ifNotPrefix() const { return ifNotPrefix_; }
    const std::vector<std::string>& itemPrefixes() const { return itemPrefixes_; }
    const std::vector<std::string>& voices() const { return voices_; }
    std::optional<PlanColumn> header(const std::string& text) const { return find(headers_, text); }

    bool isPlanHeader(const Row& row) const
    {
        if (row.size() < 2 || row[0].empty() || header(row[0][0].text) != PlanColumn::Issue)
            return false;
        return std::any_of(row.begin() + 1, row.end(), [&](const Cell& cell) {
            return !cell.empty() && header(cell[0].text) == PlanColumn::Outcome;
        });
    }

private:
    /// Keys and texts compared with their quotes folded: a label written with curly quotes
    /// (ours now) or straight ones (earlier versions, Word, a person) is the same label.
    template <typename T> static std::optional<T> find(const std::map<std::string, T>& m, const std::string& text)
    {
        auto it = m.find(foldQuotes(trimmed(text)));
        return it == m.end() ? std::nullopt : std::optional<T>(it->second);
    }

    const Strings& strings_;
    std::map<std::string, LabelTarget> questions_;
    std::map<std::string, SectionTarget> sections_;
    std::map<std::string, PlanColumn> headers_;
    std::string raisedByPrefix_, mustPrefix_, ifNotPrefix_;
    std::vector<std::string> itemPrefixes_;
    std::vector<std::string> voices_;
};

bool hasBookmark(const Paragraph& p, MarkKind kind)
{
    return std::any_of(p.bookmarks.begin(), p.bookmarks.end(),
                       [kind](const std::string& name) { return isOurBookmark(kind, name); });
}

bool hasLink(const Paragraph& p)
{
    return std::any_of(p.spans.begin(), p.spans.end(), [](const Span& span) { return linkTarget(span).has_value(); });
}

bool isPlanTable(const Table& table, const Labels& labels)
{
    if (table.rows.empty() || table.rows[0].empty())
        return false;
    const Cell& first = table.rows[0][0];
    if (!first.empty() && roleOfStyle(first[0].style).role == Role::PlanHeader)
        return true;
    return labels.isPlanHeader(table.rows[0]);
}

bool isSupervisionTable(const Table& table)
{
    return !table.rows.empty() && !table.rows[0].empty() && !table.rows[0][0].empty()
           && roleOfStyle(table.rows[0][0][0].style).role == Role::SupervisionHeader;
}

/// The plan table's columns by position: by their header's text, or, headers unknown, by
/// position as schema 2 (seven columns) or schema 1 (eight) wrote them.
std::vector<std::optional<PlanColumn>> planColumns(const Row& header, const Labels& labels)
{
    std::vector<std::optional<PlanColumn>> columns;
    bool any = false;
    for (const Cell& cell : header)
    {
        columns.push_back(cell.empty() ? std::nullopt : labels.header(cell[0].text));
        any = any || columns.back().has_value();
    }
    std::set<PlanColumn> seen;
    for (auto& column : columns)
        if (column && !seen.insert(*column).second)
            column.reset(); // a column named twice: the first is ours
    if (any)
        return columns;
    static const PlanColumn schema1[] = { PlanColumn::Issue,  PlanColumn::Outcome,    PlanColumn::Action,
                                          PlanColumn::Who,    PlanColumn::Priority,   PlanColumn::ByWhen,
                                          PlanColumn::Review, PlanColumn::Contingency };
    for (std::size_t c = 0; c < columns.size(); ++c)
        columns[c] = header.size() == 8    ? schema1[c]
                     : c < newTableColumns ? std::optional<PlanColumn>(static_cast<PlanColumn>(c))
                                           : std::nullopt;
    return columns;
}

/// The reader's state machine over the blocks.
class Reader
{
public:
    Reader(const std::vector<Block>& blocks, const Strings& strings)
        : blocks_(blocks), strings_(strings), labels_(strings)
    {
    }

    ReadResult read()
    {
        layout().blockCount = blocks_.size();
        findExtent();
        if (!layout().first)
            return std::move(result_);
        result_.found = true;
        for (std::size_t i = *layout().first; i <= *layout().last; ++i)
        {
            if (const Table* table = std::get_if<Table>(&blocks_[i]))
                onTable(i, *table);
            else
                onParagraph(i, std::get<Paragraph>(blocks_[i]));
        }
        makeLegacyAdults();
        giveFreshIds();
        dropDanglingLinks();
        sortAdultRefs();
        result_.legacy = !layout().legacyBlocks.empty() || !layout().legacyHeadings.empty()
                         || !layout().legacyAdults.empty() || legacyTable_;
        return std::move(result_);
    }

private:
    enum class Context
    {
        None,          ///< inside the analysis, nothing to add to: plain text is unplaced
        Outside,       ///< after a heading of the report's own: plain text is the report's
        Part,          ///< index_: IssuePart of the current issue
        Adult,         ///< index_: AdultPart of the current adult
        Topic,         ///< index_: Topic
        List,          ///< index_: ListKind
        LegacyParents, ///< index_: 0 understanding, 1 motivation
    };

    Analysis& analysis() { return result_.analysis; }
    Layout& layout() { return result_.layout; }

    /// The analysis runs from the first to the last block that carries one of our marks.
    void findExtent()
    {
        bool stylesLost = false; // a heading of ours or the plan's header without our style
        for (std::size_t i = 0; i < blocks_.size(); ++i)
        {
            bool ours = false;
            if (const Table* table = std::get_if<Table>(&blocks_[i]))
            {
                ours = isPlanTable(*table, labels_);
                stylesLost
                    = stylesLost
                      || (ours
                          && roleOfStyle(table->rows[0][0].empty() ? std::string() : table->rows[0][0][0].style).role
                                 != Role::PlanHeader);
            }
            else
            {
                const Paragraph& p = std::get<Paragraph>(blocks_[i]);
                const bool heading = hasBookmark(p, MarkKind::Issue) || hasBookmark(p, MarkKind::Adult);
                const bool inOurStyle = roleOfStyle(p.style).role != Role::None;
                stylesLost = stylesLost || (heading && !inOurStyle);
                ours = inOurStyle || heading || hasLink(p);
            }
            if (!ours)
                continue;
            if (!layout().first)
                layout().first = i;
            layout().last = i;
        }
        if (layout().first && stylesLost)
            extendByLabels();
    }

    /// Where our styles were lost (a heading of ours or the plan's header shows it), our headings
    /// and question labels (in a style that is no heading) mark the analysis too: the safety and the child's experience come before the
    /// first issue's bookmark, the plan's topics after its table. The extent reaches back to the
    /// furthest of them before the first mark and on to the furthest after the last, with the
    /// one paragraph that answers that one, never past a heading of the report's own or a table.
    void extendByLabels()
    {
        auto labelled = [&](const Paragraph& p) {
            if (p.prompt || isForeignHeading(p.style))
                return false;
            if (labels_.question(p.text))
                return true;
            const std::optional<SectionTarget> target = labels_.section(p.text);
            return target && target->kind != SectionTarget::Kind::Supervision;
        };
        auto boundary = [&](std::size_t i) {
            const Paragraph* p = std::get_if<Paragraph>(&blocks_[i]);
            return !p || isForeignHeading(p->style);
        };
        for (std::size_t i = *layout().first; i-- > 0 && !boundary(i);)
            if (labelled(std::get<Paragraph>(blocks_[i])))
                layout().first = i;
        std::optional<std::size_t> lastLabel;
        for (std::size_t i = *layout().last + 1; i < blocks_.size() && !boundary(i); ++i)
            if (labelled(std::get<Paragraph>(blocks_[i])))
                lastLabel = i;
        if (!lastLabel)
            return;
        layout().last = *lastLabel;
        // The last label's answer is the one paragraph right after it: nothing marks where the
        // report's own text starts again, and taking more would have an update rewrite it.
        const std::size_t answer = *lastLabel + 1;
        if (answer < blocks_.size() && !boundary(answer))
        {
            const Paragraph& p = std::get<Paragraph>(blocks_[answer]);
            if (p.prompt || !isBlank(p.text))
                layout().last = answer;
        }
    }

    /// A paragraph's role: by its style, or by our marks and labels when the style was lost.
    StyleRole classify(const Paragraph& p) const
    {
        StyleRole role = roleOfStyle(p.style);
        if (role.role != Role::None)
            return role;
        if (hasBookmark(p, MarkKind::Issue))
            return { Role::IssueTitle, 0, false };
        if (hasBookmark(p, MarkKind::Adult))
            return { Role::AdultName, 0, false };
        // A heading of the report's own that reads like one of ours (the template's "Analysis of
        // the assessment", its heading for the plan) stands for ours: see onOtherParagraph.
        if (isForeignHeading(p.style))
            return role;
        if (labels_.question(p.text))
            return { Role::Question, 0, false };
        if (labels_.section(p.text))
            return { Role::Subheading, 0, false };
        if (labels_.isRaisedBy(p.text))
            return { Role::RaisedBy, 0, false };
        if (startsWith(p.text, labels_.ifNotPrefix()) && context_ == Context::List
            && index_ == static_cast<std::size_t>(ListKind::WhatNeedsToHappen))
            return { Role::IfNot, 0, false };
        return role;
    }

    void onParagraph(std::size_t i, const Paragraph& p)
    {
        const StyleRole role = classify(p);
        switch (role.role)
        {
            case Role::Heading:
            case Role::Subheading:
                onHeading(i, p);
                break;
            case Role::IssueTitle:
                onIssueTitle(i, p);
                break;
            case Role::RaisedBy:
                onRaisedBy(i, p);
                break;
            case Role::Question:
                onQuestion(i, p);
                break;
            case Role::IssuePartAnswer:
                onPartText(i, role.index, p);
                break;
            case Role::ListItem:
                onItem(i, role.index, p);
                break;
            case Role::IfNot:
                onIfNot(i, p);
                break;
            case Role::TopicAnswer:
                if (role.legacy)
                    onLegacyChild(i, p.text);
                else
                    onTopicText(i, role.index, p);
                break;
            case Role::AdultName:
                onAdultName(i, p);
                break;
            case Role::AdultAnswer:
                onAdultText(i, role.index, p);
                break;
            case Role::LegacyParents:
                onLegacyParents(i, role.index, p.text);
                break;
            case Role::PlanHeader:
            case Role::PlanCell:
            case Role::PlanFlag:
            case Role::SupervisionHeader:
            case Role::SupervisionCell:
                break;
            case Role::None:
                onOtherParagraph(i, p);
                break;
        }
    }

    void onHeading(std::size_t i, const Paragraph& p)
    {
        context_ = Context::None;
        const std::optional<SectionTarget> target = labels_.section(p.text);
        if (!target)
        {
            // One of our headings retyped beyond recognition: it starts nothing we know.
            if (roleOfStyle(p.style).role == Role::Heading)
                layout().heading = i;
            return;
        }
        switch (target->kind)
        {
            case SectionTarget::Kind::Analysis:
                layout().heading = i;
                return;
            case SectionTarget::Kind::Supervision:
                context_ = Context::Outside;
                return;
            case SectionTarget::Kind::Section:
                break;
        }
        enterSection(i, target->section, target->legacy, true);
    }

    void enterSection(std::size_t i, Section section, bool legacy, bool ours)
    {
        if (ours)
            layout().sections[static_cast<std::size_t>(section)] = i;
        if (legacy)
            layout().legacyHeadings.emplace_back(i, section);
        switch (section)
        {
            case Section::Safety:
                setContext(Context::Topic, static_cast<std::size_t>(Topic::Safety));
                break;
            case Section::ChildExperience:
                setContext(Context::Topic, static_cast<std::size_t>(Topic::ChildExperience));
                break;
            case Section::Recommendation:
                setContext(Context::Topic, static_cast<std::size_t>(Topic::Recommendation));
                break;
            case Section::Strengths:
            case Section::WhatNeedsToHappen:
            case Section::SuccessSigns:
                setContext(Context::List,
                           static_cast<std::size_t>(section) - static_cast<std::size_t>(Section::Strengths));
                break;
            default:
                context_ = Context::None;
                break;
        }
        currentIssueOpen_ = false;
        currentAdultOpen_ = false;
    }

    void setContext(Context context, std::size_t index)
    {
        context_ = context;
        index_ = index;
    }

    Issue* currentIssue()
    {
        return currentIssueOpen_ && !analysis().issues.empty() ? &analysis().issues.back() : nullptr;
    }
    Adult* currentAdult()
    {
        return currentAdultOpen_ && !analysis().adults.empty() ? &analysis().adults.back() : nullptr;
    }

    void extendIssue(std::size_t block)
    {
        if (currentIssue())
            layout().issues.back().last = block;
    }

    void appendTo(std::string& target, TextLayout& where, std::size_t block, const Paragraph& p)
    {
        if (!where.paragraphs.empty())
            target += '\n';
        target += p.text;
        if (where.paragraphs.empty())
            where.prompt = p.prompt && isBlank(p.text);
        where.paragraphs.push_back(block);
    }

    /// The bookmark of this kind that names the heading, when it is not a pasted copy's or
    /// taken already; and whether it holds text.
    template <typename Lookup> std::pair<std::string, bool> headingId(const Paragraph& p, MarkKind kind, Lookup taken)
    {
        for (const std::string& name : p.bookmarks)
            if (auto id = idFromBookmark(kind, name); id && !taken(*id))
                return { *id,
                         std::find(p.emptyBookmarks.begin(), p.emptyBookmarks.end(), name) == p.emptyBookmarks.end() };
        return { std::string(), false };
    }

    void onIssueTitle(std::size_t i, const Paragraph& p)
    {
        Issue issue;
        issue.title = p.text;
        const auto [id, intact] = headingId(p, MarkKind::Issue,
                                            [&](const std::string& x) { return analysis().findIssue(x) != nullptr; });
        issue.id = id;
        analysis().issues.push_back(std::move(issue));
        IssueLayout where;
        where.title = i;
        where.last = i;
        where.bookmarkIntact = intact;
        layout().issues.push_back(where);
        context_ = Context::None;
        currentIssueOpen_ = true;
        currentAdultOpen_ = false;
    }

    void onRaisedBy(std::size_t i, const Paragraph& p)
    {
        Issue* issue = currentIssue();
        if (!issue)
        {
            if (!isBlank(p.text))
                unplaced(p.text);
            return;
        }
        // Voices from the words (not from inside links: an adult's name may say "the child's
        // mother"); adults from the links to their headings.
        std::string words;
        if (p.spans.empty())
            words = p.text;
        for (const Span& span : p.spans)
        {
            const auto target = linkTarget(span);
            if (!target)
                words += span.text;
            else if (target->kind == MarkKind::Adult
                     && std::find(issue->raisedByAdults.begin(), issue->raisedByAdults.end(), target->id)
                            == issue->raisedByAdults.end())
                issue->raisedByAdults.push_back(target->id);
        }
        if (startsWith(words, labels_.raisedByPrefix()))
            words.erase(0, labels_.raisedByPrefix().size());
        // An issue may hold a second line (a pasted copy): voices once each, in enum order.
        for (std::size_t v = 0; v < voiceCount; ++v)
            if (words.find(labels_.voices()[v]) != std::string::npos
                && std::find(issue->raisedBy.begin(), issue->raisedBy.end(), static_cast<Voice>(v))
                       == issue->raisedBy.end())
                issue->raisedBy.push_back(static_cast<Voice>(v));
        std::sort(issue->raisedBy.begin(), issue->raisedBy.end());
        // Schema 1's voices, which are adults now.
        const std::pair<const char*, std::size_t> legacy[] = { { "voice.legacy.parents", 0 },
                                                               { "voice.legacy.significantAdults", 1 } };
        for (const auto& [key, which] : legacy)
            if (words.find(strings_.get(key)) != std::string::npos)
            {
                legacyVoices_.emplace_back(analysis().issues.size() - 1, which);
                layout().issues.back().raisedByLegacy = true;
            }
        layout().issues.back().raisedBy = i;
        layout().issues.back().last = i;
    }

    void onQuestion(std::size_t i, const Paragraph& p)
    {
        const std::optional<LabelTarget> target = labels_.question(p.text);
        if (!target)
        {
            context_ = Context::None;
            return;
        }
        if (target->kind == LabelTarget::Kind::LegacyParents)
        {
            layout().legacyBlocks.push_back(i);
            setContext(Context::LegacyParents, target->index);
            return;
        }
        if (target->kind == LabelTarget::Kind::LegacyChild)
        {
            layout().legacyBlocks.push_back(i);
            setContext(Context::Topic, static_cast<std::size_t>(Topic::ChildExperience));
            legacyChild_ = true;
            return;
        }
        legacyChild_ = false;
        const QuestionKey key = target->key;
        switch (key.kind)
        {
            case QuestionKey::Kind::IssuePart:
                if (currentIssue())
                {
                    layout().issues.back().parts[key.index].label = i;
                    layout().issues.back().last = i;
                    setContext(Context::Part, key.index);
                    return;
                }
                break;
            case QuestionKey::Kind::AdultPart:
                if (currentAdult())
                {
                    layout().adults.back().parts[key.index].label = i;
                    layout().adults.back().last = i;
                    setContext(Context::Adult, key.index);
                    return;
                }
                break;
            case QuestionKey::Kind::Topic:
                currentIssueOpen_ = false;
                currentAdultOpen_ = false;
                layout().topics[key.index].label = i;
                setContext(Context::Topic, key.index);
                return;
            default:
                break;
        }
        context_ = Context::None;
    }

    void onPartText(std::size_t i, std::size_t part, const Paragraph& p)
    {
        Issue* issue = currentIssue();
        if (!issue)
        {
            if (!isBlank(p.text))
                unplaced(p.text);
            return;
        }
        IssueLayout& where = layout().issues.back();
        appendTo(issue->parts[part], where.parts[part], i, p);
        where.last = i;
        setContext(Context::Part, part);
    }

    void onTopicText(std::size_t i, std::size_t topic, const Paragraph& p)
    {
        if (legacyChild_ && topic == static_cast<std::size_t>(Topic::ChildExperience))
        {
            onLegacyChild(i, p.text);
            return;
        }
        currentIssueOpen_ = false;
        currentAdultOpen_ = false;
        appendTo(analysis().topics[topic], layout().topics[topic], i, p);
        setContext(Context::Topic, topic);
    }

    /// Schema 1's "child's understanding": the child's experience now, written again in its own
    /// section by the next update.
    void onLegacyChild(std::size_t i, const std::string& text)
    {
        std::string& target = analysis().topic(Topic::ChildExperience);
        if (!isBlank(text))
            target += (target.empty() ? "" : "\n") + text;
        layout().legacyBlocks.push_back(i);
        legacyChild_ = true;
        setContext(Context::Topic, static_cast<std::size_t>(Topic::ChildExperience));
    }

    void onLegacyParents(std::size_t i, std::size_t part, const std::string& text)
    {
        std::string& target = legacyParents_[part];
        if (!isBlank(text))
            target += (target.empty() ? "" : "\n") + text;
        layout().legacyBlocks.push_back(i);
        setContext(Context::LegacyParents, part);
    }

    void onAdultName(std::size_t i, const Paragraph& p)
    {
        if (isBlank(p.text) && !hasBookmark(p, MarkKind::Adult))
        {
            // The prompt that stands where no adult is named yet; an empty paragraph in an
            // adult's heading style without an adult's bookmark names no one (LibreOffice 25.2
            // leaves one beside a prompt it read back from .docx).
            if (p.prompt)
                layout().adultsPrompt = i;
            return;
        }
        Adult adult;
        std::tie(adult.name, adult.relationship) = parseAdultHeading(p.text);
        const auto [id, intact] = headingId(p, MarkKind::Adult,
                                            [&](const std::string& x) { return analysis().findAdult(x) != nullptr; });
        adult.id = id;
        analysis().adults.push_back(std::move(adult));
        AdultLayout where;
        where.name = i;
        where.last = i;
        where.bookmarkIntact = intact;
        layout().adults.push_back(where);
        context_ = Context::None;
        currentAdultOpen_ = true;
        currentIssueOpen_ = false;
    }

    void onAdultText(std::size_t i, std::size_t part, const Paragraph& p)
    {
        Adult* adult = currentAdult();
        if (!adult)
        {
            if (!isBlank(p.text))
                unplaced(p.text);
            return;
        }
        AdultLayout& where = layout().adults.back();
        appendTo(adult->parts[part], where.parts[part], i, p);
        where.last = i;
        setContext(Context::Adult, part);
    }

    /// canBeMust: a "what needs to happen" item, whose text may start with the must's mark.
    Item parseItem(const Paragraph& p, bool canBeMust)
    {
        Item item;
        bool beforeLinks = true;
        for (const Span& span : p.spans)
        {
            if (auto target = linkTarget(span))
            {
                beforeLinks = false;
                std::vector<std::string>& refs = target->kind == MarkKind::Issue   ? item.issues
                                                 : target->kind == MarkKind::Adult ? item.adults
                                                                                   : item.items;
                if (std::find(refs.begin(), refs.end(), target->id) == refs.end())
                    refs.push_back(target->id);
            }
            else if (beforeLinks)
                item.text += span.text;
        }
        if (p.spans.empty())
            item.text = p.text;
        if (!beforeLinks)
            for (bool stripped = true; stripped;)
            {
                stripped = false;
                for (const std::string& prefix : labels_.itemPrefixes())
                    if (!prefix.empty() && endsWith(item.text, prefix))
                    {
                        item.text.erase(item.text.size() - prefix.size());
                        stripped = true;
                    }
            }
        if (canBeMust && startsWith(item.text, labels_.mustPrefix()))
        {
            item.text.erase(0, labels_.mustPrefix().size());
            item.must = true;
        }
        for (const std::string& name : p.bookmarks)
            if (auto id = idFromBookmark(MarkKind::Help, name))
                item.id = *id;
        return item;
    }

    void onItem(std::size_t i, std::size_t kind, const Paragraph& p)
    {
        currentIssueOpen_ = false;
        currentAdultOpen_ = false;
        setContext(Context::List, kind);
        const bool needs = kind == static_cast<std::size_t>(ListKind::WhatNeedsToHappen);
        Item item = parseItem(p, needs);
        if (!needs)
            item.id.clear();
        if (item.text.empty() && item.issues.empty() && item.adults.empty() && item.items.empty())
        {
            if (p.prompt)
                layout().listPrompts[kind] = i;
            return;
        }
        analysis().lists[kind].push_back(std::move(item));
        layout().items[kind].push_back(i);
        if (kind == static_cast<std::size_t>(ListKind::WhatNeedsToHappen))
            layout().ifNot.emplace_back();
    }

    void onIfNot(std::size_t i, const Paragraph& p)
    {
        std::vector<Item>& items = analysis().list(ListKind::WhatNeedsToHappen);
        std::string text = p.text;
        if (startsWith(text, labels_.ifNotPrefix()))
            text.erase(0, labels_.ifNotPrefix().size());
        if (items.empty() || layout().ifNot.back())
        {
            if (!isBlank(text))
                unplaced(p.text);
            return;
        }
        items.back().ifNot = text;
        layout().ifNot.back() = i;
        setContext(Context::List, static_cast<std::size_t>(ListKind::WhatNeedsToHappen));
    }

    /// A paragraph without our style inside the analysis: part of what it follows, unless it
    /// is one of the report's own headings.
    void onOtherParagraph(std::size_t i, const Paragraph& p)
    {
        if (isForeignHeading(p.style))
        {
            // The report template's heading standing for one of our sections, or the report's own.
            const std::optional<SectionTarget> target = labels_.section(p.text);
            if (target && target->kind == SectionTarget::Kind::Section)
                enterSection(i, target->section, false, false);
            else
            {
                context_ = Context::Outside;
                currentIssueOpen_ = false;
                currentAdultOpen_ = false;
            }
            return;
        }
        if (isBlank(p.text))
            return;
        switch (context_)
        {
            case Context::Part:
                onPartText(i, index_, p);
                break;
            case Context::Adult:
                onAdultText(i, index_, p);
                break;
            case Context::Topic:
                onTopicText(i, index_, p);
                break;
            case Context::List:
                onItem(i, index_, p);
                break;
            case Context::LegacyParents:
                onLegacyParents(i, index_, p.text);
                break;
            case Context::Outside:
                break;
            case Context::None:
                unplaced(p.text);
                break;
        }
    }

    void onTable(std::size_t i, const Table& table)
    {
        if (isSupervisionTable(table))
        {
            context_ = Context::Outside;
            return;
        }
        if (!isPlanTable(table, labels_))
        {
            if (context_ == Context::Outside)
                return;
            std::string text;
            for (const Row& row : table.rows)
                for (const Cell& cell : row)
                {
                    const std::string cellText = joinCell(cell);
                    if (cellText.empty())
                        continue;
                    if (!text.empty())
                        text += " | ";
                    text += cellText;
                }
            if (!text.empty())
                unplaced(text);
            return;
        }
        context_ = Context::None;
        currentIssueOpen_ = false;
        currentAdultOpen_ = false;
        layout().planTable = i;
        layout().planColumns = planColumns(table.rows[0], labels_);
        const auto& columns = layout().planColumns;
        legacyTable_ = std::any_of(columns.begin(), columns.end(), [](const std::optional<PlanColumn>& c) {
            return c == PlanColumn::Review || c == PlanColumn::Contingency;
        });
        analysis().hasPlan = true;
        for (std::size_t r = 1; r < table.rows.size(); ++r)
        {
            const Row& cells = table.rows[r];
            PlanRow row;
            PlanRowLayout rowLayout;
            rowLayout.row = r;
            bool any = false;
            for (std::size_t c = 0; c < cells.size() && c < columns.size(); ++c)
            {
                for (std::size_t k = 0; k < cells[c].size(); ++k)
                {
                    const Paragraph& para = cells[c][k];
                    if (roleOfStyle(para.style).role == Role::PlanFlag)
                        rowLayout.flagParagraph = k;
                    for (const std::string& name : para.bookmarks)
                        if (auto help = idFromBookmark(MarkKind::Plan, name))
                            row.help = *help;
                }
                if (!columns[c])
                    continue;
                if (*columns[c] == PlanColumn::Issue)
                {
                    std::string linked;
                    for (const Paragraph& para : cells[c])
                        for (const Span& span : para.spans)
                            if (auto id = linkedIssue(span))
                            {
                                linked += span.text;
                                if (std::find(row.issues.begin(), row.issues.end(), *id) == row.issues.end())
                                    row.issues.push_back(*id);
                            }
                    std::string all = joinCell(cells[c], &row.flagged);
                    all.erase(std::remove_if(all.begin(), all.end(),
                                             [](char ch) { return ch == '\n' || ch == ' ' || ch == ',' || ch == ';'; }),
                              all.end());
                    linked.erase(
                        std::remove_if(linked.begin(), linked.end(),
                                       [](char ch) { return ch == '\n' || ch == ' ' || ch == ',' || ch == ';'; }),
                        linked.end());
                    rowLayout.issueCellTyped = all != linked;
                    any = any || !row.issues.empty();
                    continue;
                }
                std::string text = joinCell(cells[c], &row.flagged);
                if (*columns[c] == PlanColumn::Action && startsWith(text, labels_.mustPrefix()))
                {
                    text.erase(0, labels_.mustPrefix().size());
                    row.must = true;
                }
                row.cell(*columns[c]) = text;
                any = any || !text.empty();
            }
            if (any || !row.help.empty())
            {
                analysis().plan.push_back(std::move(row));
                layout().planRows.push_back(rowLayout);
            }
        }
    }

    void unplaced(const std::string& text) { analysis().unplaced.push_back(text); }

    /// Schema 1 recorded "the parents" as one voice with one understanding and one motivation,
    /// and "other significant adults" as one voice: each becomes an adult of the current model,
    /// to be written in its own right by the next update.
    void makeLegacyAdults()
    {
        const bool parentsText = !legacyParents_[0].empty() || !legacyParents_[1].empty();
        bool parentsVoice = false, othersVoice = false;
        for (const auto& [issue, which] : legacyVoices_)
            (which == 0 ? parentsVoice : othersVoice) = true;
        std::set<std::string> taken;
        for (const Adult& adult : analysis().adults)
            taken.insert(adult.id);
        std::string ids[2];
        auto add = [&](std::size_t which, const char* base, const char* nameKey) {
            // An update wrote this adult already (an issue it left out still has 0.1's line):
            // the voice names them, unless 0.1's answers still wait for an adult to hold them.
            if ((which == 1 || !parentsText) && analysis().findAdult(base))
            {
                ids[which] = base;
                return;
            }
            std::string id = base;
            if (taken.count(id))
                id = freeId(base, taken);
            taken.insert(id);
            Adult adult;
            adult.id = id;
            adult.name = strings_.get(nameKey);
            if (which == 0)
            {
                adult.part(AdultPart::Understanding) = legacyParents_[0];
                adult.part(AdultPart::Motivation) = legacyParents_[1];
            }
            analysis().adults.push_back(std::move(adult));
            layout().legacyAdults.push_back(id);
            ids[which] = id;
        };
        if (parentsText || parentsVoice)
            add(0, "parents", "adult.legacy.parents");
        if (othersVoice)
            add(1, "otherAdults", "adult.legacy.significantAdults");
        for (const auto& [issue, which] : legacyVoices_)
        {
            auto& refs = analysis().issues[issue].raisedByAdults;
            if (std::find(refs.begin(), refs.end(), ids[which]) == refs.end())
                refs.push_back(ids[which]);
        }
    }

    /// Ids are given out after the whole document is read, so a fresh id never takes one
    /// that a later heading holds.
    void giveFreshIds()
    {
        // A heading that lost its bookmark (retyped, or an undo Writer could not replay) takes
        // back the id that links still point to, when that pairing is unambiguous.
        std::vector<std::size_t> unnamed;
        for (std::size_t i = 0; i < analysis().issues.size(); ++i)
            if (analysis().issues[i].id.empty())
                unnamed.push_back(i);
        const std::vector<std::string> dangling = danglingIssueIds();
        if (unnamed.size() == 1 && dangling.size() == 1)
            analysis().issues[unnamed[0]].id = dangling[0];
        std::set<std::string> issueIds;
        for (const Issue& issue : analysis().issues)
            issueIds.insert(issue.id);
        for (Issue& issue : analysis().issues)
            if (issue.id.empty())
            {
                issue.id = freeId("issue", issueIds);
                issueIds.insert(issue.id);
            }
        // The same for an adult's heading and the links to it ("identified by", strengths).
        std::vector<std::size_t> unnamedAdults;
        for (std::size_t i = 0; i < analysis().adults.size(); ++i)
            if (analysis().adults[i].id.empty())
                unnamedAdults.push_back(i);
        const std::vector<std::string> danglingAdults = danglingAdultIds();
        if (unnamedAdults.size() == 1 && danglingAdults.size() == 1)
            analysis().adults[unnamedAdults[0]].id = danglingAdults[0];
        std::set<std::string> adultIds;
        for (const Adult& adult : analysis().adults)
            adultIds.insert(adult.id);
        for (Adult& adult : analysis().adults)
            if (adult.id.empty())
            {
                adult.id = freeId("adult", adultIds);
                adultIds.insert(adult.id);
            }
        std::vector<Item>& help = analysis().list(ListKind::WhatNeedsToHappen);
        HelpIdAllocator ids;
        for (Item& item : help)
            if (!item.id.empty() && !ids.take(item.id))
                item.id.clear(); // a pasted copy: the first keeps the id
        for (Item& item : help)
            if (item.id.empty())
                item.id = ids.allocate(item.text);
    }

    /// Issue ids that links point to but no heading holds, in order of first appearance.
    std::vector<std::string> danglingIssueIds()
    {
        std::vector<std::string> ids;
        auto note = [&](const std::string& id) {
            if (!id.empty() && !analysis().findIssue(id) && std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        };
        for (const auto& items : analysis().lists)
            for (const Item& item : items)
                for (const std::string& id : item.issues)
                    note(id);
        for (const PlanRow& row : analysis().plan)
            for (const std::string& id : row.issues)
                note(id);
        return ids;
    }

    /// Adult ids that links point to but no heading holds, in order of first appearance.
    std::vector<std::string> danglingAdultIds()
    {
        std::vector<std::string> ids;
        auto note = [&](const std::string& id) {
            if (!id.empty() && !analysis().findAdult(id) && std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        };
        for (const Issue& issue : analysis().issues)
            for (const std::string& id : issue.raisedByAdults)
                note(id);
        for (const auto& items : analysis().lists)
            for (const Item& item : items)
                for (const std::string& id : item.adults)
                    note(id);
        return ids;
    }

    /// Links to what is gone (a heading deleted by hand) point nowhere: they are not part of the
    /// analysis any more. An item left with neither text nor links is nothing.
    void dropDanglingLinks()
    {
        auto prune = [](std::vector<std::string>& refs, auto exists) {
            refs.erase(std::remove_if(refs.begin(), refs.end(), [&](const std::string& id) { return !exists(id); }),
                       refs.end());
        };
        const Analysis& a = analysis();
        auto issueExists = [&](const std::string& id) { return a.findIssue(id) != nullptr; };
        auto adultExists = [&](const std::string& id) { return a.findAdult(id) != nullptr; };
        auto itemExists = [&](const std::string& id) { return a.findItem(id) != nullptr; };
        for (Issue& issue : analysis().issues)
            prune(issue.raisedByAdults, adultExists);
        for (std::size_t k = 0; k < listKindCount; ++k)
        {
            std::vector<Item>& items = analysis().lists[k];
            std::vector<std::size_t>& blocks = layout().items[k];
            for (std::size_t i = items.size(); i-- > 0;)
            {
                prune(items[i].issues, issueExists);
                prune(items[i].adults, adultExists);
                prune(items[i].items, itemExists);
                if (items[i].text.empty() && items[i].issues.empty() && items[i].adults.empty()
                    && items[i].items.empty() && items[i].ifNot.empty())
                {
                    items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
                    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
                    if (k == static_cast<std::size_t>(ListKind::WhatNeedsToHappen))
                        layout().ifNot.erase(layout().ifNot.begin() + static_cast<std::ptrdiff_t>(i));
                }
            }
        }
    }

    /// Who identified an issue lists the adults in the order the analysis names them.
    void sortAdultRefs()
    {
        std::map<std::string, std::size_t> order;
        for (std::size_t i = 0; i < analysis().adults.size(); ++i)
            order[analysis().adults[i].id] = i;
        for (Issue& issue : analysis().issues)
            std::stable_sort(issue.raisedByAdults.begin(), issue.raisedByAdults.end(),
                             [&](const std::string& a, const std::string& b) { return order[a] < order[b]; });
    }

    const std::vector<Block>& blocks_;
    const Strings& strings_;
    Labels labels_;
    ReadResult result_;
    Context context_ = Context::None;
    std::size_t index_ = 0;
    bool currentIssueOpen_ = false;
    bool currentAdultOpen_ = false;
    bool legacyChild_ = false;
    bool legacyTable_ = false;
    std::string legacyParents_[2];
    std::vector<std::pair<std::size_t, std::size_t>> legacyVoices_; ///< (issue, 0 parents / 1 others)
};
} // namespace

std::string styleName(Role role, std::size_t index)
{
    switch (role)
    {
        case Role::Heading:
            return "Analysis Heading";
        case Role::Subheading:
            return "Analysis Subheading";
        case Role::IssueTitle:
            return "Analysis Issue Title";
        case Role::RaisedBy:
            return "Analysis Raised By";
        case Role::Question:
            return "Analysis Question";
        case Role::IssuePartAnswer:
            return "Analysis " + words(jsonName(static_cast<IssuePart>(index)));
        case Role::ListItem:
            return "Analysis " + words(jsonName(static_cast<ListKind>(index)));
        case Role::IfNot:
            return "Analysis If Not";
        case Role::TopicAnswer:
            return "Analysis " + words(jsonName(static_cast<Topic>(index)));
        case Role::AdultName:
            return "Analysis Adult";
        case Role::AdultAnswer:
            return "Analysis " + words(jsonName(static_cast<AdultPart>(index)));
        case Role::PlanHeader:
            return "Analysis Plan Header";
        case Role::PlanCell:
            return "Analysis Plan Cell";
        case Role::PlanFlag:
            return "Analysis Plan Flag";
        case Role::SupervisionHeader:
            return "Analysis Supervision Header";
        case Role::SupervisionCell:
            return "Analysis Supervision Cell";
        case Role::LegacyParents:
            return index == 0 ? "Analysis Parents Understanding" : "Analysis Parents Motivation";
        case Role::None:
            break;
    }
    return std::string();
}

std::vector<StyleRole> allStyleRoles()
{
    std::vector<StyleRole> roles{ { Role::Heading, 0, false },
                                  { Role::Subheading, 0, false },
                                  { Role::IssueTitle, 0, false },
                                  { Role::RaisedBy, 0, false },
                                  { Role::Question, 0, false } };
    for (std::size_t i = 0; i < issuePartCount; ++i)
        roles.push_back({ Role::IssuePartAnswer, i, false });
    for (std::size_t i = 0; i < topicCount; ++i)
        roles.push_back({ Role::TopicAnswer, i, false });
    roles.push_back({ Role::AdultName, 0, false });
    for (std::size_t i = 0; i < adultPartCount; ++i)
        roles.push_back({ Role::AdultAnswer, i, false });
    for (std::size_t i = 0; i < listKindCount; ++i)
        roles.push_back({ Role::ListItem, i, false });
    roles.push_back({ Role::IfNot, 0, false });
    roles.push_back({ Role::PlanHeader, 0, false });
    roles.push_back({ Role::PlanCell, 0, false });
    roles.push_back({ Role::PlanFlag, 0, false });
    roles.push_back({ Role::SupervisionHeader, 0, false });
    roles.push_back({ Role::SupervisionCell, 0, false });
    return roles;
}

std::vector<StyleSpec> styleSpecs()
{
    std::vector<StyleSpec> specs;
    for (const StyleRole& r : allStyleRoles())
    {
        StyleSpec spec;
        spec.name = styleName(r.role, r.index);
        spec.parent = "Text body";
        switch (r.role)
        {
            // Headings keep with what follows them, whatever the document's own heading styles
            // say (a report's "Heading 2" may have lost its parent "Heading", and with it this).
            case Role::Heading:
                spec = { spec.name, "Heading 2", "Text body", 2 };
                spec.keepWithNext = true;
                break;
            case Role::Subheading:
                spec = { spec.name, "Heading 3", "Text body", 3 };
                spec.keepWithNext = true;
                break;
            case Role::IssueTitle:
            case Role::AdultName:
                spec = { spec.name, "Heading 4", "Text body", 4 };
                spec.keepWithNext = true;
                break;
            case Role::RaisedBy:
                spec.next = "Text body";
                spec.italic = true;
                break;
            case Role::Question:
                spec.next = "Text body";
                spec.bold = true;
                spec.keepWithNext = true;
                spec.spaceAboveMm100 = 200;
                break;
            case Role::IfNot:
                spec.italic = true;
                spec.indentMm100 = 600;
                spec.next = styleName(Role::ListItem, static_cast<std::size_t>(ListKind::WhatNeedsToHappen));
                break;
            case Role::PlanHeader:
            case Role::SupervisionHeader:
                spec.parent = "Table Heading";
                spec.bold = true;
                spec.fontSizePt = 8;
                break;
            case Role::PlanCell:
            case Role::SupervisionCell:
                spec.parent = "Table Contents";
                spec.fontSizePt = 8;
                break;
            case Role::PlanFlag:
                spec.parent = "Table Contents";
                spec.next = "Analysis Plan Cell";
                spec.bold = true;
                spec.fontSizePt = 8;
                break;
            default: // answers and list items continue in their own style
                break;
        }
        specs.push_back(std::move(spec));
    }
    return specs;
}

StyleRole roleOfStyle(const std::string& name)
{
    const auto& index = styleIndex();
    auto it = index.find(name);
    return it == index.end() ? StyleRole{} : it->second;
}

bool readsLinks(Role role)
{
    switch (role)
    {
        case Role::RaisedBy:
        case Role::ListItem:
        case Role::PlanCell:
        case Role::None:
            return true;
        case Role::Heading:
        case Role::Subheading:
        case Role::IssueTitle:
        case Role::Question:
        case Role::IssuePartAnswer:
        case Role::IfNot:
        case Role::TopicAnswer:
        case Role::AdultName:
        case Role::AdultAnswer:
        case Role::PlanHeader:
        case Role::PlanFlag:
        case Role::SupervisionHeader:
        case Role::SupervisionCell:
        case Role::LegacyParents:
            return false;
    }
    return true;
}

std::vector<std::optional<PlanColumn>> planTableColumns(const Row& header, const Strings& strings)
{
    return planColumns(header, Labels(strings));
}

std::optional<LinkTarget> linkTarget(const Span& span)
{
    static const MarkKind kinds[] = { MarkKind::Issue, MarkKind::Adult, MarkKind::Help };
    auto fromName = [](const std::string& name) -> std::optional<LinkTarget> {
        for (MarkKind kind : kinds)
            if (auto id = idFromBookmark(kind, name))
                return LinkTarget{ kind, *id };
        return std::nullopt;
    };
    if (span.link.size() > 1 && span.link[0] == '#')
        if (auto target = fromName(span.link.substr(1)))
            return target;
    if (!span.fieldBookmark.empty())
        return fromName(span.fieldBookmark);
    return std::nullopt;
}

std::optional<std::string> linkedIssue(const Span& span)
{
    const auto target = linkTarget(span);
    if (target && target->kind == MarkKind::Issue)
        return target->id;
    return std::nullopt;
}

std::string adultHeading(const Adult& adult, const Strings& strings)
{
    if (isBlank(adult.relationship))
        return adult.name;
    return strings.format("adult.heading", { adult.name, adult.relationship });
}

std::pair<std::string, std::string> parseAdultHeading(const std::string& text)
{
    const std::string t = trimmed(text);
    const std::size_t open = t.rfind(" (");
    if (t.empty() || t.back() != ')' || open == std::string::npos || open == 0)
        return { t, std::string() };
    return { t.substr(0, open), t.substr(open + 2, t.size() - open - 3) };
}

std::vector<SupervisionEntry> readSupervision(const std::vector<Block>& blocks)
{
    std::vector<SupervisionEntry> entries;
    for (const Block& block : blocks)
    {
        const Table* table = std::get_if<Table>(&block);
        if (!table || !isSupervisionTable(*table))
            continue;
        for (std::size_t r = 1; r < table->rows.size(); ++r)
        {
            const Row& row = table->rows[r];
            std::string cells[6];
            for (std::size_t c = 0; c < 6 && c < row.size(); ++c)
                cells[c] = joinCell(row[c]);
            if (std::all_of(std::begin(cells), std::end(cells), [](const std::string& c) { return isBlank(c); }))
                continue;
            entries.push_back({ cells[0], cells[1], cells[2], cells[3], cells[4], cells[5] });
        }
    }
    return entries;
}

std::string templatePlaceBookmark(TemplatePlace place)
{
    static const char* const names[templatePlaceCount] = { "safety", "analysis", "recommendation", "plan",
                                                           "supervision" };
    return std::string(bookmarkPrefix) + "place_" + names[static_cast<std::size_t>(place)];
}

bool isForeignHeading(const std::string& style)
{
    return roleOfStyle(style).role == Role::None
           && (style.rfind("Heading", 0) == 0 || style == "Title" || style == "Subtitle");
}

ReadResult readAnalysis(const std::vector<Block>& blocks, const Strings& strings)
{
    return Reader(blocks, strings).read();
}

} // namespace aa
