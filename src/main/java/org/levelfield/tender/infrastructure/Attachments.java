package org.levelfield.tender.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.tender.model.Tender.AttachmentRef;

/** Attached files in PostgreSQL: content, size, type and SHA-256. Never updated or deleted. */
@Singleton
public class Attachments {

    /** An attachment's description, without its content. */
    public record Stored(UUID id, UUID organisationId, String fileName, String contentType, long sizeBytes, String sha256,
                         Instant uploadedAt) {
        public AttachmentRef ref() {
            return new AttachmentRef(id, fileName, contentType, sizeBytes, sha256);
        }
    }

    private static final String COLUMNS = "id, organisation_id, file_name, content_type, size_bytes, sha256, uploaded_at";

    private final Sql sql;

    public Attachments(Sql sql) {
        this.sql = sql;
    }

    public void insert(Stored a, byte[] content, UUID uploadedBy) {
        sql.update("""
                insert into attachment(id, organisation_id, file_name, content_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
                values (?,?,?,?,?,?,?,?,?)""", a.id(), a.organisationId(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(),
                content, a.uploadedAt(), uploadedBy);
    }

    public Optional<Stored> find(UUID id) {
        return sql.one("select " + COLUMNS + " from attachment where id = ?", Attachments::row, id);
    }

    public List<Stored> ofOrganisation(UUID organisationId) {
        return sql.query("select " + COLUMNS + " from attachment where organisation_id = ? order by uploaded_at, id", Attachments::row,
                organisationId);
    }

    public Optional<byte[]> content(UUID id) {
        return sql.one("select content from attachment where id = ?", rs -> rs.getBytes(1), id);
    }

    /** The rounds (and their deadlines) of every non-draft tender the attachment is part of. */
    public List<Instant> deadlinesOfTendersUsing(UUID id) {
        return sql.query("""
                select r.tender_deadline from tender_attachment ta join tender t on t.id = ta.tender_id join round r on r.id = t.round_id
                where ta.attachment_id = ? and t.status <> 'DRAFT'""", rs -> Sql.instant(rs, "tender_deadline"), id);
    }

    /** The non-draft tenders an attachment is part of. */
    public List<UUID> tendersUsing(UUID id) {
        return sql.query("""
                select t.id from tender_attachment ta join tender t on t.id = ta.tender_id
                where ta.attachment_id = ? and t.status <> 'DRAFT'""", rs -> rs.getObject(1, UUID.class), id);
    }

    private static Stored row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), Sql.instant(rs, "uploaded_at"));
    }
}
