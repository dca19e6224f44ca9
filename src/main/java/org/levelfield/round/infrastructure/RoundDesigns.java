package org.levelfield.round.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;

/**
 * Working copies of round designs: the answers a commissioner has given on the design pages so far, in
 * the round command's JSON shape, kept between pages until they are checked and saved. A draft round has
 * at most one; a new round's copy has no round until it is saved.
 */
@Singleton
public class RoundDesigns {

    /** A working copy: its answers, and the round it revises (null for a new round). */
    public record Design(UUID id, UUID roundId, ObjectNode body, UUID createdBy, Instant createdAt, Instant updatedAt) {
        public String title() {
            var t = body.path("title").asText("");
            return t.isBlank() ? "Untitled round" : t;
        }
    }

    private final Sql sql;
    private final JsonColumns json;
    private final Clock clock;

    public RoundDesigns(Sql sql, JsonColumns json, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    public Design create(UUID roundId, ObjectNode body, UUID by) {
        Instant now = ClockFactory.stored(clock.instant());
        UUID id = UUID.randomUUID();
        sql.update("insert into round_design (id, round_id, body, created_by, created_at, updated_at) values (?, ?, ?::jsonb, ?, ?, ?)",
                id, roundId, json.write(body), by, now, now);
        return find(id).orElseThrow();
    }

    public Optional<Design> find(UUID id) {
        return sql.one("select * from round_design where id = ?", this::row, id);
    }

    public Optional<Design> ofRound(UUID roundId) {
        return sql.one("select * from round_design where round_id = ?", this::row, roundId);
    }

    /** New rounds being designed, newest first. */
    public List<Design> newRounds() {
        return sql.query("select * from round_design where round_id is null order by updated_at desc", this::row);
    }

    public void save(UUID id, ObjectNode body) {
        sql.update("update round_design set body = ?::jsonb, updated_at = ? where id = ?", json.write(body),
                ClockFactory.stored(clock.instant()), id);
    }

    public void delete(UUID id) {
        sql.update("delete from round_design where id = ?", id);
    }

    private Design row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Design(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                json.read(rs.getString("body"), ObjectNode.class), rs.getObject("created_by", UUID.class),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
