package org.levelfield.common.time;

import java.time.Clock;
import java.time.ZoneId;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one clock of the service. Deadlines and working days are in Europe/London. */
@Factory
public class ClockFactory {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Singleton
    Clock clock() {
        return Clock.system(LONDON);
    }
}
