package org.levelfield.rules.facts;

import java.time.LocalDate;

import org.levelfield.rules.model.Subject;

/**
 * A commissioning round as the rules see it.
 *
 * @param commencementDate when the procurement commenced (normally the tender notice); decides the procurement regime
 * @param decisionDate     the date of the decision being checked; decides the equality duties in force
 */
public record RoundFact(String id, String title, LocalDate commencementDate, LocalDate decisionDate,
                        boolean pooledBudget, int partnerCount) implements Subject {

    @Override
    public String subjectType() {
        return "round";
    }

    @Override
    public String subjectId() {
        return id;
    }

    @Override
    public String subjectLabel() {
        return "Round '" + title + "'";
    }
}
