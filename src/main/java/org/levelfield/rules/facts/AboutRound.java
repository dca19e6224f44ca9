package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/** A fact whose findings are about a round as a whole: its subject is the round, named by its id. */
public interface AboutRound extends Subject {

    String roundId();

    @Override
    default String subjectType() {
        return "round";
    }

    @Override
    default String subjectId() {
        return roundId();
    }
}
