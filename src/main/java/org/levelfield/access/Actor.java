package org.levelfield.access;

import java.util.UUID;

import io.micronaut.security.authentication.Authentication;

/** The signed-in person making a request, read from their token. */
public record Actor(UUID userId, String username, String displayName, Role role, UUID organisationId) {

    static final String USER_ID = "userId";
    static final String DISPLAY_NAME = "displayName";
    static final String ORGANISATION_ID = "organisationId";

    public static Actor of(Authentication authentication) {
        Object org = authentication.getAttributes().get(ORGANISATION_ID);
        return new Actor(
                UUID.fromString(authentication.getAttributes().get(USER_ID).toString()),
                authentication.getName(),
                String.valueOf(authentication.getAttributes().getOrDefault(DISPLAY_NAME, authentication.getName())),
                Role.valueOf(authentication.getRoles().iterator().next()),
                org == null ? null : UUID.fromString(org.toString()));
    }

    public boolean is(Role other) {
        return role == other;
    }

    public boolean belongsTo(UUID organisation) {
        return organisationId != null && organisationId.equals(organisation);
    }
}
