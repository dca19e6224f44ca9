package org.levelfield.access;

import org.levelfield.common.identity.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.Problems;

/**
 * Sign in: POST /api/login {"username": email or demo username, "password": …} gives a bearer
 * token for one session; POST /api/logout ends that session at once.
 */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
public class SignInController {

    public record Credentials(@Nullable String username, @Nullable String password) {
    }

    private final SigningIn signingIn;
    private final Clock clock;

    public SignInController(SigningIn signingIn, Clock clock) {
        this.signingIn = signingIn;
        this.clock = clock;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(HttpRequest<?> request, @Nullable @Body Credentials credentials) {
        String name = credentials == null ? null : credentials.username();
        String password = credentials == null ? null : credentials.password();
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            return Problems.response(request, HttpStatus.BAD_REQUEST, "Invalid request",
                    "Enter your email address (username) and your password: {\"username\": …, \"password\": …}", Map.of());
        }
        return switch (signingIn.signIn(name, password, addressOf(request))) {
            case SigningIn.SignedIn s -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("access_token", s.token());
                body.put("token_type", "Bearer");
                body.put("expires_in", s.expiresInSeconds());
                body.put("username", s.account().username());
                yield HttpResponse.ok(body);
            }
            case SigningIn.Refused r -> Problems.response(request, HttpStatus.UNAUTHORIZED, "Not signed in", r.message(), Map.of());
            case SigningIn.Throttled t -> {
                long seconds = Math.max(1, Duration.between(clock.instant(), t.retryAt()).toSeconds());
                String at = DateTimeFormatter.ofPattern("HH:mm").format(t.retryAt().atZone(ClockFactory.LONDON));
                yield Problems.response(request, HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts",
                                "Too many sign-in attempts. Wait until " + at + " (UK time, in about " + Math.max(1, (seconds + 59) / 60)
                                        + " minutes) and try again, or reset your password.", Map.of("retryAfterSeconds", seconds))
                        .header("Retry-After", String.valueOf(seconds));
            }
        };
    }

    /** Ends the session this token belongs to; the token stops working at once. */
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> logout(Authentication authentication) {
        Optional.of(authentication).flatMap(SessionAuthentication::sessionOf)
                .ifPresent(sid -> signingIn.signOut(sid, Actor.of(authentication).userId()));
        return HttpResponse.noContent();
    }

    public static String addressOf(HttpRequest<?> request) {
        var remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
