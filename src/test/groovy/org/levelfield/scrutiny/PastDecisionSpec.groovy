package org.levelfield.scrutiny

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.common.database.Sql
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

/**
 * Issue 17, part 3: a scrutiny member enters a round decided in 2009 as a record and has it reviewed under the law of
 * its day: the race, disability and gender duties then in force, the 2006 procurement regulations, and EQ-04 as good
 * practice. The record is never changed, and the review's findings are stored apart.
 */
@MicronautTest(transactional = false)
class PastDecisionSpec extends IntegrationSpec {

    /** A 2008-09 round: design approved 1 October 2008, notice 3 November 2008, decided 12 June 2009. */
    static Map pastRound() {
        def round = RoundFixture.aRound(java.time.Instant.parse("2009-01-15T12:00:00Z"), java.time.LocalDate.parse("2008-11-03"))
        round.title = "Eastshire domestic abuse services 2009"
        round.partners.each { p -> p.budgetLines = [[financialYear: "2009/10", amountPence: p.budgetLines[0].amountPence]] }
        round.eqia = [assessedOn: "2008-09-15", relevance: "HIGH", entries: [
                [characteristic: "RACE", limb: "ELIMINATE_DISCRIMINATION", evidence: "2007 needs assessment", impact: "Positive"],
                [characteristic: "RACE", limb: "PROMOTE_EQUALITY_AND_GOOD_RELATIONS", evidence: "2007 needs assessment", impact: "Positive"],
                [characteristic: "SEX", limb: "ELIMINATE_DISCRIMINATION_AND_HARASSMENT", evidence: "2007 needs assessment", impact: "Positive"],
                [characteristic: "SEX", limb: "PROMOTE_EQUALITY", evidence: "2007 needs assessment", impact: "Positive"]]]
        round.details = RoundFixture.goodDetails(java.time.LocalDate.parse("2008-09-20"))
        [decisionDate    : "2009-06-12",
         designApprovedOn: "2008-10-01",
         noticeDate      : "2008-11-03",
         decision        : "Community outreach awarded to Eastside Women's Aid; Deaf and disabled survivors to Signs of Safety",
         source          : "Cabinet minutes, 12 June 2009, item 7",
         round           : round,
         tenders         : [[lot: "Community outreach", bidder: "Eastside Women's Aid", awarded: true, dutyScores: [RACE: 3, DISABILITY: 2, SEX: 4, OTHER: 3]],
                            [lot: "Deaf and disabled survivors", bidder: "Signs of Safety", awarded: true, dutyScores: [RACE: 4, DISABILITY: 5, SEX: 4]]]]
    }

    def "a 2009 decision is reviewed under the duties and procurement law of 2008-09, and the record is left as entered"() {
        given:
        def scrutiny = people().scrutiny
        def roundsBefore = count("select count(*) from round")

        when:
        def entered = api("POST", "/api/scrutiny/past-decisions", scrutiny, pastRound())
        def review = entered.body.reviews[0]
        def regime = (review.design + review.scoring).findAll { it.ruleId.startsWith("REG-") }*.message.unique()
        def stored = recordText(entered.body.id)

        then: "the duties of 2008 (design) and 2009 (decision): race, disability and gender, not s149"
        entered.status == HttpStatus.CREATED
        review.designDate == "2008-10-01"
        review.decisionDate == "2009-06-12"
        regime.any { it.startsWith("Decision dated 2008-10-01: the race equality duty applies") }
        regime.any { it.startsWith("Decision dated 2008-10-01: the disability equality duty applies") }
        regime.any { it.startsWith("Decision dated 2008-10-01: the gender equality duty applies") }
        regime.any { it.startsWith("Decision dated 2009-06-12: the gender equality duty applies") }
        !regime.any { it.contains("Equality Act 2010 s149") }

        and: "the procurement law from when it began: the 2006 regulations, not the Procurement Act"
        regime.any { it.contains("Procurement commenced 2008-11-03: the Public Contracts Regulations 2006 apply") }
        regime.any { it.startsWith("Procurement commenced 3 November 2008, before the light-touch regime of the 2015 regulations: social and other specific services were then Part B services") }
        !regime.any { it.contains("light-touch threshold of") }
        !(review.design + review.scoring).any { it.citation.contains("Procurement Act 2023") && it.severity in ["BLOCK", "WARN"] }

        and: "the EqIA is read against the duties of its day: the disability duty's six limbs are missing, s149's are not asked for"
        def rd02 = review.design.find { it.ruleId == "RD-02" && it.severity == "BLOCK" && it.message.contains("Disability equality duty") }
        rd02.message.contains("does not address 6 of the 6 needs of the Disability equality duty (Disability Discrimination Act 1995 s49A)")
        !review.design.any { it.ruleId == "RD-02" && it.message.contains("Public sector equality duty") }

        and: "other characteristics were good practice in 2009 (EQ-04 at L5); the disability score of 2 is at the policy-only anchor"
        def eq04 = review.scoring.find { it.ruleId == "EQ-04" }
        eq04.force == "L5"
        eq04.message.contains("good practice then, not a statutory duty")
        def eq02 = review.scoring.find { it.ruleId == "EQ-02" && it.subjectLabel.contains("Eastside Women's Aid") }
        eq02.force == "L1"
        eq02.citation.startsWith("Disability Discrimination Act 1995 s49A")
        eq02.message.endsWith("Measured against the disability equality duty (Disability Discrimination Act 1995 s49A), in force on the decision of 12 June 2009.")

        when: "it is reviewed again"
        def again = api("POST", "/api/scrutiny/past-decisions/$entered.body.id/reviews", scrutiny)
        def read = api("GET", "/api/scrutiny/past-decisions/$entered.body.id", scrutiny).body

        then: "a second review is stored beside the first; the record and the rounds are untouched"
        again.status == HttpStatus.CREATED
        read.reviews.size() == 2
        recordText(entered.body.id) == stored
        count("select count(*) from round") == roundsBefore
        read.record.round.title == "Eastshire domestic abuse services 2009"
    }

    def "the service cannot change or remove a record or its reviews"() {
        given:
        def entered = api("POST", "/api/scrutiny/past-decisions", people().scrutiny, pastRound()).body

        when:
        sql.update("update past_decision set title = 'Rewritten' where id = ?", UUID.fromString(entered.id))

        then:
        thrown(Exception)

        when:
        sql.update("delete from past_decision_review where past_decision_id = ?", UUID.fromString(entered.id))

        then:
        thrown(Exception)
        recordText(entered.id).contains("Eastshire domestic abuse services 2009")
    }

    def "#problem is refused, naming the field, and nothing is stored"() {
        given:
        def scrutiny = people().scrutiny
        def before = count("select count(*) from past_decision")
        def record = pastRound()
        change(record)

        when:
        def refused = api("POST", "/api/scrutiny/past-decisions", scrutiny, record)

        then:
        refused.status == HttpStatus.BAD_REQUEST
        refused.body.errors*.field.contains(field)
        count("select count(*) from past_decision") == before

        where:
        problem                                  | field                         | change
        "a decision date still to come"          | "decisionDate"                | { it.decisionDate = "2099-01-01" }
        "no decision date"                       | "decisionDate"                | { it.remove("decisionDate") }
        "a notice after the decision"            | "noticeDate"                  | { it.noticeDate = "2009-07-01" }
        "a tender for a lot the round lacks"     | "tenders[0].lot"              | { it.tenders[0].lot = "Refuge" }
        "a score off the scale"                  | "tenders[1].dutyScores.RACE"  | { it.tenders[1].dutyScores.RACE = 7 }
        "a round without a title"                | "round.title"                 | { it.round.remove("title") }
        "a field no record has"                  | "verdict"                     | { it.verdict = "upheld" }
    }

    def "only scrutiny members and admins enter past decisions"() {
        given:
        def who = people()

        expect:
        api("POST", "/api/scrutiny/past-decisions", who.commissioner, pastRound()).status == HttpStatus.FORBIDDEN
        api("POST", "/api/scrutiny/past-decisions", who.bidder, pastRound()).status == HttpStatus.FORBIDDEN
        api("GET", "/api/scrutiny/past-decisions", who.evaluator).status == HttpStatus.FORBIDDEN
        api("POST", "/api/scrutiny/past-decisions", who.admin, pastRound()).status == HttpStatus.CREATED
    }

    long count(String query) {
        sql.one(query, { rs -> rs.getLong(1) } as Sql.Row).orElseThrow()
    }

    String recordText(Object id) {
        sql.one("select record::text from past_decision where id = ?", { rs -> rs.getString(1) } as Sql.Row, UUID.fromString(id as String)).orElseThrow()
    }
}
