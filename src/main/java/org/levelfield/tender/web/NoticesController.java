package org.levelfield.tender.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.access.Actor;
import org.levelfield.common.database.Sql;

/** Notices to a bidder's organisation, for example that an amended round needs its tender resubmitted. */
@Controller("/api/notices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("BIDDER")
public class NoticesController {

    private final Sql sql;

    public NoticesController(Sql sql) {
        this.sql = sql;
    }

    public record Notice(UUID id, UUID roundId, UUID tenderId, Instant sentAt, String message) {
    }

    @Get
    public List<Notice> mine(Authentication authentication) {
        Actor actor = Actor.of(authentication);
        if (actor.organisationId() == null) {
            return List.of();
        }
        return sql.query("select * from bidder_notice where organisation_id = ? order by sent_at desc, id", rs -> new Notice(
                rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("tender_id", UUID.class),
                Sql.instant(rs, "sent_at"), rs.getString("message")), actor.organisationId());
    }
}
