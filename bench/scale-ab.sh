#!/usr/bin/env bash
# The conversion of one scale input by two tonet-lod jars, alternating, to measure a change:
#   bench/scale-ab.sh OLD.jar NEW.jar [SIZE] [RUNS]       (after bench/scale.sh made the input)
# OLD is converted with --sort-per-format (the API every version has); both outputs are hashed
# (--digest) and must be the same bytes.
source "$(dirname "$0")/lib/common.sh"
trap 'exit 130' INT TERM
A=$1 B=$2 SIZE=${3:-100000} RUNS=${4:-3}
SCALE_JVM_OPTS=${SCALE_JVM_OPTS:--Xmx2g -XX:+UseG1GC}
CLASSES="$WORK/bench-classes-ab"
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -encoding UTF-8 -cp "$B" -d "$CLASSES" $(find "$BENCH_DIR/src" -name '*.java')
OUT="$RESULTS/scale-ab-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
JVM_OPTS=$SCALE_JVM_OPTS
conditions >"$OUT/conditions-before.txt"
for i in $(seq 1 "$RUNS"); do
  for side in a b; do
    if [ $side = a ]; then jar=$A; extra=--sort-per-format; else jar=$B; extra=; fi
    java $SCALE_JVM_OPTS -cp "$jar:$CLASSES" org.w3id.tonet.bench.ScaleConvert --in "$WORK/scale/$SIZE" \
      --digest $extra >"$OUT/$side-$i.txt" 2>&1
    printf '%s\t%s\t%s\n' "$side" "$(grep -o 'output sha256 [0-9a-f]*' "$OUT/$side-$i.txt" | cut -c15-30)" \
      "$(grep '^RESULT' "$OUT/$side-$i.txt" | grep -oE ' (convert_s|parse_s|map_s|serialize_s|convert_cpu_s|rows_per_s)=[^ ]*' | tr -d '\n')" \
      | tee -a "$OUT/runs.tsv"
  done
done
conditions >"$OUT/conditions-after.txt"
echo "a = $A (--sort-per-format), b = $B" | tee "$OUT/summary.txt"
