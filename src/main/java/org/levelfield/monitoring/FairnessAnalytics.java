package org.levelfield.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Singleton;
import org.levelfield.award.application.AwardResult;
import org.levelfield.award.application.ComputingAward;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.bidder.OrganisationProfile;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Round;
import org.levelfield.tender.infrastructure.Tenders;

/**
 * Fairness analytics for the scrutiny panel, from the latest computed award: per criterion and
 * per evaluator, how tenders from small organisations and from specialist (by-and-for, women-led,
 * Black and minoritised-led, disabled people's, user-led, LGBT-led) organisations scored and passed,
 * beside the rest. Group membership comes from the profile (size) and the monitoring return
 * (specialist flags) and is only ever shown as counts; any group under 5 is withheld. A criterion
 * whose pass rate for one group is under four-fifths of the other's is flagged for review; nothing
 * here ever changes a score.
 */
@Singleton
public class FairnessAnalytics {

    static final BigDecimal FOUR_FIFTHS = new BigDecimal("0.80");

    /** One comparison: which organisations are in the group and which are not. */
    record Split(String name, String inGroup, String rest, Predicate<UUID> member) {
    }

    private final ComputingAward awards;
    private final Rounds rounds;
    private final Tenders tenders;
    private final OrganisationProfiles profiles;
    private final MonitoringReturns monitoring;

    public FairnessAnalytics(ComputingAward awards, Rounds rounds, Tenders tenders, OrganisationProfiles profiles, MonitoringReturns monitoring) {
        this.awards = awards;
        this.rounds = rounds;
        this.tenders = tenders;
        this.profiles = profiles;
        this.monitoring = monitoring;
    }

    public Map<String, Object> analyse(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow();
        AwardResult award = awards.latest(roundId);
        Suppression withheld = new Suppression((award.thresholds() == null ? Thresholds.DEFAULTS : award.thresholds()).suppressionThreshold());
        Map<UUID, UUID> organisationOf = new LinkedHashMap<>();
        award.lots().forEach(l -> l.tenders().forEach(t -> organisationOf.put(t.tenderId(), tenders.find(t.tenderId()).orElseThrow().organisationId())));
        Map<UUID, Boolean> small = new LinkedHashMap<>();
        Map<UUID, Boolean> specialist = new LinkedHashMap<>();
        for (UUID org : organisationOf.values()) {
            small.put(org, profiles.find(org).map(OrganisationProfile::qualifiesAsSme).orElse(false));
            specialist.put(org, monitoring.find(org).map(r -> !r.profileFlags().isEmpty()).orElse(false));
        }
        List<Split> splits = List.of(
                new Split("size", "small (SME)", "large", t -> small.getOrDefault(organisationOf.get(t), false)),
                new Split("specialism", "specialist (by monitoring flags)", "other", t -> specialist.getOrDefault(organisationOf.get(t), false)));

        List<AwardCalculation.TenderResult> all = award.lots().stream().flatMap(l -> l.tenders().stream()).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roundId", roundId);
        out.put("computedAt", award.computedAt());
        out.put("basis", "Latest computed award. Groups from organisation profiles (size, PA 2023 s123) and monitoring returns (specialist flags). "
                + "Counts under " + withheld.threshold() + " are withheld, with their scores and rates. A criterion is flagged when one group's pass rate "
                + "is under four-fifths of the other's; the flag asks for review and never changes a score.");
        List<Map<String, Object>> overall = new ArrayList<>();
        List<Map<String, Object>> criteria = new ArrayList<>();
        List<Map<String, Object>> evaluators = new ArrayList<>();
        for (Split split : splits) {
            overall.add(compare(withheld, split, "overall (not disqualified)", all.stream().map(t -> new Outcome(t.tenderId(), null, !t.disqualified())).toList()));
            for (var lot : award.lots()) {
                var lotCriteria = round.lot(lot.lotId()).orElseThrow().evaluatorCriteria();
                for (Criterion c : lotCriteria) {
                    List<Outcome> outcomes = new ArrayList<>();
                    for (var t : lot.tenders()) {
                        t.lines().stream().filter(line -> line.criterionId().equals(c.id()) && line.score() != null).findFirst()
                                .ifPresent(line -> outcomes.add(new Outcome(t.tenderId(), line.score(), passes(c, line.score(), award))));
                    }
                    Map<String, Object> row = compare(withheld, split, lot.lot() + ": " + c.title(), outcomes);
                    criteria.add(row);
                }
            }
            Map<String, List<Outcome>> byEvaluator = new LinkedHashMap<>();
            for (var t : all) {
                for (var line : t.lines()) {
                    for (var e : line.evaluatorScores()) {
                        byEvaluator.computeIfAbsent(e.evaluator(), k -> new ArrayList<>()).add(new Outcome(t.tenderId(), BigDecimal.valueOf(e.score()), null));
                    }
                }
            }
            byEvaluator.forEach((name, outcomes) -> evaluators.add(compare(withheld, split, name, outcomes)));
        }
        out.put("overall", overall);
        out.put("criteria", criteria);
        out.put("evaluators", evaluators);
        out.put("flaggedForReview", criteria.stream().filter(r -> Boolean.TRUE.equals(r.get("flagged"))).map(r -> r.get("subject") + " (" + r.get("split") + ")").toList());
        return out;
    }

    record Outcome(UUID tenderId, BigDecimal score, Boolean passed) {
    }

    private static Map<String, Object> compare(Suppression withheld, Split split, String subject, List<Outcome> outcomes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("split", split.name());
        row.put("subject", subject);
        Map<String, Object> in = group(withheld, outcomes.stream().filter(o -> split.member().test(o.tenderId())).toList());
        Map<String, Object> rest = group(withheld, outcomes.stream().filter(o -> !split.member().test(o.tenderId())).toList());
        row.put(split.inGroup(), in);
        row.put(split.rest(), rest);
        BigDecimal a = (BigDecimal) in.get("passRate");
        BigDecimal b = (BigDecimal) rest.get("passRate");
        if (a != null && b != null && a.max(b).signum() > 0) {
            BigDecimal ratio = a.min(b).divide(a.max(b), 2, RoundingMode.HALF_UP);
            row.put("passRateRatio", ratio);
            row.put("flagged", ratio.compareTo(FOUR_FIFTHS) < 0);
        } else {
            row.put("flagged", false);
        }
        return row;
    }

    /** A group's count (withheld under the round's threshold), and only if shown its mean score and pass rate. */
    private static Map<String, Object> group(Suppression withheld, List<Outcome> outcomes) {
        Map<String, Object> g = new LinkedHashMap<>();
        Suppression.Cell count = withheld.of(outcomes.size());
        g.put("count", count);
        if (count.suppressed()) {
            return g;
        }
        List<BigDecimal> scores = outcomes.stream().map(Outcome::score).filter(java.util.Objects::nonNull).toList();
        if (!scores.isEmpty()) {
            g.put("meanScore", scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP));
        }
        List<Boolean> passed = outcomes.stream().map(Outcome::passed).filter(java.util.Objects::nonNull).toList();
        if (!passed.isEmpty()) {
            g.put("passRate", BigDecimal.valueOf(passed.stream().filter(p -> p).count()).divide(BigDecimal.valueOf(passed.size()), 2, RoundingMode.HALF_UP));
        }
        return g;
    }

    /** A criterion is passed at its published minimum, or for an equality sub-criterion at the gateway's minimum; otherwise it has no pass mark. */
    private static Boolean passes(Criterion c, BigDecimal score, AwardResult award) {
        if (c.minScore() != null) {
            return score.compareTo(BigDecimal.valueOf(c.minScore())) >= 0;
        }
        if (c.kind() == CriterionKind.EQUALITY) {
            return score.compareTo(BigDecimal.valueOf(award.thresholds().eqSubMin())) >= 0;
        }
        return null;
    }
}
