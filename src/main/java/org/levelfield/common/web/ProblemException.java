package org.levelfield.common.web;

import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpStatus;

/**
 * A request that cannot be done, said in a way a person can act on. Rendered as
 * application/problem+json by {@link ProblemExceptionHandler}; nothing is changed when it is thrown
 * inside a transaction.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(HttpStatus status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** 404: the thing named does not exist (or the caller may not know it does). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", "No " + what + " with id " + id + ".", Map.of());
    }

    /** 400: one or more fields are wrong; each entry says which field and why. */
    public static ProblemException badInput(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields need fixing: " + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail, Map.of("errors", errors));
    }

    public static ProblemException badInput(String field, String message) {
        return badInput(List.of(new FieldError(field, message)));
    }

    /** 409: the thing is in a state that does not allow this; says the state and what is allowed. */
    public static ProblemException wrongState(String detail, String currentState, List<String> allowed) {
        return new ProblemException(HttpStatus.CONFLICT, "Not allowed in this state", detail,
                Map.of("currentState", currentState, "allowedActions", allowed));
    }

    /** 403: the caller may not do or see this; says why. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
    }

    /** 422: the rules refused it; carries the findings that did. */
    public static ProblemException refusedByRules(String detail, List<?> findings) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by rules", detail, Map.of("findings", findings));
    }

    /** The same refusal with each field error's field put under a prefix ("round." + "lots[0].title"), for a request nested in another. */
    @SuppressWarnings("unchecked")
    public ProblemException prefixed(String prefix) {
        Object errors = extensions.get("errors");
        if (!(errors instanceof List<?> list)) {
            return this;
        }
        return badInput(((List<FieldError>) list).stream().map(e -> new FieldError(prefix + e.field(), e.message())).toList());
    }

    public record FieldError(String field, String message) {
    }
}
