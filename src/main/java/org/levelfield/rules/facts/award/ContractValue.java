package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutLot;

import java.time.LocalDate;

/** A contract entered into: its value including VAT and when it was signed (AW-08). */
public record ContractValue(String roundId, String lotId, String lot, long valueInclVatPence, LocalDate signedOn,
                            String regime) implements AboutLot {

    @Override
    public String subjectLabel() {
        return "Contract for lot '" + lot + "'";
    }
}
