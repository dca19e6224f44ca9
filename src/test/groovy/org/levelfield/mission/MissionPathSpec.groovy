package org.levelfield.mission

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Pdfs
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.security.MessageDigest
import java.time.Duration
import java.time.Instant

/**
 * The whole mission over the HTTP API, against real PostgreSQL, the rules in rules/ and a real
 * PDF: create, refused publication, fix, publish, sealed tenders, close, score, award, justification.
 */
@MicronautTest(transactional = false)
@Stepwise
class MissionPathSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Instant deadline
    @Shared Map tenders = [:]

    def "a commissioner creates a draft round with partners, pooled budget lines, lots and weighted criteria"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-03-02T09:00:00Z"))
        deadline = Instant.parse("2026-04-06T12:00:00Z")
        def request = RoundFixture.aRound(deadline)
        request.lots[1].eligibilityRestriction = "BME-led organisations only"
        request.lots[0].minTurnoverPence = 180_000_000

        when:
        def reply = api("POST", "/api/rounds", who.commissioner, request)
        round = reply.body

        then:
        reply.status == HttpStatus.CREATED
        round.status == "DRAFT"
        round.pooledTotalPence == 50_000_000
        round.partners*.sharePercent == [60.0, 30.0, 10.0]
        round.lots*.title == ["Community outreach", "Deaf and disabled survivors"]
        count("round", "id = ?::uuid", round.id) == 1
        count("criterion c join lot l on l.id = c.lot_id", "l.round_id = ?::uuid", round.id) == 10
    }

    def "publishing an approved design is refused with the findings while a BLOCK stands, and the round is not published"() {
        when:
        def reply = approveAndPublish(round, who.commissioner)

        then:
        reply.status == HttpStatus.UNPROCESSABLE_ENTITY
        reply.contentType.startsWith("application/problem+json")
        reply.body.detail.contains("RD-13")
        def byId = reply.body.findings.groupBy { it.ruleId }
        byId["RD-13"].first().severity == "BLOCK"
        byId["RD-13"].first().message.contains("BME-led organisations only")
        byId["RD-06"].first().severity == "WARN"
        byId["RD-06"].first().message.contains("6.0x the annual value")
        byId["RD-06"].first().force == "L5"
        byId["REG-02"].first().message.contains("Procurement Act 2023")
        reply.body.findings.every { it.citation && it.ruleName && it.subjectLabel }

        and: "the round is not published"
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "DESIGN_APPROVED"
    }

    def "the commissioner fixes the design and publishes; the ruleset version is recorded"() {
        given:
        def fixed = RoundFixture.aRound(deadline)

        when:
        def reopened = api("POST", "/api/rounds/$round.id/reopen", who.commissioner, [reason: "Remove the BME-led restriction; reduce turnover"])
        def revised = api("PUT", "/api/rounds/$round.id", who.commissioner, fixed)
        def published = approveAndPublish(revised.body, who.commissioner)
        round = published.body.round

        then:
        reopened.status == HttpStatus.OK
        revised.status == HttpStatus.OK
        published.status == HttpStatus.OK
        round.status == "PUBLISHED"
        round.rulesetVersion == api("GET", "/api/rules/version").body.version
        !published.body.findings.any { it.severity == "BLOCK" }
    }

    def "bidders submit sealed tenders before the deadline and each gets a receipt"() {
        given:
        clock.set(Instant.parse("2026-03-20T10:00:00Z"))
        Map lot1 = round.lots[0]
        Map lot2 = round.lots[1]

        when:
        def first = api("POST", "/api/rounds/$round.id/lots/$lot1.id/tenders", who.bidder,
                RoundFixture.tender(lot1, 85_000_000, RoundFixture.consortiumWith("Northside Women's Aid", 50_000_000)), ["Idempotency-Key": "sisters-lot1"])
        def retried = api("POST", "/api/rounds/$round.id/lots/$lot1.id/tenders", who.bidder,
                RoundFixture.tender(lot1, 85_000_000, RoundFixture.consortiumWith("Northside Women's Aid", 50_000_000)), ["Idempotency-Key": "sisters-lot1"])
        def second = api("POST", "/api/rounds/$round.id/lots/$lot1.id/tenders", who.bidder2,
                RoundFixture.tender(lot1, 70_000_000))
        def third = api("POST", "/api/rounds/$round.id/lots/$lot2.id/tenders", who.bidder,
                RoundFixture.tender(lot2, 29_000_000))
        tenders = [sisters1: first.body, generic1: second.body, sisters2: third.body]

        then:
        [first, second, third]*.status == [HttpStatus.CREATED] * 3
        first.body.receivedAt == "2026-03-20T10:00:00Z"
        first.body.sha256 ==~ /[0-9a-f]{64}/

        and: "the retry with the same Idempotency-Key returned the same receipt and stored nothing new"
        retried.status == HttpStatus.CREATED
        retried.body == first.body
        count("tender", "round_id = ?::uuid", round.id) == 3

        and: "the bidder can verify the stored tender against the receipt"
        with(api("GET", "/api/tenders/$first.body.tenderId/receipt", who.bidder).body) {
            sha256 == first.body.sha256
            intact
        }
    }

    def "no one but the bidder can read a tender before the deadline"() {
        expect:
        api("GET", "/api/tenders/$tenders.sisters1.tenderId", who[role]).status == expected

        where:
        role           | expected
        "bidder"       | HttpStatus.OK
        "colleague"    | HttpStatus.OK
        "commissioner" | HttpStatus.NOT_FOUND
        "evaluator"    | HttpStatus.NOT_FOUND
        "scrutiny"     | HttpStatus.NOT_FOUND
        "admin"        | HttpStatus.NOT_FOUND
        "bidder2"      | HttpStatus.NOT_FOUND
    }

    def "a tender one second after the deadline is refused with the server time and the deadline"() {
        given:
        clock.set(deadline.plusSeconds(1))
        Map lot2 = round.lots[1]

        when:
        def reply = api("POST", "/api/rounds/$round.id/lots/$lot2.id/tenders", who.bidder2,
                RoundFixture.tender(lot2, 28_000_000))

        then:
        reply.status == HttpStatus.CONFLICT
        reply.body.detail.contains("2026-04-06T12:00:00Z")
        reply.body.detail.contains("2026-04-06T12:00:01Z")
        count("tender", "round_id = ?::uuid", round.id) == 3
    }

    def "after the deadline the round is closed"() {
        when:
        def reply = api("POST", "/api/rounds/$round.id/close", who.commissioner)

        then:
        reply.status == HttpStatus.OK
        reply.body.status == "CLOSED"
        api("GET", "/api/tenders/$tenders.sisters1.tenderId", who.commissioner).status == HttpStatus.OK
    }

    def "evaluators record a 0-5 score with a reason for every criterion"() {
        given: "the commissioner seats a panel on each lot, and each evaluator declares no conflict with any bidder"
        seatPanel(round, who)
        declareNoConflicts(round, who)
        Map lot1 = round.lots[0]
        Map lot2 = round.lots[1]
        def plan = [
                [who.evaluator, tenders.sisters1, lot1, [RACE: 4, DISABILITY: 4, SEX: 5], 4],
                [who.evaluator2, tenders.sisters1, lot1, [RACE: 4, DISABILITY: 3, SEX: 4], 4],
                [who.evaluator, tenders.generic1, lot1, [RACE: 3, DISABILITY: 1, SEX: 2], 4],
                [who.evaluator2, tenders.generic1, lot1, [RACE: 3, DISABILITY: 1, SEX: 3], 5],
                [who.evaluator, tenders.sisters2, lot2, [RACE: 5, DISABILITY: 4, SEX: 4], 4],
                [who.evaluator2, tenders.sisters2, lot2, [RACE: 5, DISABILITY: 4, SEX: 5], 4],
        ]

        when:
        def replies = plan.collect { token, tender, lot, duties, quality ->
            api("POST", "/api/tenders/$tender.tenderId/scores", token, RoundFixture.scores(lot, duties, quality, "Panel"))
        }

        then:
        replies*.status.every { it == HttpStatus.CREATED }
        count("score s join tender t on t.id = s.tender_id", "t.round_id = ?::uuid", round.id) == 24
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "EVALUATION"
    }

    def "the award is computed per lot with weighted totals, ranking and the EQ-05 gateway"() {
        when:
        def reply = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def lot1 = reply.body.lots.find { it.lot == "Community outreach" }
        def lot2 = reply.body.lots.find { it.lot == "Deaf and disabled survivors" }

        then:
        reply.status == HttpStatus.OK
        def eq05 = reply.body.findings.find { it.ruleId == "EQ-05" }
        eq05.severity == "FAIL"
        eq05.subjectId == tenders.generic1.tenderId
        eq05.message.contains("disability 1")

        and: "each lot's winner is tested for robustness: it holds under every scenario"
        reply.body.robustness*.lot.toSet() == ["Community outreach", "Deaf and disabled survivors"].toSet()
        reply.body.robustness.every { it.stable && (it.summary.contains("stays the winner") || it.summary.contains("is the only tender still in the running")) }

        and: "the disqualified tender is not ranked and its lower price does not set the lowest compliant price"
        lot1.lowestCompliantPricePence == 85_000_000
        with(lot1.tenders.find { it.tenderId == tenders.generic1.tenderId }) {
            disqualified
            rank == null
            disqualifiedBecause.first().startsWith("EQ-05")
        }

        and: "the winner's total follows from the published method"
        // price 30 x 85/85 = 30; quality 40 x 4/5 = 32; race 10 x 4/5 = 8; disability 10 x 3.5/5 = 7; sex 10 x 4.5/5 = 9
        with(lot1.tenders.find { it.tenderId == tenders.sisters1.tenderId }) {
            total == 86.00
            rank == 1
        }
        lot1.provisionalWinner == tenders.sisters1.tenderId
        lot2.provisionalWinner == tenders.sisters2.tenderId
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
        count("award_computation", "round_id = ?::uuid", round.id) == 1

        and: "the scrutiny panel reads the findings of both stages"
        with(api("GET", "/api/rounds/$round.id/findings", who.scrutiny).body) {
            it["round-design"]*.ruleId.containsAll(["REG-01", "REG-02"])
            // EQ-05 disqualified Generic Support; its £700,000 is 82% of the one other compliant price (£850,000) and the lot has
            // no pre-tender estimate (its £900,000 value is none), so SC-08 does not flag it;
            // EQ-02 records its disability score of 1 against the policy-only anchor; SC-05 and SC-06 record each lot's method
            it["scoring"]*.ruleId.toSet() == ["EQ-02", "EQ-05", "SC-05", "SC-06"] as Set
            it["scoring"].findAll { it.severity == "FAIL" }*.ruleId == ["EQ-05"]
        }
    }

    def "the award justification PDF names the round, lots, bidders, every score and reason, and the rule findings"() {
        when:
        // The commissioner issues it; scrutiny reads the document as issued (and issues none itself).
        assert api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).status == HttpStatus.OK
        def reply = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny)
        def info = Pdfs.info(reply.bytes)
        def text = Pdfs.text(reply.bytes)

        then:
        reply.status == HttpStatus.OK
        reply.contentType == "application/pdf"
        info.title == "Award justification: Riverside domestic abuse services"
        info.language == "en-GB"
        info.fonts.every { it.embedded }
        Pdfs.pdfaFailures(reply.bytes) == []
        ["Riverside domestic abuse services", "Community outreach", "Deaf and disabled survivors",
         who.sisters, who.generic, "Service delivery and safety", "Race equality", "Disability equality", "Sex equality",
         "EQ-05", "REG-02", "Equality gateway not met", "86.00", "Riverside NHS ICB", "60.0%"].every { text.contains(it) }
        text.contains("Panel: section 2 of the tender on disability equality earns 1.")

        and: "the issued document is stored with its SHA-256"
        String sha = MessageDigest.getInstance("SHA-256").digest(reply.bytes).encodeHex().toString()
        reply.headers["x-document-sha256"] == sha
        count("issued_document", "round_id = ?::uuid and sha256 = ?", round.id, sha) == 1

        and: "the scrutiny panel can check a copy it was given is exactly the one issued, by its bytes or its hash; an altered copy fails"
        def byHash = api("GET", "/api/documents/verify?sha256=$sha", who.scrutiny).body
        byHash.issued
        byHash.documents[0].kind == "AWARD_JUSTIFICATION"
        byHash.message.contains("Riverside domestic abuse services")
        verifyUpload(reply.bytes).issued
        !verifyUpload(flipOneByte(reply.bytes)).issued
        api("GET", "/api/documents/verify?sha256=nothex", who.scrutiny).body.errors*.field == ["sha256"]
    }

    static byte[] flipOneByte(byte[] original) {
        byte[] altered = original.clone()
        altered[altered.length - 10] = (byte) (altered[altered.length - 10] ^ 1)
        altered
    }

    Map verifyUpload(byte[] pdf) {
        def request = io.micronaut.http.HttpRequest.POST("/api/documents/verify", pdf).contentType("application/pdf").bearerAuth(who.scrutiny)
        new groovy.json.JsonSlurper().parse(http.toBlocking().retrieve(request, byte[])) as Map
    }
}
