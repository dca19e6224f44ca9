package org.levelfield.round.report;

import java.util.List;

/**
 * The safeguards report for a partnership board: the round, its partners' sign-offs, and every
 * rule finding by stage with severity, legal force, citation, message and any officer's
 * justification. Built by {@link SafeguardsReports}; the template reads only this.
 */
public record SafeguardsReport(String title, String generatedAt, String roundTitle, String status, String rulesetVersion,
                               String pooledTotal, String designApprovedAt, List<PartnerLine> partners, List<LotLine> lots,
                               String eqia, List<StageSection> stages, Summary summary, String summaryText,
                               List<EarlierLine> resolvedEarlier) {

    /** A serious finding of an earlier design check that no longer stands: what it was, and when it was found. */
    public record EarlierLine(String ruleId, String ruleName, String severity, String subject, String message, String foundAt) {
    }

    public record PartnerLine(String name, String type, String contribution, String share, String signedOffBy, String signedOffAt) {
    }

    public record LotLine(String title, String value, String annualValue, int termMonths) {
    }

    public record StageSection(String stage, List<FindingLine> findings) {
    }

    public record FindingLine(String ruleId, String ruleName, String severity, String force, String citation, String subject,
                              String message, String justifiedBy, String justification) {
    }

    public record Summary(long blocks, long fails, long warnings, long unjustifiedWarnings, long flags, long infos) {
    }
}
