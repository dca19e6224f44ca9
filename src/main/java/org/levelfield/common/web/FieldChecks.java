package org.levelfield.common.web;

import java.util.List;

import org.levelfield.common.web.ProblemException.FieldError;

/** Small checks shared by the request validators, each adding a field error a person can act on. */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** The value must be one of the allowed codes. */
    public static void oneOf(List<FieldError> errors, String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + allowed + (value == null ? "" : "; got '" + value + "'")));
        }
    }
}
