package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/**
 * One artefact the contemporaneous record of the decision must hold (DR-08): EqIA versions,
 * consultation responses considered, scoring and moderation notes, the abnormally low tender
 * process, conflict declarations, the decision report and the minutes.
 *
 * @param required whether this round needs it (moderation notes, for example, only if scores were moderated)
 * @param detail   what is held, or what is missing
 */
public record RecordArtefact(String roundId, String artefact, boolean required, boolean present, String detail) implements Subject {

    @Override
    public String subjectType() {
        return "round";
    }

    @Override
    public String subjectId() {
        return roundId;
    }

    @Override
    public String subjectLabel() {
        return "Decision record: " + artefact;
    }
}
