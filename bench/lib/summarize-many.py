#!/usr/bin/env python3
"""summarize-many.py DIR : summary.md of one bench/attack.sh run (issue 17), from the JSON files it
wrote (queries-SIDE-N.json, connections-SIDE-N.json) and settings.txt. Every figure comes from those
files; the targets are issue 17's."""
import glob
import json
import os
import sys

DIR = sys.argv[1]
LOAD_MAX = float(os.environ.get("LOAD_MAX", "0.5"))
SIDES = [("tonet-lod", "tonet-lod"), ("fuseki", "plain Fuseki")]


def runs(kind):
    out = {}
    for f in glob.glob(os.path.join(DIR, kind + "-*.json")):
        r = json.load(open(f))
        out[(r["side"], r["n"])] = r
    return out


def statuses(s):
    return ", ".join("%s×%s" % (k, f"{v:,}") for k, v in sorted(s.items())) or "—"


def ms(x):
    return "—" if x is None else f"{x:,.0f}"


def answered(f):
    return f.get("statuses", {}).get("200", 0)


def latency(f):
    return "%s / **%s** / %s" % (ms(f["p50_ms"]), ms(f["p95_ms"]), ms(f["max_ms"]))


def load(r):
    busy = float(r["load_before"].split()[0]) >= LOAD_MAX
    return ("**%s** (busy)" if busy else "%s") % r["load_before"].split()[0] + " → " + r["load_after"].split()[0]


def server(during):
    """The rows of what the server did during an attack."""
    return [
        ("server log written during the " + during, lambda r: f"{r['log_lines']:,} lines, {r['log_bytes'] / 1024:,.0f} KiB"),
        ("OutOfMemoryError in the log", lambda r: str(r["oom"])),
        ("server alive at the end", lambda r: r["alive"]),
        ("load average before → after", load),
    ]


def served(kind, what):
    """The rows of one kind of measured request: answered, latency, statuses."""
    return [
        (what + " answered 200, of sent", lambda r: f"{answered(r[kind]):,} of {r[kind]['n']:,}"),
        (what + " p50 / **p95** / max, ms", lambda r: latency(r[kind])),
        (what + ": statuses", lambda r: statuses(r[kind]["statuses"])),
    ]


def table(kind, rows):
    data = runs(kind)
    ns = sorted({n for (_, n) in data})
    cols = [(side, n) for n in ns for side, _ in SIDES]
    head = ["| |"] + [" %s, %d address%s |" % (dict(SIDES)[s], n, "" if n == 1 else "es") for s, n in cols]
    lines = ["".join(head), "|---|" + "---:|" * len(cols)]
    for label, f in rows:
        cells = []
        for c in cols:
            r = data.get(c)
            try:
                cells.append(f(r) if r else "—")
            except (KeyError, TypeError):
                cells.append("—")
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    return "\n".join(lines)


settings = open(os.path.join(DIR, "settings.txt")).read().strip().replace("\n", "; ")
out = ["# Attack from many addresses (issue 17)", "", "Settings: " + settings + ".", ""]
out += [
    "## Queries",
    "",
    "Each address keeps 5 heavy queries going (a new text each, sent again as soon as answered); two"
    " newcomers a second (each from a new address, a cheap query of queries/ made new) and ten pages a"
    " second. Targets: the newcomer's p95 ≤ 2 s, and no 503 for a newcomer.",
    "",
    table(
        "queries",
        [
            *served("newcomer", "newcomers' queries"),
            *served("page", "pages"),
            ("attackers' requests: statuses", lambda r: statuses(r["attack"]["statuses"])),
            *server("attack"),
        ],
    ),
    "",
    "## Connections",
    "",
    "Each address holds 64 connections (half idle, half sending headers a line every 2 s) and opens a"
    " new one for each closed; two new clients a second fetch a page. Target: the page's p95 ≤ 1 s.",
    "",
    table(
        "connections",
        [
            *served("page", "new clients' pages"),
            (
                "flood: connections held while measured, least / most",
                lambda r: f"{r['flood']['open_min']:,} / {r['flood']['open_max']:,}",
            ),
            (
                "flood: opened / closed by the server / failed to open",
                lambda r: f"{r['flood']['opened']:,} / {r['flood']['closed_by_server']:,} / {r['flood']['failed']:,}",
            ),
            *server("flood"),
        ],
    ),
    "",
]
print("\n".join(out))
