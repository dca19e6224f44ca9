package org.levelfield.tender.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.levelfield.common.Hashing;

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

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Empty and absent fields are left out, so a field added later does not change the hash of tenders stored before it.
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            .build();

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

    /**
     * The SHA-256 of exactly what was submitted, in a fixed layout so that anyone holding the
     * receipt can check the stored tender against it: the price, every answer, the details as
     * canonical JSON (sorted keys) and the SHA-256 of every attached file.
     */
    public static String contentHash(UUID roundId, UUID lotId, UUID organisationId, long pricePence, List<Answer> answers,
                                     TenderDetails details, List<AttachmentRef> attachments) {
        StringBuilder canonical = new StringBuilder("levelfield-tender-v1\n")
                .append("round:").append(roundId).append('\n')
                .append("lot:").append(lotId).append('\n')
                .append("organisation:").append(organisationId).append('\n')
                .append("pricePence:").append(pricePence).append('\n');
        answers.stream().sorted(Comparator.comparing(a -> a.criterionId().toString())).forEach(a -> canonical
                .append("answer:").append(a.criterionId()).append(':')
                .append(Base64.getEncoder().encodeToString(a.text().getBytes(StandardCharsets.UTF_8)))
                .append('\n'));
        if (details != null && !details.equals(TenderDetails.empty())) {
            canonical.append("details:").append(canonicalJson(details)).append('\n');
        }
        if (attachments != null) {
            attachments.stream().sorted(Comparator.comparing(a -> a.id().toString())).forEach(a -> canonical
                    .append("attachment:").append(a.id()).append(':').append(a.sha256()).append('\n'));
        }
        return Hashing.sha256(canonical.toString());
    }

    /** The hash recomputed from what is stored now (attachment hashes recomputed from their stored bytes). */
    public String recomputedHash() {
        return contentHash(roundId, lotId, organisationId, pricePence == null ? 0 : pricePence, answers, details, attachments);
    }

    public String answerTo(UUID criterionId) {
        return answers.stream().filter(a -> a.criterionId().equals(criterionId)).map(Answer::text).findFirst().orElse("");
    }

    private static String canonicalJson(TenderDetails details) {
        try {
            return CANONICAL.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tender details cannot be written as JSON", e);
        }
    }
}
