package org.levelfield.scrutiny

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.Browser
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Journey
import org.openqa.selenium.By
import org.openqa.selenium.support.ui.Select

import java.nio.file.Files

/**
 * Issue 16, the scrutiny reading room in real Chromium: a councillor on the scrutiny panel signs in, lands on the
 * rounds to review, narrows them by stage, opens a round and reads its story with the audit chain verified, then checks
 * the award justification PDF they were sent (recognised) and a copy with one byte changed (not recognised), by mouse
 * and by keyboard; axe finds no WCAG 2.2 A/AA violation on any page. A bidder cannot open the reading room.
 */
@MicronautTest(transactional = false)
class ScrutinyPagesBrowserSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    def "a scrutiny member reviews a round and checks the justification and an altered copy (#how)"() {
        given: "a round whose award is computed and whose justification was issued by the commissioner"
        def who = people()
        def policyOnly = [equalityEvidence: [[duty: "RACE", type: "POLICY", description: "Our anti-racism policy"]]
                + org.levelfield.support.RoundFixture.tender([criteria: []], 1).equalityEvidence.findAll { it.duty != "RACE" }]
        Map round = closedRound(who, false, policyOnly)
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        panelScores(round, who)
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status.code == 200
        byte[] issued = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).bytes
        def pdf = Files.createTempFile("award-justification", ".pdf").toFile()
        pdf.bytes = issued
        byte[] changed = issued.clone()
        int middle = changed.length.intdiv(2)
        changed[middle] = (byte) (changed[middle] ^ 1)
        def altered = Files.createTempFile("award-justification-altered", ".pdf").toFile()
        altered.bytes = changed
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), keyboard)

        when: "the member signs in and lands on the rounds to review, then shows only rounds whose award is being decided"
        j.signIn(api("GET", "/api/me", who.scrutiny).body.username as String, PASSWORD)
        def landed = j.path()
        j.check("scrutiny-rounds-$how")
        new Select(browser.driver.findElement(By.id("stage"))).selectByValue("AWARD_PROPOSED")
        j.press("Show rounds")
        def filtered = j.text()

        then:
        landed == "/scrutiny"
        filtered.contains(round.title as String)
        filtered.contains("Award being decided")

        when: "they open the round and read its story"
        j.follow(round.title as String)
        j.check("scrutiny-round-$how")
        def story = j.text()

        then: "the chain is verified on the page and the story names what happened, who did it and the documents with their hashes"
        story.contains("The audit trail is intact")
        story.contains("State change") && story.contains("Rule run")
        story.contains("the tender from Sister Space") && story.contains("lot '${round.lots[0].title}'")
        !story.contains("round $round.id")
        story.contains("Award justification")
        story.contains(org.levelfield.common.Hashing.sha256(issued))

        when: "they read the award as a page, follow a score to its evaluators' reasons, and the cap to the rule that applied it"
        j.follow("Read the award justification as a page")
        j.check("scrutiny-award-$how")
        def awardPage = j.text()
        def charts = browser.screenshotsOf("scrutiny-award-chart-$how", By.cssSelector("svg.levelfield-chart[role='img'][aria-label]"))
        def scoreLink = browser.driver.findElements(By.cssSelector("a[href^='#reasons-']")).first()
        String target = scoreLink.getAttribute("href").replaceAll(/.*#/, "")
        def reasons = browser.driver.findElement(By.id(target)).text
        j.follow("Read rule EQ-06")
        j.check("scrutiny-rule-$how")
        def rulePage = j.text()

        then:
        awardPage.contains("capped at 2 by EQ-06")
        awardPage.contains("Recomputed from the scrutiny pack when this page was made")
        awardPage.contains("The scrutiny pack (JSON)") && awardPage.contains("Fairness analytics")
        charts.size() >= 1
        reasons.contains("the evaluators' reasons") && reasons.contains("Section 2 of the tender")
        rulePage.contains("Rule EQ-06") && rulePage.contains("Legal force") && rulePage.contains("Source")
        rulePage.contains("rules/scoring/EQ-06")

        when: "they go back to the story and check the PDF they were sent, and then a copy with one byte changed"
        j.open("/scrutiny/rounds/$round.id")
        j.follow("Check a copy you were given")
        j.check("scrutiny-check-$how")
        j.attach("file", pdf)
        j.press("Check the document")
        def recognised = j.text()
        j.check("scrutiny-check-recognised-$how")
        j.attach("file", altered)
        j.press("Check the document")
        def refused = j.text()

        then:
        recognised.contains("Levelfield issued exactly this document")
        recognised.contains(round.title as String)
        refused.contains("does not match any document Levelfield issued")
        j.fitsWidth()

        and: "axe found no WCAG 2.2 A/AA violation on any page on the way"
        j.violations == [:]

        cleanup:
        browser?.quit()

        where:
        how << ["mouse", "keyboard"]
        keyboard << [false, true]
    }

    def "the reading room is for scrutiny and admins only; a bad hash is refused with a clear message"() {
        given:
        def who = people()
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when: "a bidder tries the reading room"
        def asBidder = api("GET", "/scrutiny", who.bidder)

        and: "a scrutiny member pastes something that is not a SHA-256"
        j.signIn(api("GET", "/api/me", who.scrutiny).body.username as String, PASSWORD)
        j.open("/scrutiny/check-document")
        j.type("sha256", "not-a-hash")
        j.press("Check the document")
        def refused = j.text()
        j.check("scrutiny-check-refused")

        then:
        asBidder.status.code == 403
        refused.contains("There is a problem")
        refused.contains("Enter the SHA-256 as 64 characters")
        j.violations == [:]

        cleanup:
        browser?.quit()
    }

    def "a scrutiny member enters a 2009 decision and reads its review under the duties of 2008-09 (#how)"() {
        given:
        def who = people()
        def file = Files.createTempFile("past-decision", ".json").toFile()
        file.text = groovy.json.JsonOutput.toJson(PastDecisionSpec.pastRound())
        def browser = new Browser(width)
        def j = new Journey(browser, server.URL.toString(), keyboard)

        when: "they open past decisions from the rounds to review and send JSON that names a lot the round lacks"
        def entered = { sql.one("select count(*) from past_decision", { rs -> rs.getLong(1) } as org.levelfield.common.database.Sql.Row).orElseThrow() }
        def before = entered()
        j.signIn(api("GET", "/api/me", who.scrutiny).body.username as String, PASSWORD)
        j.follow("Review a past decision")
        j.check("past-decisions-$how")
        j.type("record", '{"decisionDate": "2009-06-12", "round": {"title": "x"}, "tenders": [{"lot": "Refuge", "bidder": "A"}]}')
        j.press("Enter and review the decision")
        def refused = j.text()
        j.check("past-decisions-refused-$how")

        then: "the error summary says what is wrong in the JSON; nothing was entered"
        refused.contains("There is a problem")
        refused.contains("In the JSON")
        refused.contains("round.commencementDate")
        entered() == before

        when: "they upload the record"
        j.attach("file", file)
        j.press("Enter and review the decision")
        def review = j.text()
        j.check("past-decision-$how")
        def fits = j.fitsWidth()

        then: "the review names the duties and the procurement law of its dates, and EQ-04 as good practice"
        entered() == before + 1
        review.contains("Eastshire domestic abuse services 2009")
        review.contains("The law on its dates")
        review.contains("the race equality duty applies")
        review.contains("the gender equality duty applies")
        review.contains("the Public Contracts Regulations 2006 apply")
        review.contains("L5: Good practice or local policy")
        review.contains("good practice then, not a statutory duty")
        !review.contains("Equality Act 2010 s149 applies")
        fits

        when: "they review it again"
        j.press("Review again with today's rules")
        def again = j.text()

        then:
        again.contains("Earlier reviews")
        j.violations == [:]

        cleanup:
        browser?.quit()

        where:
        how        | keyboard | width
        "mouse"    | false    | 1000
        "keyboard" | true     | 1000
        "320"      | false    | 320
    }

    def "the reading room and the public awards fit a 320-pixel screen"() {
        given:
        def who = people()
        def browser = new Browser(320)
        def j = new Journey(browser, server.URL.toString(), false)

        when:
        j.open("/awards")
        def awards = j.fitsWidth()
        j.check("awards-320")
        j.signIn(api("GET", "/api/me", who.scrutiny).body.username as String, PASSWORD)
        def rounds = j.fitsWidth()
        j.check("scrutiny-rounds-320")
        j.open("/scrutiny/check-document")
        def check = j.fitsWidth()
        j.check("scrutiny-check-320")

        then:
        awards && rounds && check
        j.violations == [:]

        cleanup:
        browser?.quit()
    }
}
