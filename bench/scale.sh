#!/usr/bin/env bash
# Item 5 of issue 5: conversion at scale. Generates synthetic timelines (many councils, each a valid
# table of the seed's shape under its own base path) of 10k, 100k and 1M rows, converts each size in
# one JVM capped at 2 GB of heap, and records time per stage, rows/s, and peak heap.
#
#   bench/scale.sh                          # about 15 minutes; results in bench/results/scale-<time>/
#   SIZES="10000 100000" bench/scale.sh
#
# Settings (environment): SIZES (10000 100000 1000000), VALIDATE_SIZES, the sizes also validated
# with SHACL and the checks (10000 100000; reported apart: it costs more than the conversion),
# THREADS2_SIZES, sizes converted again with 2 threads (1000000), SEED (20261126), SCALE_JVM_OPTS
# (-Xmx2g -XX:+UseG1GC), QUIET_WAIT, BUILD=1 to rebuild the jar.
#
# The harness (bench/src) is compiled against target/tonet-lod.jar and stays out of it.
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM

SIZES=${SIZES:-10000 100000 1000000}
VALIDATE_SIZES=${VALIDATE_SIZES-10000 100000}
THREADS2_SIZES=${THREADS2_SIZES-1000000}
SEED=${SEED:-20261126}
SCALE_JVM_OPTS=${SCALE_JVM_OPTS:--Xmx2g -XX:+UseG1GC}

snapshot_jar
compile_bench
OUT="$RESULTS/scale-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

# The inputs, made once per size and seed (the generator is deterministic).
mkdir -p "$WORK/scale"
for n in $SIZES; do
  dir="$WORK/scale/$n"
  if [ ! -f "$dir/.made-seed-$SEED" ]; then
    rm -rf "$dir"
    log "generating $n rows into $dir"
    java -cp "$CP" org.w3id.tonet.bench.GenerateTimelines --rows "$n" --out "$dir" --seed "$SEED" \
      | tee "$dir.generated.txt"
    touch "$dir/.made-seed-$SEED"
  fi
  cp "$dir.generated.txt" "$OUT/generated-$n.txt" 2>/dev/null || true
done

wait_quiet "${QUIET_WAIT:-300}"
JVM_OPTS=$SCALE_JVM_OPTS # for the record of conditions
conditions >"$OUT/conditions-before.txt"
cat "$OUT/conditions-before.txt" >&2

# convert LABEL DIR ARGS... : one conversion run in a fresh JVM.
convert() {
  local label=$1 dir=$2
  shift 2
  log "$label"
  java $SCALE_JVM_OPTS -cp "$CP" org.w3id.tonet.bench.ScaleConvert --in "$dir" "$@" >"$OUT/$label.txt" 2>&1 \
    || { log "$label failed: $(tail -3 "$OUT/$label.txt")"; return 1; }
  grep '^RESULT' "$OUT/$label.txt" | sed "s/^RESULT/RESULT label=$label/" >>"$OUT/results.txt"
}
: >"$OUT/results.txt"
for n in $SIZES; do
  convert "convert-$n" "$WORK/scale/$n" --floor
done
for n in $THREADS2_SIZES; do
  convert "convert-$n-2threads" "$WORK/scale/$n" --threads 2
done
for n in $VALIDATE_SIZES; do
  convert "validate-$n" "$WORK/scale/$n" --validate
done
conditions >"$OUT/conditions-after.txt"

"$BENCH_DIR/lib/summarize-scale.sh" "$OUT" | tee "$OUT/summary.md"
log "results in $OUT"
