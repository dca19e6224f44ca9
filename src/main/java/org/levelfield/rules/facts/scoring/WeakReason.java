package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.DerivedFact;

/**
 * Derived by SC-02: an evaluator's reason that restates the descriptor or cites nothing in the
 * tender. It must be rewritten (the original is kept) before the assessment summaries that show it
 * are sent (AW-03).
 */
public record WeakReason(String tenderId, String criterionId, String evaluatorId, String evaluator, String criterion, String reason)
        implements DerivedFact {
}
