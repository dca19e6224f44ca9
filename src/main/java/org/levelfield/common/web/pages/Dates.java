package org.levelfield.common.web.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as GOV.UK writes them ("1 December 2026", "5:30pm on 1 December 2026"), and GOV.UK date inputs read. */
public final class Dates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private Dates() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(LONDON));
    }

    /** "5:30pm on 1 December 2026" (UK time); midday and midnight said as words. */
    /** To the second, for receipts: "3:46:07am on 3 December 2026". */
    public static String dateTimeToSecond(Instant instant) {
        if (instant == null) {
            return "";
        }
        var at = instant.atZone(LONDON);
        return java.time.format.DateTimeFormatter.ofPattern("h:mm:ssa", Locale.UK).format(at).toLowerCase(Locale.UK) + " on " + DATE.format(at);
    }

    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var at = instant.atZone(LONDON);
        String time = at.getHour() == 12 && at.getMinute() == 0 ? "midday"
                : at.getHour() == 0 && at.getMinute() == 0 ? "midnight"
                : TIME.format(at).toLowerCase(Locale.UK).replace(":00", "");
        return time + " on " + DATE.format(at);
    }

    /** The time only, as "5:30pm". */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(LONDON)).toLowerCase(Locale.UK).replace(":00", "");
    }

    /** The result of reading a GOV.UK date input (day, month and year fields). */
    public record Read(LocalDate date, String problem, String part) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Reads day, month and year as typed; all empty gives no date and no problem. */
    public static Read of(String day, String month, String year, String what) {
        if (blank(day) && blank(month) && blank(year)) {
            return new Read(null, null, null);
        }
        String missing = blank(day) ? "day" : blank(month) ? "month" : blank(year) ? "year" : null;
        if (missing != null) {
            return new Read(null, capitalised(what) + " must include a " + missing, missing);
        }
        try {
            int d = Integer.parseInt(day.strip());
            int m = Integer.parseInt(month.strip());
            int y = Integer.parseInt(year.strip());
            if (year.strip().length() != 4) {
                return new Read(null, "Year must include 4 numbers", "year");
            }
            return new Read(LocalDate.of(y, m, d), null, null);
        } catch (NumberFormatException | DateTimeException bad) {
            return new Read(null, capitalised(what) + " must be a real date", "day");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
