package org.levelfield.common.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

/**
 * What must hold before the service takes requests (GET /health/readiness): the database answers
 * at the schema version Flyway applied, and (rules/engine/RulesReadiness) the rules are loaded.
 * Liveness (GET /health/liveness) only says the process runs.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    @Singleton
    @Readiness
    public static class Database extends AbstractHealthIndicator<Map<String, Object>> {

        private final org.levelfield.common.database.DatabaseWatch watch;

        public Database(org.levelfield.common.database.DatabaseWatch watch) {
            this.watch = watch;
        }

        /** From the watch's last probe (every two seconds), so readiness never waits on the database. */
        @Override
        protected Map<String, Object> getHealthInformation() {
            Map<String, Object> info = new LinkedHashMap<>();
            var state = watch.state();
            healthStatus = state.up() ? HealthStatus.UP : HealthStatus.DOWN;
            info.put("schemaVersion", state.schemaVersion() == null ? "not yet checked" : state.schemaVersion());
            info.put("since", state.since().toString());
            if (!state.up()) {
                info.put("error", "The database does not answer: " + state.error());
            }
            return info;
        }

        @Override
        protected String getName() {
            return "levelfield-database";
        }
    }
}
