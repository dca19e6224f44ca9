package org.levelfield.tender.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.access.Actor;
import org.levelfield.access.Role;
import org.levelfield.common.web.Idempotency;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.SubmittingTender;
import org.levelfield.tender.application.TenderCommand;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.SealPolicy;
import org.levelfield.tender.model.Tender;

/**
 * Tenders. Bidders submit them; before the deadline only the bidder's own members can read any
 * part of one; after it, the commissioning side can.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TendersController {

    private final SubmittingTender submitting;
    private final Tenders tenders;
    private final Rounds rounds;
    private final Idempotency idempotency;
    private final Clock clock;

    public TendersController(SubmittingTender submitting, Tenders tenders, Rounds rounds, Idempotency idempotency, Clock clock) {
        this.submitting = submitting;
        this.tenders = tenders;
        this.rounds = rounds;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public record TenderView(UUID id, UUID roundId, UUID lotId, UUID organisationId, String organisation, String status,
                             long pricePence, Instant submittedAt, String sha256, List<Tender.Answer> answers) {
        static TenderView of(Tender t) {
            return new TenderView(t.id(), t.roundId(), t.lotId(), t.organisationId(), t.organisationName(), t.status(),
                    t.pricePence(), t.submittedAt(), t.contentSha256(), t.answers());
        }
    }

    @Post("/rounds/{roundId}/lots/{lotId}/tenders")
    @Secured("BIDDER")
    public HttpResponse<?> submit(UUID roundId, UUID lotId, @Body TenderCommand command,
                                  @Nullable @Header("Idempotency-Key") String key, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        var outcome = idempotency.run(actor.userId(), key, Map.of("round", roundId, "lot", lotId, "tender", command),
                HttpStatus.CREATED, () -> submitting.submit(roundId, lotId, command, actor));
        return HttpResponse.status(outcome.status()).body(outcome.body());
    }

    /** Replaces the tender with a revision before the deadline; returns a new receipt. */
    @io.micronaut.http.annotation.Put("/tenders/{id}")
    @Secured("BIDDER")
    public HttpResponse<?> revise(UUID id, @Body TenderCommand command, @Nullable @Header("Idempotency-Key") String key,
                                  Authentication authentication) {
        Actor actor = Actor.of(authentication);
        var outcome = idempotency.run(actor.userId(), key, Map.of("revise", id, "tender", command), HttpStatus.OK,
                () -> submitting.revise(id, command, actor));
        return HttpResponse.status(outcome.status()).body(outcome.body());
    }

    @Post("/tenders/{id}/withdraw")
    @Secured("BIDDER")
    public TenderView withdraw(UUID id, Authentication authentication) {
        return TenderView.of(submitting.withdraw(id, Actor.of(authentication)));
    }

    @Get("/rounds/{roundId}/tenders")
    public List<TenderView> ofRound(UUID roundId, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Instant now = clock.instant();
        if (!actor.is(Role.BIDDER) && SealPolicy.isSealed(now, round.tenderDeadline())) {
            throw sealed(round, now);
        }
        return tenders.ofRound(roundId).stream()
                .filter(t -> SealPolicy.mayRead(actor.role(), actor.organisationId(), t.organisationId(), now, round.tenderDeadline()))
                .map(TenderView::of).toList();
    }

    @Get("/tenders/{id}")
    public TenderView get(UUID id, Authentication authentication) {
        return TenderView.of(readable(id, Actor.of(authentication)));
    }

    /** Recomputes the SHA-256 of the stored tender so a bidder can check it against their receipt. */
    @Get("/tenders/{id}/receipt")
    public Map<String, Object> verify(UUID id, Authentication authentication) {
        Tender tender = readable(id, Actor.of(authentication));
        String recomputed = tender.recomputedHash();
        return Map.of("tenderId", tender.id(), "receivedAt", tender.submittedAt(), "sha256", tender.contentSha256(),
                "recomputedSha256", recomputed, "intact", recomputed.equals(tender.contentSha256()));
    }

    private Tender readable(UUID id, Actor actor) {
        Tender tender = tenders.find(id).orElseThrow(() -> ProblemException.notFound("tender", id));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        Instant now = clock.instant();
        if (SealPolicy.mayRead(actor.role(), actor.organisationId(), tender.organisationId(), now, round.tenderDeadline())) {
            return tender;
        }
        if (actor.is(Role.BIDDER)) {
            throw ProblemException.notFound("tender", id);
        }
        throw sealed(round, now);
    }

    private static ProblemException sealed(Round round, Instant now) {
        return ProblemException.forbidden("Tenders for round '" + round.title() + "' are sealed until the deadline "
                + round.tenderDeadline() + " (server time " + now + "). No one but the bidder can read them before then.");
    }
}
