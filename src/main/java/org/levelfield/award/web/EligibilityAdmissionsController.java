package org.levelfield.award.web;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.application.EligibilityAdmissions;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;

/**
 * A tender that an eligibility rule fails at award is out of the award; the commissioner can record
 * why it stays in (basis and reasons), after which the award is computed again. Read by the
 * commissioner, the scrutiny panel and admins.
 */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
public class EligibilityAdmissionsController {

    private final EligibilityAdmissions admissions;
    private final Rounds rounds;

    public EligibilityAdmissionsController(EligibilityAdmissions admissions, Rounds rounds) {
        this.admissions = admissions;
        this.rounds = rounds;
    }

    @Post("/tenders/{tenderId}/eligibility-admissions")
    @Secured("COMMISSIONER")
    public HttpResponse<EligibilityAdmissions.Admission> admit(UUID tenderId, @Nullable @Body EligibilityAdmissions.Admitting body,
                                                             Authentication authentication) {
        return HttpResponse.created(admissions.admit(tenderId, body, Actor.of(authentication)));
    }

    @Get("/rounds/{roundId}/eligibility-admissions")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<EligibilityAdmissions.Admission> ofRound(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return admissions.ofRound(roundId);
    }
}
