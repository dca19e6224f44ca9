package org.levelfield.common.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.common.mail.Emails;

/**
 * Notices to a bidding organisation: an amendment, a published clarification, an eligibility change,
 * a price to explain, an assessment summary. Each names the page where the bidder acts on it. Kept,
 * never edited.
 */
@Singleton
public class Notices {

    public record Notice(UUID id, UUID roundId, UUID organisationId, UUID tenderId, Instant sentAt, String message, Link link) {
    }

    /** The page of this service where the bidder acts on a notice, and the words of the link to it. */
    public record Link(String path, String label) {
        public Link {
            if (path == null || !path.startsWith("/") || path.startsWith("//") || label == null || label.isBlank()) {
                throw new IllegalArgumentException("a notice links to a page of this service, with words: " + path);
            }
        }
    }

    private final Sql sql;
    private final Emails emails;

    public Notices(Sql sql, Emails emails) {
        this.sql = sql;
        this.emails = emails;
    }

    /** Keeps the notice and emails it to every active member of the organisation, in the caller's transaction. */
    public void send(UUID roundId, UUID organisationId, UUID tenderId, Instant at, String message, Link link) {
        sql.update("insert into bidder_notice(id, round_id, organisation_id, tender_id, sent_at, message, link_path, link_label) values (?,?,?,?,?,?,?,?)",
                UUID.randomUUID(), roundId, organisationId, tenderId, at, message, link.path(), link.label());
        String round = roundId == null ? null : sql.one("select title from round where id = ?", rs -> rs.getString(1), roundId).orElse(null);
        String organisation = sql.one("select name from organisation where id = ?", rs -> rs.getString(1), organisationId).orElse("your organisation");
        Map<String, Object> model = new HashMap<>();
        model.put("subject", round == null ? "A new notice from Levelfield" : "A new notice about " + round);
        model.put("organisation", organisation);
        model.put("round", round);
        model.put("message", message);
        model.put("link", link);
        for (String address : memberAddresses(organisationId)) {
            emails.send(address, "notice", model);
        }
    }

    /** Emails every active member of the organisation from a template, in the caller's transaction, without keeping a notice. */
    public void emailMembers(UUID organisationId, String template, Map<String, Object> model) {
        for (String address : memberAddresses(organisationId)) {
            emails.send(address, template, model);
        }
    }

    private List<String> memberAddresses(UUID organisationId) {
        return sql.query("""
                select distinct u.email from app_user u left join organisation_member m on m.user_id = u.id and m.organisation_id = ?
                where (m.organisation_id is not null or u.organisation_id = ?) and u.email is not null and u.status = 'ACTIVE'
                order by u.email""", rs -> rs.getString(1), organisationId, organisationId);
    }

    public List<Notice> ofOrganisations(List<UUID> organisations) {
        return sql.query("select * from bidder_notice where organisation_id = any(?) order by sent_at desc, id", rs -> new Notice(
                rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getObject("tender_id", UUID.class), Sql.instant(rs, "sent_at"), rs.getString("message"),
                rs.getString("link_path") == null ? null : new Link(rs.getString("link_path"), rs.getString("link_label"))),
                (Object) organisations.toArray(UUID[]::new));
    }

    /** A notice as the commissioner sees it sent: when, what it said, and the organisations it went to (each once). */
    public record Sent(Instant sentAt, String message, List<String> organisations) {
    }

    /** The notices of a round, newest first, one line per message sent at one time, with the names of the organisations it went to. */
    public List<Sent> sentFor(UUID roundId) {
        return sql.query("""
                select n.sent_at, n.message, array_agg(distinct o.name order by o.name) as names
                from bidder_notice n join organisation o on o.id = n.organisation_id
                where n.round_id = ? group by n.sent_at, n.message order by n.sent_at desc, n.message""",
                rs -> new Sent(Sql.instant(rs, "sent_at"), rs.getString("message"), List.of((String[]) rs.getArray("names").getArray())), roundId);
    }

    /** Organisations taking part in a round: any tender or draft, a question asked or an adjustment asked for. */
    public List<UUID> participants(UUID roundId) {
        return sql.query("""
                select organisation_id from tender where round_id = ?
                union select asked_by_org from clarification where round_id = ?
                union select organisation_id from adjustment_request where round_id = ?""", rs -> rs.getObject(1, UUID.class), roundId, roundId, roundId);
    }
}
