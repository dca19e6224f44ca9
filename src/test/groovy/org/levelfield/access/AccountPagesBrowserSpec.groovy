package org.levelfield.access

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.Browser
import org.levelfield.support.IntegrationSpec
import org.openqa.selenium.By
import org.openqa.selenium.Keys
import spock.lang.Shared

/**
 * The account pages in real Chromium: no WCAG 2.2 A/AA violation found by axe on any page of the
 * journey (at 1000 px and at 320 px), and the invitation completed with the keyboard alone.
 */
@MicronautTest(transactional = false)
class AccountPagesBrowserSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Inject EmbeddedServer server

    def setup() {
        if (who == null) who = people()
    }

    String invite() {
        String email = "browser-${UUID.randomUUID().toString().take(8)}@riverside.gov.uk"
        api("POST", "/api/admin/invitations", who.admin, [email: email, role: "EVALUATOR"])
        linkSecret(email, "/account/invitation/")
    }

    def "every account page passes axe at #width px"() {
        given:
        def browser = new Browser(width)
        String secret = invite()
        String resetEmail = api("GET", "/api/me", who.scrutiny).body.username + "@example.org"
        api("POST", "/api/account/password-reset", null, [email: resetEmail])
        String reset = linkSecret(resetEmail, "/account/reset-password/")
        def found = [:]

        when:
        ["invitation"        : "/account/invitation/$secret",
         "invitation-broken" : "/account/invitation/not-a-real-link",
         "reset-request"     : "/account/reset-password",
         "reset-password"    : "/account/reset-password/$reset",
         "done"              : "/account/done/invitation"].each { name, path ->
            browser.driver.get("$server.URL$path")
            found[name] = browser.violations()
            browser.screenshot("account-$name-$width")
        }
        browser.driver.get("$server.URL/account/invitation/$secret")
        browser.driver.findElement(By.id("name")).sendKeys("Kim Keys")
        browser.driver.findElement(By.id("password")).sendKeys("password1234")
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click()
        found["invitation-with-errors"] = browser.violations()
        browser.screenshot("account-invitation-errors-$width")

        then:
        found.every { name, v -> assert v.isEmpty(): "$name at $width px: $v"; true }

        cleanup:
        browser?.quit()

        where:
        width << [1000, 320]
    }

    def "the axe check does find a violation when there is one (an input without a label)"() {
        given:
        def browser = new Browser()

        when:
        browser.driver.get("data:text/html,<html lang=en><title>x</title><main><input id=q></main></html>")

        then:
        browser.violations().any { it.startsWith("label:") }

        cleanup:
        browser?.quit()
    }

    def "an invitation is completed with the keyboard alone"() {
        given:
        def browser = new Browser()
        String secret = invite()

        when: "tab from the top of the page (cookie message, skip link, header and menu links) to the name, then password, then the button"
        browser.driver.get("$server.URL/account/invitation/$secret")
        def active = { browser.driver.switchTo().activeElement() }
        int tabs = 0
        while (tabs < 12 && active().getAttribute("id") != "name") {
            active().sendKeys(Keys.TAB)
            tabs++
        }
        String firstField = active().getAttribute("id")
        active().sendKeys("Kim Keys")
        active().sendKeys(Keys.TAB)
        String secondField = active().getAttribute("id")
        active().sendKeys("keyboard lantern meadow")
        active().sendKeys(Keys.ENTER)

        then:
        firstField == "name"
        tabs <= 8
        secondField == "password"
        browser.driver.findElement(By.tagName("h1")).text == "Your account is ready"

        cleanup:
        browser?.quit()
    }
}
