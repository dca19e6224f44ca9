package org.levelfield.errors

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.access.AccountLinks
import org.levelfield.common.identity.Role
import org.levelfield.support.IntegrationSpec
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Duration
import java.time.Instant

/**
 * Every bad input the accounts issue names, each refused with a clear problem response and
 * nothing changed: bad links, weak passwords, addresses and numbers already registered, roles that
 * do not exist, the last admin, and too many sign-in attempts.
 */
@MicronautTest(transactional = false)
@Stepwise
class AccountBadInputSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared String adminEmail

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ["levelfield.sign-in.max-failures-per-address": "14"]
    }

    /** What the account tables hold, to show a refusal changed nothing. */
    Map snapshot() {
        [users   : sql.query("select id, role, status, password_hash, email from app_user order by id", { rs -> (1..5).collect { rs.getString(it) } } as org.levelfield.common.database.Sql.Row),
         links   : sql.query("select id, used_at, withdrawn_at from account_link order by id", { rs -> (1..3).collect { rs.getString(it) } } as org.levelfield.common.database.Sql.Row),
         orgs    : count("organisation"), members: count("organisation_member"), sessions: count("user_session", "ended_at is null"),
         outbox  : count("outbox_message")]
    }

    void refused(Map before, reply, HttpStatus status, String field, String words) {
        assert reply.status == status: reply
        assert reply.contentType.contains("problem+json")
        if (field) assert reply.body.errors.find { it.field == field }?.message?.contains(words): reply.body
        else assert reply.body.detail.contains(words): reply.body
        assert snapshot() == before
    }

    def setup() {
        if (who == null) {
            clock.set(Instant.now())
            who = people()
            adminEmail = api("GET", "/api/me", who.admin).body.username + "@example.org"
        }
    }

    def "an invitation link that is forged, used, expired or withdrawn is refused, and nothing changes"() {
        given:
        def used = api("POST", "/api/admin/invitations", who.admin, [email: "used-${UUID.randomUUID()}@riverside.gov.uk", role: "EVALUATOR"]).body
        String usedSecret = linkSecret(used.email, "/account/invitation/")
        assert api("POST", "/api/account/invitation/accept", null, [token: usedSecret, name: "Used Once", password: "walnut harbour evening"]).status == HttpStatus.CREATED
        def expired = api("POST", "/api/admin/invitations", who.admin, [email: "late-${UUID.randomUUID()}@riverside.gov.uk", role: "SCRUTINY"]).body
        String expiredSecret = linkSecret(expired.email, "/account/invitation/")
        String withdrawnEmail = "twice-${UUID.randomUUID()}@riverside.gov.uk"
        api("POST", "/api/admin/invitations", who.admin, [email: withdrawnEmail, role: "EVALUATOR"])
        String withdrawnSecret = linkSecret(withdrawnEmail, "/account/invitation/")
        api("POST", "/api/admin/invitations", who.admin, [email: withdrawnEmail, role: "EVALUATOR"])
        clock.advance(Duration.ofDays(7).plusSeconds(1))
        // the re-sent invitation is still fresh
        def before = snapshot()

        expect:
        refused(before, api("POST", "/api/account/invitation/accept", null, [token: "forged-" + UUID.randomUUID(), name: "X", password: "walnut harbour evening"]),
                HttpStatus.BAD_REQUEST, "token", "not valid")
        refused(before, api("POST", "/api/account/invitation/accept", null, [token: usedSecret, name: "X", password: "walnut harbour evening"]),
                HttpStatus.BAD_REQUEST, "token", "already been used")
        refused(before, api("POST", "/api/account/invitation/accept", null, [token: expiredSecret, name: "X", password: "walnut harbour evening"]),
                HttpStatus.BAD_REQUEST, "token", "expired on")
        refused(before, api("POST", "/api/account/invitation/accept", null, [token: withdrawnSecret, name: "X", password: "walnut harbour evening"]),
                HttpStatus.BAD_REQUEST, "token", "withdrawn")
        refused(before, api("GET", "/api/account/invitation?token=$expiredSecret"), HttpStatus.BAD_REQUEST, "token", "expired on")
        refused(before, api("POST", "/api/account/invitation/accept", null, null), HttpStatus.BAD_REQUEST, "token", "not valid")

        cleanup:
        clock.set(Instant.now())
    }

    def "a weak or common password is refused wherever one is chosen (#password), and nothing changes"() {
        given:
        String email = "new-${UUID.randomUUID()}@riverside.gov.uk"
        api("POST", "/api/admin/invitations", who.admin, [email: email, role: "EVALUATOR"])
        String secret = linkSecret(email, "/account/invitation/")
        def before = snapshot()

        expect:
        refused(before, api("POST", "/api/account/invitation/accept", null, [token: secret, name: "Nia Evaluator", password: password]),
                HttpStatus.BAD_REQUEST, "password", words)
        refused(before, api("POST", "/api/organisations/sign-up", null, [organisationName: "Weak Password Group", legalForm: "UNINCORPORATED",
                name: "Nia", email: "weak-${UUID.randomUUID()}@example.org", password: password]), HttpStatus.BAD_REQUEST, "password", words)
        refused(before, api("POST", "/api/account/password", who.scrutiny, [currentPassword: PASSWORD, newPassword: password]),
                HttpStatus.BAD_REQUEST, "newPassword", words)

        where:
        password                       | words
        ""                             | "Enter a password"
        "short one"                    | "at least 12 characters"
        "password1234"                 | "too common"
        "Password2026!!"               | "too common"
        "correct horse battery staple" | "too common"
        "aaaaaaaaaaaaaaaa"             | "too common"
        "x" * 257                      | "256 characters or fewer"
    }

    def "changing a password needs the current one; a wrong one is refused and nothing changes"() {
        given:
        def before = snapshot()

        expect:
        refused(before, api("POST", "/api/account/password", who.scrutiny, [currentPassword: "not my password", newPassword: "lantern meadow crossing"]),
                HttpStatus.BAD_REQUEST, "currentPassword", "not right")
        api("POST", "/api/account/password", null, [currentPassword: PASSWORD, newPassword: "lantern meadow crossing"]).status == HttpStatus.UNAUTHORIZED
        snapshot() == before
    }

    def "a reset link is single-use and lasts one hour; a used or expired one is refused and nothing changes"() {
        given: "a reset is asked for the scrutiny account, and answered the same as for an address with no account"
        String email = api("GET", "/api/me", who.scrutiny).body.username + "@example.org"
        def known = api("POST", "/api/account/password-reset", null, [email: email])
        def unknown = api("POST", "/api/account/password-reset", null, [email: "nobody-${UUID.randomUUID()}@example.org"])
        String secret = linkSecret(email, "/account/reset-password/")
        String other = login(api("GET", "/api/me", who.scrutiny).body.username)

        when: "it is used once"
        def done = api("POST", "/api/account/password-reset/complete", null, [token: secret, password: "otter canal winter"])

        then: "the password changed, and every session of the account ended"
        known.status == HttpStatus.ACCEPTED
        known.body == unknown.body
        done.status == HttpStatus.OK
        api("GET", "/api/me", other).status == HttpStatus.UNAUTHORIZED
        api("POST", "/api/login", null, [username: email, password: "otter canal winter"]).status == HttpStatus.OK

        when: "the same link again, and a fresh one after an hour"
        def before = snapshot()
        def again = api("POST", "/api/account/password-reset/complete", null, [token: secret, password: "another fine password"])
        clock.advance(Duration.ofSeconds(1))
        api("POST", "/api/account/password-reset", null, [email: email])
        String late = linkSecret(email, "/account/reset-password/")
        def beforeLate = snapshot()
        clock.advance(Duration.ofHours(1).plusSeconds(1))

        then:
        again.body.errors[0].message.contains("already been used")
        snapshot().users == before.users
        refused(beforeLate, api("POST", "/api/account/password-reset/complete", null, [token: late, password: "another fine password"]),
                HttpStatus.BAD_REQUEST, "token", "expired on")

        cleanup:
        clock.set(Instant.now())
    }

    def "an address that already has an account is answered like a new one at sign-up, and its owner is told"() {
        given:
        String email = api("GET", "/api/me", who.bidder).body.username + "@example.org"
        def fresh = api("POST", "/api/organisations/sign-up", null, [organisationName: "New Group", legalForm: "UNINCORPORATED", name: "Someone",
                email: "fresh-${UUID.randomUUID()}@example.org", password: "pebble garden morning"])
        long orgs = count("organisation")
        long users = count("app_user")

        when:
        def taken = api("POST", "/api/organisations/sign-up", null, [organisationName: "Another Group", legalForm: "UNINCORPORATED", name: "Someone Else",
                email: email.toUpperCase(), password: "pebble garden morning"])

        then: "the same status and the same words, but for the address"
        taken.status == fresh.status
        taken.body.message.replace(email, "X") == fresh.body.message.replaceAll(/fresh-[^ ]+@example.org/, "X")
        count("organisation") == orgs
        count("app_user") == users
        sql.query("select subject from outbox_message where lower(recipient) = ? order by created_at desc limit 1",
                { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, email)[0] == "Someone tried to register with your email address"
    }

    def "a registration number already registered is refused without naming its organisation, and nothing changes"() {
        given:
        String sistersId = api("GET", "/api/me", who.bidder).body.organisationId
        String number = api("GET", "/api/organisations/$sistersId/profile", who.bidder).body.registrationNumber
        def before = snapshot()

        when:
        def reply = api("POST", "/api/organisations/sign-up", null, [organisationName: "Copycat CIO", legalForm: "CIO", registrationNumber: number.toLowerCase(),
                name: "Copy Cat", email: "copy-${UUID.randomUUID()}@example.org", password: "pebble garden morning"])

        then:
        refused(before, reply, HttpStatus.CONFLICT, null, "ask one of its members to invite you")
        !reply.body.detail.contains(who.sisters)
    }

    def "sign-up with malformed fields is refused field by field, and nothing changes"() {
        given:
        def before = snapshot()

        when:
        def reply = api("POST", "/api/organisations/sign-up", null, [organisationName: " ", legalForm: "TRUST", registrationNumber: "CHC 12",
                charityNumber: "12AB", companyNumber: "123", name: "", email: "not-an-address", password: "pebble garden morning"])

        then:
        refused(before, reply, HttpStatus.BAD_REQUEST, "organisationName", "Enter the organisation's name")
        reply.body.errors*.field.containsAll(["legalForm", "registrationNumber", "charityNumber", "companyNumber", "name", "email"])
        refused(before, api("POST", "/api/organisations/sign-up", null, "{\"organisationName\": "), HttpStatus.BAD_REQUEST, null, "")
    }

    def "an invitation with a role that does not exist, or a bidder role, is refused, and nothing changes"() {
        given:
        def before = snapshot()

        expect:
        refused(before, api("POST", "/api/admin/invitations", who.admin, [email: "x-${UUID.randomUUID()}@riverside.gov.uk", role: "OVERLORD"]),
                HttpStatus.BAD_REQUEST, "role", "is not a role")
        refused(before, api("POST", "/api/admin/invitations", who.admin, [email: "x-${UUID.randomUUID()}@riverside.gov.uk", role: "BIDDER"]),
                HttpStatus.BAD_REQUEST, "role", "not a staff role")
        refused(before, api("PUT", "/api/admin/accounts/${api("GET", "/api/me", who.evaluator).body.userId}/role", who.admin, [role: "OVERLORD"]),
                HttpStatus.BAD_REQUEST, "role", "is not a role")
        refused(before, api("POST", "/api/admin/invitations", who.admin, [email: adminEmail, role: "EVALUATOR"]),
                HttpStatus.CONFLICT, null, "already has a Levelfield account")
        refused(before, api("POST", "/api/admin/invitations", who.commissioner, [email: "x@riverside.gov.uk", role: "ADMIN"]),
                HttpStatus.FORBIDDEN, null, "")
    }

    def "an admin cannot switch off or demote the last active admin"() {
        given: "every other admin of the test database is switched off for this case"
        def others = sql.query("select id from app_user where role = 'ADMIN' and status = 'ACTIVE' and lower(email) is distinct from ?",
                { rs -> rs.getObject(1, UUID) } as org.levelfield.common.database.Sql.Row, adminEmail)
        others.each { sql.update("update app_user set status = 'DISABLED' where id = ?", it) }
        String me = api("GET", "/api/me", who.admin).body.userId
        def before = snapshot()

        expect:
        refused(before, api("POST", "/api/admin/accounts/$me/disable", who.admin), HttpStatus.CONFLICT, null, "last active admin")
        refused(before, api("PUT", "/api/admin/accounts/$me/role", who.admin, [role: "COMMISSIONER"]), HttpStatus.CONFLICT, null, "last active admin")

        cleanup:
        others.each { sql.update("update app_user set status = 'ACTIVE' where id = ?", it) }
    }

    def "too many failed sign-ins for one account are a 429 with when to retry, the same whether or not the account exists"() {
        given:
        clock.set(Instant.now().plus(Duration.ofDays(1)))
        String real = api("GET", "/api/me", who.evaluator3).body.username
        String ghost = "ghost-${UUID.randomUUID()}@example.org"
        5.times {
            assert api("POST", "/api/login", null, [username: real, password: "wrong guess $it"]).status == HttpStatus.UNAUTHORIZED
            assert api("POST", "/api/login", null, [username: ghost, password: "wrong guess $it"]).status == HttpStatus.UNAUTHORIZED
        }

        when: "the sixth attempt, even with the right password"
        def forReal = api("POST", "/api/login", null, [username: real, password: PASSWORD])
        def forGhost = api("POST", "/api/login", null, [username: ghost, password: PASSWORD])

        then:
        forReal.status == HttpStatus.TOO_MANY_REQUESTS
        Long.parseLong(forReal.headers["retry-after"]) in 1L..900L
        forReal.body.detail.contains("Too many sign-in attempts")
        forGhost.status == HttpStatus.TOO_MANY_REQUESTS
        forGhost.body.detail == forReal.body.detail
        forGhost.headers["retry-after"] == forReal.headers["retry-after"]

        when: "after the 15 minutes, the right password works and clears the count"
        clock.advance(Duration.ofMinutes(15).plusSeconds(1))

        then:
        api("POST", "/api/login", null, [username: real, password: PASSWORD]).status == HttpStatus.OK
        api("POST", "/api/login", null, [username: real, password: "one more slip"]).status == HttpStatus.UNAUTHORIZED
        api("POST", "/api/login", null, [username: real, password: PASSWORD]).status == HttpStatus.OK
    }

    def "too many failed sign-ins from one address are a 429 for every account from it"() {
        given: "14 failures from this address, spread over accounts so no account reaches its own limit"
        clock.set(Instant.now().plus(Duration.ofDays(2)))
        (1..14).each { n -> api("POST", "/api/login", null, [username: "spray-${n % 4}@example.org", password: "guess $n"]) }

        expect:
        api("POST", "/api/login", null, [username: api("GET", "/api/me", who.evaluator2).body.username, password: PASSWORD]).status == HttpStatus.TOO_MANY_REQUESTS

        cleanup:
        clock.set(Instant.now().plus(Duration.ofDays(3)))
    }
}
