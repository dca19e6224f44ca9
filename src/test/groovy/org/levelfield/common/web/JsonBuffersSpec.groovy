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

        and: 'other requests have given sets back already, as in a service that has been answering for a while'
        onNewVirtualThread { (1..5).collect { pool.acquireAndLinkPooled() }.each { it.releaseToPool() } }

        when: 'one thread gives its buffers back, and another takes every set the pool holds (giving them back afterwards)'
        BufferRecycler given = onNewVirtualThread { BufferRecycler r = pool.acquireAndLinkPooled(); r.releaseToPool(); r }
        List<BufferRecycler> taken = onNewVirtualThread {
            List<BufferRecycler> all = (0..<Math.max(pool.pooledCount(), 0)).collect { pool.acquireAndLinkPooled() }
            all.each { it.releaseToPool() }
            all
        }

        then: 'the sets made on the first thread were among them (a per-thread pool holds none for another thread)'
        taken.any { it.is(given) }
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
