package org.levelfield.round.report;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.document.IssuingDocument;

/** Issues the safeguards report PDF from templates/safeguards-report.md. */
@Singleton
public class SafeguardsReportPdf {

    private final SafeguardsReports reports;
    private final IssuingDocument documents;

    public SafeguardsReportPdf(SafeguardsReports reports, IssuingDocument documents) {
        this.reports = reports;
        this.documents = documents;
    }

    public IssuingDocument.Issued issue(UUID roundId, Actor actor) {
        return documents.issue(roundId, "SAFEGUARDS_REPORT", "safeguards-report.md", reports.build(roundId),
                "safeguards-report-" + roundId + ".pdf", actor);
    }
}
