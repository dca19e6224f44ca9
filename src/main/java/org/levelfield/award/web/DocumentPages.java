package org.levelfield.award.web;

import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.document.IssuingDocument;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.report.SafeguardsReportPdf;

/**
 * Every document a round has issued (safeguards reports, award justifications and their public versions,
 * assessment summaries), newest first, each with when, by whom and its SHA-256, and each downloadable as the
 * exact bytes that were issued. The safeguards report is issued from here.
 */
@Controller("/manage/rounds/{roundId}")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class DocumentPages {

    private final Rounds rounds;
    private final IssuedDocuments documents;
    private final SafeguardsReportPdf safeguards;

    public DocumentPages(Rounds rounds, IssuedDocuments documents, SafeguardsReportPdf safeguards) {
        this.rounds = rounds;
        this.documents = documents;
        this.safeguards = safeguards;
    }

    @Get("/documents")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Documents: " + round.title());
        model.put("round", round);
        model.put("documents", documents.ofRound(round.id()));
        return Page.render("manage/documents", model);
    }

    /** The document exactly as it was issued: the stored bytes, never a new rendering. */
    @Get(value = "/documents/{documentId}", produces = "application/pdf")
    public HttpResponse<?> download(String roundId, String documentId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("document", documentId);
        }
        IssuedDocuments.Document d = documents.find(id).filter(doc -> doc.roundId().equals(round.id()))
                .orElseThrow(() -> ProblemException.notFound("document", documentId));
        return new IssuingDocument.Issued(d.id(), d.fileName(), d.sha256(), d.content()).asDownload();
    }

    /** Issues the safeguards report now (every finding by stage, with each warning's justification) and downloads it. */
    @Get(value = "/safeguards.pdf", produces = "application/pdf")
    public HttpResponse<?> safeguardsReport(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        return safeguards.issue(round.id(), actor).asDownload();
    }
}
