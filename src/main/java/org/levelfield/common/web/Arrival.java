package org.levelfield.common.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.levelfield.common.time.ClockFactory;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * When a request reached the server. The service clock is read as the request's head is read off the network
 * ({@link ArrivalOnRead}, on the network thread), and the first filter keeps that time with the request, before it
 * waits for a worker thread or a pooled database connection;
 * a tender's receipt time is this instant, so a crowd submitting in the last second is judged by when each
 * tender arrived, not by when the service got round to it. Every instance uses its own clock (kept by NTP);
 * the database's clock would only be read once a connection was free, which is the wait this avoids.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Arrival {

    static final String ATTRIBUTE = "levelfield.arrival";

    /** The arrival source recorded in receipts. */
    public static final String REQUEST = "REQUEST_ARRIVAL";
    /** Outside a request (a scheduled job, a seed): the service clock when the work was done. */
    public static final String SERVICE_CLOCK = "SERVICE_CLOCK";

    public record Stamp(Instant at, String source) {
    }

    private final Clock clock;

    public Arrival(Clock clock) {
        this.clock = clock;
    }

    /** The time the request's head was read off the network ({@link ArrivalOnRead}), or the clock's time now. */
    @RequestFilter
    public void stamp(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, ClockFactory.stored(ArrivalOnRead.take(request).orElseGet(clock::instant)));
    }

    /**
     * Moves every request off the network threads once it is stamped: what follows (the session check in the
     * database, the form token, the controller) may wait for a pooled connection, and a network thread that waits
     * stops reading, and stamping, the requests behind it. The rest of the filters and the controller
     * ({@link RequestThreads}) run on the virtual thread this starts.
     * <p>
     * Not {@code @ExecuteOn} on a filter method: Micronaut runs such a method on the executor, but the filters after
     * it continue on whichever thread completes first, and when the (empty) method had finished before the network
     * thread looked, that was the network thread (3 requests in 10 in RequestThreadsSpec). Here the rest of the chain
     * is subscribed to on the virtual thread, every time.
     */
    @Filter(Filter.MATCH_ALL_PATTERN)
    public static class OffTheNetworkThread implements HttpServerFilter {

        private final ExecutorService blocking;

        public OffTheNetworkThread(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
            this.blocking = blocking;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }

        @Override
        public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
            PropagatedContext context = PropagatedContext.getOrEmpty();
            return response -> {
                try {
                    blocking.execute(context.wrap(() -> chain.proceed(request).subscribe(response)));
                } catch (RejectedExecutionException stopping) {
                    response.onSubscribe(new Subscription() {
                        @Override
                        public void request(long n) {
                        }

                        @Override
                        public void cancel() {
                        }
                    });
                    // Only once the service is stopping: its virtual threads take no new work.
                    response.onError(new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The service is stopping; try again shortly."));
                }
            };
        }
    }

    /** When the current request arrived, or the clock's time now when there is no request. */
    public static Stamp of(Clock clock) {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(ATTRIBUTE, Instant.class))
                .map(at -> new Stamp(at, REQUEST))
                .orElseGet(() -> new Stamp(ClockFactory.stored(clock.instant()), SERVICE_CLOCK));
    }
}
