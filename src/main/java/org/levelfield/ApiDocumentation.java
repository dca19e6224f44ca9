package org.levelfield;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's front page. The document itself is generated from the controllers when
 * the code compiles, and served at GET /openapi.yml, with Swagger UI at /docs.
 */
@OpenAPIDefinition(
        info = @Info(title = "Levelfield", version = "0.1",
                description = "Commissioning rounds with equality safeguards: round design checked by rules, sealed tenders, evaluation, "
                        + "award with due regard, and PDF justifications. Sign in with POST /api/login and send the token as "
                        + "'Authorization: Bearer <token>'. Errors are application/problem+json: 400 bad input (which field, why), "
                        + "401 not signed in, 403 not allowed for your role, 404 not found, 409 wrong state, 422 refused by rules "
                        + "(with the findings), 429 too many sign-in attempts.",
                license = @License(name = "Levelfield")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
