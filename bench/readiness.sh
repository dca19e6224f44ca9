# Sourced by the benchmarks.
#
# start_dev_service PORT DATABASE RULES_CACHE LOG JAR [JVM option...]: starts JAR in development mode (the demo accounts
# and round; the job that closes rounds at their deadline off) on PORT, against the database DATABASE of the PostgreSQL
# at 127.0.0.1:5432 (user postgres), its compiled rules in RULES_CACHE and its output in LOG, with $JAVA; sets
# SERVICE_PID. The JVM gets 2 GB of heap and the options the packaged jar needs on JDK 25.
start_dev_service() {
  local port="$1" db="$2" cache="$3" log="$4" jar="$5"
  shift 5
  MICRONAUT_ENVIRONMENTS=dev PORT="$port" LEVELFIELD_CLOSING=false DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" \
    LEVELFIELD_RULES_CACHE="$cache" "$JAVA" "$@" -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -jar "$jar" > "$log" 2>&1 &
  SERVICE_PID=$!
}

# wait_until_ready PORT PID: returns once GET /health/readiness on localhost:PORT answers
# 200, or 1 if the process PID ends first. It polls every 20 ms with bash's own /dev/tcp and a read timeout, starting no
# process: a poller that starts curl and sleep 50 times a second spent about a quarter of this two-CPU machine and
# made each start look about 0.5 s slower than it was.
wait_until_ready() {
  local port="$1" pid="$2" status pause
  pause="$(mktemp -u)"
  mkfifo -m 600 "$pause"
  exec 8<>"$pause"
  rm -f "$pause"
  while :; do
    if { exec 7<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&7
      status=""
      read -r -t 10 status <&7 || true
      exec 7<&-
      if [[ "$status" == *" 200 "* ]]; then exec 8<&-; return 0; fi
    fi
    if ! kill -0 "$pid" 2>/dev/null; then exec 8<&-; return 1; fi
    read -r -t 0.02 -u 8 || true
  done
}
