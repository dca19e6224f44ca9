package org.levelfield.round.application;

import java.time.Clock;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/** A round can be cancelled, with reasons, from any state before it is awarded. */
@Singleton
public class CancellingRound {

    private final Rounds rounds;
    private final Clock clock;

    public CancellingRound(Rounds rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @Transactional
    public Round cancel(UUID roundId, String reason, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (!round.status().isCancellable()) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status() + " and can no longer be cancelled.",
                    round.status().name(), round.status().allowedActions());
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badInput("reason", "the reasons for cancelling are required and are kept with the round");
        }
        if (!rounds.transition(roundId, round.status(), RoundStatus.CANCELLED, clock.instant(), actor.userId(), "Cancelled: " + reason.strip())) {
            throw ProblemException.wrongState("Round '" + round.title() + "' was changed by another request; reload it.",
                    round.status().name(), round.status().allowedActions());
        }
        rounds.recordCancellation(roundId, reason.strip());
        return rounds.find(roundId).orElseThrow();
    }
}
