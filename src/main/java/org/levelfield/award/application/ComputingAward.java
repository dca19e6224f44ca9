package org.levelfield.award.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Actor;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.award.model.AwardCalculation.CriterionSpec;
import org.levelfield.award.model.AwardCalculation.EvaluatorScore;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderInput;
import org.levelfield.award.model.RobustnessCheck;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.web.ProblemException;
import org.levelfield.clarification.Clarifications;
import org.levelfield.evaluation.AbnormallyLowTenders;
import org.levelfield.evaluation.Moderation;
import org.levelfield.evaluation.Panels;
import org.levelfield.evaluation.Score;
import org.levelfield.evaluation.Scores;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Ruleset;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.CriterionResult;
import org.levelfield.rules.facts.CriterionScores;
import org.levelfield.rules.facts.LotRanking;
import org.levelfield.rules.facts.MonitoringCommitment;
import org.levelfield.rules.facts.DutyScore;
import org.levelfield.rules.facts.LotMethod;
import org.levelfield.rules.facts.MandatoryItemFact;
import org.levelfield.rules.facts.PanelDeclaration;
import org.levelfield.rules.facts.PriceCheck;
import org.levelfield.rules.facts.PublishedCriteria;
import org.levelfield.rules.facts.SupplierWins;
import org.levelfield.rules.facts.ScoreCap;
import org.levelfield.rules.facts.ScoreReason;
import org.levelfield.rules.facts.TenderEquality;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;
import org.levelfield.tender.application.RecheckingEligibility;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * Computes the award per lot from stored tenders and scores: the scoring rules (the EQ-05
 * equality gateway among them) decide which tenders are disqualified; the published method then
 * gives weighted totals and the ranking. The result is stored, and the same inputs always give the
 * same result.
 */
@Singleton
public class ComputingAward {

    private final Rounds rounds;
    private final Tenders tenders;
    private final Scores scores;
    private final Rulesets rules;
    private final ThresholdsConfiguration configured;
    private final RuleRuns runs;
    private final AwardComputations computations;
    private final JsonColumns json;
    private final RecheckingEligibility rechecking;
    private final Panels panels;
    private final Moderation moderation;
    private final AbnormallyLowTenders abnormallyLow;
    private final Clarifications clarifications;
    private final org.levelfield.common.audit.AuditTrail audit;
    private final AwardDecisions decisions;
    private final Clock clock;

    public ComputingAward(Rounds rounds, Tenders tenders, Scores scores, Rulesets rules, ThresholdsConfiguration configured,
                          RuleRuns runs, AwardComputations computations, JsonColumns json, RecheckingEligibility rechecking, Panels panels, Moderation moderation, AbnormallyLowTenders abnormallyLow,
                          Clarifications clarifications, org.levelfield.common.audit.AuditTrail audit, AwardDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.audit = audit;
        this.clarifications = clarifications;
        this.moderation = moderation;
        this.abnormallyLow = abnormallyLow;
        this.rechecking = rechecking;
        this.panels = panels;
        this.rounds = rounds;
        this.tenders = tenders;
        this.scores = scores;
        this.rules = rules;
        this.configured = configured;
        this.runs = runs;
        this.computations = computations;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public AwardResult compute(UUID roundId, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.EVALUATION && round.status() != RoundStatus.AWARD_PROPOSED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; the award is computed once tenders have been scored (status EVALUATION).",
                    round.status().name(), round.status().allowedActions());
        }
        List<AwardDecisions.Decision> decided = decisions.ofRound(roundId);
        if (!decided.isEmpty()) {
            throw ProblemException.wrongState("The award of round '" + round.title() + "' cannot be computed again: "
                    + decided.stream().map(d -> d.winner() + " was awarded a lot on " + d.decidedOn()).collect(Collectors.joining("; "))
                    + ", on this computation.", "DECIDED", List.of("read the decisions (GET /api/rounds/{id}/decisions)"));
        }
        List<Tender> submitted = tenders.ofRound(roundId);
        Map<UUID, Map<UUID, List<EvaluatorScore>>> byTender = scoresByTender(roundId);
        requireEveryCriterionScored(round, submitted, byTender);
        requireFullPanels(round, submitted, byTender);
        Thresholds thresholds = thresholdsOf(round);

        Map<UUID, Map<UUID, AwardCalculation.Consensus>> consensus = new HashMap<>();
        moderation.consensusForRound(roundId).forEach((tender, byCriterion) -> byCriterion.forEach((criterion, c) ->
                consensus.computeIfAbsent(tender, k -> new HashMap<>()).put(criterion, new AwardCalculation.Consensus(c.score(), c.reason()))));

        // First pass: the rules that read scores, reasons and evidence; some cap a criterion's score (EQ-06, EQ-07).
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        for (Tender t : submitted) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            Map<UUID, List<EvaluatorScore>> given = byTender.getOrDefault(t.id(), Map.of());
            Map<UUID, AwardCalculation.Consensus> agreed = consensus.getOrDefault(t.id(), Map.of());
            for (Criterion c : lot.evaluatorCriteria()) {
                for (EvaluatorScore e : given.getOrDefault(c.id(), List.of())) {
                    facts.add(new ScoreReason(t.id().toString(), t.organisationName(), c.id().toString(), c.title(), e.evaluator(), e.score(),
                            e.reason(), c.descriptors()));
                }
                facts.add(new CriterionScores(t.id().toString(), lot.id().toString(), t.organisationName(), c.id().toString(), c.title(),
                        given.getOrDefault(c.id(), List.of()).stream().map(EvaluatorScore::score).toList(),
                        agreed.containsKey(c.id()) ? agreed.get(c.id()).score() : null));
            }
            facts.addAll(TenderEvidenceFacts.of(lot, t));
            facts.add(new PublishedCriteria(t.id().toString(), lot.title(), lot.criteria().stream().map(c -> c.id().toString()).toList()));
            for (Panels.Appointment member : panels.members(lot.id())) {
                var declared = panels.declarations(roundId, member.evaluatorId()).get(t.organisationId());
                if (declared != null) {
                    int counted = (int) given.values().stream().flatMap(List::stream).filter(e -> e.evaluatorId().equals(member.evaluatorId())).count();
                    facts.add(new PanelDeclaration(t.id().toString(), t.organisationName(), member.evaluator(), declared.conflicted(), counted));
                }
            }
            var plan = t.details().monitoringPlan();
            facts.add(new MonitoringCommitment(t.id().toString(), t.organisationName(), plan == null ? List.of() : plan.characteristics(),
                    round.details() == null ? List.of() : round.details().monitoringCharacteristics(), plan == null ? null : plan.frequency(),
                    plan != null && Boolean.TRUE.equals(plan.dataProtectionSafeguards())));
        }
        Ruleset ruleset = rules.forVersion(round.rulesetVersion());
        Ruleset.Run<ScoreCap> first = ruleset.run(Stage.SCORING, facts, ScoreCap.class);
        Map<UUID, Map<UUID, AwardCalculation.Cap>> caps = new HashMap<>();
        for (ScoreCap cap : first.derived()) {
            caps.computeIfAbsent(UUID.fromString(cap.tenderId()), k -> new HashMap<>())
                    .merge(UUID.fromString(cap.criterionId()), new AwardCalculation.Cap(cap.cap(), cap.ruleId(), cap.reason()),
                            (a, b) -> a.cap() <= b.cap() ? a : b);
        }

        // Second pass: the gateways, on the scores as capped.
        List<Object> gateways = new ArrayList<>();
        gateways.add(thresholds);
        for (Tender t : submitted) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            Map<UUID, List<EvaluatorScore>> given = byTender.getOrDefault(t.id(), Map.of());
            gateways.add(priceCheck(lot, t, submitted));
            t.details().mandatoryItems().forEach(m -> gateways.add(new MandatoryItemFact(t.id().toString(), t.organisationName(), m.item(),
                    Boolean.TRUE.equals(m.met()), m.how())));
            gateways.add(equalityFact(lot, t, given, consensus.getOrDefault(t.id(), Map.of()), caps.getOrDefault(t.id(), Map.of())));
            for (Criterion c : lot.evaluatorCriteria()) {
                var agreed = consensus.getOrDefault(t.id(), Map.of()).get(c.id());
                if (agreed != null || !given.getOrDefault(c.id(), List.of()).isEmpty()) {
                    BigDecimal used = AwardCalculation.scoreUsed(given.getOrDefault(c.id(), List.of()), agreed,
                            caps.getOrDefault(t.id(), Map.of()).get(c.id()));
                    gateways.add(new CriterionResult(t.id().toString(), t.organisationName(), c.id().toString(), c.title(), used, c.minScore()));
                    if (c.duty() != null) {
                        gateways.add(new DutyScore(t.id().toString(), t.organisationName(), c.title(), c.duty().name(), used));
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>(first.findings());
        findings.addAll(ruleset.evaluate(Stage.SCORING, gateways));
        Blocking.refuseIfBlocked("The award cannot be computed", findings);
        Map<UUID, List<String>> disqualified = new HashMap<>();
        Instant now = clock.instant();
        // Eligibility is checked again and reported (with what changed since submission); excluding a
        // tender on it is the decision-maker's, with the bidder's response, not the calculation's.
        List<RecheckingEligibility.AtAward> eligibility = rechecking.atAward(round, submitted, now);
        findings.stream().filter(f -> f.severity() == Severity.FAIL && f.subjectType().equals("tender")).forEach(f ->
                disqualified.computeIfAbsent(UUID.fromString(f.subjectId()), k -> new ArrayList<>()).add(f.ruleId() + ": " + f.message()));

        List<LotResult> lots = new ArrayList<>();
        List<RobustnessCheck.Report> robustness = new ArrayList<>();
        for (Lot lot : round.lots()) {
            List<CriterionSpec> criteria = lot.criteria().stream().map(c -> new CriterionSpec(c.id(), c.title(), c.kind().name(),
                    c.duty() == null ? null : c.duty().name(), c.weight())).toList();
            List<TenderInput> inputs = submitted.stream().filter(t -> t.lotId().equals(lot.id()))
                    .map(t -> new TenderInput(t.id(), t.organisationName(), t.pricePence(), byTender.getOrDefault(t.id(), Map.of()),
                            consensus.getOrDefault(t.id(), Map.of()), caps.getOrDefault(t.id(), Map.of())))
                    .toList();
            List<String> tieBreak = round.details() == null ? List.of() : round.details().tieBreakOrEmpty();
            LotResult result = AwardCalculation.calculate(lot.id(), lot.title(), thresholds.scaleMax(), criteria, inputs, disqualified,
                    AwardCalculation.PriceFormula.RATIO, tieBreak);
            lots.add(result);
            robustness.add(RobustnessCheck.check(result, thresholds.scaleMax(), criteria, inputs, disqualified, tieBreak));
        }
        // Last pass: the ranking rules (SC-10 ties, SC-11 near ties) on each lot's result.
        List<Object> rankings = new ArrayList<>();
        rankings.add(thresholds);
        lots.forEach(l -> rankings.add(ranking(l)));
        rankings.addAll(supplierWins(round, lots, submitted));
        for (LotResult l : lots) {
            Lot lot = round.lot(l.lotId()).orElseThrow();
            rankings.add(new LotMethod(lot.id().toString(), lot.title(), thresholds.scaleMax(),
                    lot.priceCriterion().map(Criterion::weight).orElse(null), lot.terms() == null ? null : lot.terms().priceMode(),
                    l.lowestCompliantPricePence(), l.tenders().size()));
        }
        rankings.addAll(clarifications.records(roundId));
        List<Finding> rankingFindings = ruleset.evaluate(Stage.SCORING, rankings);
        Blocking.refuseIfBlocked("The award cannot be computed", rankingFindings);
        findings.addAll(rankingFindings);
        String version = ruleset.version();
        UUID runId = runs.record(roundId, Stage.SCORING, version, now, actor.userId(), "COMPUTED", findings);
        AwardResult result = new AwardResult(roundId, now, version, thresholds, lots, findings, eligibility, robustness);
        String resultJson = toJson(result);
        computations.insert(new AwardComputations.Stored(UUID.randomUUID(), roundId, now, actor.userId(), version, runId, resultJson));
        audit.append("AWARD_COMPUTED", roundId, actor.userId(), "round " + roundId, Map.of("ruleset", version,
                "outcomes", lots.stream().map(LotResult::outcome).collect(Collectors.joining(" ")),
                "sha256", org.levelfield.common.Hashing.sha256(resultJson)));
        rounds.transition(roundId, RoundStatus.EVALUATION, RoundStatus.AWARD_PROPOSED, now, actor.userId(),
                "Award computed: " + lots.stream().map(LotResult::outcome).collect(Collectors.joining(" ")));
        return result;
    }

    public AwardResult latest(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        AwardComputations.Stored stored = computations.latest(roundId).orElseThrow(() -> ProblemException.wrongState(
                "No award has been computed for this round yet.", "NO_AWARD", List.of("compute the award (POST /api/rounds/{id}/award)")));
        return json.read(stored.resultJson(), AwardResult.class);
    }

    private Map<UUID, Map<UUID, List<EvaluatorScore>>> scoresByTender(UUID roundId) {
        Map<UUID, Map<UUID, List<EvaluatorScore>>> byTender = new HashMap<>();
        for (Score s : scores.currentForRound(roundId)) {
            byTender.computeIfAbsent(s.tenderId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.criterionId(), k -> new ArrayList<>())
                    .add(new EvaluatorScore(s.evaluatorId(), s.evaluatorName(), s.score(), s.reason()));
        }
        byTender.values().forEach(m -> m.values().forEach(l -> l.sort((a, b) -> a.evaluator().compareTo(b.evaluator()))));
        return byTender;
    }

    private static void requireEveryCriterionScored(Round round, List<Tender> submitted, Map<UUID, Map<UUID, List<EvaluatorScore>>> byTender) {
        List<String> missing = new ArrayList<>();
        for (Tender t : submitted) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            for (Criterion c : lot.evaluatorCriteria()) {
                if (byTender.getOrDefault(t.id(), Map.of()).getOrDefault(c.id(), List.of()).isEmpty()) {
                    missing.add(t.organisationName() + " (lot '" + lot.title() + "'): '" + c.title() + "'");
                }
            }
        }
        if (submitted.isEmpty()) {
            missing.add("no tenders were submitted");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.wrongState("The award cannot be computed until every criterion of every tender has a score. Missing: "
                    + String.join("; ", missing) + ".", round.status().name(), round.status().allowedActions());
        }
    }

    /**
     * Each lot needs at least the minimum number of evaluators free of conflict for every tender,
     * and each of them must have scored every criterion of it: the award rests on the whole panel.
     */
    private void requireFullPanels(Round round, List<Tender> submitted, Map<UUID, Map<UUID, List<EvaluatorScore>>> byTender) {
        List<String> problems = new ArrayList<>();
        for (Panels.LotPanel panel : panels.status(round, submitted)) {
            Lot lot = round.lot(panel.lotId()).orElseThrow();
            for (Panels.TenderCover cover : panel.tenders()) {
                if (!cover.undeclared().isEmpty()) {
                    problems.add("lot '" + lot.title() + "': " + cover.undeclared() + " have not declared conflicts for " + cover.bidder());
                }
                if (cover.unconflicted() < panel.minimum()) {
                    problems.add("lot '" + lot.title() + "': only " + cover.unconflicted() + " evaluator(s) free of conflict for " + cover.bidder()
                            + " (minimum " + panel.minimum() + "); appoint another evaluator");
                }
            }
            for (Panels.Appointment member : panel.members()) {
                for (Tender t : submitted.stream().filter(t -> t.lotId().equals(lot.id())).toList()) {
                    var declared = panels.declarations(round.id(), member.evaluatorId()).get(t.organisationId());
                    if (declared == null || declared.conflicted()) {
                        continue;
                    }
                    for (Criterion c : lot.evaluatorCriteria()) {
                        boolean scored = byTender.getOrDefault(t.id(), Map.of()).getOrDefault(c.id(), List.of()).stream()
                                .anyMatch(e -> e.evaluatorId().equals(member.evaluatorId()));
                        if (!scored) {
                            problems.add(member.evaluator() + " has not scored '" + c.title() + "' for " + t.organisationName());
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.wrongState("The award waits for the whole panel: " + String.join("; ", problems) + ".",
                    round.status().name(), round.status().allowedActions());
        }
    }

    private PriceCheck priceCheck(Lot lot, Tender t, List<Tender> submitted) {
        List<Long> others = submitted.stream().filter(o -> o.lotId().equals(lot.id()) && !o.id().equals(t.id())).map(Tender::pricePence).toList();
        Long mean = others.isEmpty() ? null : others.stream().mapToLong(Long::longValue).sum() / others.size();
        var process = abnormallyLow.find(t.id());
        return new PriceCheck(t.id().toString(), t.organisationName(), lot.title(), t.pricePence(), mean, lot.valueInclVatPence(),
                process.isPresent(), process.map(p -> p.response() != null).orElse(false), process.map(AbnormallyLowTenders.Process::decision).orElse(null),
                process.map(AbnormallyLowTenders.Process::decisionReason).orElse(null));
    }

    /** For each supplier, the lots it would win on the provisional ranking, beside the published lot limit (SC-13). */
    private static List<SupplierWins> supplierWins(Round round, List<LotResult> lots, List<Tender> submitted) {
        Map<UUID, List<String>> won = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (LotResult lot : lots) {
            if (lot.provisionalWinner() == null) {
                continue;
            }
            Tender winner = submitted.stream().filter(t -> t.id().equals(lot.provisionalWinner())).findFirst().orElseThrow();
            won.computeIfAbsent(winner.organisationId(), k -> new ArrayList<>()).add(lot.lot());
            names.put(winner.organisationId(), winner.organisationName());
        }
        var details = round.details();
        return won.entrySet().stream().map(e -> new SupplierWins(e.getKey().toString(), names.get(e.getKey()), e.getValue(),
                details == null ? null : details.maxLotsPerSupplier(), details == null ? null : details.lotLimitMechanism())).toList();
    }

    private static LotRanking ranking(LotResult lot) {
        var ranked = lot.tenders().stream().filter(t -> t.rank() != null).toList();
        var leaders = ranked.stream().filter(t -> t.rank() == 1).toList();
        var next = ranked.stream().filter(t -> t.rank() > 1).findFirst();
        BigDecimal leading = leaders.isEmpty() ? null : leaders.getFirst().total();
        BigDecimal margin = leaders.size() == 1 && next.isPresent() ? leading.subtract(next.get().total()) : null;
        return new LotRanking(lot.lotId().toString(), lot.lot(), leaders.stream().map(AwardCalculation.TenderResult::bidder).toList(),
                leading, next.map(AwardCalculation.TenderResult::bidder).orElse(null), margin, lot.tieBrokenBy());
    }

    private static TenderEquality equalityFact(Lot lot, Tender tender, Map<UUID, List<EvaluatorScore>> scores,
                                               Map<UUID, AwardCalculation.Consensus> consensus, Map<UUID, AwardCalculation.Cap> caps) {
        return new TenderEquality(tender.id().toString(), lot.id().toString(), tender.organisationName(),
                dutyScore(lot, scores, consensus, caps, Duty.RACE), dutyScore(lot, scores, consensus, caps, Duty.DISABILITY),
                dutyScore(lot, scores, consensus, caps, Duty.SEX));
    }

    /**
     * A tender's score on the lot's criteria for one duty, to 2 places: per criterion the consensus
     * if one was recorded, else the evaluators' mean; averaged over the duty's criteria. Null if the lot has none.
     */
    private static BigDecimal dutyScore(Lot lot, Map<UUID, List<EvaluatorScore>> scores, Map<UUID, AwardCalculation.Consensus> consensus,
                                        Map<UUID, AwardCalculation.Cap> caps, Duty duty) {
        List<BigDecimal> values = new ArrayList<>();
        for (Criterion c : lot.criteria()) {
            if (c.duty() != duty) {
                continue;
            }
            if (consensus.containsKey(c.id()) || !scores.getOrDefault(c.id(), List.of()).isEmpty()) {
                values.add(AwardCalculation.scoreUsed(scores.getOrDefault(c.id(), List.of()), consensus.get(c.id()), caps.get(c.id())));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private Thresholds thresholdsOf(Round round) {
        return rounds.frozenThresholds(round.id()).orElse(configured.current());
    }

    private String toJson(AwardResult result) {
        return json.write(result);
    }
}
