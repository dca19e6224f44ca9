import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.levelfield.award.report.AwardReport;
import org.levelfield.award.report.AwardReport.*;
import org.levelfield.common.document.PdfRenderer;
import org.levelfield.common.document.Templates;

/**
 * Award justification benchmark (issue 6): the report for a round of 50 tenders x 12 criteria
 * (price and 11 scored, three of them the race, disability and sex duties) x 3 evaluators, with
 * findings, moderation, conflicts, the equality analysis and the decision, filled from
 * templates/award-justification.md and laid out as PDF/A by the service's own Templates and
 * PdfRenderer, exactly as IssuingDocument does (without storing it).
 *
 * mode=warm  : WARMUPS renders, then RUNS timed renders in the same JVM.
 * mode=fresh : one render, timed from JVM start (class loading, template and font loading included).
 * Both print peak heap (sum of heap pools' peaks) and the PDF size.
 *
 * Run with: bash bench/run-report.sh   (see docs/benchmarks.md)
 */
public class ReportBenchmark {

    static final int TENDERS = Integer.getInteger("tenders", 50);
    static final int SCORED = 11;
    static final int EVALUATORS = 3;
    static final String[] DUTIES = {"RACE", "DISABILITY", "SEX"};

    public static void main(String[] args) {
        String mode = System.getProperty("mode", "warm");
        AwardReport report = report(new Random(2026));
        if (mode.equals("fresh")) {
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            long modelReady = System.currentTimeMillis();
            long t0 = System.nanoTime();
            Templates templates = new Templates(System.getProperty("templates", "templates"), new ObjectMapper());
            PdfRenderer renderer = new PdfRenderer();
            String text = templates.render("award-justification.md", report);
            long filled = System.nanoTime();
            byte[] pdf = renderer.render(text, "en-GB", "benchmark");
            long done = System.nanoTime();
            long sinceStart = System.currentTimeMillis() - start;
            System.out.printf("fresh JVM: first render %d ms (template engine and fonts loaded, template filled %d ms, PDF laid out %d ms); "
                            + "JVM start to finished PDF %d ms (the model was ready at %d ms); PDF %,d bytes, ~%d pages; peak heap %d MB%n",
                    (done - t0) / 1_000_000, (filled - t0) / 1_000_000, (done - filled) / 1_000_000, sinceStart, modelReady - start,
                    pdf.length, pages(pdf), peakHeapMb());
            return;
        }
        Templates templates = new Templates(System.getProperty("templates", "templates"), new ObjectMapper());
        int warmups = Integer.getInteger("warmups", 20);
        int runs = Integer.getInteger("runs", 30);
        PdfRenderer renderer = new PdfRenderer();
        byte[] pdf = null;
        for (int i = 0; i < warmups; i++) {
            pdf = renderer.render(templates.render("award-justification.md", report), "en-GB", "benchmark");
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            pdf = renderer.render(templates.render("award-justification.md", report), "en-GB", "benchmark");
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("warm: %d tenders x 12 criteria x %d evaluators, %d runs after %d warm-ups: median %.1f ms, p95 %.1f ms, max %.1f ms; "
                        + "PDF %,d bytes, ~%d pages; peak heap %d MB%n", TENDERS, EVALUATORS, runs, warmups, ms[runs / 2],
                ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], pdf.length, pages(pdf), peakHeapMb());
    }

    /** Pages counted from the PDF's page objects (good enough for a report of the size). */
    static int pages(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int count = 0;
        int at = 0;
        while ((at = text.indexOf("/Type/Page", at)) >= 0) {
            if (!text.startsWith("/Type/Pages", at)) {
                count++;
            }
            at += 10;
        }
        return count;
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static AwardReport report(Random random) {
        List<CriterionLine> criteria = new ArrayList<>();
        criteria.add(new CriterionLine("Price", "PRICE", "25"));
        for (int c = 0; c < SCORED; c++) {
            criteria.add(new CriterionLine(c < 3 ? Character.toUpperCase(DUTIES[c].charAt(0)) + DUTIES[c].substring(1).toLowerCase() + " equality"
                    : "Quality criterion " + (c - 2), c < 3 ? "EQUALITY (" + DUTIES[c] + ")" : "QUALITY", c < 3 ? "10" : "5"));
        }
        List<TenderPart> tenders = new ArrayList<>();
        List<FindingLine> scoringFindings = new ArrayList<>();
        List<DutyLine> duties = new ArrayList<>();
        List<ModerationLine> moderation = new ArrayList<>();
        for (int t = 0; t < TENDERS; t++) {
            String bidder = "Bidder " + (t + 1) + (t % 3 == 0 ? " CIO" : t % 3 == 1 ? " CIC" : " Ltd");
            List<ScoreLine> scores = new ArrayList<>();
            scores.add(new ScoreLine("Price", "25", "lowest compliant price / this price x weight", "-", String.format("%.2f", 15 + random.nextDouble() * 10), List.of()));
            for (int c = 0; c < SCORED; c++) {
                List<EvaluatorLine> evaluators = new ArrayList<>();
                for (int e = 0; e < EVALUATORS; e++) {
                    int score = 1 + random.nextInt(5);
                    evaluators.add(new EvaluatorLine("Evaluator " + (e + 1), score, "Section " + (c + 2) + "." + (e + 1) + " of the tender sets out "
                            + (score >= 4 ? "a costed plan with named staff, partners and quarterly KPIs" : score == 3 ? "a credible plan without costs"
                            : "a policy statement only, with no delivery plan") + "; page " + (3 + c) + "."));
                }
                scores.add(new ScoreLine(criteria.get(c + 1).title(), criteria.get(c + 1).weight(), null,
                        String.format("%.2f", 1 + random.nextDouble() * 4), String.format("%.2f", random.nextDouble() * 10), evaluators));
            }
            boolean out = t % 11 == 5;
            tenders.add(new TenderPart(bidder, String.format("£%,d", 250_000 + random.nextInt(100_000)), String.format("%.2f", 50 + random.nextDouble() * 40),
                    out ? "not ranked" : String.valueOf(t + 1), out, out ? List.of("EQ-05: the race equality sub-score 1.67 is below the gateway minimum of 2.") : List.of(), scores));
            if (t % 4 == 0) {
                scoringFindings.add(new FindingLine("EQ-06", "FLAG", "L2", "Equality Act 2010 s149; EHRC Buying better outcomes", bidder,
                        "Substance over form", "The only evidence for the race duty is a policy; the score is capped at 2."));
            }
            if (t % 6 == 0) {
                scoringFindings.add(new FindingLine("SC-02", "FLAG", "L4", "PA 2023 s50(3); Procurement Regulations 2024 reg 31", bidder,
                        "Reasons cite the tender", "Evaluator 2's reason on Quality criterion 4 restates the descriptor."));
                moderation.add(new ModerationLine("Lot 1", bidder, "Race equality", "2, 4, 3", "3", "Section 2 names partners but does not cost them", "10 December 2025 by Chair"));
            }
            duties.add(new DutyLine("Lot 1", bidder, "3.00", "4.00", out ? "1.67" : "3.33", out ? "EQ-05 not met" : "met"));
        }
        List<EqiaLine> analysis = new ArrayList<>();
        for (String c : List.of("Age", "Disability", "Gender reassignment", "Pregnancy and maternity", "Race", "Religion or belief", "Sex", "Sexual orientation")) {
            for (String l : List.of("Eliminate discrimination", "Advance equality", "Foster good relations")) {
                analysis.add(new EqiaLine(c, l, "Tenders received and scored; needs assessment 2025", "Positive", "-", "Specialist lot retained", "-"));
            }
        }
        List<EqiaLine> adverse = List.of(new EqiaLine("Race", "Advance equality", "-", "Black and minoritised women lose the outreach sessions",
                "Adverse", "A named by-and-for partner within 3 months", "-"));
        RoundPart round = new RoundPart("Benchmark round", "A pooled round for the benchmark.", "AWARD_PROPOSED", "2025-04-01",
                "14 November 2025 12:00", "1 October 2025 09:00", "14 November 2025 12:00", "£1,500,000",
                List.of(new PartnerLine("Council", "COUNCIL", true, "£900,000", "60%"), new PartnerLine("ICB", "NHS", false, "£600,000", "40%")));
        LotPart lot = new LotPart("Lot 1", "£1,500,000", "£500,000", 36, criteria, "Bidder 1 CIO wins with 88.12.", "£250,000", tenders);
        DecisionPart decision = new DecisionPart("version 3", "10 December 2025 15:10 by Commissioner", "Cllr Amina Shah, Cabinet Member",
                "Executive decision", "Briefed on 2025-12-09 by Equalities lead; the briefing covered the equality duty.", "2025-12-05", "MEDIUM",
                "The equality criteria decided the lot.", "Annual review", "-", "Quarterly returns by seven characteristics", "Cabinet minutes item 7",
                List.of(new SignOffLine("Council", "Director, 8 December 2025"), new SignOffLine("ICB", "Director, 8 December 2025")),
                List.of(new LotDecisionLine("Lot 1", "Bidder 1 CIO", "2025-12-10", "Cllr Amina Shah")));
        List<ConflictLine> conflicts = new ArrayList<>();
        for (int e = 0; e < EVALUATORS; e++) {
            for (int t = 0; t < TENDERS; t++) {
                conflicts.add(new ConflictLine("15 November 2025 09:00", "Evaluator " + (e + 1), "Bidder " + (t + 1), t == 7 && e == 1 ? "Conflicted" : "No conflict",
                        t == 7 && e == 1 ? "Former trustee" : "-"));
            }
        }
        return new AwardReport("Award justification: Benchmark round", "22 November 2026 10:00", "benchmark", "0".repeat(64), round,
                new Method(5, 2, "3.0"), List.of(lot), List.of(), scoringFindings, List.of(new HistoryLine("1 October 2025", "DRAFT", "PUBLISHED", "Published")),
                List.of(), List.of(new RobustnessLine("Lot 1", "The winner is the same in every scenario.",
                List.of(new ScenarioLine("Linear price formula", "Bidder 1 CIO", "1.20", "yes")))),
                false, decision, analysis, adverse, duties, moderation, conflicts, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
