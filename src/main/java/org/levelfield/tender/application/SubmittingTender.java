package org.levelfield.tender.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.bidder.CheckingEligibility;
import org.levelfield.bidder.EligibilityChanges;
import org.levelfield.bidder.EligibilityRuns;
import org.levelfield.bidder.OrganisationProfile;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.Arrival;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.application.TenderValidation.Mode;
import org.levelfield.tender.infrastructure.Attachments;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * A bidder drafts, submits, revises and withdraws a sealed tender for a lot, all before the
 * deadline, and gets a receipt for every submission and revision. The eligibility rules run again
 * at each submission against the organisation's profile and declarations as they then stand.
 */
@Singleton
public class SubmittingTender {

    private final Rounds rounds;
    private final Tenders tenders;
    private final Attachments attachments;
    private final OrganisationProfiles profiles;
    private final EligibilityRuns eligibility;
    private final Clock clock;
    private final org.levelfield.common.mail.Notices notices;

    public SubmittingTender(Rounds rounds, Tenders tenders, Attachments attachments, OrganisationProfiles profiles,
                            EligibilityRuns eligibility, Clock clock, org.levelfield.common.mail.Notices notices) {
        this.notices = notices;
        this.rounds = rounds;
        this.tenders = tenders;
        this.attachments = attachments;
        this.profiles = profiles;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /** Proof of receipt: the tender id, when it was received, and the SHA-256 of exactly what was received. */
    public record Receipt(UUID tenderId, UUID roundId, UUID lotId, String organisation, Instant receivedAt, String receivedAtSource,
                          String sha256, EligibilityAtSubmission eligibility) {
    }

    /** The eligibility rules' answer at submission, and what changed since the organisation's previous check for the lot. */
    public record EligibilityAtSubmission(boolean canBid, List<CheckingEligibility.Result> results, boolean changed, String summary,
                                          EligibilityChanges.Changes changes) {
        static EligibilityAtSubmission of(EligibilityRuns.Run run) {
            return new EligibilityAtSubmission(run.canBid(), run.results(), run.changes().any(), run.changes().summary(), run.changes());
        }
    }

    @Transactional
    public Receipt submit(UUID roundId, UUID lotId, TenderCommand command, Actor actor) {
        Instant now = Arrival.of(clock).at();
        Round round = openRound(roundId, actor, now);
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        var valid = TenderValidation.check(round, lot, command, Mode.SUBMISSION, ownAttachments(actor));
        OrganisationProfile profile = completeProfile(actor);
        refuseSecondLiveTender(round, lot, actor);
        UUID id = UUID.randomUUID();
        var draft = tenders.draft(lotId, actor.organisationId());
        Receipt receipt = store(round, lot, valid, profile, actor, now, id, null);
        // A draft for the lot is replaced by the tender submitted directly; it is kept, pointing at it.
        draft.ifPresent(d -> tenders.retireDraft(d.id(), id));
        return receipt;
    }

    /** Saves the organisation's draft for the lot (one per lot), creating it if there is none. Nothing is sealed or received yet. */
    @Transactional
    public Tender saveDraft(UUID roundId, UUID lotId, TenderCommand command, Actor actor) {
        Instant now = Arrival.of(clock).at();
        Round round = openRound(roundId, actor, now);
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        var valid = TenderValidation.check(round, lot, command, Mode.DRAFT, ownAttachments(actor));
        var existing = tenders.draft(lotId, actor.organisationId());
        UUID id = existing.map(Tender::id).orElseGet(UUID::randomUUID);
        Tender draft = new Tender(id, roundId, lotId, actor.organisationId(), null, Tender.DRAFT, valid.pricePence(), null,
                actor.userId(), null, valid.answers(), valid.details(), refs(valid));
        if (existing.isPresent()) {
            tenders.updateDraft(draft, now);
        } else {
            tenders.insert(draft, now);
        }
        return tenders.find(id).orElseThrow();
    }

    @Transactional
    public Tender updateDraft(UUID draftId, TenderCommand command, Actor actor) {
        Tender draft = ownDraft(draftId, actor);
        return saveDraft(draft.roundId(), draft.lotId(), command, actor.actingFor(draft.organisationId()));
    }

    /** Submits the stored draft as it stands: it must now be complete. */
    @Transactional
    public Receipt submitDraft(UUID draftId, Actor actor) {
        Tender draft = ownDraft(draftId, actor);
        Actor acting = actor.actingFor(draft.organisationId());
        Instant now = Arrival.of(clock).at();
        Round round = openRound(draft.roundId(), acting, now);
        Lot lot = round.lot(draft.lotId()).orElseThrow();
        var valid = TenderValidation.check(round, lot, commandOf(draft), Mode.SUBMISSION, ownAttachments(acting));
        OrganisationProfile profile = completeProfile(acting);
        refuseSecondLiveTender(round, lot, acting);
        return store(round, lot, valid, profile, acting, now, draft.id(), draft.id());
    }

    /**
     * Submits the draft as a revision of the organisation's live tender for the lot: the live one is
     * kept as SUPERSEDED, pointing at the new one, which gets its own receipt. Without a live tender
     * it is an ordinary submission of the draft.
     */
    @Transactional
    public Receipt submitDraftAsRevision(UUID draftId, Actor actor) {
        Tender draft = ownDraft(draftId, actor);
        Actor acting = actor.actingFor(draft.organisationId());
        var live = tenders.liveTender(draft.lotId(), draft.organisationId());
        if (live.isEmpty()) {
            return submitDraft(draftId, actor);
        }
        Instant now = Arrival.of(clock).at();
        Round round = openRound(draft.roundId(), acting, now);
        Lot lot = round.lot(draft.lotId()).orElseThrow();
        var valid = TenderValidation.check(round, lot, commandOf(draft), Mode.SUBMISSION, ownAttachments(acting));
        OrganisationProfile profile = completeProfile(acting);
        if (!tenders.retire(live.get().id(), "SUPERSEDED", null)) {
            throw ProblemException.wrongState("Your tender was changed by another request; reload it.", "CHANGED", List.of("reload"));
        }
        Receipt receipt = store(round, lot, valid, profile, acting, now, draft.id(), draft.id());
        tenders.linkSuccessor(live.get().id(), draft.id());
        return receipt;
    }

    /** The content of a tender as a command, to start a draft from it (a revision) or to submit it. */
    public static TenderCommand contentOf(Tender tender) {
        return commandOf(tender);
    }

    @Transactional
    public Tender discardDraft(UUID draftId, Actor actor) {
        Tender draft = ownDraft(draftId, actor);
        openRound(draft.roundId(), actor.actingFor(draft.organisationId()), Arrival.of(clock).at());
        tenders.retireDraft(draftId, null);
        return tenders.find(draftId).orElseThrow();
    }

    /** Replaces the organisation's live tender with a revision, before the deadline; the old one is kept as SUPERSEDED. */
    @Transactional
    public Receipt revise(UUID tenderId, TenderCommand command, Actor actor) {
        Tender existing = ownLiveTender(tenderId, actor);
        Actor acting = actor.actingFor(existing.organisationId());
        Instant now = Arrival.of(clock).at();
        Round round = openRound(existing.roundId(), acting, now);
        Lot lot = round.lot(existing.lotId()).orElseThrow();
        var valid = TenderValidation.check(round, lot, command, Mode.SUBMISSION, ownAttachments(acting));
        OrganisationProfile profile = completeProfile(acting);
        UUID id = UUID.randomUUID();
        if (!tenders.retire(existing.id(), "SUPERSEDED", null)) {
            throw ProblemException.wrongState("Tender " + existing.id() + " was changed by another request; reload it.", "CHANGED", List.of("reload"));
        }
        Receipt receipt = store(round, lot, valid, profile, acting, now, id, null);
        tenders.linkSuccessor(existing.id(), id);
        return receipt;
    }

    /** Withdraws the organisation's live tender, before the deadline. */
    @Transactional
    public Tender withdraw(UUID tenderId, Actor actor) {
        Tender existing = ownLiveTender(tenderId, actor);
        openRound(existing.roundId(), actor.actingFor(existing.organisationId()), Arrival.of(clock).at());
        tenders.retire(tenderId, "WITHDRAWN", null);
        return tenders.find(tenderId).orElseThrow();
    }

    private Receipt store(Round round, Lot lot, TenderValidation.Valid valid, OrganisationProfile profile, Actor actor, Instant now,
                          UUID id, UUID fromDraft) {
        now = ClockFactory.stored(now);
        List<Tender.AttachmentRef> refs = refs(valid);
        String hash = TenderContentHash.of(round.id(), lot.id(), actor.organisationId(), valid.pricePence(), valid.answers(), valid.details(), refs);
        Tender tender = new Tender(id, round.id(), lot.id(), actor.organisationId(), profile.name(), Tender.SUBMITTED,
                valid.pricePence(), now, actor.userId(), hash, valid.answers(), valid.details(), refs);
        if (fromDraft != null) {
            if (!tenders.submitDraft(fromDraft, now, actor.userId(), hash)) {
                throw ProblemException.wrongState("Draft " + fromDraft + " was changed by another request; reload it.", "CHANGED", List.of("reload"));
            }
        } else {
            tenders.insert(tender, now);
        }
        String source = Arrival.of(clock).source();
        tenders.recordArrivalSource(id, source);
        var run = eligibility.run(round, lot, actor.organisationId(), id, EligibilityRuns.Stage.SUBMISSION,
                TenderEligibility.profile(profile, valid.details()), now);
        notices.emailMembers(actor.organisationId(), "receipt", new java.util.HashMap<>(java.util.Map.of("organisation", profile.name(),
                "lot", lot.title(), "round", round.title(), "tenderId", id.toString(), "sha256", hash,
                "receivedAt", java.time.format.DateTimeFormatter.ofPattern("h:mm:ss a 'on' d MMMM yyyy (z)", java.util.Locale.UK)
                        .format(now.atZone(ClockFactory.LONDON)))));
        return new Receipt(id, round.id(), lot.id(), profile.name(), now, source, hash, EligibilityAtSubmission.of(run));
    }

    private void refuseSecondLiveTender(Round round, Lot lot, Actor actor) {
        tenders.liveTender(lot.id(), actor.organisationId()).ifPresent(existing -> {
            throw ProblemException.wrongState("Your organisation already has tender " + existing.id() + " for lot '" + lot.title()
                    + "', received " + existing.submittedAt() + ". One organisation may hold one live tender per lot; revise it (PUT /api/tenders/"
                    + existing.id() + ") or withdraw it.", round.status().name(), round.status().allowedActions());
        });
        tenders.liveTenderBySameRegistration(lot.id(), actor.organisationId()).ifPresent(other -> {
            // Never says which tender or organisation: before the deadline that would break the seal.
            throw ProblemException.wrongState("An organisation with your registration number already holds a live tender for lot '" + lot.title()
                    + "'. One organisation may hold one live tender per lot, whatever name it bids under.",
                    round.status().name(), round.status().allowedActions());
        });
    }

    private OrganisationProfile completeProfile(Actor actor) {
        OrganisationProfile profile = profiles.find(actor.organisationId()).orElseThrow();
        TenderEligibility.requireComplete(profile);
        return profile;
    }

    private List<Tender.AttachmentRef> refs(TenderValidation.Valid valid) {
        Set<UUID> used = new java.util.LinkedHashSet<>(valid.details().attachmentIds());
        valid.details().subcontractors().stream().map(s -> s.commitmentLetterId()).filter(java.util.Objects::nonNull).forEach(used::add);
        valid.details().equalityEvidence().stream().map(e -> e.attachmentId()).filter(java.util.Objects::nonNull).forEach(used::add);
        return used.stream().map(id -> attachments.find(id).orElseThrow().ref()).toList();
    }

    private Set<UUID> ownAttachments(Actor actor) {
        return attachments.ofOrganisation(actor.organisationId()).stream().map(Attachments.Stored::id).collect(Collectors.toSet());
    }

    private static TenderCommand commandOf(Tender draft) {
        var d = draft.details();
        return new TenderCommand(draft.pricePence(), d.vatBasis(),
                draft.answers().stream().map(a -> new TenderCommand.AnswerCommand(a.criterionId(), a.text())).toList(),
                d.declarations(), d.consortium(), d.subcontractors(), d.equalityEvidence(), d.monitoringPlan(), d.attachmentIds(),
                d.mandatoryItems());
    }

    private Tender ownDraft(UUID draftId, Actor actor) {
        Tender draft = tenders.find(draftId).filter(t -> actor.belongsTo(t.organisationId()))
                .orElseThrow(() -> ProblemException.notFound("draft of your organisation", draftId));
        if (!draft.isDraft()) {
            throw ProblemException.wrongState("Tender " + draftId + " is " + draft.status() + ", not a draft.", draft.status(),
                    List.of("revise a submitted tender with PUT /api/tenders/" + draftId));
        }
        return draft;
    }

    private Tender ownLiveTender(UUID tenderId, Actor actor) {
        Tender existing = tenders.find(tenderId).filter(t -> actor.belongsTo(t.organisationId()))
                .orElseThrow(() -> ProblemException.notFound("tender of your organisation", tenderId));
        if (!existing.status().equals(Tender.SUBMITTED)) {
            throw ProblemException.wrongState("Tender " + tenderId + " is " + existing.status() + "; only a SUBMITTED tender can be revised or withdrawn.",
                    existing.status(), List.of("submit a new tender for the lot"));
        }
        return existing;
    }

    private Round openRound(UUID roundId, Actor actor, Instant now) {
        Round round = rounds.find(roundId).filter(r -> r.status() != RoundStatus.DRAFT && r.status() != RoundStatus.DESIGN_APPROVED)
                .orElseThrow(() -> ProblemException.notFound("published round", roundId));
        if (actor.organisationId() == null) {
            throw ProblemException.forbidden("Your account is not a member of a bidding organisation, so it cannot submit tenders.");
        }
        if (round.status() != RoundStatus.PUBLISHED || round.isPastDeadline(now)) {
            throw ProblemException.wrongState("Tenders for round '" + round.title() + "' closed at " + round.tenderDeadline()
                    + "; the server time is " + now + ". Late tenders are not accepted.", round.status().name(), round.status().allowedActions());
        }
        return round;
    }
}
