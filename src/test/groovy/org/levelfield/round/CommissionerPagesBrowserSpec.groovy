package org.levelfield.round

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.Browser
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Journey
import org.levelfield.support.RoundFixture

import java.time.Duration
import java.time.Instant

/**
 * The commissioner's round pages in real Chromium (issue 14): the round's home with where it stands,
 * the live design check with a BLOCK and a WARN, the WARN justified by a named officer through its form,
 * partners' sign-offs, approval, a refused publication, reopening with a reason, and publication once
 * the design is fixed. axe finds no WCAG 2.2 A/AA violation on any page; the keyboard-only run goes
 * through the design check page with Tab, Space and Enter only.
 */
@MicronautTest(transactional = false)
class CommissionerPagesBrowserSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    def setup() {
        clock.followSystemClock()
    }

    /** A draft round whose first lot is reserved by bidder identity (RD-13, a BLOCK) and asks 3x its yearly value in turnover (RD-06, a WARN). */
    Map faultyDraft(Map who) {
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40)), java.time.LocalDate.now().plusMonths(4))
        design.title = "Riverside outreach ${UUID.randomUUID().toString().take(6)}"
        design.lots[0].minTurnoverPence = 90_000_000
        design.lots[0].eligibilityRestriction = "BME-led organisations only"
        def created = api("POST", "/api/rounds", who.commissioner, design)
        assert created.status.code == 201: created.body
        [round: created.body, design: design]
    }

    def "a commissioner checks the design, justifies a warning, gets sign-offs, is refused publication, reopens, fixes and publishes (#how)"() {
        given:
        def who = people()
        def draft = faultyDraft(who)
        Map round = draft.round
        def warning = api("POST", "/api/rounds/$round.id/design-check", who.commissioner).body.findings.find { it.ruleId == "RD-06" }
        String key = "justify-" + "RD-06|$warning.subjectId".replaceAll(/[^A-Za-z0-9]+/, "-")
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), keyboard)

        when: "the commissioner signs in and lands on their rounds"
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        def landed = j.path()
        j.check("manage-rounds")
        j.follow(round.title)
        j.check("manage-round-draft")
        def home = j.text()

        and: "opens the design check: a BLOCK and a WARN, each with its citation and force"
        j.follow("Go to the design check")
        j.check("design-check")
        def check = j.text()

        and: "sends the justification form empty, then filled in"
        j.press("Record the justification")
        j.check("design-check-errors")
        def errors = j.text()
        j.type("$key-officerName", "Ama Owusu")
        j.type("$key-officerRole", "Head of Commissioning")
        j.type("$key-justification", "The lot holds a refuge; the insurer requires this turnover, and consortia may meet it together.")
        j.press("Record the justification")
        def justified = j.text()

        and: "records each partner's sign-off and approves the design"
        round.partners.each { p ->
            j.type("signoff-$p.id-signatory", "Director of $p.name")
            j.type("signoff-$p.id-signatoryRole", "Director")
            j.press("Record the sign-off of $p.name")
        }
        j.press("Approve the design")
        def approved = api("GET", "/api/rounds/$round.id", who.commissioner).body.status

        and: "publication is refused while RD-13 stands"
        j.press("Publish the round")
        j.check("design-check-refused")
        def refused = j.text()
        def stillApproved = api("GET", "/api/rounds/$round.id", who.commissioner).body.status

        and: "the design is reopened with a reason, the restriction removed, signed off, approved and published"
        j.follow("Reopen the design to change it")
        j.check("reopen")
        j.press("Reopen the design")
        j.check("reopen-errors")
        def noReason = j.text()
        j.type("reason", "Remove the BME-led restriction: RD-13 says eligibility cannot turn on who leads a bidder.")
        j.press("Reopen the design")
        def reopened = api("GET", "/api/rounds/$round.id", who.commissioner).body
        draft.design.lots[0].remove("eligibilityRestriction")
        def revised = api("PUT", "/api/rounds/$round.id", who.commissioner, draft.design)
        j.open("/manage/rounds/$round.id/design-check")
        revised.body.partners.each { p ->
            j.type("signoff-$p.id-signatory", "Director of $p.name")
            j.type("signoff-$p.id-signatoryRole", "Director")
            j.press("Record the sign-off of $p.name")
        }
        def again = api("POST", "/api/rounds/$round.id/design-check", who.commissioner).body.findings.find { it.ruleId == "RD-06" }
        String keyAgain = "justify-" + "RD-06|$again.subjectId".replaceAll(/[^A-Za-z0-9]+/, "-")
        j.type("$keyAgain-officerName", "Ama Owusu")
        j.type("$keyAgain-officerRole", "Head of Commissioning")
        j.type("$keyAgain-justification", "As before: the insurer requires this turnover, and consortia may meet it together.")
        j.press("Record the justification")
        j.press("Approve the design")
        j.press("Publish the round")
        j.check("manage-round-published")
        def published = j.text()

        then:
        landed == "/manage/rounds"
        home.contains("Design the round and check it")
        home.contains("1 finding blocks publication")
        home.contains("1 warning needs a named officer's justification")
        check.contains("RD-13:") && check.contains("BME-led organisations only") && check.contains("Blocks publication (1)")
        check.contains("RD-06:") && check.contains("Needs a justification (1)") && check.contains("Statute: binding")
        errors.contains("There is a problem") && errors.contains("Enter the name of the officer who justifies going ahead")
        errors.contains("Enter the officer's role") && errors.contains("Say why the round may go ahead despite this warning")
        justified.contains("Justified") && justified.contains("By Ama Owusu, Head of Commissioning")
        approved == "DESIGN_APPROVED"
        refused.contains("There is a problem") && refused.contains("The round cannot be published yet: change the design so that RD-13 on Lot 'Community outreach' no longer blocks it")
        !refused.contains("/api/")
        stillApproved == "DESIGN_APPROVED"
        noReason.contains("There is a problem")
        reopened.status == "DRAFT"
        revised.status.code == 200
        published.contains("The round is published and open for tenders")
        published.contains("Open for tenders")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "PUBLISHED"
        j.violations.isEmpty()

        cleanup:
        browser?.quit()

        where:
        how         | keyboard
        "mouse"     | false
        "keyboard"  | true
    }

    def "the round's pages fit a 320 px screen, pass axe, and are for commissioners only"() {
        given:
        def who = people()
        Map round = faultyDraft(who).round
        def browser = new Browser(320)
        def j = new Journey(browser, server.URL.toString(), false)

        when:
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id")
        j.check("manage-round-320")
        def homeFits = j.fitsWidth()
        j.open("/manage/rounds/$round.id/design-check")
        j.check("design-check-320")
        def checkFits = j.fitsWidth()
        def checkText = j.text()
        j.open("/manage/rounds/$round.id/cancel")
        j.press("Cancel the round")
        j.check("cancel-errors-320")
        def noReason = j.text()

        then:
        homeFits && checkFits
        checkText.contains("RD-13:") && checkText.contains("Record the justification")
        noReason.contains("There is a problem")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "DRAFT"
        j.violations.isEmpty()
        page("/manage/rounds/$round.id", who.bidder).status.code == 403
        page("/manage/rounds/$round.id", who.evaluator).status.code == 403
        signedOut(page("/manage/rounds/$round.id", null), round.title as String)
        page("/manage/rounds/not-a-round", who.commissioner).status.code == 404
        page("/manage/rounds/${UUID.randomUUID()}/design-check", who.commissioner).status.code == 404

        cleanup:
        browser?.quit()
    }

    def "during the tender period the commissioner answers a clarification question for all bidders and a reasonable adjustment request with a new deadline"() {
        given: "a published round, a question and a request for more time from a bidder"
        def who = people()
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40)), java.time.LocalDate.now().plusMonths(4))
        design.title = "Riverside questions ${UUID.randomUUID().toString().take(6)}"
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        def question = api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: "May a consortium lead be a CIO?"]).body
        def asked = api("POST", "/api/rounds/$round.id/adjustments", who.bidder, [kinds: ["MORE_TIME"], details: "Our manager works two days a week."]).body
        def newDeadline = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(50)
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)
        String q = "answer-$question.id"
        String a = "adj-$asked.id"

        when:
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id")
        j.follow("Clarification questions")
        j.check("questions")
        j.press("Publish the answer to question 1")
        j.check("questions-errors")
        def noAnswer = j.text()
        j.type(q, "Yes: a CIO may lead a consortium.")
        j.press("Publish the answer to question 1")
        def answered = j.text()
        j.open("/manage/rounds/$round.id/adjustments")
        j.check("adjustments")
        j.press("Send the answer to ${who.sisters}")
        j.check("adjustments-errors")
        def noDecision = j.text()
        j.pick("$a-decision")
        j.type("$a-answer", "Agreed: the deadline moves for every bidder.")
        j.type("$a-deadline", "$newDeadline.dayOfMonth")
        j.type("$a-deadline-month", "$newDeadline.monthValue")
        j.type("$a-deadline-year", "$newDeadline.year")
        j.type("$a-deadline-time", "12:00")
        j.press("Send the answer to ${who.sisters}")
        def adjusted = j.text()

        then:
        noAnswer.contains("There is a problem") && noAnswer.contains("Write the answer to question 1")
        answered.contains("No question is waiting for an answer") && answered.contains("Yes: a CIO may lead a consortium.")
        api("GET", "/api/rounds/$round.id/clarifications", who.bidder2).body.find { it.number == 1 }.answer == "Yes: a CIO may lead a consortium."
        noDecision.contains("Choose whether the adjustment is agreed, partly agreed or refused") && noDecision.contains("Say what will be done")
        adjusted.contains("No request is waiting for an answer") && adjusted.contains("Agreed: the deadline moves for every bidder.")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.tenderDeadline ==
                newDeadline.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant().toString()
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    /** A page fetched as a browser asks for it, with an account's bearer token or none. */
    Reply page(String path, String token) {
        api("GET", path, token, null, [Accept: "text/html"])
    }

    /** Sent to sign in (the redirect, or the sign-in page it leads to), never shown the round. */
    static boolean signedOut(Reply reply, String title) {
        String html = new String(reply.bytes, "UTF-8")
        reply.status.code == 303 || (reply.status.code == 200 && html.contains("Sign in") && !html.contains(title))
    }
}
