package org.levelfield.round.model;

import java.time.Instant;
import java.util.UUID;

/** A partner's sign-off of the round design: who signed for the partner, in what role, when. */
public record SignOff(UUID partnerId, String signatory, String signatoryRole, Instant signedAt) {
}
