package org.levelfield.round.web.design;

import java.util.List;
import java.util.Objects;

import org.levelfield.round.application.RoundCommand;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;

/** A draft round's design as the round command that would create it again: the start of its working copy. */
final class DesignCopy {

    private DesignCopy() {
    }

    static RoundCommand of(Round round) {
        var partners = round.partners().stream().map(p -> new RoundCommand.PartnerCommand(p.name(), p.type(), p.lead(),
                p.budgetLines().stream().map(b -> new RoundCommand.BudgetLineCommand(b.financialYear(), b.amountPence(), b.purpose())).toList()))
                .toList();
        var lots = round.lots().stream().map(DesignCopy::lot).toList();
        var eqia = round.eqia() == null ? null : new RoundCommand.EqiaCommand(round.eqia().assessedOn(), round.eqia().relevance(),
                round.eqia().specialistImpact(), round.eqia().entries().stream().map(e -> new RoundCommand.EqiaEntryCommand(e.characteristic(),
                e.limb(), e.evidence(), e.impact(), e.mitigation(), e.dataGap(), e.gapAction(), e.notApplicableReason(), e.decision(),
                e.disadvantage(), e.differentNeeds(), e.participation())).toList());
        return new RoundCommand(round.title(), round.description(), round.commencementDate(), round.tenderDeadline(), partners, lots, eqia,
                round.details());
    }

    private static RoundCommand.LotCommand lot(Lot lot) {
        List<RoundCommand.CriterionCommand> criteria = lot.mainCriteria().stream().map(c -> criterion(lot, c)).toList();
        return new RoundCommand.LotCommand(lot.title(), lot.valueInclVatPence(), lot.termMonths(), lot.minTurnoverPence(),
                lot.turnoverJustification(), lot.eligibilityRestriction(), lot.reservationBasis(), lot.requiresAuditedAccounts(),
                lot.insuranceTiming(), criteria, lot.terms());
    }

    private static RoundCommand.CriterionCommand criterion(Lot lot, Criterion c) {
        List<RoundCommand.SubCriterionCommand> subs = lot.subCriteria(c.id()).stream().map(s -> new RoundCommand.SubCriterionCommand(
                s.title(), s.duty() == null ? null : s.duty().name(), s.subWeight(),
                Objects.equals(s.descriptors(), c.descriptors()) ? null : s.descriptors(),
                Objects.equals(s.wordLimit(), c.wordLimit()) ? null : s.wordLimit(), s.minScore())).toList();
        return new RoundCommand.CriterionCommand(c.title(), c.kind().name(), c.duty() == null ? null : c.duty().name(), c.weight(),
                c.descriptors(), c.wordLimit(), c.assesses(), c.scoringBasis(), c.methodology(), c.minScore(), subs.isEmpty() ? null : subs);
    }
}
