package org.levelfield.tender.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.identity.Actor;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.SubmittingTender;
import org.levelfield.tender.application.TenderCommand;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/**
 * The tender pages' draft: each section page reads the organisation's draft for the lot, changes
 * its part and saves it through SubmittingTender.saveDraft, the same as the API's drafts.
 */
@Singleton
public class TenderDrafts {

    private final Tenders tenders;
    private final SubmittingTender submitting;

    public TenderDrafts(Tenders tenders, SubmittingTender submitting) {
        this.tenders = tenders;
        this.submitting = submitting;
    }

    public Optional<Tender> draft(Lot lot, Actor actor) {
        // The lookup by lot gives the row only; find gives it with its answers and attachments.
        return tenders.draft(lot.id(), actor.organisationId()).flatMap(t -> tenders.find(t.id()));
    }

    public Optional<Tender> live(Lot lot, Actor actor) {
        return tenders.liveTender(lot.id(), actor.organisationId()).flatMap(t -> tenders.find(t.id()));
    }

    /**
     * The newest tender of the organisation for the lot that an amendment of the round set aside
     * (RESUBMISSION_REQUIRED), when nothing newer exists: its content starts the new draft.
     */
    public Optional<Tender> setAside(Lot lot, Actor actor) {
        return tenders.ofOrganisations(List.of(actor.organisationId())).stream()
                .filter(t -> t.lotId().equals(lot.id()))
                .reduce((a, b) -> b.submittedAt() != null && (a.submittedAt() == null || b.submittedAt().isAfter(a.submittedAt())) ? b : a)
                .filter(t -> "RESUBMISSION_REQUIRED".equals(t.status()))
                .flatMap(t -> tenders.find(t.id()));
    }

    /** Starts a draft holding what a set-aside tender held, so that nothing has to be typed again. */
    public Tender startFrom(Round round, Lot lot, Actor actor, Tender earlier) {
        return save(round, lot, actor, SubmittingTender.contentOf(earlier));
    }

    /** What the draft holds now, or nothing yet. */
    public TenderCommand current(Lot lot, Actor actor) {
        return draft(lot, actor).map(SubmittingTender::contentOf)
                .orElse(new TenderCommand(null, null, List.of(), null, List.of(), List.of(), List.of(), null, List.of(), List.of()));
    }

    public Tender save(Round round, Lot lot, Actor actor, TenderCommand command) {
        return submitting.saveDraft(round.id(), lot.id(), command, actor);
    }

    /** Starts a revision: a draft holding what the live tender holds. */
    public Tender startRevision(Round round, Lot lot, Actor actor) {
        Tender live = live(lot, actor).orElseThrow();
        return save(round, lot, actor, SubmittingTender.contentOf(live));
    }

    static TenderCommand withAnswer(TenderCommand c, UUID criterionId, String answer) {
        List<TenderCommand.AnswerCommand> answers = new java.util.ArrayList<>(c.answers() == null ? List.of() : c.answers());
        answers.removeIf(a -> a.criterionId().equals(criterionId));
        if (answer != null) {
            answers.add(new TenderCommand.AnswerCommand(criterionId, answer));
        }
        return new TenderCommand(c.pricePence(), c.vatBasis(), answers, c.declarations(), c.consortium(), c.subcontractors(),
                c.equalityEvidence(), c.monitoringPlan(), c.attachmentIds(), c.mandatoryItems());
    }

    static TenderCommand withPrice(TenderCommand c, Long pence, String vatBasis) {
        return new TenderCommand(pence, vatBasis, c.answers(), c.declarations(), c.consortium(), c.subcontractors(),
                c.equalityEvidence(), c.monitoringPlan(), c.attachmentIds(), c.mandatoryItems());
    }

    static TenderCommand withDeclarations(TenderCommand c, TenderDetails.Declarations d) {
        return new TenderCommand(c.pricePence(), c.vatBasis(), c.answers(), d, c.consortium(), c.subcontractors(),
                c.equalityEvidence(), c.monitoringPlan(), c.attachmentIds(), c.mandatoryItems());
    }

    static TenderCommand withPartners(TenderCommand c, List<TenderDetails.ConsortiumMember> consortium, List<TenderDetails.Subcontractor> subs) {
        return new TenderCommand(c.pricePence(), c.vatBasis(), c.answers(), c.declarations(), consortium, subs,
                c.equalityEvidence(), c.monitoringPlan(), c.attachmentIds(), c.mandatoryItems());
    }

    static TenderCommand withEvidence(TenderCommand c, List<TenderDetails.Evidence> evidence) {
        return new TenderCommand(c.pricePence(), c.vatBasis(), c.answers(), c.declarations(), c.consortium(), c.subcontractors(),
                evidence, c.monitoringPlan(), c.attachmentIds(), c.mandatoryItems());
    }

    static TenderCommand withMonitoring(TenderCommand c, TenderDetails.MonitoringPlan plan) {
        return new TenderCommand(c.pricePence(), c.vatBasis(), c.answers(), c.declarations(), c.consortium(), c.subcontractors(),
                c.equalityEvidence(), plan, c.attachmentIds(), c.mandatoryItems());
    }

    static TenderCommand withAttachments(TenderCommand c, List<UUID> ids) {
        return new TenderCommand(c.pricePence(), c.vatBasis(), c.answers(), c.declarations(), c.consortium(), c.subcontractors(),
                c.equalityEvidence(), c.monitoringPlan(), ids, c.mandatoryItems());
    }

    static TenderCommand withMandatory(TenderCommand c, List<TenderDetails.MandatoryItem> items) {
        return new TenderCommand(c.pricePence(), c.vatBasis(), c.answers(), c.declarations(), c.consortium(), c.subcontractors(),
                c.equalityEvidence(), c.monitoringPlan(), c.attachmentIds(), items);
    }
}
