package org.levelfield.award.application;

import java.util.List;
import java.util.stream.Collectors;

import org.levelfield.common.web.ProblemException;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;

/** Every award step stops on a BLOCK the same way: 422, naming each blocking finding, and nothing stored. */
final class Blocking {

    private Blocking() {
    }

    /** @param what what is refused, e.g. "The award notice cannot be published" */
    static void refuseIfBlocked(String what, List<Finding> findings) {
        List<Finding> blocking = findings.stream().filter(f -> f.severity() == Severity.BLOCK).toList();
        if (!blocking.isEmpty()) {
            throw ProblemException.refusedByRules(what + " while " + blocking.size() + " finding(s) block it: "
                    + blocking.stream().map(f -> f.ruleId() + " " + f.message()).collect(Collectors.joining("; ")), blocking);
        }
    }
}
