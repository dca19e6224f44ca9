package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.award.application.ProcurementRegimes
import org.levelfield.round.infrastructure.Rounds
import org.levelfield.rules.engine.Rulesets
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant
import java.time.LocalDate

/**
 * Issue 17 part 2: the regime rules decide which procurement rules govern a round (its ProcurementScope), by the lots'
 * class of services (REG-03), their value against the threshold in force for that class on the commencement date
 * (REG-04) and the funding channel (REG-05); the rules that do not govern it are switched off or changed, and say why.
 */
@MicronautTest(transactional = false)
class ProcurementScopeSpec extends IntegrationSpec {

    @Inject
    ProcurementRegimes regimes

    @Inject
    Rulesets rules

    @Inject
    Rounds rounds

    /** The fixture round with no conflicts assessment, its lots and details changed. */
    Map design(List<Map> lots, Map details = [:]) {
        def request = RoundFixture.aRound(Instant.parse("2026-12-21T12:00:00Z"))
        request.lots = lots.collect { l ->
            [title: l.title, valueInclVatPence: l.valueInclVatPence, termMonths: 36, criteria: RoundFixture.criteria(),
             terms: [mainSubjectMatter: l.mainSubjectMatter]] + l.subMap(["requiresAuditedAccounts", "insuranceTiming"])
        }
        request.details = RoundFixture.goodDetails() + [conflictsAssessedOn: null] + details
        request
    }

    def checked(Map who, Map request) {
        def round = api("POST", "/api/rounds", who.commissioner, request)
        assert round.status == HttpStatus.CREATED
        def findings = api("POST", "/api/rounds/${round.body.id}/design-check", who.commissioner).body.findings as List<Map>
        def stored = rounds.find(UUID.fromString(round.body.id as String)).orElseThrow()
        [findings: findings, scope: regimes.scopeOf(stored, rules.current(), null)]
    }

    def "a round of £1.2m of social care is a covered procurement: no conflicts assessment blocks it under the Act"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))

        when:
        def result = checked(who, design([[title: "Outreach", valueInclVatPence: 90_000_000, mainSubjectMatter: "SOCIAL_CARE"],
                                          [title: "Deaf survivors", valueInclVatPence: 30_000_000, mainSubjectMatter: "SOCIAL_CARE"]]))
        def conflicts = result.findings.findAll { it.ruleId == "RD-24" }

        then:
        result.scope.code() == "COVERED"
        conflicts*.severity == ["BLOCK"]
        conflicts[0].message.contains("PA 2023 s83")
        result.findings.any { it.ruleId == "REG-04" && it.message.contains("at or above the light-touch threshold of £663,540 including VAT") }
    }

    def "a round of £100,000 is below the threshold: the missing conflicts assessment is a warning, and REG-04 says which rules changed"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))

        when:
        def result = checked(who, design([[title: "Outreach", valueInclVatPence: 10_000_000, mainSubjectMatter: "SOCIAL_CARE"]]))
        def conflicts = result.findings.findAll { it.ruleId == "RD-24" }

        then:
        result.scope.code() == "BELOW_THRESHOLD"
        conflicts*.severity == ["WARN"]
        conflicts[0].message.contains("The Act's duty does not apply, because the round is worth £100,000, below the light-touch threshold")
        result.findings.find { it.ruleId == "REG-04" }.message.contains("below-threshold rules apply")
        !result.findings.any { it.severity == "BLOCK" && it.ruleId == "RD-24" }
    }

    def "£250,000 of other services commenced on 2 March 2026 is covered at £207,720, though it would be below the light-touch threshold"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))

        when:
        def result = checked(who, design([[title: "Translation", valueInclVatPence: 25_000_000, mainSubjectMatter: "OTHER"]]))

        then:
        result.scope.code() == "COVERED"
        result.findings.any { it.ruleId == "REG-04" && it.message.contains("at or above the threshold for other services of £207,720 including VAT") }
        result.findings.findAll { it.ruleId == "RD-24" }*.severity == ["BLOCK"]
    }

    def "a grant in substance goes through the grant channel: no threshold, and the conflicts assessment is a warning"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))

        when:
        def result = checked(who, design([[title: "Outreach", valueInclVatPence: 90_000_000, mainSubjectMatter: "SOCIAL_CARE"]],
                [fundingLabel: "GRANT", authoritySpecifiesService: false]))

        then:
        result.scope.code() == "GRANT"
        result.findings.any { it.ruleId == "REG-05" && it.severity == "INFO" && it.message.contains("grant in substance, through the grant channel") }
        result.findings.any { it.ruleId == "REG-04" && it.message.contains("no procurement threshold applies, because the arrangement is a grant in substance") }
        !result.findings.any { it.ruleId == "REG-04" && it.message.contains("covered procurement") }
        result.findings.findAll { it.ruleId == "RD-24" }*.severity == ["WARN"]
    }

    def "audited accounts and insurance before award: blocked in a covered procurement, a warning below the threshold or for a grant (RD-07)"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))

        when:
        def result = checked(who, design([[title: "Outreach", valueInclVatPence: value, mainSubjectMatter: "SOCIAL_CARE",
                                           requiresAuditedAccounts: true, insuranceTiming: "IN_PLACE_BEFORE_AWARD"]], details))
        def accounts = result.findings.findAll { it.ruleId == "RD-07" }

        then:
        result.scope.code() == scope
        accounts*.severity == severities
        accounts.every { it.message.contains(says) }

        where:
        value      | details                                                   || scope             | severities         | says
        90_000_000 | [:]                                                       || "COVERED"         | ["BLOCK", "BLOCK"] | "not permitted as a condition of participation (PA 2023 s22)"
        10_000_000 | [:]                                                       || "BELOW_THRESHOLD" | ["WARN"]           | "do not bind here, because the round is worth £100,000, below the light-touch threshold"
        90_000_000 | [fundingLabel: "GRANT", authoritySpecifiesService: false] || "GRANT"           | ["WARN"]           | "do not bind here, because the arrangement is a grant in substance"
    }

    def "a round of health care only, commenced in 2026, is under the Provider Selection Regime and its own conflicts duty"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))

        when:
        def result = checked(who, design([[title: "Sexual health", valueInclVatPence: 90_000_000, mainSubjectMatter: "HEALTH_CARE"]]))
        def conflicts = result.findings.findAll { it.ruleId == "RD-24" }

        then:
        result.scope.code() == "PSR"
        result.findings.any { it.ruleId == "REG-03" && it.message.contains("the Provider Selection Regime governs it, not the Procurement Act") }
        conflicts*.severity == ["BLOCK"]
        conflicts[0].message.contains("under the Provider Selection Regime")
        conflicts[0].citation.contains("reg 21")
    }

    def "the same health care lot commenced in 2023 was a light-touch service, before the PSR, and is checked as covered"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))
        def request = design([[title: "Sexual health", valueInclVatPence: 90_000_000, mainSubjectMatter: "HEALTH_CARE"]])
        request.commencementDate = LocalDate.of(2023, 6, 1).toString()

        when:
        def result = checked(who, request)

        then:
        result.scope.code() == "COVERED"
        result.findings.any { it.ruleId == "REG-03" && it.message.contains("before the Provider Selection Regime came into force on 1 January 2024") }
        result.findings.any { it.ruleId == "REG-04" && it.message.contains("net of VAT") }
    }

    def "the threshold periods are frozen with the round when it is published"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-03-01T10:00:00Z"))
        def round = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-12-21T12:00:00Z"))).body
        round.partners.each { p ->
            assert api("POST", "/api/rounds/$round.id/partners/$p.id/sign-off", who.commissioner,
                    [signatory: "Director of $p.name".toString(), signatoryRole: "Director"]).status == HttpStatus.OK
        }
        assert api("POST", "/api/rounds/$round.id/approve-design", who.commissioner).status == HttpStatus.OK

        when:
        def published = api("POST", "/api/rounds/$round.id/publish", who.commissioner)
        def frozen = rounds.frozenThresholds(UUID.fromString(round.id as String)).orElseThrow()

        then:
        published.status == HttpStatus.OK
        frozen.thresholdPeriods()*.from() == [LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)]
        frozen.periodOn(LocalDate.of(2026, 3, 2)).servicesPence() == 20_772_000L
    }
}
