package org.levelfield.rules.facts;

import java.math.BigDecimal;

/**
 * The configurable figures the rules apply (catalogue §5.3), recorded with a round when it is published.
 *
 * @param turnoverMultiple most a minimum-turnover condition may be, as a multiple of the annual lot value (RD-06, PA policy default)
 * @param eqSubMin         lowest score each race, disability and sex sub-criterion may have (EQ-05)
 * @param eqMeanMin        lowest mean of those sub-criteria (EQ-05)
 * @param scaleMax         top of the published scoring scale (0 to scaleMax)
 */
public record Thresholds(BigDecimal turnoverMultiple, int eqSubMin, BigDecimal eqMeanMin, int scaleMax) {

    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("2.0"), 2, new BigDecimal("3.0"), 5);
}
