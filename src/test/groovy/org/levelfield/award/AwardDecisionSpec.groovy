package org.levelfield.award

import java.time.Instant
import java.time.LocalDate

import io.micronaut.http.HttpStatus
import io.micronaut.runtime.server.EmbeddedServer
import jakarta.inject.Inject
import org.levelfield.evaluation.EvaluationRoundSpec
import org.levelfield.support.Browser
import org.levelfield.support.Journey
import org.levelfield.support.OcdsSchemas
import org.levelfield.support.PageVisitor
import org.levelfield.support.Pdfs
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

/**
 * Issue 6, "Done when", on the three-lot round of the evaluation issue (its features run first):
 * the award is refused while the decision-maker's briefing is missing and while the award-stage
 * impact assessment is dated after the decision, then made; summaries are sent before the notice of
 * Wednesday 24 December 2025, whose standstill ends on Wednesday 7 January 2026; the contract cannot
 * be signed on the 7th and is signed on the 8th.
 */
@Stepwise
class AwardDecisionSpec extends EvaluationRoundSpec {

    @Shared Map<String, String> reports = [:]
    @Inject EmbeddedServer server
    static final LocalDate DECIDED = LocalDate.of(2025, 12, 10)

    /** A due-regard record as the commissioner would keep it; a test leaves parts out or changes them. */
    Map record(Map changes = [:]) {
        def entries = RoundFixture.fullEqia(LocalDate.of(2025, 12, 5)).entries.collect { it + [evidence: "Tenders received and scored, Nov 2025"] }
        entries.find { it.characteristic == "RACE" && it.limb == "ADVANCE_EQUALITY" }.putAll([adverse: true,
                impact    : "Black and minoritised women lose the outreach sessions run by the current grant-funded group in lot A",
                mitigation: "Lot C is awarded to a by-and-for provider; lot A's contract requires a named by-and-for partner within 3 months"])
        [decisionMaker                  : [name: "Cllr Amina Shah", role: "Cabinet Member for Communities", authority: "Executive decision, constitution Part 3"],
         briefing                       : [date: "2025-12-09", coversDuty: true, by: "Equalities lead", summary: "Briefed on s149 and the award-stage EqIA"],
         awardEqia                      : [assessedOn: "2025-12-05", relevance: "HIGH", severity: "MEDIUM", entries: entries],
         equalityEffect                 : "The equality criteria (30%) decided lot C: without them Cheap Care would have ranked first before its price was disregarded.",
         consultationResponsesConsidered: "Summarised in the design report",
         reviewSchedule                 : "Annual equality review of outcomes by characteristic each April",
         specialistProvisionPlan        : "No specialist incumbent loses funding",
         monitoringPlan                 : [frequency: "QUARTERLY", disaggregatedBy: ["RACE", "SEX", "GENDER_REASSIGNMENT", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"],
                                           suppressionThreshold: 5, needsBaseline: [[group: "Black and minoritised women", expectedSharePct: 22]],
                                           disparityPct: 25, subcontractSpendReported: true],
         minutes                        : "Cabinet minutes, 10 December 2025, item 7"] + changes
    }

    /** Issues the award justification now and returns its document id, as the decision-maker's report. */
    String issueReport() {
        def pdf = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)
        assert pdf.status == HttpStatus.OK
        pdf.headers["x-document-id"]
    }

    def decide(Map lot, String report, LocalDate on = DECIDED) {
        api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: on.toString(), reportDocumentId: report])
    }

    def "every funding partner signs off the proposed award"() {
        given:
        clock.set(Instant.parse("2025-12-08T10:00:00Z"))

        when:
        def signed = round.partners.collect { p ->
            api("POST", "/api/rounds/$round.id/award/sign-offs/$p.id", who.commissioner, [signatory: "Director, ${p.name}".toString(), signatoryRole: "Director"])
        }
        def again = api("POST", "/api/rounds/$round.id/award/sign-offs/${round.partners[0].id}", who.commissioner, [signatory: "X", signatoryRole: "Y"])

        then:
        signed*.status.every { it == HttpStatus.CREATED }
        api("GET", "/api/rounds/$round.id/award/sign-offs", who.scrutiny).body.every { it.signed }
        again.status == HttpStatus.CONFLICT
    }

    def "the award is refused while the decision-maker's briefing is missing and the award-stage EqIA is dated after the decision; nothing is stored"() {
        given:
        def saved = api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner,
                record([briefing: null, awardEqia: record().awardEqia + [assessedOn: "2025-12-12"]]))
        reports.first = issueReport()
        clock.set(Instant.parse("2025-12-10T15:00:00Z"))
        long before = count("award_decision")

        when:
        def refused = decide(lots.A, reports.first)

        then:
        saved.status == HttpStatus.OK
        refused.status == HttpStatus.UNPROCESSABLE_ENTITY
        refused.body.findings*.ruleId.toSet() == ["DR-01", "DR-02"] as Set
        refused.body.detail.contains("made aware of the equality duty before 2025-12-10")
        refused.body.detail.contains("dated 2025-12-12, after the decision")
        count("award_decision") == before
    }

    def "with the briefing recorded, the EqIA dated after the decision still blocks"() {
        given:
        clock.set(Instant.parse("2025-12-10T15:05:00Z"))
        api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner, record([awardEqia: record().awardEqia + [assessedOn: "2025-12-12"]]))
        reports.second = issueReport()

        when:
        def refused = decide(lots.A, reports.second)

        then:
        refused.status == HttpStatus.UNPROCESSABLE_ENTITY
        refused.body.findings*.ruleId.toSet() == ["DR-02"] as Set
    }

    def "once the EqIA is dated before the decision the lots are decided; a report issued before the record in force is refused"() {
        given:
        clock.set(Instant.parse("2025-12-10T15:10:00Z"))
        def saved = api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner, record())
        def stale = decide(lots.A, reports.second)
        reports.final = issueReport()

        when:
        def decided = [lots.A, lots.B, lots.C].collect { decide(it, reports.final) }
        def listed = api("GET", "/api/rounds/$round.id/decisions", who.scrutiny).body

        then: "the stale report does not set out the record the decision rests on"
        saved.body.version == 3
        stale.status == HttpStatus.UNPROCESSABLE_ENTITY
        stale.body.findings*.ruleId.toSet() == ["DR-03", "DR-08"] as Set

        and:
        decided*.status.every { it == HttpStatus.CREATED }
        decided[0].body.decision.winner == who.generic
        decided[0].body.decision.decisionMaker == "Cllr Amina Shah"
        decided[0].body.findings.find { it.ruleId == "AW-01" }.message.contains("runner-up")
        decided[0].body.findings*.ruleId.containsAll(["AW-01", "MON-02"])
        listed*.decision*.lotId.toSet() == [lots.A.id, lots.B.id, lots.C.id].toSet()
        api("GET", "/api/rounds/$round.id/due-regard", who.scrutiny).body.versions.size() == 3
    }

    def "a second award for the same lot, and recomputing the award once a lot is decided, are refused and change nothing"() {
        given:
        long decisions = count("award_decision")
        long computations = count("award_computation")

        when:
        def second = decide(lots.A, reports.final)
        def recompute = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        second.status == HttpStatus.CONFLICT
        second.body.detail.contains("already awarded to $who.generic")
        recompute.status == HttpStatus.CONFLICT
        count("award_decision") == decisions
        count("award_computation") == computations
    }

    def "the award notice is refused before the assessment summaries are sent"() {
        given:
        clock.set(Instant.parse("2025-12-22T09:00:00Z"))

        when:
        def early = api("POST", "/api/rounds/$round.id/award-notice", who.commissioner, [publishedOn: "2025-12-22"])

        then:
        early.status == HttpStatus.UNPROCESSABLE_ENTITY
        early.body.findings*.ruleId == ["AW-05"]
        count("award_notice", "round_id = ?", UUID.fromString(round.id as String)) == 0
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
    }

    def "the summaries are refused while a reason SC-02 found weak is not rewritten; its evaluator rewrites it, keeping the original and the score (issue 13, 2.8)"() {
        given:
        String sex = lots.B.criteria.find { it.duty == "SEX" }.id
        String original = "Strong practice with women and girls throughout."
        String better = "Section 5 sets out single-sex refuge space, a route for male survivors and data by sex and gender identity."

        when:
        def refused = api("POST", "/api/rounds/$round.id/assessment-summaries", who.commissioner)
        def stillWeak = api("POST", "/api/tenders/$tenders.dwvB.tenderId/scores/$sex/reason", who.evaluator3, [reason: "Good gender-informed work."])
        def empty = api("POST", "/api/tenders/$tenders.dwvB.tenderId/scores/$sex/reason", who.evaluator3, [reason: " "])
        def bidder = api("POST", "/api/tenders/$tenders.dwvB.tenderId/scores/$sex/reason", who.bidder, [reason: better])
        def notTheirs = api("POST", "/api/tenders/$tenders.dwvB.tenderId/scores/${UUID.randomUUID()}/reason", who.evaluator3, [reason: better])

        then: "the summaries for lot B would show it: AW-03 blocks, naming whose reason on which criterion; nothing is sent"
        refused.status == HttpStatus.UNPROCESSABLE_ENTITY
        refused.body.findings.every { it.ruleId == "AW-03" && it.severity == "BLOCK" }
        refused.body.findings.any { it.message.contains("reason on 'Sex equality' for the tender from Deaf Women's Voice") }
        count("assessment_summary", "round_id = ?", UUID.fromString(round.id as String)) == 0

        and: "a rewrite that is still weak, an empty one, one by a bidder and one for a score that is not the evaluator's are refused"
        stillWeak.status == HttpStatus.BAD_REQUEST
        stillWeak.body.errors.find { it.field == "reason" }.message.contains("still weak")
        empty.status == HttpStatus.BAD_REQUEST
        bidder.status == HttpStatus.FORBIDDEN
        notTheirs.status == HttpStatus.NOT_FOUND
        count("score_reason_rewrite", "tender_id = ?", UUID.fromString(tenders.dwvB.tenderId as String)) == 0

        when: "the evaluator rewrites it"
        def rewritten = api("POST", "/api/tenders/$tenders.dwvB.tenderId/scores/$sex/reason", who.evaluator3, [reason: better])

        then: "the original is kept, the score is unchanged, and the rewrite is audited"
        rewritten.status == HttpStatus.CREATED
        rewritten.body.originalReason == original
        rewritten.body.reason == better
        api("GET", "/api/tenders/$tenders.dwvB.tenderId/scores", who.commissioner).body.find { it.criterionId == sex && it.reason == original }.score == 4
        count("audit_entry", "kind = 'SCORE_REASON_REWRITTEN' and round_id = ?", UUID.fromString(round.id as String)) == 1
    }

    def "each bidder's assessment summary is sent: its own scores and reasons per criterion and, if it lost, the winner's and why"() {
        when:
        def sent = api("POST", "/api/rounds/$round.id/assessment-summaries", who.commissioner)
        def own = api("GET", "/api/tenders/$tenders.sistersA.tenderId/assessment-summary.pdf", who.bidder)
        def others = api("GET", "/api/tenders/$tenders.genericA.tenderId/assessment-summary.pdf", who.bidder)
        def evaluator = api("GET", "/api/tenders/$tenders.sistersA.tenderId/assessment-summary.pdf", who.evaluator)
        def text = Pdfs.text(own.bytes)

        then:
        sent.status == HttpStatus.CREATED
        sent.body.size() == 6
        sent.body.count { it.successful } == 3
        own.status == HttpStatus.OK
        own.headers["x-document-sha256"] == sent.body.find { it.tenderId == tenders.sistersA.tenderId }.sha256
        others.status == HttpStatus.NOT_FOUND
        evaluator.status == HttpStatus.NOT_FOUND
        Pdfs.pdfaFailures(own.bytes) == []
        Pdfs.info(own.bytes).title == "Assessment summary: $who.sisters, Community outreach".toString()

        and: "its own scores with explanations, the moderated race score, and the winner's scores and reasons"
        text.contains("Your tender: $who.sisters")
        text.contains("82.24")
        text.contains("evaluator2: section 2 of the tender on race equality earns 4.")

        and: "evaluators are not named, but each keeps one number on every criterion"
        !text.contains("Evaluator2 ")
        text.contains("Evaluator 2 (4): evaluator2: section 2 of the tender on race equality earns 4.")
        text.contains("Evaluator 2 (4): evaluator2: section 2 of the tender on service delivery and safety earns 4.")
        text.contains("Moderated to 3: Section 2 names outreach partners but does not cost them")
        text.contains("The winning tender: $who.generic")
        text.contains("86.00")
        text.contains("ranked 2 of 2")
        text.contains("8 working days beginning with the day the contract award notice is published")
        !text.contains("£850,000")

        and: "lot B's summaries show the rewritten reason, not the weak original"
        def lotB = sql.query("select content::text from assessment_summary where tender_id in (?, ?)", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row,
                UUID.fromString(tenders.dwvB.tenderId as String), UUID.fromString(tenders.genericB.tenderId as String))
        lotB.size() == 2
        lotB.every { it.contains("Section 5 sets out single-sex refuge space") && !it.contains("Strong practice with women and girls throughout.") }

        and: "the bidder was told"
        count("bidder_notice", "tender_id = ? and message like '%assessment summary%'", UUID.fromString(tenders.sistersA.tenderId)) == 1
    }

    def "the bidder reads its summary on a web page with the same content as its PDF, from the notice's link"() {
        given: "the bidder signs in to the pages (on the real clock, as a browser's session is)"
        Instant then = clock.instant()
        clock.followSystemClock()
        def v = new PageVisitor(server.URL.toString(), PASSWORD)
        v.signIn(api("GET", "/api/me", who.bidder).body.username as String)
        String tenderId = tenders.sistersA.tenderId
        def pdf = api("GET", "/api/tenders/$tenderId/assessment-summary.pdf", who.bidder)
        String text = Pdfs.text(pdf.bytes)

        when:
        def notices = v.open("/notices")
        def award = v.open("/tenders/$tenderId/award")
        def page = v.open("/tenders/$tenderId/award/assessment-summary")
        def others = v.open("/tenders/$tenders.genericA.tenderId/award/assessment-summary")
        String shown = page.body.replaceAll(/<[^>]+>/, " ").replaceAll(/\s+/, " ").replace("&#39;", "'")
        def narrow = [:]
        def violations = [:]
        [1000, 320].each { width ->
            def browser = new Browser(width)
            try {
                def j = new Journey(browser, server.URL.toString(), false)
                j.signIn(api("GET", "/api/me", who.bidder).body.username as String, PASSWORD)
                ["/tenders/$tenderId/award", "/tenders/$tenderId/award/assessment-summary"].each { p ->
                    j.open(p as String)
                    j.check("award-w$width-" + p.tokenize("/").last())
                    if (!j.fitsWidth()) narrow["$width $p"] = true
                }
                violations.putAll(j.violations)
            } finally {
                browser.quit()
            }
        }
        clock.set(then)

        then:
        notices.body.contains("href=\"/tenders/$tenderId/award\"")
        notices.body.contains("Read your assessment summary")
        !notices.body.contains("/api/tenders/")
        award.body.contains("href=\"/tenders/$tenderId/award/assessment-summary\"")
        page.status == 200
        others.status == 404
        shown.contains(pdf.headers["x-document-sha256"] as String)
        ["Your tender: $who.sisters", "82.24", "Evaluator 2 (4): evaluator2: section 2 of the tender on race equality earns 4.",
         "Moderated to 3: Section 2 names outreach partners but does not cost them", "The winning tender: $who.generic", "86.00",
         "8 working days beginning with the day the contract award notice is published"].every { String part ->
            text.contains(part) && shown.contains(part)
        }
        !shown.contains("£850,000")

        and: "in Chromium, both pages pass axe and fit a small phone"
        violations.isEmpty()
        narrow.isEmpty()
    }

    def "the notice of Wednesday 24 December 2025 starts a standstill that ends on Wednesday 7 January 2026"() {
        given:
        clock.set(Instant.parse("2025-12-24T09:00:00Z"))

        when:
        def notice = api("POST", "/api/rounds/$round.id/award-notice", who.commissioner, [publishedOn: "2025-12-24"])
        def read = api("GET", "/api/rounds/$round.id/award-notice", who.bidder)
        def publicVersions = api("GET", "/api/rounds/$round.id/documents", who.scrutiny).body.findAll { it.kind == "AWARD_JUSTIFICATION_PUBLIC" }

        then:
        notice.status == HttpStatus.CREATED

        and: "publishing the notice issued the public justification, so the public award page has it from that moment"
        publicVersions.size() == 1
        publicVersions[0].issuedAt == "2025-12-24T09:00:00Z"
        notice.body.regime == "PA_2023"
        notice.body.mandatory
        notice.body.lastDay == "2026-01-07"
        notice.body.contractFrom == "2026-01-08"
        notice.body.standstill.skipped*.date.containsAll(["2025-12-25", "2025-12-26", "2026-01-01"])
        read.body.lastDay == "2026-01-07"

        and: "the light-touch lot alone is exempt; its light-touch status does not lift the standstill from the other lots"
        with(notice.body.lots.find { it.lot == "Black and minoritised survivors" }) { lightTouch && !mandatory && !observed && contractFrom == "2025-12-24" }
        notice.body.lots.findAll { it.lot != "Black and minoritised survivors" }.every { !it.lightTouch && it.mandatory && it.contractFrom == "2026-01-08" }
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "STANDSTILL"
    }

    def "the contract cannot be marked signed during the standstill, and is signed the day after it ends"() {
        given:
        clock.set(Instant.parse("2026-01-07T16:00:00Z"))

        when:
        def during = api("POST", "/api/rounds/$round.id/contract-signed", who.commissioner, [signedOn: "2026-01-07"])
        def statusDuring = api("GET", "/api/rounds/$round.id", who.commissioner).body.status
        long signedDuring = count("award_notice", "contract_signed_on is not null and round_id = ?", UUID.fromString(round.id as String))
        clock.set(Instant.parse("2026-01-08T10:00:00Z"))
        def after = api("POST", "/api/rounds/$round.id/contract-signed", who.commissioner, [signedOn: "2026-01-08"])

        then:
        during.status == HttpStatus.UNPROCESSABLE_ENTITY
        during.body.findings*.ruleId == ["AW-06"]
        during.body.detail.contains("earliest day is 2026-01-08")
        statusDuring == "STANDSTILL"
        signedDuring == 0
        after.status == HttpStatus.OK
        after.body.contractSignedOn == "2026-01-08"
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARDED"
    }

    def "the full report contains every tender's scores, reasons and findings, and the due-regard record, and is PDF/A"() {
        when:
        // The commissioner issues it; scrutiny reads it as issued.
        api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)
        def pdf = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny)
        def text = Pdfs.text(pdf.bytes)
        def results = api("GET", "/api/rounds/$round.id/award/results", who.scrutiny).body

        then:
        pdf.status == HttpStatus.OK
        Pdfs.pdfaFailures(pdf.bytes) == []
        results.lots.collectMany { it.tenders }.every { t ->
            text.contains(t.bidder) && t.criteria.every { c -> c.evaluatorScores.every { e -> text.contains(e.reason) } } &&
                    t.findings.every { f -> text.contains(f.message) }
        }
        text.contains("Cllr Amina Shah")
        text.contains("Black and minoritised women lose the outreach sessions")
        text.contains("Former employee of Generic Support (2024)")
    }

    def "the public version leaves out losing prices, evaluators' names and the conflicts log's names, and anyone signed in can read it"() {
        when:
        def full = Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny).bytes)
        def pub = api("GET", "/api/rounds/$round.id/award/justification-public.pdf", who.bidder2)
        def text = Pdfs.text(pub.bytes)

        then: "the full version has them"
        full.contains("£850,000")
        full.contains("Evaluator4")
        full.contains("Former employee of Generic Support (2024)")

        and: "the public version does not, but keeps the scores, reasons, findings and the due-regard record"
        pub.status == HttpStatus.OK
        Pdfs.pdfaFailures(pub.bytes) == []
        Pdfs.info(pub.bytes).title.startsWith("Award justification (public version)")
        !text.contains("£850,000")
        !text.contains("Evaluator4")
        !text.contains("Former employee")
        text.contains("withheld (commercially confidential)")
        text.contains("evaluator2: section 2 of the tender on race equality earns 4.")
        text.contains("Cllr Amina Shah")
    }

    def "the OCDS release carries the standstill period and the awards as active, and validates"() {
        when:
        def release = api("GET", "/api/rounds/$round.id/award/ocds", who.scrutiny).body

        then:
        OcdsSchemas.validate(release) == []
        release.awards.size() == 3
        release.awards.every { it.status == "active" && it.date.startsWith("2025-12-10") }
        release.awards.every { it.standstillPeriod.startDate.startsWith("2025-12-24") && it.standstillPeriod.endDate.startsWith("2026-01-07") }
        release.awards.every { it.assessmentSummariesDateSent.startsWith("2025-12-22") }
        release.tag == ["award", "contract"]
        release.contracts*.dateSigned.every { it.startsWith("2026-01-08") }
        release.contracts.every { it.status in OcdsSchemas.codes("contractStatus") }
    }

    def "the scrutiny panel finds the round, reads every part of it, checks a summary by its hash, and can change none of it"() {
        when:
        api("GET", "/api/rounds/$round.id/safeguards.pdf", who.commissioner)
        def listed = api("GET", "/api/scrutiny/rounds", who.scrutiny).body.find { it.id == round.id }
        def reads = listed.read.findAll { k, v -> k != "verifyDocument" }.collectEntries { k, v -> [(k): api("GET", v, who.scrutiny).status] }
        def documents = api("GET", "/api/rounds/$round.id/documents", who.scrutiny).body
        def summary = documents.find { it.kind == "ASSESSMENT_SUMMARY" }
        def verdict = api("GET", "/api/documents/verify?sha256=$summary.sha256", who.scrutiny).body
        def base = "/api/rounds/$round.id"
        def writes = [["PUT", "$base/due-regard"], ["POST", "$base/lots/$lots.A.id/decision"], ["POST", "$base/assessment-summaries"],
                      ["POST", "$base/award-notice"], ["POST", "$base/contract-signed"], ["POST", "$base/award/sign-offs/${round.partners[0].id}"],
                      ["POST", "$base/award"]].collect { api(it[0], it[1].toString(), who.scrutiny, [:]).status }

        then:
        listed.status == "AWARDED"
        listed.lotsDecided == 3
        listed.assessmentSummariesSent == 6
        listed.contractSignedOn == "2026-01-08"
        reads.every { k, v -> v == HttpStatus.OK }
        documents*.kind.toSet().containsAll(["AWARD_JUSTIFICATION", "AWARD_JUSTIFICATION_PUBLIC", "ASSESSMENT_SUMMARY"])
        verdict.issued
        verdict.documents[0].kind == "ASSESSMENT_SUMMARY"
        writes.every { it == HttpStatus.FORBIDDEN }
    }

    def "the audit trail holds the decisions and the chain is intact"() {
        when:
        def verify = api("GET", "/api/audit/verify", who.scrutiny).body
        def kinds = api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body*.kind

        then:
        verify.intact
        kinds.containsAll(["AWARD_SIGNED_OFF", "DUE_REGARD_RECORDED", "AWARD_DECIDED", "ASSESSMENT_SUMMARIES_SENT", "AWARD_NOTICE_PUBLISHED", "CONTRACT_SIGNED"])
    }

    /** What a reader of any of the documents must never meet (issue 16, "Award documents a councillor can read"). */
    static List<String> defects(String text) {
        def found = []
        def check = { String what, pattern -> def m = text =~ pattern; if (m.find()) found << (what + ": '" + m.group() + "'") }
        check("a raw code", /\b[A-Z]{2,}_[A-Z_]{2,}\b/)
        check("a code in brackets", /EQUALITY \(|\((RACE|DISABILITY|SEX)\)/)
        check("a code in lower case", /(?i)religion belief/)
        check("an ISO timestamp", /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
        check("an ISO date", /\b\d{4}-\d{2}-\d{2}\b/)
        check("a second style of time", /\b\d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}\b/)
        check("an unranked rank", /(?i)rank not ranked|\bnot ranked\b/)
        check("a lead with no runner-up", /n\/a \(no runner-up\)/)
        check("a wrong plural", /\b1 (warnings|findings|partners|flags|entries|tenders)\b/)
        check("a plural left to the reader", /\w\(s\)/)
        check("a row of dashes", /(?m)^[\s|:]*-{2,}[\s|:-]*$/)
        check("a row of dash cells", /(?m)^\s*-(\s+-){2,}\s*$/)
        found
    }

    def "every document reads as a careful officer would write it: words not codes, dates in words, no rows of dashes, no word broken in a column (issue 16)"() {
        when:
        def full = Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny).bytes)
        def pub = Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification-public.pdf", who.bidder2).bytes)
        def lostA = Pdfs.text(api("GET", "/api/tenders/$tenders.sistersA.tenderId/assessment-summary.pdf", who.bidder).bytes)
        def wonA = Pdfs.text(api("GET", "/api/tenders/$tenders.genericA.tenderId/assessment-summary.pdf", who.bidder2).bytes)
        def cheap = Pdfs.text(api("GET", "/api/tenders/$tenders.cheapC.tenderId/assessment-summary.pdf", extra.cheapToken).bytes)
        def documents = [full: full, "public": pub, "summary (lost)": lostA, "summary (won)": wonA, "summary (cheap)": cheap]

        then: "none of the defects a reader met before"
        documents.collectEntries { k, v -> [(k): defects(v)] }.findAll { k, v -> !v.isEmpty() } == [:]

        and: "column headings are whole words"
        full.contains("Disability") && full.contains("Evaluators' scores")
        !(full =~ /(?m)^\s*ty\s/)

        and: "the public version does not repeat an officer's question that quotes a losing price"
        full.contains("How does £150,000 cover the specification?")
        !pub.contains("cover the specification")
        !(pub =~ /Cheap Care Ltd \S+ £/)

        and: "the summaries state the method, the gateway that disqualifies and every evaluator's reason on its own line"
        [lostA, wonA, cheap].every { it.contains("The equality gateway (rule EQ-05) was published as disqualifying") }
        lostA.contains("Price earned the lowest compliant price divided by the tender's price")
        def lines = Pdfs.lines(api("GET", "/api/tenders/$tenders.sistersA.tenderId/assessment-summary.pdf", who.bidder).bytes)
        lines.any { it.startsWith("Evaluator 2 (") }
        !lines.any { it.contains("Evaluator 1 (") && it.contains("Evaluator 2 (") }
    }

    def "every document is tagged for a screen reader and passes veraPDF's PDF/A-2a and PDF/UA-1 checks (issue 16)"() {
        when:
        def pdfs = [justification       : api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny).bytes,
                    "justification-public": api("GET", "/api/rounds/$round.id/award/justification-public.pdf", who.bidder2).bytes,
                    "summary-lost"        : api("GET", "/api/tenders/$tenders.sistersA.tenderId/assessment-summary.pdf", who.bidder).bytes,
                    "summary-disqualified": api("GET", "/api/tenders/$tenders.cheapC.tenderId/assessment-summary.pdf", extra.cheapToken).bytes,
                    safeguards           : api("GET", "/api/rounds/$round.id/safeguards.pdf", who.commissioner).bytes]
        def folder = new File("target/documents")
        folder.mkdirs()
        pdfs.each { name, bytes -> new File(folder, "${name}.pdf").bytes = bytes }
        def report = pdfs.collectEntries { name, bytes ->
            def tree = Pdfs.structure(bytes)*.trim()
            [(name): [tagged   : Pdfs.tagged(bytes),
                      pdfa     : Pdfs.pdfaFailures(bytes),
                      pdfua    : Pdfs.pdfuaFailures(bytes),
                      title    : tree.find { it.startsWith("H1 ") },
                      sections : tree.count { it.startsWith("H2 ") },
                      headers  : tree.count { it.startsWith("TH[Column] ") },
                      cells    : tree.count { it.startsWith("TD") }]]
        }

        then: "each is tagged, archival and accessible as far as a machine can tell"
        report.findAll { name, r -> !r.tagged || r.pdfa || r.pdfua } == [:]

        and: "a screen reader meets the title as the first heading, the sections as headings, and tables with column headers"
        report.every { name, r -> r.title && r.sections >= 2 && r.headers >= 2 && r.cells > r.headers }
        report.justification.title == "H1 Award justification: " + round.title
    }

    def "the scrutiny pack holds every input of the award and recomputes to it; a pack with a changed score does not (issue 16)"() {
        when: "scrutiny downloads the pack, and sends it back to be recomputed"
        def reply = api("GET", "/api/scrutiny/rounds/$round.id/pack", who.scrutiny)
        def text = new String(reply.bytes, "UTF-8")
        def pack = new groovy.json.JsonSlurper().parseText(text)
        def again = api("POST", "/api/scrutiny/packs/recompute", who.scrutiny, text).body

        and: "a copy in which the runner-up of one lot scored 5 from every evaluator on every scored criterion"
        def altered = new groovy.json.JsonSlurper().parseText(text)
        def lot = altered.lots.find { l -> l.result.tenders.any { it.rank == 2 && !it.disqualified } }
        def second = lot.result.tenders.find { it.rank == 2 }
        lot.tenders.find { it.tenderId == second.tenderId }.scores.each { criterion, list -> list.each { it.score = 5 } }
        lot.tenders.find { it.tenderId == second.tenderId }.consensus = [:]
        def changed = api("POST", "/api/scrutiny/packs/recompute", who.scrutiny, altered).body

        and: "the computation the audit trail recorded, and the justification as issued"
        def computed = api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body.findAll { it.kind == "AWARD_COMPUTED" }.last()
        def justification = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny)

        then: "it is a download holding every lot's inputs and result, the findings by stage, the documents and the chain"
        reply.status == HttpStatus.OK
        reply.headers["content-disposition"].startsWith("attachment")
        pack.format == "levelfield-scrutiny-pack/1"
        pack.rulesetVersion ==~ /[0-9a-f]{64}/
        pack.thresholds.eqSubMin != null
        pack.lots.size() == 3
        pack.lots.every { l -> l.criteria.size() >= 4 && l.tenders.size() == l.result.tenders.size() && l.priceFormula == "RATIO" }
        pack.lots.collectMany { it.tenders }.every { t -> t.pricePence > 0 && t.scores.values().flatten().every { it.evaluator && it.reason && it.score != null } }
        pack.lots.any { l -> !l.disqualified.isEmpty() }
        pack.findings.keySet() == ["ROUND_DESIGN", "SCORING", "AWARD"] as Set
        pack.findings.ROUND_DESIGN.every { it.ruleId && it.severity && it.citation }
        pack.documents*.sha256.contains(justification.headers["x-document-sha256"])
        pack.audit.intact

        and: "the pack names the computation the audit trail recorded"
        new groovy.json.JsonSlurper().parseText(computed.detail as String).sha256 == pack.award.sha256

        and: "recomputed, it gives every lot back as recorded"
        again.matches
        again.lots.size() == 3
        again.lots.every { it.matches && it.differences.isEmpty() }

        and: "with the runner-up's scores changed, it does not, and says where"
        !changed.matches
        def differs = changed.lots.find { !it.matches }
        differs.lot == lot.lot
        differs.differences.any { it.contains("The tender from ${second.bidder} totals") }

        and: "a body that is not a pack is refused, and a bidder gets no pack"
        api("POST", "/api/scrutiny/packs/recompute", who.scrutiny, [hello: "world"]).status == HttpStatus.BAD_REQUEST
        api("POST", "/api/scrutiny/packs/recompute", who.scrutiny, "{\"format\": ").status == HttpStatus.BAD_REQUEST
        api("GET", "/api/scrutiny/rounds/$round.id/pack", who.bidder).status == HttpStatus.FORBIDDEN
        api("GET", "/api/scrutiny/rounds/${UUID.randomUUID()}/pack", who.scrutiny).status == HttpStatus.NOT_FOUND
    }

    def "anyone, without signing in, finds the award, reads its page and the public justification, and gets valid OCDS (issue 16)"() {
        given: "the public version was issued when the notice went out"
        def issued = api("GET", "/api/rounds/$round.id/award/justification-public.pdf", who.commissioner)

        when:
        def list = new String(api("GET", "/awards").bytes, "UTF-8")
        def page = api("GET", "/awards/$round.id")
        def html = new String(page.bytes, "UTF-8")
        def pdf = api("GET", "/awards/$round.id/justification.pdf")
        def pack = api("GET", "/ocds/releases.json").body
        def mine = pack.releases.find { it.ocid.endsWith(round.id as String) }

        then: "the list and the page need no account"
        list.contains(round.title as String)
        page.status == HttpStatus.OK
        html.contains("Lots and winners") && html.contains("From SMEs") && html.contains("The equality analysis")
        html.contains("Rules it was let under") && html.contains("A covered procurement: the full procurement rules")
        html.contains(issued.headers["x-document-sha256"] as String)

        and: "nothing the public version leaves out is on the page"
        !html.contains("cover the specification")
        !html.contains("£150,000 ")
        !(html =~ /Evaluator2|Evaluator3/)

        and: "the PDF is the public version as issued"
        pdf.status == HttpStatus.OK
        pdf.headers["x-document-sha256"] == issued.headers["x-document-sha256"]

        and: "the package holds a valid OCDS 1.1.5 release with the UK extension for the round"
        pack.version == "1.1"
        pack.uri.endsWith("/ocds/releases.json")
        pack.publisher.name
        mine != null
        OcdsSchemas.validate(mine) == []
        api("GET", "/awards/$round.id/ocds.json").body.ocid == mine.ocid

        and: "an unknown or malformed id is simply not found"
        api("GET", "/awards/${UUID.randomUUID()}").status == HttpStatus.NOT_FOUND
        api("GET", "/awards/not-an-id").status == HttpStatus.NOT_FOUND
        api("GET", "/awards/${UUID.randomUUID()}/justification.pdf").status == HttpStatus.NOT_FOUND
    }
}
