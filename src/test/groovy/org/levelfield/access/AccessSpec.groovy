package org.levelfield.access

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/** Who may do and see what, tried over HTTP for each role. */
@MicronautTest(transactional = false)
@Stepwise
class AccessSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map receipt
    @Shared Map attachment
    @Shared Map draft
    @Shared Instant deadline = Instant.parse("2026-05-01T12:00:00Z")


    def "a person signs in with a username and password and gets a token; a wrong password gets none"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-04-01T09:00:00Z"))

        when:
        def wrong = api("POST", "/api/login", null, [username: "nobody-${UUID.randomUUID()}", password: "guess"])
        def me = api("GET", "/api/me", who.bidder)

        then:
        wrong.status == HttpStatus.UNAUTHORIZED
        wrong.contentType.startsWith("application/problem+json")
        me.body.role == "BIDDER"
        me.body.organisationId
    }

    def "passwords are stored hashed, never as given"() {
        expect:
        sql.query("select password_hash from app_user where username like 'bidder-%'", { it.getString(1) } as org.levelfield.common.database.Sql.Row)
                .every { it.startsWith("argon2id\$v=19\$") && !it.contains(PASSWORD) }
    }

    def "without a token the API answers 401 with what to do"() {
        when:
        def reply = api("GET", "/api/rounds")

        then:
        reply.status == HttpStatus.UNAUTHORIZED
        reply.body.detail.contains("/api/login")
    }

    def "only commissioners create rounds; #role is refused and nothing is stored"() {
        given:
        long before = count("round")

        when:
        def reply = api("POST", "/api/rounds", who[role], RoundFixture.aRound(deadline))

        then:
        reply.status == HttpStatus.FORBIDDEN
        count("round") == before

        where:
        role << ["scrutiny", "evaluator", "bidder", "admin"]
    }

    def "a commissioner's draft is hidden from bidders and evaluators, visible to scrutiny"() {
        given:
        round = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body

        expect:
        api("GET", "/api/rounds/$round.id", who.bidder).status == HttpStatus.NOT_FOUND
        api("GET", "/api/rounds/$round.id", who.evaluator).status == HttpStatus.NOT_FOUND
        api("GET", "/api/rounds/$round.id", who.scrutiny).status == HttpStatus.OK
    }

    def "scrutiny can read but not write: it cannot publish, close, score or compute an award"() {
        expect:
        api("POST", "/api/rounds/$round.id/publish", who.scrutiny).status == HttpStatus.FORBIDDEN
        api("PUT", "/api/rounds/$round.id", who.scrutiny, RoundFixture.aRound(deadline)).status == HttpStatus.FORBIDDEN
        api("POST", "/api/rounds/$round.id/close", who.scrutiny).status == HttpStatus.FORBIDDEN
        api("POST", "/api/rounds/$round.id/award", who.scrutiny).status == HttpStatus.FORBIDDEN
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "DRAFT"
    }

    def "once the round is published, two bidders submit tenders"() {
        when:
        round = approveAndPublish(round, who.commissioner).body.round
        Map lot = round.lots[0]
        attachment = upload(who.bidder, "commitment.pdf", "application/pdf", org.levelfield.support.Pdfs.letter("Letter of commitment")).body
        receipt = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder,
                RoundFixture.tender(lot, 80_000_000, [attachmentIds: [attachment.id]])).body
        def other = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 81_000_000))
        draft = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/drafts", who.bidder, [pricePence: 20_000_000, answers: []]).body

        then:
        receipt.tenderId
        other.status == HttpStatus.CREATED
        draft.status == "DRAFT"
    }

    def "before the deadline, no role but the bidder's own members can read an attachment, a draft, or a tender's eligibility runs"() {
        expect:
        api("GET", "/api/attachments/$attachment.id", who[role]).status == own
        api("GET", "/api/tenders/$draft.id", who[role]).status == (own == HttpStatus.OK ? HttpStatus.OK : HttpStatus.NOT_FOUND)
        api("GET", "/api/tenders/$receipt.tenderId/eligibility", who[role]).status == eligibility
        api("GET", "/api/rounds/$round.id/eligibility", who[role]).status == roundWide
        api("GET", "/api/rounds/$round.id/monitoring-summary", who[role]).status == roundWide

        where:
        role           | own                  | eligibility          | roundWide
        "bidder"       | HttpStatus.OK        | HttpStatus.OK        | HttpStatus.FORBIDDEN
        "colleague"    | HttpStatus.OK        | HttpStatus.OK        | HttpStatus.FORBIDDEN
        "bidder2"      | HttpStatus.NOT_FOUND | HttpStatus.NOT_FOUND | HttpStatus.FORBIDDEN
        "commissioner" | HttpStatus.NOT_FOUND | HttpStatus.NOT_FOUND | HttpStatus.FORBIDDEN
        "evaluator"    | HttpStatus.NOT_FOUND | HttpStatus.NOT_FOUND | HttpStatus.FORBIDDEN
        "scrutiny"     | HttpStatus.NOT_FOUND | HttpStatus.NOT_FOUND | HttpStatus.FORBIDDEN
        "admin"        | HttpStatus.NOT_FOUND | HttpStatus.NOT_FOUND | HttpStatus.FORBIDDEN
    }

    /** A sealed tender answers as an unknown id (404) to staff, so its existence is not said (issue 15); the round's list is refused outright. */
    def "before the deadline, no role but the bidder's own members can read a tender or list the round's tenders"() {
        expect:
        api("GET", "/api/tenders/$receipt.tenderId", who[role]).status == tender
        api("GET", "/api/tenders/$receipt.tenderId/receipt", who[role]).status == tender
        api("GET", "/api/rounds/$round.id/tenders", who[role]).status == list

        where:
        role           | tender                | list
        "bidder"       | HttpStatus.OK         | HttpStatus.OK
        "colleague"    | HttpStatus.OK         | HttpStatus.OK
        "bidder2"      | HttpStatus.NOT_FOUND  | HttpStatus.OK
        "commissioner" | HttpStatus.NOT_FOUND  | HttpStatus.FORBIDDEN
        "evaluator"    | HttpStatus.NOT_FOUND  | HttpStatus.FORBIDDEN
        "scrutiny"     | HttpStatus.NOT_FOUND  | HttpStatus.FORBIDDEN
        "admin"        | HttpStatus.NOT_FOUND  | HttpStatus.FORBIDDEN
    }

    def "a bidder's list of a round's tenders holds only its own organisation's tenders"() {
        expect:
        api("GET", "/api/rounds/$round.id/tenders", who.bidder).body*.organisation == [who.sisters]
        api("GET", "/api/rounds/$round.id/tenders", who.bidder2).body*.organisation == [who.generic]
    }

    def "after the deadline the evaluators on the panel declare their conflicts before opening tenders"() {
        when:
        clock.set(deadline.plusSeconds(60))
        seatPanel(round, who)
        def early = api("GET", "/api/tenders/$receipt.tenderId", who.evaluator)
        declareNoConflicts(round, who)

        then:
        early.status == HttpStatus.FORBIDDEN
        early.body.detail.contains("Declare any conflict of interest for every bidder")
        api("GET", "/api/tenders/$receipt.tenderId", who.evaluator3).status == HttpStatus.FORBIDDEN
    }

    def "after the deadline the commissioning side can read tenders, other bidders still cannot"() {
        when:
        clock.set(deadline.plusSeconds(60))

        then:
        api("GET", "/api/tenders/$receipt.tenderId", who[role]).status == expected

        where:
        role           | expected
        "commissioner" | HttpStatus.OK
        "evaluator"    | HttpStatus.OK
        "scrutiny"     | HttpStatus.OK
        "admin"        | HttpStatus.OK
        "bidder"       | HttpStatus.OK
        "bidder2"      | HttpStatus.NOT_FOUND
    }

    def "after the deadline the commissioning side can open a submitted tender's attachments, but never a draft"() {
        expect:
        api("GET", "/api/attachments/$attachment.id", who[role]).status == file
        api("GET", "/api/tenders/$draft.id", who[role]).status == drafted

        where:
        role           | file                 | drafted
        "commissioner" | HttpStatus.OK        | HttpStatus.NOT_FOUND
        "evaluator"    | HttpStatus.OK        | HttpStatus.NOT_FOUND
        "scrutiny"     | HttpStatus.OK        | HttpStatus.NOT_FOUND
        "admin"        | HttpStatus.OK        | HttpStatus.NOT_FOUND
        "bidder"       | HttpStatus.OK        | HttpStatus.OK
        "bidder2"      | HttpStatus.NOT_FOUND | HttpStatus.NOT_FOUND
    }

    def "only evaluators score, and bidders cannot download the award justification"() {
        given:
        Map lot = round.lots[0]

        expect:
        api("POST", "/api/rounds/$round.id/close", who.commissioner).status == HttpStatus.OK
        api("POST", "/api/tenders/$receipt.tenderId/scores", who.commissioner, RoundFixture.scores(lot, [RACE: 3, DISABILITY: 3, SEX: 3], 3, "x")).status == HttpStatus.FORBIDDEN
        api("POST", "/api/tenders/$receipt.tenderId/scores", who.scrutiny, RoundFixture.scores(lot, [RACE: 3, DISABILITY: 3, SEX: 3], 3, "x")).status == HttpStatus.FORBIDDEN
        api("POST", "/api/tenders/$receipt.tenderId/scores", who.bidder, RoundFixture.scores(lot, [RACE: 5, DISABILITY: 5, SEX: 5], 5, "x")).status == HttpStatus.FORBIDDEN
        api("GET", "/api/rounds/$round.id/award/justification.pdf", who.bidder).status == HttpStatus.FORBIDDEN
        count("score s join tender t on t.id = s.tender_id", "t.round_id = ?::uuid", round.id) == 0
    }
}
