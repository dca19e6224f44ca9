package org.levelfield.rules.model;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the rules said about a step: every finding, those that refuse it, and the run that recorded them.
 *
 * @param what     the step as refused, e.g. "The award notice cannot be published"
 * @param shown    the findings a refusal shows to the person refused (the refusing ones, or all of them where the step says so)
 * @param reason   the refusal's own wording, or null for the usual "… while n finding(s) block it: …"
 * @param runId    the recorded rule run, or null where the step records none
 */
public record Verdict(String what, List<Finding> findings, List<Finding> refusing, List<?> shown, String reason, UUID runId) {

    public Verdict {
        findings = List.copyOf(findings);
        refusing = List.copyOf(refusing);
        shown = shown == null ? refusing : List.copyOf(shown);
    }

    /** The usual verdict: refused by any BLOCK finding, showing those. */
    public static Verdict blockedBy(String what, List<Finding> findings, UUID runId) {
        return new Verdict(what, findings, findings.stream().filter(f -> f.severity() == Severity.BLOCK).toList(), null, null, runId);
    }

    public boolean refused() {
        return !refusing.isEmpty();
    }

    /** Why the step is refused, naming each refusing finding. */
    public String message() {
        return reason != null ? reason : what + " while " + refusing.size() + " finding(s) block it: "
                + refusing.stream().map(f -> f.ruleId() + " " + f.message()).collect(Collectors.joining("; "));
    }
}
