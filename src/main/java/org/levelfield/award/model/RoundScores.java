package org.levelfield.award.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.levelfield.award.model.AwardCalculation.Cap;
import org.levelfield.award.model.AwardCalculation.Consensus;
import org.levelfield.award.model.AwardCalculation.EvaluatorScore;

/**
 * Every score of a round, as the award reads them: per tender and criterion, the evaluators'
 * scores (ordered by evaluator), the panel's moderated score if one was agreed, and the cap a
 * published rule put on it. Immutable; {@link #withCaps} gives the scores once the rules have capped them.
 */
public final class RoundScores {

    private final Map<UUID, Map<UUID, List<EvaluatorScore>>> given;
    private final Map<UUID, Map<UUID, Consensus>> agreed;
    private final Map<UUID, Map<UUID, Cap>> caps;

    private RoundScores(Map<UUID, Map<UUID, List<EvaluatorScore>>> given, Map<UUID, Map<UUID, Consensus>> agreed,
                        Map<UUID, Map<UUID, Cap>> caps) {
        this.given = given;
        this.agreed = agreed;
        this.caps = caps;
    }

    /** One evaluator's score on one criterion of one tender. */
    public record Given(UUID tenderId, UUID criterionId, EvaluatorScore score) {
    }

    /** The panel's agreed score on one criterion of one tender. */
    public record Agreed(UUID tenderId, UUID criterionId, Consensus consensus) {
    }

    public static RoundScores of(List<Given> scores, List<Agreed> consensus) {
        Map<UUID, Map<UUID, List<EvaluatorScore>>> given = new HashMap<>();
        for (Given g : scores) {
            given.computeIfAbsent(g.tenderId(), k -> new LinkedHashMap<>()).computeIfAbsent(g.criterionId(), k -> new ArrayList<>()).add(g.score());
        }
        given.values().forEach(m -> m.values().forEach(l -> l.sort((a, b) -> a.evaluator().compareTo(b.evaluator()))));
        Map<UUID, Map<UUID, Consensus>> agreed = new HashMap<>();
        consensus.forEach(a -> agreed.computeIfAbsent(a.tenderId(), k -> new HashMap<>()).put(a.criterionId(), a.consensus()));
        return new RoundScores(given, agreed, Map.of());
    }

    /** The same scores with these caps (per tender and criterion, the lowest cap kept). */
    public RoundScores withCaps(List<Map.Entry<UUID, Map.Entry<UUID, Cap>>> capped) {
        Map<UUID, Map<UUID, Cap>> all = new HashMap<>();
        for (var c : capped) {
            all.computeIfAbsent(c.getKey(), k -> new HashMap<>()).merge(c.getValue().getKey(), c.getValue().getValue(),
                    (a, b) -> a.cap() <= b.cap() ? a : b);
        }
        return new RoundScores(given, agreed, all);
    }

    public List<EvaluatorScore> given(UUID tenderId, UUID criterionId) {
        return givenFor(tenderId).getOrDefault(criterionId, List.of());
    }

    public Map<UUID, List<EvaluatorScore>> givenFor(UUID tenderId) {
        return given.getOrDefault(tenderId, Map.of());
    }

    public Consensus agreed(UUID tenderId, UUID criterionId) {
        return agreedFor(tenderId).get(criterionId);
    }

    public Map<UUID, Consensus> agreedFor(UUID tenderId) {
        return agreed.getOrDefault(tenderId, Map.of());
    }

    public Map<UUID, Cap> capsFor(UUID tenderId) {
        return caps.getOrDefault(tenderId, Map.of());
    }

    /** Whether the criterion has a score to use: an evaluator's or the panel's. */
    public boolean isScored(UUID tenderId, UUID criterionId) {
        return agreed(tenderId, criterionId) != null || !given(tenderId, criterionId).isEmpty();
    }

    /** The score the method uses: the agreed score, else the evaluators' mean, never above a cap. */
    public BigDecimal used(UUID tenderId, UUID criterionId) {
        return AwardCalculation.scoreUsed(given(tenderId, criterionId), agreed(tenderId, criterionId), capsFor(tenderId).get(criterionId));
    }

    /** How many scores one evaluator gave the tender, over all criteria. */
    public int countBy(UUID tenderId, UUID evaluatorId) {
        return (int) givenFor(tenderId).values().stream().flatMap(List::stream).filter(e -> e.evaluatorId().equals(evaluatorId)).count();
    }

    /** Whether one evaluator scored one criterion of the tender. */
    public boolean scoredBy(UUID tenderId, UUID criterionId, UUID evaluatorId) {
        return given(tenderId, criterionId).stream().anyMatch(e -> e.evaluatorId().equals(evaluatorId));
    }

    /** The mean of the used scores over the given criteria that are scored, to 2 places; null if none is. */
    public BigDecimal meanUsed(UUID tenderId, List<UUID> criteria) {
        List<BigDecimal> values = criteria.stream().filter(c -> isScored(tenderId, c)).map(c -> used(tenderId, c)).toList();
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    /** The tender as the calculation takes it. */
    public AwardCalculation.TenderInput input(UUID tenderId, String bidder, long pricePence) {
        return new AwardCalculation.TenderInput(tenderId, bidder, pricePence, givenFor(tenderId), agreedFor(tenderId), capsFor(tenderId));
    }
}
