package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.util.List;

/**
 * The equality evidence a tender gives for the duty one equality criterion scores, by type
 * (POLICY, PLAN, RESOURCE, TRACK_RECORD, KPI). Read by EQ-06.
 */
public record DutyEvidence(String tenderId, String bidder, String criterionId, String criterion, String duty, List<String> types)
        implements AboutTender {

    public DutyEvidence {
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** Evidence was given, and all of it is policy: no plan, resource, track record or KPI. */
    public boolean isPolicyOnly() {
        return !types.isEmpty() && types.stream().allMatch("POLICY"::equals);
    }

    @Override
    public String subjectLabel() {
        return "'" + criterion + "' for the tender from " + bidder;
    }
}
