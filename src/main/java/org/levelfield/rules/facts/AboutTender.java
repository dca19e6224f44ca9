package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/** A fact whose findings are about one tender: its subject is the tender, named by its id. */
public interface AboutTender extends Subject {

    String tenderId();

    @Override
    default String subjectType() {
        return "tender";
    }

    @Override
    default String subjectId() {
        return tenderId();
    }
}
