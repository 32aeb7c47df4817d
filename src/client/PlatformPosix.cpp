// Platform.hpp for Linux and macOS (POSIX). A Windows implementation goes beside it
// (docs/platforms.md, "The client on Windows").
#include "Platform.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <mutex>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace aa::platform
{
namespace
{
// The process groups of the children still running, so that an interrupted tool (Ctrl+C, a
// batch scheduler's SIGTERM) takes its headless Writers with it: each child runs in a group of
// its own (see Child's constructor), which the terminal's signals do not reach.
std::array<std::atomic<pid_t>, 256> g_groups{};

void killGroupsAndReraise(int signal)
{
    for (auto& group : g_groups)
    {
        const pid_t id = group.load();
        if (id > 0)
            ::kill(-id, SIGKILL);
    }
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

void installSignalHandlers()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (int signal : { SIGINT, SIGTERM, SIGHUP })
        {
            struct sigaction old = {};
            if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler == SIG_IGN)
                continue;
            struct sigaction action = {};
            action.sa_handler = killGroupsAndReraise;
            sigemptyset(&action.sa_mask);
            ::sigaction(signal, &action, nullptr);
        }
    });
}

void remember(pid_t group)
{
    for (auto& slot : g_groups)
    {
        pid_t expected = 0;
        if (slot.compare_exchange_strong(expected, group))
            return;
    }
}

void forget(pid_t group)
{
    for (auto& slot : g_groups)
    {
        pid_t expected = group;
        if (slot.compare_exchange_strong(expected, 0))
            return;
    }
}
} // namespace

Id currentId() { return static_cast<Id>(::getpid()); }

void setEnvironment(const std::string& name, const std::string& value) { ::setenv(name.c_str(), value.c_str(), 1); }

std::string sofficePath(const std::string& programDir) { return programDir + "/soffice"; }

#ifdef __APPLE__
// A macOS bundle: Contents/MacOS (the program folder), Contents/Resources, Contents/Frameworks.
std::string unoBootstrapFile(const std::string& programDir) { return programDir + "/../Resources/fundamentalrc"; }
std::string unoLibraryDir(const std::string& programDir) { return programDir + "/../Frameworks"; }
std::string libraryPathVariable() { return "DYLD_LIBRARY_PATH"; }
#else
std::string unoBootstrapFile(const std::string& programDir) { return programDir + "/fundamentalrc"; }
std::string unoLibraryDir(const std::string& programDir) { return programDir; }
std::string libraryPathVariable() { return "LD_LIBRARY_PATH"; }
#endif

std::vector<std::string> variablesNotForTheOffice() { return { "URE_BOOTSTRAP", libraryPathVariable() }; }

int exitCodeOfSystem(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

std::string libraryOf(const void* address)
{
    Dl_info info = {};
    if (::dladdr(address, &info) == 0 || !info.dli_fname)
        return {};
    return info.dli_fname;
}

Child::Child(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& unset)
{
    // Everything the child needs is prepared before fork: between fork and exec a
    // multithreaded program may only make async-signal-safe calls.
    std::vector<std::string> argStrings{ program };
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (char** e = environ; *e; ++e)
    {
        bool keep = true;
        for (const std::string& name : unset)
            if (std::strncmp(*e, name.c_str(), name.size()) == 0 && (*e)[name.size()] == '=')
                keep = false;
        if (keep)
            envp.push_back(*e);
    }
    envp.push_back(nullptr);

    installSignalHandlers();
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("cannot start " + program + ": " + std::strerror(errno));
    if (pid == 0)
    {
        ::setpgid(0, 0);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    // Also here, so that the group exists before anyone signals it.
    ::setpgid(pid, pid);
    remember(pid);
    m_id = pid;
}

Child::~Child() { stopAndReap(); }

Child::Child(Child&& other) noexcept : m_id(other.m_id) { other.m_id = -1; }

Child& Child::operator=(Child&& other) noexcept
{
    if (this != &other)
    {
        stopAndReap();
        m_id = other.m_id;
        other.m_id = -1;
    }
    return *this;
}

bool Child::running()
{
    if (m_id <= 0)
        return false;
    int status = 0;
    const pid_t pid = static_cast<pid_t>(m_id);
    if (::waitpid(pid, &status, WNOHANG) == 0)
        return true;
    // The launcher has ended: whatever of its group is left goes with it.
    ::kill(-pid, SIGKILL);
    forget(pid);
    m_id = -1;
    return false;
}

bool Child::waitFor(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running())
    {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

void Child::kill()
{
    const Id id = m_id;
    if (id > 0)
        ::kill(-static_cast<pid_t>(id), SIGKILL);
}

void Child::stopAndReap()
{
    if (m_id <= 0)
        return;
    kill();
    int status = 0;
    ::waitpid(static_cast<pid_t>(m_id), &status, 0);
    forget(static_cast<pid_t>(m_id));
    m_id = -1;
}
} // namespace aa::platform
