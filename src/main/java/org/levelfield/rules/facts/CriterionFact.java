package org.levelfield.rules.facts;

import java.math.BigDecimal;

import org.levelfield.rules.model.Subject;

/**
 * A published award criterion of a lot.
 *
 * @param kind PRICE, QUALITY, EQUALITY or SOCIAL_VALUE
 * @param duty for EQUALITY criteria: RACE, DISABILITY, SEX or OTHER; otherwise null
 */
public record CriterionFact(String id, String lotId, String lotTitle, String title, String kind, String duty,
                            BigDecimal weight, String descriptors, Integer wordLimit, String assesses, String scoringBasis) implements Subject {

    public boolean isPrice() {
        return "PRICE".equals(kind);
    }

    public boolean isDescribed() {
        return descriptors != null && !descriptors.isBlank();
    }

    @Override
    public String subjectType() {
        return "criterion";
    }

    @Override
    public String subjectId() {
        return id;
    }

    @Override
    public String subjectLabel() {
        return "Criterion '" + title + "' (lot '" + lotTitle + "')";
    }
}
