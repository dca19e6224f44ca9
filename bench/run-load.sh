#!/usr/bin/env bash
# Startup time and the hot paths under load (issue 15, part 10). Starts the compiled service in development mode on a
# fresh database (demo accounts and round; dropped afterwards) once to migrate and seed it, then again to time the
# launch until readiness answers, then runs bench/LoadBenchmark.java against it.
# Usage: bash bench/run-load.sh   (CONNECTIONS=32 DURATION=10 WARMUP=5 PORT=8090)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
PORT="${PORT:-8090}"
DB="levelfield_bench_$$"
LOG="$(mktemp)"
PID=""
psql -h 127.0.0.1 -U postgres -qc "create database $DB" postgres
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
cleanup() { stop; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" postgres || true; rm -f "$LOG"; }
trap cleanup EXIT
launch() {
  local start ready
  start=$(date +%s%N)
  MICRONAUT_ENVIRONMENTS=dev PORT="$PORT" LEVELFIELD_CLOSING=false DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" \
    "$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "target/classes:$(cat target/bench-classpath.txt)" org.levelfield.Application > "$LOG" 2>&1 &
  PID=$!
  until curl -sf "http://localhost:$PORT/health/readiness" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$LOG"; exit 1; }; sleep 0.05; done
  ready=$(date +%s%N)
  echo "$1: launch to readiness $(( (ready - start) / 1000000 )) ms; Micronaut: $(grep -o 'Startup completed in [0-9]*ms' "$LOG" | head -1)"
}
launch "first start (migrates and seeds the empty database)"
stop
launch "second start (database ready)"
"$JAVA" -Dbase="http://localhost:$PORT" -Dconnections="${CONNECTIONS:-32}" -Dseconds="${DURATION:-10}" -Dwarmup="${WARMUP:-5}" \
  bench/LoadBenchmark.java
