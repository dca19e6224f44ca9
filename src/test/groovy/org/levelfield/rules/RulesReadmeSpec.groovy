package org.levelfield.rules

import org.levelfield.rules.engine.RulesetLoader
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/** rules/README.md lists every rule file with the facts it reads and where they are built, so a newcomer finds them from the id. */
class RulesReadmeSpec extends Specification {

    def "every rule file is listed in rules/README.md, under its id, with each fact type it imports"() {
        given:
        String readme = Files.readString(Path.of("rules/README.md"))
        def files = RulesetLoader.read(Path.of("rules"))

        expect:
        !files.isEmpty()
        files.each { file ->
            def line = readme.readLines().find { it.contains("`${file.path()}`") }
            assert line: "rules/README.md does not list rules/${file.path()}"
            assert line.startsWith("| ${file.ruleId()} |"): "rules/README.md lists rules/${file.path()} under another id: $line"
            def imported = (file.text() =~ /import org\.levelfield\.rules\.facts\.(?:[a-z]+\.)?(\w+);/).collect { it[1] }.findAll { it != "Format" }
            imported.each { fact -> assert line.contains("`$fact`"): "rules/README.md does not say where ${file.ruleId()}'s $fact comes from" }
        }
    }
}
