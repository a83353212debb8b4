# Shared by the bench scripts: tools, the jar, plain Fuseki, servers that are always stopped, and a
# record of the machine's conditions. Source it; do not run it.
#
# Every server started here binds 127.0.0.1 only and is stopped on exit (trap EXIT), by its own
# process id. Every wait is bounded in count and in time.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$BENCH_DIR/target"
RESULTS="$BENCH_DIR/results"
FUSEKI_VERSION=5.6.0
FUSEKI_JAR="$WORK/fuseki/jena-fuseki-server-$FUSEKI_VERSION.jar"
JAR="$WORK/tonet-lod.jar"
# The same JVM settings for tonet-lod and plain Fuseki; override with JVM_OPTS=...
JVM_OPTS="${JVM_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC}"
mkdir -p "$WORK" "$RESULTS"

SERVER_PIDS=()
declare -A SERVER_NAME=()

# One measurement at a time: two bench runs would share the two cores, the ports and
# bench/target/ (the jar copy, the dump, the logs), and spoil each other.
exec 9>"$WORK/.bench.lock"
if ! flock -n 9; then
  echo "another bench script is running (lock $WORK/.bench.lock); run one measurement at a time" >&2
  exit 1
fi

# port_free PORT... : fails when something already listens on a port (a server would not bind,
# and the measurement would reach the other one).
port_free() {
  local p
  for p in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "port $p on 127.0.0.1 is in use; choose another (see the script's *_PORT settings)" >&2
      return 1
    fi
  done
}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    log "need root (or sudo) to run: $*"
    return 1
  fi
}

# need_tools CMD... : installs the Debian packages of missing commands (wrk, hyperfine, ...).
need_tools() {
  local missing=()
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || missing+=("$c")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "${missing[@]}" \
    || { as_root apt-get update && as_root apt-get install -y --no-install-recommends "${missing[@]}"; }
}

# A copy of the jar for this run, so that a rebuild in the working tree during a measurement
# changes nothing. Builds it first when there is none (BUILD=1 forces a build; TONET_JAR=FILE uses
# that jar instead).
snapshot_jar() {
  if [ -n "${TONET_JAR:-}" ]; then # a jar built elsewhere, e.g. from a clean checkout
    cp "$TONET_JAR" "$JAR"
    log "using $(sha256sum "$JAR" | cut -c1-12) of $TONET_JAR"
    return 0
  fi
  if [ "${BUILD:-0}" = 1 ] || [ ! -f "$ROOT/target/tonet-lod.jar" ]; then
    log "building target/tonet-lod.jar"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
  fi
  cp "$ROOT/target/tonet-lod.jar" "$JAR"
  log "using $(sha256sum "$JAR" | cut -c1-12) of target/tonet-lod.jar ($(date -u -r "$ROOT/target/tonet-lod.jar" +%FT%TZ))"
}

# compile_bench : compiles bench/src against the jar measured into $WORK/bench-classes (not part of
# the jar); sets CP to both.
compile_bench() {
  CLASSES="$WORK/bench-classes"
  rm -rf "$CLASSES"
  mkdir -p "$CLASSES"
  javac -encoding UTF-8 -cp "$JAR" -d "$CLASSES" $(find "$BENCH_DIR/src" -name '*.java')
  CP="$JAR:$CLASSES"
}

# Plain Fuseki from Maven Central, through Maven's own client.
fetch_fuseki() {
  [ -f "$FUSEKI_JAR" ] && return 0
  log "fetching org.apache.jena:jena-fuseki-server:$FUSEKI_VERSION from Maven Central"
  mkdir -p "$(dirname "$FUSEKI_JAR")"
  (cd "$ROOT" && mvn -B -q dependency:copy \
    -Dartifact=org.apache.jena:jena-fuseki-server:$FUSEKI_VERSION \
    -DoutputDirectory="$(dirname "$FUSEKI_JAR")")
  [ -f "$FUSEKI_JAR" ]
}

# start_server NAME DIR CMD... : starts a server in DIR in the background, logs to $WORK/logs/NAME.log.
# Sets SERVER_PID.
start_server() {
  local name=$1 dir=$2
  shift 2
  mkdir -p "$WORK/logs" "$dir"
  (cd "$dir" && exec "$@") >"$WORK/logs/$name.log" 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  SERVER_NAME[$SERVER_PID]=$name
  log "started $name (pid $SERVER_PID)"
}

# stop_server PID : stops one server started here, waiting at most 20 s before SIGKILL.
stop_server() {
  local pid=$1 i p keep=()
  for p in "${SERVER_PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  SERVER_PIDS=("${keep[@]}")
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# servers_alive : fails, saying which, when a server started here (and not stopped) has ended: a
# measurement against it would measure nothing.
servers_alive() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "server ${SERVER_NAME[$pid]:-?} (pid $pid) has ended; its log: $WORK/logs/${SERVER_NAME[$pid]:-?}.log"
      return 1
    fi
  done
}

stop_all() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    stop_server "$pid"
  done
  SERVER_PIDS=()
}
trap stop_all EXIT

# wait_query URL SECONDS : until a SPARQL query on URL answers 200, at most SECONDS (10 ms steps).
wait_query() {
  local url=$1 seconds=$2 i
  for i in $(seq 1 $((seconds * 100))); do
    if curl -sf -o /dev/null --max-time 2 --data-urlencode 'query=ASK {}' "$url"; then
      return 0
    fi
    sleep 0.01
  done
  log "no answer from $url after $seconds s"
  return 1
}

# wait_quiet MAX_SECONDS : waits (bounded) until the 1-minute load average is below LOAD_MAX
# (default 0.5), so that a measurement does not share the two cores with other work.
wait_quiet() {
  local max=$1 limit=${LOAD_MAX:-0.5} i load
  for i in $(seq 1 $((max / 5 + 1))); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v m="$limit" 'BEGIN { exit !(l < m) }'; then
      return 0
    fi
    [ "$i" = 1 ] && log "load average $load >= $limit: waiting up to $max s for a quiet machine"
    sleep 5
  done
  log "still busy (load $(cut -d' ' -f1 /proc/loadavg)); measuring anyway, see conditions"
}

# conditions : what the machine was and what else was running, for the results.
conditions() {
  echo "date: $(date -u +%FT%TZ)"
  echo "host: $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory: $(free -m | awk '/Mem:/ {print $2 " MiB total, " $7 " MiB available"}')"
  echo "java: $(java -version 2>&1 | sed -n 1p)"
  echo "jvm options: $JVM_OPTS"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "busiest processes (lifetime CPU %; the measured servers and wrk included):"
  ps -eo pid,pcpu,rss,comm --sort=-pcpu | sed -n '2,6p' | sed 's/^/  /'
}

# Our own dump of the seed, for plain Fuseki, exported with the base ours serves under.
export_dump() {
  local base=$1 out=$2
  rm -rf "$out"
  java -jar "$JAR" export --out "$out" --base-iri "$base" >/dev/null 2>&1
  # The same triples as our SPARQL default graph (the union of data, ontology and description).
  cat "$out/tonet.ttl" "$out/tonet-ontology.ttl" "$out/void.ttl" >"$out/union.ttl"
}
