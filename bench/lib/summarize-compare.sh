#!/usr/bin/env bash
# summarize-compare.sh DIR : the Markdown tables of one bench/compare.sh run (startup.tsv,
# results.jsonl, answers.tsv, conditions-*.txt in DIR).
set -euo pipefail
DIR=$1

num() { # num KEY LINE : the number after "KEY": in a JSON line
  printf '%s' "$2" | grep -o "\"$1\":[0-9.]*" | sed -n 1p | cut -d: -f2
}
line() { grep "\"label\":\"$1\"" "$DIR/results.jsonl" | tail -1; }
errors() {
  local l=$1
  echo $(($(num connect "$l") + $(num read "$l") + $(num write "$l") + $(num status "$l") + $(num timeout "$l")))
}
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "Run of $(sed -n 's/^date: //p' "$DIR/conditions-before.txt") (UTC);"\
  "load average before $(sed -n 's/^load average: //p' "$DIR/conditions-before.txt"),"\
  "after $(sed -n 's/^load average: //p' "$DIR/conditions-after.txt" 2>/dev/null || echo '?')."
echo

echo "#### (a) Start-up to the first answered query"
echo
echo "| server | median ms | min ms | max ms | runs |"
echo "|---|---:|---:|---:|---:|"
for who in ours fuseki; do
  awk -F'\t' -v w="$who" '$1 == w { print $2 }' "$DIR/startup.tsv" | sort -n | awk -v w="$who" '
    { v[NR] = $1 }
    END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      name = (w == "ours") ? "tonet-lod `serve`" : "plain Fuseki `--file tonet.ttl`"
      printf "| %s | %d | %d | %d | %d |\n", name, m, v[1], v[NR], NR
    }'
done
om=$(awk -F'\t' '$1 == "ours" { print $2 }' "$DIR/startup.tsv" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
fm=$(awk -F'\t' '$1 == "fuseki" { print $2 }' "$DIR/startup.tsv" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo
echo "Ratio tonet-lod / plain Fuseki (medians): **$(ratio "$om" "$fm")** (target ≤ 1.2)."
echo

[ -s "$DIR/results.jsonl" ] || exit 0

echo "#### (b) Competency queries, 16 connections"
echo
echo "Same answers: each query's results (CSV, or N-Triples for CONSTRUCT) sorted and hashed on the three servers; rows = result rows or triples."
echo
echo "| query | rows | answers | tonet-lod req/s | p50 ms | p99 ms | Fuseki union.ttl req/s | p50 ms | p99 ms | ratio | Fuseki tonet.ttl req/s | p50 ms | p99 ms | ratio | errors |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
logsum_u=0; logsum_d=0; nq=0
while IFS=$'\t' read -r name rows a b c; do
  o=$(line "query/$name/ours"); u=$(line "query/$name/fuseki-union"); d=$(line "query/$name/fuseki-data")
  same=$([ "$a" = "$b" ] && [ "$a" = "$c" ] && echo same || echo "DIFFER ($a/$b/$c)")
  ro=$(num rps "$o"); ru=$(num rps "$u"); rd=$(num rps "$d")
  e=$(($(errors "$o") + $(errors "$u") + $(errors "$d")))
  printf '| %s | %s | %s | %.0f | %s | %s | %.0f | %s | %s | **%s** | %.0f | %s | %s | %s | %s |\n' \
    "$name" "$rows" "$same" "$ro" "$(ms "$(num p50 "$o")")" "$(ms "$(num p99 "$o")")" \
    "$ru" "$(ms "$(num p50 "$u")")" "$(ms "$(num p99 "$u")")" "$(ratio "$ro" "$ru")" \
    "$rd" "$(ms "$(num p50 "$d")")" "$(ms "$(num p99 "$d")")" "$(ratio "$ro" "$rd")" "$e"
  logsum_u=$(awk -v s="$logsum_u" -v a="$ro" -v b="$ru" 'BEGIN { print s + log(a / b) }')
  logsum_d=$(awk -v s="$logsum_d" -v a="$ro" -v b="$rd" 'BEGIN { print s + log(a / b) }')
  nq=$((nq + 1))
done <"$DIR/answers.tsv"
echo
echo "Geometric mean of the throughput ratios: **$(awk -v s="$logsum_u" -v n="$nq" 'BEGIN { printf "%.2f", exp(s / n) }')×** against Fuseki on the same triples (union.ttl),"\
  "$(awk -v s="$logsum_d" -v n="$nq" 'BEGIN { printf "%.2f", exp(s / n) }')× against Fuseki on tonet.ttl (target ≥ 0.9)."
echo

echo "#### (c) Pages and /data/ documents (tonet-lod only), 16 connections"
echo
echo "| workload | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for w in pages data landing ontology; do
  l=$(line "page/$w/ours")
  [ -z "$l" ] && continue
  case $w in
    pages) what="resource pages /page/… (all $(wc -l <"$DIR/pages.txt") linked from /, round robin)" ;;
    data) what="/data/… documents ($(wc -l <"$DIR/data.txt"): .ttl .jsonld .rdf .nt)" ;;
    landing) what="landing page /" ;;
    ontology) what="/ontology (HTML)" ;;
  esac
  printf '| %s | %.0f | %s | %s | %s | %s | %s |\n' "$what" "$(num rps "$l")" "$(ms "$(num p50 "$l")")" \
    "$(ms "$(num p90 "$l")")" "$(ms "$(num p99 "$l")")" "$(ms "$(num max "$l")")" "$(errors "$l")"
done
echo
echo "Target: page p99 ≤ 20 ms."
echo

echo "#### (d) Dump downloads (tonet.ttl), 16 connections"
echo
echo "| download | req/s | MB/s | p50 ms | p99 ms | errors | tonet-lod ÷ this |"
echo "|---|---:|---:|---:|---:|---:|---:|"
ours_rps=$(num rps "$(line download/ours)")
for w in ours ours-gzip fuseki-gsp fuseki-static; do
  l=$(line "download/$w")
  [ -z "$l" ] && continue
  case $w in
    ours) what="tonet-lod /downloads/tonet.ttl" ;;
    ours-gzip) what="tonet-lod /downloads/tonet.ttl, Accept-Encoding: gzip" ;;
    fuseki-gsp) what="plain Fuseki GET /ds?default (Turtle, serialized per request)" ;;
    fuseki-static) what="plain Fuseki static file /tonet.ttl (--base)" ;;
  esac
  printf '| %s | %.0f | %.1f | %s | %s | %s | %s |\n' "$what" "$(num rps "$l")" \
    "$(awk -v b="$(num bytes "$l")" -v d="$(num duration_s "$l")" 'BEGIN { printf "%.1f", b / d / 1e6 }')" \
    "$(ms "$(num p50 "$l")")" "$(ms "$(num p99 "$l")")" "$(errors "$l")" "$(ratio "$ours_rps" "$(num rps "$l")")"
done
if [ -f "$DIR/downloads-check.tsv" ]; then
  echo
  echo "What each answered (status, bytes, type):"
  echo
  sed 's/^/    /' "$DIR/downloads-check.tsv"
fi
