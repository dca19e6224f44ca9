package org.levelfield.rules.facts;

/**
 * Derived by the regime rules: which set of rules governs a round as a whole, so that the procurement rules that do not
 * apply to it are switched off or changed, and say so.
 *
 * @param code   COVERED (a covered procurement: the full procurement rules), BELOW_THRESHOLD (below the threshold,
 *               REG-04), PSR (every lot is relevant health care under the Provider Selection Regime, REG-03) or GRANT (a
 *               grant in substance, outside procurement law, REG-05)
 * @param reason in words, why
 */
public record ProcurementScope(String roundId, String code, String reason) implements DerivedFact {

    public boolean isCovered() {
        return "COVERED".equals(code);
    }
}
