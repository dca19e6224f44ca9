package org.levelfield.common.identity;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.web.ProblemException;

/**
 * The signed-in person making a request, read from their token.
 *
 * @param organisationId the organisation they act for: their default one, or the one named in the
 *                       {@value #ACTING_FOR_HEADER} header
 * @param organisations  every organisation they are a member of (as at sign-in)
 */
public record Actor(UUID userId, String username, String displayName, Role role, UUID organisationId, List<UUID> organisations) {

    /** A request header naming which of their organisations a member of several acts for. */
    public static final String ACTING_FOR_HEADER = "Levelfield-Organisation";

    public static final String USER_ID = "userId";
    public static final String DISPLAY_NAME = "displayName";
    public static final String ORGANISATION_ID = "organisationId";
    public static final String ORGANISATIONS = "organisations";

    public static Actor of(Authentication authentication) {
        var attributes = authentication.getAttributes();
        Object org = attributes.get(ORGANISATION_ID);
        UUID primary = org == null ? null : UUID.fromString(org.toString());
        List<UUID> all = attributes.get(ORGANISATIONS) instanceof Collection<?> ids
                ? ids.stream().map(Object::toString).map(UUID::fromString).toList()
                : primary == null ? List.of() : List.of(primary);
        return new Actor(
                UUID.fromString(attributes.get(USER_ID).toString()),
                authentication.getName(),
                String.valueOf(attributes.getOrDefault(DISPLAY_NAME, authentication.getName())),
                Role.valueOf(authentication.getRoles().iterator().next()),
                primary, all);
    }

    /** The same person acting for another of their organisations; null keeps the default. */
    public Actor actingFor(UUID organisation) {
        if (organisation == null || organisation.equals(organisationId)) {
            return this;
        }
        if (!organisations.contains(organisation)) {
            throw ProblemException.forbidden("You are not a member of organisation " + organisation + " (header " + ACTING_FOR_HEADER
                    + "). Your organisations: " + organisations + ". A membership added since you signed in takes effect when you sign in again.");
        }
        return new Actor(userId, username, displayName, role, organisation, organisations);
    }

    public boolean is(Role other) {
        return role == other;
    }

    public boolean belongsTo(UUID organisation) {
        return organisation != null && organisations.contains(organisation);
    }
}
