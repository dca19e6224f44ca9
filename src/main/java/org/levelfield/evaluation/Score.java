package org.levelfield.evaluation;

import java.time.Instant;
import java.util.UUID;

/** One evaluator's score of one criterion of one tender, with the reason for it. */
public record Score(UUID id, UUID tenderId, UUID criterionId, UUID evaluatorId, String evaluatorName, int score, String reason,
                    Instant scoredAt) {
}
