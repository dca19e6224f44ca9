#!/usr/bin/env bash
# A JDK AOT cache (JEP 514/515) trained under traffic: starts the jar with -XX:AOTCacheOutput in development mode on a
# fresh database, sends bench/load-wrk.sh's phases (signed-in reads, health, the anonymous self-check) for TRAIN_SECONDS
# each, then stops it, and the JVM writes the cache as it exits. The cache then holds the classes the hot paths load and
# the profiles of their methods, so a start with it compiles those paths from its first requests instead of after
# minutes of traffic. Compare with a cache from an idle training run (the README's recipe) with bench/ab-wrk.sh.
# Usage: bash bench/train-aot.sh app.jar out.aot   (TRAIN_SECONDS=5 PORT=8091; PostgreSQL on 127.0.0.1:5432; needs wrk)
# IDLE=1 trains without traffic: it stops the service 3 s after it is ready, as the README's recipe does.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
[ $# -eq 2 ] || { echo "usage: bash bench/train-aot.sh app.jar out.aot" >&2; exit 2; }
JAR="$1" OUT="$2"
PORT="${PORT:-8091}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}"
DB="levelfield_train_$$"
LOG="$(mktemp)"
RULES_CACHE="$(mktemp -d)"
psql -h 127.0.0.1 -U postgres -qc "create database $DB" postgres
trap 'kill "${pid:-}" 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" postgres > /dev/null || true; rm -rf "$LOG" "$RULES_CACHE"' EXIT
start_dev_service "$PORT" "$DB" "$RULES_CACHE" "$LOG" "$JAR" -XX:AOTCacheOutput="$OUT"
pid=$SERVICE_PID
wait_until_ready "$PORT" "$pid" || { tail -20 "$LOG" >&2; exit 1; }
sleep 3   # the rules' knowledge bases are put together in the background after the start
if [ -z "${IDLE:-}" ]; then
  WARMUP="${TRAIN_SECONDS:-5}" DURATION=1 bash bench/load-wrk.sh "http://localhost:$PORT" > /dev/null
fi
kill "$pid"
wait "$pid" 2>/dev/null || true
[ -s "$OUT" ] || { echo "no AOT cache was written; the service's log:" >&2; tail -20 "$LOG" >&2; exit 1; }
echo "$OUT: $(du -h "$OUT" | cut -f1), trained $([ -n "${IDLE:-}" ] && echo idle || echo "under wrk, ${TRAIN_SECONDS:-5} s a phase")"
