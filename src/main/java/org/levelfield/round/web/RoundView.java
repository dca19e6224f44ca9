package org.levelfield.round.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Eqia;
import org.levelfield.round.model.SignOff;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;

/** A round as the API shows it, with the pooled total and each partner's share. */
public record RoundView(UUID id, String title, String description, String status, List<String> allowedActions,
                        LocalDate commencementDate, Instant tenderDeadline, Instant createdAt, Instant designApprovedAt,
                        Instant publishedAt, Instant closedAt, String cancelledReason, String rulesetVersion, long pooledTotalPence,
                        List<PartnerView> partners, List<LotView> lots, Eqia eqia) {

    public record PartnerView(UUID id, String name, String type, boolean lead, long contributionPence, BigDecimal sharePercent,
                              List<Partner.BudgetLine> budgetLines, SignOff signOff) {
    }

    public record LotView(UUID id, String title, long valueInclVatPence, long annualValuePence, int termMonths,
                          Long minTurnoverPence, String turnoverJustification, String eligibilityRestriction,
                          String reservationBasis, boolean requiresAuditedAccounts, String insuranceTiming,
                          List<CriterionView> criteria) {
    }

    /**
     * @param parentId  for a sub-criterion, the criterion it is part of; null otherwise
     * @param subWeight for a sub-criterion, its weight exactly ("10/3"); null otherwise
     * @param scored    whether evaluators score it (false for price and for a criterion divided into sub-criteria)
     */
    public record CriterionView(UUID id, String title, String kind, String duty, BigDecimal weight, String descriptors,
                                Integer wordLimit, String assesses, String scoringBasis, String methodology, Integer minScore,
                                UUID parentId, String subWeight, boolean scored) {
    }

    public static RoundView of(Round r) {
        return new RoundView(r.id(), r.title(), r.description(), r.status().name(), r.status().allowedActions(),
                r.commencementDate(), r.tenderDeadline(), r.createdAt(), r.designApprovedAt(), r.publishedAt(), r.closedAt(),
                r.cancelledReason(), r.rulesetVersion(), r.pooledTotalPence(),
                r.partners().stream().map(p -> new PartnerView(p.id(), p.name(), p.type(), p.lead(), p.contributionPence(),
                        r.shareOf(p), p.budgetLines(), r.signOffs().stream().filter(s -> s.partnerId().equals(p.id())).findFirst().orElse(null)))
                        .toList(),
                r.lots().stream().map(RoundView::lot).toList(), r.eqia());
    }

    private static LotView lot(Lot l) {
        return new LotView(l.id(), l.title(), l.valueInclVatPence(), l.annualValuePence(), l.termMonths(), l.minTurnoverPence(),
                l.turnoverJustification(), l.eligibilityRestriction(), l.reservationBasis(), l.requiresAuditedAccounts(),
                l.insuranceTiming(), l.criteria().stream().map(c -> criterion(l, c)).toList());
    }

    private static CriterionView criterion(Lot l, Criterion c) {
        return new CriterionView(c.id(), c.title(), c.kind().name(), c.duty() == null ? null : c.duty().name(), c.weight(),
                c.descriptors(), c.wordLimit(), c.assesses(), c.scoringBasis(), c.methodology(), c.minScore(), c.parentId(),
                c.subWeight(), c.isScoredByEvaluators(l));
    }
}
