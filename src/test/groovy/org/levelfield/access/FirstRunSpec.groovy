package org.levelfield.access

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.common.mail.OutboxSender
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import org.levelfield.support.TestDatabase
import org.levelfield.support.TestMail
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * The issue's "Done when", as a council would switch Levelfield on: an empty database and no demo
 * data; the first admin from the create-admin command; staff invited by email; a charity and a
 * company registering themselves; the README's tour run with these accounts; the audit trail
 * intact on the real clock. Every email is read from a real SMTP server.
 */
@MicronautTest(transactional = false)
@Stepwise
class FirstRunSpec extends IntegrationSpec {

    @Shared TestMail mail = new TestMail()
    @Shared def database = TestDatabase.fresh()
    @Shared Map<String, String> tokens = [:]
    @Shared Map<String, String> passwords = [admin: "riverside admin lantern 42", commissioner: "heron bridge commissioning", evaluator: "copper kettle evaluation",
                                             evaluator2: "maple orchard scoring", scrutiny: "quiet library scrutiny", charity: "sister space kitchen table",
                                             colleague: "blue door thursday rota", company: "generic support ledger"]
    @Shared Map<String, String> emails = [admin: "ada.admin@riverside.gov.uk", commissioner: "chris.c@riverside.gov.uk", evaluator: "eve.e@riverside.gov.uk",
                                          evaluator2: "esi.e@riverside.gov.uk", scrutiny: "cllr.sam@riverside.gov.uk", charity: "bola@sisterspace.org.uk",
                                          colleague: "ama@sisterspace.org.uk", company: "ben@genericsupport.co.uk"]
    @Shared Map round
    @Shared Map<String, Map> receipts = [:]

    @Inject OutboxSender sender

    @Override
    Map<String, String> getProperties() {
        TestDatabase.properties(database) + mail.properties() + ["levelfield.demo.seed": "false", "levelfield.closing.enabled": "false",
                                                               "levelfield.evaluation.min-panel-size": "2"]
    }

    def cleanupSpec() {
        mail.stop()
    }

    String signIn(String who) {
        def reply = api("POST", "/api/login", null, [username: emails[who], password: passwords[who]])
        assert reply.status == HttpStatus.OK: "sign-in of $who failed: $reply"
        tokens[who] = reply.body.access_token
    }

    /** Delivers the outbox to the SMTP server, as the service does every few seconds. */
    void deliver() {
        sender.deliverDue()
    }

    def "an empty production database has no accounts and nobody can sign in"() {
        given:
        clock.followSystemClock()

        expect:
        count("app_user") == 0
        count("round") == 0
        api("POST", "/api/login", null, [username: "admin", password: "levelfield-demo"]).status == HttpStatus.UNAUTHORIZED
    }

    def "the first admin comes from the create-admin command: a link to choose the password, no default one"() {
        given: "the command runs against the same database, as `java -jar levelfield.jar create-admin` does"
        def output = new ByteArrayOutputStream()
        def original = System.out
        TestDatabase.properties(database).each { k, v -> System.setProperty(k, v) }

        when:
        int exit
        try {
            System.out = new PrintStream(output, true, "UTF-8")
            exit = CreateAdminCommand.run(["--email", emails.admin, "--name", "Ada Admin"] as String[])
        } finally {
            System.out = original
            TestDatabase.properties(database).keySet().each { System.clearProperty(it) }
        }
        String printed = output.toString("UTF-8")
        String secret = (printed =~ /\/account\/invitation\/([A-Za-z0-9_-]+)/)[0][1]

        then: "it printed a single-use link; no account exists until the link is used"
        exit == 0
        printed.contains("works once")
        count("app_user") == 0

        when: "the service emails the same link, and Ada chooses her password"
        deliver()
        def preview = api("GET", "/api/account/invitation?token=$secret")
        def accepted = api("POST", "/api/account/invitation/accept", null, [token: secret, name: "Ada Admin", password: passwords.admin])

        then:
        mail.linkSecret(emails.admin, "/account/invitation/") == secret
        mail.to(emails.admin)[0].subject == "You have been invited to Levelfield"
        preview.body.role == "ADMIN"
        accepted.status == HttpStatus.CREATED
        accepted.body.role == "ADMIN"
        accepted.body.status == "ACTIVE"
        signIn("admin")
        api("GET", "/api/me", tokens.admin).body.role == "ADMIN"
    }

    def "the admin invites a commissioner, two evaluators and a scrutiny member; each chooses a password and signs in"() {
        given:
        def staff = [commissioner: "COMMISSIONER", evaluator: "EVALUATOR", evaluator2: "EVALUATOR", scrutiny: "SCRUTINY"]

        when:
        def invited = staff.collect { who, role -> api("POST", "/api/admin/invitations", tokens.admin, [email: emails[who], role: role]) }
        def open = api("GET", "/api/admin/invitations", tokens.admin).body
        deliver()
        staff.each { who, role ->
            String secret = mail.linkSecret(emails[who], "/account/invitation/")
            def accepted = api("POST", "/api/account/invitation/accept", null, [token: secret, name: who.capitalize() + " Riverside", password: passwords[who]])
            assert accepted.status == HttpStatus.CREATED: "$who could not accept: $accepted"
            signIn(who)
        }

        then:
        invited*.status.every { it == HttpStatus.CREATED }
        open*.email.toSet() == staff.keySet().collect { emails[it] }.toSet()
        staff.every { who, role -> api("GET", "/api/me", tokens[who]).body.role == role }
        api("GET", "/api/admin/invitations", tokens.admin).body.isEmpty()
        api("GET", "/api/admin/accounts", tokens.admin).body*.email.toSet() == (staff.keySet() + ["admin"]).collect { emails[it] }.toSet()
    }

    def "a charity registers itself, cannot sign in until it confirms its address, then can; so does a company"() {
        when:
        def charity = api("POST", "/api/organisations/sign-up", null, [organisationName: "Sister Space CIO", legalForm: "CIO",
                registrationNumber: "GB-CHC-1190001", charityNumber: "1190001", name: "Bola Adeyemi", email: emails.charity, password: passwords.charity])
        def early = api("POST", "/api/login", null, [username: emails.charity, password: passwords.charity])
        def company = api("POST", "/api/organisations/sign-up", null, [organisationName: "Generic Support Services Ltd", legalForm: "COMPANY",
                registrationNumber: "GB-COH-09990001", companyNumber: "09990001", name: "Ben Smith", email: emails.company, password: passwords.company])
        deliver()
        def confirmed = ["charity", "company"].collect { api("POST", "/api/account/confirm-email", null, [token: mail.linkSecret(emails[it], "/account/confirm-email/")]) }

        then:
        charity.status == HttpStatus.ACCEPTED
        charity.body.message.contains(emails.charity)
        early.status == HttpStatus.UNAUTHORIZED
        early.body.detail.contains("Confirm your email address first")
        company.status == HttpStatus.ACCEPTED
        confirmed*.status == [HttpStatus.OK, HttpStatus.OK]
        signIn("charity")
        signIn("company")
        with(api("GET", "/api/me", tokens.charity).body) {
            role == "BIDDER"
            organisations*.name == ["Sister Space CIO"]
        }
    }

    def "the charity invites a colleague, who joins it"() {
        given:
        String org = api("GET", "/api/me", tokens.charity).body.organisationId

        when:
        api("POST", "/api/organisations/$org/invitations", tokens.charity, [email: emails.colleague])
        deliver()
        def accepted = api("POST", "/api/account/invitation/accept", null,
                [token: mail.linkSecret(emails.colleague, "/account/invitation/"), name: "Ama Owusu", password: passwords.colleague])

        then:
        mail.to(emails.colleague)[0].subject == "Join Sister Space CIO on Levelfield"
        accepted.status == HttpStatus.CREATED
        signIn("colleague")
        api("GET", "/api/me", tokens.colleague).body.organisations*.organisationId == [org]
        api("GET", "/api/organisations/$org/members", tokens.charity).body*.username.toSet() == [emails.charity, emails.colleague].toSet()
    }

    def "the commissioner runs the README's tour with these accounts: a round is designed, signed off and published, and both bidders submit"() {
        given:
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"))
        Instant deadline = Instant.now().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        def design = RoundFixture.aRound(deadline, today.plusDays(90)) + [eqia: RoundFixture.fullEqia(today), details: RoundFixture.goodDetails(today)]
        ["charity", "company"].each { who ->
            String org = api("GET", "/api/me", tokens[who]).body.organisationId
            def profile = api("GET", "/api/organisations/$org/profile", tokens[who]).body
            def saved = api("PUT", "/api/organisations/$org/profile", tokens[who], RoundFixture.profile(profile.name, profile.registrationNumber,
                    [legalForm: profile.legalForm, charityNumber: profile.charityNumber, companyNumber: profile.companyNumber] +
                            (who == "company" ? [incomePence: 1_200_000_000, staffHeadcount: 310, accountsType: "AUDITED", insuranceHeld: true] : [:])))
            assert saved.status == HttpStatus.OK: "profile of $who: $saved"
        }

        when:
        def created = api("POST", "/api/rounds", tokens.commissioner, design)
        def published = approveAndPublish(created.body, tokens.commissioner)
        round = published.body.round
        Map lot = round.lots[1]
        receipts.charity = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", tokens.charity, RoundFixture.tender(lot, 28_000_000)).body
        receipts.company = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", tokens.company, RoundFixture.tender(lot, 26_000_000)).body

        then:
        created.status == HttpStatus.CREATED
        published.status == HttpStatus.OK
        round.status == "PUBLISHED"
        receipts.charity.sha256 ==~ /[0-9a-f]{64}/
        receipts.company.sha256 ==~ /[0-9a-f]{64}/
        api("GET", "/api/tenders/$receipts.charity.tenderId/receipt", tokens.colleague).body.intact
        api("GET", "/api/tenders/$receipts.charity.tenderId", tokens.commissioner).status == HttpStatus.NOT_FOUND  // sealed: answered as an unknown id
    }

    def "after the deadline the panel declares, scores, and the award and its justification are produced"() {
        given:
        Instant deadline = Instant.parse(round.tenderDeadline)
        clock.set(deadline.plusSeconds(1))
        Map lot = round.lots[1]
        def ids = ["evaluator", "evaluator2"].collect { api("GET", "/api/me", tokens[it]).body.userId }

        when:
        def closed = api("POST", "/api/rounds/$round.id/close", tokens.commissioner)
        round.lots.each { l -> assert api("POST", "/api/rounds/$round.id/lots/$l.id/panel", tokens.commissioner, [evaluatorIds: ids]).status == HttpStatus.OK }
        ["evaluator", "evaluator2"].each { e ->
            def bidders = api("GET", "/api/rounds/$round.id/conflicts/mine", tokens[e]).body.bidders
            assert api("POST", "/api/rounds/$round.id/conflicts", tokens[e], [declarations: bidders.collect { [organisationId: it.organisationId, conflicted: false] }]).status == HttpStatus.OK
            assert api("POST", "/api/tenders/$receipts.charity.tenderId/scores", tokens[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 5, SEX: 4], 4, e)).status == HttpStatus.CREATED
            assert api("POST", "/api/tenders/$receipts.company.tenderId/scores", tokens[e], RoundFixture.scores(lot, [RACE: 3, DISABILITY: 2, SEX: 3], 4, e)).status == HttpStatus.CREATED
        }
        def award = api("POST", "/api/rounds/$round.id/award", tokens.commissioner)
        def pdf = api("GET", "/api/rounds/$round.id/award/justification.pdf", tokens.commissioner)

        then:
        closed.body.status == "CLOSED"
        award.status == HttpStatus.OK
        award.body.lots.find { it.lotId == lot.id }.provisionalWinner == receipts.charity.tenderId
        pdf.status == HttpStatus.OK
        new String(pdf.bytes, 0, 5) == "%PDF-"
        api("GET", "/api/rounds/$round.id/award/justification.pdf", tokens.scrutiny).status == HttpStatus.OK
    }

    def "the audit trail holds the sign-ins, invitations and registrations, and verifies intact"() {
        given: "a failed sign-in is recorded too; the outbox has delivered what the tour queued (receipts)"
        api("POST", "/api/login", null, [username: emails.scrutiny, password: "not the password at all"])
        sender.deliverDue()

        when:
        def check = api("GET", "/api/audit/verify", tokens.scrutiny).body
        def kinds = sql.query("select distinct kind from audit_entry", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row)

        then:
        check.intact
        check.entries > 40
        kinds.containsAll(["SIGN_IN", "SIGN_IN_FAILED", "INVITATION_SENT", "INVITATION_ACCEPTED", "ORGANISATION_REGISTERED", "EMAIL_CONFIRMED",
                           "STATE_CHANGE", "TENDER_RECEIVED", "SCORE"])

        and: "every email was accepted by the mail server"
        count("outbox_message", "sent_at is null") == 0
    }
}
