package org.levelfield.round.report;

import java.time.Clock;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Actor;
import org.levelfield.award.report.IssuedDocuments;
import org.levelfield.common.Hashing;
import org.levelfield.common.document.PdfRenderer;
import org.levelfield.common.document.Templates;

/** Issues the safeguards report as a PDF from templates/safeguards-report.md, recorded with its SHA-256. */
@Singleton
public class SafeguardsReportPdf {

    private final SafeguardsReports reports;
    private final Templates templates;
    private final IssuedDocuments issued;
    private final Clock clock;
    private final PdfRenderer renderer = new PdfRenderer();

    public SafeguardsReportPdf(SafeguardsReports reports, Templates templates, IssuedDocuments issued, Clock clock) {
        this.reports = reports;
        this.templates = templates;
        this.issued = issued;
        this.clock = clock;
    }

    public record Issued(UUID documentId, String fileName, String sha256, byte[] pdf) {
    }

    @Transactional
    public Issued issue(UUID roundId, Actor actor) {
        SafeguardsReport report = reports.build(roundId);
        byte[] pdf = renderer.render(templates.render("safeguards-report.md", report), "en-GB", "Levelfield for " + actor.displayName());
        String sha256 = Hashing.sha256(pdf);
        UUID id = UUID.randomUUID();
        String fileName = "safeguards-report-" + roundId + ".pdf";
        issued.insert(id, roundId, "SAFEGUARDS_REPORT", fileName, sha256, pdf, clock.instant(), actor.userId());
        return new Issued(id, fileName, sha256, pdf);
    }
}
