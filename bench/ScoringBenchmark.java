import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.levelfield.rules.engine.Ruleset;
import org.levelfield.rules.engine.RulesetLoader;
import org.levelfield.rules.facts.scoring.CriterionResult;
import org.levelfield.rules.facts.scoring.CriterionScores;
import org.levelfield.rules.facts.scoring.DutyEvidence;
import org.levelfield.rules.facts.scoring.LotRanking;
import org.levelfield.rules.facts.scoring.MonitoringCommitment;
import org.levelfield.rules.facts.scoring.PartnerReliance;
import org.levelfield.rules.facts.scoring.ScoreCap;
import org.levelfield.rules.facts.scoring.ScoreReason;
import org.levelfield.rules.facts.scoring.TenderEquality;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Stage;

/**
 * Scoring benchmark (issue 5): a round of TENDERS tenders x 12 criteria (price + 11 scored, three
 * of them the race, disability and sex sub-criteria) x 3 evaluators, run through the scoring
 * ruleset from rules/ in the award's three passes (scores, reasons and evidence with caps; gateways;
 * ranking), against the same checks written as plain Java. Both must produce the same findings.
 *
 * Run with: bash bench/run-scoring.sh   (see docs/benchmarks.md)
 */
public class ScoringBenchmark {

    static final int TENDERS = Integer.getInteger("tenders", 1000);
    static final int SCORED = 11;
    static final int EVALUATORS = 3;
    static final String[] DUTIES = {"RACE", "DISABILITY", "SEX"};
    static final String DESCRIPTORS = "5 costed plan naming partners; 3 credible plan; 2 or less policy only";
    static final List<String> MONITORED = List.of("RACE", "SEX", "DISABILITY", "AGE", "SEXUAL_ORIENTATION");

    record Tender(String id, String bidder, int[][] scores, String[][] reasons, List<List<String>> evidence, boolean partner,
                  boolean partnerComplete, List<String> plan, boolean safeguards, Integer[] minScore) {
    }

    public static void main(String[] args) {
        Ruleset ruleset = RulesetLoader.load(Path.of(System.getProperty("rules", "rules")));
        List<Tender> round = round(new Random(2026));
        int warmups = Integer.getInteger("warmups", 5);
        int runs = Integer.getInteger("runs", 10);
        Map<String, Integer> engineCounts = null;
        Map<String, Integer> javaCounts = null;
        for (int i = 0; i < warmups; i++) {
            engineCounts = withEngine(ruleset, round);
            javaCounts = plainJava(round);
        }
        if (!engineCounts.equals(javaCounts)) {
            throw new IllegalStateException("The engine and plain Java disagree: " + engineCounts + " vs " + javaCounts);
        }
        long[] engine = new long[runs];
        long[] java = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            withEngine(ruleset, round);
            engine[i] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            plainJava(round);
            java[i] = System.nanoTime() - t1;
        }
        Arrays.sort(engine);
        Arrays.sort(java);
        double engineMs = engine[runs / 2] / 1e6;
        double javaMs = java[runs / 2] / 1e6;
        System.out.printf("round: %d tenders x 12 criteria x %d evaluators; findings by rule %s%n", TENDERS, EVALUATORS, engineCounts);
        System.out.printf("rule engine: median %.1f ms per round = %.0f tenders/s (best %.1f ms, worst %.1f ms, %d runs after %d warm-ups)%n",
                engineMs, TENDERS / (engineMs / 1000), engine[0] / 1e6, engine[runs - 1] / 1e6, runs, warmups);
        System.out.printf("plain Java:  median %.2f ms per round = %.0f tenders/s%n", javaMs, TENDERS / (javaMs / 1000));
        System.out.printf("ratio (engine / plain Java): %.1fx%n", engineMs / javaMs);
        System.out.printf("peak heap used: %d MB%n", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024 / 1024);
    }

    /** A repeatable round: scores spread sometimes, some reasons cite nothing, some evidence is policy only. */
    static List<Tender> round(Random random) {
        List<Tender> tenders = new ArrayList<>();
        for (int t = 0; t < TENDERS; t++) {
            int[][] scores = new int[SCORED][EVALUATORS];
            String[][] reasons = new String[SCORED][EVALUATORS];
            Integer[] minScore = new Integer[SCORED];
            for (int c = 0; c < SCORED; c++) {
                int base = 1 + random.nextInt(4);
                minScore[c] = c == 0 ? 2 : null;
                for (int e = 0; e < EVALUATORS; e++) {
                    scores[c][e] = Math.max(0, Math.min(5, base + random.nextInt(3) - 1));
                    reasons[c][e] = random.nextInt(10) == 0 ? "Credible plan naming partners"
                            : "Section " + (c + 2) + "." + e + " sets out staffing and outreach for this criterion";
                }
            }
            List<List<String>> evidence = new ArrayList<>();
            for (int d = 0; d < DUTIES.length; d++) {
                evidence.add(random.nextInt(8) == 0 ? List.of("POLICY") : List.of("POLICY", "PLAN", "KPI"));
            }
            boolean partner = random.nextInt(4) == 0;
            tenders.add(new Tender("t" + t, "Bidder " + t, scores, reasons, evidence, partner, random.nextBoolean(),
                    random.nextInt(5) == 0 ? List.of("RACE", "SEX") : MONITORED, random.nextInt(10) != 0, minScore));
        }
        return tenders;
    }

    static String criterionId(int c) {
        return "c" + c;
    }

    /** The three passes, as ComputingAward runs them. */
    static Map<String, Integer> withEngine(Ruleset ruleset, List<Tender> round) {
        Thresholds limits = Thresholds.DEFAULTS;
        List<Object> facts = new ArrayList<>();
        facts.add(limits);
        for (Tender t : round) {
            for (int c = 0; c < SCORED; c++) {
                List<Integer> given = new ArrayList<>();
                for (int e = 0; e < EVALUATORS; e++) {
                    facts.add(new ScoreReason(t.id(), t.bidder(), criterionId(c), "Criterion " + c, "Evaluator " + e, t.scores()[c][e],
                            t.reasons()[c][e], DESCRIPTORS, "e" + e));
                    given.add(t.scores()[c][e]);
                }
                facts.add(new CriterionScores(t.id(), "l1", t.bidder(), criterionId(c), "Criterion " + c, given, null));
            }
            for (int d = 0; d < DUTIES.length; d++) {
                facts.add(new DutyEvidence(t.id(), t.bidder(), criterionId(SCORED - 3 + d), "Duty " + DUTIES[d], DUTIES[d], t.evidence().get(d)));
            }
            if (t.partner()) {
                facts.add(new PartnerReliance(t.id(), t.bidder(), criterionId(SCORED - 2), "Duty DISABILITY", "DISABILITY", "Partner",
                        t.partnerComplete(), t.partnerComplete() ? 15 : null, t.partnerComplete() ? 30 : 60, t.partnerComplete()));
            }
            facts.add(new MonitoringCommitment(t.id(), t.bidder(), t.plan(), MONITORED, "QUARTERLY", t.safeguards()));
        }
        Ruleset.Run<ScoreCap> first = ruleset.run(Stage.SCORING, facts, ScoreCap.class);
        Map<String, Integer> caps = new HashMap<>();
        first.derived().forEach(cap -> caps.merge(cap.tenderId() + "/" + cap.criterionId(), cap.cap(), Math::min));
        List<Object> gateways = new ArrayList<>();
        gateways.add(limits);
        List<BigDecimal> totals = new ArrayList<>();
        for (Tender t : round) {
            BigDecimal[] used = used(t, caps);
            gateways.add(new TenderEquality(t.id(), "l1", t.bidder(), used[SCORED - 3], used[SCORED - 2], used[SCORED - 1]));
            for (int c = 0; c < SCORED; c++) {
                gateways.add(new CriterionResult(t.id(), t.bidder(), criterionId(c), "Criterion " + c, used[c], t.minScore()[c]));
            }
            totals.add(total(used));
        }
        List<Finding> findings = new ArrayList<>(first.findings());
        findings.addAll(ruleset.evaluate(Stage.SCORING, gateways));
        findings.addAll(ruleset.evaluate(Stage.SCORING, List.of(limits, ranking(totals))));
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        return counts;
    }

    /** The same checks written by hand. */
    static Map<String, Integer> plainJava(List<Tender> round) {
        Thresholds limits = Thresholds.DEFAULTS;
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> caps = new HashMap<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (Tender t : round) {
            for (int c = 0; c < SCORED; c++) {
                int min = 5;
                int max = 0;
                for (int e = 0; e < EVALUATORS; e++) {
                    ScoreReason reason = new ScoreReason(t.id(), t.bidder(), criterionId(c), "", "", 0, t.reasons()[c][e], DESCRIPTORS, "e" + e);
                    if (reason.getDescriptorOverlapPercent() > 80 || !reason.getCitesTender()) {
                        counts.merge("SC-02", 1, Integer::sum);
                    }
                    min = Math.min(min, t.scores()[c][e]);
                    max = Math.max(max, t.scores()[c][e]);
                }
                if (max - min >= limits.moderationSpread()) {
                    counts.merge("SC-03", 1, Integer::sum);
                }
            }
            for (int d = 0; d < DUTIES.length; d++) {
                List<String> types = t.evidence().get(d);
                if (!types.isEmpty() && types.stream().allMatch("POLICY"::equals)) {
                    counts.merge("EQ-06", 1, Integer::sum);
                    caps.merge(t.id() + "/" + criterionId(SCORED - 3 + d), 2, Math::min);
                }
            }
            if (t.partner() && !t.partnerComplete()) {
                counts.merge("EQ-07", 1, Integer::sum);
                caps.merge(t.id() + "/" + criterionId(SCORED - 2), 2, Math::min);
            }
            if (!t.plan().containsAll(MONITORED) || !t.safeguards()) {
                counts.merge("EQ-08", 1, Integer::sum);
            }
        }
        for (Tender t : round) {
            BigDecimal[] used = used(t, caps);
            TenderEquality eq = new TenderEquality(t.id(), "l1", t.bidder(), used[SCORED - 3], used[SCORED - 2], used[SCORED - 1]);
            if (eq.getLowest().compareTo(new BigDecimal(limits.eqSubMin())) < 0 || eq.getMean().compareTo(limits.eqMeanMin()) < 0) {
                counts.merge("EQ-05", 1, Integer::sum);
            }
            for (int c = 0; c < SCORED; c++) {
                if (t.minScore()[c] != null && used[c].compareTo(new BigDecimal(t.minScore()[c])) < 0) {
                    counts.merge("SC-07", 1, Integer::sum);
                }
            }
            totals.add(total(used));
        }
        LotRanking ranking = ranking(totals);
        if (ranking.isTied()) {
            counts.merge("SC-10", 1, Integer::sum);
        } else if (ranking.margin() != null && ranking.margin().compareTo(limits.nearTieMargin()) < 0) {
            counts.merge("SC-11", 1, Integer::sum);
        }
        return counts;
    }

    /** Per criterion: the evaluators' mean, lowered to a cap if one applies. */
    static BigDecimal[] used(Tender t, Map<String, Integer> caps) {
        BigDecimal[] used = new BigDecimal[SCORED];
        for (int c = 0; c < SCORED; c++) {
            int sum = 0;
            for (int e = 0; e < EVALUATORS; e++) {
                sum += t.scores()[c][e];
            }
            BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(EVALUATORS), 10, RoundingMode.HALF_UP);
            Integer cap = caps.get(t.id() + "/" + criterionId(c));
            used[c] = cap != null && mean.compareTo(BigDecimal.valueOf(cap)) > 0 ? BigDecimal.valueOf(cap) : mean;
        }
        return used;
    }

    static BigDecimal total(BigDecimal[] used) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal u : used) {
            total = total.add(u.multiply(BigDecimal.valueOf(70)).divide(BigDecimal.valueOf(5L * SCORED), 10, RoundingMode.HALF_UP));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    static LotRanking ranking(List<BigDecimal> totals) {
        List<BigDecimal> sorted = new ArrayList<>(totals);
        sorted.sort((a, b) -> b.compareTo(a));
        BigDecimal top = sorted.get(0);
        long leaders = sorted.stream().filter(x -> x.compareTo(top) == 0).count();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < leaders; i++) {
            names.add("Leader " + i);
        }
        BigDecimal margin = leaders == 1 && sorted.size() > 1 ? top.subtract(sorted.get(1)) : null;
        return new LotRanking("l1", "Lot 1", names, top, leaders == 1 && sorted.size() > 1 ? "Runner-up" : null, margin, null);
    }
}
