package org.levelfield.rules

import io.micronaut.context.ApplicationContext
import org.levelfield.rules.engine.RulesetException
import org.levelfield.rules.engine.RulesetLoader
import org.levelfield.support.TestDatabase
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Loading rules/: conventions checked, compile errors named by file and line, version by content. */
class RulesetLoaderSpec extends Specification {

    @TempDir
    Path rules

    static final String GOOD = '''package levelfield.test;
import org.levelfield.rules.facts.LotFact;
import org.levelfield.rules.engine.Findings;

rule "Every lot is noticed"
    @id("RD-19") @severity("INFO") @force("L5") @citation("Test")
when
    $lot : LotFact()
then
    insert(Findings.finding(drools, $lot, "Saw " + $lot.title()));
end
'''

    Path write(String path, String text) {
        Path file = rules.resolve(path)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
    }

    def "a decision's findings list each regime rule once, though every stage's rules carry the regime rules (issue 13, 2.12)"() {
        given:
        def ruleset = RulesetLoader.load(Path.of("rules"))
        def facts = [new org.levelfield.rules.facts.RoundFact("r1", "Pooled round", java.time.LocalDate.of(2026, 3, 2), java.time.LocalDate.of(2026, 12, 29),
                null, null, null, true, 3)]

        when:
        def separately = ruleset.evaluate(org.levelfield.rules.model.Stage.AWARD, facts) + ruleset.evaluate(org.levelfield.rules.model.Stage.MONITORING, facts)
        def together = ruleset.evaluate([org.levelfield.rules.model.Stage.AWARD, org.levelfield.rules.model.Stage.MONITORING], facts)
        def regime = { List found -> found.findAll { it.ruleId().startsWith("REG-") }.collect { it.ruleId() + " " + it.message() } }

        then: "run stage by stage the regime findings come twice; run together, once each"
        !regime(together).isEmpty()
        regime(separately).size() == 2 * regime(together).size()
        regime(together).toSet().size() == regime(together).size()
    }

    def "the rules folder of the project loads, with every rule's metadata"() {
        when:
        def ruleset = RulesetLoader.load(Path.of("rules"))

        then:
        ruleset.version() ==~ /[0-9a-f]{64}/
        ruleset.files()*.ruleId().containsAll(["RD-06", "RD-09", "RD-13", "EQ-05", "REG-02"])
    }

    def "a ruleset frozen before the facts moved beside their stages still compiles and runs, its text and version unchanged"() {
        given: "SC-12 as it was written when ScoreReason lived in org.levelfield.rules.facts"
        def current = Files.readString(Path.of("rules/scoring/SC-12-no-undisclosed-criteria.drl"))
        def frozen = current.replace("org.levelfield.rules.facts.scoring.", "org.levelfield.rules.facts.")
        assert frozen.contains("import org.levelfield.rules.facts.ScoreReason;")
        write("scoring/SC-12-no-undisclosed-criteria.drl", frozen)

        when:
        def ruleset = RulesetLoader.load(rules)
        def findings = ruleset.evaluate(org.levelfield.rules.model.Stage.SCORING, [
                new org.levelfield.rules.facts.scoring.ScoreReason("t1", "Generic Care Ltd", "c9", "Project manager", "Eve", 4, "Section 2", "", "e1"),
                new org.levelfield.rules.facts.scoring.PublishedCriteria("t1", "Lot 1", ["c1"])])

        then:
        findings*.ruleId() == ["SC-12"]
        ruleset.files()[0].text() == frozen
        ruleset.version() == RulesetLoader.version([RulesetLoader.describe("scoring/SC-12-no-undisclosed-criteria.drl", frozen)])
    }

    def "a syntax error names the file and the line"() {
        given:
        write("round-design/RD-19-every-lot-noticed.drl", GOOD.replace('$lot : LotFact()', '$lot : LotFact( title == )'))

        when:
        RulesetLoader.load(rules)

        then:
        def e = thrown(RulesetException)
        e.message.contains("rules/round-design/RD-19-every-lot-noticed.drl, line 8")
    }

    def "#problem is refused at load with the file named"() {
        given:
        write(path, text)

        when:
        RulesetLoader.load(rules)

        then:
        def e = thrown(RulesetException)
        e.message.contains(expected)

        where:
        problem                          | path                                       | text                                                        || expected
        "a rule without @citation"       | "round-design/RD-19-x.drl"                 | GOOD.replace('@citation("Test")', '')                       || "missing @citation"
        "an unknown severity"            | "round-design/RD-19-x.drl"                 | GOOD.replace('"INFO"', '"SERIOUS"')                         || "must be one of [BLOCK, FAIL, WARN, FLAG, INFO]"
        "an id that differs from the file" | "round-design/RD-19-x.drl"               | GOOD.replace('"RD-19"', '"RD-20"')                          || "does not match the file's id RD-19"
        "a file outside a stage folder"  | "misc/RD-19-x.drl"                         | GOOD                                                        || "'misc' is not a stage"
        "a file not named by its id"     | "round-design/lots.drl"                    | GOOD                                                        || "the file name must be the catalogue id"
    }

    static final String READS_IDENTITY = GOOD.replace("import org.levelfield.rules.engine.Findings;",
            "import org.levelfield.rules.engine.Findings;\nimport org.levelfield.monitoring.MonitoringReturn;")
            .replace('$lot : LotFact()', '$lot : LotFact()\n    $m : MonitoringReturn( profileFlags contains "BY_AND_FOR" )')

    def "SEL-11: a rule in #stage that reads who an organisation is led by or serves is refused at load, naming the file and the rule"() {
        given:
        write(path, READS_IDENTITY.replace('"RD-19"', '"' + id + '"'))

        when:
        RulesetLoader.load(rules)

        then:
        def e = thrown(RulesetException)
        e.message.contains("rules/" + path + ": reads identity monitoring data (org.levelfield.monitoring)")
        e.message.contains("Rule SEL-11 (BLOCK")

        where:
        stage          | path                          | id
        "scoring"      | "scoring/EQ-01-x.drl"         | "EQ-01"
        "eligibility"  | "eligibility/SEL-04-x.drl"    | "SEL-04"
        "round-design" | "round-design/RD-13-x.drl"    | "RD-13"
        "award"        | "award/AW-01-x.drl"           | "AW-01"
        "regime"       | "regime/REG-01-x.drl"         | "REG-01"
    }

    def "SEL-11: the monitoring rules and SS-01 may read identity data; a comment that names it is not a read"() {
        given:
        write("monitoring/MON-01-x.drl", READS_IDENTITY.replace('"RD-19"', '"MON-01"').replace("levelfield.test", "levelfield.testmonitoring"))
        write("round-design/SS-01-x.drl", READS_IDENTITY.replace('"RD-19"', '"SS-01"').replace("Every lot is noticed", "Market impact"))
        write("scoring/EQ-01-x.drl", GOOD.replace('"RD-19"', '"EQ-01"').replace("Every lot is noticed", "Scored")
                .replace("levelfield.test", "levelfield.testscoring")
                .replace("rule \"", "// never read profileFlags or MonitoringReturn here\n/* nor ledBy */\nrule \""))

        expect:
        RulesetLoader.load(rules).files()*.ruleId.toSet() == ["MON-01", "SS-01", "EQ-01"] as Set
    }

    def "SEL-11's quick look for the names answers as the full search does, for every shipped rule file and for names in code, comments and longer words"() {
        given:
        def texts = Files.walk(Path.of("rules")).filter { it.toString().endsWith(".drl") }.toList().collect { Files.readString(it) } + [
                "rule \"x\" when \$p : OrganisationFact( profileFlags contains \"WOMEN_LED\" ) then end",
                "// profileFlags\n/* ledBy */ rule \"x\" when then end",
                "import org.levelfield.monitoring.MonitoringReturn; rule \"x\" when then end",
                "rule \"x\" when \$f : Fact( ledByWomen == true, myIdentityAnswers != null ) then end",
                "rule \"x\" when then end"]
        def full = { String text ->
            def found = RulesetLoader.IDENTITY_DATA.matcher(text.replaceAll(/(?s)\/\*.*?\*\/|(?m)^\s*\/\/[^\n]*/, " "))
            found.find() ? found.group() : null
        }

        expect:
        texts.size() > 95
        texts.every { RulesetLoader.identityDataRead(org.levelfield.rules.model.Stage.SCORING, "EQ-01", it) == full(it) }
        texts.count { full(it) != null } == 2
    }

    def "SEL-11 runs on the folder the service actually loads: a scoring rule reading profile flags stops the service from starting"() {
        given: "RULES_DIR can point anywhere, so the build-time scan of rules/ is not enough"
        write("scoring/EQ-01-x.drl", GOOD.replace('"RD-19"', '"EQ-01"').replace("import org.levelfield.rules.engine.Findings;",
                "import org.levelfield.rules.engine.Findings;\nimport org.levelfield.monitoring.MonitoringReturn;")
                .replace('$lot : LotFact()', '$lot : LotFact()\n    MonitoringReturn( profileFlags contains "WOMEN_LED" )'))

        when:
        ApplicationContext.run(TestDatabase.properties(TestDatabase.shared()) +
                ["levelfield.rules.directory": rules.toString(), "levelfield.demo.seed": "false", "levelfield.closing.enabled": "false"], "test")

        then:
        def e = thrown(Exception)
        def messages = []
        for (Throwable t = e; t != null; t = t.cause) messages << t.message
        messages.any { it?.contains("rules/scoring/EQ-01-x.drl: reads identity monitoring data") && it.contains("SEL-11") }
    }

    def "a package declared in two stage folders, or none at all, is refused at load with the file named"() {
        given: "all files compile in one build and each stage takes its own packages, so a shared package would mix stages"
        write("round-design/RD-19-every-lot-noticed.drl", GOOD)
        write("award/AW-01-x.drl", GOOD.replace('"RD-19"', '"AW-01"').replace("Every lot is noticed", "Every lot is noticed at award"))

        when:
        RulesetLoader.load(rules)

        then:
        def shared = thrown(RulesetException)
        shared.message.contains("package levelfield.test is already used by the")
        shared.message.contains("rules/")

        when:
        Files.delete(rules.resolve("award/AW-01-x.drl"))
        write("round-design/RD-19-every-lot-noticed.drl", GOOD.replace("package levelfield.test;", ""))
        RulesetLoader.load(rules)

        then:
        def none = thrown(RulesetException)
        none.message.contains("rules/round-design/RD-19-every-lot-noticed.drl: declares no package")
    }

    def "the version is a SHA-256 of the rule files and changes when a file changes"() {
        given:
        write("round-design/RD-19-every-lot-noticed.drl", GOOD)
        def before = RulesetLoader.load(rules).version()

        when:
        write("round-design/RD-19-every-lot-noticed.drl", GOOD.replace("Saw ", "Noticed "))

        then:
        RulesetLoader.load(rules).version() != before
        RulesetLoader.load(rules).version() == RulesetLoader.load(rules).version()
    }

    def "the service does not start when a rule file does not compile, and says which file"() {
        given:
        write("round-design/RD-19-every-lot-noticed.drl", GOOD.replace("then", "then oops("))

        when:
        ApplicationContext.run(TestDatabase.properties(TestDatabase.shared()) +
                ["levelfield.rules.directory": rules.toString(), "levelfield.demo.seed": "false", "levelfield.closing.enabled": "false"], "test")

        then:
        def e = thrown(Exception)
        def messages = []
        for (Throwable t = e; t != null; t = t.cause) messages << t.message
        messages.any { it?.contains("rules/round-design/RD-19-every-lot-noticed.drl") }
    }
}
