package org.levelfield.scrutiny;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.application.DraftingRound;
import org.levelfield.round.application.RoundCommand;
import org.levelfield.round.application.RoundFacts;
import org.levelfield.round.model.Round;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.RoundFact;
import org.levelfield.rules.facts.scoring.DutyScore;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Stage;

/**
 * Past decisions, reviewed under the law of their day. A scrutiny member enters a round decided in the past as a
 * record: its design in the same JSON shape as a round request, its dates (design approval, notice, decision) and, if
 * known, the equality scores each tender got. A past round cannot be run live (its deadline is over), so it never
 * becomes a round: the record is stored as entered and never changed (the service's database role may not update or
 * delete it), and each review stores its findings apart, beside the record.
 *
 * <p>A review runs the regime and round-design rules as of the day the design was decided (its approval, else its
 * notice, else the decision), with the notice on its own day; and the regime and scoring rules as of the decision
 * date over the recorded equality scores. So a decision made before 5 April 2011 meets the race, disability and gender
 * duties then in force (REG-01), the procurement rules of its commencement (REG-02), no Procurement Act notices, and
 * EQ-04 as good practice (L5).
 */
@Singleton
public class PastDecisions {

    private final Sql sql;
    private final ObjectMapper json;
    private final Rulesets rules;
    private final ThresholdsConfiguration thresholds;
    private final AuditTrail audit;
    private final Clock clock;

    public PastDecisions(Sql sql, ObjectMapper json, Rulesets rules, ThresholdsConfiguration thresholds, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.rules = rules;
        this.thresholds = thresholds;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a scrutiny member enters about a past round.
     *
     * @param decisionDate     the day the award decision was made: the equality duties in force then apply to it
     * @param designApprovedOn the day the design was approved, if known
     * @param noticeDate       the day the tender notice was published, if known
     * @param decision         what was decided, in words (who was awarded what)
     * @param source           where the record comes from (minutes, report, file reference)
     * @param round            the round's design, as a round request gives it
     * @param tenders          the tenders and the equality scores each got, if known
     */
    public record PastDecisionRecord(LocalDate decisionDate, LocalDate designApprovedOn, LocalDate noticeDate, String decision,
                                     String source, RoundCommand round, List<PastTender> tenders) {
    }

    /**
     * @param lot        the lot's title, as in the round
     * @param dutyScores the tender's score (0 to 5) on each equality sub-criterion: RACE, DISABILITY, SEX, OTHER
     */
    public record PastTender(String lot, String bidder, Boolean awarded, Map<String, BigDecimal> dutyScores) {
    }

    public record Summary(UUID id, String title, LocalDate decisionDate, Instant importedAt, String importedBy, int reviews) {
    }

    public record Review(UUID id, Instant reviewedAt, String reviewedBy, String rulesetVersion, LocalDate designDate,
                         LocalDate decisionDate, List<Finding> design, List<Finding> scoring) {

        /** The regime findings (duties and procurement law) once each, design date first. */
        public List<Finding> regime() {
            List<Finding> all = new ArrayList<>();
            design.stream().filter(f -> f.ruleId().startsWith("REG-")).forEach(all::add);
            scoring.stream().filter(f -> f.ruleId().startsWith("REG-") && !all.contains(f)).forEach(all::add);
            return all;
        }

        public List<Finding> designOnly() {
            return design.stream().filter(f -> !f.ruleId().startsWith("REG-")).toList();
        }

        public List<Finding> scoringOnly() {
            return scoring.stream().filter(f -> !f.ruleId().startsWith("REG-")).toList();
        }
    }

    public record Entered(UUID id, String title, PastDecisionRecord record, String recordJson, Instant importedAt, String importedBy,
                          List<Review> reviews) {
    }

    /** Reads a record from JSON, saying which field is wrong and why. Stores nothing. */
    public PastDecisionRecord read(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badInput("body", "Enter the past round as JSON: its decisionDate and its design under \"round\"");
        }
        try {
            return json.readValue(body, PastDecisionRecord.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badInput(List.of(org.levelfield.common.web.JsonFieldErrors.describe(e)
                    .map(error -> new FieldError(error.get("field"), error.get("message")))
                    .orElseGet(() -> new FieldError("body", "is not JSON Levelfield can read: " + firstLine(e.getOriginalMessage())))));
        }
    }

    /** Checks and stores the record, and runs its first review. */
    @Transactional
    public Entered enter(PastDecisionRecord record, Actor actor) {
        Instant now = clock.instant();
        check(record, now);
        UUID id = UUID.randomUUID();
        Round round = asRound(record, id, now);
        String text = write(record);
        sql.update("insert into past_decision(id, title, decision_date, record, imported_at, imported_by) values (?,?,?,cast(? as jsonb),?,?)",
                id, round.title(), record.decisionDate(), text, java.sql.Timestamp.from(now), actor.userId());
        audit.append("PAST_DECISION_ENTERED", null, actor.userId(), "past-decision:" + id,
                Map.of("title", round.title(), "decisionDate", record.decisionDate().toString()));
        review(id, actor);
        return find(id).orElseThrow();
    }

    /** Runs the rules over the record as of its own dates and stores the findings apart; the record is not changed. */
    @Transactional
    public Review review(UUID id, Actor actor) {
        Entered entered = find(id).orElseThrow(() -> ProblemException.notFound("past decision", id));
        PastDecisionRecord record = entered.record();
        Instant now = clock.instant();
        Round round = asRound(record, id, entered.importedAt());
        LocalDate designDate = designDate(record);
        LocalDate noticeDate = record.noticeDate() != null ? record.noticeDate() : designDate;
        var ruleset = rules.current();
        var limits = thresholds.current();
        List<Finding> design = ruleset.evaluate(Stage.ROUND_DESIGN, RoundFacts.of(round, designDate, noticeDate, limits));
        List<Object> scoringFacts = new ArrayList<>();
        scoringFacts.add(limits);
        scoringFacts.add(new RoundFact(id.toString(), round.title(), round.commencementDate(), record.decisionDate(), record.designApprovedOn(),
                noticeDate, LocalDate.ofInstant(round.tenderDeadline(), org.levelfield.common.time.ClockFactory.LONDON), round.isPooled(),
                round.partners().size()));
        List<PastTender> tenders = record.tenders() == null ? List.of() : record.tenders();
        for (int i = 0; i < tenders.size(); i++) {
            PastTender t = tenders.get(i);
            for (Map.Entry<String, BigDecimal> score : t.dutyScores() == null ? Map.<String, BigDecimal>of().entrySet() : t.dutyScores().entrySet()) {
                scoringFacts.add(new DutyScore("tender-" + (i + 1), t.bidder().strip(), criterionTitle(score.getKey()) + " (lot '" + t.lot().strip() + "')",
                        score.getKey(), score.getValue()));
            }
        }
        List<Finding> scoring = ruleset.evaluate(Stage.SCORING, scoringFacts);
        UUID reviewId = UUID.randomUUID();
        sql.update("""
                insert into past_decision_review(id, past_decision_id, reviewed_at, reviewed_by, ruleset_version, design_date, decision_date,
                design_findings, scoring_findings) values (?,?,?,?,?,?,?,cast(? as jsonb),cast(? as jsonb))""",
                reviewId, id, java.sql.Timestamp.from(now), actor.userId(), ruleset.version(), designDate, record.decisionDate(),
                write(design), write(scoring));
        audit.append("PAST_DECISION_REVIEWED", null, actor.userId(), "past-decision:" + id,
                Map.of("review", reviewId.toString(), "rulesetVersion", ruleset.version(), "findings", design.size() + scoring.size()));
        return new Review(reviewId, now, actor.displayName(), ruleset.version(), designDate, record.decisionDate(), design, scoring);
    }

    public List<Summary> list() {
        return sql.query("""
                select p.id, p.title, p.decision_date, p.imported_at, coalesce(u.display_name, u.username) as who,
                       (select count(*) from past_decision_review r where r.past_decision_id = p.id) as reviews
                from past_decision p left join app_user u on u.id = p.imported_by order by p.imported_at desc, p.id""",
                rs -> new Summary(rs.getObject("id", UUID.class), rs.getString("title"), rs.getObject("decision_date", LocalDate.class),
                        Sql.instant(rs, "imported_at"), rs.getString("who"), rs.getInt("reviews")));
    }

    public Optional<Entered> find(UUID id) {
        return sql.one("""
                select p.id, p.title, p.record::text as record, p.imported_at, coalesce(u.display_name, u.username) as who
                from past_decision p left join app_user u on u.id = p.imported_by where p.id = ?""",
                rs -> new Entered(rs.getObject("id", UUID.class), rs.getString("title"), parse(rs.getString("record")), rs.getString("record"),
                        Sql.instant(rs, "imported_at"), rs.getString("who"), reviews(rs.getObject("id", UUID.class))), id);
    }

    private List<Review> reviews(UUID id) {
        return sql.query("""
                select r.id, r.reviewed_at, coalesce(u.display_name, u.username) as who, r.ruleset_version, r.design_date, r.decision_date,
                       r.design_findings::text as design, r.scoring_findings::text as scoring
                from past_decision_review r left join app_user u on u.id = r.reviewed_by
                where r.past_decision_id = ? order by r.reviewed_at desc, r.id""", this::review, id);
    }

    private Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getObject("id", UUID.class), Sql.instant(rs, "reviewed_at"), rs.getString("who"), rs.getString("ruleset_version"),
                rs.getObject("design_date", LocalDate.class), rs.getObject("decision_date", LocalDate.class),
                findings(rs.getString("design")), findings(rs.getString("scoring")));
    }

    /** The day the design was decided: its approval, else its notice, else the award decision. */
    static LocalDate designDate(PastDecisionRecord record) {
        return record.designApprovedOn() != null ? record.designApprovedOn()
                : record.noticeDate() != null ? record.noticeDate() : record.decisionDate();
    }

    private static Round asRound(PastDecisionRecord record, UUID id, Instant importedAt) {
        try {
            return DraftingRound.record(record.round(), id, record.designApprovedOn(), record.noticeDate(), importedAt);
        } catch (ProblemException refused) {
            throw refused.prefixed("round.");
        }
    }

    private void check(PastDecisionRecord record, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (record == null) {
            throw ProblemException.badInput("body", "Enter the past round as JSON: its decisionDate and its design under \"round\"");
        }
        LocalDate today = LocalDate.ofInstant(now, org.levelfield.common.time.ClockFactory.LONDON);
        if (record.decisionDate() == null) {
            errors.add(new FieldError("decisionDate", "is required: the day the award decision was made (YYYY-MM-DD)"));
        } else if (!record.decisionDate().isBefore(today)) {
            errors.add(new FieldError("decisionDate", "must be in the past; a decision still to be made is a round, entered at /rounds/new"));
        }
        if (record.round() == null) {
            errors.add(new FieldError("round", "is required: the round's design, in the same shape as a round request (POST /api/rounds)"));
        }
        if (record.decisionDate() != null) {
            if (record.designApprovedOn() != null && record.designApprovedOn().isAfter(record.decisionDate())) {
                errors.add(new FieldError("designApprovedOn", "must be on or before the decision date " + record.decisionDate()));
            }
            if (record.noticeDate() != null && record.noticeDate().isAfter(record.decisionDate())) {
                errors.add(new FieldError("noticeDate", "must be on or before the decision date " + record.decisionDate()));
            }
        }
        text(errors, "decision", record.decision(), 5000, false);
        text(errors, "source", record.source(), 1000, false);
        List<PastTender> tenders = record.tenders() == null ? List.of() : record.tenders();
        if (tenders.size() > 200) {
            errors.add(new FieldError("tenders", "may list at most 200 tenders"));
        }
        List<String> lots = record.round() == null || record.round().lots() == null ? List.of()
                : record.round().lots().stream().map(l -> l == null || l.title() == null ? "" : l.title().strip()).toList();
        for (int i = 0; i < tenders.size() && i < 200; i++) {
            PastTender t = tenders.get(i);
            String at = "tenders[" + i + "]";
            if (t == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            text(errors, at + ".bidder", t.bidder(), 300, true);
            text(errors, at + ".lot", t.lot(), 300, true);
            if (t.lot() != null && !t.lot().isBlank() && !lots.contains(t.lot().strip())) {
                errors.add(new FieldError(at + ".lot", lots.isEmpty() ? "names a lot, but the round has none"
                        : "must be the title of one of the round's lots: " + String.join(", ", lots)));
            }
            if (t.dutyScores() != null) {
                for (var score : t.dutyScores().entrySet()) {
                    if (!List.of("RACE", "DISABILITY", "SEX", "OTHER").contains(score.getKey())) {
                        errors.add(new FieldError(at + ".dutyScores." + score.getKey(), "is not a duty; use RACE, DISABILITY, SEX or OTHER"));
                    } else if (score.getValue() == null || score.getValue().signum() < 0 || score.getValue().compareTo(BigDecimal.valueOf(5)) > 0) {
                        errors.add(new FieldError(at + ".dutyScores." + score.getKey(), "must be a score from 0 to 5"));
                    }
                }
            }
        }
        if (record.round() != null) {
            try {
                asRound(record, UUID.randomUUID(), now);
            } catch (ProblemException refused) {
                if (refused.extensions().get("errors") instanceof List<?> roundErrors) {
                    roundErrors.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast).forEach(errors::add);
                } else {
                    throw refused;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters; it is " + value.length()));
        }
    }

    private static String criterionTitle(String duty) {
        return switch (duty) {
            case "RACE" -> "Race equality";
            case "DISABILITY" -> "Disability equality";
            case "SEX" -> "Sex equality";
            default -> "Other characteristics";
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PastDecisionRecord parse(String text) {
        try {
            return json.readValue(text, PastDecisionRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored past decision no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    private List<Finding> findings(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Finding>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored review no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** For display: the record's fields a person reads first, in order. */
    public static Map<String, LocalDate> facts(PastDecisionRecord r) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        out.put("Decision date", r.decisionDate());
        if (r.designApprovedOn() != null) {
            out.put("Design approved", r.designApprovedOn());
        }
        if (r.noticeDate() != null) {
            out.put("Tender notice", r.noticeDate());
        }
        if (r.round() != null && r.round().commencementDate() != null) {
            out.put("Procurement commenced", r.round().commencementDate());
        }
        return out;
    }
}
