package org.levelfield

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.round.application.ClosingRound
import org.levelfield.support.Browser
import org.levelfield.support.DesignByPages
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Journey
import org.levelfield.support.TenderByPages
import org.openqa.selenium.By

import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/**
 * The README's tour through the pages only, in real Chromium (issue 14's "done when"): the commissioner
 * designs a round on the design pages, meets the RD-13 block and fixes it, justifies a warning, gets the
 * partners' sign-offs and publishes; two bidders send tenders for both lots through the tender pages;
 * three evaluators declare and score on their pages, one spread is moderated; the commissioner computes
 * the award, reads the robustness chart and its table, records due regard, decides, sends the summaries,
 * publishes the notice and records the contract once the standstill has ended. Time moves as it would:
 * the round is designed and tendered sixty days ago, closes on the real clock (the closing schedule's
 * pass), and the contract is signed after the standstill. axe finds no A/AA violation on any page.
 */
@MicronautTest(transactional = false)
class TourBrowserSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    static final ZoneId LONDON = ZoneId.of("Europe/London")

    void signInAs(Journey j, Browser browser, String token) {
        browser.driver.manage().deleteAllCookies()
        j.signIn(api("GET", "/api/me", token).body.username as String, PASSWORD)
    }

    /** Ticks the checkbox or radio whose label reads exactly this. */
    void pickLabelled(Journey j, Browser browser, String label) {
        j.pick(browser.driver.findElement(By.xpath("//main//label[normalize-space(.)='$label']")).getAttribute("for"))
    }

    def "the whole tour, through the pages only"() {
        given:
        def who = people()
        Instant realNow = Instant.now()
        clock.set(realNow.minus(Duration.ofDays(60)))
        LocalDate designDay = LocalDate.ofInstant(realNow.minus(Duration.ofDays(60)), LONDON)
        String title = "Tour: Riverside domestic abuse services ${UUID.randomUUID().toString().take(6)}"
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)
        def evaluators = ["evaluator", "evaluator2", "evaluator3"]

        when: "the commissioner designs the round on the design pages, with the second lot reserved to 'BME-led' bidders"
        signInAs(j, browser, who.commissioner)
        DesignByPages.design(j, [title: title, commencement: designDay, deadline: realNow.minus(Duration.ofHours(1)), reserved: true])
        j.press("Save the round")
        j.check("tour-design-check")
        def blocked = j.text()
        String roundId = j.path().tokenize("/")[2]

        and: "follows RD-13 to the lot's conditions, removes the reservation, adds a turnover condition, and saves the design"
        j.follow("Change the answer that RD-13 is about")
        j.type("eligibilityRestriction", "")
        j.type("minTurnoverPence", "300,000")
        j.press("Save and continue")
        j.follow("Back to the design")
        j.follow("Check your answers")
        j.press("Save the design")
        def fixed = j.text()

        and: "justifies each warning, records the partners' sign-offs, approves and publishes"
        while (!browser.driver.findElements(By.cssSelector("input[id\$='-officerName']")).isEmpty()) {
            String key = browser.driver.findElements(By.cssSelector("input[id\$='-officerName']")).first().getAttribute("id") - "-officerName"
            j.type("$key-officerName", "Pat Officer")
            j.type("$key-officerRole", "Head of Commissioning")
            j.type("$key-justification", "The insurer requires this turnover for a refuge lot; consortia may meet it together.")
            j.press("Record the justification")
        }
        def justified = j.text()
        Map round = api("GET", "/api/rounds/$roundId", who.commissioner).body
        round.partners.each { p ->
            j.type("signoff-$p.id-signatory", "Director of $p.name")
            j.type("signoff-$p.id-signatoryRole", "Director")
            j.press("Record the sign-off of $p.name")
        }
        j.press("Approve the design")
        j.press("Publish the round")
        j.check("tour-published")
        def published = j.text()

        and: "the commissioner appoints three evaluators to each lot on the panel page"
        j.open("/manage/rounds/$roundId/panel")
        round.lots.each { lot ->
            evaluators.each { e -> pickLabelled(j, browser, api("GET", "/api/me", who[e]).body.displayName as String) }
            j.press("Appoint to $lot.title")
        }

        and: "two bidders send tenders for both lots through the tender pages"
        def receipts = []
        [[who.bidder, ["£850,000", "£280,000"]], [who.bidder2, ["£820,000", "£270,000"]]].each { bidder, prices ->
            signInAs(j, browser, bidder)
            round.lots.eachWithIndex { lot, i -> receipts << TenderByPages.send(j, browser, title, lot.title as String, prices[i]) }
        }

        and: "the deadline passes on the real clock, and the closing schedule closes the round"
        clock.followSystemClock()
        applicationContext.getBean(ClosingRound).closeAllDue()
        def closed = api("GET", "/api/rounds/$roundId", who.commissioner).body.status

        and: "each evaluator declares no conflict and scores every tender; the third scores the first tender's quality 1 against the others' 4"
        round = api("GET", "/api/rounds/$roundId", who.commissioner).body
        Map scoredByLot = round.lots.collectEntries { [(it.id): it.criteria.findAll { c -> c.scored }] }
        String spreadTender = null
        evaluators.each { e ->
            signInAs(j, browser, who[e])
            j.follow(title)
            browser.driver.findElements(By.cssSelector("input[id\$='-no'][id^='conflict-']"))*.getAttribute("id").each { j.pick(it) }
            j.press("Send my declarations")
            if (e == "evaluator") j.check("tour-evaluate-tenders")
            List<String> tenders = browser.driver.findElements(By.cssSelector("main a[href*='/evaluate/tenders/']"))*.getAttribute("href").unique()
            tenders.each { href ->
                String tenderId = new URI(href).path.tokenize("/").last()
                spreadTender = spreadTender ?: tenderId
                j.open(new URI(href).path)
                String lotId = api("GET", "/api/tenders/$tenderId", who.commissioner).body.lotId
                scoredByLot[lotId].each { c ->
                    int score = e == "evaluator3" && tenderId == spreadTender && c.kind == "QUALITY" ? 1 : 4
                    j.pick("score-${c.id}-$score")
                    j.type("reason-${c.id}", "Section 3 of the tender names the staff, partners and targets for ${c.title}.")
                }
                j.press("Save my scores")
            }
        }

        and: "the commissioner is refused the award until the spread is moderated, records the consensus, and computes it"
        signInAs(j, browser, who.commissioner)
        j.open("/manage/rounds/$roundId/award")
        j.press("Compute the award")
        def refused = j.text()
        j.follow("go to moderation")
        def spreads = api("GET", "/api/rounds/$roundId/moderation", who.commissioner).body.findAll { it.needsModeration }
        spreads.each { line ->
            String k = ("m-$line.tenderId-$line.criterionId").replaceAll(/[^A-Za-z0-9-]/, "-")
            j.pick("$k-score-3")
            j.type("$k-reason", "The panel agreed 3: section 3 sets out a credible plan, but without costs.")
            j.press("Record the consensus")
        }
        j.open("/manage/rounds/$roundId/award")
        j.press("Compute the award")
        j.check("tour-award")
        def award = j.text()
        def charts = browser.driver.findElements(By.cssSelector("svg.levelfield-chart")).size()
        j.follow("see the fairness analytics")
        j.check("tour-fairness")
        def fairness = j.text()

        and: "records due regard, the award sign-offs and each lot's decision, sends the summaries and publishes the notice"
        LocalDate today = LocalDate.now(LONDON)
        j.open("/manage/rounds/$roundId/decision")
        j.follow("Record the due-regard record")
        j.type("decisionMaker.name", "Pat Officer")
        j.type("decisionMaker.role", "Head of Commissioning")
        j.type("decisionMaker.authority", "Scheme of delegation 4.2")
        DesignByPages.typeDate(j, "briefing.date", today)
        j.pick("briefing.coversDuty")
        j.type("briefing.by", "Equalities lead")
        DesignByPages.typeDate(j, "awardEqia.assessedOn", today)
        j.pick("awardEqia.relevance")
        j.pick("awardEqia.severity-3")
        j.type("equalityEffect", "The equality criteria did not separate the tenders; both commit to BSL and ethnicity monitoring.")
        j.pick("monitoringPlan.frequency-2")
        j.type("monitoringPlan.suppressionThreshold", "5")
        (["monitoringPlan.disaggregatedBy"] + (2..9).collect { "monitoringPlan.disaggregatedBy-$it" }).each { j.pick(it) }
        j.type("reviewSchedule", "Annual equality review of the contract's outcomes")
        j.type("baseline-0-group", "Deaf women")
        j.type("baseline-0-share", "10")
        j.type("minutes", "Decision note of the commissioning board")
        j.press("Save the due-regard record")
        j.check("tour-due-regard-saved")
        round.partners.each { p ->
            j.type("award-signoff-$p.id-signatory", "Director of $p.name")
            j.type("award-signoff-$p.id-signatoryRole", "Director")
            j.press("Record the award sign-off of $p.name")
        }
        round.lots.each { l -> j.press("Record the decision on $l.title") }
        j.check("tour-decided")
        def decided = j.text()
        j.press("Send the assessment summaries")
        j.press("Publish the award notice")
        j.check("tour-notice")
        def noticed = j.text()
        def standstill = api("GET", "/api/rounds/$roundId", who.commissioner).body.status
        j.follow("documents issued")
        j.check("tour-documents")
        def documents = j.text()
        String firstDoc = browser.driver.findElements(By.cssSelector("main a[href*='/documents/']")).first().getAttribute("href")
        String cookies = browser.driver.manage().cookies.collect { "$it.name=$it.value" }.join("; ")
        def docReply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(firstDoc)).header("Cookie", cookies).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray())
        String docSha = java.security.MessageDigest.getInstance("SHA-256").digest(docReply.body()).encodeHex().toString()

        and: "after the standstill, the contract is recorded"
        clock.set(realNow.plus(Duration.ofDays(20)))
        signInAs(j, browser, who.commissioner)
        j.open("/manage/rounds/$roundId/decision")
        j.check("tour-contract-page")
        DesignByPages.typeDate(j, "signed", LocalDate.ofInstant(realNow.plus(Duration.ofDays(20)), LONDON))
        j.press("Record the contract")
        j.check("tour-contract")
        def awarded = api("GET", "/api/rounds/$roundId", who.commissioner).body.status

        and: "anyone, signed out, finds the award on the public pages and reads it"
        browser.driver.manage().deleteAllCookies()
        j.open("/awards")
        j.check("tour-public-awards")
        j.follow(round.title as String)
        j.check("tour-public-award")
        def publicPage = j.text()
        def publicPath = j.path()

        and: "a scrutiny member reads the award as a page: the pack recomputes to it, each chart has its table, and the pack downloads"
        signInAs(j, browser, who.scrutiny)
        j.open("/scrutiny/rounds/$roundId/award")
        j.check("tour-scrutiny-award")
        def scrutinyAward = j.text()
        def robustnessCharts = browser.driver.findElements(By.cssSelector("svg.levelfield-chart[role='img'][aria-label*='lead in each scenario']")).size()
        def fairnessCharts = browser.driver.findElements(By.cssSelector("svg.levelfield-chart[role='img'][aria-label^='Pass rates']")).size()
        String packHref = browser.driver.findElement(By.linkText("The scrutiny pack (JSON)")).getAttribute("href")
        String scrutinyCookies = browser.driver.manage().cookies.collect { "$it.name=$it.value" }.join("; ")
        def packReply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(packHref)).header("Cookie", scrutinyCookies).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
        def pack = new groovy.json.JsonSlurper().parseText(packReply.body())
        def recomputed = api("POST", "/api/scrutiny/packs/recompute", who.scrutiny, packReply.body()).body

        then: "RD-13 blocked the design until its answer was changed on the design pages"
        blocked.contains("RD-13:") && blocked.contains("BME-led organisations only")
        !fixed.contains("RD-13:")
        justified.contains("By Pat Officer, Head of Commissioning")
        published.contains("The round is published and open for tenders")

        and: "four tenders were sent, each with a receipt, and the round closed at its deadline"
        receipts.size() == 4 && receipts.every { it.contains("Tender sent") }
        closed == "CLOSED"

        and: "the spread stopped the award until the consensus was recorded; then the ranking and the robustness chart with its table"
        refused.contains("SC-03")
        spreads.size() == 1
        award.contains("Ranking") && award.contains("Scenarios for")
        fairness.contains("Fairness analytics") && fairness.contains("Pass rates by group") && fairness.contains("fewer than 5")
        charts >= 1

        and: "each lot was decided"
        decided.contains("Decided on")

        and: "the notice started the standstill; the contract was recorded after it"
        noticed.contains("Ends at the end of")
        standstill == "STANDSTILL"

        and: "every document issued is listed with its SHA-256, and downloads as the very bytes issued"
        documents.contains("Assessment summary for a bidder") && documents.contains("Award justification, public version")
        docReply.statusCode() == 200 && docReply.headers().firstValue("X-Document-SHA256").get() == docSha && documents.contains(docSha)
        awarded == "AWARDED"

        and: "the public page tells the award without signing in"
        publicPath == "/awards/$roundId"
        publicPage.contains("Lots and winners") && publicPage.contains("The equality analysis") && publicPage.contains("Documents and data")

        and: "the scrutiny award page was recomputed from its own pack, and draws fairness and robustness beside their tables"
        scrutinyAward.contains("Recomputed from the scrutiny pack when this page was made: every lot's totals, ranks and provisional winner are as recorded")
        scrutinyAward.contains("Pass rates by group") && scrutinyAward.contains("Robustness of each provisional award")
        fairnessCharts + robustnessCharts >= 1
        packReply.statusCode() == 200 && packReply.headers().firstValue("Content-Disposition").get().startsWith("attachment")
        pack.format == "levelfield-scrutiny-pack/1" && pack.round.id == roundId
        recomputed.matches
        j.violations.isEmpty()

        cleanup:
        clock.followSystemClock()
        browser?.quit()
    }
}
