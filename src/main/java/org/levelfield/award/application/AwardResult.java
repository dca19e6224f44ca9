package org.levelfield.award.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.RobustnessCheck;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.tender.application.RecheckingEligibility;
import org.levelfield.rules.model.Finding;

/**
 * The computed award of a round: per lot results, the scoring rules' findings, and the
 * eligibility rules' answer for each tender when run again at award (with what changed since submission),
 * and per lot the robustness check of the winner; and the evaluators' reasons SC-02 found weak, which must be rewritten
 * before the assessment summaries that show them are sent (none recorded for awards computed before this was kept).
 */
public record AwardResult(UUID roundId, Instant computedAt, String rulesetVersion, Thresholds thresholds,
                          List<LotResult> lots, List<Finding> findings, List<RecheckingEligibility.AtAward> eligibility,
                          List<RobustnessCheck.Report> robustness, List<EligibilityAdmissions.Admission> admissions,
                          List<org.levelfield.rules.facts.scoring.WeakReason> weakReasons) {

    public AwardResult {
        weakReasons = weakReasons == null ? List.of() : List.copyOf(weakReasons);
    }
}
