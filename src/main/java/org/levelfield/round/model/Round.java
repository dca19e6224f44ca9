package org.levelfield.round.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A commissioning round: a single delivery vehicle funded by pooled partner budgets, in lots. */
public record Round(UUID id, String title, String description, RoundStatus status, LocalDate commencementDate,
                    Instant tenderDeadline, UUID createdBy, Instant createdAt, Instant publishedAt, Instant closedAt,
                    String rulesetVersion, Instant designApprovedAt, String cancelledReason, List<Partner> partners,
                    List<Lot> lots, Eqia eqia, List<SignOff> signOffs, RoundDetails details) {

    /** Partners who have not signed off the current design. */
    public List<Partner> partnersNotSignedOff() {
        return partners.stream().filter(p -> signOffs.stream().noneMatch(s -> s.partnerId().equals(p.id()))).toList();
    }


    public long pooledTotalPence() {
        return partners.stream().mapToLong(Partner::contributionPence).sum();
    }

    /** A partner's share of the pooled budget, as a percentage to one decimal place. */
    public BigDecimal shareOf(Partner partner) {
        long total = pooledTotalPence();
        if (total == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(partner.contributionPence() * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    public boolean isPooled() {
        return partners.stream().filter(p -> p.contributionPence() > 0).count() > 1;
    }

    public Optional<Lot> lot(UUID lotId) {
        return lots.stream().filter(l -> l.id().equals(lotId)).findFirst();
    }

    /** The same round with its design approved and its notice published at the instants given (a past round's record). */
    public Round withDates(Instant designApproved, Instant published) {
        return new Round(id, title, description, status, commencementDate, tenderDeadline, createdBy, createdAt, published, closedAt,
                rulesetVersion, designApproved, cancelledReason, partners, lots, eqia, signOffs, details);
    }

    public boolean isPastDeadline(Instant now) {
        return !now.isBefore(tenderDeadline);
    }
}
