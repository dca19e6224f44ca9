package org.levelfield.adjustment.web;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.identity.Actor;
import org.levelfield.adjustment.Adjustments;

/** Reasonable adjustments: bidders ask, commissioners answer; each step is in the round's audit trail. */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AdjustmentsController {

    private final Adjustments adjustments;

    public AdjustmentsController(Adjustments adjustments) {
        this.adjustments = adjustments;
    }

    @Post("/rounds/{roundId}/adjustments")
    @Secured("BIDDER")
    @Status(HttpStatus.CREATED)
    public Adjustments.Request ask(UUID roundId, @Nullable @Body Adjustments.Ask ask, Authentication authentication) {
        return adjustments.ask(roundId, ask, Actor.of(authentication));
    }

    @Get("/rounds/{roundId}/adjustments")
    @Secured({"BIDDER", "COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<Adjustments.Request> list(UUID roundId, Authentication authentication) {
        return adjustments.of(roundId, Actor.of(authentication));
    }

    @Post("/adjustments/{id}/answer")
    @Secured("COMMISSIONER")
    public Adjustments.Request answer(UUID id, @Nullable @Body Adjustments.Answer answer, Authentication authentication) {
        return adjustments.answer(id, answer, Actor.of(authentication));
    }
}
