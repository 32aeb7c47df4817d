// aa-review: the supervisor's review for a whole team, headless. Reviews .odt and .docx files
// (or every such file under a folder) in a private headless Writer with the extension, and
// reports on the terminal, as JSON (--json) and as an HTML summary with one row per document
// (--html). Keeps going past files it cannot open (corrupt, password-protected) and says which.
// With --jobs N (default: the number of cores), N private headless Writers review the documents
// side by side, each taking the next document from one queue; the report is in the same order
// as with one. A Writer that crashes or hangs on a document (--timeout) is restarted, and the
// document is named as not reviewed.
// Exit code: 0 when every document was reviewed, 1 when some could not be opened, 2 on a usage
// error or when Writer could not be started. Findings never change the exit code.
#include "Office.hxx"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

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
    unsigned jobs = 0; ///< 0: the number of cores
    int timeoutSeconds = 300;
};

/// A document's findings counted: certain ones by severity, judgements apart.
struct Tally
{
    std::size_t errors = 0, warnings = 0, notes = 0, judgements = 0;
};

bool isJudgement(const json::object& finding)
{
    const json::value* kind = finding.if_contains("kind");
    return kind && kind->is_string() && kind->as_string() == "judgement";
}

Tally tallyOf(const json::array& findings)
{
    Tally tally;
    for (const auto& f : findings)
    {
        const json::object& o = f.as_object();
        if (isJudgement(o))
        {
            ++tally.judgements;
            continue;
        }
        const std::string sev(o.at("severity").as_string());
        ++(sev == "error" ? tally.errors : sev == "warning" ? tally.warnings : tally.notes);
    }
    return tally;
}

void usage()
{
    std::cerr << "usage: aa-review [--json FILE|-] [--html FILE] [--today YYYY-MM-DD] [--oxt FILE]\n"
                 "                 [--jobs N] [--timeout SECONDS] [--profile DIR] [--quiet] FILE-OR-FOLDER...\n"
                 "  --jobs N           N Writers side by side (default: the number of cores)\n"
                 "  --timeout SECONDS  a document Writer has not finished after SECONDS is named as not\n"
                 "                     reviewed, and that Writer restarted (default: 300)\n"
                 "  --profile DIR      keep the Writers' private profiles in DIR (one folder per job)\n";
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
                if (entry.is_regular_file()
                    && (lowerExtension(entry.path()) == ".odt" || lowerExtension(entry.path()) == ".docx"))
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

/// Test hook (the team review test): AA_REVIEW_INJECT_FAULT="crash:a.odt,hang:b.docx" makes the
/// extension crash or hang Writer on those documents. Inert unless soffice also runs with
/// AA_ALLOW_FAULT_INJECTION=1 (src/glue/FaultInjection.hxx).
aa::client::Office::Extra injectedFault(const fs::path& file)
{
    const char* spec = std::getenv("AA_REVIEW_INJECT_FAULT");
    const std::string list = spec ? spec : "";
    for (std::size_t from = 0; from < list.size();)
    {
        std::size_t end = list.find(',', from);
        if (end == std::string::npos)
            end = list.size();
        const std::string entry = list.substr(from, end - from);
        const std::size_t colon = entry.find(':');
        if (colon != std::string::npos && entry.substr(colon + 1) == file.filename().string())
            return { { "InjectFault", entry.substr(0, colon) } };
        from = end + 1;
    }
    return {};
}

/// One job: a private headless Writer, and the watchdog's view of the document it works on.
struct Job
{
    std::mutex mutex; ///< guards deadline and timedOut, and office while a deadline is set
    std::unique_ptr<aa::client::Office> office;
    std::optional<std::chrono::steady_clock::time_point> deadline;
    bool timedOut = false;
    std::string failure; ///< why this job stopped early
};

bool responsive(aa::client::Office& office)
{
    try
    {
        return office.desktop().is();
    }
    catch (...)
    {
        return false;
    }
}

using ReviewOne = std::function<json::object(aa::client::Office&, const fs::path&)>;

/// Reviews files in `jobCount` Writers side by side (a thread and a private profile under
/// profileBase each), handing the documents out from one queue; the results are in the order
/// of files. A Writer that crashes on a document, or has not finished it within the timeout
/// (a watchdog then kills it), is restarted on its profile, and the document is named as not
/// reviewed. Sets `incomplete` when documents were left because no Writer could be
/// (re)started; throws std::runtime_error when none could be started at all.
json::array reviewInJobs(const std::vector<fs::path>& files, std::size_t jobCount, const std::string& profileBase,
                         const Options& opt, const ReviewOne& reviewOne, bool& incomplete)
{
    std::vector<Job> jobs(jobCount);
    std::vector<std::optional<json::object>> results(files.size());
    std::atomic<std::size_t> next{ 0 }, done{ 0 };
    std::atomic<bool> finished{ false };
    std::mutex printing;
    const auto timeout = std::chrono::seconds(opt.timeoutSeconds);

    auto progress = [&](const fs::path& file) {
        const std::size_t n = ++done;
        if (opt.quiet)
            return;
        std::lock_guard<std::mutex> lock(printing);
        std::cerr << "\r[" << n << "/" << files.size() << "] " << file.filename().string() << "\033[K" << std::flush;
    };
    auto startOffice = [&](Job& job, const std::string& profile, const std::string& oxt) {
        try
        {
            job.office = std::make_unique<aa::client::Office>(aa::client::OfficeOptions{ profile, oxt, true });
            return true;
        }
        catch (const std::exception& e)
        {
            job.failure = e.what();
        }
        catch (const uno::Exception& e)
        {
            job.failure = aa::client::describe(e);
        }
        job.office.reset();
        return false;
    };
    auto work = [&](Job& job, const std::string& profile) {
        if (!startOffice(job, profile, opt.oxt))
            return;
        for (std::size_t i; (i = next++) < files.size();)
        {
            {
                std::lock_guard<std::mutex> lock(job.mutex);
                job.deadline = std::chrono::steady_clock::now() + timeout;
                job.timedOut = false;
            }
            json::object doc;
            try
            {
                doc = reviewOne(*job.office, files[i]);
            }
            catch (const std::exception& e)
            {
                doc = { { "file", files[i].string() },
                        { "status", "error" },
                        { "error", std::string("could not be reviewed: ") + e.what() } };
            }
            catch (const uno::Exception& e)
            {
                doc = { { "file", files[i].string() },
                        { "status", "error" },
                        { "error", "could not be reviewed: " + aa::client::describe(e) } };
            }
            // A document Writer could not review may have taken Writer down with it; the
            // question is asked before the deadline is lifted, in case Writer hangs.
            const bool failed = doc.at("status").as_string() == "error" && !responsive(*job.office);
            bool timedOut = false;
            {
                std::lock_guard<std::mutex> lock(job.mutex);
                job.deadline.reset();
                timedOut = job.timedOut;
            }
            if (failed || timedOut)
            {
                if (doc.at("status").as_string() == "error")
                    doc["error"] = timedOut ? "Writer had not finished it after " + std::to_string(opt.timeoutSeconds)
                                                  + " s (see --timeout), so it was stopped and restarted"
                                            : std::string("Writer stopped (crashed) on it, and was restarted");
                job.office->kill();
                job.office.reset();
                // The extension is in the profile already.
                if (!startOffice(job, profile, {}))
                {
                    results[i] = std::move(doc);
                    progress(files[i]);
                    return;
                }
            }
            results[i] = std::move(doc);
            progress(files[i]);
        }
    };

    std::thread watchdog([&] {
        while (!finished)
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const auto now = std::chrono::steady_clock::now();
            for (Job& job : jobs)
            {
                std::lock_guard<std::mutex> lock(job.mutex);
                if (job.deadline && now > *job.deadline && !job.timedOut)
                {
                    job.timedOut = true;
                    job.office->kill();
                }
            }
        }
    });
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < jobCount; ++k)
        threads.emplace_back(work, std::ref(jobs[k]), profileBase + "/job-" + std::to_string(k + 1));
    for (auto& t : threads)
        t.join();
    finished = true;
    watchdog.join();

    std::string failure;
    for (Job& job : jobs)
    {
        if (failure.empty())
            failure = job.failure;
        job.office.reset();
    }
    if (done == 0 && !files.empty())
        throw std::runtime_error(failure);
    json::array documents;
    for (std::size_t i = 0; i < files.size(); ++i)
    {
        if (!results[i])
        {
            incomplete = true;
            results[i] = json::object{ { "file", files[i].string() },
                                       { "status", "error" },
                                       { "error", "no Writer could be started to review it (" + failure + ")" } };
        }
        documents.emplace_back(std::move(*results[i]));
    }
    return documents;
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
    return office.desktop()->loadComponentFromURL(aa::glue::fromUtf8(aa::client::fileUrl(file.string())), "_blank", 0,
                                                  props);
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
        else if (a == "--jobs" || a == "--timeout")
        {
            const std::string n = value();
            if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1)
            {
                usage();
                return 2;
            }
            if (a == "--jobs")
                opt.jobs = static_cast<unsigned>(std::stoi(n));
            else
                opt.timeoutSeconds = std::stoi(n);
        }
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
        = opt.profile.empty()
              ? (fs::temp_directory_path() / ("aa-review-" + std::to_string(aa::platform::currentId()))).string()
              : opt.profile;
    const std::size_t jobs = std::max<std::size_t>(
        1,
        std::min<std::size_t>(opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency()), files.size()));

    json::array documents;
    std::size_t unreadable = 0;
    bool incomplete = false;
    try
    {
        if (opt.profile.empty())
            fs::remove_all(profile);
        // One document, in the Writer of the job that took it from the queue.
        const auto reviewOne = [&](aa::client::Office& office, const fs::path& file) {
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
                doc["status"] = "error";
                doc["error"] = openFailure(file);
                return doc;
            }
            try
            {
                const json::value analysis = json::parse(office.call("read", xDoc, {}, 0, injectedFault(file)));
                doc["issues"] = analysis.as_object().at("issues").as_array().size();
                if (doc["issues"].as_uint64() == 0)
                {
                    doc["status"] = "noAnalysis";
                    doc["findings"] = json::array();
                }
                else
                {
                    doc["status"] = "reviewed";
                    doc["findings"] = json::parse(office.call("review", xDoc, {}, 0, { { "Today", opt.today } }))
                                          .as_object()
                                          .at("findings");
                }
            }
            catch (const uno::Exception& e)
            {
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
            return doc;
        };
        documents = reviewInJobs(files, jobs, profile, opt, reviewOne, incomplete);
        for (const auto& d : documents)
            if (d.as_object().at("status").as_string() == "error")
                ++unreadable;
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

    // Terminal report: certain findings (facts about the structure) and judgements (questions a
    // supervisor might ask about the writing) apart, never added up into one figure.
    std::size_t reviewed = 0, totalErrors = 0, totalJudgements = 0;
    for (auto& d : documents)
    {
        json::object& doc = d.as_object();
        const std::string status(doc.at("status").as_string());
        std::cout << doc.at("file").as_string().c_str() << ": ";
        if (status == "error")
        {
            std::cout << "NOT REVIEWED, " << doc.at("error").as_string().c_str() << "\n";
            continue;
        }
        ++reviewed;
        const Tally tally = tallyOf(doc.at("findings").as_array());
        doc["certain"]
            = json::object{ { "errors", tally.errors }, { "warnings", tally.warnings }, { "notes", tally.notes } };
        doc["judgements"] = tally.judgements;
        totalErrors += tally.errors;
        totalJudgements += tally.judgements;
        if (status == "noAnalysis")
            std::cout << "no analysis section\n";
        else
            std::cout << doc.at("issues").as_uint64() << " issues; certain: " << tally.errors << " errors, "
                      << tally.warnings << " warnings, " << tally.notes << " notes; judgements: " << tally.judgements
                      << "\n";
        for (const bool judgements : { false, true })
            for (const auto& f : doc.at("findings").as_array())
            {
                const json::object& o = f.as_object();
                if (isJudgement(o) != judgements || (!judgements && o.at("severity").as_string() == "info"))
                    continue;
                if (judgements)
                    std::cout << "  [question] " << o.at("standard").as_string().c_str() << ": "
                              << o.at("message").as_string().c_str() << "\n";
                else
                    std::cout << "  [" << o.at("severity").as_string().c_str() << "] "
                              << o.at("standard").as_string().c_str() << ": " << o.at("message").as_string().c_str()
                              << "\n";
            }
    }
    std::cout << reviewed << " of " << documents.size() << " documents reviewed, " << unreadable
              << " could not be opened; certain: " << totalErrors
              << " error-level findings; judgements: " << totalJudgements << " questions to ask, in " << seconds
              << " s (" << jobs << (jobs == 1 ? " job" : " jobs") << ")\n";

    if (!opt.jsonOut.empty())
    {
        const std::string out = json::serialize(json::object{ { "today", opt.today },
                                                              { "documents", documents },
                                                              { "reviewed", reviewed },
                                                              { "unreadable", unreadable } });
        if (opt.jsonOut == "-")
            std::cout << out << "\n";
        else
            std::ofstream(opt.jsonOut) << out << "\n";
    }
    if (!opt.htmlOut.empty())
    {
        std::ofstream out(opt.htmlOut);
        out << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Assessment analysis review "
            << aa::escapeXml(opt.today)
            << "</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
               "td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}.error{color:#a00}</style></head><body>"
               "<h1>Assessment analysis review</h1><p>"
            << reviewed << " of " << documents.size() << " documents reviewed on " << aa::escapeXml(opt.today)
            << ".</p><p>Certain findings are facts about the structure (an empty answer, a plan row without an owner). "
               "Judgements are questions a supervisor might ask about the writing: they can be wrong, so they are "
               "counted apart.</p><table><tr><th>Document</th><th>Issues</th><th>Certain: errors</th><th>Certain: "
               "warnings</th><th>Certain: notes</th><th>Main certain findings</th><th>Judgements</th><th>Questions to ask</th></tr>\n";
        for (const auto& d : documents)
        {
            const json::object& doc = d.as_object();
            out << "<tr><td>" << aa::escapeXml(fs::path(std::string(doc.at("file").as_string())).filename().string())
                << "</td>";
            if (doc.at("status").as_string() == "error")
            {
                out << "<td colspan=\"7\" class=\"error\">" << aa::escapeXml(std::string(doc.at("error").as_string()))
                    << "</td></tr>\n";
                continue;
            }
            const Tally tally = tallyOf(doc.at("findings").as_array());
            std::string main, questions;
            for (const auto& f : doc.at("findings").as_array())
            {
                const json::object& o = f.as_object();
                const std::string item = "<li>" + aa::escapeXml(std::string(o.at("message").as_string())) + "</li>";
                if (isJudgement(o))
                    questions += item;
                else if (o.at("severity").as_string() == "error")
                    main += item;
            }
            out << "<td>" << doc.at("issues").as_uint64() << "</td><td>" << tally.errors << "</td><td>"
                << tally.warnings << "</td><td>" << tally.notes << "</td><td><ul>" << main << "</ul></td><td>"
                << tally.judgements << "</td><td><ul>" << questions << "</ul></td></tr>\n";
        }
        out << "</table></body></html>\n";
    }
    if (incomplete)
        return 2;
    return unreadable ? 1 : 0;
}
