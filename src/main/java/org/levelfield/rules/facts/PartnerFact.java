package org.levelfield.rules.facts;

import java.util.List;

import org.levelfield.rules.model.Subject;

/**
 * A partner pooling budget into the round: what kind of body it is, how much it contributes, and what its budget lines
 * say they are for (REG-03 asks whether health budget makes health care part of what is bought).
 *
 * @param kind     the kind of body: COUNCIL, NHS, PCC, FIRE or OTHER_PUBLIC, as recorded (the partner's type)
 * @param purposes the purposes its budget lines give, as written; empty when none are given
 */
public record PartnerFact(String roundId, String name, String kind, long contributionPence, List<String> purposes) implements Subject {

    /**
     * Whether any budget line says it is health money ("public health grant", "NHS continuing care", "ICB mental health",
     * "clinical"). Read only from the words; REG-03 decides what follows.
     */
    public boolean isHealthPurposeStated() {
        return purposes != null && purposes.stream().anyMatch(p -> HEALTH_WORD.matcher(p.toLowerCase(java.util.Locale.UK)).find());
    }

    /** One of the words that make a budget line health money (compiled once: the rules ask on every run). */
    private static final java.util.regex.Pattern HEALTH_WORD = java.util.regex.Pattern.compile("\\b(health|nhs|icb|clinical|medical|ccg)\\b");

    @Override
    public String subjectType() {
        return "partner";
    }

    @Override
    public String subjectId() {
        return roundId + "/" + name;
    }

    @Override
    public String subjectLabel() {
        return "Partner " + name;
    }
}
