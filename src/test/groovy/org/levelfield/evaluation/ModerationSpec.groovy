package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * SC-03: a spread of 2 or more between evaluators blocks the award until a consensus and its reason
 * are recorded; the consensus then counts, and the evaluators' own scores are kept beside it.
 */
@MicronautTest(transactional = false)
@Stepwise
class ModerationSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared Map tender
    @Shared Map race
    @Shared Instant deadline = Instant.parse("2026-12-21T12:00:00Z")

    def "two evaluators score race equality 2 and 4; moderating before both scores are in is refused"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[1]
        race = lot.criteria.find { it.duty == "RACE" }
        tender = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000)).body
        seatPanel(round, who)
        assert api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: "Is BSL interpreting costed separately?"]).status == HttpStatus.CREATED
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        api("POST", "/api/tenders/$tender.tenderId/scores", who.evaluator, RoundFixture.scores(lot, [RACE: 2, DISABILITY: 4, SEX: 4], 4, "Eve"))

        when:
        def early = api("POST", "/api/tenders/$tender.tenderId/consensus", who.commissioner, [criterionId: race.id, score: 3, reason: "Agreed"])
        api("POST", "/api/tenders/$tender.tenderId/scores", who.evaluator2, RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Esi"))

        then:
        early.status == HttpStatus.CONFLICT
        early.body.detail.contains("missing: Evaluator2")
        count("consensus_score") == 0
    }

    def "the moderation sheet flags the spread, and the award is blocked by SC-03 until a consensus is recorded"() {
        when:
        def sheet = api("GET", "/api/rounds/$round.id/moderation", who.commissioner).body
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        sheet.find { it.criterionId == race.id }.needsModeration
        sheet.find { it.criterionId == race.id }.spread == 2
        sheet.findAll { it.needsModeration }.size() == 1
        award.status == HttpStatus.UNPROCESSABLE_ENTITY
        award.body.findings*.ruleId == ["SC-03"]
        award.body.findings[0].message.contains("spread by 2")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "EVALUATION"
    }

    def "a bad consensus is refused naming the field; nothing is stored"() {
        expect:
        api("POST", "/api/tenders/$tender.tenderId/consensus", who.commissioner, [criterionId: race.id, score: 9, reason: "x"]).body.errors*.field == ["score"]
        api("POST", "/api/tenders/$tender.tenderId/consensus", who.commissioner, [criterionId: race.id, score: 3, reason: " "]).body.errors*.field == ["reason"]
        api("POST", "/api/tenders/$tender.tenderId/consensus", who.commissioner,
                [criterionId: lot.criteria.find { it.kind == "PRICE" }.id, score: 3, reason: "x"]).body.errors*.field == ["criterionId"]
        api("POST", "/api/tenders/$tender.tenderId/consensus", who.evaluator, [criterionId: race.id, score: 3, reason: "x"]).status == HttpStatus.FORBIDDEN
        count("consensus_score") == 0
    }

    def "with the consensus recorded the award is computed from it, the evaluators' scores shown beside it"() {
        when:
        def recorded = api("POST", "/api/tenders/$tender.tenderId/consensus", who.commissioner,
                [criterionId: race.id, score: 3, reason: "Section 4 names the partner but not its funding; the panel agreed 3"])
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def line = award.body.lots.find { it.lotId == lot.id }.tenders[0].lines.find { it.criterionId == race.id }

        then:
        recorded.status == HttpStatus.CREATED
        award.status == HttpStatus.OK
        line.consensus.score == 3
        line.evaluatorScores*.score.sort() == [2, 4]
        line.score == 3
        award.body.findings.find { it.ruleId == "SC-03" }.severity == "FLAG"
        award.body.findings.find { it.ruleId == "SC-14" }.message.contains("was never answered")
        api("GET", "/api/tenders/$tender.tenderId/scores", who.commissioner).body.size() == 8
    }
}
