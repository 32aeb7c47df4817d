#include "OdtFragment.hpp"

#include "Catalogue.hpp"
#include "DocumentStructure.hpp"
#include "Utf8.hpp"
#include "Zip.hpp"

namespace aa
{
namespace
{
constexpr const char* namespaces
    = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
      " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
      " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
      " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
      " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
      " xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.3\"";

/// Relative widths of the plan columns, in table order.
constexpr int planColumnWidths[planColumnCount] = { 12, 14, 14, 13, 10, 9, 14, 14 };

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
/// definitions where they exist (the glue creates them first, see DocumentWriter).
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

class ContentWriter
{
public:
    ContentWriter(const Analysis& analysis, const Strings& strings, FragmentParts parts)
        : analysis_(analysis), strings_(strings), parts_(parts)
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
                "fo:border=\"0.5pt solid #000000\"/></style:style>";
        for (std::size_t c = 0; c < planColumnCount; ++c)
            xml_ += "<style:style style:name=\"AAPlanCol" + std::to_string(c)
                    + "\" style:family=\"table-column\"><style:table-column-properties "
                      "style:column-width=\""
                    + std::to_string(planColumnWidths[c] * 17 / 100.0) + "cm\" style:rel-width=\""
                    + std::to_string(planColumnWidths[c] * 100) + "*\"/></style:style>";
        xml_ += "</office:automatic-styles><office:body><office:text>";

        if (parts_.analysis)
        {
            heading(Role::Heading, 2, strings_.get("section.analysis"));
            heading(Role::Subheading, 3, strings_.get("section.issues"));
            for (const Issue& issue : analysis_.issues)
                writeIssue(issue);
            for (std::size_t k = 0; k < listKindCount; ++k)
                writeList(static_cast<ListKind>(k));
            heading(Role::Subheading, 3, strings_.get("section.considerations"));
            for (std::size_t k = 0; k < considerationCount; ++k)
            {
                const char* key = jsonName(static_cast<Consideration>(k));
                paragraph(Role::Question, 0, paragraphXml(label(key)));
                answer(Role::ConsiderationAnswer, k, analysis_.considerations[k]);
            }
        }
        if (parts_.plan)
        {
            heading(Role::Subheading, 3, strings_.get("section.plan"));
            writePlan();
        }
        xml_ += "<text:p/></office:text></office:body></office:document-content>";
        return std::move(xml_);
    }

private:
    std::string label(const std::string& key) const { return strings_.get("part." + key + ".label"); }

    void heading(Role role, int level, const std::string& text, const std::string& inner = {})
    {
        xml_ += "<text:h text:style-name=\"" + odfName(styleName(role)) + "\" text:outline-level=\""
                + std::to_string(level) + "\">" + (inner.empty() ? paragraphXml(text) : inner)
                + "</text:h>";
    }

    void paragraph(Role role, std::size_t index, const std::string& innerXml)
    {
        xml_ += "<text:p text:style-name=\"" + odfName(styleName(role, index)) + "\">" + innerXml
                + "</text:p>";
    }

    /// A multi-paragraph answer: one paragraph per line; an empty answer is one empty paragraph.
    void answer(Role role, std::size_t index, const std::string& text)
    {
        std::size_t start = 0;
        while (true)
        {
            const std::size_t end = text.find('\n', start);
            paragraph(role, index, paragraphXml(text.substr(start, end - start)));
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
    }

    /// A hyperlink to the issue's heading around a field showing the heading's current text.
    std::string issueLink(const std::string& id) const
    {
        const Issue* issue = analysis_.findIssue(id);
        const std::string bookmark = escapeXml(issueBookmarkName(id));
        return "<text:a xlink:type=\"simple\" xlink:href=\"#" + bookmark
               + "\"><text:bookmark-ref text:reference-format=\"text\" text:ref-name=\"" + bookmark
               + "\">" + paragraphXml(issue ? issue->title : id) + "</text:bookmark-ref></text:a>";
    }

    void writeIssue(const Issue& issue)
    {
        const std::string bookmark = escapeXml(issueBookmarkName(issue.id));
        heading(Role::IssueTitle, 4, issue.title,
                "<text:bookmark-start text:name=\"" + bookmark + "\"/>" + paragraphXml(issue.title)
                    + "<text:bookmark-end text:name=\"" + bookmark + "\"/>");
        std::string voices;
        for (Voice v : issue.raisedBy)
        {
            if (!voices.empty())
                voices += strings_.get("raisedBy.separator");
            voices += strings_.get(std::string("voice.") + jsonName(v));
        }
        if (voices.empty())
            voices = strings_.get("raisedBy.none");
        paragraph(Role::RaisedBy, 0, paragraphXml(strings_.get("raisedBy.prefix") + voices));
        for (std::size_t p = 0; p < issuePartCount; ++p)
        {
            paragraph(Role::Question, 0, paragraphXml(label(jsonName(static_cast<IssuePart>(p)))));
            answer(Role::IssuePartAnswer, p, issue.parts[p]);
        }
    }

    void writeList(ListKind kind)
    {
        const auto index = static_cast<std::size_t>(kind);
        heading(Role::Subheading, 3, strings_.get(std::string("section.") + jsonName(kind)));
        const std::vector<Item>& items = analysis_.list(kind);
        if (items.empty())
            paragraph(Role::ListItem, index, "");
        for (const Item& item : items)
        {
            std::string inner = paragraphXml(item.text);
            if (kind == ListKind::WhatWouldHelp && !item.id.empty())
            {
                const std::string bookmark = escapeXml(helpBookmarkName(item.id));
                inner = "<text:bookmark-start text:name=\"" + bookmark + "\"/>" + inner
                        + "<text:bookmark-end text:name=\"" + bookmark + "\"/>";
            }
            if (!item.issues.empty())
            {
                inner += paragraphXml(strings_.get("item.linkPrefix"));
                for (std::size_t i = 0; i < item.issues.size(); ++i)
                {
                    if (i)
                        inner += paragraphXml(strings_.get("item.linkSeparator"));
                    inner += issueLink(item.issues[i]);
                }
                inner += paragraphXml(strings_.get("item.linkSuffix"));
            }
            paragraph(Role::ListItem, index, inner);
        }
    }

    void cell(const std::string& innerXmlParagraphs)
    {
        xml_ += "<table:table-cell table:style-name=\"AAPlanCellBox\" office:value-type=\"string\">"
                + innerXmlParagraphs + "</table:table-cell>";
    }

    std::string cellParagraphs(const std::string& text) const
    {
        const std::string style = odfName(styleName(Role::PlanCell));
        std::string out;
        std::size_t start = 0;
        while (true)
        {
            const std::size_t end = text.find('\n', start);
            out += "<text:p text:style-name=\"" + style + "\">"
                   + paragraphXml(text.substr(start, end - start)) + "</text:p>";
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
        return out;
    }

    void writePlan()
    {
        xml_ += "<table:table table:name=\"AnalysisActionPlan\" table:style-name=\"AAPlanTable\">";
        for (std::size_t c = 0; c < planColumnCount; ++c)
            xml_ += "<table:table-column table:style-name=\"AAPlanCol" + std::to_string(c) + "\"/>";
        xml_ += "<table:table-header-rows><table:table-row>";
        const std::string header = odfName(styleName(Role::PlanHeader));
        for (std::size_t c = 0; c < planColumnCount; ++c)
            cell("<text:p text:style-name=\"" + header + "\">"
                     + paragraphXml(strings_.get(std::string("plan.")
                                                 + jsonName(static_cast<PlanColumn>(c))))
                     + "</text:p>");
        xml_ += "</table:table-row></table:table-header-rows>";
        std::vector<PlanRow> rows = analysis_.plan;
        if (rows.empty())
            rows.emplace_back(); // a row to type into
        for (const PlanRow& row : rows)
        {
            xml_ += "<table:table-row>";
            const std::string& issueId = row.cell(PlanColumn::Issue);
            std::string flag;
            if (row.flagged)
                flag = "<text:p text:style-name=\"" + odfName(styleName(Role::PlanFlag)) + "\">"
                       + paragraphXml(strings_.get("plan.flag")) + "</text:p>";
            cell(flag + "<text:p text:style-name=\"" + odfName(styleName(Role::PlanCell)) + "\">"
                 + (issueId.empty() ? "" : issueLink(issueId)) + "</text:p>");
            for (std::size_t c = 1; c < planColumnCount; ++c)
            {
                std::string paragraphs = cellParagraphs(row.cells[c]);
                if (c == static_cast<std::size_t>(PlanColumn::Action) && !row.help.empty())
                {
                    // A point bookmark at the start of the action cell ties the row to its item.
                    const std::size_t open = paragraphs.find('>') + 1;
                    paragraphs.insert(open, "<text:bookmark text:name=\""
                                                + escapeXml(planRowBookmarkName(row.help)) + "\"/>");
                }
                cell(paragraphs);
            }
            xml_ += "</table:table-row>";
        }
        xml_ += "</table:table>";
    }

    const Analysis& analysis_;
    const Strings& strings_;
    FragmentParts parts_;
    std::string xml_;
};
} // namespace

std::string paragraphXml(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        switch (c)
        {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '\t': out += "<text:tab/>"; break;
            case ' ':
            {
                // ODF collapses runs of spaces and drops leading and trailing ones, so only a
                // space between two other characters may stay literal.
                const bool literal = i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t'
                                     && i + 1 < text.size() && text[i + 1] != ' ';
                out += literal ? " " : "<text:s/>";
                break;
            }
            default: out += c;
        }
    }
    return out;
}

std::string buildOdtFragment(const Analysis& analysis, const Strings& strings, FragmentParts parts)
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
                       { "content.xml", ContentWriter(analysis, strings, parts).build() },
                       { "styles.xml", stylesXml() } });
}

} // namespace aa
