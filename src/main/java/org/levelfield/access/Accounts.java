package org.levelfield.access;

import org.levelfield.common.identity.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;

/**
 * Accounts as people and admins manage them: email address, status, password and role. New
 * accounts sign in with their email address, which is also their username.
 */
@Singleton
public class Accounts {

    /** An account with what an admin sees of it. */
    public record Details(UUID id, String username, String email, String displayName, Role role, AccountStatus status,
                          UUID organisationId, String identityProvider, Instant createdAt, Instant emailConfirmedAt) {
    }

    private final Sql sql;
    private final Clock clock;

    public Accounts(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The account signed in to with this username or email address (case-insensitive for emails). */
    public Optional<UserAccount> bySignInName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String typed = name.strip();
        return sql.one("select * from app_user where username = ? or lower(email) = ? order by (username = ?) desc limit 1",
                Accounts::account, typed, normaliseEmail(typed), typed);
    }

    public Optional<UserAccount> byEmail(String email) {
        return sql.one("select * from app_user where lower(email) = ?", Accounts::account, normaliseEmail(email));
    }

    public Optional<Details> details(UUID id) {
        return sql.one("select * from app_user where id = ?", Accounts::details, id);
    }

    public Optional<String> passwordHash(UUID id) {
        return sql.one("select password_hash from app_user where id = ?", rs -> rs.getString(1), id);
    }

    public AccountStatus status(UUID id) {
        return sql.one("select status from app_user where id = ?", rs -> AccountStatus.valueOf(rs.getString(1)), id).orElse(null);
    }

    public List<Details> all() {
        return sql.query("select * from app_user order by role, lower(coalesce(email, username))", Accounts::details);
    }

    /** A new account; its email address is its username. */
    public UserAccount create(String email, String displayName, String passwordHash, Role role, UUID organisationId, AccountStatus status,
                              String identityProvider) {
        UUID id = UUID.randomUUID();
        Instant now = ClockFactory.stored(clock.instant());
        String address = normaliseEmail(email);
        sql.update("""
                insert into app_user(id, username, display_name, password_hash, role, organisation_id, created_at, email, status,
                                     email_confirmed_at, password_changed_at, identity_provider)
                values (?,?,?,?,?,?,?,?,?,?,?,?)""", id, address, displayName.strip(), passwordHash, role, organisationId, now, address, status,
                status == AccountStatus.ACTIVE ? now : null, passwordHash == null ? null : now, identityProvider);
        return sql.one("select * from app_user where id = ?", Accounts::account, id).orElseThrow();
    }

    public void setPassword(UUID id, String hash) {
        sql.update("update app_user set password_hash = ?, password_changed_at = ? where id = ?", hash, clock.instant(), id);
    }

    public void setStatus(UUID id, AccountStatus status) {
        sql.update("update app_user set status = ? where id = ?", status, id);
    }

    public void confirmEmail(UUID id) {
        sql.update("update app_user set status = 'ACTIVE', email_confirmed_at = ? where id = ? and status = 'UNCONFIRMED'", clock.instant(), id);
    }

    public void setRole(UUID id, Role role) {
        sql.update("update app_user set role = ? where id = ?", role, id);
    }

    public long activeAdmins() {
        return sql.one("select count(*) from app_user where role = 'ADMIN' and status = 'ACTIVE'", rs -> rs.getLong(1)).orElse(0L);
    }

    static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getObject("organisation_id", UUID.class),
                Sql.instant(rs, "created_at"));
    }

    private static Details details(ResultSet rs) throws SQLException {
        return new Details(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), AccountStatus.valueOf(rs.getString("status")), rs.getObject("organisation_id", UUID.class),
                rs.getString("identity_provider"), Sql.instant(rs, "created_at"), Sql.instant(rs, "email_confirmed_at"));
    }
}
