#!/usr/bin/env bash
# Regenerates docs/screenshots/ (referenced from the README): builds, writes the sample
# assessment with the main job, then photographs the Analysis deck in its main states in a
# visible Writer under Xvfb at 1400x900, and each panel at three sidebar widths.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/src/tools/aa-run --profile "$work/run-profile" --oxt build/assessment-analysis.oxt \
    --report samples/sample-report.fodt --analysis samples/sample-analysis.json --out "$work/out"
# A three-issue draft whose review has 24 findings: each panel at the default, a narrow and a
# wide sidebar width.
build/src/tools/aa-run --profile "$work/run-profile" --oxt build/assessment-analysis.oxt \
    --report samples/sample-report.fodt --analysis samples/sample-analysis-draft.json --out "$work/draft"
xvfb-run -a -s "-screen 0 1400x900x24" env SAL_USE_VCLPLUGIN=gen \
    build/src/tools/aa-screenshots --profile "$work/profile" --oxt build/assessment-analysis.oxt \
    --document "$work/out/sample-assessment.odt" --draft "$work/draft/sample-assessment.odt" --out docs/screenshots
