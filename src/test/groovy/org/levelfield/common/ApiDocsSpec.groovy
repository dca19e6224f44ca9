package org.levelfield.common

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.web.router.Router
import jakarta.inject.Inject
import org.levelfield.support.IntegrationSpec
import org.yaml.snakeyaml.Yaml

/** The API documents itself: every controller route is in the OpenAPI document, with who may call it and its problem responses. */
@MicronautTest(transactional = false)
class ApiDocsSpec extends IntegrationSpec {

    @Inject Router router

    Map document() {
        new Yaml().load(http.toBlocking().retrieve(HttpRequest.GET("/openapi.yml"), String)) as Map
    }

    def "every route of every controller under /api is in the document, with its roles"() {
        given:
        Map paths = document().paths
        // HEAD routes are the GET routes answered without a body, added by Micronaut.
        def routes = router.uriRoutes().toList().findAll { it.uriMatchTemplate.toPathString().startsWith("/api/") && it.httpMethodName != "HEAD" }

        expect:
        routes.size() > 80
        routes.every { r ->
            def op = paths[r.uriMatchTemplate.toPathString()]?.get(r.httpMethodName.toLowerCase())
            assert op != null: "${r.httpMethodName} ${r.uriMatchTemplate.toPathString()} is not in /openapi.yml"
            assert op["x-roles"]: "${r.httpMethodName} ${r.uriMatchTemplate.toPathString()} does not say who may call it"
            true
        }
    }

    def "an operation says who may call it and the problems it can answer with"() {
        given:
        Map paths = document().paths

        expect:
        paths["/api/admin/invitations"].post["x-roles"] == ["ADMIN"]
        paths["/api/admin/invitations"].post.responses["400"].content["application/problem+json"]
        paths["/api/login"].post["x-roles"] == ["anyone, signed in or not"]
        paths["/api/login"].post.security == []
        paths["/api/login"].post.responses["429"]
        document().components.securitySchemes.bearer.scheme == "bearer"
    }

    def "Swagger UI is served from the service itself at /docs"() {
        expect:
        api("GET", "/docs").status == HttpStatus.OK
        http.toBlocking().retrieve(HttpRequest.GET("/docs"), String).contains("/openapi.yml")
        http.toBlocking().exchange(HttpRequest.GET("/docs/assets/swagger-ui-bundle.js"), byte[]).body().length > 100_000
    }
}
