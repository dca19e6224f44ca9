package org.levelfield.rules.model;

import java.time.Instant;

/**
 * A finding with the named officer's justification for proceeding, if one was recorded. A WARN
 * finding must carry one before the round can go on.
 */
public record JustifiedFinding(String ruleId, String ruleName, Severity severity, LegalForce force, String citation,
                               String subjectType, String subjectId, String subjectLabel, String message,
                               Justification justification) {

    public record Justification(String officerName, String officerRole, String text, Instant recordedAt) {
    }

    public static JustifiedFinding of(Finding f, Justification justification) {
        return new JustifiedFinding(f.ruleId(), f.ruleName(), f.severity(), f.force(), f.citation(), f.subjectType(), f.subjectId(),
                f.subjectLabel(), f.message(), justification);
    }

    public Finding finding() {
        return new Finding(ruleId, ruleName, severity, force, citation, subjectType, subjectId, subjectLabel, message);
    }

    public boolean isUnansweredWarning() {
        return severity == Severity.WARN && justification == null;
    }
}
