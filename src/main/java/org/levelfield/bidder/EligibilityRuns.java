package org.levelfield.bidder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;

/**
 * The eligibility rules run again, against what the organisation's profile and declarations say
 * at that moment: when a bidder checks with its own profile, at submission and at award. Each run
 * is kept with what changed since the organisation's previous run for the lot, so the bidder and
 * the commissioner both see what changed and why.
 */
@Singleton
public class EligibilityRuns {

    public enum Stage { SELF_CHECK, SUBMISSION, AWARD }

    public record Run(UUID id, UUID roundId, UUID lotId, UUID organisationId, UUID tenderId, Stage stage, Instant ranAt,
                      String rulesetVersion, boolean canBid, Map<String, Object> inputs, List<CheckingEligibility.Result> results,
                      EligibilityChanges.Changes changes) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<CheckingEligibility.Result>> RESULTS = new TypeReference<>() {
    };

    private final CheckingEligibility checking;
    private final Sql sql;
    private final JsonColumns json;

    public EligibilityRuns(CheckingEligibility checking, Sql sql, JsonColumns json) {
        this.checking = checking;
        this.sql = sql;
        this.json = json;
    }

    private static final String INSERT = """
            insert into eligibility_run(id, round_id, lot_id, organisation_id, tender_id, stage, ran_at, ruleset_version, can_bid,
                                        inputs, results, changes)
            values (?,?,?,?,?,?,?,?,?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))""";

    /** Runs the rules, compares with the previous run for this organisation and lot, and keeps both. */
    public Run run(Round round, Lot lot, UUID organisationId, UUID tenderId, Stage stage, CheckingEligibility.Profile profile, Instant now) {
        Run run = checked(round, lot, organisationId, tenderId, stage, checking.evaluate(round, lot, profile), profile, now,
                latest(lot.id(), organisationId));
        sql.update(INSERT, columns(run));
        return run;
    }

    /** One organisation's check on one lot, as {@link #runAll} takes it. */
    public record Request(Lot lot, UUID organisationId, UUID tenderId, CheckingEligibility.Profile profile, List<Object> lotFacts) {

        public Request(Lot lot, UUID organisationId, UUID tenderId, CheckingEligibility.Profile profile) {
            this(lot, organisationId, tenderId, profile, List.of());
        }
    }

    /**
     * Runs the rules for many organisations and lots of a round at once (the re-check at award): the previous runs
     * are read in one query and the new ones kept in one batch, however many tenders there are.
     */
    public List<Run> runAll(Round round, List<Request> requests, Stage stage, Instant now) {
        Map<List<UUID>, Run> previous = new java.util.HashMap<>();
        sql.query("select distinct on (lot_id, organisation_id) * from eligibility_run where round_id = ? order by lot_id, organisation_id, seq desc",
                this::row, round.id()).forEach(r -> previous.put(List.of(r.lotId(), r.organisationId()), r));
        var limits = checking.thresholdsFor(round);
        var debarred = checking.debarred(CheckingEligibility.numbersOf(requests.stream().map(Request::profile).toList()));
        List<Run> runs = requests.stream().map(q -> checked(round, q.lot(), q.organisationId(), q.tenderId(), stage,
                checking.evaluate(round, q.lot(), q.profile(), limits, q.lotFacts(), debarred), q.profile(), now,
                Optional.ofNullable(previous.get(List.of(q.lot().id(), q.organisationId()))))).toList();
        sql.batch(INSERT, runs.stream().map(this::columns).toList());
        return runs;
    }

    private Run checked(Round round, Lot lot, UUID organisationId, UUID tenderId, Stage stage, CheckingEligibility.Check check,
                        CheckingEligibility.Profile profile, Instant now, Optional<Run> previous) {
        Map<String, Object> inputs = json.convert(profile, MAP);
        EligibilityChanges.Changes changes = previous
                .map(p -> EligibilityChanges.between(label(p), p.results(), check.results(), p.inputs(), inputs))
                .orElse(new EligibilityChanges.Changes("first check", List.of(), List.of()));
        return new Run(UUID.randomUUID(), round.id(), lot.id(), organisationId, tenderId, stage, now, round.rulesetVersion(),
                check.canBid(), inputs, check.results(), changes);
    }

    private Object[] columns(Run run) {
        return new Object[] {run.id(), run.roundId(), run.lotId(), run.organisationId(), run.tenderId(), run.stage(), run.ranAt(),
                String.valueOf(run.rulesetVersion()), run.canBid(), write(run.inputs()), write(run.results()), write(run.changes())};
    }

    public Optional<Run> latest(UUID lotId, UUID organisationId) {
        return sql.one("select * from eligibility_run where lot_id = ? and organisation_id = ? order by seq desc limit 1",
                this::row, lotId, organisationId);
    }

    /** Every run for the organisations' tenders in a round, oldest first. */
    public List<Run> ofRound(UUID roundId) {
        return sql.query("select * from eligibility_run where round_id = ? and stage <> 'SELF_CHECK' order by seq", this::row, roundId);
    }

    public List<Run> ofOrganisationAndLot(UUID organisationId, UUID lotId) {
        return sql.query("select * from eligibility_run where organisation_id = ? and lot_id = ? order by seq", this::row,
                organisationId, lotId);
    }

    private static String label(Run run) {
        return switch (run.stage()) {
            case SELF_CHECK -> "self-check of " + org.levelfield.common.web.pages.Dates.dateTime(run.ranAt());
            case SUBMISSION -> "check at submission of " + org.levelfield.common.web.pages.Dates.dateTime(run.ranAt());
            case AWARD -> "check at award of " + org.levelfield.common.web.pages.Dates.dateTime(run.ranAt());
        };
    }

    private Run row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Run(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getObject("tender_id", UUID.class), Stage.valueOf(rs.getString("stage")),
                Sql.instant(rs, "ran_at"), rs.getString("ruleset_version"), rs.getBoolean("can_bid"),
                json.read(rs.getString("inputs"), MAP), json.read(rs.getString("results"), RESULTS),
                json.read(rs.getString("changes"), EligibilityChanges.Changes.class));
    }

    private String write(Object value) {
        return json.write(value);
    }
}
