#!/usr/bin/env bash
# Item 3 of issue 5: a bounded load test on loopback. 50 concurrent clients for 60 s against
# `tonet-lod serve`, mixing SPARQL queries (queries/*.rq), HTML pages, /data/ documents, /id/
# redirects and dump downloads. Records requests/s, errors (must be 0), latency percentiles, and the
# server JVM's heap and RSS sampled every 2 s, plus the live heap after a full GC before and after.
#
#   bench/load.sh                     # about 2 minutes; results in bench/results/load-<time>/
#   CONN=50 DUR=60 bench/load.sh
#
# Settings (environment): CONN (50), DUR seconds (60), WARM seconds of warm-up (15), PORT (3311),
# JVM_OPTS, QUIET_WAIT seconds to wait for a quiet machine first (300), BUILD=1 to rebuild the jar.
#
# The client is wrk (Debian) with a Lua script (lua/mix.lua): a C event loop costs the two shared
# cores far less per request than a JVM client would, and the Lua script gives the weighted mix.
# wrk has no per-request category in its Lua callbacks across connections, so the statuses by kind
# of request are counted from the server's own request log (one line per request).
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM

CONN=${CONN:-50}
DUR=${DUR:-60}
WARM=${WARM:-15}
PORT=${PORT:-3311}
URL="http://127.0.0.1:$PORT"
# The heap is touched at start-up (AlwaysPreTouch), so that RSS shows what the server holds rather
# than how much of a fixed 1 GB heap G1 has reached so far.
JVM_OPTS="${LOAD_JVM_OPTS:-$JVM_OPTS -XX:+AlwaysPreTouch}"

need_tools wrk curl
port_free "$PORT"
snapshot_jar
OUT="$RESULTS/load-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
wait_quiet "${QUIET_WAIT:-300}"
conditions >"$OUT/conditions-before.txt"
cat "$OUT/conditions-before.txt" >&2

start_server load-ours "$WORK/run-load" java $JVM_OPTS -jar "$JAR" serve --port "$PORT"
PID=$SERVER_PID
wait_query "$URL/sparql" 120
SERVER_LOG="$WORK/logs/load-ours.log"

# ---- the mix -------------------------------------------------------------------------------------
# Weights by repetition: SPARQL 40 %, pages 25 %, /data/ 20 %, /id/ 5 %, downloads 10 %.
curl -sf "$URL/" | grep -o "href=\"http://localhost:$PORT/page/[^\"#]*\"" \
  | sed "s#href=\"http://localhost:$PORT##; s#\"\$##" | sort -u >"$OUT/page-paths.txt"
MIX="$OUT/mix.tsv"
{
  queries=("$ROOT"/queries/*.rq)
  nq=${#queries[@]}
  np=$(wc -l <"$OUT/page-paths.txt")
  # 40 % SPARQL, each query equally (JSON results; N-Triples for CONSTRUCT).
  for q in "${queries[@]}"; do
    accept=application/sparql-results+json
    grep -qiE '^[[:space:]]*(CONSTRUCT|DESCRIBE)' "$q" && accept=application/n-triples
    for _ in $(seq 1 $((400 / nq))); do printf 'sparql\tPOST\t/sparql\t%s\t-\t%s\n' "$accept" "$q"; done
  done
  # 25 %: every resource page, the landing page and the ontology page.
  for _ in $(seq 1 $((230 / np + 1))); do
    sed 's#^#page\tGET\t#; s#$#\ttext/html\t-\t-#' "$OUT/page-paths.txt"
  done
  for _ in $(seq 1 10); do printf 'page\tGET\t/\ttext/html\t-\t-\n'; done
  for _ in $(seq 1 10); do printf 'page\tGET\t/ontology\ttext/html\t-\t-\n'; done
  # 20 %: /data/ documents, the four formats in turn.
  fmts=(ttl jsonld rdf nt)
  i=0
  for _ in $(seq 1 $((200 / np + 1))); do
    while read -r p; do
      printf 'data\tGET\t%s.%s\t-\t-\t-\n' "${p/#\/page\//\/data\/}" "${fmts[$((i % 4))]}"
      i=$((i + 1))
    done <"$OUT/page-paths.txt"
  done
  # 5 %: /id/ IRIs, which answer 303 See Other (a success: wrk does not follow it).
  for _ in $(seq 1 $((50 / np + 1))); do
    sed 's#^/page/#id\tGET\t/id/#; s#$#\ttext/html\t-\t-#' "$OUT/page-paths.txt"
  done
  # 10 %: downloads, plain and gzip.
  for _ in $(seq 1 30); do printf 'download\tGET\t/downloads/tonet.ttl\t-\t-\t-\n'; done
  for _ in $(seq 1 30); do printf 'download\tGET\t/downloads/tonet.ttl\t-\tgzip\t-\n'; done
  for _ in $(seq 1 15); do printf 'download\tGET\t/downloads/tonet.jsonld\t-\tgzip\t-\n'; done
  for _ in $(seq 1 15); do printf 'download\tGET\t/downloads/tonet.nt\t-\t-\t-\n'; done
  for _ in $(seq 1 5); do printf 'download\tGET\t/downloads/void.ttl\t-\t-\t-\n'; done
  for _ in $(seq 1 5); do printf 'download\tGET\t/.well-known/void\ttext/turtle\t-\t-\n'; done
} >"$MIX"
cut -f1 "$MIX" | sort | uniq -c | awk '{ printf "%s\t%d\n", $2, $1 }' >"$OUT/mix-weights.tsv"
log "mix: $(wc -l <"$MIX") lines; $(tr '\n' ' ' <"$OUT/mix-weights.tsv")"

# ---- memory probes -------------------------------------------------------------------------------
# One jstat process samples the heap every 2 s (used = S0U + S1U + EU + OU); RSS comes from /proc.
# Before and after the load: the live heap, after a full collection (jcmd GC.run).
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$PID/status"; }
live_heap() { # label
  jcmd "$PID" GC.run >/dev/null
  sleep 1
  jstat -gc "$PID" | tail -1 | awk -v l="$1" -v rss="$(rss_mb)" \
    '{ printf "%s\t%.1f\t%.1f\t%s\n", l, ($3 + $4 + $6 + $8) / 1024, $8 / 1024, rss }'
}

log "warm-up: ${WARM}s"
wrk -t2 -c"$CONN" -d"${WARM}s" --timeout 10s -s "$BENCH_DIR/lua/mix.lua" "$URL" -- "$MIX" >/dev/null

printf 'when\theap_used_mb\told_used_mb\trss_mb\n' >"$OUT/live.tsv"
live_heap before >>"$OUT/live.tsv"
LOG_FROM=$(wc -l <"$SERVER_LOG")

SAMPLES=$((DUR / 2 + 1))
jstat -gc -t "$PID" 2000 "$SAMPLES" >"$OUT/jstat.txt" &
JSTAT=$!
(
  printf 'seconds\trss_mb\n'
  for i in $(seq 0 $((SAMPLES - 1))); do
    kill -0 "$PID" 2>/dev/null || break
    printf '%d\t%s\n' $((i * 2)) "$(rss_mb)"
    sleep 2
  done
) >"$OUT/rss.tsv" &
RSS=$!

log "load: $CONN connections, ${DUR}s"
wrk -t2 -c"$CONN" -d"${DUR}s" --timeout 10s -s "$BENCH_DIR/lua/mix.lua" "$URL" -- "$MIX" >"$OUT/wrk.txt"
wait "$RSS" 2>/dev/null || true
wait "$JSTAT" 2>/dev/null || true
LOG_TO=$(wc -l <"$SERVER_LOG")
live_heap after >>"$OUT/live.tsv"
conditions >"$OUT/conditions-after.txt"

# Statuses by kind of request, from the server's request log lines of the measured minute.
sed -n "$((LOG_FROM + 1)),${LOG_TO}p" "$SERVER_LOG" | awk '$3 == "Requests" {
    path = $5; status = $6
    kind = path ~ /^\/sparql/ ? "sparql" : path ~ /^\/page\// || path == "/" || path ~ /^\/ontology/ ? "page" \
      : path ~ /^\/data\// ? "data" : path ~ /^\/id\// ? "id" : "download"
    n[kind "\t" status]++
  } END { for (k in n) print k "\t" n[k] }' | sort >"$OUT/statuses.tsv"
stop_all

"$BENCH_DIR/lib/summarize-load.sh" "$OUT" | tee "$OUT/summary.md"
log "results in $OUT"
