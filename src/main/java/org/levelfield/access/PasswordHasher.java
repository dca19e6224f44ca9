package org.levelfield.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes as {@code argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}: Argon2id
 * (Bouncy Castle, pure Java) with OWASP's minimum settings (19 MiB, 2 passes, 1 lane), a 16-byte
 * random salt and a 32-byte hash, compared in constant time. Hashes made before Argon2id
 * ({@code pbkdf2-sha256$…}) still verify and are replaced at the next sign-in ({@link #needsRehash}).
 */
public final class PasswordHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PASSES = 2;
    private static final int LANES = 1;
    private static final String PREFIX = "argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + b64(salt) + "$" + b64(argon2(password, salt, MEMORY_KIB, PASSES, LANES));
    }

    public static boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        try {
            String[] parts = stored.split("\\$");
            if (parts.length == 5 && parts[0].equals("argon2id") && parts[1].equals("v=19")) {
                String[] settings = parts[2].split(",");
                int memory = Integer.parseInt(settings[0].substring(2));
                int passes = Integer.parseInt(settings[1].substring(2));
                int lanes = Integer.parseInt(settings[2].substring(2));
                byte[] salt = Base64.getDecoder().decode(parts[3]);
                return MessageDigest.isEqual(Base64.getDecoder().decode(parts[4]), argon2(password, salt, memory, passes, lanes));
            }
            if (parts.length == 4 && parts[0].equals("pbkdf2-sha256")) {
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                return MessageDigest.isEqual(Base64.getDecoder().decode(parts[3]), pbkdf2(password, salt, Integer.parseInt(parts[1])));
            }
        } catch (RuntimeException malformed) {
            return false;
        }
        return false;
    }

    /** Whether a stored hash was made with older or weaker settings than today's. */
    public static boolean needsRehash(String stored) {
        return stored == null || !stored.startsWith(PREFIX);
    }

    /** Spends the same effort as a real check, so that an unknown account answers as slowly as a known one. */
    public static void spendEffort(String password) {
        argon2(password == null ? "" : password, new byte[16], MEMORY_KIB, PASSES, LANES);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
