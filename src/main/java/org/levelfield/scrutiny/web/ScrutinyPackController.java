package org.levelfield.scrutiny.web;

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
import org.levelfield.common.web.ContentDisposition;
import org.levelfield.common.web.ProblemException;
import org.levelfield.scrutiny.ScrutinyPacks;

/**
 * The scrutiny pack over the API: a round's pack as a JSON download, and the recomputation of a pack someone holds
 * (the one downloaded, or a copy whose inputs were changed to see what they change). Reads only; nothing is stored.
 */
@Controller("/api/scrutiny")
@ExecuteOn(RequestThreads.NAME)
@Secured({"SCRUTINY", "ADMIN", "COMMISSIONER"})
public class ScrutinyPackController {

    private final ScrutinyPacks packs;

    public ScrutinyPackController(ScrutinyPacks packs) {
        this.packs = packs;
    }

    @Get(value = "/rounds/{roundId}/pack", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> pack(UUID roundId) {
        return download(packs, roundId);
    }

    @Post(value = "/packs/recompute", produces = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public ScrutinyPacks.Recomputed recompute(@Body String pack) {
        return packs.recompute(pack);
    }

    static HttpResponse<String> download(ScrutinyPacks packs, UUID roundId) {
        ScrutinyPacks.Pack pack = packs.pack(roundId).orElseThrow(() -> ProblemException.notFound("computed award for round", roundId));
        return HttpResponse.ok(packs.write(pack)).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", ContentDisposition.attachment("scrutiny-pack-" + roundId + ".json"));
    }
}
