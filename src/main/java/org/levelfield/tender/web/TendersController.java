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
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.bidder.CheckingEligibility;
import org.levelfield.bidder.EligibilityChanges;
import org.levelfield.bidder.EligibilityRuns;
import org.levelfield.common.web.Idempotency;
import org.levelfield.tender.model.Blinding;
import org.levelfield.tender.application.TenderOpening;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.RecheckingEligibility;
import org.levelfield.tender.application.Sealing;
import org.levelfield.tender.application.SubmittingTender;
import org.levelfield.tender.application.TenderCommand;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.SealPolicy;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/**
 * Tenders. Bidders submit them; before the deadline only the bidder's own members can read any
 * part of one; after it, the commissioning side can.
 */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TendersController {

    private final SubmittingTender submitting;
    private final Tenders tenders;
    private final Rounds rounds;
    private final Idempotency idempotency;
    private final EligibilityRuns eligibility;
    private final RecheckingEligibility rechecking;
    private final TenderOpening panels;
    private final Sealing sealing;
    private final Clock clock;

    public TendersController(SubmittingTender submitting, Tenders tenders, Rounds rounds, Idempotency idempotency,
                             EligibilityRuns eligibility, RecheckingEligibility rechecking, TenderOpening panels, Sealing sealing, Clock clock) {
        this.sealing = sealing;
        this.eligibility = eligibility;
        this.rechecking = rechecking;
        this.panels = panels;
        this.submitting = submitting;
        this.tenders = tenders;
        this.rounds = rounds;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public record TenderView(UUID id, UUID roundId, UUID lotId, UUID organisationId, String organisation, String status,
                             Long pricePence, String vatBasis, Instant submittedAt, String sha256, List<Tender.Answer> answers,
                             TenderDetails details, List<Tender.AttachmentRef> attachments) {
        static TenderView of(Tender t) {
            return new TenderView(t.id(), t.roundId(), t.lotId(), t.organisationId(), t.organisationName(), t.status(),
                    t.pricePence(), t.details().vatBasis(), t.submittedAt(), t.contentSha256(), t.answers(), t.details(), t.attachments());
        }

        /** As a blind evaluator sees it: the bidder replaced by its label. */
        TenderView blinded(String label) {
            return new TenderView(id, roundId, lotId, null, label, status, pricePence, vatBasis, submittedAt, sha256, answers, details, attachments);
        }
    }

    @Post("/rounds/{roundId}/lots/{lotId}/tenders")
    @Secured("BIDDER")
    public HttpResponse<?> submit(UUID roundId, UUID lotId, @Body TenderCommand command,
                                  @Nullable @Header("Idempotency-Key") String key,
                                  @Nullable @Header(Actor.ACTING_FOR_HEADER) UUID actingFor, Authentication authentication) {
        Actor actor = Actor.of(authentication).actingFor(actingFor);
        var outcome = idempotency.run(actor.userId(), key, Map.of("round", roundId, "lot", lotId, "tender", command),
                HttpStatus.CREATED, () -> submitting.submit(roundId, lotId, command, actor));
        return HttpResponse.status(outcome.status()).body(outcome.body());
    }

    /** Replaces the tender with a revision before the deadline; returns a new receipt. */
    @Put("/tenders/{id}")
    @Secured("BIDDER")
    public HttpResponse<?> revise(UUID id, @Body TenderCommand command, @Nullable @Header("Idempotency-Key") String key,
                                  Authentication authentication) {
        Actor actor = Actor.of(authentication);
        var outcome = idempotency.run(actor.userId(), key, Map.of("revise", id, "tender", command), HttpStatus.OK,
                () -> submitting.revise(id, command, actor));
        return HttpResponse.status(outcome.status()).body(outcome.body());
    }

    /** Saves the organisation's draft for the lot; a draft may be incomplete and has no receipt. */
    @Post("/rounds/{roundId}/lots/{lotId}/drafts")
    @Secured("BIDDER")
    public TenderView saveDraft(UUID roundId, UUID lotId, @Body TenderCommand command,
                                @Nullable @Header(Actor.ACTING_FOR_HEADER) UUID actingFor, Authentication authentication) {
        return TenderView.of(submitting.saveDraft(roundId, lotId, command, Actor.of(authentication).actingFor(actingFor)));
    }

    @Put("/drafts/{id}")
    @Secured("BIDDER")
    public TenderView updateDraft(UUID id, @Body TenderCommand command, Authentication authentication) {
        return TenderView.of(submitting.updateDraft(id, command, Actor.of(authentication)));
    }

    /** Submits the draft as it stands; returns the receipt. */
    @Post("/drafts/{id}/submit")
    @Secured("BIDDER")
    public HttpResponse<?> submitDraft(UUID id, @Nullable @Header("Idempotency-Key") String key, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        var outcome = idempotency.run(actor.userId(), key, Map.of("submitDraft", id), HttpStatus.CREATED,
                () -> submitting.submitDraft(id, actor));
        return HttpResponse.status(outcome.status()).body(outcome.body());
    }

    @Delete("/drafts/{id}")
    @Secured("BIDDER")
    public TenderView discardDraft(UUID id, Authentication authentication) {
        return TenderView.of(submitting.discardDraft(id, Actor.of(authentication)));
    }

    /** Every tender and draft of the signed-in bidder's organisations, newest first. */
    @Get("/tenders/mine")
    @Secured("BIDDER")
    public List<TenderView> mine(Authentication authentication) {
        return tenders.ofOrganisations(Actor.of(authentication).organisations()).stream().map(TenderView::of).toList();
    }

    /** The eligibility rules' runs for this tender's organisation and lot (self-check, submission, award), with what changed. */
    @Get("/tenders/{id}/eligibility")
    public List<EligibilityRunView> eligibilityOfTender(UUID id, Authentication authentication) {
        Tender tender = readable(id, Actor.of(authentication));
        return eligibility.ofOrganisationAndLot(tender.organisationId(), tender.lotId()).stream()
                .filter(r -> r.stage() != EligibilityRuns.Stage.SELF_CHECK || Actor.of(authentication).belongsTo(tender.organisationId()))
                .map(EligibilityRunView::of).toList();
    }

    /**
     * A signed-in bidder's self-check with its organisation's stored profile. Unlike the anonymous
     * check it is kept, so that the check at submission can say what changed since.
     */
    @Post("/rounds/{roundId}/lots/{lotId}/eligibility-check/mine")
    @Secured("BIDDER")
    public EligibilityRunView selfCheck(UUID roundId, UUID lotId, @Nullable @Header(Actor.ACTING_FOR_HEADER) UUID actingFor,
                                        Authentication authentication) {
        return EligibilityRunView.of(rechecking.selfCheck(roundId, lotId, Actor.of(authentication).actingFor(actingFor)));
    }

    /** For the commissioning side, after the deadline: every submission and award run of the round, with what changed and why. */
    @Get("/rounds/{roundId}/eligibility")
    @Secured({"COMMISSIONER", "EVALUATOR", "SCRUTINY", "ADMIN"})
    public List<EligibilityRunView> eligibilityOfRound(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        sealing.requireUnsealed(round);
        return eligibility.ofRound(roundId).stream().map(EligibilityRunView::of).toList();
    }

    public record EligibilityRunView(UUID id, UUID lotId, UUID organisationId, UUID tenderId, EligibilityRuns.Stage stage, Instant ranAt,
                                     boolean canBid, List<CheckingEligibility.Result> results, boolean changed, String summary,
                                     EligibilityChanges.Changes changes) {
        static EligibilityRunView of(EligibilityRuns.Run r) {
            return new EligibilityRunView(r.id(), r.lotId(), r.organisationId(), r.tenderId(), r.stage(), r.ranAt(), r.canBid(), r.results(),
                    r.changes().any(), r.changes().summary(), r.changes());
        }
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
        if (!actor.is(Role.BIDDER)) {
            sealing.requireUnsealed(round);
        }
        return tenders.ofRound(roundId).stream()
                .filter(t -> SealPolicy.mayRead(actor.role(), actor.organisations(), t.organisationId(), now, round.tenderDeadline()))
                .filter(t -> panels.mayOpen(round, t, actor))
                .map(t -> view(round, t, actor)).toList();
    }

    @Get("/tenders/{id}")
    public TenderView get(UUID id, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        Tender tender = readable(id, actor);
        return view(rounds.find(tender.roundId()).orElseThrow(), tender, actor);
    }

    private TenderView view(Round round, Tender tender, Actor actor) {
        return Blinding.applies(round, actor) ? TenderView.of(tender).blinded(Blinding.label(tender, tenders.ofRound(round.id())))
                : TenderView.of(tender);
    }

    /** Recomputes the SHA-256 of the stored tender so a bidder can check it against their receipt. */
    @Get("/tenders/{id}/receipt")
    public Map<String, Object> verify(UUID id, Authentication authentication) {
        Tender tender = readable(id, Actor.of(authentication));
        String recomputed = org.levelfield.tender.application.TenderContentHash.recomputed(tender);
        return Map.of("tenderId", tender.id(), "receivedAt", tender.submittedAt(),
                "receivedAtSource", String.valueOf(tenders.arrivalSource(id).orElse(null)), "sha256", tender.contentSha256(),
                "recomputedSha256", recomputed, "intact", recomputed.equals(tender.contentSha256()));
    }

    private Tender readable(UUID id, Actor actor) {
        Tender tender = tenders.find(id).orElseThrow(() -> ProblemException.notFound("tender", id));
        if (tender.isDraft() && !actor.belongsTo(tender.organisationId())) {
            // A draft was never submitted: only its own organisation ever sees it.
            throw ProblemException.notFound("tender", id);
        }
        Round round = rounds.find(tender.roundId()).orElseThrow();
        if (actor.is(Role.BIDDER)) {
            // Another organisation's tender is never shown to a bidder, not even that it exists.
            if (!SealPolicy.mayRead(actor.role(), actor.organisations(), tender.organisationId(), clock.instant(), round.tenderDeadline())) {
                throw ProblemException.notFound("tender", id);
            }
            return tender;
        }
        if (sealing.isSealed(round)) {
            // A sealed tender answers as an unknown one does: its existence is not said before the deadline.
            throw ProblemException.notFound("tender", id);
        }
        panels.requireMayOpen(round, tender, actor);
        return tender;
    }

}
