package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.access.Organisation
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Issue 5's round: three lots, six tenders, a panel of four (minimum three) with one declared
 * conflict, one spread needing moderation, one abnormally low price, one tender relying on an
 * unnamed future partner for its disability delivery, and one whose only race evidence is a policy.
 * The results show exactly which rules fired on which tender and why, and the ranking follows from
 * the published method; the same inputs always give the same results.
 */
@MicronautTest(transactional = false)
@Stepwise
class EvaluationRoundSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map<String, Map> lots = [:]
    @Shared Map<String, Map> tenders = [:]
    @Shared Map<String, String> extra = [:]
    @Shared Instant deadline = Instant.parse("2025-11-14T12:00:00Z")
    static final List<String> PANEL = ["evaluator", "evaluator2", "evaluator3", "evaluator4"]

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ["levelfield.evaluation.min-panel-size": "3"]
    }

    String bidderAccount(String name, String legalForm, long income, int staff) {
        def org = organisations.save(new Organisation(UUID.randomUUID(), "$name ${UUID.randomUUID().toString().take(6)}".toString(), null, Instant.now()))
        completeProfile(org.id(), legalForm, income, staff, legalForm == "COMPANY" ? "AUDITED" : "INDEPENDENT_EXAMINATION")
        accounts.save(new UserAccount(UUID.randomUUID(), "er-${org.id()}", name, PasswordHasher.hash(PASSWORD), Role.BIDDER, org.id(), Instant.now()))
        extra[name + " org"] = org.name()
        login("er-${org.id()}")
    }

    Map submit(String token, String lotKey, long price, Map more = [:]) {
        def reply = api("POST", "/api/rounds/$round.id/lots/${lots[lotKey].id}/tenders", token, RoundFixture.tender(lots[lotKey], price, more))
        assert reply.status == HttpStatus.CREATED: "$reply"
        reply.body
    }

    def "a three-lot round is published and six tenders come in"() {
        given:
        who = people()
        String fourth = "evaluator4-${UUID.randomUUID()}"
        accounts.save(new UserAccount(UUID.randomUUID(), fourth, "Evaluator4", PasswordHasher.hash(PASSWORD), Role.EVALUATOR, null, Instant.now()))
        who.evaluator4 = login(fourth)
        clock.set(Instant.parse("2025-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(deadline, java.time.LocalDate.of(2025, 4, 1))
        design.eqia = RoundFixture.fullEqia(java.time.LocalDate.of(2025, 3, 1))
        design.details = RoundFixture.goodDetails(java.time.LocalDate.of(2025, 3, 1))
        design.lots << [title: "Black and minoritised survivors", valueInclVatPence: 30_000_000, termMonths: 36, criteria: RoundFixture.criteria(),
                        terms: [mainSubjectMatter: "SOCIAL_CARE", priceMode: "PRICE_SCORED"]] // a light-touch contract (AW-06)
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        lots.A = round.lots.find { it.title == "Community outreach" }
        lots.B = round.lots.find { it.title == "Deaf and disabled survivors" }
        lots.C = round.lots.find { it.title == "Black and minoritised survivors" }
        String dwv = bidderAccount("Deaf Women's Voice CIC", "CIC", 25_000_000, 7)
        String cheap = bidderAccount("Cheap Care Ltd", "COMPANY", 500_000_000, 80)
        def evidence = RoundFixture.tender(lots.C, 1).equalityEvidence

        when:
        tenders.sistersA = submit(who.bidder, "A", 85_000_000, RoundFixture.consortiumWith("Northside Women's Aid", 50_000_000))
        tenders.genericA = submit(who.bidder2, "A", 80_000_000)
        tenders.dwvB = submit(dwv, "B", 28_000_000)
        tenders.genericB = submit(who.bidder2, "B", 29_000_000, [subcontractors: [[name: "A Deaf-led organisation to be identified", kind: "PARTNER",
                sharePercent: 10, paymentDays: 60, fullCostRecovery: false, duties: ["DISABILITY"]]]])
        tenders.sistersC = submit(who.bidder, "C", 27_000_000, [equalityEvidence:
                [[duty: "RACE", type: "POLICY", description: "Our anti-racism policy"]] + evidence.findAll { it.duty != "RACE" }])
        tenders.cheapC = submit(cheap, "C", 15_000_000)
        extra.cheapToken = cheap

        then:
        tenders.size() == 6
    }

    def "a panel of four sits on every lot; one evaluator declares a conflict with Generic Support and sees no tender of the lots it bids for (SC-04)"() {
        given:
        seatPanel(round, who, PANEL)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        def bidders = api("GET", "/api/rounds/$round.id/conflicts/mine", who.evaluator4).body.bidders

        when:
        def declared = api("POST", "/api/rounds/$round.id/conflicts", who.evaluator4, [declarations: bidders.collect {
            it.name == who.generic ? [organisationId: it.organisationId, conflicted: true, nature: "Former employee of Generic Support (2024)"]
                    : [organisationId: it.organisationId, conflicted: false] }])

        then:
        declared.status == HttpStatus.OK
        api("GET", "/api/tenders/$tenders.genericA.tenderId", who.evaluator4).status == HttpStatus.FORBIDDEN
        api("GET", "/api/tenders/$tenders.sistersA.tenderId", who.evaluator4).status == HttpStatus.FORBIDDEN
        api("GET", "/api/tenders/$tenders.sistersC.tenderId", who.evaluator4).status == HttpStatus.OK
        api("GET", "/api/rounds/$round.id/panel", who.commissioner).body.every { it.enough }
    }

    def "the panel scores independently; race scores for Sister Space in lot A spread from 2 to 4 and a consensus of 3 is recorded"() {
        given:
        def plan = [sistersA: [4, 4, 4], genericA: [4, 4, 4], dwvB: [4, 4, 4], genericB: [4, 5, 4], sistersC: [4, 4, 4], cheapC: [4, 4, 4]]
        def lotOf = [sistersA: "A", genericA: "A", dwvB: "B", genericB: "B", sistersC: "C", cheapC: "C"]
        plan.each { key, duties ->
            PANEL.each { e ->
                if (e == "evaluator4" && lotOf[key] in ["A", "B"]) return // off the lots Generic Support bids for
                int race = key == "sistersA" ? [evaluator: 2, evaluator2: 4, evaluator3: 3, evaluator4: 3][e] : duties[0]
                def given = RoundFixture.scores(lots[lotOf[key]], [RACE: race, DISABILITY: duties[1], SEX: duties[2]], 4, e)
                if (key == "dwvB" && e == "evaluator3") {
                    // a reason that cites nothing in the tender: SC-02 flags it, and it is rewritten before the summaries go (AW-03)
                    given.scores.find { it.criterionId == lots.B.criteria.find { c -> c.duty == "SEX" }.id }.reason = "Strong practice with women and girls throughout."
                }
                def reply = api("POST", "/api/tenders/${tenders[key].tenderId}/scores", who[e], given)
                assert reply.status == HttpStatus.CREATED: "$key $e $reply"
            }
        }
        def race = lots.A.criteria.find { it.duty == "RACE" }

        when:
        def blocked = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def consensus = api("POST", "/api/tenders/$tenders.sistersA.tenderId/consensus", who.commissioner,
                [criterionId: race.id, score: 3, reason: "Section 2 names outreach partners but does not cost them; the panel agreed 3"])

        then:
        blocked.status == HttpStatus.UNPROCESSABLE_ENTITY
        blocked.body.findings*.ruleId == ["SC-03"]
        consensus.status == HttpStatus.CREATED
    }

    def "the first award flags Cheap Care's price; the bidder is notified and heard, its tender disregarded, and the award recomputed"() {
        when:
        def first = api("POST", "/api/rounds/$round.id/award", who.commissioner).body
        def flag = first.findings.find { it.ruleId == "SC-08" && it.subjectId == tenders.cheapC.tenderId }
        def notified = api("POST", "/api/tenders/$tenders.cheapC.tenderId/abnormally-low/notify", who.commissioner, [question: "How does £150,000 cover the specification?"])
        def responded = api("POST", "/api/tenders/$tenders.cheapC.tenderId/abnormally-low/respond", extra.cheapToken, [response: "Volunteers would run most sessions."])
        def decided = api("POST", "/api/tenders/$tenders.cheapC.tenderId/abnormally-low/decide", who.commissioner,
                [decision: "DISREGARDED", reason: "Volunteer-run sessions do not meet the specified trained staffing"])
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        flag.severity == "FLAG"
        notified.status == HttpStatus.OK
        responded.status == HttpStatus.OK
        decided.status == HttpStatus.OK
        award.status == HttpStatus.OK
    }

    def "the results show exactly which rules fired on which tender and why, and the ranking follows from the published method"() {
        when:
        def results = api("GET", "/api/rounds/$round.id/award/results", who.scrutiny).body
        def line = { String key -> results.lots.collectMany { it.tenders }.find { it.tenderId == tenders[key].tenderId } }
        def fired = { String key -> line(key).findings.collect { "${it.ruleId} ${it.severity}".toString() }.toSet() }

        then: "per tender, the rules that fired"
        fired("sistersA") == ["SC-03 FLAG"] as Set
        fired("genericA") == [] as Set
        fired("dwvB") == ["SC-02 FLAG"] as Set
        fired("genericB") == ["EQ-07 FLAG", "EQ-02 INFO"] as Set
        fired("sistersC") == ["EQ-06 FLAG", "EQ-01 INFO"] as Set
        fired("cheapC") == ["SC-08 FAIL"] as Set

        and: "and why"
        line("sistersA").criteria.find { it.duty == "RACE" }.consensus.score == 3
        line("sistersA").criteria.find { it.duty == "RACE" }.evaluatorScores*.score.sort() == [2, 3, 4] // evaluator4 is off lot A (SC-04)
        line("genericA").criteria.find { it.duty == "RACE" }.evaluatorScores.size() == 3
        line("genericB").criteria.find { it.duty == "DISABILITY" }.cappedBy.ruleId == "EQ-07"
        line("genericB").criteria.find { it.duty == "DISABILITY" }.score == 2
        line("sistersC").criteria.find { it.duty == "RACE" }.cappedBy.ruleId == "EQ-06"
        line("cheapC").findings[0].message.contains("trained staffing")
        line("cheapC").gateways.find { it.ruleId == "SC-08" }.passed == false
        line("cheapC").disqualified
        line("cheapC").total == null && line("cheapC").rank == null
        line("cheapC").disqualifiedBecause.size() == 1
        line("cheapC").disqualifiedBecause[0].startsWith("disqualified: SC-08: ")

        and: "the ranking follows from the published method"
        // lot A: Generic 30 + 32 + 8 + 8 + 8 = 86.00; Sister Space 30 x 80/85 + 32 + 10 x 3/5 + 8 + 8 = 82.24
        line("genericA").total == 86.00 && line("genericA").rank == 1
        line("sistersA").total == 82.24 && line("sistersA").rank == 2
        // lot B: Deaf Women's Voice 86.00; Generic 30 x 28/29 + 32 + 8 + 10 x 2/5 (capped) + 8 = 80.97
        line("dwvB").total == 86.00 && line("dwvB").rank == 1
        line("genericB").total == 80.97 && line("genericB").rank == 2
        // lot C: Cheap Care disregarded, so the lowest compliant price is Sister Space's own: 30 + 32 + 10 x 2/5 (capped) + 8 + 8 = 82.00
        line("sistersC").total == 82.00 && line("sistersC").rank == 1
        results.lots.find { it.lotId == lots.C.id }.lowestCompliantPricePence == 27_000_000
        results.lots*.provisionalWinner.toSet() == [tenders.genericA.tenderId, tenders.dwvB.tenderId, tenders.sistersC.tenderId].toSet()
    }

    def "the same inputs give the same results and findings every time"() {
        given:
        def before = api("GET", "/api/rounds/$round.id/award/results", who.scrutiny).body

        when:
        api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def after = api("GET", "/api/rounds/$round.id/award/results", who.scrutiny).body

        then:
        after == before
    }

    def "no score is accepted once the award is proposed, and nothing changes"() {
        given:
        long scores = count("score")

        when:
        def late = api("POST", "/api/tenders/$tenders.dwvB.tenderId/scores", who.evaluator, RoundFixture.scores(lots.B, [RACE: 5, DISABILITY: 5, SEX: 5], 5, "late"))

        then:
        late.status == HttpStatus.CONFLICT
        late.body.currentState == "AWARD_PROPOSED"
        count("score") == scores
    }

    def "the award is published as an OCDS 1.1.5 release with the UK extension's fields, valid against the schema and codelists"() {
        when:
        def release = api("GET", "/api/rounds/$round.id/award/ocds", who.scrutiny).body
        def statistics = release.bids.statistics

        then: "it validates against the OCDS 1.1.5 release schema with the UK extension merged in"
        org.levelfield.support.OcdsSchemas.validate(release) == []

        and: "the validation is real: a broken release fails it"
        !org.levelfield.support.OcdsSchemas.validate(release + [tag: "award"]).isEmpty()
        !org.levelfield.support.OcdsSchemas.validate(release + [awards: [[id: "a1", value: [amount: "lots", currency: "GBP"]]]]).isEmpty()

        and: "every code is from its codelist"
        org.levelfield.support.OcdsSchemas.codes("releaseTag").containsAll(release.tag)
        release.initiationType in org.levelfield.support.OcdsSchemas.codes("initiationType")
        release.parties.every { org.levelfield.support.OcdsSchemas.codes("partyRole").containsAll(it.roles) }
        release.parties.findAll { it.details }.every { it.details.scale in org.levelfield.support.OcdsSchemas.codes("partyScale") }
        release.awards.every { it.status in org.levelfield.support.OcdsSchemas.codes("awardStatus") }
        release.tender.status in org.levelfield.support.OcdsSchemas.codes("tenderStatus")
        release.tender.awardCriteria in org.levelfield.support.OcdsSchemas.codes("awardCriteria")
        release.tender.mainProcurementCategory in org.levelfield.support.OcdsSchemas.codes("procurementCategory")
        statistics.every { it.measure in org.levelfield.support.OcdsSchemas.codes("bidStatistics") }

        and: "the UK fields say who the suppliers are and how many SMEs and VCSEs bid per lot"
        release.ocid.startsWith("ocds-lvlfld-")
        release.awards.size() == 3
        release.parties.find { it.name == extra["Deaf Women's Voice CIC org"] }.details == [scale: "sme", vcse: true]
        release.parties.find { it.name == who.generic }.details == [scale: "large", vcse: false]
        statistics.find { it.relatedLot == lots.B.id && it.measure == "finalStageBids" }.value == 2
        statistics.find { it.relatedLot == lots.B.id && it.measure == "vcseFinalStageBids" }.value == 1
        release.tender.numberOfTenderers == 4
    }
}
