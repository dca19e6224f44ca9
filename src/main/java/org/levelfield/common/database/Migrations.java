package org.levelfield.common.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.flywaydb.core.Flyway;
import org.levelfield.common.startup.PackagedJar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema migrations in {@code db/migration}, run by Flyway as the database's owner before the service starts.
 *
 * <p>Flyway takes about half a second of every start even when there is nothing to do (it loads its plugins, scans the
 * class path and validates every migration). So a start first compares the migrations this build ships with Flyway's
 * own history table: when the history holds every shipped migration, each applied successfully with the same
 * checksum, and nothing else, there is nothing to migrate or validate and Flyway is not run. Any difference at all (a
 * new migration, an edited one, a failed or unknown entry, no history yet) runs Flyway as before, which migrates or
 * stops the start with its own message. The checksum is Flyway's: CRC-32 over each line's UTF-8 bytes without its line
 * break, a byte-order mark dropped ({@code MigrationsSpec} checks it against the checksums Flyway records).
 */
public final class Migrations {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V[0-9_.]+__.+\\.sql");
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Brings the owner's database up to date: runs Flyway unless the history shows every shipped migration applied. */
    public static void migrate(DatabaseTarget owner) {
        try (Connection c = java.sql.DriverManager.getConnection(owner.jdbcUrl(), owner.username(), owner.password())) {
            migrate(owner, c);
        } catch (SQLException e) {
            LOG.debug("Could not read the schema history ({}); Flyway will", e.getMessage());
            flyway(owner);
        }
    }

    /** As {@link #migrate(DatabaseTarget)}, reading the schema history on a connection the caller has open as the owner. */
    public static void migrate(DatabaseTarget owner, Connection c) {
        Map<String, Integer> shipped = shipped();
        try {
            if (upToDate(c, shipped)) {
                LOG.info("The schema holds all {} migrations of this build; Flyway has nothing to do and is not run", shipped.size());
                return;
            }
        } catch (SQLException e) {
            LOG.debug("Could not read the schema history ({}); Flyway will", e.getMessage());
        }
        flyway(owner);
    }

    private static void flyway(DatabaseTarget owner) {
        Flyway.configure().dataSource(owner.jdbcUrl(), owner.username(), owner.password()).locations("classpath:" + LOCATION)
                .load().migrate();
    }

    /**
     * Whether Flyway's history (in the connection's database) holds exactly these scripts, each applied successfully
     * with the same checksum, and no other versioned or failed entry.
     */
    static boolean upToDate(Connection connection, Map<String, Integer> shipped) throws SQLException {
        if (shipped.isEmpty()) {
            return false;
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet exists = s.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return false;
                }
            }
            try (ResultSet rows = s.executeQuery("select script, checksum, success, version is not null from flyway_schema_history")) {
                while (rows.next()) {
                    boolean versioned = rows.getBoolean(4);
                    if (!rows.getBoolean(3)) {
                        return false;
                    }
                    if (versioned) {
                        int checksum = rows.getInt(2);
                        applied.put(rows.getString(1), rows.wasNull() ? null : checksum);
                    }
                }
            }
        }
        return applied.equals(shipped);
    }

    /**
     * The versioned migrations this build ships, by file name, with Flyway's checksum of each; empty when they cannot be
     * listed or the folder holds anything else (a repeatable migration or a callback, which only Flyway can judge).
     */
    static Map<String, Integer> shipped() {
        return shipped(Migrations.class.getClassLoader().getResource(LOCATION));
    }

    /** As {@link #shipped()}, for the migrations folder at this location (a folder or a folder in a jar). */
    static Map<String, Integer> shipped(URL location) {
        Map<String, Integer> scripts = new TreeMap<>();
        if (location == null) {
            return scripts;
        }
        try {
            if ("jar".equals(location.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                JarFile jar = connection.getJarFile();
                // The packaged jar's listing made at start (common/startup/PackagedJar), or else a walk of this jar.
                Iterator<JarEntry> entries = PackagedJar.entries(Path.of(connection.getJarFileURL().toURI()), LOCATION + "/")
                        .map(List::iterator).orElseGet(() -> jar.entries().asIterator());
                while (entries.hasNext()) {
                    JarEntry entry = entries.next();
                    String name = entry.getName();
                    if (!entry.isDirectory() && name.startsWith(LOCATION + "/") && name.indexOf('/', LOCATION.length() + 1) < 0) {
                        String file = name.substring(LOCATION.length() + 1);
                        try (InputStream in = jar.getInputStream(entry)) {
                            scripts.put(file, checksum(in));
                        }
                    }
                }
                if (!connection.getUseCaches()) {
                    jar.close();
                }
            } else if ("file".equals(location.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            scripts.put(file.getFileName().toString(), checksum(in));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown: an empty list never counts as up to date, so Flyway runs.
            LOG.debug("Could not list the migrations at {}: {}", location, e.toString());
            return new TreeMap<>();
        }
        // A repeatable migration or a callback script may need running at any start: only Flyway can tell.
        return scripts.keySet().stream().allMatch(name -> VERSIONED.matcher(name).matches()) ? scripts : new TreeMap<>();
    }

    /** Flyway's checksum of a migration: CRC-32 over each line's UTF-8 bytes without its line break, a leading BOM dropped. */
    static int checksum(InputStream in) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = lines.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = lines.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
