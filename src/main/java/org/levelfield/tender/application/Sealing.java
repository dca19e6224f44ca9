package org.levelfield.tender.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Singleton;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.model.Round;
import org.levelfield.tender.model.SealPolicy;

/**
 * The deadline seal, as every endpoint applies it: until a round's tender deadline no one but a
 * bidder's own members can see its tender, or who has bid at all.
 */
@Singleton
public class Sealing {

    private final Clock clock;

    public Sealing(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sealed until the deadline; and for good if the round was cancelled before it closed to tenders
     * (a cancelled round's tenders are never opened, whenever its deadline would have been).
     */
    public boolean isSealed(Round round) {
        return neverOpened(round) || SealPolicy.isSealed(clock.instant(), round.tenderDeadline());
    }

    private static boolean neverOpened(Round round) {
        return round.status() == org.levelfield.round.model.RoundStatus.CANCELLED && round.closedAt() == null;
    }

    public void requireUnsealed(Round round) {
        Instant now = clock.instant();
        if (isSealed(round)) {
            throw ProblemException.forbidden("Tenders for round '" + round.title() + "' are sealed until the deadline " + round.tenderDeadline()
                    + " (server time " + now + "). No one but the bidder can see a tender, or who has bid, before then.");
        }
    }
}
