package org.levelfield.common.web.pages;

import java.time.Duration;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/**
 * The only cookies Levelfield sets, all essential: the session of a person signed in to the pages,
 * the form token that proves a form was sent from one of our pages, and the answers to the
 * eligibility questions while someone is answering them (kept in their browser, never stored here).
 * All are HttpOnly and SameSite; Secure when the page was served over TLS.
 */
public final class PageCookies {

    public static final String SESSION = "levelfield-session";
    public static final String FORM_TOKEN = "levelfield-form";
    public static final String CHECK_ANSWERS = "levelfield-check";
    public static final String COOKIES_SEEN = "levelfield-cookies-seen";

    private PageCookies() {
    }

    public static Optional<String> value(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    public static Cookie of(HttpRequest<?> request, String name, String value, Duration maxAge, SameSite sameSite) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(sameSite).secure(servedOverTls(request)).maxAge(maxAge);
    }

    public static Cookie cleared(HttpRequest<?> request, String name) {
        return of(request, name, "", Duration.ZERO, SameSite.Lax);
    }

    /** Over TLS directly, or behind a proxy that says it received the request over TLS. */
    public static boolean servedOverTls(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    /** Paths of the pages, as opposed to the JSON API, the OpenID Connect callbacks and the static files. */
    public static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/oauth/") || path.startsWith("/assets/")
                || path.startsWith("/docs/assets/") || path.startsWith("/health") || path.startsWith("/prometheus")
                || path.equals("/openapi.yml"));
    }
}
