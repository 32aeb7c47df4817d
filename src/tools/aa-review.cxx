// aa-review: the supervisor's review for a whole team, headless. Reviews .odt and .docx files
// (or every such file under a folder) in a private headless Writer with the extension, and
// reports on the terminal, as JSON (--json) and as an HTML summary with one row per document
// (--html). Keeps going past files it cannot open (corrupt, password-protected) and says which.
// Exit code: 0 when every document was reviewed, 1 when some could not be opened, 2 on a usage
// error or when Writer could not be started. Findings never change the exit code.
#include "Office.hxx"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace css;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace
{
struct Options
{
    std::vector<std::string> paths;
    std::string jsonOut, htmlOut, today, oxt = AA_OXT_PATH, profile;
    bool quiet = false;
};

void usage()
{
    std::cerr << "usage: aa-review [--json FILE|-] [--html FILE] [--today YYYY-MM-DD] [--oxt FILE]\n"
                 "                 [--profile DIR] [--quiet] FILE-OR-FOLDER...\n";
}

std::string lowerExtension(const fs::path& p)
{
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

std::vector<fs::path> collect(const std::vector<std::string>& paths)
{
    std::vector<fs::path> files;
    for (const std::string& p : paths)
    {
        if (fs::is_directory(p))
        {
            for (const auto& entry : fs::recursive_directory_iterator(p))
                if (entry.is_regular_file() && (lowerExtension(entry.path()) == ".odt" || lowerExtension(entry.path()) == ".docx"))
                    files.push_back(entry.path());
        }
        else
            files.emplace_back(p);
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// Why a file could not be opened, as far as its first bytes tell.
std::string openFailure(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    unsigned char head[8] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    if (!fs::exists(file))
        return "not found";
    if (head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        return "protected by a password (encrypted), so it was not reviewed";
    return "could not be opened: it is corrupt, or protected by a password";
}

uno::Reference<lang::XComponent> openReadOnly(aa::client::Office& office, const fs::path& file)
{
    // No interaction handler: an encrypted file fails at once instead of asking for its password.
    // (Not an empty "Password" either: LibreOffice 25.2 then refuses every document.)
    uno::Sequence<beans::PropertyValue> props(2);
    props[0].Name = "Hidden";
    props[0].Value <<= true;
    props[1].Name = "ReadOnly";
    props[1].Value <<= true;
    return office.desktop()->loadComponentFromURL(
        aa::glue::fromUtf8(aa::client::fileUrl(file.string())), "_blank", 0, props);
}
} // namespace

int main(int argc, char** argv)
{
    Options opt;
    for (int i = 1; i < argc; ++i)
    {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
            {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--json")
            opt.jsonOut = value();
        else if (a == "--html")
            opt.htmlOut = value();
        else if (a == "--today")
            opt.today = value();
        else if (a == "--oxt")
            opt.oxt = value();
        else if (a == "--profile")
            opt.profile = value();
        else if (a == "--quiet")
            opt.quiet = true;
        else if (a == "--help" || a == "-h")
        {
            usage();
            return 0;
        }
        else if (!a.empty() && a[0] == '-')
        {
            usage();
            return 2;
        }
        else
            opt.paths.push_back(a);
    }
    if (opt.paths.empty())
    {
        usage();
        return 2;
    }
    if (opt.today.empty())
        opt.today = aa::todayIso();
    const std::vector<fs::path> files = collect(opt.paths);
    const auto started = std::chrono::steady_clock::now();
    const std::string profile
        = opt.profile.empty() ? (fs::temp_directory_path() / ("aa-review-" + std::to_string(aa::platform::currentId()))).string() : opt.profile;

    json::array documents;
    int unreadable = 0;
    try
    {
        if (opt.profile.empty())
            fs::remove_all(profile);
        aa::client::Office office({ profile, opt.oxt, true });
        for (std::size_t i = 0; i < files.size(); ++i)
        {
            const fs::path& file = files[i];
            if (!opt.quiet)
                std::cerr << "\r[" << (i + 1) << "/" << files.size() << "] " << file.filename().string() << "\033[K" << std::flush;
            json::object doc;
            doc["file"] = file.string();
            uno::Reference<lang::XComponent> xDoc;
            try
            {
                xDoc = openReadOnly(office, file);
            }
            catch (const uno::Exception&)
            {
            }
            if (!xDoc.is())
            {
                ++unreadable;
                doc["status"] = "error";
                doc["error"] = openFailure(file);
                documents.emplace_back(std::move(doc));
                continue;
            }
            try
            {
                const json::value analysis = json::parse(office.call("read", xDoc));
                doc["issues"] = analysis.as_object().at("issues").as_array().size();
                if (doc["issues"].as_uint64() == 0)
                {
                    doc["status"] = "noAnalysis";
                    doc["findings"] = json::array();
                }
                else
                {
                    doc["status"] = "reviewed";
                    doc["findings"]
                        = json::parse(office.call("review", xDoc, {}, 0, { { "Today", opt.today } })).as_object().at("findings");
                }
            }
            catch (const uno::Exception& e)
            {
                ++unreadable;
                doc["status"] = "error";
                doc["error"] = "could not be reviewed: " + aa::client::describe(e);
            }
            try
            {
                aa::client::Office::close(xDoc);
            }
            catch (...)
            {
            }
            documents.emplace_back(std::move(doc));
        }
        if (!opt.quiet)
            std::cerr << "\r\033[K";
    }
    catch (const std::exception& e)
    {
        std::cerr << "aa-review: " << e.what() << "\n";
        return 2;
    }
    catch (const uno::Exception& e)
    {
        std::cerr << "aa-review: " << aa::client::describe(e) << "\n";
        return 2;
    }
    if (opt.profile.empty())
        fs::remove_all(profile);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    // Terminal report.
    std::size_t reviewed = 0, totalErrors = 0;
    for (const auto& d : documents)
    {
        const json::object& doc = d.as_object();
        const std::string status(doc.at("status").as_string());
        std::cout << doc.at("file").as_string().c_str() << ": ";
        if (status == "error")
        {
            std::cout << "NOT REVIEWED, " << doc.at("error").as_string().c_str() << "\n";
            continue;
        }
        ++reviewed;
        std::size_t counts[3] = {};
        for (const auto& f : doc.at("findings").as_array())
        {
            const std::string sev(f.as_object().at("severity").as_string());
            ++counts[sev == "error" ? 0 : sev == "warning" ? 1 : 2];
        }
        totalErrors += counts[0];
        if (status == "noAnalysis")
            std::cout << "no analysis section\n";
        else
            std::cout << doc.at("issues").as_uint64() << " issues, " << counts[0] << " errors, " << counts[1]
                      << " warnings, " << counts[2] << " notes\n";
        for (const auto& f : doc.at("findings").as_array())
        {
            const json::object& o = f.as_object();
            if (o.at("severity").as_string() != "info")
                std::cout << "  [" << o.at("severity").as_string().c_str() << "] " << o.at("standard").as_string().c_str()
                          << ": " << o.at("message").as_string().c_str() << "\n";
        }
    }
    std::cout << reviewed << " of " << documents.size() << " documents reviewed, " << unreadable
              << " could not be opened, " << totalErrors << " error-level findings, in " << seconds << " s\n";

    if (!opt.jsonOut.empty())
    {
        const std::string out = json::serialize(json::object{
            { "today", opt.today }, { "documents", documents }, { "reviewed", reviewed }, { "unreadable", unreadable } });
        if (opt.jsonOut == "-")
            std::cout << out << "\n";
        else
            std::ofstream(opt.jsonOut) << out << "\n";
    }
    if (!opt.htmlOut.empty())
    {
        std::ofstream out(opt.htmlOut);
        out << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Assessment analysis review "
            << aa::escapeXml(opt.today) << "</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
               "td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}.error{color:#a00}</style></head><body>"
               "<h1>Assessment analysis review</h1><p>"
            << reviewed << " of " << documents.size() << " documents reviewed on " << aa::escapeXml(opt.today)
            << ".</p><table><tr><th>Document</th><th>Issues</th><th>Errors</th><th>Warnings</th><th>Notes</th><th>Main findings</th></tr>\n";
        for (const auto& d : documents)
        {
            const json::object& doc = d.as_object();
            out << "<tr><td>" << aa::escapeXml(fs::path(std::string(doc.at("file").as_string())).filename().string()) << "</td>";
            if (doc.at("status").as_string() == "error")
            {
                out << "<td colspan=\"5\" class=\"error\">" << aa::escapeXml(std::string(doc.at("error").as_string())) << "</td></tr>\n";
                continue;
            }
            std::size_t counts[3] = {};
            std::string main;
            for (const auto& f : doc.at("findings").as_array())
            {
                const json::object& o = f.as_object();
                const std::string sev(o.at("severity").as_string());
                ++counts[sev == "error" ? 0 : sev == "warning" ? 1 : 2];
                if (sev == "error")
                    main += "<li>" + aa::escapeXml(std::string(o.at("message").as_string())) + "</li>";
            }
            out << "<td>" << doc.at("issues").as_uint64() << "</td><td>" << counts[0] << "</td><td>" << counts[1]
                << "</td><td>" << counts[2] << "</td><td><ul>" << main << "</ul></td></tr>\n";
        }
        out << "</table></body></html>\n";
    }
    return unreadable ? 1 : 0;
}
