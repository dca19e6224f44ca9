package org.levelfield.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;

/**
 * Signed-in sessions. A token names its session; the session is checked on every request, so
 * signing out, a password change, or an account being disabled or deleted ends it at once.
 */
@Singleton
public class Sessions {

    /** An open session with its account as the database holds it now. */
    public record Open(UUID sessionId, Instant expiresAt, UserAccount account) {
    }

    private final Sql sql;
    private final Clock clock;
    private final Duration duration;

    public Sessions(Sql sql, Clock clock, @Value("${levelfield.sessions.duration:8h}") Duration duration) {
        this.sql = sql;
        this.clock = clock;
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    public Open start(UserAccount account, String address) {
        UUID id = UUID.randomUUID();
        Instant now = ClockFactory.stored(clock.instant());
        Instant expires = now.plus(duration);
        sql.update("insert into user_session(id, user_id, started_at, expires_at, address) values (?,?,?,?,?)", id, account.id(), now, expires, address);
        return new Open(id, expires, account);
    }

    /** The session if it is open, unexpired, and its account exists and is active. */
    public Optional<Open> open(UUID sessionId) {
        return sql.one("""
                select s.id as session_id, s.expires_at, u.* from user_session s join app_user u on u.id = s.user_id
                where s.id = ? and s.ended_at is null and s.expires_at > ? and u.status = 'ACTIVE'""",
                rs -> new Open(rs.getObject("session_id", UUID.class), Sql.instant(rs, "expires_at"), Accounts.account(rs)),
                sessionId, clock.instant());
    }

    public boolean end(UUID sessionId, String reason) {
        return sql.update("update user_session set ended_at = ?, ended_reason = ? where id = ? and ended_at is null",
                clock.instant(), reason, sessionId) > 0;
    }

    /** Ends every open session of the account, but the one given (which may be null). */
    public int endAll(UUID userId, String reason, UUID except) {
        return sql.update("update user_session set ended_at = ?, ended_reason = ? where user_id = ? and ended_at is null and id is distinct from ?",
                clock.instant(), reason, userId, except);
    }

    public List<UUID> openSessionsOf(UUID userId) {
        return sql.query("select id from user_session where user_id = ? and ended_at is null and expires_at > ? order by started_at",
                rs -> rs.getObject(1, UUID.class), userId, clock.instant());
    }
}
