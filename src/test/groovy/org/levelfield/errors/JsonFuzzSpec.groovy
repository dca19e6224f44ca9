package org.levelfield.errors

import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.http.HttpMethod
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.web.router.Router
import io.micronaut.web.router.UriRouteInfo
import net.jqwik.api.Arbitraries
import net.jqwik.api.Arbitrary
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared

import java.time.Instant

/**
 * Issue 15, part 5: generated bodies of every shape (nulls, numbers of every size, text in any script with control
 * characters and NULs, very long text, lists, objects with the service's own field names holding the wrong kinds of
 * value, nesting, and bytes that are not JSON at all) sent to every JSON endpoint that takes a body, as every role and
 * none. The service never answers 5xx, and a refusal changes nothing in the database.
 */
@MicronautTest(transactional = false)
class JsonFuzzSpec extends IntegrationSpec {

    static final int BODIES_PER_ROUTE = Integer.getInteger("fuzz.bodies", 4)
    /** Field names the service reads, so that generated objects reach past "unknown field". */
    static final List<String> FIELDS = ["title", "description", "tenderDeadline", "commencementDate", "partners", "lots", "criteria", "eqia",
            "details", "name", "type", "lead", "budgetLines", "financialYear", "amountPence", "valueInclVatPence", "termMonths", "weight",
            "kind", "duty", "pricePence", "vatBasis", "answers", "criterionId", "answer", "declarations", "equalityEvidence", "monitoringPlan",
            "scores", "score", "reason", "reasons", "question", "decision", "evaluatorIds", "signatory", "signatoryRole", "username", "password",
            "email", "role", "newTenderDeadline", "lotId", "choice", "justification", "ruleId", "basis", "item", "organisationId",
            "conflicted", "registrationNumber", "legalForm", "turnoverPence", "incomePence", "staffHeadcount", "consortium", "subcontractors"]

    @Shared Map<String, String> who
    @Shared Map round
    @Shared String tenderId

    /** Any JSON value, nested up to three deep. */
    static Arbitrary<Object> json() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false),
                Arbitraries.integers(),
                Arbitraries.longs(),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.doubles(),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("\u0000\n\r<\"\\\u202e\ud83d\u00e9" as CharSequence).ofMaxLength(20),
                Arbitraries.strings().alpha().ofLength(12_000),
                Arbitraries.of("2026-13-45", "2026-02-30T25:61:00Z", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "-1", "1e400", "NaN"))
        Arbitraries.recursive({ leaf }, { Arbitrary<Object> inner ->
            Arbitraries.oneOf(inner.list().ofMaxSize(4) as Arbitrary<Object>,
                    Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().alpha().ofMaxLength(8)), inner).ofMaxSize(6) as Arbitrary<Object>)
        }, 3)
    }

    /** A body as bytes: mostly JSON, sometimes something that is not. */
    static byte[] body(ObjectMapper mapper, Random random) {
        switch (random.nextInt(10)) {
            case 0: return "{\"title\": ".bytes
            case 1: return [0xff, 0xfe, 0x00, 0x7b] as byte[]
            default: return mapper.writeValueAsBytes(json().sample())
        }
    }

    /** What a refusal must leave as it was. Failed sign-ins are recorded on purpose, so they are not counted. */
    Map<String, Long> snapshot() {
        ["round", "lot", "criterion", "tender", "score", "rule_run", "finding", "issued_document", "clarification", "organisation",
         "app_user", "attachment", "eligibility_run", "round_status_change", "round_design", "round_amendment", "past_decision", "past_decision_review"].collectEntries { [(it): count(it)] } +
                [audit: count("audit_entry", "kind not like 'SIGN_IN%' and kind not like 'LOGIN%'")]
    }

    String fill(String template) {
        String filled = template.replaceAll(/\{roundId\}|\{lotId\}|\{tenderId\}/) { m ->
            m == "{roundId}" ? round.id : m == "{lotId}" ? round.lots[0].id : tenderId
        }
        if (filled.contains("{id}")) {
            filled = filled.replace("{id}", template.startsWith("/api/rounds") ? round.id : template.startsWith("/api/tenders") ? tenderId : UUID.randomUUID().toString())
        }
        filled.replaceAll(/\{[^}]+\}/) { UUID.randomUUID().toString() }
    }

    def "every JSON endpoint, sent generated bodies as every role: never a 5xx, and a refusal changes nothing"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-10-15T12:00:00Z"))).body, who.commissioner).body.round
        tenderId = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/tenders", who.bidder, RoundFixture.tender(round.lots[1], 25_000_000)).body.tenderId
        def routes = applicationContext.getBean(Router).uriRoutes()
                .filter { it.httpMethod in [HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH] && it.uriMatchTemplate.toString().startsWith("/api/") }
                .map { UriRouteInfo r -> [r.httpMethod.name(), r.uriMatchTemplate.toString().replaceAll(/\{\?[^}]*\}/, "")] }
                .toList().collect().unique().sort { it[1] + it[0] }
        def tokens = [who.commissioner, who.bidder, who.evaluator, who.scrutiny, who.admin, null]
        def mapper = applicationContext.getBean(ObjectMapper)
        def random = new Random(20261203)
        def serverErrors = []
        def changedOnRefusal = []
        int sent = 0

        when:
        routes.each { route ->
            BODIES_PER_ROUTE.times {
                String path = fill(route[1])
                String token = tokens[random.nextInt(tokens.size())]
                byte[] bytes = body(mapper, random)
                def before = snapshot()
                def reply = api(route[0], path, token, bytes, ["Content-Type": "application/json"])
                sent++
                if (reply.status.code >= 500) {
                    serverErrors << "${route[0]} ${route[1]} -> ${reply.status.code}: ${new String(bytes, 'UTF-8').take(200)}"
                }
                if (reply.status.code >= 400 && snapshot() != before) {
                    changedOnRefusal << "${route[0]} ${route[1]} -> ${reply.status.code} changed ${snapshot().findAll { k, v -> before[k] != v }.keySet()}"
                }
            }
        }
        println "JsonFuzzSpec: ${routes.size()} routes, $sent requests"

        then:
        routes.size() > 50
        serverErrors == []
        changedOnRefusal == []

        cleanup:
        clock.followSystemClock()
    }
}
