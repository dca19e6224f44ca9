package org.levelfield.rules.engine;

import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

/**
 * Part of readiness (GET /health/readiness): the rules are loaded from {@code rules/} (read, checked and compiled, or
 * found compiled). Whether their knowledge bases are put together yet is shown, but does not hold readiness back: a
 * run of the rules before then waits for them. If putting them together failed, readiness is DOWN and says why (the
 * log has the whole error), so that no traffic is sent to an instance whose rules cannot run.
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
        Ruleset ruleset = rules.current();
        healthStatus = up(ruleset) ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("ruleFiles", ruleset.files().size(), "rulesetVersion", ruleset.version(), "directory", rules.directory().toString(),
                "knowledgeBases", knowledgeBases(ruleset));
    }

    /** Ready while there are rules and their knowledge bases are built or being built; not once building them failed. */
    static boolean up(Ruleset ruleset) {
        return !ruleset.files().isEmpty() && ruleset.failure().isEmpty();
    }

    static String knowledgeBases(Ruleset ruleset) {
        return ruleset.failure().map(e -> "could not be put together: " + e.getMessage())
                .orElse(ruleset.prepared() ? "ready" : "being put together");
    }

    @Override
    protected String getName() {
        return "levelfield-rules";
    }
}
