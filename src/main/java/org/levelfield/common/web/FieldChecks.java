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

    /** The most characters any free text of a request may hold, where no tighter limit applies. */
    public static final int MOST_TEXT = 10_000;

    /**
     * Every text anywhere in a request record (its components, lists and nested records, however deep) must be
     * at most {@code most} characters; each longer one is an error at its path ({@code lots[1].terms.termReason}).
     */
    public static void textLimits(List<FieldError> errors, String path, Object value, int most) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            if (text.length() > most) {
                errors.add(new FieldError(path, "must be " + String.format("%,d", most) + " characters or fewer; it has " + String.format("%,d", text.length())));
            }
        } else if (value instanceof java.util.List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                textLimits(errors, path + "[" + i + "]", list.get(i), most);
            }
        } else if (value.getClass().isRecord()) {
            for (java.lang.reflect.RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    textLimits(errors, path.isEmpty() ? c.getName() : path + "." + c.getName(), c.getAccessor().invoke(value), most);
                } catch (ReflectiveOperationException unreadable) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + value.getClass().getSimpleName(), unreadable);
                }
            }
        }
    }
}
