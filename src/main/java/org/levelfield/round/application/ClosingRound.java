package org.levelfield.round.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A round closes to tenders at its deadline: by itself (every instance checks on a schedule; one
 * conditional UPDATE means each round closes exactly once however many instances run), or when a
 * commissioner asks after the deadline.
 */
@Singleton
public class ClosingRound {

    private static final Logger LOG = LoggerFactory.getLogger(ClosingRound.class);

    private final Rounds rounds;
    private final Clock clock;
    private final java.time.Duration grace;

    /**
     * @param grace how long after the deadline a round stays open to tenders that reached the server before it and are
     *              still being processed (a crowd in the last second waits for workers and connections); nothing that
     *              arrives after the deadline is accepted in it.
     */
    public ClosingRound(Rounds rounds, Clock clock,
                        @io.micronaut.context.annotation.Value("${levelfield.closing.grace:30s}") java.time.Duration grace) {
        this.rounds = rounds;
        this.clock = clock;
        this.grace = grace;
    }

    @Transactional
    public List<UUID> closeAllDue() {
        Instant now = clock.instant();
        List<UUID> closed = rounds.closeAllDue(now, now.minus(grace));
        closed.forEach(id -> LOG.info("Closed round {} at its tender deadline", id));
        return closed;
    }

    @Transactional
    public Round close(UUID roundId, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Instant now = clock.instant();
        if (round.status() != RoundStatus.PUBLISHED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; only a PUBLISHED round can be closed.", round.status().name(), round.status().allowedActions());
        }
        if (!round.isPastDeadline(now)) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is open for tenders until " + round.tenderDeadline()
                    + " (server time " + now + "); it can be closed only after its deadline.", round.status().name(),
                    round.status().allowedActions());
        }
        if (round.isPastDeadline(now) && !round.isPastDeadline(now.minus(grace))) {
            throw ProblemException.wrongState("Round '" + round.title() + "' passed its deadline at " + round.tenderDeadline()
                    + "; tenders that reached the server before it are still being received until "
                    + round.tenderDeadline().plus(grace) + " (server time " + now + "). Close it after that.", round.status().name(),
                    round.status().allowedActions());
        }
        if (!rounds.transition(roundId, RoundStatus.PUBLISHED, RoundStatus.CLOSED, now, actor.userId(), "Closed after the tender deadline")) {
            // Another request (or the closing schedule) closed it between our read and our write: say so, not a second success.
            Round now2 = rounds.find(roundId).orElseThrow();
            throw ProblemException.wrongState("Round '" + round.title() + "' was already closed" + (now2.closedAt() == null ? "" : " at " + now2.closedAt())
                    + "; it is now " + now2.status() + ".", now2.status().name(), now2.status().allowedActions());
        }
        return rounds.find(roundId).orElseThrow();
    }
}
