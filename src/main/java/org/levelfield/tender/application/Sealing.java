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

    public boolean isSealed(Round round) {
        return SealPolicy.isSealed(clock.instant(), round.tenderDeadline());
    }

    public void requireUnsealed(Round round) {
        Instant now = clock.instant();
        if (SealPolicy.isSealed(now, round.tenderDeadline())) {
            throw ProblemException.forbidden("Tenders for round '" + round.title() + "' are sealed until the deadline " + round.tenderDeadline()
                    + " (server time " + now + "). No one but the bidder can see a tender, or who has bid, before then.");
        }
    }
}
