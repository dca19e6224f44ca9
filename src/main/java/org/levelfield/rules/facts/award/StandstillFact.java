package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutRound;

import java.time.LocalDate;

/**
 * The standstill of a round's award as computed from the notice date (AW-06, AW-07), and the
 * signing date when the contract is entered into.
 *
 * @param regime       PRE_2006, PCR_2006, PCR_2015 or PA_2023
 * @param mandatory    whether the law requires a standstill here
 * @param lightTouch   whether a lot is a light-touch contract
 * @param voluntary    whether a voluntary standstill is observed where none is mandatory
 * @param contractFrom the first day the contract may be entered into
 * @param signedOn     the day the contract was entered into, or null
 * @param scope        the ProcurementScope the regime rules derived: COVERED (also when not given), BELOW_THRESHOLD, PSR or GRANT
 * @param scopeReason  why, in words
 */
public record StandstillFact(String roundId, String round, String regime, boolean mandatory, boolean lightTouch, boolean voluntary,
                             LocalDate noticeOn, LocalDate lastDay, LocalDate contractFrom, LocalDate signedOn,
                             String basis, String scope, String scopeReason) implements AboutRound {

    public StandstillFact {
        scope = scope == null ? "COVERED" : scope;
    }

    public boolean isObserved() {
        return mandatory || voluntary;
    }

    @Override
    public String subjectLabel() {
        return "Standstill for '" + round + "'";
    }
}
