#!/usr/bin/env bash
# Issue 9: the endpoint under attack. One attacker runs the worst cases for DUR seconds — the
# queries of bench/attack/ (paths, cross products, CONCAT doubling, backtracking regular
# expressions, java: functions, SERVICE hidden in ORDER BY …) over ATTACK_CONN connections with
# wrk, and slow clients over SLOW_CONN more (bodies that never arrive, headers a line at a time,
# downloads never read, idle connections) — while normal traffic is measured at a fixed rate: 20
# pages and 4 simple SPARQL queries a second. The same run, side by side, against plain Fuseki
# 5.6.0 serving the same triples.
#
#   bench/attack.sh        # about 6 minutes; results in bench/results/attack-<time>/
#
# Settings (environment): DUR (60), WARM (10), RECOVER (30), ATTACK_CONN (40), SLOW_CONN (10),
# ATTACK_CLIENTS (1: one attacker; N: the attack's queries spread over N addresses),
# OURS_PORT (3321), FUSEKI_PORT (3322), JVM_OPTS, QUIET_WAIT (300), BUILD=1.
#
# The attacker and the normal client run on this machine, so both come from 127.0.0.1: they are
# told apart as behind a reverse proxy, by X-Forwarded-For, with tonet-lod started with
# --trusted-proxy 127.0.0.1 (plain Fuseki has no notion of a client and ignores the header). The
# per-address limits on raw connections are covered by the tests (HostileCorpusIT).
#
# Recorded per side: the normal traffic's latency (p50, p90, p99, max) and statuses for pages and
# for SPARQL, the attacker's requests and statuses, OutOfMemoryErrors in the server log, and the
# server's live threads and heap every second; the baseline (after a full GC before the attack)
# against the same 15 s after the attack ends.
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM

DUR=${DUR:-60}
WARM=${WARM:-10}
RECOVER=${RECOVER:-30}
ATTACK_CONN=${ATTACK_CONN:-40}
SLOW_CONN=${SLOW_CONN:-10}
ATTACK_CLIENTS=${ATTACK_CLIENTS:-1}
OURS_PORT=${OURS_PORT:-3321}
FUSEKI_PORT=${FUSEKI_PORT:-3322}

need_tools wrk curl python3
command -v jcmd >/dev/null && command -v jstat >/dev/null || { log "jcmd and jstat (the JDK) are needed"; exit 1; }
port_free "$OURS_PORT" "$FUSEKI_PORT"
snapshot_jar
fetch_fuseki
OUT="$RESULTS/attack-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
DUMP="$WORK/attack-dump"
export_dump "http://localhost:$FUSEKI_PORT/" "$DUMP"
wait_quiet "${QUIET_WAIT:-300}"
conditions >"$OUT/conditions-before.txt"
cat "$OUT/conditions-before.txt" >&2

heap_mb() { jstat -gc "$1" 2>/dev/null | awk 'NR==2 { printf "%.1f", ($3+$4+$6+$8)/1024 }'; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status" 2>/dev/null; }
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }

# measure SIDE PID PORT SPARQL_PATH PAGES_FILE LOG
measure() {
  local side=$1 pid=$2 port=$3 path=$4 pages=$5 serverlog=$6 base="http://127.0.0.1:$3"
  local dir="$OUT/$side"
  mkdir -p "$dir"
  wait_query "$base$path" 120
  log "$side: warming up for $WARM s"
  python3 "$BENCH_DIR/lib/attack.py" normal "$base" "$WARM" "$pages" "$path" >/dev/null
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  sleep 2
  echo "heap_mb=$(heap_mb "$pid") threads=$(threads "$pid") rss_mb=$(rss_mb "$pid")" >"$dir/baseline.txt"
  log "$side: baseline $(cat "$dir/baseline.txt")"
  # Samples every second through the attack and the recovery.
  (
    printf 't_s\tthreads\theap_mb\trss_mb\n'
    for t in $(seq 0 $((DUR + RECOVER + 5))); do
      kill -0 "$pid" 2>/dev/null || break
      printf '%s\t%s\t%s\t%s\n' "$t" "$(threads "$pid")" "$(heap_mb "$pid")" "$(rss_mb "$pid")"
      sleep 1
    done
  ) >"$dir/samples.tsv" &
  local sampler=$!
  log "$side: attack for $DUR s ($ATTACK_CONN query connections from $ATTACK_CLIENTS address(es), $SLOW_CONN slow ones) with normal traffic"
  python3 "$BENCH_DIR/lib/attack.py" normal "$base" "$DUR" "$pages" "$path" >"$dir/normal.json" &
  local normal=$!
  python3 "$BENCH_DIR/lib/attack.py" slow 127.0.0.1 "$port" "$DUR" "$SLOW_CONN" "$path" >"$dir/slow.json" &
  local slow=$!
  wrk -t2 -c"$ATTACK_CONN" -d"${DUR}s" --timeout 30s -s "$BENCH_DIR/lua/attack.lua" \
    "$base$path" -- "$BENCH_DIR/attack" "$ATTACK_CLIENTS" >"$dir/wrk.txt" 2>&1 || true
  wait "$normal" || true
  wait "$slow" || true
  log "$side: attack over; recovery"
  sleep 15
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  sleep 1
  if kill -0 "$pid" 2>/dev/null; then
    echo "heap_mb=$(heap_mb "$pid") threads=$(threads "$pid") rss_mb=$(rss_mb "$pid")" >"$dir/after15.txt"
  else
    echo "server gone" >"$dir/after15.txt"
  fi
  log "$side: 15 s after $(cat "$dir/after15.txt")"
  wait "$sampler" 2>/dev/null || true
  grep -c "OutOfMemoryError" "$serverlog" >"$dir/oom.txt" || true
  # Every request is a line: under 50 attacking addresses that is ~35 MB, ~0.4 MB compressed.
  gzip -c "$serverlog" >"$dir/server.log.gz"
}

# ---- tonet-lod -----------------------------------------------------------------------------------
start_server attack-ours "$WORK/run-attack" java $JVM_OPTS -jar "$JAR" serve --port "$OURS_PORT" \
  --trusted-proxy 127.0.0.1
OURS_PID=$SERVER_PID
wait_query "http://127.0.0.1:$OURS_PORT/sparql" 120
curl -sf "http://127.0.0.1:$OURS_PORT/" | grep -o "href=\"http://localhost:$OURS_PORT/page/[^\"#]*\"" \
  | sed "s#href=\"http://localhost:$OURS_PORT##; s#\"\$##" | sort -u | head -40 >"$OUT/pages-ours.txt"
printf '/\n/ontology\n' >>"$OUT/pages-ours.txt"
measure tonet-lod "$OURS_PID" "$OURS_PORT" /sparql "$OUT/pages-ours.txt" "$WORK/logs/attack-ours.log"
stop_server "$OURS_PID"

# ---- plain Fuseki --------------------------------------------------------------------------------
start_server attack-fuseki "$WORK/run-attack-fuseki" java $JVM_OPTS -jar "$FUSEKI_JAR" --localhost \
  --port "$FUSEKI_PORT" --timeout=10000 --base="$DUMP" --file "$DUMP/union.ttl" /ds
FUSEKI_PID=$SERVER_PID
# Its "pages": static files of about the size of ours.
printf '/void.ttl\n/SHA256SUMS\n/context.jsonld\n/tonet-ontology.ttl\n' >"$OUT/pages-fuseki.txt"
measure fuseki "$FUSEKI_PID" "$FUSEKI_PORT" /ds/sparql "$OUT/pages-fuseki.txt" "$WORK/logs/attack-fuseki.log"
stop_server "$FUSEKI_PID"

conditions >"$OUT/conditions-after.txt"
ATTACK_CLIENTS=$ATTACK_CLIENTS python3 "$BENCH_DIR/lib/summarize-attack.py" "$OUT" "$DUR" >"$OUT/summary.md"
cat "$OUT/summary.md"
