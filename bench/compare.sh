#!/usr/bin/env bash
# Item 4 of issue 5: tonet-lod against plain Fuseki 5.6.0 serving our own dump, side by side in one
# run, with the same JVM settings: (a) start-up to the first answered query, (b) the competency
# queries of queries/*.rq at 16 connections, (c) pages and /data/ documents, (d) dump downloads.
#
#   bench/compare.sh                # about 25 minutes; results in bench/results/compare-<time>/
#   DUR=10 WARM=3 STARTUP_RUNS=15 bench/compare.sh
#
# Settings (environment): DUR seconds per measurement (15), WARM seconds of warm-up per server and
# workload (5), CONN connections (16), STARTUP_RUNS start-ups per server (10), JVM_OPTS (both
# servers), QUIET_WAIT seconds to wait for a quiet machine first (300), BUILD=1 to rebuild the jar,
# TONET_JAR=FILE to measure that jar, STARTUP_ONLY=1 to measure (a) alone.
#
# Plain Fuseki runs twice: on tonet.ttl (the data graph, as issue 5 words it) and on union.ttl,
# the same triples as our SPARQL default graph (data + ontology + description), which is the fair
# comparison for queries: the same query over the same triples.
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM

DUR=${DUR:-15}
WARM=${WARM:-5}
CONN=${CONN:-16}
STARTUP_RUNS=${STARTUP_RUNS:-10}
OURS_PORT=${OURS_PORT:-3301}
FUSEKI_PORT=${FUSEKI_PORT:-3302}
UNION_PORT=${UNION_PORT:-3303}
OURS="http://127.0.0.1:$OURS_PORT"
FUSEKI="http://127.0.0.1:$FUSEKI_PORT"
UNION="http://127.0.0.1:$UNION_PORT"

need_tools wrk curl
port_free "$OURS_PORT" "$FUSEKI_PORT" "$UNION_PORT"
snapshot_jar
fetch_fuseki
OUT="$RESULTS/compare-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
DUMP="$WORK/dump"
export_dump "http://localhost:$OURS_PORT/" "$DUMP"
wait_quiet "${QUIET_WAIT:-300}"
conditions >"$OUT/conditions-before.txt"
cat "$OUT/conditions-before.txt" >&2

ours_cmd() { start_server ours "$WORK/run-ours" java $JVM_OPTS -jar "$JAR" serve --port "$OURS_PORT"; }
fuseki_cmd() {
  start_server fuseki "$WORK/run-fuseki" java $JVM_OPTS -jar "$FUSEKI_JAR" --localhost \
    --port "$FUSEKI_PORT" --timeout=10000 --base="$DUMP" --file "$DUMP/tonet.ttl" /ds
}
union_cmd() {
  start_server fuseki-union "$WORK/run-fuseki-union" java $JVM_OPTS -jar "$FUSEKI_JAR" --localhost \
    --port "$UNION_PORT" --timeout=10000 --file "$DUMP/union.ttl" /ds
}

# ---- (a) start-up to the first answered query --------------------------------------------------
# From just before the JVM is launched until a SPARQL query (ASK {}) is answered 200; polled every
# 10 ms. Alternating, so that both see the same machine.
startup_once() {
  local what=$1 url t0 t1
  t0=$(date +%s%N)
  if [ "$what" = ours ]; then ours_cmd; url="$OURS/sparql"; else fuseki_cmd; url="$FUSEKI/ds/sparql"; fi
  wait_query "$url" 120
  t1=$(date +%s%N)
  stop_server "$SERVER_PID"
  printf '%s\t%s\n' "$what" $(((t1 - t0) / 1000000)) >>"$OUT/startup.tsv"
}
log "(a) start-up, $STARTUP_RUNS runs each"
: >"$OUT/startup.tsv"
for i in $(seq 1 "$STARTUP_RUNS"); do
  startup_once ours
  startup_once fuseki
done
SERVER_PIDS=()
if [ "${STARTUP_ONLY:-0}" = 1 ]; then
  conditions >"$OUT/conditions-after.txt"
  "$BENCH_DIR/lib/summarize-compare.sh" "$OUT" | tee "$OUT/summary.md"
  log "results in $OUT"
  exit 0
fi

# ---- servers for (b), (c), (d) -----------------------------------------------------------------
ours_cmd; OURS_PID=$SERVER_PID
fuseki_cmd; FUSEKI_PID=$SERVER_PID
union_cmd; UNION_PID=$SERVER_PID
wait_query "$OURS/sparql" 120
wait_query "$FUSEKI/ds/sparql" 120
wait_query "$UNION/ds/sparql" 120

# wrk_run LABEL URL SCRIPT ARG : one measurement, appended to results.jsonl with its label.
wrk_run() {
  local label=$1 url=$2 script=$3 json
  shift 3
  json=$(wrk -t2 -c"$CONN" -d"${DUR}s" --timeout 10s -s "$BENCH_DIR/lua/$script" "$url" -- "$@" | grep '^{')
  printf '{"label":"%s",%s\n' "$label" "${json#\{}" >>"$OUT/results.jsonl"
  log "$label: $json"
}
warm() {
  local url=$1 script=$2
  shift 2
  wrk -t2 -c"$CONN" -d"${WARM}s" --timeout 10s -s "$BENCH_DIR/lua/$script" "$url" -- "$@" >/dev/null
}
# The result format to ask for: N-Triples for a graph (CONSTRUCT, DESCRIBE), else CSV to compare
# answers and SPARQL JSON to measure.
kind_accept() {
  if grep -qiE '^[[:space:]]*(CONSTRUCT|DESCRIBE)' "$1"; then echo "application/n-triples"; else echo "$2"; fi
}
: >"$OUT/results.jsonl"

# ---- (b) competency queries --------------------------------------------------------------------
# Same answers first: each query's CSV results, sorted, from the three servers.
: >"$OUT/answers.tsv"
for q in "$ROOT"/queries/*.rq; do
  name=$(basename "$q" .rq)
  accept=$(kind_accept "$q" text/csv)
  a=$(curl -sf -H "Accept: $accept" --data-urlencode "query@$q" "$OURS/sparql" | tr -d '\r' | sort | sha256sum | cut -c1-16)
  b=$(curl -sf -H "Accept: $accept" --data-urlencode "query@$q" "$FUSEKI/ds/sparql" | tr -d '\r' | sort | sha256sum | cut -c1-16)
  c=$(curl -sf -H "Accept: $accept" --data-urlencode "query@$q" "$UNION/ds/sparql" | tr -d '\r' | sort | sha256sum | cut -c1-16)
  rows=$(curl -sf -H "Accept: $accept" --data-urlencode "query@$q" "$OURS/sparql" | grep -c . || true)
  [ "$accept" = text/csv ] && rows=$((rows - 1))
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rows" "$a" "$b" "$c" >>"$OUT/answers.tsv"
done
log "(b) queries at $CONN connections, ${DUR}s each"
n=0
for q in "$ROOT"/queries/*.rq; do
  name=$(basename "$q" .rq)
  n=$((n + 1))
  accept=$(kind_accept "$q" application/sparql-results+json)
  warm "$OURS/sparql" query.lua "$q" "$accept"
  warm "$FUSEKI/ds/sparql" query.lua "$q" "$accept"
  warm "$UNION/ds/sparql" query.lua "$q" "$accept"
  # Alternate who goes first, query by query.
  if [ $((n % 2)) = 1 ]; then
    wrk_run "query/$name/ours" "$OURS/sparql" query.lua "$q" "$accept"
    wrk_run "query/$name/fuseki-union" "$UNION/ds/sparql" query.lua "$q" "$accept"
    wrk_run "query/$name/fuseki-data" "$FUSEKI/ds/sparql" query.lua "$q" "$accept"
  else
    wrk_run "query/$name/fuseki-data" "$FUSEKI/ds/sparql" query.lua "$q" "$accept"
    wrk_run "query/$name/fuseki-union" "$UNION/ds/sparql" query.lua "$q" "$accept"
    wrk_run "query/$name/ours" "$OURS/sparql" query.lua "$q" "$accept"
  fi
done

# ---- (c) pages and /data/ documents (no Fuseki equivalent) -------------------------------------
# Every resource page the landing page links to, and each of those resources' /data/ document in
# the four formats.
curl -sf "$OURS/" | grep -o "href=\"http://localhost:$OURS_PORT/page/[^\"#]*\"" \
  | sed "s#href=\"http://localhost:$OURS_PORT##; s#\"\$##" | sort -u >"$OUT/page-paths.txt"
sed 's#$#\ttext/html#' "$OUT/page-paths.txt" >"$OUT/pages.txt"
: >"$OUT/data.txt"
while read -r p; do
  d=${p/#\/page\//\/data\/}
  printf '%s.ttl\t-\n%s.jsonld\t-\n%s.rdf\t-\n%s.nt\t-\n' "$d" "$d" "$d" "$d" >>"$OUT/data.txt"
done <"$OUT/page-paths.txt"
printf '/\ttext/html\n' >"$OUT/landing.txt"
printf '/ontology\ttext/html\n' >"$OUT/ontology.txt"
log "(c) pages: $(wc -l <"$OUT/pages.txt") resource pages, $(wc -l <"$OUT/data.txt") data documents"
for list in pages data landing ontology; do
  warm "$OURS" paths.lua "$OUT/$list.txt"
  wrk_run "page/$list/ours" "$OURS" paths.lua "$OUT/$list.txt"
done

# ---- (d) dump downloads ------------------------------------------------------------------------
printf '/downloads/tonet.ttl\t-\n' >"$OUT/dl-ours.txt"
printf '/downloads/tonet.ttl\t-\tgzip\n' >"$OUT/dl-ours-gzip.txt"
printf '/ds?default\ttext/turtle\n' >"$OUT/dl-fuseki-gsp.txt"
printf '/tonet.ttl\t-\n' >"$OUT/dl-fuseki-static.txt"
log "(d) downloads"
for pair in "ours:$OURS" "ours-gzip:$OURS" "fuseki-gsp:$FUSEKI" "fuseki-static:$FUSEKI"; do
  label=${pair%%:*}
  url=${pair#*:}
  warm "$url" paths.lua "$OUT/dl-$label.txt"
  wrk_run "download/$label" "$url" paths.lua "$OUT/dl-$label.txt"
done
# What each download answered (status, bytes on the wire, type), for the record.
: >"$OUT/downloads-check.tsv"
for pair in "ours:$OURS/downloads/tonet.ttl" "fuseki-gsp:$FUSEKI/ds?default" \
  "fuseki-static:$FUSEKI/tonet.ttl"; do
  printf '%s\t%s\n' "${pair%%:*}" "$(curl -s -o /dev/null -H 'Accept: text/turtle' \
    -w '%{http_code} %{size_download} %{content_type}' "${pair#*:}")" >>"$OUT/downloads-check.tsv"
  printf '%s-gzip\t%s\n' "${pair%%:*}" "$(curl -s -o /dev/null -H 'Accept: text/turtle' \
    -H 'Accept-Encoding: gzip' -w '%{http_code} %{size_download} %{content_type}' "${pair#*:}")" \
    >>"$OUT/downloads-check.tsv"
done

conditions >"$OUT/conditions-after.txt"
stop_all
"$BENCH_DIR/lib/summarize-compare.sh" "$OUT" | tee "$OUT/summary.md"
log "results in $OUT"
