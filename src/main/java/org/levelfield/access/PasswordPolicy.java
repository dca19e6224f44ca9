package org.levelfield.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be, as the NCSC advises: at least 12 characters, no composition rules, and
 * not one of the common passwords in {@code access/common-passwords.txt} (also after removing
 * spaces and trailing digits and symbols), nor the person's own email address or name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password cannot be used, or empty if it can. */
    public static Optional<String> problem(String password, String... personal) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters long (yours has " + length
                    + "). Three random words together make a strong password that is easy to remember");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
        }
        String plain = normalise(password);
        String stem = plain.replaceAll("[^\\p{L}]+$", "");
        if (COMMON.contains(plain) || COMMON.contains(stem) || plain.chars().distinct().count() < 3) {
            return Optional.of("This password is too common and easy to guess. Choose a different one; three random words work well");
        }
        for (String own : personal) {
            if (own != null && !own.isBlank() && (plain.equals(normalise(own)) || plain.equals(normalise(own.split("@")[0])))) {
                return Optional.of("Your password must not be your email address or your name");
            }
        }
        return Optional.empty();
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/access/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("access/common-passwords.txt is missing from the classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(PasswordPolicy::normalise).forEach(words::add);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the common passwords list", e);
        }
        return Set.copyOf(words);
    }
}
