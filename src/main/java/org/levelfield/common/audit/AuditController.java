package org.levelfield.common.audit;

import java.util.List;
import java.util.UUID;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** The audit trail: a round's entries in order, and a check of the whole chain. */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
@Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Get("/rounds/{roundId}/audit")
    public List<AuditTrail.Entry> ofRound(UUID roundId) {
        return trail.ofRound(roundId);
    }

    /** Recomputes every entry's hash from the first; says whether the chain is intact and, if not, where it breaks. */
    @Get("/audit/verify")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }
}
