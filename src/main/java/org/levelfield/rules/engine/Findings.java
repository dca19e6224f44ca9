package org.levelfield.rules.engine;

import java.util.Map;

import org.kie.api.runtime.rule.RuleContext;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.LegalForce;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Subject;

/**
 * Called from a rule's consequence to make its finding:
 * {@code insert(Findings.finding(drools, $lot, "message"));}. The id, severity, legal force
 * and citation come from the rule's own {@code @id @severity @force @citation} attributes and
 * the name from the rule's name, so a finding can never disagree with the rule that made it.
 */
public final class Findings {

    private Findings() {
    }

    public static Finding finding(RuleContext drools, Subject subject, String message) {
        Map<String, Object> meta = drools.getRule().getMetaData();
        return new Finding(
                RuleMetadata.text(meta, "id"),
                drools.getRule().getName(),
                Severity.valueOf(RuleMetadata.text(meta, "severity")),
                LegalForce.valueOf(RuleMetadata.text(meta, "force")),
                RuleMetadata.text(meta, "citation"),
                subject.subjectType(),
                subject.subjectId(),
                subject.subjectLabel(),
                message);
    }
}
