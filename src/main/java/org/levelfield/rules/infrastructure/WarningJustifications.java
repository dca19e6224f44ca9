package org.levelfield.rules.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;

/** A named officer's recorded justification for proceeding despite a WARN finding. */
@Singleton
public class WarningJustifications {

    private final Sql sql;
    private final org.levelfield.common.audit.AuditTrail audit;

    public WarningJustifications(Sql sql, org.levelfield.common.audit.AuditTrail audit) {
        this.audit = audit;
        this.sql = sql;
    }

    public record Justification(String ruleId, String subjectId, String officerName, String officerRole, String justification,
                                Instant recordedAt) {
    }

    public void record(UUID roundId, Justification j, UUID by) {
        sql.update("""
                insert into warning_justification(id, round_id, rule_id, subject_id, officer_name, officer_role, justification, recorded_at, recorded_by)
                values (?,?,?,?,?,?,?,?,?)""", UUID.randomUUID(), roundId, j.ruleId(), j.subjectId(), j.officerName(), j.officerRole(),
                j.justification(), j.recordedAt(), by);
        audit.append("WARNING_JUSTIFIED", roundId, by, j.ruleId() + " on " + j.subjectId(),
                java.util.Map.of("officer", j.officerName() + ", " + j.officerRole(), "justification", j.justification()));
    }

    /** The latest justification per rule and subject, for a round. */
    public List<Justification> ofRound(UUID roundId) {
        return sql.query("""
                select distinct on (rule_id, subject_id) * from warning_justification where round_id = ?
                 order by rule_id, subject_id, recorded_at desc, seq desc""", rs -> new Justification(rs.getString("rule_id"),
                rs.getString("subject_id"), rs.getString("officer_name"), rs.getString("officer_role"), rs.getString("justification"),
                Sql.instant(rs, "recorded_at")), roundId);
    }
}
