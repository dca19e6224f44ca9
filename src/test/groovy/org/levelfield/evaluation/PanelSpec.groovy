package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Panels and conflicts: three evaluators per lot (the default minimum), a declaration per bidder
 * before any tender is opened, a conflicted evaluator kept away from that tender, a conflict found
 * after scoring quarantining the scores (SC-04), and scores kept independent until one's own are in.
 */
@MicronautTest(transactional = false)
@Stepwise
class PanelSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared Map sisters
    @Shared Map generic
    @Shared Instant deadline = Instant.parse("2026-12-20T12:00:00Z")
    static final List<String> PANEL = ["evaluator", "evaluator2", "evaluator3"]

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ["levelfield.evaluation.min-panel-size": "3"]
    }

    def "the commissioner appoints three evaluators to the lot; a non-evaluator cannot be appointed"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[0]
        sisters = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000)).body
        generic = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 75_000_000)).body
        String commissionerId = api("GET", "/api/me", who.commissioner).body.userId
        long before = count("panel_member")

        when:
        def wrong = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel", who.commissioner, [evaluatorIds: [commissionerId]])
        def byEvaluator = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel", who.evaluator, [evaluatorIds: []])
        def unchanged = count("panel_member") == before
        seatPanel(round, who, PANEL)
        def panel = api("GET", "/api/rounds/$round.id/panel", who.commissioner).body.find { it.lotId == lot.id }

        then:
        wrong.status == HttpStatus.BAD_REQUEST
        wrong.body.errors*.field == ["evaluatorIds[0]"]
        byEvaluator.status == HttpStatus.FORBIDDEN
        unchanged
        panel.members.size() == 3
        panel.minimum == 3
        panel.tenders == []  // who bid stays sealed until the deadline
    }

    def "after the deadline no evaluator opens a tender before declaring for every bidder; one conflicted with any bidder in a lot sees no tender of it (SC-04)"() {
        given:
        clock.set(deadline.plusSeconds(10))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        def bidders = api("GET", "/api/rounds/$round.id/conflicts/mine", who.evaluator3).body.bidders
        def sistersOrg = bidders.find { it.name == who.sisters }.organisationId
        def genericOrg = bidders.find { it.name == who.generic }.organisationId

        when:
        def before = api("GET", "/api/tenders/$sisters.tenderId", who.evaluator3)
        def partial = api("POST", "/api/rounds/$round.id/conflicts", who.evaluator3, [declarations: [[organisationId: sistersOrg, conflicted: false]]])
        def noNature = api("POST", "/api/rounds/$round.id/conflicts", who.evaluator3,
                [declarations: [[organisationId: sistersOrg, conflicted: true], [organisationId: genericOrg, conflicted: false]]])
        declareNoConflicts(round, who, ["evaluator", "evaluator2"])
        def declared = api("POST", "/api/rounds/$round.id/conflicts", who.evaluator3, [declarations: [
                [organisationId: sistersOrg, conflicted: true, nature: "Trustee of Sister Space until 2025"],
                [organisationId: genericOrg, conflicted: false]]])

        then:
        before.status == HttpStatus.FORBIDDEN
        partial.status == HttpStatus.BAD_REQUEST
        partial.body.errors[0].message.contains(who.generic)
        noNature.body.errors*.field == ["declarations[0].nature"]
        declared.status == HttpStatus.OK
        api("GET", "/api/tenders/$sisters.tenderId", who.evaluator3).status == HttpStatus.FORBIDDEN
        def otherBidder = api("GET", "/api/tenders/$generic.tenderId", who.evaluator3)
        otherBidder.status == HttpStatus.FORBIDDEN
        otherBidder.body.detail.contains("does not score that lot (SC-04)")
        api("GET", "/api/rounds/$round.id/tenders", who.evaluator3).body.isEmpty()
        api("POST", "/api/tenders/$sisters.tenderId/scores", who.evaluator3, RoundFixture.scores(lot, [RACE: 5, DISABILITY: 5, SEX: 5], 5, "x")).status == HttpStatus.FORBIDDEN
        api("POST", "/api/tenders/$generic.tenderId/scores", who.evaluator3, RoundFixture.scores(lot, [RACE: 5, DISABILITY: 5, SEX: 5], 5, "x")).status == HttpStatus.FORBIDDEN
        count("score") == old(count("score"))
    }

    def "the panel status shows too few evaluators free of conflict for every tender of the lot, and the award waits for it"() {
        given:
        ["evaluator", "evaluator2"].each { e ->
            [sisters, generic].each { t ->
                assert api("POST", "/api/tenders/$t.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
            }
        }

        when:
        def panel = api("GET", "/api/rounds/$round.id/panel", who.commissioner).body.find { it.lotId == lot.id }
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        !panel.enough
        panel.tenders.every { it.unconflicted == 2 && it.conflicted.size() == 1 }
        award.status == HttpStatus.UNPROCESSABLE_ENTITY
        award.body.findings.any { it.ruleId == "SC-04" && it.message.startsWith("Only 2 evaluators free of conflict scored the tender from ${who.sisters}") }
        award.body.findings.find { it.ruleId == "SC-04" }.message.contains("the round's minimum panel is 3")
    }

    def "independent scoring: an evaluator sees only its own scores until all of its own are in"() {
        when:
        def evaluatorOnGeneric = api("GET", "/api/tenders/$generic.tenderId/scores", who.evaluator).body
        def commissionerView = api("GET", "/api/tenders/$generic.tenderId/scores", who.commissioner).body

        then: "evaluator has scored every criterion of the generic tender, so sees the panel's scores"
        evaluatorOnGeneric*.evaluatorId.toSet().size() == 2
        commissionerView.size() == 8
    }

    def "a conflict found after scoring quarantines that evaluator's scores on every tender of the lot (SC-04); they stay in the log"() {
        given:
        String genericOrg = api("GET", "/api/rounds/$round.id/conflicts/mine", who.evaluator2).body.bidders.find { it.name == who.generic }.organisationId

        when:
        def reply = api("POST", "/api/rounds/$round.id/conflicts", who.evaluator2,
                [declarations: [[organisationId: genericOrg, conflicted: true, nature: "Found later: spouse works for Generic Support"]]])

        then: "its scores on Generic's tender and on Sister Space's, the other tender of the lot, are set aside"
        reply.status == HttpStatus.OK
        reply.body.scoresQuarantined == 8
        count("score", "quarantined_at is not null and quarantine_reason like 'SC-04%' and tender_id in (select id from tender where round_id = ?)",
                UUID.fromString(round.id as String)) == 8
        api("GET", "/api/tenders/$generic.tenderId/scores", who.commissioner).body.size() == 4
        api("GET", "/api/tenders/$sisters.tenderId/scores", who.commissioner).body.size() == 4
        api("GET", "/api/tenders/$sisters.tenderId", who.evaluator2).status == HttpStatus.FORBIDDEN
        def log = api("GET", "/api/rounds/$round.id/conflicts", who.scrutiny).body
        log.findAll { it.evaluator.startsWith("Evaluator2") }*.conflicted == [false, false, true]
        log.size() == 2 + 3 + 2
    }

    def "unknown bidders and declarations by evaluators not on a panel are refused"() {
        given:
        long before = count("conflict_declaration")
        String name = "outsider-${UUID.randomUUID()}"
        accounts.save(new org.levelfield.access.UserAccount(UUID.randomUUID(), name, "Outsider", org.levelfield.access.PasswordHasher.hash(PASSWORD),
                org.levelfield.common.identity.Role.EVALUATOR, null, Instant.now()))
        String outsider = login(name)

        expect:
        api("POST", "/api/rounds/$round.id/conflicts", who.evaluator,
                [declarations: [[organisationId: UUID.randomUUID().toString(), conflicted: false]]]).body.errors[0].field == "declarations[0].organisationId"
        api("POST", "/api/rounds/$round.id/conflicts", outsider, [declarations: []]).status == HttpStatus.FORBIDDEN
        api("GET", "/api/tenders/$generic.tenderId", outsider).status == HttpStatus.FORBIDDEN
        api("POST", "/api/tenders/$generic.tenderId/scores", outsider, RoundFixture.scores(lot, [RACE: 5, DISABILITY: 5, SEX: 5], 5, "x")).body.detail
                .contains("not on the evaluation panel")
        count("conflict_declaration") == before
        count("score", "evaluator_id = (select id from app_user where username = ?)", name) == 0
    }
}
