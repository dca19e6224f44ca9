package org.levelfield.access;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import org.levelfield.common.web.Problems;

/**
 * What the identity provider's callback (/oauth/callback/{provider}) answers: the Levelfield
 * session's token, as POST /api/login gives it, or a problem saying why the sign-in was refused.
 */
@Singleton
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
public class StaffSignInHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    static final String TOKEN = "levelfieldToken";
    static final String EXPIRES_IN = "levelfieldExpiresIn";

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", authentication.getAttributes().get(TOKEN));
        body.put("token_type", "Bearer");
        body.put("expires_in", authentication.getAttributes().get(EXPIRES_IN));
        body.put("username", authentication.getName());
        return HttpResponse.ok(body);
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return loginSuccess(authentication, request);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        return Problems.response(request, HttpStatus.UNAUTHORIZED, "Not signed in",
                failure.getMessage().orElse("Your identity provider's sign-in was not accepted."), Map.of());
    }
}
