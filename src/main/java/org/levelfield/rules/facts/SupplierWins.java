package org.levelfield.rules.facts;

import java.util.List;

import org.levelfield.rules.model.Subject;

/**
 * The lots one supplier would win on the provisional ranking, beside the round's published limit
 * and the mechanism for applying it. Read by SC-13.
 *
 * @param limit     the most lots one supplier may win, or null for no limit
 * @param mechanism the published way the limit is applied, or null if none was published
 */
public record SupplierWins(String organisationId, String bidder, List<String> lots, Integer limit, String mechanism) implements Subject {

    public SupplierWins {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    public boolean isOverLimit() {
        return limit != null && lots.size() > limit;
    }

    public boolean isMechanismPublished() {
        return mechanism != null && !mechanism.isBlank();
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
