package org.levelfield.support

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.support.TestPropertyProvider
import jakarta.inject.Inject
import groovy.json.JsonSlurper
import org.levelfield.access.Organisation
import org.levelfield.access.Organisations
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.access.UserAccounts
import org.levelfield.common.database.Sql
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * Base of the specs that run the whole service: a real PostgreSQL database made fresh for the
 * test run, the rules from rules/, the templates from templates/, and HTTP calls as a user makes them.
 * Subclasses add @MicronautTest.
 */
abstract class IntegrationSpec extends Specification implements TestPropertyProvider {

    static final String PASSWORD = "correct horse battery staple"

    @Inject
    @Client("/")
    HttpClient http

    @Inject
    UserAccounts accounts

    @Inject
    Organisations organisations

    @Inject
    MutableClock clock

    @Inject
    Sql sql

    @Inject
    io.micronaut.context.ApplicationContext applicationContext

    /**
     * Sends what earlier specs left due in the shared outbox (messages made while the test clock stood elsewhere
     * become due together), so that this spec's own mail is not queued behind them in the sender's batches.
     */
    void drainOutbox() {
        def sender = applicationContext.getBean(org.levelfield.common.mail.OutboxSender)
        for (int i = 0; i < 200 && sender.deliverDue() > 0; i++) {
        }
    }

    @Override
    Map<String, String> getProperties() {
        TestDatabase.properties(TestDatabase.shared()) + ["levelfield.demo.seed": "false", "levelfield.closing.enabled": "false",
                                                     "levelfield.evaluation.min-panel-size": "2"]
    }

    /** A response as a user sees it: status, problem type and parsed body. */
    static class Reply {
        HttpStatus status
        String contentType
        Object body
        byte[] bytes
        Map<String, String> headers = [:]

        String toString() { "$status $body" }
    }

    Reply api(String method, String path, String token = null, Object body = null, Map<String, String> headers = [:]) {
        def request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path)
        if (token) request.bearerAuth(token)
        headers.each { k, v -> request.header(k, v) }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE)
            request.body(body instanceof String || body instanceof byte[] ? body : groovy.json.JsonOutput.toJson(body))
        }
        try {
            def response = http.toBlocking().exchange(request, byte[])
            reply(response.status, response.contentType.map { it.toString() }.orElse(null), response.body() ?: new byte[0], response.headers)
        } catch (HttpClientResponseException e) {
            byte[] bytes = e.response.getBody(byte[]).orElse(new byte[0])
            reply(e.status, e.response.contentType.map { it.toString() }.orElse(null), bytes, e.response.headers)
        }
    }

    /** Uploads a file as a bidder attaches one: the raw bytes with their Content-Type and ?fileName=. */
    Reply upload(String token, String fileName, String contentType, byte[] content, Map<String, String> headers = [:]) {
        def request = HttpRequest.POST("/api/attachments?fileName=" + URLEncoder.encode(fileName, "UTF-8"), content)
                .contentType(contentType)
        if (token) request.bearerAuth(token)
        headers.each { k, v -> request.header(k, v) }
        try {
            def response = http.toBlocking().exchange(request, byte[])
            reply(response.status, response.contentType.map { it.toString() }.orElse(null), response.body() ?: new byte[0], response.headers)
        } catch (HttpClientResponseException e) {
            byte[] bytes = e.response.getBody(byte[]).orElse(new byte[0])
            reply(e.status, e.response.contentType.map { it.toString() }.orElse(null), bytes, e.response.headers)
        }
    }

    private static Reply reply(HttpStatus status, String contentType, byte[] bytes, headers) {
        def r = new Reply(status: status, contentType: contentType, bytes: bytes)
        headers.forEach { name, values -> r.headers[name.toLowerCase()] = values.first() }
        if (bytes.length > 0 && contentType && contentType.contains("json")) {
            r.body = new JsonSlurper().parse(bytes)
        }
        r
    }

    String login(String username) {
        def reply = api("POST", "/api/login", null, [username: username, password: PASSWORD])
        assert reply.status == HttpStatus.OK: "login of $username failed: $reply"
        reply.body.access_token
    }

    /** Accounts for one spec: unique names, so specs sharing the test database never collide. */
    Map<String, String> people() {
        String run = UUID.randomUUID().toString().substring(0, 8)
        String hash = PasswordHasher.hash(PASSWORD)
        Instant now = Instant.now()
        // A registration number belongs to one organisation: each spec's organisations get numbers of their own.
        def sisters = organisations.save(new Organisation(UUID.randomUUID(), "Sister Space CIO $run", "GB-CHC-" + uniqueDigits(7), now))
        def generic = organisations.save(new Organisation(UUID.randomUUID(), "Generic Support Ltd $run", "GB-COH-" + uniqueDigits(8), now))
        completeProfile(sisters.id(), "CIO", 30_000_000, 9, "INDEPENDENT_EXAMINATION")
        completeProfile(generic.id(), "COMPANY", 1_200_000_000, 310, "AUDITED")
        def users = [
                commissioner: [Role.COMMISSIONER, null], evaluator: [Role.EVALUATOR, null], evaluator2: [Role.EVALUATOR, null], evaluator3: [Role.EVALUATOR, null], evaluator4: [Role.EVALUATOR, null],
                bidder      : [Role.BIDDER, sisters.id()], colleague: [Role.BIDDER, sisters.id()], bidder2: [Role.BIDDER, generic.id()],
                scrutiny    : [Role.SCRUTINY, null], admin: [Role.ADMIN, null]]
        users.collectEntries { key, value ->
            String username = "$key-$run"
            def saved = accounts.save(new UserAccount(UUID.randomUUID(), username, "${key.capitalize()} $run", hash, value[0] as Role, value[1] as UUID, now))
            sql.update("update app_user set email = ? where id = ?", "${username}@example.org".toString(), saved.id())
            [(key): login(username)]
        } + [sisters: sisters.name(), generic: generic.name()]
    }

    /** Bidders of n organisations of their own, each with a complete profile, signed in (without a password check: quick for crowds). */
    List<String> crowd(int n) {
        String hash = PasswordHasher.hash(PASSWORD)
        def signingIn = applicationContext.getBean(org.levelfield.access.SigningIn)
        (1..n).collect { i ->
            String run = UUID.randomUUID().toString().substring(0, 8)
            def org = organisations.save(new Organisation(UUID.randomUUID(), "Crowd $i $run", "GB-CHC-" + uniqueDigits(7), Instant.now()))
            completeProfile(org.id(), "CIO", 30_000_000, 9, "INDEPENDENT_EXAMINATION")
            def user = accounts.save(new UserAccount(UUID.randomUUID(), "crowd-$i-$run", "Crowd $i", hash, Role.BIDDER, org.id(), Instant.now()))
            signingIn.issue(user, "127.0.0.1", "test").token()
        }
    }

    /** Digits no other organisation in this test run has used, for registration numbers. */
    static synchronized String uniqueDigits(int length) {
        String digits
        do {
            digits = (1..length).collect { RANDOM.nextInt(10) }.join("")
        } while (!USED_NUMBERS.add(digits))
        digits
    }

    private static final Random RANDOM = new Random()
    private static final Set<String> USED_NUMBERS = new HashSet<>()

    /** Fills in what an organisation's profile must hold before it can submit a tender. */
    void completeProfile(UUID organisation, String legalForm, long incomePence, int staff, String accounts) {
        sql.update("update organisation set legal_form = ?, income_pence = ?, staff_headcount = ?, accounts_type = ?, insurance_held = ?, insurance_undertaking = ? where id = ?",
                legalForm, incomePence, staff, accounts, legalForm == "COMPANY", legalForm != "COMPANY", organisation)
    }

    /** Every partner signs off, the commissioner approves the design, then publishes: returns the publish reply. */
    Reply approveAndPublish(Map round, String token) {
        round.partners.each { p ->
            def signed = api("POST", "/api/rounds/$round.id/partners/$p.id/sign-off", token, [signatory: "Director of ${p.name}".toString(), signatoryRole: "Director"])
            assert signed.status == HttpStatus.OK: "sign-off failed: $signed"
        }
        def approved = api("POST", "/api/rounds/$round.id/approve-design", token)
        assert approved.status == HttpStatus.OK: "approval failed: $approved"
        api("POST", "/api/rounds/$round.id/publish", token)
    }

    /** The commissioner appoints these evaluators to every lot of the round. */
    void seatPanel(Map round, Map who, List<String> evaluators = ["evaluator", "evaluator2"]) {
        def ids = evaluators.collect { api("GET", "/api/me", who[it]).body.userId }
        round.lots.each { lot ->
            def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/panel", who.commissioner, [evaluatorIds: ids])
            assert reply.status == HttpStatus.OK: "panel appointment failed: $reply"
        }
    }

    /** After the deadline, each evaluator declares no conflict with any bidder. */
    void declareNoConflicts(Map round, Map who, List<String> evaluators = ["evaluator", "evaluator2"]) {
        evaluators.each { e ->
            def bidders = api("GET", "/api/rounds/$round.id/conflicts/mine", who[e]).body.bidders
            def reply = api("POST", "/api/rounds/$round.id/conflicts", who[e],
                    [declarations: bidders.collect { [organisationId: it.organisationId, conflicted: false] }])
            assert reply.status == HttpStatus.OK: "declaration failed: $reply"
        }
    }

    /** The secret of the newest link to {@code path} in the emails queued for this address (read from the outbox). */
    String linkSecret(String email, String path) {
        def bodies = sql.query("select body from outbox_message where lower(recipient) = lower(?) order by created_at desc, id",
                { rs -> rs.getString(1) } as Sql.Row, email)
        for (String body : bodies) {
            def m = body =~ ("https?://[^\\s]*" + java.util.regex.Pattern.quote(path) + "([A-Za-z0-9_-]+)")
            if (m.find()) return m.group(1)
        }
        throw new AssertionError("no email to $email holds a link to $path; emails: $bodies")
    }

    long count(String table, String where = "true", Object... args) {
        sql.query("select count(*) from $table where $where".toString(), { rs -> rs.getLong(1) } as Sql.Row, args).first()
    }

    /** A round whose deadline has just passed, two tenders in, a panel of three on the first lot, closed. */
    Map closedRound(Map who, boolean bothLots = false, Map bidderExtra = [:]) {
        clock.set(Instant.now().minus(Duration.ofDays(60)))
        def design = RoundFixture.aRound(Instant.now().minus(Duration.ofHours(1)), LocalDate.now().plusMonths(3))
        design.title = "Riverside evaluation ${UUID.randomUUID().toString().take(6)}"
        design.lots[0].remove("minTurnoverPence")  // both bidders are eligible, so the award has a runner-up
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[0]
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000, bidderExtra))
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 75_000_000))
        if (bothLots) {
            Map second = round.lots[1]
            api("POST", "/api/rounds/$round.id/lots/$second.id/tenders", who.bidder, RoundFixture.tender(second, 25_000_000))
            api("POST", "/api/rounds/$round.id/lots/$second.id/tenders", who.bidder2, RoundFixture.tender(second, 28_000_000))
        }
        seatPanel(round, who, ["evaluator", "evaluator2", "evaluator3"])
        clock.followSystemClock()
        assert api("POST", "/api/rounds/$round.id/close", who.commissioner).status.code == 200
        round
    }

    /** Each evaluator scores every tender it can open: 4 on every criterion but the quality one, which it scores as {@code quality} says. */
    void panelScores(Map round, Map who, Closure<Integer> quality = { 4 }) {
        ["evaluator", "evaluator2", "evaluator3"].each { e ->
            api("GET", "/api/rounds/$round.id/tenders", who[e]).body.each { t ->
                Map lot = round.lots.find { it.id == t.lotId }
                assert api("POST", "/api/tenders/$t.id/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], quality(e),
                        "Section 2 of the tender")).status.code == 201
            }
        }
    }

}
