package org.levelfield.round

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, part 6 (SS-01): a group's dedicated provision that falls to nothing, or by more than the configured share
 * (ssMaxDropPct, 50%), is caught; groups are matched by what their descriptions name; an EqIA entry with a mitigation
 * and an explicit decision is recognised, and the decision is kept with the design.
 */
@MicronautTest(transactional = false)
class SpecialistProvisionSpec extends IntegrationSpec {

    static final Map SISTERS = [organisation: "Southall Sisters", fundingType: "GRANT", fundingPerYearPence: 12_000_000,
                                groupServed : "Black and minoritised women", specialist: true, fundingEndDate: "2027-09-30",
                                noticeDate  : "2026-06-01"]

    private Map roundWith(List<String> secondLotGroups) {
        def request = RoundFixture.aRound(Instant.now().plusSeconds(90 * 86400L))
        request.details.incumbents = [SISTERS]
        if (secondLotGroups) {
            request.lots[1].terms = [userGroups: secondLotGroups]
        }
        request
    }

    private List<Map> ss01(Map request) {
        def commissioner = people().commissioner
        def round = api("POST", "/api/rounds", commissioner, request).body
        api("POST", "/api/rounds/$round.id/design-check", commissioner).body.findings.findAll { it.ruleId == "SS-01" && it.subjectType == "incumbent" }
    }

    def "a group no lot serves is warned about, with its current funding"() {
        expect:
        def found = ss01(roundWith(null))
        found*.severity == ["WARN"]
        found[0].message.contains("Black and minoritised women (£120,000 a year -> £0")
    }

    def "a lot for the group under other words keeps it, but a share of a third of a small lot is a cut of more than half"() {
        expect: "'BAME women and girls' is the same group; the lot's £100,000 a year shared among three groups is a 72% fall"
        def found = ss01(roundWith(["BAME women and girls", "Deaf survivors", "Older people"]))
        found*.severity == ["WARN"]
        found[0].message.contains("from £120,000 a year to about £33,333 (a fall of 72%, more than the 50%")

        and: "shared with one other group it is a fall of 58%; alone, 17%, which passes"
        ss01(roundWith(["BAME women and girls", "Older people"]))[0].message.contains("a fall of 58%")
        ss01(roundWith(["BAME women and girls"])).isEmpty()
    }

    def "an EqIA entry with a mitigation and a decision records the loss knowingly, and the decision is kept"() {
        given:
        def commissioner = people().commissioner
        def request = roundWith(null)
        def entry = request.eqia.entries.find { it.characteristic == "RACE" && it.limb == "ADVANCE_EQUALITY" }
        entry.mitigation = "Ring-fenced outreach grant of £60,000 a year for by-and-for groups"
        entry.decision = "Proceed: the pooled lot buys refuge places the area lacks; reviewed after 12 months"

        when:
        def round = api("POST", "/api/rounds", commissioner, request).body
        def found = api("POST", "/api/rounds/$round.id/design-check", commissioner).body.findings.findAll { it.ruleId == "SS-01" && it.subjectType == "incumbent" }
        def stored = api("GET", "/api/rounds/$round.id", commissioner).body

        then:
        found*.severity == ["INFO"]
        found[0].message.contains("records it knowingly (RACE:ADVANCE_EQUALITY)")
        found[0].message.contains("reviewed after 12 months")
        stored.eqia.entries.find { it.characteristic == "RACE" && it.limb == "ADVANCE_EQUALITY" }.decision == entry.decision
    }
}
