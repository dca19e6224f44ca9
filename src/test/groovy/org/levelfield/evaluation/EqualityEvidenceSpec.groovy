package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * EQ-06 and EQ-07 at award: policy-only evidence, and reliance on a specialist partner without
 * commitment, share and fair terms, cap the sub-criterion at 2. A cap lowers, never raises, and the
 * equality gateway reads the capped scores.
 */
@MicronautTest(transactional = false)
@Stepwise
class EqualityEvidenceSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared Map policyOnly
    @Shared Map unnamedPartner
    @Shared Instant deadline = Instant.parse("2026-12-23T12:00:00Z")

    def "two tenders: one with only a policy for race, one relying on a partner with no letter, share or fair terms for disability"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(deadline)
        design.lots[1].criteria.find { it.kind == "QUALITY" }.minScore = 3
        design.lots[1].terms = [mandatoryItems: ["BSL interpreting at every session"]]
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        lot = round.lots[1]
        def evidence = RoundFixture.tender(lot, 1).equalityEvidence

        when:
        policyOnly = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 24_000_000, [equalityEvidence:
                [[duty: "RACE", type: "POLICY", description: "Our equal opportunities policy"]] + evidence.findAll { it.duty != "RACE" },
                monitoringPlan: [characteristics: ["RACE", "DISABILITY", "SEX"], frequency: "ANNUALLY", description: "Annual report"],
                mandatoryItems: [[item: "BSL interpreting at every session", met: false, how: "On request with two weeks' notice"]]])).body
        def unconfirmed = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 26_000_000))
        unnamedPartner = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 26_000_000, [subcontractors:
                [[name: "A Deaf-led organisation to be identified", kind: "PARTNER", sharePercent: 10, paymentDays: 60, fullCostRecovery: false,
                  duties: ["DISABILITY"]]], mandatoryItems: [[item: "BSL interpreting at every session", met: true, how: "Partner-provided"]]])).body

        then:
        policyOnly.tenderId
        unnamedPartner.tenderId
        unconfirmed.status == HttpStatus.BAD_REQUEST
        unconfirmed.body.errors*.message.contains("confirm whether the tender meets the mandatory item 'BSL interpreting at every session'")
    }

    def "the panel scores both generously; at award the rules cap those sub-criteria at 2 and say why"() {
        given:
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        [(policyOnly): 4, (unnamedPartner): 2].each { t, quality ->
            ["evaluator", "evaluator2"].each { e ->
                assert api("POST", "/api/tenders/$t.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 5, SEX: 1], quality, "Panel")).status == HttpStatus.CREATED
            }
        }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner).body
        def lines = { Map t -> award.lots.find { it.lotId == lot.id }.tenders.find { it.tenderId == t.tenderId }.lines }
        def race = lines(policyOnly).find { it.duty == "RACE" }
        def disability = lines(unnamedPartner).find { it.duty == "DISABILITY" }
        def sex = lines(policyOnly).find { it.duty == "SEX" }

        then: "policy-only race evidence: 4 capped to 2 (EQ-06)"
        race.evaluatorScores*.score == [4, 4]
        race.score == 2
        race.cappedBy.ruleId == "EQ-06"
        award.findings.find { it.ruleId == "EQ-06" && it.subjectId == policyOnly.tenderId }.message.contains("Policy-only evidence")

        and: "an uncommitted partner for disability: 5 capped to 2 and flagged (EQ-07)"
        disability.score == 2
        disability.cappedBy.ruleId == "EQ-07"
        def eq07 = award.findings.find { it.ruleId == "EQ-07" }
        eq07.severity == "FLAG"
        eq07.message.contains("no letter of commitment")
        eq07.message.contains("payment not within 30 days")

        and: "a cap never raises: sex scored 1 stays 1 with no cap"
        sex.score == 1
        sex.cappedBy == null

        and: "the equality gateway reads the capped scores"
        award.findings.find { it.ruleId == "EQ-05" && it.subjectId == policyOnly.tenderId }.message.contains("race 2")

        and: "a mandatory item not met disqualifies (SC-09)"
        award.findings.find { it.ruleId == "SC-09" && it.subjectId == policyOnly.tenderId }.severity == "FAIL"
        award.lots.find { it.lotId == lot.id }.tenders.find { it.tenderId == policyOnly.tenderId }.disqualified

        and: "a monitoring plan short of what the round monitors is flagged (EQ-08)"
        award.findings.find { it.ruleId == "EQ-08" && it.subjectId == policyOnly.tenderId }.message.contains("SEXUAL_ORIENTATION")
        !award.findings.any { it.ruleId == "EQ-08" && it.subjectId == unnamedPartner.tenderId }

        and: "a quality score below the published minimum of 3 disqualifies (SC-07)"
        def sc07 = award.findings.find { it.ruleId == "SC-07" }
        sc07.subjectId == unnamedPartner.tenderId
        sc07.severity == "FAIL"
        award.lots.find { it.lotId == lot.id }.tenders.find { it.tenderId == unnamedPartner.tenderId }.disqualified
    }
}
