package org.levelfield.round.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Every instance looks for rounds past their deadline on a schedule (levelfield.closing.*). */
@Singleton
@Requires(property = "levelfield.closing.enabled", notEquals = "false")
public class ClosingSchedule {

    private final ClosingRound closing;

    public ClosingSchedule(ClosingRound closing) {
        this.closing = closing;
    }

    @Scheduled(fixedDelay = "${levelfield.closing.interval:30s}", initialDelay = "${levelfield.closing.interval:30s}")
    void closeRoundsPastTheirDeadline() {
        closing.closeAllDue();
    }
}
