package org.levelfield.common.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.levelfield.common.web.pages.PageCookies;

/**
 * The security headers every response carries: no sniffing, no referrer to other sites, no framing; a Content-Security-Policy
 * that lets pages run only the service's own scripts and styles (the API's answers run nothing at all); HSTS
 * when the request came over TLS; and no-store on everything but the static files, so nothing about tenders,
 * scores, monitoring data or accounts is kept by a browser or a proxy.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {

    static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI writes style attributes as it draws the API page; it runs only its own script from /docs/assets. */
    static final String API_DOCS = PAGES.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    static final String NOTHING = "default-src 'none'; frame-ancestors 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders h = response.getHeaders();
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin");
        h.set("X-Frame-Options", "DENY");
        String path = request.getPath();
        boolean html = response.getContentType().map(t -> t.getName().equals(MediaType.TEXT_HTML)).orElse(false);
        if (!h.contains("Content-Security-Policy")) {
            h.set("Content-Security-Policy", html ? (path.equals("/docs") ? API_DOCS : PAGES) : NOTHING);
        }
        if (PageCookies.servedOverTls(request)) {
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        boolean staticFile = path.startsWith("/assets/") || path.startsWith("/static/") || path.startsWith("/docs/assets/");
        if (!staticFile) {
            h.set("Cache-Control", "no-store");
        }
    }
}
