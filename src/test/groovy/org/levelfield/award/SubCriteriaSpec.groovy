package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.Browser
import org.levelfield.support.Journey
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Pdfs
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Criteria with sub-criteria (issue 13, 2.10; RD-09, EQ-05): an equality criterion divided into
 * race, disability and sex parts at equal, exact sub-weights (20/3 of 20 each) is entered as such;
 * bidders answer and evaluators score each part, the total counts each part at its exact weight, the
 * gateway reads the parts' duties, and sub-weights that do not add up are refused with nothing stored.
 */
@MicronautTest(transactional = false)
class SubCriteriaSpec extends IntegrationSpec {

    @Inject
    EmbeddedServer server

    static final Instant DEADLINE = Instant.parse("2026-12-21T12:00:00Z")

    /** Price 30, quality 50, and equality 20 divided into race, disability and sex at the sub-weights given. */
    static List<Map> dividedCriteria(List<String> subWeights = ["20/3", "20/3", "20/3"]) {
        [[title: "Price", kind: "PRICE", weight: 30],
         [title: "Service delivery and safety", kind: "QUALITY", weight: 50, wordLimit: 500, descriptors: "0 no response; 3 meets the specification; 5 excellent"],
         [title: "Equality", kind: "EQUALITY", weight: 20, wordLimit: 500, descriptors: "5 costed plan; 3 credible plan; 2 or less policy only",
          subCriteria: [[title: "Race", duty: "RACE", weight: subWeights[0]],
                        [title: "Disability", duty: "DISABILITY", weight: subWeights[1]],
                        [title: "Sex", duty: "SEX", weight: subWeights[2]]]]]
    }

    /** A round published on 1 October 2026 whose lot 2 divides its equality criterion into three exact thirds. */
    Map publishedWithThirds(Map who) {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[1].criteria = dividedCriteria()
        approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
    }

    /** Tenders from both bidders on lot 2 (£240,000 and £260,000); then the deadline passes, the round closes and the panel declares. */
    List<String> twoTendersClosed(Map who, Map round) {
        def lot = round.lots[1]
        def tenders = [who.bidder, who.bidder2].withIndex().collect { token, i ->
            api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", token, RoundFixture.tender(lot, 24_000_000 + i * 2_000_000)).body.tenderId as String
        }
        seatPanel(round, who)
        clock.set(DEADLINE.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        tenders
    }

    def "sub-weights that do not add up to the criterion's weight, or that cannot be read, are refused by field and no round is stored"() {
        given:
        def who = people()
        long before = count("round", "true")
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[0].criteria = dividedCriteria(["6", "6", "6"])
        def unreadable = RoundFixture.aRound(DEADLINE)
        unreadable.lots[1].criteria = dividedCriteria(["20/3", "twenty thirds", "20/0"])
        def onPrice = RoundFixture.aRound(DEADLINE)
        onPrice.lots[0].criteria = RoundFixture.criteria().collect { it.kind == "PRICE" ? it + [subCriteria: [[title: "A", weight: "15"], [title: "B", weight: "15"]]] : it }

        when:
        def short18 = api("POST", "/api/rounds", who.commissioner, design)
        def bad = api("POST", "/api/rounds", who.commissioner, unreadable)
        def price = api("POST", "/api/rounds", who.commissioner, onPrice)

        then:
        short18.status == HttpStatus.BAD_REQUEST
        short18.body.errors.find { it.field == "lots[0].criteria[2].subCriteria" }.message.contains("the sub-weights add up to 18 but the criterion weighs 20")
        bad.status == HttpStatus.BAD_REQUEST
        bad.body.errors*.field.containsAll(["lots[1].criteria[2].subCriteria[1].weight", "lots[1].criteria[2].subCriteria[2].weight"])
        bad.body.errors.find { it.field == "lots[1].criteria[2].subCriteria[1].weight" }.message.contains("got 'twenty thirds'")
        price.status == HttpStatus.BAD_REQUEST
        price.body.errors.find { it.field == "lots[0].criteria[0].subCriteria" }.message.contains("cannot be divided")
        count("round", "true") == before
    }

    def "an equality criterion in three exact thirds is published, answered and scored part by part, and totalled at its exact weights"() {
        given: "lot 1 divides its equality criterion of 20 into race, disability and sex at 20/3 each; a SUM_OF tie-break names the criterion"
        def who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def design = RoundFixture.aRound(DEADLINE)
        design.lots[0].criteria = dividedCriteria()
        design.lots[1].criteria = dividedCriteria()
        design.details = design.details + [tieBreak: ["SUM_OF: Equality", "LOWER_PRICE"]]
        def draft = api("POST", "/api/rounds", who.commissioner, design)
        assert draft.status == HttpStatus.CREATED: "the design was refused: $draft"
        def published = approveAndPublish(draft.body, who.commissioner)
        assert published.status == HttpStatus.OK: "publication failed: $published"
        def round = published.body.round
        def lot = round.lots[1]
        def parts = lot.criteria.findAll { it.parentId != null }

        expect: "the parts are published under their criterion, with their exact weight; the criterion itself is not scored"
        parts*.title == ["Race", "Disability", "Sex"]
        parts*.subWeight == ["20/3", "20/3", "20/3"]
        parts.every { it.parentId == lot.criteria.find { c -> c.title == "Equality" }.id && it.scored }
        !lot.criteria.find { it.title == "Equality" }.scored
        published.body.findings.findAll { it.ruleId in ["RD-09", "RD-10", "SS-05"] }.isEmpty()
        def page = new String(api("GET", "/rounds/$round.id", null).bytes, "UTF-8")
        page.contains("Equality: Race") && page.contains("20/3 of 20")

        when: "a bidder answers the criterion itself instead of its parts"
        def whole = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 24_000_000,
                [answers: [[criterionId: lot.criteria.find { it.title == "Equality" }.id, answer: "Our equality plan"]]]))

        then:
        whole.status == HttpStatus.BAD_REQUEST
        whole.body.errors.any { it.message.contains("is divided into sub-criteria; answer each of them instead") }

        when: "two tenders answer every part; after the deadline each is scored part by part"
        def cheap = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 24_000_000)).body.tenderId
        def dear = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 26_000_000)).body.tenderId
        seatPanel(round, who)
        clock.set(DEADLINE.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        def onWhole = api("POST", "/api/tenders/$cheap/scores", who.evaluator, [scores: [[criterionId: lot.criteria.find { it.title == "Equality" }.id, score: 4, reason: "Section 2"]]])
        ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$cheap/scores", who[e], RoundFixture.scores(lot, [RACE: 5, DISABILITY: 4, SEX: 3], 4, "Panel")).status == HttpStatus.CREATED
            assert api("POST", "/api/tenders/$dear/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
        }
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then: "the criterion itself cannot be scored; the moderation sheet names each part under its criterion"
        onWhole.status == HttpStatus.BAD_REQUEST
        api("GET", "/api/rounds/$round.id/moderation", who.commissioner).body.findAll { it.tenderId == cheap }*.criterion ==
                ["Service delivery and safety", "Equality: Race", "Equality: Disability", "Equality: Sex"]
        onWhole.body.errors[0].message.contains("is divided into sub-criteria; score each of")

        and: "each part earns score / 5 x 20/3, divided once: 20/3 x 12/5 = 16 for both; price 30 and 30 x 24/26; quality 40"
        award.status == HttpStatus.OK
        def tenders = award.body.lots[1].tenders
        tenders.find { it.tenderId == cheap }.total == 86.00
        tenders.find { it.tenderId == dear }.total == 83.69
        def lines = tenders.find { it.tenderId == cheap }.lines
        lines*.title == ["Price", "Service delivery and safety", "Equality: Race", "Equality: Disability", "Equality: Sex"]
        lines.findAll { it.group == "Equality" }*.weighted.sum() == 16

        and: "the justification prints the parts with their exact weights"
        def pdf = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)
        def text = Pdfs.text(pdf.bytes)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "sub-criteria-justification.pdf"), pdf.bytes as byte[])
        text.contains("20/3 of 20")
        text.contains("Equality: Race")
    }

    def "the equality gateway reads the parts' duties: a sex part scored 1 fails the tender under EQ-05"() {
        given:
        def who = people()
        def round = publishedWithThirds(who)
        def lot = round.lots[1]
        def (weak, strong) = twoTendersClosed(who, round)
        ["evaluator", "evaluator2"].each { e ->
            api("POST", "/api/tenders/$weak/scores", who[e], RoundFixture.scores(lot, [RACE: 5, DISABILITY: 5, SEX: 1], 5, "Panel"))
            api("POST", "/api/tenders/$strong/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel"))
        }

        when:
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        award.status == HttpStatus.OK
        award.body.findings.any { it.ruleId == "EQ-05" && it.subjectId == weak && it.severity == "FAIL" }
        award.body.lots[1].tenders.find { it.tenderId == weak }.disqualified
        award.body.lots[1].provisionalWinner == strong

        and: "the justification gives the disqualified tender no total and no rank, only why it is out (issue 13, 2.12)"
        def partial = award.body.lots[1].tenders.find { it.tenderId == weak }.total as String
        def text = Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).bytes).replaceAll(/\s+/, " ")
        text.contains("disqualified, so it has no total and no rank")
        text.contains("Disqualified. EQ-05")
        !text.contains("total $partial")
    }

    def "a point of a reason outside the published criteria and sub-criteria blocks the award (SC-12) until the score is given again"() {
        given:
        def who = people()
        def round = publishedWithThirds(who)
        def lot = round.lots[1]
        def quality = lot.criteria.find { it.title == "Service delivery and safety" }
        def race = lot.criteria.find { it.title == "Race" }
        def tenders = twoTendersClosed(who, round)
        tenders.each { t -> ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$t/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
        } }
        def pointed = { List points -> [scores: [[criterionId: quality.id, score: 5, reason: "Section 2 covers safety planning in depth", points: points]]] }

        when: "a point names no criterion at all, or something that is not a criterion of this lot"
        long scoresBefore = count("score", "tender_id = ?", UUID.fromString(tenders[0]))
        def unnamed = api("POST", "/api/tenders/${tenders[0]}/scores", who.evaluator, pointed([[point: "Strong safety plan"]]))
        def elsewhere = api("POST", "/api/tenders/${tenders[0]}/scores", who.evaluator, pointed([[point: "Strong safety plan", addresses: UUID.randomUUID().toString()]]))

        then: "refused by field, saying what a point may address, and no score is stored"
        [unnamed, elsewhere].every { it.status == HttpStatus.BAD_REQUEST }
        count("score", "tender_id = ?", UUID.fromString(tenders[0])) == scoresBefore
        unnamed.body.errors[0].field == "scores[0].points[0].addresses"
        unnamed.body.errors[0].message.contains("or NOT_PUBLISHED if it addresses none of them")

        when: "the evaluator records that one point of the reason relies on a dedicated project manager, which was never published"
        def honest = api("POST", "/api/tenders/${tenders[0]}/scores", who.evaluator, pointed([
                [point: "Section 2: safety plans reviewed weekly", addresses: quality.id],
                [point: "a dedicated project manager", addresses: "NOT_PUBLISHED"]]))
        def refused = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then: "the award is refused by SC-12, quoting the point; nothing is stored"
        honest.status == HttpStatus.CREATED
        refused.status == HttpStatus.UNPROCESSABLE_ENTITY
        def block = refused.body.findings.find { it.ruleId == "SC-12" }
        block.severity == "BLOCK"
        block.subjectId == tenders[0]
        block.message.contains('relies on "a dedicated project manager", which is not a published criterion or sub-criterion')
        count("award_computation", "round_id = ?", UUID.fromString(round.id as String)) == 0

        when: "the score is given again on published matters only, one point addressing a sub-criterion"
        def again = api("POST", "/api/tenders/${tenders[0]}/scores", who.evaluator, [scores: [
                [criterionId: quality.id, score: 5, reason: "Section 2 covers safety planning in depth",
                 points: [[point: "Section 2: safety plans reviewed weekly", addresses: quality.id]]],
                [criterionId: race.id, score: 4, reason: "Section 4 sets out interpreters and by and for partners",
                 points: [[point: "Section 4: interpreters in 12 languages", addresses: race.id]]]]])
        def award = api("POST", "/api/rounds/$round.id/award", who.commissioner)

        then:
        again.status == HttpStatus.CREATED
        award.status == HttpStatus.OK
        !award.body.findings.any { it.ruleId == "SC-12" }

        and: "the justification prints each point with the published criterion it addresses"
        def text = Pdfs.text(api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner).bytes).replaceAll(/\s+/, " ")
        text.contains("Points: 1. Section 4: interpreters in 12 languages (Equality: Race).")
        text.contains("Points: 1. Section 2: safety plans reviewed weekly (Service delivery and safety).")
    }

    def "in Chromium, the round page and a part's answer page show the part under its criterion with its exact weight, pass axe and fit a small phone"() {
        given:
        def who = people()
        def round = publishedWithThirds(who)
        def lot = round.lots[1]
        def race = lot.criteria.find { it.title == "Race" }
        Instant then = clock.instant()
        clock.followSystemClock()
        def texts = [:]
        def narrow = []
        def violations = [:]

        when:
        [1000, 320].each { width ->
            def browser = new Browser(width)
            try {
                def j = new Journey(browser, server.URL.toString(), false)
                j.open("/rounds/$round.id")
                j.check("sub-criteria-w$width-round")
                texts["round"] = j.text()
                if (!j.fitsWidth()) narrow << "$width round"
                j.signIn(api("GET", "/api/me", who.bidder).body.username as String, PASSWORD)
                j.open("/rounds/$round.id/lots/$lot.id/tender/answers/$race.id")
                j.check("sub-criteria-w$width-answer")
                texts["answer"] = j.text()
                if (!j.fitsWidth()) narrow << "$width answer"
                violations.putAll(j.violations)
            } finally {
                browser.quit()
            }
        }
        clock.set(then)

        then:
        texts.round.contains("Equality: Race")
        texts.round.contains("20/3 of 20")
        texts.round.contains("Scored in the parts below")
        texts.answer.contains("Equality: Race")
        texts.answer.contains("This part of 'Equality' carries 20/3 of its 20% of the marks")
        violations.isEmpty()
        narrow.isEmpty()
    }
}
