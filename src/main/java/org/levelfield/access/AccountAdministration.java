package org.levelfield.access;

import org.levelfield.common.identity.Role;

import org.levelfield.common.identity.Actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;

/**
 * What an admin does to accounts: list them, switch them off and on again, and change a staff
 * member's role. Switching an account off ends its sessions at once. There is always at least one
 * active admin.
 */
@Singleton
public class AccountAdministration {

    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditTrail audit;

    public AccountAdministration(Accounts accounts, Sessions sessions, AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    public List<Accounts.Details> all() {
        return accounts.all();
    }

    @Transactional
    public Accounts.Details disable(UUID id, Actor by) {
        Accounts.Details account = existing(id);
        if (account.status() == AccountStatus.DISABLED) {
            return account;
        }
        if (account.role() == Role.ADMIN && account.status() == AccountStatus.ACTIVE && accounts.activeAdmins() <= 1) {
            throw ProblemException.wrongState("This is the last active admin account. Invite or switch on another admin first, "
                    + "so that someone can still manage accounts.", "LAST_ADMIN", List.of("invite an admin"));
        }
        accounts.setStatus(id, AccountStatus.DISABLED);
        int ended = sessions.endAll(id, "account switched off", null);
        audit.append("ACCOUNT_DISABLED", null, by.userId(), "account:" + id, Map.of("sessionsEnded", String.valueOf(ended)));
        return existing(id);
    }

    @Transactional
    public Accounts.Details enable(UUID id, Actor by) {
        Accounts.Details account = existing(id);
        if (account.status() != AccountStatus.DISABLED) {
            return account;
        }
        // An account switched off before confirming its address goes back to waiting for confirmation.
        accounts.setStatus(id, account.emailConfirmedAt() == null && account.email() != null && account.role() == Role.BIDDER
                ? AccountStatus.UNCONFIRMED : AccountStatus.ACTIVE);
        audit.append("ACCOUNT_ENABLED", null, by.userId(), "account:" + id, Map.of());
        return existing(id);
    }

    @Transactional
    public Accounts.Details changeRole(UUID id, String role, Actor by) {
        Accounts.Details account = existing(id);
        List<FieldError> errors = new ArrayList<>();
        Role wanted = Invitations.staffRole(errors, role);
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        if (account.role() == Role.BIDDER) {
            throw ProblemException.wrongState("Bidder accounts belong to bidding organisations and keep the bidder role. "
                    + "Invite the person as staff with another email address instead.", "BIDDER", List.of());
        }
        if (account.role() == wanted) {
            return account;
        }
        if (account.role() == Role.ADMIN && account.status() == AccountStatus.ACTIVE && accounts.activeAdmins() <= 1) {
            throw ProblemException.wrongState("This is the last active admin account: make another account an admin first.",
                    "LAST_ADMIN", List.of("invite an admin"));
        }
        accounts.setRole(id, wanted);
        audit.append("ROLE_CHANGED", null, by.userId(), "account:" + id, Map.of("from", account.role().name(), "to", wanted.name()));
        return existing(id);
    }

    private Accounts.Details existing(UUID id) {
        return accounts.details(id).orElseThrow(() -> ProblemException.notFound("account", id));
    }
}
