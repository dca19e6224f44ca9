package org.levelfield.common

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * Issue 15, part 7: security headers on every response. Pages carry a Content-Security-Policy that allows
 * only the service's own scripts and styles and no framing; every response says nosniff, no referrer to other sites and
 * no framing; HSTS only when the request came over TLS; and nothing about tenders, scores, monitoring or
 * accounts is kept in a cache.
 */
@MicronautTest(transactional = false)
class SecurityHeadersSpec extends IntegrationSpec {

    def "every response carries the security headers; pages a content security policy; HSTS only over TLS"() {
        when:
        def page = api("GET", "/", null)
        def overTls = api("GET", "/", null, null, ["X-Forwarded-Proto": "https"])
        def json = api("GET", "/api/rules", null)
        def missing = api("GET", "/no-such-page-${UUID.randomUUID()}", null)

        then:
        [page, json, missing].every { r ->
            r.headers["x-content-type-options"] == "nosniff" && r.headers["referrer-policy"] == "same-origin" && r.headers["x-frame-options"] == "DENY"
        }
        page.headers["content-security-policy"].contains("default-src 'self'")
        page.headers["content-security-policy"].contains("frame-ancestors 'none'")
        page.headers["content-security-policy"].contains("object-src 'none'")
        !page.headers["content-security-policy"].contains("unsafe-inline")
        !page.headers.containsKey("strict-transport-security")
        overTls.headers["strict-transport-security"].startsWith("max-age=")
        json.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    }

    def "nothing about tenders, scores, monitoring or accounts is cached"() {
        given:
        def who = people()
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now())
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[1]
        String tenderId = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000)).body.tenderId

        expect:
        ["/api/tenders/$tenderId", "/api/tenders/$tenderId/receipt", "/api/me", "/api/rounds/$round.id/tenders"].every { path ->
            def r = api("GET", path, who.bidder)
            r.status == HttpStatus.OK && r.headers["cache-control"] == "no-store"
        }
        api("GET", "/static/levelfield.css", null).headers["cache-control"] != "no-store"
    }
}
