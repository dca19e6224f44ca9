package org.levelfield.round.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.levelfield.common.time.ClockFactory;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Eqia;
import org.levelfield.round.model.RoundDetails;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.rounddesign.ConditionsFact;
import org.levelfield.rules.facts.rounddesign.CriterionFact;
import org.levelfield.rules.facts.DesignFact;
import org.levelfield.rules.facts.IncumbentFact;
import org.levelfield.rules.facts.EqiaEntryFact;
import org.levelfield.rules.facts.EqiaFact;
import org.levelfield.rules.facts.LotFact;
import org.levelfield.rules.facts.RoundFact;
import org.levelfield.rules.facts.Thresholds;

/** Turns a round's design into the facts the round-design rules read. */
public final class RoundFacts {

    private RoundFacts() {
    }

    /** The facts with the tender notice where it is known: the day of publication, else the planned day, else the decision date. */
    public static List<Object> of(Round round, LocalDate decisionDate, Thresholds thresholds) {
        return of(round, decisionDate, noticeDate(round, decisionDate), thresholds);
    }

    /** The tender notice's day: when the round was published or, before that, when it is planned to be; else {@code otherwise}. */
    public static LocalDate noticeDate(Round round, LocalDate otherwise) {
        if (round.publishedAt() != null) {
            return LocalDate.ofInstant(round.publishedAt(), ClockFactory.LONDON);
        }
        return round.details() != null && round.details().plannedPublicationDate() != null ? round.details().plannedPublicationDate() : otherwise;
    }

    /**
     * @param decisionDate the day the design is decided on (its approval, or today before it): the law in force then applies
     * @param noticeDate   the day of the tender notice, from which the tender period runs (RD-22) and before which the
     *                     conflicts assessment must be made (RD-24)
     */
    public static List<Object> of(Round round, LocalDate decisionDate, LocalDate noticeDate, Thresholds thresholds) {
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        LocalDate approvedOn = round.designApprovedAt() == null ? null : LocalDate.ofInstant(round.designApprovedAt(), ClockFactory.LONDON);
        facts.add(new RoundFact(round.id().toString(), round.title(), round.commencementDate(), decisionDate, approvedOn, noticeDate,
                LocalDate.ofInstant(round.tenderDeadline(), ClockFactory.LONDON), round.isPooled(), round.partners().size()));
        for (var partner : round.partners()) {
            facts.add(new org.levelfield.rules.facts.PartnerFact(round.id().toString(), partner.name(), partner.type(), partner.contributionPence(),
                    partner.budgetLines().stream().map(l -> l.purpose()).filter(java.util.Objects::nonNull).filter(t -> !t.isBlank()).toList()));
        }
        RoundDetails d = round.details();
        facts.add(new DesignFact(round.id().toString(), round.title(), round.lots().size(), d.lotsReason(), d.maxLotsPerSupplier(),
                d.lotLimitMechanism(), d.consortiumCountsForMembers(), d.consortiaAllowed(), d.reliancePermitted(), d.socialValueConsidered(),
                d.socialValuePolicyAdopted(), d.consultation() == null ? null : d.consultation().start(),
                d.consultation() == null ? null : d.consultation().end(), d.consultation() == null ? null : d.consultation().reasonForShort(),
                round.eqia() == null ? null : round.eqia().specialistImpact(),
                d.smallGrants() == null ? null : d.smallGrants().previousPerYearPence(), d.smallGrants() == null ? null : d.smallGrants().retained(),
                d.smallGrants() == null ? null : d.smallGrants().absorptionDecision(),
                d.marketEngagement() == null ? null : d.marketEngagement().specialistProvidersEngaged(),
                d.marketEngagement() == null ? null : d.marketEngagement().outputsSharedEqually(),
                d.marketEngagement() == null || d.marketEngagement().capacityActions() == null ? 0 : d.marketEngagement().capacityActions().size(),
                d.localSpecialistTurnoversPence(), d.primeContractorExpected(), d.subcontractClauses(), d.fundingLabel(),
                d.authoritySpecifiesService(), d.conflictsAssessedOn(), d.monitoringCharacteristics(), d.dataProtectionBasis(),
                d.contractClauses(), d.lotAllocation()));
        for (RoundDetails.Incumbent i : d.incumbentsOrEmpty()) {
            facts.add(new IncumbentFact(round.id().toString(), i.organisation(), i.fundingType(), i.fundingPerYearPence(), i.groupServed(),
                    i.specialist(), i.fundingEndDate(), i.noticeDate()));
        }
        Eqia eqia = round.eqia();
        if (eqia != null) {
            facts.add(new EqiaFact(eqia.id().toString(), round.id().toString(), round.title(), eqia.stage(), eqia.assessedOn(),
                    eqia.relevance(), eqia.specialistImpact()));
            for (Eqia.Entry e : eqia.entries()) {
                facts.add(new EqiaEntryFact(eqia.id().toString(), round.id().toString(), e.characteristic(), e.limb(), e.evidence(),
                        e.impact(), e.mitigation(), e.dataGap(), e.gapAction(), e.notApplicableReason(), e.decision(),
                        e.disadvantage(), e.differentNeeds(), e.participation()));
            }
        }
        for (Lot lot : round.lots()) {
            facts.add(new LotFact(lot.id().toString(), round.id().toString(), lot.title(), lot.valueInclVatPence(),
                    lot.termMonths(), lot.minTurnoverPence(), lot.turnoverJustification(), lot.eligibilityRestriction(),
                    lot.reservationBasis(), lot.requiresAuditedAccounts(), lot.insuranceTiming(), lot.terms().deliveredToPublic(),
                    lot.terms().userRestriction(), lot.terms().userRestrictionJustification(), lot.terms().priceMode(),
                    lot.terms().fixedPricePence(), lot.terms().priceCeilingPence(), lot.terms().fullCostEstimatePence(),
                    lot.terms().termReason(), lot.terms().specialist(), lot.terms().providerCount(), lot.terms().userGroups(),
                    lot.terms().paymentTiming(), lot.terms().mainSubjectMatter(), lot.terms().paymentFrequency()));
            facts.add(new ConditionsFact(lot.id().toString(), lot.title(), lot.annualValuePence(), lot.terms().minTradingYears(),
                    lot.terms().minPriorContractValuePence(), lot.terms().publicContractExperienceOnly(), lot.terms().requiredAccreditations(),
                    lot.terms().minStaffHeadcount(), lot.terms().questionCount(), lot.terms().requestedDocuments(),
                    lot.terms().minContractCount(), lot.terms().experiencePeriodYears(), lot.terms().publicLiabilityCoverPence(),
                    lot.terms().employersLiabilityCoverPence(), lot.terms().professionalIndemnityCoverPence(), lot.terms().equalityEvidenceRequired()));
            for (Criterion c : lot.criteria()) {
                facts.add(new CriterionFact(c.id().toString(), lot.id().toString(), lot.title(), c.title(), c.kind().name(),
                        c.duty() == null ? null : c.duty().name(), c.weight(), c.descriptors(), c.wordLimit(), c.assesses(), c.scoringBasis(),
                        c.parentId() == null ? null : c.parentId().toString(), c.subWeight(), !lot.subCriteria(c.id()).isEmpty(),
                        c.methodology(), c.minScore()));
            }
        }
        return facts;
    }
}
