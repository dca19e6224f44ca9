package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.access.Organisation
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Prices at award (issue 13, 2.4): SC-08 compares a price with the lot's pre-tender estimate (not
 * its value) and with the mean of the other compliant tenders only; SC-06 applies a published
 * ceiling (FAIL where published as disqualifying, FLAG otherwise); prices are stated and compared
 * on the lot's published VAT basis; and the figures are checked when the round is written.
 */
@MicronautTest(transactional = false)
class PricesAtAwardSpec extends IntegrationSpec {

    static final Instant DEADLINE = Instant.parse("2026-12-21T12:00:00Z")

    /** A bidding organisation of its own (a company with a full profile), and a token for one of its members. */
    String anotherBidder(String name) {
        def org = organisations.save(new Organisation(UUID.randomUUID(), "$name ${UUID.randomUUID()}".toString(), "GB-COH-" + uniqueDigits(8), Instant.now()))
        completeProfile(org.id(), "COMPANY", 500_000_000, 80, "AUDITED")
        def user = accounts.save(new UserAccount(UUID.randomUUID(), "price-${org.id()}", name, PasswordHasher.hash(PASSWORD), Role.BIDDER, org.id(), Instant.now()))
        login(user.username())
    }

    /** Publishes the round, takes the tenders (token and body per tender), scores each alike after the deadline and computes the award. */
    Map awardOf(Map who, Map design, Closure<List<List>> tendersFor) {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def published = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner)
        assert published.status == HttpStatus.OK: "publication failed: $published"
        def round = published.body.round
        def sent = tendersFor(round).collect { token, lotIndex, body ->
            def lot = round.lots[lotIndex]
            def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", token, body(lot))
            assert reply.status == HttpStatus.CREATED: "tender refused: $reply"
            [lot: lot, id: reply.body.tenderId]
        }
        seatPanel(round, who)
        clock.set(DEADLINE.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        sent.each { t -> ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$t.id/scores", who[e], RoundFixture.scores(t.lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
        } }
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        [round: round, tenders: sent*.id, award: award]
    }

    def "prices close to the pre-tender estimate are not abnormally low: the lot's value (with VAT) is no estimate"() {
        given: "a £300,000 lot whose pre-tender estimate is £240,000; tenders at £230,000, £240,000 and £250,000"
        def who = people()
        def third = anotherBidder("Third Way Care Ltd")
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[1].terms = [preTenderEstimatePence: 24_000_000]

        when:
        def r = awardOf(who, design) { round -> [
                [who.bidder, 1, { lot -> RoundFixture.tender(lot, 23_000_000) }],
                [who.bidder2, 1, { lot -> RoundFixture.tender(lot, 24_000_000) }],
                [third, 1, { lot -> RoundFixture.tender(lot, 25_000_000) }]] }

        then: "no price is flagged, and nothing blocks the decision later (DR-08 reads these flags)"
        r.award.status == HttpStatus.OK
        r.award.body.findings.findAll { it.ruleId == "SC-08" }.isEmpty()
        r.award.body.lots[1].provisionalWinner == r.tenders[0]
    }

    def "a price under 85% of the pre-tender estimate is flagged, and the message gives the estimate"() {
        given:
        def who = people()
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[1].terms = [preTenderEstimatePence: 24_000_000]

        when:
        def r = awardOf(who, design) { round -> [
                [who.bidder, 1, { lot -> RoundFixture.tender(lot, 19_000_000) }],
                [who.bidder2, 1, { lot -> RoundFixture.tender(lot, 20_000_000) }]] }

        then:
        def flags = r.award.body.findings.findAll { it.ruleId == "SC-08" }
        flags*.subjectId as Set == r.tenders as Set
        flags.every { it.severity == "FLAG" && it.message.contains("below 85% of the pre-tender estimate of £240,000") }
    }

    def "the mean a price is compared with leaves out tenders that are out of the award"() {
        given: "£200,000 and £210,000 tenders, and a £600,000 tender that does not meet a mandatory item"
        def who = people()
        def third = anotherBidder("Costly Care Ltd")
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[1].terms = [mandatoryItems: ["BSL interpreting at every session"]]
        def met = [mandatoryItems: [[item: "BSL interpreting at every session", met: true, how: "Two staff interpreters"]]]

        when:
        def r = awardOf(who, design) { round -> [
                [who.bidder, 1, { lot -> RoundFixture.tender(lot, 20_000_000, met) }],
                [who.bidder2, 1, { lot -> RoundFixture.tender(lot, 21_000_000, met) }],
                [third, 1, { lot -> RoundFixture.tender(lot, 60_000_000,
                        [mandatoryItems: [[item: "BSL interpreting at every session", met: false, how: "Not offered"]]]) }]] }
        def lot = r.award.body.lots[1]

        then: "the costly tender is out (SC-09); the others are compared with each other only, so neither is abnormally low"
        r.award.status == HttpStatus.OK
        lot.tenders.find { it.tenderId == r.tenders[2] }.disqualified
        r.award.body.findings.any { it.ruleId == "SC-09" && it.subjectId == r.tenders[2] && it.severity == "FAIL" }
        r.award.body.findings.findAll { it.ruleId == "SC-08" }.isEmpty()
        lot.lowestCompliantPricePence == 20_000_000
    }

    def "a price above a ceiling published as disqualifying takes the tender out; above one that was not, it is flagged and stays in"() {
        given: "lot 2 may cost at most £250,000 (rejected above); lot 1 at most £850,000 (questioned above)"
        def who = people()
        def third = anotherBidder("Ceiling Care Ltd")
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[1].terms = [priceCeilingPence: 25_000_000, priceCeilingDisqualifying: true]
        design.lots[0].terms = [priceCeilingPence: 85_000_000, priceCeilingDisqualifying: false]

        when:
        def r = awardOf(who, design) { round -> [
                [who.bidder, 1, { lot -> RoundFixture.tender(lot, 24_000_000) }],
                [who.bidder2, 1, { lot -> RoundFixture.tender(lot, 26_000_000) }],
                [who.bidder2, 0, { lot -> RoundFixture.tender(lot, 86_000_000) }],
                [third, 0, { lot -> RoundFixture.tender(lot, 84_000_000) }]] }
        def findings = r.award.body.findings.findAll { it.ruleId == "SC-06" && it.subjectType == "tender" }

        then:
        r.award.status == HttpStatus.OK
        findings.find { it.subjectId == r.tenders[1] }.severity == "FAIL"
        findings.find { it.subjectId == r.tenders[1] }.message.contains("above the published ceiling of £250,000")
        r.award.body.lots[1].tenders.find { it.tenderId == r.tenders[1] }.disqualified
        findings.find { it.subjectId == r.tenders[2] }.severity == "FLAG"
        !r.award.body.lots[0].tenders.find { it.tenderId == r.tenders[2] }.disqualified
        findings.count { it.subjectId in [r.tenders[0], r.tenders[3]] } == 0

        and: "the results list the gateways the rules declare (every scoring rule with a FAIL branch), SC-06 among them"
        def results = api("GET", "/api/rounds/$r.round.id/award/results", who.commissioner).body
        def over = results.lots[1].tenders.find { it.tenderId == r.tenders[1] }
        over.gateways*.ruleId == ["EQ-05", "SC-06", "SC-07", "SC-08", "SC-09"]
        over.gateways.find { it.ruleId == "SC-06" }.passed == false
        over.disqualifiedBecause.any { it.startsWith("disqualified: SC-06: The price of £260,000 is above the published ceiling") }
    }

    def "a price stated including VAT is refused where the lot compares prices excluding VAT, and nothing is stored"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[0].terms = [priceVatBasis: "INCLUDING_VAT"]
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        long before = count("tender", "round_id = ?", UUID.fromString(round.id as String))

        when:
        def refused = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/tenders", who.bidder2,
                RoundFixture.tender(round.lots[1], 24_000_000, [vatBasis: "INCLUDING_VAT"]))
        def exempt = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/tenders", who.bidder,
                RoundFixture.tender(round.lots[1], 24_000_000, [vatBasis: "VAT_EXEMPT"]))
        def onItsBasis = api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/tenders", who.bidder2,
                RoundFixture.tender(round.lots[0], 80_000_000, [vatBasis: "INCLUDING_VAT"]))

        then:
        refused.status == HttpStatus.BAD_REQUEST
        refused.body.errors.find { it.field == "vatBasis" }.message.contains("this lot compares prices excluding VAT")
        exempt.status == HttpStatus.CREATED
        onItsBasis.status == HttpStatus.CREATED
        count("tender", "round_id = ?", UUID.fromString(round.id as String)) == before + 2
        new String(api("GET", "/rounds/$round.id", null).bytes, "UTF-8").contains("Including VAT, for the whole term")
    }

    def "an estimate or ceiling below zero or far above the lot's value, or an unknown VAT basis, is refused by field and no round is stored"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[1].terms = terms
        long before = count("round")

        when:
        def reply = api("POST", "/api/rounds", who.commissioner, design)

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors.find { it.field == "lots[1].terms.$field" }.message.contains(message)
        count("round") == before

        where:
        terms                                                    | field                       | message
        [preTenderEstimatePence: -1]                             | "preTenderEstimatePence"    | "more than zero"
        [preTenderEstimatePence: 0]                              | "preTenderEstimatePence"    | "more than zero"
        [preTenderEstimatePence: 30_000_000L * 11]               | "preTenderEstimatePence"    | "more than ten times the lot's value"
        [priceCeilingPence: -5]                                  | "priceCeilingPence"         | "more than zero"
        [priceCeilingPence: 4_200_000_000_000_000_000L]          | "priceCeilingPence"         | "more than ten times the lot's value"
        [priceVatBasis: "PLUS_VAT"]                              | "priceVatBasis"             | "EXCLUDING_VAT"
        [priceCeilingDisqualifying: true]                        | "priceCeilingDisqualifying" | "needs its amount"
    }
}
