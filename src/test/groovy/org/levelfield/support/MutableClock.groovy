package org.levelfield.support

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** The service's clock in tests: starts at the real time and moves only when a test moves it. */
@Singleton
@Replaces(Clock)
@Requires(env = "test")
class MutableClock extends Clock {

    private volatile Instant now = Instant.now()
    /** When set, the clock reads the system clock (with its nanoseconds), as the service does in real use. */
    private volatile boolean system = false

    @Override
    ZoneId getZone() { ZoneId.of("Europe/London") }

    @Override
    Clock withZone(ZoneId zone) { this }

    @Override
    Instant instant() { system ? Instant.now() : now }

    void set(Instant instant) { system = false; now = instant }

    /** Follows the real clock from now on, nanoseconds included, until the next set(). */
    void followSystemClock() { system = true }

    void advance(Duration duration) { now = (system ? Instant.now() : now).plus(duration); system = false }
}
