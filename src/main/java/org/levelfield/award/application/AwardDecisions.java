package org.levelfield.award.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;

/** The stored decisions: one per lot, never changed. */
@Singleton
public class AwardDecisions {

    private final Sql sql;

    public AwardDecisions(Sql sql) {
        this.sql = sql;
    }

    /**
     * A lot's award decision: the winner, who decided and when, the award computation, due-regard
     * record version and decision report it rested on, and the rule run that cleared it.
     */
    public record Decision(UUID id, UUID roundId, UUID lotId, UUID winnerTenderId, String winner, UUID computationId, UUID recordId,
                           UUID reportDocumentId, String decisionMaker, String decisionMakerRole, LocalDate decidedOn, UUID ruleRunId,
                           Instant recordedAt, String recordedBy) {
    }

    public void insert(Decision d, UUID by) {
        sql.update("""
                insert into award_decision(id, round_id, lot_id, winner_tender_id, computation_id, record_id, report_document_id,
                  decision_maker, decision_maker_role, decided_on, rule_run_id, recorded_at, recorded_by)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?)""", d.id(), d.roundId(), d.lotId(), d.winnerTenderId(), d.computationId(), d.recordId(),
                d.reportDocumentId(), d.decisionMaker(), d.decisionMakerRole(), d.decidedOn(), d.ruleRunId(), d.recordedAt(), by);
    }

    public List<Decision> ofRound(UUID roundId) {
        return sql.query(SELECT + " where d.round_id = ? order by d.recorded_at", AwardDecisions::row, roundId);
    }

    public Optional<Decision> ofLot(UUID lotId) {
        return sql.one(SELECT + " where d.lot_id = ?", AwardDecisions::row, lotId);
    }

    private static final String SELECT = """
            select d.*, o.name as winner, u.display_name as recorded_by_name from award_decision d
              join tender t on t.id = d.winner_tender_id join organisation o on o.id = t.organisation_id
              join app_user u on u.id = d.recorded_by""";

    private static Decision row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("winner_tender_id", UUID.class), rs.getString("winner"), rs.getObject("computation_id", UUID.class),
                rs.getObject("record_id", UUID.class), rs.getObject("report_document_id", UUID.class), rs.getString("decision_maker"),
                rs.getString("decision_maker_role"), rs.getObject("decided_on", LocalDate.class), rs.getObject("rule_run_id", UUID.class),
                Sql.instant(rs, "recorded_at"), rs.getString("recorded_by_name"));
    }
}
