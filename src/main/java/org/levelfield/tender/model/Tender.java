package org.levelfield.tender.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bid for one lot by one organisation: its price, an answer per published criterion, and the
 * details (consortium, subcontractors, equality evidence, monitoring plan, attachments). A DRAFT
 * has no price, time or hash yet; a SUBMITTED tender has all three.
 */
public record Tender(UUID id, UUID roundId, UUID lotId, UUID organisationId, String organisationName, String status,
                     Long pricePence, Instant submittedAt, UUID submittedBy, String contentSha256, List<Answer> answers,
                     TenderDetails details, List<AttachmentRef> attachments) {

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";

    public record Answer(UUID criterionId, String text) {
    }

    /** A file attached to the tender, with the SHA-256 of its stored content. */
    public record AttachmentRef(UUID id, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    public Tender {
        answers = answers == null ? List.of() : List.copyOf(answers);
        details = details == null ? TenderDetails.empty() : details;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean isDraft() {
        return DRAFT.equals(status);
    }

    public String answerTo(UUID criterionId) {
        return answers.stream().filter(a -> a.criterionId().equals(criterionId)).map(Answer::text).findFirst().orElse("");
    }
}
