package org.levelfield.round.model;

/**
 * The needs an equality duty asks authorities to have due regard to. The s149 limbs (from 5 April
 * 2011) and the limbs of the race (2001), disability (2006) and gender (2007) duties before it.
 */
public enum Limb {
    /** s149(1)(a); race (a); disability (a). */
    ELIMINATE_DISCRIMINATION,
    /** s149(1)(b). */
    ADVANCE_EQUALITY,
    /** s149(1)(c). */
    FOSTER_GOOD_RELATIONS,
    /** Race duty (b): promote equality of opportunity and good relations between racial groups. */
    PROMOTE_EQUALITY_AND_GOOD_RELATIONS,
    /** Disability (b). */
    ELIMINATE_HARASSMENT,
    /** Disability (c); gender (b). */
    PROMOTE_EQUALITY,
    /** Disability (d): take steps to take account of disabilities, even where that means more favourable treatment. */
    TAKE_ACCOUNT_OF_DISABILITIES,
    /** Disability (e). */
    PROMOTE_POSITIVE_ATTITUDES,
    /** Disability (f). */
    ENCOURAGE_PARTICIPATION,
    /** Gender (a): eliminate unlawful discrimination and harassment. */
    ELIMINATE_DISCRIMINATION_AND_HARASSMENT
}
