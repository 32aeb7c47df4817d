#!/usr/bin/env bash
# The deck after a fresh install, seen under Xvfb: aa-screenshots opens the sample assessment in
# a visible Writer on a fresh profile, shows the Analysis deck, drives its panels and saves four
# PNGs, then each panel at the default, a narrow and a wide sidebar width (13 in all); it fails when the deck or a panel does not appear. Each PNG must be the full 1400x900
# screen and the deck area must hold real content (not a blank or single-colour region).
# Usage: screenshot-test.sh AA_RUN AA_SCREENSHOTS OXT SAMPLES_DIR
set -euo pipefail
aa_run=$1 shots_tool=$2 oxt=$3 samples=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$aa_run" --profile "$work/run-profile" --oxt "$oxt" --report "$samples/sample-report.fodt" \
    --analysis "$samples/sample-analysis.json" --out "$work/out" >/dev/null
"$aa_run" --profile "$work/run-profile" --oxt "$oxt" --report "$samples/sample-report.fodt" \
    --analysis "$samples/sample-analysis-draft.json" --out "$work/draft" >/dev/null
xvfb-run -a -s "-screen 0 1400x900x24" env SAL_USE_VCLPLUGIN=gen \
    "$shots_tool" --profile "$work/profile" --oxt "$oxt" --document "$work/out/sample-assessment.odt" \
    --draft "$work/draft/sample-assessment.odt" --out "$work/shots"
names="deck-new-document template-with-deck deck-following-cursor deck-review"
for panel in issues questions review; do
    for width in default narrow wide; do
        names="$names deck-$panel-$width"
    done
done
for name in $names; do
    png="$work/shots/$name.png"
    test -s "$png" || { echo "missing $name.png"; exit 1; }
    size=$(identify -format '%wx%h' "$png")
    [ "$size" = 1400x900 ] || { echo "$name.png is $size, not 1400x900"; exit 1; }
    # The sidebar's deck sits at the right of the window.
    colours=$(convert "$png" -crop 300x600+1100+100 -format '%k' info:)
    [ "$colours" -gt 20 ] || { echo "$name.png: the deck area is nearly blank ($colours colours)"; exit 1; }
done
echo "screenshots: 4 states of the deck and 3 panels at 3 sidebar widths captured after a fresh install"
echo "1 passed, 0 failed"
