package org.levelfield.rules.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The thresholds in force from a date, including VAT (REG-04): configured, because they are revised every two years
 * (1 January 2024: light-touch £663,540, other services of a sub-central authority £214,904; 1 January 2026: £663,540 and
 * £207,720). Each period runs until the next one starts.
 *
 * @param from             the first day of the period
 * @param lightTouchPence  the light-touch contracts threshold, in pence, including VAT
 * @param servicesPence    the threshold for other services bought by a sub-central authority (a council), in pence, including VAT
 */
public record ThresholdPeriod(LocalDate from, long lightTouchPence, long servicesPence) {

    /** The periods a service starts with when none are configured. */
    public static final List<ThresholdPeriod> DEFAULTS = List.of(
            new ThresholdPeriod(LocalDate.of(2024, 1, 1), 66_354_000L, 21_490_400L),
            new ThresholdPeriod(LocalDate.of(2026, 1, 1), 66_354_000L, 20_772_000L));

    /**
     * Reads the configured periods: {@code 2024-01-01=663540/214904; 2026-01-01=663540/207720}, each a first day, then the
     * light-touch and the other-services thresholds in whole pounds including VAT.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static List<ThresholdPeriod> parse(String text) {
        List<ThresholdPeriod> periods = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] dateAndFigures = p.split("=");
            String[] figures = dateAndFigures.length == 2 ? dateAndFigures[1].split("/") : new String[0];
            if (figures.length != 2) {
                throw new IllegalArgumentException("levelfield.thresholds.threshold-periods: '" + p
                        + "' is not 'YYYY-MM-DD=light-touch pounds/other services pounds', for example 2026-01-01=663540/207720");
            }
            try {
                ThresholdPeriod period = new ThresholdPeriod(LocalDate.parse(dateAndFigures[0].strip()),
                        Long.parseLong(figures[0].strip()) * 100, Long.parseLong(figures[1].strip()) * 100);
                if (period.lightTouchPence() <= 0 || period.servicesPence() <= 0) {
                    throw new IllegalArgumentException("levelfield.thresholds.threshold-periods: '" + p + "' has a threshold that is not above 0");
                }
                if (!periods.isEmpty() && !period.from().isAfter(periods.getLast().from())) {
                    throw new IllegalArgumentException("levelfield.thresholds.threshold-periods: '" + p + "' must start after the period before it");
                }
                periods.add(period);
            } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("levelfield.thresholds.threshold-periods: '" + p
                        + "' is not 'YYYY-MM-DD=light-touch pounds/other services pounds' (" + e.getMessage() + ")");
            }
        }
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("levelfield.thresholds.threshold-periods: no period is given");
        }
        return List.copyOf(periods);
    }
}
