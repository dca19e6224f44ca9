package org.levelfield.common.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;

/**
 * Every email the service sends, kept in the database. A message is written in the same
 * transaction as the change that caused it (it exists exactly when the change does) and is
 * delivered afterwards by {@link OutboxSender}, retried until the mail server accepts it.
 */
@Singleton
public class Outbox {

    public record Message(UUID id, Instant createdAt, String recipient, String subject, String body, String kind, int attempts,
                          Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    private final Sql sql;
    private final Clock clock;

    public Outbox(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Queues a message, in the caller's transaction. */
    public UUID queue(String recipient, String subject, String body, String kind) {
        UUID id = UUID.randomUUID();
        Instant now = ClockFactory.stored(clock.instant());
        sql.update("insert into outbox_message(id, created_at, recipient, subject, body, kind, next_attempt_at) values (?,?,?,?,?,?,?)",
                id, now, recipient, subject, body, kind, now);
        return id;
    }

    /** Up to {@code limit} messages due now, locked for this transaction; other instances skip them. */
    List<Message> lockDue(int limit) {
        return sql.query("select * from outbox_message where sent_at is null and next_attempt_at <= ? order by next_attempt_at, created_at "
                + "limit ? for update skip locked", Outbox::row, clock.instant(), limit);
    }

    void markSent(UUID id) {
        sql.update("update outbox_message set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?", clock.instant(), id);
    }

    /** Tries again later: 30 s after the first failure, doubling each time, at most an hour apart. */
    void markFailed(Message message, String error) {
        long delaySeconds = Math.min(3600, 30L << Math.min(message.attempts(), 7));
        sql.update("update outbox_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?",
                error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000)),
                ClockFactory.stored(clock.instant()).plus(Duration.ofSeconds(delaySeconds)), message.id());
    }

    /** Messages not yet accepted by the mail server. */
    public long depth() {
        return sql.one("select count(*) from outbox_message where sent_at is null", rs -> rs.getLong(1)).orElse(0L);
    }

    public List<Message> to(String recipient) {
        return sql.query("select * from outbox_message where lower(recipient) = lower(?) order by created_at, id", Outbox::row, recipient);
    }

    private static Message row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Message(rs.getObject("id", UUID.class), Sql.instant(rs, "created_at"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getString("kind"), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
                Sql.instant(rs, "sent_at"), rs.getString("last_error"));
    }
}
