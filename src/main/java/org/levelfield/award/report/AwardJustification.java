package org.levelfield.award.report;

import java.time.Clock;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Actor;
import org.levelfield.common.Hashing;
import org.levelfield.common.document.PdfRenderer;
import org.levelfield.common.document.Templates;

/** Issues the award justification PDF: fills templates/award-justification.md, lays it out, records it. */
@Singleton
public class AwardJustification {

    public static final String TEMPLATE = "award-justification.md";

    private final AwardReports reports;
    private final Templates templates;
    private final IssuedDocuments issued;
    private final Clock clock;
    private final PdfRenderer renderer = new PdfRenderer();

    public AwardJustification(AwardReports reports, Templates templates, IssuedDocuments issued, Clock clock) {
        this.reports = reports;
        this.templates = templates;
        this.issued = issued;
        this.clock = clock;
    }

    public record Issued(UUID documentId, String fileName, String sha256, byte[] pdf) {
    }

    @Transactional
    public Issued issue(UUID roundId, Actor actor) {
        AwardReport report = reports.build(roundId);
        byte[] pdf = renderer.render(templates.render(TEMPLATE, report), "en-GB", "Levelfield for " + actor.displayName());
        String sha256 = Hashing.sha256(pdf);
        UUID id = UUID.randomUUID();
        String fileName = "award-justification-" + roundId + ".pdf";
        issued.insert(id, roundId, "AWARD_JUSTIFICATION", fileName, sha256, pdf, clock.instant(), actor.userId());
        return new Issued(id, fileName, sha256, pdf);
    }
}
