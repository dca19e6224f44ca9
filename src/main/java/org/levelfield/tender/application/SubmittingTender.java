package org.levelfield.tender.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Actor;
import org.levelfield.access.Organisations;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/** A bidder submits a sealed tender for a lot before the deadline and gets a receipt. */
@Singleton
public class SubmittingTender {

    private final Rounds rounds;
    private final Tenders tenders;
    private final Organisations organisations;
    private final Clock clock;

    public SubmittingTender(Rounds rounds, Tenders tenders, Organisations organisations, Clock clock) {
        this.rounds = rounds;
        this.tenders = tenders;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Proof of receipt: the tender id, when it was received, and the SHA-256 of exactly what was received. */
    public record Receipt(UUID tenderId, UUID roundId, UUID lotId, String organisation, Instant receivedAt, String sha256) {
    }

    @Transactional
    public Receipt submit(UUID roundId, UUID lotId, TenderCommand command, Actor actor) {
        Instant now = clock.instant();
        Round round = openRound(roundId, actor, now);
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        List<Tender.Answer> answers = validAnswers(lot, command);
        tenders.liveTender(lotId, actor.organisationId()).ifPresent(existing -> {
            throw ProblemException.wrongState("Your organisation already has tender " + existing.id() + " for lot '" + lot.title()
                    + "', received " + existing.submittedAt() + ". One organisation may hold one live tender per lot; revise it (PUT /api/tenders/"
                    + existing.id() + ") or withdraw it.", round.status().name(), round.status().allowedActions());
        });
        tenders.liveTenderBySameRegistration(lotId, actor.organisationId()).ifPresent(other -> {
            throw ProblemException.wrongState("An organisation with the same registration number already holds tender " + other.id()
                    + " for lot '" + lot.title() + "' (as '" + other.organisationName() + "'). One organisation may hold one live tender per lot, whatever name it bids under.",
                    round.status().name(), round.status().allowedActions());
        });
        return store(round, lot, command, answers, actor, now);
    }

    /** Replaces the organisation's live tender with a revision, before the deadline; the old one is kept as SUPERSEDED. */
    @Transactional
    public Receipt revise(UUID tenderId, TenderCommand command, Actor actor) {
        Tender existing = ownLiveTender(tenderId, actor);
        Instant now = clock.instant();
        Round round = openRound(existing.roundId(), actor, now);
        Lot lot = round.lot(existing.lotId()).orElseThrow();
        List<Tender.Answer> answers = validAnswers(lot, command);
        Receipt receipt = store(round, lot, command, answers, actor, now, existing.id());
        return receipt;
    }

    /** Withdraws the organisation's live tender, before the deadline. */
    @Transactional
    public Tender withdraw(UUID tenderId, Actor actor) {
        Tender existing = ownLiveTender(tenderId, actor);
        openRound(existing.roundId(), actor, clock.instant());
        tenders.retire(tenderId, "WITHDRAWN", null);
        return tenders.find(tenderId).orElseThrow();
    }

    private Tender ownLiveTender(UUID tenderId, Actor actor) {
        Tender existing = tenders.find(tenderId).filter(t -> actor.belongsTo(t.organisationId()))
                .orElseThrow(() -> ProblemException.notFound("tender of your organisation", tenderId));
        if (!existing.status().equals("SUBMITTED")) {
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

    private Receipt store(Round round, Lot lot, TenderCommand command, List<Tender.Answer> answers, Actor actor, Instant now) {
        return store(round, lot, command, answers, actor, now, null);
    }

    private Receipt store(Round round, Lot lot, TenderCommand command, List<Tender.Answer> answers, Actor actor, Instant now, UUID replacing) {
        UUID roundId = round.id();
        UUID lotId = lot.id();
        UUID newId = UUID.randomUUID();
        if (replacing != null && !tenders.retire(replacing, "SUPERSEDED", null)) {
            throw ProblemException.wrongState("Tender " + replacing + " was changed by another request; reload it.", "CHANGED", List.of("reload"));
        }
        String organisationName = organisations.findById(actor.organisationId()).orElseThrow().name();
        String hash = Tender.contentHash(roundId, lotId, actor.organisationId(), command.pricePence(), answers);
        Tender tender = new Tender(newId, roundId, lotId, actor.organisationId(), organisationName, "SUBMITTED",
                command.pricePence(), now, actor.userId(), hash, answers);
        tenders.insert(tender);
        if (replacing != null) {
            tenders.linkSuccessor(replacing, newId);
        }
        return new Receipt(tender.id(), roundId, lotId, organisationName, now, hash);
    }

    private static List<Tender.Answer> validAnswers(Lot lot, TenderCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null) {
            throw ProblemException.badInput("body", "a tender with pricePence and answers is required");
        }
        if (command.pricePence() == null || command.pricePence() <= 0) {
            errors.add(new FieldError("pricePence", "must be a whole number of pence greater than zero"));
        }
        List<Tender.Answer> answers = new ArrayList<>();
        Set<UUID> answered = new HashSet<>();
        List<TenderCommand.AnswerCommand> given = command.answers() == null ? List.of() : command.answers();
        for (int i = 0; i < given.size(); i++) {
            var a = given.get(i);
            String at = "answers[" + i + "]";
            if (a == null || a.criterionId() == null) {
                errors.add(new FieldError(at + ".criterionId", "is required"));
                continue;
            }
            Criterion criterion = lot.criterion(a.criterionId()).orElse(null);
            if (criterion == null) {
                errors.add(new FieldError(at + ".criterionId", "no criterion " + a.criterionId() + " in lot '" + lot.title() + "'"));
            } else if (criterion.isPrice()) {
                errors.add(new FieldError(at + ".criterionId", "'" + criterion.title() + "' is scored from pricePence; it takes no written answer"));
            } else if (!answered.add(a.criterionId())) {
                errors.add(new FieldError(at + ".criterionId", "'" + criterion.title() + "' is answered more than once"));
            } else if (a.answer() == null || a.answer().isBlank()) {
                errors.add(new FieldError(at + ".answer", "an answer to '" + criterion.title() + "' is required"));
            } else if (criterion.wordLimit() != null && words(a.answer()) > criterion.wordLimit()) {
                errors.add(new FieldError(at + ".answer", "the answer to '" + criterion.title() + "' has " + words(a.answer())
                        + " words; the limit is " + criterion.wordLimit()));
            } else {
                answers.add(new Tender.Answer(a.criterionId(), a.answer().strip()));
            }
        }
        for (Criterion c : lot.evaluatorCriteria()) {
            if (!answered.contains(c.id())) {
                errors.add(new FieldError("answers", "no answer to '" + c.title() + "' (criterionId " + c.id() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        return answers;
    }

    private static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
