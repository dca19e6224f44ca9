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

    @Override
    ZoneId getZone() { ZoneId.of("Europe/London") }

    @Override
    Clock withZone(ZoneId zone) { this }

    @Override
    Instant instant() { now }

    void set(Instant instant) { now = instant }

    void advance(Duration duration) { now = now.plus(duration) }
}
