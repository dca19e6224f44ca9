package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 13, 2.11: a lot with a single compliant tender can be awarded, flagged so that value for
 * money is checked (its price met no competition); a specialist lot left with no compliant tender
 * raises SS-01, asks for the equality analysis to be updated and lists the options for a person to
 * decide, and is never merged into another lot.
 */
@MicronautTest(transactional = false)
class SingleTenderSpec extends IntegrationSpec {

    static final Instant DEADLINE = Instant.parse("2026-12-21T12:00:00Z")
    static final String BSL = "BSL interpreting at every session"

    def "one compliant tender is provisionally awarded with a value-for-money flag; a specialist lot with none keeps its own outcome and asks for a decision"() {
        given: "the outreach lot gets one tender; the specialist lot's only tender does not meet its mandatory item"
        def who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[0].terms = [preTenderEstimatePence: 80_000_000]
        design.lots[1].terms = [specialist: true, providerCount: 3, userGroups: ["Deaf and disabled women"], mandatoryItems: [BSL]]
        def published = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner)
        assert published.status == HttpStatus.OK: "publication failed: $published"
        def round = published.body.round
        def (outreach, specialist) = [round.lots[0], round.lots[1]]
        def only = api("POST", "/api/rounds/$round.id/lots/$outreach.id/tenders", who.bidder2, RoundFixture.tender(outreach, 79_000_000)).body.tenderId
        def unmet = api("POST", "/api/rounds/$round.id/lots/$specialist.id/tenders", who.bidder, RoundFixture.tender(specialist, 24_000_000,
                [mandatoryItems: [[item: BSL, met: false, how: "We would book interpreters when asked"]]])).body.tenderId
        seatPanel(round, who)
        clock.set(DEADLINE.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        [(only): outreach, (unmet): specialist].each { id, lot -> ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$id/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
        } }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def findings = award.body.findings

        then: "the single tender is the provisional winner of its lot, flagged to check value for money against the estimate"
        award.status == HttpStatus.OK
        award.body.lots[0].provisionalWinner == only
        def vfm = findings.find { it.ruleId == "SC-06" && it.subjectId == outreach.id && it.severity == "FLAG" }
        vfm.message.contains("Only one compliant tender")
        vfm.message.contains("against the pre-tender estimate of £800,000")

        and: "the specialist lot has no winner, stays a lot of its own, and SS-01 asks for the equality analysis and a decision among the options"
        award.body.lots[1].provisionalWinner == null
        award.body.lots[1].lotId == specialist.id
        def ss01 = findings.find { it.ruleId == "SS-01" && it.subjectId == specialist.id }
        ss01.severity == "WARN"
        ss01.message.contains("for Deaf and disabled women")
        ss01.message.contains("Update the equality impact assessment")
        ss01.message.contains("run the lot again")
        ss01.message.contains("not to be merged into another lot")
        !findings.any { it.ruleId == "SS-01" && it.subjectId == outreach.id }

        when: "the commissioner records what happens to the specialist lot: refused without a choice, reasons or an updated EqIA, and for a lot that has a winner"
        def base = "/api/rounds/$round.id/lots"
        def empty = api("POST", "$base/$specialist.id/no-award", who.commissioner, [:])
        def future = api("POST", "$base/$specialist.id/no-award", who.commissioner, [choice: "RUN_AGAIN", reasons: "r", eqiaUpdatedOn: "2027-06-01"])
        def hasWinner = api("POST", "$base/$outreach.id/no-award", who.commissioner, [choice: "RUN_AGAIN", reasons: "r", eqiaUpdatedOn: "2026-12-21"])
        def evaluator = api("POST", "$base/$specialist.id/no-award", who.evaluator, [choice: "RUN_AGAIN", reasons: "r", eqiaUpdatedOn: "2026-12-21"])
        long stored = count("lot_no_award_decision", "round_id = ?", UUID.fromString(round.id as String))
        def decided = api("POST", "$base/$specialist.id/no-award", who.commissioner, [choice: "RUN_AGAIN", eqiaUpdatedOn: "2026-12-21",
                reasons: "Re-tender the lot with the BSL requirement met through a funded partner; the EqIA update shows Deaf women lose provision meanwhile, so the current grant is extended"])
        def again = api("POST", "$base/$specialist.id/no-award", who.commissioner, [choice: "GRANT", reasons: "Changed mind", eqiaUpdatedOn: "2026-12-21"])
        api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)
        def pdf = org.levelfield.support.Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny).bytes).replaceAll(/\s+/, " ")

        then:
        empty.status == HttpStatus.BAD_REQUEST
        empty.body.errors*.field.toSet() == ["choice", "reasons", "eqiaUpdatedOn"].toSet()
        future.status == HttpStatus.BAD_REQUEST
        future.body.errors.find { it.field == "eqiaUpdatedOn" }.message.contains("is after today")
        hasWinner.status == HttpStatus.CONFLICT
        evaluator.status == HttpStatus.FORBIDDEN
        stored == 0

        and: "kept once, audited, listed for scrutiny and printed in the justification; the lot stays its own"
        decided.status == HttpStatus.CREATED
        decided.body.choice == "RUN_AGAIN"
        again.status == HttpStatus.CONFLICT
        api("GET", "/api/rounds/$round.id/no-award", who.scrutiny).body*.lot == ["Deaf and disabled survivors"]
        count("audit_entry", "kind = 'LOT_NOT_AWARDED' and round_id = ?", UUID.fromString(round.id as String)) == 1
        pdf.contains("Lots left without a compliant tender")
        pdf.contains("Run the lot again")
        pdf.contains("BSL requirement met through a funded partner")
    }
}
