package org.levelfield.tender.web;

import java.util.List;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.mail.Notices;

/**
 * Notices to the signed-in bidder's organisations: an amended round needing a tender resubmitted,
 * a clarification published, an eligibility result that changed.
 */
@Controller("/api/notices")
@ExecuteOn(RequestThreads.NAME)
@Secured("BIDDER")
public class NoticesController {

    private final Notices notices;

    public NoticesController(Notices notices) {
        this.notices = notices;
    }

    @Get
    public List<Notices.Notice> mine(Authentication authentication) {
        return notices.ofOrganisations(Actor.of(authentication).organisations());
    }
}
