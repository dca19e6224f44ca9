package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/** In a blind round evaluators see "Tender A, B…" instead of bidders until moderation ends and the award is computed. */
@MicronautTest(transactional = false)
@Stepwise
class BlindEvaluationSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared Map first
    @Shared Map second
    @Shared Instant deadline = Instant.parse("2026-12-22T12:00:00Z")

    def "evaluators of a blind round see tenders by letter, in order of receipt; the commissioner sees bidders"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(deadline)
        design.details = design.details + [blindEvaluation: true]
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        lot = round.lots[1]
        first = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 25_200_000)).body
        clock.set(Instant.parse("2026-10-01T10:00:00Z"))
        second = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000)).body
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)

        when:
        def seen = api("GET", "/api/rounds/$round.id/tenders", who.evaluator).body
        def one = api("GET", "/api/tenders/$second.tenderId", who.evaluator).body
        def panel = new String(api("GET", "/api/rounds/$round.id/panel", who.evaluator).bytes)

        then:
        seen.collect { [it.id, it.organisation, it.organisationId] }.sort { it[1] } ==
                [[first.tenderId, "Tender A", null], [second.tenderId, "Tender B", null]]
        one.organisation == "Tender B"
        !panel.contains(who.sisters) && !panel.contains(who.generic)
        panel.contains("Tender A")
        api("GET", "/api/tenders/$second.tenderId", who.commissioner).body.organisation == who.sisters
    }

    def "once the award is computed, evaluators see the bidders; a lead of 0.24 points is flagged as a near tie (SC-11)"() {
        given:
        [first, second].each { t ->
            ["evaluator", "evaluator2"].each { e ->
                assert api("POST", "/api/tenders/$t.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
            }
        }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        award.status == HttpStatus.OK
        api("GET", "/api/tenders/$second.tenderId", who.evaluator).body.organisation == who.sisters
        def nearTie = award.body.findings.find { it.ruleId == "SC-11" }
        nearTie.severity == "FLAG"
        nearTie.message.contains("by only 0.24 points")
        !award.body.findings.any { it.ruleId == "SC-10" }
    }
}
