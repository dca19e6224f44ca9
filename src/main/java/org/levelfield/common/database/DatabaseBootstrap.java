package org.levelfield.common.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the database the service will use exists before Micronaut starts:
 * finds the configured server, starts an embedded PostgreSQL under {@code .levelfield/}
 * when none is reachable (if allowed), and creates the database if it is missing.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseBootstrap() {
    }

    /**
     * @param embeddedHome where an embedded PostgreSQL keeps its binaries and data, or null to never start one
     * @return the target to connect to (the embedded server's, if one was started)
     */
    public static DatabaseTarget prepare(DatabaseTarget target, Path embeddedHome) {
        return prepare(target, embeddedHome, java.time.Duration.ZERO);
    }

    /**
     * As {@link #prepare(DatabaseTarget, Path)}, but a server that does not answer is tried again for
     * up to {@code wait} first (a database starting beside the service, or briefly down).
     */
    public static DatabaseTarget prepare(DatabaseTarget target, Path embeddedHome, java.time.Duration wait) {
        DatabaseTarget effective = target;
        if (!answersWithin(target, wait)) {
            if (embeddedHome == null) {
                throw new IllegalStateException("No PostgreSQL server answers at " + target.host() + ":" + target.port()
                        + (wait.isZero() ? "" : " (tried for " + wait.toSeconds() + " s)")
                        + ". Levelfield never replaces a configured database with an empty embedded one. "
                        + "Start the server (pg_ctlcluster 15 main start) or correct DATABASE_URL.");
            }
            LOG.warn("No PostgreSQL server at {}:{}; starting an embedded PostgreSQL under {}", target.host(), target.port(), embeddedHome);
            EmbeddedPostgres embedded = EmbeddedPostgres.start(embeddedHome);
            effective = new DatabaseTarget("127.0.0.1", embedded.port(), target.database(), EmbeddedPostgres.SUPERUSER, "");
        }
        createDatabaseIfMissing(effective);
        return effective;
    }

    private static boolean answersWithin(DatabaseTarget target, java.time.Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            if (isReachable(target.host(), target.port())) {
                return true;
            }
            if (System.nanoTime() >= until) {
                return false;
            }
            LOG.warn("PostgreSQL at {}:{} does not answer yet; trying again", target.host(), target.port());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    public static boolean isReachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void createDatabaseIfMissing(DatabaseTarget target) {
        String name = target.database();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name '" + name + "' must be lower-case letters, digits and underscores");
        }
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl("postgres"), target.username(), target.password())) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + name);
                }
                LOG.info("Created database {}", name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created meanwhile by another instance
            }
            throw new IllegalStateException("Could not reach or create database " + target + ": " + e.getMessage(), e);
        }
    }

    public static void dropDatabase(DatabaseTarget target) {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl("postgres"), target.username(), target.password());
             Statement drop = connection.createStatement()) {
            drop.execute("drop database if exists " + target.database() + " with (force)");
        } catch (SQLException e) {
            LOG.warn("Could not drop database {}: {}", target.database(), e.getMessage());
        }
    }
}
