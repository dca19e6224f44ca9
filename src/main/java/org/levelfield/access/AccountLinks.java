package org.levelfield.access;

import org.levelfield.common.identity.Role;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.Hashing;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;

/**
 * Single-use links sent by email: staff and member invitations, email confirmation, password
 * reset. The link carries a random secret; only its SHA-256 is kept. A link works once, before it
 * expires, unless withdrawn.
 */
@Singleton
public class AccountLinks {

    public enum Purpose { STAFF_INVITATION, MEMBER_INVITATION, CONFIRM_EMAIL, PASSWORD_RESET }

    public record Link(UUID id, Purpose purpose, String email, Role role, UUID organisationId, UUID userId, UUID createdBy,
                       Instant createdAt, Instant expiresAt, Instant usedAt, Instant withdrawnAt) {
    }

    /** A link just made: the secret exists only here and in the email. */
    public record Issued(Link link, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final Clock clock;

    public AccountLinks(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Issued issue(Purpose purpose, String email, Role role, UUID organisationId, UUID userId, UUID createdBy, Duration validFor) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant now = ClockFactory.stored(clock.instant());
        sql.update("""
                insert into account_link(id, purpose, secret_sha256, email, role, organisation_id, user_id, created_by, created_at, expires_at)
                values (?,?,?,?,?,?,?,?,?,?)""", id, purpose, digest(secret), Accounts.normaliseEmail(email), role, organisationId, userId,
                createdBy, now, now.plus(validFor));
        return new Issued(find(id).orElseThrow(), secret);
    }

    /** The link for this secret, whatever its state (for showing a page about it). */
    public Optional<Link> bySecret(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return sql.one("select * from account_link where secret_sha256 = ?", AccountLinks::row, digest(secret.strip()));
    }

    /** Why this link cannot be used now, or empty if it can. */
    public Optional<String> problem(Optional<Link> link, Purpose purpose) {
        if (link.isEmpty() || link.get().purpose() != purpose) {
            return Optional.of("This link is not valid. Check that you copied all of it from the email, or ask for a new one.");
        }
        Link l = link.get();
        if (l.usedAt() != null) {
            return Optional.of("This link has already been used. Each link works once: sign in, or ask for a new one.");
        }
        if (l.withdrawnAt() != null) {
            return Optional.of("This link was withdrawn, because a newer one was sent or it was cancelled. Use the newest email, or ask for a new one.");
        }
        if (!clock.instant().isBefore(l.expiresAt())) {
            return Optional.of("This link expired on " + Format.when(l.expiresAt()) + ". Ask for a new one.");
        }
        return Optional.empty();
    }

    /** Uses the link up (once, even under concurrent requests), or refuses with what is wrong with it. */
    public Link redeem(String secret, Purpose purpose) {
        Optional<Link> link = bySecret(secret);
        problem(link, purpose).ifPresent(p -> {
            throw ProblemException.badInput("token", p);
        });
        if (sql.update("update account_link set used_at = ? where id = ? and used_at is null and withdrawn_at is null", clock.instant(), link.get().id()) == 0) {
            throw ProblemException.badInput("token", "This link has already been used. Each link works once: sign in, or ask for a new one.");
        }
        return find(link.get().id()).orElseThrow();
    }

    /** Withdraws open links of this purpose for this address (a newer one replaces them). */
    public int withdrawOpen(Purpose purpose, String email) {
        return sql.update("update account_link set withdrawn_at = ? where purpose = ? and lower(email) = ? and used_at is null and withdrawn_at is null",
                clock.instant(), purpose, Accounts.normaliseEmail(email));
    }

    public java.util.List<Link> open(Purpose purpose, UUID organisationId) {
        return sql.query("select * from account_link where purpose = ? and organisation_id is not distinct from ? and used_at is null "
                + "and withdrawn_at is null and expires_at > ? order by created_at", AccountLinks::row, purpose, organisationId, clock.instant());
    }

    public Optional<Link> find(UUID id) {
        return sql.one("select * from account_link where id = ?", AccountLinks::row, id);
    }

    public boolean withdraw(UUID id) {
        return sql.update("update account_link set withdrawn_at = ? where id = ? and used_at is null and withdrawn_at is null", clock.instant(), id) > 0;
    }

    private static String digest(String secret) {
        return Hashing.sha256("account-link:" + secret);
    }

    private static Link row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String role = rs.getString("role");
        return new Link(rs.getObject("id", UUID.class), Purpose.valueOf(rs.getString("purpose")), rs.getString("email"),
                role == null ? null : Role.valueOf(role), rs.getObject("organisation_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getObject("created_by", UUID.class), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "used_at"), Sql.instant(rs, "withdrawn_at"));
    }

    /** Dates in emails and messages, as people in the UK read them. */
    static final class Format {
        private static final java.time.format.DateTimeFormatter WHEN =
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", java.util.Locale.UK);

        static String when(Instant instant) {
            return WHEN.format(instant.atZone(ClockFactory.LONDON)).replace("AM", "am").replace("PM", "pm");
        }
    }
}
