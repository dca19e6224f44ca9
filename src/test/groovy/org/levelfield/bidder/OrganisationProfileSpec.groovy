package org.levelfield.bidder

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import spock.lang.Shared

/** A bidding organisation's profile: shared by its members, hidden from other bidders, checked before it is stored. */
@MicronautTest(transactional = false)
class OrganisationProfileSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    /** This spec's own charity number: a number belongs to one organisation, and specs share the database. */
    @Shared String charity = uniqueDigits(7)

    Map profile(Map changes = [:]) {
        [name: "Sister Space CIO", legalForm: "CIO", registrationNumber: "gb-chc-$charity".toString(), charityNumber: charity, incomePence: 30_000_000,
         balanceSheetPence: 8_000_000, staffHeadcount: 8, accountsType: "INDEPENDENT_EXAMINATION", insuranceHeld: false, insuranceUndertaking: true,
         experience: [[description: "Refuge outreach for Black and minoritised women", kind: "GRANT_FUNDED", valuePerYearPence: 12_000_000, fromYear: 2019]]] + changes
    }

    String orgOf(String token) {
        api("GET", "/api/me", token).body.organisationId
    }

    def "a member saves the profile and a colleague in the same organisation reads it"() {
        given:
        who = people()
        String org = orgOf(who.bidder)

        when:
        def saved = api("PUT", "/api/organisations/$org/profile", who.bidder, profile())
        def read = api("GET", "/api/organisations/$org/profile", who.colleague)

        then:
        saved.status == HttpStatus.OK
        read.body.registrationNumber == "GB-CHC-$charity"
        read.body.experience[0].kind == "GRANT_FUNDED"
        read.body.accountsType == "INDEPENDENT_EXAMINATION"
    }

    def "another organisation's bidder can neither read nor change it"() {
        given:
        String org = orgOf(who.bidder)

        expect:
        api("GET", "/api/organisations/$org/profile", who.bidder2).status == HttpStatus.NOT_FOUND
        api("PUT", "/api/organisations/$org/profile", who.bidder2, profile(name: "Hijacked")).status == HttpStatus.NOT_FOUND
        api("GET", "/api/organisations/$org/profile", who.bidder).body.name == "Sister Space CIO"
    }

    def "a malformed #field is refused with the expected format, and nothing changes"() {
        given:
        String org = orgOf(who.bidder)
        def before = api("GET", "/api/organisations/$org/profile", who.bidder).body

        when:
        def reply = api("PUT", "/api/organisations/$org/profile", who.bidder, profile((field): value))

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors*.field == [field]
        reply.body.errors[0].message.contains(expected)
        api("GET", "/api/organisations/$org/profile", who.bidder).body == before

        where:
        field                | value           || expected
        "registrationNumber" | "CHARITY-12"    || "GB-CHC-1234567"
        "charityNumber"      | "12AB"          || "6 to 8 digits"
        "companyNumber"      | "123"           || "8 characters"
        "legalForm"          | "CLUB"          || "must be one of"
        "incomePence"        | -1              || "zero or more"
    }
}
