package org.levelfield.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;

/**
 * Scores in PostgreSQL. A revision is a new row; the latest per tender, criterion and evaluator
 * counts. Quarantined scores (a conflict declared after scoring, SC-04) are kept but never count.
 */
@Singleton
public class Scores {

    private static final String CURRENT = """
            select distinct on (s.tender_id, s.criterion_id, s.evaluator_id) s.*, u.display_name
              from score s join app_user u on u.id = s.evaluator_id
              join tender t on t.id = s.tender_id
             where s.quarantined_at is null and %s
             order by s.tender_id, s.criterion_id, s.evaluator_id, s.scored_at desc, s.seq desc""";

    private static final com.fasterxml.jackson.core.type.TypeReference<List<Score.Point>> POINTS = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private final Sql sql;
    private final org.levelfield.common.audit.AuditTrail audit;
    private final org.levelfield.common.database.JsonColumns json;

    public Scores(Sql sql, org.levelfield.common.audit.AuditTrail audit, org.levelfield.common.database.JsonColumns json) {
        this.audit = audit;
        this.sql = sql;
        this.json = json;
    }

    public void insert(Score s) {
        sql.update("insert into score(id, tender_id, criterion_id, evaluator_id, score, reason, scored_at, points) values (?,?,?,?,?,?,?,cast(? as jsonb))",
                s.id(), s.tenderId(), s.criterionId(), s.evaluatorId(), s.score(), s.reason(), s.scoredAt(), json.write(s.points()));
        UUID roundId = sql.one("select round_id from tender where id = ?", rs -> rs.getObject(1, UUID.class), s.tenderId()).orElse(null);
        audit.append("SCORE", roundId, s.evaluatorId(), "tender " + s.tenderId(),
                s.points().isEmpty() ? java.util.Map.of("criterion", s.criterionId(), "score", s.score(), "reason", s.reason())
                        : java.util.Map.of("criterion", s.criterionId(), "score", s.score(), "reason", s.reason(), "points", s.points()));
    }

    public List<Score> currentForRound(UUID roundId) {
        return sql.query(CURRENT.formatted("t.round_id = ?"), this::row, roundId);
    }

    public List<Score> currentForTender(UUID tenderId) {
        return sql.query(CURRENT.formatted("s.tender_id = ?"), this::row, tenderId);
    }

    private Score row(ResultSet rs) throws SQLException {
        return new Score(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class), rs.getObject("criterion_id", UUID.class),
                rs.getObject("evaluator_id", UUID.class), rs.getString("display_name"), rs.getInt("score"), rs.getString("reason"),
                Sql.instant(rs, "scored_at"), json.read(rs.getString("points"), POINTS));
    }
}
