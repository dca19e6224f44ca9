package org.levelfield.round.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An equality impact assessment (or documented equality analysis) of the round, with one entry
 * per protected characteristic and duty limb: evidence, likely impact, mitigation, and any data
 * gap with what is being done about it. "Not applicable" needs a reason.
 *
 * @param stage     DESIGN (before the design is approved) or AWARD
 * @param relevance HIGH, MEDIUM or LOW
 */
public record Eqia(UUID id, String stage, LocalDate assessedOn, String relevance, String specialistImpact, List<Entry> entries) {

    /**
     * @param decision      what was decided about the impact, in the authority's words: proceed, change the design, and why (SS-01)
     * @param disadvantage  for advancing equality, how the round removes or minimises disadvantage (s149(3)(a))
     * @param differentNeeds for advancing equality, how it meets the group's different needs (s149(3)(b))
     * @param participation for advancing equality, how it encourages the group's participation (s149(3)(c))
     */
    public record Entry(String characteristic, String limb, String evidence, String impact, String mitigation,
                        String dataGap, String gapAction, String notApplicableReason, String decision, String disadvantage,
                        String differentNeeds, String participation) {

        public Entry(String characteristic, String limb, String evidence, String impact, String mitigation,
                     String dataGap, String gapAction, String notApplicableReason, String decision) {
            this(characteristic, limb, evidence, impact, mitigation, dataGap, gapAction, notApplicableReason, decision, null, null, null);
        }

        public Entry(String characteristic, String limb, String evidence, String impact, String mitigation,
                     String dataGap, String gapAction, String notApplicableReason) {
            this(characteristic, limb, evidence, impact, mitigation, dataGap, gapAction, notApplicableReason, null, null, null, null);
        }
    }
}
