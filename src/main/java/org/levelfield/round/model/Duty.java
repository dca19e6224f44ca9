package org.levelfield.round.model;

/** The equality duty an EQUALITY criterion scores (catalogue EQ-01..EQ-04). */
public enum Duty {
    RACE, DISABILITY, SEX, OTHER
}
