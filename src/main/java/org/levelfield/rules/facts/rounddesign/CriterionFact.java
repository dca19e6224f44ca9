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
 * @param methodology how the criterion is assessed, as published; null if not stated (RD-09)
 * @param minScore  the published score below which a tender is disqualified; null for none (RD-09, SC-07)
 */
public record CriterionFact(String id, String lotId, String lotTitle, String title, String kind, String duty,
                            BigDecimal weight, String descriptors, Integer wordLimit, String assesses, String scoringBasis,
                            String parentId, String subWeight, boolean divided, String methodology, Integer minScore) implements Subject {

    private static final java.util.regex.Pattern SCORE = java.util.regex.Pattern.compile("(?<![\\d.,£%])\\b(\\d{1,2})\\b(?![.,]\\d|%)");

    public CriterionFact(String id, String lotId, String lotTitle, String title, String kind, String duty,
                         BigDecimal weight, String descriptors, Integer wordLimit, String assesses, String scoringBasis,
                         String parentId, String subWeight, boolean divided) {
        this(id, lotId, lotTitle, title, kind, duty, weight, descriptors, wordLimit, assesses, scoringBasis, parentId, subWeight, divided,
                null, null);
    }

    /**
     * How many different scores from 0 to {@code scaleMax} the descriptors name ("0 no response; 3 meets the
     * specification; 5 excellent" names three). Read only from the text; RD-09 decides what is enough.
     */
    public int scoreLevelsDescribed(int scaleMax) {
        if (descriptors == null) {
            return 0;
        }
        java.util.Set<Integer> levels = new java.util.HashSet<>();
        java.util.regex.Matcher m = SCORE.matcher(descriptors);
        while (m.find()) {
            int level = Integer.parseInt(m.group(1));
            if (level <= scaleMax) {
                levels.add(level);
            }
        }
        return levels.size();
    }

    public boolean isMethodologyStated() {
        return methodology != null && !methodology.isBlank();
    }

    public CriterionFact(String id, String lotId, String lotTitle, String title, String kind, String duty,
                         BigDecimal weight, String descriptors, Integer wordLimit, String assesses, String scoringBasis) {
        this(id, lotId, lotTitle, title, kind, duty, weight, descriptors, wordLimit, assesses, scoringBasis, null, null, false, null, null);
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
