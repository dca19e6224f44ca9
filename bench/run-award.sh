#!/usr/bin/env bash
# Runs the end-to-end award benchmark (bench/AwardBenchmark.java): rounds built through the
# application services in a fresh PostgreSQL database (on DATABASE_URL or localhost:5432; dropped
# afterwards), then the award computation and its justification PDF timed for each round size.
# Usage: bash bench/run-award.sh   (optional: SIZES=10,50,200,500,1000 OTHERS=100 OTHER_TENDERS=10 RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
"$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dlogback.configurationFile=bench/logback-bench.xml \
  -Dsizes="${SIZES:-10,50,200,500,1000}" -Dothers="${OTHERS:-100}" -DotherTenders="${OTHER_TENDERS:-10}" -Druns="${RUNS:-5}" \
  -cp "target/classes:$(cat target/bench-classpath.txt)" bench/AwardBenchmark.java 2>&1 | grep -v "^SLF4J\|WARNING"
