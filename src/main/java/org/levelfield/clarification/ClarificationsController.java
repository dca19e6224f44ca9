package org.levelfield.clarification;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.identity.Actor;

/** Clarification questions (bidders) and answers (commissioners), published to every bidder without the asker's name. */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ClarificationsController {

    private final Clarifications clarifications;

    public ClarificationsController(Clarifications clarifications) {
        this.clarifications = clarifications;
    }

    @Post("/rounds/{roundId}/clarifications")
    @Secured("BIDDER")
    public HttpResponse<Clarifications.Clarification> ask(UUID roundId, @Body Clarifications.Ask ask,
                                                          @Nullable @Header(Actor.ACTING_FOR_HEADER) UUID actingFor,
                                                          Authentication authentication) {
        return HttpResponse.status(HttpStatus.CREATED).body(clarifications.ask(roundId, ask, Actor.of(authentication).actingFor(actingFor)));
    }

    @Get("/rounds/{roundId}/clarifications")
    public List<Clarifications.Clarification> of(UUID roundId, Authentication authentication) {
        return clarifications.of(roundId, Actor.of(authentication));
    }

    @Post("/clarifications/{id}/answer")
    @Secured("COMMISSIONER")
    public Clarifications.Clarification answer(UUID id, @Body Clarifications.Reply reply, Authentication authentication) {
        return clarifications.answer(id, reply, Actor.of(authentication));
    }
}
