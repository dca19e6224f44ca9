package org.levelfield.common.identity;

/** What a person does in Levelfield. */
public enum Role {
    /** Sets up rounds, runs evaluation, proposes awards. */
    COMMISSIONER,
    /** Scores tenders. */
    EVALUATOR,
    /** Belongs to a bidding organisation; sees only its own organisation's tenders. */
    BIDDER,
    /** Reads reports, findings and history; changes nothing. */
    SCRUTINY,
    /** Manages accounts. Cannot read sealed tenders either. */
    ADMIN
}
