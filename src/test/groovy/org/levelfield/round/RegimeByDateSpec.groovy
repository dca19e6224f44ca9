package org.levelfield.round

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant
import java.time.LocalDate

/**
 * The law a round is checked against follows its dates: the equality duties in force on the
 * decision date, the procurement regime by the commencement date.
 */
@MicronautTest(transactional = false)
class RegimeByDateSpec extends IntegrationSpec {

    def "a round decided in #year is checked against #duties and #regime"() {
        given:
        def who = people()
        clock.set(Instant.parse("${year}-03-01T09:00:00Z"))
        def request = RoundFixture.aRound(Instant.parse("${year}-06-01T12:00:00Z"), LocalDate.parse("${year}-03-01"))
        request.eqia = RoundFixture.fullEqia(LocalDate.parse("${year}-02-01"))
        def round = api("POST", "/api/rounds", who.commissioner, request).body

        when:
        def findings = api("POST", "/api/rounds/$round.id/design-check", who.commissioner).body.findings
        def reg01 = findings.findAll { it.ruleId == "REG-01" }*.message.join(" ")
        def reg02 = findings.find { it.ruleId == "REG-02" }.message
        def rd02 = findings.findAll { it.ruleId == "RD-02" && it.severity == "BLOCK" }*.message.join(" ")

        then:
        duties.every { reg01.contains(it) }
        reg02.contains(regime)
        missingLimb == null ? rd02.isEmpty() : rd02.contains(missingLimb)

        where:
        year | duties                                                                              | regime                              | missingLimb
        2008 | ["race equality duty", "disability equality duty", "gender equality duty"]         | "Public Contracts Regulations 2006" | "disability: take account of disabilities"
        2026 | ["public sector equality duty (Equality Act 2010 s149)"]                           | "Procurement Act 2023"              | null
    }
}
