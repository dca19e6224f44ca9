package org.levelfield.common.web.pages;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

/**
 * Cross-site request forgery protection for the pages (double-submit): every browser gets a random
 * form token in a SameSite=Strict, HttpOnly cookie, and every form on our pages carries the same
 * token in a hidden field. A form whose field does not match the cookie was not sent from one of
 * our pages; {@link Form#read} refuses it before anything is done, and the page is shown again with
 * what was typed. This filter only makes sure the cookie exists and hands its value to the page.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class FormTokens implements HttpServerFilter {

    public static final String FIELD = "formToken";
    static final String ATTRIBUTE = "levelfield.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!PageCookies.isPage(request.getPath())) {
            return chain.proceed(request);
        }
        Optional<String> existing = PageCookies.value(request, PageCookies.FORM_TOKEN);
        String token = existing.orElseGet(FormTokens::newToken);
        request.setAttribute(ATTRIBUTE, token);
        if (existing.isPresent()) {
            return chain.proceed(request);
        }
        return Publishers.map(chain.proceed(request), response ->
                response.cookie(PageCookies.of(request, PageCookies.FORM_TOKEN, token, Duration.ofDays(1), SameSite.Strict)));
    }

    /** The token this request's forms must carry. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse("");
    }

    /** Whether a form's token is the one in the browser's cookie (compared in constant time). */
    static boolean matches(HttpRequest<?> request, String sent) {
        Optional<String> cookie = PageCookies.value(request, PageCookies.FORM_TOKEN);
        return sent != null && cookie.isPresent()
                && MessageDigest.isEqual(cookie.get().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
