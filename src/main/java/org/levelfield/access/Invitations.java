package org.levelfield.access;

import org.levelfield.common.identity.Role;

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
 * Invitations by email. An admin invites council staff with a role; a member of a bidding
 * organisation invites a colleague. The person opens the single-use link, which expires, and
 * chooses their password (or, already having a bidder account, joins the organisation).
 */
@Singleton
public class Invitations {

    public static final List<Role> STAFF_ROLES = List.of(Role.COMMISSIONER, Role.EVALUATOR, Role.SCRUTINY, Role.ADMIN);

    public record Invitation(UUID id, String email, Role role, UUID organisationId, java.time.Instant sentAt, java.time.Instant expiresAt) {
        static Invitation of(AccountLinks.Link l) {
            return new Invitation(l.id(), l.email(), l.role(), l.organisationId(), l.createdAt(), l.expiresAt());
        }
    }

    /** Who an invitation is for, shown on the page where it is accepted. */
    public record Preview(String email, Role role, String organisationName, boolean hasAccount) {
    }

    private final AccountLinks links;
    private final Accounts accounts;
    private final Memberships memberships;
    private final Emails emails;
    private final AuditTrail audit;
    private final Duration validFor;

    public Invitations(AccountLinks links, Accounts accounts, Memberships memberships, Emails emails, AuditTrail audit,
                       @Value("${levelfield.links.invitation:7d}") Duration validFor) {
        this.links = links;
        this.accounts = accounts;
        this.memberships = memberships;
        this.emails = emails;
        this.audit = audit;
        this.validFor = validFor;
    }

    /** An admin invites a member of staff (by = null when the first admin is invited from the command line). */
    @Transactional
    public AccountLinks.Issued inviteStaff(String email, String role, UUID by) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddresses.check(errors, "email", email);
        Role wanted = staffRole(errors, role);
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        if (accounts.byEmail(email).isPresent()) {
            throw ProblemException.wrongState(Accounts.normaliseEmail(email) + " already has a Levelfield account. Change its role on the accounts page instead.",
                    "ACCOUNT_EXISTS", List.of("change role"));
        }
        links.withdrawOpen(AccountLinks.Purpose.STAFF_INVITATION, email);
        AccountLinks.Issued issued = links.issue(AccountLinks.Purpose.STAFF_INVITATION, email, wanted, null, null, by, validFor);
        emails.send(issued.link().email(), "staff-invitation", Map.of("role", describe(wanted), "link", url(issued),
                "expires", AccountLinks.Format.when(issued.link().expiresAt())));
        audit.append("INVITATION_SENT", null, by, "account", Map.of("email", issued.link().email(), "role", wanted.name(), "invitation", issued.link().id().toString()));
        return issued;
    }

    /** A member of a bidding organisation invites a colleague by email. */
    @Transactional
    public AccountLinks.Issued inviteMember(UUID organisationId, String email, Actor by) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddresses.check(errors, "email", email);
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        var existing = accounts.byEmail(email);
        if (existing.isPresent() && existing.get().role() != Role.BIDDER) {
            throw ProblemException.badInput("email", Accounts.normaliseEmail(email) + " belongs to a council staff account; only bidder accounts can be members of a bidding organisation");
        }
        if (existing.isPresent() && memberships.organisationsOf(existing.get()).contains(organisationId)) {
            throw ProblemException.badInput("email", Accounts.normaliseEmail(email) + " is already a member of this organisation");
        }
        links.withdrawOpen(AccountLinks.Purpose.MEMBER_INVITATION, email);
        AccountLinks.Issued issued = links.issue(AccountLinks.Purpose.MEMBER_INVITATION, email, Role.BIDDER, organisationId, null, by.userId(), validFor);
        String organisation = memberships.describe(List.of(organisationId)).getFirst().name();
        emails.send(issued.link().email(), "member-invitation", Map.of("organisation", organisation, "inviter", by.displayName(), "link", url(issued),
                "expires", AccountLinks.Format.when(issued.link().expiresAt())));
        audit.append("INVITATION_SENT", null, by.userId(), "organisation:" + organisationId,
                Map.of("email", issued.link().email(), "role", "BIDDER", "invitation", issued.link().id().toString()));
        return issued;
    }

    public List<Invitation> openStaffInvitations() {
        return links.open(AccountLinks.Purpose.STAFF_INVITATION, null).stream().map(Invitation::of).toList();
    }

    public List<Invitation> openMemberInvitations(UUID organisationId) {
        return links.open(AccountLinks.Purpose.MEMBER_INVITATION, organisationId).stream().map(Invitation::of).toList();
    }

    /** What the link is for, or why it cannot be used. */
    public Preview preview(String secret) {
        var link = links.bySecret(secret);
        var purpose = link.map(AccountLinks.Link::purpose).filter(p -> p == AccountLinks.Purpose.MEMBER_INVITATION).orElse(AccountLinks.Purpose.STAFF_INVITATION);
        links.problem(link, purpose).ifPresent(p -> {
            throw ProblemException.badInput("token", p);
        });
        AccountLinks.Link l = link.get();
        String organisation = l.organisationId() == null ? null : memberships.describe(List.of(l.organisationId())).getFirst().name();
        return new Preview(l.email(), l.role(), organisation, accounts.byEmail(l.email()).isPresent());
    }

    /**
     * Accepts an invitation: creates the account with the password chosen, or, for a person who
     * already has a bidder account, adds them to the organisation (their password is not needed:
     * the link proves the address is theirs).
     */
    @Transactional
    public Accounts.Details accept(String secret, String displayName, String password) {
        var link = links.bySecret(secret);
        AccountLinks.Purpose purpose = link.map(AccountLinks.Link::purpose).filter(p -> p == AccountLinks.Purpose.MEMBER_INVITATION)
                .orElse(AccountLinks.Purpose.STAFF_INVITATION);
        var existing = link.flatMap(l -> accounts.byEmail(l.email()));
        if (existing.isPresent() && purpose == AccountLinks.Purpose.MEMBER_INVITATION && existing.get().role() == Role.BIDDER) {
            AccountLinks.Link used = links.redeem(secret, purpose);
            memberships.join(used.organisationId(), existing.get().id(), used.createdBy());
            audit.append("INVITATION_ACCEPTED", null, existing.get().id(), "organisation:" + used.organisationId(),
                    Map.of("email", used.email(), "invitation", used.id().toString(), "joined", "existing account"));
            return accounts.details(existing.get().id()).orElseThrow();
        }
        List<FieldError> errors = new ArrayList<>();
        if (displayName == null || displayName.isBlank()) {
            errors.add(new FieldError("name", "Enter your full name"));
        } else if (displayName.strip().length() > 200) {
            errors.add(new FieldError("name", "Name must be 200 characters or fewer"));
        }
        PasswordPolicy.problem(password, link.map(AccountLinks.Link::email).orElse(null), displayName)
                .ifPresent(p -> errors.add(new FieldError("password", p)));
        links.problem(link, purpose).ifPresent(p -> errors.addFirst(new FieldError("token", p)));
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        if (existing.isPresent()) {
            throw ProblemException.badInput("token", "There is already an account for " + link.get().email() + ". Sign in, or reset your password.");
        }
        AccountLinks.Link used = links.redeem(secret, purpose);
        UserAccount created = accounts.create(used.email(), displayName, PasswordHasher.hash(password), used.role(), used.organisationId(),
                AccountStatus.ACTIVE, "LOCAL");
        if (used.organisationId() != null) {
            memberships.join(used.organisationId(), created.id(), used.createdBy());
        }
        audit.append("INVITATION_ACCEPTED", null, created.id(), used.organisationId() == null ? "account" : "organisation:" + used.organisationId(),
                Map.of("email", used.email(), "role", used.role().name(), "invitation", used.id().toString()));
        return accounts.details(created.id()).orElseThrow();
    }

    @Transactional
    public boolean withdraw(UUID invitationId, UUID by) {
        boolean withdrawn = links.withdraw(invitationId);
        if (withdrawn) {
            audit.append("INVITATION_WITHDRAWN", null, by, "account", Map.of("invitation", invitationId.toString()));
        }
        return withdrawn;
    }

    String url(AccountLinks.Issued issued) {
        return emails.publicUrl() + "/account/invitation/" + issued.secret();
    }

    static Role staffRole(List<FieldError> errors, String role) {
        if (role == null || role.isBlank()) {
            errors.add(new FieldError("role", "Choose a role: one of " + STAFF_ROLES));
            return null;
        }
        try {
            Role r = Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
            if (!STAFF_ROLES.contains(r)) {
                errors.add(new FieldError("role", "'" + role + "' is not a staff role: bidders register their organisation themselves, "
                        + "or are invited by a member of it. Staff roles: " + STAFF_ROLES));
                return null;
            }
            return r;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("role", "'" + role + "' is not a role. Roles: " + STAFF_ROLES));
            return null;
        }
    }

    static String describe(Role role) {
        return switch (role) {
            case COMMISSIONER -> "commissioner (sets up rounds, runs evaluation, proposes awards)";
            case EVALUATOR -> "evaluator (declares conflicts and scores tenders)";
            case SCRUTINY -> "scrutiny panel member (reads rounds, findings and reports; changes nothing)";
            case ADMIN -> "administrator (manages accounts)";
            case BIDDER -> "member of a bidding organisation";
        };
    }
}
