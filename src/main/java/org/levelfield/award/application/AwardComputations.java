package org.levelfield.award.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;

/** Every award computation of a round is kept; the latest is the one in force. */
@Singleton
public class AwardComputations {

    private final Sql sql;

    public AwardComputations(Sql sql) {
        this.sql = sql;
    }

    public record Stored(UUID id, UUID roundId, Instant computedAt, UUID computedBy, String rulesetVersion, UUID ruleRunId,
                         String resultJson) {
    }

    public void insert(Stored s) {
        sql.update("""
                insert into award_computation(id, round_id, computed_at, computed_by, ruleset_version, rule_run_id, result)
                values (?,?,?,?,?,?,cast(? as jsonb))""", s.id(), s.roundId(), s.computedAt(), s.computedBy(), s.rulesetVersion(),
                s.ruleRunId(), s.resultJson());
    }

    public Optional<Stored> latest(UUID roundId) {
        return sql.one("select * from award_computation where round_id = ? order by computed_at desc, seq desc limit 1",
                rs -> new Stored(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                        Sql.instant(rs, "computed_at"), rs.getObject("computed_by", UUID.class), rs.getString("ruleset_version"),
                        rs.getObject("rule_run_id", UUID.class), rs.getString("result")), roundId);
    }
}
