package org.levelfield.evaluation;

import java.util.UUID;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;

/** The abnormally-low-tender process (SC-08): notify, respond, decide. */
@Controller("/api/tenders/{tenderId}/abnormally-low")
@ExecuteOn(RequestThreads.NAME)
public class AbnormallyLowController {

    private final AbnormallyLowTenders process;

    public AbnormallyLowController(AbnormallyLowTenders process) {
        this.process = process;
    }

    @Get
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public AbnormallyLowTenders.Process get(UUID tenderId) {
        return process.find(tenderId).orElseThrow(() -> ProblemException.notFound("abnormally-low process for tender", tenderId));
    }

    @Post("/notify")
    @Secured("COMMISSIONER")
    public AbnormallyLowTenders.Process notifyBidder(UUID tenderId, @Body AbnormallyLowTenders.Asking body, Authentication authentication) {
        return process.notifyBidder(tenderId, body, Actor.of(authentication));
    }

    @Post("/respond")
    @Secured("BIDDER")
    public AbnormallyLowTenders.Process respond(UUID tenderId, @Body AbnormallyLowTenders.Responding body, Authentication authentication) {
        return process.respond(tenderId, body, Actor.of(authentication));
    }

    @Post("/decide")
    @Secured("COMMISSIONER")
    public AbnormallyLowTenders.Process decide(UUID tenderId, @Body AbnormallyLowTenders.Deciding body, Authentication authentication) {
        return process.decide(tenderId, body, Actor.of(authentication));
    }
}
