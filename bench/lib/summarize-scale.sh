#!/usr/bin/env bash
# summarize-scale.sh DIR : the Markdown tables of one bench/scale.sh run (DIR/results.txt).
set -euo pipefail
DIR=$1
R="$DIR/results.txt"
get() { grep "label=$1 " "$R" | grep -o " $2=[^ ]*" | cut -d= -f2; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }

echo "Run of $(sed -n 's/^date: //p' "$DIR/conditions-before.txt") (UTC);"\
  "load average before $(sed -n 's/^load average: //p' "$DIR/conditions-before.txt"),"\
  "after $(sed -n 's/^load average: //p' "$DIR/conditions-after.txt")."
echo
echo "| run | councils | rows | triples | conversion s (wall) | parse / map / serialize s | rows/s (wall) | conversion thread CPU s | rows per CPU-s | whole-process CPU s | peak heap MB (sum of pool peaks) | largest live heap after GC MB | peak RSS MB | Jena N-Triples load of the same triples, rows/s |"
echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for label in $(grep -o 'label=convert-[^ ]*' "$R" | cut -d= -f2); do
  floor=$(get "$label" floor_s)
  rows=$(get "$label" rows)
  floor_rate=$(awk -v f="$floor" -v r="$rows" 'BEGIN { if (f > 0) printf "%.0f", r / f; else print "–" }')
  threads=$(get "$label" threads)
  if [ "$threads" = 1 ]; then
    conv=$(get "$label" convert_s)
    rate=$(get "$label" rows_per_s)
  else
    # With threads, stages overlap: the wall clock of the whole run is the conversion time.
    conv=$(get "$label" wall_s)
    rate=$(awk -v r="$rows" -v w="$conv" 'BEGIN { printf "%.0f", r / w }')
  fi
  printf '| %s | %s | %s | %s | %s | %s / %s / %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$label" "$(get "$label" councils)" "$rows" "$(get "$label" triples)" "$(fmt "$conv" %.1f)" \
    "$(fmt "$(get "$label" parse_s)" %.1f)" "$(fmt "$(get "$label" map_s)" %.1f)" "$(fmt "$(get "$label" serialize_s)" %.1f)" \
    "$rate" "$(fmt "$(get "$label" convert_cpu_s)" %.1f)" "$(get "$label" rows_per_cpu_s)" \
    "$(fmt "$(get "$label" process_cpu_s)" %.1f)" "$(get "$label" peak_heap_mb)" \
    "$(get "$label" live_after_gc_mb)" "$(get "$label" peak_rss_mb)" "$floor_rate"
done
echo
if grep -q 'label=convert-100000 ' "$R" && grep -q 'label=convert-1000000 ' "$R"; then
  a=$(get convert-100000 convert_s)
  b=$(get convert-1000000 convert_s)
  ra=$(get convert-100000 rows)
  rb=$(get convert-1000000 rows)
  echo "Growth: 1M rows took $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')× the time of 100k"\
    "for $(awk -v a="$ra" -v b="$rb" 'BEGIN { printf "%.2f", b / a }')× the rows (target ≤ 11×);"\
    "by thread CPU $(awk -v a="$(get convert-100000 convert_cpu_s)" -v b="$(get convert-1000000 convert_cpu_s)" 'BEGIN { printf "%.2f", b / a }')×."
  echo
fi
if grep -q 'label=validate-' "$R"; then
  echo "SHACL validation and the consistency checks, measured apart (a run of their own):"
  echo
  echo "| run | rows | validation s (wall) | validation thread CPU s | conversion thread CPU s | validation ÷ conversion (CPU) |"
  echo "|---|---:|---:|---:|---:|---:|"
  for label in $(grep -o 'label=validate-[^ ]*' "$R" | cut -d= -f2); do
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$(get "$label" rows)" "$(fmt "$(get "$label" validate_s)" %.1f)" \
      "$(fmt "$(get "$label" validate_cpu_s)" %.1f)" "$(fmt "$(get "$label" convert_cpu_s)" %.1f)" \
      "$(awk -v v="$(get "$label" validate_cpu_s)" -v c="$(get "$label" convert_cpu_s)" 'BEGIN { printf "%.1f", v / c }')"
  done
fi
