#!/usr/bin/env bash
# What the anonymous self-check allocates per request (issue 15, part 10): each young collection stops every request in
# flight, so bytes allocated per request set how often the self-check's tail meets the collector. Starts JAR (default:
# packages the service) in development mode on a fresh database, warms the self-check up under wrk (WARM s), then records
# 10 s of it with JDK Flight Recorder (settings=profile) and prints the bytes allocated per request (the heap's growth
# between collections over the requests wrk counted) and the top allocation sites (`jfr view allocation-by-site`).
# Usage: bash bench/self-check-alloc.sh [app.jar]   (WARM=30 CONNECTIONS=10 THREADS=2 PORT=8095; wrk and PostgreSQL on
# 127.0.0.1:5432 as for the other benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
WARM="${WARM:-30}" CONNECTIONS="${CONNECTIONS:-10}" THREADS="${THREADS:-2}" PORT="${PORT:-8095}"
prepare_bench alloc
[ $# -ge 1 ] && JAR="$1"
JDK_BIN="$(dirname "$JAVA")"
start_dev_service "$PORT" "$DB" "$WORK/rules-cache" "$LOG" "$JAR"
PID=$SERVICE_PID
wait_until_ready "$PORT" "$PID" || { tail -20 "$LOG"; exit 1; }
demo_lot "http://localhost:$PORT"
URL="http://localhost:$PORT/api/rounds/$ROUND/lots/$LOT/eligibility-check"
self_check_wrk "$URL" "$WARM" > /dev/null
"$JDK_BIN/jcmd" "$PID" JFR.start name=alloc settings=profile > /dev/null
read -r rate _ p99 errors requests <<< "$(self_check_wrk "$URL" 10)"
"$JDK_BIN/jcmd" "$PID" JFR.stop name=alloc filename="$WORK/alloc.jfr" > /dev/null
# Bytes allocated during the recording: the heap's growth between collections, from each collection's heap summary
# ("Before GC" less the previous "After GC"). (The allocation samples' weights gave estimates that varied by half from
# one recording to the next; the heap summaries count every byte that reached the heap.)
"$JDK_BIN/jfr" print --events jdk.GCHeapSummary "$WORK/alloc.jfr" | awk -v n="$requests" -v rate="$rate" -v p99="$p99" -v e="$errors" '
  function bytes(v, u) { return v * (u == "kB" ? 1e3 : u == "MB" ? 1e6 : u == "GB" ? 1e9 : 1) }
  /when = "Before GC"/ { when = "before" } /when = "After GC"/ { when = "after" }
  /heapUsed = / { used = bytes($3, $4)
    if (when == "before" && seen) { total += used - after; collections++ }
    if (when == "after") { after = used; seen = 1 } }
  END { printf "self-check under wrk: %d requests in 10 s (%.0f req/s, p99 %.2f ms, errors %d); %d collections; allocated %.1f GB, %.1f KB a request\n",
        n, rate, p99, e, collections, total / 1e9, total / n / 1e3 }'
"$JDK_BIN/jfr" view --width 160 allocation-by-site "$WORK/alloc.jfr" | sed -n '1,18p'
