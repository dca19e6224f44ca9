#!/usr/bin/env bash
# Startup time and the hot paths under load (issue 15, part 10). Packages the service and starts the jar in development
# mode on a fresh database (demo accounts and round; dropped afterwards), timing each launch until readiness answers:
#   1. first start: migrates and seeds the database, compiles the rules (an empty compiled-rules cache);
#   2. second start: the compiled rules are read from the cache (rules/engine/CompiledRules);
#   3. a training run that writes a JDK AOT cache (-XX:AOTCacheOutput, JEP 514), then two starts that use it.
# Then runs bench/LoadBenchmark.java against the last instance and, when wrk is installed (Debian's package "wrk"),
# bench/load-wrk.sh: the same four phases with wrk's lighter client.
# Usage: bash bench/run-load.sh   (CONNECTIONS=32 DURATION=10 WARMUP=5 PORT=8090; wrk takes CONNECTIONS too, 10 if unset)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
./mvnw -q -DskipTests package
JAR="$(ls target/levelfield-*-SNAPSHOT.jar | grep -v original | head -1)"
WORK="$(mktemp -d)"
chmod 700 "$WORK"
mkdir -m 700 "$WORK/rules-cache"
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
PORT="${PORT:-8090}"
DB="levelfield_bench_$$"
LOG="$(mktemp)"
PID=""
psql -h 127.0.0.1 -U postgres -qc "create database $DB" postgres
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
cleanup() { stop; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" postgres || true; rm -rf "$LOG" "$WORK"; }
trap cleanup EXIT
launch() {
  local start ready label="$1"
  shift
  start=$(date +%s%N)
  start_dev_service "$PORT" "$DB" "$WORK/rules-cache" "$LOG" "$JAR" "$@"
  PID=$SERVICE_PID
  wait_until_ready "$PORT" "$PID" || { cat "$LOG"; exit 1; }
  ready=$(date +%s%N)
  echo "$label: launch to readiness $(( (ready - start) / 1000000 )) ms; Micronaut: $(grep -o 'Startup completed in [0-9]*ms' "$LOG" | head -1); rules $(grep -o 'compiled)\|read from the compiled-rules cache' "$LOG" | head -1)"
}
launch "first start (migrates and seeds the empty database)"
stop
launch "second start (database ready)"
stop
launch "training run (writes the AOT cache as it stops)" -XX:AOTCacheOutput="$WORK/levelfield.aot"
curl -sf -o /dev/null "http://localhost:$PORT/" || true
stop
launch "start with the AOT cache" -XX:AOTCache="$WORK/levelfield.aot"
stop
launch "start with the AOT cache, again" -XX:AOTCache="$WORK/levelfield.aot"
"$JAVA" -Dbase="http://localhost:$PORT" -Dconnections="${CONNECTIONS:-32}" -Dseconds="${DURATION:-10}" -Dwarmup="${WARMUP:-5}" \
  bench/LoadBenchmark.java
if command -v wrk > /dev/null; then
  CONNECTIONS="${CONNECTIONS:-10}" bash bench/load-wrk.sh "http://localhost:$PORT"
else
  echo "wrk is not installed: its phases are left out (apt-get install wrk)"
fi
