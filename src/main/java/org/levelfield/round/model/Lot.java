package org.levelfield.round.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Part of a round's requirement, awarded separately. Money in pence, including VAT.
 *
 * @param insuranceTiming when bidders must hold contract insurance: IN_PLACE_BEFORE_AWARD,
 *                        BY_CONTRACT_START or UNDERTAKING_ACCEPTED
 */
public record Lot(UUID id, int position, String title, long valueInclVatPence, int termMonths, Long minTurnoverPence,
                  String turnoverJustification, String eligibilityRestriction, String reservationBasis,
                  boolean requiresAuditedAccounts, String insuranceTiming, List<Criterion> criteria, LotTerms terms) {

    public long annualValuePence() {
        return valueInclVatPence * 12 / termMonths;
    }

    public Optional<Criterion> criterion(UUID criterionId) {
        return criteria.stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    public Optional<Criterion> priceCriterion() {
        return criteria.stream().filter(Criterion::isPrice).findFirst();
    }

    public List<Criterion> evaluatorCriteria() {
        return criteria.stream().filter(Criterion::isScoredByEvaluators).toList();
    }
}
