package org.levelfield.access;

import org.levelfield.common.identity.Actor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.web.ProblemException;

/** Accounts and staff invitations, for admins. */
@Controller("/api/admin")
@ExecuteOn(RequestThreads.NAME)
@Secured("ADMIN")
public class AdminController {

    public record StaffInvitation(@Nullable String email, @Nullable String role) {
    }

    public record RoleChange(@Nullable String role) {
    }

    private final Invitations invitations;
    private final AccountAdministration administration;

    public AdminController(Invitations invitations, AccountAdministration administration) {
        this.invitations = invitations;
        this.administration = administration;
    }

    /** Invites a member of staff by email with a role; the link they get works once and expires (7 days by default). */
    @Post("/invitations")
    @Status(HttpStatus.CREATED)
    public Invitations.Invitation invite(@Nullable @Body StaffInvitation body, Authentication authentication) {
        StaffInvitation given = body == null ? new StaffInvitation(null, null) : body;
        return Invitations.Invitation.of(invitations.inviteStaff(given.email(), given.role(), Actor.of(authentication).userId()).link());
    }

    @Get("/invitations")
    public List<Invitations.Invitation> openInvitations() {
        return invitations.openStaffInvitations();
    }

    @Delete("/invitations/{id}")
    public Map<String, Object> withdraw(UUID id, Authentication authentication) {
        if (!invitations.withdraw(id, Actor.of(authentication).userId())) {
            throw ProblemException.notFound("open invitation", id);
        }
        return Map.of("id", id, "withdrawn", true);
    }

    @Get("/accounts")
    public List<Accounts.Details> accounts() {
        return administration.all();
    }

    /** Switches an account off: its sessions end at once and it cannot sign in. */
    @Post("/accounts/{id}/disable")
    public Accounts.Details disable(UUID id, Authentication authentication) {
        return administration.disable(id, Actor.of(authentication));
    }

    @Post("/accounts/{id}/enable")
    public Accounts.Details enable(UUID id, Authentication authentication) {
        return administration.enable(id, Actor.of(authentication));
    }

    /** Changes a staff member's role; it takes effect on their next request. */
    @Put("/accounts/{id}/role")
    public Accounts.Details changeRole(UUID id, @Nullable @Body RoleChange body, Authentication authentication) {
        return administration.changeRole(id, body == null ? null : body.role(), Actor.of(authentication));
    }
}
