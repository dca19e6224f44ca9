package org.levelfield.round.model;

/** Protected characteristics (Equality Act 2010 s149(7), with marriage and civil partnership for limb (a) only). */
public enum Characteristic {
    AGE, DISABILITY, GENDER_REASSIGNMENT, MARRIAGE_CIVIL_PARTNERSHIP, PREGNANCY_MATERNITY, RACE, RELIGION_BELIEF, SEX,
    SEXUAL_ORIENTATION
}
