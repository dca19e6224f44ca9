package org.levelfield.tender.application;

import org.levelfield.common.identity.Actor;
import org.levelfield.round.model.Round;
import org.levelfield.tender.model.Tender;

/**
 * Whether a person may open a sealed tender after the deadline. The evaluation panels decide it for
 * evaluators (on the lot's panel, declared, not conflicted); tender pages and files only ask.
 */
public interface TenderOpening {

    /** Throws a forbidden problem saying which step is missing, if this person may not open the tender. */
    void requireMayOpen(Round round, Tender tender, Actor actor);

    boolean mayOpen(Round round, Tender tender, Actor actor);
}
