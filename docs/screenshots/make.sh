#!/usr/bin/env bash
# Remakes the screenshots of docs/screenshots/: the landing page and a page of SPARQL results, at a
# phone's width (390 px) and a laptop's (1280 px), as headless Chromium draws them (Debian's
# chromium and fonts-ipafont, as .ci/setup installs them). Builds the jar if it is missing, starts
# the server on 127.0.0.1 (port 3599 unless TONET_SHOT_PORT says otherwise) with a build cache of
# its own, takes the shots, and stops the server.
#
#   docs/screenshots/make.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/docs/screenshots"
port="${TONET_SHOT_PORT:-3599}"
base="http://localhost:$port/"
jar="$root/target/tonet-lod.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)

work="$(mktemp -d)"
XDG_CACHE_HOME="$work" java -jar "$jar" serve --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "${base}sparql"; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done

# A query whose answer holds every kind of value: IRIs of the dataset, dates, numbers, booleans.
query='PREFIX tonet: <https://w3id.org/tonet/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?symposium ?date ?venue ?attendance ?approximate WHERE {
  ?symposium a tonet:Symposium ; schema:startDate ?date ; schema:location ?venue ;
             tonet:attendance ?attendance ; tonet:attendanceApproximate ?approximate .
} ORDER BY ?date'
results="${base}sparql?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"

shot() { # shot NAME URL WIDTH HEIGHT
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --window-size="$3,$4" --screenshot="$out/$1" "$2" \
    >/dev/null 2>&1
  echo "$out/$1"
}
shot landing-390.png "$base" 390 1600
shot landing-1280.png "$base" 1280 1400
shot results-390.png "$results" 390 1400
shot results-1280.png "$results" 1280 1100
