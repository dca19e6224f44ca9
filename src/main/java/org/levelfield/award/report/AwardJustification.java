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

    public IssuingDocument.Issued issue(UUID roundId, Actor actor) {
        return documents.issue(roundId, "AWARD_JUSTIFICATION", TEMPLATE, reports.build(roundId),
                "award-justification-" + roundId + ".pdf", actor);
    }

    /** The public version: the same report with commercially confidential parts and names removed. */
    public IssuingDocument.Issued issuePublic(UUID roundId, Actor actor) {
        return documents.issue(roundId, "AWARD_JUSTIFICATION_PUBLIC", TEMPLATE, reports.build(roundId, true),
                "award-justification-public-" + roundId + ".pdf", actor);
    }
}
