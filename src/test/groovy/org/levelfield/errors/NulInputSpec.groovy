package org.levelfield.errors

import io.micronaut.http.HttpStatus
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.PageVisitor
import org.levelfield.support.RoundFixture

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * Issue 15, part 5: a NUL character in any text is refused as bad input, against its field, and nothing is
 * stored; in a JSON body (from sign-in to a tender) and in a page's form alike. Before, PostgreSQL's refusal
 * surfaced as a 500.
 */
@MicronautTest(transactional = false)
class NulInputSpec extends IntegrationSpec {

    @Inject EmbeddedServer server

    def "a NUL in a JSON body is a 400 naming the field, never a 500, and nothing is stored"() {
        given:
        def who = people()
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now())
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[1]
        def nul = "A\u0000B"
        long roundsBefore = count("round")
        long tendersBefore = count("tender")

        when:
        def login = api("POST", "/api/login", null, [username: nul, password: nul])
        def created = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now()) + [title: nul])
        def partner = api("POST", "/api/rounds", who.commissioner, design + [partners: [[name: "Riverside\u0000Council", type: "COUNCIL", lead: true]]])
        def tender = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder,
                RoundFixture.tender(lot, 25_000_000, [answers: [[criterionId: lot.criteria[1].id, answer: "Our plan\u0000"]]]))

        then:
        [login, created, partner, tender].every { it.status == HttpStatus.BAD_REQUEST }
        created.body.errors*.field == ["title"]
        created.body.errors[0].message.contains("NUL")
        partner.body.errors*.field == ["partners[0].name"]
        tender.body.errors[0].field == "answers[0].answer"
        count("round") == roundsBefore
        count("tender") == tendersBefore
    }

    def "a NUL in a page's form is refused in place"() {
        given:
        def v = new PageVisitor(server.URL.toString(), PASSWORD)
        v.open("/sign-in")

        when:
        def reply = v.post("/sign-in", [email: "someone\u0000@example.org", password: "not\u0000it"])

        then:
        reply.status == 400
        reply.body.contains("Remove the NUL character from this answer")
    }

    def "an attachment whose name holds a line break is refused at upload; a name in any script comes back as sent"() {
        given:
        def who = people()
        long before = count("attachment")

        when:
        def crlf = upload(who.bidder, "plan.pdf\r\nX-Injected: yes", "application/pdf", org.levelfield.support.Pdfs.letter("plan"))
        def unicode = upload(who.bidder, "Équipe Ünïcødé – plan 2027.pdf", "application/pdf", org.levelfield.support.Pdfs.letter("plan"))
        def download = api("GET", "/api/attachments/$unicode.body.id", who.bidder)

        then:
        crlf.status == HttpStatus.BAD_REQUEST
        crlf.body.errors[0].field == "fileName" && crlf.body.errors[0].message.contains("line breaks")
        count("attachment") == before + 1
        download.status == HttpStatus.OK
        download.headers["content-disposition"].startsWith("attachment; filename=\"")
        URLDecoder.decode(download.headers["content-disposition"].replaceAll(/.*filename\*=UTF-8''/, ""), "UTF-8") == "Équipe Ünïcødé – plan 2027.pdf"
    }

    def "every free text of a round has a length limit: a 1 MB description is refused, naming the field, and nothing is stored"() {
        given:
        def who = people()
        long before = count("round")
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now())
        design.description = "x" * 1_000_000
        design.lots[0].terms = [termReason: "y" * 20_000]

        when:
        def reply = api("POST", "/api/rounds", who.commissioner, design)

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors*.field.containsAll(["description", "lots[0].terms.termReason"])
        reply.body.errors.find { it.field == "description" }.message.contains("10,000 characters or fewer")
        count("round") == before
    }
}
