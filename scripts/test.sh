#!/usr/bin/env bash
# Every test: installs dependencies; runs the core unit tests under ASan/UBSan, short fuzz runs,
# then builds everything and runs the core unit tests and the integration tests against a real
# headless LibreOffice (each test binary starts its own soffice with a fresh profile and installs
# the built .oxt into it), and the main job.
#
# The integration tests (ctest label "office") run twice: against the oldest LibreOffice we
# support, Debian 12's 7.4 (the system's), and against the current one, 25.2 from Debian's
# bookworm-backports, set up beside it by scripts/lo-current.sh (nothing in the system changes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
# First, so that a machine that cannot fetch it fails now rather than after the builds.
current_program=$(scripts/lo-current.sh)

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

summary=()
failed=0
# run_against NAME CTEST-ARGUMENTS...: runs ctest and notes how it went for NAME.
run_against() {
    local name=$1 log status=0 seconds=$SECONDS
    shift
    log=$(mktemp)
    ctest --preset "$preset" "$@" 2>&1 | tee "$log" || status=$?
    # "100% tests passed, 0 tests failed out of 5"
    local failures total
    read -r failures total < <(sed -n 's/^[0-9]*% tests passed, \([0-9]*\) tests\{0,1\} failed out of \([0-9]*\)$/\1 \2/p' "$log" | tail -1)
    rm -f "$log"
    if [ "$status" -eq 0 ] && [ -n "${total:-}" ]; then
        summary+=("$name: $total tests passed ($((SECONDS - seconds)) s)")
    else
        failed=1
        summary+=("$name: FAILED: ${failures:-?} of ${total:-?} tests failed ($((SECONDS - seconds)) s)")
    fi
}

office_dir=$(sed -n 's/^AA_LIBREOFFICE_DIR:PATH=//p' build/CMakeCache.txt)
oldest=$(env -u LD_LIBRARY_PATH -u URE_BOOTSTRAP "$office_dir/program/soffice" --version | head -1 | cut -d' ' -f1-2)
current=$(env -u LD_LIBRARY_PATH -u URE_BOOTSTRAP "$current_program/soffice" --version | head -1 | cut -d' ' -f1-2)

echo "== Every ctest entry; the integration tests against $oldest ($office_dir)"
run_against "$oldest (all tests)" || true
echo "== The integration tests (label office) against $current ($current_program)"
# The tests' own UNO (client side) comes from that office too: its types, through
# AA_OFFICE_PROGRAM, and its libraries (docs/platforms.md, "Which LibreOffice the tests run").
AA_OFFICE_PROGRAM=$current_program LD_LIBRARY_PATH=$current_program \
    run_against "$current (label office)" -L office || true

echo
echo "== Summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
