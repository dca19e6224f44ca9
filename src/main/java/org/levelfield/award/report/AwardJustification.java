package org.levelfield.award.report;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.document.IssuingDocument;

/** Issues the award justification PDF from templates/award-justification.md. */
@Singleton
public class AwardJustification {

    public static final String TEMPLATE = "award-justification.md";

    private final AwardReports reports;
    private final IssuingDocument documents;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public AwardJustification(AwardReports reports, IssuingDocument documents, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.reports = reports;
        this.documents = documents;
        this.json = json;
    }

    /**
     * Issued once per version of what it says: the version is the SHA-256 of the whole report model but its
     * printing time, so anything that changes a word of it (a new computation, a decision, an abnormally-low
     * step, the due-regard record) issues a new document; a download with nothing changed serves the stored file.
     */
    public IssuingDocument.Issued issue(UUID roundId, Actor actor) {
        AwardReport report = reports.build(roundId);
        return documents.issueOnce(roundId, "AWARD_JUSTIFICATION", TEMPLATE, report, "award-justification-" + roundId + ".pdf", actor,
                version(report));
    }

    /** The public version: the same report with commercially confidential parts and names removed. */
    public IssuingDocument.Issued issuePublic(UUID roundId, Actor actor) {
        AwardReport report = reports.build(roundId, true);
        return documents.issueOnce(roundId, "AWARD_JUSTIFICATION_PUBLIC", TEMPLATE, report,
                "award-justification-public-" + roundId + ".pdf", actor, version(report));
    }

    /** The SHA-256 of the report's content, its printing time left out. */
    private String version(AwardReport report) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = json.valueToTree(report);
        tree.remove("generatedAt");
        return org.levelfield.common.Hashing.sha256(tree.toString());
    }
}
