package org.levelfield.common.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of a JSON body could not be read and why, in words a person can act on:
 * {@code lots[0].valueInclVatPence: must be a whole number, got 1000.5}.
 */
public final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    public static Optional<Map<String, String>> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                Map<String, String> error = new LinkedHashMap<>();
                error.put("field", path(mapping));
                error.put("message", message(mapping));
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request; known fields are " + unknown.getKnownPropertyIds();
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().equals(NoNulStrings.MESSAGE)) {
            return NoNulStrings.MESSAGE;
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String got = e instanceof InvalidFormatException format ? ", got '" + format.getValue() + "'" : "";
        if (target == null) {
            return "could not be read";
        }
        if (target == Long.class || target == long.class || target == Integer.class || target == int.class) {
            return "must be a whole number" + (got.isEmpty() ? " (no fractions)" : got);
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date as YYYY-MM-DD" + got;
        }
        if (target == java.time.Instant.class) {
            return "must be an ISO instant such as 2026-12-18T12:00:00Z" + got;
        }
        if (target == java.util.UUID.class) {
            return "must be an id (a UUID)" + got;
        }
        if (target == java.math.BigDecimal.class) {
            return "must be a number" + got;
        }
        return "must be " + target.getSimpleName() + got;
    }
}
