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
        if (request != null && wantsPage(request)) {
            MutableHttpResponse<Map<String, Object>> page = page(request, status, title, detail, extensions);
            if (page != null) {
                return page;
            }
        }
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

    /** A browser asking for a page (not the API) gets the problem as a GOV.UK page. */
    static boolean wantsPage(HttpRequest<?> request) {
        return org.levelfield.common.web.pages.PageCookies.isPage(request.getPath())
                && request.getHeaders().accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MutableHttpResponse<Map<String, Object>> page(HttpRequest<?> request, HttpStatus status, String title, String detail,
                                                                 Map<String, Object> extensions) {
        Map<String, Object> model = org.levelfield.common.web.pages.Page.model(switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "You cannot see this page";
            case INTERNAL_SERVER_ERROR -> "Sorry, there is a problem with the service";
            default -> title;
        });
        model.put("status", status.getCode());
        model.put("detail", switch (status) {
            case NOT_FOUND -> "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.";
            case UNAUTHORIZED -> "Sign in to see this page.";
            default -> detail;
        });
        model.put("reference", extensions.get("reference"));
        String html = org.levelfield.common.web.pages.ErrorPages.render(request, "errors/problem", model);
        if (html == null) {
            return null;
        }
        MutableHttpResponse raw = io.micronaut.http.HttpResponse.status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE);
        return (MutableHttpResponse<Map<String, Object>>) raw;
    }
}
