package org.levelfield.common.web;

import java.util.Map;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.levelfield.common.database.DatabaseWatch;

/**
 * While the database is away, every request that needs it (all but the health checks and the static files) is answered
 * 503 with Retry-After at once, and nothing is attempted; see common/database/DatabaseWatch.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class DatabaseGate {

    private static final String UNAVAILABLE = "levelfield.database-unavailable";
    private static volatile DatabaseWatch current;

    private final DatabaseWatch watch;

    public DatabaseGate(DatabaseWatch watch) {
        this.watch = watch;
        current = watch;
    }

    /**
     * The session check found the database gone: the request it refused is answered 503, not 401 (the person's token
     * is fine), and the watch is told at once.
     */
    public static void markUnavailable(String error) {
        io.micronaut.http.context.ServerRequestContext.currentRequest().ifPresent(r -> r.setAttribute(UNAVAILABLE, true));
        DatabaseWatch watch = current;
        if (watch != null) {
            watch.reportUnreachable(error);
        }
    }

    @io.micronaut.http.annotation.ResponseFilter
    @io.micronaut.core.annotation.Nullable
    public HttpResponse<?> notSignedOut(HttpRequest<?> request, io.micronaut.http.MutableHttpResponse<?> response) {
        if (response.getStatus() == HttpStatus.UNAUTHORIZED && request.getAttribute(UNAVAILABLE).isPresent()) {
            return unavailable(request);
        }
        return null;
    }

    private static io.micronaut.http.MutableHttpResponse<?> unavailable(HttpRequest<?> request) {
        var response = Problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", DatabaseFaults.unavailable().message(), Map.of());
        response.header("Retry-After", "5");
        return response;
    }

    @RequestFilter
    @io.micronaut.core.annotation.Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (watch.isUp()) {
            return null;
        }
        String path = request.getPath();
        if (path.startsWith("/health") || path.startsWith("/assets/") || path.startsWith("/static/") || path.startsWith("/docs/assets/")) {
            return null;
        }
        return unavailable(request);
    }
}
