package org.levelfield.round.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.levelfield.common.time.ClockFactory;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Eqia;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.CriterionFact;
import org.levelfield.rules.facts.EqiaEntryFact;
import org.levelfield.rules.facts.EqiaFact;
import org.levelfield.rules.facts.LotFact;
import org.levelfield.rules.facts.RoundFact;
import org.levelfield.rules.facts.Thresholds;

/** Turns a round's design into the facts the round-design rules read. */
public final class RoundFacts {

    private RoundFacts() {
    }

    public static List<Object> of(Round round, LocalDate decisionDate, Thresholds thresholds) {
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        LocalDate approvedOn = round.designApprovedAt() == null ? null : LocalDate.ofInstant(round.designApprovedAt(), ClockFactory.LONDON);
        LocalDate noticeDate = round.publishedAt() == null ? decisionDate : LocalDate.ofInstant(round.publishedAt(), ClockFactory.LONDON);
        facts.add(new RoundFact(round.id().toString(), round.title(), round.commencementDate(), decisionDate, approvedOn, noticeDate,
                LocalDate.ofInstant(round.tenderDeadline(), ClockFactory.LONDON), round.isPooled(), round.partners().size()));
        Eqia eqia = round.eqia();
        if (eqia != null) {
            facts.add(new EqiaFact(eqia.id().toString(), round.id().toString(), round.title(), eqia.stage(), eqia.assessedOn(),
                    eqia.relevance(), eqia.specialistImpact()));
            for (Eqia.Entry e : eqia.entries()) {
                facts.add(new EqiaEntryFact(eqia.id().toString(), round.id().toString(), e.characteristic(), e.limb(), e.evidence(),
                        e.impact(), e.mitigation(), e.dataGap(), e.gapAction(), e.notApplicableReason()));
            }
        }
        for (Lot lot : round.lots()) {
            facts.add(new LotFact(lot.id().toString(), round.id().toString(), lot.title(), lot.valueInclVatPence(),
                    lot.termMonths(), lot.minTurnoverPence(), lot.turnoverJustification(), lot.eligibilityRestriction(),
                    lot.reservationBasis(), lot.requiresAuditedAccounts(), lot.insuranceTiming()));
            for (Criterion c : lot.criteria()) {
                facts.add(new CriterionFact(c.id().toString(), lot.id().toString(), lot.title(), c.title(), c.kind().name(),
                        c.duty() == null ? null : c.duty().name(), c.weight(), c.descriptors()));
            }
        }
        return facts;
    }
}
