package org.levelfield.round

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, part 4: the three needs of advancing equality of opportunity (Equality Act 2010 s149(3)) can be recorded on
 * an EqIA entry and are checked: RD-02 warns at design where an entry for the limb leaves one out (DR-04 blocks the
 * award where the award-stage assessment does; see its cases).
 */
@MicronautTest(transactional = false)
class AdvancingEqualitySpec extends IntegrationSpec {

    def "an entry for advancing equality without the participation need is warned about, naming it; with all three it is not, and they are kept"() {
        given:
        def commissioner = people().commissioner
        def partial = RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))
        partial.eqia.entries.find { it.characteristic == "RACE" && it.limb == "ADVANCE_EQUALITY" }.remove("participation")
        def whole = RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))

        when:
        def a = api("POST", "/api/rounds", commissioner, partial).body
        def b = api("POST", "/api/rounds", commissioner, whole).body
        def warned = api("POST", "/api/rounds/$a.id/design-check", commissioner).body.findings.findAll { it.ruleId == "RD-02" }
        def clean = api("POST", "/api/rounds/$b.id/design-check", commissioner).body.findings.findAll { it.ruleId == "RD-02" }
        def kept = api("GET", "/api/rounds/$b.id", commissioner).body.eqia.entries.find { it.characteristic == "SEX" && it.limb == "ADVANCE_EQUALITY" }

        then:
        warned*.severity == ["WARN"]
        warned[0].message.startsWith("The entry for RACE on advancing equality does not say how the round goes about encouraging participation (s149(3)(c))")
        clean.isEmpty()
        kept.subMap(["disadvantage", "differentNeeds", "participation"]) == RoundFixture.ADVANCING
    }
}
