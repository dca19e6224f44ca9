package org.levelfield.bidder;

import java.util.UUID;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The eligibility self-check: open to anyone, with or without an account. Stores nothing. */
@Controller("/api/rounds/{roundId}/lots/{lotId}/eligibility-check")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
public class EligibilityController {

    private final CheckingEligibility checking;

    public EligibilityController(CheckingEligibility checking) {
        this.checking = checking;
    }

    @Post
    public CheckingEligibility.Check check(UUID roundId, UUID lotId, @Body CheckingEligibility.Profile profile) {
        return checking.check(roundId, lotId, profile);
    }
}
