package org.levelfield.rules.facts;

import java.time.LocalDate;

import org.levelfield.rules.model.Subject;

/**
 * A round's equality impact assessment as the rules see it.
 *
 * @param stage     DESIGN or AWARD
 * @param relevance HIGH, MEDIUM or LOW
 */
public record EqiaFact(String id, String roundId, String roundTitle, String stage, LocalDate assessedOn, String relevance,
                       String specialistImpact) implements Subject {

    @Override
    public String subjectType() {
        return "eqia";
    }

    @Override
    public String subjectId() {
        return id;
    }

    @Override
    public String subjectLabel() {
        return "Equality impact assessment of '" + roundTitle + "' (" + stage.toLowerCase() + " stage, " + assessedOn + ")";
    }
}
