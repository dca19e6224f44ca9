#!/usr/bin/env bash
# Two builds of the service under the same wrk phases, started alternately (issue 15, part 10): for each round, each jar
# gets a fresh database, starts in development mode, is loaded by bench/load-wrk.sh and is stopped. Alternating spreads
# the machine's slower minutes over both builds; the machine's speed (hashing 256 MB) and its own pauses
# (bench/MachinePauses.java) are printed before each run.
# Usage: bash bench/ab-wrk.sh base.jar new.jar   (ROUNDS=3 PORT=8090 WARMUP=10 DURATION=10; PostgreSQL on 127.0.0.1:5432)
# BASE_OPTS and NEW_OPTS add JVM options to one side: the same jar twice with two AOT caches from bench/train-aot.sh,
#   BASE_OPTS=-XX:AOTCache=idle.aot NEW_OPTS=-XX:AOTCache=trained.aot bash bench/ab-wrk.sh app.jar app.jar
# Make a jar of a commit with: git worktree add /tmp/base <commit> && (cd /tmp/base && ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
[ $# -eq 2 ] || { echo "usage: bash bench/ab-wrk.sh base.jar new.jar" >&2; exit 2; }
ROUNDS="${ROUNDS:-3}"
PORT="${PORT:-8090}"
export WARMUP="${WARMUP:-10}" DURATION="${DURATION:-10}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}"
WORK="$(mktemp -d)"
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

run() {
  local label="$1" jar="$2" opts="$3"
  local pauses
  pauses="$("$JAVA" bench/MachinePauses.java 5)"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists levelfield_ab" -qc "create database levelfield_ab" > /dev/null 2>&1
  start_dev_service "$PORT" levelfield_ab "$WORK/rules-cache-$label" "$WORK/$label.log" "$jar" $opts
  pid=$SERVICE_PID
  wait_until_ready "$PORT" "$pid" || { echo "$label did not start; its log:" >&2; tail -20 "$WORK/$label.log" >&2; exit 1; }
  sleep 3
  local speed
  speed=$( { /usr/bin/time -f %e bash -c 'head -c 268435456 /dev/zero | sha256sum > /dev/null'; } 2>&1 )
  echo "== $label $(date +%H:%M:%S), machine speed ${speed} s; before the start, $pauses"
  bash bench/load-wrk.sh "http://localhost:$PORT" | grep -E 'api/me|/health |eligibility'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "$ROUNDS"); do
  run "round-$round-base" "$1" "${BASE_OPTS:-}"
  run "round-$round-new" "$2" "${NEW_OPTS:-}"
done
