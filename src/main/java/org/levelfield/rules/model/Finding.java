package org.levelfield.rules.model;

import java.util.Comparator;

/**
 * One rule's verdict on one subject, carrying everything needed to explain it without
 * reading the rule: id, name (the duty as a sentence), severity, legal force, citation,
 * the subject, and a plain-English message with the figures that triggered it.
 */
public record Finding(
        String ruleId,
        String ruleName,
        Severity severity,
        LegalForce force,
        String citation,
        String subjectType,
        String subjectId,
        String subjectLabel,
        String message) {

    /** Most serious first, then by rule id and subject, so the same inputs always list the same way. */
    public static final Comparator<Finding> READING_ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::subjectLabel)
            .thenComparing(Finding::message);

    public boolean isAbout(String id) {
        return subjectId.equals(id);
    }
}
