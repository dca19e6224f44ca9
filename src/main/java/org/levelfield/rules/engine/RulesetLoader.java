package org.levelfield.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
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
    private static final String KIE_ROOT = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

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
        return new RuleFile(relativePath, stage, name.group(1), Hashing.sha256(text), List.copyOf(ruleNames), text);
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
        List<RuleFile> regime = files.stream().filter(f -> f.stage() == Stage.REGIME).toList();
        Map<Stage, KieBase> bases = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            List<RuleFile> own = files.stream().filter(f -> f.stage() == stage).toList();
            if (own.isEmpty()) {
                continue;
            }
            Set<RuleFile> included = new LinkedHashSet<>(regime);
            included.addAll(own);
            KieBase base = build(List.copyOf(included));
            checkMetadata(base, byRuleName);
            bases.put(stage, base);
        }
        return new Ruleset(version(files), files, bases);
    }

    /** SHA-256 over every file's path and text, in path order. */
    public static String version(List<RuleFile> files) {
        StringBuilder all = new StringBuilder();
        files.stream().sorted((a, b) -> a.path().compareTo(b.path()))
                .forEach(f -> all.append(f.path()).append('\0').append(f.text()).append('\0'));
        return Hashing.sha256(all.toString());
    }

    private static KieBase build(List<RuleFile> files) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("org.levelfield", "ruleset", "1.0." + BUILDS.incrementAndGet());
        fileSystem.generateAndWritePomXML(releaseId);
        for (RuleFile file : files) {
            fileSystem.write(KIE_ROOT + file.path(), FactPackages.current(file.text()));
        }
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            StringBuilder report = new StringBuilder("Rules do not compile:");
            for (Message error : errors) {
                String path = error.getPath() == null ? "(unknown file)" : "rules/" + error.getPath().replace(KIE_ROOT, "");
                report.append("\n  ").append(path).append(", line ").append(error.getLine()).append(": ")
                        .append(error.getText().strip().replace('\n', ' '));
            }
            throw new RulesetException(report.toString());
        }
        KieBase base = services.newKieContainer(releaseId).getKieBase();
        services.getRepository().removeKieModule(releaseId);
        return base;
    }

    private static void checkMetadata(KieBase base, Map<String, RuleFile> byRuleName) {
        for (KiePackage kiePackage : base.getKiePackages()) {
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
