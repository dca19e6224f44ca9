package org.levelfield.rules.facts;

/**
 * Derived by REG-03: the class of the services a lot buys, on the round's commencement date.
 *
 * @param code  LIGHT_TOUCH (social and other specific services), STANDARD (other services), PSR_HEALTH (relevant health
 *              care services under the Provider Selection Regime, from 1 January 2024) or MIXED (the main-subject-matter
 *              test is still to be applied)
 * @param basis in words, why the lot has this class
 * @param valueInclVatPence the lot's value over its whole term, including VAT (REG-04 adds up the lots outside the PSR)
 */
public record ServiceClass(String roundId, String lotId, String lot, String code, String basis, long valueInclVatPence) implements AboutLot {

    /** The class of a lot from its fact. */
    public static ServiceClass of(String roundId, LotFact lot, String code, String basis) {
        return new ServiceClass(roundId, lot.id(), lot.title(), code, basis, lot.valueInclVatPence());
    }
}
