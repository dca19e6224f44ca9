package org.levelfield.award.web;

import java.util.UUID;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.award.application.NotifyingAward;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.document.IssuingDocument;
import org.levelfield.common.web.ProblemException;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * A bidder downloads the assessment summary it was sent; the commissioner, the scrutiny panel and
 * admins download any. The bytes are those issued, so the SHA-256 in the headers matches the record.
 */
@Controller("/api/tenders/{tenderId}/assessment-summary.pdf")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AssessmentSummaryController {

    private final Tenders tenders;
    private final NotifyingAward notifying;

    public AssessmentSummaryController(Tenders tenders, NotifyingAward notifying) {
        this.tenders = tenders;
        this.notifying = notifying;
    }

    @Get(produces = "application/pdf")
    public HttpResponse<byte[]> download(UUID tenderId, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        Tender tender = tenders.find(tenderId).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        boolean officer = actor.is(Role.COMMISSIONER) || actor.is(Role.SCRUTINY) || actor.is(Role.ADMIN);
        boolean own = actor.is(Role.BIDDER) && actor.belongsTo(tender.organisationId());
        if (!officer && !own) {
            throw ProblemException.notFound("assessment summary for tender", tenderId);
        }
        IssuedDocuments.Document document = notifying.summaryOf(tender);
        return new IssuingDocument.Issued(document.id(), document.fileName(), document.sha256(), document.content()).asDownload();
    }
}
