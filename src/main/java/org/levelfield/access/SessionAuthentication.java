package org.levelfield.access;

import org.levelfield.common.identity.Actor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a token whose signature is valid into the person signed in, from the database and never
 * from what the token says: the token must carry an expiry and name an open session of an active
 * account, and the role and memberships are read afresh on every request. Anything else is
 * treated as no token at all (401).
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class SessionAuthentication implements JwtAuthenticationFactory {

    public static final String SESSION_CLAIM = "sid";
    static final String SESSION_ID = "sessionId";
    /** When the session ends, in epoch seconds: pages warn before it does. */
    public static final String SESSION_ENDS = "sessionEndsAt";
    private static final Logger LOG = LoggerFactory.getLogger(SessionAuthentication.class);

    /** Looked up when first needed: resolving them while the security beans are being decided recurses. */
    private final BeanProvider<Sessions> sessions;
    private final BeanProvider<Memberships> memberships;

    public SessionAuthentication(BeanProvider<Sessions> sessions, BeanProvider<Memberships> memberships) {
        this.sessions = sessions;
        this.memberships = memberships;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || !(claims.getClaim(SESSION_CLAIM) instanceof String sid)) {
                return Optional.empty();
            }
            return sessions.get().open(UUID.fromString(sid)).map(this::authentication);
        } catch (Exception unusable) {
            if (org.levelfield.common.web.DatabaseFaults.of(unusable).filter(f -> f.kind() == org.levelfield.common.web.DatabaseFaults.Kind.UNAVAILABLE).isPresent()) {
                // The database is away: that is not a bad token, and the person is told so (503), not signed out (401).
                org.levelfield.common.web.DatabaseGate.markUnavailable(unusable.getMessage());
            }
            LOG.debug("Token refused: {}", unusable.getMessage());
            return Optional.empty();
        }
    }

    Authentication authentication(Sessions.Open open) {
        UserAccount user = open.account();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Actor.USER_ID, user.id().toString());
        attributes.put(Actor.DISPLAY_NAME, user.displayName());
        attributes.put(SESSION_ID, open.sessionId().toString());
        attributes.put(SESSION_ENDS, open.expiresAt().getEpochSecond());
        if (user.organisationId() != null) {
            attributes.put(Actor.ORGANISATION_ID, user.organisationId().toString());
        }
        attributes.put(Actor.ORGANISATIONS, memberships.get().organisationsOf(user).stream().map(UUID::toString).toList());
        return Authentication.build(user.username(), List.of(user.role().name()), attributes);
    }

    /** The session a request's authentication came from. */
    public static Optional<UUID> sessionOf(Authentication authentication) {
        Object sid = authentication.getAttributes().get(SESSION_ID);
        return sid == null ? Optional.empty() : Optional.of(UUID.fromString(sid.toString()));
    }
}
