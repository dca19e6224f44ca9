package org.levelfield.common.startup;

import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.stream.Stream;

import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.runtime.Micronaut;

/**
 * Micronaut as the service starts it, with one change to how it reads its configuration files.
 *
 * <p>Micronaut reads a configuration file found inside a jar ({@code application.yml}, {@code application-dev.yml})
 * by opening the whole jar as a zip file system and closing it again. The packaged service is one jar of about 51,000
 * entries, so each file read that way cost about a tenth of a second of the start's main thread. Here a configuration
 * file at the root of the class path is read as the JDK reads any other resource, from the jar it already has open.
 * Every other resource is read by Micronaut's own loader, unchanged.
 */
public final class ServiceLauncher extends Micronaut {

    private ClassPathResourceLoader resources;

    public static ServiceLauncher build(String... args) {
        ServiceLauncher launcher = new ServiceLauncher();
        launcher.args(args);
        return launcher;
    }

    @Override
    public ClassPathResourceLoader getResourceLoader() {
        if (resources == null) {
            resources = new ConfigurationFirst(super.getResourceLoader());
        }
        return resources;
    }

    /** A configuration file Micronaut looks for: a name at the root of the class path ending in one of its formats. */
    static boolean isConfigurationFile(String path) {
        return path != null && !path.isEmpty() && path.indexOf('/') < 0 && path.indexOf('\\') < 0
                && (path.endsWith(".yml") || path.endsWith(".yaml") || path.endsWith(".properties") || path.endsWith(".json"));
    }

    /** Reads configuration files with the class loader; everything else goes to Micronaut's loader. */
    static final class ConfigurationFirst implements ClassPathResourceLoader {
        private final ClassPathResourceLoader micronaut;

        ConfigurationFirst(ClassPathResourceLoader micronaut) {
            this.micronaut = micronaut;
        }

        @Override
        public Optional<InputStream> getResourceAsStream(String path) {
            if (isConfigurationFile(path)) {
                return Optional.ofNullable(micronaut.getClassLoader().getResourceAsStream(path));
            }
            return micronaut.getResourceAsStream(path);
        }

        @Override
        public Optional<URL> getResource(String path) {
            return micronaut.getResource(path);
        }

        @Override
        public Stream<URL> getResources(String name) {
            return micronaut.getResources(name);
        }

        @Override
        public ClassLoader getClassLoader() {
            return micronaut.getClassLoader();
        }

        @Override
        public boolean supportsPrefix(String path) {
            return micronaut.supportsPrefix(path);
        }

        @Override
        public ResourceLoader forBase(String basePath) {
            return micronaut.forBase(basePath);
        }
    }
}
