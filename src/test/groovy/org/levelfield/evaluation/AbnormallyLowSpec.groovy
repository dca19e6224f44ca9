package org.levelfield.evaluation

import io.micronaut.http.HttpStatus
import io.micronaut.runtime.server.EmbeddedServer
import jakarta.inject.Inject
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.access.Organisation
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.PageVisitor
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * SC-08: an abnormally low price is flagged; the bidder must be notified and heard before its
 * tender can be disregarded; a disregarded tender is disqualified and the lowest compliant price is
 * taken again without it.
 */
@MicronautTest(transactional = false)
@Stepwise
class AbnormallyLowSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared String cheapToken
    @Shared String cheapUser
    @Inject EmbeddedServer server
    @Shared Map cheap
    @Shared Instant deadline = Instant.parse("2026-12-28T12:00:00Z")

    def "three tenders for a £300,000 lot, one at £150,000; after scoring the award flags it"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[1]
        def org = organisations.save(new Organisation(UUID.randomUUID(), "Cheap Care Ltd ${UUID.randomUUID()}".toString(), null, Instant.now()))
        completeProfile(org.id(), "COMPANY", 500_000_000, 80, "AUDITED")
        accounts.save(new UserAccount(UUID.randomUUID(), "cheap-${org.id()}", "Cheap", PasswordHasher.hash(PASSWORD), Role.BIDDER, org.id(), Instant.now()))
        cheapUser = "cheap-${org.id()}"
        cheapToken = login(cheapUser)
        def tenders = [api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 28_000_000)).body,
                       api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 29_000_000)).body]
        cheap = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", cheapToken, RoundFixture.tender(lot, 15_000_000)).body
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        (tenders + [cheap]).each { t -> ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$t.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 3, "Panel")).status == HttpStatus.CREATED } }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner).body

        then:
        def flag = award.findings.find { it.ruleId == "SC-08" && it.subjectId == cheap.tenderId }
        flag.severity == "FLAG"
        flag.message.contains("Notify the bidder")
        award.lots.find { it.lotId == lot.id }.lowestCompliantPricePence == 15_000_000
    }

    def "the tender cannot be disregarded before its bidder is notified and heard"() {
        given:
        long notices = count("bidder_notice")

        when:
        def tooSoon = api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/decide", who.commissioner, [decision: "DISREGARDED", reason: "Too cheap"])
        def notified = api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/notify", who.commissioner,
                [question: "Explain how £150,000 covers the specified staffing of 4 FTE for three years."])
        def unheard = api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/decide", who.commissioner, [decision: "DISREGARDED", reason: "Too cheap"])
        def strangerReply = api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/respond", who.bidder, [response: "Not ours"])

        then:
        tooSoon.status == HttpStatus.CONFLICT
        notified.status == HttpStatus.OK
        count("bidder_notice") == notices + 1
        api("GET", "/api/notices", cheapToken).body.any { it.message.contains("abnormally low") }
        unheard.status == HttpStatus.CONFLICT
        unheard.body.detail.contains("only after it is heard")
        strangerReply.status == HttpStatus.NOT_FOUND
        api("GET", "/api/tenders/$cheap.tenderId/abnormally-low", who.commissioner).body.decision == null
    }

    def "the bidder follows the notice to a page that shows the question, refuses an empty reply, and keeps the explanation as sent"() {
        given:
        def v = new PageVisitor(server.URL.toString(), PASSWORD)
        v.signIn(cheapUser)
        String page = "/tenders/$cheap.tenderId/price-explanation"

        when:
        def notices = v.open("/notices")
        def question = v.open(page)
        def empty = v.post(page, [response: "  "])
        def noToken = v.post(page, [response: "Sent from another site"], false)
        def stranger = new PageVisitor(server.URL.toString(), PASSWORD)
        stranger.signIn(api("GET", "/api/me", who.bidder).body.username as String)
        def strangerPage = stranger.open(page)

        then: "the notice links to the page; nothing is kept from the empty reply; another organisation gets a 404"
        notices.body.contains("href=\"$page\"")
        notices.body.contains("Explain your price")
        question.status == 200
        question.body.contains("Explain how £150,000 covers the specified staffing of 4 FTE for three years.")
        empty.status == 400
        empty.body.contains("Explain how your price is achieved")
        noToken.status == 400 && noToken.body.contains("sent from elsewhere, so nothing was saved") && noToken.body.contains("Sent from another site")
        api("GET", "/api/tenders/$cheap.tenderId/abnormally-low", who.commissioner).body.response == null
        strangerPage.status == 404

        when: "the page in Chromium, at 1000 px and 320 px"
        def violations = [:]
        def narrow = []
        [1000, 320].each { width ->
            def browser = new org.levelfield.support.Browser(width)
            try {
                def j = new org.levelfield.support.Journey(browser, server.URL.toString(), false)
                j.signIn(cheapUser, PASSWORD)
                j.open(page)
                j.check("price-explanation-w$width")
                if (!j.fitsWidth()) narrow << width
                violations.putAll(j.violations)
            } finally {
                browser.quit()
            }
        }

        then: "no WCAG 2.2 A/AA violation, no sideways scrolling"
        violations.isEmpty()
        narrow.isEmpty()

        when: "the explanation is sent, then sent again from another tab"
        def sent = v.post(page, [response: "We would use 2 FTE and volunteers."])
        def again = v.post(page, [response: "Something else"])
        def after = v.open(sent.location)

        then:
        sent.status == 303
        again.status == 409 || again.body.contains("You already explained the price")
        after.body.contains("Your explanation has been sent to the evaluators.")
        after.body.contains("We would use 2 FTE and volunteers.")
        !after.body.contains("Send your explanation")
        api("GET", "/api/tenders/$cheap.tenderId/abnormally-low", who.commissioner).body.response == "We would use 2 FTE and volunteers."
        count("audit_entry", "kind = 'ABNORMALLY_LOW_RESPONSE' and round_id = ?", UUID.fromString(round.id as String)) == 1
    }

    def "once heard, it is disregarded with reasons; the recomputed award disqualifies it and takes the lowest price again"() {
        when:
        def responded = api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/respond", cheapToken, [response: "A second explanation"])
        def badDecision = api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/decide", who.commissioner, [decision: "MAYBE", reason: " "])
        def decided = api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/decide", who.commissioner,
                [decision: "DISREGARDED", reason: "Half the specified staffing: the explanation does not satisfy the specification"])
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner).body
        def lotResult = award.lots.find { it.lotId == lot.id }

        then:
        responded.status == HttpStatus.CONFLICT
        badDecision.body.errors*.field.toSet() == ["decision", "reason"].toSet()
        decided.body.decision == "DISREGARDED"
        def fail = award.findings.find { it.ruleId == "SC-08" && it.subjectId == cheap.tenderId }
        fail.severity == "FAIL"
        fail.message.contains("Half the specified staffing")
        lotResult.tenders.find { it.tenderId == cheap.tenderId }.disqualified
        lotResult.lowestCompliantPricePence == 28_000_000
        api("POST", "/api/tenders/$cheap.tenderId/abnormally-low/decide", who.commissioner, [decision: "ACCEPTED", reason: "Changed mind"]).status == HttpStatus.CONFLICT
    }

    def "a conflict declared after the award was computed makes it stale: no decision until a replacement evaluator has scored and the award is computed again"() {
        given:
        String genericOrg = api("GET", "/api/rounds/$round.id/conflicts/mine", who.evaluator2).body.bidders.find { it.name == who.generic }.organisationId
        assert api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"

        when: "evaluator2 declares a conflict it found late"
        def declared = api("POST", "/api/rounds/$round.id/conflicts", who.evaluator2,
                [declarations: [[organisationId: genericOrg, conflicted: true, nature: "Found later: a former director of Generic Support is a close friend"]]])
        def status = api("GET", "/api/rounds/$round.id", who.commissioner).body.status
        def decision = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: "2026-12-29", reportDocumentId: UUID.randomUUID().toString()])
        def shortPanel = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then: "its scores on every tender of the lot are set aside, the round is back in evaluation and cannot be decided"
        declared.status == HttpStatus.OK
        declared.body.scoresQuarantined == 3 * 4
        status == "EVALUATION"
        decision.status == HttpStatus.CONFLICT
        shortPanel.status == HttpStatus.UNPROCESSABLE_ENTITY
        shortPanel.body.findings.any { it.ruleId == "SC-04" && it.severity == "BLOCK" && it.message.contains("the round's minimum panel is 2. Appoint another evaluator") }

        when: "a replacement evaluator is appointed, declares and scores, and the award is computed again"
        seatPanel(round, who, ["evaluator", "evaluator2", "evaluator3"])
        declareNoConflicts(round, who, ["evaluator3"])
        api("GET", "/api/rounds/$round.id/tenders", who.evaluator3).body.each { t ->
            assert api("POST", "/api/tenders/$t.id/scores", who.evaluator3, RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 3, "Replacement")).status == HttpStatus.CREATED
        }
        def recomputed = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then: "the new computation rests on evaluator and evaluator3 only"
        recomputed.status == HttpStatus.OK
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARD_PROPOSED"
        def scored = recomputed.body.lots.find { it.lotId == lot.id }.tenders.collectMany { t -> t.lines.collectMany { l -> (l.evaluatorScores ?: [])*.evaluator } }.toSet()
        scored.any { it.startsWith("Evaluator3") } && scored.any { it ==~ /Evaluator [0-9a-f]+/ }
        !scored.any { it.startsWith("Evaluator2") }
    }
}
