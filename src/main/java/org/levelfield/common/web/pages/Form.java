package org.levelfield.common.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import org.levelfield.common.web.ProblemException;

/**
 * What a person sent in a form, as typed. Reading one checks its form token first: a form without
 * the browser's token is refused before anything is done, with a message that says to send it again.
 */
public final class Form {

    public static final String EXPIRED = "This page was open for too long or was sent from elsewhere, so nothing was saved. "
            + "Check your answers and send them again.";

    private final Map<String, List<String>> values;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The form as sent, without checking its token: for showing a refused form again. */
    public static Form of(Map<String, Object> body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((name, value) -> {
                List<String> list = new ArrayList<>();
                if (value instanceof Iterable<?> many) {
                    many.forEach(v -> list.add(String.valueOf(v)));
                } else if (value != null) {
                    list.add(String.valueOf(value));
                }
                values.put(name, list);
            });
        }
        return new Form(values);
    }

    /** The form as sent, once its token has been checked: throws a problem naming no field if the token is wrong. */
    public static Form read(HttpRequest<?> request, Map<String, Object> body) {
        Form form = of(body);
        if (!FormTokens.matches(request, form.text(FormTokens.FIELD))) {
            throw new FormRefused(form);
        }
        // PostgreSQL cannot store a NUL character: refuse it here, against its field, rather than fail in a write.
        form.values.forEach((name, values) -> {
            if (values.stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                throw ProblemException.badInput(name, "Remove the NUL character from this answer: it cannot be stored");
            }
        });
        return form;
    }

    /** For a multipart form (a file upload), whose token comes as its own part: refuses a missing or wrong one. */
    public static void requireToken(HttpRequest<?> request, String token) {
        if (!FormTokens.matches(request, token)) {
            throw new FormRefused(new Form(new LinkedHashMap<>()));
        }
    }

    /** The first value sent for a field, trimmed, or null when it was left empty or not sent. */
    public String text(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return null;
        }
        String value = list.getFirst().strip();
        return value.isEmpty() ? null : value;
    }

    /** Every value sent for a field (checkboxes), without empty ones. */
    public List<String> list(String name) {
        return values.getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Every value sent for a field, as sent (empty ones included), in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return text(name) != null;
    }

    /** Yes/no radios: true, false, or null when neither was chosen. */
    public Boolean yesNo(String name) {
        String v = text(name);
        return v == null ? null : "yes".equalsIgnoreCase(v) ? Boolean.TRUE : "no".equalsIgnoreCase(v) ? Boolean.FALSE : null;
    }

    /** The answers as typed, to put back in the page (single values as text, several as lists). */
    public Map<String, Object> typed() {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!k.equals(FormTokens.FIELD)) {
                typed.put(k, v.size() == 1 ? v.getFirst() : v);
            }
        });
        return typed;
    }

    /** A form refused because its token was missing or wrong; carries what was typed so it can be shown again. */
    public static final class FormRefused extends ProblemException {
        private final transient Form form;

        FormRefused(Form form) {
            super(io.micronaut.http.HttpStatus.FORBIDDEN, "Form not accepted", EXPIRED,
                    Map.of("errors", List.of(new FieldError("main-content", EXPIRED))));
            this.form = form;
        }

        public Form form() {
            return form;
        }
    }
}
