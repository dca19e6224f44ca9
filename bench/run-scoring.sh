#!/usr/bin/env bash
# Runs the scoring benchmark (bench/ScoringBenchmark.java) against the compiled service and the
# rules in rules/. Usage: bash bench/run-scoring.sh   (optional: TENDERS=1000 RUNS=10 WARMUPS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
"$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Dtenders="${TENDERS:-1000}" -Druns="${RUNS:-10}" -Dwarmups="${WARMUPS:-5}" \
  -cp "target/classes:$(cat target/bench-classpath.txt)" bench/ScoringBenchmark.java 2>&1 | grep -v "^SLF4J\|WARNING"
