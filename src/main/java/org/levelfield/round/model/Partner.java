package org.levelfield.round.model;

import java.util.List;
import java.util.UUID;

/** A partner of the Local Strategic Partnership pooling budget into the round. */
public record Partner(UUID id, int position, String name, String type, boolean lead, List<BudgetLine> budgetLines) {

    public long contributionPence() {
        return budgetLines.stream().mapToLong(BudgetLine::amountPence).sum();
    }

    public record BudgetLine(UUID id, String financialYear, long amountPence, String purpose) {
    }
}
