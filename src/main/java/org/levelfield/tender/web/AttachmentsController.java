package org.levelfield.tender.web;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.tender.application.TenderOpening;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.application.AttachingFiles;
import org.levelfield.tender.infrastructure.Attachments;

/**
 * Files attached to tenders. Upload the raw file as the request body with its Content-Type and
 * ?fileName=…; the answer gives its id (to name in a tender) and its SHA-256.
 */
@Controller("/api/attachments")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AttachmentsController {

    private final AttachingFiles attaching;
    private final Attachments attachments;
    private final Tenders tenders;
    private final Rounds rounds;
    private final TenderOpening panels;

    public AttachmentsController(AttachingFiles attaching, Attachments attachments, Tenders tenders, Rounds rounds, TenderOpening panels) {
        this.attaching = attaching;
        this.attachments = attachments;
        this.tenders = tenders;
        this.rounds = rounds;
        this.panels = panels;
    }

    private boolean mayOpen(Tender tender, Actor actor) {
        return panels.mayOpen(rounds.find(tender.roundId()).orElseThrow(), tender, actor);
    }

    @Post
    @Secured("BIDDER")
    @Consumes(MediaType.ALL)
    public HttpResponse<Attachments.Stored> upload(@Nullable @QueryValue String fileName, @Nullable @Body byte[] content,
                                                   HttpRequest<?> request, @Nullable @Header(Actor.ACTING_FOR_HEADER) UUID actingFor,
                                                   Authentication authentication) {
        String type = request.getContentType().map(MediaType::toString).orElse(null);
        var stored = attaching.attach(fileName, type, content, Actor.of(authentication).actingFor(actingFor));
        return HttpResponse.status(HttpStatus.CREATED).body(stored);
    }

    /** The attachments of the signed-in bidder's organisations. */
    @Get
    @Secured("BIDDER")
    public List<Attachments.Stored> mine(Authentication authentication) {
        return Actor.of(authentication).organisations().stream().flatMap(org -> attachments.ofOrganisation(org).stream()).toList();
    }

    @Get("/{id}")
    public HttpResponse<byte[]> download(UUID id, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        Attachments.Stored a = attaching.readable(id, actor);
        if (actor.is(Role.EVALUATOR) && attachments.tendersUsing(id).stream().map(t -> tenders.find(t).orElseThrow())
                .noneMatch(t -> mayOpen(t, actor))) {
            // An evaluator opens a file only through a tender they may open (on the panel, declared, not conflicted).
            throw ProblemException.notFound("attachment", id);
        }
        return HttpResponse.ok(attachments.content(id).orElseThrow())
                .contentType(MediaType.of(a.contentType()))
                .header("Content-Disposition", org.levelfield.common.web.ContentDisposition.attachment(a.fileName()))
                .header("X-Content-SHA256", a.sha256());
    }
}
