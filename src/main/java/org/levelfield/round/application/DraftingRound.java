package org.levelfield.round.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Eqia;
import org.levelfield.round.model.LotTerms;
import org.levelfield.round.model.RoundDetails;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/** A commissioner sets up a round as a draft, and may revise its design while it is a draft. */
@Singleton
public class DraftingRound {

    private final Rounds rounds;
    private final Clock clock;

    public DraftingRound(Rounds rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @Transactional
    public Round create(RoundCommand command, Actor actor) {
        Instant now = clock.instant();
        Round round = fromCommand(UUID.randomUUID(), command, actor.userId(), now);
        rounds.insert(round);
        rounds.recordChange(round.id(), null, RoundStatus.DRAFT, now, actor.userId(), "Round created");
        return round;
    }

    /** Replaces the whole design of a draft round (title, dates, partners, lots and criteria). */
    @Transactional
    public Round revise(UUID roundId, RoundCommand command, Actor actor) {
        Round existing = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (existing.status() != RoundStatus.DRAFT) {
            throw ProblemException.wrongState("Round '" + existing.title() + "' is " + existing.status()
                    + "; its design can be edited only while it is a DRAFT.", existing.status().name(), existing.status().allowedActions());
        }
        Instant now = clock.instant();
        Round revised = fromCommand(roundId, command, existing.createdBy(), existing.createdAt());
        rounds.replaceDesign(revised);
        rounds.recordChange(roundId, RoundStatus.DRAFT, RoundStatus.DRAFT, now, actor.userId(), "Design revised");
        return rounds.find(roundId).orElseThrow();
    }

    /**
     * A past round as a record, never stored as a round and never run live (its deadline is over): the design exactly
     * as a round request gives it, checked as a round request is except that its dates may lie in the past. Its design
     * was approved and its notice published on the days given, so the rules read those days.
     */
    public static Round record(RoundCommand command, UUID recordId, LocalDate designApprovedOn, LocalDate noticeDate, Instant importedAt) {
        return build(recordId, command, null, importedAt, null).withDates(
                designApprovedOn == null ? null : designApprovedOn.atTime(12, 0).atZone(org.levelfield.common.time.ClockFactory.LONDON).toInstant(),
                noticeDate == null ? null : noticeDate.atTime(12, 0).atZone(org.levelfield.common.time.ClockFactory.LONDON).toInstant());
    }

    private Round fromCommand(UUID roundId, RoundCommand command, UUID createdBy, Instant createdAt) {
        return build(roundId, command, createdBy, createdAt, clock.instant());
    }

    private static Round build(UUID roundId, RoundCommand command, UUID createdBy, Instant createdAt, Instant now) {
        RoundCommandValidation.check(command, now);
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < command.partners().size(); i++) {
            var p = command.partners().get(i);
            List<Partner.BudgetLine> lines = p.budgetLines() == null ? List.of() : p.budgetLines().stream()
                    .map(b -> new Partner.BudgetLine(UUID.randomUUID(), b.financialYear(), b.amountPence(), blankToNull(b.purpose())))
                    .toList();
            partners.add(new Partner(UUID.randomUUID(), i, p.name().strip(), p.type().strip(), Boolean.TRUE.equals(p.lead()), lines));
        }
        List<Lot> lots = new ArrayList<>();
        for (int i = 0; i < command.lots().size(); i++) {
            var l = command.lots().get(i);
            List<Criterion> criteria = CriteriaCommands.criteria(l.criteria());
            lots.add(new Lot(UUID.randomUUID(), i, l.title().strip(), l.valueInclVatPence(), l.termMonths(), l.minTurnoverPence(),
                    blankToNull(l.turnoverJustification()), blankToNull(l.eligibilityRestriction()), blankToNull(l.reservationBasis()),
                    Boolean.TRUE.equals(l.requiresAuditedAccounts()),
                    l.insuranceTiming() == null ? "UNDERTAKING_ACCEPTED" : l.insuranceTiming(), criteria,
                    l.terms() == null ? LotTerms.NONE : withDefaults(l.terms())));
        }
        Eqia eqia = command.eqia() == null ? null : new Eqia(UUID.randomUUID(), "DESIGN", command.eqia().assessedOn(),
                command.eqia().relevance(), blankToNull(command.eqia().specialistImpact()),
                command.eqia().entries() == null ? List.of() : command.eqia().entries().stream().map(e -> new Eqia.Entry(
                        e.characteristic(), e.limb(), blankToNull(e.evidence()), blankToNull(e.impact()), blankToNull(e.mitigation()),
                        blankToNull(e.dataGap()), blankToNull(e.gapAction()), blankToNull(e.notApplicableReason()),
                        blankToNull(e.decision()), blankToNull(e.disadvantage()), blankToNull(e.differentNeeds()),
                        blankToNull(e.participation()))).toList());
        return new Round(roundId, command.title().strip(), blankToNull(command.description()), RoundStatus.DRAFT,
                command.commencementDate(), command.tenderDeadline(), createdBy, createdAt, null, null, null, null, null,
                partners, lots, eqia, List.of(), command.details() == null ? RoundDetails.NONE : command.details());
    }

    private static LotTerms withDefaults(LotTerms t) {
        return new LotTerms(t.deliveredToPublic(), t.userGroups() == null ? List.of() : t.userGroups(), blankToNull(t.userRestriction()),
                blankToNull(t.userRestrictionJustification()), t.priceMode() == null ? "PRICE_SCORED" : t.priceMode(), t.fixedPricePence(),
                t.priceCeilingPence(), t.fullCostEstimatePence(), blankToNull(t.termReason()), t.specialist(), t.providerCount(),
                t.paymentTiming(), t.minTradingYears(), t.minPriorContractValuePence(), t.publicContractExperienceOnly(),
                t.requiredAccreditations() == null ? List.of() : t.requiredAccreditations(), t.minStaffHeadcount(), t.mainSubjectMatter(),
                t.mandatoryItems() == null ? List.of() : t.mandatoryItems().stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList(),
                t.preTenderEstimatePence(), t.priceCeilingDisqualifying(), t.priceVatBasis(), t.questionCount(),
                t.requestedDocuments() == null ? List.of() : t.requestedDocuments().stream().distinct().toList(), t.paymentFrequency(),
                t.minContractCount(), t.experiencePeriodYears(), t.publicLiabilityCoverPence(), t.employersLiabilityCoverPence(),
                t.professionalIndemnityCoverPence(), t.equalityEvidenceRequired());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
