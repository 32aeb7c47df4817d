#!/usr/bin/env bash
# Every test: installs dependencies; runs the core unit tests under ASan/UBSan, short fuzz runs,
# then builds everything and runs the core unit tests and the integration tests against a real
# headless LibreOffice (each test binary starts its own soffice with a fresh profile and installs
# the built .oxt into it), and the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh

# The core's unit tests under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan

# Short libFuzzer runs of the JSON reader and the document-structure reader (30 s each).
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
ctest --preset fuzz

# Everything, against real headless LibreOffice.
scripts/build.sh
preset=dev
[ -n "${CI:-}" ] && preset=ci
ctest --preset "$preset"
