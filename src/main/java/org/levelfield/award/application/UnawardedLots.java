package org.levelfield.award.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * What happens to a lot the award left without a compliant tender (SS-01 at award): a person
 * decides among the options the law allows, after bringing the equality analysis up to date, and
 * records the reasons. The lot stays a lot of its own; the decision is audited and printed in the
 * award justification.
 */
@Singleton
public class UnawardedLots {

    /** RUN_AGAIN: the lot is tendered again; DIRECT_AWARD: no suitable tender (PA 2023 s41, Sch 5); GRANT: funded outside the procurement; NOT_PROCEEDING. */
    public static final List<String> CHOICES = List.of("RUN_AGAIN", "DIRECT_AWARD", "GRANT", "NOT_PROCEEDING");

    public record Deciding(String choice, String reasons, LocalDate eqiaUpdatedOn) {
    }

    public record Decision(UUID lotId, String lot, String choice, String reasons, LocalDate eqiaUpdatedOn, String decidedBy, Instant decidedAt) {
    }

    private final Sql sql;
    private final Rounds rounds;
    private final ComputingAward awards;
    private final AuditTrail audit;
    private final Clock clock;

    UnawardedLots(Sql sql, Rounds rounds, ComputingAward awards, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.rounds = rounds;
        this.awards = awards;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Decision decide(UUID roundId, UUID lotId, Deciding deciding, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        List<ProblemException.FieldError> errors = new ArrayList<>();
        FieldChecks.oneOf(errors, "choice", deciding == null ? null : deciding.choice(), CHOICES);
        if (deciding == null || deciding.reasons() == null || deciding.reasons().isBlank()) {
            errors.add(new ProblemException.FieldError("reasons", "give the reasons for the choice, and how it meets the needs of the groups the lot served"));
        } else if (deciding.reasons().length() > 10_000) {
            errors.add(new ProblemException.FieldError("reasons", "must be 10,000 characters or fewer"));
        }
        LocalDate today = ClockFactory.londonDate(clock.instant());
        if (deciding == null || deciding.eqiaUpdatedOn() == null) {
            errors.add(new ProblemException.FieldError("eqiaUpdatedOn", "give the date the equality impact assessment was brought up to date for this lot"));
        } else if (deciding.eqiaUpdatedOn().isAfter(today)) {
            errors.add(new ProblemException.FieldError("eqiaUpdatedOn", "is after today (" + today + "); the assessment must come before the decision"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        if (round.status() != RoundStatus.AWARD_PROPOSED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status() + "; a lot left without a compliant tender is decided once the award is computed.",
                    round.status().name(), round.status().allowedActions());
        }
        LotResult result = awards.latest(roundId).lots().stream().filter(l -> l.lotId().equals(lotId)).findFirst().orElseThrow();
        if (result.tenders().stream().anyMatch(t -> !t.disqualified())) {
            throw ProblemException.wrongState("Lot '" + lot.title() + "' has a compliant tender; it is decided by the award decision, not here.",
                    "HAS_COMPLIANT_TENDER", List.of("decide the lot (POST /api/rounds/{id}/lots/{lotId}/decision)"));
        }
        if (sql.one("select 1 from lot_no_award_decision where lot_id = ?", rs -> 1, lotId).isPresent()) {
            throw ProblemException.wrongState("What happens to lot '" + lot.title() + "' was already decided; the decision is kept as made.", "DECIDED", List.of());
        }
        Instant now = clock.instant();
        sql.update("insert into lot_no_award_decision(lot_id, round_id, choice, reasons, eqia_updated_on, decided_by, decided_at) values (?,?,?,?,?,?,?)",
                lotId, roundId, deciding.choice(), deciding.reasons().strip(), deciding.eqiaUpdatedOn(), actor.userId(), now);
        audit.append("LOT_NOT_AWARDED", roundId, actor.userId(), "lot " + lot.title(), Map.of("choice", deciding.choice(),
                "reasons", deciding.reasons().strip(), "eqiaUpdatedOn", deciding.eqiaUpdatedOn().toString()));
        return ofRound(roundId).stream().filter(d -> d.lotId().equals(lotId)).findFirst().orElseThrow();
    }

    public List<Decision> ofRound(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return sql.query("""
                select d.*, u.display_name from lot_no_award_decision d join app_user u on u.id = d.decided_by
                where d.round_id = ? order by d.decided_at""", rs -> {
            UUID lotId = rs.getObject("lot_id", UUID.class);
            return new Decision(lotId, round.lot(lotId).map(Lot::title).orElse("?"), rs.getString("choice"), rs.getString("reasons"),
                    rs.getObject("eqia_updated_on", LocalDate.class), rs.getString("display_name"), Sql.instant(rs, "decided_at"));
        }, roundId);
    }
}
