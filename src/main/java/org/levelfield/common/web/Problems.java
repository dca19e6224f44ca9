package org.levelfield.common.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds application/problem+json responses (RFC 9457). */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpRequest<?> request, HttpStatus status, String title,
                                                                   String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        body.put("detail", detail);
        if (request != null) {
            body.put("instance", request.getPath());
        }
        body.putAll(extensions);
        return io.micronaut.http.HttpResponse.<Map<String, Object>>status(status).body(body).contentType(PROBLEM_JSON);
    }
}
