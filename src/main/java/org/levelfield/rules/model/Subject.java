package org.levelfield.rules.model;

/** What a finding is about: a round, lot, criterion, tender or bidder. */
public interface Subject {
    String subjectType();

    String subjectId();

    String subjectLabel();
}
