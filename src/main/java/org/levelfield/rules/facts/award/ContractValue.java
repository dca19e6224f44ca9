package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutLot;

import java.time.LocalDate;

/**
 * A contract entered into: its value including VAT and when it was signed (AW-08).
 *
 * @param scope       the ProcurementScope the regime rules derived: COVERED (also when not given), BELOW_THRESHOLD, PSR or GRANT
 * @param scopeReason why, in words
 */
public record ContractValue(String roundId, String lotId, String lot, long valueInclVatPence, LocalDate signedOn,
                            String regime, String scope, String scopeReason) implements AboutLot {

    public ContractValue {
        scope = scope == null ? "COVERED" : scope;
    }

    @Override
    public String subjectLabel() {
        return "Contract for lot '" + lot + "'";
    }
}
