package org.levelfield.award.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.award.model.AwardCalculation.CriterionSpec;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.RobustnessCheck;
import org.levelfield.award.model.RoundScores;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.web.ProblemException;
import org.levelfield.evaluation.Moderation;
import org.levelfield.evaluation.Scores;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Ruleset;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.DerivedFact;
import org.levelfield.rules.facts.scoring.ScoreCap;
import org.levelfield.rules.facts.scoring.WeakReason;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.application.RuleChecks;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Outcome;
import org.levelfield.rules.model.Stage;
import org.levelfield.rules.model.Verdict;
import org.levelfield.tender.application.RecheckingEligibility;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * Computes the award per lot from stored tenders and scores, in its steps: the preconditions;
 * the first scoring pass (rules that read scores, reasons and evidence, some of which cap a
 * score); the gateways on the capped scores; eligibility checked again; prices, against the
 * tenders still in; the tenders the rules disqualify; the published method per lot; the published
 * lot limit; the ranking rules; and storage. The same inputs
 * always give the same result.
 */
@Singleton
public class ComputingAward {

    private final AwardPreconditions preconditions;
    private final ScoringPassFacts scoringFacts;
    private final GatewayPassFacts gatewayFacts;
    private final RankingPassFacts rankingFacts;
    private final PricePassFacts priceFacts;
    private final ProcurementRegimes regimes;
    private final Rounds rounds;
    private final Tenders tenders;
    private final Scores scores;
    private final Moderation moderation;
    private final Rulesets rules;
    private final ThresholdsConfiguration configured;
    private final RecheckingEligibility rechecking;
    private final EligibilityAdmissions admissions;
    private final AwardComputations computations;
    private final RuleChecks checks;
    private final JsonColumns json;
    private final AuditTrail audit;
    private final Clock clock;

    ComputingAward(AwardPreconditions preconditions, ScoringPassFacts scoringFacts, GatewayPassFacts gatewayFacts, RankingPassFacts rankingFacts,
                   PricePassFacts priceFacts, ProcurementRegimes regimes,
                   Rounds rounds, Tenders tenders, Scores scores, Moderation moderation, Rulesets rules, ThresholdsConfiguration configured,
                   RecheckingEligibility rechecking, EligibilityAdmissions admissions, AwardComputations computations, RuleChecks checks, JsonColumns json, AuditTrail audit, Clock clock) {
        this.preconditions = preconditions;
        this.scoringFacts = scoringFacts;
        this.gatewayFacts = gatewayFacts;
        this.rankingFacts = rankingFacts;
        this.priceFacts = priceFacts;
        this.regimes = regimes;
        this.rounds = rounds;
        this.tenders = tenders;
        this.scores = scores;
        this.moderation = moderation;
        this.rules = rules;
        this.configured = configured;
        this.rechecking = rechecking;
        this.admissions = admissions;
        this.computations = computations;
        this.checks = checks;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The award, or the verdict that refuses it (a BLOCK in any pass); either way the rule run is recorded. */
    @Transactional
    public Outcome<AwardResult> compute(UUID roundId, Actor actor) {
        Round round = preconditions.computable(roundId);
        List<Tender> submitted = tenders.ofRound(roundId);
        RoundScores given = scoresOf(roundId);
        preconditions.requireEveryCriterionScored(round, submitted, given);
        preconditions.requireFullPanels(round, submitted, given);
        Thresholds thresholds = rounds.frozenThresholds(round.id()).orElse(configured.current());
        Ruleset ruleset = rules.forVersion(round.rulesetVersion());
        Instant now = clock.instant();

        Ruleset.Run<DerivedFact> scoring = ruleset.run(Stage.SCORING, scoringFacts.of(round, submitted, given, thresholds), DerivedFact.class);
        RoundScores capped = given.withCaps(scoring.derived().stream().filter(ScoreCap.class::isInstance).map(ScoreCap.class::cast)
                .map(ComputingAward::capOf).toList());
        List<WeakReason> weakReasons = scoring.derived().stream().filter(WeakReason.class::isInstance).map(WeakReason.class::cast).toList();
        List<Finding> findings = new ArrayList<>(scoring.findings());
        findings.addAll(ruleset.evaluate(Stage.SCORING, gatewayFacts.of(round, submitted, capped, thresholds)));
        List<RecheckingEligibility.AtAward> eligibility = rechecking.atAward(round, submitted, now);
        List<EligibilityAdmissions.Admission> admitted = admissions.ofRound(roundId);
        findings.addAll(ruleset.evaluate(Stage.SCORING, priceFacts.of(round, submitted, disqualified(findings, eligibility, admitted).keySet(),
                regimes.of(round, ruleset), thresholds)));
        if (findings.stream().anyMatch(RuleChecks::blocks)) {
            return Outcome.refused(checks.judge(roundId, Stage.SCORING, ruleset.version(), now, actor.userId(), REFUSAL, "COMPUTED", findings));
        }
        Map<UUID, List<String>> disqualified = disqualified(findings, eligibility, admitted);

        List<LotResult> lots = new ArrayList<>();
        List<RobustnessCheck.Report> robustness = new ArrayList<>();
        for (Lot lot : round.lots()) {
            calculate(round, lot, submitted, capped, disqualified, thresholds, lots, robustness);
        }
        LotLimits.Applied limited = LotLimits.apply(round, lots, submitted);
        lots = limited.lots();
        findings.addAll(ruleset.evaluate(Stage.SCORING, rankingFacts.of(round, lots, limited.wins(), thresholds)));
        Verdict verdict = checks.judge(roundId, Stage.SCORING, ruleset.version(), now, actor.userId(), REFUSAL, "COMPUTED", findings);
        if (verdict.refused()) {
            return Outcome.refused(verdict);
        }
        AwardResult result = new AwardResult(roundId, now, ruleset.version(), thresholds, lots, findings, eligibility, robustness, admitted,
                weakReasons);
        store(round, result, verdict.runId(), actor);
        return Outcome.done(result);
    }

    private static final String REFUSAL = "The award cannot be computed";

    public AwardResult latest(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        AwardComputations.Stored stored = computations.latest(roundId).orElseThrow(() -> ProblemException.wrongState(
                "No award has been computed for this round yet.", "NO_AWARD", List.of("compute the award (POST /api/rounds/{id}/award)")));
        return json.read(stored.resultJson(), AwardResult.class);
    }

    /** The latest award lot by lot and tender by tender, with the gateways the round's ruleset declares (its FAIL rules). */
    public LotResults results(UUID roundId) {
        AwardResult award = latest(roundId);
        return LotResults.of(award, rules.forVersion(award.rulesetVersion()).disqualifying(Stage.SCORING));
    }

    private RoundScores scoresOf(UUID roundId) {
        List<RoundScores.Given> given = scores.currentForRound(roundId).stream().map(s -> new RoundScores.Given(s.tenderId(), s.criterionId(),
                new AwardCalculation.EvaluatorScore(s.evaluatorId(), s.evaluatorName(), s.score(), s.reason(),
                        s.points().stream().map(p -> new AwardCalculation.ReasonPoint(p.point(), p.addresses())).toList()))).toList();
        List<RoundScores.Agreed> agreed = new ArrayList<>();
        moderation.consensusForRound(roundId).forEach((tender, byCriterion) -> byCriterion.forEach((criterion, c) ->
                agreed.add(new RoundScores.Agreed(tender, criterion, new AwardCalculation.Consensus(c.score(), c.reason())))));
        return RoundScores.of(given, agreed);
    }

    private static Map.Entry<UUID, Map.Entry<UUID, AwardCalculation.Cap>> capOf(ScoreCap cap) {
        return Map.entry(UUID.fromString(cap.tenderId()),
                Map.entry(UUID.fromString(cap.criterionId()), new AwardCalculation.Cap(cap.cap(), cap.ruleId(), cap.reason())));
    }

    /**
     * The tenders out of the award, each with its reasons: a scoring FAIL about a tender, and an
     * eligibility rule that fails it at award (an exclusion ground, a condition of participation)
     * unless the commissioner recorded why it stays in.
     */
    private static Map<UUID, List<String>> disqualified(List<Finding> findings, List<RecheckingEligibility.AtAward> eligibility,
                                                        List<EligibilityAdmissions.Admission> admitted) {
        Map<UUID, List<String>> out = new HashMap<>();
        findings.stream().filter(f -> f.severity() == Severity.FAIL && f.subjectType().equals("tender")).forEach(f ->
                out.computeIfAbsent(UUID.fromString(f.subjectId()), k -> new ArrayList<>()).add(f.ruleId() + ": " + f.message()));
        for (RecheckingEligibility.AtAward e : eligibility) {
            for (String failure : e.failures()) {
                boolean kept = admitted.stream().anyMatch(a -> a.tenderId().equals(e.tenderId()) && a.ruleId().equals(EligibilityAdmissions.ruleOf(failure)));
                if (!kept) {
                    out.computeIfAbsent(e.tenderId(), k -> new ArrayList<>()).add("Not eligible at award. " + failure);
                }
            }
        }
        return out;
    }

    /** The published method on one lot, and how robust its ranking is. */
    private static void calculate(Round round, Lot lot, List<Tender> submitted, RoundScores capped, Map<UUID, List<String>> disqualified,
                                  Thresholds thresholds, List<LotResult> lots, List<RobustnessCheck.Report> robustness) {
        List<CriterionSpec> criteria = lot.scoredCriteria().stream().map(c -> new CriterionSpec(c.id(), lot.publishedTitle(c), c.kind().name(),
                c.duty() == null ? null : c.duty().name(), c.weight(),
                c.parentId() == null ? null : lot.criterion(c.parentId()).map(Criterion::title).orElse(null), c.exactWeight())).toList();
        List<AwardCalculation.TenderInput> inputs = submitted.stream().filter(t -> t.lotId().equals(lot.id()))
                .map(t -> capped.input(t.id(), t.organisationName(), t.pricePence())).toList();
        List<String> tieBreak = round.details() == null ? List.of() : round.details().tieBreakOrEmpty();
        LotResult result = AwardCalculation.calculate(lot.id(), lot.title(), thresholds.scaleMax(), criteria, inputs, disqualified,
                AwardCalculation.PriceFormula.RATIO, tieBreak);
        lots.add(result);
        robustness.add(RobustnessCheck.check(result, thresholds.scaleMax(), criteria, inputs, disqualified, tieBreak));
    }

    /** Keeps the computation with its rule run, audits it, and moves the round to AWARD_PROPOSED. */
    private void store(Round round, AwardResult result, UUID runId, Actor actor) {
        String resultJson = json.write(result);
        computations.insert(new AwardComputations.Stored(UUID.randomUUID(), round.id(), result.computedAt(), actor.userId(),
                result.rulesetVersion(), runId, resultJson));
        String outcomes = result.lots().stream().map(LotResult::outcome).collect(Collectors.joining(" "));
        audit.append("AWARD_COMPUTED", round.id(), actor.userId(), "round " + round.id(), Map.of("ruleset", result.rulesetVersion(),
                "outcomes", outcomes, "sha256", org.levelfield.common.Hashing.sha256(resultJson)));
        rounds.transition(round.id(), RoundStatus.EVALUATION, RoundStatus.AWARD_PROPOSED, result.computedAt(), actor.userId(), "Award computed: " + outcomes);
    }
}
