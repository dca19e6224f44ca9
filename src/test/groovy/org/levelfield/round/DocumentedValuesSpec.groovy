package org.levelfield.round

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, "Also": every value the round request documents (and its validation accepts) is stored and read back as
 * sent, never a 500 from a database constraint that knows fewer values. The values are read from the validation's own
 * lists, so a value added there is tested here without a new case.
 */
@MicronautTest(transactional = false)
class DocumentedValuesSpec extends IntegrationSpec {

    static List<String> accepted(String name) {
        def type = Class.forName("org.levelfield.round.application.RoundCommandValidation").declaredClasses.find { it.simpleName == name }
        assert type?.isEnum(): "RoundCommandValidation has no list of accepted values called $name"
        type.enumConstants*.name()
    }

    def "a criterion that assesses #assesses, scored on #basis, is stored and read back as sent"() {
        given:
        def who = people()
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        def race = request.lots[0].criteria.find { it.duty == "RACE" }
        race.assesses = assesses
        race.scoringBasis = basis

        when:
        def created = api("POST", "/api/rounds", who.commissioner, request)
        def read = created.status.code == 201 ? api("GET", "/api/rounds/$created.body.id", who.commissioner).body : null
        def criterion = read?.lots?.getAt(0)?.criteria?.find { it.duty == "RACE" }

        then:
        created.status.code == 201
        criterion.assesses == assesses
        criterion.scoringBasis == basis

        where:
        [assesses, basis] << [accepted("Assesses"), accepted("ScoringBasis")].combinations()
    }

    def "an equality criterion scored on the bidder's corporate workforce is stored, and EQ-09 asks for its link to the contract"() {
        given:
        def who = people()
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        request.lots[0].criteria.find { it.duty == "RACE" }.assesses = "CORPORATE_WORKFORCE"

        when:
        def round = api("POST", "/api/rounds", who.commissioner, request)
        def findings = api("POST", "/api/rounds/$round.body.id/design-check", who.commissioner).body.findings

        then:
        round.status.code == 201
        findings.any { it.ruleId == "EQ-09" }
    }

    def "an equality impact assessment of #relevance relevance is stored and read back as sent"() {
        given:
        def who = people()
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        request.eqia.relevance = relevance

        when:
        def created = api("POST", "/api/rounds", who.commissioner, request)

        then:
        created.status.code == 201
        api("GET", "/api/rounds/$created.body.id", who.commissioner).body.eqia.relevance == relevance

        where:
        relevance << accepted("Relevance")
    }

    def "a bidder reading a published round sees each lot's published terms, and not the authority's own estimates (issue 17)"() {
        given:
        def who = people()
        def request = RoundFixture.aRound(Instant.parse("2027-06-01T12:00:00Z"))
        request.lots[0].terms = [priceMode: "PRICE_SCORED", priceCeilingPence: 95_000_000, priceCeilingDisqualifying: true,
                                 priceVatBasis: "EXCLUDING_VAT", mandatoryItems: ["A refuge open to women with no recourse to public funds"],
                                 preTenderEstimatePence: 88_000_000, fullCostEstimatePence: 91_000_000]
        def round = api("POST", "/api/rounds", who.commissioner, request).body
        assert approveAndPublish(round, who.commissioner).status == io.micronaut.http.HttpStatus.OK

        when:
        def reply = api("GET", "/api/rounds/$round.id", who.bidder)
        def terms = reply.body.lots[0].terms
        def raw = new String(reply.bytes, "UTF-8")

        then:
        terms.priceMode == "PRICE_SCORED"
        terms.priceCeilingPence == 95_000_000
        terms.priceCeilingDisqualifying
        terms.mandatoryItems == ["A refuge open to women with no recourse to public funds"]
        !raw.contains("preTenderEstimatePence") && !raw.contains("88000000")
        !raw.contains("fullCostEstimatePence") && !raw.contains("91000000")
    }
}
