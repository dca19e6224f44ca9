package org.levelfield.rules.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled set of rule files with its version (SHA-256 over the files). Each stage has its
 * own knowledge base made of that stage's rules plus the regime rules, whose derived facts
 * (the duties and procurement law in force) the other stages read; and one of the stage's rules alone, for facts that
 * already carry what the regime rules derived (the self-check's, whose round does not change: {@link #regime}).
 *
 * <p>The rules have been read, checked and compiled (or found compiled in the compiled-rules cache) before a Ruleset
 * exists; its knowledge bases are put together from those compiled packages once, when {@link #prepare} or
 * {@link #prepareInBackground} is called or a stage's rules first run, whichever comes first. The service starts that
 * in the background a second after it is up (rules/engine/RulesEngine), so startup does not wait for it; a run that
 * comes before it has finished waits for it.
 */
public final class Ruleset {

    private static final Logger LOG = LoggerFactory.getLogger(Ruleset.class);

    private final String version;
    private final List<RuleFile> files;
    private final Origin origin;
    private final Object building = new Object();
    private Supplier<Bases> build;
    private volatile Bases bases;
    /** Each stage's pool of sessions, made at its first run, with the regime rules and without them. */
    private final Map<Stage, KieSessionsPool> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Stage, KieSessionsPool> sessionsAlone = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Stage, io.micrometer.core.instrument.Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile RuntimeException failed;

    /** Where the compiled rules came from: the compiler, or the compiled-rules cache ({@link CompiledRules}). */
    public enum Origin { COMPILED, KEPT }

    /**
     * Each stage's knowledge base: with the regime rules, and alone, for facts that already carry what the regime rules
     * derived from them ({@link #regime}, {@link #evaluateAlone}).
     */
    record Bases(Map<Stage, KieBase> withRegime, Map<Stage, KieBase> alone) {
    }

    Ruleset(String version, List<RuleFile> files, Supplier<Bases> build, Origin origin) {
        this.version = version;
        this.origin = origin;
        this.files = List.copyOf(files);
        this.build = build;
    }

    /** Puts the knowledge bases together now, unless that is done already; returns this ruleset. */
    public Ruleset prepare() {
        bases();
        return this;
    }

    /** Whether the knowledge bases have been put together. */
    public boolean prepared() {
        return bases != null;
    }

    /** Why putting the knowledge bases together failed, if it did (every run of the rules then fails the same way). */
    public java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(failed);
    }

    /**
     * Puts the knowledge bases together on a thread of its own after the given pause, unless that is done already by
     * then (a run of the rules in the meantime does it, and waits for it).
     */
    public void prepareInBackground(Duration after) {
        if (bases != null) {
            return;
        }
        Thread.ofPlatform().daemon().name("rules-bases").start(() -> {
            try {
                Thread.sleep(after);
                long started = System.nanoTime();
                if (bases == null) {
                    bases();
                    LOG.info("The rules' knowledge bases are ready ({} ms)", (System.nanoTime() - started) / 1_000_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("The rules' knowledge bases could not be put together", e);
            }
        });
    }

    private Bases bases() {
        Bases built = bases;
        if (built != null) {
            return built;
        }
        synchronized (building) {
            if (bases == null) {
                if (failed != null) {
                    throw failed;
                }
                try {
                    Bases made = build.get();
                    bases = new Bases(new EnumMap<>(made.withRegime()), made.alone().isEmpty() ? Map.of() : new EnumMap<>(made.alone()));
                    build = null;
                } catch (RuntimeException e) {
                    failed = e;
                    throw e;
                }
            }
            return bases;
        }
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
        KieBase base = bases().withRegime().get(stage);
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
        return run(stage, bases().withRegime().get(stage), sessions, facts, derivedType);
    }

    /**
     * What the regime rules derive from these facts (the duties in force, the procurement law, each lot's service class,
     * the threshold and the round's scope), without their findings and without the facts given. For facts that stay the
     * same from one run to the next (a published round's on one day), derived once and given with them to
     * {@link #evaluateAlone}, instead of the regime rules running again in every run.
     */
    public List<Object> regime(Collection<?> facts) {
        java.util.Set<Object> given = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        given.addAll(facts);
        return run(Stage.REGIME, facts, Object.class).derived().stream()
                .filter(o -> !(o instanceof Finding) && !given.contains(o)).toList();
    }

    /**
     * Runs a stage's own rules, without the regime rules, over facts that already carry what {@link #regime} derived from
     * them: the same findings as {@link #evaluate(Stage, Collection)} gives, less the regime rules' own (RuleCasesSpec
     * checks this over every case of the stages that have such a knowledge base: the eligibility rules).
     */
    public List<Finding> evaluateAlone(Stage stage, Collection<?> factsWithRegime) {
        Bases built = bases();
        KieBase alone = built.alone().get(stage);
        if (alone == null && built.withRegime().containsKey(stage)) {
            throw new IllegalStateException("The " + stage.folder() + " rules have no knowledge base without the regime rules");
        }
        return run(stage, alone, sessionsAlone, factsWithRegime, Finding.class).findings();
    }

    private <T> Run<T> run(Stage stage, KieBase base, Map<Stage, KieSessionsPool> pools, Collection<?> facts, Class<T> derivedType) {
        if (base == null) {
            return new Run<>(List.of(), List.of());
        }
        // A session from the stage's pool: disposing it clears it and gives it back, instead of a new one per run.
        KieSession session = pools.computeIfAbsent(stage, s -> base.newKieSessionsPool(2)).newKieSession();
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
            timers.computeIfAbsent(stage, s -> io.micrometer.core.instrument.Timer.builder("levelfield.rules.run")
                            .description("One run of a stage's rules").tag("stage", s.name())
                            .register(io.micrometer.core.instrument.Metrics.globalRegistry))
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
