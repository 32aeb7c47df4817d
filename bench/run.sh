#!/usr/bin/env bash
# The performance benchmark, one command:  bench/run.sh  [aa-bench options, e.g. --runs 7]
# Installs what is missing from Debian 12's packages (nothing when all is there), configures and
# builds build-bench/ (RelWithDebInfo, no tests), runs aa-bench in a private headless Writer and
# prints its table (also kept in build-bench/bench-result.txt). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
packages=(cmake g++ make libreoffice-writer libreoffice-dev libboost1.81-dev libspdlog-dev libfmt-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Comparison (b) runs a Python script with Debian's python3 and its UNO bridge.
/usr/bin/python3 -c 'import uno' 2>/dev/null || missing+=(python3-uno)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

log=build-bench/bench-build.log
mkdir -p build-bench
if ! { cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAA_BUILD_TESTS=OFF \
       && cmake --build build-bench -j2 --target aa-bench aa_oxt; } >"$log" 2>&1; then
    tail -40 "$log"
    echo "bench/run.sh: the build failed (full log: $log)" >&2
    exit 1
fi

# soffice prints a harmless javaldx warning at every start; keep the rest of stderr.
build-bench/bench/aa-bench "$@" 2> >(grep -v javaldx >&2) | tee build-bench/bench-result.txt
