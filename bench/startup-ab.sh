#!/usr/bin/env bash
# Start-up to the first answered query of two tonet-lod jars, alternating, to measure a change:
#   bench/startup-ab.sh OLD.jar NEW.jar [RUNS]
# Prints one line per start-up and the medians. Same JVM options and polling as compare.sh (a).
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM
A=$1 B=$2 RUNS=${3:-8} PORT=${PORT:-3331}
port_free "$PORT"
OUT="$RESULTS/startup-ab-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
conditions >"$OUT/conditions-before.txt"
once() {
  local label=$1 jar=$2 t0 t1
  t0=$(date +%s%N)
  start_server "startup-$label" "$WORK/run-ab" java $JVM_OPTS -jar "$jar" serve --port "$PORT"
  wait_query "http://127.0.0.1:$PORT/sparql" 120
  t1=$(date +%s%N)
  stop_server "$SERVER_PID"
  printf '%s\t%d\n' "$label" $(((t1 - t0) / 1000000)) | tee -a "$OUT/startup.tsv"
}
for _ in $(seq 1 "$RUNS"); do
  once a "$A"
  once b "$B"
done
conditions >"$OUT/conditions-after.txt"
for l in a b; do
  awk -F'\t' -v l="$l" '$1 == l { print $2 }' "$OUT/startup.tsv" | sort -n \
    | awk -v l="$l" '{ v[NR] = $1 } END { printf "%s: median %d ms (min %d, max %d, %d runs)\n", l, (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR], NR }'
done | tee "$OUT/summary.txt"
echo "a = $A, b = $B" | tee -a "$OUT/summary.txt"
