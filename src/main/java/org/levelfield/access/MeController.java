package org.levelfield.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.web.ProblemException;

/**
 * Who the token belongs to and the organisations they belong to. Sign in with POST /api/login
 * {"username": …, "password": …}. Members of an organisation can add another bidder account to it.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeController {

    private final Memberships memberships;

    public MeController(Memberships memberships) {
        this.memberships = memberships;
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

    /** Adds a bidder account to the organisation (a member or an admin may). Takes effect at their next sign-in. */
    @Post("/organisations/{id}/members")
    @Secured({"BIDDER", "ADMIN"})
    public Memberships.Member add(UUID id, @Body Map<String, String> body, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        memberOrAdmin(id, actor);
        return memberships.add(id, body == null ? null : body.get("username"), actor);
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
