package org.levelfield.award.web;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.application.UnawardedLots;

/** A lot the award left without a compliant tender: what happens to it, decided with reasons (SS-01). */
@Controller("/api/rounds/{roundId}")
@ExecuteOn(RequestThreads.NAME)
public class UnawardedLotsController {

    private final UnawardedLots lots;

    public UnawardedLotsController(UnawardedLots lots) {
        this.lots = lots;
    }

    @Post("/lots/{lotId}/no-award")
    @Secured("COMMISSIONER")
    public HttpResponse<UnawardedLots.Decision> decide(UUID roundId, UUID lotId, @Nullable @Body UnawardedLots.Deciding body, Authentication authentication) {
        return HttpResponse.created(lots.decide(roundId, lotId, body, Actor.of(authentication)));
    }

    @Get("/no-award")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<UnawardedLots.Decision> ofRound(UUID roundId) {
        return lots.ofRound(roundId);
    }
}
