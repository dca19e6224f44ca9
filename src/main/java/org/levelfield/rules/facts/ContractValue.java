package org.levelfield.rules.facts;

import java.time.LocalDate;

import org.levelfield.rules.model.Subject;

/** A contract entered into: its value including VAT and when it was signed (AW-08). */
public record ContractValue(String roundId, String lotId, String lot, long valueInclVatPence, LocalDate signedOn,
                            String regime) implements Subject {

    @Override
    public String subjectType() {
        return "lot";
    }

    @Override
    public String subjectId() {
        return lotId;
    }

    @Override
    public String subjectLabel() {
        return "Contract for lot '" + lot + "'";
    }
}
