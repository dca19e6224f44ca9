package org.levelfield.common.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The entries of the packaged jar that the start reads, listed once.
 *
 * <p>Three things at start each walked all 51,000 entries of the packaged jar to find a few hundred: Micronaut's lists
 * of its services ({@link PackagedServices}), the migrations check ({@code common/database/Migrations}) and the
 * compiled rules' code fingerprint ({@code rules/engine/CompiledRules}). The jar is now walked once, on a thread of its
 * own from the first line of {@code main}, and only the entries in the folders those read are kept.
 *
 * <p>Only when the class path is that one jar ({@code java -jar}); otherwise (the specs, {@code mn:run}) each reads
 * its folder itself, as before.
 */
public final class PackagedJar {

    /** The folders read at start: Micronaut's services, the migrations, the classes the compiled rules call. */
    public static final List<String> FOLDERS = List.of("META-INF/micronaut/", "db/migration/", "org/levelfield/rules/");

    private record Listing(Path jar, CompletableFuture<Map<String, List<JarEntry>>> byFolder) {
    }

    private static volatile Listing current;

    private PackagedJar() {
    }

    /** Starts listing the class path's jar if the class path is one jar that names no others; returns that jar. */
    public static synchronized Optional<Path> start(String classPath) {
        Optional<Path> jar = singleJar(classPath);
        jar.ifPresent(path -> current = new Listing(path, CompletableFuture.supplyAsync(() -> list(path),
                runnable -> Thread.ofPlatform().name("packaged-jar").daemon().start(runnable))));
        return jar;
    }

    /**
     * The entries under one of {@link #FOLDERS} in this jar, waiting for the listing if it is still going; empty when
     * the service is not running from this jar or it could not be listed (the caller then reads the folder itself).
     */
    public static Optional<List<JarEntry>> entries(Path jar, String folder) {
        Listing listing = current;
        if (listing == null || !FOLDERS.contains(folder) || !sameFile(listing.jar(), jar)) {
            return Optional.empty();
        }
        try {
            return Optional.of(listing.byFolder().join().getOrDefault(folder, List.of()));
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }

    /** The jar's entries under each of {@link #FOLDERS}, in the jar's order (folders' own entries left out). */
    static Map<String, List<JarEntry>> list(Path jar) {
        Map<String, List<JarEntry>> byFolder = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                for (String folder : FOLDERS) {
                    if (name.startsWith(folder)) {
                        byFolder.computeIfAbsent(folder, f -> new ArrayList<>()).add(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + jar, e);
        }
        return byFolder;
    }

    /** The class path's only entry, if it is a jar file that names no other jars (no Class-Path in its manifest). */
    static Optional<Path> singleJar(String classPath) {
        if (classPath == null || classPath.isBlank() || classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty();
        }
        Path path = Path.of(classPath.strip()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !path.getFileName().toString().endsWith(".jar")) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            boolean namesOthers = manifest != null && manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) != null;
            return namesOthers ? Optional.empty() : Optional.of(path);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.equals(b.toAbsolutePath().normalize()) || Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
