package org.levelfield.architecture

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

/** The layout the guide asks for, kept by a test. */
class ArchitectureSpec extends Specification {

    @Shared
    JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.levelfield")

    def "model packages are plain Java: no Micronaut, Micronaut Data, KIE or Drools"() {
        expect:
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.kie..", "org.drools..", "jakarta.inject..")
                .check(classes)
    }

    def "model packages do not reach into application, infrastructure or web"() {
        expect:
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..web..")
                .check(classes)
    }

    def "model packages hold no JSON mapping, no JDBC and no transactions"() {
        expect:
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "java.sql..", "javax.sql..", "jakarta.transaction..",
                "org.levelfield.common.database..")
                .check(classes)
    }

    def "application code does not reach into any feature's web layer (only the shared problem type in common.web)"() {
        expect:
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("a feature's web classes",
                { com.tngtech.archunit.core.domain.JavaClass c -> c.packageName ==~ /org\.levelfield\.(?!common\.)[a-z]+\.web(\..*)?/ }))
                .check(classes)
    }

    def "a step the rules refuse is a result of the application layer: only web code turns it into a 422"() {
        expect:
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().callMethod(org.levelfield.common.web.ProblemException, "refusedByRules", String, List)
                .check(classes)
    }

    def "rule facts are plain Java, readable by the rules without the framework"() {
        expect:
        noClasses().that().resideInAPackage("org.levelfield.rules.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.kie..", "org.drools..")
                .check(classes)
    }

    def "no two feature packages depend on each other, however indirectly: the features form no cycle"() {
        expect:
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("org.levelfield.(*)..")
                .should().beFreeOfCycles()
                .check(classes)
    }

    def "there are no layer packages at the top: code is packaged by feature"() {
        expect:
        classes.collect { it.packageName }.toSet().every { !(it ==~ /org\.levelfield\.(controller|service|repository|controllers|services|repositories)(\..*)?/) }
    }
}
