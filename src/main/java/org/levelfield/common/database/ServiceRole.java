package org.levelfield.common.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database has two roles. The owner (the account in DATABASE_URL) runs the migrations ({@link Migrations}) before the service starts;
 * the service itself connects as {@value #NAME}, an ordinary role the migrations grant what it needs and no more: on
 * the audit trail, INSERT and SELECT only, so the service cannot rewrite or remove an entry even with its triggers off
 * (only a superuser could). The owner makes the role when it may (CREATEROLE); its password is
 * LEVELFIELD_DATABASE_APP_PASSWORD or, by default, derived from the owner's credentials, so every instance sharing
 * DATABASE_URL agrees on it without another secret. If the role cannot be made, the service connects as the owner and
 * says so in the log and in readiness.
 */
public final class ServiceRole {

    public static final String NAME = "levelfield_app";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRole.class);

    private ServiceRole() {
    }

    /** Runs the migrations as the owner, then returns the target the service connects with: the service role, or the owner. */
    public static DatabaseTarget migrateAndConnectAs(DatabaseTarget owner, String configuredPassword) {
        String password = configuredPassword == null || configuredPassword.isBlank() ? derived(owner) : configuredPassword;
        boolean role;
        // One connection for both (each costs tens of milliseconds at startup).
        try (Connection c = DriverManager.getConnection(owner.jdbcUrl(), owner.username(), owner.password())) {
            role = ensureRole(c, password);
            Migrations.migrate(owner, c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to " + owner.database() + " as " + owner.username() + ": " + e.getMessage(), e);
        }
        if (!role) {
            LOG.warn("The service connects to {} as its owner {}: it could not make the ordinary role {} (the owner needs CREATEROLE). "
                    + "The audit trail is then protected by its triggers only.", owner.database(), owner.username(), NAME);
            return owner;
        }
        return new DatabaseTarget(owner.host(), owner.port(), owner.database(), NAME, password);
    }

    private static boolean ensureRole(Connection c, String password) {
        try {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                q.setString(1, NAME);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            String literal = "'" + password.replace("'", "''") + "'";
            try (Statement s = c.createStatement()) {
                if (!exists) {
                    try {
                        s.execute("create role " + NAME + " login nosuperuser nocreatedb nocreaterole noinherit password " + literal);
                    } catch (SQLException raced) {
                        if (!"42710".equals(raced.getSQLState())) {
                            throw raced;
                        }
                    }
                }
                s.execute("alter role " + NAME + " with login nosuperuser nocreatedb nocreaterole nobypassrls password " + literal);
            }
            return true;
        } catch (SQLException e) {
            LOG.warn("Could not make or update the role {}: {}", NAME, e.getMessage());
            return false;
        }
    }

    private static String derived(DatabaseTarget owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("levelfield-service-role\n" + owner.username() + "\n" + owner.password())
                    .getBytes(StandardCharsets.UTF_8));
            return "lf-" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
