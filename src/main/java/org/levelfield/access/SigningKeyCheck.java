package org.levelfield.access;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Refuses to start the service outside development with a token-signing secret that is missing,
 * shorter than 32 bytes, or the development one published in the repository: anyone holding it
 * could sign their own tokens.
 */
@Context
@Requires(notEnv = "cli")
public class SigningKeyCheck {

    public static final String DEVELOPMENT_SECRET = "levelfield-development-secret-change-me-0123456789";
    public static final int MIN_BYTES = 32;

    public SigningKeyCheck(Environment environment,
                           @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String secret) {
        problem(secret, isDevelopment(environment.getActiveNames())).ifPresent(p -> {
            throw new ConfigurationException(p);
        });
    }

    static boolean isDevelopment(Set<String> environments) {
        return environments.contains("dev") || environments.contains(Environment.TEST);
    }

    /** What is wrong with this secret, if anything. */
    public static Optional<String> problem(String secret, boolean development) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("JWT_SECRET is not set. Set JWT_SECRET to a random value of at least " + MIN_BYTES
                    + " bytes, the same on every instance (for example: export JWT_SECRET=$(openssl rand -base64 48)).");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return Optional.of("JWT_SECRET is too short (" + secret.getBytes(StandardCharsets.UTF_8).length + " bytes). Set it to a random value of at least "
                    + MIN_BYTES + " bytes (for example: openssl rand -base64 48).");
        }
        if (!development && secret.equals(DEVELOPMENT_SECRET)) {
            return Optional.of("JWT_SECRET is the development secret published in the repository; anyone could sign tokens with it. "
                    + "Set JWT_SECRET to a random value of at least " + MIN_BYTES + " bytes (for example: openssl rand -base64 48).");
        }
        return Optional.empty();
    }
}
