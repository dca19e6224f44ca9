package org.levelfield.common.web.pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Sends a person who is not (or no longer) signed in to the sign-in page, which brings them back afterwards. */
@Produces
@Singleton
@Requires(classes = {SignInRequired.class, ExceptionHandler.class})
public class SignInRequiredHandler implements ExceptionHandler<SignInRequired, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, SignInRequired exception) {
        String target = "/sign-in?next=" + URLEncoder.encode(exception.next(), StandardCharsets.UTF_8)
                + (exception.formLost() ? "&signedOut=form" : "");
        return HttpResponse.seeOther(URI.create(target));
    }
}
