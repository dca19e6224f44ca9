package org.levelfield.evaluation;

import java.util.List;
import java.util.UUID;

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
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;

/** The moderation sheet and consensus scores (SC-03). */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
public class ModerationController {

    private final Moderation moderation;
    private final Rounds rounds;

    private final org.levelfield.tender.application.Sealing sealing;

    public ModerationController(Moderation moderation, Rounds rounds, org.levelfield.tender.application.Sealing sealing) {
        this.sealing = sealing;
        this.moderation = moderation;
        this.rounds = rounds;
    }

    @Get("/rounds/{roundId}/moderation")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<Moderation.Line> sheet(UUID roundId) {
        var round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (!round.status().isPastDeadline() || sealing.isSealed(round)) {
            throw ProblemException.forbidden("Scores exist only once the round has closed to tenders; a round cancelled before then is never opened.");
        }
        return moderation.sheet(roundId);
    }

    @Post("/tenders/{tenderId}/consensus")
    @Secured("COMMISSIONER")
    public HttpResponse<Moderation.Consensus> record(UUID tenderId, @Body Moderation.Recording body, Authentication authentication) {
        return HttpResponse.created(moderation.record(tenderId, body, Actor.of(authentication)));
    }
}
