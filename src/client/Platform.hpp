// Everything the client and the tools need from the operating system beyond standard C++:
// where an office keeps its files, starting LibreOffice, watching it and stopping it together
// with what it started, this process's id and environment. The one place with platform-specific
// code in C++: PlatformPosix.cpp is the implementation for Linux and macOS (chosen in
// cmake/Platform.cmake); docs/platforms.md says what a Windows one needs.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace aa::platform
{
using Id = std::int64_t;

/// This process's id (unique among running processes: used to name private folders and pipes).
Id currentId();

/// Sets an environment variable of this process; children started afterwards inherit it.
/// Call before starting threads that read the environment.
void setEnvironment(const std::string& name, const std::string& value);

/// An office's soffice, for its program folder (program/soffice, program\soffice.exe,
/// LibreOffice.app/Contents/MacOS/soffice).
std::string sofficePath(const std::string& programDir);
/// The office's UNO bootstrap file, which URE_BOOTSTRAP names (program/fundamentalrc,
/// program\fundamental.ini, LibreOffice.app/Contents/Resources/fundamentalrc).
std::string unoBootstrapFile(const std::string& programDir);
/// The folder of the office's UNO libraries (program/, or Contents/Frameworks on macOS).
std::string unoLibraryDir(const std::string& programDir);
/// The variable through which a process finds its shared libraries (LD_LIBRARY_PATH,
/// DYLD_LIBRARY_PATH, PATH), for messages.
std::string libraryPathVariable();
/// Variables a client may run with (for its own UNO) that must not reach the office it starts.
std::vector<std::string> variablesNotForTheOffice();

/// The exit code of a command run with std::system, or -1 when it did not exit normally
/// (killed by a signal).
int exitCodeOfSystem(int status);

/// The file the loaded shared library holding `address` came from; empty when unknown.
std::string libraryOf(const void* address);

/// A child process together with the processes it starts (LibreOffice's launcher starts
/// soffice.bin, which does the work): they are stopped together. Move-only; the destructor
/// stops whatever still runs.
class Child
{
public:
    Child() = default;
    /// Starts `program` with `args`, with this process's environment minus the variables
    /// named in `unset`. Throws std::runtime_error when it cannot be started.
    Child(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& unset);
    ~Child();
    Child(Child&& other) noexcept;
    Child& operator=(Child&& other) noexcept;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    /// True while the process started runs. Not to be called while another thread may call
    /// kill(): a finished child is reaped here, after which its id may be reused.
    bool running();
    /// Waits up to `timeout` for the process started to end; true when it has ended.
    bool waitFor(std::chrono::milliseconds timeout);
    /// Stops it and everything it started at once (no chance to clean up), without waiting.
    /// Safe to call from another thread while the owner waits in a call to the office.
    void kill();
    /// The id of the process started (LibreOffice's launcher), -1 when none.
    Id id() const { return m_id; }

private:
    void stopAndReap();

    Id m_id = -1;
};
} // namespace aa::platform
