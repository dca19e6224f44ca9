package org.levelfield.bidder

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.Browser
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Journey

import java.time.LocalDate

/**
 * Issue 17, part 15, in real Chromium: a commissioner opens the debarment list from their rounds, is told what is
 * missing when they record an entry with nothing filled in, records one from the published list and later marks it
 * removed with the reason, by mouse, by keyboard and on a 320-pixel screen; axe finds no WCAG 2.2 A/AA violation.
 */
@MicronautTest(transactional = false)
class DebarmentPagesBrowserSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    def "a commissioner records an entry of the debarment list and marks it removed (#how)"() {
        given:
        def who = people()
        def browser = new Browser(width)
        def j = new Journey(browser, server.URL.toString(), keyboard)
        String number = uniqueDigits(8)
        LocalDate entered = LocalDate.now().minusDays(20)
        long before = count("debarment_entry")

        when: "they open the list from their rounds and record an entry with nothing filled in"
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds")
        j.follow("The debarment list")
        j.check("debarment-list-$how")
        j.press("Record the entry")
        def refused = j.text()
        j.check("debarment-list-refused-$how")

        then:
        refused.contains("There is a problem")
        refused.contains("Select whether the exclusion ground is mandatory or discretionary")
        count("debarment_entry") == before

        when: "they record the entry as the published list gives it"
        j.type("supplierName", "Crooked Care Ltd")
        j.type("registrationNumber", "GB-COH-$number")
        j.type("exclusionGround", "Schedule 6 paragraph 7: fraud")
        j.pick("ground")
        j.type("enteredOn", entered.dayOfMonth as String)
        j.type("enteredOn-month", entered.monthValue as String)
        j.type("enteredOn-year", entered.year as String)
        j.press("Record the entry")
        def recorded = j.text()
        j.check("debarment-list-recorded-$how")
        def fits = j.fitsWidth()

        then:
        count("debarment_entry") == before + 1
        recorded.contains("The entry is recorded")
        recorded.contains("Crooked Care Ltd")
        recorded.contains("Mandatory: an excluded supplier")
        recorded.contains("In force")
        fits

        when: "they mark it removed, giving the reason"
        String id = api("GET", "/api/debarment-list", who.commissioner).body.find { it.registrationNumber == "GB-COH-$number" }.id
        j.type("reason-$id", "Removed on review (s64)")
        j.press("Mark removed: Crooked Care Ltd (GB-COH-$number)")
        def removed = j.text()

        then:
        removed.contains("The entry is marked removed")
        removed.contains("Removed on review (s64)")
        j.violations == [:]

        cleanup:
        browser?.quit()

        where:
        how        | keyboard | width
        "mouse"    | false    | 1000
        "keyboard" | true     | 1000
        "320"      | false    | 320
    }
}
