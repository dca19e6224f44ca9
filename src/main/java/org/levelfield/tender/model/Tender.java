package org.levelfield.tender.model;

import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.levelfield.common.Hashing;

/** A bid for one lot by one organisation: its price and an answer per published criterion. */
public record Tender(UUID id, UUID roundId, UUID lotId, UUID organisationId, String organisationName, String status,
                     long pricePence, Instant submittedAt, UUID submittedBy, String contentSha256, List<Answer> answers) {

    public record Answer(UUID criterionId, String text) {
    }

    /**
     * The SHA-256 of exactly what was submitted, in a fixed layout so that anyone holding the
     * receipt can check the stored tender against it.
     */
    public static String contentHash(UUID roundId, UUID lotId, UUID organisationId, long pricePence, List<Answer> answers) {
        StringBuilder canonical = new StringBuilder("levelfield-tender-v1\n")
                .append("round:").append(roundId).append('\n')
                .append("lot:").append(lotId).append('\n')
                .append("organisation:").append(organisationId).append('\n')
                .append("pricePence:").append(pricePence).append('\n');
        answers.stream().sorted(Comparator.comparing(a -> a.criterionId().toString())).forEach(a -> canonical
                .append("answer:").append(a.criterionId()).append(':')
                .append(Base64.getEncoder().encodeToString(a.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .append('\n'));
        return Hashing.sha256(canonical.toString());
    }

    public String recomputedHash() {
        return contentHash(roundId, lotId, organisationId, pricePence, answers);
    }

    public String answerTo(UUID criterionId) {
        return answers.stream().filter(a -> a.criterionId().equals(criterionId)).map(Answer::text).findFirst().orElse("");
    }
}
