package org.levelfield.award.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.levelfield.common.identity.Actor;
import org.levelfield.award.application.NotifyingAward;
import org.levelfield.award.report.AssessmentSummary;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.document.IssuingDocument;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * After the award, for a bidder: its own assessment summary (the PDF it was sent, with its SHA-256)
 * and the contract award notice with the standstill period.
 */
@Controller("/tenders/{tenderId}/award")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class AwardPages {

    private final Tenders tenders;
    private final Rounds rounds;
    private final NotifyingAward notifying;

    public AwardPages(Tenders tenders, Rounds rounds, NotifyingAward notifying) {
        this.tenders = tenders;
        this.rounds = rounds;
        this.notifying = notifying;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Tender tender = own(tenderId, Page.person(authentication, request));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        Map<String, Object> model = Page.model("The award decision");
        model.put("tender", tender);
        model.put("round", round);
        model.put("lot", round.lot(tender.lotId()).orElseThrow());
        Optional<IssuedDocuments.Document> summary = summary(tender);
        model.put("summary", summary.orElse(null));
        model.put("notice", notifying.notice(round.id()).orElse(null));
        return Page.render("award/bidder-award", model);
    }

    /** The assessment summary as a web page: exactly what its PDF says, read from what was issued. */
    @Get("/assessment-summary")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> summaryPage(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Tender tender = own(tenderId, Page.person(authentication, request));
        IssuedDocuments.Document document = summary(tender).orElseThrow(() -> ProblemException.notFound("assessment summary for tender", tenderId));
        AssessmentSummary s = notifying.summaryContentOf(tender).orElse(null);
        if (s == null) {
            return Page.redirect("/tenders/" + tender.id() + "/award/assessment-summary.pdf");
        }
        Map<String, Object> model = Page.model(s.title());
        model.put("tender", tender);
        model.put("document", document);
        model.put("s", s);
        List<Map<String, Object>> parts = new ArrayList<>();
        parts.add(Map.of("heading", "2. Your tender: " + s.own().bidder(), "part", s.own(), "winner", false));
        if (s.winner() != null) {
            parts.add(Map.of("heading", "3. The winning tender: " + s.winner().bidder(), "part", s.winner(), "winner", true));
        }
        model.put("parts", parts);
        return Page.render("award/assessment-summary", model);
    }

    @Get(value = "/assessment-summary.pdf", produces = "application/pdf")
    public HttpResponse<?> pdf(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Tender tender = own(tenderId, Page.person(authentication, request));
        IssuedDocuments.Document d = summary(tender).orElseThrow(() -> ProblemException.notFound("assessment summary for tender", tenderId));
        return new IssuingDocument.Issued(d.id(), d.fileName(), d.sha256(), d.content()).asDownload();
    }

    private Optional<IssuedDocuments.Document> summary(Tender tender) {
        try {
            return Optional.of(notifying.summaryOf(tender));
        } catch (ProblemException notSentYet) {
            return Optional.empty();
        }
    }

    private Tender own(String id, Actor actor) {
        try {
            return tenders.find(UUID.fromString(id)).filter(t -> actor.belongsTo(t.organisationId()) && !t.isDraft())
                    .orElseThrow(() -> ProblemException.notFound("tender", id));
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("tender", id);
        }
    }
}
