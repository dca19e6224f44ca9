package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Pdfs
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * SC-09 (issue 13, 2.5): when the evaluation finds a tender does not meet a published mandatory
 * item although its bidder says it does, the commissioner records the finding with reasons; the
 * award computed before it is stale, and the award computed again disqualifies the tender and says why.
 */
@MicronautTest(transactional = false)
@Stepwise
class UnmetMandatoryItemSpec extends IntegrationSpec {

    static final String BSL = "BSL interpreting at every session"
    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared String sisters
    @Shared String generic
    @Shared Instant deadline = Instant.parse("2026-12-23T12:00:00Z")

    def "two tenders both say they meet the mandatory item; the first award ranks Generic Support first"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(deadline)
        design.lots[1].terms = [mandatoryItems: [BSL]]
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        lot = round.lots[1]
        def met = { String how -> [mandatoryItems: [[item: BSL, met: true, how: how]]] }
        sisters = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000, met("Two staff interpreters"))).body.tenderId
        generic = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 24_000_000, met("Interpreters available"))).body.tenderId
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        [(sisters): 3, (generic): 4].each { t, quality -> ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$t/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], quality, "Panel")).status == HttpStatus.CREATED
        } }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner).body

        then:
        award.lots[1].provisionalWinner == generic
        award.findings.findAll { it.ruleId == "SC-09" }.isEmpty()
    }

    def "a finding that names no published item, gives no reasons, or comes from an evaluator is refused, and nothing is stored"() {
        when:
        def unknownItem = api("POST", "/api/tenders/$generic/unmet-mandatory-items", who.commissioner, [item: "Free parking", reasons: "None offered"])
        def noReasons = api("POST", "/api/tenders/$generic/unmet-mandatory-items", who.commissioner, [item: BSL, reasons: "  "])
        def empty = api("POST", "/api/tenders/$generic/unmet-mandatory-items", who.commissioner, null)
        def evaluator = api("POST", "/api/tenders/$generic/unmet-mandatory-items", who.evaluator, [item: BSL, reasons: "Not budgeted"])
        def unknownTender = api("POST", "/api/tenders/${UUID.randomUUID()}/unmet-mandatory-items", who.commissioner, [item: BSL, reasons: "Not budgeted"])

        then:
        unknownItem.status == HttpStatus.BAD_REQUEST
        unknownItem.body.errors.find { it.field == "item" }.message.contains(BSL)
        noReasons.status == HttpStatus.BAD_REQUEST
        noReasons.body.errors*.field == ["reasons"]
        empty.status == HttpStatus.BAD_REQUEST
        empty.body.errors*.field.toSet() == ["item", "reasons"].toSet()
        evaluator.status == HttpStatus.FORBIDDEN
        unknownTender.status == HttpStatus.NOT_FOUND
        count("mandatory_item_finding", "tender_id = ?", UUID.fromString(generic)) == 0
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
    }

    def "the commissioner records that Generic Support does not meet it: the award is stale until computed again, which disqualifies it with the reasons"() {
        given:
        String reasons = "The staffing plan in section 4 names no BSL interpreter and the price budgets none."

        when:
        def recorded = api("POST", "/api/tenders/$generic/unmet-mandatory-items", who.commissioner, [item: BSL, reasons: reasons])
        def status = api("GET", "/api/rounds/$round.id", who.commissioner).body.status
        def again = api("POST", "/api/tenders/$generic/unmet-mandatory-items", who.commissioner, [item: BSL, reasons: "Twice"])
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner).body
        def fail = award.findings.find { it.ruleId == "SC-09" && it.subjectId == generic }
        def listed = api("GET", "/api/rounds/$round.id/unmet-mandatory-items", who.scrutiny)
        def pdf = Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).bytes).replaceAll(/\s+/, " ")

        then: "the round went back to evaluation, so the stale award could not be decided"
        recorded.status == HttpStatus.CREATED
        recorded.body.reasons == reasons
        status == "EVALUATION"
        again.status == HttpStatus.CONFLICT

        and: "computed again, Generic Support is out with the evaluation's reasons, and Sister Space is the provisional winner"
        fail.severity == "FAIL"
        fail.message.contains("The evaluation found the tender does not meet the mandatory item '$BSL'")
        fail.message.contains(reasons)
        award.lots[1].tenders.find { it.tenderId == generic }.disqualified
        award.lots[1].provisionalWinner == sisters

        and: "listed for the scrutiny panel, audited, and printed in the justification"
        listed.body*.item == [BSL]
        count("audit_entry", "kind = 'MANDATORY_ITEM_UNMET' and round_id = ?", UUID.fromString(round.id as String)) == 1
        pdf.contains("names no BSL interpreter")
    }
}
