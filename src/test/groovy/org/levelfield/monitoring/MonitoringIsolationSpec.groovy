package org.levelfield.monitoring

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

/**
 * Monitoring (identity) data is never read by an eligibility or scoring rule (catalogue SEL-11,
 * RD-13): this spec fails the build if a rule file under rules/eligibility or rules/scoring names
 * any field, code or type of the monitoring return, or if rule facts or the code that builds them
 * reach the monitoring package. The names are read from the monitoring classes themselves.
 */
class MonitoringIsolationSpec extends Specification {

    static final List<String> GUARDED = ["eligibility", "scoring"]

    /** Everything that identifies monitoring data, minus words the rule facts legitimately share (such as "characteristic"). */
    static Set<String> monitoringNames() {
        Set<String> names = [] as Set
        [MonitoringReturn, MonitoringReturn.IdentityAnswer].each { type ->
            names << type.simpleName
            type.recordComponents.each { names << it.name }
        }
        names.addAll(MonitoringReturn.PROFILE_FLAGS)
        names.addAll(MonitoringReturn.ABOUT)
        names << "organisation_monitoring" << "MonitoringReturns" << "org.levelfield.monitoring"
        def facts = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.levelfield.rules.facts")
        Set<String> shared = facts.collectMany { c -> c.reflect().recordComponents?.collect { it.name } ?: [] } as Set
        names - shared - ["organisationId", "updatedAt", "asked", "reply", "group", "about"]
    }

    /** Each line of the text that names monitoring data, as "line N: name". */
    static List<String> references(String text) {
        def names = monitoringNames()
        List<String> found = []
        text.readLines().eachWithIndex { line, i ->
            names.each { name ->
                if (line =~ /(?<![A-Za-z0-9_])${java.util.regex.Pattern.quote(name)}(?![A-Za-z0-9_])/) {
                    found << "line ${i + 1}: $name"
                }
            }
        }
        found
    }

    def "the names guarded include the monitoring return's own fields and codes"() {
        expect:
        monitoringNames().containsAll(["profileFlags", "identityAnswers", "consentToPublish", "WOMEN_LED", "BY_AND_FOR", "LED_BY", "MonitoringReturn"])
        !monitoringNames().contains("characteristic")
    }

    def "the scan finds a rule that reads monitoring data"() {
        given:
        String badRule = '''
            rule "Prefer women-led organisations"
            when
                $b : BidderProfileFact( profileFlags contains "WOMEN_LED" )
            then
            end'''

        expect:
        references(badRule).sort() == ["line 4: WOMEN_LED", "line 4: profileFlags"]
        references('$b : BidderProfileFact( turnoverPence > 0 )') == []
    }

    def "no eligibility or scoring rule references monitoring data"() {
        given:
        Path rules = Path.of("rules")
        List<String> offences = []
        GUARDED.each { stage ->
            Path folder = rules.resolve(stage)
            assert Files.isDirectory(folder): "rules/$stage is missing"
            Files.list(folder).withCloseable { files ->
                files.filter { it.toString().endsWith(".drl") }.sorted().forEach { file ->
                    references(Files.readString(file)).each { offences << "${rules.relativize(file)} $it" }
                }
            }
        }

        expect:
        offences == []
    }

    def "rule facts and the code that checks eligibility or takes tenders never reach the monitoring package"() {
        given:
        def classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.levelfield")

        expect:
        noClasses().that().resideInAnyPackage("org.levelfield.rules..", "org.levelfield.bidder..", "org.levelfield.tender..",
                "org.levelfield.evaluation..")
                .should().dependOnClassesThat().resideInAPackage("org.levelfield.monitoring..")
                .check(classes)
    }
}
