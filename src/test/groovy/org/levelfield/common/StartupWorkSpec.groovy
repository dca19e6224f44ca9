package org.levelfield.common

import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import org.levelfield.support.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * What a start of the whole service does on its main thread before it answers (issue 15, part 10: ready within 2 s).
 * Each spec here starts a server of its own, so that nothing another spec asked for is already in place.
 */
class StartupWorkSpec extends Specification {

    @Shared @AutoCleanup EmbeddedServer server = ApplicationContext.run(EmbeddedServer, TestDatabase.properties(TestDatabase.shared()) +
            ["levelfield.demo.seed": "false", "levelfield.closing.enabled": "false"], "test")

    int deserializers(ObjectMapper mapper) { mapper.deserializationContext.@_cache.cachedDeserializersCount() }

    int serializers(ObjectMapper mapper) { mapper.serializerProviderInstance.cachedSerializersCount() }

    def "building the router fetches no route's JSON reader or writer; the first request that needs one does, and it is kept"() {
        given:
        def mapper = server.applicationContext.getBean(ObjectMapper)

        expect: "Micronaut made a reader and a writer for every route's body type while it built the router, without fetching them"
        deserializers(mapper) < 5
        serializers(mapper) < 5

        when: "a sign-in with a wrong password: its body is read, its problem written"
        def client = server.applicationContext.createBean(HttpClient, server.URL)
        def signIn = { ->
            try {
                client.toBlocking().exchange(HttpRequest.POST("/api/login", [username: "nobody-" + UUID.randomUUID(), password: "wrong"]), Map)
            } catch (HttpClientResponseException e) {
                e.status
            }
        }
        def first = signIn()
        int afterFirst = deserializers(mapper)
        def second = signIn()

        then: "it is answered as before, and the reader fetched for the first request serves the second"
        first == HttpStatus.UNAUTHORIZED
        second == HttpStatus.UNAUTHORIZED
        afterFirst > 0
        deserializers(mapper) == afterFirst

        cleanup:
        client?.close()
    }
}
