package org.levelfield.award

import org.levelfield.award.model.BankHolidays
import org.levelfield.award.model.Standstill
import spock.lang.Specification

import java.time.LocalDate

import static org.levelfield.award.model.Standstill.Regime.PA_2023
import static org.levelfield.award.model.Standstill.Regime.PCR_2015

/** Standstill is computed: working days skip weekends and England and Wales bank holidays, one-off ones included. */
class StandstillSpec extends Specification {

    def "a contract award notice published on Wednesday 24 December 2025 starts 8 working days that end on Wednesday 7 January 2026"() {
        when:
        def period = Standstill.compute(PA_2023, true, LocalDate.of(2025, 12, 24))

        then: "24, 29, 30, 31 December and 2, 5, 6, 7 January count; Christmas, Boxing Day, New Year's Day and two weekends do not"
        period.lastDay() == LocalDate.of(2026, 1, 7)
        period.contractFrom() == LocalDate.of(2026, 1, 8)
        period.skipped()*.why == ["Christmas Day", "Boxing Day", "Saturday", "Sunday", "New Year's Day", "Saturday", "Sunday"]
        period.basis().contains("s51")
    }

    def "under the 2015 regulations the same notice gives 10 calendar days, moved past a weekend to Monday 5 January 2026"() {
        when:
        def period = Standstill.compute(PCR_2015, true, LocalDate.of(2025, 12, 24))

        then:
        period.lastDay() == LocalDate.of(2026, 1, 5)
        period.skipped()*.date == [LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 4)]
        period.unit() == "calendar days"
    }

    def "under the Provider Selection Regime the 8 working days begin the day after the notice (reg 12)"() {
        when: "the notice of the intention to award is published on Wednesday 24 December 2025"
        def period = Standstill.computePsr(LocalDate.of(2025, 12, 24))

        then: "29, 30, 31 December and 2, 5, 6, 7, 8 January count: one working day later than under the Act"
        period.lastDay() == LocalDate.of(2026, 1, 8)
        period.contractFrom() == LocalDate.of(2026, 1, 9)
        period.mandatory()
        period.basis().contains("reg 12")
        !period.skipped()*.date.contains(LocalDate.of(2025, 12, 24))
        Standstill.compute(Standstill.Regime.PSR, true, LocalDate.of(2025, 12, 24)) == period
        Standstill.mandatoryFor(Standstill.Regime.PSR, true)
    }

    def "one-off bank holidays are skipped: #date (#name)"() {
        expect:
        BankHolidays.isBankHoliday(date)
        BankHolidays.name(date) == name
        !Standstill.isWorkingDay(date)

        where:
        date                       || name
        LocalDate.of(2022, 9, 19)  || "State Funeral of Queen Elizabeth II"
        LocalDate.of(2023, 5, 8)   || "Coronation of King Charles III"
        LocalDate.of(2022, 6, 2)   || "Spring bank holiday"
        LocalDate.of(2022, 6, 3)   || "Platinum Jubilee of Queen Elizabeth II"
        LocalDate.of(2020, 5, 8)   || "Early May bank holiday"
        LocalDate.of(2011, 4, 29)  || "Wedding of Prince William and Catherine Middleton"
    }

    def "moved holidays are not holidays on their usual day, and Easter follows the calendar"() {
        expect:
        !BankHolidays.isBankHoliday(LocalDate.of(2020, 5, 4))
        !BankHolidays.isBankHoliday(LocalDate.of(2022, 5, 30))
        BankHolidays.name(LocalDate.of(2026, 4, 3)) == "Good Friday"
        BankHolidays.name(LocalDate.of(2026, 4, 6)) == "Easter Monday"
        BankHolidays.name(LocalDate.of(2025, 4, 21)) == "Easter Monday"
        BankHolidays.of(2026).size() == 8
    }

    def "Christmas at a weekend gives substitute days"() {
        expect:
        BankHolidays.of(2021).keySet().containsAll([LocalDate.of(2021, 12, 27), LocalDate.of(2021, 12, 28)])
        BankHolidays.of(2022).keySet().containsAll([LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27)])
        BankHolidays.of(2027).keySet().containsAll([LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28)])
        BankHolidays.name(LocalDate.of(2022, 1, 3)) == "New Year's Day (substitute day)"
    }

    def "a standstill across the Queen's funeral skips 19 September 2022"() {
        when:
        def period = Standstill.compute(PA_2023, true, LocalDate.of(2022, 9, 14))

        then: "14, 15, 16, 20, 21, 22, 23, 26 September"
        period.lastDay() == LocalDate.of(2022, 9, 26)
        period.skipped()*.date.contains(LocalDate.of(2022, 9, 19))
    }

    def "where no standstill is mandatory a voluntary one of 8 working days is recommended"() {
        when:
        def period = Standstill.compute(PCR_2015, false, LocalDate.of(2026, 3, 2))

        then:
        !period.mandatory()
        period.lastDay() == LocalDate.of(2026, 3, 11)
        period.basis().contains("voluntary")
    }

    def "a standstill is mandatory under #regime for a #kind contract: #required"() {
        expect:
        Standstill.mandatoryFor(regime, lightTouch) == required

        where:
        regime                       | lightTouch || required
        Standstill.Regime.PA_2023    | false      || true
        Standstill.Regime.PA_2023    | true       || false
        Standstill.Regime.PCR_2015   | false      || true
        Standstill.Regime.PCR_2015   | true       || true
        Standstill.Regime.PCR_2006   | false      || true
        Standstill.Regime.PCR_2006   | true       || false
        Standstill.Regime.PRE_2006   | false      || false
        Standstill.Regime.PRE_2006   | true       || false
        kind = lightTouch ? "light-touch (Part B)" : "standard (Part A)"
    }

    def "under the 2006 regulations a Part A contract gets reg 32A's 10 days and a Part B contract a voluntary 8 working days"() {
        when:
        def partA = Standstill.compute(Standstill.Regime.PCR_2006, true, LocalDate.of(2012, 3, 1))
        def partB = Standstill.compute(Standstill.Regime.PCR_2006, false, LocalDate.of(2012, 3, 1))
        def before = Standstill.compute(Standstill.Regime.PRE_2006, false, LocalDate.of(2005, 3, 1))

        then: "Thursday 1 March 2012 + 10 days is Sunday 11 March, moved to Monday 12 March"
        partA.lastDay() == LocalDate.of(2012, 3, 12)
        partA.basis().startsWith("Public Contracts Regulations 2006 reg 32A")
        !partB.mandatory()
        partB.lastDay() == LocalDate.of(2012, 3, 12)
        partB.unit() == "working days"
        partB.basis().contains("No standstill was mandatory for Part B services")
        before.basis().contains("No regulation required a standstill before the Public Contracts Regulations 2006")
    }

    def "a regime code REG-02 writes is read as itself, not as the 2015 regulations"() {
        expect:
        Standstill.regime("PCR_2006") == Standstill.Regime.PCR_2006
        Standstill.regime("PRE_2006") == Standstill.Regime.PRE_2006
        Standstill.regime("PA_2023") == Standstill.Regime.PA_2023
    }
}
