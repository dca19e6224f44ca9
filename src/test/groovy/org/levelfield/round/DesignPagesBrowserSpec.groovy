package org.levelfield.round

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.Browser
import org.levelfield.support.DesignByPages
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Journey

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * Designing a round through the design pages in real Chromium (issue 14): a task list, question pages for
 * the partners and their budget lines, lots and their conditions, criteria with parts, the equality impact
 * assessment as a grid, and the round's details; check answers; save. The design check then shows the
 * RD-13 block with a link to the answer it is about; the commissioner changes that answer on the design
 * pages and saves the design again, and the block is gone. Bad input is refused in place and changes
 * nothing. axe finds no WCAG 2.2 A/AA violation on any page.
 */
@MicronautTest(transactional = false)
class DesignPagesBrowserSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    def setup() {
        clock.followSystemClock()
    }

    def "a commissioner designs a round in question pages, saves it, meets RD-13 on the design check and fixes it through its link"() {
        given:
        def who = people()
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)
        String title = "Riverside services ${UUID.randomUUID().toString().take(6)}"

        when: "the commissioner designs the round, page by page"
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        def seen = DesignByPages.design(j, [title: title, commencement: LocalDate.now(), deadline: Instant.now().plus(Duration.ofDays(45)), reserved: true])
        def answers = j.text()
        def draftsBefore = api("GET", "/api/rounds", who.commissioner).body.findAll { it.title == title }.size()

        and: "saves it: the design check opens with RD-13 blocking"
        j.press("Save the round")
        j.check("design-saved-check")
        def check = j.text()
        def saved = api("GET", "/api/rounds", who.commissioner).body.find { it.title == title }
        def round = api("GET", "/api/rounds/$saved.id", who.commissioner).body
        def details = applicationContext.getBean(org.levelfield.round.infrastructure.Rounds).find(UUID.fromString(saved.id as String)).get().details()

        and: "follows RD-13's link to the answer, removes the restriction and saves the design again"
        j.follow("Change the answer that RD-13 is about")
        def answerPath = j.path()
        j.check("design-rd13-answer")
        j.type("eligibilityRestriction", "")
        j.press("Save and continue")
        j.follow("Back to the design")
        j.follow("Check your answers")
        j.press("Save the design")
        def fixed = j.text()
        def revised = api("GET", "/api/rounds/$saved.id", who.commissioner).body

        then: "the pooled budget and the partner's share were shown as the second partner's line was typed"
        seen.liveTotal == "This partner puts in £150,000. The pooled budget would be £450,000, of which this partner’s share is 33.3%."

        and: "the answers were checked before saving, and nothing was saved until then"
        answers.contains("Check your answers before saving the round")
        answers.contains("Riverside Council (lead)") && answers.contains("£500,000")
        answers.contains("BME-led organisations only")
        answers.contains("Criterion: Equality") && answers.contains("Race 10, Disability 10, Sex 10")
        draftsBefore == 0

        and: "the round is the design typed: partners, pooled budget, lots, criteria with parts, the whole EqIA and the details"
        round.status == "DRAFT"
        round.partners*.name == ["Riverside Council", "Riverside NHS Integrated Care Board", "Riverside Police and Crime Commissioner"]
        round.partners.find { it.lead }.name == "Riverside Council"
        round.pooledTotalPence == 50_000_000
        round.lots*.title == ["Community outreach", "Black and minoritised survivors"]
        round.lots[0].valueInclVatPence == 90_000_000 && round.lots[0].termMonths == 36
        round.lots[1].eligibilityRestriction == "BME-led organisations only"
        round.lots[0].criteria.findAll { !it.parentId }*.title == ["Price", "Service delivery and safety", "Equality"]
        round.lots[0].criteria.findAll { it.parentId }*.duty == ["RACE", "DISABILITY", "SEX"]
        round.eqia.entries.size() == 25
        details.contractClauses().size() == 4
        details.monitoringCharacteristics().size() == 7
        details.socialValueConsidered()
        details.dataProtectionBasis() == "DPA 2018 Sch 1 para 8"

        and: "the design check names RD-13 and links to the lot's conditions; fixing it there clears the block"
        check.contains("RD-13:") && check.contains("BME-led organisations only")
        answerPath.endsWith("/lots/1/conditions")
        revised.status == "DRAFT"
        revised.lots[1].eligibilityRestriction == null
        !fixed.contains("RD-13:")
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "bad answers on the design pages are refused in place, say what is wrong, and change nothing"() {
        given:
        def who = people()
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when: "the about page is sent with no name, an impossible date and a time that is not one"
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/new")
        DesignByPages.typeDate(j, "commencementDate", LocalDate.now())
        j.type("tenderDeadline", "31"); j.type("tenderDeadline-month", "2"); j.type("tenderDeadline-year", "2027")
        j.press("Start designing the round")
        j.check("design-about-errors")
        def about = j.text()

        and: "a valid start, then a lot whose value is words and term is not a number"
        j.type("title", "Bad input round")
        j.type("tenderDeadline", "28")
        j.type("tenderDeadline-time", "25:99")
        j.press("Start designing the round")
        def badTime = j.text()
        j.type("tenderDeadline-time", "12:00")
        j.press("Start designing the round")
        String base = j.path()
        j.open("$base/lots/new")
        j.type("title", "Outreach")
        j.type("valueInclVatPence", "lots of money")
        j.type("termMonths", "three years")
        j.press("Save and continue")
        j.check("design-lot-errors")
        def lot = j.text()
        def lotsAfterBadLot = api("GET", "/api/rounds", who.commissioner).body.findAll { it.title == "Bad input round" }.size()

        and: "a criterion with parts whose weights are not numbers, and a partner with half a budget line"
        j.type("valueInclVatPence", "100,000")
        j.type("termMonths", "36")
        j.press("Save and continue")
        j.press("Save and continue")
        j.open("$base/lots/0/criteria/new")
        j.type("title", "Equality"); j.pick("kind-3"); j.type("weight", "thirty")
        j.type("part-0-title", "Race"); j.type("part-0-weight", "")
        j.press("Save criterion")
        j.check("design-criterion-errors")
        def criterion = j.text()
        j.open("$base/partners/new")
        j.type("name", "Riverside Council"); j.pick("type"); j.pick("lead")
        j.type("line-0-amountPence", "1,000")
        j.press("Save partner")
        def partner = j.text()

        and: "the answers are checked and saved with weights out of range: the round is refused with links to the pages"
        j.type("line-0-financialYear", "2027/28")
        j.press("Save partner")
        j.open("$base/lots/0/criteria/new")
        j.type("title", "Price"); j.pick("kind"); j.type("weight", "130"); j.type("minScore", "7")
        j.press("Save criterion")
        def weights = j.text()
        j.open("$base/check")
        j.press("Save the round")
        j.check("design-save-refused")
        def refused = j.text()
        def refusedLink = browser.driver.findElement(org.openqa.selenium.By.partialLinkText("criterion 1 (Price)")).getAttribute("href")

        then:
        about.contains("There is a problem") && about.contains("Enter the name of the round")
        about.contains("The deadline for tenders must be a real date")
        badTime.contains("Enter the time of the deadline for tenders in 24-hour form, like 12:00")
        lot.contains("The lot's value") || lot.contains("Enter the lot's value in pounds")
        lot.contains("The term must be a whole number, like 36")
        lotsAfterBadLot == 0
        criterion.contains("The weight must be a number from 0 to 100")
        criterion.contains("Enter this part's weight in points")
        partner.contains("Enter the financial year of this budget line like 2027/28")
        refused.contains("The round cannot be saved yet")
        refused.contains("criterion 1 (Price), weight: must be from 0 to 100")
        refusedLink.endsWith("/lots/0/criteria/0")
        weights.contains("The weights add up to 130, not 100.")
        refused.contains("criterion 1 (Price), min score: must be on the published scale, 0 to 5")
        api("GET", "/api/rounds", who.commissioner).body.findAll { it.title == "Bad input round" }.isEmpty()
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "the design pages are for commissioners; an unknown design or page is a 404, and a design whose round moved on says so"() {
        given:
        def who = people()
        def design = org.levelfield.support.RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40)), LocalDate.now().plusMonths(4))
        def created = api("POST", "/api/rounds", who.commissioner, design).body
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)

        when: "a bidder tries the design pages"
        j.signIn(api("GET", "/api/me", who.bidder).body.username as String, PASSWORD)
        j.open("/manage/rounds/new")
        def asBidder = j.text()

        and: "the commissioner opens the draft's design, then the round is approved in another tab"
        browser.driver.manage().deleteAllCookies()
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$created.id")
        j.follow("Change the design")
        String base = j.path()
        j.check("design-tasks-existing")
        def tasks = j.text()
        j.open("$base/partners")
        def partners = j.text()
        created.partners.each { p -> api("POST", "/api/rounds/$created.id/partners/$p.id/sign-off", who.commissioner, [signatory: "Director", signatoryRole: "Director"]) }
        def approved = api("POST", "/api/rounds/$created.id/approve-design", who.commissioner)
        j.open("$base/about")
        def stale = j.text()
        j.open("/manage/designs/${UUID.randomUUID()}")
        def unknown = j.text()
        j.open("/manage/designs/not-a-design/lots/0")
        def malformed = j.text()

        then:
        asBidder.contains("Your account cannot use it")
        tasks.contains("Changing the design of a draft round") && tasks.contains(created.title)
        created.partners.every { partners.contains(it.name) }
        approved.status.code == 200
        stale.contains("moved on since these answers were started") && stale.contains("Reopen the design")
        unknown.toLowerCase().contains("not found") || unknown.contains("Page not found")
        malformed.toLowerCase().contains("not found") || malformed.contains("Page not found")

        cleanup:
        browser?.quit()
    }

    def "a published round's criteria are amended on the design pages with a later deadline; bidders on the changed lot are told, and the notices page lists it"() {
        given: "a published round with a tender on its first lot"
        def who = people()
        def design = org.levelfield.support.RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40)), LocalDate.now())
        design.title = "Riverside amendment ${UUID.randomUUID().toString().take(6)}"
        design.lots[0].remove("minTurnoverPence")
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[0]
        def tender = [id: api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, org.levelfield.support.RoundFixture.tender(lot, 80_000_000)).body.tenderId]
        def browser = new Browser(1000)
        def j = new Journey(browser, server.URL.toString(), false)
        def newDeadline = Instant.now().plus(Duration.ofDays(55)).atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()

        when: "the commissioner opens the amendment and sends it unchanged and empty"
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$round.id")
        j.follow("Amend the award criteria")
        String base = j.path() - "/amend"
        j.check("amend")
        j.press("Amend the round")
        j.check("amend-errors")
        def errors = j.text()
        j.open("$base/about")
        def notCriteria = j.text()

        and: "changes the first lot's quality descriptors, gives a reason and a later deadline, and amends"
        j.open("$base/amend")
        j.follow("Change the criteria of Community outreach")
        j.follow("Change Service delivery and safety")
        j.type("descriptors", "0 no response; 3 meets the specification with a safety plan; 5 excellent, with survivors involved in design")
        j.press("Save criterion")
        j.follow("Back to the design")
        def changedPage = j.text()
        j.type("reason", "The quality descriptors now say what a safety plan needs.")
        DesignByPages.typeDate(j, "newTenderDeadline", newDeadline)
        j.type("newTenderDeadline-time", "12:00")
        j.press("Amend the round")
        j.check("amended")
        def amended = j.text()
        def after = api("GET", "/api/rounds/$round.id", who.commissioner).body
        j.follow("Notices sent")
        j.check("notices-sent")
        def notices = j.text()

        then:
        errors.contains("There is a problem") && errors.contains("Say why the criteria change")
        errors.contains("Enter the new deadline for tenders") && errors.contains("Change the award criteria of at least one lot first")
        notCriteria.contains("only its award criteria can change now")
        changedPage.contains("Changed") && changedPage.contains("As published")
        amended.contains("The award criteria are amended and republished")
        after.status == "PUBLISHED"
        java.time.Instant.parse(after.tenderDeadline as String).atZone(java.time.ZoneId.of("Europe/London")).toLocalDate() == newDeadline
        after.lots[0].criteria.find { it.title == "Service delivery and safety" }.descriptors.contains("survivors involved in design")
        api("GET", "/api/tenders/$tender.id", who.bidder).body.status == "RESUBMISSION_REQUIRED"
        notices.contains("was amended") && notices.contains("The quality descriptors now say what a safety plan needs")
        notices.contains("Sent to every organisation taking part") && !notices.contains(who.sisters)
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "every design page fits a 320 px screen and passes axe there"() {
        given:
        def who = people()
        def design = org.levelfield.support.RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40)), LocalDate.now())
        design.lots[0].criteria[2] = [title: "Equality", kind: "EQUALITY", weight: 30, descriptors: "5 costed plan; 3 credible plan",
                                      subCriteria: [[title: "Race", duty: "RACE", weight: "10"], [title: "Disability", duty: "DISABILITY", weight: "10"],
                                                    [title: "Sex", duty: "SEX", weight: "10"]]]
        design.lots[0].criteria.remove(4)
        design.lots[0].criteria.remove(3)
        design.details.incumbents = [[organisation: "Asha Women's Centre", fundingType: "GRANT", fundingPerYearPence: 4_000_000, specialist: true]]
        def created = api("POST", "/api/rounds", who.commissioner, design)
        assert created.status.code == 201: created.body
        def browser = new Browser(320)
        def j = new Journey(browser, server.URL.toString(), false)

        when:
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$created.body.id/design")
        String base = j.path()
        def pages = ["", "/about", "/partners", "/partners/0", "/lots", "/lots/0", "/lots/0/conditions", "/lots/0/criteria", "/lots/0/criteria/2",
                     "/eqia", "/eqia/AGE", "/details/consultation", "/details/market", "/details/incumbents", "/details/contract", "/details/evaluation", "/check"]
        def fits = pages.collectEntries { p ->
            j.open(base + p)
            j.check("design-320" + p.replace("/", "-"))
            [(p): j.fitsWidth()]
        }
        def copied = j.text()

        then: "each page fits, and the copy of the draft holds its design"
        fits.findAll { p, ok -> !ok }.isEmpty()
        copied.contains("Race 10, Disability 10, Sex 10") && copied.contains("Asha Women's Centre")
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }

    def "a grant below the threshold: the design check says the grant channel switches the procurement rules, at 320 px and with axe"() {
        given: "a grant (the authority does not buy the service for itself) of £100,000 with no conflicts assessment"
        def who = people()
        def design = org.levelfield.support.RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40)), LocalDate.now())
        design.lots = [design.lots[0] + [valueInclVatPence: 10_000_000, minTurnoverPence: null, terms: [mainSubjectMatter: "SOCIAL_CARE"],
                                         requiresAuditedAccounts: true]]
        design.details = design.details + [conflictsAssessedOn: null, fundingLabel: "GRANT", authoritySpecifiesService: false]
        def created = api("POST", "/api/rounds", who.commissioner, design)
        assert created.status.code == 201: created.body
        def browser = new Browser(320)
        def j = new Journey(browser, server.URL.toString(), false)

        when:
        j.signIn(api("GET", "/api/me", who.commissioner).body.username as String, PASSWORD)
        j.open("/manage/rounds/$created.body.id/design-check")
        j.check("design-check-grant-320")
        def page = j.text()

        then: "REG-05 names the channel and what it switches off; RD-24 is a warning, not a block; REG-04 has no threshold to meet"
        page.contains("is a grant in substance, through the grant channel: outside the procurement rules")
        page.contains("The Act's duty does not apply, because the arrangement is a grant in substance")
        page.contains("no procurement threshold applies, because the arrangement is a grant in substance")
        !page.contains("PA 2023 s83 requires one before the tender notice")

        and: "the single lot is flagged as practice, not blocked under the Act's duty to consider lots"
        page.contains("The duty to consider lots does not apply, because the arrangement is a grant in substance")
        !page.contains("(PA 2023 s18)")

        and: "asking a small charity for audited accounts is a warning that says why s22 does not bind, not a block"
        page.contains("requires audited accounts. The Act's conditions of participation (s22) do not bind here, because the arrangement is a grant in substance")
        !page.contains("not permitted as a condition of participation")
        j.fitsWidth()
        j.violations.isEmpty()

        cleanup:
        browser?.quit()
    }
}
