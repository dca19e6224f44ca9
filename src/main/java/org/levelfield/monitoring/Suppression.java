package org.levelfield.monitoring;

/**
 * Small-number suppression for monitoring aggregates: any count under the threshold (catalogue §5.3
 * suppressionThreshold, default 5, frozen with the round in its Thresholds) is shown as "fewer than n"
 * and its number withheld.
 */
public record Suppression(int threshold) {

    /** A count as it may be shown: the number, or withheld. */
    public record Cell(Integer count, boolean suppressed, String shown) {
    }

    public Cell of(long count) {
        if (count < threshold) {
            return new Cell(null, true, "fewer than " + threshold);
        }
        return new Cell((int) count, false, Long.toString(count));
    }

    /** What the figures say about themselves. */
    public String statement() {
        return "Counts under " + threshold + " are withheld.";
    }
}
