#!/usr/bin/env bash
# Item 4 of issue 5 and "How it is shown" of issue 11, in one run on this machine, side by side:
# tonet-lod, plain Fuseki 5.6.0 on the same triples, and nginx serving the very bytes tonet-lod
# answers, with the same JVM settings for both Java servers:
#   (a) start-up to the first answered query: ours cold (a fresh, empty --build-cache directory, and
#       --no-build-cache), ours warm (a build cache filled by an earlier start), plain Fuseki;
#   (b) the competency queries of queries/*.rq, the same GET repeated at 16 connections: ours (answer
#       cache on), nginx (the same bytes), ours with --cache-size 0, plain Fuseki on union.ttl; and
#       (UNIQUE=1) ours with --cache-size 0 and plain Fuseki with a new text on every request, so
#       that no answer is kept or shared (the same GET repeated is answered once for all the
#       requests that wait for it, even with --cache-size 0);
#   (c) resource pages and /data/ documents: ours and nginx (the landing page and /ontology: ours);
#   (d) dump downloads (tonet.ttl, plain and gzip): ours, nginx, plain Fuseki;
#   (e) memory: the live heap (after a full GC) before and after MEM_QUERIES distinct queries.
#
#   bench/compare.sh             # about 50 minutes; results in bench/results/compare-<time>/
#   DUR=10 WARM=3 STARTUP_RUNS=15 bench/compare.sh
#   DUR=2 WARM=1 STARTUP_RUNS=2 MEM_QUERIES=10000 MEM_CACHE_MB=8 QUIET_WAIT=0 bench/compare.sh  # smoke
#
# Settings (environment):
#   DUR            seconds per measurement (15)
#   WARM           seconds of warm-up per server and workload (5)
#   CONN           connections (16)
#   STARTUP_RUNS   start-ups of each kind (10)
#   SECTIONS       the parts to run ("startup queries pages downloads memory")
#   QUERIES        names of the queries to measure (all of queries/*.rq)
#   UNIQUE         0 leaves out the queries with a new text on every request (about 13 minutes)
#   FUSEKI_DATA    1 also measures the queries on plain Fuseki over tonet.ttl alone
#   MEM_QUERIES    distinct queries for (e) (100000)
#   MEM_CACHE_MB   the --cache-size of (e) (64, the server's default)
#   MEM_CONN       connections for (e) (4)
#   MEM_GZIP       0 sends (e) without Accept-Encoding: gzip (then no gzip copies are kept)
#   MEM_MAX_S      the most seconds (e) may send queries (900)
#   NGINX_WORKERS  nginx's worker_processes (auto: one per core)
#   JVM_OPTS       both Java servers (-Xms1g -Xmx1g -XX:+UseG1GC)
#   QUIET_WAIT     seconds to wait for a quiet machine first (300; LOAD_MAX 0.5)
#   BUILD=1 rebuilds the jar; TONET_JAR=FILE measures that jar; STARTUP_ONLY=1 is SECTIONS=startup;
#   *_PORT the ports (3301-3307).
#
# Plain Fuseki runs twice: on tonet.ttl (the data graph, as issue 5 words it; its --base also serves
# the dump files statically) and on union.ttl, the same triples as our SPARQL default graph (data +
# ontology + description), which is the fair comparison for queries and start-up: the same query
# over the same triples. nginx (Debian's, from apt) is a static file server whose document root this
# script fills with what tonet-lod answered to the very requests measured (see "nginx" below). Every
# server binds 127.0.0.1 and is stopped on exit; a server that ends during the run stops it.
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM

DUR=${DUR:-15}
WARM=${WARM:-5}
CONN=${CONN:-16}
STARTUP_RUNS=${STARTUP_RUNS:-10}
MEM_QUERIES=${MEM_QUERIES:-100000}
MEM_CACHE_MB=${MEM_CACHE_MB:-64}
MEM_CONN=${MEM_CONN:-4}
MEM_GZIP=${MEM_GZIP:-1}
MEM_MAX_S=${MEM_MAX_S:-900}
FUSEKI_DATA=${FUSEKI_DATA:-0}
UNIQUE=${UNIQUE:-1}
QUERIES=${QUERIES:-}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
SECTIONS=${SECTIONS:-startup queries pages downloads memory}
[ "${STARTUP_ONLY:-0}" = 1 ] && SECTIONS=startup
OURS_PORT=${OURS_PORT:-3301}
FUSEKI_PORT=${FUSEKI_PORT:-3302}
UNION_PORT=${UNION_PORT:-3303}
NOCACHE_PORT=${NOCACHE_PORT:-3304}
NGINX_PORT=${NGINX_PORT:-3305}
MEM_PORT=${MEM_PORT:-3306}
DISTINCT_PORT=${DISTINCT_PORT:-3307}
OURS="http://127.0.0.1:$OURS_PORT"
FUSEKI="http://127.0.0.1:$FUSEKI_PORT"
UNION="http://127.0.0.1:$UNION_PORT"
NOCACHE="http://127.0.0.1:$NOCACHE_PORT"
NGINX="http://127.0.0.1:$NGINX_PORT"
DISTINCT="http://127.0.0.1:$DISTINCT_PORT"
# Every tonet-lod started here serves under the same base IRI (the one of the dump plain Fuseki
# serves), so that all give the same bytes and share one kept build.
BASE_IRI="http://localhost:$OURS_PORT/"
BC_WARM="$WORK/build-cache"      # filled by the first start of this run, then reused
BC_COLD="$WORK/build-cache-cold" # emptied before every cold start

section() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

tools=(wrk curl)
if section queries || section pages || section downloads; then tools+=(nginx); fi
need_tools "${tools[@]}"
port_free "$OURS_PORT" "$FUSEKI_PORT" "$UNION_PORT" "$NOCACHE_PORT" "$NGINX_PORT" "$MEM_PORT" \
  "$DISTINCT_PORT"
snapshot_jar
fetch_fuseki
OUT="$RESULTS/compare-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
DUMP="$WORK/dump"
export_dump "$BASE_IRI" "$DUMP"
rm -rf "$BC_WARM" "$BC_COLD"
wait_quiet "${QUIET_WAIT:-300}"
conditions >"$OUT/conditions-before.txt"
cat "$OUT/conditions-before.txt" >&2
{
  echo "sections=$SECTIONS"
  echo "dur_s=$DUR"
  echo "warm_s=$WARM"
  echo "conn=$CONN"
  echo "startup_runs=$STARTUP_RUNS"
  echo "mem_queries=$MEM_QUERIES"
  echo "mem_cache_mb=$MEM_CACHE_MB"
  echo "mem_conn=$MEM_CONN"
  echo "mem_gzip=$MEM_GZIP"
  echo "fuseki_data=$FUSEKI_DATA"
  echo "unique=$UNIQUE"
  echo "jar=$(sha256sum "$JAR" | cut -c1-12)"
  echo "jvm_opts=$JVM_OPTS"
  echo "wrk=$(wrk -v 2>&1 | sed -n 1p | cut -d' ' -f1-2)"
  if command -v nginx >/dev/null 2>&1; then
    echo "nginx=$(nginx -v 2>&1 | sed 's/^nginx version: //')"
    echo "nginx_workers=$NGINX_WORKERS"
  fi
} >"$OUT/settings.txt"

tonet() { # tonet NAME PORT EXTRA-OPTIONS... : a tonet-lod server under BASE_IRI
  local name=$1 port=$2
  shift 2
  start_server "$name" "$WORK/run-$name" java $JVM_OPTS -jar "$JAR" serve --port "$port" \
    --base-iri "$BASE_IRI" "$@"
}
fuseki_cmd() { # plain Fuseki on the data graph; --base serves the dump files statically
  start_server fuseki "$WORK/run-fuseki" java $JVM_OPTS -jar "$FUSEKI_JAR" --localhost \
    --port "$FUSEKI_PORT" --timeout=10000 --base="$DUMP" --file "$DUMP/tonet.ttl" /ds
}
union_cmd() { # plain Fuseki on the same triples as our default graph
  start_server "${1:-fuseki-union}" "$WORK/run-fuseki-union" java $JVM_OPTS -jar "$FUSEKI_JAR" \
    --localhost --port "$UNION_PORT" --timeout=10000 --file "$DUMP/union.ttl" /ds
}
# The line a server's log has when it started from a kept build (server/TonetServer).
KEPT_LINE='the build kept from an earlier start loaded'

# wait_200 SECONDS CURL-ARGS... : polls (every 10 ms, bounded) until curl is answered 2xx.
wait_200() {
  local seconds=$1 i
  shift
  for i in $(seq 1 $((seconds * 100))); do
    curl -sf -o /dev/null --max-time 2 "$@" && return 0
    sleep 0.01
  done
  log "no answer to curl $* after $seconds s"
  return 1
}

# ---- (a) start-up to the first answered query --------------------------------------------------
# From just before the JVM is launched until a SPARQL query (ASK {}) is answered 200; polled every
# 10 ms. The four kinds alternate (each round starting with the next one), so that all see the same
# machine. A cold start gets a fresh, empty --build-cache directory (a new user's first start: it
# builds, and writes the build for the next start once it serves) or --no-build-cache (builds and
# keeps nothing); a warm one gets the directory the first start below filled.
startup_once() {
  local kind=$1 url t0 t1 kept=- cpu_ms
  [ "$kind" = ours-cold ] && rm -rf "$BC_COLD"
  t0=$(date +%s%N)
  case $kind in
    ours-cold) tonet "startup-$kind" "$OURS_PORT" --build-cache "$BC_COLD" ;;
    ours-none) tonet "startup-$kind" "$OURS_PORT" --no-build-cache ;;
    ours-warm | ours-fill) tonet "startup-$kind" "$OURS_PORT" --build-cache "$BC_WARM" ;;
    fuseki) union_cmd "startup-$kind" ;;
  esac
  if [ "$kind" = fuseki ]; then url="$UNION/ds/sparql"; else url="$OURS/sparql"; fi
  wait_query "$url" 120
  t1=$(date +%s%N)
  # The server's CPU time (user + system, all its threads) until that first answer: less disturbed
  # than wall time by other work on the machine.
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$SERVER_PID/stat" 2>/dev/null || echo -)
  # Then a competency query (symposia.rq: symposia, venues, municipalities, attendance), and for
  # ours the dataset description, which comes only with the finished publication: a cold start
  # answers SPARQL from its unfinished site before then (docs/design.md, "How a start is laid out").
  local data_ms whole_ms=-
  wait_200 60 --data-urlencode "query@$ROOT/queries/symposia.rq" "$url"
  data_ms=$((($(date +%s%N) - t0) / 1000000))
  if [ "$kind" != fuseki ]; then
    kept=$(grep -c "$KEPT_LINE" "$WORK/logs/startup-$kind.log" || true)
    wait_200 60 -H 'Accept: text/turtle' "$OURS/void"
    whole_ms=$((($(date +%s%N) - t0) / 1000000))
  fi
  stop_server "$SERVER_PID"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" $(((t1 - t0) / 1000000)) "$kept" "$cpu_ms" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$data_ms" "$whole_ms" >>"$OUT/startup.tsv"
}
if section startup; then
  log "(a) start-up, $STARTUP_RUNS runs of each kind"
  : >"$OUT/startup.tsv"
  startup_once ours-fill # fills $BC_WARM (not a measurement: recorded as ours-fill)
  kinds=(ours-cold fuseki ours-warm ours-none)
  for i in $(seq 1 "$STARTUP_RUNS"); do
    for j in 0 1 2 3; do
      startup_once "${kinds[$(((i - 1 + j) % 4))]}"
    done
  done
fi

# wrk_run LABEL URL SCRIPT ARG... : one measurement, appended to results.jsonl with its label.
wrk_run() {
  local label=$1 url=$2 script=$3 json
  shift 3
  json=$(wrk -t2 -c"$CONN" -d"${DUR}s" --timeout 10s -s "$BENCH_DIR/lua/$script" "$url" -- "$@" | grep '^{')
  servers_alive || { log "$label not recorded"; exit 1; }
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
# The query string of a query file: query=TEXT, every byte of its UTF-8 but [A-Za-z0-9-._~]
# %-escaped; the very bytes wrk sends and nginx's map below looks up.
query_args() {
  python3 -c 'import sys, urllib.parse; print("query=" + urllib.parse.quote(open(sys.argv[1], encoding="utf-8").read(), safe=""))' "$1"
}
# get BASE LINE [CURL-ARGS...] : GETs one line of a paths.lua list (PATH, tab, Accept or "-", tab,
# Accept-Encoding) with exactly its headers (curl's own "Accept: */*" removed), body to stdout.
get() {
  local base=$1 line=$2 path accept enc
  shift 2
  IFS=$'\t' read -r path accept enc <<<"$line"
  local h=(-H 'Accept:')
  [ -n "$accept" ] && [ "$accept" != - ] && h=(-H "Accept: $accept")
  [ -n "$enc" ] && [ "$enc" != - ] && h+=(-H "Accept-Encoding: $enc")
  curl -sf --max-time 30 "${h[@]}" "$@" "$base$path"
}
sha() { sha256sum | cut -c1-16; }

if section queries || section pages || section downloads; then
  : >"$OUT/results.jsonl"
  # ---- the servers for (b), (c), (d) -------------------------------------------------------------
  tonet ours "$OURS_PORT" --build-cache "$BC_WARM"
  wait_query "$OURS/sparql" 120 # the first, so that the build is kept once before the others
  tonet ours-nocache "$NOCACHE_PORT" --build-cache "$BC_WARM" --cache-size 0
  fuseki_cmd
  union_cmd
  wait_query "$NOCACHE/sparql" 120
  if section queries && [ "$UNIQUE" = 1 ]; then
    # For the queries with a new text on every request: as 16 clients behind a trusted proxy (one
    # client may have 5 queries running or waiting), with room for all of them in the queue (2 + 4
    # by default), so that fair use refuses none and the figure is the queries' own speed.
    tonet ours-distinct "$DISTINCT_PORT" --build-cache "$BC_WARM" --cache-size 0 \
      --trusted-proxy 127.0.0.1 --query-queue $((2 * CONN))
    wait_query "$DISTINCT/sparql" 120
  fi
  wait_query "$FUSEKI/ds/sparql" 120
  wait_query "$UNION/ds/sparql" 120

  # ---- what is requested -------------------------------------------------------------------------
  # Each query's GET, as a one-line paths.lua list: for ours (and nginx) /sparql?query=…, for plain
  # Fuseki /ds/sparql?query=…, with the Accept header and no Accept-Encoding.
  mkdir -p "$OUT/requests"
  : >"$OUT/queries.tsv"
  for q in "$ROOT"/queries/*.rq; do
    name=$(basename "$q" .rq)
    if [ -n "$QUERIES" ] && [[ " $QUERIES " != *" $name "* ]]; then continue; fi
    args=$(query_args "$q")
    accept=$(kind_accept "$q" application/sparql-results+json)
    printf '/sparql?%s\t%s\n' "$args" "$accept" >"$OUT/requests/$name.ours.txt"
    printf '/ds/sparql?%s\t%s\n' "$args" "$accept" >"$OUT/requests/$name.fuseki.txt"
    printf '%s\t%s\t%s\n' "$name" "$accept" "$args" >>"$OUT/queries.tsv"
  done
  # Every resource page the landing page links to, and each of those resources' /data/ document
  # in the four formats (no Accept, no Accept-Encoding: the extension chooses).
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
  printf '/downloads/tonet.ttl\t-\n' >"$OUT/dl-ours.txt"
  printf '/downloads/tonet.ttl\t-\tgzip\n' >"$OUT/dl-ours-gzip.txt"
  cp "$OUT/dl-ours.txt" "$OUT/dl-nginx.txt"
  cp "$OUT/dl-ours-gzip.txt" "$OUT/dl-nginx-gzip.txt"
  printf '/ds?default\ttext/turtle\n' >"$OUT/dl-fuseki-gsp.txt"
  printf '/tonet.ttl\t-\n' >"$OUT/dl-fuseki-static.txt"

  # ---- nginx: the same bytes -----------------------------------------------------------------------
  # Its document root holds what ours answered to exactly the requests measured: each query's
  # answer (the GET above, cache on) in answers/, looked up by the request's whole query string (a
  # map: nginx matches the very bytes wrk sends); every page (Accept: text/html) and /data/ document
  # at its own path; tonet.ttl, and next to it the gzip copy ours sends to Accept-Encoding: gzip,
  # which gzip_static serves as is (no compression per request on either side).
  NG="$WORK/nginx"
  DOCROOT="$NG/root"
  rm -rf "$NG"
  mkdir -p "$DOCROOT/answers" "$DOCROOT/downloads" "$NG/tmp" "$WORK/logs"
  : >"$WORK/logs/nginx-error.log"
  : >"$NG/answers.map"
  maxkey=0
  while IFS=$'\t' read -r name accept args; do
    ext=srj
    [ "$accept" = application/n-triples ] && ext=nt
    get "$OURS" "$(cat "$OUT/requests/$name.ours.txt")" -o "$DOCROOT/answers/$name.$ext"
    printf '"%s" /answers/%s.%s;\n' "$args" "$name" "$ext" >>"$NG/answers.map"
    [ ${#args} -gt "$maxkey" ] && maxkey=${#args}
  done <"$OUT/queries.tsv"
  while read -r p; do
    if [ -d "$DOCROOT$p" ]; then log "page path $p is also a folder: nginx cannot serve both"; exit 1; fi
    mkdir -p "$(dirname "$DOCROOT$p")"
    get "$OURS" "$p"$'\ttext/html' -o "$DOCROOT$p"
  done <"$OUT/page-paths.txt"
  while IFS=$'\t' read -r p _; do
    mkdir -p "$(dirname "$DOCROOT$p")"
    get "$OURS" "$p" -o "$DOCROOT$p"
  done <"$OUT/data.txt"
  get "$OURS" "$(cat "$OUT/dl-ours.txt")" -o "$DOCROOT/downloads/tonet.ttl"
  get "$OURS" "$(cat "$OUT/dl-ours-gzip.txt")" -o "$DOCROOT/downloads/tonet.ttl.gz"
  if [ "$(head -c2 "$DOCROOT/downloads/tonet.ttl.gz" | od -An -tx1 | tr -d ' ')" != 1f8b ]; then
    log "ours did not answer gzip to Accept-Encoding: gzip on /downloads/tonet.ttl"
    exit 1
  fi
  # map_hash_bucket_size must hold the longest key (a whole query string).
  bucket=64
  while [ "$bucket" -lt $((maxkey + 64)) ]; do bucket=$((bucket * 2)); done
  cat >"$NG/nginx.conf" <<EOF
# Written by bench/compare.sh: nginx serving, on 127.0.0.1, the bytes tonet-lod answered.
worker_processes $NGINX_WORKERS;
pid $NG/nginx.pid;
error_log $WORK/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
    types {
        text/html html;
        text/turtle ttl;
        application/ld+json jsonld;
        application/rdf+xml rdf;
        application/n-triples nt;
        application/sparql-results+json srj;
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/turtle application/ld+json application/rdf+xml
        application/n-triples application/sparql-results+json;
    # One line per request, as tonet-lod's request log (buffered; emptied before each measurement).
    access_log $WORK/logs/nginx-access.log combined buffer=64k flush=1s;
    client_body_temp_path $NG/tmp/body;
    proxy_temp_path $NG/tmp/proxy;
    fastcgi_temp_path $NG/tmp/fastcgi;
    uwsgi_temp_path $NG/tmp/uwsgi;
    scgi_temp_path $NG/tmp/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    # wrk keeps its 16 connections for the whole run, as it does with the Java servers.
    keepalive_requests 1000000;
    # A query's GET carries the whole query in its address (up to ${maxkey} bytes).
    large_client_header_buffers 4 16k;
    map_hash_bucket_size $bucket;
    map \$args \$answer {
        default "";
        include $NG/answers.map;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $DOCROOT;
        location = /sparql {
            if (\$answer = "") { return 404; }
            try_files \$answer =404;
        }
        location /page/ { default_type text/html; }
        location /data/ { }
        location /downloads/ { gzip_static on; }
    }
}
EOF
  nginx -t -p "$NG/" -c "$NG/nginx.conf" -e "$WORK/logs/nginx-error.log" >"$OUT/nginx-t.txt" 2>&1 \
    || { cat "$OUT/nginx-t.txt" >&2; exit 1; }
  cp "$NG/nginx.conf" "$OUT/nginx.conf"
  # In the foreground (daemon off), a child of this script, stopped on exit like the Java servers.
  start_server nginx "$NG" nginx -p "$NG/" -c "$NG/nginx.conf" -e "$WORK/logs/nginx-error.log" \
    -g 'daemon off;'
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null --max-time 2 "$NGINX/downloads/tonet.ttl" && break
    sleep 0.1
  done
  curl -sf -o /dev/null --max-time 2 "$NGINX/downloads/tonet.ttl" || { log "nginx does not answer"; exit 1; }

  # ---- same answers, same bytes ------------------------------------------------------------------
  # answers.tsv: each query's results (CSV, or N-Triples for CONSTRUCT) sorted and hashed on ours,
  # ours with --cache-size 0, plain Fuseki on tonet.ttl and on union.ttl; then the bytes of the
  # measured GET (SPARQL JSON or N-Triples) from ours, ours with --cache-size 0 and nginx, hashed.
  : >"$OUT/answers.tsv"
  while IFS=$'\t' read -r name accept args; do
    csv=$(kind_accept "$ROOT/queries/$name.rq" text/csv)
    o=$(get "$OURS" "/sparql?$args"$'\t'"$csv" | tr -d '\r' | sort | sha)
    n=$(get "$NOCACHE" "/sparql?$args"$'\t'"$csv" | tr -d '\r' | sort | sha)
    d=$(get "$FUSEKI" "/ds/sparql?$args"$'\t'"$csv" | tr -d '\r' | sort | sha)
    u=$(get "$UNION" "/ds/sparql?$args"$'\t'"$csv" | tr -d '\r' | sort | sha)
    rows=$(get "$OURS" "/sparql?$args"$'\t'"$csv" | grep -c . || true)
    [ "$csv" = text/csv ] && rows=$((rows - 1))
    line=$(cat "$OUT/requests/$name.ours.txt")
    bo=$(get "$OURS" "$line" | sha)
    bn=$(get "$NOCACHE" "$line" | sha)
    bx=$(get "$NGINX" "$line" | sha)
    size=$(get "$OURS" "$line" | wc -c)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rows" "$o" "$d" "$u" "$n" \
      "$bo" "$bn" "$bx" "$size" >>"$OUT/answers.tsv"
  done <"$OUT/queries.tsv"
  # nginx-check.tsv: for every page, /data/ document and download, whether nginx sent ours' bytes.
  : >"$OUT/nginx-check.tsv"
  for list in pages data dl-ours dl-ours-gzip; do
    same=0 differ=0
    while read -r line; do
      if [ "$(get "$OURS" "$line" | sha)" = "$(get "$NGINX" "$line" | sha)" ]; then
        same=$((same + 1))
      else
        differ=$((differ + 1))
        printf 'differs: %s\n' "$line" >>"$OUT/nginx-differ.txt"
      fi
    done <"$OUT/$list.txt"
    printf '%s\t%s\t%s\n' "$list" "$same" "$differ" >>"$OUT/nginx-check.tsv"
  done
  log "nginx serves ours' bytes: $(tr '\t\n' ' ;' <"$OUT/nginx-check.tsv")"
fi

# nginx_fresh : empties nginx's access log before a measurement (only the last one is kept).
nginx_fresh() { : >"$WORK/logs/nginx-access.log"; }
# side_url SIDE : where a side listens.
side_url() {
  case $1 in
    ours) echo "$OURS" ;; nginx) echo "$NGINX" ;; ours-nocache) echo "$NOCACHE" ;;
    ours-nocache-unique) echo "$DISTINCT" ;; fuseki-union | fuseki-union-unique) echo "$UNION" ;;
    fuseki-data | fuseki-gsp | fuseki-static) echo "$FUSEKI" ;;
  esac
}
# side_script SIDE : the wrk script of a side's query runs.
side_script() { case $1 in *-unique) echo unique.lua ;; *) echo paths.lua ;; esac; }

# qlist SIDE NAME : the one-line list of query NAME's GET for SIDE.
qlist() {
  case $1 in
    ours | nginx | ours-nocache*) echo "$OUT/requests/$2.ours.txt" ;;
    *) echo "$OUT/requests/$2.fuseki.txt" ;;
  esac
}

# ---- (b) competency queries, the same GET repeated -----------------------------------------------
if section queries; then
  sides=(ours nginx ours-nocache fuseki-union)
  [ "$FUSEKI_DATA" = 1 ] && sides+=(fuseki-data)
  [ "$UNIQUE" = 1 ] && sides+=(ours-nocache-unique fuseki-union-unique)
  ns=${#sides[@]}
  log "(b) queries at $CONN connections, ${DUR}s each: ${sides[*]}"
  n=0
  while IFS=$'\t' read -r name _ _; do
    for s in "${sides[@]}"; do warm "$(side_url "$s")" "$(side_script "$s")" "$(qlist "$s" "$name")"; done
    # Each query starts with the next side, so that no side is always first or last.
    for j in $(seq 0 $((ns - 1))); do
      s=${sides[$(((n + j) % ns))]}
      [ "$s" = nginx ] && nginx_fresh
      wrk_run "query/$name/$s" "$(side_url "$s")" "$(side_script "$s")" "$(qlist "$s" "$name")"
    done
    n=$((n + 1))
  done <"$OUT/queries.tsv"
fi

# ---- (c) pages and /data/ documents --------------------------------------------------------------
if section pages; then
  log "(c) pages: $(wc -l <"$OUT/pages.txt") resource pages, $(wc -l <"$OUT/data.txt") data documents"
  n=0
  for list in pages data; do
    warm "$OURS" paths.lua "$OUT/$list.txt"
    warm "$NGINX" paths.lua "$OUT/$list.txt"
    order=(ours nginx)
    [ $((n % 2)) = 1 ] && order=(nginx ours)
    for s in "${order[@]}"; do
      [ "$s" = nginx ] && nginx_fresh
      wrk_run "page/$list/$s" "$(side_url "$s")" paths.lua "$OUT/$list.txt"
    done
    n=$((n + 1))
  done
  for list in landing ontology; do
    warm "$OURS" paths.lua "$OUT/$list.txt"
    wrk_run "page/$list/ours" "$OURS" paths.lua "$OUT/$list.txt"
  done
fi

# ---- (d) dump downloads --------------------------------------------------------------------------
if section downloads; then
  log "(d) downloads"
  for label in ours nginx ours-gzip nginx-gzip fuseki-gsp fuseki-static; do
    url=$(side_url "${label%-gzip}")
    warm "$url" paths.lua "$OUT/dl-$label.txt"
    case $label in nginx*) nginx_fresh ;; esac
    wrk_run "download/$label" "$url" paths.lua "$OUT/dl-$label.txt"
  done
  # What each download answered (status, bytes on the wire, type, encoding), for the record.
  : >"$OUT/downloads-check.tsv"
  for pair in "ours:$OURS/downloads/tonet.ttl" "nginx:$NGINX/downloads/tonet.ttl" \
    "fuseki-gsp:$FUSEKI/ds?default" "fuseki-static:$FUSEKI/tonet.ttl"; do
    for enc in identity gzip; do
      w=$(curl -s -o /dev/null -D "$WORK/headers.txt" -H 'Accept: text/turtle' \
        -H "Accept-Encoding: $enc" -w '%{http_code} %{size_download} %{content_type}' "${pair#*:}")
      e=$(tr -d '\r' <"$WORK/headers.txt" | awk 'tolower($1) == "content-encoding:" { print $2 }')
      printf '%s\t%s\t%s\n' "${pair%%:*}" "$enc" "$w${e:+ $e}" >>"$OUT/downloads-check.tsv"
    done
  done
fi
if section queries || section pages || section downloads; then
  cp "$WORK/logs/nginx-error.log" "$OUT/nginx-error.log" 2>/dev/null || true
  # Every request each tonet-lod answered in (b)-(d), by method and status, from its request log.
  for s in ours ours-nocache ours-distinct; do
    [ -f "$WORK/logs/$s.log" ] || continue
    awk -v s="$s" '$3 == "Requests" { n[$4 "\t" $6]++ } END { for (k in n) print s "\t" k "\t" n[k] }' \
      "$WORK/logs/$s.log" | sort
  done >"$OUT/statuses.tsv"
  stop_all
fi

# ---- (e) memory: the heap before and after MEM_QUERIES distinct queries -------------------------
# A server of its own (answer cache MEM_CACHE_MB), started from the kept build. Before: once it
# answers, each competency query is asked once by GET (the query machinery warm), then a full GC
# (jcmd GC.run) and the heap used (jstat -gc: S0U + S1U + EU + OU) and GC.heap_info. Then
# MEM_QUERIES distinct queries (lua/distinct.lua: each text and each answer new, so each is a new
# cache entry; with Accept-Encoding: gzip unless MEM_GZIP=0, so gzip copies are kept too), at
# MEM_CONN connections, as 16 clients behind a trusted proxy (X-Forwarded-For), so that the
# fair-use share of one client does not refuse them. After: the same full GC and figures.
if section memory; then
  log "(e) memory: $MEM_QUERIES distinct queries, --cache-size $MEM_CACHE_MB"
  tonet ours-memory "$MEM_PORT" --build-cache "$BC_WARM" --cache-size "$MEM_CACHE_MB" \
    --trusted-proxy 127.0.0.1
  MPID=$SERVER_PID
  MEM="http://127.0.0.1:$MEM_PORT"
  wait_query "$MEM/sparql" 120
  for q in "$ROOT"/queries/*.rq; do
    curl -sf -o /dev/null --max-time 30 -G -H "Accept: $(kind_accept "$q" application/sparql-results+json)" \
      --data-urlencode "query@$q" "$MEM/sparql"
  done
  rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$MPID/status"; }
  live_heap() { # label : a full GC, then the heap used and the old generation (MB) and RSS
    jcmd "$MPID" GC.run >/dev/null
    sleep 1
    jcmd "$MPID" GC.heap_info >"$OUT/heap-info-$1.txt" 2>&1 || true
    jstat -gc "$MPID" | tail -1 | awk -v l="$1" -v rss="$(rss_mb)" \
      '{ printf "%s\t%.1f\t%.1f\t%s\n", l, ($3 + $4 + $6 + $8) / 1024, $8 / 1024, rss }'
  }
  printf 'when\theap_used_mb\told_used_mb\trss_mb\n' >"$OUT/memory.tsv"
  live_heap before >>"$OUT/memory.tsv"
  DONE="$WORK/distinct-done"
  rm -rf "$DONE"
  mkdir -p "$DONE"
  enc=-
  [ "$MEM_GZIP" = 1 ] && enc=gzip
  per_thread=$(((MEM_QUERIES + 1) / 2))
  t0=$(date +%s)
  wrk -t2 -c"$MEM_CONN" -d"${MEM_MAX_S}s" --timeout 10s -s "$BENCH_DIR/lua/distinct.lua" \
    "$MEM/sparql" -- "$per_thread" "$DONE" "$enc" 16 >"$OUT/memory-wrk.txt" &
  WRK=$!
  SERVER_PIDS+=("$WRK") # stopped on exit too
  SERVER_NAME[$WRK]=wrk-distinct
  # Until both wrk threads have their answers (each writes done-N), at most MEM_MAX_S + 10 s.
  for _ in $(seq 1 $(((MEM_MAX_S + 10) * 2))); do
    [ -f "$DONE/done-1" ] && [ -f "$DONE/done-2" ] && break
    kill -0 "$WRK" 2>/dev/null || break
    sleep 0.5
  done
  # SIGINT makes wrk stop and print its figures (then it is stopped like a server, if need be).
  kill -INT "$WRK" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$WRK" 2>/dev/null || break; sleep 0.1; done
  stop_server "$WRK"
  t1=$(date +%s)
  cat "$DONE"/done-* 2>/dev/null | awk -v s=$((t1 - t0)) \
    '{ a += $1; o += $2; x += $3 } END { printf "answered=%d ok=%d other=%d seconds=%d\n", a, o, x, s }' \
    >"$OUT/memory-sent.txt"
  log "memory probe: $(cat "$OUT/memory-sent.txt")"
  servers_alive || exit 1
  live_heap after >>"$OUT/memory.tsv"
  # The server's statuses for the probe's queries, from its request log.
  awk '$3 == "Requests" && $4 == "GET" && $5 ~ /^\/sparql/ { n[$6]++ } END { for (k in n) print k "\t" n[k] }' \
    "$WORK/logs/ours-memory.log" | sort >"$OUT/memory-statuses.tsv"
  stop_all
fi

conditions >"$OUT/conditions-after.txt"
python3 "$BENCH_DIR/lib/summarize-compare.py" "$OUT" | tee "$OUT/summary.md"
log "results in $OUT"
