package org.levelfield.tender.application;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.Hashing;
import org.levelfield.common.web.ProblemException;
import org.levelfield.tender.infrastructure.Attachments;
import org.levelfield.tender.model.SealPolicy;

/**
 * A bidder attaches a file (a commitment letter, a policy, a plan) for use in its tenders. The
 * file is checked for size and type, parsed whole (AttachmentInspection: nothing that runs is accepted), stored in PostgreSQL with its SHA-256, and never changed.
 * Its own organisation's members can always read it; the commissioning side only once it is part
 * of a submitted tender whose deadline has passed.
 */
@Singleton
public class AttachingFiles {

    /** Allowed types, each with the bytes its content must start with (null: checked as UTF-8 text). */
    static final Map<String, byte[]> ALLOWED = Map.of(
            "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[]{'P', 'K', 3, 4},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[]{'P', 'K', 3, 4},
            "application/vnd.oasis.opendocument.text", new byte[]{'P', 'K', 3, 4},
            "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "text/plain", new byte[0],
            "text/csv", new byte[0]);

    private final Attachments attachments;
    private final Clock clock;
    private final long maxBytes;

    public AttachingFiles(Attachments attachments, Clock clock, @Value("${levelfield.attachments.max-bytes:5242880}") long maxBytes) {
        this.attachments = attachments;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Attachments.Stored attach(String fileName, String contentType, byte[] content, Actor actor) {
        if (actor.organisationId() == null) {
            throw ProblemException.forbidden("Your account is not a member of a bidding organisation, so it cannot attach files.");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (org.levelfield.common.web.ContentDisposition.hasControlCharacters(fileName)) {
            throw ProblemException.badInput("fileName", "the file's name must not contain line breaks or other control characters; rename the file and upload it again");
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.contains("/") || fileName.contains("\\")) {
            throw ProblemException.badInput("fileName", "give the file's name (up to 200 characters, no folders) as ?fileName=letter.pdf");
        }
        if (!ALLOWED.containsKey(type)) {
            throw ProblemException.badInput("contentType", "'" + type + "' is not accepted; send the file as one of "
                    + ALLOWED.keySet().stream().sorted().toList());
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badInput("content", "the file is empty");
        }
        if (content.length > maxBytes) {
            throw ProblemException.badInput("content", "the file is " + content.length + " bytes; the limit is " + maxBytes
                    + " bytes (" + (maxBytes / 1024 / 1024) + " MB). Split it or reduce it and attach again.");
        }
        if (!looksLike(type, content)) {
            throw ProblemException.badInput("content", "the file's content is not " + type + "; check the file and its type");
        }
        try {
            // The whole file, not only its first bytes: see AttachmentInspection. A CSV's formula cells come back neutralised.
            content = AttachmentInspection.inspect(type, content).content();
        } catch (AttachmentInspection.Refused refused) {
            throw ProblemException.badInput("content", refused.getMessage());
        }
        Attachments.Stored stored = new Attachments.Stored(UUID.randomUUID(), actor.organisationId(), fileName.strip(), type,
                content.length, Hashing.sha256(content), clock.instant());
        attachments.insert(stored, content, actor.userId());
        return stored;
    }

    /** Who may read an attachment: see the class comment. */
    public Attachments.Stored readable(UUID id, Actor actor) {
        Attachments.Stored a = attachments.find(id).orElseThrow(() -> ProblemException.notFound("attachment", id));
        if (actor.belongsTo(a.organisationId())) {
            return a;
        }
        if (!actor.is(Role.BIDDER)) {
            Instant now = clock.instant();
            if (attachments.deadlinesOfTendersUsing(id).stream().anyMatch(deadline -> !SealPolicy.isSealed(now, deadline))) {
                return a;
            }
        }
        throw ProblemException.notFound("attachment", id);
    }

    private static boolean looksLike(String type, byte[] content) {
        byte[] magic = ALLOWED.get(type);
        if (magic.length == 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
                for (byte b : content) {
                    if (b == 0) {
                        return false;
                    }
                }
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
