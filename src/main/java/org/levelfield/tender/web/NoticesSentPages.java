package org.levelfield.tender.web;

import java.util.Map;

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
import org.levelfield.common.identity.Role;
import org.levelfield.common.mail.Notices;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.Sealing;

/**
 * The notices a round has sent to the organisations taking part (answers to questions, new deadlines,
 * amendments, decisions), newest first. Until the deadline the page does not say who received them or
 * how many did: that would tell who is bidding while the tenders are sealed.
 */
@Controller("/manage/rounds/{roundId}/notices")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class NoticesSentPages {

    private final Rounds rounds;
    private final Notices notices;
    private final Sealing sealing;

    public NoticesSentPages(Rounds rounds, Notices notices, Sealing sealing) {
        this.rounds = rounds;
        this.notices = notices;
        this.sealing = sealing;
    }

    @Get
    public HttpResponse<?> page(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Notices sent: " + round.title());
        model.put("round", round);
        model.put("sealed", sealing.isSealed(round));
        model.put("sent", notices.sentFor(round.id()));
        return Page.render("manage/notices", model);
    }
}
