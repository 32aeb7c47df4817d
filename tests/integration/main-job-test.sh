#!/usr/bin/env bash
# The main job end to end: aa-run writes the three files, and the PDF shows the analysis and
# the plan table. Usage: main-job-test.sh AA_RUN OXT SAMPLES_DIR
set -euo pipefail
aa_run=$1 oxt=$2 samples=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$aa_run" --profile "$work/profile" --oxt "$oxt" --report "$samples/sample-report.fodt" \
    --analysis "$samples/sample-analysis.json" --out "$work/out"
for ext in odt docx pdf; do
    test -s "$work/out/sample-assessment.$ext" || { echo "missing sample-assessment.$ext"; exit 1; }
done
text=$(pdftotext -layout "$work/out/sample-assessment.pdf" -)
for needle in "Child and family assessment" "Analysis of the assessment" "What keeps it going?" \
              "The family's housing is overcrowded and insecure" "Action plan" "Priority" \
              "Support Ms Green to rejoin the housing register"; do
    grep -qF "$needle" <<<"$text" || { echo "the PDF does not show: $needle"; exit 1; }
done
echo "main job: 3 files written; the PDF shows the analysis and the plan table"
echo "1 passed, 0 failed"
