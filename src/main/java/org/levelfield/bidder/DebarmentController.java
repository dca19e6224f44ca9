package org.levelfield.bidder;

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

/**
 * The debarment list over the API, for commissioners and admins: its entries (removed ones included), recording an
 * entry from the published list, and marking one removed. Eligibility checks read the entries in force (SEL-01).
 */
@Controller("/api/debarment-list")
@ExecuteOn(RequestThreads.NAME)
@Secured({"COMMISSIONER", "ADMIN"})
public class DebarmentController {

    public record Removal(@Nullable String reason) {
    }

    private final DebarmentList list;

    public DebarmentController(DebarmentList list) {
        this.list = list;
    }

    @Get
    public List<DebarmentList.Entry> entries() {
        return list.all();
    }

    @Post
    public HttpResponse<DebarmentList.Entry> record(@Nullable @Body DebarmentList.EntryCommand body, Authentication authentication) {
        DebarmentList.Entry entry = list.add(body, Actor.of(authentication));
        return HttpResponse.created(entry).header("Location", "/api/debarment-list/" + entry.id());
    }

    @Post("/{id}/removal")
    public DebarmentList.Entry remove(UUID id, @Nullable @Body Removal body, Authentication authentication) {
        return list.remove(id, body == null ? null : body.reason(), Actor.of(authentication));
    }
}
