package org.levelfield.access;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A bidding organisation: a charity, CIO, CIC, company or other body. */
@MappedEntity("organisation")
public record Organisation(@Id UUID id, String name, @Nullable String registrationNumber, Instant createdAt) {
}
