package org.levelfield.round.model;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A published award criterion of a lot, with its weight out of 100.
 *
 * @param assesses     TENDER (how this contract will be delivered), BIDDER_HISTORY or ASSIGNED_STAFF (RD-12), or
 *                     CORPORATE_WORKFORCE (the bidder's workforce statistics, EQ-09)
 * @param scoringBasis for social value: COMMITMENT (what the tender will do) or STATUS (who the bidder is) (SS-09)
 * @param methodology  how the criterion is assessed, as published (PA 2023 s23(3)(b))
 * @param minScore     the published disqualifying threshold: a lower score fails the tender, or null if none (s23(3)(a))
 */
public record Criterion(UUID id, int position, String title, CriterionKind kind, Duty duty, BigDecimal weight,
                        String descriptors, Integer wordLimit, String assesses, String scoringBasis, String methodology,
                        Integer minScore) {

    public boolean isPrice() {
        return kind == CriterionKind.PRICE;
    }

    /** Scored by evaluators (every criterion but price, which the published formula scores). */
    public boolean isScoredByEvaluators() {
        return !isPrice();
    }
}
