package org.levelfield.award.web;

import java.util.UUID;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.application.AwardResult;
import org.levelfield.award.application.ComputingAward;
import org.levelfield.award.application.LotResults;
import org.levelfield.award.report.AwardJustification;

/** Commissioners compute the award; commissioners, scrutiny and admins read it and its justification. */
@Controller("/api/rounds/{roundId}/award")
@ExecuteOn(RequestThreads.NAME)
public class AwardController {

    private final ComputingAward computing;
    private final AwardJustification justification;
    private final org.levelfield.award.application.OcdsRelease ocds;

    private final org.levelfield.round.infrastructure.Rounds rounds;

    public AwardController(ComputingAward computing, AwardJustification justification, org.levelfield.award.application.OcdsRelease ocds,
                           org.levelfield.round.infrastructure.Rounds rounds) {
        this.rounds = rounds;
        this.ocds = ocds;
        this.computing = computing;
        this.justification = justification;
    }

    @Post
    @Secured("COMMISSIONER")
    public AwardResult compute(UUID roundId, Authentication authentication) {
        return org.levelfield.rules.web.Refusals.orRefuse(computing.compute(roundId, Actor.of(authentication)));
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
        return computing.results(roundId);
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

    /**
     * The public version of the report: for the commissioner, scrutiny and admins at any time after the award is
     * computed, and for everyone signed in once the contract award notice is published.
     */
    @Get(value = "/justification-public.pdf", produces = "application/pdf")
    @Secured(io.micronaut.security.rules.SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<byte[]> publicJustification(UUID roundId, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        var round = rounds.find(roundId).orElseThrow(() -> org.levelfield.common.web.ProblemException.notFound("round", roundId));
        boolean officer = actor.is(org.levelfield.common.identity.Role.COMMISSIONER) || actor.is(org.levelfield.common.identity.Role.SCRUTINY)
                || actor.is(org.levelfield.common.identity.Role.ADMIN);
        boolean published = round.status() == org.levelfield.round.model.RoundStatus.STANDSTILL
                || round.status() == org.levelfield.round.model.RoundStatus.AWARDED;
        if (!officer && !published) {
            throw org.levelfield.common.web.ProblemException.notFound("published award report for round", roundId);
        }
        return justification.issuePublic(roundId, actor).asDownload();
    }
}
