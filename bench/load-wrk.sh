#!/usr/bin/env bash
# The hot paths of a running Levelfield under wrk (issue 15, part 10), in one run so their ratios compare like with
# like: GET /api/me signed in as the demo bidder, GET /health, GET /health/liveness, and the anonymous eligibility
# self-check of the first lot of the first published round (the rules run on each call; bench/self-check-profile.json).
# wrk is a small C client (Debian's package "wrk"): on this two-CPU machine it leaves more of the CPUs to the service
# than bench/LoadBenchmark.java's Java clients do, which share them too.
# Usage: bash bench/load-wrk.sh http://localhost:8090   (CONNECTIONS=10 THREADS=2 DURATION=10 WARMUP=5)
# bench/run-load.sh runs it against the service it starts, when wrk is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
BASE="${1:-http://localhost:8080}"
CONNECTIONS="${CONNECTIONS:-10}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

demo_lot "$BASE" || exit 1

# phase SECONDS NAME PATH [TOKEN] [BODY_FILE]: one wrk run; prints "NAME|" and the RESULT line's figures.
phase() {
  local seconds="$1" name="$2" path="$3" token="${4:-}" body="${5:-}"
  echo "$name|$(WRK_TOKEN="$token" WRK_BODY_FILE="$body" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s bench/wrk-phase.lua "$BASE$path" | sed -n 's/^RESULT //p')"
}
# all SECONDS: the four phases in turn.
all() {
  phase "$1" "GET /api/me (signed in)" /api/me "$TOKEN"
  phase "$1" "GET /health" /health
  phase "$1" "GET /health/liveness" /health/liveness
  phase "$1" "POST eligibility-check (anonymous)" "/api/rounds/$ROUND/lots/$LOT/eligibility-check" "" bench/self-check-profile.json
}

# Every phase is warmed up before any is measured: a service just started is still compiling its hot paths.
all "$WARMUP" > /dev/null
all "$DURATION" | awk -F'|' -v c="$CONNECTIONS" -v t="$THREADS" -v d="$DURATION" -v w="$WARMUP" -v base="$BASE" '
  BEGIN { printf "wrk: %d connections on %d threads, %d s per phase after %d s warm-up of each, against %s\n", c, t, d, w, base }
  { split($2, f, " "); if (NR == 1) me = f[1]
    printf "%-38s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  (%.2f x /api/me)\n", $1, f[1], f[2], f[3], f[4], f[1] / me }'
