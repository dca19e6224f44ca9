package org.levelfield.common.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.levelfield.common.mail.Outbox;

/**
 * Levelfield's own metrics beside Micronaut's request timings (http.server.requests by route):
 * rule runs by stage (levelfield.rules.run, recorded by the rules engine on the global registry
 * this joins) and the outbox depth (levelfield.outbox.pending). Scraped at GET /prometheus.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class Metrics {

    public Metrics(MeterRegistry registry, Outbox outbox) {
        io.micrometer.core.instrument.Metrics.globalRegistry.add(registry);
        Gauge.builder("levelfield.outbox.pending", outbox, o -> {
            try {
                return o.depth();
            } catch (RuntimeException databaseDown) {
                return Double.NaN;
            }
        }).description("Emails not yet accepted by the mail server").register(registry);
    }
}
