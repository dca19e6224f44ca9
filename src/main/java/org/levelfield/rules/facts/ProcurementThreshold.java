package org.levelfield.rules.facts;

/**
 * Derived by REG-04: the threshold a round's value is compared with, looked up by its commencement date and the class of
 * its services (the light-touch threshold, or the lower one for other services where any lot buys them).
 *
 * @param pence        the threshold in pence
 * @param includesVat  whether it includes VAT (from 1 January 2024) or is net of VAT (the 2015 regulations before then)
 * @param serviceClass LIGHT_TOUCH or STANDARD: which threshold it is
 * @param source       where the figure comes from, in words
 */
public record ProcurementThreshold(String roundId, long pence, boolean includesVat, String serviceClass, String source) {

    /**
     * The threshold for a round whose lots have these classes: the one for other services where any lot buys them (the
     * whole procurement is valued together, so the lower threshold governs), otherwise the light-touch one.
     */
    public static ProcurementThreshold of(String roundId, java.util.Collection<?> classes, long lightTouchPence, long servicesPence,
                                          boolean includesVat, String source) {
        boolean standard = classes.contains("STANDARD");
        return new ProcurementThreshold(roundId, standard ? servicesPence : lightTouchPence, includesVat, standard ? "STANDARD" : "LIGHT_TOUCH", source);
    }

    /** "the light-touch threshold" or "the threshold for other services". */
    public String getName() {
        return "LIGHT_TOUCH".equals(serviceClass) ? "the light-touch threshold" : "the threshold for other services";
    }
}
