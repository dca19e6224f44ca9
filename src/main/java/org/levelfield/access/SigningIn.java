package org.levelfield.access;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.audit.AuditTrail;

/**
 * Signs a person in with their email address (or a demo username) and password: throttled per
 * account name and per address, answered the same way whether or not the account exists, and
 * recorded in the audit trail. A signed-in person gets a session and a token naming it.
 */
@Singleton
public class SigningIn {

    /** What a sign-in came to. */
    public sealed interface Outcome {
    }

    public record SignedIn(String token, long expiresInSeconds, Instant expiresAt, UserAccount account, UUID sessionId) implements Outcome {
    }

    /** Wrong name or password, or an account that cannot sign in: the message says what a person can do. */
    public record Refused(String message) implements Outcome {
    }

    public record Throttled(Instant retryAt) implements Outcome {
    }

    public static final String WRONG = "The email address or password is not right. Check them and try again, or reset your password.";

    private final Accounts accounts;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final TokenGenerator tokens;
    private final AuditTrail audit;
    private final Clock clock;

    public SigningIn(Accounts accounts, Sessions sessions, SignInThrottle throttle, TokenGenerator tokens, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome signIn(String name, String password, String address) {
        String key = SignInThrottle.accountKey(name);
        Optional<Instant> wait = throttle.retryAt(key, address);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        Optional<UserAccount> found = accounts.bySignInName(name);
        boolean matches = found.map(u -> PasswordHasher.matches(password, u.passwordHash())).orElseGet(() -> {
            PasswordHasher.spendEffort(password);
            return false;
        });
        throttle.record(key, address, matches);
        if (!matches) {
            audit.append("SIGN_IN_FAILED", null, found.map(UserAccount::id).orElse(null), "sign-in",
                    Map.of("address", String.valueOf(address), "account", found.map(u -> u.id().toString()).orElse("unknown")));
            return new Refused(WRONG);
        }
        UserAccount user = found.get();
        AccountStatus status = accounts.status(user.id());
        if (status == AccountStatus.DISABLED) {
            audit.append("SIGN_IN_FAILED", null, user.id(), "sign-in", Map.of("address", String.valueOf(address), "account", user.id().toString(),
                    "reason", "disabled"));
            return new Refused("This account has been switched off. Ask your Levelfield administrator to switch it on again.");
        }
        if (status == AccountStatus.UNCONFIRMED) {
            return new Refused("Confirm your email address first: open the link we sent you when you registered. "
                    + "It has not arrived? Register again with the same details and we will send a new one.");
        }
        if (PasswordHasher.needsRehash(user.passwordHash())) {
            accounts.setPassword(user.id(), PasswordHasher.hash(password));
        }
        return issue(user, address, "password");
    }

    /** A session and its token for a person already proven to be who they are (by password or by their identity provider). */
    @Transactional
    public SignedIn issue(UserAccount user, String address, String method) {
        Sessions.Open session = sessions.start(user, address);
        Instant now = clock.instant();
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.username());
        claims.put(SessionAuthentication.SESSION_CLAIM, session.sessionId().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", session.expiresAt().getEpochSecond());
        String token = tokens.generateToken(claims).orElseThrow(() -> new IllegalStateException("No token could be signed"));
        audit.append("SIGN_IN", null, user.id(), "sign-in", Map.of("address", String.valueOf(address), "method", method,
                "session", session.sessionId().toString()));
        return new SignedIn(token, sessions.duration().toSeconds(), session.expiresAt(), user, session.sessionId());
    }

    @Transactional
    public boolean signOut(UUID sessionId, UUID userId) {
        boolean ended = sessions.end(sessionId, "signed out");
        if (ended) {
            audit.append("SIGN_OUT", null, userId, "sign-in", Map.of("session", sessionId.toString()));
        }
        return ended;
    }

    /** A fresh session in place of one about to end ("stay signed in"); the old one ends. Empty if it is no longer open. */
    @Transactional
    public Optional<SignedIn> renew(UUID sessionId, String address) {
        Optional<Sessions.Open> open = sessions.open(sessionId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        sessions.end(sessionId, "renewed");
        return Optional.of(issue(open.get().account(), address, "renewed"));
    }
}
