package org.levelfield.award.web;

import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.Hashing;
import org.levelfield.common.web.ProblemException;

/**
 * Checks that a document someone was given is exactly one Levelfield issued: send the PDF itself
 * (its SHA-256 is computed here) or its SHA-256. The answer says which document, for which round,
 * when and by whom it was issued; or that no document with that hash was ever issued.
 */
@Controller("/api/documents/verify")
@ExecuteOn(RequestThreads.NAME)
@Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
public class DocumentsController {

    private final IssuedDocuments documents;

    public DocumentsController(IssuedDocuments documents) {
        this.documents = documents;
    }

    public record Verdict(String sha256, boolean issued, List<IssuedDocuments.Issued> documents, String message) {
    }

    @Get
    public Verdict byHash(@Nullable @QueryValue String sha256) {
        if (sha256 == null || !sha256.strip().toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
            throw ProblemException.badInput("sha256", "give the document's SHA-256 as 64 hexadecimal characters, or POST the PDF itself");
        }
        return verdict(sha256.strip().toLowerCase(Locale.ROOT));
    }

    @Post
    @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    public Verdict byContent(@Nullable @Body byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw ProblemException.badInput("body", "send the PDF you were given as the request body (Content-Type: application/pdf)");
        }
        return verdict(Hashing.sha256(pdf));
    }

    private Verdict verdict(String sha256) {
        var found = documents.withHash(sha256);
        return new Verdict(sha256, !found.isEmpty(), found, found.isEmpty()
                ? "No document with this SHA-256 was issued by Levelfield: it is not the document as issued, or it was altered."
                : "This is exactly the " + found.getFirst().kind() + " issued for round '" + found.getFirst().roundTitle() + "' on "
                + found.getFirst().issuedAt() + (found.getFirst().issuedBy() == null ? "" : " by " + found.getFirst().issuedBy()) + ".");
    }
}
