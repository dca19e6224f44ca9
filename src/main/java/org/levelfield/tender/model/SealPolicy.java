package org.levelfield.tender.model;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.levelfield.common.identity.Role;

/**
 * Who may read a tender, and when. Until the round's deadline a tender is sealed: only members
 * of the bidding organisation may read it, whatever their role. After the deadline the
 * commissioning side (commissioners, evaluators, scrutiny, admins) may read it too; other bidders
 * never may.
 */
public final class SealPolicy {

    private SealPolicy() {
    }

    /** @param actorOrganisations every organisation the reader is a member of */
    public static boolean mayRead(Role role, Collection<UUID> actorOrganisations, UUID tenderOrganisation, Instant now, Instant deadline) {
        if (role == Role.BIDDER) {
            return actorOrganisations.contains(tenderOrganisation);
        }
        return !now.isBefore(deadline);
    }

    public static boolean isSealed(Instant now, Instant deadline) {
        return now.isBefore(deadline);
    }
}
