package org.levelfield.access

import org.levelfield.common.identity.Role

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import io.micronaut.context.annotation.Value
import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared

import java.time.Duration
import java.time.Instant

/**
 * A token is only a pointer to a session: every request checks the session and the account in the
 * database, so what the token says about roles and memberships is never trusted.
 */
@MicronautTest(transactional = false)
class SessionSpec extends IntegrationSpec {

    @Value('${micronaut.security.token.jwt.signatures.secret.generator.secret}')
    String secret

    @Shared Map<String, String> who

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ["levelfield.sessions.duration": "8h"]
    }

    def setup() {
        clock.set(Instant.now())
        if (who == null) who = people()
    }

    String idOf(String token) { api("GET", "/api/me", token).body.userId }

    String forge(Map claims, String key = secret) {
        def jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), JWTClaimsSet.parse(claims))
        jwt.sign(new MACSigner(key.bytes))
        jwt.serialize()
    }

    Map claimsOf(String token) {
        SignedJWT.parse(token).JWTClaimsSet.toJSONObject()
    }

    def "a sign-in lasts the configured 8 hours, and the token says so"() {
        when:
        def reply = api("POST", "/api/login", null, [username: api("GET", "/api/me", who.scrutiny).body.username, password: PASSWORD])
        def claims = claimsOf(reply.body.access_token)

        then:
        reply.body.expires_in == 28_800
        (claims.exp as long) - (claims.iat as long) == 28_800
        claims.sid ==~ /[0-9a-f-]{36}/
    }

    def "a changed role takes effect on the very next request of a token issued before"() {
        given: "a commissioner signed in, who can create rounds"
        String token = login(api("GET", "/api/me", who.commissioner).body.username)
        assert api("POST", "/api/rounds", token, RoundFixture.aRound(Instant.now().plus(Duration.ofDays(60)))).status == HttpStatus.CREATED

        when: "an admin makes them an evaluator"
        def changed = api("PUT", "/api/admin/accounts/${idOf(token)}/role", who.admin, [role: "EVALUATOR"])

        then: "the same token now has an evaluator's rights and no more"
        changed.body.role == "EVALUATOR"
        api("GET", "/api/me", token).body.role == "EVALUATOR"
        api("POST", "/api/rounds", token, RoundFixture.aRound(Instant.now().plus(Duration.ofDays(60)))).status == HttpStatus.FORBIDDEN

        cleanup:
        api("PUT", "/api/admin/accounts/${idOf(token)}/role", who.admin, [role: "COMMISSIONER"])
    }

    def "a disabled account's token stops working at once, and it cannot sign in; enabled again, it can"() {
        given:
        String name = api("GET", "/api/me", who.evaluator2).body.username
        String token = login(name)
        String id = idOf(token)

        when:
        def disabled = api("POST", "/api/admin/accounts/$id/disable", who.admin)

        then:
        disabled.body.status == "DISABLED"
        api("GET", "/api/me", token).status == HttpStatus.UNAUTHORIZED
        api("POST", "/api/login", null, [username: name, password: PASSWORD]).body.detail.contains("switched off")

        when:
        api("POST", "/api/admin/accounts/$id/enable", who.admin)

        then: "the old token stays ended; a new sign-in works"
        api("GET", "/api/me", token).status == HttpStatus.UNAUTHORIZED
        api("GET", "/api/me", login(name)).status == HttpStatus.OK
    }

    def "signing out ends the session: the token is refused at once, other sessions go on"() {
        given:
        String name = api("GET", "/api/me", who.evaluator3).body.username
        String first = login(name)
        String second = login(name)

        when:
        def out = api("POST", "/api/logout", first)

        then:
        out.status == HttpStatus.NO_CONTENT
        api("GET", "/api/me", first).status == HttpStatus.UNAUTHORIZED
        api("GET", "/api/me", second).status == HttpStatus.OK
        api("POST", "/api/logout", first).status == HttpStatus.UNAUTHORIZED
    }

    def "a deleted account's token is a 401 on a write, not a 500"() {
        given:
        def user = accounts.save(new UserAccount(UUID.randomUUID(), "gone-${UUID.randomUUID()}", "Gone", PasswordHasher.hash(PASSWORD), Role.COMMISSIONER, null, Instant.now()))
        String token = login(user.username())
        sql.update("delete from app_user where id = ?", user.id())

        expect:
        api("POST", "/api/rounds", token, RoundFixture.aRound(Instant.now().plus(Duration.ofDays(60)))).status == HttpStatus.UNAUTHORIZED
    }

    def "a session ends when its 8 hours are up"() {
        given:
        String token = login(api("GET", "/api/me", who.colleague).body.username)

        when:
        clock.advance(Duration.ofHours(8).plusSeconds(1))

        then:
        api("GET", "/api/me", token).status == HttpStatus.UNAUTHORIZED
    }

    def "a token that #what is a 401"() {
        given:
        String real = login(api("GET", "/api/me", who.scrutiny).body.username)
        Map claims = claimsOf(real)
        String token = forged(claims, secret)

        expect:
        api("GET", "/api/me", token).status == HttpStatus.UNAUTHORIZED
        api("POST", "/api/rounds", token, RoundFixture.aRound(Instant.now().plus(Duration.ofDays(60)))).status == HttpStatus.UNAUTHORIZED

        where:
        what                                              | forged
        "has no expiry"                                   | { Map c, String k -> forge(c.findAll { it.key != "exp" }, k) }
        "names an unknown role and no session"            | { Map c, String k -> forge([sub: c.sub, roles: ["OVERLORD"], exp: c.exp, iat: c.iat], k) }
        "names a session that does not exist"             | { Map c, String k -> forge(c + [sid: UUID.randomUUID().toString()], k) }
        "has a session id that is not an id"              | { Map c, String k -> forge(c + [sid: "'; drop table app_user; --"], k) }
        "is signed with the published development secret" | { Map c, String k -> forge(c, SigningKeyCheck.DEVELOPMENT_SECRET) }
        "has expired"                                     | { Map c, String k -> forge(c + [exp: Instant.now().minusSeconds(5).epochSecond], k) }
    }

    def "a token claiming another role or organisation than the database says gets the database's"() {
        given: "a bidder's real session, with a forged token naming it and claiming to be an admin of another organisation"
        String real = login(api("GET", "/api/me", who.bidder).body.username)
        Map claims = claimsOf(real)
        String forged = forge(claims + [roles: ["ADMIN"], organisationId: UUID.randomUUID().toString(), userId: UUID.randomUUID().toString()])

        when:
        def me = api("GET", "/api/me", forged).body

        then:
        me.role == "BIDDER"
        me.userId == idOf(real)
        api("GET", "/api/admin/accounts", forged).status == HttpStatus.FORBIDDEN
    }
}
