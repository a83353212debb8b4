#!/usr/bin/env bash
# Start-up to the first answered query of two tonet-lod jars, alternating, to measure a change:
#   bench/startup-ab.sh OLD.jar NEW.jar [RUNS]
# Prints one line per start-up and the medians. Same JVM options and polling as compare.sh (a).
# SERVE_ARGS adds options to serve (SERVE_ARGS=--no-build-cache: cold starts); each line also has
# the server's CPU time until its first answer (all threads), which other work disturbs less.
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM
A=$1 B=$2 RUNS=${3:-8} PORT=${PORT:-3331}
port_free "$PORT"
OUT="$RESULTS/startup-ab-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
conditions >"$OUT/conditions-before.txt"
once() {
  local label=$1 jar=$2 t0 t1 cpu
  t0=$(date +%s%N)
  start_server "startup-$label" "$WORK/run-ab" java $JVM_OPTS -jar "$jar" serve --port "$PORT" ${SERVE_ARGS:-}
  wait_query "http://127.0.0.1:$PORT/sparql" 120
  t1=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$SERVER_PID/stat")
  stop_server "$SERVER_PID"
  printf '%s\t%d\t%d\t%s\n' "$label" $(((t1 - t0) / 1000000)) "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" \
    | tee -a "$OUT/startup.tsv"
}
for _ in $(seq 1 "$RUNS"); do
  once a "$A"
  once b "$B"
done
conditions >"$OUT/conditions-after.txt"
for l in a b; do
  for col in 2 3; do
    awk -F'\t' -v l="$l" -v c="$col" '$1 == l { print $c }' "$OUT/startup.tsv" | sort -n \
      | awk -v l="$l" -v what="$([ $col = 2 ] && echo 'wall' || echo 'CPU')" '{ v[NR] = $1 } END { printf "%s: %s median %d ms (min %d, max %d, %d runs)\n", l, what, (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR], NR }'
  done
done | tee "$OUT/summary.txt"
echo "a = $A, b = $B" | tee -a "$OUT/summary.txt"
