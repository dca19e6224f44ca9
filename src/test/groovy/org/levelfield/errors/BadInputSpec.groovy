package org.levelfield.errors

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Every bad request gets application/problem+json saying what was wrong, never a 500 or a stack
 * trace, and changes nothing.
 */
@MicronautTest(transactional = false)
@Stepwise
class BadInputSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Instant deadline = Instant.parse("2026-06-01T12:00:00Z")

    /** Rows in every table a request could write to, to show that a refused request wrote nothing. */
    Map<String, Long> snapshot() {
        ["round", "round_status_change", "lot", "criterion", "round_partner", "budget_line", "tender", "tender_answer",
         "score", "award_computation", "issued_document", "idempotent_request"].collectEntries { [(it): count(it)] }
    }

    void isProblem(reply, HttpStatus status) {
        assert reply.status == status
        assert reply.contentType.startsWith("application/problem+json")
        assert reply.body.status == status.code
        assert reply.body.title
        assert reply.body.detail
        assert !reply.bytes.toString().contains("at org.levelfield")
        assert !new String(reply.bytes).contains("Exception")
    }

    def "set up: accounts and a draft round"() {
        when:
        who = people()
        clock.set(Instant.parse("2026-05-01T09:00:00Z"))
        round = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body

        then:
        round.status == "DRAFT"
    }

    def "malformed JSON is a 400 that says where it broke"() {
        given:
        def before = snapshot()

        when:
        def reply = api("POST", "/api/rounds", who.commissioner, '{"title": "x", ')

        then:
        isProblem(reply, HttpStatus.BAD_REQUEST)
        reply.body.detail.contains("line 1")
        snapshot() == before
    }

    def "a round with #problem is refused naming #field, and nothing is stored"() {
        given:
        def before = snapshot()
        def request = RoundFixture.aRound(deadline)
        change(request)

        when:
        def reply = api("POST", "/api/rounds", who.commissioner, request)

        then:
        isProblem(reply, HttpStatus.BAD_REQUEST)
        reply.body.detail.contains(field) || reply.body.errors*.field.contains(field)
        snapshot() == before

        where:
        problem                         | field                              | change
        "no title"                      | "title"                            | { it.remove("title") }
        "a deadline in the past"        | "tenderDeadline"                   | { it.tenderDeadline = "2020-01-01T00:00:00Z" }
        "no lead partner"               | "partners"                         | { it.partners.each { p -> p.lead = false } }
        "a negative budget line"        | "partners[0].budgetLines[0].amountPence" | { it.partners[0].budgetLines[0].amountPence = -5 }
        "a badly written financial year"| "partners[1].budgetLines[0].financialYear" | { it.partners[1].budgetLines[0].financialYear = "2027" }
        "a lot with no value"           | "lots[0].valueInclVatPence"        | { it.lots[0].remove("valueInclVatPence") }
        "a lot with no criteria"        | "lots[1].criteria"                 | { it.lots[1].criteria = [] }
        "an unknown criterion kind"     | "lots[0].criteria[1].kind"         | { it.lots[0].criteria[1].kind = "VIBES" }
        "an equality criterion with no duty" | "lots[0].criteria[2].duty"    | { it.lots[0].criteria[2].remove("duty") }
        "a weight over 100"             | "lots[0].criteria[0].weight"       | { it.lots[0].criteria[0].weight = 130 }
        "fractions of a penny"          | "valueInclVatPence"                | { it.lots[0].valueInclVatPence = 1000.5 }
        "an unknown field"              | "colour"                           | { it.colour = "blue" }
        "a date that is not a date"     | "commencementDate"                 | { it.commencementDate = "next Tuesday" }
        "consultation dates out of order" | "details.consultation.end"       | { it.details.consultation = [start: "2026-02-01", end: "2026-01-01"] }
        "an unknown EqIA characteristic" | "eqia.entries[0].characteristic"  | { it.eqia.entries[0].characteristic = "HEIGHT" }
        "a fixed-price lot with no price" | "lots[1].terms.fixedPricePence"  | { it.lots[1].terms = [priceMode: "FIXED_PRICE"] }
        "an unknown criterion basis"    | "lots[0].criteria[1].assesses"     | { it.lots[0].criteria[1].assesses = "VIBES" }
        "a tie-break sum naming an unknown criterion" | "details.tieBreak[0]" | { it.details.tieBreak = ["SUM_OF: Race equality + Kindness"] }
        "a tie-break sum naming no criterion" | "details.tieBreak[0]"        | { it.details.tieBreak = ["SUM_OF: "] }
        "an unknown tie-break step"     | "details.tieBreak[1]"              | { it.details.tieBreak = ["LOWER_PRICE", "COIN_TOSS"] }
        "a lot limit applied by an unknown method" | "details.lotAllocation" | { it.details.maxLotsPerSupplier = 1; it.details.lotAllocation = "FIRST_COME" }
    }

    def "a tie-break sum naming a criterion a lot lacks says which lot and which criteria it has"() {
        given:
        def request = RoundFixture.aRound(deadline)
        request.details.tieBreak = ["SUM_OF: Race equality + Kindness"]

        when:
        def reply = api("POST", "/api/rounds", who.commissioner, request)

        then:
        reply.body.errors.find { it.field == "details.tieBreak[0]" }.message.contains("names the criterion 'Kindness', which lot 'Community outreach' does not have")
    }

    def "unknown ids are 404s that name what was not found"() {
        given:
        def before = snapshot()
        def missing = UUID.randomUUID()

        expect:
        isProblem(api("GET", "/api/rounds/$missing", who.commissioner), HttpStatus.NOT_FOUND)
        isProblem(api("POST", "/api/rounds/$missing/publish", who.commissioner), HttpStatus.NOT_FOUND)
        isProblem(api("GET", "/api/tenders/$missing", who.commissioner), HttpStatus.NOT_FOUND)
        isProblem(api("GET", "/api/rounds/$missing/award", who.commissioner), HttpStatus.NOT_FOUND)
        isProblem(api("GET", "/api/rounds/$missing/award/justification.pdf", who.scrutiny), HttpStatus.NOT_FOUND)
        isProblem(api("GET", "/api/no-such-thing", who.commissioner), HttpStatus.NOT_FOUND)
        isProblem(api("POST", "/api/rounds/$round.id/partners/$missing/sign-off", who.commissioner, [signatory: "A", signatoryRole: "B"]), HttpStatus.NOT_FOUND)
        api("GET", "/api/rounds/$missing", who.commissioner).body.detail.contains(missing.toString())
        snapshot() == before
    }

    def "publishing refused by the rules is a 422 carrying the findings, and the round stays a draft"() {
        given:
        def broken = RoundFixture.aRound(deadline)
        broken.lots[0].criteria[1].weight = 30
        api("PUT", "/api/rounds/$round.id", who.commissioner, broken)
        def before = snapshot()

        when:
        def reply = approveAndPublish(api("GET", "/api/rounds/$round.id", who.commissioner).body, who.commissioner)

        then:
        isProblem(reply, HttpStatus.UNPROCESSABLE_ENTITY)
        reply.body.findings.any { it.ruleId == "RD-09" && it.message.contains("add up to 90") }
        count("tender") == before.tender
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "DESIGN_APPROVED"

        cleanup:
        api("POST", "/api/rounds/$round.id/reopen", who.commissioner, [reason: "Fix the weights"])
    }

    def "actions in the wrong state are 409s that say the state and what is allowed"() {
        given:
        def revised = api("PUT", "/api/rounds/$round.id", who.commissioner, RoundFixture.aRound(deadline)).body
        assert approveAndPublish(revised, who.commissioner).status == HttpStatus.OK
        def before = snapshot()

        when:
        def again = api("POST", "/api/rounds/$round.id/publish", who.commissioner)
        def edit = api("PUT", "/api/rounds/$round.id", who.commissioner, RoundFixture.aRound(deadline))
        def early = api("POST", "/api/rounds/$round.id/close", who.commissioner)
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        [again, edit, early, award].each { isProblem(it, HttpStatus.CONFLICT) }
        again.body.currentState == "PUBLISHED"
        again.body.allowedActions.any { it.contains("submit tenders") }
        edit.body.detail.contains("only while it is a DRAFT")
        early.body.detail.contains("2026-06-01T12:00:00Z")
        snapshot() == before
    }

    def "tenders with bad content are refused naming the field and the fix"() {
        given:
        Map lot = round.lots[0]
        round = api("GET", "/api/rounds/$round.id", who.commissioner).body
        lot = round.lots[0]
        def answers = RoundFixture.answers(lot)
        def before = snapshot()

        when:
        def post = { Map body -> api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, body) }
        def zero = post(RoundFixture.tender(lot, 0))
        def fraction = post(RoundFixture.tender(lot, 100) + [pricePence: 100.5])
        def unknown = post(RoundFixture.tender(lot, 100, [answers: answers + [[criterionId: UUID.randomUUID().toString(), answer: "x"]]]))
        def missing = post(RoundFixture.tender(lot, 100, [answers: answers.drop(1)]))
        def tooLong = post(RoundFixture.tender(lot, 100, [answers: [[criterionId: answers[0].criterionId, answer: (["word"] * 51).join(" ")]] + answers.drop(1)]))
        def noLot = api("POST", "/api/rounds/$round.id/lots/${UUID.randomUUID()}/tenders", who.bidder, RoundFixture.tender(lot, 100))

        then:
        [zero, fraction, unknown, missing, tooLong].each { isProblem(it, HttpStatus.BAD_REQUEST) }
        zero.body.errors*.field == ["pricePence"]
        fraction.body.errors*.field == ["pricePence"]
        unknown.body.errors*.field == ["answers[4].criterionId"]
        missing.body.errors.first().message.contains("Service delivery and safety")
        tooLong.body.errors.first().message.contains("51 words; the limit is 50")
        isProblem(noLot, HttpStatus.NOT_FOUND)
        snapshot() == before
    }

    def "one organisation cannot hold two live tenders for one lot"() {
        given:
        Map lot = round.lots[0]
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000))
        def before = snapshot()

        when:
        def second = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.colleague, RoundFixture.tender(lot, 79_000_000))

        then:
        isProblem(second, HttpStatus.CONFLICT)
        second.body.detail.contains("already has tender")
        snapshot() == before
    }

    def "reusing an Idempotency-Key for a different request is refused"() {
        given:
        Map lot = round.lots[1]
        def first = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2,
                RoundFixture.tender(lot, 20_000_000), ["Idempotency-Key": "k-1"])
        def before = snapshot()

        when:
        def reused = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2,
                RoundFixture.tender(lot, 19_000_000), ["Idempotency-Key": "k-1"])

        then:
        first.status == HttpStatus.CREATED
        isProblem(reused, HttpStatus.UNPROCESSABLE_ENTITY)
        reused.body.detail.contains("already used for a different request")
        snapshot() == before
    }

    def "scoring before the round closes is refused"() {
        given:
        def tender = api("GET", "/api/rounds/$round.id/tenders", who.bidder).body.first()
        def before = snapshot()

        when:
        def reply = api("POST", "/api/tenders/$tender.id/scores", who.evaluator, RoundFixture.scores(round.lots[0], [RACE: 3, DISABILITY: 3, SEX: 3], 3, "x"))

        then:
        isProblem(reply, HttpStatus.CONFLICT)
        reply.body.currentState == "PUBLISHED"
        snapshot() == before
    }

    def "scores off the scale, fractions, missing reasons and price scores are refused"() {
        given:
        clock.set(deadline.plusSeconds(5))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        seatPanel(round, who)
        declareNoConflicts(round, who)
        def tender = api("GET", "/api/rounds/$round.id/tenders", who.commissioner).body.find { it.lotId == round.lots[0].id }
        def criteria = round.lots[0].criteria
        def quality = criteria.find { it.kind == "QUALITY" }
        def price = criteria.find { it.kind == "PRICE" }
        def before = snapshot()

        when:
        def offScale = api("POST", "/api/tenders/$tender.id/scores", who.evaluator, [scores: [[criterionId: quality.id, score: 7, reason: "Section 2"]]])
        def fraction = api("POST", "/api/tenders/$tender.id/scores", who.evaluator, [scores: [[criterionId: quality.id, score: 2.5, reason: "Section 2"]]])
        def noReason = api("POST", "/api/tenders/$tender.id/scores", who.evaluator, [scores: [[criterionId: quality.id, score: 3, reason: " "]]])
        def onPrice = api("POST", "/api/tenders/$tender.id/scores", who.evaluator, [scores: [[criterionId: price.id, score: 3, reason: "cheap"]]])
        def none = api("POST", "/api/tenders/$tender.id/scores", who.evaluator, [scores: []])

        then:
        [offScale, fraction, noReason, onPrice, none].each { isProblem(it, HttpStatus.BAD_REQUEST) }
        offScale.body.errors.first().message.contains("from 0 to 5")
        noReason.body.errors*.field == ["scores[0].reason"]
        onPrice.body.errors.first().message.contains("price formula")
        snapshot() == before
    }

    def "the award cannot be computed until every criterion of every tender is scored"() {
        given:
        def tender = api("GET", "/api/rounds/$round.id/tenders", who.commissioner).body.find { it.lotId == round.lots[0].id }
        api("POST", "/api/tenders/$tender.id/scores", who.evaluator, RoundFixture.scores(round.lots[0], [RACE: 3, DISABILITY: 3, SEX: 3], 3, "x"))
        def before = snapshot()

        when:
        def reply = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        isProblem(reply, HttpStatus.CONFLICT)
        reply.body.detail.contains(who.generic)
        snapshot() == before
    }
}
