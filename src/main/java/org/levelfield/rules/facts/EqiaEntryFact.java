package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/**
 * One entry of an equality impact assessment: a characteristic and a duty limb.
 *
 * @param decision what the authority decided about the impact, knowing it (SS-01); null when none is recorded
 * @param disadvantage   for advancing equality: removing or minimising disadvantage (s149(3)(a)); null if not addressed
 * @param differentNeeds for advancing equality: meeting different needs (s149(3)(b)); null if not addressed
 * @param participation  for advancing equality: encouraging participation (s149(3)(c)); null if not addressed
 */
public record EqiaEntryFact(String eqiaId, String roundId, String characteristic, String limb, String evidence, String impact,
                            String mitigation, String dataGap, String gapAction, String notApplicableReason, String decision,
                            String disadvantage, String differentNeeds, String participation)
        implements Subject {

    public EqiaEntryFact(String eqiaId, String roundId, String characteristic, String limb, String evidence, String impact,
                         String mitigation, String dataGap, String gapAction, String notApplicableReason, String decision) {
        this(eqiaId, roundId, characteristic, limb, evidence, impact, mitigation, dataGap, gapAction, notApplicableReason, decision,
                null, null, null);
    }

    /**
     * Which of the three needs of advancing equality (s149(3)) the entry leaves unaddressed, in the Act's words; empty when
     * all three are. Read only from which are written; the rules decide which entries must have them.
     */
    public java.util.List<String> getSubNeedsMissing() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (disadvantage == null || disadvantage.isBlank()) {
            missing.add("removing or minimising disadvantage (s149(3)(a))");
        }
        if (differentNeeds == null || differentNeeds.isBlank()) {
            missing.add("meeting different needs (s149(3)(b))");
        }
        if (participation == null || participation.isBlank()) {
            missing.add("encouraging participation (s149(3)(c))");
        }
        return missing;
    }

    public EqiaEntryFact(String eqiaId, String roundId, String characteristic, String limb, String evidence, String impact,
                         String mitigation, String dataGap, String gapAction, String notApplicableReason) {
        this(eqiaId, roundId, characteristic, limb, evidence, impact, mitigation, dataGap, gapAction, notApplicableReason, null, null, null, null);
    }

    /** Whether the entry records both a mitigation and an explicit decision (SS-01). */
    public boolean isMitigatedAndDecided() {
        return mitigation != null && !mitigation.isBlank() && decision != null && !decision.isBlank();
    }

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

    /** Whether the entry records a data gap at all (open, acted on or explained). */
    public boolean isGapRecorded() {
        return dataGap != null && !dataGap.isBlank();
    }

    /**
     * The latest date the action on a data gap names ("survey by March 2027", "report due 2027-02-01"), or null: a month
     * alone is read as its last day. Read only from the text; the rules decide what it means.
     */
    public java.time.LocalDate getGapActionDate() {
        if (gapAction == null || gapAction.isBlank()) {
            return null;
        }
        java.time.LocalDate latest = null;
        java.util.regex.Matcher iso = java.util.regex.Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b").matcher(gapAction);
        while (iso.find()) {
            latest = later(latest, date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))));
        }
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("(?i)\\b(?:(\\d{1,2})\\s+)?(January|February|March|April|May|June|July|August"
                + "|September|October|November|December)\\s+(\\d{4})\\b").matcher(gapAction);
        while (words.find()) {
            int month = java.time.Month.valueOf(words.group(2).toUpperCase(java.util.Locale.ROOT)).getValue();
            int year = Integer.parseInt(words.group(3));
            latest = later(latest, words.group(1) == null ? java.time.YearMonth.of(year, month).atEndOfMonth()
                    : date(year, month, Integer.parseInt(words.group(1))));
        }
        return latest;
    }

    private static java.time.LocalDate date(int year, int month, int day) {
        try {
            return java.time.LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    private static java.time.LocalDate later(java.time.LocalDate a, java.time.LocalDate b) {
        return a == null ? b : b == null || b.isBefore(a) ? a : b;
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
