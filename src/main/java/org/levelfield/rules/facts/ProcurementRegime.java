package org.levelfield.rules.facts;

/**
 * Derived by REG-02: the procurement law that governs a round, from its commencement date.
 *
 * @param code PRE_2006, PCR_2006, PCR_2015 or PA_2023
 */
public record ProcurementRegime(String roundId, String code, String legislation) {

    public boolean isPcr2015() {
        return "PCR_2015".equals(code);
    }
}
