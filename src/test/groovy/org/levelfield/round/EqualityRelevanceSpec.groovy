package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, part 5 (RD-03, RD-10): equality relevance is HIGH for a service delivered directly to the public whatever
 * the assessment records, so an officer's justification of RD-03's warning does not also switch RD-10 off.
 */
@MicronautTest(transactional = false)
class EqualityRelevanceSpec extends IntegrationSpec {

    def "a public service recorded as of LOW relevance still needs scored equality criteria of enough weight"() {
        given: "a public-facing round recorded as LOW relevance, whose equality criteria weigh 10 of 100"
        def commissioner = people().commissioner
        def request = RoundFixture.aRound(Instant.now().plusSeconds(90 * 86400L))
        request.eqia.relevance = "LOW"
        request.lots.each { lot ->
            lot.criteria = RoundFixture.criteria()
            lot.criteria.find { it.kind == "QUALITY" }.weight = 60
            lot.criteria.findAll { it.kind == "EQUALITY" }.eachWithIndex { c, i -> c.weight = [4, 3, 3][i] }
        }
        def round = api("POST", "/api/rounds", commissioner, request).body
        def before = api("POST", "/api/rounds/$round.id/design-check", commissioner).body.findings

        when: "a named officer justifies RD-03's warning"
        def rd03 = before.find { it.ruleId == "RD-03" }
        def justified = api("POST", "/api/rounds/$round.id/justifications", commissioner, [ruleId: "RD-03", subjectId: rd03.subjectId,
                officerName: "Pat Officer", officerRole: "Head of Commissioning", justification: "Recorded as low after the 2026 review."])
        def after = api("POST", "/api/rounds/$round.id/design-check", commissioner).body.findings
        def rd10 = after.findAll { it.ruleId == "RD-10" }

        then: "RD-10 still warns, on each lot, with the weight it found"
        justified.status == HttpStatus.CREATED
        after.find { it.ruleId == "RD-03" }.justification.officerName == "Pat Officer"
        rd10*.subjectLabel.toSet() == ["Lot 'Community outreach'", "Lot 'Deaf and disabled survivors'"] as Set
        rd10.every { it.severity == "WARN" && it.message.contains("weigh 10 of 100, below the minimum of 15") && !it.justification }
    }
}
