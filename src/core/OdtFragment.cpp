#include "OdtFragment.hpp"

#include "Compose.hpp"
#include "DocumentStructure.hpp"
#include "Utf8.hpp"
#include "Zip.hpp"

#include <algorithm>

namespace aa
{
namespace
{
constexpr const char* namespaces = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                                   " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                                   " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                                   " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                                   " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
                                   " xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.3\"";

/// Relative widths of the plan columns (indexed by PlanColumn): the issue, outcome and action
/// wide, priority narrow, by when wide enough for "31/01/2027" at the cells' size.
constexpr int planColumnWidths[planColumnCount] = { 14, 18, 20, 13, 9, 12, 14, 14, 14 };

/// ODF's encoding of a display name as a style name: spaces become "_20_".
std::string odfName(const std::string& displayName)
{
    std::string out;
    for (char c : displayName)
        out += c == ' ' ? std::string("_20_") : std::string(1, c);
    return out;
}

std::string styleXml(const StyleSpec& spec)
{
    const std::string next = spec.next.empty() ? spec.name : spec.next;
    std::string xml = "<style:style style:name=\"" + odfName(spec.name) + "\" style:display-name=\""
                      + escapeXml(spec.name) + "\" style:family=\"paragraph\" style:parent-style-name=\""
                      + odfName(spec.parent) + "\" style:next-style-name=\"" + odfName(next) + "\"";
    if (spec.outlineLevel)
        xml += " style:default-outline-level=\"" + std::to_string(spec.outlineLevel) + "\"";
    xml += " style:class=\"text\"><style:paragraph-properties";
    if (spec.keepWithNext)
        xml += " fo:keep-with-next=\"always\"";
    if (spec.spaceAboveMm100 >= 0)
        xml += " fo:margin-top=\"" + std::to_string(spec.spaceAboveMm100 / 1000.0) + "cm\"";
    if (spec.indentMm100 > 0)
        xml += " fo:margin-left=\"" + std::to_string(spec.indentMm100 / 1000.0) + "cm\"";
    xml += "/><style:text-properties";
    if (spec.bold)
        xml += " fo:font-weight=\"bold\"";
    if (spec.italic)
        xml += " fo:font-style=\"italic\"";
    if (spec.fontSizePt > 0)
        xml += " fo:font-size=\"" + std::to_string(spec.fontSizePt) + "pt\"";
    xml += "/></style:style>";
    return xml;
}

/// The styles travel with the package for completeness; Writer keeps the target document's
/// definitions where they exist (the glue creates them first, see DocumentGuard).
std::string stylesXml()
{
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles";
    xml += namespaces;
    xml += "><office:styles>";
    for (const StyleSpec& spec : styleSpecs())
        xml += styleXml(spec);
    xml += "</office:styles></office:document-styles>";
    return xml;
}

std::string bookmarked(const std::string& name, const std::string& innerXml)
{
    const std::string escaped = escapeXml(name);
    return "<text:bookmark-start text:name=\"" + escaped + "\"/>" + innerXml + "<text:bookmark-end text:name=\""
           + escaped + "\"/>";
}

/// A prompt: a placeholder field, which Writer shows (and selects on a click, so typing replaces
/// it) but does not print or export.
std::string promptXml(const std::string& text)
{
    const std::string escaped = escapeXml(text);
    return "<text:placeholder text:placeholder-type=\"text\" text:description=\"" + escaped + "\">&lt;" + escaped
           + "&gt;</text:placeholder>";
}

/// The XML of a paragraph's runs.
std::string runsXml(const std::vector<Run>& runs)
{
    std::string xml;
    for (const Run& run : runs)
        switch (run.kind)
        {
            case Run::Kind::Text:
                xml += paragraphXml(run.text);
                break;
            case Run::Kind::Marked:
                xml += bookmarked(run.mark, paragraphXml(run.text));
                break;
            case Run::Kind::Strong:
                xml += "<text:span text:style-name=\"AAStrong\">" + paragraphXml(run.text) + "</text:span>";
                break;
            case Run::Kind::Link:
            {
                // A hyperlink to one of our bookmarks around a field showing the bookmark's text.
                const std::string bookmark = escapeXml(run.mark);
                xml += "<text:a xlink:type=\"simple\" xlink:href=\"#" + bookmark
                       + "\"><text:bookmark-ref text:reference-format=\"text\" text:ref-name=\"" + bookmark + "\">"
                       + paragraphXml(run.text) + "</text:bookmark-ref></text:a>";
                break;
            }
            case Run::Kind::Prompt:
                xml += promptXml(run.text);
                break;
        }
    return xml;
}

class ContentWriter
{
public:
    ContentWriter(const Analysis& analysis, const Strings& strings, const FragmentParts& parts)
        : analysis_(analysis), strings_(strings), parts_(parts), compose_(analysis, strings),
          columns_(planTableColumns(analysis.plan))
    {
    }

    std::string build()
    {
        xml_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content";
        xml_ += namespaces;
        xml_ += "><office:automatic-styles>"
                "<style:style style:name=\"AAPlanTable\" style:family=\"table\">"
                "<style:table-properties style:width=\"17cm\" table:align=\"margins\"/>"
                "</style:style>"
                "<style:style style:name=\"AAPlanCellBox\" style:family=\"table-cell\">"
                "<style:table-cell-properties fo:padding=\"0.08cm\" "
                "fo:border=\"0.5pt solid #000000\"/></style:style>"
                "<style:style style:name=\"AAPlanRow\" style:family=\"table-row\">"
                "<style:table-row-properties fo:keep-together=\"always\"/></style:style>"
                "<style:style style:name=\"AAStrong\" style:family=\"text\">"
                "<style:text-properties fo:font-weight=\"bold\"/></style:style>";
        int total = 0;
        for (PlanColumn c : columns_)
            total += planColumnWidths[static_cast<std::size_t>(c)];
        for (PlanColumn c : columns_)
        {
            const int width = planColumnWidths[static_cast<std::size_t>(c)];
            xml_ += "<style:style style:name=\"AAPlanCol" + std::string(jsonName(c))
                    + "\" style:family=\"table-column\"><style:table-column-properties style:column-width=\""
                    + std::to_string(width * 17.0 / total) + "cm\" style:rel-width=\"" + std::to_string(width * 100)
                    + "*\"/></style:style>";
        }
        xml_ += "</office:automatic-styles><office:body><office:text>";
        if (parts_.heading)
            paragraph(compose_.analysisHeading());
        for (std::size_t s = 0; s < sectionCount; ++s)
        {
            const auto section = static_cast<Section>(s);
            if (!parts_.has(section))
                continue;
            if (section == Section::Plan)
            {
                if (parts_.hasHeading(section))
                    paragraph(compose_.sectionHeading(section));
                writePlan();
            }
            if (section == Section::Plan && !parts_.planTopics)
                continue;
            for (const NewParagraph& p :
                 compose_.section(section, parts_.hasHeading(section) && section != Section::Plan))
                paragraph(p);
        }
        xml_ += "<text:p text:style-name=\"Standard\"/></office:text></office:body></office:document-content>";
        return std::move(xml_);
    }

private:
    /// Headings are text:h with their outline level, so the report's navigator lists them.
    void paragraph(const NewParagraph& p)
    {
        const std::string style = odfName(styleName(p.role, p.index));
        int level = 0;
        switch (p.role)
        {
            case Role::Heading:
                level = 2;
                break;
            case Role::Subheading:
                level = 3;
                break;
            case Role::IssueTitle:
            case Role::AdultName:
                level = p.isPrompt() ? 0 : 4;
                break;
            default:
                break;
        }
        if (level)
            xml_ += "<text:h text:style-name=\"" + style + "\" text:outline-level=\"" + std::to_string(level) + "\">"
                    + runsXml(p.runs) + "</text:h>";
        else
            xml_ += "<text:p text:style-name=\"" + style + "\">" + runsXml(p.runs) + "</text:p>";
    }

    void cell(const std::string& innerXmlParagraphs)
    {
        xml_ += "<table:table-cell table:style-name=\"AAPlanCellBox\" office:value-type=\"string\">"
                + innerXmlParagraphs + "</table:table-cell>";
    }

    std::string cellParagraph(const std::string& innerXml) const
    {
        return "<text:p text:style-name=\"" + odfName(styleName(Role::PlanCell)) + "\">" + innerXml + "</text:p>";
    }

    void writePlan()
    {
        xml_ += "<table:table table:name=\"AnalysisActionPlan\" table:style-name=\"AAPlanTable\">";
        for (PlanColumn c : columns_)
            xml_ += "<table:table-column table:style-name=\"AAPlanCol" + std::string(jsonName(c)) + "\"/>";
        xml_ += "<table:table-header-rows><table:table-row>";
        const std::string header = odfName(styleName(Role::PlanHeader));
        for (PlanColumn c : columns_)
            cell("<text:p text:style-name=\"" + header + "\">"
                 + paragraphXml(strings_.get(std::string("plan.") + jsonName(c))) + "</text:p>");
        xml_ += "</table:table-row></table:table-header-rows>";
        std::vector<PlanRow> rows = analysis_.plan;
        if (rows.empty())
            rows.emplace_back(); // a row to type into
        for (const PlanRow& row : rows)
        {
            // A row is never split across two pages.
            xml_ += "<table:table-row table:style-name=\"AAPlanRow\">";
            for (PlanColumn c : columns_)
                cell(cellXml(row, c));
            xml_ += "</table:table-row>";
        }
        xml_ += "</table:table>";
    }

    std::string cellXml(const PlanRow& row, PlanColumn c) const
    {
        if (c == PlanColumn::Issue)
        {
            std::string out;
            if (row.flagged)
                out = "<text:p text:style-name=\"" + odfName(styleName(Role::PlanFlag)) + "\">"
                      + paragraphXml(strings_.get("plan.flag")) + "</text:p>";
            return out + cellParagraph(runsXml(compose_.issueLinks(row.issues)));
        }
        const std::vector<std::string> lines = splitParagraphs(row.cell(c));
        std::string out;
        for (std::size_t i = 0; i < lines.size(); ++i)
        {
            std::string inner = paragraphXml(lines[i]);
            // The action: a point bookmark at its start ties the row to its item; a must is marked.
            if (c == PlanColumn::Action && i == 0 && row.must)
                inner = runsXml({ Run{ Run::Kind::Strong, compose_.mustPrefix(), {} } }) + inner;
            if (c == PlanColumn::Action && i == 0 && !row.help.empty())
                inner = "<text:bookmark text:name=\"" + escapeXml(bookmarkName(MarkKind::Plan, row.help)) + "\"/>"
                        + inner;
            out += cellParagraph(inner);
        }
        return out;
    }

    const Analysis& analysis_;
    const Strings& strings_;
    const FragmentParts& parts_;
    const Composer compose_;
    const std::vector<PlanColumn> columns_;
    std::string xml_;
};
} // namespace

FragmentParts FragmentParts::all()
{
    FragmentParts parts;
    parts.sections.fill(true);
    parts.headings.fill(true);
    return parts;
}

FragmentParts FragmentParts::only(Section section, bool withHeading)
{
    FragmentParts parts;
    parts.heading = false;
    parts.sections.fill(false);
    parts.headings.fill(false);
    parts.set(section, true, withHeading);
    return parts;
}

std::vector<PlanColumn> planTableColumns(const std::vector<PlanRow>& rows)
{
    std::vector<PlanColumn> columns;
    for (std::size_t c = 0; c < newTableColumns; ++c)
        columns.push_back(static_cast<PlanColumn>(c));
    for (PlanColumn legacy : { PlanColumn::Review, PlanColumn::Contingency })
        if (std::any_of(rows.begin(), rows.end(), [&](const PlanRow& row) { return !isBlank(row.cell(legacy)); }))
            columns.push_back(legacy);
    return columns;
}

std::string paragraphXml(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        switch (c)
        {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '\t':
                out += "<text:tab/>";
                break;
            case ' ':
            {
                // ODF collapses runs of spaces and drops leading and trailing ones, so only a
                // space between two other characters may stay literal.
                const bool literal = i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t' && i + 1 < text.size()
                                     && text[i + 1] != ' ';
                out += literal ? " " : "<text:s/>";
                break;
            }
            default:
                out += c;
        }
    }
    return out;
}

std::string buildOdtContent(const Analysis& analysis, const Strings& strings, const FragmentParts& parts)
{
    return ContentWriter(analysis, strings, parts).build();
}

std::string buildOdtFragment(const Analysis& analysis, const Strings& strings, const FragmentParts& parts)
{
    const std::string manifest
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
          "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
          "manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" "
          "manifest:version=\"1.3\" "
          "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
          "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
          "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
          "</manifest:manifest>";
    return storedZip({ { "mimetype", "application/vnd.oasis.opendocument.text" },
                       { "META-INF/manifest.xml", manifest },
                       { "content.xml", buildOdtContent(analysis, strings, parts) },
                       { "styles.xml", stylesXml() } });
}

} // namespace aa
