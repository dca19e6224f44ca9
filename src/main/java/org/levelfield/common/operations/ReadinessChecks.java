package org.levelfield.common.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.rules.engine.RulesEngine;

/**
 * What must hold before the service takes requests (GET /health/readiness): the database answers
 * at the schema version Flyway applied, and the rules are loaded. Liveness (GET /health/liveness)
 * only says the process runs.
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

    @Singleton
    @Readiness
    public static class Rules extends AbstractHealthIndicator<Map<String, Object>> {

        private final RulesEngine rules;

        public Rules(RulesEngine rules) {
            this.rules = rules;
        }

        @Override
        protected Map<String, Object> getHealthInformation() {
            int files = rules.current().files().size();
            healthStatus = files > 0 ? HealthStatus.UP : HealthStatus.DOWN;
            return Map.of("ruleFiles", files, "rulesetVersion", rules.current().version(), "directory", rules.directory().toString());
        }

        @Override
        protected String getName() {
            return "levelfield-rules";
        }
    }
}
