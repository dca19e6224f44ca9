package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant
import java.time.LocalDate

/**
 * Issue 17, part 1: the tender notice date is the day the round is published, not the day its design was approved.
 * RD-24 asks for the conflicts assessment before the notice; RD-22 counts the tender period from the notice. A planned
 * publication date stands in for the notice before publication.
 */
@MicronautTest(transactional = false)
class NoticeDateSpec extends IntegrationSpec {

    def cleanup() {
        clock.followSystemClock()
    }

    /** Every partner signs off and the commissioner approves, on the clock's day. */
    void approve(Map round, String token) {
        round.partners.each { p ->
            assert api("POST", "/api/rounds/$round.id/partners/$p.id/sign-off", token, [signatory: "Director of $p.name".toString(), signatoryRole: "Director"]).status == HttpStatus.OK
        }
        assert api("POST", "/api/rounds/$round.id/approve-design", token).status == HttpStatus.OK
    }

    def "a conflicts assessment made after the design was approved but before publication lets the round be published"() {
        given: "a design approved on 1 March, with its conflicts assessment dated 5 March"
        def who = people()
        clock.set(Instant.parse("2027-03-01T10:00:00Z"))
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        request.eqia = RoundFixture.fullEqia(LocalDate.parse("2027-02-01"))
        request.details = RoundFixture.goodDetails(LocalDate.parse("2027-03-05"))
        def round = api("POST", "/api/rounds", who.commissioner, request).body
        approve(round, who.commissioner)

        when: "it is published on 8 March"
        clock.set(Instant.parse("2027-03-08T10:00:00Z"))
        def published = api("POST", "/api/rounds/$round.id/publish", who.commissioner)

        then: "the notice is 8 March, after the assessment: RD-24 has nothing to say"
        published.status == HttpStatus.OK
        !published.body.findings.any { it.ruleId == "RD-24" }
    }

    def "a design approved long before is published a week before its deadline: the tender period runs from publication (RD-22)"() {
        given: "a design approved on 1 March for a deadline of 1 June"
        def who = people()
        clock.set(Instant.parse("2027-03-01T10:00:00Z"))
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        request.eqia = RoundFixture.fullEqia(LocalDate.parse("2027-02-01"))
        request.details = RoundFixture.goodDetails(LocalDate.parse("2027-02-20"))
        def round = api("POST", "/api/rounds", who.commissioner, request).body
        approve(round, who.commissioner)

        when: "it is published on 25 May"
        clock.set(Instant.parse("2027-05-25T10:00:00Z"))
        def refused = api("POST", "/api/rounds/$round.id/publish", who.commissioner)
        def warning = refused.body.findings?.find { it.ruleId == "RD-22" }

        then: "seven days to tender is too short, and the publication waits for an officer's justification"
        refused.status == HttpStatus.UNPROCESSABLE_ENTITY
        warning.severity == "WARN"
        warning.message.contains("from the notice on 25 May 2027") || warning.message.contains("2027-05-25")
    }

    def "before publication, the design check reads the planned publication date as the notice"() {
        given: "a design whose conflicts assessment is dated 10 April and whose publication is planned for #planned"
        def who = people()
        clock.set(Instant.parse("2027-03-01T10:00:00Z"))
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        request.eqia = RoundFixture.fullEqia(LocalDate.parse("2027-02-01"))
        request.details = RoundFixture.goodDetails(LocalDate.parse("2027-04-10")) + [plannedPublicationDate: planned]
        def round = api("POST", "/api/rounds", who.commissioner, request).body

        when:
        def findings = api("POST", "/api/rounds/$round.id/design-check", who.commissioner).body.findings
        def stored = sql.one("select details->>'plannedPublicationDate' from round where id = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row,
                UUID.fromString(round.id as String)).orElse(null)

        then:
        stored == planned
        findings.any { it.ruleId == "RD-24" } == blocked

        where:
        planned      | blocked
        "2027-04-01" | true
        "2027-04-12" | false
    }
}
