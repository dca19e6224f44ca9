package org.levelfield.scrutiny.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.Hashing;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.document.IssuingDocument;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.scrutiny.ReadingRoom;

/**
 * The scrutiny panel's reading room, for scrutiny members and admins: the rounds to review with their findings,
 * each round's story from the audit trail with the chain verified, its documents as issued, and a check that a
 * document someone was given is exactly one Levelfield issued. Every page only reads.
 */
@Controller("/scrutiny")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ScrutinyPages {

    private final ReadingRoom room;
    private final IssuedDocuments documents;

    public ScrutinyPages(ReadingRoom room, IssuedDocuments documents) {
        this.room = room;
        this.documents = documents;
    }

    @Get
    public HttpResponse<?> rounds(@Nullable @QueryValue String stage, @Nullable @QueryValue String partner, HttpRequest<?> request,
                                  @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        String asked = stage == null || stage.isBlank() ? null : stage.strip().toUpperCase(Locale.ROOT);
        String chosenStage = java.util.Arrays.stream(RoundStatus.values()).map(Enum::name).filter(n -> n.equals(asked)).findFirst().orElse(null);
        String chosenPartner = partner == null || partner.isBlank() ? null : partner.strip();
        Map<String, Object> model = Page.model("Rounds to review");
        model.put("rounds", room.rounds(chosenStage, chosenPartner));
        model.put("stages", List.of(RoundStatus.values()).stream().map(Enum::name).toList());
        model.put("partners", room.partnerNames());
        model.put("stage", chosenStage);
        model.put("partner", chosenPartner);
        return Page.render("scrutiny/rounds", model);
    }

    @Get("/rounds/{roundId}")
    public HttpResponse<?> round(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        ReadingRoom.Story story = room.story(id(roundId, "round")).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Map<String, Object> model = Page.model("The story of " + story.round().title());
        model.put("story", story);
        model.put("round", story.round());
        return Page.render("scrutiny/round", model);
    }

    /** A document exactly as it was issued: the stored bytes, never a new rendering. */
    @Get(value = "/rounds/{roundId}/documents/{documentId}", produces = "application/pdf")
    public HttpResponse<?> document(String roundId, String documentId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        UUID round = id(roundId, "round");
        IssuedDocuments.Document d = documents.find(id(documentId, "document")).filter(doc -> doc.roundId().equals(round))
                .orElseThrow(() -> ProblemException.notFound("document", documentId));
        return new IssuingDocument.Issued(d.id(), d.fileName(), d.sha256(), d.content()).asDownload();
    }

    @Get("/check-document")
    public HttpResponse<?> checkForm(HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        return Page.render("scrutiny/check", Page.model("Check a document"));
    }

    /** Recognises a document by its content (an uploaded PDF) or by a pasted SHA-256; stores nothing. */
    @Post(value = "/check-document", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> check(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable CompletedFileUpload file,
                                 @Nullable String sha256, @Nullable String formToken) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        Map<String, Object> model = Page.model("Check a document");
        Form.requireToken(request, formToken);
        String hash;
        String what;
        try {
            if (file != null && file.getSize() > 0) {
                hash = Hashing.sha256(file.getBytes());
                what = "The file " + file.getFilename();
            } else if (sha256 != null && !sha256.isBlank()) {
                hash = sha256.strip().toLowerCase(Locale.ROOT);
                what = "The SHA-256 you entered";
                model.put("sha256", sha256.strip());
                if (!hash.matches("[0-9a-f]{64}")) {
                    Page.error(model, "sha256", "Enter the SHA-256 as 64 characters, each 0 to 9 or a to f");
                    return Page.render("scrutiny/check", model);
                }
            } else {
                Page.error(model, "file", "Select the PDF you were given, or enter its SHA-256");
                return Page.render("scrutiny/check", model);
            }
        } catch (java.io.IOException unreadable) {
            Page.error(model, "file", "The file could not be read. Try again");
            return Page.render("scrutiny/check", model);
        }
        List<IssuedDocuments.Issued> found = documents.withHash(hash);
        model.put("checked", true);
        model.put("what", what);
        model.put("hash", hash);
        model.put("found", found);
        return Page.render("scrutiny/check", model);
    }

    private static UUID id(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound(what, text);
        }
    }
}
