package org.levelfield.round.model;

/** What an award criterion assesses. EQUALITY criteria name the duty they serve. */
public enum CriterionKind {
    PRICE, QUALITY, EQUALITY, SOCIAL_VALUE
}
