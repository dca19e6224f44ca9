package org.levelfield.tender

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/** Until the deadline a bidder may revise or withdraw its tender; every revision has its own receipt; history is kept. */
@MicronautTest(transactional = false)
@Stepwise
class TenderRevisionSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map first
    @Shared Map revised
    @Shared Instant deadline = Instant.parse("2026-10-15T12:00:00Z")

    def "a bidder submits and then revises its tender, getting a new receipt; the first is kept as superseded"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        Map lot = round.lots[0]
        first = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000)).body

        when:
        def reply = api("PUT", "/api/tenders/$first.tenderId", who.colleague, RoundFixture.tender(lot, 78_000_000))
        revised = reply.body

        then:
        reply.status == HttpStatus.OK
        revised.tenderId != first.tenderId
        revised.sha256 != first.sha256
        api("GET", "/api/tenders/$first.tenderId", who.bidder).body.status == "SUPERSEDED"
        api("GET", "/api/tenders/$revised.tenderId/receipt", who.bidder).body.intact
        count("tender", "id = ?::uuid and superseded_by = ?::uuid", first.tenderId, revised.tenderId) == 1
        api("GET", "/api/rounds/$round.id/tenders", who.bidder).body*.id == [revised.tenderId]
    }

    def "another organisation cannot revise or withdraw it"() {
        expect:
        api("PUT", "/api/tenders/$revised.tenderId", who.bidder2, RoundFixture.tender(round.lots[0], 1)).status == HttpStatus.NOT_FOUND
        api("POST", "/api/tenders/$revised.tenderId/withdraw", who.bidder2).status == HttpStatus.NOT_FOUND
        api("PUT", "/api/tenders/$first.tenderId", who.bidder, RoundFixture.tender(round.lots[0], 1)).status == HttpStatus.CONFLICT
    }

    def "the bidder withdraws, and may then submit afresh"() {
        when:
        def withdrawn = api("POST", "/api/tenders/$revised.tenderId/withdraw", who.bidder)
        def again = api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/tenders", who.bidder,
                RoundFixture.tender(round.lots[0], 77_000_000))

        then:
        withdrawn.body.status == "WITHDRAWN"
        again.status == HttpStatus.CREATED
    }

    def "another organisation cannot take the registration number of one that bids, so cannot hold a second live tender under another name"() {
        given: "a second organisation with a number of its own, and a member of it"
        def twin = organisations.save(new org.levelfield.access.Organisation(UUID.randomUUID(), "Sister Space Trading", "GB-CHC-" + uniqueDigits(7), Instant.now()))
        accounts.save(new org.levelfield.access.UserAccount(UUID.randomUUID(), "twin-${twin.id()}", "Twin", org.levelfield.access.PasswordHasher.hash(PASSWORD),
                org.levelfield.common.identity.Role.BIDDER, twin.id(), Instant.now()))
        completeProfile(twin.id(), "CIO", 30_000_000, 9, "INDEPENDENT_EXAMINATION")
        String token = login("twin-${twin.id()}")
        String sistersId = api("GET", "/api/me", who.bidder).body.organisationId
        String sistersNumber = api("GET", "/api/organisations/$sistersId/profile", who.bidder).body.registrationNumber
        def before = api("GET", "/api/organisations/${twin.id()}/profile", token).body

        when: "it puts Sister Space's registration number into its own profile"
        def reply = api("PUT", "/api/organisations/${twin.id()}/profile", token,
                RoundFixture.profile("Sister Space Trading", sistersNumber.toLowerCase()))

        then: "refused, without naming the organisation that holds the number, and nothing changed"
        reply.status == HttpStatus.CONFLICT
        reply.body.detail.contains("already registered to another organisation")
        reply.body.detail.contains("ask one of its members to invite you")
        !reply.body.detail.contains("Sister Space CIO")
        !reply.body.toString().contains(sistersId)
        api("GET", "/api/organisations/${twin.id()}/profile", token).body == before
    }

    def "after the deadline nothing can be revised or withdrawn, and nothing changes"() {
        given:
        clock.set(deadline.plusSeconds(1))
        def live = api("GET", "/api/rounds/$round.id/tenders", who.bidder).body.first()
        long rows = count("tender", "round_id = ?::uuid", round.id)

        when:
        def revise = api("PUT", "/api/tenders/$live.id", who.bidder, RoundFixture.tender(round.lots[0], 1))
        def withdraw = api("POST", "/api/tenders/$live.id/withdraw", who.bidder)

        then:
        revise.status == HttpStatus.CONFLICT
        revise.body.detail.contains("2026-10-15T12:00:01Z")
        withdraw.status == HttpStatus.CONFLICT
        count("tender", "round_id = ?::uuid", round.id) == rows
        api("GET", "/api/tenders/$live.id", who.bidder).body.status == "SUBMITTED"
    }
}
