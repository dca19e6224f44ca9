package org.levelfield.rules.web;

import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.rules.engine.RulesEngine;
import org.levelfield.rules.engine.Ruleset;

/** The ruleset in force: its version (SHA-256 of the rule files) and what it contains. Public. */
@Controller("/api/rules")
@Secured(SecurityRule.IS_ANONYMOUS)
public class RulesController {

    private final RulesEngine engine;

    public RulesController(RulesEngine engine) {
        this.engine = engine;
    }

    public record RuleFileView(String path, String stage, String ruleId, String sha256, List<String> rules) {
    }

    public record RulesetView(String version, int fileCount, int ruleCount, List<RuleFileView> files) {
    }

    @Get
    public RulesetView ruleset() {
        Ruleset ruleset = engine.current();
        List<RuleFileView> files = ruleset.files().stream()
                .map(f -> new RuleFileView(f.path(), f.stage().folder(), f.ruleId(), f.sha256(), f.ruleNames()))
                .toList();
        return new RulesetView(ruleset.version(), files.size(), files.stream().mapToInt(f -> f.rules().size()).sum(), files);
    }

    @Get("/version")
    public java.util.Map<String, String> version() {
        return java.util.Map.of("version", engine.current().version());
    }
}
