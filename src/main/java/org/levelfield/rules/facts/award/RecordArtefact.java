package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutRound;

/**
 * One artefact the contemporaneous record of the decision must hold (DR-08): EqIA versions,
 * consultation responses considered, scoring and moderation notes, the abnormally low tender
 * process, conflict declarations, the decision report and the minutes.
 *
 * @param required whether this round needs it (moderation notes, for example, only if scores were moderated)
 * @param detail   what is held, or what is missing
 */
public record RecordArtefact(String roundId, String artefact, boolean required, boolean present, String detail) implements AboutRound {

    @Override
    public String subjectLabel() {
        return "Decision record: " + artefact;
    }
}
