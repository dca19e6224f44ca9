package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Criteria are frozen at publication: they change only by a recorded amendment before the deadline,
 * which republishes, extends the deadline and tells every bidder with a tender to resubmit (RD-27).
 */
@MicronautTest(transactional = false)
@Stepwise
class AmendmentSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map receipt
    @Shared Instant deadline = Instant.parse("2026-09-01T12:00:00Z")

    static List<Map> rebalanced() {
        def criteria = RoundFixture.criteria()
        criteria[0].weight = 20
        criteria[1].weight = 50
        criteria
    }

    def "a published round receives a tender"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-07-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        Map lot = round.lots[0]

        when:
        receipt = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000)).body

        then:
        receipt.tenderId
    }

    def "editing the design after publication is refused; only an amendment may change the criteria"() {
        expect:
        api("PUT", "/api/rounds/$round.id", who.commissioner, RoundFixture.aRound(deadline)).status == HttpStatus.CONFLICT
    }

    def "an amendment that does not extend the deadline is refused by RD-27 and changes nothing"() {
        given:
        long criteriaBefore = count("criterion c join lot l on l.id = c.lot_id", "l.round_id = ?::uuid", round.id)

        when:
        def reply = api("POST", "/api/rounds/$round.id/amendments", who.commissioner,
                [reason: "Rebalance price and quality", newTenderDeadline: deadline.toString(), lots: [[lotId: round.lots[0].id, criteria: rebalanced()]]])

        then:
        reply.status == HttpStatus.UNPROCESSABLE_ENTITY
        reply.body.detail.contains("RD-27")
        reply.body.findings.any { it.ruleId == "RD-27" && it.message.contains("without an extension") }
        count("criterion c join lot l on l.id = c.lot_id", "l.round_id = ?::uuid", round.id) == criteriaBefore
        api("GET", "/api/tenders/$receipt.tenderId", who.bidder).body.status == "SUBMITTED"
    }

    def "an amendment with bad criteria names the field"() {
        when:
        def bad = rebalanced()
        bad[1].kind = "VIBES"
        def reply = api("POST", "/api/rounds/$round.id/amendments", who.commissioner,
                [reason: "x", newTenderDeadline: deadline.plusSeconds(86_400 * 14).toString(), lots: [[lotId: round.lots[0].id, criteria: bad]]])
        def noLot = api("POST", "/api/rounds/$round.id/amendments", who.commissioner,
                [reason: "x", newTenderDeadline: deadline.plusSeconds(86_400 * 14).toString(), lots: [[lotId: UUID.randomUUID().toString(), criteria: rebalanced()]]])

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors*.field == ["lots[0].criteria[1].kind"]
        noLot.status == HttpStatus.BAD_REQUEST
        noLot.body.errors*.field == ["lots[0].lotId"]
    }

    def "an amendment with an extended deadline republishes, keeps the old criteria, and asks the bidder to resubmit"() {
        given:
        Instant extended = deadline.plusSeconds(86_400 * 21)

        when:
        def reply = api("POST", "/api/rounds/$round.id/amendments", who.commissioner,
                [reason: "Rebalance price and quality", newTenderDeadline: extended.toString(), lots: [[lotId: round.lots[0].id, criteria: rebalanced()]]])
        def notices = api("GET", "/api/notices", who.bidder).body

        then:
        reply.status == HttpStatus.OK
        reply.body.round.tenderDeadline == extended.toString()
        reply.body.round.lots[0].criteria*.weight == [20, 50, 10, 10, 10]
        !reply.body.containsKey("tendersToResubmit")  // it would count the sealed tenders (issue 15)
        count("criterion", "lot_id = ?::uuid and superseded_at is not null", round.lots[0].id) == 5
        api("GET", "/api/tenders/$receipt.tenderId", who.bidder).body.status == "RESUBMISSION_REQUIRED"
        notices.size() == 1
        notices[0].message.contains("Rebalance price and quality")
        notices[0].message.contains("send it again, changed if you wish, by 1:00pm on 22 September 2026")
        notices[0].link.path == "/rounds/$round.id/lots/${round.lots[0].id}/tender".toString()
        notices[0].link.label == "Check and send your tender again"
        api("GET", "/api/notices", who.bidder2).body.isEmpty()
        api("GET", "/api/rounds/$round.id/history", who.commissioner).body.last().reason.startsWith("Criteria amended and republished")
    }

    def "the bidder resubmits against the new criteria"() {
        given:
        round = api("GET", "/api/rounds/$round.id", who.bidder).body
        Map lot = round.lots[0]

        when:
        def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 79_000_000))

        then:
        reply.status == HttpStatus.CREATED
        api("GET", "/api/rounds/$round.id/tenders", who.bidder).body*.status == ["SUBMITTED"]
    }

    def "after the deadline, criteria cannot change at all"() {
        given:
        clock.set(Instant.parse(round.tenderDeadline).plusSeconds(60))

        when:
        def reply = api("POST", "/api/rounds/$round.id/amendments", who.commissioner,
                [reason: "Too late", newTenderDeadline: Instant.parse(round.tenderDeadline).plusSeconds(86_400 * 30).toString(),
                 lots: [[lotId: round.lots[0].id, criteria: RoundFixture.criteria()]]])

        then:
        reply.status == HttpStatus.UNPROCESSABLE_ENTITY
        reply.body.findings.any { it.ruleId == "RD-27" && it.severity == "BLOCK" && it.message.contains("after tenders opened") }
    }
}
