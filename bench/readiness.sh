# Sourced by the benchmarks.
#
# prepare_bench NAME: packages the service and sets what a benchmark of its jar needs: JAR, JAVA (JDK 25), WORK (a
# private folder, with WORK/rules-cache for the compiled rules), LOG (the service's output, in WORK), DB (a fresh database
# levelfield_NAME_<pid>, made now) and PID (the service's process, once started); stop() stops that service, and on exit
# the service is stopped, the database dropped and WORK removed.
prepare_bench() {
  ./mvnw -q -DskipTests package
  JAR="$(ls target/levelfield-*-SNAPSHOT.jar | grep -v original | head -1)"
  WORK="$(mktemp -d)"
  chmod 700 "$WORK"
  mkdir -m 700 "$WORK/rules-cache"
  JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}/bin/java"
  DB="levelfield_$1_$$"
  LOG="$WORK/service.log"
  PID=""
  psql -h 127.0.0.1 -U postgres -qc "create database $DB" postgres
  trap 'stop; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" postgres || true; rm -rf "$WORK"' EXIT
}
stop() { if [ -n "${PID:-}" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }

# start_dev_service PORT DATABASE RULES_CACHE LOG JAR [JVM option...]: starts JAR in development mode (the demo accounts
# and round; the job that closes rounds at their deadline off) on PORT, against the database DATABASE of the PostgreSQL
# at 127.0.0.1:5432 (user postgres), its compiled rules in RULES_CACHE and its output in LOG, with $JAVA; sets
# SERVICE_PID. The JVM gets 2 GB of heap and the production JVM options (docker/jvm.options; run from the project folder).
start_dev_service() {
  local port="$1" db="$2" cache="$3" log="$4" jar="$5"
  shift 5
  MICRONAUT_ENVIRONMENTS=dev PORT="$port" LEVELFIELD_CLOSING=false DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" \
    LEVELFIELD_RULES_CACHE="$cache" "$JAVA" "$@" -Xmx2g @docker/jvm.options \
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

# seed_crowd DATABASE COUNT PREFIX: adds COUNT bidding organisations to a database the development service has seeded,
# each a copy of the demo's Sister Space CIO (its complete profile, with its own name and registration numbers and an
# income of £2 million, so that both demo lots' turnover conditions are met) with one member, a bidder account named
# PREFIX-1 to PREFIX-COUNT that signs in with the demo accounts' password: the crowd of bench/CrowdBenchmark.java.
# Written straight into the database, as a benchmark's fixture: registering 200 organisations through the pages would
# take 200 confirmation emails.
seed_crowd() {
  local db="$1" count="$2" prefix="$3"
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$db" <<SQL
begin;
create temp table crowd_org on commit drop as
  select g as n, o.* from generate_series(1, $count) g cross join organisation o where o.name = 'Sister Space CIO';
update crowd_org set id = gen_random_uuid(), name = 'Crowd ' || '$prefix' || ' ' || n,
  registration_number = 'GB-CHC-$prefix-' || n, charity_number = '$prefix-' || n, company_number = null, income_pence = 200000000;
create temp table crowd_user on commit drop as
  select c.n, u.* from app_user u cross join crowd_org c where u.username = 'bidder';
update crowd_user u set id = gen_random_uuid(), username = '$prefix-' || n, display_name = 'Crowd bidder ' || n, email = null,
  organisation_id = (select c.id from crowd_org c where c.n = u.n);
alter table crowd_org drop column n;
alter table crowd_user drop column n;
insert into organisation select * from crowd_org;
insert into app_user select * from crowd_user;
insert into organisation_member (organisation_id, user_id, added_at) select organisation_id, id, created_at from crowd_user;
commit;
SQL
}

# demo_lot BASE: signs in at BASE (a service in development mode) as the demo bidder and sets TOKEN, ROUND (the first
# published round) and LOT (that round's first lot); the anonymous self-check is then BASE/api/rounds/ROUND/lots/LOT/
# eligibility-check. Says what is missing and returns 1 if it cannot.
demo_lot() {
  local base="$1"
  json_field() { grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
  TOKEN="$(curl -sf -H 'Content-Type: application/json' -d '{"username":"bidder","password":"levelfield-demo"}' "$base/api/login" | json_field access_token)"
  [ -n "$TOKEN" ] || { echo "could not sign in as the demo bidder at $base (is it running in development mode?)" >&2; return 1; }
  ROUND="$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/rounds" | json_field id)"
  LOT="$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/rounds/$ROUND" | tr -d '\n' | grep -o '"lots" *: *\[ *{ *"id" *: *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
  [ -n "$ROUND" ] && [ -n "$LOT" ] || { echo "no published round with a lot at $base" >&2; return 1; }
}

# self_check_wrk URL SECONDS: the anonymous self-check at URL (from demo_lot) under wrk for SECONDS, THREADS threads and
# CONNECTIONS connections (2 and 10 if unset), sending bench/self-check-profile.json; prints wrk-phase.lua's figures:
# "<requests a second> <p50 ms> <p99 ms> <errors> <requests>".
self_check_wrk() {
  WRK_BODY_FILE=bench/self-check-profile.json wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-10}" -d"$2s" -s bench/wrk-phase.lua "$1" |
    sed -n 's/^RESULT //p'
}
