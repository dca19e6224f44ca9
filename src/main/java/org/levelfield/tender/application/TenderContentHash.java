package org.levelfield.tender.application;

import java.nio.charset.StandardCharsets;
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
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/**
 * The SHA-256 of exactly what was submitted, in a fixed layout so that anyone holding the receipt
 * can check the stored tender against it: the price, every answer, the details as canonical JSON
 * (sorted keys) and the SHA-256 of every attached file. (Kept out of the model: it writes JSON.)
 */
public final class TenderContentHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Empty and absent fields are left out, so a field added later does not change the hash of tenders stored before it.
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            .build();

    private TenderContentHash() {
    }

    public static String of(UUID roundId, UUID lotId, UUID organisationId, long pricePence, List<Tender.Answer> answers,
                            TenderDetails details, List<Tender.AttachmentRef> attachments) {
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
    public static String recomputed(Tender t) {
        return of(t.roundId(), t.lotId(), t.organisationId(), t.pricePence() == null ? 0 : t.pricePence(), t.answers(), t.details(), t.attachments());
    }

    private static String canonicalJson(TenderDetails details) {
        try {
            return CANONICAL.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tender details cannot be written as JSON", e);
        }
    }
}
