#!/usr/bin/env bash
# Startup to ready, this working tree against an earlier commit, measured in one run (issue 15, part 10). Packages
# both jars, gives each its own fresh database, compiled-rules cache and JDK AOT cache (a first start migrates and
# compiles, a training run writes the AOT cache), then starts them alternately in production mode, timing each launch
# from the `java` command to the first 200 from /health/readiness (polled every 20 ms without starting a process, bench/readiness.sh) and reading the process's CPU
# time from /proc at that moment. Prints each start, the medians and their ratio (this tree / the base). Before and
# after the starts it times a fixed piece of single-threaded work (SHA-256 of 256 MiB of zeros, median of three), so that
# runs made at different hours can be compared: this machine's speed has varied about twofold from one hour to the next.
# Usage: bash bench/run-startup.sh [base commit, default HEAD~1] [rounds, default 5]   (PORT=8091)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/readiness.sh
BASE="${1:-HEAD~1}"
ROUNDS="${2:-5}"
PORT="${PORT:-8091}"
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
WORK="$(mktemp -d)"
chmod 700 "$WORK"
PID=""
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
cleanup() {
  stop
  for side in base this; do psql -h 127.0.0.1 -U postgres -qc "drop database if exists levelfield_startup_${side}_$$ with (force)" postgres || true; done
  git worktree remove --force "$WORK/base-tree" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
if curl -s -o /dev/null "http://localhost:$PORT/"; then echo "Something already answers on port $PORT; stop it or set PORT" >&2; exit 1; fi

./mvnw -q -DskipTests package
cp "$(ls target/levelfield-*-SNAPSHOT.jar | grep -v original | head -1)" "$WORK/this.jar"
git worktree add -q --detach "$WORK/base-tree" "$BASE"
(cd "$WORK/base-tree" && ./mvnw -q -DskipTests package)
cp "$(ls "$WORK"/base-tree/target/levelfield-*-SNAPSHOT.jar | grep -v original | head -1)" "$WORK/base.jar"

calibrate() {
  local times=() s
  for _ in 1 2 3; do
    s=$(date +%s%N); head -c 268435456 /dev/zero | sha256sum > /dev/null; times+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

tree_of() { if [ "$1" = base ]; then echo "$WORK/base-tree"; else pwd; fi; }

# One start of a side; writes "<ms> <cpu seconds>" to $WORK/result and leaves it running as $PID. Extra arguments go
# to the JVM.
launch() {
  local side="$1" start ready
  shift
  start=$(date +%s%N)
  PORT="$PORT" LEVELFIELD_CLOSING=false DATABASE_URL="postgres://postgres@127.0.0.1:5432/levelfield_startup_${side}_$$" \
    LEVELFIELD_RULES_CACHE="$WORK/rules-cache-$side" JWT_SECRET="startup-benchmark-signing-key-of-enough-length" \
    RULES_DIR="$(tree_of "$side")/rules" TEMPLATES_DIR="$(tree_of "$side")/templates" \
    "$JAVA" -Xmx2g "$@" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "$WORK/$side.jar" \
    > "$WORK/$side.log" 2>&1 &
  PID=$!
  wait_until_ready "$PORT" "$PID" || { tail -20 "$WORK/$side.log"; exit 1; }
  ready=$(date +%s%N)
  # The process's own CPU time (user + system), which counts threads that have already ended (the rules' loaders).
  local ticks
  ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/"$PID"/stat)
  echo "$(( (ready - start) / 1000000 )) $(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }')" > "$WORK/result"
}

for side in base this; do
  psql -h 127.0.0.1 -U postgres -qc "create database levelfield_startup_${side}_$$" postgres
  mkdir -m 700 "$WORK/rules-cache-$side"
  launch "$side"; stop                                        # migrates, compiles the rules
  launch "$side" -XX:AOTCacheOutput="$WORK/$side.aot"         # training run
  curl -sf -o /dev/null "http://localhost:$PORT/" || true
  stop
done

CAL_BEFORE=$(calibrate)
declare -A TIMES
for round in $(seq 1 "$ROUNDS"); do
  for side in base this; do
    launch "$side" -XX:AOTCache="$WORK/$side.aot"
    stop
    read -r ms cpu < "$WORK/result"
    TIMES[$side]="${TIMES[$side]:-} $ms"
    printf '%-4s (%s): %5d ms to ready, CPU %s s\n' "$side" "$([ "$side" = base ] && echo "$BASE" || echo "working tree")" "$ms" "$cpu"
  done
done
median() { tr ' ' '\n' <<< "$1" | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
B=$(median "${TIMES[base]}")
T=$(median "${TIMES[this]}")
echo "machine speed: SHA-256 of 256 MiB took $CAL_BEFORE ms before the starts and $(calibrate) ms after (lower is faster)"
echo "medians: base $B ms, working tree $T ms; ratio $(awk -v t="$T" -v b="$B" 'BEGIN { printf "%.2f", t / b }') (working tree / base), $ROUNDS starts each on $(nproc) CPUs"
