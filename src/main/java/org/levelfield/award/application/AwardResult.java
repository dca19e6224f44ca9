package org.levelfield.award.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.model.Finding;

/** The computed award of a round: per lot results and the scoring rules' findings. */
public record AwardResult(UUID roundId, Instant computedAt, String rulesetVersion, Thresholds thresholds,
                          List<LotResult> lots, List<Finding> findings) {
}
