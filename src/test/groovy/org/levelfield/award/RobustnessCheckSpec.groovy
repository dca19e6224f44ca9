package org.levelfield.award

import org.levelfield.award.model.AwardCalculation
import org.levelfield.award.model.AwardCalculation.CriterionSpec
import org.levelfield.award.model.AwardCalculation.EvaluatorScore
import org.levelfield.award.model.AwardCalculation.TenderInput
import org.levelfield.award.model.RobustnessCheck
import spock.lang.Specification

/** The robustness check re-ranks a lot under other formulas, weights and panels, and says whether the winner holds. */
class RobustnessCheckSpec extends Specification {

    UUID price = UUID.randomUUID()
    UUID quality = UUID.randomUUID()
    UUID eve = UUID.randomUUID()
    UUID esi = UUID.randomUUID()
    UUID ezra = UUID.randomUUID()
    List<CriterionSpec> criteria = [new CriterionSpec(price, "Price", "PRICE", null, 30.0), new CriterionSpec(quality, "Quality", "QUALITY", null, 70.0)]

    TenderInput tender(String bidder, long pence, List<Integer> scores) {
        def panel = [[eve, "Eve"], [esi, "Esi"], [ezra, "Ezra"]]
        new TenderInput(UUID.randomUUID(), bidder, pence, [(quality): (0..2).collect { new EvaluatorScore(panel[it][0], panel[it][1], scores[it], "Section 2") }])
    }

    RobustnessCheck.Report check(List<TenderInput> tenders) {
        def base = AwardCalculation.calculate(UUID.randomUUID(), "Lot 1", 5, criteria, tenders, [:])
        RobustnessCheck.check(base, 5, criteria, tenders, [:])
    }

    def "a winner carried by one evaluator's scores is reported as not stable, naming the scenario"() {
        when:
        def report = check([tender("Alpha", 100_000, [5, 5, 1]), tender("Beta", 100_000, [3, 3, 4])])

        then:
        report.winner() == "Alpha"
        report.margin() == 4.66  // 81.33 - 76.67: leads are taken between the rounded totals
        !report.stable()
        def withoutEve = report.scenarios().find { it.name() == "Eve left out" }
        !withoutEve.sameWinner()
        withoutEve.winner() == "Beta"
        report.scenarios().find { it.name() == "Ezra left out" }.sameWinner()
        report.summary().contains("Eve left out (Beta)")
    }

    def "a clear winner stays the winner under every scenario, and the smallest lead is reported"() {
        when:
        def report = check([tender("Alpha", 100_000, [5, 5, 4]), tender("Beta", 90_000, [2, 2, 3])])

        then:
        report.stable()
        report.scenarios()*.name().containsAll(["price scored by linear deviation from the lowest instead of lowest ÷ price",
                                                "'Quality' weight 70 → 75", "'Quality' weight 70 → 65", "'Price' weight 30 → 35", "'Price' weight 30 → 25",
                                                "Eve left out", "Esi left out", "Ezra left out"])
        report.scenarios().size() == 8
        report.smallestMargin() > 0
        report.summary().startsWith("Alpha stays the winner in all 8 scenarios")
    }

    def "moving a weight rescales the others so the total stays 100"() {
        when:
        def shifted = RobustnessCheck.shift(criteria, criteria[0], 5.0)

        then:
        shifted*.weight().sum() == 100
        shifted[0].weight() == 35
        shifted[1].weight() == 65
    }

    def "with no provisional winner there is nothing to test"() {
        when:
        def report = check([tender("Alpha", 100_000, [3, 3, 3]), tender("Beta", 100_000, [3, 3, 3])])

        then:
        report.winner() == null
        !report.stable()
        report.summary() == "No provisional winner, so there is nothing to test."
    }
}
