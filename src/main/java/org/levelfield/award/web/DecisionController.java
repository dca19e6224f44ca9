package org.levelfield.award.web;

import org.levelfield.rules.web.Refusals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.application.AwardSignOffs;
import org.levelfield.award.application.DecidingAward;
import org.levelfield.award.application.DueRegardRecords;
import org.levelfield.award.application.NotifyingAward;
import org.levelfield.award.model.DueRegardRecord;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;

/**
 * The award decision, step by step: the due-regard record, each partner's sign-off, a decision per
 * lot, the assessment summaries, the contract award notice with its standstill, and the contract's
 * signing. Commissioners record each step; commissioners, the scrutiny panel and admins read them.
 */
@Controller("/api/rounds/{roundId}")
@ExecuteOn(RequestThreads.NAME)
public class DecisionController {

    private final DueRegardRecords records;
    private final AwardSignOffs signOffs;
    private final DecidingAward deciding;
    private final NotifyingAward notifying;
    private final Rounds rounds;

    public DecisionController(DueRegardRecords records, AwardSignOffs signOffs, DecidingAward deciding, NotifyingAward notifying, Rounds rounds) {
        this.records = records;
        this.signOffs = signOffs;
        this.deciding = deciding;
        this.notifying = notifying;
        this.rounds = rounds;
    }

    @Put("/due-regard")
    @Secured("COMMISSIONER")
    public DueRegardRecords.Version recordDueRegard(UUID roundId, @Nullable @Body DueRegardRecord body, Authentication authentication) {
        return records.save(roundId, body, Actor.of(authentication));
    }

    /** The record in force and every earlier version. */
    @Get("/due-regard")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public Map<String, Object> dueRegard(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        List<DueRegardRecords.Version> versions = records.versions(roundId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("current", versions.isEmpty() ? null : versions.getLast());
        out.put("versions", versions);
        return out;
    }

    @Get("/award/sign-offs")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<AwardSignOffs.PartnerSignOff> awardSignOffs(UUID roundId) {
        return signOffs.of(rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId)));
    }

    @Post("/award/sign-offs/{partnerId}")
    @Secured("COMMISSIONER")
    public HttpResponse<AwardSignOffs.PartnerSignOff> signOff(UUID roundId, UUID partnerId, @Nullable @Body AwardSignOffs.Signing body,
                                                              Authentication authentication) {
        return HttpResponse.created(signOffs.sign(roundId, partnerId, body, Actor.of(authentication)));
    }

    @Post("/lots/{lotId}/decision")
    @Secured("COMMISSIONER")
    public HttpResponse<DecidingAward.Decided> decide(UUID roundId, UUID lotId, @Nullable @Body DecidingAward.Deciding body,
                                                      Authentication authentication) {
        return HttpResponse.created(Refusals.orRefuse(deciding.decide(roundId, lotId, body, Actor.of(authentication))));
    }

    @Get("/decisions")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<DecidingAward.Decided> decisions(UUID roundId) {
        return deciding.of(roundId);
    }

    @Post("/assessment-summaries")
    @Secured("COMMISSIONER")
    public HttpResponse<List<NotifyingAward.SentSummary>> sendSummaries(UUID roundId, Authentication authentication) {
        return HttpResponse.created(Refusals.orRefuse(notifying.sendSummaries(roundId, Actor.of(authentication))));
    }

    @Get("/assessment-summaries")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<NotifyingAward.SentSummary> summaries(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return notifying.sent(roundId);
    }

    @Post("/award-notice")
    @Secured("COMMISSIONER")
    public HttpResponse<NotifyingAward.AwardNotice> publishNotice(UUID roundId, @Nullable @Body NotifyingAward.Publishing body,
                                                                  Authentication authentication) {
        return HttpResponse.created(Refusals.orRefuse(notifying.publishNotice(roundId, body, Actor.of(authentication))));
    }

    /** The award notice and its standstill: open to every signed-in user, as the notice itself is public. */
    @Get("/award-notice")
    @Secured(io.micronaut.security.rules.SecurityRule.IS_AUTHENTICATED)
    public NotifyingAward.AwardNotice notice(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return notifying.notice(roundId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Not found",
                "No contract award notice has been published for this round yet.", Map.of()));
    }

    @Post("/contract-signed")
    @Secured("COMMISSIONER")
    public NotifyingAward.AwardNotice contractSigned(UUID roundId, @Nullable @Body NotifyingAward.Signing body, Authentication authentication) {
        return Refusals.orRefuse(notifying.recordSigning(roundId, body, Actor.of(authentication)));
    }
}
