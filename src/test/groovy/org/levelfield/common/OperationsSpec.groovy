package org.levelfield.common

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import spock.lang.Shared

/** What an operator needs: liveness, readiness that checks the database and the rules, and Prometheus metrics. */
@MicronautTest(transactional = false)
class OperationsSpec extends IntegrationSpec {

    @Shared Map<String, String> who

    def setup() {
        if (who == null) who = people()
    }

    String text(String path, String token = null) {
        def request = HttpRequest.GET(path)
        if (token) request.bearerAuth(token)
        try {
            http.toBlocking().retrieve(request, String)
        } catch (HttpClientResponseException e) {
            "HTTP ${e.status.code}"
        }
    }

    def "liveness and readiness answer anyone; readiness checks the database and that the rules are loaded"() {
        when:
        def live = api("GET", "/health/liveness")
        def ready = api("GET", "/health/readiness")
        def detailed = api("GET", "/health/readiness", who.admin)

        then:
        live.status == HttpStatus.OK
        ready.status == HttpStatus.OK
        ready.body.status == "UP"
        detailed.body.details["levelfield-rules"].status == "UP"
        detailed.body.details["levelfield-rules"].details.ruleFiles > 90
        detailed.body.details["levelfield-rules"].details.knowledgeBases in ["ready", "being put together"]
        detailed.body.details["levelfield-database"].status == "UP"
        detailed.body.details["levelfield-database"].details.schemaVersion ==~ /\d+/
    }

    def "the connection pool starts with two connections and, once the server is up, is kept at its full size"() {
        given:
        def pool = (com.zaxxer.hikari.HikariDataSource) io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(applicationContext.getBean(javax.sql.DataSource))

        expect: "the minimum it started with is raised to the pool's size"
        applicationContext.getProperty("datasources.default.minimum-idle", Integer).get() == 2
        pool.maximumPoolSize == 20
        applicationContext.getBean(org.levelfield.common.database.PoolFill).minimumIdle() == 20

        and: "the pool opens them by itself, within its housekeeping round"
        new spock.util.concurrent.PollingConditions(timeout: 45, delay: 1).eventually {
            assert pool.hikariPoolMXBean.totalConnections == 20
        }
    }

    def "Prometheus metrics are for admins, and hold request timings by route, rule runs by stage and the outbox depth"() {
        given: "a request and a rule run"
        api("GET", "/api/rules", who.commissioner)
        def round = api("POST", "/api/rounds", who.commissioner, org.levelfield.support.RoundFixture.aRound(java.time.Instant.now().plusSeconds(86400 * 40))).body
        assert api("POST", "/api/rounds/$round.id/design-check", who.commissioner).status == HttpStatus.OK

        when:
        def metrics = text("/prometheus", who.admin)

        then:
        text("/prometheus") == "HTTP 401"
        text("/prometheus", who.commissioner) == "HTTP 403"
        metrics.contains('http_server_requests_seconds_count{')
        metrics =~ /http_server_requests_seconds_count\{[^}]*uri="\/api\/rules"/
        metrics.contains("levelfield_outbox_pending")
        metrics =~ /levelfield_rules_run_seconds_count\{[^}]*stage="ROUND_DESIGN"/
    }
}
