#!/usr/bin/env python3
"""summarize-compare.py DIR : summary.md of one bench/compare.sh run, from what it recorded in DIR
(settings.txt, startup.tsv, results.jsonl, answers.tsv, nginx-check.tsv, downloads-check.tsv,
memory*.tsv/txt, conditions-*.txt). Every figure comes from those files; the targets are issue 11's
(and issue 5's, item 4)."""
import json
import math
import os
import re
import statistics
import sys

DIR = sys.argv[1]


def path(name):
    return os.path.join(DIR, name)


def read(name, default=""):
    try:
        with open(path(name), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def tsv(name):
    return [l.split("\t") for l in read(name).splitlines() if l.strip()]


settings = dict(l.split("=", 1) for l in read("settings.txt").splitlines() if "=" in l)
results = {}
for l in read("results.jsonl").splitlines():
    if l.strip():
        r = json.loads(l)
        results[r["label"]] = r


def rps(label):
    r = results.get(label)
    return r["rps"] if r else None


def errors(label):
    r = results.get(label)
    return sum(r["errors"].values()) if r else 0


def ms(us):
    return f"{us / 1000:.2f}"


def ratio(a, b):
    return a / b if a and b else None


def fmt(x, digits=2):
    return "—" if x is None else f"{x:.{digits}f}"


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def cond(name, key):
    m = re.search(rf"^{key}: (.*)$", read(name), re.M)
    return m.group(1) if m else "?"


out = []
p = out.append
p(f"# bench/compare.sh, {cond('conditions-before.txt', 'date')}")
p("")
p(
    f"Load average before {cond('conditions-before.txt', 'load average')}, after "
    f"{cond('conditions-after.txt', 'load average')} (the after figures include the measurement). "
    f"Jar `{settings.get('jar', '?')}`; JVM options `{settings.get('jvm_opts', '?')}` for both Java "
    f"servers; {settings.get('wrk', 'wrk')}; nginx {settings.get('nginx', '—')} "
    f"(worker_processes {settings.get('nginx_workers', '—')}). Each throughput figure: "
    f"`wrk -t2 -c{settings.get('conn', '16')}` for {settings.get('dur_s', '?')} s after "
    f"{settings.get('warm_s', '?')} s of warm-up on the same server and requests. Sections run: "
    f"{settings.get('sections', '?')}."
)
p("")

# ---- what is measured, gathered first --------------------------------------------------------------
startup = {}
kept = {}
startup_cpu = {}
startup_load = {}
startup_data = {}
startup_whole = {}
for row in tsv("startup.tsv"):
    startup.setdefault(row[0], []).append(int(row[1]))
    if len(row) > 2 and row[2] not in ("-", ""):
        kept.setdefault(row[0], []).append(int(row[2]))
    # Since issue 22: the server's CPU ms until its first answer, and the load average then.
    if len(row) > 3 and row[3] not in ("-", ""):
        startup_cpu.setdefault(row[0], []).append(int(row[3]))
    if len(row) > 4 and row[4] not in ("-", ""):
        startup_load.setdefault(row[0], []).append(float(row[4]))
    # Since the unfinished site: the first answer to queries/symposia.rq, and (ours) /void's.
    if len(row) > 5 and row[5] not in ("-", ""):
        startup_data.setdefault(row[0], []).append(int(row[5]))
    if len(row) > 6 and row[6] not in ("-", ""):
        startup_whole.setdefault(row[0], []).append(int(row[6]))
med = {k: statistics.median(v) for k, v in startup.items()}
med_cpu = {k: statistics.median(v) for k, v in startup_cpu.items()}

answers = tsv("answers.tsv")
names = [a[0] for a in answers]
q_ng = [ratio(rps(f"query/{n}/ours"), rps(f"query/{n}/nginx")) for n in names]
q_off = [ratio(rps(f"query/{n}/ours-nocache"), rps(f"query/{n}/fuseki-union")) for n in names]
q_on_fu = [ratio(rps(f"query/{n}/ours"), rps(f"query/{n}/fuseki-union")) for n in names]
q_uniq = [ratio(rps(f"query/{n}/ours-nocache-unique"), rps(f"query/{n}/fuseki-union-unique")) for n in names]
q_off_data = [ratio(rps(f"query/{n}/ours-nocache"), rps(f"query/{n}/fuseki-data")) for n in names]
q_err = {
    side: sum(errors(f"query/{n}/{side}") for n in names)
    for side in ("ours", "nginx", "ours-nocache", "fuseki-union", "fuseki-data", "ours-nocache-unique",
                 "fuseki-union-unique")
}
has_uniq = any(f"query/{n}/ours-nocache-unique" in results for n in names)

mem = {r[0]: r for r in tsv("memory.tsv")[1:]}
mem_sent = dict(kv.split("=") for kv in read("memory-sent.txt").split() if "=" in kv)
cache_mb = float(settings.get("mem_cache_mb", "64"))

rows = []  # (what, figure, target text, met, errors)


def target(what, value, op, limit, errs=0, digits=2):
    if value is None:
        rows.append((what, "—", f"{op} {limit}", "not measured", "—"))
        return
    ok = value >= limit if op == "≥" else value <= limit
    rows.append((what, f"**{value:.{digits}f}**", f"{op} {limit}", "yes" if ok else "**no**", errs))


if names:
    g = geomean(q_ng)
    target(
        f"Repeated competency queries (the same GET), geometric mean over {len([x for x in q_ng if x]) or len(names)}: "
        "tonet-lod (answer cache on) ÷ nginx serving the same bytes",
        g, "≥", 0.5, q_err["ours"] + q_err["nginx"])
    target(
        "The same, tonet-lod with `--cache-size 0` ÷ plain Fuseki on union.ttl (the same triples)",
        geomean(q_off), "≥", 1.0, q_err["ours-nocache"] + q_err["fuseki-union"])
    if has_uniq:
        target(
            "The same with a new query text on every request (nothing kept, nothing shared: each request "
            "runs the query; 16 clients behind a trusted proxy), `--cache-size 0` ÷ plain Fuseki on union.ttl",
            geomean(q_uniq), "≥", 1.0, q_err["ours-nocache-unique"] + q_err["fuseki-union-unique"])
for lst, what in (("pages", "Resource pages (Accept: text/html, no Accept-Encoding)"),
                  ("data", "/data/ documents (no Accept, no Accept-Encoding)")):
    if f"page/{lst}/ours" in results:
        target(f"{what}: tonet-lod ÷ nginx", ratio(rps(f"page/{lst}/ours"), rps(f"page/{lst}/nginx")),
               "≥", 0.7, errors(f"page/{lst}/ours") + errors(f"page/{lst}/nginx"))
ttl_kb = next((f"{int(c[2].split()[1]) / 1024:,.0f} KB" for c in tsv("downloads-check.tsv")
               if c[0] == "ours" and c[1] == "identity" and len(c[2].split()) > 1), "the file")
for lbl, what in (("", f"no Accept-Encoding (the plain file, {ttl_kb})"),
                  ("-gzip", "Accept-Encoding: gzip (ours' kept gzip copy; nginx gzip_static, the same .gz bytes)")):
    if f"download/ours{lbl}" in results:
        target(f"`tonet.ttl`, {what}: tonet-lod ÷ nginx",
               ratio(rps(f"download/ours{lbl}"), rps(f"download/nginx{lbl}")), "≥", 0.9,
               errors(f"download/ours{lbl}") + errors(f"download/nginx{lbl}"))
if startup:
    fu = med.get("fuseki")
    # Issue 22's targets (issue 11's were ≤ 0.8 warm and ≤ 1.12 cold).
    target("Start-up to the first answer, warm (the kept build), median ÷ plain Fuseki's median",
           ratio(med.get("ours-warm"), fu), "≤", 0.7)
    target("Start-up, cold (a fresh, empty `--build-cache` directory: builds and keeps), ÷ plain Fuseki",
           ratio(med.get("ours-cold"), fu), "≤", 1.1)
    target("Start-up, cold (`--no-build-cache`: builds, keeps nothing), ÷ plain Fuseki",
           ratio(med.get("ours-none"), fu), "≤", 1.1)
if "before" in mem and "after" in mem:
    delta = float(mem["after"][1]) - float(mem["before"][1])
    target(
        f"Live heap after {int(mem_sent.get('answered', 0)):,} distinct queries minus before (MB, after a "
        f"full GC), `--cache-size {settings.get('mem_cache_mb')}`",
        delta, "≤", cache_mb, int(mem_sent.get("other", 0)), digits=1)

p("## The targets (issue 11; start-up: issue 22)")
p("")
p("| what | figure | target | met | errors |")
p("|---|---:|---|---|---:|")
for r in rows:
    p("| " + " | ".join(str(x) for x in r) + " |")
p("")
p("Errors: socket errors and answers outside 2xx/3xx counted by wrk in the runs behind the figure "
  "(for the memory probe: answers other than 200). A figure with errors is not a clean measurement.")
p("")

# Issue 5's targets, kept.
i5 = []
if startup and med.get("fuseki"):
    i5.append(("(a) start-up, cold (empty --build-cache) ÷ plain Fuseki", fmt(ratio(med.get("ours-cold"), med["fuseki"])), "≤ 1.2"))
if names:
    i5.append(("(b) queries, --cache-size 0 ÷ plain Fuseki on the same triples, geometric mean", fmt(geomean(q_off)), "≥ 0.9"))
if "page/pages/ours" in results:
    i5.append(("(c) resource page p99, ms", ms(results["page/pages/ours"]["latency_us"]["p99"]), "≤ 20"))
if i5:
    p("Issue 5, item 4 (the earlier targets): " + "; ".join(f"{a}: **{b}** (target {c})" for a, b, c in i5) + ".")
    p("")

# ---- (a) ------------------------------------------------------------------------------------------
if startup:
    p("## (a) Start-up to the first answered query")
    p("")
    p("From just before `java` is launched until `ASK {}` is answered 200 (polled every 10 ms); the "
      "kinds alternate, each round starting with the next. \"kept\": runs whose log says the build "
      "kept from an earlier start was loaded.")
    p("")
    p("| server | median ms | min | max | runs | kept | ÷ Fuseki | CPU ms (median) | CPU ÷ Fuseki | load average at the starts |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    labels = {
        "ours-warm": "tonet-lod, warm: `--build-cache DIR` filled by an earlier start",
        "ours-cold": "tonet-lod, cold: a fresh, empty `--build-cache DIR` (builds, then keeps)",
        "ours-none": "tonet-lod, cold: `--no-build-cache`",
        "fuseki": "plain Fuseki `--file union.ttl`",
        "ours-fill": "(the first start, which filled the warm cache; not a measurement)",
    }
    for k in ("ours-warm", "ours-cold", "ours-none", "fuseki", "ours-fill"):
        if k in startup:
            v = sorted(startup[k])
            loads = startup_load.get(k, [])
            load = f"{min(loads):.2f}–{max(loads):.2f}" if loads else "—"
            cpu = f"{med_cpu[k]:,.0f}" if k in med_cpu else "—"
            p(f"| {labels[k]} | {med[k]:,.0f} | {v[0]:,} | {v[-1]:,} | {len(v)} | "
              f"{sum(kept.get(k, [])) if k in kept else '—'} | {fmt(ratio(med[k], med.get('fuseki')))} | "
              f"{cpu} | {fmt(ratio(med_cpu.get(k), med_cpu.get('fuseki')))} | {load} |")
    p("")
    if startup_data:
        med_data = {k: statistics.median(v) for k, v in startup_data.items()}
        p("The same starts, polled on after that first answer: until `queries/symposia.rq` (a "
          "competency query over the data) is answered 200, and (tonet-lod) until `/void`, the "
          "dataset description, is — it comes with the finished publication, which a cold start "
          "answers queries before (the distributions and quality measurements are still to come "
          "then; a query that reaches them waits for them).")
        p("")
        p("| server | symposia.rq answered, median ms | ÷ Fuseki | /void answered, median ms |")
        p("|---|---:|---:|---:|")
        for k in ("ours-warm", "ours-cold", "ours-none", "fuseki"):
            if k in med_data:
                whole = startup_whole.get(k)
                p(f"| {labels[k]} | {med_data[k]:,.0f} | "
                  f"{fmt(ratio(med_data[k], med_data.get('fuseki')))} | "
                  f"{f'{statistics.median(whole):,.0f}' if whole else '—'} |")
        p("")

# ---- (b) ------------------------------------------------------------------------------------------
if names and any(f"query/{n}/ours" in results for n in names):
    has_data = any(f"query/{n}/fuseki-data" in results for n in names)
    p(f"## (b) Competency queries: the same GET repeated, {settings.get('conn', '16')} connections")
    p("")
    p("Each query as `GET /sparql?query=…` (plain Fuseki: `/ds/sparql?query=…`) with `Accept: "
      "application/sparql-results+json` (N-Triples for CONSTRUCT), no Accept-Encoding. \"answers\": "
      "the results as CSV (N-Triples), sorted and hashed, the same from tonet-lod (cache on and off) "
      "and plain Fuseki on tonet.ttl and on union.ttl (two queries read the ontology or description: "
      "they differ on tonet.ttl alone, as they should). \"bytes\": the measured answer's bytes, the "
      "same from tonet-lod with the cache on, with `--cache-size 0` and from nginx.")
    p("")
    head = ("| query | rows | answers | bytes | KB | ours req/s | p50 ms | p99 ms | nginx req/s | p99 ms "
            "| **÷ nginx** | cache 0 req/s | p50 ms | p99 ms | Fuseki union req/s | p50 ms | p99 ms "
            "| **cache 0 ÷ Fuseki** | ours ÷ Fuseki |")
    sep = "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    if has_data:
        head += " Fuseki tonet.ttl req/s | cache 0 ÷ it |"
        sep += "---:|---:|"
    if has_uniq:
        head += " new text: cache 0 req/s | Fuseki req/s | **÷** |"
        sep += "---:|---:|---:|"
    head += " errors |"
    sep += "---:|"
    p(head)
    p(sep)
    for a in answers:
        n, nrows, o, d, u, nc = a[:6]
        bo, bn, bx, size = a[6:10]
        same = "same" if o == u == nc else f"DIFFER ({o}/{u}/{nc})"
        if o != d:
            same += ", not on tonet.ttl alone"
        bytes_same = "same" if bo == bn == bx else f"DIFFER ({bo}/{bn}/{bx})"
        lo, lx, ln, lu = (results.get(f"query/{n}/{s}", {}) for s in ("ours", "nginx", "ours-nocache", "fuseki-union"))

        def fig(r, key):
            return ms(r["latency_us"][key]) if r else "—"

        def r0(r):
            return f"{r['rps']:,.0f}" if r else "—"

        line = (f"| {n} | {nrows} | {same} | {bytes_same} | {int(size) / 1024:.1f} | {r0(lo)} | {fig(lo, 'p50')} | "
                f"{fig(lo, 'p99')} | {r0(lx)} | {fig(lx, 'p99')} | **{fmt(ratio(rps(f'query/{n}/ours'), rps(f'query/{n}/nginx')))}** | "
                f"{r0(ln)} | {fig(ln, 'p50')} | {fig(ln, 'p99')} | {r0(lu)} | {fig(lu, 'p50')} | {fig(lu, 'p99')} | "
                f"**{fmt(ratio(rps(f'query/{n}/ours-nocache'), rps(f'query/{n}/fuseki-union')))}** | "
                f"{fmt(ratio(rps(f'query/{n}/ours'), rps(f'query/{n}/fuseki-union')))} |")
        e = sum(errors(f"query/{n}/{s}") for s in q_err)
        if has_data:
            line += f" {r0(results.get(f'query/{n}/fuseki-data'))} | {fmt(ratio(rps(f'query/{n}/ours-nocache'), rps(f'query/{n}/fuseki-data')))} |"
        if has_uniq:
            line += (f" {r0(results.get(f'query/{n}/ours-nocache-unique'))} | {r0(results.get(f'query/{n}/fuseki-union-unique'))} | "
                     f"**{fmt(ratio(rps(f'query/{n}/ours-nocache-unique'), rps(f'query/{n}/fuseki-union-unique')))}** |")
        p(line + f" {e} |")
    p("")
    p(f"Geometric means: tonet-lod (cache on) ÷ nginx **{fmt(geomean(q_ng))}**; tonet-lod `--cache-size 0` ÷ "
      f"plain Fuseki on union.ttl **{fmt(geomean(q_off))}**; tonet-lod (cache on) ÷ plain Fuseki "
      f"{fmt(geomean(q_on_fu))}" + (f"; `--cache-size 0` ÷ plain Fuseki on tonet.ttl alone {fmt(geomean(q_off_data))}" if has_data else "")
      + (f"; a new text on every request, `--cache-size 0` ÷ plain Fuseki **{fmt(geomean(q_uniq))}**" if has_uniq else "") + ".")
    p("With `--cache-size 0` tonet-lod keeps no answer, but requests for a query that is running at that "
      "moment wait for its answer instead of running it again: with 16 connections repeating one GET, most "
      "requests share a run." + (" The \"new text\" columns (a comment with a new number at the end of the query "
      "on every request, `lua/unique.lua`) measure the queries themselves, with nothing kept or shared." if has_uniq else ""))
    p("Errors by side: " + ", ".join(f"{k} {v}" for k, v in q_err.items()
                                     if any(f"query/{n}/{k}" in results for n in names)) + ".")
    p("")

# ---- (c) ------------------------------------------------------------------------------------------
if "page/pages/ours" in results:
    npages = len(read("pages.txt").splitlines())
    ndata = len(read("data.txt").splitlines())
    p(f"## (c) Pages and /data/ documents, {settings.get('conn', '16')} connections")
    p("")
    p("The same list of GETs in turn on both sides; nginx's files are what tonet-lod answered to "
      "those very requests (nginx-check below).")
    p("")
    p("| workload | server | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | ours ÷ nginx |")
    p("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    what = {
        "pages": f"resource pages /page/… ({npages} linked from /, Accept: text/html)",
        "data": f"/data/… documents ({ndata}: .ttl .jsonld .rdf .nt)",
        "landing": "landing page / (Accept: text/html)",
        "ontology": "/ontology (Accept: text/html)",
    }
    for w in ("pages", "data", "landing", "ontology"):
        for s in ("ours", "nginx"):
            r = results.get(f"page/{w}/{s}")
            if not r:
                continue
            lat = r["latency_us"]
            rr = fmt(ratio(rps(f"page/{w}/ours"), rps(f"page/{w}/nginx"))) if s == "ours" else ""
            p(f"| {what[w] if s == 'ours' else ''} | {'tonet-lod' if s == 'ours' else 'nginx'} | {r['rps']:,.0f} | "
              f"{ms(lat['p50'])} | {ms(lat['p90'])} | {ms(lat['p99'])} | {ms(lat['max'])} | {errors(f'page/{w}/{s}')} | {rr} |")
    p("")

# ---- (d) ------------------------------------------------------------------------------------------
if "download/ours" in results:
    p(f"## (d) Dump downloads (tonet.ttl), {settings.get('conn', '16')} connections")
    p("")
    p("| download | req/s | MB/s | p50 ms | p99 ms | errors | tonet-lod ÷ this |")
    p("|---|---:|---:|---:|---:|---:|---:|")
    what = {
        "ours": ("tonet-lod `/downloads/tonet.ttl`, no Accept-Encoding", "ours"),
        "nginx": ("nginx, the same file, no Accept-Encoding", "ours"),
        "ours-gzip": ("tonet-lod, `Accept-Encoding: gzip` (its kept gzip copy)", "ours-gzip"),
        "nginx-gzip": ("nginx `gzip_static`, `Accept-Encoding: gzip` (the same .gz bytes)", "ours-gzip"),
        "fuseki-gsp": ("plain Fuseki `GET /ds?default` (Turtle written per request)", "ours"),
        "fuseki-static": ("plain Fuseki static file `/tonet.ttl` (`--base`)", "ours"),
    }
    for w, (label, base) in what.items():
        r = results.get(f"download/{w}")
        if not r:
            continue
        lat = r["latency_us"]
        p(f"| {label} | {r['rps']:,.0f} | {r['bytes'] / r['duration_s'] / 1e6:,.1f} | {ms(lat['p50'])} | "
          f"{ms(lat['p99'])} | {errors(f'download/{w}')} | {fmt(ratio(rps(f'download/{base}'), r['rps']))} |")
    check = tsv("downloads-check.tsv")
    if check:
        p("")
        p("What each answered to `Accept-Encoding: identity` and `gzip` (status, bytes on the wire, type, encoding):")
        p("")
        for c in check:
            p(f"    {c[0]:<14} {c[1]:<9} {c[2] if len(c) > 2 else ''}")
    p("")

st = tsv("statuses.tsv")
if st:
    p("Statuses in the request logs of the tonet-lod servers of (b)–(d) (warm-ups, checks and "
      "start-up polls included): " + "; ".join(
          f"{srv}: " + ", ".join(f"{m} {c} × {n}" for s2, m, c, n in st if s2 == srv)
          for srv in dict.fromkeys(r[0] for r in st)) + ".")
    p("")

check = tsv("nginx-check.tsv")
if check:
    p("nginx sent tonet-lod's bytes (the same request to both, SHA-256 compared): " + "; ".join(
        f"{c[0]}: {c[1]} same, {c[2]} differ" for c in check) + ".")
    p("")

# ---- (e) ------------------------------------------------------------------------------------------
if "before" in mem:
    p("## (e) Memory: the heap before and after distinct queries")
    p("")
    wrkj = {}
    m = re.search(r'\{"requests".*\}', read("memory-wrk.txt"))
    if m:
        wrkj = json.loads(m.group(0))
    enc = "with `Accept-Encoding: gzip`" if settings.get("mem_gzip") == "1" else "without Accept-Encoding"
    p(f"A server of its own with `--cache-size {settings.get('mem_cache_mb')}` (MB), started from the kept "
      f"build; each of the 19 competency queries asked once, then a full GC (`jcmd PID GC.run`) and the heap "
      f"used (`jstat -gc`: S0U + S1U + EU + OU); then {int(mem_sent.get('answered', 0)):,} distinct queries "
      f"answered (each text and answer new: `lua/distinct.lua`), {enc}, by wrk at {settings.get('mem_conn')} "
      f"connections as 16 clients behind a trusted proxy, in {mem_sent.get('seconds', '?')} s"
      + (f" ({wrkj.get('rps', 0):,.0f} req/s, {wrkj.get('bytes', 0) / 1e6:,.1f} MB received)" if wrkj else "")
      + "; then the same full GC and figures.")
    p("")
    p("| | heap used MB | old gen MB | RSS MB |")
    p("|---|---:|---:|---:|")
    for k in ("before", "after"):
        if k in mem:
            p(f"| {k} | {mem[k][1]} | {mem[k][2]} | {mem[k][3]} |")
    p("")
    st = tsv("memory-statuses.tsv")
    p("Answers: " + ", ".join(f"{int(mem_sent.get(k, 0)):,} {k}" for k in ("answered", "ok", "other"))
      + " (wrk); the server's log, every GET /sparql of this server: "
      + (", ".join(f"{s[1]} × {s[0]}" for s in st) if st else "—") + ".")
    p("")

print("\n".join(out))
