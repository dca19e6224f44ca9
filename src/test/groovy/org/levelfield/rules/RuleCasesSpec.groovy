package org.levelfield.rules

import com.fasterxml.jackson.databind.DeserializationFeature
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule
import org.levelfield.rules.engine.RuleFile
import org.levelfield.rules.engine.Ruleset
import org.levelfield.rules.engine.RulesetLoader
import org.levelfield.rules.facts.Thresholds
import org.levelfield.rules.model.Stage
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Finds every rule file under rules/ and runs the cases written beside it
 * (<rule file>.cases.json): each rule needs at least one case where it fires and one where it does not. A case may
 * also name a message one of the rule's findings must contain ({@code messageContains}), one none may contain
 * ({@code noMessageContains}, for the day before a duty or regime begins), and the one severity its finding has.
 */
class RuleCasesSpec extends Specification {

    static final Path RULES = Path.of("rules")
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)

    @Shared
    List<RuleFile> files = RulesetLoader.read(RULES)
    @Shared
    Map<String, Ruleset> compiled = [:]

    def "every rule file has cases where it fires and where it does not"() {
        expect:
        !files.isEmpty()

        and:
        files.each { file ->
            Path cases = casesFile(file)
            assert Files.exists(cases): "rules/${file.path()} has no cases file ${RULES.relativize(cases)}"
            def written = JSON.readValue(cases.toFile(), Map)
            assert written.rule == file.ruleId(): "${cases} says it is for ${written.rule}, not ${file.ruleId()}"
            assert written.cases.any { it.fires }: "rules/${file.path()} has no case where it fires"
            assert written.cases.any { !it.fires }: "rules/${file.path()} has no case where it does not fire"
        }
    }

    def "#ruleId: #caseName"() {
        when:
        def findings = rulesetFor(file).evaluate(file.stage(), facts(written.facts as List))
        def own = findings.findAll { it.ruleId() == file.ruleId() }

        then:
        (own.size() > 0) == written.fires
        !written.messageContains || own.any { it.message().contains(written.messageContains as String) }
        !written.noMessageContains || !own.any { it.message().contains(written.noMessageContains as String) }
        !written.severity || own*.severity()*.name() == [written.severity]

        and: "every finding carries the rule's declared attributes"
        own.every { it.ruleName() && it.citation() && it.severity() && it.force() && it.subjectId() && it.subjectLabel() }

        where:
        [file, written] << allCases()
        ruleId = file.ruleId()
        caseName = written.name
    }

    def "the eligibility rules run alone over facts given what the regime rules derived from them find what they find with the regime rules, in every eligibility case"() {
        given: "every rule, as the service runs them"
        def ruleset = RulesetLoader.compile(files)
        def cases = allCases().findAll { it[0].stage() == Stage.ELIGIBILITY }.collect { [name: "${it[0].ruleId()}: ${it[1].name}", facts: facts(it[1].facts as List)] }

        when:
        def whole = { Map c -> ruleset.evaluate(Stage.ELIGIBILITY, c.facts).findAll { !it.ruleId().startsWith("REG-") } }
        List<String> differing = cases.findAll { c -> ruleset.evaluateAlone(Stage.ELIGIBILITY, c.facts + ruleset.regime(c.facts)) != whole(c) }*.name
        int differingWithoutRegime = cases.count { c -> ruleset.evaluateAlone(Stage.ELIGIBILITY, c.facts) != whole(c) }
        List<String> derivingOthers = cases.findAll { c -> ruleset.regime(c.facts).any { f -> f instanceof org.levelfield.rules.model.Finding || c.facts.any { it.is(f) } } }*.name

        then:
        cases.size() >= 20
        differing == []

        and: "the regime's facts matter to them: without those, some cases' findings differ"
        differingWithoutRegime >= 5

        and: "what the regime derives is facts only, never its findings or the facts given"
        derivingOthers == []
    }

    private List allCases() {
        RulesetLoader.read(RULES).collectMany { file ->
            Path cases = casesFile(file)
            if (!Files.exists(cases)) return []
            JSON.readValue(cases.toFile(), Map).cases.collect { [file, it] }
        }
    }

    private static Path casesFile(RuleFile file) {
        RULES.resolve(file.path().replace(".drl", ".cases.json"))
    }

    /** The rule file alone, with the regime rules whose derived facts every stage reads. */
    private Ruleset rulesetFor(RuleFile file) {
        compiled.computeIfAbsent(file.path()) {
            def regime = files.findAll { it.stage() == Stage.REGIME && it != file }
            RulesetLoader.compile(regime + [file])
        }
    }

    private static List facts(List written) {
        def facts = written.collect { Map fact ->
            def type = factClass(fact.type as String)
            JSON.convertValue(fact.findAll { it.key != 'type' }, type)
        }
        if (!facts.any { it instanceof Thresholds }) {
            facts << Thresholds.DEFAULTS
        }
        facts
    }

    /** A fact type by its simple name: shared facts in rules.facts, the others beside the stage that reads them. */
    static Class factClass(String simpleName) {
        def found = ["", "rounddesign.", "eligibility.", "scoring.", "award.", "monitoring.", "regime."].findResult { stage ->
            try {
                Class.forName("org.levelfield.rules.facts.$stage$simpleName")
            } catch (ClassNotFoundException ignored) {
                null
            }
        }
        assert found: "no fact type $simpleName in org.levelfield.rules.facts or its stage packages"
        found
    }
}
