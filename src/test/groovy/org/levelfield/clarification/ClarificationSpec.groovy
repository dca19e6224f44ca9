package org.levelfield.clarification

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/** A bidder's question and the commissioner's answer go to every bidder on the round, without the asker's name, and stay in the round's history. */
@MicronautTest(transactional = false)
@Stepwise
class ClarificationSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map question
    @Shared Instant deadline = Instant.parse("2026-12-01T12:00:00Z")

    def "a bidder asks a question; other bidders do not see it until it is answered; the commissioner sees it without the asker"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/drafts", who.bidder2, [pricePence: 1_000_000])

        when:
        def asked = api("POST", "/api/rounds/$round.id/clarifications", who.bidder,
                [question: "May a consortium lead rely on a member's insurance undertaking?", lotId: round.lots[0].id])
        question = asked.body

        then:
        asked.status == HttpStatus.CREATED
        question.number == 1
        question.yours
        !question.published
        api("GET", "/api/rounds/$round.id/clarifications", who.bidder2).body == []
        def seen = api("GET", "/api/rounds/$round.id/clarifications", who.commissioner).body
        seen*.question == ["May a consortium lead rely on a member's insurance undertaking?"]
        !seen[0].toString().contains(who.sisters)
        !seen[0].yours
    }

    def "the commissioner answers; every bidder sees it, without the asker's name, gets a notice, and the round's history keeps it"() {
        when:
        def answered = api("POST", "/api/clarifications/$question.id/answer", who.commissioner,
                [answer: "Yes. An undertaking to hold insurance from the contract start is accepted (SEL-07)."])

        then:
        answered.status == HttpStatus.OK
        answered.body.published
        def forOther = api("GET", "/api/rounds/$round.id/clarifications", who.bidder2).body
        forOther*.answer == ["Yes. An undertaking to hold insurance from the contract start is accepted (SEL-07)."]
        !forOther[0].yours
        !new String(api("GET", "/api/rounds/$round.id/clarifications", who.bidder2).bytes).contains("Sister Space")
        api("GET", "/api/notices", who.bidder2).body.any { it.message.contains("Clarification 1") }
        api("GET", "/api/notices", who.bidder).body.any { it.message.contains("Clarification 1") }
        def kept = api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body.find { it.kind == "CLARIFICATION_PUBLISHED" }
        kept.detail.contains("An undertaking to hold insurance")
        !kept.detail.contains(who.sisters)
        api("GET", "/api/rounds/$round.id/history", who.commissioner).body*.to == ["DRAFT", "DESIGN_APPROVED", "PUBLISHED"]
    }

    def "an answer is never edited; bad questions are refused; nothing changes"() {
        given:
        long before = count("clarification")
        long notices = count("bidder_notice")

        expect:
        api("POST", "/api/clarifications/$question.id/answer", who.commissioner, [answer: "Changed"]).status == HttpStatus.CONFLICT
        api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: " "]).body.errors*.field == ["question"]
        api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: "x" * 2001]).body.errors[0].message.contains("limit is 2000")
        api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: "Which lot?", lotId: UUID.randomUUID().toString()]).body.errors*.field == ["lotId"]
        api("POST", "/api/rounds/$round.id/clarifications", who.commissioner, [question: "Me?"]).status == HttpStatus.FORBIDDEN
        api("POST", "/api/clarifications/$question.id/answer", who.bidder, [answer: "Mine"]).status == HttpStatus.FORBIDDEN
        count("clarification") == before
        count("bidder_notice") == notices
    }

    def "after the deadline no more questions are taken"() {
        given:
        clock.set(deadline.plusSeconds(1))

        when:
        def late = api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: "Too late?"])

        then:
        late.status == HttpStatus.CONFLICT
        late.body.detail.contains("closed with tenders")
    }
}
