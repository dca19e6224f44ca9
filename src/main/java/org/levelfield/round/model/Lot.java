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

    /** What evaluators score: every criterion but price and those divided into sub-criteria, whose parts are scored. */
    public List<Criterion> evaluatorCriteria() {
        return criteria.stream().filter(c -> c.isScoredByEvaluators(this)).toList();
    }

    /** What the total adds up: price and every criterion evaluators score (sub-criteria in place of their parent). */
    public List<Criterion> scoredCriteria() {
        return criteria.stream().filter(c -> c.isPrice() || c.isScoredByEvaluators(this)).toList();
    }

    /** The criteria of the lot itself, without sub-criteria: their weights add up to 100. */
    public List<Criterion> mainCriteria() {
        return criteria.stream().filter(c -> !c.isSubCriterion()).toList();
    }

    /** A criterion's title as published: a sub-criterion's after its criterion's ("Equality: race"). */
    /** Whether the lot scores each of race, disability and sex, so the equality gateway (EQ-05) applies to it. */
    public boolean scoresEveryDuty() {
        java.util.Set<Duty> duties = java.util.EnumSet.noneOf(Duty.class);
        criteria.stream().map(Criterion::duty).filter(java.util.Objects::nonNull).forEach(duties::add);
        return duties.containsAll(java.util.List.of(Duty.RACE, Duty.DISABILITY, Duty.SEX));
    }

    /** Whether anything published disqualifies a tender by itself: a minimum score, the gateway, a mandatory item or a hard ceiling. */
    public boolean hasDisqualifyingConditions() {
        return scoresEveryDuty() || criteria.stream().anyMatch(c -> c.minScore() != null) || !terms.mandatoryItems().isEmpty()
                || Boolean.TRUE.equals(terms.priceCeilingDisqualifying());
    }

    public String publishedTitle(Criterion c) {
        return c.parentId() == null ? c.title() : criterion(c.parentId()).map(p -> p.title() + ": ").orElse("") + c.title();
    }

    /** A criterion's weight as published: "30", or a sub-criterion's exact share of its criterion's ("10/3 of 10"). */
    public String publishedWeight(Criterion c) {
        return c.parentId() == null ? c.exactWeight().toString()
                : c.exactWeight() + criterion(c.parentId()).map(p -> " of " + p.exactWeight()).orElse("");
    }

    /** A criterion's sub-criteria in published order, or none. */
    public List<Criterion> subCriteria(UUID parentId) {
        return criteria.stream().filter(c -> parentId.equals(c.parentId())).toList();
    }
}
