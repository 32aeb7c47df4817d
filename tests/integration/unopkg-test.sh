#!/usr/bin/env bash
# The package installs cleanly with LibreOffice's own tool: `unopkg add -v` into a throwaway
# profile, `unopkg validate -v`, and every part of the package registered. unopkg refuses to run
# as root without --shared, so as root it runs as the user "nobody". The office is the one the
# tests run against: $AA_OFFICE_PROGRAM when set (scripts/test.sh), else the build's.
# Usage: unopkg-test.sh OXT PROGRAM_DIR
set -euo pipefail
oxt=$1
unopkg=${AA_OFFICE_PROGRAM:-$2}/unopkg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profile"
cp "$oxt" "$work/"
run() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$work"
    chmod 755 "$work"
    run() { runuser -u nobody -- env HOME="$work" "$@"; }
fi
profile="-env:UserInstallation=file://$work/profile"
out=$(run "$unopkg" add -v -s "$profile" "$work/$(basename "$oxt")" 2>&1) || { echo "$out"; echo "unopkg add failed"; exit 1; }
if grep -qi "error" <<<"$out"; then echo "$out"; echo "unopkg add reported an error"; exit 1; fi
out=$(run "$unopkg" validate -v "$profile" org.assessmentanalysis.extension 2>&1) || { echo "$out"; echo "unopkg validate failed"; exit 1; }
if grep -qi "error" <<<"$out"; then echo "$out"; echo "unopkg validate reported an error"; exit 1; fi
list=$(run "$unopkg" list "$profile" org.assessmentanalysis.extension 2>&1)
grep -q "Identifier: org.assessmentanalysis.extension" <<<"$list" || { echo "$list"; echo "not listed"; exit 1; }
if grep -q "is registered: no" <<<"$list"; then echo "$list"; echo "a part of the package is not registered"; exit 1; fi
parts=$(grep -c "is registered: yes" <<<"$list")
[ "$parts" -ge 10 ] || { echo "$list"; echo "only $parts registered parts"; exit 1; }
echo "unopkg: added, validated, $parts parts registered"
echo "1 passed, 0 failed"
