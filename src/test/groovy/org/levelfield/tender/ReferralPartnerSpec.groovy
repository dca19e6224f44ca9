package org.levelfield.tender

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, part 13: a tender can name a referral partner, one that refers people to the service or takes referrals
 * from it, without a share of the funding or payment terms (before, every partner needed a share of 1 to 99%). A share
 * given for one is refused; EQ-07 asks a referral partner for its letter of commitment only (see its cases).
 */
@MicronautTest(transactional = false)
class ReferralPartnerSpec extends IntegrationSpec {

    def "a referral partner without a share is accepted and kept; one given a share is refused naming the field"() {
        given:
        def who = people()
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))).body,
                who.commissioner).body.round
        def lot = round.lots[1]
        Map referral = [name: "Southall Sisters", kind: "REFERRAL_PARTNER", specialism: "By-and-for support for Black and minoritised women",
                        duties: ["RACE"]]

        when:
        def refused = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder,
                RoundFixture.tender(lot, 25_000_000, [subcontractors: [referral + [sharePercent: 20]]]))
        def sent = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder,
                RoundFixture.tender(lot, 25_000_000, [subcontractors: [referral]]))

        then:
        refused.status == HttpStatus.BAD_REQUEST
        refused.body.errors*.field == ["subcontractors[0].sharePercent"]
        sent.status == HttpStatus.CREATED
        api("GET", "/api/tenders/$sent.body.tenderId", who.bidder).body.details.subcontractors[0].kind == "REFERRAL_PARTNER"
    }
}
