package org.levelfield.bidder

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant
import java.time.LocalDate

/**
 * Issue 17, part 15 (SEL-01): the central debarment list. A commissioner records entries from the published list; an
 * organisation in a bid found on it by any registration number it gives is an excluded supplier for a mandatory ground
 * (its check fails, naming it) and an excludable one for a discretionary ground (flagged for the authority's decision).
 * An entry marked removed applies to no one. Bidders cannot read or change the list; bad entries are refused.
 */
@MicronautTest(transactional = false)
class DebarmentListSpec extends IntegrationSpec {

    def "a bidder on the list for a mandatory ground fails its check; a consortium member's discretionary entry is flagged; a removed entry counts no more"() {
        given: "a published round of 2026, and a bidder whose profile gives its company number"
        def who = people()
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))).body,
                who.commissioner).body.round
        def lot = round.lots[1]
        String org = api("GET", "/api/me", who.bidder).body.organisationId
        String number = uniqueDigits(8)
        def profile = api("GET", "/api/organisations/$org/profile", who.bidder).body
        assert api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [companyNumber: number]).status == HttpStatus.OK
        def before = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body

        when: "its number is recorded on the list, written with an org-id prefix, for a mandatory ground"
        def entry = api("POST", "/api/debarment-list", who.commissioner, [supplierName: "Bidder Org", registrationNumber: "GB-COH-" + number,
                exclusionGround: "Schedule 6 paragraph 7: fraud", mandatory: true, enteredOn: LocalDate.now().minusMonths(2).toString(),
                ceasesOn: LocalDate.now().plusYears(2).toString(), reference: "Debarment list, entry 12"])
        def excluded = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body

        and: "the entry is marked removed after a review"
        def refusedRemoval = api("POST", "/api/debarment-list/$entry.body.id/removal", who.commissioner, [reason: " "])
        def removed = api("POST", "/api/debarment-list/$entry.body.id/removal", who.commissioner, [reason: "Removed on review (s64)"])
        def after = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body

        then:
        !before.results.any { it.ruleId == "SEL-01" && it.outcome == "FAILS" }
        entry.status == HttpStatus.CREATED
        def failed = excluded.results.findAll { it.ruleId == "SEL-01" && it.outcome == "FAILS" }
        failed.size() == 1
        failed[0].message.contains("is on the debarment list for a mandatory exclusion ground (Schedule 6 paragraph 7: fraud)")
        failed[0].message.contains("it is an excluded supplier")
        !excluded.canBid
        refusedRemoval.status == HttpStatus.BAD_REQUEST
        removed.body.removalReason == "Removed on review (s64)"
        !after.results.any { it.ruleId == "SEL-01" && it.outcome == "FAILS" }
        api("GET", "/api/debarment-list", who.commissioner).body.find { it.id == entry.body.id }.removedAt != null
    }

    def "a consortium member on the list for a discretionary ground is flagged by name at submission, never failed"() {
        given:
        def who = people()
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))).body,
                who.commissioner).body.round
        def lot = round.lots[1]
        String number = uniqueDigits(7)
        api("POST", "/api/debarment-list", who.commissioner, [supplierName: "Northside Ltd", registrationNumber: "0$number",
                exclusionGround: "Schedule 7 paragraph 12: poor performance", mandatory: false, enteredOn: LocalDate.now().minusDays(10).toString()])

        when:
        def tender = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder,
                RoundFixture.tender(lot, 25_000_000, [consortium: [[name: "Northside Ltd", registrationNumber: "GB-COH-0$number", legalForm: "COMPANY",
                                                                   turnoverPence: 10_000_000, role: "Delivery partner", declarations: RoundFixture.cleanDeclarations()]]]))

        then:
        tender.status == HttpStatus.CREATED
        def flagged = tender.body.eligibility.results.findAll { it.ruleId == "SEL-01" && it.message.contains("debarment list") }
        flagged*.outcome == ["NEEDS_ATTENTION"]
        flagged[0].message.startsWith("Northside Ltd (a member of ")
        flagged[0].message.contains("it is an excludable supplier")
    }

    def "bidders can neither read nor change the list, and a bad entry is refused naming each field, storing nothing"() {
        given:
        def who = people()
        long entries = count("debarment_entry")

        when:
        def read = api("GET", "/api/debarment-list", who.bidder)
        def write = api("POST", "/api/debarment-list", who.bidder, [supplierName: "X", registrationNumber: "1", exclusionGround: "g", mandatory: true,
                                                                    enteredOn: "2026-01-01"])
        def bad = api("POST", "/api/debarment-list", who.commissioner, [supplierName: "", registrationNumber: "--", exclusionGround: "Fraud",
                                                                        enteredOn: LocalDate.now().plusDays(3).toString(), ceasesOn: "2020-01-01"])

        then:
        read.status == HttpStatus.FORBIDDEN
        write.status == HttpStatus.FORBIDDEN
        bad.status == HttpStatus.BAD_REQUEST
        bad.body.errors*.field == ["supplierName", "registrationNumber", "mandatory", "enteredOn", "ceasesOn"]
        count("debarment_entry") == entries
    }
}
