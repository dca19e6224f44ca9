package org.levelfield.award.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.model.DueRegardRecord;
import org.levelfield.common.Hashing;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * The due-regard record of a round's award. Each save is a new version; every version is kept, and
 * each lot decision names the version it rested on.
 */
@Singleton
public class DueRegardRecords {

    private final Sql sql;
    private final JsonColumns json;
    private final Rounds rounds;
    private final AuditTrail audit;
    private final Clock clock;

    public DueRegardRecords(Sql sql, JsonColumns json, Rounds rounds, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.rounds = rounds;
        this.audit = audit;
        this.clock = clock;
    }

    /** One version of the record: who saved it and when. */
    public record Version(UUID id, UUID roundId, int version, DueRegardRecord record, Instant recordedAt, String recordedBy) {
    }

    @Transactional
    public Version save(UUID roundId, DueRegardRecord record, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (record == null) {
            throw ProblemException.badInput("body", "is required: the due-regard record as JSON");
        }
        var problems = DueRegardValidation.problems(record);
        if (!problems.isEmpty()) {
            throw ProblemException.badInput(problems);
        }
        if (round.status() != RoundStatus.AWARD_PROPOSED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; the due-regard record is kept while the award is proposed (after it is computed, before the award notice).",
                    round.status().name(), round.status().allowedActions());
        }
        UUID id = UUID.randomUUID();
        String content = json.write(record);
        Instant at = clock.instant();
        sql.update("insert into due_regard_record(id, round_id, content, recorded_at, recorded_by) values (?,?,cast(? as jsonb),?,?)",
                id, roundId, content, at, actor.userId());
        audit.append("DUE_REGARD_RECORDED", roundId, actor.userId(), "due-regard record " + id, Map.of("sha256", Hashing.sha256(content)));
        return latest(roundId).orElseThrow();
    }

    public Optional<Version> latest(UUID roundId) {
        List<Version> all = versions(roundId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    public List<Version> versions(UUID roundId) {
        return sql.query("""
                select d.id, d.round_id, row_number() over (order by d.seq) as version, d.content, d.recorded_at, u.display_name
                  from due_regard_record d join app_user u on u.id = d.recorded_by where d.round_id = ? order by d.seq""",
                rs -> new Version(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        json.read(rs.getString(4), DueRegardRecord.class), Sql.instant(rs, "recorded_at"), rs.getString(6)), roundId);
    }
}
