package org.levelfield.errors

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Bad tenders and attachments: each refused with a problem response naming the field and the
 * fix, and nothing stored.
 */
@MicronautTest(transactional = false)
@Stepwise
class TenderBadInputSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared Map draftRound
    @Shared Instant deadline = Instant.parse("2026-12-15T12:00:00Z")

    Map<String, Long> snapshot() {
        ["tender", "tender_answer", "tender_attachment", "attachment", "eligibility_run", "idempotent_request"].collectEntries { [(it): count(it)] }
    }

    void refused(reply, HttpStatus status, String field = null, String says = null) {
        assert reply.status == status: "$reply"
        assert reply.contentType.startsWith("application/problem+json")
        if (field) {
            assert reply.body.errors*.field.contains(field): "${reply.body.errors}"
        }
        if (says) {
            assert ((reply.body.errors ?: [])*.message + [reply.body.detail]).any { it.contains(says) }: "$reply.body"
        }
    }

    def "set up: a published round and a draft one"() {
        when:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[0]
        draftRound = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body

        then:
        round.status == "PUBLISHED"
        draftRound.status == "DRAFT"
    }

    def "prices of zero, below zero, with a fraction of a penny, or beyond any sensible bound are refused"() {
        given:
        def before = snapshot()

        expect:
        refused(post(RoundFixture.tender(lot, 0)), HttpStatus.BAD_REQUEST, "pricePence", "greater than zero")
        refused(post(RoundFixture.tender(lot, -5)), HttpStatus.BAD_REQUEST, "pricePence", "greater than zero")
        refused(post(RoundFixture.tender(lot, 1) + [pricePence: 8_000_000.5]), HttpStatus.BAD_REQUEST, "pricePence")
        refused(post(RoundFixture.tender(lot, 4_200_000_000_000_000_000L)), HttpStatus.BAD_REQUEST, "pricePence", "more than ten times the lot's published value")
        refused(post(RoundFixture.tender(lot, (lot.valueInclVatPence as long) * 10 + 1)), HttpStatus.BAD_REQUEST, "pricePence", "check the price is in pence")
        snapshot() == before
    }

    def "an oversized answer, an unknown criterion and an unknown VAT basis are refused"() {
        given:
        def before = snapshot()
        def answers = RoundFixture.answers(lot)

        expect:
        refused(post(RoundFixture.tender(lot, 100, [answers: [[criterionId: answers[0].criterionId, answer: "x" * 30_001]] + answers.drop(1)])),
                HttpStatus.BAD_REQUEST, "answers[0].answer", "no answer may be longer than 30000")
        refused(post(RoundFixture.tender(lot, 100, [answers: answers + [[criterionId: UUID.randomUUID().toString(), answer: "x"]]])),
                HttpStatus.BAD_REQUEST, "answers[4].criterionId", "no criterion")
        refused(post(RoundFixture.tender(lot, 100, [vatBasis: "PLUS_VAT"])), HttpStatus.BAD_REQUEST, "vatBasis", "EXCLUDING_VAT")
        snapshot() == before
    }

    def "malformed registration numbers of consortium members and subcontractors are refused with the expected format"() {
        given:
        def before = snapshot()
        def member = [name: "Partner", registrationNumber: "CHC 12", legalForm: "REGISTERED_CHARITY", turnoverPence: 1, role: "Delivery",
                      declarations: RoundFixture.cleanDeclarations()]
        def sub = [name: "Specialist", registrationNumber: "GB-COH-123", kind: "SUBCONTRACTOR", sharePercent: 10, paymentDays: 30, fullCostRecovery: true]

        expect:
        refused(post(RoundFixture.tender(lot, 100, [consortium: [member]])), HttpStatus.BAD_REQUEST, "consortium[0].registrationNumber", "GB-CHC-1234567")
        refused(post(RoundFixture.tender(lot, 100, [subcontractors: [sub]])), HttpStatus.BAD_REQUEST, "subcontractors[0].registrationNumber", "GB-COH-01234567")
        refused(post(RoundFixture.tender(lot, 100, [consortium: [member + [registrationNumber: "GB-CHC-1100222", declarations: null]]])),
                HttpStatus.BAD_REQUEST, "consortium[0].declarations")
        refused(post(RoundFixture.tender(lot, 100, [subcontractors: [sub + [registrationNumber: null, sharePercent: 100]]])),
                HttpStatus.BAD_REQUEST, "subcontractors[0].sharePercent")
        snapshot() == before
    }

    def "equality evidence must be typed, for a duty the round asks about, and cover every duty the lot scores; a monitoring plan is required"() {
        given:
        def before = snapshot()

        expect:
        refused(post(RoundFixture.tender(lot, 100, [equalityEvidence: [[duty: "RACE", type: "LEAFLET", description: "x"]]])),
                HttpStatus.BAD_REQUEST, "equalityEvidence[0].type", "POLICY")
        refused(post(RoundFixture.tender(lot, 100, [equalityEvidence: [[duty: "RACE", type: "PLAN", description: "x"]]])),
                HttpStatus.BAD_REQUEST, "equalityEvidence", "no evidence for the disability duty")
        refused(post(RoundFixture.tender(lot, 100, [equalityEvidence: [[duty: "HAIR_COLOUR", type: "PLAN", description: "x"]]])),
                HttpStatus.BAD_REQUEST, "equalityEvidence[0].duty")
        refused(post(RoundFixture.tender(lot, 100, [monitoringPlan: null])), HttpStatus.BAD_REQUEST, "monitoringPlan")
        refused(post(RoundFixture.tender(lot, 100, [monitoringPlan: [characteristics: ["HAIR_COLOUR"], frequency: "QUARTERLY", description: "x"]])),
                HttpStatus.BAD_REQUEST, "monitoringPlan.characteristics[0]")
        snapshot() == before
    }

    def "a monitoring plan is the bidder's own: one that reports by fewer characteristics than the round monitors is received, for EQ-08 to weigh (issue 17)"() {
        when: "another bidder sends it, before the deadline"
        def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 100, [monitoringPlan: [characteristics: ["AGE"], frequency: "QUARTERLY",
                                                                        description: "We report by age each quarter"]]))

        then:
        reply.status == HttpStatus.CREATED
    }

    def "attachments over the size limit, of a disallowed type, or whose content is not what it claims are refused"() {
        given:
        def before = snapshot()
        byte[] big = new byte[5 * 1024 * 1024 + 1]
        "%PDF-".bytes.eachWithIndex { b, i -> big[i] = b }

        expect:
        refused(upload(who.bidder, "huge.pdf", "application/pdf", big), HttpStatus.BAD_REQUEST, "content", "the limit is 5242880 bytes")
        refused(upload(who.bidder, "run.exe", "application/x-msdownload", "MZ".bytes), HttpStatus.BAD_REQUEST, "contentType", "application/pdf")
        refused(upload(who.bidder, "letter.pdf", "application/pdf", "MZ not a pdf".bytes), HttpStatus.BAD_REQUEST, "content", "not application/pdf")
        refused(upload(who.bidder, "", "application/pdf", "%PDF-1.4".bytes), HttpStatus.BAD_REQUEST, "fileName")
        refused(upload(who.bidder, "empty.txt", "text/plain", new byte[0]), HttpStatus.BAD_REQUEST, "content")
        upload(who.commissioner, "x.pdf", "application/pdf", "%PDF-1.4".bytes).status == HttpStatus.FORBIDDEN
        snapshot() == before
    }

    def "a tender cannot name another organisation's attachment"() {
        given:
        def theirs = upload(who.bidder2, "theirs.pdf", "application/pdf", org.levelfield.support.Pdfs.letter("theirs")).body
        def before = snapshot()

        expect:
        refused(post(RoundFixture.tender(lot, 100, [attachmentIds: [theirs.id]])), HttpStatus.BAD_REQUEST, "attachmentIds[0]", "upload it first")
        snapshot() == before
    }

    def "a tender for an unpublished round is not found, and for a closed one is refused with the deadline"() {
        given:
        def before = snapshot()

        when:
        def unpublished = api("POST", "/api/rounds/$draftRound.id/lots/${draftRound.lots[0].id}/tenders", who.bidder, RoundFixture.tender(draftRound.lots[0], 100))
        clock.set(deadline.plusSeconds(3600))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        def closed = post(RoundFixture.tender(lot, 100))

        then:
        refused(unpublished, HttpStatus.NOT_FOUND, null, "published round")
        refused(closed, HttpStatus.CONFLICT, null, "Late tenders are not accepted")
        snapshot() == before
    }

    private post(Map body) {
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, body)
    }

    def "the standstill calculator answers over HTTP and refuses a bad regime or date naming the field"() {
        expect:
        api("GET", "/api/standstill?regime=PA_2023&published=2025-12-24").body.lastDay == "2026-01-07"
        api("GET", "/api/standstill?regime=EU&published=24/12/2025").body.errors*.field == ["regime", "published"]
    }
}
