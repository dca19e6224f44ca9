package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.common.database.Sql
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Issue 17 part 2, at award: a round worth £500,000 of social care, below the light-touch threshold of £663,540, is not a
 * covered procurement (REG-04). Its award notice may be published before the assessment summaries and without a
 * standstill (AW-05 and AW-06 flag both); the notice records the rules that governed it; the summaries can still be sent
 * afterwards and say no standstill is required by law; the contract is entered into the day the notice is published, with
 * AW-08 naming the regulated below-threshold contract's notice.
 */
@Stepwise
@MicronautTest(transactional = false)
class BelowThresholdAwardSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map lot
    @Shared Instant deadline = Instant.parse("2026-12-22T12:00:00Z")

    List<Map> findingsOf(String outcome) {
        sql.query("""select f.rule_id, f.severity, f.message from finding f join rule_run r on r.id = f.rule_run_id
                      where r.round_id = ? and r.outcome = ? order by f.position""", { rs ->
            [ruleId: rs.getString(1), severity: rs.getString(2), message: rs.getString(3)] } as Sql.Row, UUID.fromString(round.id as String), outcome)
    }

    def "a round of £500,000 is decided: two tenders on its first lot are scored and the lot is awarded"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(deadline)
        design.lots[0] = design.lots[0] + [valueInclVatPence: 30_000_000, terms: [mainSubjectMatter: "SOCIAL_CARE"]]
        design.lots[0].remove("minTurnoverPence")
        design.lots[1] = design.lots[1] + [valueInclVatPence: 20_000_000, terms: [mainSubjectMatter: "SOCIAL_CARE"]]
        def published = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner)
        assert published.status == HttpStatus.OK: published.body
        round = published.body.round
        lot = round.lots[0]
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 28_000_000))
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 25_000_000))
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        api("GET", "/api/rounds/$round.id/tenders", who.evaluator).body.each { t ->
            ["evaluator", "evaluator2"].each { e ->
                assert api("POST", "/api/tenders/$t.id/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Section 2")).status == HttpStatus.CREATED
            }
        }
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status == HttpStatus.OK
        clock.set(Instant.parse("2026-12-29T10:00:00Z"))
        assert api("PUT", "/api/rounds/$round.id/due-regard", who.commissioner, RoundFixture.delegatedDecisionRecord()).status == HttpStatus.OK
        round.partners.each { p ->
            assert api("POST", "/api/rounds/$round.id/award/sign-offs/$p.id", who.commissioner, [signatory: "Director", signatoryRole: "Director"]).status == HttpStatus.CREATED
        }
        String report = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).headers["x-document-id"]

        when:
        def decided = api("POST", "/api/rounds/$round.id/lots/$lot.id/decision", who.commissioner, [decidedOn: "2026-12-29", reportDocumentId: report])

        then:
        decided.status == HttpStatus.CREATED
    }

    def "the award notice is published before any summary and without a standstill: AW-05 and AW-06 flag them, and the notice records the rules that governed it"() {
        given:
        clock.set(Instant.parse("2026-12-30T10:00:00Z"))

        when:
        def notice = api("POST", "/api/rounds/$round.id/award-notice", who.commissioner, [publishedOn: "2026-12-30", voluntaryStandstill: false])
        def flagged = findingsOf("NOTICE PUBLISHED").findAll { it.ruleId == "AW-06" }
        def unsent = findingsOf("NOTICE PUBLISHED").findAll { it.ruleId == "AW-05" }

        then:
        notice.status == HttpStatus.CREATED
        notice.body.scope == "BELOW_THRESHOLD"
        notice.body.scopeReason.contains("below the light-touch threshold")
        !notice.body.mandatory
        !notice.body.voluntary
        notice.body.lastDay == null
        notice.body.contractFrom == "2026-12-30"
        notice.body.lots.every { !it.mandatory && !it.observed }
        flagged*.severity == ["FLAG"]
        unsent*.severity == ["FLAG"]
        unsent[0].message.contains("The Act's sequence does not apply, because the round is worth £500,000")
        flagged[0].message.contains("No standstill is mandatory, because the round is worth £500,000")
        count("award_notice", "round_id = ? and scope = 'BELOW_THRESHOLD'", UUID.fromString(round.id as String)) == 1

        and: "the public award page says which rules it was let under"
        new String(api("GET", "/awards/$round.id").bytes, "UTF-8").contains("Below the procurement threshold: the round is worth £500,000, below the light-touch threshold")
    }

    def "the summaries are sent after the notice, as the Act's order does not bind here, and say that no standstill is required by law"() {
        when:
        def sent = api("POST", "/api/rounds/$round.id/assessment-summaries", who.commissioner)
        def contents = sql.query("select content::text from assessment_summary where round_id = ?", { rs -> rs.getString(1) } as Sql.Row,
                UUID.fromString(round.id as String))

        then:
        sent.status == HttpStatus.OK || sent.status == HttpStatus.CREATED
        contents.size() == 2
        contents.every { it.contains("No standstill is required by law, because the round is worth £500,000, below the light-touch threshold") }
        contents.every { !it.contains("s51") }
    }

    def "the contract is entered into the same day; AW-08 names the regulated below-threshold contract's notice, not the Act's contract details notice for covered contracts"() {
        when:
        def signed = api("POST", "/api/rounds/$round.id/contract-signed", who.commissioner, [signedOn: "2026-12-30"])
        def notices = findingsOf("CONTRACT ENTERED INTO").findAll { it.ruleId == "AW-08" }

        then:
        signed.status == HttpStatus.OK || signed.status == HttpStatus.CREATED
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "AWARDED"
        notices*.severity == ["INFO"]
        notices[0].message.contains("regulated below-threshold contract")
    }
}
