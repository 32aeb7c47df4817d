// aa-bench: the performance benchmark (docs/performance.md). Runs the extension's commands in a
// real headless Writer, with the built .oxt installed into a fresh profile, and prints medians.
// Not a test: a slow result never fails it; it prints each target next to its measurement.
// bench/run.sh builds and runs it.
#include "Json.hpp"
#include "OdtFragment.hpp"
#include "Office.hxx"
#include "Panel.hpp"
#include "Plan.hpp"
#include "Review.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"
#include "Workload.hpp"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XDocumentInsertable.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/util/XRefreshable.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace css;
using aa::bench::median;
using aa::glue::fromUtf8;
using Clock = std::chrono::steady_clock;

namespace
{
double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out)
        throw std::runtime_error("cannot write " + path);
}

/// Output of a shell command (stdout only), trailing newline removed.
std::string commandOutput(const std::string& command)
{
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r"))
    {
        char buffer[4096];
        std::size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            out.append(buffer, got);
        ::pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

std::string shellQuoted(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// The value of the first line of a /proc-style file starting with key, "" when absent.
std::string procField(const std::string& path, const std::string& key)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0)
        {
            const auto colon = line.find(':');
            std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            return value;
        }
    return {};
}

/// soffice is a shell script that execs oosplash, which starts soffice.bin as its child:
/// Office::pid() is oosplash's. The process that holds the documents is soffice.bin.
pid_t officeBinaryPid(aa::platform::Id root)
{
    if (root <= 0)
        return -1;
    if (readFile("/proc/" + std::to_string(root) + "/comm") == "soffice.bin\n")
        return static_cast<pid_t>(root);
    for (const auto& entry : std::filesystem::directory_iterator("/proc"))
    {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const std::string stat = readFile(entry.path().string() + "/stat");
        const auto close = stat.rfind(')');
        const auto open = stat.find('(');
        if (close == std::string::npos || open == std::string::npos)
            continue;
        std::istringstream rest(stat.substr(close + 2));
        std::string state;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid == root && stat.substr(open + 1, close - open - 1) == "soffice.bin")
            return static_cast<pid_t>(std::stol(name));
    }
    return -1;
}

/// VmHWM / VmRSS of a process in MiB, NaN when unknown.
double memoryMiB(pid_t pid, const char* key)
{
    const std::string value = procField("/proc/" + std::to_string(pid) + "/status", key);
    return value.empty() ? std::nan("") : std::stod(value) / 1024.0;
}

/// The machine's CPU time so far, from /proc/stat, in clock ticks.
struct MachineTicks
{
    long long busy = 0;  ///< user, nice, system, irq, softirq
    long long total = 0; ///< the above, idle, iowait and steal
    long long steal = 0; ///< taken by the hypervisor for other guests
};

MachineTicks machineTicks()
{
    std::ifstream stat("/proc/stat");
    std::string first;
    std::getline(stat, first); // "cpu  user nice system idle iowait irq softirq steal ..."
    std::istringstream line(first.substr(first.find(' ')));
    std::vector<long long> v;
    long long x = 0;
    while (line >> x)
        v.push_back(x);
    MachineTicks t;
    if (v.size() < 8)
        return t;
    t.busy = v[0] + v[1] + v[2] + v[5] + v[6];
    t.steal = v[7];
    t.total = t.busy + v[3] + v[4] + v[7];
    return t;
}

/// CPU seconds used by this process and its waited-for children (soffice, python), so far.
double ownCpuSeconds()
{
    double seconds = 0;
    for (const int who : { RUSAGE_SELF, RUSAGE_CHILDREN })
    {
        rusage usage{};
        ::getrusage(who, &usage);
        seconds += static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                   + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
    return seconds;
}

/// CPU time (user + system, in clock ticks) a process has used so far; -1 when unknown.
long long cpuTicks(pid_t pid)
{
    const std::string stat = readFile("/proc/" + std::to_string(pid) + "/stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) // fields 14 and 15 of proc(5)
    {
        if (i == 14)
            utime = std::stoll(field);
        else if (i == 15)
            stime = std::stoll(field);
    }
    return utime + stime;
}

/// The UNO URL soffice accepts on, from its command line (the Office class keeps it private).
std::string unoUrlOf(aa::platform::Id pid)
{
    const std::string cmdline = readFile("/proc/" + std::to_string(pid) + "/cmdline");
    std::istringstream args(cmdline);
    std::string arg;
    while (std::getline(args, arg, '\0'))
        if (arg.rfind("--accept=", 0) == 0)
            return "uno:" + arg.substr(9);
    throw std::runtime_error("no --accept on the soffice command line");
}

std::string formatMs(double ms)
{
    if (std::isnan(ms))
        return "n/a";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
    return buffer;
}

std::string formatRatio(double r)
{
    if (std::isnan(r) || std::isinf(r))
        return "n/a";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, r < 10 ? "%.2f" : "%.1f", r);
    return buffer;
}

std::string pad(const std::string& s, std::size_t width, bool right = true)
{
    // Widths count bytes; the table uses ASCII only.
    if (s.size() >= width)
        return s;
    return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

const char* verdict(bool met) { return met ? "MET" : "MISSED"; }

struct Options
{
    int runs = 5;
    int startupRuns = 5;
    std::vector<int> sizes{ 5, 20, 100, 500 };
    int compareSize = 100;
    int deckSize = 20; ///< the deck's buttons are timed at this N (and at compareSize)
    bool startup = true;
    bool raw = false;      ///< also print every run's figure, not only the medians
    bool keepWork = false; ///< leave the temporary folder (profiles, documents) for inspection
    std::string oxt = AA_OXT_PATH;
    std::string python = "/usr/bin/python3";
    std::string pythonScript = AA_BENCH_PYTHON_SCRIPT;
    /// --profile OP: no table; OP run --runs times at the first of --sizes under perf record,
    /// enabled only around each call (see docs/performance.md, "Profiles").
    std::string profileOp;
    std::string profileOut;
};

Options parseOptions(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::runtime_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--runs")
            o.runs = std::stoi(value());
        else if (arg == "--startup-runs")
            o.startupRuns = std::stoi(value());
        else if (arg == "--sizes")
        {
            o.sizes.clear();
            std::istringstream list(value());
            std::string n;
            while (std::getline(list, n, ','))
                o.sizes.push_back(std::stoi(n));
        }
        else if (arg == "--no-startup")
            o.startup = false;
        else if (arg == "--keep-work")
            o.keepWork = true;
        else if (arg == "--raw")
            o.raw = true;
        else if (arg == "--oxt")
            o.oxt = value();
        else if (arg == "--python")
            o.python = value();
        else if (arg == "--profile")
            o.profileOp = value();
        else if (arg == "--profile-out")
            o.profileOut = value();
        else if (arg == "--help" || arg == "-h")
        {
            std::cout
                << "aa-bench [--runs 5] [--sizes 5,20,100,500] [--startup-runs 5] [--no-startup]\n"
                   "         [--raw] [--keep-work] [--oxt file.oxt] [--python /usr/bin/python3]\n"
                   "         [--profile read|insert|insertThenRead|update|updateItem|updatePlan|review|\n"
                   "                    panelUpdate|panelUpdatePlan|panelReview|rowAppend [--profile-out perf.data]]\n"
                   "See docs/performance.md; bench/run.sh builds and runs it.\n";
            std::exit(0);
        }
        else
            throw std::runtime_error("unknown option " + arg);
    }
    if (o.runs < 1 || o.startupRuns < 1)
        throw std::runtime_error("--runs and --startup-runs must be at least 1");
    return o;
}

/// One command's duration seen from both sides.
struct Timed
{
    double clientMs = 0;    ///< wall clock around Office::call (service creation + execute over the bridge)
    double inProcessMs = 0; ///< what lastTiming says right after: measured inside soffice
    double untilIdleMs = 0; ///< from the call until soffice stopped using CPU (deferred layout included)
    std::string result;
};

/// The operations of the table, in order.
const std::vector<std::pair<std::string, std::string>> operations{
    { "insert", "insert" },
    { "read", "read" },
    { "update", "update (1 part of 1 issue changed)" },
    { "updateItem", "update (1 help item added)" },
    { "updatePlan", "updatePlan (after that item)" },
    { "review", "review" },
    { "readAgain", "read (again, after those changes)" },
};

struct SizeResults
{
    std::map<std::string, std::vector<double>> client, inProcess, untilIdle;
    double hwmMiB = std::nan("");
    double rssMiB = std::nan("");
    std::vector<double> rssAfterRunMiB; ///< VmRSS after each run, its document closed
};

struct CompareResults
{
    std::vector<double> oursInProcess, oursClient, oursUntilIdle, fragmentAsOurs, coreBuild, coreReview, python;
    std::string pythonError;
};

class Bench
{
public:
    explicit Bench(Options options) : m_options(std::move(options))
    {
        m_work = (std::filesystem::temp_directory_path() / ("aa-bench-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(m_work);
        std::filesystem::create_directories(m_work);
    }
    ~Bench()
    {
        m_office.reset(); // soffice first: its profile is in the folder
        if (m_options.keepWork)
            std::fprintf(stderr, "kept %s\n", m_work.c_str());
        else
            std::filesystem::remove_all(m_work);
    }
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    int run();

private:
    Clock::time_point settle();
    double lastTimingMs(const std::string& expected);
    template <class D> Timed timed(const std::string& command, const D& doc, const std::string& json = {});
    void cycle(int n, const std::string& json, const std::string& fragmentUrl, SizeResults& results, bool keepDocument);
    void insertThenRead(int n, const std::string& json, SizeResults& results);
    void writerImport(const std::string& fragmentUrl, SizeResults& results);
    void deckButtons(int n, SizeResults& results);
    int profile();
    std::string fragmentOf(int n, std::string* planJson);
    void compare(const aa::Analysis& analysis, const std::string& fragmentUrl, const std::string& planJsonPath);
    void printMachine();
    void printTable();
    void printComparisons();
    void startup();
    void cursorFollow(int n);

    Options m_options;
    std::string m_work;
    std::unique_ptr<aa::client::Office> m_office;
    pid_t m_officeBinary = -1; ///< soffice.bin of m_office
    std::map<int, SizeResults> m_sizes;
    CompareResults m_compare;
    std::vector<double> m_cursorSame, m_cursorNext; ///< cursorFollow: in-process ms per selection change
    std::string m_compareDocument;                  ///< the N = compareSize document saved as .odt, for start-up
    bool m_review = false;                          ///< the extension has the review command (it came later)
    double m_startupPlain = std::nan(""), m_startupExt = std::nan(""), m_startupFresh = std::nan("");
    std::vector<double> m_startupPlainRuns, m_startupExtRuns, m_startupFreshRuns;
};

/// Waits until soffice.bin has used no CPU for 100 ms (at most 60 s) and returns when it last did.
/// Writer lays out new text partly in the call that made it and partly afterwards, in idle time
/// on its main thread, which holds the lock every API call needs: without this the next command
/// would pay, at random, for the previous one's layout.
Clock::time_point Bench::settle()
{
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    long long last = cpuTicks(m_officeBinary);
    auto lastBusy = Clock::now();
    for (int quiet = 0; quiet < 5 && Clock::now() < deadline;)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const long long now = cpuTicks(m_officeBinary);
        if (now != last)
        {
            last = now;
            lastBusy = Clock::now();
            quiet = 0;
        }
        else
            ++quiet;
    }
    return lastBusy;
}

/// What lastTiming says, in ms; throws unless the last thing timed was `expected`.
double Bench::lastTimingMs(const std::string& expected)
{
    const std::string timing = m_office->call("lastTiming");
    const auto key = timing.find("\"microseconds\":");
    if (key == std::string::npos || timing.find("\"command\":\"" + expected + "\"") == std::string::npos)
        throw std::runtime_error("unexpected lastTiming answer after " + expected + ": " + timing);
    return std::stod(timing.substr(key + 15)) / 1000.0;
}

template <class D> Timed Bench::timed(const std::string& command, const D& doc, const std::string& json)
{
    Timed t;
    settle();
    const auto start = Clock::now();
    try
    {
        t.result = m_office->call(command, doc, json);
    }
    catch (const uno::Exception& e)
    {
        throw std::runtime_error(command + " failed after " + formatMs(msSince(start)) + " ms"
                                 + (m_office->alive() ? "" : " (soffice is gone)") + ": " + aa::client::describe(e));
    }
    t.clientMs = msSince(start);
    t.inProcessMs = lastTimingMs(command);
    t.untilIdleMs = std::max(t.clientMs, std::chrono::duration<double, std::milli>(settle() - start).count());
    return t;
}

/// One run for n issues on a fresh document: insert, read, update (a part), update (an item),
/// updatePlan, review; then Writer alone appending a plan row. Checks the result.
void Bench::cycle(int n, const std::string& json, const std::string& fragmentUrl, SizeResults& results,
                  bool keepDocument)
{
    auto doc = m_office->newWriterDocument();
    auto record = [&](const std::string& op, const Timed& t) {
        results.client[op].push_back(t.clientMs);
        results.inProcess[op].push_back(t.inProcessMs);
        results.untilIdle[op].push_back(t.untilIdleMs);
    };
    record("insert", timed("insert", doc, json));
    const Timed read = timed("read", doc);
    record("read", read);

    // What a client does: read, change, write back.
    aa::Analysis desired = aa::parseAnalysis(read.result, aa::Strings::builtIn(), aa::ParseMode::Update);
    if (desired.issues.size() != static_cast<std::size_t>(n))
        throw std::runtime_error("read found " + std::to_string(desired.issues.size()) + " issues, not "
                                 + std::to_string(n));
    aa::Issue& changed = desired.issues[static_cast<std::size_t>(n / 2)];
    const std::string changedText = aa::bench::words("Changed impact of " + changed.id, 60);
    changed.part(aa::IssuePart::ImpactOnChild) = changedText;
    record("update", timed("update", doc, aa::toJson(desired)));
    aa::Item more;
    more.text = aa::bench::words("One more thing to help with " + changed.id, 20);
    more.issues = { changed.id };
    desired.list(aa::ListKind::WhatNeedsToHappen).push_back(std::move(more));
    record("updateItem", timed("update", doc, aa::toJson(desired)));
    const Timed plan = timed("updatePlan", doc);
    record("updatePlan", plan);
    if (m_review)
    {
        const Timed reviewed = timed("review", doc);
        record("review", reviewed);
        // The rules and judgements alone, in this process through the same core code, on the
        // analysis the document holds: the part of review that is ours beyond reading.
        const aa::Analysis toReview = aa::parseAnalysis(timed("read", doc).result, aa::Strings::builtIn(),
                                                        aa::ParseMode::Update);
        aa::ReviewOptions options;
        options.today = "2026-11-30";
        const auto start = Clock::now();
        const std::vector<aa::Finding> findings = aa::review(toReview, options);
        results.client["reviewRules"].push_back(msSince(start));
        if (findings.empty() && n > 0 && toReview.issues.empty())
            throw std::runtime_error("review found no issues to judge");
    }
    record("readAgain", timed("read", doc));
    if (keepDocument)
    {
        m_compareDocument = m_work + "/analysis-" + std::to_string(n) + ".odt";
        aa::client::Office::storeTo(doc, aa::client::fileUrl(m_compareDocument), "writer8");
    }

    // Writer alone, for comparison with updatePlan: appending one row to the plan table in an
    // undo context with the controllers locked, as updatePlan does (six bridged calls, timed
    // from here, until soffice is idle).
    {
        uno::Reference<container::XIndexAccess> xTables(
            uno::Reference<text::XTextTablesSupplier>(doc, uno::UNO_QUERY_THROW)->getTextTables(),
            uno::UNO_QUERY_THROW);
        uno::Reference<text::XTextTable> xTable(xTables->getByIndex(xTables->getCount() - 1), uno::UNO_QUERY_THROW);
        auto xRows = xTable->getRows();
        auto xUndo = uno::Reference<document::XUndoManagerSupplier>(doc, uno::UNO_QUERY_THROW)->getUndoManager();
        uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
        settle();
        const auto start = Clock::now();
        xUndo->enterUndoContext("Append");
        xModel->lockControllers();
        xRows->insertByIndex(xRows->getCount(), 1);
        xModel->unlockControllers();
        xUndo->leaveUndoContext();
        results.client["rowAppend"].push_back(msSince(start));
        results.untilIdle["rowAppend"].push_back(
            std::max(msSince(start), std::chrono::duration<double, std::milli>(settle() - start).count()));
    }

    const aa::Analysis after = aa::parseAnalysis(plan.result, aa::Strings::builtIn(), aa::ParseMode::Update);
    if (after.plan.size() != static_cast<std::size_t>(n) + 1
        || after.issues[static_cast<std::size_t>(n / 2)].part(aa::IssuePart::ImpactOnChild) != changedText)
        throw std::runtime_error("the document after updatePlan is not what was asked for (N = " + std::to_string(n)
                                 + ", " + std::to_string(after.plan.size()) + " plan rows)");
    aa::client::Office::close(doc);

    insertThenRead(n, json, results);
    writerImport(fragmentUrl, results);
    if (n == m_options.deckSize || n == m_options.compareSize)
        deckButtons(n, results);
}

/// What a script that calls insert and then read straight away experiences: no wait for the
/// office to be idle in between, so the layout Writer leaves pending after insert is paid
/// inside that read (see docs/performance.md). Its own new document.
void Bench::insertThenRead(int n, const std::string& json, SizeResults& results)
{
    auto doc = m_office->newWriterDocument();
    settle();
    const auto start = Clock::now();
    m_office->call("insert", doc, json);
    const double insertClient = msSince(start);
    const double insertIn = lastTimingMs("insert"); // not a Writer call: it does not wait for the layout
    const auto readStart = Clock::now();
    const std::string answer = m_office->call("read", doc);
    const double readClient = msSince(readStart);
    const double total = msSince(start);
    results.inProcess["readAtOnce"].push_back(lastTimingMs("read"));
    results.client["readAtOnce"].push_back(readClient);
    results.inProcess["insertAtOnce"].push_back(insertIn);
    results.client["insertAtOnce"].push_back(insertClient);
    results.client["insertThenRead"].push_back(total);
    results.untilIdle["insertThenRead"].push_back(
        std::max(total, std::chrono::duration<double, std::milli>(settle() - start).count()));
    if (aa::parseAnalysis(answer, aa::Strings::builtIn(), aa::ParseMode::Update).issues.size()
        != static_cast<std::size_t>(n))
        throw std::runtime_error("read right after insert did not find the " + std::to_string(n) + " issues");
    aa::client::Office::close(doc);
}

/// Writer alone importing the same .odt fragment that insert builds (plan included), at the end
/// of a new document: one bridged call (~0.1 ms of bridge), timed here.
void Bench::writerImport(const std::string& fragmentUrl, SizeResults& results)
{
    auto doc = m_office->newWriterDocument();
    auto xCursor = doc->getText()->createTextCursor();
    xCursor->gotoEnd(false);
    uno::Reference<document::XDocumentInsertable> xInsert(xCursor, uno::UNO_QUERY_THROW);
    settle();
    const auto start = Clock::now();
    xInsert->insertDocumentFromURL(fromUtf8(fragmentUrl), uno::Sequence<beans::PropertyValue>());
    results.client["fragment"].push_back(msSince(start));
    results.untilIdle["fragment"].push_back(std::max(
        results.client["fragment"].back(), std::chrono::duration<double, std::milli>(settle() - start).count()));
    aa::client::Office::close(doc);
}

namespace
{
/// One panel of the deck, created by its factory as the sidebar creates it; its buttons pressed
/// as their events press them (XContainerWindowEventHandler::callHandlerMethod), the way
/// tests/integration/SidebarTest.cxx drives the deck.
class DeckPanel
{
public:
    DeckPanel(aa::client::Office& office, const uno::Reference<text::XTextDocument>& doc, const char* name)
    {
        auto xContext = office.context();
        uno::Reference<ui::XUIElementFactory> xFactory(
            xContext->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.PanelFactory", xContext),
            uno::UNO_QUERY_THROW);
        auto xFrame = uno::Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getCurrentController()->getFrame();
        uno::Sequence<beans::PropertyValue> aArgs(2);
        aArgs[0].Name = "Frame";
        aArgs[0].Value <<= xFrame;
        aArgs[1].Name = "ParentWindow";
        aArgs[1].Value <<= xFrame->getContainerWindow();
        m_xElement = xFactory->createUIElement(
            "private:resource/toolpanel/AssessmentAnalysisFactory/" + OUString::createFromAscii(name), aArgs);
        m_xHandler.set(m_xElement->getRealInterface(), uno::UNO_QUERY_THROW);
        m_xWindow = uno::Reference<ui::XToolPanel>(m_xElement->getRealInterface(), uno::UNO_QUERY_THROW)->getWindow();
        m_xControls.set(m_xWindow, uno::UNO_QUERY_THROW);
    }
    ~DeckPanel()
    {
        try
        {
            uno::Reference<lang::XComponent>(m_xElement, uno::UNO_QUERY_THROW)->dispose();
        }
        catch (...)
        {
        }
    }
    DeckPanel(const DeckPanel&) = delete;
    DeckPanel& operator=(const DeckPanel&) = delete;

    void press(const char* method)
    {
        if (!m_xHandler->callHandlerMethod(m_xWindow, uno::Any(), OUString::createFromAscii(method)))
            throw std::runtime_error(std::string("the panel did not handle ") + method);
    }
    uno::Reference<beans::XPropertySet> model(const char* control) const
    {
        auto xControl = m_xControls->getControl(OUString::createFromAscii(control));
        if (!xControl.is())
            throw std::runtime_error(std::string("no control ") + control);
        return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW);
    }
    void type(const char* control, const std::string& text)
    {
        model(control)->setPropertyValue("Text", uno::Any(fromUtf8(text)));
    }
    void select(const char* control, int index)
    {
        uno::Sequence<sal_Int16> a(1);
        a[0] = static_cast<sal_Int16>(index);
        model(control)->setPropertyValue("SelectedItems", uno::Any(a));
    }
    std::string label(const char* control) const
    {
        OUString a;
        model(control)->getPropertyValue("Label") >>= a;
        return aa::glue::toUtf8(a);
    }

private:
    uno::Reference<ui::XUIElement> m_xElement;
    uno::Reference<awt::XContainerWindowEventHandler> m_xHandler;
    uno::Reference<awt::XWindow> m_xWindow;
    uno::Reference<awt::XControlContainer> m_xControls;
};

int questionIndex(aa::QuestionKey key)
{
    const auto questions = aa::panelQuestions();
    for (std::size_t i = 0; i < questions.size(); ++i)
        if (questions[i].key == key)
            return static_cast<int>(i);
    throw std::runtime_error("no such question in the panel");
}
} // namespace

/// The deck's buttons, from the button's event to the panels showing the result: an N-issue
/// document with the three panels open (created by their factory, sharing the frame's session,
/// as in the sidebar); one issue's impact retyped in the Questions panel and "Update analysis"
/// pressed; a "what would help" item added in the panel (written to the document at once); then
/// "Update action plan" and, in the Review panel, "Run review". In-process: lastTiming
/// "panel.<method>" (DeckPanel::callHandlerMethod, the handler and every panel's refresh).
void Bench::deckButtons(int n, SizeResults& results)
{
    auto doc = m_office->newWriterDocument();
    m_office->call("insert", doc, aa::toJson(aa::bench::bigAnalysis(n)));
    {
        DeckPanel issues(*m_office, doc, "IssuesPanel");
        DeckPanel questions(*m_office, doc, "QuestionsPanel");
        DeckPanel review(*m_office, doc, "ReviewPanel");
        auto press = [&](DeckPanel& panel, const char* method, const std::string& op) {
            settle();
            const auto start = Clock::now();
            panel.press(method);
            results.client[op].push_back(msSince(start));
            results.inProcess[op].push_back(lastTimingMs(std::string("panel.") + method));
            results.untilIdle[op].push_back(std::max(
                results.client[op].back(), std::chrono::duration<double, std::milli>(settle() - start).count()));
        };
        issues.select("IssueList", n / 2);
        issues.press("issueSelected");
        questions.select("QuestionList", questionIndex(aa::QuestionKey::of(aa::IssuePart::ImpactOnChild)));
        questions.press("questionSelected");
        const std::string changed = aa::bench::words("Typed in the deck for issue " + std::to_string(n / 2 + 1), 60);
        questions.type("Answer", changed);
        press(questions, "update", "deckUpdate");
        questions.select("QuestionList", questionIndex(aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen)));
        questions.press("questionSelected");
        questions.type("ItemText", aa::bench::words("Added in the deck", 20));
        press(questions, "addItem", "deckAddItem");
        press(questions, "updatePlan", "deckUpdatePlan");
        press(review, "runReview", "deckReview");
        if (review.label("Counts").empty() || review.label("Counts") == aa::Strings::builtIn().get("panel.review.none"))
            throw std::runtime_error("the Review panel shows no review");
    }
    const aa::Analysis after = aa::parseAnalysis(m_office->call("read", doc), aa::Strings::builtIn(),
                                                 aa::ParseMode::Update);
    if (after.issues[static_cast<std::size_t>(n / 2)].part(aa::IssuePart::ImpactOnChild).rfind("Typed in the deck", 0)
            != 0
        || after.plan.size() != static_cast<std::size_t>(n) + 1)
        throw std::runtime_error("the deck's buttons did not change the document as asked (N = " + std::to_string(n)
                                 + ", " + std::to_string(after.plan.size()) + " plan rows)");
    aa::client::Office::close(doc);
}

/// Comparison (a): Writer importing the same content as a ready-made .odt fragment, and (b): the
/// same insertion from Python over the UNO connection. One run of each.
void Bench::compare(const aa::Analysis& analysis, const std::string& fragmentUrl, const std::string& planJsonPath)
{
    // Our core's share of insert, timed here (same code, same compiler flags).
    {
        const std::string json = aa::toJson(analysis);
        const auto start = Clock::now();
        const aa::Analysis withPlan = aa::withPlan(aa::parseAnalysis(json));
        const std::string fragment = aa::buildOdtFragment(withPlan);
        const std::string answer = aa::toJson(withPlan);
        m_compare.coreBuild.push_back(msSince(start));
        if (fragment.empty() || answer.empty())
            throw std::runtime_error("empty fragment");
        aa::ReviewOptions options;
        options.today = aa::todayIso();
        const auto reviewStart = Clock::now();
        const std::string findings = aa::findingsToJson(aa::review(withPlan, options));
        m_compare.coreReview.push_back(msSince(reviewStart));
        if (findings.empty())
            throw std::runtime_error("empty review");
    }
    // (a) wrapped the way insert wraps it (one undo context, controllers locked, fields
    // refreshed): five more bridged calls, to see what the wrapping costs.
    {
        auto doc = m_office->newWriterDocument();
        auto xCursor = doc->getText()->createTextCursor();
        xCursor->gotoEnd(false);
        uno::Reference<document::XDocumentInsertable> xInsert(xCursor, uno::UNO_QUERY_THROW);
        auto xUndo = uno::Reference<document::XUndoManagerSupplier>(doc, uno::UNO_QUERY_THROW)->getUndoManager();
        uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
        uno::Reference<util::XRefreshable> xRefresh(
            uno::Reference<text::XTextFieldsSupplier>(doc, uno::UNO_QUERY_THROW)->getTextFields(),
            uno::UNO_QUERY_THROW);
        settle();
        const auto start = Clock::now();
        xUndo->enterUndoContext("Insert");
        xModel->lockControllers();
        xInsert->insertDocumentFromURL(fromUtf8(fragmentUrl), uno::Sequence<beans::PropertyValue>());
        xModel->unlockControllers();
        xUndo->leaveUndoContext();
        xRefresh->refresh();
        m_compare.fragmentAsOurs.push_back(msSince(start));
        aa::client::Office::close(doc);
    }
    // (b): Python over the same soffice's UNO pipe; the script times its own insertion.
    if (m_compare.pythonError.empty())
    {
        const std::string errors = m_work + "/python.err";
        const std::string command = "env -u URE_BOOTSTRAP " + shellQuoted(m_options.python) + " "
                                    + shellQuoted(m_options.pythonScript) + " --connect "
                                    + shellQuoted(unoUrlOf(m_office->pid())) + " --analysis "
                                    + shellQuoted(planJsonPath) + " --runs 1 2>" + shellQuoted(errors);
        settle();
        const std::string out = commandOutput(command);
        const auto key = out.find("\"seconds\":");
        if (key == std::string::npos)
            m_compare.pythonError = "python failed: " + readFile(errors).substr(0, 400);
        else
            m_compare.python.push_back(std::stod(out.substr(key + 10)) * 1000.0);
    }
}

void Bench::printMachine()
{
    std::string model = procField("/proc/cpuinfo", "model name");
    const double memGiB = std::stod(procField("/proc/meminfo", "MemTotal")) / 1024.0 / 1024.0;
    std::printf("Assessment Analysis benchmark (aa-bench)\n");
    std::printf("machine:      %ld cores (nproc), %s, %.1f GiB RAM\n", ::sysconf(_SC_NPROCESSORS_ONLN), model.c_str(),
                memGiB);
    std::printf(
        "LibreOffice:  %s\n",
        commandOutput(shellQuoted(aa::platform::sofficePath(aa::client::officeProgramDir())) + " --version 2>/dev/null")
            .c_str());
    std::printf("load average: %s (at start; another process may be running tests)\n",
                commandOutput("cut -d' ' -f1-3 /proc/loadavg").c_str());
    std::printf("runs:         %d per measurement; every figure is a median; times in ms\n\n", m_options.runs);
    std::fflush(stdout);
}

void Bench::printTable()
{
    const auto& sizes = m_options.sizes;
    const bool linearity = m_sizes.count(100) && m_sizes.count(500);
    std::string header = pad("operation", 38, false) + pad("measured", 12, false);
    for (int n : sizes)
        header += pad("N=" + std::to_string(n), 9);
    if (linearity)
        header += pad("500/100", 9);
    std::printf("%s\n%s\n", header.c_str(), std::string(header.size(), '-').c_str());
    for (const auto& [op, label] : operations)
    {
        if (op == "review" && !m_review)
        {
            std::printf("%s%s\n", pad(label, 38, false).c_str(), "n/a (not built yet)");
            continue;
        }
        for (const int measure : { 0, 1, 2 })
        {
            static const char* const measures[] = { "in-process", "client", "until idle" };
            std::string line = pad(measure == 0 ? label : "", 38, false) + pad(measures[measure], 12, false);
            std::map<int, double> medians;
            for (int n : sizes)
            {
                const SizeResults& r = m_sizes.at(n);
                medians[n] = median((measure == 0 ? r.inProcess : measure == 1 ? r.client : r.untilIdle).at(op));
                line += pad(formatMs(medians[n]), 9);
            }
            if (linearity)
                line += pad(formatRatio(medians[500] / medians[100]), 9);
            std::printf("%s\n", line.c_str());
        }
    }
    // Rows measured at some sizes only ("-" where not measured).
    auto row = [&](const std::string& label, const char* measure,
                   const std::map<std::string, std::vector<double>> SizeResults::*which, const std::string& op) {
        std::string line = pad(label, 38, false) + pad(measure, 12, false);
        std::map<int, double> medians;
        for (int n : sizes)
        {
            const auto& values = m_sizes.at(n).*which;
            const auto it = values.find(op);
            medians[n] = it == values.end() ? std::nan("") : median(it->second);
            line += pad(it == values.end() ? "-" : formatMs(medians[n]), 9);
        }
        if (linearity)
            line += pad(formatRatio(medians[500] / medians[100]), 9);
        std::printf("%s\n", line.c_str());
    };
    std::printf("insert, then read at once (a script; no wait for idle in between, own document):\n");
    row("  insert", "in-process", &SizeResults::inProcess, "insertAtOnce");
    row("  the read right after it", "in-process", &SizeResults::inProcess, "readAtOnce");
    row("", "client", &SizeResults::client, "readAtOnce");
    row("  insert + read, script's wall clock", "client", &SizeResults::client, "insertThenRead");
    row("", "until idle", &SizeResults::untilIdle, "insertThenRead");
    row("Writer alone: import the fragment", "client", &SizeResults::client, "fragment");
    row("", "until idle", &SizeResults::untilIdle, "fragment");
    row("Writer alone: append 1 plan row", "client", &SizeResults::client, "rowAppend");
    row("", "until idle", &SizeResults::untilIdle, "rowAppend");
    std::printf("deck buttons (click to panels updated):\n");
    for (const auto& [op, label] :
         std::vector<std::pair<std::string, std::string>>{ { "deckUpdate", "  Update analysis (1 answer retyped)" },
                                                           { "deckAddItem", "  Add item (written at once)" },
                                                           { "deckUpdatePlan", "  Update action plan (1 row added)" },
                                                           { "deckReview", "  Run review" } })
    {
        row(label, "in-process", &SizeResults::inProcess, op);
        row("", "client", &SizeResults::client, op);
        row("", "until idle", &SizeResults::untilIdle, op);
    }
    if (m_review)
    {
        std::string line = pad("review: rules + judgements alone", 38, false) + pad("core", 12, false);
        for (int n : sizes)
            line += pad(formatMs(median(m_sizes.at(n).client.at("reviewRules"))), 9);
        std::printf("%s\n", line.c_str());
    }
    std::string memory = pad("soffice.bin peak memory (VmHWM, MiB)", 38, false) + pad("after N", 12, false);
    for (int n : sizes)
    {
        const double hwm = m_sizes.at(n).hwmMiB;
        memory += pad(std::isnan(hwm) ? "n/a" : std::to_string(std::lround(hwm)), 9);
    }
    std::printf("%s\n", memory.c_str());
    std::printf("\nin-process: the command's own duration inside soffice (lastTiming, asked right after).\n"
                "client: wall clock in aa-bench around the call over the UNO pipe (creating the service\n"
                "instance + execute + the JSON both ways).\n"
                "until idle: from the call until soffice.bin stopped using CPU (no CPU tick for 100 ms,\n"
                "polled every 20 ms): includes the layout Writer defers to idle time after the call\n"
                "(and any other idle job the change starts, so it is an upper bound).\n"
                "Every command starts on an idle office. Each run uses a new document: insert, read,\n"
                "update one part, update adding one help item, updatePlan, review (when built), read.\n"
                "A warm-up run (N=5) is not counted. \"Writer alone: append 1 plan row\": what Writer\n"
                "takes to add one row to the N-row plan table in an undo context with the controllers\n"
                "locked, as updatePlan does (the core of its change), called from aa-bench.\n"
                "\"Writer alone: import the fragment\": insertDocumentFromURL of the .odt fragment insert\n"
                "builds (same content, plan included) at the end of a new document, one bridged call.\n"
                "\"insert, then read at once\": a new document; read called as soon as insert returns,\n"
                "so the layout Writer left for idle time after insert is paid inside that read.\n"
                "Deck buttons (at N=%d and N=%d): the three panels open on the document, each button\n"
                "pressed as its event presses it; in-process: the panel's handler until every panel\n"
                "has shown the result (lastTiming \"panel.<method>\"); client adds the bridge.\n"
                "\"review: rules + judgements alone\": aa::review on the analysis the document holds, in\n"
                "aa-bench's own process (the same core code the review command runs after reading).\n",
                m_options.deckSize, m_options.compareSize);
    if (m_options.raw)
        for (int n : sizes)
            for (const auto& [op, values] : m_sizes.at(n).inProcess)
            {
                std::string line = "  raw in-process N=" + std::to_string(n) + " " + op + ":";
                for (double ms : values)
                    line += " " + formatMs(ms);
                std::printf("%s\n", line.c_str());
            }
    if (m_sizes.count(500))
    {
        std::printf("soffice.bin after the N=500 runs: VmHWM %.0f MiB, VmRSS %.0f MiB.\n", m_sizes.at(500).hwmMiB,
                    m_sizes.at(500).rssMiB);
        // Memory that grows run after run, each document closed, would be kept by someone;
        // memory that stays level after the first run is the allocator holding on to it.
        std::string line = "VmRSS after each N=500 run, its document closed (MiB):";
        for (double mib : m_sizes.at(500).rssAfterRunMiB)
            line += " " + std::to_string(static_cast<long>(mib));
        std::printf("%s\n", line.c_str());
    }
    std::printf("\n");
    std::fflush(stdout);
}

void Bench::printComparisons()
{
    const int n = m_options.compareSize;
    if (!m_sizes.count(n))
        return;
    const double ours = median(m_compare.oursInProcess);
    const double oursClient = median(m_compare.oursClient);
    const double fragment = median(m_sizes.at(n).client.at("fragment"));
    const double fragmentUntilIdle = median(m_sizes.at(n).untilIdle.at("fragment"));
    const double python = median(m_compare.python);
    std::printf("N = %d comparisons (same soffice, interleaved with the runs above, medians of %zu)\n", n,
                m_compare.fragmentAsOurs.size());
    std::printf(
        "  ours: insert, in-process                                  %8s ms  (client %s ms, until idle %s ms)\n",
        formatMs(ours).c_str(), formatMs(oursClient).c_str(), formatMs(median(m_compare.oursUntilIdle)).c_str());
    std::printf("    of which our core (parse, plan, build fragment, JSON)  %8s ms  (timed in aa-bench)\n",
                formatMs(median(m_compare.coreBuild)).c_str());
    if (m_review)
        std::printf("  ours: review, in-process                                  %8s ms\n"
                    "    of which our core (the rules and the JSON)             %8s ms  (timed in aa-bench)\n",
                    formatMs(median(m_sizes.at(n).inProcess.at("review"))).c_str(),
                    formatMs(median(m_compare.coreReview)).c_str());
    std::printf("  (a) insertDocumentFromURL of the same .odt fragment     %8s ms  (client; one bridged call,\n"
                "      bridge cost ~0.1 ms: negligible; until idle %s ms)\n",
                formatMs(fragment).c_str(), formatMs(fragmentUntilIdle).c_str());
    std::printf("      (a) in an undo context, controllers locked, refreshed %8s ms\n",
                formatMs(median(m_compare.fragmentAsOurs)).c_str());
    if (m_compare.python.empty())
        std::printf("  (b) Python over the UNO pipe, paragraph by paragraph    n/a (%s)\n",
                    m_compare.pythonError.c_str());
    else
        std::printf("  (b) Python over the UNO pipe, paragraph by paragraph    %8s ms  (timed in Python)\n",
                    formatMs(python).c_str());
    std::printf("  ratio ours in-process / (a): %s  (target <= 1.2): %s   [ours client / (a): %s;"
                " until idle, ours / (a): %s]\n",
                formatRatio(ours / fragment).c_str(), verdict(ours / fragment <= 1.2),
                formatRatio(oursClient / fragment).c_str(),
                formatRatio(median(m_compare.oursUntilIdle) / fragmentUntilIdle).c_str());
    if (!m_compare.python.empty())
        std::printf("  ratio (b) / ours in-process: %s  (target >= 10): %s   [(b) / ours client: %s]\n",
                    formatRatio(python / ours).c_str(), verdict(python / ours >= 10.0),
                    formatRatio(python / oursClient).c_str());
    std::printf("\n");
    std::fflush(stdout);
}

/// Start + connect + load the N = 100 document, with a profile without and one with the extension.
void Bench::startup()
{
    if (m_compareDocument.empty())
        return;
    const std::string url = aa::client::fileUrl(m_compareDocument);
    const std::string plain = m_work + "/profile-plain";
    const std::string withExtension = m_work + "/profile-extension";
    const std::string fresh = m_work + "/profile-fresh";
    {
        aa::client::Office office({ plain, "", true }); // first start creates the profile
    }
    {
        aa::client::Office office({ withExtension, m_options.oxt, true }); // installs, restarts
        office.call("version");
    }
    auto startAndLoad = [&](const std::string& profile) {
        const auto start = Clock::now();
        aa::client::Office office({ profile, "", true });
        auto doc = office.load(url);
        const double ms = msSince(start);
        aa::client::Office::close(doc);
        return ms;
    };
    for (int i = 0; i < m_options.startupRuns; ++i)
    {
        std::filesystem::remove_all(fresh);
        m_startupFreshRuns.push_back(startAndLoad(fresh));
        // Alternate the order so that drift in the machine's load favours neither.
        if (i % 2)
        {
            m_startupExtRuns.push_back(startAndLoad(withExtension));
            m_startupPlainRuns.push_back(startAndLoad(plain));
        }
        else
        {
            m_startupPlainRuns.push_back(startAndLoad(plain));
            m_startupExtRuns.push_back(startAndLoad(withExtension));
        }
    }
    m_startupPlain = median(m_startupPlainRuns);
    m_startupExt = median(m_startupExtRuns);
    m_startupFresh = median(m_startupFreshRuns);
    auto runs = [](const std::vector<double>& v) {
        std::string out = "[";
        for (double ms : v)
            out += (out.size() > 1 ? " " : "") + formatMs(ms);
        return out + "]";
    };
    std::vector<double> differences;
    for (std::size_t i = 0; i < m_startupExtRuns.size(); ++i)
        differences.push_back(m_startupExtRuns[i] - m_startupPlainRuns[i]);
    const double overhead = (m_startupExt - m_startupPlain) / m_startupPlain * 100.0;
    std::printf("Start-up: start soffice + connect + load the %d-issue document (.odt), medians of %d\n"
                "(the runs in order in brackets; each run starts all three, alternating the order)\n",
                m_options.compareSize, m_options.startupRuns);
    std::printf("  profile without the extension (created once, reused)  %8s ms  %s\n",
                formatMs(m_startupPlain).c_str(), runs(m_startupPlainRuns).c_str());
    std::printf("  profile with the extension installed (reused)         %8s ms  %s\n", formatMs(m_startupExt).c_str(),
                runs(m_startupExtRuns).c_str());
    std::printf("  fresh profile each run, without the extension         %8s ms  %s\n",
                formatMs(m_startupFresh).c_str(), runs(m_startupFreshRuns).c_str());
    std::printf("  overhead of the extension: %+.1f %%  (target < 5 %%): %s\n", overhead, verdict(overhead < 5.0));
    std::printf("  median of the paired differences (with - without, same run): %+.0f ms\n", median(differences));
    std::printf("  (connecting polls every 50 ms, so each start is rounded up by 0 to 50 ms in both arms)\n");
    std::printf("  deck visible: n/a (the sidebar deck does not exist yet)\n\n");
    std::fflush(stdout);
}

/// What the sidebar costs while the practitioner types: the Questions panel open on an N-issue
/// document (created by its factory, as the sidebar does), the view cursor moved within one
/// answer paragraph and then from answer to answer; each move's in-process time from lastTiming.
void Bench::cursorFollow(int n)
{
    auto doc = m_office->newWriterDocument();
    m_office->call("insert", doc, aa::toJson(aa::bench::bigAnalysis(n)));
    auto xContext = m_office->context();
    uno::Reference<ui::XUIElementFactory> xFactory(
        xContext->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.PanelFactory", xContext),
        uno::UNO_QUERY_THROW);
    auto xFrame = uno::Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getCurrentController()->getFrame();
    uno::Sequence<beans::PropertyValue> aArgs(2);
    aArgs[0].Name = "Frame";
    aArgs[0].Value <<= xFrame;
    aArgs[1].Name = "ParentWindow";
    aArgs[1].Value <<= xFrame->getContainerWindow();
    auto xPanel = xFactory->createUIElement("private:resource/toolpanel/AssessmentAnalysisFactory/QuestionsPanel",
                                            aArgs);
    // The answer paragraphs of the issues, in order.
    std::vector<uno::Reference<text::XTextRange>> answers;
    uno::Reference<container::XEnumerationAccess> xParas(doc->getText(), uno::UNO_QUERY_THROW);
    auto xEnum = xParas->createEnumeration();
    while (xEnum->hasMoreElements())
    {
        uno::Reference<beans::XPropertySet> xPara(xEnum->nextElement(), uno::UNO_QUERY);
        OUString aStyle;
        if (xPara.is() && xPara->getPropertySetInfo()->hasPropertyByName("ParaStyleName"))
            xPara->getPropertyValue("ParaStyleName") >>= aStyle;
        if (aStyle.startsWith("Analysis Origins") || aStyle.startsWith("Analysis Impact"))
            answers.emplace_back(xPara, uno::UNO_QUERY_THROW);
    }
    if (answers.size() < 21)
        throw std::runtime_error("cursorFollow: too few answer paragraphs");
    uno::Reference<text::XTextViewCursorSupplier> xView(
        uno::Reference<frame::XModel>(doc, uno::UNO_QUERY_THROW)->getCurrentController(), uno::UNO_QUERY_THROW);
    auto xCursor = xView->getViewCursor();
    auto lastMs = [&] {
        const std::string timing = m_office->call("lastTiming");
        const auto key = timing.find("\"microseconds\":");
        if (timing.find("\"command\":\"cursorMoved\"") == std::string::npos || key == std::string::npos)
            throw std::runtime_error("cursorFollow: the panel did not follow the cursor: " + timing);
        return std::stod(timing.substr(key + 15)) / 1000.0;
    };
    const std::size_t middle = answers.size() / 2;
    xCursor->gotoRange(answers[middle]->getStart(), false);
    lastMs();
    for (int i = 0; i < 40; ++i)
    {
        xCursor->goRight(1, false);
        m_cursorSame.push_back(lastMs());
    }
    for (std::size_t i = 1; i <= 20; ++i)
    {
        xCursor->gotoRange(answers[(middle + i) % answers.size()]->getStart(), false);
        m_cursorNext.push_back(lastMs());
    }
    uno::Reference<lang::XComponent>(xPanel, uno::UNO_QUERY_THROW)->dispose();
    aa::client::Office::close(doc);
}

/// The .odt fragment insert builds for n issues (plan included), written to the work folder;
/// its file URL. With planJson, the analysis with its plan as JSON too (for Python).
std::string Bench::fragmentOf(int n, std::string* planJson)
{
    const aa::Analysis withPlan = aa::withPlan(aa::bench::bigAnalysis(n));
    const std::string fragmentPath = m_work + "/fragment-" + std::to_string(n) + ".odt";
    writeFile(fragmentPath, aa::buildOdtFragment(withPlan));
    if (planJson)
    {
        *planJson = m_work + "/analysis-" + std::to_string(n) + ".json";
        writeFile(*planJson, aa::toJson(withPlan));
    }
    return aa::client::fileUrl(fragmentPath);
}

/// --profile OP: OP run --runs times at the first of --sizes, each on a new document prepared
/// beforehand, with `perf record` (cpu-clock, DWARF call graphs) attached to soffice.bin and
/// enabled only around the call itself (perf's control FIFO), so the profile holds that call
/// and whatever soffice did meanwhile (its idle layout included), nothing of the preparation.
int Bench::profile()
{
    const int n = m_options.sizes.front();
    const std::string& op = m_options.profileOp;
    const std::string out = m_options.profileOut.empty() ? "perf-" + op + "-" + std::to_string(n) + ".data"
                                                         : m_options.profileOut;
    const std::string json = aa::toJson(aa::bench::bigAnalysis(n));
    const std::string ctl = m_work + "/perf-ctl", ack = m_work + "/perf-ack";
    if (::mkfifo(ctl.c_str(), 0600) != 0 || ::mkfifo(ack.c_str(), 0600) != 0)
        throw std::runtime_error("cannot make perf's control FIFOs");
    const std::string pid = std::to_string(m_officeBinary);
    const std::string control = "--control=fifo:" + ctl + "," + ack;
    const pid_t perf = ::fork();
    if (perf == 0)
    {
        ::execlp("perf", "perf", "record", "-q", "-e", "cpu-clock", "-F", "999", "--call-graph", "dwarf,32768", "-D",
                 "-1", control.c_str(), "-p", pid.c_str(), "-o", out.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::ofstream toPerf(ctl);
    std::ifstream fromPerf(ack);
    auto perfSwitch = [&](bool on) {
        toPerf << (on ? "enable" : "disable") << std::endl;
        std::string answer;
        std::getline(fromPerf, answer);
    };
    std::vector<double> client, inProcess;
    for (int i = 0; i < m_options.runs; ++i)
    {
        auto doc = m_office->newWriterDocument();
        const bool inserting = op == "insert" || op == "insertThenRead";
        if (!inserting)
            m_office->call("insert", doc, json);
        aa::Analysis desired;
        if (op == "update" || op == "updateItem" || op == "updatePlan")
        {
            desired = aa::parseAnalysis(m_office->call("read", doc), aa::Strings::builtIn(), aa::ParseMode::Update);
            aa::Issue& changed = desired.issues[static_cast<std::size_t>(n / 2)];
            changed.part(aa::IssuePart::ImpactOnChild) = aa::bench::words("Changed impact of " + changed.id, 60);
            if (op != "update")
            {
                aa::Item more;
                more.text = aa::bench::words("One more thing to help with " + changed.id, 20);
                more.issues = { changed.id };
                desired.list(aa::ListKind::WhatNeedsToHappen).push_back(std::move(more));
            }
            if (op == "updatePlan")
                m_office->call("update", doc, aa::toJson(desired));
        }
        std::unique_ptr<DeckPanel> issues, questions, review;
        if (op.rfind("panel", 0) == 0)
        {
            issues = std::make_unique<DeckPanel>(*m_office, doc, "IssuesPanel");
            questions = std::make_unique<DeckPanel>(*m_office, doc, "QuestionsPanel");
            review = std::make_unique<DeckPanel>(*m_office, doc, "ReviewPanel");
            issues->select("IssueList", n / 2);
            issues->press("issueSelected");
            if (op == "panelUpdate")
            {
                questions->select("QuestionList", questionIndex(aa::QuestionKey::of(aa::IssuePart::ImpactOnChild)));
                questions->press("questionSelected");
                questions->type("Answer", aa::bench::words("Typed in the deck", 60));
            }
            else if (op == "panelUpdatePlan")
            {
                questions->select("QuestionList", questionIndex(aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen)));
                questions->press("questionSelected");
                questions->type("ItemText", aa::bench::words("Added in the deck", 20));
                questions->press("addItem");
            }
        }
        settle();
        perfSwitch(true);
        const auto start = Clock::now();
        std::string timedCommand = op;
        if (op == "insertThenRead")
        {
            m_office->call("insert", doc, json);
            m_office->call("read", doc);
            timedCommand = "read";
        }
        else if (op == "insert")
            m_office->call("insert", doc, json);
        else if (op == "update" || op == "updateItem")
        {
            m_office->call("update", doc, aa::toJson(desired));
            timedCommand = "update";
        }
        else if (op == "panelUpdate")
        {
            questions->press("update");
            timedCommand = "panel.update";
        }
        else if (op == "panelUpdatePlan")
        {
            questions->press("updatePlan");
            timedCommand = "panel.updatePlan";
        }
        else if (op == "panelReview")
        {
            review->press("runReview");
            timedCommand = "panel.runReview";
        }
        else if (op == "rowAppend")
        {
            uno::Reference<container::XIndexAccess> xTables(
                uno::Reference<text::XTextTablesSupplier>(doc, uno::UNO_QUERY_THROW)->getTextTables(),
                uno::UNO_QUERY_THROW);
            uno::Reference<text::XTextTable> xTable(xTables->getByIndex(xTables->getCount() - 1), uno::UNO_QUERY_THROW);
            auto xRows = xTable->getRows();
            auto xUndo = uno::Reference<document::XUndoManagerSupplier>(doc, uno::UNO_QUERY_THROW)->getUndoManager();
            uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
            xUndo->enterUndoContext("Append");
            xModel->lockControllers();
            xRows->insertByIndex(xRows->getCount(), 1);
            xModel->unlockControllers();
            xUndo->leaveUndoContext();
            timedCommand.clear();
        }
        else
            m_office->call(op, doc);
        client.push_back(msSince(start));
        inProcess.push_back(timedCommand.empty() ? client.back() : lastTimingMs(timedCommand));
        settle();
        perfSwitch(false);
        issues.reset();
        questions.reset();
        review.reset();
        aa::client::Office::close(doc);
    }
    toPerf.close();
    ::kill(perf, SIGINT);
    int status = 0;
    ::waitpid(perf, &status, 0);
    std::printf("profile of %s at N=%d, %d runs: in-process median %s ms, client median %s ms (each call and the\n"
                "idle time after it until soffice was idle; perf.data: %s)\n",
                op.c_str(), n, m_options.runs, formatMs(median(inProcess)).c_str(), formatMs(median(client)).c_str(),
                out.c_str());
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

int Bench::run()
{
    const auto benchStart = Clock::now();
    const MachineTicks machineStart = machineTicks();
    const double ownStart = ownCpuSeconds();
    printMachine();
    if (m_options.runs < 5)
        std::printf("NOTE: fewer than 5 runs: a quick look, not a result to quote.\n\n");

    m_office = std::make_unique<aa::client::Office>(
        aa::client::OfficeOptions{ m_work + "/profile", m_options.oxt, true });
    m_officeBinary = officeBinaryPid(m_office->pid());
    if (m_officeBinary <= 0)
        throw std::runtime_error("cannot find the soffice.bin process");
    std::printf("extension: %s\n\n", m_office->call("version").c_str());
    std::fflush(stdout);

    // Does this build have the review command? An unknown command is refused.
    {
        auto doc = m_office->newWriterDocument();
        m_office->call("insert", doc, aa::toJson(aa::bench::bigAnalysis(1)));
        try
        {
            m_office->call("review", doc);
            m_review = true;
        }
        catch (const lang::IllegalArgumentException&)
        {
        }
        aa::client::Office::close(doc);
    }
    if (!m_options.profileOp.empty())
        return profile();
    // Warm-up: the first commands load the component and Writer's filters.
    {
        SizeResults ignored;
        cycle(5, aa::toJson(aa::bench::bigAnalysis(5)), fragmentOf(5, nullptr), ignored, false);
    }

    for (int n : m_options.sizes)
    {
        const aa::Analysis analysis = aa::bench::bigAnalysis(n);
        const std::string json = aa::toJson(analysis);
        SizeResults& results = m_sizes[n];
        const bool comparing = n == m_options.compareSize;
        std::string planJsonPath;
        const std::string fragmentUrl = fragmentOf(n, comparing ? &planJsonPath : nullptr);
        const auto sizeStart = Clock::now();
        for (int i = 0; i < m_options.runs; ++i)
        {
            try
            {
                cycle(n, json, fragmentUrl, results, comparing && i == 0);
            }
            catch (const std::exception& e)
            {
                throw std::runtime_error("N=" + std::to_string(n) + ", run " + std::to_string(i + 1) + ": " + e.what());
            }
            if (comparing)
            {
                m_compare.oursInProcess.push_back(results.inProcess["insert"].back());
                m_compare.oursClient.push_back(results.client["insert"].back());
                m_compare.oursUntilIdle.push_back(results.untilIdle["insert"].back());
                compare(analysis, fragmentUrl, planJsonPath);
            }
            results.rssAfterRunMiB.push_back(memoryMiB(m_officeBinary, "VmRSS"));
        }
        results.hwmMiB = memoryMiB(m_officeBinary, "VmHWM");
        results.rssMiB = memoryMiB(m_officeBinary, "VmRSS");
        std::fprintf(stderr, "N=%d done in %.1f s\n", n, msSince(sizeStart) / 1000.0);
    }
    if (m_sizes.count(m_options.compareSize))
        cursorFollow(m_options.compareSize);
    if (!m_office->alive())
        throw std::runtime_error("soffice died during the benchmark");
    m_office.reset();

    printTable();
    if (!m_cursorSame.empty())
        std::printf("Sidebar following the cursor (Questions panel open, N=%d), in-process per selection change:\n"
                    "  same paragraph (typing, moving within a line): median %s ms, max %s ms (%zu moves)\n"
                    "  into the next answer paragraph:                median %s ms, max %s ms (%zu moves)\n\n",
                    m_options.compareSize, formatMs(median(m_cursorSame)).c_str(),
                    formatMs(*std::max_element(m_cursorSame.begin(), m_cursorSame.end())).c_str(), m_cursorSame.size(),
                    formatMs(median(m_cursorNext)).c_str(),
                    formatMs(*std::max_element(m_cursorNext.begin(), m_cursorNext.end())).c_str(), m_cursorNext.size());
    printComparisons();
    if (m_options.startup)
        startup();

    // The targets, side by side.
    std::printf("Targets\n");
    if (m_sizes.count(m_options.compareSize))
    {
        const double ours = median(m_compare.oursInProcess);
        const double fragment = median(m_sizes.at(m_options.compareSize).client.at("fragment"));
        std::printf("  insert N=100 at most 1.2x Writer importing the fragment: %-7s (%sx)\n",
                    verdict(ours / fragment <= 1.2), formatRatio(ours / fragment).c_str());
        if (!m_compare.python.empty())
            std::printf("  insert N=100 >= 10x faster than Python over UNO:     %-7s (%sx)\n",
                        verdict(median(m_compare.python) / ours >= 10.0),
                        formatRatio(median(m_compare.python) / ours).c_str());
        for (const char* op : { "read", "update", "updatePlan", "review" })
        {
            if (std::string(op) == "review" && !m_review)
            {
                std::printf("  review     N=100 under 50 ms in-process:            n/a (not built yet)\n");
                continue;
            }
            const double ms = median(m_sizes.at(m_options.compareSize).inProcess.at(op));
            std::printf("  %-10s N=100 under 50 ms in-process:            %-7s (%s ms)\n", op, verdict(ms < 50.0),
                        formatMs(ms).c_str());
        }
    }
    if (m_sizes.count(m_options.deckSize) && m_sizes.at(m_options.deckSize).inProcess.count("deckUpdate"))
    {
        std::string figures;
        bool met = true;
        for (const char* op : { "deckUpdate", "deckAddItem", "deckUpdatePlan", "deckReview" })
        {
            const double ms = median(m_sizes.at(m_options.deckSize).inProcess.at(op));
            met = met && ms < 100.0;
            figures += (figures.empty() ? "" : ", ") + std::string(op + 4) + " " + formatMs(ms) + " ms";
        }
        std::printf("  deck buttons N=%d under 100 ms, click to panels updated: %-7s (%s)\n", m_options.deckSize,
                    verdict(met), figures.c_str());
    }
    if (m_sizes.count(100) && m_sizes.count(500))
    {
        std::string ratios;
        bool linear = true;
        for (const auto& [op, label] : operations)
        {
            if (op == "review" && !m_review)
                continue;
            const double r = median(m_sizes.at(500).inProcess.at(op)) / median(m_sizes.at(100).inProcess.at(op));
            linear = linear && r <= 5.5;
            ratios += (ratios.empty() ? "" : ", ") + op + " " + formatRatio(r);
        }
        std::printf("  linear growth (N=500/N=100 in-process, <= 5.5):      %-7s (%s)\n", verdict(linear),
                    ratios.c_str());
    }
    if (!std::isnan(m_startupPlain))
    {
        const double overhead = (m_startupExt - m_startupPlain) / m_startupPlain * 100.0;
        std::printf("  start-up overhead under 5 %%:                          %-7s (%+.1f %%)\n",
                    verdict(overhead < 5.0), overhead);
    }
    std::printf("\nload average at the end: %s; the whole benchmark took %.0f s\n",
                commandOutput("cut -d' ' -f1-3 /proc/loadavg").c_str(), msSince(benchStart) / 1000.0);
    const MachineTicks machineEnd = machineTicks();
    const double ticksPerSecond = static_cast<double>(::sysconf(_SC_CLK_TCK));
    const double total = static_cast<double>(machineEnd.total - machineStart.total);
    if (total > 0)
    {
        const double busy = static_cast<double>(machineEnd.busy - machineStart.busy) / total * 100.0;
        const double own = (ownCpuSeconds() - ownStart) * ticksPerSecond / total * 100.0;
        std::printf("CPU during the run: machine %.0f %% busy (all cores), aa-bench with its soffice and python "
                    "%.0f %%, other processes ~%.0f %%, hypervisor steal %.1f %%\n",
                    busy, own, std::max(0.0, busy - own),
                    static_cast<double>(machineEnd.steal - machineStart.steal) / total * 100.0);
    }
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    try
    {
        Bench bench(parseOptions(argc, argv));
        return bench.run();
    }
    catch (const uno::Exception& e)
    {
        std::cerr << "aa-bench: UNO exception: " << aa::client::describe(e) << "\n";
    }
    catch (const std::exception& e)
    {
        std::cerr << "aa-bench: " << e.what() << "\n";
    }
    return 1;
}
