package org.levelfield.access;

import org.levelfield.common.identity.Role;

import org.levelfield.common.identity.Actor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.web.ProblemException;

/**
 * Who the token belongs to and the organisations they belong to. Sign in with POST /api/login
 * {"username": …, "password": …}. Members of an organisation invite colleagues by email and can end memberships.
 */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeController {

    private final Memberships memberships;
    private final Invitations invitations;

    public MeController(Memberships memberships, Invitations invitations) {
        this.memberships = memberships;
        this.invitations = invitations;
    }

    public record Me(UUID userId, String username, String displayName, Role role, UUID organisationId,
                     List<Memberships.Membership> organisations) {
    }

    @Get("/me")
    public Me me(Authentication authentication) {
        Actor a = Actor.of(authentication);
        return new Me(a.userId(), a.username(), a.displayName(), a.role(), a.organisationId(), memberships.describe(a.organisations()));
    }

    @Get("/organisations/{id}/members")
    @Secured({"BIDDER", "ADMIN"})
    public List<Memberships.Member> members(UUID id, Authentication authentication) {
        memberOrAdmin(id, Actor.of(authentication));
        return memberships.members(id);
    }

    /**
     * Invites a colleague by email to join the organisation (a member or an admin may). They join
     * when they open the link and accept: nobody becomes a member without saying yes.
     */
    @Post("/organisations/{id}/invitations")
    @Secured({"BIDDER", "ADMIN"})
    @Status(HttpStatus.CREATED)
    public Invitations.Invitation invite(UUID id, @Nullable @Body Map<String, String> body, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        memberOrAdmin(id, actor);
        return Invitations.Invitation.of(invitations.inviteMember(id, body == null ? null : body.get("email"), actor).link());
    }

    @Get("/organisations/{id}/invitations")
    @Secured({"BIDDER", "ADMIN"})
    public List<Invitations.Invitation> invitations(UUID id, Authentication authentication) {
        memberOrAdmin(id, Actor.of(authentication));
        return invitations.openMemberInvitations(id);
    }

    /** Ends a membership (a member, including the person themself, or an admin may); it takes effect at once. */
    @Delete("/organisations/{id}/members/{userId}")
    @Secured({"BIDDER", "ADMIN"})
    public List<Memberships.Member> remove(UUID id, UUID userId, Authentication authentication) {
        memberOrAdmin(id, Actor.of(authentication));
        memberships.remove(id, userId);
        return memberships.members(id);
    }

    private void memberOrAdmin(UUID organisation, Actor actor) {
        if (!actor.is(Role.ADMIN) && !actor.belongsTo(organisation)) {
            throw ProblemException.notFound("organisation", organisation);
        }
        if (memberships.describe(List.of(organisation)).getFirst().name().equals("(removed)")) {
            throw ProblemException.notFound("organisation", organisation);
        }
    }
}
