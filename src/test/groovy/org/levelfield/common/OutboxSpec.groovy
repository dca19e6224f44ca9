package org.levelfield.common

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.common.mail.OutboxSender
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import org.levelfield.support.TestMail
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Duration
import java.time.Instant

/**
 * Every email goes through the outbox in the same transaction as its cause, and is retried until
 * the mail server takes it: nothing is lost while the server is down. Notices to a bidding
 * organisation are emailed to each of its members.
 */
@MicronautTest(transactional = false)
@Stepwise
class OutboxSpec extends IntegrationSpec {

    @Shared TestMail mail = new TestMail()
    @Shared Map<String, String> who
    @Shared String email

    @Inject OutboxSender sender

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + mail.properties()
    }

    def cleanupSpec() {
        mail.stop()
    }

    def "while the mail server is down, a reset email is kept and retried later; nothing is lost"() {
        given:
        clock.set(Instant.now())
        who = people()
        email = api("GET", "/api/me", who.evaluator).body.username + "@example.org"
        drainOutbox()
        mail.stop()

        when:
        def asked = api("POST", "/api/account/password-reset", null, [email: email])
        int sent = sender.deliverDue()
        def row = sql.query("select attempts, last_error, next_attempt_at, sent_at from outbox_message where recipient = ?",
                { rs -> [attempts: rs.getInt(1), error: rs.getString(2), next: rs.getTimestamp(3).toInstant(), sent: rs.getTimestamp(4)] } as org.levelfield.common.database.Sql.Row, email)

        then: "the request was accepted; the message waits with the server's refusal, to be tried again in 30 seconds"
        asked.status == HttpStatus.ACCEPTED
        sent == 0
        row.size() == 1
        row[0].attempts == 1
        row[0].error != null
        row[0].sent == null
        Duration.between(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), row[0].next) == Duration.ofSeconds(30)

        when: "it is not due yet, then the server is back and the time has come"
        int early = sender.deliverDue()
        mail.start()
        clock.advance(Duration.ofSeconds(31))
        int later = sender.deliverDue()

        then:
        early == 0
        later >= 1   // with anything else waiting in the shared test database
        mail.to(email)*.subject == ["Reset your Levelfield password"]
        count("outbox_message", "recipient = ? and sent_at is not null", email) == 1
    }

    def "a refused request queues no email: the message lands with its change or not at all"() {
        given:
        long before = count("outbox_message")

        when:
        def refused = api("POST", "/api/admin/invitations", who.admin, [email: "new-${UUID.randomUUID()}@riverside.gov.uk", role: "OVERLORD"])

        then:
        refused.status == HttpStatus.BAD_REQUEST
        count("outbox_message") == before
    }

    def "a published clarification answer is emailed to every member of each organisation taking part"() {
        given:
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-10-30T12:00:00Z"))).body,
                who.commissioner).body.round
        def bidderEmail = api("GET", "/api/me", who.bidder).body.username + "@example.org"
        def colleagueEmail = api("GET", "/api/me", who.colleague).body.username + "@example.org"

        when:
        def asked = api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: "Can volunteers deliver part of the outreach?"])
        def answered = api("POST", "/api/clarifications/$asked.body.id/answer", who.commissioner,
                [answer: "Yes, with the training set out in the specification."])
        sender.deliverDue()

        then:
        asked.status in [HttpStatus.OK, HttpStatus.CREATED]
        answered.status == HttpStatus.OK
        [bidderEmail, colleagueEmail].every { address ->
            def received = mail.to(address)
            received.size() == 1 && received[0].subject == "A new notice about Riverside domestic abuse services" &&
                    TestMail.text(received[0]).contains("training set out in the specification")
        }
    }
}
