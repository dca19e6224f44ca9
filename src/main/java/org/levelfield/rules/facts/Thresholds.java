package org.levelfield.rules.facts;

import java.math.BigDecimal;

/**
 * The configurable figures the rules apply (catalogue §5.3), recorded with a round when it is published.
 *
 * @param turnoverMultiple most a minimum-turnover condition may be, as a multiple of the annual lot value (RD-06, PA policy default)
 * @param eqSubMin         lowest score each race, disability and sex sub-criterion may have (EQ-05)
 * @param eqMeanMin        lowest mean of those sub-criteria (EQ-05)
 * @param scaleMax         top of the published scoring scale (0 to scaleMax)
 * @param eqMinWeight      least total weight of a lot's equality criteria, out of 100, where relevance is HIGH (RD-10)
 * @param minTenderDays    least number of days between the tender notice and the deadline (RD-22)
 * @param lightTouchThresholdPence the light-touch threshold including VAT in the latest configured period, in pence (shown;
 *                         REG-04 reads {@code thresholdPeriods})
 * @param svMinWeight      least social value weight where a social value policy is adopted (RD-11)
 * @param noticeMonths     least notice, in months, before existing VCS funding ends (RD-17)
 * @param consultationWeeks least length of a formal consultation, in weeks (RD-16)
 * @param ssMaxPriceWeight most price weight in a specialist lot that is not fixed-price (SS-04)
 * @param moderationSpread the spread between evaluators' scores on a criterion (highest minus lowest) from which a
 *                         consensus is needed (SC-03); rounds frozen before it existed use the default, 2
 * @param nearTieMargin    a lead over the runner-up smaller than this many points is a near tie to re-check (SC-11);
 *                         default 1.00
 * @param altPctOfMean     a price below this percentage of the mean of the lot's other compliant tenders is abnormally low (SC-08);
 *                         default 80
 * @param altPctOfPte      a price below this percentage of the lot's pre-tender estimate is abnormally low (SC-08); default 85
 * @param ssMaxDropPct     a group's dedicated specialist provision falling by more than this percentage needs an explicit decision
 *                         (SS-01); default 50
 * @param poundsPerEuro    the rate at which figures in pounds are compared with the EU SME limits in euros under the
 *                         Public Contracts Regulations (SEL-10); default 0.85
 * @param thresholdPeriods the thresholds including VAT by the date they came into force, from 1 January 2024 (REG-04);
 *                         rounds frozen before they existed get the defaults, with their frozen light-touch figure
 *
 * Figures added after rounds were first frozen are nullable in the stored JSON and take their default here.
 */
public record Thresholds(BigDecimal turnoverMultiple, int eqSubMin, BigDecimal eqMeanMin, int scaleMax, BigDecimal eqMinWeight,
                         int minTenderDays, long lightTouchThresholdPence, BigDecimal svMinWeight, int noticeMonths,
                         int consultationWeeks, BigDecimal ssMaxPriceWeight, Integer moderationSpread, BigDecimal nearTieMargin,
                         BigDecimal altPctOfMean, BigDecimal altPctOfPte, Integer minPanelSize,
                         Integer suppressionThreshold, Integer monDisparityPct, Integer ssMaxDropPct, BigDecimal poundsPerEuro,
                         java.util.List<ThresholdPeriod> thresholdPeriods) {

    public static final int DEFAULT_MODERATION_SPREAD = 2;
    public static final BigDecimal DEFAULT_NEAR_TIE_MARGIN = new BigDecimal("1.00");
    public static final BigDecimal DEFAULT_ALT_PCT_OF_MEAN = new BigDecimal("80");
    public static final BigDecimal DEFAULT_ALT_PCT_OF_PTE = new BigDecimal("85");
    /** The fewest evaluators free of conflict each tender needs before an award (SC-04). */
    public static final int DEFAULT_MIN_PANEL_SIZE = 3;
    /** Counts under this many people are withheld in monitoring and fairness figures (RD-25, MON-01). */
    public static final int DEFAULT_SUPPRESSION_THRESHOLD = 5;
    /** The relative shortfall of a group's share, in %, that raises a disparity alert (MON-02). */
    public static final int DEFAULT_MON_DISPARITY_PCT = 25;
    /** The fall in a group's dedicated specialist provision, in %, beyond which SS-01 asks for an explicit decision. */
    public static final int DEFAULT_SS_MAX_DROP_PCT = 50;
    /** Pounds to the euro for the EU SME limits under the 2015 regulations (SEL-10); the authority may set its own. */
    public static final BigDecimal DEFAULT_POUNDS_PER_EURO = new BigDecimal("0.85");

    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("2.0"), 2, new BigDecimal("3.0"), 5,
            new BigDecimal("15"), 30, 66_354_000L, new BigDecimal("10"), 3, 12, new BigDecimal("30"), DEFAULT_MODERATION_SPREAD, DEFAULT_NEAR_TIE_MARGIN,
            DEFAULT_ALT_PCT_OF_MEAN, DEFAULT_ALT_PCT_OF_PTE, DEFAULT_MIN_PANEL_SIZE, DEFAULT_SUPPRESSION_THRESHOLD, DEFAULT_MON_DISPARITY_PCT,
            DEFAULT_SS_MAX_DROP_PCT, DEFAULT_POUNDS_PER_EURO, ThresholdPeriod.DEFAULTS);

    public Thresholds {
        moderationSpread = moderationSpread == null ? DEFAULT_MODERATION_SPREAD : moderationSpread;
        nearTieMargin = nearTieMargin == null ? DEFAULT_NEAR_TIE_MARGIN : nearTieMargin;
        altPctOfMean = altPctOfMean == null ? DEFAULT_ALT_PCT_OF_MEAN : altPctOfMean;
        altPctOfPte = altPctOfPte == null ? DEFAULT_ALT_PCT_OF_PTE : altPctOfPte;
        minPanelSize = minPanelSize == null ? DEFAULT_MIN_PANEL_SIZE : minPanelSize;
        suppressionThreshold = suppressionThreshold == null ? DEFAULT_SUPPRESSION_THRESHOLD : suppressionThreshold;
        monDisparityPct = monDisparityPct == null ? DEFAULT_MON_DISPARITY_PCT : monDisparityPct;
        ssMaxDropPct = ssMaxDropPct == null ? DEFAULT_SS_MAX_DROP_PCT : ssMaxDropPct;
        poundsPerEuro = poundsPerEuro == null ? DEFAULT_POUNDS_PER_EURO : poundsPerEuro;
        if (thresholdPeriods == null || thresholdPeriods.isEmpty()) {
            long lightTouch = lightTouchThresholdPence;
            thresholdPeriods = ThresholdPeriod.DEFAULTS.stream()
                    .map(p -> new ThresholdPeriod(p.from(), lightTouch > 0 ? lightTouch : p.lightTouchPence(), p.servicesPence())).toList();
        } else {
            thresholdPeriods = java.util.List.copyOf(thresholdPeriods);
        }
    }

    /** The period of thresholds in force on a date (the latest to start on or before it), or null before the first. */
    public ThresholdPeriod periodOn(java.time.LocalDate date) {
        ThresholdPeriod found = null;
        for (ThresholdPeriod p : thresholdPeriods) {
            if (date != null && !p.from().isAfter(date) && (found == null || p.from().isAfter(found.from()))) {
                found = p;
            }
        }
        return found;
    }
}
