#!/usr/bin/env bash
# The main job: install dependencies, build, install the extension into a private profile,
# insert the sample analysis into the sample report and write out/sample-assessment.odt, .docx
# and .pdf. With a display (DISPLAY set), then opens Writer on the result.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
profile="$PWD/build/profile"
build/src/tools/aa-run --profile "$profile" --oxt build/assessment-analysis.oxt \
    --report samples/sample-report.fodt --analysis samples/sample-analysis.json \
    --supervision samples/sample-supervision.json --out out
if [ -n "${DISPLAY:-}" ]; then
    echo "Opening Writer on out/sample-assessment.odt (private profile: $profile)"
    soffice -env:UserInstallation="file://$profile" --nologo out/sample-assessment.odt &
fi
