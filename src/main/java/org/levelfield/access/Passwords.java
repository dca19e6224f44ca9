package org.levelfield.access;

import org.levelfield.common.identity.Actor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.mail.Emails;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;

/**
 * Changing a password (knowing the current one) and resetting a forgotten one by an emailed
 * single-use link valid for an hour. Either ends the account's other sessions. Asking for a reset
 * answers the same whether or not the address has an account.
 */
@Singleton
public class Passwords {

    public static final String RESET_SENT = "If there is a Levelfield account for that address, we have sent it a link to reset the password. "
            + "The link works once, for one hour. Check your spam folder if it has not arrived in a few minutes.";

    private final Accounts accounts;
    private final Sessions sessions;
    private final AccountLinks links;
    private final Emails emails;
    private final AuditTrail audit;
    private final Duration resetValidFor;

    public Passwords(Accounts accounts, Sessions sessions, AccountLinks links, Emails emails, AuditTrail audit,
                     @Value("${levelfield.links.password-reset:1h}") Duration resetValidFor) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.links = links;
        this.emails = emails;
        this.audit = audit;
        this.resetValidFor = resetValidFor;
    }

    /** Changes the password of the person signed in; their other sessions end, this one goes on. */
    @Transactional
    public void change(Actor actor, UUID currentSession, String current, String replacement) {
        Accounts.Details me = accounts.details(actor.userId()).orElseThrow(() -> ProblemException.notFound("account", actor.userId()));
        List<FieldError> errors = new ArrayList<>();
        String hash = accounts.passwordHash(me.id()).orElse(null);
        if (hash == null) {
            throw ProblemException.wrongState("You sign in with your organisation's identity provider; change your password there.",
                    me.identityProvider(), List.of());
        }
        if (!PasswordHasher.matches(current, hash)) {
            errors.add(new FieldError("currentPassword", "Your current password is not right"));
        }
        PasswordPolicy.problem(replacement, me.email(), me.username(), me.displayName()).ifPresent(p -> errors.add(new FieldError("newPassword", p)));
        if (errors.isEmpty() && PasswordHasher.matches(replacement, hash)) {
            errors.add(new FieldError("newPassword", "Your new password must be different from your current one"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        accounts.setPassword(me.id(), PasswordHasher.hash(replacement));
        int ended = sessions.endAll(me.id(), "password changed", currentSession);
        audit.append("PASSWORD_CHANGED", null, me.id(), "account", Map.of("otherSessionsEnded", String.valueOf(ended)));
        if (me.email() != null) {
            emails.send(me.email(), "password-changed", Map.of("name", me.displayName()));
        }
    }

    /** Sends a reset link if the address has an active local account; says the same thing either way. */
    @Transactional
    public String requestReset(String email) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddresses.check(errors, "email", email);
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        accounts.byEmail(email).flatMap(u -> accounts.details(u.id()))
                .filter(d -> d.status() != AccountStatus.DISABLED && "LOCAL".equals(d.identityProvider()))
                .ifPresent(d -> {
                    links.withdrawOpen(AccountLinks.Purpose.PASSWORD_RESET, d.email());
                    AccountLinks.Issued issued = links.issue(AccountLinks.Purpose.PASSWORD_RESET, d.email(), null, null, d.id(), null, resetValidFor);
                    emails.send(d.email(), "password-reset", Map.of("name", d.displayName(),
                            "link", emails.publicUrl() + "/account/reset-password/" + issued.secret(),
                            "expires", AccountLinks.Format.when(issued.link().expiresAt())));
                    audit.append("PASSWORD_RESET_REQUESTED", null, d.id(), "account", Map.of("link", issued.link().id().toString()));
                });
        return RESET_SENT;
    }

    /** Sets a new password from a reset link; every session of the account ends. */
    @Transactional
    public Accounts.Details reset(String secret, String replacement) {
        var link = links.bySecret(secret);
        List<FieldError> errors = new ArrayList<>();
        links.problem(link, AccountLinks.Purpose.PASSWORD_RESET).ifPresent(p -> errors.add(new FieldError("token", p)));
        var account = link.flatMap(l -> accounts.details(l.userId()));
        PasswordPolicy.problem(replacement, account.map(Accounts.Details::email).orElse(null), account.map(Accounts.Details::displayName).orElse(null))
                .ifPresent(p -> errors.add(new FieldError("password", p)));
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        AccountLinks.Link used = links.redeem(secret, AccountLinks.Purpose.PASSWORD_RESET);
        accounts.setPassword(used.userId(), PasswordHasher.hash(replacement));
        // The link proves the address is theirs: an unconfirmed registration is confirmed by it too.
        accounts.confirmEmail(used.userId());
        int ended = sessions.endAll(used.userId(), "password reset", null);
        audit.append("PASSWORD_RESET", null, used.userId(), "account", Map.of("link", used.id().toString(), "sessionsEnded", String.valueOf(ended)));
        return accounts.details(used.userId()).orElseThrow();
    }
}
