package org.levelfield.tender

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

/**
 * Issue 17, part 16 (SEL-09): at award, an organisation that is in two tenders for the same lot (here: Generic Support
 * bids alone and is also a member of Sister Space's consortium) is flagged on both tenders, matched by its registration
 * number however it is written, not by name.
 */
@MicronautTest(transactional = false)
class SameLotAppearanceSpec extends IntegrationSpec {

    def "a consortium member who also bids alone for the same lot is flagged at award on both tenders, by registration number"() {
        given: "Generic Support is a charitable company: its org-id is its company number, and it also has a charity number"
        def who = people()
        String charity = uniqueDigits(7)
        sql.update("update organisation set charity_number = ? where name = ?", charity, who.generic)

        and: "Sister Space's consortium names it, under another name, by its charity number as an org-id (GB-CHC-…), which is not the org-id Generic Support registered with"
        def member = [consortium: [[name: "Generic Support (trading arm)", registrationNumber: "gb-chc-" + charity, legalForm: "COMPANY", turnoverPence: 40_000_000,
                                    role: "Helpline", declarations: RoundFixture.cleanDeclarations()]]]
        Map round = closedRound(who, false, member)
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        panelScores(round, who)

        when:
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status.code == 200
        def atAward = api("GET", "/api/rounds/$round.id/eligibility", who.commissioner).body.findAll { it.stage == "AWARD" }
        def flags = atAward.collectMany { run -> run.results.findAll { it.ruleId == "SEL-09" && it.outcome == "NEEDS_ATTENTION" } }*.message

        then: "both tenders carry the flag; neither fails for it; the number is the one both gave"
        atAward.size() == 2
        flags.size() == 2
        flags.any { it.startsWith("Generic Support (trading arm) (a member of $who.sisters's consortium), registration $charity, appears in 2 tenders for lot '${round.lots[0].title}'") }
        flags.any { it.startsWith("$who.generic, registration $charity, appears in 2 tenders") }
        atAward.every { run -> run.results.findAll { it.ruleId == "SEL-09" }.every { it.outcome != "FAILS" } }
    }

    def "tenders of two different organisations are not flagged"() {
        given:
        def who = people()
        Map round = closedRound(who)
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        panelScores(round, who)

        when:
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status.code == 200
        def atAward = api("GET", "/api/rounds/$round.id/eligibility", who.commissioner).body.findAll { it.stage == "AWARD" }

        then:
        atAward.size() == 2
        !atAward.any { run -> run.results.any { it.ruleId == "SEL-09" && it.outcome == "NEEDS_ATTENTION" } }
    }
}
