package org.levelfield.common.web;

import java.util.Map;
import java.util.UUID;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure on the service's side (a database error, a bug) is a 500 that says so, gives a
 * reference to find it in the log, and shows nothing of the internals.
 */
@Produces
@Singleton
public class UnexpectedFailureHandler implements ExceptionHandler<RuntimeException, HttpResponse<Map<String, Object>>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);

    private final org.levelfield.common.database.DatabaseWatch watch;

    public UnexpectedFailureHandler(org.levelfield.common.database.DatabaseWatch watch) {
        this.watch = watch;
    }

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, RuntimeException exception) {
        var fault = DatabaseFaults.of(exception);
        if (fault.isPresent()) {
            LOG.warn("{} on {} {}: {}", fault.get().kind(), request.getMethod(), request.getPath(), exception.getMessage());
            if (fault.get().kind() == DatabaseFaults.Kind.RACE) {
                return Problems.response(request, HttpStatus.CONFLICT, "Not allowed in this state", fault.get().message(), Map.of());
            }
            watch.reportUnreachable(exception.getMessage());
            var response = Problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", fault.get().message(), Map.of());
            response.header("Retry-After", "5");
            return response;
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected failure {} on {} {}", reference, request.getMethod(), request.getPath(), exception);
        return Problems.response(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side",
                "The request could not be completed because of a fault in the service, not in what was sent. Reference: " + reference + ".",
                Map.of("reference", reference));
    }
}
