package org.levelfield.access;

import org.levelfield.common.identity.Role;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.mail.Emails;

/**
 * The account side of a bidding organisation signing itself up: the first member's account, which
 * cannot sign in until its email address is confirmed by the link sent to it.
 */
@Singleton
public class Registrations {

    public static final String CHECK_EMAIL = "We have sent a link to %s. Open it to confirm your email address, then sign in. "
            + "The link works once, for 48 hours. Check your spam folder if it has not arrived in a few minutes.";

    private final Accounts accounts;
    private final AccountLinks links;
    private final Memberships memberships;
    private final Emails emails;
    private final AuditTrail audit;
    private final Duration validFor;

    public Registrations(Accounts accounts, AccountLinks links, Memberships memberships, Emails emails, AuditTrail audit,
                         @Value("${levelfield.links.email-confirmation:48h}") Duration validFor) {
        this.accounts = accounts;
        this.links = links;
        this.memberships = memberships;
        this.emails = emails;
        this.audit = audit;
        this.validFor = validFor;
    }

    /** Creates the organisation's first member, unconfirmed, and emails them the confirmation link. */
    @Transactional
    public UserAccount registerFirstMember(UUID organisationId, String organisationName, String name, String email, String password) {
        UserAccount user = accounts.create(email, name, PasswordHasher.hash(password), Role.BIDDER, organisationId, AccountStatus.UNCONFIRMED, "LOCAL");
        memberships.join(organisationId, user.id(), null);
        AccountLinks.Issued issued = links.issue(AccountLinks.Purpose.CONFIRM_EMAIL, email, Role.BIDDER, organisationId, user.id(), null, validFor);
        emails.send(user.username(), "confirm-email", Map.of("name", user.displayName(), "organisation", organisationName,
                "link", emails.publicUrl() + "/account/confirm-email/" + issued.secret(), "expires", AccountLinks.Format.when(issued.link().expiresAt())));
        audit.append("ORGANISATION_REGISTERED", null, user.id(), "organisation:" + organisationId, Map.of("organisation", organisationName,
                "email", user.username()));
        return user;
    }

    /**
     * Someone tried to register with an address that already has an account: the owner of the
     * address is told (the person registering is told nothing different), and nothing is created.
     */
    @Transactional
    public void alreadyRegistered(String email) {
        accounts.byEmail(email).flatMap(u -> accounts.details(u.id())).ifPresent(u -> emails.send(u.email(), "already-registered", Map.of("name", u.displayName(),
                "signIn", emails.publicUrl() + "/sign-in", "reset", emails.publicUrl() + "/account/reset-password")));
    }

    /** Confirms the address; the account can sign in from now on. */
    @Transactional
    public Accounts.Details confirm(String secret) {
        AccountLinks.Link used = links.redeem(secret, AccountLinks.Purpose.CONFIRM_EMAIL);
        accounts.confirmEmail(used.userId());
        audit.append("EMAIL_CONFIRMED", null, used.userId(), "account", Map.of("email", used.email()));
        return accounts.details(used.userId()).orElseThrow();
    }
}
