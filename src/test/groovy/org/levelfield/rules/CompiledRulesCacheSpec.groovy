package org.levelfield.rules

import org.levelfield.rules.engine.Ruleset
import org.levelfield.rules.engine.RulesEngine
import org.levelfield.rules.engine.RulesetException
import org.levelfield.rules.engine.RulesetLoader
import org.levelfield.rules.facts.RoundFact
import org.levelfield.rules.model.Stage
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.time.LocalDate

/**
 * Issue 15, part 10: the rules are compiled once and kept (in memory for the process, on disk across restarts), so a
 * restart does not compile them again; what is kept is used only from a folder no one else can write, only for the
 * same rules, classes and Drools, and anything unreadable is compiled afresh.
 */
class CompiledRulesCacheSpec extends Specification {

    @TempDir
    Path temp

    String before

    /**
     * The project's rules, copied with a comment of this run's own, so their version is one no other thread of the test
     * JVM loads: a scheduled job of another spec's service, loading the project's rules between this spec's
     * {@code forgetLoaded()} and its own load, once handed it that thread's ruleset (read from the whole entry this spec
     * had just cut short).
     */
    Path ownRules

    def setup() {
        before = System.getProperty("levelfield.rules.cache")
        RulesetLoader.forgetLoaded()
        ownRules = temp.resolve("own-rules")
        Path project = Path.of("rules")
        Files.walk(project).withCloseable { paths ->
            paths.each { Path from ->
                Path to = ownRules.resolve(project.relativize(from).toString())
                if (Files.isDirectory(from)) Files.createDirectories(to) else Files.copy(from, to)
            }
        }
        Path regime = ownRules.resolve("regime/REG-01-equality-duties-by-decision-date.drl")
        Files.writeString(regime, Files.readString(regime) + "\n// CompiledRulesCacheSpec ${UUID.randomUUID()}\n")
    }

    def cleanup() {
        if (before == null) System.clearProperty("levelfield.rules.cache") else System.setProperty("levelfield.rules.cache", before)
        RulesetLoader.forgetLoaded()
    }

    static List regimeFindings(Ruleset ruleset) {
        def facts = [new RoundFact("r1", "Pooled round", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 29), null, null, null, true, 3)]
        ruleset.evaluate([Stage.AWARD, Stage.ROUND_DESIGN], facts).collect { it.ruleId() + " " + it.message() }.sort()
    }

    Path cacheFolder(String permissions) {
        Path folder = temp.resolve("cache")
        Files.createDirectories(folder)
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(permissions))
        System.setProperty("levelfield.rules.cache", folder.toString())
        folder
    }

    def "the first load compiles and keeps the result; a restart reads it and finds exactly what the compiler's rules find"() {
        given:
        def folder = cacheFolder("rwx------")

        when:
        def first = RulesetLoader.load(ownRules)
        RulesetLoader.forgetLoaded()
        def second = RulesetLoader.load(ownRules)

        then:
        first.origin() == Ruleset.Origin.COMPILED
        Files.list(folder).filter { it.toString().endsWith(".kpkg") }.count() == 1
        second.origin() == Ruleset.Origin.KEPT
        second.version() == first.version()
        !regimeFindings(first).isEmpty()
        regimeFindings(second) == regimeFindings(first)
        second.disqualifying(Stage.SCORING) == first.disqualifying(Stage.SCORING)
    }

    def "a start with the rules kept does not wait for the knowledge bases: the entry is checked whole, and its packages are read back and put together on first use or in the background once the server is up"() {
        given:
        cacheFolder("rwx------")
        def compiled = RulesetLoader.load(ownRules)
        def expected = regimeFindings(compiled)
        RulesetLoader.forgetLoaded()

        when: "a restart loads the rules from the cache"
        def kept = RulesetLoader.load(ownRules)

        then: "nothing is put together yet"
        kept.origin() == Ruleset.Origin.KEPT
        !kept.prepared()

        when: "the first run of a stage's rules"
        def found = regimeFindings(kept)

        then: "waits for them, and finds what the compiler's rules find"
        kept.prepared()
        found == expected

        when: "the service starts with kept rules and its server comes up"
        RulesetLoader.forgetLoaded()
        def engine = new RulesEngine("rules")
        assert !engine.current().prepared()
        engine.onApplicationEvent(null)

        then: "they are put together without any run asking for them"
        new PollingConditions(timeout: 60).eventually {
            assert engine.current().prepared()
        }
        regimeFindings(engine.current()) == expected
    }

    def "if putting the knowledge bases together fails, every run says so and readiness turns DOWN with the reason"() {
        given: "a ruleset whose knowledge bases cannot be put together"
        def files = RulesetLoader.read(ownRules)
        def ruleset = new Ruleset("v-test", files, { throw new RulesetException("The compiled rules lack a package of the regime rules") }, Ruleset.Origin.KEPT)

        expect: "ready while they are being put together"
        org.levelfield.rules.engine.RulesReadiness.up(ruleset)
        org.levelfield.rules.engine.RulesReadiness.knowledgeBases(ruleset) == "being put together"

        when:
        ruleset.prepareInBackground(java.time.Duration.ZERO)

        then: "the failure is kept, not retried on every run"
        new PollingConditions(timeout: 10).eventually {
            assert ruleset.failure().isPresent()
        }
        !org.levelfield.rules.engine.RulesReadiness.up(ruleset)
        org.levelfield.rules.engine.RulesReadiness.knowledgeBases(ruleset) == "could not be put together: The compiled rules lack a package of the regime rules"

        when:
        ruleset.evaluate(Stage.ROUND_DESIGN, [])

        then:
        def e = thrown(RulesetException)
        e.message == "The compiled rules lack a package of the regime rules"
        !ruleset.prepared()
    }

    def "an entry that is whole but does not read back is compiled again when the knowledge bases are put together"() {
        given:
        def folder = cacheFolder("rwx------")
        def expected = regimeFindings(RulesetLoader.load(ownRules))
        RulesetLoader.forgetLoaded()
        Path kept = Files.list(folder).filter { it.toString().endsWith(".kpkg") }.findFirst().get()
        byte[] garbage = "not a serialised package".getBytes("UTF-8")
        def crc = new java.util.zip.CRC32C()
        crc.update(garbage)
        def entry = java.nio.ByteBuffer.allocate(8 + garbage.length).putLong(((long) garbage.length << 32) | crc.value).put(garbage)
        Files.write(kept, entry.array())

        when:
        def ruleset = RulesetLoader.load(ownRules)

        then:
        ruleset.origin() == Ruleset.Origin.KEPT
        regimeFindings(ruleset) == expected

        and: "the entry was written again whole"
        Files.size(kept) > 100_000
    }

    def "in one process the same rules are compiled once, and a preload started earlier is waited for, not repeated"() {
        given:
        System.setProperty("levelfield.rules.cache", "off")

        when:
        RulesetLoader.preload(ownRules)
        def a = RulesetLoader.load(ownRules)
        def b = RulesetLoader.load(ownRules)

        then:
        a.is(b)
        a.origin() == Ruleset.Origin.COMPILED
    }

    def "the service starts with the load begun at launch, without reading the folder again; a failed preload is reported from the start itself"() {
        given: "a rules folder with one good file"
        System.setProperty("levelfield.rules.cache", "off")
        Path rules = temp.resolve("rules")
        Files.createDirectories(rules.resolve("round-design"))
        Path file = rules.resolve("round-design/RD-19-every-lot-noticed.drl")
        String good = RulesetLoaderSpec.GOOD.replace("LotFact", "RoundFact")
        Files.writeString(file, good)

        when: "launch preloads it, and the file changes before the context takes the rules"
        RulesetLoader.preload(rules)
        def preloaded = RulesetLoader.load(rules)
        Files.writeString(file, good.replace("Saw ", "Noticed "))
        def started = RulesetLoader.loadAtStartup(rules)

        then: "the context starts with the rules as launch read them: the same ruleset, not a second reading"
        started.is(preloaded)

        when: "a second context in the same process (no preload left)"
        RulesetLoader.forgetLoaded()
        def again = RulesetLoader.loadAtStartup(rules)

        then: "reads the folder itself"
        !again.is(preloaded)
        again.evaluate(Stage.ROUND_DESIGN, [new RoundFact("r1", "Pooled round", null, null, null, null, null, true, 3)])*.message() == ["Noticed Pooled round"]

        when: "the file is broken at launch"
        RulesetLoader.forgetLoaded()
        Files.writeString(file, good.replace('$lot : RoundFact()', '$lot : RoundFact( title == )'))
        RulesetLoader.preload(rules)
        RulesetLoader.loadAtStartup(rules)

        then: "the start stops with its name and line"
        def e = thrown(RulesetException)
        e.message.contains("rules/round-design/RD-19-every-lot-noticed.drl, line 8")

        when: "a preload of another folder is not taken for this one"
        RulesetLoader.forgetLoaded()
        Files.writeString(file, good)
        Path other = temp.resolve("other-rules")
        Files.createDirectories(other.resolve("round-design"))
        Files.writeString(other.resolve("round-design/RD-20-lots-noticed.drl"), good.replace("RD-19", "RD-20").replace("rule \"", "rule \"Other "))
        RulesetLoader.preload(other)
        def own = RulesetLoader.loadAtStartup(rules)

        then:
        own.files()*.path() == ["round-design/RD-19-every-lot-noticed.drl"]
    }

    def "a kept entry that cannot be read is compiled afresh (and replaced)"() {
        given:
        def folder = cacheFolder("rwx------")
        RulesetLoader.load(ownRules)
        RulesetLoader.forgetLoaded()
        Path kept = Files.list(folder).filter { it.toString().endsWith(".kpkg") }.findFirst().get()
        long whole = Files.size(kept)
        byte[] bytes = Files.readAllBytes(kept)
        Files.write(kept, Arrays.copyOf(bytes, bytes.length.intdiv(2)))
        bytes = null

        when:
        def ruleset = RulesetLoader.load(ownRules)

        then:
        ruleset.origin() == Ruleset.Origin.COMPILED
        !regimeFindings(ruleset).isEmpty()

        Files.size(kept) > whole.intdiv(2) + 1000

        when: "the entry was written again whole, so the next start reads it"
        RulesetLoader.forgetLoaded()

        then:
        RulesetLoader.load(ownRules).origin() == Ruleset.Origin.KEPT
    }

    def "a folder others can write to is not used, since what is read from it becomes code"() {
        given:
        def folder = cacheFolder("rwxrwxrwx")

        when:
        RulesetLoader.load(ownRules)
        RulesetLoader.forgetLoaded()
        def again = RulesetLoader.load(ownRules)

        then:
        again.origin() == Ruleset.Origin.COMPILED
        Files.list(folder).count() == 0
    }

    def "a rule file changed after its rules were kept is compiled, and a broken one still stops the load with its name and line"() {
        given:
        cacheFolder("rwx------")
        Path rules = temp.resolve("rules")
        Files.createDirectories(rules.resolve("round-design"))
        Path file = rules.resolve("round-design/RD-19-every-lot-noticed.drl")
        String good = RulesetLoaderSpec.GOOD.replace("LotFact", "RoundFact")
        Files.writeString(file, good)
        RulesetLoader.load(rules)
        RulesetLoader.forgetLoaded()

        when:
        Files.writeString(file, good.replace('$lot : RoundFact()', '$lot : RoundFact( title == )'))
        RulesetLoader.load(rules)

        then:
        def e = thrown(RulesetException)
        e.message.contains("rules/round-design/RD-19-every-lot-noticed.drl, line 8")

        when:
        Files.writeString(file, good.replace("Saw ", "Noticed "))
        def changed = RulesetLoader.load(rules)

        then:
        changed.origin() == Ruleset.Origin.COMPILED
        changed.evaluate(Stage.ROUND_DESIGN, [new RoundFact("r1", "Pooled round", null, null, null, null, null, true, 3)])*.message() == ["Noticed Pooled round"]
    }
}
