package org.levelfield.tender.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;

/** Notices to a bidding organisation: an amendment, a published clarification, an eligibility change. Kept, never edited. */
@Singleton
public class Notices {

    public record Notice(UUID id, UUID roundId, UUID organisationId, UUID tenderId, Instant sentAt, String message) {
    }

    private final Sql sql;

    public Notices(Sql sql) {
        this.sql = sql;
    }

    public void send(UUID roundId, UUID organisationId, UUID tenderId, Instant at, String message) {
        sql.update("insert into bidder_notice(id, round_id, organisation_id, tender_id, sent_at, message) values (?,?,?,?,?,?)",
                UUID.randomUUID(), roundId, organisationId, tenderId, at, message);
    }

    public List<Notice> ofOrganisations(List<UUID> organisations) {
        return sql.query("select * from bidder_notice where organisation_id = any(?) order by sent_at desc, id", rs -> new Notice(
                rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getObject("tender_id", UUID.class), Sql.instant(rs, "sent_at"), rs.getString("message")),
                (Object) organisations.toArray(UUID[]::new));
    }

    /** Organisations taking part in a round: any tender or draft, or a question asked. */
    public List<UUID> participants(UUID roundId) {
        return sql.query("""
                select organisation_id from tender where round_id = ?
                union select asked_by_org from clarification where round_id = ?""", rs -> rs.getObject(1, UUID.class), roundId, roundId);
    }
}
