package org.levelfield.evaluation

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.Browser
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Journey
import org.levelfield.support.RoundFixture
import org.openqa.selenium.By

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * The commissioner's tenders page in real Chromium (issue 14): before the deadline it says the tenders are
 * sealed and nothing more; after it, the abnormally-low process runs on the page (SC-08 flags a price,
 * the commissioner asks the bidder to explain, the bidder answers on its own page, the commissioner
 * disregards the tender with reasons) and the evaluation's finding that a tender does not meet a
 * published mandatory item is recorded (SC-09). Each form refused empty says what is missing, and the
 * award computed again fails both tenders for those reasons. axe finds no A/AA violation; 320 px fits.
 */
@MicronautTest(transactional = false)
class TenderReviewPagesBrowserSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    static final String BSL = "BSL interpreting at every session"

    /** Opens a details component in a tender's card by its summary (a click, as a person would). */
    void open(Browser browser, String tenderId, String summary) {
        browser.driver.findElement(By.xpath("//div[@id='t-$tenderId']//summary[normalize-space(.)='$summary']")).click()
    }

    def "an abnormally low price is questioned, explained and disregarded, and an unmet mandatory item recorded, on the tenders page"() {
        given: "a closed round: Sister Space prices lot 1 at half Generic Support's; both say they meet the BSL item"
        def who = people()
        clock.set(Instant.now().minus(Duration.ofDays(60)))
        def design = RoundFixture.aRound(Instant.now().minus(Duration.ofHours(1)), LocalDate.now().plusMonths(3))
        design.title = "Riverside tenders ${UUID.randomUUID().toString().take(6)}"
        design.lots[0].remove("minTurnoverPence")
        design.lots[0].terms = [mandatoryItems: [BSL]]
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[0]
        def met = [mandatoryItems: [[item: BSL, met: true, how: "Interpreters booked for every session"]]]
        def low = [id: api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 40_000_000, met)).body.tenderId]
        def other = [id: api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 80_000_000, met)).body.tenderId]
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id/tenders")
        j.check("tenders-sealed")
        def sealed = j.text()
        def sealedPost = api("GET", "/api/rounds/$round.id", who.commissioner).body.status
        seatPanel(round, who, ["evaluator", "evaluator2"])
        clock.followSystemClock()
        assert api("POST", "/api/rounds/$round.id/close", who.commissioner).status.code == 200
        declareNoConflicts(round, who, ["evaluator", "evaluator2"])
        ["evaluator", "evaluator2"].each { e ->
            [low, other].each { t -> assert api("POST", "/api/tenders/$t.id/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Section 2")).status.code == 201 }
        }
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status.code == 200

        when: "the commissioner opens the tenders page and asks Sister Space to explain, first with no question"
        j.open("/manage/rounds/$round.id/tenders")
        j.check("tenders")
        def listed = j.text()
        String lowKey = "t-$low.id-price-question"
        open(browser, low.id as String, "Ask the bidder to explain its price")
        j.press("Ask ${who.sisters} to explain its price")
        j.check("tenders-ask-errors")
        def askErrors = j.text()
        j.type("$lowKey-question", "Your price is half the other tender's. Show how it pays for BSL interpreting and refuge staff.")
        j.press("Ask ${who.sisters} to explain its price")
        def asked = j.text()

        and: "Sister Space explains on its own page"
        def bidderBrowser = new Browser(1000)
        def b = new Journey(bidderBrowser, server.URL.toString(), false)
        b.signIn(api("GET", "/api/me", who.bidder).body.username as String, PASSWORD)
        b.open("/tenders/$low.id/price-explanation")
        b.type("response", "Our interpreters are volunteers trained by us; the price covers staff at the national pay scale.")
        b.press("Send your explanation")

        and: "the commissioner decides with no reason, then disregards the tender with reasons"
        j.open("/manage/rounds/$round.id/tenders")
        def explained = j.text()
        String decisionKey = "t-$low.id-price-decision"
        j.pick("$decisionKey-decision-2")
        j.press("Record the decision on the price of ${who.sisters}")
        def decideErrors = j.text()
        j.pick("$decisionKey-decision-2")
        j.type("$decisionKey-reason", "Volunteer interpreting cannot be relied on for every session; the price does not cover the service.")
        j.pick("$decisionKey-breach-no")
        j.press("Record the decision on the price of ${who.sisters}")
        def decided = j.text()

        and: "records that Generic Support does not meet the BSL item, first with no reasons"
        String itemKey = "t-$other.id-unmet-item"
        open(browser, other.id as String, "Record that it does not meet a mandatory requirement")
        j.pick("$itemKey-item")
        j.press("Record that ${who.generic} does not meet it")
        def itemErrors = j.text()
        j.type("$itemKey-reasons", "Section 4 offers interpreting on request only, not at every session.")
        j.press("Record that ${who.generic} does not meet it")
        j.check("tenders-done")
        def recorded = j.text()
        def narrowBrowser = new Browser(320)
        def narrow = new Journey(narrowBrowser, server.URL.toString(), false)
        narrow.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        narrow.open("/manage/rounds/$round.id/tenders")
        narrow.check("tenders-320")
        def fits = narrow.fitsWidth()
        api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def findings = api("GET", "/api/rounds/$round.id/award", who.commissioner).body.findings

        then: "before the deadline the page said only that the tenders are sealed"
        sealed.contains("Tenders stay sealed until the deadline")
        !sealed.contains(who.sisters) && !sealed.contains(who.generic)
        sealedPost == "PUBLISHED"

        and: "after it, SC-08 flagged Sister Space's price; the question, the explanation and the decision are on the page and on record"
        listed.contains("SC-08") && listed.contains("Abnormally low")
        askErrors.contains("There is a problem")
        asked.contains("Asked to explain its price") && asked.contains("Not received yet")
        explained.contains("Our interpreters are volunteers")
        decideErrors.contains("There is a problem") && decideErrors.contains("record the reasons for the decision".capitalize())
        decided.contains("Tender disregarded: Volunteer interpreting cannot be relied on")
        api("GET", "/api/tenders/$low.id/abnormally-low", who.commissioner).body.decision == "DISREGARDED"

        and: "the unmet item is recorded, and the award computed again fails both tenders"
        itemErrors.contains("There is a problem")
        recorded.contains("Does not meet") && recorded.contains("Section 4 offers interpreting on request only")
        api("GET", "/api/rounds/$round.id/unmet-mandatory-items", who.commissioner).body*.item == [BSL]
        findings.any { it.ruleId == "SC-08" && it.severity == "FAIL" && it.subjectId == low.id }
        findings.any { it.ruleId == "SC-09" && it.severity == "FAIL" && it.subjectId == other.id }
        fits
        j.violations.isEmpty() && b.violations.isEmpty() && narrow.violations.isEmpty()

        cleanup:
        browser?.quit()
        bidderBrowser?.quit()
        narrowBrowser?.quit()
    }
}
