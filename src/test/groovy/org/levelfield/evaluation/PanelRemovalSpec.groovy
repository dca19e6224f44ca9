package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Removing and replacing a panel member (issue 14): a commissioner takes an evaluator off a lot's panel
 * with a reason; their scores in the lot are set aside, an award computed on them goes back to be
 * computed again, and a replacement can be appointed, declare and score.
 */
@MicronautTest(transactional = false)
@Stepwise
class PanelRemovalSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared List<Map> tenders
    @Shared String leaving
    @Shared Instant deadline = Instant.parse("2026-12-20T12:00:00Z")

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ["levelfield.evaluation.min-panel-size": "3"]
    }

    def "three evaluators declare, score both tenders, and the award is computed"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[0]
        tenders = [api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000)).body,
                   api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 75_000_000)).body]
        seatPanel(round, who, ["evaluator", "evaluator2", "evaluator3"])
        leaving = api("GET", "/api/me", who.evaluator3).body.userId
        clock.set(deadline.plusSeconds(10))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        ["evaluator", "evaluator2", "evaluator3"].each { e ->
            tenders.each { t ->
                assert api("POST", "/api/tenders/$t.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], e == "evaluator3" ? 3 : 4, "Panel")).status == HttpStatus.CREATED
            }
        }

        expect:
        api("POST", "/api/rounds/$round.id/award", who.commissioner).status == HttpStatus.OK
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
    }

    def "a removal without a reason, by an evaluator, or of someone not on the panel is refused and changes nothing"() {
        given:
        long setAsideBefore = count("score", "quarantined_at is not null")
        String outsider = api("GET", "/api/me", who.evaluator4).body.userId

        when:
        def noReason = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel/$leaving/removal", who.commissioner, [reason: "  "])
        def noBody = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel/$leaving/removal", who.commissioner, [:])
        def byEvaluator = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel/$leaving/removal", who.evaluator, [reason: "I would rather"])
        def notOnPanel = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel/$outsider/removal", who.commissioner, [reason: "Not here"])
        def notAnId = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel/not-an-id/removal", who.commissioner, [reason: "x"])

        then:
        noReason.status == HttpStatus.BAD_REQUEST
        noReason.body.errors*.field == ["reason"]
        noReason.body.errors[0].message.contains("Evaluator3")
        noBody.status == HttpStatus.BAD_REQUEST
        byEvaluator.status == HttpStatus.FORBIDDEN
        notOnPanel.status == HttpStatus.NOT_FOUND
        notAnId.status == HttpStatus.BAD_REQUEST
        api("GET", "/api/rounds/$round.id/panel", who.commissioner).body.find { it.lotId == lot.id }.members.size() == 3
        count("score", "quarantined_at is not null") == setAsideBefore
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
    }

    def "removing an evaluator sets their scores in the lot aside, keeps the appointment on record, and sends the award back to be computed again"() {
        given:
        long theirScores = count("score", "evaluator_id = ? and quarantined_at is null", UUID.fromString(leaving))

        when:
        def removed = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel/$leaving/removal", who.commissioner,
                [reason: "Declared after scoring that she mentors staff at one bidder"])
        def panel = api("GET", "/api/rounds/$round.id/panel", who.commissioner).body.find { it.lotId == lot.id }

        then:
        removed.status == HttpStatus.OK
        theirScores > 0
        removed.body.scoresSetAside == theirScores
        removed.body.awardToComputeAgain
        panel.members*.evaluatorId.every { it != leaving }
        panel.members.size() == 2
        count("panel_member", "evaluator_id = ? and removed_at is not null and removal_reason like 'Declared after scoring%'", UUID.fromString(leaving)) == 1
        count("score", "evaluator_id = ? and quarantined_at is null", UUID.fromString(leaving)) == 0
        count("audit_entry", "kind = 'PANEL_REMOVAL' and round_id = ?", UUID.fromString(round.id as String)) == 1
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "EVALUATION"

        and: "the removed evaluator can no longer open or score the lot's tenders, and the award waits for a third evaluator (SC-04)"
        api("GET", "/api/tenders/${tenders[0].tenderId}", who.evaluator3).status == HttpStatus.FORBIDDEN
        api("POST", "/api/tenders/${tenders[0].tenderId}/scores", who.evaluator3, RoundFixture.scores(lot, [RACE: 5, DISABILITY: 5, SEX: 5], 5, "Again")).status == HttpStatus.FORBIDDEN
        def shortPanel = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        shortPanel.status == HttpStatus.UNPROCESSABLE_ENTITY
        shortPanel.body.findings.any { it.ruleId == "SC-04" && it.severity == "BLOCK" }
    }

    def "a replacement is appointed, declares and scores, and the award rests on the new panel only"() {
        when:
        seatPanel(round, who, ["evaluator4"])
        declareNoConflicts(round, who, ["evaluator4"])
        tenders.each { t ->
            assert api("POST", "/api/tenders/$t.tenderId/scores", who.evaluator4, RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Replacement")).status == HttpStatus.CREATED
        }
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        award.status == HttpStatus.OK
        def scored = award.body.lots.find { it.lotId == lot.id }.tenders.collectMany { t -> t.lines.collectMany { l -> (l.evaluatorScores ?: [])*.evaluator } }.toSet()
        scored.any { it.startsWith("Evaluator4") }
        !scored.any { it.startsWith("Evaluator3") }
        api("GET", "/api/rounds/$round.id/panel", who.commissioner).body.find { it.lotId == lot.id }.members.size() == 3
    }
}
