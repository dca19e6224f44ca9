package org.levelfield.common.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;

/** Every document issued is kept byte for byte with its SHA-256, so a copy can be checked later. */
@Singleton
public class IssuedDocuments {

    private final Sql sql;

    public IssuedDocuments(Sql sql) {
        this.sql = sql;
    }

    public void insert(UUID id, UUID roundId, String kind, String fileName, String sha256, byte[] content, Instant at, UUID by) {
        insert(id, roundId, kind, fileName, sha256, content, at, by, null);
    }

    /** @param versionKey what the document reports, as a hash of its inputs; null for a document issued every time it is asked for */
    public void insert(UUID id, UUID roundId, String kind, String fileName, String sha256, byte[] content, Instant at, UUID by, String versionKey) {
        sql.update("insert into issued_document(id, round_id, kind, file_name, sha256, content, issued_at, issued_by, version_key) values (?,?,?,?,?,?,?,?,?)",
                id, roundId, kind, fileName, sha256, content, at, by, versionKey);
    }

    /** The document of this kind already issued for the round from the same inputs, if any. */
    public java.util.Optional<Document> ofVersion(UUID roundId, String kind, String versionKey) {
        return sql.one("select id, round_id, kind, file_name, sha256, issued_at, content from issued_document"
                        + " where round_id = ? and kind = ? and version_key = ? order by issued_at limit 1",
                rs -> new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), Sql.instant(rs, "issued_at"), rs.getBytes(7)), roundId, kind, versionKey);
    }

    /** Records the audit trail's head printed in a document. */
    public void anchor(UUID id, long seq, String hash) {
        sql.update("update issued_document set audit_seq = ?, audit_hash = ? where id = ?", seq, hash, id);
    }

    /** The latest document of this kind issued for the round, if any. */
    public java.util.Optional<Document> latest(UUID roundId, String kind) {
        return sql.one("select id, round_id, kind, file_name, sha256, issued_at, content from issued_document"
                        + " where round_id = ? and kind = ? order by issued_at desc limit 1",
                rs -> new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), Sql.instant(rs, "issued_at"), rs.getBytes(7)), roundId, kind);
    }

    /** A document as issued, without its content. */
    public record Issued(UUID id, UUID roundId, String roundTitle, String kind, String fileName, String sha256, Instant issuedAt, String issuedBy) {
    }

    /** Every issued document with this SHA-256 (normally one). */
    public java.util.List<Issued> withHash(String sha256) {
        return sql.query("""
                select d.id, d.round_id, r.title, d.kind, d.file_name, d.sha256, d.issued_at, u.display_name
                from issued_document d join round r on r.id = d.round_id left join app_user u on u.id = d.issued_by
                where d.sha256 = ? order by d.issued_at""", rs -> new Issued(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), Sql.instant(rs, "issued_at"), rs.getString(8)), sha256);
    }

    /** One issued document, with its bytes. */
    public record Document(UUID id, UUID roundId, String kind, String fileName, String sha256, Instant issuedAt, byte[] content) {
    }

    public java.util.Optional<Document> find(UUID id) {
        return sql.one("select id, round_id, kind, file_name, sha256, issued_at, content from issued_document where id = ?",
                rs -> new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), Sql.instant(rs, "issued_at"), rs.getBytes(7)), id);
    }

    /** Every document issued for a round, newest first, without content. */
    public java.util.List<Issued> ofRound(UUID roundId) {
        return sql.query("""
                select d.id, d.round_id, r.title, d.kind, d.file_name, d.sha256, d.issued_at, u.display_name
                from issued_document d join round r on r.id = d.round_id left join app_user u on u.id = d.issued_by
                where d.round_id = ? order by d.issued_at desc, d.file_name""", rs -> new Issued(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), Sql.instant(rs, "issued_at"), rs.getString(8)), roundId);
    }
}
