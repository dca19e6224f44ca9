package org.levelfield.bidder;

import java.util.UUID;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;

/** An organisation's profile: its members read and edit it; admins read it; nobody else sees it. */
@Controller("/api/organisations/{id}/profile")
@ExecuteOn(RequestThreads.NAME)
@Secured({"BIDDER", "ADMIN"})
public class ProfilesController {

    private final OrganisationProfiles profiles;

    public ProfilesController(OrganisationProfiles profiles) {
        this.profiles = profiles;
    }

    @Get
    public OrganisationProfile get(UUID id, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        if (!actor.is(Role.ADMIN) && !actor.belongsTo(id)) {
            throw ProblemException.notFound("organisation", id);
        }
        return profiles.find(id).orElseThrow(() -> ProblemException.notFound("organisation", id));
    }

    @Put
    @Secured("BIDDER")
    public OrganisationProfile update(UUID id, @Body OrganisationProfile profile, Authentication authentication) {
        if (!Actor.of(authentication).belongsTo(id)) {
            throw ProblemException.notFound("organisation", id);
        }
        return profiles.update(id, profile);
    }
}
