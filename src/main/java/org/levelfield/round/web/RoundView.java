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
                          List<CriterionView> criteria, PublishedTerms terms) {
    }

    /**
     * A lot's terms as the round publishes them to bidders: who the service is for, how price is taken and capped, the
     * mandatory items, and the conditions a bidder must meet. The authority's own estimates (pre-tender and full cost) and
     * its view of the market (specialist, provider count) are not published.
     */
    public record PublishedTerms(Boolean deliveredToPublic, List<String> userGroups, String userRestriction,
                                 String userRestrictionJustification, String priceMode, Long fixedPricePence, Long priceCeilingPence,
                                 Boolean priceCeilingDisqualifying, String priceVatBasis, String termReason, String paymentTiming,
                                 Integer minTradingYears, Long minPriorContractValuePence, Boolean publicContractExperienceOnly,
                                 List<String> requiredAccreditations, Integer minStaffHeadcount, String mainSubjectMatter,
                                 List<String> mandatoryItems, Integer questionCount, List<String> requestedDocuments,
                                 String paymentFrequency, Integer minContractCount, Integer experiencePeriodYears,
                                 Long publicLiabilityCoverPence, Long employersLiabilityCoverPence, Long professionalIndemnityCoverPence,
                                 Boolean equalityEvidenceRequired) {

        static PublishedTerms of(org.levelfield.round.model.LotTerms t) {
            if (t == null) {
                return null;
            }
            return new PublishedTerms(t.deliveredToPublic(), t.userGroups(), t.userRestriction(), t.userRestrictionJustification(),
                    t.priceMode(), t.fixedPricePence(), t.priceCeilingPence(), t.priceCeilingDisqualifying(), t.priceVatBasis(),
                    t.termReason(), t.paymentTiming(), t.minTradingYears(), t.minPriorContractValuePence(), t.publicContractExperienceOnly(),
                    t.requiredAccreditations(), t.minStaffHeadcount(), t.mainSubjectMatter(), t.mandatoryItems(), t.questionCount(),
                    t.requestedDocuments(), t.paymentFrequency(), t.minContractCount(), t.experiencePeriodYears(),
                    t.publicLiabilityCoverPence(), t.employersLiabilityCoverPence(), t.professionalIndemnityCoverPence(),
                    t.equalityEvidenceRequired());
        }
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
                l.insuranceTiming(), l.criteria().stream().map(c -> criterion(l, c)).toList(), PublishedTerms.of(l.terms()));
    }

    private static CriterionView criterion(Lot l, Criterion c) {
        return new CriterionView(c.id(), c.title(), c.kind().name(), c.duty() == null ? null : c.duty().name(), c.weight(),
                c.descriptors(), c.wordLimit(), c.assesses(), c.scoringBasis(), c.methodology(), c.minScore(), c.parentId(),
                c.subWeight(), c.isScoredByEvaluators(l));
    }
}
