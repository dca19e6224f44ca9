package org.levelfield.common.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.jar.JarEntry;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

/**
 * Where Micronaut finds its services (bean definitions, introspections, bean configurations) when the service runs from
 * its packaged jar.
 *
 * <p>Micronaut lists each {@code META-INF/micronaut/<service>/} folder of the class path to find them. For a folder in
 * a jar it opens the whole jar as a zip file system, which for the packaged service's 51,000 entries took about a
 * tenth of a second of the start's main thread. Here the jar's entry names are read once, on a thread of their own
 * while the database is prepared, and Micronaut is handed the lists through its own hook for lists made in advance
 * ({@link StaticOptimizations}, which Micronaut AOT fills at build time). A service is still found exactly as Micronaut
 * finds it: the names in its {@code META-INF/micronaut} folder and in any {@code META-INF/services} file, each made
 * with its public no-argument constructor, and left out if its class or a class it needs is missing.
 *
 * <p>Only a class path of that one jar is listed this way ({@code java -jar}); anything else (the specs, {@code mn:run},
 * a class path of several jars) leaves Micronaut to list it itself.
 */
public final class PackagedServices {

    static final String FOLDER = "META-INF/micronaut/";

    private PackagedServices() {
    }

    /**
     * Hands Micronaut the lists of its services from the packaged jar's listing ({@link PackagedJar}) if the class path
     * is that one jar. Call before anything of Micronaut's is used. Returns whether it did.
     */
    public static boolean install(String classPath, ClassLoader classLoader) {
        Optional<Path> jar = PackagedJar.start(classPath);
        if (jar.isEmpty()) {
            return false;
        }
        Supplier<Map<String, List<String>>> listed = () -> services(PackagedJar.entries(jar.get(), FOLDER)
                .orElseThrow(() -> new IllegalStateException("Could not list the services in " + jar.get()))
                .stream().map(JarEntry::getName).toList());
        StaticOptimizations.set(new SoftServiceLoader.Optimizations(new Loaders(listed, classLoader)));
        return true;
    }

    /** The class names in each {@code META-INF/micronaut/<service>/} folder of the jar, by service. */
    static Map<String, List<String>> list(Path jar) {
        return services(PackagedJar.list(jar).getOrDefault(FOLDER, List.of()).stream().map(JarEntry::getName).toList());
    }

    /** Entry names grouped by service: {@code META-INF/micronaut/<service>/<class name>}. */
    static Map<String, List<String>> services(List<String> entryNames) {
        Map<String, List<String>> services = new HashMap<>();
        for (String name : entryNames) {
            if (name.startsWith(FOLDER)) {
                int slash = name.indexOf('/', FOLDER.length());
                if (slash > FOLDER.length() && slash < name.length() - 1 && name.indexOf('/', slash + 1) < 0) {
                    services.computeIfAbsent(name.substring(FOLDER.length(), slash), service -> new ArrayList<>())
                            .add(name.substring(slash + 1));
                }
            }
        }
        return services;
    }

    /** Micronaut's lists, one per service it asks for, made when it first asks. */
    static final class Loaders extends AbstractMap<String, SoftServiceLoader.StaticServiceLoader<?>> {
        private final Supplier<Map<String, List<String>>> listing;
        private final ClassLoader classLoader;
        private final Map<String, SoftServiceLoader.StaticServiceLoader<?>> made = new ConcurrentHashMap<>();
        private volatile Map<String, List<String>> listed;

        Loaders(Supplier<Map<String, List<String>>> listing, ClassLoader classLoader) {
            this.listing = listing;
            this.classLoader = classLoader;
        }

        @Override
        public SoftServiceLoader.StaticServiceLoader<?> get(Object service) {
            return service instanceof String name ? made.computeIfAbsent(name, this::loaderOf) : null;
        }

        @Override
        public boolean containsKey(Object service) {
            return service instanceof String;
        }

        @Override
        public Set<Entry<String, SoftServiceLoader.StaticServiceLoader<?>>> entrySet() {
            return Collections.unmodifiableMap(made).entrySet();
        }

        private SoftServiceLoader.StaticServiceLoader<?> loaderOf(String service) {
            Set<String> names = new LinkedHashSet<>(declared(service));
            names.addAll(listed().getOrDefault(service, List.of()));
            List<String> all = List.copyOf(names);
            return condition -> all.stream()
                    .filter(name -> condition == null || condition.test(name))
                    .map(name -> make(name).map(made -> SoftServiceLoader.StaticDefinition.of(name, () -> made)).orElse(null))
                    .filter(Objects::nonNull);
        }

        private Map<String, List<String>> listed() {
            Map<String, List<String>> known = listed;
            if (known == null) {
                known = listing.get();
                listed = known;
            }
            return known;
        }

        /** The names in the {@code META-INF/services} files for the service, as Java's service loader reads them. */
        private List<String> declared(String service) {
            List<String> names = new ArrayList<>();
            try {
                for (Enumeration<URL> files = classLoader.getResources("META-INF/services/" + service); files.hasMoreElements(); ) {
                    try (BufferedReader reader = new BufferedReader(new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = reader.readLine()) != null; ) {
                            int comment = line.indexOf('#');
                            String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                            if (!name.isEmpty()) {
                                names.add(name);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the service files for " + service, e);
            }
            return names;
        }

        /** An instance of the named class, or nothing when it or a class it needs is missing (as Micronaut skips it). */
        private Optional<Object> make(String name) {
            try {
                Class<?> type = Class.forName(name, false, classLoader);
                MethodHandle constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class));
                return Optional.of(constructor.invoke());
            } catch (NoClassDefFoundError | ClassNotFoundException | NoSuchMethodException | IllegalAccessException missing) {
                return Optional.empty();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Could not make " + name, e);
            }
        }
    }
}
