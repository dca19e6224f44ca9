package org.levelfield.rules

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Who an organisation is led by or serves is monitoring data (catalogue RD-13, SEL-11): no
 * eligibility or scoring rule may read it. This scan fails the build if one does.
 */
class IdentityDataSpec extends Specification {

    static final List<String> IDENTITY_WORDS = ["profileFlags", "identityAnswers", "IdentityAnswer", "MonitoringReturn", "ledBy",
            "servesGroups", "levelfield.monitoring.", "WOMEN_LED", "BME_LED", "DISABLED_PEOPLES_ORGANISATION", "BY_AND_FOR", "USER_LED", "LGBT_LED"]

    def "no rule outside rules/monitoring and SS-01 refers to identity monitoring data (SEL-11 covers every other folder)"() {
        given:
        def all = Files.walk(Path.of("rules")).filter { it.toString().endsWith(".drl") }.toList()
        def checked = all.findAll { !it.toString().contains("/monitoring/") && !it.fileName.toString().startsWith("SS-01-") }

        expect: "every stage folder but monitoring is scanned, and the scan has something to scan"
        checked*.parent*.fileName*.toString().toSet() == ["regime", "round-design", "eligibility", "scoring", "award"] as Set
        checked.size() > 80
        checked.findAll { file -> IDENTITY_WORDS.any { Files.readString(file).contains(it) } }.isEmpty()
    }
}
