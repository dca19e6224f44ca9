package org.levelfield.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/** Signs in local accounts by username and password (run on the blocking executor). */
@Singleton
public class LocalAccountAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserAccounts accounts;
    /** Looked up when first needed: resolving it while the security beans are being decided recurses. */
    private final BeanProvider<Memberships> memberships;

    public LocalAccountAuthentication(UserAccounts accounts, BeanProvider<Memberships> memberships) {
        this.accounts = accounts;
        this.memberships = memberships;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        String username = login.getIdentity();
        String password = login.getSecret();
        if (username == null || password == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return accounts.findByUsername(username)
                .filter(user -> PasswordHasher.matches(password, user.passwordHash()))
                .map(user -> {
                    Map<String, Object> attributes = new HashMap<>();
                    attributes.put(Actor.USER_ID, user.id().toString());
                    attributes.put(Actor.DISPLAY_NAME, user.displayName());
                    if (user.organisationId() != null) {
                        attributes.put(Actor.ORGANISATION_ID, user.organisationId().toString());
                    }
                    attributes.put(Actor.ORGANISATIONS, memberships.get().organisationsOf(user).stream().map(UUID::toString).toList());
                    return AuthenticationResponse.success(user.username(), List.of(user.role().name()), attributes);
                })
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
