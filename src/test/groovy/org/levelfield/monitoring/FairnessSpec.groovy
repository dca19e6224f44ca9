package org.levelfield.monitoring

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
 * Fairness analytics for scrutiny: how small specialist organisations' tenders fared against large
 * ones, per criterion and per evaluator, in aggregate only; a four-fifths disparity is flagged for
 * review and no score changes.
 */
@MicronautTest(transactional = false)
@Stepwise
class FairnessSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared List<Map> small = []
    @Shared List<Map> large = []
    @Shared Instant deadline = Instant.parse("2026-12-24T12:00:00Z")

    Map bidder(String name, boolean isSmall) {
        def org = organisations.save(new Organisation(UUID.randomUUID(), "$name ${UUID.randomUUID()}".toString(), null, Instant.now()))
        completeProfile(org.id(), isSmall ? "CIO" : "COMPANY", isSmall ? 20_000_000 : 9_000_000_000, isSmall ? 6 : 900, isSmall ? "INDEPENDENT_EXAMINATION" : "AUDITED")
        String username = "fair-${org.id()}"
        accounts.save(new UserAccount(UUID.randomUUID(), username, name, PasswordHasher.hash(PASSWORD), Role.BIDDER, org.id(), Instant.now()))
        String token = login(username)
        if (isSmall) {
            assert api("PUT", "/api/organisations/${org.id()}/monitoring", token, [identityAnswers: [], profileFlags: ["BY_AND_FOR"], consentToPublish: true]).status == HttpStatus.OK
        }
        [token: token, name: org.name()]
    }

    def "five small by-and-for organisations and five large companies bid for one lot"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[1]

        when:
        (1..5).each { small << bidder("Small group $it", true) }
        (1..5).each { large << bidder("Big provider $it", false) }
        (small + large).eachWithIndex { b, i ->
            b.tender = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", b.token, RoundFixture.tender(lot, 20_000_000 + i * 100_000)).body
        }

        then:
        (small + large).every { it.tender.tenderId }
    }

    def "the panel scores; the large providers fail the race sub-criterion; the analytics flag it for review in aggregate"() {
        given:
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        small.each { b -> ["evaluator", "evaluator2"].each { e -> api("POST", "/api/tenders/$b.tender.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 3, "Panel")) } }
        large.each { b -> ["evaluator", "evaluator2"].each { e -> api("POST", "/api/tenders/$b.tender.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 1, DISABILITY: 4, SEX: 4], 4, "Panel")) } }
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status == HttpStatus.OK
        def scoresBefore = api("GET", "/api/rounds/$round.id/award", who.commissioner).body

        when:
        def reply = api("GET", "/api/rounds/$round.id/fairness", who.scrutiny)
        def race = reply.body.criteria.find { it.split == "size" && it.subject == "Deaf and disabled survivors: Race equality" }
        def quality = reply.body.criteria.find { it.split == "specialism" && it.subject == "Deaf and disabled survivors: Service delivery and safety" }
        def eve = reply.body.evaluators.find { it.split == "size" && it.subject.startsWith("Evaluator ") }

        then:
        reply.status == HttpStatus.OK
        race["small (SME)"].count.count == 5
        race["small (SME)"].passRate == 1.00
        race.large.passRate == 0.00
        race.flagged
        reply.body.flaggedForReview.contains("Deaf and disabled survivors: Race equality (size)")
        quality["specialist (by monitoring flags)"].meanScore == 3.00
        quality.other.meanScore == 4.00
        !quality.containsKey("passRate")
        eve["small (SME)"].count.count == 20
        !new String(reply.bytes).contains("Small group") && !new String(reply.bytes).contains("Big provider")
        api("GET", "/api/rounds/$round.id/award", who.commissioner).body == scoresBefore
        api("GET", "/api/rounds/$round.id/fairness", who.evaluator).status == HttpStatus.FORBIDDEN
        api("GET", "/api/rounds/$round.id/fairness", who.bidder).status == HttpStatus.FORBIDDEN
    }

    def "groups under 5 are withheld with their scores and rates"() {
        when: "the other lot had no tenders, so every group there is under 5"
        def reply = api("GET", "/api/rounds/$round.id/fairness", who.scrutiny).body
        def overallSize = reply.overall.find { it.split == "size" }

        then:
        overallSize["small (SME)"].count.count == 5
        overallSize.large.count.count == 5
        def empty = reply.criteria.find { it.split == "size" && it.subject == "Community outreach: Race equality" }
        empty["small (SME)"].count.suppressed
        empty["small (SME)"].count.shown == "fewer than 5"
        !empty["small (SME)"].containsKey("passRate")
        !empty.flagged
        reply.criteria.every { row -> ["small (SME)", "large", "specialist (by monitoring flags)", "other"].every { g ->
            !row.containsKey(g) || !row[g].count.suppressed || (!row[g].containsKey("meanScore") && !row[g].containsKey("passRate")) } }
    }
}
