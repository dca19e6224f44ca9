package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * EQ-05 (issue 13, 2.10): the equality gateway needs a score for each of race, disability and sex.
 * A lot whose criteria score only race and disability is not silently gated on those two: the
 * award is refused, saying which duty is missing, and nothing is stored.
 */
@MicronautTest(transactional = false)
class EqualityGatewaySpec extends IntegrationSpec {

    static final Instant DEADLINE = Instant.parse("2026-12-21T12:00:00Z")

    def "a lot with no sex sub-criterion blocks the award instead of gating on race and disability alone"() {
        given: "lot 2 has race and disability sub-criteria but none for sex; the RD-10 warning was justified by an officer, so it was published"
        def who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[1].criteria = RoundFixture.criteria().findAll { it.duty != "SEX" }
        design.lots[1].criteria.find { it.kind == "QUALITY" }.weight = 50
        def draft = api("POST", "/api/rounds", who.commissioner, design).body
        draft.partners.each { api("POST", "/api/rounds/$draft.id/partners/$it.id/sign-off", who.commissioner, [signatory: "Director", signatoryRole: "Director"]) }
        api("POST", "/api/rounds/$draft.id/approve-design", who.commissioner)
        def warnings = api("POST", "/api/rounds/$draft.id/design-check", who.commissioner).body.findings.findAll { it.severity == "WARN" }
        assert warnings*.ruleId == ["RD-10"]: "the design check should warn that lot 2 scores no sex duty: $warnings"
        warnings.each {
            api("POST", "/api/rounds/$draft.id/justifications", who.commissioner, [ruleId: it.ruleId, subjectId: it.subjectId,
                    officerName: "Pat Officer", officerRole: "Head of Commissioning", justification: "Sex equality is assessed in the service delivery answer"])
        }
        def published = api("POST", "/api/rounds/$draft.id/publish", who.commissioner)
        assert published.status == HttpStatus.OK: "publication failed: $published"
        def round = published.body.round
        def lot = round.lots[1]
        def tenders = [who.bidder, who.bidder2].withIndex().collect { token, i ->
            api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", token, RoundFixture.tender(lot, 24_000_000 + i * 1_000_000,
                    [equalityEvidence: RoundFixture.tender(lot, 1).equalityEvidence.findAll { it.duty != "SEX" }])).body.tenderId
        }
        seatPanel(round, who)
        clock.set(DEADLINE.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        tenders.each { t -> ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$t/scores", who[e], RoundFixture.scores(lot, [RACE: 1, DISABILITY: 4], 4, "Panel")).status == HttpStatus.CREATED
        } }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then: "refused by EQ-05 for the lot, naming the missing duty; no award is stored"
        award.status == HttpStatus.UNPROCESSABLE_ENTITY
        def block = award.body.findings.find { it.ruleId == "EQ-05" && it.severity == "BLOCK" }
        block.subjectId == lot.id
        block.message.contains("scores the race and disability duties but not sex")
        count("award_computation", "round_id = ?", UUID.fromString(round.id as String)) == 0
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "EVALUATION"

        and: "the refusal is on the record as a rule run of its own, which is not taken for the round's latest scoring findings"
        count("rule_run", "round_id = ? and stage = 'scoring' and outcome = 'REFUSED: COMPUTED'", UUID.fromString(round.id as String)) == 1
        api("GET", "/api/rounds/$round.id/findings", who.commissioner).body.scoring.isEmpty()
    }
}
