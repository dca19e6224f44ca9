package org.levelfield.access;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/** Who the token belongs to. Sign in with POST /api/login {"username": …, "password": …}. */
@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeController {

    @Get
    public Actor me(Authentication authentication) {
        return Actor.of(authentication);
    }
}
