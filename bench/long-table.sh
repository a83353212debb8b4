#!/usr/bin/env bash
# Issue 22: the long-table stress test. One table N times the seed (the seed's rows, then more fiscal
# years of assemblies, symposia, milestones and monthly section meetings, the summary brought up to
# date; bench/src/.../GenerateLongTable), at 1x, 10x, 100x and 1000x:
#   - every stage of export timed on its own in one JVM (LongTableStages: read, parse, map,
#     validate, quality, sort, dumps, write; then SHACL and each check apart), its peak heap;
#   - the real `export` command, end to end, under /usr/bin/time (wall, CPU, peak RSS);
#   - `serve --tdb2` of the largest size: time to its first answered query from an empty
#     database, then again from the database and build kept by the first start.
# Each stage's growth exponent (log of the time ratio over log of the size ratio, from CPU time,
# which other work on the machine disturbs less than wall time) and the targets are in summary.md.
#
#   bench/long-table.sh                     # about 25 minutes on an idle 2-core machine
#   SIZES="1 10 100" RUNS=3 bench/long-table.sh
#
# Settings (environment): SIZES (1 10 100 1000), RUNS (2; each size measured RUNS times, medians
# reported), BIG_RUNS (1; runs of sizes >= 1000), SERVE_SIZES (1000; sizes served with --tdb2),
# LONG_JVM_OPTS (-Xmx4g -XX:+UseG1GC), LONG_PORT (3410), QUIET_WAIT (300), LOAD_MAX (0.5), BUILD=1.
source "$(dirname "$0")/lib/common.sh"
trap 'stop_all; exit 130' INT TERM

SIZES=${SIZES:-1 10 100 1000}
RUNS=${RUNS:-2}
BIG_RUNS=${BIG_RUNS:-1}
SERVE_SIZES=${SERVE_SIZES-1000}
LONG_JVM_OPTS=${LONG_JVM_OPTS:--Xmx4g -XX:+UseG1GC}
LONG_PORT=${LONG_PORT:-3410}
JVM_OPTS=$LONG_JVM_OPTS # for the record of conditions

need_tools curl
[ -x /usr/bin/time ] || need_tools time
snapshot_jar
compile_bench
OUT="$RESULTS/long-table-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT" "$WORK/long"
export XDG_CACHE_HOME="$WORK/long/xdg" # no build cache of the user's is read or written

# The inputs, made once per size (the generator is deterministic) and recorded with each run.
for n in $SIZES; do
  if [ ! -f "$WORK/long/${n}x.txt" ]; then
    java -cp "$CP" org.w3id.tonet.bench.GenerateLongTable --times "$n" --seed "$ROOT/seeds/council-timeline.txt" \
      --out "$WORK/long/${n}x.txt" >&2
  fi
  echo "${n}x: $(wc -l <"$WORK/long/${n}x.txt") lines, sha256 $(sha256sum "$WORK/long/${n}x.txt" | cut -c1-16)" \
    >>"$OUT/generated.txt"
done

wait_quiet "${QUIET_WAIT:-300}"
conditions >"$OUT/conditions-before.txt"
cat "$OUT/conditions-before.txt" >&2
: >"$OUT/results.txt"

# timed LABEL CMD... : runs CMD under /usr/bin/time; appends "TIME label=… wall_s= cpu_s= rss_mb=
# uptime=…" to results.txt; the command's output goes to LABEL.txt.
timed() {
  local label=$1
  shift
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')
  log "$label (load $load)"
  /usr/bin/time -f 'TIME wall_s=%e cpu_s=%U+%S rss_mb=%M' -o "$OUT/$label.time" "$@" >"$OUT/$label.txt" 2>&1 \
    || { log "$label failed: $(tail -3 "$OUT/$label.txt")"; return 1; }
  awk -v l="$label" -v u="$load" '{ split($3, c, "[=+]"); split($4, r, "=");
    printf "TIME label=%s %s cpu_s=%.2f rss_mb=%d load=%s\n", l, $2, c[2] + c[3], r[2] / 1024, u }' \
    "$OUT/$label.time" >>"$OUT/results.txt"
}

for n in $SIZES; do
  runs=$RUNS
  [ "$n" -ge 1000 ] && runs=$BIG_RUNS
  for r in $(seq 1 "$runs"); do
    timed "stages-${n}x-$r" java $LONG_JVM_OPTS -cp "$CP" org.w3id.tonet.bench.LongTableStages \
      --in "$WORK/long/${n}x.txt" --out "$WORK/long/out-stages-$n"
    grep '^RESULT' "$OUT/stages-${n}x-$r.txt" | sed "s/^RESULT/RESULT label=stages-${n}x-$r size=$n/" >>"$OUT/results.txt"
    rm -rf "$WORK/long/out-export-$n"
    timed "export-${n}x-$r" java $LONG_JVM_OPTS -jar "$JAR" export --seed "$WORK/long/${n}x.txt" \
      --out "$WORK/long/out-export-$n" --base-iri https://lod.example.jp/long/
  done
done

# serve_first LABEL ARGS... : starts serve, times launch → first answered query, stops it.
serve_first() {
  local label=$1
  shift
  port_free "$LONG_PORT"
  local load t0 t1
  load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')
  log "$label (load $load)"
  t0=$(date +%s.%N)
  start_server "$label" "$WORK/long" java $LONG_JVM_OPTS -jar "$JAR" serve --port "$LONG_PORT" "$@"
  local pid=$SERVER_PID ok=1
  wait_query "http://127.0.0.1:$LONG_PORT/sparql" 900 || ok=0
  t1=$(date +%s.%N)
  local cpu
  cpu=$(awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  stop_server "$pid"
  # Without the 503s of the polling (one line each).
  grep -v ' Requests POST /sparql 503 ' "$WORK/logs/$label.log" >"$OUT/$label.log" || true
  [ "$ok" = 1 ] || { log "$label: no answer"; return 1; }
  awk -v l="$label" -v a="$t0" -v b="$t1" -v c="$cpu" -v u="$load" \
    'BEGIN { printf "SERVE label=%s first_answer_s=%.2f cpu_s=%s load=%s\n", l, b - a, c, u }' >>"$OUT/results.txt"
}

for n in $SERVE_SIZES; do
  db="$WORK/long/tdb2-$n"
  cache="$WORK/long/build-cache-$n"
  rm -rf "$db" "$cache"
  serve_first "serve-tdb2-${n}x-first" --seed "$WORK/long/${n}x.txt" --tdb2 "$db" --build-cache "$cache"
  serve_first "serve-tdb2-${n}x-again" --seed "$WORK/long/${n}x.txt" --tdb2 "$db" --build-cache "$cache"
done

conditions >"$OUT/conditions-after.txt"
python3 "$BENCH_DIR/lib/summarize-long.py" "$OUT" | tee "$OUT/summary.md"
log "results in $OUT"
