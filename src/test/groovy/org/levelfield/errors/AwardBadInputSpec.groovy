package org.levelfield.errors

import java.time.Instant
import java.time.LocalDate

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

/**
 * Bad input at award (issue 6): a tie with no published tie-break, a malformed due-regard record,
 * a decision without a date or report, in the future or for an unknown lot, steps out of order,
 * and every award document or step for an unknown round. Each is refused with a problem response
 * that says what was wrong, and nothing is stored.
 */
@MicronautTest(transactional = false)
@Stepwise
class AwardBadInputSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared String report
    @Shared Instant deadline = Instant.parse("2026-12-22T12:00:00Z")
    static final String UNKNOWN = "0b7a4d52-0000-4000-8000-000000000001"

    Map<String, Long> snapshot() {
        ["due_regard_record", "award_sign_off", "award_decision", "assessment_summary", "award_notice", "issued_document", "rule_run"]
                .collectEntries { [(it): count(it)] }
    }

    Map goodRecord() {
        RoundFixture.delegatedDecisionRecord()
    }

    def "two tenders tie for first in a round that published no tie-break"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[1]
        def tenders = [who.bidder, who.bidder2].collect { api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", it, RoundFixture.tender(lot, 25_000_000)).body }
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        tenders.each { t ->
            ["evaluator", "evaluator2"].each { e ->
                assert api("POST", "/api/tenders/$t.tenderId/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
            }
        }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        award.status == HttpStatus.OK
        award.body.lots.find { it.lotId == lot.id }.provisionalWinner == null
        award.body.findings.any { it.ruleId == "SC-10" }
    }

    def "a malformed due-regard record is refused field by field and nothing is stored"() {
        given:
        clock.set(Instant.parse("2026-12-29T10:00:00Z"))
        def before = snapshot()

        when:
        def reply = api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner, goodRecord() + [
                briefing      : [by: "Someone"],
                awardEqia     : [assessedOn: "2026-12-28", relevance: "SOMETIMES", severity: "LOW",
                                 entries: [[characteristic: "HAIR_COLOUR", limb: "ADVANCE_EQUALITY", impact: "Positive"]]],
                monitoringPlan: [frequency: "HOURLY", suppressionThreshold: 0, disparityPct: 300]])
        def empty = api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner)
        def fields = reply.body.errors*.field

        then:
        reply.status == HttpStatus.BAD_REQUEST
        fields.containsAll(["briefing.date", "briefing.coversDuty", "awardEqia.relevance", "awardEqia.entries[0].characteristic",
                            "monitoringPlan.frequency", "monitoringPlan.suppressionThreshold", "monitoringPlan.disparityPct"])
        reply.body.errors.find { it.field == "awardEqia.entries[0].characteristic" }.message.contains("got 'HAIR_COLOUR'")
        empty.status == HttpStatus.BAD_REQUEST
        snapshot() == before
    }

    def "a decision on a tie with no published tie-break is refused by AW-01, and nothing is stored but the record of the refusal"() {
        given:
        assert api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner, goodRecord()).status == HttpStatus.OK
        round.partners.each { p ->
            assert api("POST", "/api/rounds/$round.id/award/sign-offs/$p.id", who.commissioner, [signatory: "Director", signatoryRole: "Director"]).status == HttpStatus.CREATED
        }
        report = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).headers["x-document-id"]
        def before = snapshot()

        when:
        def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: "2026-12-29", reportDocumentId: report])

        then:
        reply.status == HttpStatus.UNPROCESSABLE_ENTITY
        reply.body.findings.find { it.ruleId == "AW-01" }.severity == "BLOCK"
        !reply.body.findings.any { it.ruleId == "AW-02" }
        reply.body.detail.contains("No tender can be awarded this lot")
        reply.body.detail.toLowerCase().contains("tie")
        snapshot() == before + [rule_run: before.rule_run + 1]
        count("rule_run", "round_id = ? and outcome = ?", UUID.fromString(round.id as String), "REFUSED: DECIDED " + lot.title) == 1
    }

    def "a decision without a date, in the future, before the award was computed, with an unknown report or for an unknown lot is refused"() {
        given:
        def before = snapshot()

        when:
        def noDate = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [reportDocumentId: report])
        def future = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: "2027-01-05", reportDocumentId: report])
        def early = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: "2026-12-01", reportDocumentId: report])
        def noReport = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: "2026-12-29", reportDocumentId: UNKNOWN])
        def noLot = api("POST", "/api/rounds/$round.id/lots/$UNKNOWN/decision", who.commissioner, [decidedOn: "2026-12-29", reportDocumentId: report])
        def badDate = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: "29/12/2026", reportDocumentId: report])

        then:
        noDate.status == HttpStatus.BAD_REQUEST && noDate.body.errors*.field == ["decidedOn"]
        future.status == HttpStatus.BAD_REQUEST && future.body.errors[0].message.contains("in the future")
        early.status == HttpStatus.BAD_REQUEST && early.body.errors[0].message.contains("before the award was computed")
        noReport.status == HttpStatus.BAD_REQUEST && noReport.body.errors*.field == ["reportDocumentId"]
        noLot.status == HttpStatus.NOT_FOUND
        badDate.status == HttpStatus.BAD_REQUEST
        snapshot() == before
    }

    def "steps out of order are refused: summaries and the notice before any decision, signing before the notice"() {
        given:
        def before = snapshot()

        when:
        def summaries = api("POST", "/api/rounds/$round.id/assessment-summaries", who.commissioner)
        def notice = api("POST", "/api/rounds/$round.id/award-notice", who.commissioner, [publishedOn: "2026-12-29"])
        def signed = api("POST", "/api/rounds/$round.id/contract-signed", who.commissioner, [signedOn: "2026-12-29"])
        def noticeLater = api("POST", "/api/rounds/$round.id/award-notice", who.commissioner, [publishedOn: "2027-02-01"])

        then:
        summaries.status == HttpStatus.CONFLICT && summaries.body.detail.contains("must be decided first")
        notice.status == HttpStatus.CONFLICT
        signed.status == HttpStatus.CONFLICT && signed.body.currentState == "AWARD_PROPOSED"
        noticeLater.status == HttpStatus.BAD_REQUEST
        snapshot() == before
    }

    def "every award document and step for an unknown round is a 404 that names it, and nothing is stored"() {
        given:
        def before = snapshot()

        when:
        def replies = [
                api("GET", "/api/rounds/$UNKNOWN/award/justification.pdf", who.scrutiny),
                api("GET", "/api/rounds/$UNKNOWN/award/justification-public.pdf", who.scrutiny),
                api("GET", "/api/rounds/$UNKNOWN/award/ocds", who.scrutiny),
                api("GET", "/api/rounds/$UNKNOWN/decisions", who.scrutiny),
                api("GET", "/api/rounds/$UNKNOWN/due-regard", who.scrutiny),
                api("GET", "/api/rounds/$UNKNOWN/assessment-summaries", who.scrutiny),
                api("GET", "/api/rounds/$UNKNOWN/award-notice", who.scrutiny),
                api("PUT", "/api/rounds/$UNKNOWN/due-regard", who.commissioner, goodRecord()),
                api("POST", "/api/rounds/$UNKNOWN/lots/$UNKNOWN/decision", who.commissioner, [decidedOn: "2026-12-29", reportDocumentId: report]),
                api("POST", "/api/rounds/$UNKNOWN/assessment-summaries", who.commissioner),
                api("POST", "/api/rounds/$UNKNOWN/award-notice", who.commissioner, [publishedOn: "2026-12-29"]),
                api("GET", "/api/tenders/$UNKNOWN/assessment-summary.pdf", who.scrutiny),
        ]

        then:
        replies.every { it.status == HttpStatus.NOT_FOUND }
        replies.every { it.body.detail.contains(UNKNOWN) || it.body.detail.contains("round") }
        snapshot() == before
    }
}
