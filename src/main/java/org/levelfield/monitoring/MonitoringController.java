package org.levelfield.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.Sealing;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * Monitoring data. An organisation's own members read and replace its return; nobody else ever
 * reads one organisation's answers. Commissioners, scrutiny and admins see only the aggregate over
 * a round's bidders, after the deadline, with counts under 5 withheld. Evaluators see neither.
 */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
public class MonitoringController {

    private final MonitoringReturns returns;
    private final Rounds rounds;
    private final Tenders tenders;
    private final Sealing sealing;
    private final FairnessAnalytics fairness;

    public MonitoringController(MonitoringReturns returns, Rounds rounds, Tenders tenders, Sealing sealing, FairnessAnalytics fairness) {
        this.fairness = fairness;
        this.returns = returns;
        this.rounds = rounds;
        this.tenders = tenders;
        this.sealing = sealing;
    }

    @Get("/organisations/{id}/monitoring")
    @Secured("BIDDER")
    public MonitoringReturn get(UUID id, Authentication authentication) {
        ownOrganisation(id, Actor.of(authentication));
        return returns.find(id).orElseThrow(() -> ProblemException.notFound("monitoring return for organisation", id));
    }

    @Put("/organisations/{id}/monitoring")
    @Secured("BIDDER")
    public MonitoringReturn put(UUID id, @Body MonitoringReturn body, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        ownOrganisation(id, actor);
        return returns.save(id, body, actor);
    }

    /** Who bid in the round, in aggregate: counts per profile flag and per question, under the round's suppression threshold withheld. */
    @Get("/rounds/{roundId}/monitoring-summary")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public Map<String, Object> summary(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        sealing.requireUnsealed(round);
        List<UUID> bidders = tenders.ofRound(roundId).stream().map(Tender::organisationId).distinct().toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roundId", roundId);
        Suppression withheld = new Suppression(rounds.frozenThresholds(roundId).orElse(Thresholds.DEFAULTS).suppressionThreshold());
        out.put("allReturns", returns.aggregate(bidders, false, withheld));
        out.put("publishable", returns.aggregate(bidders, true, withheld));
        return out;
    }

    /**
     * Fairness analytics for the scrutiny panel, from the latest computed award: how small and
     * specialist organisations' tenders scored and passed per criterion and per evaluator, in
     * aggregate with groups under 5 withheld; four-fifths disparities flagged for review.
     */
    @Get("/rounds/{roundId}/fairness")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public Map<String, Object> fairness(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return fairness.analyse(roundId);
    }

    private void ownOrganisation(UUID id, Actor actor) {
        if (!actor.belongsTo(id)) {
            throw ProblemException.notFound("organisation", id);
        }
    }
}
