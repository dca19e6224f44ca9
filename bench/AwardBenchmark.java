import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import org.levelfield.common.identity.Actor;
import org.levelfield.access.Organisation;
import org.levelfield.access.Organisations;
import org.levelfield.access.PasswordHasher;
import org.levelfield.common.identity.Role;
import org.levelfield.access.UserAccount;
import org.levelfield.access.UserAccounts;
import org.levelfield.award.application.ComputingAward;
import org.levelfield.award.report.AwardJustification;
import org.levelfield.common.database.DatabaseBootstrap;
import org.levelfield.common.database.DatabaseTarget;
import org.levelfield.common.database.Sql;
import org.levelfield.common.database.SqlStatistics;
import org.levelfield.evaluation.Panels;
import org.levelfield.evaluation.RecordingScores;
import org.levelfield.round.application.ApprovingDesign;
import org.levelfield.round.application.ClosingRound;
import org.levelfield.round.application.DraftingRound;
import org.levelfield.round.application.PublishingRound;
import org.levelfield.round.application.RoundCommand;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.SubmittingTender;
import org.levelfield.tender.application.TenderCommand;

/**
 * The whole award, end to end (issue 13, section 3): rounds are built through the application
 * services against PostgreSQL (one lot, 12 criteria: price and 11 scored, three of them the race,
 * disability and sex sub-criteria; 3 evaluators; N tenders from N organisations), in a database
 * that already holds other rounds. For each N it reports the award computation's time, the
 * justification PDF's time (first issue, then a second download of the same version), and the SQL
 * statements and rows of one computation.
 *
 * The one shortcut: the tender deadline is moved into the past with one SQL update once the tenders
 * are in, instead of waiting for the real clock.
 *
 * Run with: bash bench/run-award.sh   (see docs/benchmarks.md)
 */
public class AwardBenchmark {

    static final int SCORED = 11;
    static final String[] DUTIES = {"RACE", "DISABILITY", "SEX"};

    final ApplicationContext context;
    final ObjectMapper json;
    final Sql sql;
    final SqlStatistics statistics;
    final Actor commissioner;
    final List<Actor> evaluators = new ArrayList<>();
    final List<Actor> bidders = new ArrayList<>();
    final String hash = PasswordHasher.hash("benchmark password, never used to sign in");

    AwardBenchmark(ApplicationContext context) {
        this.context = context;
        this.json = context.getBean(ObjectMapper.class);
        this.sql = context.getBean(Sql.class);
        this.statistics = context.getBean(SqlStatistics.class);
        this.commissioner = staff("commissioner", Role.COMMISSIONER);
        for (int e = 1; e <= 3; e++) {
            evaluators.add(staff("evaluator" + e, Role.EVALUATOR));
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = parse(System.getProperty("sizes", "10,50,200,500,1000"));
        int others = Integer.getInteger("others", 100);
        int otherTenders = Integer.getInteger("otherTenders", 10);
        int runs = Integer.getInteger("runs", 5);
        DatabaseTarget server = DatabaseTarget.fromEnvironment(System.getenv());
        DatabaseTarget target = DatabaseBootstrap.prepare(server.withDatabase("levelfield_bench_" + UUID.randomUUID().toString().substring(0, 8)),
                Path.of(System.getProperty("java.io.tmpdir"), "levelfield-bench-postgres"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", target.jdbcUrl());
        properties.put("datasources.default.username", target.username());
        properties.put("datasources.default.password", target.password());
        properties.put("levelfield.demo.seed", "false");
        properties.put("levelfield.closing.enabled", "false");
        properties.put("micronaut.server.port", "-1");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", UUID.randomUUID() + "-" + UUID.randomUUID());
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            AwardBenchmark bench = new AwardBenchmark(context);
            System.out.printf(Locale.UK, "database %s on %s:%d; %d evaluators; 12 criteria; %d warm runs per size%n",
                    target.database(), target.host(), target.port(), bench.evaluators.size(), runs);
            Round small = bench.scoredRound(10, "first 10-tender round");
            bench.warm(small, runs);
            Map<String, Object> alone = bench.measure(small, runs);
            long started = System.nanoTime();
            for (int i = 0; i < others; i++) {
                bench.scoredRound(otherTenders, "other round " + (i + 1));
            }
            System.out.printf(Locale.UK, "filled the database with %d other rounds of %d tenders in %.0f s%n", others, otherTenders,
                    (System.nanoTime() - started) / 1e9);
            Round again = bench.scoredRound(10, "10-tender round after the others");
            bench.warm(again, runs);
            Map<String, Object> crowded = bench.measure(again, runs);
            System.out.println("10 tenders, database holding 1 round:           " + alone);
            System.out.println("10 tenders, database holding " + (others + 2) + " rounds:        " + crowded);
            for (int n : sizes) {
                Round round = bench.scoredRound(n, n + "-tender round");
                bench.warm(round, Math.min(runs, 2));
                System.out.println(n + " tenders: " + bench.measure(round, runs));
            }
        } finally {
            DatabaseBootstrap.dropDatabase(target);
        }
    }

    /** Computes the award and issues the justification a few times first, so the JVM and the database are warm. */
    void warm(Round round, int times) {
        for (int i = 0; i < times; i++) {
            award(round);
        }
    }

    /** Median times of the award computation and the first issue of its PDF, and one computation's statements and rows. */
    Map<String, Object> measure(Round round, int runs) {
        List<Double> computeMs = new ArrayList<>();
        List<Double> pdfMs = new ArrayList<>();
        List<Double> againMs = new ArrayList<>();
        long statements = 0;
        long rows = 0;
        int pdfBytes = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            var counted = statistics.counting(() -> context.getBean(ComputingAward.class).compute(round.id(), commissioner)
                    .orElseThrow(refused -> new IllegalStateException(refused.message())));
            long t1 = System.nanoTime();
            statements = counted.statements();
            rows = counted.rows();
            pdfBytes = context.getBean(AwardJustification.class).issue(round.id(), commissioner).pdf().length;
            long t2 = System.nanoTime();
            context.getBean(AwardJustification.class).issue(round.id(), commissioner);
            long t3 = System.nanoTime();
            computeMs.add((t1 - t0) / 1e6);
            pdfMs.add((t2 - t1) / 1e6);
            againMs.add((t3 - t2) / 1e6);
            reopen(round);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("award ms", median(computeMs));
        out.put("PDF ms", median(pdfMs));
        out.put("same PDF again ms", median(againMs));
        out.put("statements", statements);
        out.put("rows", rows);
        out.put("PDF KB", pdfBytes / 1024);
        return out;
    }

    void award(Round round) {
        context.getBean(ComputingAward.class).compute(round.id(), commissioner).orElseThrow(refused -> new IllegalStateException(refused.message()));
        context.getBean(AwardJustification.class).issue(round.id(), commissioner);
        reopen(round);
    }

    /** Back to evaluation so the award can be computed again (as a late conflict would do). */
    void reopen(Round round) {
        sql.update("update round set status = 'EVALUATION' where id = ?", round.id());
    }

    /** A published, closed round of n tenders, each scored by the three evaluators. */
    Round scoredRound(int n, String title) {
        Round round = context.getBean(DraftingRound.class).create(json.convertValue(design(title), RoundCommand.class), commissioner);
        ApprovingDesign approving = context.getBean(ApprovingDesign.class);
        round.partners().forEach(p -> approving.signOff(round.id(), p.id(), new ApprovingDesign.SignOffCommand("Director", "Director"), commissioner));
        approving.approve(round.id(), commissioner);
        context.getBean(PublishingRound.class).publish(round.id(), commissioner).orElseThrow(refused -> new IllegalStateException(refused.message()));
        Lot lot = round.lots().getFirst();
        while (bidders.size() < n) {
            bidders.add(bidder(bidders.size() + 1));
        }
        SubmittingTender submitting = context.getBean(SubmittingTender.class);
        for (int i = 0; i < n; i++) {
            submitting.submit(round.id(), lot.id(), json.convertValue(tender(lot, i), TenderCommand.class), bidders.get(i));
        }
        Panels panels = context.getBean(Panels.class);
        panels.appoint(round.id(), lot.id(), evaluators.stream().map(Actor::userId).toList(), commissioner);
        sql.update("update round set tender_deadline = ? where id = ?", Instant.now().minusSeconds(1), round.id());
        context.getBean(ClosingRound.class).close(round.id(), commissioner);
        List<UUID> organisations = bidders.subList(0, n).stream().map(Actor::organisationId).toList();
        for (Actor e : evaluators) {
            panels.declare(round.id(), new Panels.Declaring(organisations.stream()
                    .map(o -> new Panels.DeclarationCommand(o, false, null)).toList()), e);
        }
        RecordingScores recording = context.getBean(RecordingScores.class);
        List<UUID> tenders = sql.query("select id from tender where round_id = ? and status = 'SUBMITTED' order by submitted_at",
                rs -> rs.getObject(1, UUID.class), round.id());
        for (int t = 0; t < tenders.size(); t++) {
            for (int e = 0; e < evaluators.size(); e++) {
                recording.record(tenders.get(t), scores(lot, t, e), evaluators.get(e));
            }
        }
        return round;
    }

    /** Scores spread by tender and evaluator (never by 2 or more on one criterion, so no consensus is needed), each reason citing the tender. */
    static RecordingScores.ScoringCommand scores(Lot lot, int tender, int evaluator) {
        List<RecordingScores.ScoreCommand> scores = new ArrayList<>();
        int c = 0;
        for (Criterion criterion : lot.evaluatorCriteria()) {
            int score = 3 + (tender + c + (evaluator == 2 && c % 3 == 0 ? 1 : 0)) % 2;
            scores.add(new RecordingScores.ScoreCommand(criterion.id(), score,
                    "Section " + (c + 2) + " of the tender sets out a plan for " + criterion.title().toLowerCase(Locale.UK) + "; it earns " + score + "."));
            c++;
        }
        return new RecordingScores.ScoringCommand(scores);
    }

    Map<String, Object> design(String title) {
        List<Map<String, Object>> criteria = new ArrayList<>();
        criteria.add(Map.of("title", "Price", "kind", "PRICE", "weight", 30));
        for (String duty : DUTIES) {
            criteria.add(Map.of("title", duty.charAt(0) + duty.substring(1).toLowerCase(Locale.UK) + " equality", "kind", "EQUALITY", "duty", duty,
                    "weight", 10, "descriptors", "5 costed plan; 3 credible plan; 2 or less policy only", "wordLimit", 1500));
        }
        for (int q = 1; q <= SCORED - DUTIES.length; q++) {
            criteria.add(Map.of("title", "Quality question " + q, "kind", "QUALITY", "weight", 5,
                    "descriptors", "0 no response; 3 meets the specification; 5 excellent", "wordLimit", 1500));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String c : List.of("AGE", "DISABILITY", "GENDER_REASSIGNMENT", "PREGNANCY_MATERNITY", "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
            for (String limb : List.of("ELIMINATE_DISCRIMINATION", "ADVANCE_EQUALITY", "FOSTER_GOOD_RELATIONS")) {
                entries.add(Map.of("characteristic", c, "limb", limb, "evidence", "Needs assessment 2026", "impact", "Positive", "mitigation", "Specialist lot"));
            }
        }
        entries.add(Map.of("characteristic", "MARRIAGE_CIVIL_PARTNERSHIP", "limb", "ELIMINATE_DISCRIMINATION", "evidence", "Needs assessment 2026", "impact", "Neutral"));
        LocalDate today = LocalDate.now();
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("title", title);
        round.put("commencementDate", today.minusMonths(2).toString());
        round.put("tenderDeadline", Instant.now().plusSeconds(40L * 86_400).toString());
        round.put("partners", List.of(
                Map.of("name", "Riverside Council", "type", "COUNCIL", "lead", true, "budgetLines", List.of(Map.of("financialYear", "2027/28", "amountPence", 60_000_000))),
                Map.of("name", "Riverside NHS ICB", "type", "NHS", "lead", false, "budgetLines", List.of(Map.of("financialYear", "2027/28", "amountPence", 30_000_000)))));
        round.put("lots", List.of(Map.of("title", "Community outreach", "valueInclVatPence", 90_000_000, "termMonths", 36, "criteria", criteria)));
        round.put("eqia", Map.of("assessedOn", today.minusMonths(3).toString(), "relevance", "HIGH",
                "specialistImpact", "Specialist provision kept", "entries", entries));
        round.put("details", Map.of("lotsReason", "One community service across the borough; a second lot was considered and would not be viable",
                "socialValueConsidered", true, "conflictsAssessedOn", today.minusMonths(3).toString(),
                "monitoringCharacteristics", List.of("RACE", "SEX", "GENDER_REASSIGNMENT", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"),
                "dataProtectionBasis", "DPA 2018 Sch 1 para 8",
                "contractClauses", List.of("COMPLY_EQUALITY_ACT", "ASSIST_PSED", "ACKNOWLEDGE_S149_2", "FLOW_DOWN_TO_SUBCONTRACTORS"),
                "tieBreak", List.of("EQUALITY_SCORE", "QUALITY_SCORE", "LOWER_PRICE")));
        return round;
    }

    Map<String, Object> tender(Lot lot, int i) {
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("pricePence", 80_000_000L + (i * 7919L) % 8_000_000L);
        tender.put("vatBasis", "EXCLUDING_VAT");
        tender.put("answers", lot.evaluatorCriteria().stream().map(c -> Map.of("criterionId", c.id().toString(),
                "answer", "Our plan for " + c.title().toLowerCase(Locale.UK) + ", section 2.")).toList());
        tender.put("declarations", Map.of("mandatoryExclusionGround", false, "discretionaryExclusionGround", false, "recurrenceLikely", false,
                "equalityLawFindings", 0, "conflictOfInterest", false));
        tender.put("equalityEvidence", List.of(DUTIES).stream().map(d -> Map.of("duty", d, "type", "PLAN",
                "description", "Costed delivery plan with named staff and KPIs")).toList());
        tender.put("monitoringPlan", Map.of("characteristics", List.of("RACE", "DISABILITY", "SEX", "AGE", "GENDER_REASSIGNMENT", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"),
                "frequency", "QUARTERLY", "description", "Outcomes by characteristic each quarter; counts under 5 suppressed", "dataProtectionSafeguards", true));
        return tender;
    }

    Actor staff(String name, Role role) {
        UserAccount saved = context.getBean(UserAccounts.class).save(new UserAccount(UUID.randomUUID(), name + "-" + UUID.randomUUID().toString().substring(0, 6),
                name, hash, role, null, Instant.now()));
        return new Actor(saved.id(), saved.username(), name, role, null, List.of());
    }

    Actor bidder(int i) {
        Organisation org = context.getBean(Organisations.class).save(new Organisation(UUID.randomUUID(), "Bidder " + i + " Ltd",
                "GB-COH-" + String.format("%08d", 20_000_000 + i), Instant.now()));
        sql.update("update organisation set legal_form = 'COMPANY', income_pence = 500000000, staff_headcount = 80, accounts_type = 'AUDITED', "
                + "insurance_held = true, insurance_undertaking = false where id = ?", org.id());
        UserAccount saved = context.getBean(UserAccounts.class).save(new UserAccount(UUID.randomUUID(), "bidder-" + org.id(), "Bidder " + i,
                hash, Role.BIDDER, org.id(), Instant.now()));
        return new Actor(saved.id(), saved.username(), "Bidder " + i, Role.BIDDER, org.id(), List.of(org.id()));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double m = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2) : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }

    static List<Integer> parse(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }
}
