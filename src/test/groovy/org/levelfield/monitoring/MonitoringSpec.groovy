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
 * Who an organisation is led by and who it serves is kept apart from its profile, read back only
 * by its own members, never shown to evaluators, and seen by the commissioning side only as
 * aggregates with groups under 5 suppressed.
 */
@MicronautTest(transactional = false)
@Stepwise
class MonitoringSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared String sistersId
    @Shared Map round
    @Shared Instant deadline = Instant.parse("2026-12-10T12:00:00Z")

    static Map womenLedReturn(boolean consent = true) {
        [identityAnswers : [[about: "LED_BY", characteristic: "SEX", asked: true, reply: "YES", group: "Women"],
                            [about: "LED_BY", characteristic: "RACE", asked: true, reply: "PREFER_NOT_TO_SAY"],
                            [about: "SERVES", characteristic: "SEX", asked: true, reply: "YES", group: "Women and girls"],
                            [about: "SERVES", characteristic: "RELIGION_BELIEF", asked: false]],
         profileFlags    : ["WOMEN_LED", "BY_AND_FOR"],
         consentToPublish: consent]
    }

    def "a member records the return; it is stored apart from the profile and only members read it back"() {
        given:
        who = people()
        sistersId = api("GET", "/api/me", who.bidder).body.organisationId

        when:
        def saved = api("PUT", "/api/organisations/$sistersId/monitoring", who.bidder, womenLedReturn())

        then:
        saved.status == HttpStatus.OK
        saved.body.profileFlags == ["BY_AND_FOR", "WOMEN_LED"]
        saved.body.identityAnswers.find { it.characteristic == "RELIGION_BELIEF" }.reply == null
        count("organisation_monitoring", "organisation_id = ?::uuid", sistersId) == 1
        !new String(api("GET", "/api/organisations/$sistersId/profile", who.bidder).bytes).contains("WOMEN_LED")
        api("GET", "/api/organisations/$sistersId/monitoring", who.colleague).body.profileFlags == ["BY_AND_FOR", "WOMEN_LED"]
        api("GET", "/api/organisations/$sistersId/monitoring", who[role]).status == expected

        where:
        role << ["bidder2", "commissioner", "evaluator", "scrutiny", "admin"]
        expected << [HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN, HttpStatus.FORBIDDEN, HttpStatus.FORBIDDEN, HttpStatus.FORBIDDEN]
    }

    def "bad returns are refused naming the field, and the stored return is unchanged"() {
        given:
        def before = api("GET", "/api/organisations/$sistersId/monitoring", who.bidder).body

        when:
        def reply = api("PUT", "/api/organisations/$sistersId/monitoring", who.bidder,
                [identityAnswers : [[about: "RUNS", characteristic: "SEX", asked: true, reply: "YES"],
                                    [about: "LED_BY", characteristic: "HEIGHT", asked: true, reply: "MAYBE"],
                                    [about: "SERVES", characteristic: "AGE", asked: false, reply: "NO"]],
                 profileFlags    : ["BLUE_LED"], consentToPublish: null])

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors*.field.containsAll(["identityAnswers[0].about", "identityAnswers[1].characteristic", "identityAnswers[1].reply",
                                               "identityAnswers[2].reply", "profileFlags[0]", "consentToPublish"])
        api("GET", "/api/organisations/$sistersId/monitoring", who.bidder).body == before
    }

    def "after the deadline the commissioner sees only aggregates, every group under 5 suppressed; evaluators see nothing"() {
        given: "six women-led bidders besides Sister Space, one of which does not consent to publication"
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        Map lot = round.lots[1]
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000))
        (1..6).each { n ->
            def org = organisations.save(new Organisation(UUID.randomUUID(), "Women's group $n ${UUID.randomUUID()}", null, Instant.now()))
            completeProfile(org.id(), "CIO", 10_000_000, 3, "INDEPENDENT_EXAMINATION")
            String name = "member-${org.id()}"
            accounts.save(new UserAccount(UUID.randomUUID(), name, "Member $n", PasswordHasher.hash(PASSWORD), Role.BIDDER, org.id(), Instant.now()))
            String token = login(name)
            assert api("PUT", "/api/organisations/${org.id()}/monitoring", token, womenLedReturn(n != 6)).status == HttpStatus.OK
            assert api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", token, RoundFixture.tender(lot, 20_000_000 + n)).status == HttpStatus.CREATED
        }

        expect: "sealed before the deadline"
        api("GET", "/api/rounds/$round.id/monitoring-summary", who.commissioner).status == HttpStatus.FORBIDDEN

        when:
        clock.set(deadline.plusSeconds(5))
        def summary = api("GET", "/api/rounds/$round.id/monitoring-summary", who.commissioner).body
        def sex = summary.allReturns.questions.find { it.about == "LED_BY" && it.characteristic == "SEX" }
        def race = summary.allReturns.questions.find { it.about == "LED_BY" && it.characteristic == "RACE" }
        def disability = summary.allReturns.questions.find { it.about == "LED_BY" && it.characteristic == "DISABILITY" }

        then:
        summary.allReturns.organisations.count == 7
        summary.allReturns.profileFlags.WOMEN_LED.count == 7
        summary.allReturns.profileFlags.DISABLED_PEOPLES_ORGANISATION.suppressed
        summary.allReturns.profileFlags.DISABLED_PEOPLES_ORGANISATION.count == null
        sex.YES.count == 7
        race.PREFER_NOT_TO_SAY.count == 7
        disability.NOT_ASKED.count == 7
        summary.publishable.profileFlags.WOMEN_LED.count == 6
        !new String(api("GET", "/api/rounds/$round.id/monitoring-summary", who.commissioner).bytes).contains("Women's group")
        api("GET", "/api/rounds/$round.id/monitoring-summary", who.scrutiny).status == HttpStatus.OK
        api("GET", "/api/rounds/$round.id/monitoring-summary", who.evaluator).status == HttpStatus.FORBIDDEN
        api("GET", "/api/rounds/$round.id/monitoring-summary", who.bidder).status == HttpStatus.FORBIDDEN
    }

    def "tender views shown to evaluators carry no monitoring data"() {
        given:
        seatPanel(round, who)
        declareNoConflicts(round, who)

        when:
        def tenders = new String(api("GET", "/api/rounds/$round.id/tenders", who.evaluator).bytes)

        then:
        tenders.contains("pricePence")
        !tenders.contains("WOMEN_LED")
        !tenders.contains("identityAnswers")
        !tenders.contains("LED_BY")
    }
}
