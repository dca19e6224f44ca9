package org.levelfield.scrutiny.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.scrutiny.PastDecisions;

/**
 * Past decisions over the API, for scrutiny members and admins: enter a past round as a record (and review it at
 * once), list and read the records, and review one again. A review never changes the record.
 */
@Controller("/api/scrutiny/past-decisions")
@ExecuteOn(RequestThreads.NAME)
@Secured({"SCRUTINY", "ADMIN"})
public class PastDecisionController {

    private final PastDecisions past;

    public PastDecisionController(PastDecisions past) {
        this.past = past;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> enter(@Body String body, Authentication authentication) {
        PastDecisions.Entered entered = past.enter(past.read(body), Actor.of(authentication));
        return HttpResponse.created(view(entered)).header("Location", "/api/scrutiny/past-decisions/" + entered.id());
    }

    @Get
    public List<PastDecisions.Summary> list() {
        return past.list();
    }

    @Get("/{id}")
    public Map<String, Object> read(UUID id) {
        return view(past.find(id).orElseThrow(() -> ProblemException.notFound("past decision", id)));
    }

    @Post("/{id}/reviews")
    public HttpResponse<PastDecisions.Review> review(UUID id, Authentication authentication) {
        return HttpResponse.created(past.review(id, Actor.of(authentication)));
    }

    static Map<String, Object> view(PastDecisions.Entered e) {
        return Map.of("id", e.id(), "title", e.title(), "record", e.record(), "importedAt", e.importedAt(),
                "importedBy", e.importedBy() == null ? "" : e.importedBy(), "reviews", e.reviews());
    }
}
