package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant
import java.time.LocalDate

/**
 * Issue 17, part 4 (RD-02): an equality impact assessment entry that dismisses a need ("Not relevant", "N/A", "none"…)
 * with neither evidence nor a reason stops a public-facing service from being published, and needs a named officer's
 * justification for a service not delivered to the public. Refusal changes nothing.
 */
@MicronautTest(transactional = false)
class EqiaDismissalSpec extends IntegrationSpec {

    def cleanup() {
        clock.followSystemClock()
    }

    Map approvedRound(Map who, boolean deliveredToPublic, Map dismissal) {
        clock.set(Instant.parse("2027-03-01T10:00:00Z"))
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        request.eqia = RoundFixture.fullEqia(LocalDate.parse("2027-02-01"))
        def entry = request.eqia.entries.find { it.characteristic == "RELIGION_BELIEF" && it.limb == "FOSTER_GOOD_RELATIONS" }
        entry.remove("evidence")
        entry.remove("mitigation")
        entry.putAll(dismissal)
        request.details = RoundFixture.goodDetails(LocalDate.parse("2027-02-20"))
        request.lots.each { it.terms = [deliveredToPublic: deliveredToPublic] }
        def created = api("POST", "/api/rounds", who.commissioner, request)
        assert created.status == HttpStatus.CREATED: created.body.detail
        def round = created.body
        round.partners.each { p ->
            assert api("POST", "/api/rounds/$round.id/partners/$p.id/sign-off", who.commissioner, [signatory: "Director of $p.name".toString(), signatoryRole: "Director"]).status == HttpStatus.OK
        }
        assert api("POST", "/api/rounds/$round.id/approve-design", who.commissioner).status == HttpStatus.OK
        clock.set(Instant.parse("2027-03-08T10:00:00Z"))
        round
    }

    def "a public-facing service whose assessment says 'Not relevant' for a need, with no evidence or reason, is refused publication"() {
        given:
        def who = people()
        def round = approvedRound(who, true, [impact: "Not relevant"])

        when:
        def refused = api("POST", "/api/rounds/$round.id/publish", who.commissioner)
        def rd02 = refused.body.findings.findAll { it.ruleId == "RD-02" }
        def after = api("GET", "/api/rounds/$round.id", who.commissioner).body

        then: "a BLOCK no justification can lift, naming the entry"
        refused.status == HttpStatus.UNPROCESSABLE_ENTITY
        rd02*.severity == ["BLOCK"]
        rd02[0].message.startsWith("EqIA entry religion belief / foster good relations says 'Not relevant' with no evidence and no reason")
        rd02[0].message.contains("delivered directly to the public")

        and: "the round is unchanged: still approved, not published"
        after.status == "DESIGN_APPROVED"
    }

    def "the same entry with its reason, for the same public service, is published"() {
        given:
        def who = people()
        def round = approvedRound(who, true, [impact: "Not relevant",
                notApplicableReason: "The service brings no groups together; good relations are fostered by the partnership's community-cohesion programme"])

        when:
        def published = api("POST", "/api/rounds/$round.id/publish", who.commissioner)

        then:
        published.status == HttpStatus.OK
        !published.body.findings.any { it.ruleId == "RD-02" }
    }

    def "for a service not delivered to the public the same dismissal is a warning a named officer can answer"() {
        given:
        def who = people()
        def round = approvedRound(who, false, [impact: "n/a."])

        when:
        def refused = api("POST", "/api/rounds/$round.id/publish", who.commissioner)
        def warning = refused.body.findings.find { it.ruleId == "RD-02" }
        def others = refused.body.findings.findAll { it.severity == "WARN" && it.ruleId != "RD-02" }
        others.each { w ->
            assert api("POST", "/api/rounds/$round.id/justifications", who.commissioner, [ruleId: w.ruleId, subjectId: w.subjectId,
                    officerName: "Pat Officer", officerRole: "Head of Commissioning", justification: "Considered and accepted for this round."]).status == HttpStatus.CREATED
        }
        def stillRefused = api("POST", "/api/rounds/$round.id/publish", who.commissioner)
        assert api("POST", "/api/rounds/$round.id/justifications", who.commissioner, [ruleId: "RD-02", subjectId: warning.subjectId,
                officerName: "Pat Officer", officerRole: "Head of Commissioning",
                justification: "A back-office payroll service; religion or belief plays no part in it, as the 2026 staff survey shows."]).status == HttpStatus.CREATED
        def published = api("POST", "/api/rounds/$round.id/publish", who.commissioner)

        then:
        refused.status == HttpStatus.UNPROCESSABLE_ENTITY
        warning.severity == "WARN"
        warning.message.contains("says 'n/a.' with no evidence and no reason")
        stillRefused.status == HttpStatus.UNPROCESSABLE_ENTITY
        published.status == HttpStatus.OK
    }
}
