package org.levelfield.tender

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpStatus
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/**
 * A crowd in the last second: 200 organisations send their tenders one second before the deadline, at once.
 * Each is judged by when it reached the server, not by when a worker and a database connection were free:
 * all are received, each stamped when it arrived: a tender answered seconds later (after the queue of workers and
 * database connections) is stamped within a fraction of that, never with the time it was processed. How close the
 * stamp is to the send under load is a speed target, measured against the packaged service by bench/CrowdBenchmark.java
 * (bash bench/run-crowd.sh), not asserted to the millisecond here: this JVM holds the senders as well as the service, and
 * a 100 ms bound failed on a slower machine for the code that met it before. One organisation sending the same tender ten
 * times at once, without an Idempotency-Key, gets one receipt and nine conflicts.
 */
@MicronautTest(transactional = false)
@Property(name = "levelfield.closing.grace", value = "30s")
@Property(name = "levelfield.closing.enabled", value = "false")
class DeadlineUnderLoadSpec extends IntegrationSpec {

    static final int CROWD = 200

    @Inject EmbeddedServer server

    /** A published round whose deadline is {@code secondsAhead} of the real clock, which the service then follows. */
    Map roundClosingIn(Map who, int secondsAhead) {
        Instant deadline = Instant.now().plusSeconds(secondsAhead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        clock.set(deadline.minus(Duration.ofDays(40)))
        def body = RoundFixture.aRound(deadline, LocalDate.now().plusMonths(4))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, body).body, who.commissioner).body.round
        clock.followSystemClock()
        round
    }

    /**
     * Sends the same tender for each token at {@code at}, each over its own connection opened beforehand, and notes the
     * moment each request's bytes were written to the socket. One thread writes every request, one after another, as
     * the network would deliver them from many browsers: 200 sender threads woken at once on this machine's two CPUs
     * kept the service's network threads from running for up to 0.6 s (a crowd on other machines does not take the
     * server's CPUs). One thread per connection waits for its answer, blocked in its read from before the first write, using
     * no CPU (readers all released by a latch after the last write woke 200 threads at once, and delayed the service's reads).
     */
    List<Map> sendAll(List<String> tokens, String path, Map tender, Instant at) {
        byte[] json = JsonOutput.toJson(tender).getBytes("UTF-8")
        List<Socket> sockets = tokens.collect { new Socket(server.host, server.port).tap { it.tcpNoDelay = true } }
        List<byte[]> requests = tokens.collect { token ->
            byte[] head = ("POST $path HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer $token\r\nContent-Type: application/json\r\n"
                    + "Content-Length: ${json.length}\r\nConnection: close\r\n\r\n").getBytes("US-ASCII")
            byte[] request = new byte[head.length + json.length]
            System.arraycopy(head, 0, request, 0, head.length)
            System.arraycopy(json, 0, request, head.length, json.length)
            request
        }
        Instant[] sent = new Instant[tokens.size()]
        def written = new CountDownLatch(tokens.size())
        // Platform threads, as separate browsers are: the service's own work runs on virtual threads and must not hold up the readers.
        def pool = Executors.newFixedThreadPool(tokens.size())
        def futures = (0..<tokens.size()).collect { int i ->
            pool.submit({
                Socket socket = sockets[i]
                String response = new String(socket.inputStream.readAllBytes(), "UTF-8")
                Instant answered = Instant.now()
                written.await()
                long answeredMillis = Duration.between(sent[i], answered).toMillis()
                socket.close()
                int status = response.substring(9, 12) as int
                String body = response.substring(response.indexOf("\r\n\r\n") + 4)
                if (response.toLowerCase().contains("transfer-encoding: chunked")) {
                    body = unchunk(body)
                }
                [status: status, sent: sent[i], answeredMillis: answeredMillis, body: body ? new JsonSlurper().parseText(body) : null]
            } as java.util.concurrent.Callable<Map>)
        }
        // The service and these senders share one JVM: collect the garbage now, while everyone waits, so that a collection
        // pausing both sides mid-burst is not counted as the service being late (a clean-clone CI run once saw p95 109 ms).
        System.gc()
        while (Instant.now().isBefore(at)) {
            Thread.sleep(5)
        }
        for (int i = 0; i < tokens.size(); i++) {
            sent[i] = Instant.now()
            sockets[i].outputStream.write(requests[i])
            sockets[i].outputStream.flush()
            written.countDown()
        }
        def results = futures.collect { it.get() }
        pool.shutdown()
        results
    }

    static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder()
        int i = 0
        while (true) {
            int eol = chunked.indexOf("\r\n", i)
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16)
            if (size == 0) {
                return out.toString()
            }
            out.append(chunked, eol + 2, eol + 2 + size)
            i = eol + 2 + size + 2
        }
    }

    /**
     * The same 200 organisations first send a tender for the round's other lot, 14 s before the deadline: a service at a
     * deadline has been taking tenders for weeks, and a JVM that has never run the submission's code runs it interpreted
     * and compiles it while the crowd waits (docs/benchmarks.md, "A crowd at the deadline": the arrival lags of the first
     * burst after a start were up to 280 ms, of a later one under 100 ms). The lags printed are the second burst's.
     */
    def "200 organisations sending one second before the deadline are all received, each stamped at its arrival, not when it was processed"() {
        given:
        def who = people()
        def crowd = crowd(CROWD)
        def round = roundClosingIn(who, 25)
        Map lot = round.lots[1]
        Instant deadline = Instant.parse(round.tenderDeadline)

        when:
        def earlier = sendAll(crowd, "/api/rounds/$round.id/lots/${round.lots[0].id}/tenders", RoundFixture.tender(round.lots[0], 25_000_000),
                deadline.minusSeconds(14))
        def results = sendAll(crowd, "/api/rounds/$round.id/lots/$lot.id/tenders", RoundFixture.tender(lot, 25_000_000), deadline.minusSeconds(1))
        def lags = results.findAll { it.status == 201 }.collect { Duration.between(it.sent, Instant.parse(it.body.receivedAt)).toMillis() }

        then: "every tender is received, none as late, on both lots"
        earlier.countBy { it.status } == [201: CROWD]
        results.countBy { it.status } == [201: CROWD]
        results.every { it.body.receivedAtSource == "REQUEST_ARRIVAL" }
        results.every { Instant.parse(it.body.receivedAt).isBefore(deadline) }

        and: "each receipt time is the arrival: well under a second after sending, and before the answer, which takes seconds for the last"
        def quartiles = { List<Long> xs -> xs.sort().with { [it[0], it[it.size().intdiv(2)], it[(int) (it.size() * 0.95)], it[-1]] } }
        def earlierLags = earlier.collect { Duration.between(it.sent, Instant.parse(it.body.receivedAt)).toMillis() }
        println "first burst after the start, lags: " + quartiles(earlierLags) + "; answered after: " + quartiles(earlier*.answeredMillis)
        println "lags: " + quartiles(lags) + "; answered after (ms, min/median/p95/max): " + quartiles(results*.answeredMillis)
        lags.max() < 1000
        results.findAll { it.status == 201 }.every { Duration.between(it.sent, Instant.parse(it.body.receivedAt)).toMillis() <= it.answeredMillis }
        results*.answeredMillis.max() > 2 * lags.max()
        lags.min() > -5

        and: "the receipt shows where its time came from"
        api("GET", "/api/tenders/${results[0].body.tenderId}/receipt", crowd[0]).body.receivedAtSource == "REQUEST_ARRIVAL"
        count("tender", "lot_id = ?::uuid and status = 'SUBMITTED'", lot.id) == CROWD
        count("tender", "round_id = ?::uuid and status = 'SUBMITTED'", round.id) == 2 * CROWD
    }

    def "ten copies of one organisation's tender sent at once without an Idempotency-Key give one receipt and nine conflicts, never a 500"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-10-15T12:00:00Z"))).body, who.commissioner).body.round
        Map lot = round.lots[1]

        when:
        def results = sendAll([who.bidder] * 10, "/api/rounds/$round.id/lots/$lot.id/tenders", RoundFixture.tender(lot, 25_000_000), Instant.now())

        then:
        results.countBy { it.status } == [201: 1, 409: 9]
        // A copy that arrives after the first is committed is told of the organisation's own tender; one that raced it is
        // told only that another request got there first. Either way it is a 409 about this organisation, never a 500.
        results.findAll { it.status == 409 }.every { it.body.status == 409 && it.body.title }
        count("tender", "lot_id = ?::uuid and status = 'SUBMITTED'", lot.id) == 1
    }
}
