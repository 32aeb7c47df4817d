#!/usr/bin/env bash
# The main job end to end: aa-run writes the three files, and the PDF shows the analysis and
# the plan table. Usage: main-job-test.sh AA_RUN OXT SAMPLES_DIR
set -euo pipefail
aa_run=$1 oxt=$2 samples=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$aa_run" --profile "$work/profile" --oxt "$oxt" --report "$samples/sample-report.fodt" \
    --analysis "$samples/sample-analysis.json" --supervision "$samples/sample-supervision.json" --out "$work/out"
for ext in odt docx pdf; do
    test -s "$work/out/sample-assessment.$ext" || { echo "missing sample-assessment.$ext"; exit 1; }
done
text=$(pdftotext -layout "$work/out/sample-assessment.pdf" -)
for needle in "Child and family assessment" "How safe is the child now?" "Analysis of the assessment" \
              "What keeps it going?" "The family's home is overcrowded and insecure" "Must happen:" \
              "The action plan" "Priority" "Ms Green rejoins the housing register" \
              "How the plan will be reviewed" "Management oversight and decisions" "Priya Shah"; do
    grep -qF "$needle" <<<"$text" || { echo "the PDF does not show: $needle"; exit 1; }
done
echo "main job: 3 files written; the PDF shows the analysis, the plan table and the supervision record"
echo "1 passed, 0 failed"
