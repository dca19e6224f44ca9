package org.levelfield.rules.facts;

/**
 * A fact a rule inserts for the service to act on, beside its findings: a cap on a score (EQ-06,
 * EQ-07), a reason to be rewritten (SC-02). Collected from a rule run by this type.
 */
public interface DerivedFact {
}
