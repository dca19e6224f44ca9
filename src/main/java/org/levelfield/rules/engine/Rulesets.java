package org.levelfield.rules.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import org.levelfield.rules.infrastructure.RulesetSnapshots;

/**
 * The ruleset in force now, and the rulesets rounds were published under. Publishing freezes the
 * current ruleset (version and text); a round is evaluated with its frozen ruleset until it ends,
 * even after the files under rules/ change.
 */
@Singleton
public class Rulesets {

    private final RulesEngine engine;
    private final RulesetSnapshots snapshots;
    private final Map<String, Ruleset> compiled = new ConcurrentHashMap<>();

    public Rulesets(RulesEngine engine, RulesetSnapshots snapshots) {
        this.engine = engine;
        this.snapshots = snapshots;
    }

    public Ruleset current() {
        return engine.current();
    }

    /** Stores the current ruleset's files under its version and returns it. */
    public Ruleset freezeCurrent(Instant at) {
        Ruleset current = engine.current();
        snapshots.store(current.version(), current.files(), at);
        return current;
    }

    /** The ruleset of a given version: the current one, or a stored one compiled once and kept. */
    public Ruleset forVersion(String version) {
        if (version == null || version.equals(engine.current().version())) {
            return engine.current();
        }
        return compiled.computeIfAbsent(version, v -> {
            List<RuleFile> files = snapshots.find(v).orElseThrow(() ->
                    new IllegalStateException("Ruleset " + v + " is not stored; it cannot be recompiled"));
            Ruleset ruleset = RulesetLoader.compile(files);
            if (!ruleset.version().equals(v)) {
                throw new IllegalStateException("Stored ruleset " + v + " now hashes to " + ruleset.version());
            }
            return ruleset;
        });
    }
}
