package org.levelfield.rules.model;

/** What a rule finding does, from the catalogue's conventions (§0.1), most serious first. */
public enum Severity {
    /** The round or award cannot proceed. */
    BLOCK,
    /** The tender or bidder is disqualified or disregarded. */
    FAIL,
    /** Proceeding needs a documented, named-officer justification. */
    WARN,
    /** A person must look at it; not a legal defect in itself. */
    FLAG,
    /** For information. */
    INFO
}
