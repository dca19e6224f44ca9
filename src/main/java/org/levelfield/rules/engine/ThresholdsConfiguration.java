package org.levelfield.rules.engine;

import java.math.BigDecimal;
import java.util.List;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.levelfield.rules.facts.ThresholdPeriod;
import org.levelfield.rules.facts.Thresholds;

/** The configured thresholds (defaults from catalogue §5.3), recorded with each round at publication. */
@Singleton
public class ThresholdsConfiguration {

    private final Thresholds thresholds;

    public ThresholdsConfiguration(@Value("${levelfield.thresholds.turnover-multiple:2.0}") BigDecimal turnoverMultiple,
                                   @Value("${levelfield.thresholds.eq-sub-min:2}") int eqSubMin,
                                   @Value("${levelfield.thresholds.eq-mean-min:3.0}") BigDecimal eqMeanMin,
                                   @Value("${levelfield.thresholds.score-scale-max:5}") int scaleMax,
                                   @Value("${levelfield.thresholds.eq-min-weight:15}") BigDecimal eqMinWeight,
                                   @Value("${levelfield.thresholds.min-tender-days:30}") int minTenderDays,
                                   @Value("${levelfield.thresholds.threshold-periods:2024-01-01=663540/214904; 2026-01-01=663540/207720}") String thresholdPeriods,
                                   @Value("${levelfield.thresholds.sv-min-weight:10}") BigDecimal svMinWeight,
                                   @Value("${levelfield.thresholds.notice-months:3}") int noticeMonths,
                                   @Value("${levelfield.thresholds.consultation-weeks:12}") int consultationWeeks,
                                   @Value("${levelfield.thresholds.ss-max-price-weight:30}") BigDecimal ssMaxPriceWeight,
                                   @Value("${levelfield.thresholds.moderation-spread:2}") int moderationSpread,
                                   @Value("${levelfield.thresholds.near-tie-margin:1.00}") BigDecimal nearTieMargin,
                                   @Value("${levelfield.thresholds.alt-pct-of-mean:80}") BigDecimal altPctOfMean,
                                   @Value("${levelfield.thresholds.alt-pct-of-pte:85}") BigDecimal altPctOfPte,
                                   @Value("${levelfield.evaluation.min-panel-size:3}") int minPanelSize,
                                   @Value("${levelfield.thresholds.suppression-threshold:5}") int suppressionThreshold,
                                   @Value("${levelfield.thresholds.mon-disparity-pct:25}") int monDisparityPct,
                                   @Value("${levelfield.thresholds.ss-max-drop-pct:50}") int ssMaxDropPct,
                                   @Value("${levelfield.thresholds.pounds-per-euro:0.85}") BigDecimal poundsPerEuro) {
        List<ThresholdPeriod> periods = ThresholdPeriod.parse(thresholdPeriods);
        this.thresholds = new Thresholds(turnoverMultiple, eqSubMin, eqMeanMin, scaleMax, eqMinWeight, minTenderDays, periods.getLast().lightTouchPence(),
                svMinWeight, noticeMonths, consultationWeeks, ssMaxPriceWeight, moderationSpread, nearTieMargin,
                altPctOfMean, altPctOfPte, minPanelSize, suppressionThreshold, monDisparityPct, ssMaxDropPct, poundsPerEuro, periods);
    }

    public Thresholds current() {
        return thresholds;
    }
}
