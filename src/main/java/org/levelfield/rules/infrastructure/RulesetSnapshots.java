package org.levelfield.rules.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.rules.engine.RuleFile;
import org.levelfield.rules.engine.RulesetLoader;

/** Rule files by ruleset version, stored when a round is published under them. */
@Singleton
public class RulesetSnapshots {

    private final Sql sql;
    private final ObjectMapper json;

    public RulesetSnapshots(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    record StoredFile(String path, String text) {
    }

    public void store(String version, List<RuleFile> files, Instant at) {
        List<StoredFile> stored = files.stream().map(f -> new StoredFile(f.path(), f.text())).toList();
        try {
            sql.update("insert into ruleset_snapshot(version, files, stored_at) values (?, cast(? as jsonb), ?) on conflict (version) do nothing",
                    version, json.writeValueAsString(stored), at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<List<RuleFile>> find(String version) {
        return sql.one("select files::text from ruleset_snapshot where version = ?", rs -> rs.getString(1), version).map(text -> {
            try {
                List<StoredFile> stored = json.readValue(text, new TypeReference<>() { });
                return stored.stream().map(f -> RulesetLoader.describe(f.path(), f.text())).toList();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored ruleset " + version + " cannot be read", e);
            }
        });
    }
}
