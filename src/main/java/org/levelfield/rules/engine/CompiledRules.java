package org.levelfield.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.levelfield.common.startup.PackagedJar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule packages kept on disk, so that a restart does not compile the same rules again (compiling is most of
 * the startup time). An entry is named by the SHA-256 of the ruleset's version, the Drools and Java versions and the
 * compiled fact classes the rules read, so changing any of them compiles afresh. Only rules that compiled and passed
 * the conventions are ever kept; the rule files are still read, checked and hashed on every start. An entry begins with
 * its length and CRC-32C, checked when the service starts; the packages themselves are read back from it only when
 * the knowledge bases are put together ({@link Ruleset#prepare}), after the service has started.
 *
 * <p>The folder is {@code LEVELFIELD_RULES_CACHE} (or the system property {@code levelfield.rules.cache}), by default
 * {@code levelfield-rules-<user>} in the temporary folder; {@code off} turns the cache off. The folder must belong to
 * the service's user and be writable by no one else, since what is read from it becomes code: otherwise it is not
 * used. Reading accepts only the classes of Drools, MVEL, the JDK and the rules' facts.
 */
final class CompiledRules {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRules.class);
    private static final ObjectInputFilter ONLY_RULE_CLASSES = ObjectInputFilter.Config.createFilter(
            "java.**;org.drools.**;org.kie.**;org.mvel2.**;org.levelfield.rules.**;levelfield.**;!*");
    /**
     * An entry starts with its length and CRC-32C, so that a partly written or damaged entry is never read. (The folder's
     * ownership, not this check, keeps others from changing it.)
     */
    private static final int CHECK_LENGTH = Long.BYTES;
    private static volatile String codeFingerprint;

    private CompiledRules() {
    }

    /** The folder in use, or null when the cache is off or the folder is not safe to read. */
    static Path directory() {
        String asked = System.getProperty("levelfield.rules.cache", System.getenv().getOrDefault("LEVELFIELD_RULES_CACHE", ""));
        if ("off".equalsIgnoreCase(asked.strip())) {
            return null;
        }
        Path folder = asked.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "levelfield-rules-" + System.getProperty("user.name", "service"))
                : Path.of(asked);
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            boolean ours = Files.getOwner(folder).getName().equals(System.getProperty("user.name"));
            if (!ours || permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                LOG.warn("The compiled-rules cache {} is not owned by this user alone; it is not used", folder);
                return null;
            }
            return folder;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("No compiled-rules cache: {}", e.toString());
            return null;
        }
    }

    /** The name of a ruleset's entry: its version with everything else its compiled form depends on. */
    static String key(String version) {
        return sha256((version + "\n" + Runtime.version() + "\n" + jarOf(KnowledgeBuilderFactory.class) + "\n" + codeFingerprint())
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The entry kept for this key, whole (its length and CRC-32C checked), or null if none is kept or it cannot be read. Its
     * packages are only read back from it when {@link Kept#packages} is called.
     */
    static Kept find(String key) {
        Path folder = directory();
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(key + ".kpkg");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] entry = Files.readAllBytes(file);
            if (entry.length > CHECK_LENGTH) {
                byte[] payload = Arrays.copyOfRange(entry, CHECK_LENGTH, entry.length);
                if (ByteBuffer.wrap(entry).getLong() == check(payload)) {
                    return new Kept(file, payload);
                }
            }
            LOG.warn("The compiled rules kept in {} are not whole; compiling the rules instead", file);
        } catch (IOException e) {
            LOG.warn("The compiled rules kept in {} could not be read ({}); compiling the rules instead", file, e.toString());
        }
        return null;
    }

    /** A kept entry: its file and its serialised packages. */
    record Kept(Path file, byte[] payload) {

        /** The packages, read back from the entry, or null if they cannot be. */
        List<KiePackage> packages() {
            try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), CompiledRules.class.getClassLoader())) {
                in.setObjectInputFilter(ONLY_RULE_CLASSES);
                List<KiePackage> packages = new ArrayList<>();
                for (Object read : (Collection<?>) in.readObject()) {
                    packages.add((KiePackage) read);
                }
                return packages;
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                LOG.warn("The compiled rules kept in {} could not be read ({}); compiling the rules instead", file, e.toString());
                return null;
            }
        }
    }

    /** Keeps the packages under the key; a failure to write is logged and otherwise ignored. */
    static void write(String key, Collection<KiePackage> packages) {
        Path folder = directory();
        if (folder == null) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(packages));
            }
            byte[] payload = bytes.toByteArray();
            Path temporary = Files.createTempFile(folder, key, ".part");
            try (var out = Files.newOutputStream(temporary)) {
                out.write(ByteBuffer.allocate(CHECK_LENGTH).putLong(check(payload)).array());
                out.write(payload);
            }
            try {
                Files.move(temporary, folder.resolve(key + ".kpkg"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, folder.resolve(key + ".kpkg"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The compiled rules could not be kept in {}: {}", folder, e.toString());
        }
    }

    /** A hash of the compiled classes under org.levelfield.rules, which the compiled rules call. */
    private static String codeFingerprint() {
        String known = codeFingerprint;
        if (known != null) {
            return known;
        }
        MessageDigest digest = sha256();
        try {
            Path location = Path.of(CompiledRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path rules = location.resolve("org/levelfield/rules");
                try (Stream<Path> walk = Files.walk(rules)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(rules.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            } else {
                // The packaged jar's listing made at start (common/startup/PackagedJar), or else a walk of the jar.
                Optional<List<JarEntry>> listed = PackagedJar.entries(location, "org/levelfield/rules/");
                try (JarFile jar = listed.isPresent() ? null : new JarFile(location.toFile())) {
                    List<JarEntry> entries = new ArrayList<>();
                    if (listed.isPresent()) {
                        entries.addAll(listed.get());
                    } else {
                        for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                            JarEntry entry = all.nextElement();
                            if (entry.getName().startsWith("org/levelfield/rules/")) {
                                entries.add(entry);
                            }
                        }
                    }
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (JarEntry entry : entries) {
                        digest.update((entry.getName() + ":" + entry.getCrc() + ":" + entry.getSize() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Without a fingerprint every start gets a key of its own, so nothing stale is ever read.
            digest.update(String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        }
        codeFingerprint = HexFormat.of().formatHex(digest.digest());
        return codeFingerprint;
    }

    /** The payload's length in the high half and its CRC-32C in the low half. */
    private static long check(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ((long) payload.length << 32) | crc.getValue();
    }

    private static String jarOf(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null ? type.getPackageName() : source.getLocation().toString();
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
