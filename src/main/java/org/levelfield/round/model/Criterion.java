package org.levelfield.round.model;

import java.math.BigDecimal;
import java.util.UUID;

import org.levelfield.rules.model.Fraction;

/**
 * A published award criterion of a lot, with its weight out of 100.
 *
 * @param assesses     TENDER (how this contract will be delivered), BIDDER_HISTORY or ASSIGNED_STAFF (RD-12), or
 *                     CORPORATE_WORKFORCE (the bidder's workforce statistics, EQ-09)
 * @param scoringBasis for social value: COMMITMENT (what the tender will do) or STATUS (who the bidder is) (SS-09)
 * @param methodology  how the criterion is assessed, as published (PA 2023 s23(3)(b))
 * @param minScore     the published disqualifying threshold: a lower score fails the tender, or null if none (s23(3)(a))
 * @param parentId     for a sub-criterion (an equality criterion's race, disability and sex parts, say), the
 *                     criterion it is part of; null for a criterion of the lot itself
 * @param subWeight    for a sub-criterion, its exact share of the parent's weight in points ("5", "10/3"); its
 *                     {@code weight} is that value to 16 digits, for display. Null for a criterion of the lot itself
 */
public record Criterion(UUID id, int position, String title, CriterionKind kind, Duty duty, BigDecimal weight,
                        String descriptors, Integer wordLimit, String assesses, String scoringBasis, String methodology,
                        Integer minScore, UUID parentId, String subWeight) {

    public boolean isSubCriterion() {
        return parentId != null;
    }

    /** The weight exactly: a sub-criterion's fraction, or the criterion's decimal weight. */
    public Fraction exactWeight() {
        return subWeight == null ? Fraction.of(weight) : Fraction.parse(subWeight).orElseThrow();
    }

    public boolean isPrice() {
        return kind == CriterionKind.PRICE;
    }

    /**
     * Whether evaluators score this criterion on its own, given its lot: every criterion but price (which the
     * published formula scores) and but one divided into sub-criteria (its sub-criteria are scored instead).
     */
    public boolean isScoredByEvaluators(Lot lot) {
        return !isPrice() && lot.subCriteria(id).isEmpty();
    }
}
