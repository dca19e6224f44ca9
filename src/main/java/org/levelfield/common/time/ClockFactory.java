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

    /**
     * An instant as PostgreSQL's timestamptz keeps it (microseconds). Anything hashed and stored
     * goes through this first, so that what is read back hashes to the same value.
     */
    public static java.time.Instant stored(java.time.Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The system clock ticking in microseconds: every instant the service takes is one the database keeps exactly. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.system(LONDON), java.time.Duration.ofNanos(1_000));
    }
}
