package org.levelfield.access

import io.micronaut.http.HttpStatus
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import no.nav.security.mock.oauth2.MockOAuth2Server
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback
import org.levelfield.support.IntegrationSpec
import spock.lang.Shared

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * Council staff sign in with their own identity provider (OpenID Connect), tested against a real
 * OIDC provider in the test JVM: the role comes from a configured claim, accounts are made on first
 * sign-in only for allowed domains, and the session is then a Levelfield session like any other.
 */
@MicronautTest(transactional = false)
class StaffSingleSignOnSpec extends IntegrationSpec {

    @Shared MockOAuth2Server provider = new MockOAuth2Server().tap { start(0) }
    @Shared HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    @Inject EmbeddedServer server

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + [
                "micronaut.security.oauth2.enabled"                       : "true",
                "micronaut.security.oauth2.clients.council.client-id"     : "levelfield",
                "micronaut.security.oauth2.clients.council.client-secret" : "levelfield-test-client-secret",
                "micronaut.security.oauth2.clients.council.openid.issuer" : provider.issuerUrl("council").toString(),
                "levelfield.oidc.role-claim"                              : "levelfield_role",
                "levelfield.oidc.allowed-domains"                         : "riverside.gov.uk",
        ]
    }

    def cleanupSpec() {
        provider.shutdown()
    }

    /** Goes through the sign-in as a browser would: to the provider and back, carrying the state cookie. */
    HttpResponse<String> signInWithProvider(Map claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("council", "staff-" + UUID.randomUUID(), "JWT", ["levelfield"], claims, 3600))
        def start = browser.send(HttpRequest.newBuilder(URI.create("$server.URL/oauth/login/council")).build(), HttpResponse.BodyHandlers.ofString())
        assert start.statusCode() in [302, 303]: "no redirect to the provider: ${start.statusCode()} ${start.body()}"
        String cookies = start.headers().allValues("set-cookie").collect { it.split(";")[0] }.join("; ")
        def atProvider = browser.send(HttpRequest.newBuilder(URI.create(start.headers().firstValue("location").get())).build(), HttpResponse.BodyHandlers.ofString())
        assert atProvider.statusCode() in [302, 303]: "the provider did not send the browser back: ${atProvider.statusCode()}"
        browser.send(HttpRequest.newBuilder(URI.create(atProvider.headers().firstValue("location").get())).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString())
    }

    String tokenOf(HttpResponse<String> reply) {
        assert reply.statusCode() == 200: "sign-in refused: ${reply.statusCode()} ${reply.body()}"
        new groovy.json.JsonSlurper().parseText(reply.body()).access_token
    }

    def "a commissioner of an allowed domain gets an account on first sign-in, with the role from the claim"() {
        given:
        String email = "pat.${UUID.randomUUID().toString().take(6)}@riverside.gov.uk"

        when:
        String token = tokenOf(signInWithProvider([email: email, name: "Pat Commissioner", levelfield_role: "commissioner"]))
        def me = api("GET", "/api/me", token).body

        then:
        me.role == "COMMISSIONER"
        me.username == email
        sql.query("select identity_provider from app_user where email = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, email) == ["council"]

        and: "the session is a Levelfield one: signing out ends it"
        api("POST", "/api/logout", token).status == HttpStatus.NO_CONTENT
        api("GET", "/api/me", token).status == HttpStatus.UNAUTHORIZED
    }

    def "the role follows the provider at the next sign-in"() {
        given:
        String email = "sam.${UUID.randomUUID().toString().take(6)}@riverside.gov.uk"
        tokenOf(signInWithProvider([email: email, name: "Sam", levelfield_role: ["evaluator"]]))

        when:
        String token = tokenOf(signInWithProvider([email: email, name: "Sam", levelfield_role: ["scrutiny"]]))

        then:
        api("GET", "/api/me", token).body.role == "SCRUTINY"
    }

    def "no account is made for #why, and nothing is stored but the failed attempt"() {
        given:
        long users = count("app_user")

        when:
        def reply = signInWithProvider(claims)

        then:
        reply.statusCode() == 401
        reply.body().contains(words)
        !reply.body().contains("access_token")
        count("app_user") == users

        where:
        why                                 | claims                                                                            || words
        "an email domain not allowed"       | [email: "someone@elsewhere.example", name: "X", levelfield_role: "commissioner"]  || "only for riverside.gov.uk"
        "a person with no Levelfield role"  | [email: "norole@riverside.gov.uk", name: "X"]                                      || "no Levelfield role"
        "a role that is not a staff role"   | [email: "bid@riverside.gov.uk", name: "X", levelfield_role: "bidder"]             || "no Levelfield role"
        "no email address"                  | [name: "X", levelfield_role: "admin"]                                              || "did not give an email address"
    }

    def "local passwords still work for bidders beside the identity provider"() {
        given:
        def who = people()

        expect:
        api("GET", "/api/me", who.bidder).body.role == "BIDDER"
    }
}
