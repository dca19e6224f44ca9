package org.levelfield.monitoring;

/**
 * Small-number suppression for monitoring aggregates: any count under the threshold (5, catalogue
 * §5.3 suppressionThreshold) is shown as "fewer than 5" and its number withheld.
 */
public final class Suppression {

    public static final int THRESHOLD = 5;

    /** A count as it may be shown: the number, or withheld. */
    public record Cell(Integer count, boolean suppressed, String shown) {
    }

    private Suppression() {
    }

    public static Cell of(long count) {
        if (count < THRESHOLD) {
            return new Cell(null, true, "fewer than " + THRESHOLD);
        }
        return new Cell((int) count, false, Long.toString(count));
    }
}
