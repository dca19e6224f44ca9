package org.levelfield.rules.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.LegalForce;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;

/** Every run of a stage's rules over a round, with its findings, kept for the record. */
@Singleton
@Transactional
public class RuleRuns {

    private final JdbcOperations jdbc;
    private final org.levelfield.common.audit.AuditTrail audit;

    public RuleRuns(JdbcOperations jdbc, org.levelfield.common.audit.AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public UUID record(UUID roundId, Stage stage, String rulesetVersion, Instant at, UUID by, String outcome, List<Finding> findings) {
        UUID runId = UUID.randomUUID();
        jdbc.prepareStatement("insert into rule_run(id, round_id, stage, ruleset_version, ran_at, ran_by, outcome) values (?,?,?,?,?,?,?)", ps -> {
            ps.setObject(1, runId);
            ps.setObject(2, roundId);
            ps.setString(3, stage.folder());
            ps.setString(4, rulesetVersion);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setObject(6, by);
            ps.setString(7, outcome);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                insert into finding(id, rule_run_id, round_id, position, rule_id, rule_name, severity, legal_force, citation,
                                    subject_type, subject_id, subject_label, message) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""", ps -> {
            int position = 0;
            for (Finding f : findings) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, runId);
                ps.setObject(3, roundId);
                ps.setInt(4, position++);
                ps.setString(5, f.ruleId());
                ps.setString(6, f.ruleName());
                ps.setString(7, f.severity().name());
                ps.setString(8, f.force().name());
                ps.setString(9, f.citation());
                ps.setString(10, f.subjectType());
                ps.setString(11, f.subjectId());
                ps.setString(12, f.subjectLabel());
                ps.setString(13, f.message());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        audit.append("RULE_RUN", roundId, by, stage.folder() + " rules, ruleset " + rulesetVersion, java.util.Map.of(
                "outcome", outcome, "findings", findings.size(),
                "list", String.join("; ", findings.stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.subjectType() + ":" + f.subjectId()).toList()),
                "sha256", org.levelfield.common.Hashing.sha256(findings.toString())));
        return runId;
    }

    /** How the outcome of a run that refused a step begins: such a run is kept, but is not the stage's latest word. */
    public static final String REFUSED = "REFUSED: ";

    /** The findings of the latest run of a stage over a round that did not refuse a step (empty if none). */
    public List<Finding> latest(UUID roundId, Stage stage) {
        return findings("""
                select f.* from finding f
                 where f.rule_run_id = (select id from rule_run where round_id = ? and stage = ? and outcome not like 'REFUSED: %'
                                         order by ran_at desc, seq desc limit 1)
                 order by f.position""", roundId, stage.folder());
    }

    /** A finding of an earlier run, with when that run was made. */
    public record Earlier(Finding finding, Instant ranAt, boolean refusedStep) {
    }

    /**
     * Every finding of every run of a stage over a round but its latest word (the runs that refused a step and those
     * superseded by a later run), oldest first: what the rules found before the design was changed.
     */
    public List<Earlier> earlier(UUID roundId, Stage stage) {
        return jdbc.prepareStatement("""
                select f.*, r.ran_at, r.outcome from finding f join rule_run r on r.id = f.rule_run_id
                 where r.round_id = ? and r.stage = ?
                   and r.id is distinct from (select id from rule_run where round_id = ? and stage = ? and outcome not like 'REFUSED: %'
                                               order by ran_at desc, seq desc limit 1)
                 order by r.ran_at, r.seq, f.position""", ps -> {
            ps.setObject(1, roundId);
            ps.setString(2, stage.folder());
            ps.setObject(3, roundId);
            ps.setString(4, stage.folder());
            List<Earlier> earlier = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    earlier.add(new Earlier(new Finding(rs.getString("rule_id"), rs.getString("rule_name"),
                            Severity.valueOf(rs.getString("severity")), LegalForce.valueOf(rs.getString("legal_force")),
                            rs.getString("citation"), rs.getString("subject_type"), rs.getString("subject_id"),
                            rs.getString("subject_label"), rs.getString("message")), rs.getTimestamp("ran_at").toInstant(),
                            rs.getString("outcome") != null && rs.getString("outcome").startsWith(REFUSED)));
                }
            }
            return earlier;
        });
    }

    /** The findings of one run, in the order they were recorded. */
    public List<Finding> ofRun(UUID runId) {
        return findings("select f.* from finding f where f.rule_run_id = ? order by f.position", runId);
    }

    private List<Finding> findings(String query, Object... args) {
        return jdbc.prepareStatement(query, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Finding> findings = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    findings.add(new Finding(rs.getString("rule_id"), rs.getString("rule_name"),
                            Severity.valueOf(rs.getString("severity")), LegalForce.valueOf(rs.getString("legal_force")),
                            rs.getString("citation"), rs.getString("subject_type"), rs.getString("subject_id"),
                            rs.getString("subject_label"), rs.getString("message")));
                }
            }
            return findings;
        });
    }
}
