package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/** A fact whose findings are about one lot: its subject is the lot, named by its id and title. */
public interface AboutLot extends Subject {

    String lotId();

    String lot();

    @Override
    default String subjectType() {
        return "lot";
    }

    @Override
    default String subjectId() {
        return lotId();
    }

    @Override
    default String subjectLabel() {
        return "Lot '" + lot() + "'";
    }
}
