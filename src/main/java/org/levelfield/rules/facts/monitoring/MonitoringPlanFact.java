package org.levelfield.rules.facts.monitoring;

import org.levelfield.rules.facts.AboutRound;

import java.util.List;

/**
 * The contract's monitoring plan as set at award (MON-01..MON-03), beside what the round design
 * promised to monitor (RD-25) and the specialist partners the winning tenders name.
 *
 * @param set                  whether a plan has been recorded at all
 * @param required             the characteristics the round design said outcomes are disaggregated by
 * @param baselineGroups       how many groups have an expected share from the needs assessment
 * @param namedPartners        the subcontractors and partners the winning tenders rely on
 */
public record MonitoringPlanFact(String roundId, String round, boolean set, String frequency, List<String> disaggregatedBy,
                                 List<String> required, Integer suppressionThreshold, int baselineGroups, Integer disparityPct,
                                 Boolean subcontractSpendReported, List<String> namedPartners) implements AboutRound {

    public MonitoringPlanFact {
        disaggregatedBy = disaggregatedBy == null ? List.of() : List.copyOf(disaggregatedBy);
        required = required == null ? List.of() : List.copyOf(required);
        namedPartners = namedPartners == null ? List.of() : List.copyOf(namedPartners);
    }

    /** The required characteristics the plan does not disaggregate by. */
    public List<String> getMissingDisaggregation() {
        return required.stream().filter(c -> !disaggregatedBy.contains(c)).toList();
    }

    public boolean isSpendReported() {
        return Boolean.TRUE.equals(subcontractSpendReported);
    }

    @Override
    public String subjectLabel() {
        return "Monitoring plan for '" + round + "'";
    }
}
