#!/usr/bin/env bash
# Fully offline: the main scenario (start Writer, install the extension, insert, save as .odt,
# .docx and .pdf) runs in a network namespace with no interfaces, under strace, and no process
# attempts an internet (AF_INET/AF_INET6) connection. Usage: no-network-test.sh AA_RUN OXT SAMPLES
set -euo pipefail
aa_run=$1 oxt=$2 samples=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
isolate=(unshare --net)
"${isolate[@]}" true 2>/dev/null || { echo "note: cannot create a network namespace here; tracing only"; isolate=(); }
strace -f -qq -e trace=connect -o "$work/connect.log" "${isolate[@]}" \
    "$aa_run" --profile "$work/profile" --oxt "$oxt" --report "$samples/sample-report.fodt" \
    --analysis "$samples/sample-analysis.json" --out "$work/out"
test -s "$work/out/sample-assessment.pdf"
if grep -E "AF_INET6?" "$work/connect.log"; then
    echo "a network connection was attempted (above)"
    echo "0 passed, 1 failed"
    exit 1
fi
echo "$(grep -c connect "$work/connect.log") connect() calls, all local (Unix sockets); none to a network"
echo "1 passed, 0 failed"
