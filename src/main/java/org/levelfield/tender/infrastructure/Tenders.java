package org.levelfield.tender.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/** Tenders, drafts and their answers, details and attachments in PostgreSQL. */
@Singleton
public class Tenders {

    private static final String SELECT = """
            select t.*, o.name as organisation_name from tender t join organisation o on o.id = t.organisation_id""";

    private final Sql sql;
    private final JsonColumns json;
    private final org.levelfield.common.audit.AuditTrail audit;

    public Tenders(Sql sql, JsonColumns json, org.levelfield.common.audit.AuditTrail audit) {
        this.audit = audit;
        this.sql = sql;
        this.json = json;
    }

    public void insert(Tender t, Instant at) {
        sql.update("""
                insert into tender(id, round_id, lot_id, organisation_id, status, price_pence, submitted_at, submitted_by, content_sha256,
                                   details, created_at, updated_at)
                values (?,?,?,?,?,?,?,?,?, cast(? as jsonb),?,?)""", t.id(), t.roundId(), t.lotId(), t.organisationId(), t.status(),
                t.pricePence(), t.submittedAt(), t.submittedBy(), t.contentSha256(), write(t.details()), at, at);
        writeParts(t);
        if (!t.isDraft()) {
            // The receipt hash only: the tender itself stays sealed.
            audit.append("TENDER_RECEIVED", t.roundId(), t.submittedBy(), "tender " + t.id(), java.util.Map.of("lot", t.lotId(), "sha256", t.contentSha256()));
        }
    }

    /** Replaces a draft's content in place (a draft has no receipt, so nothing is lost). */
    public boolean updateDraft(Tender t, Instant at) {
        int changed = sql.update("""
                update tender set price_pence = ?, details = cast(? as jsonb), submitted_by = ?, updated_at = ?
                where id = ? and status = 'DRAFT'""", t.pricePence(), write(t.details()), t.submittedBy(), at, t.id());
        if (changed == 0) {
            return false;
        }
        sql.update("delete from tender_answer where tender_id = ?", t.id());
        sql.update("delete from tender_attachment where tender_id = ?", t.id());
        writeParts(t);
        return true;
    }

    /** Turns a draft into a submitted tender with its receipt hash. */
    /** Records where the tender's receipt time came from (see common/web/Arrival). */
    public void recordArrivalSource(UUID id, String source) {
        sql.update("update tender set received_at_source = ? where id = ?", source, id);
    }

    public java.util.Optional<String> arrivalSource(UUID id) {
        return sql.one("select received_at_source from tender where id = ?", rs -> rs.getString(1), id);
    }

    public boolean submitDraft(UUID id, Instant at, UUID by, String sha256) {
        boolean submitted = sql.update("""
                update tender set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?, content_sha256 = ?, updated_at = ?
                where id = ? and status = 'DRAFT'""", at, by, sha256, at, id) == 1;
        if (submitted) {
            UUID roundId = sql.one("select round_id from tender where id = ?", rs -> rs.getObject(1, UUID.class), id).orElseThrow();
            audit.append("TENDER_RECEIVED", roundId, by, "tender " + id, java.util.Map.of("sha256", sha256, "fromDraft", true));
        }
        return submitted;
    }

    private void writeParts(Tender t) {
        for (Tender.Answer a : t.answers()) {
            sql.update("insert into tender_answer(tender_id, criterion_id, answer) values (?,?,?)", t.id(), a.criterionId(), a.text());
        }
        for (Tender.AttachmentRef a : t.attachments()) {
            sql.update("insert into tender_attachment(tender_id, attachment_id) values (?,?)", t.id(), a.id());
        }
    }

    public Optional<Tender> find(UUID id) {
        return complete(sql.query(SELECT + " where t.id = ?", this::row, id)).stream().findFirst();
    }

    /** The submitted (live) tenders of a round. */
    public List<Tender> ofRound(UUID roundId) {
        return complete(sql.query(SELECT + " where t.round_id = ? and t.status = 'SUBMITTED' order by t.submitted_at, t.id", this::row, roundId));
    }

    /** Every tender and draft of an organisation, newest first. */
    public List<Tender> ofOrganisations(List<UUID> organisations) {
        return complete(sql.query(SELECT + " where t.organisation_id = any(?) order by coalesce(t.updated_at, t.submitted_at) desc, t.id",
                this::row, (Object) organisations.toArray(UUID[]::new)));
    }

    /** Marks a live tender as replaced by a revision, or withdrawn; false if it was no longer live. */
    public boolean retire(UUID tenderId, String status, UUID supersededBy) {
        boolean retired = sql.update("update tender set status = ?, superseded_by = ? where id = ? and status = 'SUBMITTED'",
                status, supersededBy, tenderId) == 1;
        if (retired) {
            UUID roundId = sql.one("select round_id from tender where id = ?", rs -> rs.getObject(1, UUID.class), tenderId).orElseThrow();
            audit.append("TENDER_" + status, roundId, null, "tender " + tenderId, java.util.Map.of("status", status));
        }
        return retired;
    }

    /** A draft discarded (WITHDRAWN) or replaced by a directly submitted tender (SUPERSEDED). */
    public boolean retireDraft(UUID draftId, UUID successor) {
        return sql.update("update tender set status = ?, superseded_by = ? where id = ? and status = 'DRAFT'",
                successor == null ? "WITHDRAWN" : "SUPERSEDED", successor, draftId) == 1;
    }

    public void linkSuccessor(UUID tenderId, UUID successor) {
        sql.update("update tender set superseded_by = ? where id = ?", successor, tenderId);
    }

    /**
     * A live tender for the lot from another organisation record with the same registration number:
     * the same organisation bidding twice under different names.
     */
    public Optional<Tender> liveTenderBySameRegistration(UUID lotId, UUID organisationId) {
        return sql.one(SELECT + """
                 \swhere t.lot_id = ? and t.status = 'SUBMITTED' and t.organisation_id <> ?
                   and o.registration_number is not null
                   and upper(o.registration_number) = (select upper(registration_number) from organisation where id = ?)""",
                this::row, lotId, organisationId, organisationId);
    }

    public Optional<Tender> liveTender(UUID lotId, UUID organisationId) {
        return sql.one(SELECT + " where t.lot_id = ? and t.organisation_id = ? and t.status = 'SUBMITTED'", this::row, lotId, organisationId);
    }

    public Optional<Tender> draft(UUID lotId, UUID organisationId) {
        return sql.one(SELECT + " where t.lot_id = ? and t.organisation_id = ? and t.status = 'DRAFT'", this::row, lotId, organisationId);
    }

    private List<Tender> complete(List<Tender> tenders) {
        if (tenders.isEmpty()) {
            return tenders;
        }
        Object ids = tenders.stream().map(Tender::id).toArray(UUID[]::new);
        Map<UUID, List<Tender.Answer>> answers = new HashMap<>();
        sql.query("select * from tender_answer where tender_id = any(?) order by criterion_id", rs -> {
            answers.computeIfAbsent(rs.getObject("tender_id", UUID.class), k -> new ArrayList<>())
                    .add(new Tender.Answer(rs.getObject("criterion_id", UUID.class), rs.getString("answer")));
            return null;
        }, ids);
        Map<UUID, List<Tender.AttachmentRef>> files = new HashMap<>();
        // The SHA-256 is recomputed from the stored bytes, so a receipt check covers the files' content.
        sql.query("""
                select ta.tender_id, a.id, a.file_name, a.content_type, a.size_bytes, encode(sha256(a.content), 'hex') as sha256
                from tender_attachment ta join attachment a on a.id = ta.attachment_id where ta.tender_id = any(?) order by a.id""", rs -> {
            files.computeIfAbsent(rs.getObject("tender_id", UUID.class), k -> new ArrayList<>())
                    .add(new Tender.AttachmentRef(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
                            rs.getLong("size_bytes"), rs.getString("sha256")));
            return null;
        }, ids);
        return tenders.stream().map(t -> new Tender(t.id(), t.roundId(), t.lotId(), t.organisationId(), t.organisationName(),
                t.status(), t.pricePence(), t.submittedAt(), t.submittedBy(), t.contentSha256(),
                answers.getOrDefault(t.id(), List.of()), t.details(), files.getOrDefault(t.id(), List.of()))).toList();
    }

    private Tender row(ResultSet rs) throws SQLException {
        return new Tender(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("organisation_name"), rs.getString("status"),
                (Long) rs.getObject("price_pence"), Sql.instant(rs, "submitted_at"), rs.getObject("submitted_by", UUID.class),
                rs.getString("content_sha256"), List.of(), read(rs.getString("details")), List.of());
    }

    private String write(TenderDetails details) {
        return json.write(details);
    }

    private TenderDetails read(String text) {
        return text == null || text.equals("{}") ? TenderDetails.empty() : json.read(text, TenderDetails.class);
    }
}
