package org.levelfield.evaluation;

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
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;

/** The evaluation's findings that a tender does not meet a published mandatory item (SC-09). */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
public class UnmetMandatoryItemsController {

    private final UnmetMandatoryItems findings;
    private final Rounds rounds;

    public UnmetMandatoryItemsController(UnmetMandatoryItems findings, Rounds rounds) {
        this.findings = findings;
        this.rounds = rounds;
    }

    @Post("/tenders/{tenderId}/unmet-mandatory-items")
    @Secured("COMMISSIONER")
    public HttpResponse<UnmetMandatoryItems.Finding> record(UUID tenderId, @Nullable @Body UnmetMandatoryItems.Recording body,
                                                            Authentication authentication) {
        return HttpResponse.created(findings.record(tenderId, body, Actor.of(authentication)));
    }

    @Get("/rounds/{roundId}/unmet-mandatory-items")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<UnmetMandatoryItems.Finding> ofRound(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return findings.ofRound(roundId);
    }
}
