package org.levelfield.award.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bank holidays in England and Wales (Banking and Financial Dealings Act 1971, Sch 1, and royal
 * proclamations), with the substitute days when a holiday falls at a weekend, the days moved by
 * proclamation, and the one-off holidays (for example 19 September 2022 and 8 May 2023).
 */
public final class BankHolidays {

    private BankHolidays() {
    }

    /** The bank holidays of a year, by date, each with its name. */
    public static Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        days.put(weekdayOnOrAfter(newYear), "New Year's Day" + (isWeekend(newYear) ? " (substitute day)" : ""));
        LocalDate easter = easterSunday(year);
        days.put(easter.minusDays(2), "Good Friday");
        days.put(easter.plusDays(1), "Easter Monday");
        days.put(earlyMay(year), "Early May bank holiday");
        LocalDate spring = spring(year);
        days.put(spring, "Spring bank holiday");
        days.put(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Summer bank holiday");
        christmas(year, days);
        switch (year) {
            case 1999 -> days.put(LocalDate.of(1999, 12, 31), "Millennium celebrations");
            case 2002 -> days.put(LocalDate.of(2002, 6, 3), "Golden Jubilee of Queen Elizabeth II");
            case 2011 -> days.put(LocalDate.of(2011, 4, 29), "Wedding of Prince William and Catherine Middleton");
            case 2012 -> days.put(LocalDate.of(2012, 6, 5), "Diamond Jubilee of Queen Elizabeth II");
            case 2022 -> {
                days.put(LocalDate.of(2022, 6, 3), "Platinum Jubilee of Queen Elizabeth II");
                days.put(LocalDate.of(2022, 9, 19), "State Funeral of Queen Elizabeth II");
            }
            case 2023 -> days.put(LocalDate.of(2023, 5, 8), "Coronation of King Charles III");
            default -> {
            }
        }
        return days;
    }

    public static boolean isBankHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    public static String name(LocalDate date) {
        return of(date.getYear()).get(date);
    }

    private static LocalDate earlyMay(int year) {
        return switch (year) {
            case 1995 -> LocalDate.of(1995, 5, 8);   // moved for the 50th anniversary of VE Day
            case 2020 -> LocalDate.of(2020, 5, 8);   // moved for the 75th anniversary of VE Day
            default -> LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        };
    }

    private static LocalDate spring(int year) {
        return switch (year) {
            case 2002 -> LocalDate.of(2002, 6, 4);   // moved for the Golden Jubilee
            case 2012 -> LocalDate.of(2012, 6, 4);   // moved for the Diamond Jubilee
            case 2022 -> LocalDate.of(2022, 6, 2);   // moved for the Platinum Jubilee
            default -> LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
        };
    }

    /** Christmas Day and Boxing Day, with substitute weekdays when either falls at a weekend. */
    private static void christmas(int year, Map<LocalDate, String> days) {
        LocalDate christmas = LocalDate.of(year, 12, 25);
        LocalDate boxing = LocalDate.of(year, 12, 26);
        switch (christmas.getDayOfWeek()) {
            case SATURDAY -> {
                days.put(LocalDate.of(year, 12, 27), "Christmas Day (substitute day)");
                days.put(LocalDate.of(year, 12, 28), "Boxing Day (substitute day)");
            }
            case SUNDAY -> {
                days.put(boxing, "Boxing Day");
                days.put(LocalDate.of(year, 12, 27), "Christmas Day (substitute day)");
            }
            case FRIDAY -> {
                days.put(christmas, "Christmas Day");
                days.put(LocalDate.of(year, 12, 28), "Boxing Day (substitute day)");
            }
            default -> {
                days.put(christmas, "Christmas Day");
                days.put(boxing, "Boxing Day");
            }
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate weekdayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (isWeekend(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
