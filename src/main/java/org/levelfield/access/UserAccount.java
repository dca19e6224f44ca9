package org.levelfield.access;

import org.levelfield.common.identity.Role;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;

@MappedEntity("app_user")
public record UserAccount(@Id UUID id, String username, String displayName, @Nullable String passwordHash, Role role,
                          @Nullable UUID organisationId, Instant createdAt) {
}
