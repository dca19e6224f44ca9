package org.levelfield.common.web

import com.fasterxml.jackson.core.util.BufferRecycler
import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.json.JsonMapper
import io.micronaut.jackson.databind.JacksonDatabindMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.IntegrationSpec

import java.util.concurrent.Callable
import java.util.concurrent.Executors

/**
 * Issue 15, part 10: every request runs on a virtual thread of its own (common/web/RequestThreads), so Jackson's usual
 * per-thread buffers were made afresh for every body read and every answer written: about a fifth of what the
 * self-check allocated. The service's JSON factory keeps its buffers in one pool that every thread draws on.
 */
@MicronautTest(transactional = false)
class JsonBuffersSpec extends IntegrationSpec {

    @Inject
    ObjectMapper objectMapper

    @Inject
    JsonMapper jsonMapper

    def "buffers given back on one request's thread are taken up by the next request's thread"() {
        given: 'the pool of the factory that reads request bodies and writes answers'
        def pool = ((JacksonDatabindMapper) jsonMapper).objectMapper.factory._getRecyclerPool()

        when:
        BufferRecycler first = onNewVirtualThread { BufferRecycler r = pool.acquireAndLinkPooled(); r.releaseToPool(); r }
        BufferRecycler second = onNewVirtualThread { BufferRecycler r = pool.acquireAndLinkPooled(); r.releaseToPool(); r }

        then:
        first.is(second)
    }

    def "the service's object mapper draws on the same pool"() {
        expect:
        objectMapper.factory._getRecyclerPool().is(((JacksonDatabindMapper) jsonMapper).objectMapper.factory._getRecyclerPool())
    }

    def "reading and writing on many threads at once still gives each its own buffers"() {
        given:
        def executor = Executors.newVirtualThreadPerTaskExecutor()
        def bodies = (1..200).collect { n -> [n: n, text: ('x' * (n * 37)) + n] }

        when:
        def results = executor.invokeAll(bodies.collect { body ->
            ({ jsonMapper.readValue(jsonMapper.writeValueAsBytes(body), Map) } as Callable<Map>)
        })*.get()

        then:
        results == bodies

        cleanup:
        executor.close()
    }

    private static <T> T onNewVirtualThread(Closure<T> work) {
        T result = null
        Thread.ofVirtual().start { result = work() }.join()
        result
    }
}
