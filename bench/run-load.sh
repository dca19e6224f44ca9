#!/usr/bin/env bash
# Startup time and the hot paths under load (issue 15, part 10). Packages the service and starts the jar in development
# mode on a fresh database (demo accounts and round; dropped afterwards), timing each launch until readiness answers:
#   1. first start: migrates and seeds the database, compiles the rules (an empty compiled-rules cache);
#   2. second start: the compiled rules are read from the cache (rules/engine/CompiledRules);
#   3. a training run that writes a JDK AOT cache (-XX:AOTCacheOutput, JEP 514), then two starts that use it.
# Then runs bench/LoadBenchmark.java against the last instance and, when wrk is installed (Debian's package "wrk"),
# bench/load-wrk.sh: the same four phases with wrk's lighter client. Last, 200 organisations send a tender each at once
# (bench/CrowdBenchmark.java, organisations added by seed_crowd in bench/readiness.sh): 200 concurrent submitters'
# arrival lags and answer times.
# First, with nothing of the service running, bench/MachinePauses.java prints how often this machine stopped its own
# busy threads, and for how long; again at the end, once the service has stopped.
# Usage: bash bench/run-load.sh   (CONNECTIONS=32 DURATION=10 WARMUP=5 PORT=8090; wrk takes CONNECTIONS too, 10 if unset)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
prepare_bench bench
"$JAVA" bench/MachinePauses.java 5   # before any service starts: the machine alone
PORT="${PORT:-8090}"
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
seed_crowd "$DB" 200 crowd
"$JAVA" -Dbase="http://localhost:$PORT" -Dcount=200 -Dprefix=crowd bench/CrowdBenchmark.java
stop
"$JAVA" bench/MachinePauses.java 5
