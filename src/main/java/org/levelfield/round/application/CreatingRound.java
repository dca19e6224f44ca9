package org.levelfield.round.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Actor;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/** A commissioner sets up a round as a draft. */
@Singleton
public class CreatingRound {

    private final Rounds rounds;
    private final Clock clock;

    public CreatingRound(Rounds rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @Transactional
    public Round create(RoundCommand command, Actor actor) {
        Instant now = clock.instant();
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
            List<Criterion> criteria = new ArrayList<>();
            for (int j = 0; j < l.criteria().size(); j++) {
                var c = l.criteria().get(j);
                criteria.add(new Criterion(UUID.randomUUID(), j, c.title().strip(), CriterionKind.valueOf(c.kind()),
                        c.duty() == null ? null : Duty.valueOf(c.duty()), c.weight(), blankToNull(c.descriptors()), c.wordLimit()));
            }
            lots.add(new Lot(UUID.randomUUID(), i, l.title().strip(), l.valueInclVatPence(), l.termMonths(), l.minTurnoverPence(),
                    blankToNull(l.turnoverJustification()), blankToNull(l.eligibilityRestriction()), blankToNull(l.reservationBasis()),
                    criteria));
        }
        Round round = new Round(UUID.randomUUID(), command.title().strip(), blankToNull(command.description()), RoundStatus.DRAFT,
                command.commencementDate(), command.tenderDeadline(), actor.userId(), now, null, null, null, partners, lots);
        rounds.insert(round);
        rounds.recordChange(round.id(), null, RoundStatus.DRAFT, now, actor.userId(), "Round created");
        return round;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
