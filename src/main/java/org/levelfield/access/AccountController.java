package org.levelfield.access;

import org.levelfield.common.identity.Actor;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/**
 * A person's own account: accepting an invitation, confirming an email address, resetting a
 * forgotten password (all by the single-use link in an email), and changing the password.
 */
@Controller("/api/account")
@ExecuteOn(RequestThreads.NAME)
public class AccountController {

    public record Acceptance(@Nullable String token, @Nullable String name, @Nullable String password) {
    }

    public record ResetRequest(@Nullable String email) {
    }

    public record Reset(@Nullable String token, @Nullable String password) {
    }

    public record Confirmation(@Nullable String token) {
    }

    public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    private final Invitations invitations;
    private final Passwords passwords;
    private final Registrations registrations;

    public AccountController(Invitations invitations, Passwords passwords, Registrations registrations) {
        this.invitations = invitations;
        this.passwords = passwords;
        this.registrations = registrations;
    }

    /** Who an invitation is for (the token is the secret from the link), or why it cannot be used. */
    @Get("/invitation")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Invitations.Preview invitation(@Nullable @QueryValue String token) {
        return invitations.preview(token);
    }

    @Post("/invitation/accept")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.CREATED)
    public Accounts.Details accept(@Nullable @Body Acceptance body) {
        Acceptance a = body == null ? new Acceptance(null, null, null) : body;
        return invitations.accept(a.token(), a.name(), a.password());
    }

    @Post("/confirm-email")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Map<String, Object> confirm(@Nullable @Body Confirmation body) {
        var confirmed = registrations.confirm(body == null ? null : body.token());
        return Map.of("email", confirmed.email(), "confirmed", true, "message", "Your email address is confirmed. You can now sign in.");
    }

    @Post("/password-reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<Map<String, Object>> requestReset(@Nullable @Body ResetRequest body) {
        return HttpResponse.accepted().body(Map.of("message", passwords.requestReset(body == null ? null : body.email())));
    }

    @Post("/password-reset/complete")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Map<String, Object> reset(@Nullable @Body Reset body) {
        var account = passwords.reset(body == null ? null : body.token(), body == null ? null : body.password());
        return Map.of("email", account.email(), "message", "Your password has been changed. Sign in with the new one; any other sign-ins have ended.");
    }

    @Post("/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Map<String, Object> change(@Nullable @Body PasswordChange body, Authentication authentication) {
        passwords.change(Actor.of(authentication), SessionAuthentication.sessionOf(authentication).orElse(null),
                body == null ? null : body.currentPassword(), body == null ? null : body.newPassword());
        return Map.of("changed", true, "message", "Your password has been changed. Your other sign-ins have ended.");
    }
}
