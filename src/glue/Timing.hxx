// The last measured duration inside LibreOffice, for the "lastTiming" command (the benchmark):
// a command of the scripting API, or the sidebar's reaction to a cursor move ("cursorMoved").
#pragma once

#include <string>

namespace aa::writer
{
void recordTiming(const std::string& what, long long microseconds);
/// {"command":"insert","microseconds":1234}
std::string lastTimingJson();
} // namespace aa::writer
