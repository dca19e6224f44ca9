package org.levelfield.common.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;

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

        private final Sql sql;

        public Database(Sql sql) {
            this.sql = sql;
        }

        @Override
        protected Map<String, Object> getHealthInformation() {
            Map<String, Object> info = new LinkedHashMap<>();
            try {
                info.put("schemaVersion", sql.one("select version from flyway_schema_history where success order by installed_rank desc limit 1",
                        rs -> rs.getString(1)).orElse("none"));
                healthStatus = HealthStatus.UP;
            } catch (RuntimeException e) {
                healthStatus = HealthStatus.DOWN;
                info.put("error", "The database does not answer: " + e.getMessage());
            }
            return info;
        }

        @Override
        protected String getName() {
            return "levelfield-database";
        }
    }
}
