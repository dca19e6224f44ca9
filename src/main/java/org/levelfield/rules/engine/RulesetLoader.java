package org.levelfield.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.kie.api.definition.rule.Rule;
import org.levelfield.common.Hashing;
import org.levelfield.rules.model.LegalForce;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;

/**
 * Reads {@code .drl} files from a rules folder ({@code <stage>/<ID>-<slug>.drl}), checks the
 * conventions (stage folder, catalogue id in the name, every rule's id, severity, legal force and
 * citation), and compiles them. Any problem is a {@link RulesetException} naming the file and line.
 */
public final class RulesetLoader {

    private static final Pattern FILE_NAME = Pattern.compile("((?:REG|RD|SEL|SC|EQ|SS|DR|AW|MON)-\\d{2})-[a-z0-9-]+\\.drl");
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|(?m)^\\s*//[^\\n]*");

    /**
     * Who an organisation is led by or serves (its monitoring return, its profile flags and their values). Catalogue
     * SEL-11: only the monitoring rules and SS-01 (market impact on specialist provision) may read these; an
     * eligibility, scoring or any other rule that does would select or score bidders by identity (RD-13).
     */
    private static final List<String> IDENTITY_NAMES = List.of("profileFlags", "identityAnswers", "IdentityAnswer", "MonitoringReturn",
            "ledBy", "servesGroups", "WOMEN_LED", "BME_LED", "DISABLED_PEOPLES_ORGANISATION", "BY_AND_FOR", "USER_LED", "LGBT_LED");
    private static final String MONITORING_PACKAGE = "org.levelfield.monitoring";
    public static final Pattern IDENTITY_DATA = Pattern.compile("\\b(" + String.join("|", IDENTITY_NAMES) + ")\\b"
            + "|\\b" + Pattern.quote(MONITORING_PACKAGE) + "\\b");

    /** Rulesets loaded in this process by version, so each is compiled once however many contexts start. */
    private static final Map<String, CompletableFuture<Ruleset>> LOADED = new ConcurrentHashMap<>();
    private static final Deque<String> ORDER = new ArrayDeque<>();
    private static final int KEPT_IN_MEMORY = 4;

    private RulesetLoader() {
    }

    /** Reads and compiles every rule file under the folder. */
    public static Ruleset load(Path directory) {
        return compile(read(directory));
    }

    /** Reads every rule file under the folder and checks its place and name, without compiling. */
    public static List<RuleFile> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RulesetException("Rules directory does not exist: " + directory.toAbsolutePath());
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the rules directory " + directory, e);
        }
        List<RuleFile> files = new ArrayList<>();
        for (Path path : paths) {
            String relative = directory.relativize(path).toString().replace('\\', '/');
            try {
                files.add(describe(relative, Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read rule file " + path, e);
            }
        }
        return files;
    }

    /** Describes one rule file from its path relative to the rules folder and its text. */
    public static RuleFile describe(String relativePath, String text) {
        String[] parts = relativePath.split("/");
        if (parts.length != 2) {
            throw new RulesetException("rules/" + relativePath + ": a rule file must sit directly in a stage folder, rules/<stage>/<ID>-<slug>.drl");
        }
        Stage stage = Stage.ofFolder(parts[0]).orElseThrow(() -> new RulesetException("rules/" + relativePath
                + ": '" + parts[0] + "' is not a stage; use one of regime, round-design, eligibility, scoring, award, monitoring"));
        Matcher name = FILE_NAME.matcher(parts[1]);
        if (!name.matches()) {
            throw new RulesetException("rules/" + relativePath + ": the file name must be the catalogue id and a slug, e.g. RD-09-criteria-weights-add-up.drl");
        }
        List<String> ruleNames = new ArrayList<>();
        Matcher rule = RULE_NAME.matcher(text);
        while (rule.find()) {
            ruleNames.add(rule.group(1));
        }
        if (ruleNames.isEmpty()) {
            throw new RulesetException("rules/" + relativePath + ": declares no rule");
        }
        String identity = identityDataRead(stage, name.group(1), text);
        if (identity != null) {
            throw new RulesetException("rules/" + relativePath + ": reads identity monitoring data (" + identity + "). Rule SEL-11 (BLOCK, "
                    + "rule-set integrity): who an organisation is led by or serves is recorded only for monitoring and the market-impact "
                    + "check SS-01; no other rule may use it (Procurement Act 2023 s12(2), Equality Act 2010 s29).");
        }
        return new RuleFile(relativePath, stage, name.group(1), Hashing.sha256(text), List.copyOf(ruleNames), text);
    }

    /**
     * The first identity-data name a rule file's code (comments aside) refers to, or null when it refers to none or
     * may read it: files in the monitoring folder and SS-01's files (SEL-11).
     */
    public static String identityDataRead(Stage stage, String ruleId, String text) {
        if (stage == Stage.MONITORING || "SS-01".equals(ruleId)) {
            return null;
        }
        // A file that names none of them anywhere, comments included, cannot read them; most files are such, and this
        // look-up costs a fraction of the pattern's search, which every start runs on every file.
        if (IDENTITY_NAMES.stream().noneMatch(text::contains) && !text.contains(MONITORING_PACKAGE)) {
            return null;
        }
        Matcher found = IDENTITY_DATA.matcher(COMMENTS.matcher(text).replaceAll(" "));
        return found.find() ? found.group() : null;
    }

    /** Compiles the files into one knowledge base per stage (each with the regime rules). */
    public static Ruleset compile(List<RuleFile> files) {
        Map<String, RuleFile> byRuleName = new HashMap<>();
        for (RuleFile file : files) {
            for (String ruleName : file.ruleNames()) {
                RuleFile other = byRuleName.putIfAbsent(ruleName, file);
                if (other != null) {
                    throw new RulesetException("rules/" + file.path() + ": rule name \"" + ruleName
                            + "\" is already used in rules/" + other.path() + "; each rule's name must be unique");
                }
            }
        }
        Map<String, Stage> stageOfPackage = new HashMap<>();
        for (RuleFile file : files) {
            String pkg = packageOf(file);
            Stage other = stageOfPackage.putIfAbsent(pkg, file.stage());
            if (other != null && other != file.stage()) {
                throw new RulesetException("rules/" + file.path() + ": package " + pkg + " is already used by the "
                        + other.folder() + " rules; each stage folder's rules declare their own package");
            }
        }
        String version = version(files);
        CompletableFuture<Ruleset> mine = new CompletableFuture<>();
        CompletableFuture<Ruleset> known = LOADED.putIfAbsent(version, mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException e) {
                // The other load failed; this one compiles for itself and reports its own error.
                LOADED.remove(version, known);
                return compile(files);
            }
        }
        try {
            Ruleset ruleset = assemble(version, files, byRuleName);
            mine.complete(ruleset);
            synchronized (ORDER) {
                ORDER.addLast(version);
                while (ORDER.size() > KEPT_IN_MEMORY) {
                    LOADED.remove(ORDER.removeFirst());
                }
            }
            return ruleset;
        } catch (RuntimeException e) {
            LOADED.remove(version, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Forgets the rulesets held in memory, so the next load reads the compiled-rules cache or compiles (for specs). */
    public static void forgetLoaded() {
        synchronized (ORDER) {
            LOADED.clear();
            ORDER.clear();
        }
    }

    /** The load {@link #preload} started, with its folder, until {@link #loadAtStartup} takes it. */
    private static final java.util.concurrent.atomic.AtomicReference<Map.Entry<Path, CompletableFuture<Ruleset>>> PRELOADED =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Starts loading the folder on a thread of its own, so that the rules are read, checked and compiled (or read from
     * the compiled-rules cache) while the rest of the service starts; {@link #loadAtStartup} then takes that load
     * instead of reading the folder again. A failure here is reported by that later load.
     */
    public static void preload(Path directory) {
        CompletableFuture<Ruleset> loading = new CompletableFuture<>();
        PRELOADED.set(Map.entry(directory, loading));
        Thread.ofPlatform().daemon().name("rules-preload").start(() -> {
            try {
                loading.complete(load(directory));
            } catch (RuntimeException reportedLater) {
                loading.completeExceptionally(reportedLater);
            }
        });
    }

    /**
     * The ruleset the service starts with: the load {@link #preload} started for this folder at launch (the files as
     * they were then), or, if there was none or it failed, a load now, which reports any problem with its file and line.
     */
    public static Ruleset loadAtStartup(Path directory) {
        Map.Entry<Path, CompletableFuture<Ruleset>> preloaded = PRELOADED.getAndSet(null);
        if (preloaded != null && preloaded.getKey().equals(directory)) {
            try {
                return preloaded.getValue().join();
            } catch (CompletionException failed) {
                // Read and compile again below: the error then comes from this thread, with the file and line.
            }
        }
        return load(directory);
    }

    /**
     * The ruleset of these files: compiled now (any problem stops the load with its file and line, and what compiled is
     * kept in the compiled-rules cache), or found whole in that cache. Either way the knowledge bases are put together
     * later ({@link Ruleset#prepare}); from a cache entry, the packages are read back only then.
     */
    private static Ruleset assemble(String version, List<RuleFile> files, Map<String, RuleFile> byRuleName) {
        String key = CompiledRules.key(version);
        CompiledRules.Kept kept = CompiledRules.find(key);
        if (kept != null) {
            return new Ruleset(version, files, () -> bases(files, keptOrCompiled(kept, key, files, byRuleName)), Ruleset.Origin.KEPT);
        }
        Map<String, KiePackage> compiled = compileAndKeep(key, files, byRuleName);
        return new Ruleset(version, files, () -> bases(files, compiled), Ruleset.Origin.COMPILED);
    }

    private static Map<String, KiePackage> compileAndKeep(String key, List<RuleFile> files, Map<String, RuleFile> byRuleName) {
        Map<String, KiePackage> compiled = build(files);
        checkMetadata(compiled.values(), byRuleName);
        CompiledRules.write(key, compiled.values());
        return compiled;
    }

    /** The packages of a cache entry, or, should they not read back, the files compiled again. */
    private static Map<String, KiePackage> keptOrCompiled(CompiledRules.Kept kept, String key, List<RuleFile> files,
            Map<String, RuleFile> byRuleName) {
        List<KiePackage> read = kept.packages();
        if (read == null) {
            return compileAndKeep(key, files, byRuleName);
        }
        Map<String, KiePackage> packages = new HashMap<>();
        read.forEach(kiePackage -> packages.put(kiePackage.getName(), kiePackage));
        return packages;
    }

    /**
     * Per stage, a knowledge base of its own packages and the regime's; and, for the stages whose rules are run with the
     * regime's facts derived beforehand ({@link Ruleset#evaluateAlone}), one of its own packages alone.
     */
    private static Ruleset.Bases bases(List<RuleFile> files, Map<String, KiePackage> compiled) {
        Set<String> regime = packagesOf(files, Stage.REGIME);
        Map<Stage, KieBase> withRegime = new EnumMap<>(Stage.class);
        Map<Stage, KieBase> alone = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            Set<String> own = packagesOf(files, stage);
            if (own.isEmpty()) {
                continue;
            }
            Set<String> included = new LinkedHashSet<>(regime);
            included.addAll(own);
            withRegime.put(stage, base(stage, included, compiled));
            if (RUN_ALONE.contains(stage)) {
                alone.put(stage, base(stage, own, compiled));
            }
        }
        return new Ruleset.Bases(withRegime, alone);
    }

    /** The stages run with the regime's facts derived beforehand: the self-check's eligibility rules. */
    private static final Set<Stage> RUN_ALONE = Set.of(Stage.ELIGIBILITY);

    private static KieBase base(Stage stage, Set<String> included, Map<String, KiePackage> compiled) {
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        List<KiePackage> packages = included.stream().map(compiled::get).toList();
        if (packages.contains(null)) {
            throw new RulesetException("The compiled rules lack a package of the " + stage.folder() + " rules: " + included);
        }
        base.addPackages(packages);
        return base;
    }

    /** SHA-256 over every file's path and text, in path order. */
    public static String version(List<RuleFile> files) {
        StringBuilder all = new StringBuilder();
        files.stream().sorted((a, b) -> a.path().compareTo(b.path()))
                .forEach(f -> all.append(f.path()).append('\0').append(f.text()).append('\0'));
        return Hashing.sha256(all.toString());
    }

    /** The package a rule file declares; every file declares one. */
    private static String packageOf(RuleFile file) {
        Matcher declared = PACKAGE.matcher(file.text());
        if (!declared.find()) {
            throw new RulesetException("rules/" + file.path() + ": declares no package; begin the file with package levelfield."
                    + file.stage().folder().replace("-", "") + ";");
        }
        return declared.group(1);
    }

    private static Set<String> packagesOf(List<RuleFile> files, Stage stage) {
        Set<String> packages = new LinkedHashSet<>();
        files.stream().filter(f -> f.stage() == stage).forEach(f -> packages.add(packageOf(f)));
        return packages;
    }

    /**
     * Compiles every file in one build (one compiler, one class loader) and returns the packages by name. Each
     * stage's knowledge base is then put together from its own packages and the regime's: building once costs
     * about a sixth of building each stage's knowledge base with the regime rules compiled into each.
     */
    private static Map<String, KiePackage> build(List<RuleFile> files) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleFile file : files) {
            Resource resource = ResourceFactory.newByteArrayResource(FactPackages.current(file.text()).getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath("rules/" + file.path());
            resource.setResourceType(ResourceType.DRL);
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            StringBuilder report = new StringBuilder("Rules do not compile:");
            for (KnowledgeBuilderError error : builder.getErrors()) {
                String path = error.getResource() == null || error.getResource().getSourcePath() == null
                        ? "(unknown file)" : error.getResource().getSourcePath();
                int[] lines = error.getLines();
                report.append("\n  ").append(path).append(", line ").append(lines == null || lines.length == 0 ? 0 : lines[0])
                        .append(": ").append(error.getMessage().strip().replace('\n', ' '));
            }
            throw new RulesetException(report.toString());
        }
        Map<String, KiePackage> packages = new HashMap<>();
        for (KiePackage kiePackage : builder.getKnowledgePackages()) {
            packages.put(kiePackage.getName(), kiePackage);
        }
        return packages;
    }

    private static void checkMetadata(Collection<KiePackage> compiled, Map<String, RuleFile> byRuleName) {
        for (KiePackage kiePackage : compiled) {
            for (Rule rule : kiePackage.getRules()) {
                RuleFile file = byRuleName.get(rule.getName());
                String where = file == null ? "rule \"" + rule.getName() + "\"" : "rules/" + file.path() + ", rule \"" + rule.getName() + "\"";
                Map<String, Object> meta = rule.getMetaData();
                for (String key : RuleMetadata.REQUIRED) {
                    String value = RuleMetadata.text(meta, key);
                    if (value == null || value.isBlank()) {
                        throw new RulesetException(where + ": missing @" + key + "(...); every rule declares @id, @severity, @force and @citation");
                    }
                }
                String id = RuleMetadata.text(meta, "id");
                if (file != null && !id.equals(file.ruleId())) {
                    throw new RulesetException(where + ": @id(\"" + id + "\") does not match the file's id " + file.ruleId());
                }
                checkEnum(where, "severity", RuleMetadata.text(meta, "severity"), Severity.class);
                checkEnum(where, "force", RuleMetadata.text(meta, "force"), LegalForce.class);
            }
        }
    }

    private static <E extends Enum<E>> void checkEnum(String where, String key, String value, Class<E> type) {
        try {
            Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> allowed = Stream.of(type.getEnumConstants()).map(Enum::name).toList();
            throw new RulesetException(where + ": @" + key + "(\"" + value + "\") must be one of " + allowed);
        }
    }
}
