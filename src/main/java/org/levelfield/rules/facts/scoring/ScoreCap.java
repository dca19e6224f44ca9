package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.DerivedFact;

/**
 * A ceiling a rule puts on a tender's score for one criterion (for example EQ-06: policy-only
 * evidence scores at most 2). A cap only ever lowers a score; it never raises one.
 */
public record ScoreCap(String tenderId, String criterionId, int cap, String ruleId, String reason) implements DerivedFact {
}
