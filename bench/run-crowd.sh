#!/usr/bin/env bash
# A crowd at the deadline (issue 15, part 3): 200 organisations send their tenders at once to the packaged service, from
# a JVM of their own (bench/CrowdBenchmark.java). Packages the service, starts the jar in development mode on a fresh
# database (the demo accounts and round; dropped afterwards), adds the crowd's organisations and accounts (seed_crowd in
# bench/readiness.sh), and runs the benchmark: the first burst of tenders after the start, then the crowd.
# Usage: bash bench/run-crowd.sh   (COUNT=200 PAUSE=10 PORT=8091 RUNS=1: each run starts the service afresh, with
# new organisations; AOT=1 first trains a JDK AOT cache and starts each run with it, as bench/run-load.sh measures;
# JVM_OPTS="..." adds options to the service's JVM; WARM=1 first sends the service bench/load-wrk.sh's four phases, 5 s each, as a service at a deadline has been
# answering sign-ins, pages and self-checks for weeks: the network threads' code is then compiled, not interpreted)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
prepare_bench crowd
PORT="${PORT:-8091}"
COUNT="${COUNT:-200}"
OPTS=(${JVM_OPTS:-})
if [ "${AOT:-0}" = 1 ]; then
  start_dev_service "$PORT" "$DB" "$WORK/rules-cache" "$LOG" "$JAR" "${OPTS[@]}" -XX:AOTCacheOutput="$WORK/levelfield.aot"
  PID=$SERVICE_PID
  wait_until_ready "$PORT" "$PID" || { cat "$LOG"; exit 1; }
  stop
  OPTS+=(-XX:AOTCache="$WORK/levelfield.aot")
fi
for run in $(seq 1 "${RUNS:-1}"); do
  start_dev_service "$PORT" "$DB" "$WORK/rules-cache" "$LOG" "$JAR" "${OPTS[@]}"
  PID=$SERVICE_PID
  wait_until_ready "$PORT" "$PID" || { cat "$LOG"; exit 1; }
  seed_crowd "$DB" "$COUNT" "run$run"
  if [ "${WARM:-0}" = 1 ]; then
    DURATION=5 WARMUP=0 bash bench/load-wrk.sh "http://localhost:$PORT" > /dev/null
  fi
  echo "run $run ($(date +%H:%M:%S)):"
  "$JAVA" -Dbase="http://localhost:$PORT" -Dcount="$COUNT" -Dprefix="run$run" -Dpause="${PAUSE:-10}" bench/CrowdBenchmark.java
  stop
done
