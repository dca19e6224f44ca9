package org.levelfield.common.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.Hashing;

/**
 * Makes a write safe to retry: with the same {@code Idempotency-Key} (per user) and the same
 * request, the stored first answer is returned again and nothing new is created. The key is stored
 * in the same transaction as the write, so a failed write leaves no key behind.
 */
@Singleton
public class Idempotency {

    private final JdbcOperations jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public Idempotency(JdbcOperations jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record Outcome(HttpStatus status, JsonNode body, boolean replayed) {
    }

    @Transactional
    public Outcome run(UUID userId, String key, Object request, HttpStatus status, Supplier<Object> write) {
        if (key == null || key.isBlank()) {
            return new Outcome(status, json.valueToTree(write.get()), false);
        }
        if (key.length() > 200) {
            throw ProblemException.badInput("Idempotency-Key", "must be at most 200 characters");
        }
        String requestHash = Hashing.sha256(serialise(request));
        jdbc.prepareStatement("select pg_advisory_xact_lock(hashtext(?))", ps -> {
            ps.setString(1, userId + "/" + key);
            ps.executeQuery().close();
            return null;
        });
        Map<String, Object> stored = jdbc.prepareStatement(
                "select request_sha256, response_status, response_body from idempotent_request where user_id = ? and idempotency_key = ?",
                ps -> {
                    ps.setObject(1, userId);
                    ps.setString(2, key);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Map.<String, Object>of("hash", rs.getString(1), "status", rs.getInt(2), "body", rs.getString(3)) : null;
                    }
                });
        if (stored != null) {
            if (!stored.get("hash").equals(requestHash)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                        "Idempotency-Key '" + key + "' was already used for a different request. Use a new key for a new request.", Map.of());
            }
            try {
                return new Outcome(HttpStatus.valueOf((Integer) stored.get("status")), json.readTree((String) stored.get("body")), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored response for idempotency key is not JSON", e);
            }
        }
        JsonNode body = json.valueToTree(write.get());
        jdbc.prepareStatement("insert into idempotent_request(user_id, idempotency_key, request_sha256, response_status, response_body, created_at) values (?,?,?,?,?,?)",
                ps -> {
                    ps.setObject(1, userId);
                    ps.setString(2, key);
                    ps.setString(3, requestHash);
                    ps.setInt(4, status.getCode());
                    ps.setString(5, body.toString());
                    ps.setTimestamp(6, Timestamp.from(clock.instant()));
                    return ps.executeUpdate();
                });
        return new Outcome(status, body, false);
    }

    private String serialise(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
