package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.util.List;

/**
 * A tender's plan for reporting outcomes and access by characteristic, beside the characteristics
 * the round's contract monitoring is disaggregated by (RD-25). Read by EQ-08.
 */
public record MonitoringCommitment(String tenderId, String bidder, List<String> planned, List<String> required, String frequency,
                                   boolean dataProtectionSafeguards) implements AboutTender {

    public MonitoringCommitment {
        planned = planned == null ? List.of() : List.copyOf(planned);
        required = required == null ? List.of() : List.copyOf(required);
    }

    /** The characteristics the round monitors that the plan leaves out. */
    public List<String> getMissing() {
        return required.stream().filter(c -> !planned.contains(c)).toList();
    }

    @Override
    public String subjectLabel() {
        return "Monitoring plan of the tender from " + bidder;
    }
}
