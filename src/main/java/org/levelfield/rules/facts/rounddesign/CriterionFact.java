package org.levelfield.rules.facts.rounddesign;

import java.math.BigDecimal;

import org.levelfield.rules.model.Subject;

/**
 * A published award criterion of a lot.
 *
 * @param kind PRICE, QUALITY, EQUALITY or SOCIAL_VALUE
 * @param duty      for EQUALITY criteria: RACE, DISABILITY, SEX or OTHER; otherwise null
 * @param parentId  for a sub-criterion, the id of the criterion it is part of; null for a criterion of the lot
 * @param subWeight for a sub-criterion, its weight exactly ("10/3"); null for a criterion of the lot
 * @param divided   whether this criterion is divided into sub-criteria (which bidders answer and evaluators score)
 */
public record CriterionFact(String id, String lotId, String lotTitle, String title, String kind, String duty,
                            BigDecimal weight, String descriptors, Integer wordLimit, String assesses, String scoringBasis,
                            String parentId, String subWeight, boolean divided) implements Subject {

    public CriterionFact(String id, String lotId, String lotTitle, String title, String kind, String duty,
                         BigDecimal weight, String descriptors, Integer wordLimit, String assesses, String scoringBasis) {
        this(id, lotId, lotTitle, title, kind, duty, weight, descriptors, wordLimit, assesses, scoringBasis, null, null, false);
    }

    /** A question bidders answer: not price, and not a criterion divided into sub-criteria (whose parts are the questions). */
    public boolean isQuestion() {
        return !isPrice() && !divided;
    }

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
