// Whether the calling thread is LibreOffice's main thread. The one operating-system call the
// component makes, kept here (src/glue/MainThreadPosix.cpp) as the client keeps its own behind
// src/client/Platform.hpp; a Windows or macOS build adds its own file (docs/platforms.md).
#pragma once

namespace aa::glue
{
/// True on the thread that runs LibreOffice's event loop (on Linux the process's first thread).
/// Where it cannot be told, true: a command then runs where it was called, as it always could.
bool onMainThread() noexcept;
} // namespace aa::glue
