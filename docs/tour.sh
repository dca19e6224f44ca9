#!/usr/bin/env bash
# The five-minute tour of Levelfield, as a script: runs the README's tour against a live service
# and stops with a non-zero exit at the first step that does not do what it should.
#   BASE_URL      service address (default http://localhost:8080)
#   DEADLINE_SECS how long the tour's round stays open for tenders (default 20)
#   OUT           where the award justification PDF is written (default ./award-justification.pdf)
#   ACCOUNTS      a file of "role email password" lines (commissioner, evaluator, evaluator2, evaluator3,
#                 bidder, bidder2) to run the tour with real accounts instead of the demo ones
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
DEADLINE_SECS="${DEADLINE_SECS:-20}"
OUT="${OUT:-award-justification.pdf}"
PASSWORD="levelfield-demo"
BODY="$(mktemp)"
trap 'rm -f "$BODY"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'TOUR FAILED: %s\n' "$*" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(open('$BODY')); print($1)"; }

# call EXPECTED_STATUS METHOD PATH TOKEN [JSON_BODY] [extra curl args...]: the response body lands in $BODY.
call() {
  local expected="$1" method="$2" path="$3" token="$4" data="${5:-}"
  shift 5 || shift $#
  local args=(-s -o "$BODY" -w '%{http_code}' -X "$method" "$BASE_URL$path" -H 'Content-Type: application/json')
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$data" ] && args+=(--data "$data")
  local status
  status="$(curl "${args[@]}" "$@")" || fail "$method $path: no answer from $BASE_URL"
  if [ "$status" != "$expected" ]; then
    cat "$BODY" >&2; echo >&2
    fail "$method $path answered $status, expected $expected"
  fi
}

login() {
  local name="$1" password="$PASSWORD"
  if [ -n "${ACCOUNTS:-}" ]; then
    read -r name password < <(awk -v r="$1" '$1 == r { $1 = ""; sub(/^ /, ""); n = $1; $1 = ""; sub(/^ /, ""); print n, $0 }' "$ACCOUNTS")
    [ -n "$name" ] || fail "no '$1' line in $ACCOUNTS"
  fi
  call 200 POST /api/login "" "$(python3 -c 'import json,sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$name" "$password")"
  json 'd["access_token"]'
}

step "Sign in as the commissioner, three evaluators and two bidders (demo accounts unless ACCOUNTS is set)"
COMMISSIONER="$(login commissioner)"
EVALUATOR="$(login evaluator)"
EVALUATOR2="$(login evaluator2)"
EVALUATOR3="$(login evaluator3)"
BIDDER="$(login bidder)"
BIDDER2="$(login bidder2)"
echo "signed in"

step "The ruleset in force"
call 200 GET /api/rules "" ""
json '"version " + d["version"] + ", " + str(d["fileCount"]) + " rule files"'

DEADLINE="$(python3 -c "import datetime; print((datetime.datetime.now(datetime.timezone.utc)+datetime.timedelta(seconds=$DEADLINE_SECS)).strftime('%Y-%m-%dT%H:%M:%SZ'))")"
TODAY="$(date -u +%F)"
criteria() {
  cat <<JSON
[ {"title":"Price","kind":"PRICE","weight":30},
  {"title":"Service delivery and safety","kind":"QUALITY","weight":40,"descriptors":"0 no response; 3 meets the specification; 5 excellent","wordLimit":1500},
  {"title":"Race equality","kind":"EQUALITY","duty":"RACE","weight":10,"descriptors":"5 costed plan with KPIs by ethnicity; 3 credible plan; 2 or less policy only"},
  {"title":"Disability equality","kind":"EQUALITY","duty":"DISABILITY","weight":10,"descriptors":"5 BSL, Easy Read and accessible refuge resourced; 3 credible plan; 2 or less policy only"},
  {"title":"Sex equality","kind":"EQUALITY","duty":"SEX","weight":10,"descriptors":"5 gender-informed practice with justified single-sex provision; 3 credible plan; 2 or less policy only"} ]
JSON
}
EQIA="$(python3 - "$TODAY" <<'PY'
import json, sys
advancing = {"disadvantage": "Specialist lot reaches survivors the generic service misses",
             "differentNeeds": "Interpreting, BSL and culturally specific workers are costed in",
             "participation": "A survivors' panel shapes the service and reviews it yearly"}
entries = [dict({"characteristic": c, "limb": l, "evidence": "Riverside needs assessment 2026", "impact": "Positive", "mitigation": "Specialist lot"},
                **(advancing if l == "ADVANCE_EQUALITY" else {}))
           for c in ["AGE", "DISABILITY", "GENDER_REASSIGNMENT", "PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION"]
           for l in ["ELIMINATE_DISCRIMINATION", "ADVANCE_EQUALITY", "FOSTER_GOOD_RELATIONS"]]
entries.append({"characteristic": "MARRIAGE_CIVIL_PARTNERSHIP", "limb": "ELIMINATE_DISCRIMINATION", "evidence": "Riverside needs assessment 2026", "impact": "Neutral"})
print(json.dumps({"assessedOn": sys.argv[1], "relevance": "HIGH", "entries": entries}))
PY
)"
round_json() {
  local restriction="$1"
  cat <<JSON
{ "title": "Tour: Riverside domestic abuse services",
  "description": "Council, NHS and PCC pool their budgets into one round with two lots.",
  "commencementDate": "$TODAY", "tenderDeadline": "$DEADLINE",
  "partners": [
    {"name":"Riverside Council","type":"COUNCIL","lead":true,"budgetLines":[{"financialYear":"2027/28","amountPence":30000000}]},
    {"name":"Riverside NHS Integrated Care Board","type":"NHS","lead":false,"budgetLines":[{"financialYear":"2027/28","amountPence":15000000}]},
    {"name":"Riverside Police and Crime Commissioner","type":"PCC","lead":false,"budgetLines":[{"financialYear":"2027/28","amountPence":5000000}]} ],
  "lots": [
    {"title":"Community outreach","valueInclVatPence":90000000,"termMonths":36,"minTurnoverPence":60000000,"criteria":$(criteria)},
    {"title":"Black and minoritised survivors","valueInclVatPence":30000000,"termMonths":36,$restriction"criteria":$(criteria)} ],
  "eqia": $EQIA,
  "details": { "socialValueConsidered": true, "conflictsAssessedOn": "$TODAY",
    "monitoringCharacteristics": ["RACE","SEX","GENDER_REASSIGNMENT","DISABILITY","AGE","RELIGION_BELIEF","SEXUAL_ORIENTATION"],
    "dataProtectionBasis": "DPA 2018 Sch 1 para 8",
    "contractClauses": ["COMPLY_EQUALITY_ACT","ASSIST_PSED","ACKNOWLEDGE_S149_2","FLOW_DOWN_TO_SUBCONTRACTORS"] } }
JSON
}

step "Create a round whose second lot is limited to 'BME-led' bidders"
call 201 POST /api/rounds "$COMMISSIONER" "$(round_json '"eligibilityRestriction":"BME-led organisations only",')" -H "Idempotency-Key: tour-$DEADLINE"
ROUND="$(json 'd["id"]')"
json '"round " + d["id"] + ": pooled budget " + str(d["pooledTotalPence"]) + " pence"'

approve_design() {  # every partner signs off the design, then the commissioner approves it
  call 200 GET "/api/rounds/$ROUND" "$COMMISSIONER" ""
  for partner in $(json '" ".join(p["id"] for p in d["partners"])'); do
    call 200 POST "/api/rounds/$ROUND/partners/$partner/sign-off" "$COMMISSIONER" '{"signatory":"Director of Communities","signatoryRole":"Director"}'
  done
  call 200 POST "/api/rounds/$ROUND/approve-design" "$COMMISSIONER" ""
  json '"design approved " + d["designApprovedAt"] + " after sign-off by " + ", ".join(p["name"] for p in d["partners"])'
}

step "Every partner signs off the design and the commissioner approves it"
approve_design

step "Publishing is refused while RD-13 blocks it"
call 422 POST "/api/rounds/$ROUND/publish" "$COMMISSIONER" ""
json '"\n".join(f["ruleId"] + " " + f["severity"] + ": " + f["message"] for f in d["findings"])'
json '"RD-13" in [f["ruleId"] for f in d["findings"]] or sys.exit("RD-13 missing")' >/dev/null

step "Specify the service, not the supplier: reopen, remove the restriction, approve again and publish"
call 200 POST "/api/rounds/$ROUND/reopen" "$COMMISSIONER" '{"reason":"RD-13: specify the service, not the supplier identity"}'
call 200 PUT "/api/rounds/$ROUND" "$COMMISSIONER" "$(round_json '')"
approve_design

step "The short tender period is a warning (RD-22): a named officer records why the round may proceed"
call 200 POST "/api/rounds/$ROUND/design-check" "$COMMISSIONER" ""
json '"\n".join(f["ruleId"] + " " + f["severity"] + ": " + f["message"] for f in d["findings"] if f["severity"] == "WARN")'
for subject in $(json '" ".join(f["subjectId"] for f in d["findings"] if f["ruleId"] == "RD-22")'); do
  call 201 POST "/api/rounds/$ROUND/justifications" "$COMMISSIONER" \
    "{\"ruleId\":\"RD-22\",\"subjectId\":\"$subject\",\"officerName\":\"Pat Officer\",\"officerRole\":\"Head of Commissioning\",\"justification\":\"A demonstration round: the deadline is seconds away on purpose.\"}"
  json '"justified by " + d["justification"]["officerName"]'
done
call 200 POST "/api/rounds/$ROUND/publish" "$COMMISSIONER" ""
json '"status " + d["round"]["status"] + "; findings: " + ", ".join(f["ruleId"] + " " + f["severity"] for f in d["findings"])'
call 200 GET "/api/rounds/$ROUND" "$COMMISSIONER" ""
LOT1="$(json 'd["lots"][0]["id"]')"
LOT2="$(json 'd["lots"][1]["id"]')"
answers() {
  python3 - "$BODY" "$1" <<'PY'
import json, sys
round_ = json.load(open(sys.argv[1]))
lot = next(l for l in round_["lots"] if l["id"] == sys.argv[2])
print(json.dumps([{"criterionId": c["id"], "answer": "Our approach to " + c["title"].lower() + ": see section " + str(i + 1) + "."}
                  for i, c in enumerate(lot["criteria"]) if c["kind"] != "PRICE"]))
PY
}
ANSWERS1="$(answers "$LOT1")"
ANSWERS2="$(answers "$LOT2")"
# tender PRICE ANSWERS [EXTRA_JSON]: a complete tender: price and VAT basis, answers, declarations,
# equality evidence for each duty (typed), a monitoring plan, and any extra fields (consortium, subcontractors…).
tender() {
  local extra="${3:-}"
  [ -n "$extra" ] || extra='{}'
  python3 - "$1" "$2" "$extra" <<'PY'
import json, sys
body = {"pricePence": int(sys.argv[1]), "vatBasis": "VAT_EXEMPT", "answers": json.loads(sys.argv[2]),
        "declarations": {"mandatoryExclusionGround": False, "discretionaryExclusionGround": False, "conflictOfInterest": False},
        "equalityEvidence": [{"duty": d, "type": t, "description": desc} for d, t, desc in [
            ("RACE", "TRACK_RECORD", "Five years' outreach with Black and minoritised survivors, outcomes reported by ethnicity"),
            ("DISABILITY", "RESOURCE", "BSL interpreters and an accessible refuge space, costed in the price"),
            ("SEX", "KPI", "Quarterly outcomes for women, and a route for male survivors")]],
        "monitoringPlan": {"characteristics": ["RACE", "DISABILITY", "SEX", "AGE", "GENDER_REASSIGNMENT", "RELIGION_BELIEF",
                                              "SEXUAL_ORIENTATION"], "frequency": "QUARTERLY",
                           "description": "Access and outcomes by characteristic each quarter; counts under 5 suppressed",
                           "dataProtectionSafeguards": True}}
body.update(json.loads(sys.argv[3]))
print(json.dumps(body))
PY
}

step "A bidder checks its eligibility with its own profile (kept, so submission can say what changed)"
call 200 POST "/api/rounds/$ROUND/lots/$LOT1/eligibility-check/mine" "$BIDDER" ""
json '"can bid: " + str(d["canBid"]) + "; " + "; ".join(r["ruleId"] + " " + r["outcome"] for r in d["results"])'

step "A bidder asks a clarification question; the answer goes to every bidder without the asker's name"
call 201 POST "/api/rounds/$ROUND/clarifications" "$BIDDER" '{"question":"Is an undertaking to take out insurance enough?"}'
Q="$(json 'd["id"]')"
call 200 POST "/api/clarifications/$Q/answer" "$COMMISSIONER" '{"answer":"Yes: an undertaking to hold insurance from the contract start is accepted (SEL-07)."}'
call 200 GET "/api/rounds/$ROUND/clarifications" "$BIDDER2" ""
json '"bidder2 reads: Q" + str(d[0]["number"]) + " " + d[0]["question"] + " A: " + d[0]["answer"]'

step "Bidders attach files and submit sealed tenders (a consortium with a specialist subcontractor); each gets a receipt"
LETTER_FILE="$(mktemp)"
# A real one-page PDF (attachments are parsed whole): objects, then the cross-reference table with their offsets.
python3 - "$LETTER_FILE" <<'PDF'
import sys
text = b"Deaf Women's Voice commits to deliver 15% of lot 1."
stream = b"BT /F1 12 Tf 72 700 Td (" + text.replace(b"'", b"\\'") + b") Tj ET"
objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
           b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
           b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>", b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream"]
out, offsets = b"%PDF-1.4\n", []
for i, body in enumerate(objects, 1):
    offsets.append(len(out)); out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[1], "wb").write(out)
PDF
LETTER="$(curl -s -X POST "$BASE_URL/api/attachments?fileName=commitment-letter.pdf" -H "Authorization: Bearer $BIDDER" \
          -H 'Content-Type: application/pdf' --data-binary @"$LETTER_FILE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
rm -f "$LETTER_FILE"; echo "attached commitment letter $LETTER"
CONSORTIUM="{\"consortium\":[{\"name\":\"Northside Women's Aid\",\"registrationNumber\":\"GB-CHC-1100222\",\"legalForm\":\"REGISTERED_CHARITY\",\"turnoverPence\":50000000,\"role\":\"Refuge delivery\",\"declarations\":{\"mandatoryExclusionGround\":false,\"discretionaryExclusionGround\":false,\"conflictOfInterest\":false}}],\"subcontractors\":[{\"name\":\"Deaf Women's Voice CIC\",\"registrationNumber\":\"GB-COH-12345678\",\"kind\":\"SUBCONTRACTOR\",\"specialism\":\"BSL-led support\",\"sharePercent\":15,\"commitmentLetterId\":\"$LETTER\",\"paymentDays\":30,\"fullCostRecovery\":true,\"duties\":[\"DISABILITY\"]}]}"
call 201 POST "/api/rounds/$ROUND/lots/$LOT1/tenders" "$BIDDER" "$(tender 85000000 "$ANSWERS1" "$CONSORTIUM")" -H "Idempotency-Key: tour-t1-$DEADLINE"
T1="$(json 'd["tenderId"]')"; json '"receipt: tender " + d["tenderId"] + " sha256 " + d["sha256"] + "\n" + d["eligibility"]["summary"]'
call 201 POST "/api/rounds/$ROUND/lots/$LOT1/tenders" "$BIDDER" "$(tender 85000000 "$ANSWERS1" "$CONSORTIUM")" -H "Idempotency-Key: tour-t1-$DEADLINE"
[ "$(json 'd["tenderId"]')" = "$T1" ] || fail "a retried submission created a second tender"
echo "retry with the same Idempotency-Key returned the same receipt"
call 200 GET "/api/tenders/$T1/receipt" "$BIDDER" ""
[ "$(json 'd["intact"]')" = "True" ] || fail "the stored tender does not match its receipt"
echo "receipt verified against the stored tender, attachment included"
call 201 POST "/api/rounds/$ROUND/lots/$LOT1/tenders" "$BIDDER2" "$(tender 70000000 "$ANSWERS1")"
T2="$(json 'd["tenderId"]')"
call 201 POST "/api/rounds/$ROUND/lots/$LOT2/tenders" "$BIDDER" "$(tender 29000000 "$ANSWERS2")"
T3="$(json 'd["tenderId"]')"

step "Sealed: before the deadline the commissioner cannot read a tender (it answers as an unknown id would)"
call 404 GET "/api/tenders/$T1" "$COMMISSIONER" ""
json 'd["detail"]'

step "Wait for the tender deadline ($DEADLINE) and the grace the service gives tenders still in flight, then close the round"
while [ "$(date -u +%s)" -le "$(date -u -d "$DEADLINE" +%s)" ]; do sleep 1; done
# Until the grace has passed (LEVELFIELD_CLOSING_GRACE: 30 s by default, 5 s with mn:run) the service answers 409 and
# says until when; the tour waits until then and asks again.
for _ in 1 2 3 4 5; do
  status="$(curl -s -o "$BODY" -w '%{http_code}' -X POST "$BASE_URL/api/rounds/$ROUND/close" -H "Authorization: Bearer $COMMISSIONER")" \
    || fail "POST /api/rounds/$ROUND/close: no answer from $BASE_URL"
  [ "$status" = 200 ] && break
  if [ "$status" != 409 ] || ! grep -q "still being received until" "$BODY"; then
    cat "$BODY" >&2; echo >&2
    fail "POST /api/rounds/$ROUND/close answered $status, expected 200"
  fi
  received_until="$(json 'd["detail"]' | grep -o 'until [0-9TZ:.-]*' | head -1 | cut -d' ' -f2)"
  echo "tenders already in flight are received until $received_until (server time); closing after that"
  while [ "$(date -u +%s)" -le "$(date -u -d "$received_until" +%s)" ]; do sleep 1; done
done
[ "$status" = 200 ] || fail "POST /api/rounds/$ROUND/close answered $status, expected 200"
json '"status " + d["status"]'
call 409 POST "/api/rounds/$ROUND/lots/$LOT2/tenders" "$BIDDER2" "$(tender 1000 "$ANSWERS2")"
json '"a late tender is refused: " + d["detail"]'
call 200 GET "/api/tenders/$T1" "$COMMISSIONER" ""

step "The commissioner seats a panel of three on each lot; each evaluator declares any conflict with each bidder"
panel_ids="$(for t in "$EVALUATOR" "$EVALUATOR2" "$EVALUATOR3"; do call 200 GET /api/me "$t" ""; json 'd["userId"]'; done | python3 -c 'import json,sys; print(json.dumps({"evaluatorIds": sys.stdin.read().split()}))')"
for lot in "$LOT1" "$LOT2"; do call 200 POST "/api/rounds/$ROUND/lots/$lot/panel" "$COMMISSIONER" "$panel_ids"; done
for t in "$EVALUATOR" "$EVALUATOR2" "$EVALUATOR3"; do
  call 200 GET "/api/rounds/$ROUND/conflicts/mine" "$t" ""
  call 200 POST "/api/rounds/$ROUND/conflicts" "$t" "$(json 'json.dumps({"declarations": [{"organisationId": b["organisationId"], "conflicted": False} for b in d["bidders"]]})')"
done
call 200 GET "/api/rounds/$ROUND/panel" "$COMMISSIONER" ""
json '"; ".join(p["lot"] + ": " + str(len(p["members"])) + " evaluators, enough: " + str(p["enough"]) for p in d)'

step "Three evaluators score every criterion from 0 to 5 with reasons"
score() {  # score TOKEN TENDER LOT "race disability sex quality" WHO
  call 200 GET "/api/rounds/$ROUND" "$COMMISSIONER" ""
  local payload
  payload="$(python3 - "$BODY" "$3" "$4" "$5" <<'PY'
import json, sys
round_ = json.load(open(sys.argv[1]))
lot = next(l for l in round_["lots"] if l["id"] == sys.argv[2])
race, disability, sex, quality = (int(x) for x in sys.argv[3].split())
by = {"RACE": race, "DISABILITY": disability, "SEX": sex}
scores = []
for c in lot["criteria"]:
    if c["kind"] == "PRICE":
        continue
    value = by.get(c["duty"], quality)
    scores.append({"criterionId": c["id"], "score": value,
                   "reason": f"{sys.argv[4]}: section 3 on {c['title'].lower()} earns {value} for the evidence it gives."})
print(json.dumps({"scores": scores}))
PY
)"
  call 201 POST "/api/tenders/$2/scores" "$1" "$payload"
}
score "$EVALUATOR"  "$T1" "$LOT1" "4 4 5 4" "Sister Space, lot 1"
score "$EVALUATOR2" "$T1" "$LOT1" "4 3 4 4" "Sister Space, lot 1"
score "$EVALUATOR"  "$T2" "$LOT1" "3 1 2 4" "Generic Support, lot 1"
score "$EVALUATOR2" "$T2" "$LOT1" "3 1 3 5" "Generic Support, lot 1"
score "$EVALUATOR"  "$T3" "$LOT2" "5 4 4 4" "Sister Space, lot 2"
score "$EVALUATOR2" "$T3" "$LOT2" "5 4 5 4" "Sister Space, lot 2"
score "$EVALUATOR3" "$T1" "$LOT1" "4 4 5 4" "Sister Space, lot 1"
score "$EVALUATOR3" "$T2" "$LOT1" "3 1 2 4" "Generic Support, lot 1"
score "$EVALUATOR3" "$T3" "$LOT2" "5 4 5 4" "Sister Space, lot 2"
echo "scored"

step "Compute the award per lot (weighted totals, ranking, EQ-05 equality gateway)"
call 200 POST "/api/rounds/$ROUND/award" "$COMMISSIONER" ""
json '"\n".join(l["lot"] + ": " + l["outcome"] for l in d["lots"])'
json '"\n".join(f["ruleId"] + " " + f["severity"] + ": " + f["message"] for f in d["findings"])'
json 'any(f["ruleId"] == "EQ-05" for f in d["findings"]) or sys.exit("EQ-05 did not fire")' >/dev/null

step "Download the award justification PDF"
status="$(curl -s -o "$OUT" -w '%{http_code}' "$BASE_URL/api/rounds/$ROUND/award/justification.pdf" -H "Authorization: Bearer $COMMISSIONER")"
[ "$status" = 200 ] || fail "the award justification answered $status"
head -c 5 "$OUT" | grep -q '%PDF-' || fail "$OUT is not a PDF"
echo "wrote $OUT ($(wc -c < "$OUT") bytes)"
if command -v pdftotext >/dev/null 2>&1; then
  text="$(pdftotext "$OUT" - | tr -s '[:space:]' ' ')"
  for expected in "Tour: Riverside domestic abuse services" "Community outreach" "Black and minoritised survivors" \
                  "Sister Space CIO" "Generic Support Services Ltd" "Disability equality" "EQ-05" "REG-02" "Justified by Pat Officer"; do
    grep -q "$expected" <<<"$text" || fail "the PDF does not mention '$expected'"
  done
  echo "the PDF names the round, both lots, both bidders, the criteria and the rule findings"
fi
echo
echo "Tour complete."
