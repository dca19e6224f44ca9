package org.levelfield.award.report;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.access.Actor;
import org.levelfield.common.document.IssuingDocument;

/** Issues the award justification PDF from templates/award-justification.md. */
@Singleton
public class AwardJustification {

    public static final String TEMPLATE = "award-justification.md";

    private final AwardReports reports;
    private final IssuingDocument documents;

    public AwardJustification(AwardReports reports, IssuingDocument documents) {
        this.reports = reports;
        this.documents = documents;
    }

    /** Issued once per version of its inputs (the award, the design findings, the due-regard record); later downloads serve the same file. */
    public IssuingDocument.Issued issue(UUID roundId, Actor actor) {
        AwardReport report = reports.build(roundId);
        return documents.issueOnce(roundId, "AWARD_JUSTIFICATION", TEMPLATE, report, "award-justification-" + roundId + ".pdf", actor,
                report.inputsSha256());
    }

    /** The public version: the same report with commercially confidential parts and names removed. */
    public IssuingDocument.Issued issuePublic(UUID roundId, Actor actor) {
        AwardReport report = reports.build(roundId, true);
        return documents.issueOnce(roundId, "AWARD_JUSTIFICATION_PUBLIC", TEMPLATE, report,
                "award-justification-public-" + roundId + ".pdf", actor, report.inputsSha256());
    }
}
