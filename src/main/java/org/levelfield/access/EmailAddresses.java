package org.levelfield.access;

import java.util.List;
import java.util.regex.Pattern;

import org.levelfield.common.web.ProblemException.FieldError;

/** What an email address must look like to be used for an account. */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:.]{2,}");

    private EmailAddresses() {
    }

    public static void check(List<FieldError> errors, String field, String email) {
        if (email == null || email.isBlank()) {
            errors.add(new FieldError(field, "Enter an email address"));
        } else if (email.strip().length() > 254 || !SHAPE.matcher(email.strip()).matches()) {
            errors.add(new FieldError(field, "Enter an email address in the correct format, like name@example.org"));
        }
    }
}
