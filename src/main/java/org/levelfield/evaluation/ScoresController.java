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
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/** Evaluators record scores; evaluators see their own, commissioners and scrutiny see all. */
@Controller("/api/tenders/{tenderId}/scores")
@ExecuteOn(RequestThreads.NAME)
public class ScoresController {

    private final RecordingScores recording;
    private final Scores scores;
    private final Tenders tenders;
    private final Rounds rounds;
    private final Panels panels;
    private final ReasonRewrites rewrites;

    public ScoresController(RecordingScores recording, Scores scores, Tenders tenders, Rounds rounds, Panels panels, ReasonRewrites rewrites) {
        this.rewrites = rewrites;
        this.panels = panels;
        this.recording = recording;
        this.scores = scores;
        this.tenders = tenders;
        this.rounds = rounds;
    }

    @Post
    @Secured("EVALUATOR")
    public HttpResponse<List<Score>> record(UUID tenderId, @Body RecordingScores.ScoringCommand command, Authentication authentication) {
        return HttpResponse.created(recording.record(tenderId, command, Actor.of(authentication)));
    }

    /** The evaluator rewrites the reason for its own score on a criterion (SC-02, AW-03): the score stays, the original is kept. */
    @Post("/{criterionId}/reason")
    @Secured("EVALUATOR")
    public HttpResponse<ReasonRewrites.Rewrite> rewriteReason(UUID tenderId, UUID criterionId,
                                                              @io.micronaut.core.annotation.Nullable @Body ReasonRewrites.Rewriting body,
                                                              Authentication authentication) {
        return HttpResponse.created(rewrites.rewrite(tenderId, criterionId, body, Actor.of(authentication)));
    }

    @Get
    @Secured({"EVALUATOR", "COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<Score> list(UUID tenderId, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        Tender tender = tenders.find(tenderId).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        if (!rounds.find(tender.roundId()).orElseThrow().status().isInEvaluation()) {
            throw ProblemException.forbidden("Scores exist only once the round has closed.");
        }
        Round round = rounds.find(tender.roundId()).orElseThrow();
        panels.requireMayOpen(round, tender, actor);
        List<Score> current = scores.currentForTender(tenderId);
        // Independent scoring: an evaluator sees the others' scores only once their own are all in.
        boolean ownComplete = round.lot(tender.lotId()).orElseThrow().evaluatorCriteria().stream()
                .allMatch(c -> current.stream().anyMatch(s -> s.evaluatorId().equals(actor.userId()) && s.criterionId().equals(c.id())));
        return current.stream()
                .filter(s -> !actor.is(Role.EVALUATOR) || ownComplete || s.evaluatorId().equals(actor.userId()))
                .toList();
    }
}
