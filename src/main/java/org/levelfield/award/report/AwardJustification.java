package org.levelfield.award.report;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.inject.Singleton;
import org.levelfield.common.Hashing;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.document.IssuingDocument;

/** Issues the award justification PDF from templates/award-justification.md. */
@Singleton
public class AwardJustification {

    public static final String TEMPLATE = "award-justification.md";

    private final AwardReports reports;
    private final IssuingDocument documents;
    private final ObjectWriter content;

    public AwardJustification(AwardReports reports, IssuingDocument documents, ObjectMapper json) {
        this.reports = reports;
        this.documents = documents;
        this.content = json.copy().addMixIn(AwardReport.class, WithoutPrintingTime.class).writer();
    }

    /** The report as JSON without the time it was printed: what its version is taken from. */
    @JsonIgnoreProperties("generatedAt")
    private interface WithoutPrintingTime {
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
        try {
            return Hashing.sha256(content.writeValueAsBytes(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The award report could not be written as JSON", e);
        }
    }
}
