package org.levelfield.common.web.pages;

import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

/**
 * Reads the session token from the session cookie, for pages only: the JSON API takes a bearer
 * token and never a cookie, so a form on another site cannot act through the API in someone's name.
 * The token is then checked against the database like any other (access/SessionAuthentication).
 */
@Singleton
public class SessionCookieReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!PageCookies.isPage(request.getPath())) {
            return Optional.empty();
        }
        return PageCookies.value(request, PageCookies.SESSION);
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
