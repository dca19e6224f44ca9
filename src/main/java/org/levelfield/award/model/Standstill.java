package org.levelfield.award.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The standstill period, computed, never typed in (AW-05):
 * <ul>
 *   <li>Procurement Act 2023 s51: 8 working days beginning with the day the contract award notice is
 *       published; the contract may be entered into from the next day;</li>
 *   <li>Public Contracts Regulations 2015 reg 87: 10 calendar days after the day the notification is
 *       sent electronically, ending at midnight; if that is not a working day, at the end of the next one;</li>
 *   <li>Public Contracts Regulations 2006 reg 32A: the same 10 days, for Part A services only; Part B
 *       services (health, social and the other services now called light-touch) had no mandatory standstill;</li>
 *   <li>before the 2006 regulations no regulation required one;</li>
 *   <li>the Provider Selection Regime 2023 reg 12: 8 working days beginning with the day after the notice of the
 *       intention to award is published;</li>
 *   <li>where no standstill is mandatory, a voluntary standstill of 8 working days is recommended.</li>
 * </ul>
 * Working days skip Saturdays, Sundays and bank holidays in England and Wales, one-off ones included.
 */
public final class Standstill {

    /** The regime REG-02 derives from the round's commencement date, or PSR where REG-03 puts the whole round under the Provider Selection Regime. */
    public enum Regime { PA_2023, PCR_2015, PCR_2006, PRE_2006, PSR }

    /**
     * Whether a standstill is mandatory for a contract under a regime: always under PCR 2015 (light-touch
     * contracts included), except for light-touch contracts under the Procurement Act 2023, for Part A but
     * not Part B services under PCR 2006, and never by regulation before 2006.
     */
    public static boolean mandatoryFor(Regime regime, boolean lightTouch) {
        return switch (regime) {
            case PCR_2015, PSR -> true;
            case PA_2023, PCR_2006 -> !lightTouch;
            case PRE_2006 -> false;
        };
    }

    /** The regime of a code as REG-02 writes it; PCR_2015 for one it does not know. */
    public static Regime regime(String code) {
        for (Regime r : Regime.values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return Regime.PCR_2015;
    }

    public record Skipped(LocalDate date, String why) {
    }

    /**
     * @param lastDay        the last day of the standstill (it ends at midnight at its end, UK time)
     * @param contractFrom   the first day the contract may be entered into
     * @param skipped        the days inside the period that did not count as working days, and why
     */
    public record Period(Regime regime, boolean mandatory, LocalDate noticeDate, LocalDate lastDay, LocalDate contractFrom,
                         int length, String unit, List<Skipped> skipped, String basis) {
    }

    private Standstill() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY && !BankHolidays.isBankHoliday(date);
    }

    public static Period compute(Regime regime, boolean mandatory, LocalDate noticeDate) {
        if (regime == Regime.PSR) {
            return computePsr(noticeDate);
        }
        if ((regime == Regime.PCR_2015 || regime == Regime.PCR_2006) && mandatory) {
            LocalDate last = noticeDate.plusDays(10);
            List<Skipped> skipped = new ArrayList<>();
            while (!isWorkingDay(last)) {
                skipped.add(new Skipped(last, why(last)));
                last = last.plusDays(1);
            }
            return new Period(regime, true, noticeDate, last, last.plusDays(1), 10, "calendar days", skipped,
                    (regime == Regime.PCR_2006 ? "Public Contracts Regulations 2006 reg 32A" : "Public Contracts Regulations 2015 reg 87")
                            + ": 10 days after the day the notification was sent electronically,"
                            + " extended to the end of the next working day if the tenth is not one.");
        }
        List<Skipped> skipped = new ArrayList<>();
        LocalDate day = eighthWorkingDay(noticeDate, skipped);
        String basis = regime == Regime.PA_2023 && mandatory
                ? "Procurement Act 2023 s51: 8 working days beginning with the day the contract award notice is published."
                : switch (regime) {
                    case PCR_2006 -> "No standstill was mandatory for Part B services under the Public Contracts Regulations 2006 (reg 32A applied"
                            + " to Part A services); a voluntary standstill of 8 working days is recommended.";
                    case PRE_2006 -> "No regulation required a standstill before the Public Contracts Regulations 2006; a voluntary standstill"
                            + " of 8 working days is recommended.";
                    default -> "No standstill is mandatory here; a voluntary standstill of 8 working days, as the Procurement Act 2023 s51 allows, is recommended.";
                };
        return new Period(regime, mandatory, noticeDate, day, day.plusDays(1), 8, "working days", skipped, basis);
    }

    /** The Provider Selection Regime's standstill (reg 12): 8 working days beginning with the day after the notice. */
    public static Period computePsr(LocalDate noticeDate) {
        List<Skipped> skipped = new ArrayList<>();
        LocalDate day = eighthWorkingDay(noticeDate.plusDays(1), skipped);
        return new Period(Regime.PSR, true, noticeDate, day, day.plusDays(1), 8, "working days", skipped,
                "Health Care Services (Provider Selection Regime) Regulations 2023 reg 12: 8 working days beginning with the day after"
                        + " the notice of the intention to award is published.");
    }

    /** The eighth working day of a period beginning with {@code first}; the days skipped on the way are added to {@code skipped}. */
    private static LocalDate eighthWorkingDay(LocalDate first, List<Skipped> skipped) {
        LocalDate day = first;
        int counted = 0;
        while (true) {
            if (isWorkingDay(day)) {
                counted++;
                if (counted == 8) {
                    return day;
                }
            } else {
                skipped.add(new Skipped(day, why(day)));
            }
            day = day.plusDays(1);
        }
    }

    private static String why(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return date.getDayOfWeek() == DayOfWeek.SATURDAY ? "Saturday" : "Sunday";
        }
        return BankHolidays.name(date);
    }
}
