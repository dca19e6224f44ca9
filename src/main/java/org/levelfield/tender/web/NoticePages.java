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
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.common.mail.Notices;

/** The notices sent to the signed-in person's organisations, newest first, with the date each was sent. */
@Controller("/notices")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class NoticePages {

    private final Notices notices;
    private final Rounds rounds;

    public NoticePages(Notices notices, Rounds rounds) {
        this.notices = notices;
        this.rounds = rounds;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.person(authentication, request);
        Map<String, Object> model = Page.model("Notices");
        model.put("notices", notices.ofOrganisations(actor.organisations()).stream().map(n -> Map.of("notice", n,
                "round", n.roundId() == null ? "" : rounds.find(n.roundId()).map(r -> r.title()).orElse(""))).toList());
        return Page.render("tender/notices", model);
    }
}
