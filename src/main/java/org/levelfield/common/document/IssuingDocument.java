package org.levelfield.common.document;

import java.time.Clock;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.Hashing;
import org.levelfield.common.time.ClockFactory;

/**
 * Issues a PDF: fills a template from templates/ with an immutable report model, lays it out, and
 * keeps the exact bytes with their SHA-256 so a copy can be checked later.
 */
@Singleton
public class IssuingDocument {

    private final Templates templates;
    private final IssuedDocuments issued;
    private final Clock clock;
    private final PdfRenderer renderer = new PdfRenderer();

    private final org.levelfield.common.audit.AuditTrail audit;

    public IssuingDocument(Templates templates, IssuedDocuments issued, Clock clock, org.levelfield.common.audit.AuditTrail audit) {
        this.templates = templates;
        this.issued = issued;
        this.clock = clock;
        this.audit = audit;
    }

    public record Issued(UUID documentId, String fileName, String sha256, byte[] pdf) {

        /** The PDF as a download, with its id and SHA-256 in headers so a copy can be checked later. */
        public io.micronaut.http.HttpResponse<byte[]> asDownload() {
            return io.micronaut.http.HttpResponse.ok(pdf)
                    .contentType(io.micronaut.http.MediaType.of("application/pdf"))
                    .header("Content-Disposition", org.levelfield.common.web.ContentDisposition.attachment(fileName))
                    .header("X-Document-Id", documentId.toString())
                    .header("X-Document-SHA256", sha256);
        }
    }

    @Transactional
    public Issued issue(UUID roundId, String kind, String template, Object model, String fileName, Actor actor) {
        if (readsOnly(actor)) {
            return latest(roundId, kind);
        }
        return render(roundId, kind, template, model, fileName, actor, null);
    }

    /** Scrutiny reads the record as it was issued; it never issues a document itself. */
    private static boolean readsOnly(Actor actor) {
        return actor.is(org.levelfield.common.identity.Role.SCRUTINY);
    }

    private Issued latest(UUID roundId, String kind) {
        return issued.latest(roundId, kind).map(d -> new Issued(d.id(), d.fileName(), d.sha256(), d.content()))
                .orElseThrow(() -> org.levelfield.common.web.ProblemException.notFound(
                        "document of kind " + kind + " issued by the commissioner for round", roundId));
    }

    /**
     * Issues a document once per version of what it reports: if one of this kind was already issued for
     * the round from the same inputs (the version key), its stored bytes are served and nothing new is issued.
     */
    @Transactional
    public Issued issueOnce(UUID roundId, String kind, String template, Object model, String fileName, Actor actor, String versionKey) {
        if (readsOnly(actor)) {
            return latest(roundId, kind);
        }
        return issued.ofVersion(roundId, kind, versionKey).map(d -> new Issued(d.id(), d.fileName(), d.sha256(), d.content()))
                .orElseGet(() -> render(roundId, kind, template, model, fileName, actor, versionKey));
    }

    private Issued render(UUID roundId, String kind, String template, Object model, String fileName, Actor actor, String versionKey) {
        // The audit trail's head, printed in the document and kept with it: a copy held outside Levelfield then shows
        // whether the trail still leads through this point (AuditTrail.verify).
        var head = audit.head().orElse(new org.levelfield.common.audit.AuditTrail.Head(0, "none"));
        String anchored = templates.render(template, model) + "\n\n## Audit trail\n\nWhen this document was issued, Levelfield's audit trail ended at entry "
                + head.seq() + ", whose SHA-256 is:\n\n" + head.hash() + "\n\nAnyone can ask Levelfield to verify the trail: it must still lead through this entry with this hash.\n";
        byte[] pdf = renderer.render(anchored, "en-GB", "Levelfield for " + actor.displayName());
        String sha256 = Hashing.sha256(pdf);
        UUID id = UUID.randomUUID();
        issued.insert(id, roundId, kind, fileName, sha256, pdf, ClockFactory.stored(clock.instant()), actor.userId(), versionKey);
        if (head.seq() > 0) {
            issued.anchor(id, head.seq(), head.hash());
        }
        return new Issued(id, fileName, sha256, pdf);
    }
}
