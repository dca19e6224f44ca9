package org.levelfield.award.web;

import java.util.UUID;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.access.Actor;
import org.levelfield.award.application.AwardResult;
import org.levelfield.award.application.ComputingAward;
import org.levelfield.award.application.LotResults;
import org.levelfield.award.report.AwardJustification;

/** Commissioners compute the award; commissioners, scrutiny and admins read it and its justification. */
@Controller("/api/rounds/{roundId}/award")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AwardController {

    private final ComputingAward computing;
    private final AwardJustification justification;
    private final org.levelfield.award.application.OcdsRelease ocds;

    public AwardController(ComputingAward computing, AwardJustification justification, org.levelfield.award.application.OcdsRelease ocds) {
        this.ocds = ocds;
        this.computing = computing;
        this.justification = justification;
    }

    @Post
    @Secured("COMMISSIONER")
    public AwardResult compute(UUID roundId, Authentication authentication) {
        return computing.compute(roundId, Actor.of(authentication));
    }

    @Get
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public AwardResult latest(UUID roundId) {
        return computing.latest(roundId);
    }

    /** The results lot by lot and tender by tender: scores, consensus, caps, gateways, totals, ranks and each tender's findings. */
    @Get("/results")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public LotResults results(UUID roundId) {
        return LotResults.of(computing.latest(roundId));
    }

    /** The award as an OCDS 1.1.5 release with the UK extension's fields (JSON). */
    @Get("/ocds")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public java.util.Map<String, Object> ocds(UUID roundId) {
        return ocds.release(roundId);
    }

    @Get(value = "/justification.pdf", produces = "application/pdf")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public HttpResponse<byte[]> justification(UUID roundId, Authentication authentication) {
        return justification.issue(roundId, Actor.of(authentication)).asDownload();
    }
}
