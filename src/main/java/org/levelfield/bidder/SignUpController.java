package org.levelfield.bidder;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** POST /api/organisations/sign-up: a bidding organisation and its first member register themselves (no sign-in). */
@Controller("/api/organisations/sign-up")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
public class SignUpController {

    private final SigningUp signingUp;

    public SignUpController(SigningUp signingUp) {
        this.signingUp = signingUp;
    }

    @Post
    public HttpResponse<Map<String, Object>> signUp(@Nullable @Body SigningUp.Registration registration) {
        return HttpResponse.accepted().body(Map.of("message", signingUp.register(registration)));
    }
}
