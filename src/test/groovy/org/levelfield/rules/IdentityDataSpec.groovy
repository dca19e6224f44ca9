package org.levelfield.rules

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Who an organisation is led by or serves is monitoring data (catalogue RD-13, SEL-11): no
 * eligibility or scoring rule may read it. This scan fails the build if one does.
 */
class IdentityDataSpec extends Specification {

    static final List<String> IDENTITY_WORDS = ["profileFlags", "ledBy", "servesGroups", "monitoring.", "MonitoringData", "OrganisationIdentity"]

    def "no rule under rules/eligibility or rules/scoring refers to identity monitoring data"() {
        given:
        def files = ["eligibility", "scoring"].collectMany { stage ->
            Path dir = Path.of("rules", stage)
            Files.isDirectory(dir) ? Files.walk(dir).filter { it.toString().endsWith(".drl") }.toList() : []
        }

        expect:
        !files.isEmpty()
        files.findAll { file -> IDENTITY_WORDS.any { Files.readString(file).contains(it) } }.isEmpty()
    }
}
