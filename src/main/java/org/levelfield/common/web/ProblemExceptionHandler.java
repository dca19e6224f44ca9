package org.levelfield.common.web;

import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Map<String, Object>>> {

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, ProblemException exception) {
        return Problems.response(request, exception.status(), exception.title(), exception.getMessage(), exception.extensions());
    }
}
