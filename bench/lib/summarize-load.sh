#!/usr/bin/env bash
# summarize-load.sh DIR : the Markdown summary of one bench/load.sh run.
set -euo pipefail
DIR=$1
J=$(grep '^{' "$DIR/wrk.txt" | tail -1)
num() { printf '%s' "$J" | grep -o "\"$1\":[0-9.]*" | sed -n 1p | cut -d: -f2; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
sock=$(($(num connect) + $(num read) + $(num write) + $(num timeout)))
status=$(num status)
bad=$(awk -F'\t' '$2 >= 400 { s += $3 } END { print s + 0 }' "$DIR/statuses.tsv")

echo "Run of $(sed -n 's/^date: //p' "$DIR/conditions-before.txt") (UTC);"\
  "load average before $(sed -n 's/^load average: //p' "$DIR/conditions-before.txt"),"\
  "after $(sed -n 's/^load average: //p' "$DIR/conditions-after.txt")."
echo
echo "| requests | duration s | req/s | MB/s | socket errors | non-2xx/3xx (wrk) | ≥400 in server log | p50 ms | p90 ms | p99 ms | max ms |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '| %d | %.1f | %.0f | %.1f | %d | %d | %d | %s | %s | %s | %s |\n' "$(num requests)" "$(num duration_s)" \
  "$(num rps)" "$(awk -v b="$(num bytes)" -v d="$(num duration_s)" 'BEGIN { printf "%.1f", b / d / 1e6 }')" \
  "$sock" "$status" "$bad" "$(ms "$(num p50)")" "$(ms "$(num p90)")" "$(ms "$(num p99)")" "$(ms "$(num max)")"
echo
echo "Requests by kind and status (server log of the measured run):"
echo
echo "| kind | status | count |"
echo "|---|---:|---:|"
awk -F'\t' '{ printf "| %s | %s | %d |\n", $1, $2, $3 }' "$DIR/statuses.tsv"
echo
echo "Memory of the server JVM: heap from \`jstat -gc\` every 2 s, RSS from /proc every 2 s, and the live"
echo "heap after a full GC (\`jcmd GC.run\`) just before and just after the measured run:"
echo
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { printf "%s\t%.1f\t%.1f\t%d\t%d\n", $1, ($4 + $5 + $7 + $9) / 1024, $9 / 1024, $14, $16 }' \
  "$DIR/jstat.txt" >"$DIR/heap.tsv"
awk -F'\t' -v live="$DIR/live.tsv" -v rss="$DIR/rss.tsv" '
  BEGIN {
    while ((getline l < live) > 0) { split(l, f, "\t"); if (f[1] == "before") { hb = f[2]; ob = f[3]; rb = f[4] } if (f[1] == "after") { ha = f[2]; oa = f[3]; ra = f[4] } }
    nr = 0
    while ((getline l < rss) > 0) { split(l, f, "\t"); if (f[1] ~ /^[0-9]+$/) { nr++; rt[nr] = f[1]; rv[nr] = f[2] } }
  }
  { n++; h[n] = $2; o[n] = $3; y[n] = $4; g[n] = $5 }
  END {
    hmin = hmax = h[1]; omin = omax = o[1]
    for (i = 1; i <= n; i++) { if (h[i] < hmin) hmin = h[i]; if (h[i] > hmax) hmax = h[i]; if (o[i] < omin) omin = o[i]; if (o[i] > omax) omax = o[i] }
    rmin = rmax = rv[1]
    sx = sy = sxx = sxy = 0
    for (i = 1; i <= nr; i++) {
      if (rv[i] < rmin) rmin = rv[i]; if (rv[i] > rmax) rmax = rv[i]
      sx += rt[i]; sy += rv[i]; sxx += rt[i] * rt[i]; sxy += rt[i] * rv[i]
    }
    slope = (nr > 1 && (nr * sxx - sx * sx) != 0) ? (nr * sxy - sx * sy) / (nr * sxx - sx * sx) : 0
    printf "| | heap used MB | old gen MB | RSS MB |\n|---|---:|---:|---:|\n"
    printf "| live before the load (after full GC) | %.1f | %.1f | %.1f |\n", hb, ob, rb
    printf "| under load, first sample | %.1f | %.1f | %.1f |\n", h[1], o[1], rv[1]
    printf "| under load, min – max (%d heap, %d RSS samples) | %.1f – %.1f | %.1f – %.1f | %.1f – %.1f |\n", n, nr, hmin, hmax, omin, omax, rmin, rmax
    printf "| under load, last sample | %.1f | %.1f | %.1f |\n", h[n], o[n], rv[nr]
    printf "| live after the load (after full GC) | %.1f | %.1f | %.1f |\n", ha, oa, ra
    printf "\nLive heap after − before: %+.1f MB; RSS trend under load %+.2f MB/min (least squares);", ha - hb, slope * 60
    printf " %d young collections and %d full collections during the run.\n", y[n] - y[1], g[n] - g[1]
  }' "$DIR/heap.tsv"
