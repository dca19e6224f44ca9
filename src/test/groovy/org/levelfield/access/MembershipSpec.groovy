package org.levelfield.access

import org.levelfield.common.identity.Actor

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/** One person can belong to more than one organisation and act for each; members share their organisation's data. */
@MicronautTest(transactional = false)
@Stepwise
class MembershipSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared String sistersId
    @Shared String genericId
    @Shared String bidder2Username
    @Shared String bidder2Token

    def "a member of Sister Space invites a bidder of another organisation; once they accept, they act for both at once"() {
        given:
        who = people()
        sistersId = api("GET", "/api/me", who.bidder).body.organisationId
        genericId = api("GET", "/api/me", who.bidder2).body.organisationId
        bidder2Username = api("GET", "/api/me", who.bidder2).body.username
        bidder2Token = who.bidder2
        String email = "${bidder2Username}@example.org"

        when: "the invitation is sent"
        def invited = api("POST", "/api/organisations/$sistersId/invitations", who.bidder, [email: email.toUpperCase()])

        then: "nobody is a member until they say yes"
        invited.status == HttpStatus.CREATED
        invited.body.email == email
        api("GET", "/api/organisations/$sistersId/invitations", who.bidder).body*.email == [email]
        api("GET", "/api/me", bidder2Token).body.organisations*.organisationId == [genericId]
        api("GET", "/api/organisations/$sistersId/profile", bidder2Token).status == HttpStatus.NOT_FOUND

        when: "they open the link from the email and accept"
        String secret = linkSecret(email, "/account/invitation/")
        def preview = api("GET", "/api/account/invitation?token=$secret")
        def accepted = api("POST", "/api/account/invitation/accept", null, [token: secret])
        def me = api("GET", "/api/me", bidder2Token).body

        then: "their existing sign-in now acts for both organisations"
        preview.body.organisationName == who.sisters
        preview.body.hasAccount
        accepted.status == HttpStatus.CREATED
        me.organisationId == genericId
        me.organisations*.organisationId == [genericId, sistersId]
        me.organisations*.name == [who.generic, who.sisters]
        api("GET", "/api/organisations/$sistersId/members", who.bidder).body*.username.contains(bidder2Username)
        api("GET", "/api/organisations/$sistersId/profile", bidder2Token).status == HttpStatus.OK

        and: "the link works once"
        api("POST", "/api/account/invitation/accept", null, [token: secret]).body.errors[0].message.contains("already been used")
    }

    def "inviting is refused for non-members, staff accounts, malformed addresses and existing members, and changes nothing"() {
        given:
        long members = count("organisation_member")
        long links = count("account_link")
        String commissionerEmail = api("GET", "/api/me", who.commissioner).body.username + "@example.org"

        expect:
        api("POST", "/api/organisations/$genericId/invitations", who.bidder, [email: "anyone@example.org"]).status == HttpStatus.NOT_FOUND
        api("POST", "/api/organisations/$sistersId/invitations", who.bidder, [email: commissionerEmail]).body.errors[0].message.contains("council staff account")
        api("POST", "/api/organisations/$sistersId/invitations", who.bidder, [email: "not an address"]).body.errors[0].message.contains("correct format")
        api("POST", "/api/organisations/$sistersId/invitations", who.bidder, [email: "${bidder2Username}@example.org"]).body.errors[0].message.contains("already a member")
        api("POST", "/api/organisations/$sistersId/invitations", who.evaluator, [email: "anyone@example.org"]).status == HttpStatus.FORBIDDEN
        count("organisation_member") == members
        count("account_link") == links
    }

    def "the member of two organisations submits for each by naming it, and reads both tenders; a third organisation cannot be named"() {
        given:
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-10-30T12:00:00Z"))).body,
                who.commissioner).body.round
        Map lot = round.lots[1]

        when:
        def forGeneric = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", bidder2Token, RoundFixture.tender(lot, 25_000_000))
        def forSisters = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", bidder2Token, RoundFixture.tender(lot, 24_000_000),
                [(Actor.ACTING_FOR_HEADER): sistersId])
        def forStranger = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", bidder2Token, RoundFixture.tender(lot, 23_000_000),
                [(Actor.ACTING_FOR_HEADER): UUID.randomUUID().toString()])

        then:
        forGeneric.status == HttpStatus.CREATED
        forGeneric.body.organisation == who.generic
        forSisters.status == HttpStatus.CREATED
        forSisters.body.organisation == who.sisters
        forStranger.status == HttpStatus.FORBIDDEN
        forStranger.body.detail.contains("not a member")
        api("GET", "/api/tenders/mine", bidder2Token).body*.organisation.toSet() == [who.generic, who.sisters].toSet()
        api("GET", "/api/tenders/$forSisters.body.tenderId", who.bidder).status == HttpStatus.OK
        api("GET", "/api/tenders/$forSisters.body.tenderId", bidder2Token).body.organisation == who.sisters
        api("GET", "/api/tenders/$forSisters.body.tenderId/receipt", bidder2Token).body.intact
        api("GET", "/api/rounds/$round.id/tenders", bidder2Token).body*.organisation.toSet() == [who.generic, who.sisters].toSet()
        api("GET", "/api/tenders/$forGeneric.body.tenderId", who.bidder).status == HttpStatus.NOT_FOUND
    }
}
