package org.levelfield.access;

import org.levelfield.common.identity.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.audit.AuditTrail;
import org.reactivestreams.Publisher;

/**
 * Council staff signing in with their own identity provider (OpenID Connect, at
 * /oauth/login/{provider}). The role comes from a configured claim; an account is made on first
 * sign-in only for an allowed email domain, and its role follows the provider on every sign-in.
 * The person then has a Levelfield session like anyone else, checked on every request.
 */
@Singleton
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
@Replaces(DefaultOpenIdAuthenticationMapper.class)
public class StaffIdentityProvider implements OpenIdAuthenticationMapper {

    /** Which claim carries the role, how its values map to roles, and which email domains may have accounts. */
    @ConfigurationProperties("levelfield.oidc")
    public record Settings(@Nullable String roleClaim, @Nullable Map<String, String> roleMap, @Nullable List<String> allowedDomains) {
    }

    private final Settings settings;
    private final Accounts accounts;
    private final SigningIn signingIn;
    private final AuditTrail audit;
    private final ExecutorService blocking;

    public StaffIdentityProvider(Settings settings, Accounts accounts, SigningIn signingIn, AuditTrail audit,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.settings = settings;
        this.accounts = accounts;
        this.signingIn = signingIn;
        this.audit = audit;
        this.blocking = blocking;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String provider, OpenIdTokenResponse tokens, OpenIdClaims claims,
                                                                          @Nullable State state) {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(() -> signIn(provider, claims), blocking));
    }

    @Transactional
    AuthenticationResponse signIn(String provider, OpenIdClaims claims) {
        String email = Accounts.normaliseEmail(claims.getEmail());
        if (email == null || email.isBlank() || !email.contains("@")) {
            return refused(provider, null, "Your identity provider did not give an email address; ask your IT team to release the email claim to Levelfield.");
        }
        String domain = email.substring(email.indexOf('@') + 1);
        Optional<Role> role = roleFrom(claims.getClaims().get(settings.roleClaim() == null ? "levelfield_role" : settings.roleClaim()));
        if (role.isEmpty()) {
            return refused(provider, email, "Your identity provider gave you no Levelfield role (claim '" + settings.roleClaim()
                    + "'). Ask your Levelfield administrator to give you one.");
        }
        Optional<UserAccount> existing = accounts.byEmail(email);
        UserAccount user;
        if (existing.isPresent()) {
            Accounts.Details details = accounts.details(existing.get().id()).orElseThrow();
            if (details.role() == Role.BIDDER) {
                return refused(provider, email, "This address belongs to a bidder account; sign in with its password instead.");
            }
            if (details.status() != AccountStatus.ACTIVE) {
                return refused(provider, email, "This account has been switched off. Ask your Levelfield administrator to switch it on again.");
            }
            if (details.role() != role.get()) {
                accounts.setRole(details.id(), role.get());
                audit.append("ROLE_CHANGED", null, details.id(), "account:" + details.id(),
                        Map.of("from", details.role().name(), "to", role.get().name(), "by", "identity provider " + provider));
            }
            user = accounts.bySignInName(email).orElseThrow();
        } else {
            List<String> allowed = settings.allowedDomains() == null ? List.of() : settings.allowedDomains();
            if (allowed.stream().noneMatch(d -> d.strip().equalsIgnoreCase(domain))) {
                return refused(provider, email, "Accounts are made on first sign-in only for " + (allowed.isEmpty() ? "no email domains yet" : String.join(", ", allowed))
                        + ". Ask your Levelfield administrator for an invitation.");
            }
            String name = Optional.ofNullable(claims.getName()).filter(n -> !n.isBlank()).orElse(email);
            user = accounts.create(email, name, null, role.get(), null, AccountStatus.ACTIVE, provider);
            audit.append("ACCOUNT_CREATED", null, user.id(), "account:" + user.id(), Map.of("email", email, "role", role.get().name(),
                    "by", "identity provider " + provider));
        }
        SigningIn.SignedIn signedIn = signingIn.issue(user, null, "oidc:" + provider);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SessionAuthentication.SESSION_CLAIM, signedIn.sessionId().toString());
        attributes.put(StaffSignInHandler.TOKEN, signedIn.token());
        attributes.put(StaffSignInHandler.EXPIRES_IN, signedIn.expiresInSeconds());
        return AuthenticationResponse.success(user.username(), List.of(role.get().name()), attributes);
    }

    private AuthenticationResponse refused(String provider, String email, String why) {
        audit.append("SIGN_IN_FAILED", null, null, "sign-in", Map.of("method", "oidc:" + provider, "account", email == null ? "unknown" : email, "reason", why));
        return AuthenticationResponse.failure(why);
    }

    private Optional<Role> roleFrom(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim != null) {
            values.add(String.valueOf(claim));
        }
        Map<String, String> map = settings.roleMap() == null ? Map.of() : settings.roleMap();
        return values.stream().map(v -> map.getOrDefault(v, map.getOrDefault(v.toLowerCase(Locale.ROOT), v)))
                .map(v -> v.strip().toUpperCase(Locale.ROOT))
                .filter(v -> Invitations.STAFF_ROLES.stream().anyMatch(r -> r.name().equals(v)))
                .map(Role::valueOf)
                .min(java.util.Comparator.comparingInt(Invitations.STAFF_ROLES::indexOf));
    }
}
