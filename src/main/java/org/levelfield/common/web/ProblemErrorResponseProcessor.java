package org.levelfield.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Turns the framework's own errors (malformed JSON, failed validation, unknown routes, wrong
 * method, authentication) into application/problem+json with the message a person needs, and
 * never a stack trace.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        List<Map<String, String>> errors = new ArrayList<>();
        JsonFieldErrors.describe(context.getRootCause().orElse(null)).ifPresent(errors::add);
        for (Error error : errors.isEmpty() ? context.getErrors() : List.<Error>of()) {
            Map<String, String> entry = new LinkedHashMap<>();
            error.getPath().ifPresent(path -> entry.put("field", fieldName(path)));
            entry.put("message", readable(error.getMessage()));
            errors.add(entry);
        }
        errors.removeIf(e -> !e.containsKey("field") && e.get("message").equals(status.getReason()));
        String detail = errors.isEmpty() ? defaultDetail(status)
                : String.join("; ", errors.stream().map(e -> e.containsKey("field") ? e.get("field") + ": " + e.get("message") : e.get("message")).toList());
        Map<String, Object> extensions = errors.isEmpty() || errors.size() == 1 && !errors.getFirst().containsKey("field")
                ? Map.of() : Map.of("errors", errors);
        MutableHttpResponse<Map<String, Object>> problem = Problems.response(context.getRequest(), status, title(status), detail, extensions);
        base.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> problem.header(name, v));
            }
        });
        return problem;
    }

    /** Jackson's parse errors end with a source location; keep the line and column only. */
    private static String readable(String message) {
        if (message == null) {
            return "";
        }
        java.util.regex.Matcher where = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)").matcher(message);
        int cut = message.indexOf("\n at [Source");
        String text = cut < 0 ? message : message.substring(0, cut);
        text = text.replaceAll(" \\(through reference chain: [^)]*\\)", "");
        return where.find() ? text + " (line " + where.group(1) + ", column " + where.group(2) + ")" : text;
    }

    /** "createRound.request.lots[0].title" becomes "lots[0].title". */
    private static String fieldName(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Invalid request";
            case UNAUTHORIZED -> "Not signed in";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
            default -> status.getReason();
        };
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "Sign in first: POST /api/login with your username and password, then send the token as 'Authorization: Bearer <token>'.";
            case FORBIDDEN -> "Your role may not do this.";
            case NOT_FOUND -> "There is nothing at this address.";
            default -> status.getReason();
        };
    }
}
