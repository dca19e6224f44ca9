package org.levelfield.access

import io.micronaut.http.HttpStatus
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.IntegrationSpec
import spock.lang.Shared

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The pages the links in account emails open, used as a browser without JavaScript uses them:
 * forms post and redirect; a refused answer comes back with the GOV.UK error summary, the message
 * beside the field and what was typed kept (never a password); a used link says so.
 */
@MicronautTest(transactional = false)
class AccountPagesSpec extends IntegrationSpec {

    @Shared HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    @Shared Map<String, String> who

    @Inject EmbeddedServer server

    def setup() {
        if (who == null) who = people()
    }

    HttpResponse<String> get(String path) {
        browser.send(HttpRequest.newBuilder(URI.create("$server.URL$path")).build(), HttpResponse.BodyHandlers.ofString())
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.collect { k, v -> URLEncoder.encode(k, "UTF-8") + "=" + URLEncoder.encode(v, "UTF-8") }.join("&")
        browser.send(HttpRequest.newBuilder(URI.create("$server.URL$path")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
    }

    def "an invited commissioner opens the link, is told what is wrong with a common password, then creates the account"() {
        given:
        String email = "page-${UUID.randomUUID().toString().take(8)}@riverside.gov.uk"
        api("POST", "/api/admin/invitations", who.admin, [email: email, role: "COMMISSIONER"])
        String secret = linkSecret(email, "/account/invitation/")

        when:
        def page = get("/account/invitation/$secret")

        then:
        page.statusCode() == 200
        page.headers().firstValue("content-type").get().startsWith("text/html")
        page.body().contains("Create your Levelfield account")
        page.body().contains(email)
        page.body().contains('href="/assets/govuk-frontend.min.css"')

        when: "a common password"
        def refused = post("/account/invitation/$secret", [name: "Pat Page", password: "password1234"])

        then: "the same page, with the error summary linking to the field, the message beside it, the name kept and the password not"
        refused.statusCode() == 400
        refused.body().contains("<title>Error: Create your Levelfield account - Levelfield</title>")
        refused.body().contains('class="govuk-error-summary"')
        refused.body().contains('<a href="#password">This password is too common')
        refused.body().contains('id="password-error"')
        refused.body().contains('value="Pat Page"')
        !refused.body().contains("password1234")
        count("app_user", "email = ?", email) == 0

        when: "a good one"
        def accepted = post("/account/invitation/$secret", [name: "Pat Page", password: "heron lantern crossing"])
        def done = get(accepted.headers().firstValue("location").get().replaceFirst("^https?://[^/]+", ""))

        then:
        accepted.statusCode() == 303
        done.body().contains("Your account is ready")
        api("POST", "/api/login", null, [username: email, password: "heron lantern crossing"]).status == HttpStatus.OK

        and: "the link, opened again, says it has been used"
        get("/account/invitation/$secret").body().contains("This link has already been used")
    }

    def "a forgotten password is reset from the pages; asking says the same for an unknown address"() {
        given:
        String email = api("GET", "/api/me", who.evaluator).body.username + "@example.org"

        when:
        def known = post("/account/reset-password", [email: email])
        def unknown = post("/account/reset-password", [email: "nobody-${UUID.randomUUID()}@example.org"])
        def malformed = post("/account/reset-password", [email: "not an address"])
        String secret = linkSecret(email, "/account/reset-password/")
        def form = get("/account/reset-password/$secret")
        def weak = post("/account/reset-password/$secret", [password: "short"])
        def changed = post("/account/reset-password/$secret", [password: "quiet meadow orchard"])

        then:
        known.statusCode() == 303
        unknown.headers().firstValue("location").get() == known.headers().firstValue("location").get()
        malformed.statusCode() == 400
        malformed.body().contains('value="not an address"')
        form.body().contains("Choose a new password")
        weak.statusCode() == 400
        weak.body().contains("at least 12 characters")
        changed.statusCode() == 303
        api("POST", "/api/login", null, [username: email, password: "quiet meadow orchard"]).status == HttpStatus.OK
    }

    def "opening a confirmation link does not confirm by itself (mail scanners open links); the button does"() {
        given:
        String email = "page-${UUID.randomUUID().toString().take(8)}@example.org"
        api("POST", "/api/organisations/sign-up", null, [organisationName: "Page Test Group", legalForm: "UNINCORPORATED", name: "Pat",
                email: email, password: "pebble garden morning"])
        String secret = linkSecret(email, "/account/confirm-email/")

        when:
        def opened = get("/account/confirm-email/$secret")

        then:
        opened.statusCode() == 200
        opened.body().contains("Confirm my email address")
        sql.query("select status from app_user where email = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, email) == ["UNCONFIRMED"]

        when:
        def confirmed = post("/account/confirm-email/$secret", [:])

        then:
        confirmed.statusCode() == 303
        sql.query("select status from app_user where email = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, email) == ["ACTIVE"]
        get("/account/confirm-email/$secret").body().contains("already been used")
    }

    def "GOV.UK Frontend's styles, scripts and fonts are served by the service itself"() {
        expect:
        get("/assets/govuk-frontend.min.css").statusCode() == 200
        get("/assets/govuk-frontend.min.js").statusCode() == 200
        get("/assets/fonts/bold-b542beb274-v2.woff2").statusCode() == 200
    }
}
