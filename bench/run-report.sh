#!/usr/bin/env bash
# Runs the award justification benchmark (bench/ReportBenchmark.java): warm renders in one JVM, then
# FRESH separate JVMs each rendering once from a cold start, with peak memory (heap peak from the JVM,
# maximum resident set size from /usr/bin/time when it is installed).
# Usage: bash bench/run-report.sh   (optional: TENDERS=50 RUNS=30 WARMUPS=20 FRESH=5)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
CP="target/classes:$(cat target/bench-classpath.txt)"
# The benchmark is compiled once, so a fresh JVM measures the service's code starting cold, not the source launcher.
mkdir -p target/bench
"${JAVA%/java}/javac" -q -nowarn -d target/bench -cp "$CP" bench/ReportBenchmark.java 2>/dev/null || "${JAVA%/java}/javac" -d target/bench -cp "$CP" bench/ReportBenchmark.java
run() { "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dtenders="${TENDERS:-50}" \
  -cp "target/bench:$CP" "$@" ReportBenchmark 2>&1 | grep -v "^SLF4J\|WARNING"; }
run -Dmode=warm -Druns="${RUNS:-30}" -Dwarmups="${WARMUPS:-20}"
# FLAGS adds JVM options to the fresh runs, e.g. FLAGS=-XX:TieredStopAtLevel=1 (C1 only: the usual choice for a short-lived JVM).
for i in $(seq 1 "${FRESH:-5}"); do
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "  (max resident set size %M KB, wall %e s for the whole JVM)" "$JAVA" -Xmx1g ${FLAGS:-} --enable-native-access=ALL-UNNAMED \
      --sun-misc-unsafe-memory-access=allow -Dtenders="${TENDERS:-50}" -Dmode=fresh -cp "target/bench:$CP" ReportBenchmark 2>&1 | grep -v "^SLF4J\|WARNING"
  else
    run ${FLAGS:-} -Dmode=fresh
  fi
done
