package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/** One entry of an equality impact assessment: a characteristic and a duty limb. */
public record EqiaEntryFact(String eqiaId, String roundId, String characteristic, String limb, String evidence, String impact,
                            String mitigation, String dataGap, String gapAction, String notApplicableReason) implements Subject {

    /** "RACE:ADVANCE_EQUALITY": the characteristic and limb the entry covers. */
    public String getKey() {
        return characteristic + ":" + limb;
    }

    public boolean isMarkedNotApplicable() {
        return impact != null && impact.trim().equalsIgnoreCase("N/A");
    }

    public boolean isNotApplicableReasoned() {
        return notApplicableReason != null && !notApplicableReason.isBlank();
    }

    /** Whether the entry states any evidence. */
    public boolean isEvidenceGiven() {
        return evidence != null && !evidence.isBlank();
    }

    /** The stated impact, trimmed; empty when none is stated (so a rule can match its wording). */
    public String getImpactText() {
        return impact == null ? "" : impact.strip();
    }

    public boolean isGapOpen() {
        return dataGap != null && !dataGap.isBlank() && (gapAction == null || gapAction.isBlank());
    }

    @Override
    public String subjectType() {
        return "eqia-entry";
    }

    @Override
    public String subjectId() {
        return eqiaId + "/" + getKey();
    }

    @Override
    public String subjectLabel() {
        return "EqIA entry " + Format.words(characteristic) + " / " + Format.words(limb);
    }
}
