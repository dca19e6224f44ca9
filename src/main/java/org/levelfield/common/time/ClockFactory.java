package org.levelfield.common.time;

import java.time.Clock;
import java.time.ZoneId;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one clock of the service. Deadlines and working days are in Europe/London. */
@Factory
public class ClockFactory {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The day an instant falls on in London, or null for null. */
    public static java.time.LocalDate londonDate(java.time.Instant instant) {
        return instant == null ? null : java.time.LocalDate.ofInstant(instant, LONDON);
    }

    @Singleton
    Clock clock() {
        return Clock.system(LONDON);
    }
}
