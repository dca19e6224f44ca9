#!/usr/bin/env bash
# Switches Levelfield on as a council would, against a running production service on an empty
# database, then runs the tour with the accounts it made (not the demo ones) and checks the audit
# trail. Needs curl, python3 and psql; the emailed links are read from the outbox table (a mail
# server would deliver them).
#   BASE_URL      service address (default http://localhost:8080)
#   DATABASE_URL  the service's database, for create-admin and for reading the outbox
#   JAR           the packaged service (default target/levelfield-0.1.0-SNAPSHOT.jar)
#   JAVA          a Java 25 runtime (default: the JDK 25 under /usr/lib/jvm)
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_URL="${BASE_URL:-http://localhost:8080}"
JAR="${JAR:-target/levelfield-0.1.0-SNAPSHOT.jar}"
# A Java 25 runtime: JAVA, or the JDK 25 under /usr/lib/jvm (the default java here may be 17), or java.
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}"; JAVA="${JAVA:-java}"
: "${DATABASE_URL:?set DATABASE_URL to the database of the service}"
ACCOUNTS="$(mktemp)"
trap 'rm -f "$ACCOUNTS"' EXIT

fail() { printf 'FIRST RUN FAILED: %s\n' "$*" >&2; exit 1; }
post() { curl -s -X POST "$BASE_URL$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} --data "$2"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token() { post /api/login "{\"username\":\"$1\",\"password\":\"$2\"}" | field '["access_token"]'; }
link() { psql "$DATABASE_URL" -Atc "select body from outbox_message where lower(recipient) = lower('$1') order by created_at desc limit 1" \
           | grep -o "/account/$2/[A-Za-z0-9_-]*" | head -1 | sed "s|/account/$2/||"; }

echo "== The first admin, from the command (the password read from standard input)"
echo "riverside admin lantern 42" | "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" create-admin --email ada@riverside.gov.uk --name "Ada Admin" --password-stdin
ADMIN="$(token ada@riverside.gov.uk 'riverside admin lantern 42')"

echo "== The admin invites a commissioner, three evaluators and a scrutiny member; each accepts and chooses a password"
while read -r role email password; do
  post /api/admin/invitations "{\"email\":\"$email\",\"role\":\"$role\"}" "$ADMIN" >/dev/null
  secret="$(link "$email" invitation)"; [ -n "$secret" ] || fail "no invitation email to $email"
  post /api/account/invitation/accept "{\"token\":\"$secret\",\"name\":\"$email\",\"password\":\"$password\"}" | field '["status"]'
done <<'STAFF'
COMMISSIONER chris.c@riverside.gov.uk heron bridge commissioning
EVALUATOR eve.e@riverside.gov.uk copper kettle evaluation
EVALUATOR esi.e@riverside.gov.uk maple orchard scoring
EVALUATOR ezra.e@riverside.gov.uk granite river marking
SCRUTINY cllr.sam@riverside.gov.uk quiet library scrutiny
STAFF
cat > "$ACCOUNTS" <<'LIST'
commissioner chris.c@riverside.gov.uk heron bridge commissioning
evaluator eve.e@riverside.gov.uk copper kettle evaluation
evaluator2 esi.e@riverside.gov.uk maple orchard scoring
evaluator3 ezra.e@riverside.gov.uk granite river marking
bidder bola@sisterspace.org.uk sister space kitchen table
bidder2 ben@genericsupport.co.uk generic support ledger
LIST

echo "== A charity and a company register themselves and confirm their addresses"
register() {  # name legalForm orgId email password person profileExtra
  post /api/organisations/sign-up "{\"organisationName\":\"$1\",\"legalForm\":\"$2\",\"registrationNumber\":\"$3\",\"name\":\"$6\",\"email\":\"$4\",\"password\":\"$5\"}" | field '["message"]'
  post /api/account/confirm-email "{\"token\":\"$(link "$4" confirm-email)\"}" >/dev/null
  local t; t="$(token "$4" "$5")"
  local org; org="$(curl -s "$BASE_URL/api/me" -H "Authorization: Bearer $t" | field '["organisationId"]')"
  curl -s -o /dev/null -w "profile %{http_code}\n" -X PUT "$BASE_URL/api/organisations/$org/profile" -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
    --data "{\"name\":\"$1\",\"legalForm\":\"$2\",\"registrationNumber\":\"$3\",$7,\"experience\":[{\"description\":\"Grant-funded outreach\",\"kind\":\"GRANT_FUNDED\",\"valuePerYearPence\":18000000,\"fromYear\":2019}]}"
}
register "Sister Space CIO" CIO GB-CHC-1190001 bola@sisterspace.org.uk "sister space kitchen table" "Bola Adeyemi" \
  '"incomePence":30000000,"staffHeadcount":9,"accountsType":"INDEPENDENT_EXAMINATION","insuranceHeld":false,"insuranceUndertaking":true'
register "Generic Support Services Ltd" COMPANY GB-COH-09990001 ben@genericsupport.co.uk "generic support ledger" "Ben Smith" \
  '"incomePence":1200000000,"staffHeadcount":310,"accountsType":"AUDITED","insuranceHeld":true,"insuranceUndertaking":false'

echo "== The tour, with these accounts"
ACCOUNTS="$ACCOUNTS" BASE_URL="$BASE_URL" bash docs/tour.sh

echo "== The audit trail, on the real clock"
SCRUTINY="$(token cllr.sam@riverside.gov.uk 'quiet library scrutiny')"
curl -s "$BASE_URL/api/audit/verify" -H "Authorization: Bearer $SCRUTINY" | python3 -c "import sys; t = sys.stdin.read(); print(t, file=sys.stderr); print(t)" | field '["intact"]' | grep -qx True || fail "the audit trail does not verify"
echo "first run complete: the audit trail is intact"
