package org.levelfield.common.web

import io.micronaut.context.annotation.Requires
import io.micronaut.core.annotation.Order
import io.micronaut.core.async.publisher.Publishers
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus
import io.micronaut.http.MutableHttpResponse
import io.micronaut.http.exceptions.HttpStatusException
import io.micronaut.http.filter.ServerFilterChain
import io.micronaut.http.annotation.Body
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.Post
import io.micronaut.http.annotation.RequestFilter
import io.micronaut.http.annotation.ServerFilter
import io.micronaut.scheduling.annotation.ExecuteOn
import io.micronaut.security.annotation.Secured
import io.micronaut.security.rules.SecurityRule
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.IntegrationSpec

import org.reactivestreams.Subscriber
import org.reactivestreams.Subscription

import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Issue 15, part 10: a request hops off the network thread once, every time. The arrival filter's hop puts the rest of
 * its filters on a virtual thread (with @ExecuteOn on a filter method, they continued on the network thread in 3
 * requests of 10); a controller on RequestThreads runs on that same thread, rather than on a second virtual thread
 * made for it, and never on a network thread.
 */
@MicronautTest(transactional = false)
class RequestThreadsSpec extends IntegrationSpec {

    @Inject
    EmbeddedServer server

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ["levelfield.test.thread-probe": "true"]
    }

    @Inject
    @jakarta.inject.Named(RequestThreads.NAME)
    java.util.concurrent.ExecutorService requestThreads

    def "the controllers' executor is not wrapped in a per-task timer that cannot read it"() {
        when: "the wrappers around it are unwrapped (Micronaut's own passes each request's context on)"
        def layers = [requestThreads]
        while (layers.last() instanceof io.micronaut.scheduling.instrument.InstrumentedExecutorService) {
            layers << layers.last().target
        }

        then: "Micrometer's executor metrics wrapped it in a timer per request, and logged at every start that it could not read it"
        layers.last() instanceof RequestThreads.InPlaceOnVirtualThreads
        layers.every { !it.class.name.startsWith("io.micronaut.configuration.metrics") }
    }

    def "the filters after the hop run on a virtual thread every time, and a controller in place on the same one"() {
        when:
        def gets = (1..20).collect { api("GET", "/thread-probe", null).body }
        def posts = (1..20).collect { api("POST", "/thread-probe", null, [words: "x" * 50_000]).body }

        then: "without a body to wait for, the controller runs on the thread the filters ran on"
        gets.every { it.filterVirtual && it.controllerThread == it.filterThread }

        and: "with one, on that thread or, when the body came after the filters had run, on another virtual thread"
        posts.every { it.filterVirtual && it.controllerVirtual && it.length == 50_000 }
    }

    def "a body that comes after the filters have run is read, and the controller still runs off the network threads"() {
        given: "a client that sends the headers, then the body a moment later"
        def socket = new Socket(server.host, server.port)
        byte[] body = '{"words":"sent late"}'.getBytes("UTF-8")

        when:
        socket.outputStream.write(("POST /thread-probe HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
                "Content-Length: ${body.length}\r\nConnection: close\r\n\r\n").getBytes("US-ASCII"))
        socket.outputStream.flush()
        Thread.sleep(300)
        socket.outputStream.write(body)
        socket.outputStream.flush()
        String reply = new String(socket.inputStream.readAllBytes(), "UTF-8")

        then:
        reply.startsWith("HTTP/1.1 200")
        reply.contains('"controllerVirtual":true')
        reply.contains('"length":9')

        cleanup:
        socket?.close()
    }

    def "from a virtual thread a task runs in place; from any other thread on one of the blocking executor's"() {
        given:
        def blocking = Executors.newVirtualThreadPerTaskExecutor()
        def threads = new RequestThreads.InPlaceOnVirtualThreads(blocking)

        when: "a task is given from a virtual thread"
        def fromVirtual = CompletableFuture.supplyAsync({
            long caller = Thread.currentThread().threadId()
            long ran = threads.submit({ Thread.currentThread().threadId() } as java.util.concurrent.Callable).get()
            [caller, ran]
        }, blocking).get(5, TimeUnit.SECONDS)

        and: "from a platform thread (as a network thread would)"
        def ranFromPlatform = threads.submit({ Thread.currentThread() } as java.util.concurrent.Callable).get(5, TimeUnit.SECONDS)

        then:
        fromVirtual[0] == fromVirtual[1]
        ranFromPlatform.isVirtual()
        ranFromPlatform.threadId() != Thread.currentThread().threadId()

        when: "shutting the view down leaves the blocking executor running"
        threads.shutdown()

        then:
        !blocking.isShutdown()
        threads.submit({ 1 } as java.util.concurrent.Callable).get(5, TimeUnit.SECONDS) == 1

        cleanup:
        blocking.shutdown()
    }

    def "once the service is stopping, a request the hop cannot hand over is answered 503, not left waiting"() {
        given:
        def stopped = Executors.newVirtualThreadPerTaskExecutor()
        stopped.shutdown()
        def hop = new Arrival.OffTheNetworkThread(stopped)
        def chain = { req -> Publishers.just(HttpResponse.ok()) } as ServerFilterChain
        def failure = new CompletableFuture<Throwable>()

        when:
        hop.doFilter(HttpRequest.GET("/api/me"), chain).subscribe(new Subscriber<MutableHttpResponse<?>>() {
            void onSubscribe(Subscription s) { s.request(1) }
            void onNext(MutableHttpResponse<?> r) { failure.complete(null) }
            void onError(Throwable t) { failure.complete(t) }
            void onComplete() {}
        })
        def error = failure.get(5, TimeUnit.SECONDS)

        then:
        error instanceof HttpStatusException
        ((HttpStatusException) error).status == HttpStatus.SERVICE_UNAVAILABLE
    }

    /** Notes the thread the filters after the hop run on. */
    @Requires(property = "levelfield.test.thread-probe", value = "true")
    @ServerFilter("/thread-probe")
    @Order(-2147483646) // Ordered.HIGHEST_PRECEDENCE + 2: after the arrival filter and its hop
    static class ProbeFilter {
        @RequestFilter
        void note(HttpRequest<?> request) {
            request.setAttribute("probe.thread", Thread.currentThread().threadId())
            request.setAttribute("probe.virtual", Thread.currentThread().isVirtual())
        }
    }

    @Requires(property = "levelfield.test.thread-probe", value = "true")
    @Controller("/thread-probe")
    @ExecuteOn(RequestThreads.NAME)
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class ProbeController {
        @Get
        Map<String, Object> get(HttpRequest<?> request) {
            where(request)
        }

        @Post
        Map<String, Object> post(HttpRequest<?> request, @Body Map<String, String> body) {
            where(request) + [length: body.words.length()]
        }

        private static Map<String, Object> where(HttpRequest<?> request) {
            [filterThread     : request.getAttribute("probe.thread", Long).orElse(-1L),
             filterVirtual    : request.getAttribute("probe.virtual", Boolean).orElse(false),
             controllerThread : Thread.currentThread().threadId(),
             controllerVirtual: Thread.currentThread().isVirtual()]
        }
    }
}
