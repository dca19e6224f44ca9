package org.levelfield;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.levelfield.access.CreateAdminCommand;
import org.levelfield.access.SigningKeyCheck;
import org.levelfield.common.database.DatabaseBootstrap;
import org.levelfield.common.database.DatabaseTarget;
import org.levelfield.common.startup.PackagedServices;
import org.levelfield.common.startup.ServiceLauncher;

/**
 * Starts Levelfield, or runs one of its commands ({@code create-admin}).
 *
 * <p>Outside development (the packaged jar, the Docker image) it refuses to start without a proper
 * JWT_SECRET, and never starts an embedded PostgreSQL in place of one it cannot reach. In
 * development ({@code ./mvnw mn:run}, environment "dev") with no database configured at all and
 * no server on localhost, it starts an embedded PostgreSQL under {@code .levelfield/}.
 */
public class Application {

    public static void main(String[] args) {
        // Run from the packaged jar, Micronaut is handed the jar's list of its services (common/startup/PackagedServices).
        PackagedServices.install(System.getProperty("java.class.path"), Application.class.getClassLoader());
        Map<String, String> env = System.getenv();
        boolean development = isDevelopment(env);
        try {
            boolean command = args.length > 0 && CreateAdminCommand.NAME.equals(args[0]);
            if (!command && !development) {
                SigningKeyCheck.problem(env.getOrDefault("JWT_SECRET", System.getProperty("micronaut.security.token.jwt.signatures.secret.generator.secret")), false)
                        .ifPresent(problem -> {
                            throw new IllegalStateException(problem);
                        });
            }
            if (!command) {
                // The rules compile (or are read from the compiled-rules cache) while the database and context start.
                org.levelfield.rules.engine.RulesetLoader.preload(Path.of(System.getProperty("levelfield.rules.directory",
                        env.getOrDefault("RULES_DIR", "rules"))).toAbsolutePath().normalize());
            }
            Path embedded = embeddedHome(env, development);
            Duration wait = embedded != null ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(env.getOrDefault("LEVELFIELD_DATABASE_WAIT_SECONDS", "30")));
            DatabaseTarget owner = DatabaseBootstrap.prepare(DatabaseTarget.fromEnvironment(env), embedded, wait);
            // Migrations run now, as the owner; the service connects as the ordinary role (common/database/ServiceRole).
            DatabaseTarget target = org.levelfield.common.database.ServiceRole.migrateAndConnectAs(owner, env.get("LEVELFIELD_DATABASE_APP_PASSWORD"));
            System.setProperty("datasources.default.url", target.jdbcUrl());
            System.setProperty("datasources.default.username", target.username());
            System.setProperty("datasources.default.password", target.password());
            if (command) {
                System.exit(CreateAdminCommand.run(Arrays.copyOfRange(args, 1, args.length)));
            }
        } catch (RuntimeException refused) {
            System.err.println("Levelfield did not start: " + refused.getMessage());
            System.exit(1);
        }
        ServiceLauncher.build(args).mainClass(Application.class).banner(false).start();
    }

    static boolean isDevelopment(Map<String, String> env) {
        String names = System.getProperty("micronaut.environments", env.getOrDefault("MICRONAUT_ENVIRONMENTS", ""));
        return Arrays.stream(names.split(",")).map(String::strip).anyMatch("dev"::equals);
    }

    /** Where an embedded PostgreSQL may live, or null where none may be started. */
    static Path embeddedHome(Map<String, String> env, boolean development) {
        boolean configured = !env.getOrDefault("DATABASE_URL", "").isBlank() || !env.getOrDefault("DATASOURCES_DEFAULT_URL", "").isBlank();
        String asked = env.getOrDefault("LEVELFIELD_EMBEDDED_POSTGRES", development ? "true" : "false");
        if (configured || !"true".equalsIgnoreCase(asked)) {
            return null;
        }
        return Path.of(System.getProperty("levelfield.home", ".levelfield"));
    }
}
