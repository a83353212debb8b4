#!/usr/bin/env python3
"""summarize-long.py DIR: the Markdown summary of one bench/long-table.sh run (DIR/results.txt)."""
import math
import statistics
import sys
from pathlib import Path

out = Path(sys.argv[1])
lines = (out / "results.txt").read_text().splitlines()


def fields(line):
    return dict(p.split("=", 1) for p in line.split()[1:] if "=" in p)


def cond(name):
    for line in (out / name).read_text().splitlines():
        if line.startswith("load average:"):
            return line.split(":", 1)[1].strip()
    return "?"


stages = {}  # size -> list of dicts
times = {}  # (kind, size) -> list of dicts
serves = []
for line in lines:
    if line.startswith("RESULT"):
        f = fields(line)
        stages.setdefault(int(f["size"]), []).append(f)
    elif line.startswith("TIME"):
        f = fields(line)
        kind, size, _ = f["label"].rsplit("-", 2)
        times.setdefault((kind, int(size.rstrip("x"))), []).append(f)
    elif line.startswith("SERVE"):
        serves.append(fields(line))

sizes = sorted(stages)


def xmx_mb():
    """The -Xmx of the run's JVM options (conditions-before.txt), in MB, or '?'."""
    import re
    for line in (out / "conditions-before.txt").read_text().splitlines():
        m = re.search(r"-Xmx(\d+)([gGmM])", line) if line.startswith("jvm options:") else None
        if m:
            return int(m.group(1)) * (1024 if m.group(2) in "gG" else 1)
    return "?"


def live_heap(size, i, r):
    """The largest heap after a collection: from RESULT, or (older runs) the stage log's text."""
    if "live_heap_mb" in r:
        return int(r["live_heap_mb"])
    label = r["label"]
    for line in (out / f"{label}.txt").read_text().splitlines():
        if "live set after GC at most" in line:
            return int(line.split("live set after GC at most")[1].split()[0])
    return 0
med = statistics.median
print(f"Load average before: {cond('conditions-before.txt')}; after: {cond('conditions-after.txt')}."
      " Per run, the load average when it started is in results.txt. Times are medians of the runs;"
      " CPU is the stage's thread CPU time (the whole process's for export and serve).")
print()
print("| size | lines | triples | runs |")
print("|---:|---:|---:|---:|")
for s in sizes:
    r = stages[s]
    print(f"| {s}x | {r[0]['lines']} | {r[0]['triples']} | {len(r)} |")
print()

names = [k for k in stages[sizes[0]][0] if "/" in stages[sizes[0]][0][k]]


def stage(s, name, i):
    return med(float(r[name].split("/")[i]) for r in stages[s])


def exponent(s1, s2, name, i):
    a, b = stage(s1, name, i), stage(s2, name, i)
    n1, n2 = int(stages[s1][0]["lines"]), int(stages[s2][0]["lines"])
    if a < 0.02 or b <= 0:  # below the clock's resolution: no exponent
        return "–"
    return f"{math.log(b / a) / math.log(n2 / n1):.2f}"


head = " | ".join(f"{s}x CPU (wall) s" for s in sizes)
steps = list(zip(sizes, sizes[1:]))
ehead = " | ".join(f"exp. {a}x→{b}x" for a, b in steps)
print(f"| stage | {head} | {ehead} |")
print("|---|" + "---:|" * (len(sizes) + len(steps)))
for name in names:
    cells = " | ".join(f"{stage(s, name, 1):.2f} ({stage(s, name, 0):.2f})" for s in sizes)
    exps = " | ".join(exponent(a, b, name, 1) for a, b in steps)
    print(f"| {name} | {cells} | {exps} |")
print()
print("Exponent: log(CPU time ratio) / log(lines ratio) between two sizes; 1 is linear, 2 quadratic;"
      " '–' where a stage takes under 20 ms. Small sizes are dominated by class loading and JIT"
      " warm-up, so the 100x→1000x step is the one that tells.")
print()
print("| size | export (command) wall s | export CPU s | export peak RSS MB | live heap after GC, max MB | heap limit MB | target |")
print("|---:|---:|---:|---:|---:|---:|---|")
targets = {100: ("≤ 30 s", 30), 1000: ("≤ 300 s, heap ≤ 4 GB", 300)}
for s in sizes:
    t = times.get(("export", s), [])
    if not t:
        continue
    wall = med(float(x["wall_s"]) for x in t)
    cpu = med(float(x["cpu_s"]) for x in t)
    rss = int(med(int(x["rss_mb"]) for x in t))
    live = max(live_heap(s, i, r) for i, r in enumerate(stages[s]))
    limit_mb = max(int(r.get("max_heap_mb", 0)) for r in stages[s]) or xmx_mb()
    target = ""
    if s in targets:
        text, limit = targets[s]
        # The export ran (exit 0) within the JVM's -Xmx: the heap target is met when that is 4 GB.
        fits = isinstance(limit_mb, int) and limit_mb <= 4096
        target = f"{text}: {'met' if wall <= limit and fits else 'MISSED'} (CPU {cpu:.0f} s)"
    print(f"| {s}x | {wall:.1f} | {cpu:.1f} | {rss} | {live} | {limit_mb} | {target} |")
print()
if serves:
    print("| serve --tdb2 | first answered query s (wall) | process CPU s | load at start | target |")
    print("|---|---:|---:|---|---|")
    for f in serves:
        first = float(f["first_answer_s"])
        target = "≤ 360 s" if f["label"].endswith("-first") else "within seconds (reuse)"
        ok = first <= 360 if f["label"].endswith("-first") else first <= 10
        print(f"| {f['label']} | {first:.1f} | {f['cpu_s']} | {f['load']} | {target}: {'met' if ok else 'MISSED'} |")
