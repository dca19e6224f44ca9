package org.levelfield.award

import org.levelfield.award.model.AwardCalculation
import org.levelfield.award.model.AwardCalculation.CriterionSpec
import org.levelfield.award.model.AwardCalculation.EvaluatorScore
import org.levelfield.award.model.AwardCalculation.TenderInput
import spock.lang.Specification

/** The published method: weighted scores, the price formula, rounding, ranking and ties. */
class AwardCalculationSpec extends Specification {

    static final UUID PRICE = UUID.randomUUID()
    static final UUID QUALITY = UUID.randomUUID()
    static final List<CriterionSpec> CRITERIA = [
            new CriterionSpec(PRICE, "Price", "PRICE", null, 40.0),
            new CriterionSpec(QUALITY, "Quality", "QUALITY", null, 60.0)]

    static TenderInput tender(String bidder, long price, List<Integer> quality) {
        new TenderInput(UUID.randomUUID(), bidder, price,
                [(QUALITY): quality.withIndex().collect { s, i -> new EvaluatorScore(UUID.randomUUID(), "E$i", s, "reason $i") }])
    }

    def "a tender priced at #price with quality scores #quality totals #total"() {
        given:
        def cheapest = tender("Cheapest", 100_000, [3])
        def other = tender("Other", price, quality)

        when:
        def result = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, CRITERIA, [cheapest, other], [:])

        then:
        result.tenders().find { it.bidder() == "Other" }.total() == total

        where:
        price   | quality   || total
        100_000 | [5]       || 100.00   // 40 + 60
        200_000 | [5]       || 80.00    // 20 + 60
        300_000 | [4, 5, 4] || 65.33    // 13.333… + 52 (mean 4.333… of 5 x 60), rounded once
        150_000 | [0]       || 26.67    // 26.666…
    }

    def "the lowest price is taken only among tenders that are not disqualified"() {
        given:
        def cheap = tender("Cheap but disqualified", 50_000, [5])
        def fair = tender("Fair", 100_000, [4])

        when:
        def result = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, CRITERIA, [cheap, fair], [(cheap.tenderId()): ["EQ-05: gateway"]])

        then:
        result.lowestCompliantPricePence() == 100_000
        with(result.tenders().find { it.bidder() == "Fair" }) { total() == 88.00; rank() == 1 }
        with(result.tenders().find { it.bidder() == "Cheap but disqualified" }) { disqualified(); rank() == null }
        result.provisionalWinner() == fair.tenderId()
    }

    def "equal totals share a rank and leave no provisional winner"() {
        when:
        def result = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, CRITERIA,
                [tender("A", 100_000, [4]), tender("B", 100_000, [4]), tender("C", 200_000, [4])], [:])

        then:
        result.tenders()*.rank() == [1, 1, 3]
        result.provisionalWinner() == null
        result.outcome().contains("Tie for first")
    }

    def "a tie for first is broken only by the published cascade, step by step"() {
        given: "equal totals: Alpha has the better equality score, Beta the lower price"
        UUID eq = UUID.randomUUID()
        def criteria = [new CriterionSpec(PRICE, "Price", "PRICE", null, 40.0), new CriterionSpec(QUALITY, "Quality", "QUALITY", null, 40.0),
                        new CriterionSpec(eq, "Race equality", "EQUALITY", "RACE", 20.0)]
        def score = { int v -> [new EvaluatorScore(UUID.randomUUID(), "E", v, "reason")] }
        def alpha = new TenderInput(UUID.randomUUID(), "Alpha", 100_000, [(QUALITY): score(3), (eq): score(5)])
        def beta = new TenderInput(UUID.randomUUID(), "Beta", 100_000, [(QUALITY): score(5), (eq): score(1)])

        when:
        def none = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, criteria, [alpha, beta], [:], AwardCalculation.PriceFormula.RATIO, [])
        def equalityFirst = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, criteria, [alpha, beta], [:], AwardCalculation.PriceFormula.RATIO,
                ["EQUALITY_SCORE", "QUALITY_SCORE"])
        def qualityFirst = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, criteria, [alpha, beta], [:], AwardCalculation.PriceFormula.RATIO,
                ["QUALITY_SCORE", "EQUALITY_SCORE"])
        def priceOnly = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, criteria, [alpha, beta], [:], AwardCalculation.PriceFormula.RATIO,
                ["LOWER_PRICE"])

        then: "both total 84.00 (40 + 24 + 20 and 40 + 40 + 4)"
        none.tenders()*.total() == [84.00, 84.00]
        none.provisionalWinner() == null
        none.tieBrokenBy() == null
        equalityFirst.provisionalWinner() == alpha.tenderId()
        equalityFirst.tieBrokenBy() == "EQUALITY_SCORE"
        equalityFirst.tenders()*.rank() == [1, 2]
        equalityFirst.outcome().contains("broken by the published step EQUALITY_SCORE")
        and: "total quality (every non-price criterion) is 44 for both, so that step passes the tie on to the next"
        qualityFirst.provisionalWinner() == alpha.tenderId()
        qualityFirst.tieBrokenBy() == "EQUALITY_SCORE"

        and: "a step that does not separate them leaves the tie, with no award"
        priceOnly.provisionalWinner() == null
        priceOnly.tieBrokenBy() == null
    }

    def "a tie-break step may be a published sum of named criteria (issue 13, 2.6)"() {
        given: "equal totals; Alpha leads on race and disability together, Beta on sex and quality together"
        UUID race = UUID.randomUUID(), disability = UUID.randomUUID(), sex = UUID.randomUUID()
        def criteria = [new CriterionSpec(PRICE, "Price", "PRICE", null, 40.0), new CriterionSpec(QUALITY, "Quality", "QUALITY", null, 30.0),
                        new CriterionSpec(race, "Race equality", "EQUALITY", "RACE", 10.0),
                        new CriterionSpec(disability, "Disability equality", "EQUALITY", "DISABILITY", 10.0),
                        new CriterionSpec(sex, "Sex equality", "EQUALITY", "SEX", 10.0)]
        def score = { int v -> [new EvaluatorScore(UUID.randomUUID(), "E", v, "reason")] }
        def alpha = new TenderInput(UUID.randomUUID(), "Alpha", 100_000, [(QUALITY): score(3), (race): score(5), (disability): score(5), (sex): score(1)])
        def beta = new TenderInput(UUID.randomUUID(), "Beta", 100_000, [(QUALITY): score(3), (race): score(3), (disability): score(3), (sex): score(5)])

        when:
        def result = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, criteria, [alpha, beta], [:], AwardCalculation.PriceFormula.RATIO,
                ["SUM_OF: Race equality + Disability equality"])
        def otherSum = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, criteria, [alpha, beta], [:], AwardCalculation.PriceFormula.RATIO,
                ["SUM_OF: Sex equality + Quality"])

        then: "both total 80.00 (40 + 18 + 10 + 10 + 2 and 40 + 18 + 6 + 6 + 10)"
        result.tenders()*.total() == [80.00, 80.00]
        result.provisionalWinner() == alpha.tenderId()
        result.tieBrokenBy() == "SUM_OF: Race equality + Disability equality"
        otherSum.provisionalWinner() == beta.tenderId()
    }

    def "a tie below first place is separated by the published cascade too, so no two losing bidders are told they share a rank"() {
        given: "Second and Third total the same; Third has the lower price"
        def first = tender("First", 100_000, [5])
        def second = tender("Second", 125_000, [4])   // 32 + 48 = 80
        def equalThird = new TenderInput(UUID.randomUUID(), "Third", 200_000, [(QUALITY): [new EvaluatorScore(UUID.randomUUID(), "E", 5, "r")]]) // 20 + 60 = 80

        when:
        def broken = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, CRITERIA, [first, second, equalThird], [:],
                AwardCalculation.PriceFormula.RATIO, ["LOWER_PRICE"])
        def unbroken = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, CRITERIA, [first, second, equalThird], [:],
                AwardCalculation.PriceFormula.RATIO, [])

        then: "with the cascade: 1, 2, 3 in the cascade's order; without one the tie stays and is shown"
        broken.tenders()*.total() == [100.00, 80.00, 80.00]
        broken.tenders()*.bidder() == ["First", "Second", "Third"]
        broken.tenders()*.rank() == [1, 2, 3]
        broken.provisionalWinner() == first.tenderId()
        broken.tieBrokenBy() == null
        unbroken.tenders()*.rank() == [1, 2, 2]
    }

    def "a step that separates only part of a tie for first ranks the rest below; the first share first while still tied"() {
        given: "three totals of 88: A and B at £1,000 with quality 4, C at £1,250 with quality 4.67"
        def s = { List<Integer> v -> v.collect { new EvaluatorScore(UUID.randomUUID(), "E", it, "r") } }
        def a = new TenderInput(UUID.randomUUID(), "A", 100_000, [(QUALITY): s([4, 4, 4])])   // 40 + 48
        def b = new TenderInput(UUID.randomUUID(), "B", 100_000, [(QUALITY): s([4, 4, 4])])
        def c = new TenderInput(UUID.randomUUID(), "C", 125_000, [(QUALITY): s([5, 5, 4])])   // 32 + 56

        when:
        def result = AwardCalculation.calculate(UUID.randomUUID(), "Lot", 5, CRITERIA, [a, b, c], [:], AwardCalculation.PriceFormula.RATIO, ["LOWER_PRICE"])

        then: "the price step puts C third; A and B stay tied for first, with no award"
        result.tenders()*.total() == [88.00, 88.00, 88.00]
        result.tenders()*.bidder() == ["A", "B", "C"]
        result.tenders()*.rank() == [1, 1, 3]
        result.provisionalWinner() == null
        result.tieBrokenBy() == null
    }

    def "the same inputs always give the same result"() {
        given:
        def tenders = [tender("A", 123_457, [3, 4]), tender("B", 99_999, [2, 5, 4])]

        expect:
        AwardCalculation.calculate(new UUID(1, 1), "Lot", 5, CRITERIA, tenders, [:]) ==
                AwardCalculation.calculate(new UUID(1, 1), "Lot", 5, CRITERIA, tenders, [:])
    }
}
