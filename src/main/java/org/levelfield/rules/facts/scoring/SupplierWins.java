package org.levelfield.rules.facts.scoring;

import java.util.List;

import org.levelfield.rules.model.Subject;

/**
 * The lots one supplier is ranked first in, beside the round's published limit and the mechanism
 * for applying it, and what applying it gave. Read by SC-13.
 *
 * @param lots       the lots the supplier is ranked first in
 * @param limit      the most lots one supplier may win, or null for no limit
 * @param mechanism  the published way the limit is applied, in the documents' words, or null
 * @param allocation the method the award applied (HIGHEST_VALUE_FIRST or LARGEST_LEAD_FIRST), or null if none was published in a
 *                   form the award can apply
 * @param kept       the lots the supplier keeps once the limit is applied
 * @param givenUp    the lots it gives up, each with where it went ("Lot 2, to Generic Support Ltd")
 */
public record SupplierWins(String organisationId, String bidder, List<String> lots, Integer limit, String mechanism, String allocation,
                           List<String> kept, List<String> givenUp) implements Subject {

    public SupplierWins {
        lots = lots == null ? List.of() : List.copyOf(lots);
        kept = kept == null ? List.of() : List.copyOf(kept);
        givenUp = givenUp == null ? List.of() : List.copyOf(givenUp);
    }

    public boolean isOverLimit() {
        return limit != null && lots.size() > limit;
    }

    /** Whether a mechanism was published in a form the award applies. */
    public boolean isMechanismPublished() {
        return allocation != null;
    }

    /** Whether the mechanism was published in words only. */
    public boolean isMechanismInWordsOnly() {
        return allocation == null && mechanism != null && !mechanism.isBlank();
    }

    @Override
    public String subjectType() {
        return "bidder";
    }

    @Override
    public String subjectId() {
        return organisationId;
    }

    @Override
    public String subjectLabel() {
        return bidder;
    }
}
