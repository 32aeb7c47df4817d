#include "FlatOdf.hpp"

#include "Errors.hpp"
#include "Zip.hpp"

#include <regex>

namespace aa
{
namespace
{
/// The element <office:name ...>...</office:name> (or <office:name/>), or "" when absent.
std::string element(const std::string& xml, const std::string& name)
{
    const std::string open = "<office:" + name;
    std::size_t start = xml.find(open);
    while (start != std::string::npos)
    {
        const char next = xml[start + open.size()];
        if (next == '>' || next == ' ' || next == '/' || next == '\n' || next == '\t' || next == '\r')
            break;
        start = xml.find(open, start + 1);
    }
    if (start == std::string::npos)
        return {};
    const std::size_t tagEnd = xml.find('>', start);
    if (tagEnd == std::string::npos)
        return {};
    if (xml[tagEnd - 1] == '/')
        return xml.substr(start, tagEnd + 1 - start);
    const std::string close = "</office:" + name + ">";
    const std::size_t end = xml.find(close, tagEnd);
    if (end == std::string::npos)
        return {};
    return xml.substr(start, end + close.size() - start);
}
} // namespace

std::string packageFromFlatOdf(const std::string& flat)
{
    const std::size_t rootStart = flat.find("<office:document ");
    const std::size_t rootEnd = rootStart == std::string::npos ? rootStart : flat.find('>', rootStart);
    const std::string body = element(flat, "body");
    if (rootEnd == std::string::npos || body.empty())
        throw InputError("This is not a flat ODF document: it needs an <office:document> root with an <office:body>.");
    const std::string rootTag = flat.substr(rootStart, rootEnd - rootStart);
    // The root's attributes (namespaces, version) serve every part; the mimetype is the package's.
    std::string attributes = rootTag.substr(std::string("<office:document").size());
    std::string mimetype = "application/vnd.oasis.opendocument.text";
    const std::regex mimeAttribute(R"re(\s+office:mimetype="([^"]*)")re");
    std::smatch match;
    if (std::regex_search(attributes, match, mimeAttribute))
    {
        mimetype = match[1].str();
        attributes = match.prefix().str() + match.suffix().str();
    }
    const std::string header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    const std::string fonts = element(flat, "font-face-decls");
    const std::string content = header + "<office:document-content" + attributes + ">" + fonts
                                + element(flat, "automatic-styles") + body + "</office:document-content>\n";
    const std::string styles = header + "<office:document-styles" + attributes + ">" + fonts + element(flat, "styles")
                               + element(flat, "master-styles") + "</office:document-styles>\n";
    const std::string meta = header + "<office:document-meta" + attributes + ">" + element(flat, "meta")
                             + "</office:document-meta>\n";
    const std::string manifest
        = header
          + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
            " <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\""
          + mimetype
          + "\"/>\n"
            " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
            " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
            " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
            "</manifest:manifest>\n";
    return storedZip({ { "mimetype", mimetype },
                       { "content.xml", content },
                       { "styles.xml", styles },
                       { "meta.xml", meta },
                       { "META-INF/manifest.xml", manifest } });
}
} // namespace aa
