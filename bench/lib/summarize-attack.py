#!/usr/bin/env python3
"""Writes bench/results/attack-*/summary.md from what bench/attack.sh recorded."""
import json, re, sys, os

out, dur = sys.argv[1], sys.argv[2]

def kv(path):
    try:
        text = open(path).read().strip()
    except OSError:
        return {}
    return dict(p.split("=") for p in text.split() if "=" in p)

def wrk(path):
    text = open(path).read() if os.path.exists(path) else ""
    m = re.search(r'\{"requests".*\}', text)
    return json.loads(m.group(0)) if m else {}

def samples(path):
    rows = []
    for line in open(path).read().splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 4 and parts[1] and parts[2]:
            rows.append((int(parts[0]), int(parts[1]), float(parts[2]), float(parts[3] or 0)))
    return rows

clients = os.environ.get("ATTACK_CLIENTS", "1")
lines = ["# Attack run", "", f"Duration of the attack: {dur} s; the attacker's queries from {clients} address(es), each request a new query text. See conditions-before.txt for the machine.", ""]
lines += ["| | tonet-lod | plain Fuseki 5.6.0 |", "|---|---:|---:|"]
data = {}
for side in ["tonet-lod", "fuseki"]:
    d = os.path.join(out, side)
    n = json.load(open(os.path.join(d, "normal.json"))) if os.path.exists(os.path.join(d, "normal.json")) else {}
    data[side] = {
        "normal": n, "wrk": wrk(os.path.join(d, "wrk.txt")),
        "slow": json.load(open(os.path.join(d, "slow.json"))) if os.path.exists(os.path.join(d, "slow.json")) else {},
        "base": kv(os.path.join(d, "baseline.txt")), "after": kv(os.path.join(d, "after15.txt")),
        "oom": open(os.path.join(d, "oom.txt")).read().strip() if os.path.exists(os.path.join(d, "oom.txt")) else "?",
        "samples": samples(os.path.join(d, "samples.tsv")) if os.path.exists(os.path.join(d, "samples.tsv")) else [],
    }

def row(label, f):
    vals = []
    for side in ["tonet-lod", "fuseki"]:
        try:
            vals.append(f(data[side]))
        except Exception:
            vals.append("—")
    lines.append(f"| {label} | {vals[0]} | {vals[1]} |")

def statuses(s):
    return ", ".join(f"{k}×{v}" for k, v in sorted(s.items()))

for kind, label in [("page", "pages"), ("sparql", "simple SPARQL")]:
    row(f"{label}: requests answered", lambda d: d["normal"][kind]["n"])
    row(f"{label}: p50 ms", lambda d: d["normal"][kind]["p50_ms"])
    row(f"{label}: p90 ms", lambda d: d["normal"][kind]["p90_ms"])
    row(f"{label}: **p99 ms**", lambda d: f'**{d["normal"][kind]["p99_ms"]}**')
    row(f"{label}: max ms", lambda d: d["normal"][kind]["max_ms"])
    row(f"{label}: statuses", lambda d: statuses(d["normal"][kind]["statuses"]))
    row(f"{label}: failed (no answer in 30 s, or reset)", lambda d: d["normal"][kind]["errors"])
row("attacker's queries sent (wrk)", lambda d: d["wrk"]["requests"])
row("attacker's queries not 2xx/3xx", lambda d: d["wrk"]["errors"]["status"])
row("attacker's queries timed out at the client (30 s)", lambda d: d["wrk"]["errors"]["timeout"])
row("slow attacker: connections opened / closed by the server", lambda d: f'{d["slow"]["opened"]} / {d["slow"]["closed_by_server"]}')
row("slow attacker: answers", lambda d: statuses(d["slow"]["answers"]) or "none")
row("**OutOfMemoryError in the log**", lambda d: f'**{d["oom"]}**')
row("live threads: before / peak / 15 s after", lambda d: f'{d["base"]["threads"]} / {max(r[1] for r in d["samples"])} / {d["after"].get("threads", "gone")}')
row("heap MB after a full GC: before / 15 s after", lambda d: f'{d["base"]["heap_mb"]} / {d["after"].get("heap_mb", "gone")}')
row("heap MB, peak sampled", lambda d: max(r[2] for r in d["samples"]))
row("RSS MB: before / peak / 15 s after", lambda d: f'{d["base"]["rss_mb"]} / {int(max(r[3] for r in d["samples"]))} / {d["after"].get("rss_mb", "gone")}')
print("\n".join(lines))
