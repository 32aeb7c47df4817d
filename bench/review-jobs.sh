#!/usr/bin/env bash
# Throughput of the team review with one job and with more: writes the sample assessment report
# (samples/, with its four-issue analysis inserted by aa-run) as 100 .odt and 100 .docx copies,
# then runs aa-review on the 200 documents with each job count in turn, RUNS times, alternating,
# and prints every run's wall time (Writers' start-up included), the CPU that aa-review and its
# Writers used and what the rest of the machine used meanwhile (another engineer's tests skew a
# run: look at that column), and the median per job count. Checks that every run gave the same
# JSON report. Needs a build (scripts/build.sh). Linux (/proc/stat, GNU time).
# Usage: bench/review-jobs.sh [RUNS (3)] [JOB COUNTS ("1 2")]
# AA_OFFICE_PROGRAM (with LD_LIBRARY_PATH) selects another LibreOffice, as in scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
job_counts=${2:-1 2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build/src/tools/aa-run --profile "$work/run-profile" --oxt build/assessment-analysis.oxt \
    --report samples/sample-report.fodt --analysis samples/sample-analysis.json --out "$work/out" >/dev/null 2>&1
mkdir -p "$work/docs"
for i in $(seq -w 1 100); do
    cp "$work/out/sample-assessment.odt" "$work/docs/report-$i.odt"
    cp "$work/out/sample-assessment.docx" "$work/docs/report-$i.docx"
done

echo "aa-review on $(find "$work/docs" -type f | wc -l) documents (the sample report, 100 .odt and 100 .docx)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "LibreOffice: $("${AA_OFFICE_PROGRAM:-/usr/lib/libreoffice/program}/soffice" --version 2>/dev/null | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# The machine's busy and total CPU time so far, in clock ticks (all cores).
cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
ticks_per_second=$(getconf CLK_TCK)
declare -A times
for run in $(seq 1 "$runs"); do
    for jobs in $job_counts; do
        read -r busy0 total0 < <(cpu_ticks)
        status=0
        /usr/bin/time -f '%e %U %S' -o "$work/time" build/src/tools/aa-review --quiet --jobs "$jobs" --today 2026-11-26 \
            --json "$work/jobs-$jobs.json" "$work/docs" >"$work/jobs-$jobs.txt" 2>/dev/null || status=$?
        read -r busy1 total1 < <(cpu_ticks)
        [ "$status" -eq 0 ] || { echo "aa-review --jobs $jobs exited with $status"; tail -3 "$work/jobs-$jobs.txt"; exit 1; }
        if [ ! -f "$work/reference.json" ]; then
            cp "$work/jobs-$jobs.json" "$work/reference.json"
        elif ! cmp -s "$work/reference.json" "$work/jobs-$jobs.json"; then
            echo "run $run, --jobs $jobs: the JSON report differs from the first run's"
            exit 1
        fi
        read -r seconds user system < <(tail -1 "$work/time")
        times[$jobs]+="$seconds "
        # CPU in cores: ours from GNU time (aa-review and the Writers it waited for), the
        # machine's from /proc/stat; the difference is everyone else's.
        ours=$(echo "($user + $system) / $seconds" | bc -l)
        machine=$(echo "($busy1 - $busy0) / $ticks_per_second / $seconds" | bc -l)
        printf 'run %d, --jobs %d: %6.1f s; CPU: aa-review and its Writers %.2f cores (%.1f core-seconds), other processes %.2f cores\n' \
            "$run" "$jobs" "$seconds" "$ours" "$(echo "$user + $system" | bc -l)" "$(echo "$machine - $ours" | bc -l)"
    done
done
for jobs in $job_counts; do
    median=$(tr ' ' '\n' <<<"${times[$jobs]}" | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    printf -- '--jobs %d: median %.1f s, %.2f documents/s (runs: %s)\n' "$jobs" "$median" "$(echo "200 / $median" | bc -l)" "${times[$jobs]}"
done
echo "every run's JSON report was identical to the first run's"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
