package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutLot;

import java.math.BigDecimal;

/**
 * The provisional winner of one lot from the evaluation results (AW-01), with the runner-up.
 *
 * @param winnerTenderId null if no tender can be awarded (none compliant, or a tie unresolved by published rules)
 * @param outcome        the calculation's own account of the lot's result
 */
public record ProvisionalAward(String roundId, String lotId, String lot, String winnerTenderId, String winner, BigDecimal total,
                               String runnerUp, BigDecimal runnerUpTotal, String outcome) implements AboutLot {

    public boolean isWinnerFound() {
        return winnerTenderId != null;
    }
}
