package org.levelfield.bidder

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.common.mail.OutboxSender
import org.levelfield.support.Browser
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Journey
import org.levelfield.support.RoundFixture
import org.levelfield.support.TestDatabase
import org.levelfield.support.TestMail
import org.openqa.selenium.Dimension
import spock.lang.Shared

import java.time.Duration
import java.time.Instant

/**
 * The issue's "Done when", in real Chromium: a new charity finds the round without signing in,
 * checks whether it can bid and sees why one lot needs a consortium, registers, confirms its email
 * from the message the SMTP server received, fills in its profile and monitoring answers, prepares a
 * tender through the task list with an attachment, sends it and reads its receipt (also emailed),
 * asks a question and asks for a reasonable adjustment. axe finds no WCAG 2.2 A/AA violation on any
 * page. The same journey again with the keyboard alone; key pages, signed out and signed in, at 320 px wide and at 200% zoom.
 */
@MicronautTest(transactional = false)
class BidderJourneyBrowserSpec extends IntegrationSpec {

    @Shared TestMail mail = new TestMail()
    @Shared Map<String, String> who
    @Shared Map round
    @Inject EmbeddedServer server
    @Inject OutboxSender sender

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + mail.properties()
    }

    def cleanupSpec() {
        mail.stop()
    }

    def setup() {
        if (who == null) {
            who = people()
            clock.followSystemClock()
            drainOutbox()
            def created = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40)))
                    + [title: "Browser journey round ${UUID.randomUUID().toString().take(6)}".toString()])
            assert created.status.code == 201: "round not created: $created"
            round = created.body
            def published = approveAndPublish(round, who.commissioner)
            assert published.status.code == 200: "not published: $published"
        }
    }

    /** The whole journey; returns what the person saw on the results and receipt pages. */
    Map<String, String> journey(Journey j, String charity, String email) {
        String password = "kitchen table rota ${UUID.randomUUID().toString().take(4)}"
        Map<String, String> seen = [:]

        j.open("/")
        j.check("start")
        j.press("Hide cookie message")
        j.follow("Find a round")
        j.check("rounds")
        j.follow(round.title as String)
        j.check("round")

        j.follow("Check whether you can bid")
        j.check("can-we-bid")
        j.follow("Start now")
        j.check("question-organisation")
        j.press("Continue")
        j.check("question-organisation-errors")
        j.type("name", charity)
        j.pick("legalForm-2")
        j.type("staff", "6")
        j.press("Continue")
        j.type("income", "£210,000")
        j.pick("accountsType-2")
        j.check("question-money")
        j.press("Continue")
        j.pick("insuranceHeld-no")
        j.pick("insuranceUndertaking")
        j.check("question-insurance")
        j.press("Continue")
        j.pick("experienceKinds-2")
        j.check("question-experience")
        j.press("Continue")
        j.pick("consortium-no")
        j.pick("alternativeEvidence-no")
        j.check("question-consortium")
        j.press("Continue")
        j.pick("mandatoryExclusion-no")
        j.type("discriminationFindings", "0")
        j.check("question-exclusions")
        j.press("See your results")
        j.check("results")
        seen.results = j.text()

        j.follow("Register your organisation")
        j.check("register")
        j.type("registrationNumber", "GB-CHC-" + uniqueDigits(7))
        j.type("name", "Bola Adeyemi")
        j.type("email", email)
        j.type("password", password)
        j.press("Register")
        j.check("registered")
        seen.registered = j.text()

        sender.deliverDue()
        j.open("/account/confirm-email/" + mail.linkSecret(email, "/account/confirm-email/"))
        j.check("confirm-email")
        j.press("Confirm my email address")
        j.check("email-confirmed")
        j.follow("Go to sign in")
        j.check("sign-in")
        j.type("email", email)
        j.type("password", password)
        j.press("Sign in")
        j.check("tenders-empty")

        j.follow("Your organisation")
        j.check("organisation")
        j.follow("Change profile")
        j.check("profile-prefilled")
        seen.profileIncome = j.browser.driver.findElement(org.openqa.selenium.By.id("income")).getAttribute("value")
        j.pick("insuranceHeld-no")
        j.press("Save profile")
        j.follow("Answer the monitoring questions")
        j.check("monitoring")
        j.pick("LED_BY-SEX")
        j.pick("LED_BY-RACE")
        j.pick("SERVES-DISABILITY-3")
        j.pick("profileFlags")
        j.pick("consentToPublish")
        j.press("Save answers")
        j.check("organisation-done")

        j.follow("Find a round")
        j.follow(round.title as String)
        j.follow("Prepare a tender for Deaf and disabled survivors")
        j.check("task-list")
        j.followPartial("Answer: Service delivery")
        j.check("answer")
        j.type("answer", (["word"] * 60).join(" "))
        j.press("Save and continue")
        j.check("answer-too-long")
        seen.tooLong = j.text()
        j.type("answer", "Our BSL-fluent outreach workers meet survivors where they are, with safety planning in every session.")
        j.press("Save and continue")
        ["Race equality", "Disability equality", "Sex equality"].each { title ->
            j.followPartial("Answer: $title")
            j.type("answer", "A costed plan for ${title.toLowerCase()} with named staff, targets and quarterly review.")
            j.press("Save and continue")
        }
        j.follow("Equality evidence")
        j.check("evidence")
        ["RACE", "DISABILITY", "SEX"].each { duty ->
            j.pick("type-$duty-2")
            j.type("description-$duty", "Delivery plan for the ${duty.toLowerCase()} duty, section 4 of our tender")
        }
        j.press("Save and continue")
        j.follow("How you will monitor outcomes")
        j.check("monitoring-plan")
        (["characteristics"] + (2..8).collect { "characteristics-$it" }).each { j.pick(it) }
        j.pick("frequency-2")
        j.type("description", "Outcomes and access by characteristic every quarter, counts under 5 suppressed")
        j.pick("safeguards")
        j.press("Save and continue")
        j.follow("Attachments")
        j.check("attachments")
        File policy = File.createTempFile("equality-plan", ".pdf")
        policy.bytes = org.levelfield.support.Pdfs.letter("Our equality policy")
        j.attach("file", policy)
        j.press("Upload file")
        j.check("attached")
        seen.attachments = j.text()
        j.follow("Back to your tender")
        j.follow("Consortium members and subcontractors")
        j.check("partners")
        j.follow("Add a subcontractor")
        j.check("subcontractor")
        j.type("subName", "Deaf Women Together CIC")
        j.pick("subKind-2")
        j.type("subSpecialism", "Peer support by and for Deaf women")
        j.type("subShare", "20")
        j.type("subPaymentDays", "14")
        j.pick("subFullCost")
        j.pick("subLetter")
        j.press("Save and continue")
        j.check("partners-added")
        seen.partners = j.text()
        j.follow("Back to your tender")
        j.follow("Price")
        j.type("price", "£95,000")
        j.pick("vatBasis-3")
        j.check("price")
        j.press("Save and continue")
        j.follow("Declarations")
        ["mandatoryExclusionGround-no", "discretionaryExclusionGround-no", "recurrenceLikely-no", "conflictOfInterest-no"].each { j.pick(it) }
        j.type("equalityLawFindings", "0")
        j.check("declarations")
        j.press("Save and continue")
        seen.taskList = j.text()
        j.follow("Check your answers")
        j.check("check-answers")
        j.press("Send tender")
        j.check("receipt")
        seen.receipt = j.text()

        j.follow("Find a round")
        j.follow(round.title as String)
        j.follow("Ask a question")
        j.check("ask")
        j.type("question", "Can the BSL interpreting budget sit outside the price?")
        j.press("Send question")
        j.check("questions")
        seen.questions = j.text()
        j.follow("Back to the round")
        j.follow("Ask for a reasonable adjustment")
        j.check("adjustment")
        j.pick("kinds-3")
        j.type("details", "Our manager is Deaf: we need a BSL interpreter at the bidders' briefing.")
        j.type("neededBy", "15")
        j.type("neededBy-month", "1")
        j.type("neededBy-year", "2027")
        j.press("Send request")
        j.check("adjustments")
        seen.adjustments = j.text()
        j.follow("Notices")
        j.check("notices")
        seen
    }

    def "a new charity goes from finding a round to a sent tender, with no accessibility violation on any page"() {
        given:
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)
        String email = "bola-${UUID.randomUUID().toString().take(6)}@sisterspace.org.uk"

        when:
        def seen = journey(j, "Sister Space ${UUID.randomUUID().toString().take(4)}", email)
        sender.deliverDue()

        then: "the lot with a £600,000 turnover condition needs a consortium; the other passes"
        seen.results.contains("Lot 1: Community outreach\nDoes not pass")
        seen.results.contains("Turnover £210,000 vs required £600,000")
        seen.results.contains("bid as part of a consortium")
        seen.results.contains("Lot 2: Deaf and disabled survivors\nPasses")

        and: "registering sends a confirmation email; the profile starts from the eligibility answers"
        seen.registered.contains("We have sent a link to ${email.toLowerCase()}")
        seen.profileIncome == "210,000"

        and: "a word limit is enforced in place"
        seen.tooLong.contains("Your answer has 60 words: it must be 50 words or fewer")

        and: "the attachment is listed with its SHA-256"
        seen.attachments =~ /equality-plan\d*\.pdf \(1 KB\)\s+[0-9a-f]{64}/

        and: "a subcontractor is listed with its share, payment terms and the letter committing it"
        seen.partners.contains("Deaf Women Together CIC")
        seen.partners.contains("20%")
        seen.partners.contains("14 days of their invoice")
        seen.partners =~ /Letter of commitment\s+equality-plan\d*\.pdf/

        and: "the receipt has the tender id, the time and the SHA-256, and was emailed"
        seen.receipt.contains("Tender sent")
        def tender = sql.query("select t.id, t.content_sha256 from tender t join organisation o on o.id = t.organisation_id join app_user u on u.organisation_id = o.id where u.email = ? and t.status = 'SUBMITTED'",
                { rs -> [id: rs.getString(1), sha: rs.getString(2)] } as org.levelfield.common.database.Sql.Row, email.toLowerCase()).first()
        seen.receipt.contains(tender.id) && seen.receipt.contains(tender.sha)
        mail.to(email).any { it.subject.startsWith("Tender received") && TestMail.text(it).contains(tender.sha) }

        and: "the question and the adjustment request are recorded, the request in the round's audit trail"
        seen.questions.contains("Can the BSL interpreting budget sit outside the price?")
        seen.adjustments.contains("A British Sign Language interpreter") && seen.adjustments.contains("15 January 2027")
        count("audit_entry", "round_id = ? and kind = 'ADJUSTMENT_REQUESTED'", UUID.fromString(round.id as String)) >= 1

        and: "no page of the journey has a WCAG 2.2 A or AA violation"
        j.pages.size() >= 38
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "the same journey with the keyboard alone"() {
        given:
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), true)
        String email = "keys-${UUID.randomUUID().toString().take(6)}@deafpositive.org.uk"

        when:
        def seen = journey(j, "Deaf Positive ${UUID.randomUUID().toString().take(4)}", email)

        then:
        seen.receipt.contains("Tender sent")
        seen.adjustments.contains("A British Sign Language interpreter")
        j.violations.isEmpty()

        cleanup:
        browser?.screenshot("journey-keys-last-page")
        browser?.quit()
    }

    def "pages fit #width px without sideways scrolling and pass axe (#why)"() {
        given:
        def browser = new Browser(width)
        def j = new Journey(browser, server.URL.toString(), false)
        def lot = round.lots[1]
        def paths = ["/", "/rounds", "/rounds/$round.id", "/rounds/$round.id/can-we-bid/organisation", "/rounds/$round.id/can-we-bid/money",
                     "/register", "/sign-in", "/cookies"]
        def sent = api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/tenders", who.bidder, RoundFixture.tender(round.lots[0], 40_000_000))
        assert sent.status.code == 201 || sent.status.code == 409
        String tenderId = sent.status.code == 201 ? sent.body.tenderId : api("GET", "/api/tenders/mine", who.bidder).body.find { it.lotId == round.lots[0].id }.id
        String base = "/rounds/$round.id/lots/$lot.id/tender"
        def signedIn = ["/tenders", "/organisation", "/organisation/profile", "/organisation/monitoring", base, "$base/partners",
                        "$base/partners/subcontractor", "$base/partners/member", "$base/check", "/tenders/$tenderId", "/tenders/$tenderId/award",
                        "$base/price", "/notices", "/rounds/$round.id/questions/new", "/rounds/$round.id/adjustments/new"]
        def narrow = [:]

        when:
        j.signIn(api("GET", "/api/me", who.bidder).body.username as String, PASSWORD)
        (paths + signedIn).each { p ->
            j.open(p)
            j.check("w$width-" + p.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id").replaceAll("[^a-z]+", "-"))
            if (!j.fitsWidth()) narrow[p] = true
        }

        then:
        narrow.isEmpty()
        j.violations.isEmpty()

        cleanup:
        browser?.quit()

        where:
        width | why
        320   | "a small phone"
        640   | "a 1280 px window at 200% zoom"
    }
}
