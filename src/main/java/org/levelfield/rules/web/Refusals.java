package org.levelfield.rules.web;

import org.levelfield.common.web.ProblemException;
import org.levelfield.rules.model.Outcome;

/** Where a step the rules refused becomes a response: 422, saying why, with the findings the verdict shows. */
public final class Refusals {

    private Refusals() {
    }

    public static <T> T orRefuse(Outcome<T> outcome) {
        return outcome.orElseThrow(verdict -> ProblemException.refusedByRules(verdict.message(), verdict.shown()));
    }
}
