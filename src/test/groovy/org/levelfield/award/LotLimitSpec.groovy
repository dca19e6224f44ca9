package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.access.Organisation
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Pdfs
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * SC-13 (issue 13, 2.2): a published lot limit is applied, not only reported. A supplier ranked
 * first in more lots than the limit keeps the lots the published mechanism gives it; each other lot
 * goes to the next-ranked tender; the award, its findings and the justification show the allocation.
 * A limit whose mechanism is published in words only is stopped at publication (RD-05).
 */
@MicronautTest(transactional = false)
class LotLimitSpec extends IntegrationSpec {

    static final Instant DEADLINE = Instant.parse("2026-12-22T12:00:00Z")

    String anotherBidder(String name) {
        def org = organisations.save(new Organisation(UUID.randomUUID(), "$name ${UUID.randomUUID()}".toString(), "GB-COH-" + uniqueDigits(8), Instant.now()))
        completeProfile(org.id(), "COMPANY", 500_000_000, 80, "AUDITED")
        def user = accounts.save(new UserAccount(UUID.randomUUID(), "limit-${org.id()}", name, PasswordHasher.hash(PASSWORD), Role.BIDDER, org.id(), Instant.now()))
        login(user.username())
    }

    static Map limited(Map design, String allocation) {
        design.details = design.details + [maxLotsPerSupplier: 1, consortiumCountsForMembers: false,
                                           lotLimitMechanism: "A supplier ranked first in more than one lot keeps one, chosen as the documents say",
                                           lotAllocation: allocation]
        design
    }

    def "a supplier first in both lots against a limit of one keeps the lot the published mechanism gives it (#allocation)"() {
        given: "Generic Support is first in both lots: by 8 points in the £900,000 lot, by 24 points in the £300,000 lot"
        def who = people()
        def third = anotherBidder("Third Way Care Ltd")
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def published = approveAndPublish(api("POST", "/api/rounds", who.commissioner, limited(RoundFixture.aRound(DEADLINE), allocation)).body, who.commissioner)
        assert published.status == HttpStatus.OK: "publication failed: $published"
        def round = published.body.round
        def (big, small) = [round.lots[0], round.lots[1]]
        def send = { String token, Map lot, long price -> api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", token, RoundFixture.tender(lot, price)).body.tenderId }
        def tenders = [genericBig: send(who.bidder2, big, 80_000_000), thirdBig: send(third, big, 80_000_000),
                       genericSmall: send(who.bidder2, small, 24_000_000), sisterSmall: send(who.bidder, small, 24_000_000)]
        def quality = [genericBig: 5, thirdBig: 4, genericSmall: 5, sisterSmall: 2]
        seatPanel(round, who)
        clock.set(DEADLINE.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        tenders.each { key, id ->
            def lot = key.endsWith("Big") ? big : small
            ["evaluator", "evaluator2"].each { e ->
                assert api("POST", "/api/tenders/$id/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], quality[key], "Panel")).status == HttpStatus.CREATED
            }
        }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def lots = award.body.lots
        def sc13 = award.body.findings.find { it.ruleId == "SC-13" }
        def justification = Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).bytes)

        then: "both lots are still ranked as scored; the winners follow the mechanism"
        award.status == HttpStatus.OK
        lots[0].tenders.find { it.tenderId == tenders.genericBig }.rank == 1
        lots[1].tenders.find { it.tenderId == tenders.genericSmall }.rank == 1
        lots[0].provisionalWinner == tenders[bigWinner]
        lots[1].provisionalWinner == tenders[smallWinner]

        and: "the lot given up says why; SC-13 names what was kept and where the other lot went"
        lots[givenUpLot].outcome.contains("under the published lot limit")
        lots[givenUpLot].allocation.contains("is over the limit and gives this lot up")
        sc13.severity == "INFO"
        sc13.message.contains("Under the published mechanism ($words) it keeps $kept".toString())
        sc13.message.contains("it gives up $givenUp, to".toString())

        and: "the justification prints the allocation"
        justification.replaceAll(/\s+/, " ").contains("under the published lot limit")

        where:
        allocation            | words                  | bigWinner    | smallWinner    | givenUpLot | kept                          | givenUp
        "HIGHEST_VALUE_FIRST" | "highest value first"  | "genericBig" | "sisterSmall"  | 1          | "Community outreach"          | "Deaf and disabled survivors"
        "LARGEST_LEAD_FIRST"  | "largest lead first"   | "thirdBig"   | "genericSmall" | 0          | "Deaf and disabled survivors" | "Community outreach"
    }

    def "a lot limit whose mechanism is published in words only cannot be published (RD-05), and an unknown method is refused"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def wordsOnly = api("POST", "/api/rounds", who.commissioner, limited(RoundFixture.aRound(DEADLINE), null)).body
        long rounds = count("round")

        when:
        def publish = approveAndPublish(wordsOnly, who.commissioner)
        def unknown = api("POST", "/api/rounds", who.commissioner, limited(RoundFixture.aRound(DEADLINE), "FIRST_COME"))

        then:
        publish.status == HttpStatus.UNPROCESSABLE_ENTITY
        publish.body.findings.any { it.ruleId == "RD-05" && it.severity == "BLOCK" && it.message.contains("only in words") }
        unknown.status == HttpStatus.BAD_REQUEST
        unknown.body.errors.find { it.field == "details.lotAllocation" }.message.contains("HIGHEST_VALUE_FIRST")
        count("round") == rounds
    }
}
