package org.levelfield.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Stage;

/**
 * A compiled set of rule files with its version (SHA-256 over the files). Each stage has its
 * own knowledge base made of that stage's rules plus the regime rules, whose derived facts
 * (the duties and procurement law in force) the other stages read.
 */
public final class Ruleset {

    private final String version;
    private final List<RuleFile> files;
    private final Map<Stage, KieBase> bases;
    private final Origin origin;

    /** Where the compiled rules came from: the compiler, or the compiled-rules cache ({@link CompiledRules}). */
    public enum Origin { COMPILED, KEPT }

    Ruleset(String version, List<RuleFile> files, Map<Stage, KieBase> bases, Origin origin) {
        this.version = version;
        this.origin = origin;
        this.files = List.copyOf(files);
        this.bases = new EnumMap<>(bases);
    }

    public Origin origin() {
        return origin;
    }

    public String version() {
        return version;
    }

    public List<RuleFile> files() {
        return files;
    }

    public List<RuleFile> files(Stage stage) {
        return files.stream().filter(f -> f.stage() == stage).toList();
    }

    /**
     * The ids of a stage's rules that can take a tender out: those with a rule of severity FAIL, as their
     * own metadata says (the gateways of the award: EQ-05, SC-06, SC-07, SC-08, SC-09 with today's rules).
     */
    public java.util.SortedSet<String> disqualifying(Stage stage) {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        KieBase base = bases.get(stage);
        if (base == null) {
            return ids;
        }
        java.util.Set<String> own = new java.util.HashSet<>();
        files(stage).forEach(f -> own.addAll(f.ruleNames()));
        base.getKiePackages().forEach(p -> p.getRules().forEach(rule -> {
            if (own.contains(rule.getName()) && "FAIL".equals(RuleMetadata.text(rule.getMetaData(), "severity"))) {
                ids.add(RuleMetadata.text(rule.getMetaData(), "id"));
            }
        }));
        return ids;
    }

    /** Runs a stage's rules over the facts and returns every finding, in reading order. */
    public List<Finding> evaluate(Stage stage, Collection<?> facts) {
        return run(stage, facts, Finding.class).findings();
    }

    /**
     * Runs several stages' rules over the same facts: every finding once. Each stage's knowledge base
     * carries the regime rules, so without this a regime finding would be listed once per stage.
     */
    public List<Finding> evaluate(List<Stage> stages, Collection<?> facts) {
        return stages.stream().flatMap(stage -> evaluate(stage, facts).stream()).distinct().sorted(Finding.READING_ORDER).toList();
    }

    /** What one run of a stage's rules produced: the findings, and the facts of one other kind the rules inserted (for example score caps). */
    public record Run<T>(List<Finding> findings, List<T> derived) {
    }

    public <T> Run<T> run(Stage stage, Collection<?> facts, Class<T> derivedType) {
        KieBase base = bases.get(stage);
        if (base == null) {
            return new Run<>(List.of(), List.of());
        }
        KieSession session = base.newKieSession();
        long started = System.nanoTime();
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            List<Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding)) {
                findings.add((Finding) o);
            }
            findings.sort(Finding.READING_ORDER);
            List<T> derived = new ArrayList<>();
            for (Object o : session.getObjects(derivedType::isInstance)) {
                derived.add(derivedType.cast(o));
            }
            return new Run<>(findings, derived);
        } finally {
            session.dispose();
            io.micrometer.core.instrument.Timer.builder("levelfield.rules.run").description("One run of a stage's rules")
                    .tag("stage", stage.name()).register(io.micrometer.core.instrument.Metrics.globalRegistry)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
