package org.levelfield.rules.engine;

import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

/**
 * Part of readiness (GET /health/readiness): the rules are loaded from {@code rules/} (read, checked and compiled, or
 * found compiled). Whether their knowledge bases are put together yet is shown, but does not hold readiness back: a
 * run of the rules before then waits for them.
 */
@Singleton
@Readiness
public class RulesReadiness extends AbstractHealthIndicator<Map<String, Object>> {

    private final RulesEngine rules;

    public RulesReadiness(RulesEngine rules) {
        this.rules = rules;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        int files = rules.current().files().size();
        healthStatus = files > 0 ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("ruleFiles", files, "rulesetVersion", rules.current().version(), "directory", rules.directory().toString(),
                "knowledgeBases", rules.current().prepared() ? "ready" : "being put together");
    }

    @Override
    protected String getName() {
        return "levelfield-rules";
    }
}
