package org.levelfield.award.application;

import java.util.List;
import java.util.UUID;

import org.levelfield.award.model.AwardCalculation;
import org.levelfield.award.model.RobustnessCheck;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;

/**
 * The results of a computed award, lot by lot and tender by tender: every criterion's evaluator
 * scores, consensus and rule cap (in its lines), the gateways passed or failed, the weighted total,
 * the rank, and every finding about the tender; per lot the findings about the lot and its
 * robustness check.
 */
public record LotResults(UUID roundId, String rulesetVersion, List<Lot> lots) {


    public record Lot(UUID lotId, String lot, String outcome, UUID provisionalWinner, Long lowestCompliantPricePence,
                      List<TenderLine> tenders, List<Finding> lotFindings, RobustnessCheck.Report robustness) {
    }

    /**
     * One tender's result. A disqualified tender has no total and no rank, and says why it is out
     * ("disqualified: …", one reason per rule that took it out).
     */
    public record TenderLine(UUID tenderId, String bidder, long pricePence, Integer rank, java.math.BigDecimal total, boolean disqualified,
                             List<String> disqualifiedBecause, List<Gateway> gateways, List<AwardCalculation.CriterionLine> criteria,
                             List<Finding> findings) {
    }

    public record Gateway(String ruleId, boolean passed, String reason) {
    }

    /**
     * @param gateways the rules that can take a tender out, as the round's ruleset declares them
     *                 ({@link org.levelfield.rules.engine.Ruleset#disqualifying}): each tender shows whether it passed each
     */
    public static LotResults of(AwardResult award, java.util.SortedSet<String> gateways) {
        List<Lot> lots = award.lots().stream().map(l -> new Lot(l.lotId(), l.lot(), l.outcome(), l.provisionalWinner(), l.lowestCompliantPricePence(),
                l.tenders().stream().map(t -> tender(t, award.findings(), gateways)).toList(),
                award.findings().stream().filter(f -> "lot".equals(f.subjectType()) && f.subjectId().equals(l.lotId().toString())).toList(),
                award.robustness() == null ? null : award.robustness().stream().filter(r -> r.lotId().equals(l.lotId())).findFirst().orElse(null)))
                .toList();
        return new LotResults(award.roundId(), award.rulesetVersion(), lots);
    }

    private static TenderLine tender(AwardCalculation.TenderResult t, List<Finding> findings, java.util.SortedSet<String> gateways) {
        List<Finding> own = findings.stream().filter(f -> "tender".equals(f.subjectType()) && f.subjectId().equals(t.tenderId().toString())).toList();
        List<Gateway> passed = gateways.stream().map(rule -> own.stream()
                .filter(f -> f.ruleId().equals(rule) && f.severity() == Severity.FAIL).findFirst()
                .map(f -> new Gateway(rule, false, f.message()))
                .orElse(new Gateway(rule, true, null))).toList();
        List<String> because = t.disqualifiedBecause() == null ? List.of() : t.disqualifiedBecause().stream().map(r -> "disqualified: " + r).toList();
        return new TenderLine(t.tenderId(), t.bidder(), t.pricePence(), t.rank(), t.disqualified() ? null : t.total(), t.disqualified(), because,
                passed, t.lines(), own);
    }
}
