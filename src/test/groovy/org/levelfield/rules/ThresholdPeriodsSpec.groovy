package org.levelfield.rules

import org.levelfield.rules.facts.ThresholdPeriod
import org.levelfield.rules.facts.Thresholds
import spock.lang.Specification

import java.time.LocalDate

/**
 * The thresholds from 1 January 2024 are configured by the date each revision came into force
 * (levelfield.thresholds.threshold-periods), looked up by the round's commencement date (REG-04).
 */
class ThresholdPeriodsSpec extends Specification {

    def "the configured text gives each period's first day and its two thresholds in pounds including VAT"() {
        when:
        def periods = ThresholdPeriod.parse(" 2024-01-01=663540/214904 ; 2026-01-01=663540/207720 ")

        then:
        periods == [new ThresholdPeriod(LocalDate.of(2024, 1, 1), 66_354_000L, 21_490_400L),
                    new ThresholdPeriod(LocalDate.of(2026, 1, 1), 66_354_000L, 20_772_000L)]
        periods == ThresholdPeriod.DEFAULTS
    }

    def "a period is in force from its first day until the next one starts"() {
        given:
        def limits = Thresholds.DEFAULTS

        expect:
        limits.periodOn(LocalDate.of(2023, 12, 31)) == null
        limits.periodOn(LocalDate.of(2024, 1, 1)).servicesPence() == 21_490_400L
        limits.periodOn(LocalDate.of(2025, 12, 31)).servicesPence() == 21_490_400L
        limits.periodOn(LocalDate.of(2026, 1, 1)).servicesPence() == 20_772_000L
        limits.periodOn(LocalDate.of(2031, 6, 1)).servicesPence() == 20_772_000L
    }

    def "a round frozen before the periods existed gets the default periods with its own light-touch figure"() {
        when:
        def old = new Thresholds(2.0, 2, 3.0, 5, 15, 30, 70_000_000L, 10, 3, 12, 30, null, null, null, null, null, null, null, null, null, null)

        then:
        old.thresholdPeriods()*.from() == [LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)]
        old.thresholdPeriods()*.lightTouchPence() == [70_000_000L, 70_000_000L]
        old.thresholdPeriods()*.servicesPence() == [21_490_400L, 20_772_000L]
    }

    def "configuration that cannot be read stops the service with a message naming the part: #text"() {
        when:
        ThresholdPeriod.parse(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(says)

        where:
        text                                             || says
        ""                                               || "no period is given"
        "2024-01-01=663540"                              || "'2024-01-01=663540' is not 'YYYY-MM-DD=light-touch pounds/other services pounds'"
        "2024-13-01=663540/214904"                       || "'2024-13-01=663540/214904' is not"
        "2024-01-01=663,540/214904"                      || "is not 'YYYY-MM-DD"
        "2024-01-01=0/214904"                            || "has a threshold that is not above 0"
        "2026-01-01=663540/207720; 2024-01-01=1/2"       || "must start after the period before it"
    }
}
