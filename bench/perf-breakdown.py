#!/usr/bin/env python3
"""Where one command's CPU time goes, from a profile taken by `aa-bench --profile OP`.

    perf script -i perf-update-100.data -F comm,tid,ip,sym,dso | bench/perf-breakdown.py Commands::update 7

Reads `perf script` output on stdin; keeps the samples inside AnalysisService::run (the command
on LibreOffice's main thread); drops samples whose innermost frame is the kernel's (on a loaded
machine most of those are the scheduler's interrupts, not the command's work); and gives, per
call made from the command (argument 1, a frame name part such as Commands::update), its share
of the samples and its CPU milliseconds per run (argument 2: the runs; perf samples at 999 Hz).
"""
import collections
import sys

command = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
samples, current = [], None
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip():
        if current is not None:
            samples.append(current)
        current = None
        continue
    if not line.startswith((" ", "\t")):
        current = []
        continue
    parts = line.strip().split(" ", 1)
    if len(parts) == 2 and current is not None:
        current.append(parts[1])
if current:
    samples.append(current)

counts, total = collections.Counter(), 0
for frames in samples:
    if "kernel.kallsyms" in frames[0]:
        continue
    names = [f.split(" (")[0] for f in frames]
    if not any("AnalysisService::run" in n for n in names):
        continue
    total += 1
    inside = [i for i, n in enumerate(names) if command in n]
    if inside:
        below = [n for n in names[: inside[-1]] if n.startswith("aa::") and "anonymous" not in n and command not in n]
        counts["  " + command + " > " + (below[-1] if below else "(Writer called directly)")] += 1
    else:
        run = [i for i, n in enumerate(names) if "AnalysisService::run" in n][0]
        below = [n for n in names[:run] if n.startswith("aa::") and "handlers" not in n]
        counts[below[-1] if below else "(other)"] += 1
if not total:
    sys.exit("no samples inside AnalysisService::run")
print(f"{total} samples in AnalysisService::run: {total / runs:.1f} ms CPU per run")
for name, n in counts.most_common(15):
    print(f"{100 * n / total:5.1f}%  {n / runs:6.1f} ms  {name[:110]}")
