package org.levelfield.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One evaluator's score of one criterion of one tender, with the reason for it.
 *
 * @param points the reason set out point by point, each with what it addresses (SC-12); empty if not set out
 */
public record Score(UUID id, UUID tenderId, UUID criterionId, UUID evaluatorId, String evaluatorName, int score, String reason,
                    Instant scoredAt, List<Point> points) {

    public Score {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /**
     * A point of a reason and the published criterion or sub-criterion of the lot it addresses; {@code addresses}
     * is null where the evaluator records that it relies on something the lot did not publish.
     */
    public record Point(String point, UUID addresses) {
    }
}
