#!/usr/bin/env bash
# Issue 17: the endpoint attacked from many addresses, tonet-lod and plain Fuseki 5.6.0 side by side,
# for 1, 4 and 50 attacking addresses (127.0.0.2 …: the whole of 127.0.0.0/8 is this machine, and
# each address is a client of its own to the server, as the hosts of a botnet would be).
#
#   bench/attack.sh        # about 16 minutes; results in bench/results/attack-<time>/, summary printed
#
# Two attacks, each on a server started afresh (and warmed up with pages and queries from addresses
# measured nowhere else):
# - queries: every address keeps WORKERS (5, our per-client maximum) heavy queries going — those of
#   bench/attack/ that run until the time limit rather than being refused — and sends the next as
#   soon as one is answered, whatever the answer; meanwhile two newcomers a second, each from an
#   address never seen before with a cheap query of queries/ (a new text each time, so no kept
#   answer helps), and ten pages a second. Recorded: the newcomers' statuses and p50/p95/max, the
#   pages' likewise, the attackers' statuses, what the server wrote to its log during the attack,
#   OutOfMemoryErrors.
# - connections: every address holds PER_ADDRESS (64, our per-client maximum) connections, half
#   idle, half sending their headers a line every 2 s, and opens a new one for each the server
#   closes; meanwhile two new clients a second fetch a page.
#
# Settings (environment): ADDRESSES ("1 4 50"), DUR (45: each query attack), FLOOD_DUR (30), WARM
# (10), WORKERS (5), PER_ADDRESS (64), OURS_PORT (3321), FUSEKI_PORT (3322), JVM_OPTS, QUIET_WAIT
# (120 before each run), LOAD_MAX (0.5), BUILD=1, TONET_JAR=FILE.
#
# The machine's load average (uptime) is recorded before and after every run: a run that began on a
# busy machine says so in the summary, and should be run again.
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM

ADDRESSES=${ADDRESSES:-"1 4 50"}
DUR=${DUR:-45}
FLOOD_DUR=${FLOOD_DUR:-30}
WARM=${WARM:-10}
WORKERS=${WORKERS:-5}
PER_ADDRESS=${PER_ADDRESS:-64}
OURS_PORT=${OURS_PORT:-3321}
FUSEKI_PORT=${FUSEKI_PORT:-3322}
# The heavy queries an attacker may send: each runs until the time limit (or the memory limit).
HEAVY=("$BENCH_DIR/attack/02-three-way-cross-product.rq" "$BENCH_DIR/attack/05-regex-backtracking.rq"
  "$BENCH_DIR/attack/11-offset-cross-product.rq")

need_tools curl python3
port_free "$OURS_PORT" "$FUSEKI_PORT"
# 50 addresses x 64 connections, on both ends: more than the usual 1,024 open files.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 16384 2>/dev/null || true
python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.51', 0)); s.close()" \
  || { log "cannot bind 127.0.0.51: this bench needs the whole 127.0.0.0/8 on loopback (Linux)"; exit 1; }
snapshot_jar
fetch_fuseki
OUT="$RESULTS/attack-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
DUMP="$WORK/attack-dump"
export_dump "http://localhost:$FUSEKI_PORT/" "$DUMP"
printf 'ADDRESSES=%s DUR=%s FLOOD_DUR=%s WARM=%s WORKERS=%s PER_ADDRESS=%s\nJAR=%s\n' \
  "$ADDRESSES" "$DUR" "$FLOOD_DUR" "$WARM" "$WORKERS" "$PER_ADDRESS" \
  "$(sha256sum "$JAR" | cut -c1-12)" >"$OUT/settings.txt"
conditions >"$OUT/conditions-before.txt"

load() { cut -d' ' -f1-3 /proc/loadavg; }

# start SIDE : starts one side afresh; sets PID PORT SPARQL PAGES NAME.
start() {
  local side=$1
  wait_quiet "${QUIET_WAIT:-120}"
  if [ "$side" = tonet-lod ]; then
    NAME=attack-ours PORT=$OURS_PORT SPARQL=/sparql PAGES="$OUT/pages-ours.txt"
    start_server "$NAME" "$WORK/run-attack" java $JVM_OPTS -jar "$JAR" serve --port "$PORT" \
      --build-cache "$WORK/attack-build-cache"
  else
    NAME=attack-fuseki PORT=$FUSEKI_PORT SPARQL=/ds/sparql PAGES="$OUT/pages-fuseki.txt"
    start_server "$NAME" "$WORK/run-attack-fuseki" java $JVM_OPTS -jar "$FUSEKI_JAR" --localhost \
      --port "$PORT" --timeout=10000 --base="$DUMP" --file "$DUMP/union.ttl" /ds
  fi
  PID=$SERVER_PID
  wait_query "http://127.0.0.1:$PORT$SPARQL" 120
  if [ "$side" = tonet-lod ] && [ ! -s "$OUT/pages-ours.txt" ]; then
    curl -sf "http://127.0.0.1:$PORT/" | grep -o "href=\"http://localhost:$PORT/page/[^\"#]*\"" \
      | sed "s#href=\"http://localhost:$PORT##; s#\"\$##" | sort -u | head -40 >"$OUT/pages-ours.txt"
    printf '/\n/ontology\n' >>"$OUT/pages-ours.txt"
  fi
  # Its "pages": static files of about the size of ours.
  printf '/void.ttl\n/SHA256SUMS\n/context.jsonld\n/tonet-ontology.ttl\n' >"$OUT/pages-fuseki.txt"
  python3 "$BENCH_DIR/lib/many.py" warm "$PORT" "$SPARQL" "$WARM" "$PAGES" >/dev/null
}

# run KIND SIDE N : one attack on a fresh server; writes $OUT/KIND-SIDE-N.json.
run() {
  local kind=$1 side=$2 n=$3 file="$OUT/$1-$2-$3.json" logfile before_bytes before_lines
  start "$side"
  logfile="$WORK/logs/$NAME.log"
  before_bytes=$(stat -c %s "$logfile")
  before_lines=$(wc -l <"$logfile")
  local load_before
  load_before=$(load)
  log "$kind, $side, $n address(es); load average before: $load_before"
  # The attack in one process; after SETTLE s, the clients measured in another, until SETTLE s
  # before the attack ends.
  local settle=5 attacker
  if [ "$kind" = queries ]; then
    python3 "$BENCH_DIR/lib/many.py" attack-queries "$PORT" "$SPARQL" "$DUR" "$n" "$WORKERS" \
      "${HEAVY[@]}" >"$file.attack" &
    attacker=$!
    sleep "$settle"
    python3 "$BENCH_DIR/lib/many.py" newcomers "$PORT" "$SPARQL" "$((DUR - 2 * settle))" "$PAGES" \
      >"$file.measured" || true
  else
    python3 "$BENCH_DIR/lib/many.py" attack-connections "$PORT" "$FLOOD_DUR" "$n" "$PER_ADDRESS" \
      >"$file.attack" &
    attacker=$!
    sleep "$settle"
    python3 "$BENCH_DIR/lib/many.py" new-clients "$PORT" "$((FLOOD_DUR - 2 * settle))" "$PAGES" \
      >"$file.measured" || true
  fi
  wait "$attacker" || true
  local alive=yes
  servers_alive || alive=no
  python3 - "$file.attack" "$file.measured" "$file" "$side" "$kind" "$n" "$load_before" "$(load)" \
    "$(($(stat -c %s "$logfile") - before_bytes))" "$(($(wc -l <"$logfile") - before_lines))" \
    "$(grep -c OutOfMemoryError "$logfile" || true)" "$alive" <<'EOF'
import json, sys
attack, measured, out, side, kind, n, lb, la, lbytes, llines, oom, alive = sys.argv[1:]
r = {}
for f in (attack, measured):
    try:
        r.update(json.load(open(f)))
    except Exception:
        pass
r.update(side=side, kind=kind, n=int(n), load_before=lb, load_after=la, log_bytes=int(lbytes),
         log_lines=int(llines), oom=int(oom), alive=alive)
json.dump(r, open(out, "w"))
EOF
  rm -f "$file.attack" "$file.measured"
  stop_server "$PID"
}

for n in $ADDRESSES; do
  for side in tonet-lod fuseki; do
    run queries "$side" "$n"
  done
done
for n in $ADDRESSES; do
  for side in tonet-lod fuseki; do
    run connections "$side" "$n"
  done
done

conditions >"$OUT/conditions-after.txt"
python3 "$BENCH_DIR/lib/summarize-many.py" "$OUT" >"$OUT/summary.md"
cat "$OUT/summary.md"
