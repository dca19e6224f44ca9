package org.levelfield.common.web.pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
        if (exception.formLost() && exception.postedTo() != null && !exception.kept().isEmpty()) {
            // Shown in place of the refused form: the answers ride along in the sign-in form, to be sent again once signed in.
            Map<String, Object> model = Page.model("Sign in to Levelfield");
            model.put("next", exception.next());
            model.put("notice", "You were signed out, so your answers have not been saved yet. Sign in and you can send them again: nothing you typed is lost.");
            model.put("resendTo", exception.postedTo());
            model.put("kept", exception.kept());
            return Page.render("access/sign-in", model, HttpStatus.UNAUTHORIZED);
        }
        String target = "/sign-in?next=" + URLEncoder.encode(exception.next(), StandardCharsets.UTF_8)
                + (exception.formLost() ? "&signedOut=form" : "");
        return HttpResponse.seeOther(URI.create(target));
    }
}
