package org.levelfield.award.report;

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
        sql.update("insert into issued_document(id, round_id, kind, file_name, sha256, content, issued_at, issued_by) values (?,?,?,?,?,?,?,?)",
                id, roundId, kind, fileName, sha256, content, at, by);
    }
}
