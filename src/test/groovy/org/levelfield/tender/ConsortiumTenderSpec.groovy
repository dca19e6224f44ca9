package org.levelfield.tender

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.common.Hashing
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * A small women's charity bids as lead of a consortium with a named specialist subcontractor: it
 * drafts, attaches the subcontractor's commitment letter, submits, revises and verifies its
 * receipts; the eligibility rules run again at submission and say what changed since its
 * self-check; one second after the deadline nothing more is accepted.
 */
@MicronautTest(transactional = false)
@Stepwise
class ConsortiumTenderSpec extends IntegrationSpec {

    /** The subcontractor's commitment letter, a real PDF, as sent. */
    static final byte[] LETTER = org.levelfield.support.Pdfs.letter("We commit to deliver 15% of lot 1.")
    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared Map letter
    @Shared Map draft
    @Shared Map first
    @Shared Map revised
    @Shared Instant deadline = Instant.parse("2026-11-20T12:00:00Z")

    Map consortiumTender(long price) {
        RoundFixture.tender(lot, price, [
                consortium    : [[name: "Northside Women's Aid", registrationNumber: "GB-CHC-1100222", legalForm: "REGISTERED_CHARITY",
                                  turnoverPence: 50_000_000, role: "Refuge and helpline delivery", declarations: RoundFixture.cleanDeclarations()]],
                subcontractors: [[name: "Deaf Women's Voice CIC", registrationNumber: "GB-COH-12345678", kind: "SUBCONTRACTOR",
                                  specialism: "BSL-led support by and for Deaf women", sharePercent: 15, commitmentLetterId: letter.id,
                                  paymentDays: 30, fullCostRecovery: true, duties: ["DISABILITY"]]],
                equalityEvidence: [
                        [duty: "RACE", type: "TRACK_RECORD", description: "Five years of outreach with Black and minoritised survivors, outcomes by ethnicity"],
                        [duty: "DISABILITY", type: "RESOURCE", description: "Deaf Women's Voice delivers BSL-led sessions; see the commitment letter", attachmentId: letter.id],
                        [duty: "SEX", type: "KPI", description: "Quarterly KPIs on outcomes for women and for male survivors' route"]]])
    }

    def "the charity checks its eligibility with its own profile, as a single organisation, and is told the turnover test fails and what it can do"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        lot = round.lots[0]

        when:
        def check = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder)

        then:
        check.status == HttpStatus.OK
        check.body.stage == "SELF_CHECK"
        !check.body.canBid
        def sel04 = check.body.results.find { it.ruleId == "SEL-04" }
        sel04.outcome == "FAILS"
        sel04.message.contains("bid as part of a consortium")
    }

    def "it drafts the tender in pieces; a draft may be incomplete and has no receipt"() {
        when:
        letter = upload(who.bidder, "deaf-womens-voice-commitment.pdf", "application/pdf", LETTER).body
        def saved = api("POST", "/api/rounds/$round.id/lots/$lot.id/drafts", who.bidder, [pricePence: 84_000_000, vatBasis: "VAT_EXEMPT", answers: []])
        draft = saved.body
        def updated = api("PUT", "/api/drafts/$draft.id", who.colleague, consortiumTender(84_000_000) + [vatBasis: "VAT_EXEMPT"])

        then:
        letter.sha256 == Hashing.sha256(LETTER)
        saved.status == HttpStatus.OK
        draft.status == "DRAFT"
        draft.sha256 == null
        updated.body.id == draft.id
        updated.body.details.consortium*.name == ["Northside Women's Aid"]
        updated.body.attachments*.sha256 == [letter.sha256]
        count("tender", "lot_id = ?::uuid and status = 'DRAFT'", lot.id) == 1
    }

    def "submitting the draft gives a receipt, and the eligibility check at submission says what changed since the self-check and why"() {
        when:
        def reply = api("POST", "/api/drafts/$draft.id/submit", who.bidder, null, ["Idempotency-Key": "consortium-1"])
        first = reply.body

        then:
        reply.status == HttpStatus.CREATED
        first.tenderId == draft.id
        first.sha256 ==~ /[0-9a-f]{64}/
        first.eligibility.canBid
        first.eligibility.changed
        def change = first.eligibility.changes.outcomes.find { it.ruleId == "SEL-04" }
        change.before == "FAILS"
        change.after == "PASSES"
        change.message.contains("consortium aggregate")
        first.eligibility.changes.inputs*.field == ["consortiumTurnoverPence", "declarants"] // the consortium member now declares for itself
        first.eligibility.changes.inputs[0].before == null
        first.eligibility.changes.inputs[0].after == 80_000_000
        first.eligibility.summary.contains("SEL-04 FAILS → PASSES")
    }

    def "a retried submission with the same Idempotency-Key returns the same receipt and stores nothing new"() {
        given:
        long before = count("tender", "round_id = ?::uuid", round.id)

        when:
        def again = api("POST", "/api/drafts/$draft.id/submit", who.bidder, null, ["Idempotency-Key": "consortium-1"])

        then:
        again.status == HttpStatus.CREATED
        again.body.tenderId == first.tenderId
        again.body.sha256 == first.sha256
        count("tender", "round_id = ?::uuid", round.id) == before
    }

    def "the receipt verifies against the stored tender, attachments included"() {
        when:
        def check = api("GET", "/api/tenders/$first.tenderId/receipt", who.bidder).body
        def stored = api("GET", "/api/tenders/$first.tenderId", who.bidder).body

        then:
        check.intact
        check.sha256 == first.sha256
        check.recomputedSha256 == first.sha256
        stored.status == "SUBMITTED"
        stored.vatBasis == "VAT_EXEMPT"
        stored.details.subcontractors[0].sharePercent == 15
        stored.details.subcontractors[0].commitmentLetterId == letter.id
        stored.details.equalityEvidence*.type == ["TRACK_RECORD", "RESOURCE", "KPI"]
        stored.details.monitoringPlan.characteristics.containsAll(["RACE", "DISABILITY", "SEX"])
    }

    def "a change to the stored attachment's bytes would no longer match the receipt"() {
        when: "someone with database access alters the commitment letter"
        org.levelfield.support.TestDatabase.asOwner(org.levelfield.support.TestDatabase.shared(), [["alter table attachment disable trigger all"],
                ["update attachment set content = ? where id = ?::uuid", org.levelfield.support.Pdfs.letter("We commit to 1%."), UUID.fromString(letter.id)]])
        def check = api("GET", "/api/tenders/$first.tenderId/receipt", who.bidder).body

        then:
        !check.intact
        check.recomputedSha256 != first.sha256

        cleanup:
        org.levelfield.support.TestDatabase.asOwner(org.levelfield.support.TestDatabase.shared(), [["update attachment set content = ? where id = ?::uuid", LETTER, UUID.fromString(letter.id)],
                ["alter table attachment enable trigger all"]])
    }

    def "the charity revises the consortium tender and gets a new receipt that verifies"() {
        when:
        def reply = api("PUT", "/api/tenders/$first.tenderId", who.bidder, consortiumTender(82_500_000) + [vatBasis: "VAT_EXEMPT"])
        revised = reply.body

        then:
        reply.status == HttpStatus.OK
        revised.tenderId != first.tenderId
        revised.sha256 != first.sha256
        !revised.eligibility.changed
        api("GET", "/api/tenders/$revised.tenderId/receipt", who.bidder).body.intact
        api("GET", "/api/tenders/$first.tenderId", who.bidder).body.status == "SUPERSEDED"
        api("GET", "/api/tenders/mine", who.bidder).body.find { it.id == revised.tenderId }.pricePence == 82_500_000
    }

    def "one second after the deadline a submission is refused with the server time and the deadline, and nothing is stored"() {
        given:
        clock.set(deadline.plusSeconds(1))
        long before = count("tender")

        when:
        def late = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/tenders", who.bidder, RoundFixture.tender(round.lots[1], 20_000_000))
        def lateRevision = api("PUT", "/api/tenders/$revised.tenderId", who.bidder, consortiumTender(80_000_000))
        def lateDraft = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/drafts", who.bidder, [pricePence: 1])

        then:
        [late, lateRevision, lateDraft].every { it.status == HttpStatus.CONFLICT }
        late.body.detail.contains("closed at 2026-11-20T12:00:00Z")
        late.body.detail.contains("the server time is 2026-11-20T12:00:01Z")
        count("tender") == before
    }

    def "after the deadline the commissioner sees each submission's eligibility run and what changed"() {
        when:
        def runs = api("GET", "/api/rounds/$round.id/eligibility", who.commissioner).body

        then:
        runs*.stage == ["SUBMISSION", "SUBMISSION"]
        runs[0].changed
        runs[0].summary.contains("SEL-04")
        !runs.any { it.stage == "SELF_CHECK" }
    }

    def "at award the rules run again; a change since submission is shown to the commissioner and sent to the bidder"() {
        given: "the charity's income has fallen since it submitted"
        String sistersId = api("GET", "/api/me", who.bidder).body.organisationId
        assert api("PUT", "/api/organisations/$sistersId/profile", who.bidder,
                RoundFixture.profile(who.sisters, api("GET", "/api/organisations/$sistersId/profile", who.bidder).body.registrationNumber, [incomePence: 5_000_000])).status == HttpStatus.OK
        assert api("POST", "/api/rounds/$round.id/close", who.commissioner).status == HttpStatus.OK
        seatPanel(round, who)
        declareNoConflicts(round, who)
        ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$revised.tenderId/scores", who[e],
                    RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
        }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def atAward = award.body.eligibility.find { it.tenderId == revised.tenderId }

        then:
        award.status == HttpStatus.OK
        atAward.changed
        !atAward.canBid
        atAward.summary.contains("SEL-04 PASSES → FAILS")
        atAward.summary.contains("turnoverPence changed from 30000000 to 5000000")
        atAward.failures.any { it.startsWith("SEL-04") }

        and: "a tender that fails a condition of participation at award is out of the award, not ranked and awarded"
        def lotResult = award.body.lots.find { it.lotId == lot.id }
        def tender = lotResult.tenders.find { it.tenderId == revised.tenderId }
        tender.disqualified
        tender.rank == null
        tender.disqualifiedBecause.any { it.startsWith("Not eligible at award. SEL-04") }
        lotResult.provisionalWinner == null
        api("GET", "/api/notices", who.bidder).body.any { it.message.contains("checked again at award") && it.message.contains("SEL-04") }
        api("GET", "/api/rounds/$round.id/eligibility", who.commissioner).body*.stage == ["SUBMISSION", "SUBMISSION", "AWARD"]
    }

    def "the commissioner records why the tender stays in; bad or unauthorised decisions change nothing; the award computed again ranks it"() {
        given:
        String path = "/api/tenders/$revised.tenderId/eligibility-admissions"
        def decision = [ruleId: "SEL-04", basis: "CONDITION_MET_OTHERWISE",
                        reasons: "The consortium's audited accounts show combined income of £800,000; the lead's own fall does not change the consortium's turnover test"]

        when:
        def byBidder = api("POST", path, who.bidder, decision)
        def noReasons = api("POST", path, who.commissioner, decision + [reasons: " ", basis: "BECAUSE"])
        def notFailed = api("POST", path, who.commissioner, decision + [ruleId: "SEL-09"])
        long stored = count("eligibility_admission")
        def admitted = api("POST", path, who.commissioner, decision)
        def again = api("POST", path, who.commissioner, decision)
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)
        def tender = award.body.lots.find { it.lotId == lot.id }.tenders.find { it.tenderId == revised.tenderId }

        then:
        byBidder.status == HttpStatus.FORBIDDEN
        noReasons.status == HttpStatus.BAD_REQUEST
        noReasons.body.errors*.field.toSet() == ["reasons", "basis"].toSet()
        notFailed.status == HttpStatus.CONFLICT
        stored == 0
        admitted.status == HttpStatus.CREATED
        admitted.body.decidedBy
        again.status == HttpStatus.CONFLICT
        count("eligibility_admission") == 1
        count("audit_entry", "kind = 'ELIGIBILITY_ADMITTED' and round_id = ?", UUID.fromString(round.id as String)) == 1
        award.status == HttpStatus.OK
        !tender.disqualified
        tender.rank == 1
        award.body.admissions*.ruleId == ["SEL-04"]
    }

    def "the award justification shows eligibility as checked again at award, and the decision that kept the tender in with its reasons"() {
        when:
        def pdf = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)
        def text = org.levelfield.support.Pdfs.text(pdf.bytes)

        then:
        pdf.status == HttpStatus.OK
        text.contains("Eligibility, checked again at award")
        text.contains("SEL-04: Turnover £550,000 vs required £600,000")
        text.contains("SEL-04: kept in the award by")
        text.contains("the lead's own fall does not change the consortium's turnover test")
    }
}
