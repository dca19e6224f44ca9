package org.levelfield.rules.facts;

/**
 * The light-touch threshold in force for a round on its commencement date, derived by REG-04 from the date.
 *
 * @param pence       the threshold in pence
 * @param includesVat whether it includes VAT (from 1 January 2024) or is net of VAT (the 2015 regulations before then)
 * @param source      where the figure comes from, in words
 */
public record LightTouchThreshold(String roundId, long pence, boolean includesVat, String source) {
}
