// What the benchmark inserts, and the statistics it prints: plain C++ (no UNO), like src/core.
#pragma once

#include "Analysis.hpp"

#include <string>
#include <vector>

namespace aa::bench
{
/// "seed" followed by count words from a small vocabulary and a full stop.
std::string words(const std::string& seed, int count);

/// The analysis of a large assessment (as in tests/integration/ScaleTest.cxx): `issues` issues,
/// each with its three required parts of ~60 words, a "what needs to happen" item (~20 words)
/// and a success sign (~15 words) tied to it, so the derived plan has a row per issue with an
/// outcome; every topic answered in ~60 words, two adults. No plan: insert derives it.
aa::Analysis bigAnalysis(int issues);

/// The median; NaN for an empty list.
double median(std::vector<double> values);
} // namespace aa::bench
