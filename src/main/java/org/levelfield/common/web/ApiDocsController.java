package org.levelfield.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The API's OpenAPI 3 document at GET /openapi.yml, generated from the controllers when the code
 * compiles and completed here from the routes themselves: each operation says which roles may call
 * it ({@code x-roles}, and no security for anonymous ones) and the problem responses it can give.
 * Swagger UI at GET /docs reads it.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class ApiDocsController {

    private static final String GENERATED = "META-INF/swagger/levelfield-0.1.yml";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Bad input: which field, and why (nothing was changed)",
            "401", "Not signed in, or the session has ended",
            "403", "Your role may not do this",
            "404", "Not found (or not yours to see)",
            "409", "Not allowed in the current state: says the state and what is allowed",
            "422", "Refused by the rules, with the findings",
            "429", "Too many attempts: Retry-After says when to try again");

    private final String document;

    public ApiDocsController(Router router) {
        this.document = complete(router);
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    public String openapi() {
        return document;
    }

    @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
    public String docs() {
        return """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                  <meta charset="utf-8">
                  <title>Levelfield API</title>
                  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
                </head>
                <body>
                  <div id="api"><p>The API document is at <a href="/openapi.yml">/openapi.yml</a>. This page shows it with JavaScript (Swagger UI).</p></div>
                  <script src="/docs/assets/swagger-ui-bundle.js"></script>
                  <script src="/static/api-docs.js"></script>
                </body>
                </html>
                """;
    }

    @SuppressWarnings("unchecked")
    static String complete(Router router) {
        Yaml yaml = new Yaml();
        Map<String, Object> doc;
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(GENERATED)) {
            if (in == null) {
                throw new IllegalStateException(GENERATED + " is missing: the OpenAPI document is generated when the code compiles");
            }
            doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + GENERATED, e);
        }
        Map<String, Object> paths = (Map<String, Object>) doc.getOrDefault("paths", Map.of());
        router.uriRoutes().forEach(route -> {
            Object pathItem = paths.get(route.getUriMatchTemplate().toPathString());
            if (pathItem instanceof Map<?, ?> item && item.get(route.getHttpMethodName().toLowerCase(Locale.ROOT)) instanceof Map<?, ?> op) {
                describe((Map<String, Object>) op, route);
            }
        });
        Map<String, Object> components = (Map<String, Object>) doc.computeIfAbsent("components", k -> new LinkedHashMap<>());
        Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas", k -> new LinkedHashMap<>());
        schemas.put("Problem", Map.of("type", "object", "description", "application/problem+json (RFC 9457)", "properties", Map.of(
                "type", Map.of("type", "string"), "title", Map.of("type", "string"), "status", Map.of("type", "integer"),
                "detail", Map.of("type", "string", "description", "What was wrong, in words a person can act on"),
                "instance", Map.of("type", "string"),
                "errors", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                        Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))),
                "findings", Map.of("type", "array", "items", Map.of("type", "object")))));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(140);
        return new Yaml(options).dump(doc);
    }

    @SuppressWarnings("unchecked")
    private static void describe(Map<String, Object> operation, UriRouteInfo<?, ?> route) {
        List<String> roles = List.of(Optional.ofNullable(route.getAnnotationMetadata().stringValues(Secured.class)).orElse(new String[0]));
        boolean anonymous = roles.contains(SecurityRule.IS_ANONYMOUS);
        List<String> shown = anonymous ? List.of("anyone, signed in or not")
                : roles.isEmpty() || roles.contains(SecurityRule.IS_AUTHENTICATED) ? List.of("anyone signed in") : roles;
        operation.put("x-roles", shown);
        String who = "Who may call it: " + String.join(", ", shown) + ".";
        Object description = operation.get("description");
        operation.put("description", description == null ? who : description + "\n\n" + who);
        if (anonymous) {
            operation.put("security", new ArrayList<>());
        }
        Map<String, Object> responses = (Map<String, Object>) operation.computeIfAbsent("responses", k -> new LinkedHashMap<>());
        PROBLEMS.forEach((status, text) -> {
            if (anonymous && (status.equals("401") || status.equals("403"))) {
                return;
            }
            responses.putIfAbsent(status, Map.of("description", text, "content",
                    Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        });
    }
}
