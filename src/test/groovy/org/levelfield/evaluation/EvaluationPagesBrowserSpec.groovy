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
 * The evaluator's pages and the commissioner's panel page in real Chromium (issue 14): an evaluator
 * declares for every bidder, sees what is left, and scores a tender with its answers beside the form
 * (mouse and keyboard alone); a commissioner removes a panel member with a reason and appoints a
 * replacement. axe finds no WCAG 2.2 A/AA violation on any page.
 */
@MicronautTest(transactional = false)
class EvaluationPagesBrowserSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    /** Types a date into a GOV.UK date input: day, month and year. */
    static void typeDate(Journey j, String field, LocalDate date) {
        j.type(field, "$date.dayOfMonth")
        j.type("$field-month", "$date.monthValue")
        j.type("$field-year", "$date.year")
    }

    def "an evaluator declares, sees what is left, and scores a tender beside its answers (#how)"() {
        given:
        def who = people()
        Map round = closedRound(who)
        Map lot = round.lots[0]
        List<Map> scored = lot.criteria.findAll { it.scored }
        String me = api("GET", "/api/me", who.evaluator).body.userId
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), keyboard)

        when: "the evaluator signs in, lands on their evaluations and opens the round"
        j.signIn(api("GET", "/api/me", who.evaluator).body.username as String, PASSWORD)
        def landed = j.path()
        j.check("evaluate-rounds")
        j.follow(round.title)
        j.check("evaluate-declare")
        def declarePage = j.text()

        and: "sends the declarations with one unanswered, then answers no for both bidders"
        j.pick("conflict-0-no")
        j.press("Send my declarations")
        j.check("evaluate-declare-errors")
        def declareErrors = j.text()
        j.pick("conflict-0-no")
        j.pick("conflict-1-no")
        j.press("Send my declarations")
        j.check("evaluate-tenders")
        def listed = j.text()
        String href = browser.driver.findElements(By.cssSelector("main a[href*='/evaluate/tenders/']"))*.getAttribute("href").first()

        and: "opens a tender, saves with a reason but no score, then scores every criterion"
        j.open(new URI(href).path)
        j.check("evaluate-score")
        def scoring = j.text()
        j.type("reason-${scored[0].id}", "Section 2 sets out a costed plan with named staff.")
        j.press("Save my scores")
        j.check("evaluate-score-errors")
        def scoreErrors = j.text()
        scored.each { c ->
            j.pick("score-${c.id}-4")
            if (c.id != scored[0].id) j.type("reason-${c.id}", "Section 3 of the tender names the staff and partners for ${c.title}.")
        }
        j.press("Save my scores")
        def after = j.text()
        String tenderId = new URI(href).path.tokenize("/").last()
        def mine = api("GET", "/api/tenders/$tenderId/scores", who.commissioner).body.findAll { it.evaluatorId == me }

        then:
        landed == "/evaluate"
        declarePage.contains("Do you have a conflict of interest with ${who.sisters}?") && declarePage.contains("Do you have a conflict of interest with ${who.generic}?")
        declareErrors.contains("There is a problem") && declareErrors.contains("Say whether you have a conflict of interest with")
        listed.contains("You have 2 tenders left to score.")
        scoring.contains("What the tender says") && scoring.contains(scored[0].title as String)
        scoreErrors.contains("Choose a score for ${scored[0].title}")
        mine*.criterionId.toSet() == scored*.id.toSet()
        mine.every { it.score == 4 }
        mine.find { it.criterionId == scored[0].id }.reason == "Section 2 sets out a costed plan with named staff."
        after.contains("You have 1 tender left to score.")
        j.violations.isEmpty()

        cleanup:
        browser?.quit()

        where:
        how        | keyboard
        "mouse"    | false
        "keyboard" | true
    }

    def "a commissioner removes a panel member with a reason and appoints a replacement through the panel page"() {
        given:
        def who = people()
        Map round = closedRound(who)
        Map lot = round.lots[0]
        String leaving = api("GET", "/api/me", who.evaluator3).body.userId
        String replacement = api("GET", "/api/me", who.evaluator4).body.userId
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when:
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id/panel")
        j.check("panel")
        def before = j.text()
        j.open("/manage/rounds/$round.id/panel/$lot.id/members/$leaving/removal")
        j.check("panel-removal")
        j.press("Remove from the panel")
        j.check("panel-removal-errors")
        def noReason = j.text()
        j.type("reason", "Declared after appointment that she chairs one bidder's board.")
        j.press("Remove from the panel")
        j.check("panel-removed")
        def removed = j.text()
        browser.driver.findElement(By.cssSelector("input[name='appoint-$lot.id'][value='$replacement']")).click()
        j.press("Appoint to ${lot.title}")
        def members = api("GET", "/api/rounds/$round.id/panel", who.commissioner).body.find { it.lotId == lot.id }.members*.evaluatorId

        then:
        before.contains("Evaluation panels") && before.contains("Evaluators free to score each tender")
        noReason.contains("There is a problem")
        removed.contains("The evaluator was removed from the panel")
        !members.contains(leaving)
        members.contains(replacement)
        members.size() == 3
        count("panel_member", "evaluator_id = ? and removal_reason like 'Declared after appointment%'", UUID.fromString(leaving)) == 1
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "the commissioner computes the award on its page: refused in words while scores are missing, then the ranking, the scores, the robustness chart with its table and the justification with its SHA-256"() {
        given:
        def who = people()
        Map round = closedRound(who)
        Map lot = round.lots[0]
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when: "the award is computed before anyone has scored"
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id/award")
        j.check("award-none")
        j.press("Compute the award")
        j.check("award-refused")
        def refused = j.text()

        and: "every evaluator scores every tender, and it is computed"
        panelScores(round, who) { e -> e == "evaluator" ? 4 : 3 }
        j.press("Compute the award")
        j.check("award-computed")
        def computed = j.text()
        def svg = browser.driver.findElements(By.cssSelector("svg.levelfield-chart[role=img]"))
        def pdf = api("GET", "/manage/rounds/$round.id/award/justification.pdf", who.commissioner, null, [Accept: "application/pdf"])
        def fits = new Browser(320)
        def narrow = new Journey(fits, server.URL.toString(), false)
        narrow.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        narrow.open("/manage/rounds/$round.id/award")
        narrow.check("award-computed-320")

        then:
        refused.contains("There is a problem")
        !refused.contains("/api/")
        computed.contains("Ranking") && computed.contains(who.sisters) && computed.contains(who.generic)
        computed.contains("How the tender from ${who.sisters} was scored")
        computed.contains("How robust each winner is") && computed.contains("Same winner")
        computed =~ /SHA-256 [0-9a-f]{64}/
        !svg.isEmpty()
        computed.contains("Scenarios for ${lot.title}")
        pdf.status.code == 200
        pdf.contentType.startsWith("application/pdf")
        computed.contains("SHA-256 " + org.levelfield.common.Hashing.sha256(pdf.bytes))
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
        narrow.fitsWidth()
        j.violations.isEmpty() && narrow.violations.isEmpty()

        cleanup:
        browser?.quit()
        fits?.quit()
    }

    def "a spread the panel cannot leave stops the award until the consensus is recorded on the moderation page"() {
        given:
        def who = people()
        Map round = closedRound(who)
        Map lot = round.lots[0]
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        panelScores(round, who) { e -> e == "evaluator3" ? 1 : 4 }
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when: "the award is refused for SC-03 and the commissioner follows the link to moderation"
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id/award")
        j.press("Compute the award")
        def refused = j.text()
        j.follow("go to moderation")
        j.check("moderation")
        def sheet = j.text()
        def first = api("GET", "/api/rounds/$round.id/moderation", who.commissioner).body.find { it.needsModeration }
        String key = ("m-$first.tenderId-$first.criterionId").replaceAll(/[^A-Za-z0-9-]/, "-")

        and: "records a consensus without a reason, then with one, for each spread"
        j.press("Record the consensus")
        j.check("moderation-errors")
        def errors = j.text()
        api("GET", "/api/rounds/$round.id/moderation", who.commissioner).body.findAll { it.needsModeration }.each { line ->
            String k = ("m-$line.tenderId-$line.criterionId").replaceAll(/[^A-Za-z0-9-]/, "-")
            j.pick("$k-score-3")
            j.type("$k-reason", "The panel agreed 3: section 2 sets out a credible plan, but without costs.")
            j.press("Record the consensus")
        }
        def recorded = j.text()
        j.open("/manage/rounds/$round.id/award")
        j.press("Compute the award")
        def computed = j.text()
        j.open("/manage/rounds/$round.id")
        j.check("manage-round-award-proposed")
        def home = j.text()

        then:
        home.contains("Evaluation panels") && home.contains("Moderation") && home.contains("The award")
        refused.contains("SC-03")
        sheet.contains("2 scores need a consensus") && sheet.contains("Spread 3")
        errors.contains("Choose the score the panel agreed") && errors.contains("Record why the panel agreed this score")
        recorded.contains("Agreed: 3") && recorded.contains("The panel agreed 3")
        computed.contains("Ranking") && !computed.contains("What stops the award")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "from the proposed award to the notice on the decision page: sign-offs, a decision per lot, the summaries, the notice, and a contract date the standstill refuses"() {
        given: "both bidders tender for both lots, the panel scores, the award is computed and the due-regard record saved"
        def who = people()
        Map round = closedRound(who, true)
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        panelScores(round, who)
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status.code == 200
        String today = LocalDate.now(java.time.ZoneId.of("Europe/London")).toString()
        assert api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner,
                [decisionMaker : [name: "Pat Officer", role: "Head of Commissioning", authority: "Delegated decision"],
                 briefing      : [date: today, coversDuty: true, by: "Equalities lead"],
                 awardEqia     : [assessedOn: today, relevance: "HIGH", severity: "LOW", entries: RoundFixture.fullEqia().entries],
                 equalityEffect: "The equality criteria did not separate the tenders.", reviewSchedule: "Annual equality review",
                 monitoringPlan: [frequency: "QUARTERLY", disaggregatedBy: ["RACE", "SEX", "GENDER_REASSIGNMENT", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"],
                                  suppressionThreshold: 5, needsBaseline: [[group: "Deaf women", expectedSharePct: 10]]],
                 minutes       : "Decision note"]).status.code == 200
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when:
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id/decision")
        j.check("decision")
        j.press("Record the decision on ${round.lots[0].title}")
        j.check("decision-refused")
        def refused = j.text()
        round.partners.each { p ->
            j.type("award-signoff-$p.id-signatory", "Director of $p.name")
            j.type("award-signoff-$p.id-signatoryRole", "Director")
            j.press("Record the award sign-off of $p.name")
        }
        round.lots.each { l -> j.press("Record the decision on $l.title") }
        def decided = j.text()
        j.press("Send the assessment summaries")
        j.press("Publish the award notice")
        j.check("decision-notice")
        def noticed = j.text()
        typeDate(j, "signed", LocalDate.now(java.time.ZoneId.of("Europe/London")))
        j.press("Record the contract")
        j.check("decision-contract-refused")
        def early = j.text()
        def small = new Browser(320)
        def narrow = new Journey(small, server.URL.toString(), false)
        narrow.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        def fit = ["decision", "due-regard", "moderation", "questions", "adjustments", "panel", "award", "fairness", "tenders", "notices"].collectEntries { page ->
            narrow.open("/manage/rounds/$round.id/$page")
            narrow.check("$page-320")
            [(page): narrow.fitsWidth()]
        }

        then:
        refused.contains("There is a problem") && refused.contains("Every funding partner must sign off the proposed award")
        decided.contains("Decided on") && decided.contains("awarded to")
        api("GET", "/api/rounds/$round.id/decisions", who.commissioner).body.size() == 2
        api("GET", "/api/rounds/$round.id/assessment-summaries", who.commissioner).body.size() == 4
        noticed.contains("Ends at the end of")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "STANDSTILL"
        early.contains("There is a problem")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "STANDSTILL"
        fit.every { page, fits -> fits }
        j.violations.isEmpty() && narrow.violations.isEmpty()

        cleanup:
        browser?.quit()
        small?.quit()
    }

    def "the due-regard record is written on its page, starting from the design-stage assessment, refused in place when a number is not one, and saved as a version"() {
        given:
        def who = people()
        Map round = closedRound(who)
        declareNoConflicts(round, who, ["evaluator", "evaluator2", "evaluator3"])
        panelScores(round, who)
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status.code == 200
        def today = LocalDate.now(java.time.ZoneId.of("Europe/London"))
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when:
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id/decision")
        j.follow("Record the due-regard record")
        j.check("due-regard")
        def blank = j.text()
        j.type("decisionMaker.name", "Pat Officer")
        j.type("decisionMaker.role", "Head of Commissioning")
        j.type("decisionMaker.authority", "Scheme of delegation 4.2")
        typeDate(j, "briefing.date", today)
        j.pick("briefing.coversDuty")
        typeDate(j, "awardEqia.assessedOn", today)
        j.pick("awardEqia.relevance")
        j.pick("awardEqia.severity-3")
        j.type("equalityEffect", "The equality criteria did not separate the tenders.")
        j.pick("monitoringPlan.frequency-2")
        j.type("monitoringPlan.suppressionThreshold", "five")
        j.press("Save the due-regard record")
        j.check("due-regard-errors")
        def errors = j.text()
        def kept = browser.driver.findElement(By.id("decisionMaker.name")).getAttribute("value")
        def nothing = api("GET", "/api/rounds/$round.id/due-regard", who.commissioner).body.versions.size()
        browser.driver.findElement(By.id("monitoringPlan.suppressionThreshold")).clear()
        j.type("monitoringPlan.suppressionThreshold", "5")
        j.press("Save the due-regard record")
        def decision = j.text()
        def saved = api("GET", "/api/rounds/$round.id/due-regard", who.commissioner).body.current.record

        then:
        blank.contains(": Eliminate discrimination") && blank.contains(": Advance equality")
        errors.contains("There is a problem") && errors.contains("Enter a whole number")
        kept == "Pat Officer"
        nothing == 0
        decision.contains("Decide the award") && decision.contains("Pat Officer, Head of Commissioning")
        saved.decisionMaker.name == "Pat Officer"
        saved.briefing.coversDuty == true
        saved.briefing.date == today.toString()
        saved.awardEqia.relevance == "HIGH" && saved.awardEqia.severity == "LOW"
        saved.awardEqia.entries.size() == round.eqia.entries.size()
        saved.awardEqia.entries[0].characteristic == round.eqia.entries[0].characteristic
        saved.monitoringPlan.frequency == "QUARTERLY" && saved.monitoringPlan.suppressionThreshold == 5
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "the scoring page puts the evidence and files beside the form, warns of a weak reason while it is typed and once saved, and shows the others' scores once all of one's own are in"() {
        given: "a closed round; Sister Space's tender carries a file; a second evaluator has already scored it"
        def who = people()
        clock.set(Instant.now().minus(Duration.ofDays(60)))
        def design = RoundFixture.aRound(Instant.now().minus(Duration.ofHours(1)), LocalDate.now().plusMonths(3))
        design.title = "Riverside scoring ${UUID.randomUUID().toString().take(6)}"
        design.lots[0].remove("minTurnoverPence")
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[0]
        byte[] letter = org.levelfield.support.Pdfs.letter("Letter of commitment from our BSL partner")
        def file = upload(who.bidder, "bsl-partner.pdf", "application/pdf", letter).body
        def tender = [id: api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000, [attachmentIds: [file.id]])).body.tenderId]
        seatPanel(round, who, ["evaluator", "evaluator2"])
        clock.followSystemClock()
        assert api("POST", "/api/rounds/$round.id/close", who.commissioner).status.code == 200
        declareNoConflicts(round, who, ["evaluator", "evaluator2"])
        assert api("POST", "/api/tenders/$tender.id/scores", who.evaluator2, RoundFixture.scores(lot, [RACE: 3, DISABILITY: 3, SEX: 3], 3, "Evaluator two")).status.code == 201
        List<Map> scored = lot.criteria.findAll { it.scored }
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when: "the evaluator opens the tender: its evidence and file are beside the form, the others' scores are not shown yet"
        j.signIn(api("GET", "/api/me", who.evaluator).body.username as String, PASSWORD)
        j.open("/evaluate/tenders/$tender.id")
        j.check("evaluate-score-files")
        def before = j.text()
        String href = browser.driver.findElement(By.linkText("bsl-partner.pdf")).getAttribute("href")
        String cookies = browser.driver.manage().cookies.collect { "$it.name=$it.value" }.join("; ")
        def download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray())
        def asOther = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(href)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray())

        and: "types a reason that cites nothing: the page warns as it is typed"
        j.type("reason-${scored[0].id}", "A good and credible plan overall.")
        def warned = null
        for (int i = 0; i < 50 && !warned; i++) {
            Thread.sleep(200)
            def text = browser.driver.findElement(By.id("reason-${scored[0].id}-check")).text
            if (text.contains("SC-02 will flag this reason")) warned = text
        }
        j.type("reason-${scored[0].id}", "Section 2 names the refuge staff and the safety plan for every survivor.")
        def cleared = null
        for (int i = 0; i < 50 && cleared == null; i++) {
            Thread.sleep(200)
            if (browser.driver.findElement(By.id("reason-${scored[0].id}-check")).text.isEmpty()) cleared = true
        }

        and: "saves every score, one with a reason that cites nothing, and opens the tender again"
        scored.each { c ->
            j.pick("score-${c.id}-4")
            j.type("reason-${c.id}", c.id == scored[1].id ? "A good and credible plan overall." : "Section 3 of the tender names the staff and partners for ${c.title}.")
        }
        j.press("Save my scores")
        j.open("/evaluate/tenders/$tender.id")
        j.check("evaluate-score-others")
        def after = j.text()
        def savedWarning = browser.driver.findElement(By.id("reason-${scored[1].id}-check")).text

        then:
        before.contains("The equality evidence it gives") && before.contains("A delivery plan: Costed delivery plan for the race duty")
        before.contains("Files sent with the tender") && before.contains("bsl-partner.pdf")
        !before.contains("The other evaluators' scores")
        download.statusCode() == 200 && download.body() == letter
        asOther.statusCode() in [302, 303, 401, 403]
        warned.contains("cites no section, page or paragraph of the tender")
        cleared
        savedWarning.contains("SC-02 will flag this reason")
        after.contains("The other evaluators' scores") && after.contains("Evaluator two: section 2 of the tender")
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }
}
