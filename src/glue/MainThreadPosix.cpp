#include "MainThread.hpp"

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace aa::glue
{
bool onMainThread() noexcept
{
#if defined(__linux__)
    return ::syscall(SYS_gettid) == ::getpid();
#else
    return true;
#endif
}
} // namespace aa::glue
