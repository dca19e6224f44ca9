#!/usr/bin/env bash
# Two builds (or two sets of JVM options) of the service compared on the anonymous self-check under wrk, both running at
# once (issue 15, part 10). Each jar gets a fresh database and starts in development mode; both are warmed up, then
# measured in turn, 10 s each, ROUNDS times: a, b, a, b, ... While one is measured the other is idle, so a slow minute of
# this shared machine falls on both alike. bench/ab-wrk.sh starts each build afresh instead; there, the difference
# between two fresh starts of the same jar was often larger than the difference being looked for (docs/benchmarks.md,
# "Stop 40").
# The machine's own pauses (bench/MachinePauses.java) are measured before the services start and after they stop.
# Usage: bash bench/pair-wrk.sh a.jar b.jar   (ROUNDS=6 WARM=3 CONNECTIONS=10 THREADS=2; PostgreSQL on 127.0.0.1:5432)
# A_OPTS and B_OPTS add JVM options to one side, e.g. the same jar twice: A_OPTS= B_OPTS=-Xms512m bash bench/pair-wrk.sh app.jar app.jar
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
[ $# -eq 2 ] || { echo "usage: bash bench/pair-wrk.sh a.jar b.jar" >&2; exit 2; }
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
ROUNDS="${ROUNDS:-6}" WARM="${WARM:-3}" CONNECTIONS="${CONNECTIONS:-10}" THREADS="${THREADS:-2}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  kill "${PIDS[@]}" 2>/dev/null || true
  wait "${PIDS[@]}" 2>/dev/null || true
  for side in a b; do psql -h 127.0.0.1 -U postgres -qc "drop database if exists levelfield_pair_${side}_$$ with (force)" postgres > /dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# start SIDE PORT JAR OPTIONS: a fresh database and a development-mode service on PORT.
start() {
  local side="$1" port="$2" jar="$3" opts="$4"
  psql -h 127.0.0.1 -U postgres -qc "create database levelfield_pair_${side}_$$" postgres
  mkdir -m 700 "$WORK/rules-cache-$side"
  # shellcheck disable=SC2086 # the options are words
  start_dev_service "$port" "levelfield_pair_${side}_$$" "$WORK/rules-cache-$side" "$WORK/$side.log" "$jar" $opts
  PIDS+=("$SERVICE_PID")
  wait_until_ready "$port" "$SERVICE_PID" || { echo "$side did not start; its log:" >&2; tail -20 "$WORK/$side.log" >&2; exit 1; }
}

# self_check_url PORT: the self-check address of the demo round's first lot (demo_lot in bench/readiness.sh).
self_check_url() {
  demo_lot "http://localhost:$1" || exit 1
  echo "http://localhost:$1/api/rounds/$ROUND/lots/$LOT/eligibility-check"
}

# measure URL: one 10 s wrk run of the self-check; prints "<requests a second> <p50 ms> <p99 ms> <errors> <requests>".
measure() { self_check_wrk "$1" 10; }

PAUSES_BEFORE="$("$JAVA" bench/MachinePauses.java 5)"
start a 8093 "$1" "${A_OPTS:-}"
start b 8094 "$2" "${B_OPTS:-}"
A_URL="$(self_check_url 8093)"
B_URL="$(self_check_url 8094)"
for _ in $(seq 1 "$WARM"); do measure "$A_URL" > /dev/null; measure "$B_URL" > /dev/null; done
echo "self-check under wrk ($CONNECTIONS connections, $THREADS threads), 10 s a run after $WARM warm-up runs each; a: $1 ${A_OPTS:-}; b: $2 ${B_OPTS:-}"
for round in $(seq 1 "$ROUNDS"); do
  for side in a b; do
    url="$A_URL"; [ "$side" = b ] && url="$B_URL"
    read -r rate p50 p99 errors _ <<< "$(measure "$url")"
    printf '%s round %d  %8.0f req/s  p50 %5.2f ms  p99 %6.2f ms  errors %d\n' "$side" "$round" "$rate" "$p50" "$p99" "$errors"
  done
done | tee "$WORK/runs"
kill "${PIDS[@]}" 2>/dev/null || true
wait "${PIDS[@]}" 2>/dev/null || true
PIDS=()
echo "before the starts, $PAUSES_BEFORE"
echo "after the stops,  $("$JAVA" bench/MachinePauses.java 5)"
# median FIELD SIDE: the median of one column of a side's runs.
median() { grep "^$2 " "$WORK/runs" | awk -v f="$1" '{ print $f }' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for side in a b; do
  echo "$side: median $(median 4 "$side") req/s, median p99 $(median 10 "$side") ms, p99 under 10 ms in" \
    "$(grep "^$side " "$WORK/runs" | awk '$10 < 10' | wc -l) of $ROUNDS runs"
done
