package org.levelfield.common

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.common.database.DatabaseBootstrap
import org.levelfield.common.database.DatabaseTarget
import org.levelfield.common.database.EmbeddedPostgres
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import org.levelfield.support.TestDatabase
import spock.lang.Shared
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.Executors

/**
 * The database goes away in the middle of a burst of tenders and comes back. While it is away every request is answered
 * quickly and truthfully (503 with Retry-After; liveness still answers, readiness says the database is down); no
 * acknowledged tender is lost, none is half-written, and the service carries on by itself once the database is back.
 * It runs against a PostgreSQL started for it, so that stopping it troubles no other spec.
 */
@MicronautTest(transactional = false)
class DatabaseOutageSpec extends IntegrationSpec {

    static final Path HOME = Files.createTempDirectory("levelfield-outage-")
    @Shared static EmbeddedPostgres postgres

    @Override
    Map<String, String> getProperties() {
        postgres = EmbeddedPostgres.start(HOME)
        def target = new DatabaseTarget("127.0.0.1", postgres.port(), "levelfield", EmbeddedPostgres.SUPERUSER, "")
        DatabaseBootstrap.createDatabaseIfMissing(target)
        TestDatabase.properties(target) + [
                "datasources.default.connection-timeout" : "3000",
                "levelfield.database.watch-interval"     : "500ms",
                "levelfield.demo.seed"                   : "false",
                "levelfield.closing.enabled"             : "false",
        ]
    }

    def cleanupSpec() {
        EmbeddedPostgres.stopAndDelete(HOME)
    }

    def "tenders sent while the database stops and starts again: 503s while it is away, nothing acknowledged lost, nothing half-written"() {
        given:
        def who = people()
        def bidders = crowd(90)
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-10-15T12:00:00Z"))).body, who.commissioner).body.round
        Map lot = round.lots[1]
        def tender = RoundFixture.tender(lot, 25_000_000)
        def outcomes = new ConcurrentLinkedQueue<Map>()
        def queue = new ConcurrentLinkedQueue<String>(bidders)
        def pool = Executors.newFixedThreadPool(6)

        when: "six senders work through the crowd, a few tenders a second each, sending again after a 503 as a browser's user would"
        def senders = (1..6).collect {
            pool.submit({
                String token
                while ((token = queue.poll()) != null) {
                    for (int attempt = 0; attempt < 100; attempt++) {
                        long start = System.nanoTime()
                        def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", token, tender)
                        outcomes << [status: reply.status.code, ms: (System.nanoTime() - start).intdiv(1_000_000), tenderId: reply.body?.tenderId,
                                     retryAfter: reply.headers?.get("retry-after"), token: token]
                        Thread.sleep(150)
                        if (reply.status.code != 503) {
                            break
                        }
                    }
                }
            } as Callable)
        }
        Thread.sleep(800)
        postgres.stopServer()

        then: "while it is away, liveness answers, readiness says the database is down, and a write is refused at once with Retry-After"
        new PollingConditions(timeout: 5, delay: 0.2).eventually {
            assert api("GET", "/health/readiness", null).status == HttpStatus.SERVICE_UNAVAILABLE
        }
        timed { api("GET", "/health/liveness", null) }.with { assert it.reply.status == HttpStatus.OK; assert it.ms < 1000; true }
        timed { api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, tender) }.with {
            assert it.reply.status == HttpStatus.SERVICE_UNAVAILABLE
            assert it.reply.headers.get("retry-after") == "5"
            assert it.reply.body.detail.contains("cannot reach its database")
            assert it.ms < 1000
            true
        }

        when: "it comes back while the senders carry on"
        Thread.sleep(1500)
        postgres.startAgain()
        senders*.get()
        pool.shutdown()
        def acknowledged = outcomes.findAll { it.status == 201 }

        then: "the service recovers by itself"
        new PollingConditions(timeout: 10, delay: 0.3).eventually {
            assert api("GET", "/health/readiness", null).status == HttpStatus.OK
        }
        api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, tender).status == HttpStatus.CREATED

        and: "every request got 201 or 503, some of each, no 503 waited for long, and every organisation's tender was received in the end"
        outcomes*.status.toSet() == [201, 503] as Set
        acknowledged*.token.toSet().size() == 90
        outcomes.findAll { it.status == 503 }.every { it.retryAfter == "5" && it.ms < 4000 }

        and: "every acknowledged tender is there, whole, and nothing else is"
        acknowledged.every { ack -> api("GET", "/api/tenders/$ack.tenderId/receipt", ack.token).body.intact == true }
        count("tender", "lot_id = ?::uuid and status = 'SUBMITTED'", lot.id) == acknowledged.size() + 1
        count("audit_entry", "kind = 'TENDER_RECEIVED' and round_id = ?::uuid", round.id) == acknowledged.size() + 1
        count("eligibility_run", "lot_id = ?::uuid", lot.id) >= acknowledged.size() + 1
    }

    Map timed(Closure call) {
        long start = System.nanoTime()
        def reply = call()
        [reply: reply, ms: (System.nanoTime() - start).intdiv(1_000_000)]
    }
}
